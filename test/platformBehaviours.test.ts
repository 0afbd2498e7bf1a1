/**
 * What Feishu does to downloads, played by the stand-in and met through the bot's real routes:
 * a file past the caller's limit is refused with the limit named and not read past it; a file
 * or photo inside a merged forward (Feishu answers 234043) gets the advice to send it directly.
 */
import { randomUUID } from 'node:crypto';
import { pipeline, Transform } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { members } from '../src/db/schema/index.js';
import type { LarkApi } from '../src/feishu/larkApi.js';
import { t } from '../src/text/zh-CN.js';
import { deliverMessage, newMessageId, sendFile } from './helpers/bot.js';
import { ACCOUNTS, evidenceOf, lastLog, MINUTE, said, startLoop, stored, type Loop } from './helpers/loop.js';

/** The roster import's limit (commands/hooks.ts). */
const ROSTER_MAX_BYTES = 10 * 1024 * 1024;

let loop: Loop;
beforeAll(async () => {
  loop = await startLoop();
});
afterAll(() => loop.h.close());
afterEach(() => vi.restoreAllMocks());

const memberCount = () => loop.h.bot.db.select().from(members).all().length;
const downloads = () => loop.h.fake.calls.filter((c) => c.path.includes('/resources/')).length;

/**
 * Counts the bytes the bot's download takes off the connection: the SDK's resource stream is
 * handed over through a counting stream (destroying it destroys the socket's stream too).
 */
function countDownloadedBytes(): { bytes: number } {
  const counted = { bytes: 0 };
  const resource = (loop.h.bot.feishu as LarkApi).client.im.v1.messageResource;
  const get = resource.get;
  vi.spyOn(resource, 'get').mockImplementation(async (...args: Parameters<typeof get>) => {
    const res = await get(...args);
    const counting = new Transform({
      transform(chunk: Buffer, _enc, done) {
        counted.bytes += chunk.length;
        done(null, chunk);
      },
    });
    pipeline(res.getReadableStream(), counting, () => undefined);
    return { ...res, getReadableStream: () => counting };
  });
  return counted;
}

/**
 * Feishu slower than a click's 2.5 s budget: every Open API call the bot makes waits until
 * `release()` (afterEach restores the calls).
 */
function holdOpenApi(h: Loop['h']): { release(): void } {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const api = h.bot.feishu as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
  for (const name of ['send', 'reply', 'updateCard', 'updateCardLater', 'uploadImage', 'uploadFile', 'downloadResource', 'getUser']) {
    const call = api[name]!.bind(api);
    vi.spyOn(api, name).mockImplementation(async (...args: unknown[]) => {
      await held;
      return call(...args);
    });
  }
  return { release };
}

/** A file message whose resource Feishu will not hand out (it sits in a merged forward). */
function sendForwardedFile(openId: string, name: string, bytes: Buffer) {
  const messageId = newMessageId();
  const fileKey = `file_v3_${randomUUID().slice(0, 8)}`;
  loop.h.fake.addResource(messageId, fileKey, bytes, 'application/octet-stream', { unsupported: true });
  return deliverMessage(loop.h, { openId, messageId, messageType: 'file', content: { file_key: fileKey, file_name: name } });
}

describe('a roster file over the import limit', () => {
  it('is refused with the limit named, nothing imported, and not read past the limit', async () => {
    const before = memberCount();
    const counted = countDownloadedBytes();
    // A valid roster header, padded past 10 MB.
    const head = Buffer.from('学院,团支部,学号,姓名,角色,手机,飞书ID\n');
    const bytes = Buffer.concat([head, Buffer.alloc(ROSTER_MAX_BYTES + 1 - head.length, 0x20)]);
    const { reply } = await sendFile(loop.h, ACCOUNTS.schoolAdmin, { name: 'roster.csv', bytes });
    expect(said(reply)).toBe(t('import.tooLarge', { mb: 10 }));
    expect(said(reply)).toContain('10 MB');
    expect(memberCount()).toBe(before);
    expect(downloads()).toBe(1);
    // Whatever was in flight when the bot gave up, it never took the whole file (nor the limit).
    expect(counted.bytes).toBeLessThan(ROSTER_MAX_BYTES);
  });

  it('a roster exactly at the limit is still read whole', async () => {
    const counted = countDownloadedBytes();
    const head = Buffer.from('学院,团支部,学号,姓名,角色,手机,飞书ID\n');
    const bytes = Buffer.concat([head, Buffer.alloc(ROSTER_MAX_BYTES - head.length, 0x20)]);
    const { reply } = await sendFile(loop.h, ACCOUNTS.schoolAdmin, { name: 'roster.csv', bytes });
    expect(said(reply)).not.toBe(t('import.tooLarge', { mb: 10 }));
    expect(counted.bytes).toBe(ROSTER_MAX_BYTES);
  });
});

describe('a file or photo inside a merged forward (234043)', () => {
  it('a roster file: the advice to send it directly, nothing imported, no retries', async () => {
    const before = memberCount();
    const calls = downloads();
    const { reply } = await sendForwardedFile(ACCOUNTS.schoolAdmin, 'roster.csv', Buffer.from('学院,团支部,学号,姓名\n'));
    expect(said(reply!)).toBe(t('hint.fileForwarded'));
    expect(said(reply!)).toContain('请直接发送文件，不要合并转发');
    expect(memberCount()).toBe(before);
    expect(downloads() - calls).toBe(1);
    expect(loop.h.fake.uploads).toHaveLength(0);
  });

  it('an evidence photo: the same advice for photos, and nothing attached to the log', async () => {
    const { h, m } = loop;
    await h.say(ACCOUNTS.student, '/记录 实事 2小时 在幸福社区整理图书角');
    const log = lastLog(h, m.student);
    h.clock.advance(MINUTE);
    const before = stored(h);
    const messageId = newMessageId();
    const imageKey = `img_v3_${randomUUID().slice(0, 12)}`;
    h.fake.addResource(messageId, imageKey, Buffer.from('not served'), 'image/jpeg', { unsupported: true });
    const { reply } = await deliverMessage(h, { openId: ACCOUNTS.student, messageId, messageType: 'image', content: { image_key: imageKey } });
    expect(said(reply!)).toBe(t('evidence.forwarded'));
    expect(said(reply!)).toContain('请直接发送照片，不要合并转发');
    expect(evidenceOf(h, log.id)).toHaveLength(0);
    expect(stored(h)).toEqual({ ...before, sent: before.sent + 1 });
  });
});

describe('a slow click (issue 13.5): answered within the budget, its card brought to its final state afterwards', () => {
  it('approving while Feishu is slow answers 「正在处理」 in time, then the clicked card is replaced with the decided one through the delayed-update token', async () => {
    const { h, m } = loop;
    const since = h.fake.messages.length;
    await h.say(ACCOUNTS.student, '/记录 实事 2小时 在洛阳社区给小朋友辅导作业（慢点击）');
    const log = lastLog(h, m.student);
    const card = h.fake.messages.slice(since).find((x) => x.kind === 'send' && x.receiveId === ACCOUNTS.secretary && x.msgType === 'interactive')!;
    // Every Open API call now waits until the click has been answered: the author's notice alone outlasts the 2.5 s budget.
    const feishu = holdOpenApi(h);
    try {
      const updates = h.fake.cardUpdates.length;
      const started = Date.now();
      const env = { a: 'review.approve', v: 1, p: { l: log.id } };
      const res = await h.click(ACCOUNTS.secretary, env, { formValue: { rating: '5' }, messageId: card.messageId });
      expect(Date.now() - started).toBeLessThan(3000);
      expect(res.body).toEqual({ toast: { type: 'info', content: t('card.processing') } });
      feishu.release();
      await h.idle();
      expect(h.fake.cardUpdates.length).toBe(updates + 1);
      const update = h.fake.cardUpdates.at(-1)!;
      expect(update.token).toMatch(/^c-/);
      expect(JSON.stringify(update.card)).toContain('已通过');
      expect(JSON.stringify(update.card)).not.toContain('review.approve');
    } finally {
      feishu.release();
    }
  });
});

describe('a merged forward (merge_forward message)', () => {
  it('is answered with what to send instead, and nothing is stored', async () => {
    const { h } = loop;
    const before = stored(h);
    const d = await deliverMessage(h, { openId: ACCOUNTS.student, messageType: 'merge_forward', content: { content: 'Merged and Forwarded Message' } });
    expect(d.reply && said(d.reply)).toBe(t('hint.mergeForward'));
    expect(stored(h)).toEqual({ ...before, sent: before.sent + 1 });
  });
});

describe('a slow click that fails (issue 13.5): the failure is still shown', () => {
  it('answered 「正在处理」 in time; the error then reaches the clicker as a message', async () => {
    // The bot's own 2.5 s budget is timed in the test above; this one is about what follows it.
    const confirmLoop = await startLoop({ config: { PUBLIC_BASE_URL: 'https://bot.example.edu' }, cardDeadlineMs: 100 });
    const { h, m } = confirmLoop;
    try {
      await h.say(ACCOUNTS.student, '/记录 实事 2小时 在洛阳社区给小朋友辅导作业（慢而失败的点击）');
      const log = lastLog(h, m.student);
      const since = h.fake.messages.length;
      const feishu = holdOpenApi(h); // the QR upload alone outlasts the 2.5 s budget …
      h.fake.failNext({ method: 'POST', path: '/open-apis/im/v1/messages' }, { status: 400, body: { code: 230001, msg: 'invalid' } }); // … and the link's message is refused
      const res = await h.click(ACCOUNTS.secretary, { a: 'review.confirmLink', v: 1, p: { l: log.id } });
      expect(res.body).toEqual({ toast: { type: 'info', content: t('card.processing') } });
      feishu.release();
      const told = await h.fake.waitFor((x) => x.kind === 'send' && x.receiveId === ACCOUNTS.secretary && x.msgType === 'text', 5000, since);
      expect(said(told)).toBe(t('error.unexpected'));
    } finally {
      await confirmLoop.h.close();
    }
  });
});
