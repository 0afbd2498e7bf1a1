/**
 * The outbox (src/jobs/outbox.ts): a real SQLite file, the real node-sdk Client (LarkApi, no
 * retries of its own so the worker's are what is tested) against the fake Open API, and an
 * injected clock for backoff, and a virtual timer for the pacer and the rate-limit holds. Rate
 * limits are measured where Feishu measures them: at the fake, on the pacer's time.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { closeDb, openDb, type Db } from '../src/db/client.js';
import { outbox } from '../src/db/schema/index.js';
import { LarkApi } from '../src/feishu/larkApi.js';
import { OutboxWorker, type OutboxOptions } from '../src/jobs/outbox.js';
import { enqueue } from '../src/jobs/outboxRows.js';
import { silentLogger } from '../src/log.js';
import { startFakeOpenApi, type FakeOpenApi } from './fakes/openApi.js';
import { messageEvent } from './helpers/feishuEvents.js';
import { APP, migratedDbPath, startHarness, TestClock, type Harness } from './helpers/harness.js';
import { eventually } from './helpers/observe.js';
import { VirtualTimer } from './helpers/timers.js';

const SEND = { method: 'POST', path: '/open-apis/im/v1/messages' };

let fake: FakeOpenApi;
let dbPath: string;
let db: Db;
let clock: TestClock;
/** The pacer's time, which the fake also records its calls on (`at`). */
let timer: VirtualTimer;
const workers: OutboxWorker[] = [];

beforeAll(async () => {
  fake = await startFakeOpenApi({ clock: { now: () => timer.now() } });
});
afterAll(() => fake.close());
beforeEach(() => {
  dbPath = migratedDbPath();
  db = openDb(dbPath);
  clock = new TestClock(Date.parse('2025-03-10T01:00:00Z'));
  timer = new VirtualTimer(() => sending > 0);
});
afterEach(async () => {
  for (const w of workers.splice(0)) await w.stop();
  closeDb(db);
  fake.reset();
  fake.setLatency(0);
});

/** Sends on their way to the fake: the virtual time stands still meanwhile (see VirtualTimer). */
let sending = 0;

// One attempt per send: the worker's own retry and backoff are under test, not LarkApi's.
const api = () => {
  const lark = new LarkApi({ appId: APP.appId, appSecret: APP.appSecret, domain: fake.url, log: silentLogger, retry: { attempts: 1, baseDelayMs: 1, maxDelayMs: 1 } });
  for (const method of ['send', 'reply'] as const) {
    const call = lark[method].bind(lark) as (...args: unknown[]) => Promise<{ messageId: string }>;
    (lark as unknown as Record<string, unknown>)[method] = async (...args: unknown[]) => {
      sending++;
      try {
        return await call(...args);
      } finally {
        sending--;
      }
    };
  }
  return lark;
};

function worker(opts: Partial<OutboxOptions> = {}, onDb: Db = db): OutboxWorker {
  const w = new OutboxWorker({ db: onDb, feishu: api(), clock, log: silentLogger }, { random: () => 0.5, timer, ...opts });
  workers.push(w);
  return w;
}

const rows = (on: Db = db) => on.select().from(outbox).orderBy(outbox.id).all();
const sendCalls = () => fake.calls.filter((c) => c.method === SEND.method && c.path === SEND.path);

describe('enqueue', () => {
  it('stores one row for a uuid enqueued twice, and it is sent once', async () => {
    const uuid = randomUUID();
    const first = enqueue(db, { to: { chatId: 'oc_college' }, message: { text: '周报' }, uuid }, clock.now());
    const again = enqueue(db, { to: { chatId: 'oc_college' }, message: { text: '周报' }, uuid }, clock.now() + 1000);
    expect(again.id).toBe(first.id);
    expect(rows()).toHaveLength(1);

    const w = worker();
    expect(await w.drain()).toBe(1);
    expect(await w.drain()).toBe(0);
    enqueue(db, { to: { chatId: 'oc_college' }, message: { text: '周报' }, uuid }, clock.now());
    expect(await w.drain()).toBe(0);

    expect(fake.messages).toHaveLength(1);
    expect(fake.messages[0]).toMatchObject({ receiveIdType: 'chat_id', receiveId: 'oc_college', msgType: 'text', content: { text: '周报' }, uuid });
    expect(rows()[0]).toMatchObject({ status: 'sent', attempts: 1, messageId: fake.messages[0]!.messageId, sentAt: clock.now(), lastError: null });
  });

  it('stores a card as an interactive message to an open_id', async () => {
    const card = { schema: '2.0', body: { elements: [{ tag: 'markdown', content: '**hi**' }] } };
    enqueue(db, { to: { openId: 'ou_alice' }, message: { card }, uuid: 'card-1' }, clock.now());
    await worker().drain();
    expect(fake.messages[0]).toMatchObject({ receiveIdType: 'open_id', receiveId: 'ou_alice', msgType: 'interactive', content: card, uuid: 'card-1' });
  });

  it('stores an uploaded file as a file message', async () => {
    enqueue(db, { to: { chatId: 'oc_admin' }, message: { file: { fileKey: 'file_v3_abc' } }, uuid: 'file-1' }, clock.now());
    await worker().drain();
    expect(fake.messages[0]).toMatchObject({ receiveId: 'oc_admin', msgType: 'file', content: { file_key: 'file_v3_abc' }, uuid: 'file-1' });
  });

  it('refuses a uuid Feishu would refuse (over 50 characters) and stores nothing', () => {
    expect(() => enqueue(db, { to: { chatId: 'oc_1' }, message: { text: 'x' }, uuid: 'u'.repeat(51) }, clock.now())).toThrow();
    expect(rows()).toHaveLength(0);
  });
});

describe('retries', () => {
  it('backs off after an HTTP 500 and sends once when the retry is due, with the same uuid', async () => {
    fake.failNext(SEND, { status: 500, body: { code: 500, msg: 'internal error' } });
    enqueue(db, { to: { chatId: 'oc_1' }, message: { text: 'hello' }, uuid: 'retry-1' }, clock.now());
    const w = worker();

    expect(await w.drain()).toBe(0);
    expect(rows()[0]).toMatchObject({ status: 'pending', attempts: 1, nextAttemptAt: clock.now() + 5000 });
    expect(rows()[0]!.lastError).toContain('internal error');

    clock.advance(4999);
    expect(await w.drain()).toBe(0); // not due yet
    clock.advance(1);
    expect(await w.drain()).toBe(1);

    expect(sendCalls().map((c) => (c.body as { uuid: string }).uuid)).toEqual(['retry-1', 'retry-1']);
    expect(fake.messages).toHaveLength(1);
    expect(rows()[0]).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
  });

  it('grows the backoff exponentially with jitter, capped at 30 minutes', () => {
    const w = worker();
    expect([1, 2, 3, 4].map((n) => w.backoffMs(n))).toEqual([5000, 10_000, 20_000, 40_000]);
    expect(w.backoffMs(20)).toBe(30 * 60_000);
    const low = worker({ random: () => 0 });
    const high = worker({ random: () => 0.999 });
    expect(low.backoffMs(2)).toBe(8000);
    expect(high.backoffMs(2)).toBeGreaterThan(11_900);
  });

  it('gives up after maxAttempts failures and keeps the last error', async () => {
    fake.failNext(SEND, { status: 503, body: { code: 503, msg: 'service unavailable' } }, 10);
    enqueue(db, { to: { chatId: 'oc_1' }, message: { text: 'doomed' }, uuid: 'doomed-1' }, clock.now());
    const w = worker({ maxAttempts: 3 });
    for (let i = 0; i < 3; i++) {
      await w.drain();
      clock.advance(60 * 60_000);
    }
    await w.drain();
    expect(sendCalls()).toHaveLength(3);
    expect(rows()[0]).toMatchObject({ status: 'failed', attempts: 3 });
    expect(rows()[0]!.lastError).toContain('service unavailable');
    expect(fake.messages).toHaveLength(0);
  });

  it('gives up at once on an answer that cannot succeed later (bot not in the chat)', async () => {
    fake.failNext(SEND, { status: 400, body: { code: 230002, msg: 'Bot is not in the chat' } });
    enqueue(db, { to: { chatId: 'oc_gone' }, message: { text: 'x' }, uuid: 'gone-1' }, clock.now());
    await worker().drain();
    expect(rows()[0]).toMatchObject({ status: 'failed', attempts: 1 });
    expect(rows()[0]!.lastError).toContain('230002');
  });

  it('holds back a chat that answers 230020 without counting an attempt, and sends to others meanwhile', async () => {
    fake.failNext({ ...SEND }, { status: 400, body: { code: 230020, msg: 'The message sending frequency to this chat exceeds the limit' } });
    enqueue(db, { to: { chatId: 'oc_busy' }, message: { text: 'a' }, uuid: 'busy-1' }, clock.now());
    enqueue(db, { to: { chatId: 'oc_busy' }, message: { text: 'b' }, uuid: 'busy-2' }, clock.now());
    enqueue(db, { to: { chatId: 'oc_quiet' }, message: { text: 'c' }, uuid: 'quiet-1' }, clock.now());
    const w = worker({ rateLimitBackoffMs: 300 });

    expect(await w.drain()).toBe(1);
    expect(fake.messages.map((m) => m.uuid)).toEqual(['quiet-1']);
    const [busy1, busy2] = rows();
    expect(busy1).toMatchObject({ status: 'pending', attempts: 0 });
    expect(busy1!.lastError).toContain('230020');
    expect(busy2).toMatchObject({ status: 'pending', attempts: 0 });

    expect(await w.drain()).toBe(0); // still held back
    timer.advance(299);
    expect(await w.drain()).toBe(0); // a moment before the hold ends
    timer.advance(1);
    expect(await w.drain()).toBe(2);
    // In the order written, each once.
    expect(fake.messages.map((m) => m.uuid)).toEqual(['quiet-1', 'busy-1', 'busy-2']);
    expect(sendCalls()).toHaveLength(4);
  });

  it('holds back every send after an app-wide 99991400', async () => {
    fake.failNext(SEND, { status: 429, body: { code: 99991400, msg: 'request trigger frequency limit' } });
    enqueue(db, { to: { chatId: 'oc_a' }, message: { text: 'a' }, uuid: 'app-1' }, clock.now());
    enqueue(db, { to: { chatId: 'oc_b' }, message: { text: 'b' }, uuid: 'app-2' }, clock.now());
    const w = worker({ rateLimitBackoffMs: 200, lanes: 1 });
    expect(await w.drain()).toBe(0);
    timer.advance(199);
    expect(await w.drain()).toBe(0);
    timer.advance(1);
    expect(await w.drain()).toBe(2);
    expect(rows().map((r) => r.attempts)).toEqual([1, 1]);
  });
});

describe('crash between write and send', () => {
  it('sends a row left pending by a process that never sent it, exactly once', async () => {
    enqueue(db, { to: { chatId: 'oc_1' }, message: { text: 'left behind' }, uuid: 'crash-1' }, clock.now());
    closeDb(db); // the "crashed" process is gone before its worker ran

    db = openDb(dbPath);
    const w = worker();
    w.start();
    const m = await fake.waitFor((x) => x.uuid === 'crash-1', 3000);
    await w.stop();
    expect(m.content).toEqual({ text: 'left behind' });
    expect(fake.messages).toHaveLength(1);
    expect(rows()[0]).toMatchObject({ status: 'sent', messageId: m.messageId });
  });

  it('does not duplicate a message the crashed process sent but never marked sent', async () => {
    const row = enqueue(db, { to: { chatId: 'oc_1' }, message: { text: 'sent just before the crash' }, uuid: 'crash-2' }, clock.now());
    // The crashed process got as far as the send itself.
    const delivered = await api().send({ chatId: 'oc_1' }, { text: 'sent just before the crash' }, { uuid: row.uuid });
    closeDb(db);

    db = openDb(dbPath);
    expect(await worker().drain()).toBe(1);
    expect(fake.messages).toHaveLength(1);
    expect(sendCalls()).toHaveLength(2);
    expect(rows()[0]).toMatchObject({ status: 'sent', messageId: delivered.messageId });
  });

  it('the bot sends what a previous run left pending when it starts', async () => {
    const path = migratedDbPath();
    const before = openDb(path);
    enqueue(before, { to: { openId: 'ou_alice' }, message: { text: '提醒' }, uuid: 'boot-1' }, clock.now());
    closeDb(before);

    const h = await startHarness({ config: { DATABASE_PATH: path }, clock });
    try {
      const m = await h.fake.waitFor((x) => x.uuid === 'boot-1', 3000);
      expect(m).toMatchObject({ receiveId: 'ou_alice', content: { text: '提醒' } });
      await h.bot.outbox.drain();
      expect(h.bot.db.select().from(outbox).where(eq(outbox.uuid, 'boot-1')).get()).toMatchObject({ status: 'sent' });
    } finally {
      await h.close();
    }
  });
});

describe('the worker', () => {
  it('wakes on enqueue instead of waiting for the poll', async () => {
    const w = worker({ pollMs: 60_000 });
    w.start();
    await w.idle(); // the first drain, at start, found nothing
    const started = Date.now();
    enqueue(db, { to: { chatId: 'oc_1' }, message: { text: 'now' }, uuid: 'wake-1' }, clock.now());
    await fake.waitFor((m) => m.uuid === 'wake-1', 2000);
    expect(Date.now() - started).toBeLessThan(500);
  });

  it('send() of a row a pass is already sending waits for that attempt: one message, and its id for the caller', async () => {
    fake.setLatency(100);
    const w = worker();
    const input = { to: { openId: 'ou_reviewer' }, message: { text: '待审核' }, uuid: 'race-1' };
    enqueue(db, input, clock.now());
    const pass = w.drain(); // picks the row up before send() reads it
    const delivered = await w.send(input);
    await pass;
    expect(sendCalls()).toHaveLength(1);
    expect(delivered).toEqual({ uuid: 'race-1', status: 'sent', messageId: fake.messages[0]!.messageId });
  });

  it('stop() lets the send in flight finish and record its result', async () => {
    fake.setLatency(200);
    const w = worker();
    w.start();
    enqueue(db, { to: { chatId: 'oc_1' }, message: { text: 'slow' }, uuid: 'slow-1' }, clock.now());
    await eventually(() => sendCalls().length > 0, 3000, 'the send to start');
    await w.stop();
    expect(rows()[0]).toMatchObject({ status: 'sent' });
  });

  it('spreads 20 messages to one chat to at most 5 in any second, without holding up another chat', async () => {
    for (let i = 0; i < 20; i++) enqueue(db, { to: { chatId: 'oc_big' }, message: { text: `m${i}` }, uuid: `big-${i}` }, clock.now());
    for (let i = 0; i < 3; i++) enqueue(db, { to: { openId: 'ou_small' }, message: { text: `s${i}` }, uuid: `small-${i}` }, clock.now());
    expect(await worker().drain()).toBe(23);

    const big = fake.calls.filter((c) => c.path === SEND.path && (c.body as { receive_id: string }).receive_id === 'oc_big').map((c) => c.at);
    expect(big).toHaveLength(20);
    for (let i = 0; i + 5 < big.length; i++) expect(big[i + 5]! - big[i]!).toBeGreaterThanOrEqual(1000);
    // The other receiver was not queued behind the burst.
    const small = fake.messages.filter((m) => m.receiveId === 'ou_small');
    expect(small.map((m) => m.content.text)).toEqual(['s0', 's1', 's2']);
    expect(Math.max(...small.map((m) => m.at))).toBeLessThan(big[10]!);
    // And the big chat got its messages in order.
    expect(fake.messages.filter((m) => m.receiveId === 'oc_big').map((m) => m.content.text)).toEqual(Array.from({ length: 20 }, (_, i) => `m${i}`));
  });

  it('keeps the whole app under its overall limit', async () => {
    for (let i = 0; i < 12; i++) enqueue(db, { to: { openId: `ou_${i}` }, message: { text: 'x' }, uuid: `all-${i}` }, clock.now());
    await worker({ overallPerSecond: 4 }).drain();
    const at = sendCalls().map((c) => c.at).sort((a, b) => a - b);
    expect(at).toHaveLength(12);
    for (let i = 0; i + 4 < at.length; i++) expect(at[i + 4]! - at[i]!).toBeGreaterThanOrEqual(1000);
  });
});

describe('answers to commands go through the outbox too', () => {
  const REPLY = { method: 'POST', path: /\/reply$/ };
  const SERVER_ERROR = { status: 500, body: { code: 500, msg: 'internal error' } };
  const USER = 'ou_outbox_user';
  const app = { token: APP.token, appId: APP.appId };

  /** Delivers `/帮助` as a new message and waits until the bot has processed it. */
  async function askHelp(h: Harness): Promise<{ messageId: string; eventId: string }> {
    const messageId = `om_${randomUUID().replace(/-/g, '')}`;
    const env = messageEvent({ openId: USER, text: '/帮助', messageId }, app);
    expect((await h.post(env)).status).toBe(200);
    await h.idle();
    expect(h.bot.db.select().from(outbox).where(eq(outbox.replyTo, messageId)).get()?.attempts).toBeGreaterThan(0);
    return { messageId, eventId: env.header.event_id };
  }
  const replyRow = (h: Harness, messageId: string) => h.bot.db.select().from(outbox).where(eq(outbox.replyTo, messageId)).get()!;

  it('a reply is written first, sent at once to the message, and marked sent with its message id', async () => {
    const h = await startHarness({ clock });
    try {
      const { messageId } = await askHelp(h);
      const [sent] = h.fake.messages;
      expect(sent).toMatchObject({ kind: 'reply', replyTo: messageId });
      expect(replyRow(h, messageId)).toMatchObject({ status: 'sent', messageId: sent!.messageId, uuid: sent!.uuid, attempts: 1, receiveIdType: 'chat_id' });
    } finally {
      await h.close();
    }
  });

  it('a reply Feishu answers with 5xx stays pending, and the worker sends it once when the retry is due', async () => {
    const h = await startHarness({ clock });
    try {
      h.fake.failNext(REPLY, SERVER_ERROR, 3); // every attempt of the SDK client's own retries
      const { messageId } = await askHelp(h);
      expect(h.fake.messages).toHaveLength(0);
      const row = replyRow(h, messageId);
      expect(row).toMatchObject({ status: 'pending', attempts: 1 });
      expect(row.lastError).toContain('500');

      clock.ms = row.nextAttemptAt;
      await h.bot.outbox.drain();
      expect(h.fake.messages).toHaveLength(1);
      expect(h.fake.messages[0]).toMatchObject({ replyTo: messageId, uuid: row.uuid });
      expect(replyRow(h, messageId)).toMatchObject({ status: 'sent', attempts: 2 });
    } finally {
      await h.close();
    }
  });

  it('a reply written but not sent before the bot stopped is sent by the next run, once, to the same message', async () => {
    const path = migratedDbPath();
    const first = await startHarness({ config: { DATABASE_PATH: path }, clock });
    first.fake.failNext(REPLY, SERVER_ERROR, 3);
    const { messageId } = await askHelp(first);
    const { uuid } = replyRow(first, messageId);
    await first.close();
    expect(first.fake.messages).toHaveLength(0);

    clock.advance(60_000);
    const next = await startHarness({ config: { DATABASE_PATH: path }, clock });
    try {
      const m = await next.fake.waitFor((x) => x.uuid === uuid, 3000);
      expect(m).toMatchObject({ kind: 'reply', replyTo: messageId });
      await next.bot.outbox.drain();
      expect(next.fake.messages).toHaveLength(1);
      expect(replyRow(next, messageId)).toMatchObject({ status: 'sent', messageId: m.messageId });
    } finally {
      await next.close();
    }
  });

  it('an event processed again after a crash (answered, not yet marked done) answers nothing twice, even past Feishu\'s 1-hour uuid memory', async () => {
    const path = migratedDbPath();
    const first = await startHarness({ config: { DATABASE_PATH: path }, clock });
    const { messageId, eventId } = await askHelp(first);
    expect(first.fake.messages).toHaveLength(1);
    await first.close();
    // The crash came after the reply but before the event was marked done.
    const raw = openDb(path);
    expect(raw.$client.prepare(`UPDATE processed_events SET status = 'pending', processed_at = NULL WHERE event_id = ?`).run(eventId).changes).toBe(1);
    closeDb(raw);

    clock.advance(2 * 3600_000);
    const next = await startHarness({ config: { DATABASE_PATH: path }, clock });
    try {
      // Recovery is queued behind the start, like any acknowledged event.
      await next.bot.idle();
      await next.bot.outbox.drain();
      const status = next.bot.db.$client.prepare('SELECT status FROM processed_events WHERE event_id = ?').get(eventId) as { status: string };
      expect(status.status).toBe('done'); // it was processed again
      expect(next.fake.calls.filter((c) => c.method === 'POST' && REPLY.path.test(c.path))).toHaveLength(0);
      expect(next.bot.db.select().from(outbox).where(eq(outbox.replyTo, messageId)).all()).toHaveLength(1);
    } finally {
      await next.close();
    }
  });
});

describe('a reply to a message the student withdrew', () => {
  const REPLY = { method: 'POST', path: /\/reply$/ };
  const replyCalls = () => fake.calls.filter((c) => c.method === 'POST' && REPLY.path.test(c.path));
  /** A reply row as a command writes it: to the chat of the message (a p2p chat here), 50-char uuid. */
  function answer(studentMessage: string, uuid = `evt_${'e'.repeat(40)}:1`.padEnd(50, '0')) {
    fake.noteMessage(studentMessage, 'oc_p2p_student');
    return { to: { chatId: 'oc_p2p_student' }, replyTo: studentMessage, message: { text: '已记录' }, uuid };
  }

  it('is sent to the chat instead, exactly once, and send() resolves sent with the new message id', async () => {
    const input = answer('om_withdrawn_1');
    expect(input.uuid).toHaveLength(50);
    fake.recall('om_withdrawn_1');
    const w = worker();

    const delivered = await w.send(input);
    expect(replyCalls()).toHaveLength(1);
    expect(fake.messages).toHaveLength(1);
    const [m] = fake.messages;
    expect(m).toMatchObject({ kind: 'send', receiveIdType: 'chat_id', receiveId: 'oc_p2p_student', chatId: 'oc_p2p_student', msgType: 'text', content: { text: '已记录' } });
    // Its own idempotency key, derived from the row's and within Feishu's 50 characters.
    expect(m!.uuid).not.toBe(input.uuid);
    expect(m!.uuid!.length).toBeLessThanOrEqual(50);
    expect(delivered).toEqual({ uuid: input.uuid, status: 'sent', messageId: m!.messageId });
    await w.drain();
    expect(rows()[0]).toMatchObject({ status: 'sent', attempts: 1, messageId: m!.messageId, lastError: null });

    // The worker running again and the same answer written again send nothing more.
    expect(await w.drain()).toBe(0);
    expect(await worker().send(input)).toEqual(delivered);
    expect(fake.messages).toHaveLength(1);
  });

  it('is not sent twice when the row is sent again after a crash before it was marked sent', async () => {
    const input = answer('om_withdrawn_2');
    fake.recall('om_withdrawn_2');
    enqueue(db, input, clock.now());
    expect(await worker().drain()).toBe(1);
    const first = fake.messages[0]!;
    // The crashed process sent it but never recorded it.
    db.update(outbox).set({ status: 'pending', messageId: null, sentAt: null, attempts: 0 }).run();

    expect(await worker().drain()).toBe(1);
    const chatSends = sendCalls();
    expect(chatSends).toHaveLength(2);
    expect(chatSends.map((c) => (c.body as { uuid: string }).uuid)).toEqual([first.uuid, first.uuid]);
    expect(fake.messages).toHaveLength(1);
    expect(rows()[0]).toMatchObject({ status: 'sent', messageId: first.messageId });
  });

  it('is retried to the chat with the same key when sending to the chat fails, and delivered once', async () => {
    const input = answer('om_withdrawn_3', 'retry-withdrawn-1');
    fake.recall('om_withdrawn_3');
    fake.failNext(SEND, { status: 500, body: { code: 500, msg: 'internal error' } });
    const w = worker();

    expect(await w.send(input)).toMatchObject({ uuid: 'retry-withdrawn-1', status: 'pending' });
    expect(rows()[0]).toMatchObject({ status: 'pending', attempts: 1, nextAttemptAt: clock.now() + 5000 });
    expect(fake.messages).toHaveLength(0);

    clock.advance(5000);
    expect(await w.drain()).toBe(1);
    expect(fake.messages).toHaveLength(1);
    expect(fake.messages[0]).toMatchObject({ kind: 'send', receiveId: 'oc_p2p_student' });
    const keys = sendCalls().map((c) => (c.body as { uuid: string }).uuid);
    expect(keys).toHaveLength(2);
    expect(new Set(keys).size).toBe(1);
    expect(rows()[0]).toMatchObject({ status: 'sent', attempts: 2, messageId: fake.messages[0]!.messageId, lastError: null });
  });

  it('is sent to the chat when the message was deleted (230110) too', async () => {
    const input = answer('om_deleted_1', 'deleted-1');
    fake.failNext(REPLY, { status: 400, body: { code: 230110, msg: 'Action unavailable as the message has been deleted.' } });
    const delivered = await worker().send(input);
    expect(fake.messages).toHaveLength(1);
    expect(fake.messages[0]).toMatchObject({ kind: 'send', receiveIdType: 'chat_id', receiveId: 'oc_p2p_student' });
    expect(delivered).toEqual({ uuid: 'deleted-1', status: 'sent', messageId: fake.messages[0]!.messageId });
  });

  it('a reply refused for another reason (230001) still fails the row, and nothing goes to the chat', async () => {
    const input = answer('om_fine_1', 'bad-1');
    fake.failNext(REPLY, { status: 400, body: { code: 230001, msg: 'invalid message content' } });
    const delivered = await worker().send(input);
    expect(delivered).toMatchObject({ uuid: 'bad-1', status: 'failed' });
    expect(delivered.error).toContain('230001');
    expect(rows()[0]).toMatchObject({ status: 'failed', attempts: 1 });
    expect(sendCalls()).toHaveLength(0);
    expect(fake.messages).toHaveLength(0);
  });

  it('the bot answers a command whose message was withdrawn in the student\'s p2p chat, once', async () => {
    const h = await startHarness({ clock });
    try {
      const messageId = `om_${randomUUID().replace(/-/g, '')}`;
      h.fake.recall(messageId);
      const env = messageEvent({ openId: 'ou_withdrawer', text: '/帮助', messageId }, { token: APP.token, appId: APP.appId });
      expect((await h.post(env)).status).toBe(200);
      const m = await h.fake.waitFor((x) => x.kind === 'send' && x.receiveId === 'oc_p2p_ou_withdrawer', 3000);
      await h.idle();
      expect(m).toMatchObject({ receiveIdType: 'chat_id' });
      expect(h.fake.messages).toHaveLength(1);
      expect(h.bot.db.select().from(outbox).where(eq(outbox.replyTo, messageId)).get()).toMatchObject({ status: 'sent', messageId: m.messageId });
    } finally {
      await h.close();
    }
  });
});
