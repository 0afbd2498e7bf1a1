/**
 * The webhook transport end to end: the real koa app over HTTP, a real SQLite file and the
 * real node-sdk Client talking to the fake Open API. Requests are built the way Feishu
 * builds them (encrypted, signed over the raw bytes) and then broken one property at a time.
 */
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startBot } from '../src/app.js';
import { parseEnvelope } from '../src/feishu/envelope.js';
import { silentLogger } from '../src/log.js';
import { APP, migratedDbPath, startHarness, type Harness } from './helpers/harness.js';
import { cardActionEvent, deliver, encrypt, messageEvent, sign, urlVerification, type EventEnvelope } from './helpers/feishuEvents.js';
import { boundMemberCount, eventRow, eventRows, eventually, memberIdByStudentNo, replyCalls, sendCalls } from './helpers/observe.js';
import { deliverRacing } from './helpers/race.js';

const app = { token: APP.token, appId: APP.appId };
const MiB = 1024 * 1024;
/** 李浩然 is a student in examples/roster.csv; binding him is the visible side effect forged requests must not have. */
const BIND_TEXT = '/bind 2023010102 李浩然';

let h: Harness;
beforeEach(async () => {
  h = await startHarness({ transport: 'http' });
  await h.importRoster();
});
afterEach(async () => {
  await h.close();
});

const sqlite = () => h.bot.db.$client;
const nowS = () => Math.floor(h.clock.now() / 1000);
const bindEvent = (openId = 'ou_lihaoran') => messageEvent({ openId, text: BIND_TEXT }, app);
const encryptedBody = (envelope: object, key = APP.encryptKey) => JSON.stringify({ encrypt: encrypt(JSON.stringify(envelope), key) });

/** Asserts the request changed nothing: no dedupe row, nothing sent, nobody bound. */
async function expectNothingChanged(): Promise<void> {
  // Anything (wrongly) started by the request has finished, and sent what it would send.
  await h.idle();
  expect(eventRows(sqlite())).toEqual([]);
  expect(sendCalls(h.fake)).toEqual([]);
  expect(h.fake.messages).toEqual([]);
  expect(boundMemberCount(sqlite())).toBe(0);
}

describe('a genuine event', () => {
  it('is acknowledged with 200 {} and processed: the member is bound and gets a reply', async () => {
    const env = bindEvent();
    const res = await h.post(env);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({});
    const messageId = (env.event as any).message.message_id as string;
    const reply = await h.fake.waitFor((m) => m.replyTo === messageId);
    expect(reply.content.text).toContain('李浩然');
    expect(boundMemberCount(sqlite())).toBe(1);
    await h.idle();
    expect(eventRow(sqlite(), env.header.event_id)?.status).toBe('done');
  });

  it('has its row written before the 200 (pending while processing is slow, then done)', async () => {
    h.fake.setLatency(300);
    const env = bindEvent();
    const res = await h.post(env);
    expect(res.status).toBe(200);
    // The 200 is out; the reply is still waiting at the slow fake — the row must already be durable.
    expect(eventRow(sqlite(), env.header.event_id)).toMatchObject({ event_type: 'im.message.receive_v1', status: 'pending' });
    expect(h.fake.messages).toEqual([]);
    await h.fake.waitFor((m) => m.replyTo === (env.event as any).message.message_id);
    await h.idle();
    const row = eventRow(sqlite(), env.header.event_id)!;
    expect(row).toMatchObject({ status: 'done', error: null });
    expect(row.processed_at).toBeGreaterThanOrEqual(row.received_at);
  });

  it('is answered before any of its processing runs (a later turn does it, so a burst\'s acks never wait on handling)', async () => {
    const env = bindEvent();
    const parsed = parseEnvelope(env);
    if (parsed?.kind !== 'event') throw new Error('not an event envelope');
    expect(await h.bot.handle(parsed.inbound, JSON.stringify(env))).toEqual({});
    expect(eventRow(sqlite(), env.header.event_id)?.status).toBe('pending');
    expect(boundMemberCount(sqlite())).toBe(0);
    await h.idle();
    expect(boundMemberCount(sqlite())).toBe(1);
    expect(eventRow(sqlite(), env.header.event_id)?.status).toBe('done');
  });

  it('still queued at a graceful stop, it stays pending, and the next start processes it once', async () => {
    const path = migratedDbPath();
    const first = await startHarness({ config: { DATABASE_PATH: path } });
    await first.importRoster();
    const env = bindEvent();
    const parsed = parseEnvelope(env);
    if (parsed?.kind !== 'event') throw new Error('not an event envelope');
    expect(await first.bot.handle(parsed.inbound, JSON.stringify(env))).toEqual({});
    await first.bot.stop(); // its synchronous part runs before the turn that would start the processing
    await first.close();
    const db = new Database(path, { readonly: true });
    expect(eventRow(db, env.header.event_id)?.status).toBe('pending');
    expect(boundMemberCount(db)).toBe(0);
    db.close();

    const next = await startHarness({ config: { DATABASE_PATH: path } });
    try {
      await next.idle();
      expect(boundMemberCount(next.bot.db.$client)).toBe(1);
      expect(next.fake.messages.filter((m) => m.replyTo === (env.event as any).message.message_id)).toHaveLength(1);
    } finally {
      await next.close();
    }
  });

  it('is accepted on /feishu/cards too (same handling on both routes)', async () => {
    const env = messageEvent({ openId: 'ou_someone', text: '/help' }, app);
    const res = await h.post(env, { path: '/feishu/cards' });
    expect(res.status).toBe(200);
    await h.fake.waitFor((m) => m.replyTo === (env.event as any).message.message_id);
  });

  it('accepts a timestamp just inside the 5-minute window', async () => {
    const res = await h.post(messageEvent({ openId: 'ou_someone', text: '/help' }, app), { timestamp: nowS() - 290 });
    expect(res.status).toBe(200);
  });
});

describe('redelivery of the same event_id', () => {
  it('processes and replies once when the copies arrive one after the other', async () => {
    const env = bindEvent();
    const messageId = (env.event as any).message.message_id as string;
    expect((await h.post(env)).status).toBe(200);
    await h.fake.waitFor((m) => m.replyTo === messageId);
    // Feishu re-encrypts each delivery (new IV), so the bytes differ; the event_id does not.
    const again = await h.post(env);
    expect(again.status).toBe(200);
    expect(again.body).toEqual({});
    await h.idle();
    expect(replyCalls(h.fake, messageId)).toHaveLength(1);
    expect(h.fake.messages).toHaveLength(1);
    expect(eventRows(sqlite())).toHaveLength(1);
  });

  it('processes and replies once when a copy arrives while the first is still being processed', async () => {
    h.fake.setLatency(200);
    const env = bindEvent();
    const messageId = (env.event as any).message.message_id as string;
    expect((await h.post(env)).status).toBe(200);
    expect((await h.post(env)).status).toBe(200);
    await h.fake.waitFor((m) => m.replyTo === messageId);
    await h.idle();
    expect(replyCalls(h.fake, messageId)).toHaveLength(1);
  });

  it('processes and replies once when copies are in flight at the same time; all get 200', async () => {
    const env = bindEvent();
    const messageId = (env.event as any).message.message_id as string;
    const results = await Promise.all([h.post(env), h.post(env), h.post(env)]);
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    await h.fake.waitFor((m) => m.replyTo === messageId);
    await h.idle();
    expect(replyCalls(h.fake, messageId)).toHaveLength(1);
    expect(h.fake.messages).toHaveLength(1);
    expect(boundMemberCount(sqlite())).toBe(1);
  });

  it('processes and replies once when copies finish arriving in the same instant; all get 200', async () => {
    const env = messageEvent({ openId: 'ou_someone', text: '/help' }, app);
    const messageId = (env.event as any).message.message_id as string;
    const results = await deliverRacing(h.bot.url, '/feishu/events', env, { encryptKey: APP.encryptKey, timestamp: nowS(), copies: 3 });
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    // Every 200 means "stored": the row exists by the time any copy is answered.
    expect(eventRow(sqlite(), env.header.event_id)).toBeDefined();
    await h.fake.waitFor((m) => m.replyTo === messageId);
    await h.idle();
    expect(replyCalls(h.fake, messageId)).toHaveLength(1);
    expect(eventRows(sqlite())).toHaveLength(1);
  });

  it('is still recognised after a restart (the dedupe record lives in SQLite)', async () => {
    const env = messageEvent({ openId: 'ou_someone', text: '/help' }, app);
    const messageId = (env.event as any).message.message_id as string;
    expect((await h.post(env)).status).toBe(200);
    await h.fake.waitFor((m) => m.replyTo === messageId);
    await h.idle();
    expect(eventRow(sqlite(), env.header.event_id)?.status).toBe('done');
    await h.bot.stop();

    const again = await startBot(h.config, { clock: h.clock, log: silentLogger, retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 5 } });
    try {
      const res = await deliver(again.url, '/feishu/events', env, { encryptKey: APP.encryptKey, timestamp: nowS() });
      expect(res.status).toBe(200);
      await again.idle();
      expect(replyCalls(h.fake, messageId)).toHaveLength(1);
    } finally {
      await again.stop();
    }
  });

  it('gets a non-2xx for every copy when the row cannot be stored, and nothing is processed', async () => {
    // A real SQLite failure on insert (as with a full disk): the bot must not acknowledge what it
    // has not stored — not even a copy that raced the first one — or Feishu stops retrying.
    sqlite().exec(`CREATE TRIGGER fail_insert BEFORE INSERT ON processed_events BEGIN SELECT RAISE(FAIL, 'disk full'); END`);
    const env = bindEvent();
    const sequential = [await h.post(env), await h.post(env)];
    const racing = await deliverRacing(h.bot.url, '/feishu/events', env, { encryptKey: APP.encryptKey, timestamp: nowS(), copies: 3 });
    expect([...sequential, ...racing].map((r) => r.status)).toEqual([503, 503, 503, 503, 503]);
    await expectNothingChanged();

    // Once storage works again, Feishu's next retry goes through normally.
    sqlite().exec('DROP TRIGGER fail_insert');
    expect((await h.post(env)).status).toBe(200);
    await h.fake.waitFor((m) => m.replyTo === (env.event as any).message.message_id);
  });
});

describe('the same message under a new event_id (Feishu redelivers after reconnects)', () => {
  const withNewEventId = (env: EventEnvelope): EventEnvelope => ({ ...env, header: { ...env.header, event_id: randomUUID().replace(/-/g, '') } });

  it('is answered once and acted on once: the copy is a duplicate, acknowledged 200', async () => {
    const env = bindEvent();
    const messageId = (env.event as any).message.message_id as string;
    expect((await h.post(env)).status).toBe(200);
    await h.fake.waitFor((m) => m.replyTo === messageId);
    const copy = withNewEventId(env);
    const again = await h.post(copy);
    expect(again.status).toBe(200);
    expect(again.body).toEqual({});
    await h.idle();
    expect(replyCalls(h.fake, messageId)).toHaveLength(1);
    expect(eventRow(sqlite(), copy.header.event_id)).toBeUndefined();
    expect(boundMemberCount(sqlite())).toBe(1);
  });

  it('copies in flight at the same time: all get 200, one reply', async () => {
    const env = bindEvent();
    const messageId = (env.event as any).message.message_id as string;
    const results = await Promise.all([h.post(env), h.post(withNewEventId(env)), h.post(withNewEventId(env))]);
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    await h.fake.waitFor((m) => m.replyTo === messageId);
    await h.idle();
    expect(replyCalls(h.fake, messageId)).toHaveLength(1);
    expect(eventRows(sqlite())).toHaveLength(1);
  });
});

describe('another connection holding the write lock', () => {
  it('delays the ack until the lock is free, then stores and answers the event once', async () => {
    // The bot's own connection (outbox rows, domain writes) takes the lock the same way.
    const other = new Database(h.config.databasePath);
    const env = bindEvent();
    let acked: number | undefined;
    const receive = vi.spyOn(h.bot.pipeline, 'receive');
    try {
      other.exec('BEGIN IMMEDIATE');
      const delivery = h.post(env).then((r) => ((acked = Date.now()), r));
      // The request is verified and its row handed to the store, which cannot commit while the
      // lock is held: the reception stays pending, and nothing is answered meanwhile.
      await vi.waitFor(() => expect(receive).toHaveBeenCalledOnce(), { interval: 5 });
      let stored = false;
      void (receive.mock.results[0]!.value as Promise<unknown>).then(() => (stored = true), () => (stored = true));
      for (let turn = 0; turn < 20; turn++) await new Promise((r) => setImmediate(r));
      expect(stored).toBe(false);
      expect(acked).toBeUndefined(); // not acknowledged before it is stored
      other.exec('COMMIT');
      expect((await delivery).status).toBe(200);
    } finally {
      receive.mockRestore();
      if (other.inTransaction) other.exec('ROLLBACK');
      other.close();
    }
    await h.fake.waitFor((m) => m.replyTo === (env.event as any).message.message_id);
    await h.idle();
    expect(eventRow(sqlite(), env.header.event_id)?.status).toBe('done');
  });
});

describe('group chatter not addressed to the bot', () => {
  const chatter = (mentions?: { key: string; openId: string; name: string }[]) =>
    messageEvent({ openId: 'ou_lihaoran', text: mentions ? '@_user_1 我的电话 13800000000' : '我的电话 13800000000', chatType: 'group', chatId: 'oc_group_x', mentions }, app);
  const payloadOf = (eventId: string, db = sqlite()) => (db.prepare('SELECT payload FROM processed_events WHERE event_id = ?').get(eventId) as { payload: string }).payload;

  it.each([
    ['mentions nobody', undefined],
    ['mentions someone else', [{ key: '@_user_1', openId: 'ou_someone_else', name: '王老师' }]],
  ])('%s: acknowledged and deduped, but only its key is stored (already done), never the text', async (_, mentions) => {
    await h.bot.ready;
    const env = chatter(mentions);
    expect((await h.post(env)).status).toBe(200);
    expect(eventRow(sqlite(), env.header.event_id)).toMatchObject({ status: 'done' });
    expect(payloadOf(env.header.event_id)).toBe('');
    const again = await h.post(env);
    expect(again.status).toBe(200);
    expect(eventRows(sqlite())).toHaveLength(1);
    await h.idle();
    expect(h.fake.messages).toEqual([]);
  });

  it('is stored whole and processed when it @-mentions the bot', async () => {
    await h.bot.ready;
    const env = chatter([{ key: '@_user_1', openId: h.fake.botOpenId, name: '社区实践助手' }]);
    expect((await h.post(env)).status).toBe(200);
    expect(payloadOf(env.header.event_id)).toContain('oc_group_x');
    await h.fake.waitFor((m) => m.replyTo === (env.event as any).message.message_id);
  });

  it('is kept whole for later while the bot does not yet know its own open_id', async () => {
    await h.bot.stop();
    h.fake.failNext({ path: '/open-apis/bot/v3/info' }, { status: 500, body: { code: 1, msg: 'down' } }, 1);
    const again = await startBot(h.config, { clock: h.clock, log: silentLogger, retry: { attempts: 1, baseDelayMs: 1, maxDelayMs: 1 } });
    try {
      const env = chatter([{ key: '@_user_1', openId: 'ou_someone_else', name: '王老师' }]);
      const res = await deliver(again.url, '/feishu/events', env, { encryptKey: APP.encryptKey });
      expect(res.status).toBe(200);
      // Not yet decidable: stored whole and 'pending' until the open_id is known (the next
      // bot/v3/info, a second later), then dropped as chatter without a reply.
      const db = again.db.$client;
      expect(JSON.parse(payloadOf(env.header.event_id, db)).header.event_id).toBe(env.header.event_id);
      expect(eventRow(db, env.header.event_id)?.status).toBe('pending');
      await eventually(() => eventRow(db, env.header.event_id)?.status === 'done', 5000, "row 'done'");
      expect(h.fake.messages).toEqual([]);
    } finally {
      await again.stop();
    }
  });
});

describe('requests that must be refused and change nothing', () => {
  type Attempt = (env: EventEnvelope) => Promise<{ status: number }>;
  const ts = () => nowS();
  const cases: Array<[string, Attempt]> = [
    ['forged: signature from a different key', (env) => h.post(env, { signature: sign(ts(), 'n1', 'not-the-key', encryptedBody(env)), nonce: 'n1' })],
    ['forged: all-zero signature', (env) => h.post(env, { signature: '0'.repeat(64) })],
    ['forged: signature is not hex', (env) => h.post(env, { signature: 'not-a-signature' })],
    ['forged: body swapped after signing', (env) => {
      const signedBody = encryptedBody(messageEvent({ openId: 'ou_x', text: '/help' }, app));
      return h.post(env, { rawBody: encryptedBody(env), nonce: 'n2', signature: sign(ts(), 'n2', APP.encryptKey, signedBody) });
    }],
    ['forged: signed with the verification token instead of the encrypt key', (env) => {
      const body = encryptedBody(env);
      return h.post(env, { rawBody: body, nonce: 'n3', signature: sign(ts(), 'n3', APP.token, body) });
    }],
    ['replayed: timestamp 6 minutes old', (env) => h.post(env, { timestamp: ts() - 360 })],
    ['replayed: timestamp a day old', (env) => h.post(env, { timestamp: ts() - 86_400 })],
    ['replayed: timestamp 6 minutes in the future', (env) => h.post(env, { timestamp: ts() + 360 })],
    ['malformed: timestamp is not a number', (env) => h.post(env, { timestamp: 'Mon Jan 2 15:04:05' as unknown as number })],
    ['wrong verification token', (env) => h.post({ ...env, header: { ...env.header, token: 'wrong-token' } })],
    ['missing verification token', (env) => {
      const { token: _token, ...header } = env.header;
      return h.post({ ...env, header });
    }],
    ['malformed: body is not JSON', (env) => h.post(env, { rawBody: '{"encrypt": "abc' })],
    ['malformed: body is not encrypted (plain signed envelope)', (env) => h.post(env, { rawBody: JSON.stringify(env) })],
    ['malformed: encrypt is not a string', (env) => h.post(env, { rawBody: JSON.stringify({ encrypt: 42 }) })],
    ['malformed: encrypted with another key', (env) => h.post(env, { rawBody: encryptedBody(env, 'some-other-key') })],
    ['malformed: encrypt is not base64 ciphertext', (env) => h.post(env, { rawBody: JSON.stringify({ encrypt: 'this is not ciphertext' }) })],
    ['malformed: decrypts to something that is not JSON', (env) => h.post(env, { rawBody: JSON.stringify({ encrypt: encrypt('hello world', APP.encryptKey) }) })],
    ['malformed: unknown envelope', (env) => h.post({ hello: 'world', event_id: env.header.event_id })],
    ['malformed: v2 envelope without event_id', (env) => h.post({ ...env, header: { ...env.header, event_id: '' } })],
    ['unsigned event (no signature headers)', (env) => h.post(env, { unsigned: true })],
    ['unsigned event with timestamp and nonce but no signature', (env) =>
      h.post(env, { unsigned: true, headers: { 'X-Lark-Request-Timestamp': String(ts()), 'X-Lark-Request-Nonce': 'n4' } })],
    ['another app: signed with our key and token, but header.app_id names another app', (env) => h.post({ ...env, header: { ...env.header, app_id: 'cli_another_app_0000' } })],
    ['another app: a card click for another app', () => h.post(cardActionEvent({ openId: 'ou_lihaoran', value: { a: 'bind.submit', v: 1 }, formValue: { student_no: '2023010102', name: '李浩然' } }, { ...app, appId: 'cli_another_app_0000' }))],
    ['oversize: > 1 MiB with Content-Length (signed, valid otherwise)', (env) =>
      h.post({ ...env, event: { ...env.event, padding: 'x'.repeat(MiB) } })],
  ];

  it.each(cases)('%s → non-2xx', async (_name, attempt) => {
    const res = await attempt(bindEvent());
    expect(res.status).toBeGreaterThanOrEqual(400);
    await expectNothingChanged();
  });

  it('oversize: a chunked body (no Content-Length) that grows past 1 MiB → non-2xx', async () => {
    const env = bindEvent();
    const body = Buffer.from(encryptedBody({ ...env, event: { ...env.event, padding: 'x'.repeat(MiB) } }));
    const timestamp = String(nowS());
    const headers = {
      'content-type': 'application/json',
      'x-lark-request-timestamp': timestamp,
      'x-lark-request-nonce': 'n5',
      'x-lark-signature': sign(timestamp, 'n5', APP.encryptKey, body.toString('utf8')),
    };
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < body.length; i += 64 * 1024) controller.enqueue(body.subarray(i, i + 64 * 1024));
        controller.close();
      },
    });
    let status: number;
    try {
      const res = await fetch(`${h.bot.url}/feishu/events`, { method: 'POST', headers, body: stream, duplex: 'half' } as RequestInit);
      status = res.status;
      await res.arrayBuffer().catch(() => undefined);
    } catch {
      status = 0; // the server may close the socket before the upload ends; that is a refusal too
    }
    expect(status === 0 || status >= 400).toBe(true);
    await expectNothingChanged();
  });

  it('a genuine copy of the same event is still accepted after all those refusals', async () => {
    const env = bindEvent();
    expect((await h.post(env, { signature: '0'.repeat(64) })).status).toBeGreaterThanOrEqual(400);
    expect((await h.post(env, { timestamp: nowS() - 360 })).status).toBeGreaterThanOrEqual(400);
    expect((await h.post(env)).status).toBe(200);
    await h.fake.waitFor((m) => m.replyTo === (env.event as any).message.message_id);
    expect(boundMemberCount(sqlite())).toBe(1);
  });
});

describe('url_verification', () => {
  const challenge = () => urlVerification({ challenge: `ch-${randomUUID()}`, token: APP.token });

  it('answers an unsigned, encrypted challenge carrying the right token with {challenge}', async () => {
    const c = challenge();
    for (const path of ['/feishu/events', '/feishu/cards']) {
      const res = await h.post(c, { unsigned: true, path });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ challenge: c.challenge });
    }
    expect(eventRows(sqlite())).toEqual([]);
  });

  it('answers a signed challenge too', async () => {
    const c = challenge();
    const res = await h.post(c);
    expect(res).toMatchObject({ status: 200, body: { challenge: c.challenge } });
  });

  it('refuses a challenge with the wrong token', async () => {
    const res = await h.post(urlVerification({ challenge: 'abc', token: 'wrong-token' }), { unsigned: true });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.text).not.toContain('abc');
  });

  it('refuses a plaintext challenge (it must decrypt with our key)', async () => {
    const c = challenge();
    const res = await deliver(h.bot.url, '/feishu/events', c, {});
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.text).not.toContain(c.challenge);
  });

  it('refuses a challenge encrypted with another key', async () => {
    const c = challenge();
    const res = await h.post(c, { unsigned: true, rawBody: encryptedBody(c, 'some-other-key') });
    expect(res.status).toBeGreaterThanOrEqual(400);
  });

  it('refuses a signed challenge whose signature is wrong', async () => {
    const res = await h.post(challenge(), { signature: '0'.repeat(64) });
    expect(res.status).toBeGreaterThanOrEqual(400);
  });
});

describe('card callbacks (card.action.trigger)', () => {
  async function bindLiHaoran(openId: string): Promise<number> {
    const reply = await h.say(openId, BIND_TEXT);
    expect(reply.content.text).toContain('李浩然');
    return memberIdByStudentNo(sqlite(), '2023010102');
  }

  it.each(['/feishu/cards', '/feishu/events'])('answers me.refresh on %s synchronously with a raw card, well within 3 s', async (path) => {
    const openId = 'ou_lihaoran';
    const memberId = await bindLiHaoran(openId);
    const env = cardActionEvent({ openId, value: { a: 'me.refresh', v: 1, p: { m: memberId } } }, app);
    const started = performance.now();
    const res = await h.post(env, { path });
    const elapsed = performance.now() - started;
    console.info(`card callback answered on ${path} in ${elapsed.toFixed(1)} ms`);
    expect(res.status).toBe(200);
    expect(elapsed).toBeLessThan(3000);
    expect(res.body.card.type).toBe('raw');
    expect(res.body.card.data).toMatchObject({ schema: '2.0' });
    expect(JSON.stringify(res.body.card.data)).toContain('李浩然');
    await h.idle();
    expect(eventRow(sqlite(), env.header.event_id)?.status).toBe('done');
  });

  it('answers a malformed button value with an error toast', async () => {
    const openId = 'ou_lihaoran';
    await bindLiHaoran(openId);
    for (const value of ['garbage', { a: 'me.refresh', v: 2 }, { a: 'no.such.action', v: 1 }, { a: 'me.refresh', v: 1, p: { m: 'x' } }, undefined]) {
      const res = await h.click(openId, value);
      expect(res.status).toBe(200);
      expect(res.body.toast).toMatchObject({ type: 'error' });
      expect(res.body.card).toBeUndefined();
    }
  });

  it('answers a click from an unbound account with a toast, not a card', async () => {
    const res = await h.click('ou_stranger', { a: 'me.refresh', v: 1, p: { m: 1 } });
    expect(res.status).toBe(200);
    expect(res.body.toast).toMatchObject({ type: 'error' });
  });

  it('acknowledges a redelivered click with {} and runs it once', async () => {
    const openId = 'ou_lihaoran';
    const memberId = await bindLiHaoran(openId);
    const env = cardActionEvent({ openId, value: { a: 'me.refresh', v: 1, p: { m: memberId } } }, app);
    const first = await h.post(env, { path: '/feishu/cards' });
    const second = await h.post(env, { path: '/feishu/cards' });
    expect(first.body.card.type).toBe('raw');
    expect(second).toMatchObject({ status: 200, body: {} });
    expect(eventRows(sqlite()).filter((r) => r.event_type === 'card.action.trigger')).toHaveLength(1);
  });

  it('refuses a forged click and changes nothing', async () => {
    const env = cardActionEvent({ openId: 'ou_x', value: { a: 'me.refresh', v: 1, p: { m: 1 } } }, app);
    const res = await h.post(env, { path: '/feishu/cards', signature: '0'.repeat(64) });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.body?.card).toBeUndefined();
    await expectNothingChanged();
  });
});

describe('GET /healthz', () => {
  it('answers 200 JSON with the database ok in webhook mode', async () => {
    const res = await fetch(`${h.bot.url}/healthz`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(await res.json()).toMatchObject({ status: 'ok', database: 'ok', mode: 'webhook' });
  });

  it('reports what kept acks waiting lately: the longest hold of the event loop and the slowest event commit', async () => {
    const health = async () => (await (await fetch(`${h.bot.url}/healthz`)).json()) as { lag: { eventLoopMaxMs: number; eventCommitMaxMs: number } };
    expect((await health()).lag.eventCommitMaxMs).toBe(0);
    expect((await h.post(messageEvent({ openId: 'ou_someone', text: '/help' }, app))).status).toBe(200);
    // The bot runs in this process: holding this event loop holds the bot's.
    const until = performance.now() + 300;
    while (performance.now() < until) { /* busy */ }
    await new Promise((r) => setTimeout(r, 60));
    const { lag } = await health();
    expect(lag.eventLoopMaxMs).toBeGreaterThanOrEqual(250);
    expect(lag.eventCommitMaxMs).toBeGreaterThan(0);
  });

  it('is not mistaken for an event route, and other routes are 404', async () => {
    expect((await fetch(`${h.bot.url}/feishu/events`)).status).toBe(404);
    expect((await fetch(`${h.bot.url}/nope`, { method: 'POST', body: '{}' })).status).toBe(404);
  });
});

describe('recovery at start', () => {
  const insertPending = (env: EventEnvelope) =>
    sqlite()
      .prepare(`INSERT INTO processed_events (event_id, event_type, payload, received_at, status) VALUES (?, ?, ?, ?, 'pending')`)
      .run(env.header.event_id, env.header.event_type, JSON.stringify(env), h.clock.now() - 60_000);

  it('processes events acknowledged before a crash — a private message, a group @-mention of the bot, a card click', async () => {
    // Rows exactly as the webhook stores them before its 200 (the decrypted envelope), left
    // 'pending' as if the process had been killed right after answering.
    const p2p = messageEvent({ openId: 'ou_someone', text: '/help' }, app);
    const group = messageEvent(
      { openId: 'ou_someone', text: '@_user_1 /help', chatType: 'group', chatId: 'oc_group_x', mentions: [{ key: '@_user_1', openId: h.fake.botOpenId, name: '社区实践助手' }] },
      app,
    );
    // A click acknowledged but cut off before its work was done: the bind form submitted.
    const click = cardActionEvent({ openId: 'ou_clicked_before_crash', value: { a: 'bind.submit', v: 1 }, formValue: { student_no: '2023010103', name: '张雨桐' } }, app);
    for (const env of [group, p2p, click]) insertPending(env);
    await h.bot.stop();

    const again = await startBot(h.config, { clock: h.clock, log: silentLogger, retry: { attempts: 3, baseDelayMs: 5, maxDelayMs: 20 } });
    try {
      await h.fake.waitFor((m) => m.replyTo === (p2p.event as any).message.message_id);
      await h.fake.waitFor((m) => m.replyTo === (group.event as any).message.message_id);
      const rows = await eventually(() => {
        const all = eventRows(again.db.$client);
        return all.every((r) => r.status !== 'pending') ? all : undefined;
      });
      expect(rows.find((r) => r.event_id === p2p.header.event_id)?.status).toBe('done');
      expect(rows.find((r) => r.event_id === group.header.event_id)?.status).toBe('done');
      // A click is replayed (its answer is gone, its work is not): the account is bound.
      expect(rows.find((r) => r.event_id === click.header.event_id)).toMatchObject({ status: 'done' });
      expect(again.db.$client.prepare(`select open_id as openId from members where student_no = '2023010103'`).get()).toEqual({ openId: 'ou_clicked_before_crash' });
    } finally {
      await again.stop();
    }
  });
});

describe('dedupe record retention', () => {
  it('prunes rows older than 7 days at start and keeps recent ones', async () => {
    const now = h.clock.now();
    const insert = sqlite().prepare(`INSERT INTO processed_events (event_id, event_type, payload, received_at, status, processed_at) VALUES (?, 'im.message.receive_v1', '{}', ?, ?, ?)`);
    const day = 24 * 3600 * 1000;
    insert.run('ev_old_done', now - 8 * day, 'done', now - 8 * day);
    insert.run('ev_old_failed', now - 8 * day, 'failed', now - 8 * day);
    insert.run('ev_recent_done', now - 1 * day, 'done', now - 1 * day);
    insert.run('ev_six_days', now - 6 * day, 'done', now - 6 * day);
    await h.bot.stop();

    const again = await startBot(h.config, { clock: h.clock, log: silentLogger });
    try {
      const ids = eventRows(again.db.$client).map((r) => r.event_id);
      expect(ids).not.toContain('ev_old_done');
      expect(ids).not.toContain('ev_old_failed');
      expect(ids).toContain('ev_recent_done');
      expect(ids).toContain('ev_six_days');
    } finally {
      await again.stop();
    }
  });
});
