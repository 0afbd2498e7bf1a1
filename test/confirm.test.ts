/**
 * Community confirmation without an account (PRODUCT.md §4), end to end without a browser:
 * the review card's button → a signed, single-use link and its QR code sent to the reviewer;
 * the page over HTTP → the rating on the log and a note to the reviewer. The same flow in a
 * real browser is test/browser/confirm.browser.test.ts (`npm run test:browser`).
 */
import { createHash, createHmac } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reviewConfirmLink } from '../src/cards/logs.js';
import { auditLog, communityConfirmations, serviceLogs, type Member, type ServiceLog } from '../src/db/schema/index.js';
import { reviewCard } from '../src/cards/logs.js';
import { CONFIRMATION_TTL_MS, issueConfirmation, readConfirmation } from '../src/domain/confirmations.js';
import { viewOf } from '../src/app/logView.js';
import { rememberReviewCard } from '../src/domain/review.js';
import { currentProgramYear } from '../src/domain/program.js';
import { createLog, withdrawLog } from '../src/domain/serviceLogs.js';
import { dayjs, localDate } from '../src/time.js';
import { t } from '../src/text/zh-CN.js';
import { auditActions, bindDirect, memberByNo } from './helpers/bot.js';
import { APP, startHarness, type Harness } from './helpers/harness.js';

const BASE = 'https://practice.example.edu.cn/bot';
const SECRETARY = 'ou_confirm_secretary';
const STUDENT = 'ou_confirm_student';
const OTHER_SECRETARY = 'ou_confirm_other_branch';

let h: Harness;
let secretary: Member;
let student: Member;
let logCount = 0;

beforeAll(async () => {
  h = await startHarness({ config: { PUBLIC_BASE_URL: `${BASE}/` } });
  await h.importRoster();
  secretary = bindDirect(h, '2023010101', SECRETARY); // 王梓涵, 团支书 of 计科2301
  student = bindDirect(h, '2023010102', STUDENT); // 李浩然, 学生 of 计科2301
  bindDirect(h, '2023010201', OTHER_SECRETARY); // 赵一鸣, 团支书 of 计科2302
});

afterAll(async () => {
  await h?.close();
});

/**
 * Runs set-up writes under BEGIN IMMEDIATE. The event store's worker thread commits
 * (`markDone`) right after a click is answered; a deferred transaction that reads before it
 * writes (createLog, withdrawLog) then fails at once with SQLITE_BUSY — busy_timeout does not
 * apply to a stale WAL snapshot. Taking the write lock first waits for the worker instead.
 */
function immediately<T>(work: () => T): T {
  return h.bot.db.transaction(() => work(), { behavior: 'immediate' });
}

/** A pending self-reported log by the student, each on its own day so the daily cap never bites. */
function newLog(opts: { hours?: number; description?: string; source?: 'self' | 'timed' } = {}): ServiceLog {
  const now = h.clock.now();
  const date = dayjs(localDate(now, h.config.timeZone)).subtract(logCount++ % 20, 'day').format('YYYY-MM-DD');
  const draft = { date, item: 'shishi', hours: opts.hours ?? 2, mode: 'offline', description: opts.description ?? `辅导作业 第 ${logCount} 次` };
  return immediately(() => createLog(h.bot.db, student, currentProgramYear(h.bot.db, { now, tz: h.config.timeZone }), draft, { source: opts.source ?? 'self' }, { now, tz: h.config.timeZone }));
}

const logRow = (id: number) => h.bot.db.select().from(serviceLogs).where(eq(serviceLogs.id, id)).get()!;
const confirmationRows = (logId: number) => h.bot.db.select().from(communityConfirmations).where(eq(communityConfirmations.logId, logId)).all();

/** Everything a refused answer must leave as it was. */
function snapshot(logId: number) {
  return {
    log: logRow(logId),
    confirmations: confirmationRows(logId),
    audit: h.bot.db.select({ n: count() }).from(auditLog).get()!.n,
    messages: h.fake.messages.length,
  };
}

const issue = (logId: number) => issueConfirmation(h.bot.db, logId, APP.appSecret, h.clock.now(), undefined, secretary).token;

async function get(token: string): Promise<{ status: number; text: string; headers: Headers }> {
  const res = await fetch(`${h.bot.url}/confirm/${token}`);
  return { status: res.status, text: await res.text(), headers: res.headers };
}

async function post(token: string, fields: Record<string, string>): Promise<{ status: number; text: string }> {
  const res = await fetch(`${h.bot.url}/confirm/${token}`, { method: 'POST', body: new URLSearchParams(fields) });
  const text = await res.text();
  // The reviewers are told through the outbox.
  await h.bot.outbox.drain();
  return { status: res.status, text };
}

/** Replaces one character of the token (at `at` from the end) with another base64url one. */
function flip(token: string, at: number): string {
  const i = token.length - at;
  return token.slice(0, i) + (token[i] === 'A' ? 'B' : 'A') + token.slice(i + 1);
}

describe('生成社区确认链接 on a review card', () => {
  it("sends the reviewer who clicked a card with the link, its QR code and the 7-day single-use note", async () => {
    const log = newLog({ hours: 2.5 });
    const uploadsBefore = h.fake.uploads.length;
    const sentBefore = h.fake.messages.length;

    const res = await h.click(SECRETARY, reviewConfirmLink.value({ l: log.id }));

    expect(res.status).toBe(200);
    expect(res.body.toast).toEqual({ type: 'success', content: t('confirm.sentToast') });
    const uploads = h.fake.uploads.slice(uploadsBefore);
    expect(uploads).toHaveLength(1);
    expect(uploads[0]!.kind).toBe('image');
    expect(uploads[0]!.bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])); // PNG

    const sent = h.fake.messages.slice(sentBefore);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.receiveId).toBe(SECRETARY);
    expect(sent[0]!.msgType).toBe('interactive');
    const elements = sent[0]!.content.body.elements as { tag: string; content?: string; img_key?: string }[];
    expect(elements.find((e) => e.tag === 'img')?.img_key).toBe(uploads[0]!.key);
    const text = JSON.stringify(sent[0]!.content);
    expect(text).toContain('发给社区联系人，7 天内有效，只能使用一次');
    const url = /https:\/\/practice\.example\.edu\.cn\/bot\/confirm\/[A-Za-z0-9_.-]+/.exec(text)?.[0];
    expect(url).toBeDefined();

    // Only the token's hash is stored.
    const token = url!.slice(`${BASE}/confirm/`.length);
    const rows = confirmationRows(log.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tokenHash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(rows[0]!.expiresAt).toBe(h.clock.now() + CONFIRMATION_TTL_MS);
    expect(JSON.stringify(h.bot.db.$client.prepare('select * from community_confirmations').all())).not.toContain(token);
    expect(auditActions(h)).toContain('log.confirmLink');

    // The link in the card opens the page (the base URL's path is the reverse proxy's business).
    const page = await get(token);
    expect(page.status).toBe(200);
    expect(page.text).toContain('李浩然');
  });

  it('a student who clicks a forwarded card gets a toast, and nothing is made or sent', async () => {
    const log = newLog();
    const before = { uploads: h.fake.uploads.length, ...snapshot(log.id) };
    const res = await h.click(STUDENT, reviewConfirmLink.value({ l: log.id }));
    expect(res.body.toast).toEqual({ type: 'error', content: t('error.actionForbidden') });
    expect({ uploads: h.fake.uploads.length, ...snapshot(log.id) }).toEqual(before);
  });

  it("another branch's secretary gets a toast: the clicker is judged from the database, not the card", async () => {
    const log = newLog();
    const before = { uploads: h.fake.uploads.length, ...snapshot(log.id) };
    const res = await h.click(OTHER_SECRETARY, reviewConfirmLink.value({ l: log.id }));
    expect(res.body.toast).toEqual({ type: 'error', content: t('review.forbidden') });
    expect({ uploads: h.fake.uploads.length, ...snapshot(log.id) }).toEqual(before);
  });

  it('refuses a withdrawn log', async () => {
    const log = newLog();
    immediately(() => withdrawLog(h.bot.db, log.id, student, h.clock.now()));
    const before = snapshot(log.id);
    const res = await h.click(SECRETARY, reviewConfirmLink.value({ l: log.id }));
    expect(res.body.toast).toEqual({ type: 'error', content: t('confirm.logClosed', { status: t('status.withdrawn') }) });
    expect(snapshot(log.id)).toEqual(before);
  });
});

describe('the confirmation page', () => {
  it("shows the log's summary, escaped, without the student number or phone, behind strict headers", async () => {
    const log = newLog({ hours: 2.5, description: '在幸福社区给三年级小朋友辅导作业 <script>alert(1)</script> & "朗读"' });
    const token = issue(log.id);
    const before = snapshot(log.id);

    const page = await get(token);

    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    for (const shown of ['李浩然', '计算机科学与工程学院 计科2301团支部', log.serviceDate, '实事', '2.5 小时', '线下', '在幸福社区给三年级小朋友辅导作业']) expect(page.text).toContain(shown);
    expect(page.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;朗读&quot;');
    expect(page.text).not.toContain('<script');
    for (const hidden of ['2023010102', '138 0000 2302', '13800002302']) expect(page.text).not.toContain(hidden);
    expect(page.text).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    for (const r of [1, 2, 3, 4, 5]) expect(page.text).toContain(`name="rating" value="${r}"`);
    expect(page.text).toContain('<form class="card" method="post"');

    const csp = page.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    const nonce = /style-src 'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1];
    expect(page.text).toContain(`<style nonce="${nonce}">`);
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(page.headers.get('cache-control')).toBe('no-store');

    // Opening the page (or a chat app's link preview) changes nothing.
    expect(snapshot(log.id)).toEqual(before);
    expect((await get(token)).status).toBe(200);
  });

  it('a rating of 5 reaches the log and the secretary; the link is spent and a second answer changes nothing', async () => {
    const log = newLog();
    const token = issue(log.id);
    const sentBefore = h.fake.messages.length;

    const res = await post(token, { rating: '5', comment: '服务很认真 <at id=all></at>' });

    expect(res.status).toBe(200);
    expect(res.text).toContain('已确认，谢谢');
    const row = logRow(log.id);
    expect(row.communityRating).toBe(5);
    expect(row.communityConfirmedAt).toBe(h.clock.now());
    expect(row.source).toBe('community'); // self-reported hours became community-confirmed ones
    expect(row.status).toBe('pending'); // the review itself is still the secretary's
    const [confirmation] = confirmationRows(log.id);
    expect(confirmation).toMatchObject({ usedAt: h.clock.now(), rating: 5, comment: '服务很认真 <at id=all></at>' });
    expect(auditActions(h)).toContain('log.communityConfirm');

    const told = h.fake.messages.slice(sentBefore);
    expect(told).toHaveLength(1);
    expect(told[0]!.receiveId).toBe(SECRETARY);
    const card = JSON.stringify(told[0]!.content);
    expect(card).toContain('李浩然');
    expect(card).toContain('**5 分**');
    expect(card).toContain('服务很认真 &lt;at id=all&gt;&lt;/at&gt;');
    expect(card).not.toContain('<at id=all>');

    const before = snapshot(log.id);
    const again = await post(token, { rating: '1' });
    expect(again.status).toBe(410);
    expect(again.text).toContain(t('confirm.usedTitle'));
    expect(snapshot(log.id)).toEqual(before);

    const reopened = await get(token);
    expect(reopened.status).toBe(410);
    expect(reopened.text).toContain(t('confirm.usedTitle'));
  });

  it('the review card waiting for a decision is updated in place: 社区确认, and no link button any more', async () => {
    const log = newLog();
    // The review card as the bot sends it, remembered for the log.
    const sent = await h.bot.outbox.send({ to: { openId: SECRETARY }, message: { card: reviewCard(viewOf(h.bot.db, log), { confirmLink: true }) }, uuid: `review-card-${log.id}` });
    rememberReviewCard(h.bot.db, log.id, secretary.id, sent, h.clock.now());
    expect(JSON.stringify(h.fake.messages.at(-1)!.content)).toContain('review.confirmLink');

    expect((await post(issue(log.id), { rating: '4' })).status).toBe(200);

    const patches = h.fake.patches.filter((p) => p.messageId === sent.messageId);
    expect(patches).toHaveLength(1);
    const card = JSON.stringify(patches[0]!.content);
    expect(card).toContain(t('source.community'));
    expect(card).not.toContain('review.confirmLink');
    expect(card).toContain('review.approve'); // still to be decided
  });

  it('timed hours stay timed when the community confirms them', async () => {
    const log = newLog({ source: 'timed' });
    expect((await post(issue(log.id), { rating: '3' })).status).toBe(200);
    expect(logRow(log.id)).toMatchObject({ source: 'timed', communityRating: 3 });
  });

  it('one confirmation per log: another link for a confirmed log reads as used, and no new one is made', async () => {
    const log = newLog();
    const first = issue(log.id);
    const second = issue(log.id);
    expect((await post(first, { rating: '4' })).status).toBe(200);
    const before = snapshot(log.id);
    expect((await post(second, { rating: '2' })).status).toBe(410);
    expect(snapshot(log.id)).toEqual(before);

    const res = await h.click(SECRETARY, reviewConfirmLink.value({ l: log.id }));
    expect(res.body.toast).toEqual({ type: 'error', content: t('confirm.alreadyConfirmed', { rating: 4 }) });
    expect(confirmationRows(log.id)).toHaveLength(2);
  });

  it('an expired link shows the expired page (410) and takes no answer', async () => {
    const log = newLog();
    const token = issue(log.id);
    const start = h.clock.ms;
    h.clock.advance(CONFIRMATION_TTL_MS + 1);
    try {
      const before = snapshot(log.id);
      const page = await get(token);
      expect(page.status).toBe(410);
      expect(page.text).toContain(t('confirm.expiredTitle'));
      expect((await post(token, { rating: '5' })).status).toBe(410);
      expect(snapshot(log.id)).toEqual(before);
    } finally {
      h.clock.ms = start;
    }
    // One millisecond before the end it still works.
    h.clock.advance(CONFIRMATION_TTL_MS - 1);
    try {
      expect((await get(token)).status).toBe(200);
    } finally {
      h.clock.ms = start;
    }
  });

  it('a forged, altered or unknown link is not found (404) and changes nothing', async () => {
    const log = newLog();
    const token = issue(log.id);
    const before = snapshot(log.id);
    const [body, sig] = token.split('.') as [string, string];
    // Signed with another secret: the claims are fine, the signature is not ours.
    const otherKey = createHmac('sha256', 'not-the-app-secret').update('community-confirmation').digest();
    const foreign = `${body}.${createHmac('sha256', otherKey).update(body).digest('base64url')}`;
    // Ours, claiming another log.
    const claims = Buffer.from(body, 'base64url').toString().replace(/^\d+/, String(log.id + 1000));
    const otherLog = `${Buffer.from(claims).toString('base64url')}.${sig}`;
    for (const bad of [flip(token, 1), flip(token, token.length - 2), foreign, otherLog, 'abc', `${token}.x`, '%E0%A4%A']) {
      const page = await get(bad);
      expect(page.status, bad).toBe(404);
      expect(page.text).toContain(t('confirm.invalidTitle'));
      expect((await post(bad, { rating: '5' })).status, bad).toBe(404);
    }
    expect(snapshot(log.id)).toEqual(before);
    expect((await get(token)).status).toBe(200);
  });

  it('refuses a forged token before looking it up; a well-signed one the database lacks is unknown', () => {
    const log = newLog();
    const token = issue(log.id);
    const now = h.clock.now();
    const read = (tok: string, secret = APP.appSecret) => readConfirmation(h.bot.db, tok, secret, now).status;
    expect(read(token)).toBe('valid');
    expect(read(token, 'another-app-secret')).toBe('forged');
    // Base64url spells 32 bytes in 43 characters with 2 spare bits: another spelling of the
    // same signature bytes is refused too.
    const last = token.at(-1)!;
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const sameBytes = alphabet[(alphabet.indexOf(last) & ~3) | ((alphabet.indexOf(last) + 1) & 3)]!;
    const sig = token.split('.')[1]!;
    expect(Buffer.from(sig.slice(0, -1) + sameBytes, 'base64url')).toEqual(Buffer.from(sig, 'base64url'));
    expect(read(token.slice(0, -1) + sameBytes)).toBe('forged');
    const lookups: string[] = [];
    const prepare = h.bot.db.$client.prepare.bind(h.bot.db.$client);
    h.bot.db.$client.prepare = ((source: string) => (lookups.push(source), prepare(source))) as typeof h.bot.db.$client.prepare;
    try {
      expect(read(flip(token, 5))).toBe('forged');
      expect(lookups).toEqual([]);
      expect(read(token)).toBe('valid');
      expect(lookups.some((q) => q.includes('community_confirmations'))).toBe(true); // the spy sees lookups
    } finally {
      h.bot.db.$client.prepare = prepare;
    }
    immediately(() => h.bot.db.delete(communityConfirmations).where(eq(communityConfirmations.logId, log.id)).run());
    expect(read(token)).toBe('unknown');
  });

  it('a well-signed token the database does not know is not found', async () => {
    const log = newLog();
    const token = issue(log.id);
    h.bot.db.delete(communityConfirmations).where(eq(communityConfirmations.logId, log.id)).run();
    expect((await get(token)).status).toBe(404);
    expect((await post(token, { rating: '5' })).status).toBe(404);
    expect(logRow(log.id).communityRating).toBeNull();
  });

  it('a log withdrawn after the link was made shows a closed page and takes no answer', async () => {
    const log = newLog();
    const token = issue(log.id);
    immediately(() => withdrawLog(h.bot.db, log.id, student, h.clock.now()));
    const before = snapshot(log.id);
    expect((await get(token)).status).toBe(410);
    const res = await post(token, { rating: '5' });
    expect(res.status).toBe(410);
    expect(res.text).toContain(t('confirm.closedTitle'));
    expect(snapshot(log.id)).toEqual(before);
  });

  it.each([
    ['0', { rating: '0' }],
    ['6', { rating: '6' }],
    ['abc', { rating: 'abc' }],
    ['2.5', { rating: '2.5' }],
    ['missing', {}],
  ])('a rating of %s gets the form again with a 400 and changes nothing', async (_, fields: Record<string, string>) => {
    const log = newLog();
    const token = issue(log.id);
    const before = snapshot(log.id);
    const res = await post(token, { ...fields, comment: '写了 <b>一半</b>' });
    expect(res.status).toBe(400);
    expect(res.text).toContain(t('confirm.badRating'));
    expect(res.text).toContain('写了 &lt;b&gt;一半&lt;/b&gt;</textarea>'); // what was typed is kept, escaped
    expect(snapshot(log.id)).toEqual(before);
    // The link is not spent by a bad answer.
    expect((await post(token, { rating: '4' })).status).toBe(200);
  });

  it('a comment over 200 characters gets a 400; exactly 200 is fine', async () => {
    const log = newLog();
    const token = issue(log.id);
    const before = snapshot(log.id);
    const res = await post(token, { rating: '4', comment: '好'.repeat(201) });
    expect(res.status).toBe(400);
    expect(res.text).toContain(t('confirm.badComment'));
    expect(snapshot(log.id)).toEqual(before);
    expect((await post(token, { rating: '4', comment: '好'.repeat(200) })).status).toBe(200);
    expect(confirmationRows(log.id)[0]!.comment).toBe('好'.repeat(200));
  });

  it('refuses an oversized body (413) and a body that is not a form (415)', async () => {
    const log = newLog();
    const token = issue(log.id);
    const before = snapshot(log.id);
    const big = await post(token, { rating: '5', comment: 'x'.repeat(10_000) });
    expect(big.status).toBe(413);
    const json = await fetch(`${h.bot.url}/confirm/${token}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ rating: 5 }) });
    expect(json.status).toBe(415);
    const put = await fetch(`${h.bot.url}/confirm/${token}`, { method: 'PUT', body: 'rating=5' });
    expect(put.status).toBe(405);
    expect(snapshot(log.id)).toEqual(before);
  });
});

describe('without PUBLIC_BASE_URL', () => {
  it('the button answers that links are not configured, and makes nothing', async () => {
    const bare = await startHarness();
    try {
      await bare.importRoster();
      bindDirect(bare, '2023010101', SECRETARY);
      const author = bindDirect(bare, '2023010102', STUDENT);
      const now = bare.clock.now();
      const log = createLog(bare.bot.db, author, currentProgramYear(bare.bot.db, { now, tz: bare.config.timeZone }), { date: localDate(now, bare.config.timeZone), item: 'zoufang', hours: 1, mode: 'online', description: '线上走访' }, { source: 'self' }, { now, tz: bare.config.timeZone });
      const res = await bare.click(SECRETARY, reviewConfirmLink.value({ l: log.id }));
      expect(res.body.toast).toEqual({ type: 'error', content: t('confirm.unavailable') });
      expect(bare.bot.db.select().from(communityConfirmations).all()).toEqual([]);
      expect(bare.fake.uploads).toEqual([]);
      expect(memberByNo(bare, '2023010101').openId).toBe(SECRETARY);
    } finally {
      await bare.close();
    }
  });
});
