/**
 * Rich-text (`post`) messages (issue 13, point 2): a pasted screenshot or a photo sent with text
 * arrives as a post whose `img` elements are evidence like an image message. In a private chat
 * the text is handled first (a command, or plain text that may become a log), then each photo
 * in order; in a group only the text counts, as before.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { photoHash } from '../src/domain/photos.js';
import { t } from '../src/text/zh-CN.js';
import { deliverMessage, newMessageId, type Delivery } from './helpers/bot.js';
import type { Harness } from './helpers/harness.js';
import { ACCOUNTS, addCommunity, evidenceOf, lastLog, logBy, logsOf, MINUTE, patchesOf, reviewCardTo, said, startLoop, stored, TODAY, type Loop } from './helpers/loop.js';
import { photoJpeg } from './helpers/photos.js';

const { student } = ACCOUNTS;
let seed = 1000;
/** A new photo, a different scene each time. */
const photo = () => photoJpeg(++seed);

type Segment = Record<string, unknown>;
const text = (s: string): Segment => ({ tag: 'text', text: s });
const img = (imageKey: string): Segment => ({ tag: 'img', image_key: imageKey, width: 1200, height: 900 });
const newImageKey = () => `img_v3_${randomUUID().slice(0, 12)}`;

/**
 * Sends a post as `openId`: `lines` of segments, with the bytes of each photo served for the
 * post's message id under its image key. `wrap` nests the body under a locale as some clients do.
 */
function sendPost(
  h: Harness,
  openId: string,
  lines: Segment[][],
  opts: { photos?: Record<string, Buffer>; wrap?: string; title?: string; chatType?: 'p2p' | 'group'; mentionBot?: boolean } = {},
): Promise<Delivery> {
  const messageId = newMessageId();
  for (const [key, bytes] of Object.entries(opts.photos ?? {})) h.fake.addResource(messageId, key, bytes, 'image/jpeg');
  const body = { title: opts.title ?? '', content: lines };
  const group = opts.chatType === 'group';
  return deliverMessage(h, {
    openId,
    messageId,
    messageType: 'post',
    content: opts.wrap ? { [opts.wrap]: body } : body,
    chatType: opts.chatType,
    // The fake's bot open_id, as the app's own bot/v3/info reports it.
    ...(group && opts.mentionBot ? { mentions: [{ key: '@_user_1', openId: h.fake.botOpenId, name: '社区实践助手' }] } : {}),
  });
}

/** The bot's upload that a card image key names: what reviewers are shown. */
function uploadOf(h: Harness, cardImageKey: string | null): Buffer | undefined {
  return h.fake.uploads.find((u) => u.kind === 'image' && u.key === cardImageKey)?.bytes;
}

describe('photos inside rich-text messages', () => {
  let loop: Loop;
  beforeEach(async () => {
    loop = await startLoop();
  });
  afterEach(() => loop.h.close());

  it('a report with a photo in one post becomes a log with the photo attached, shown to the reviewer', async () => {
    const { h, m } = loop;
    const site = addCommunity(h, '洛阳社区');
    const before = logsOf(h, m.student).length;
    const key = newImageKey();
    const bytes = await photo();
    const d = await sendPost(h, student, [[text('今天在洛阳社区辅导作业两小时')], [img(key)]], { photos: { [key]: bytes } });

    expect(logsOf(h, m.student)).toHaveLength(before + 1);
    const log = lastLog(h, m.student);
    expect(log).toMatchObject({ serviceDate: TODAY, item: 'shishi', halfHours: 4, communityId: site.id, source: 'self', status: 'pending', sourceMessageId: d.messageId });
    const rows = evidenceOf(h, log.id);
    expect(rows).toEqual([expect.objectContaining({ imageKey: key, messageId: d.messageId, imageHash: await photoHash(bytes), reusedFromLogId: null })]);
    expect(rows[0]!.cardImageKey).toMatch(/^img_/);
    expect(uploadOf(h, rows[0]!.cardImageKey)?.equals(bytes)).toBe(true);
    // The review card the secretary got with the log now shows the bot's upload.
    const card = reviewCardTo(h, log.id, ACCOUNTS.secretary);
    expect(JSON.stringify(patchesOf(h, card.messageId).at(-1)?.content)).toContain(rows[0]!.cardImageKey!);

    // The text is answered first, then the photo; each reply with its own send uuid.
    const replies = d.sent.filter((s) => s.replyTo === d.messageId);
    expect(replies.map(said)).toEqual([expect.stringContaining('✅ 已记录：2026-11-25 实事 2 小时（线下）· 洛阳社区'), t('evidence.attached', { date: TODAY, count: 1 })]);
    const uuids = d.sent.map((s) => s.uuid);
    expect(uuids.every((u) => typeof u === 'string' && u.length > 0)).toBe(true);
    expect(new Set(uuids).size).toBe(uuids.length);
  });

  it('a post with only a photo, after a log, attaches it and gets no plain-text hint', async () => {
    const { h } = loop;
    const log = await logBy(loop, 'student');
    h.clock.advance(3 * MINUTE);
    const key = newImageKey();
    const bytes = await photo();
    const before = stored(h);
    const d = await sendPost(h, student, [[img(key)]], { photos: { [key]: bytes } });

    expect(d.sent.map(said)).toEqual([t('evidence.attached', { date: log.serviceDate, count: 1 })]);
    const rows = evidenceOf(h, log.id);
    expect(rows).toEqual([expect.objectContaining({ imageKey: key, messageId: d.messageId, imageHash: await photoHash(bytes) })]);
    expect(uploadOf(h, rows[0]!.cardImageKey)?.equals(bytes)).toBe(true);
    expect(stored(h).logs).toBe(before.logs);
  });

  it('two photos in one post both attach, in order, each answered', async () => {
    const { h } = loop;
    const log = await logBy(loop, 'student');
    const [k1, k2] = [newImageKey(), newImageKey()];
    const [b1, b2] = [await photo(), await photo()];
    const d = await sendPost(h, student, [[text(' ')], [img(k1), img(k2)]], { photos: { [k1]: b1, [k2]: b2 } });

    const rows = evidenceOf(h, log.id);
    expect(rows.map((r) => r.imageKey)).toEqual([k1, k2]);
    expect(rows.map((r, i) => uploadOf(h, r.cardImageKey)?.equals([b1, b2][i]!))).toEqual([true, true]);
    const replies = d.sent.filter((s) => s.replyTo === d.messageId);
    expect(replies.map(said)).toEqual([t('evidence.attached', { date: log.serviceDate, count: 1 }), t('evidence.attached', { date: log.serviceDate, count: 2 })]);
    expect(new Set(d.sent.map((s) => s.uuid)).size).toBe(d.sent.length);
  });

  it('a post wrapped by locale is read the same way', async () => {
    const { h, m } = loop;
    addCommunity(h, '洛阳社区');
    const key = newImageKey();
    const bytes = await photo();
    const d = await sendPost(h, student, [[text('今天在洛阳社区辅导作业两小时'), img(key)]], { photos: { [key]: bytes }, wrap: 'zh_cn', title: '服务' });

    const log = lastLog(h, m.student);
    expect(log.sourceMessageId).toBe(d.messageId);
    const rows = evidenceOf(h, log.id);
    expect(rows).toEqual([expect.objectContaining({ imageKey: key, messageId: d.messageId })]);
    expect(uploadOf(h, rows[0]!.cardImageKey)?.equals(bytes)).toBe(true);
  });

  it('an img without an image_key is ignored safely: nothing stored, nothing sent, the rest still read', async () => {
    const { h } = loop;
    const log = await logBy(loop, 'student');
    const before = stored(h);
    const bad = await sendPost(h, student, [[{ tag: 'img' }, { tag: 'img', image_key: '' }, { tag: 'img', image_key: 42 }]]);
    expect(bad.sent).toEqual([]);
    expect(stored(h)).toEqual(before);

    // A good photo next to a broken one still attaches.
    const key = newImageKey();
    const d = await sendPost(h, student, [[{ tag: 'img' }, img(key)]], { photos: { [key]: await photo() } });
    expect(d.sent.map(said)).toEqual([t('evidence.attached', { date: log.serviceDate, count: 1 })]);
    expect(evidenceOf(h, log.id).map((r) => r.imageKey)).toEqual([key]);
  });

  it('a text the bot refuses ends there: the photo is not attached to an earlier log instead', async () => {
    const { h } = loop;
    const log = await logBy(loop, 'student');
    const key = newImageKey();
    const d = await sendPost(h, student, [[text('/不存在的命令')], [img(key)]], { photos: { [key]: await photo() } });
    expect(d.sent.map(said)).toEqual([t('error.unknownCommand', { name: '/不存在的命令' })]);
    expect(evidenceOf(h, log.id)).toEqual([]);
  });

  it('in a group, photos of a post are not evidence; the text is handled as before', async () => {
    const { h } = loop;
    const log = await logBy(loop, 'student');
    const key = newImageKey();
    const before = stored(h);
    const d = await sendPost(h, student, [[{ tag: 'at', user_id: '@_user_1', user_name: '社区实践助手' }, text(' /帮助')], [img(key)]], {
      photos: { [key]: await photo() }, chatType: 'group', mentionBot: true,
    });
    expect(d.reply).toBeDefined();
    expect(d.sent.map(said).some((s) => s.includes(t('evidence.attached', { date: log.serviceDate, count: 1 })))).toBe(false);
    expect(stored(h).evidence).toBe(before.evidence);
    expect(evidenceOf(h, log.id)).toEqual([]);
  });
});
