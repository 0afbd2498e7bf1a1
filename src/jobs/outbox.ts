/**
 * The outbox: every outgoing message is written to the `outbox` table first, then sent with
 * retries, backoff and Feishu's rate limits. Jobs `enqueue` and leave the sending to
 * `OutboxWorker`; a command's answer goes through `OutboxWorker.send`, which writes the row and
 * sends it at once, so the user waits for no poll and a failed send is still retried by the
 * worker. The row's `uuid` goes to Feishu as the send's idempotency key, so a crash after the
 * send but before the row is marked 'sent' resends with the same uuid and Feishu drops the copy
 * (it remembers a uuid for 1 h — https://open.feishu.cn/document/server-docs/im-v1/message/create);
 * a row already 'sent' is never sent again, however late the same uuid is written again.
 */
import { and, asc, eq, lt, lte } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Statement } from 'better-sqlite3';
import { z } from 'zod';
import type { Clock } from '../clock.js';
import { writeTransaction, type Db } from '../db/client.js';
import { outbox, type OutboxRow } from '../db/schema/index.js';
import { FeishuApiError, type FeishuApi, type FileMessage, type OutMessage, type Recipient } from '../feishu/api.js';
import type { DbWriter } from './ports.js';
import { realTimer, SendPacer, type Timer } from './rateLimit.js';

const enqueueInput = z.object({
  to: z.union([z.object({ openId: z.string().min(1) }), z.object({ chatId: z.string().min(1) })]),
  replyTo: z.string().min(1).optional(),
  message: z.union([
    z.object({ text: z.string().min(1) }),
    z.object({ card: z.record(z.string(), z.unknown()) }),
    z.object({ file: z.object({ fileKey: z.string().min(1) }) }),
  ]),
  // Feishu refuses a uuid longer than 50 characters.
  uuid: z.string().min(1).max(50),
}).refine((input) => !(input.replyTo && 'file' in input.message), 'a file is sent, not replied');

export interface EnqueueInput {
  /** The receiver; for a reply, the chat of the message answered (messages are paced per chat). */
  to: Recipient;
  /** Answers this message (Feishu's reply API) instead of sending to `to`. */
  replyTo?: string;
  message: OutMessage | FileMessage;
  /** Idempotency key, ≤ 50 chars; derive it from what caused the message (e.g. a job-run claim). */
  uuid: string;
}

const listeners = new WeakMap<object, Set<() => void>>();

/** Calls `fn` after each enqueue on this db handle (not a transaction's); returns the unsubscribe. */
export function onEnqueue(db: object, fn: () => void): () => void {
  let set = listeners.get(db);
  if (!set) listeners.set(db, (set = new Set()));
  set.add(fn);
  return () => set.delete(fn);
}

/**
 * Writes a message to send; the worker sends it. Idempotent on `uuid`: enqueueing the same uuid
 * again stores nothing and returns the first row (whatever its status), so a job that runs twice
 * sends once.
 */
export function enqueue(db: DbWriter, input: EnqueueInput, now: number): OutboxRow {
  const { row, inserted } = write(db, input, now);
  // The worker drains on the next turn, after the caller's synchronous transaction has committed.
  if (inserted) for (const fn of listeners.get(db) ?? []) setImmediate(fn);
  return row;
}

function write(db: DbWriter, input: EnqueueInput, now: number): { row: OutboxRow; inserted: boolean } {
  const inserted = insertRow(db, input, now).returning().get();
  return inserted ? { row: inserted, inserted: true } : { row: byUuid(db, input.uuid)!, inserted: false };
}

const byUuid = (db: DbWriter, uuid: string): OutboxRow | undefined => db.select().from(outbox).where(eq(outbox.uuid, uuid)).get();

/** A new row's columns, validated. */
function newRow(input: EnqueueInput, now: number) {
  const { to, replyTo, message, uuid } = enqueueInput.parse(input) as EnqueueInput;
  const [receiveIdType, receiveId] = 'openId' in to ? (['open_id', to.openId] as const) : (['chat_id', to.chatId] as const);
  const body =
    'text' in message
      ? { msgType: 'text', content: JSON.stringify({ text: message.text }) }
      : 'file' in message
        ? { msgType: 'file', content: JSON.stringify({ file_key: message.file.fileKey }) }
        : { msgType: 'interactive', content: JSON.stringify(message.card) };
  return { uuid, receiveIdType, receiveId, replyTo: replyTo ?? null, ...body, nextAttemptAt: now, createdAt: now };
}

/** The insert of a new row (nothing if the uuid is already there). */
const insertRow = (db: DbWriter, input: EnqueueInput, now: number) =>
  db
    .insert(outbox)
    .values({ ...newRow(input, now), status: 'pending', attempts: 0 })
    .onConflictDoNothing({ target: outbox.uuid });

/**
 * `send`'s statements in plain SQL, prepared once per connection: it runs for every answer, and
 * building each query anew cost more than the message's own database work (bench: /我的).
 */
const SEND_SQL = {
  insert: `insert into outbox (uuid, receive_id_type, receive_id, reply_to, msg_type, content, status, attempts, next_attempt_at, created_at)
    values (@uuid, @receiveIdType, @receiveId, @replyTo, @msgType, @content, 'pending', 0, @nextAttemptAt, @createdAt) on conflict (uuid) do nothing`,
  sent: `update outbox set status = 'sent', message_id = ?, sent_at = ?, attempts = ?, last_error = null where id = ? and status = 'pending'`,
  byUuid: `select id, uuid, receive_id_type as receiveIdType, receive_id as receiveId, reply_to as replyTo, msg_type as msgType, content, status,
    attempts, next_attempt_at as nextAttemptAt, last_error as lastError, message_id as messageId, created_at as createdAt, sent_at as sentAt
    from outbox where uuid = ?`,
};
const sendStatements = new WeakMap<object, { byUuid: Statement; insert: Statement }>();

function statementsOf(db: Db) {
  let prepared = sendStatements.get(db.$client);
  if (!prepared) sendStatements.set(db.$client, (prepared = { byUuid: db.$client.prepare(SEND_SQL.byUuid), insert: db.$client.prepare(SEND_SQL.insert) }));
  return prepared;
}

/** Positional parameters of SEND_SQL.insert, for the writer thread. */
const INSERT_PARAMS = ['uuid', 'receiveIdType', 'receiveId', 'replyTo', 'msgType', 'content', 'nextAttemptAt', 'createdAt'] as const;
const INSERT_POSITIONAL = SEND_SQL.insert.replace(/@\w+/g, '?');

/** Where a message written with `OutboxWorker.send` stands when the call returns. */
export interface Delivery {
  uuid: string;
  /** 'pending': not sent yet, the worker retries it (a failed try or a rate limit). */
  status: OutboxRow['status'];
  messageId?: string;
  /** Why the last try failed. */
  error?: string;
}

/** Deletes rows sent before `before` (their uuids are long past Feishu's 1-hour dedupe). */
export function pruneSent(db: DbWriter, before: number): number {
  return db.delete(outbox).where(and(eq(outbox.status, 'sent'), lt(outbox.sentAt, before))).run().changes;
}

/** The row's message as the FeishuApi port takes it. */
function messageOf(row: OutboxRow): OutMessage | FileMessage {
  const content = JSON.parse(row.content) as Record<string, unknown>;
  if (row.msgType === 'text') return { text: String(content.text) };
  if (row.msgType === 'file') return { file: { fileKey: String(content.file_key) } };
  return { card: content };
}

const recipientOf = (row: OutboxRow): Recipient => (row.receiveIdType === 'open_id' ? { openId: row.receiveId } : { chatId: row.receiveId });

type SentMark = { row: OutboxRow; messageId: string; sentAt: number };

const markSent = (db: DbWriter, { row, messageId, sentAt }: SentMark) =>
  db
    .update(outbox)
    .set({ status: 'sent', messageId, sentAt, attempts: row.attempts + 1, lastError: null })
    .where(and(eq(outbox.id, row.id), eq(outbox.status, 'pending')));

const targetOf = (row: OutboxRow): string => `${row.receiveIdType}:${row.receiveId}`;

/** App-wide rate limits (99991400 frequency limit, 11232 message service busy). */
const APP_LIMIT_CODES = new Set([99991400, 11232]);
/** Per-chat/user limit: more than 5 messages/s to the same receiver. */
const TARGET_LIMIT_CODE = 230020;

export interface OutboxOptions {
  /** A row is marked 'failed' after this many failed sends. */
  maxAttempts: number;
  /** Backoff after the n-th failure: baseDelayMs · 2^(n-1) ± 20 % jitter, at most maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** How long a rate-limited target (or the app) is held back, doubled while it repeats. */
  rateLimitBackoffMs: number;
  pollMs: number;
  perTargetPerSecond: number;
  overallPerSecond: number;
  /** Targets sent to at the same time (each target's rows go one after another, in order). */
  lanes: number;
  batch: number;
  random: () => number;
  timer: Timer;
}

/** Feishu's documented limits and a backoff from 5 s to 30 min (8 attempts ≈ 10 min in all). */
export const DEFAULT_OUTBOX: OutboxOptions = {
  maxAttempts: 8,
  baseDelayMs: 5_000,
  maxDelayMs: 30 * 60_000,
  rateLimitBackoffMs: 1_000,
  pollMs: 1_000,
  perTargetPerSecond: 5,
  overallPerSecond: 50,
  lanes: 8,
  batch: 200,
  random: Math.random,
  timer: realTimer,
};

export interface OutboxPorts {
  db: Db;
  feishu: FeishuApi;
  clock: Clock;
  log: Logger;
  /**
   * Commits `send`'s writes off the bot's connection (the event writer thread, EventStore.write),
   * so an answer never waits on the database's write lock with the event loop stopped. Without
   * it (CLIs, tests) they are written on `db`.
   */
  writer?: { write(sql: string, params: unknown[]): Promise<number> };
}

/**
 * Sends due outbox rows. `drain()` does one pass and is what tests call; `start()` drains on a
 * 1 s poll and right after each enqueue; `stop()` lets the in-flight sends finish. Rows still
 * 'pending' at start (a crash between write and send, or mid-send) are simply due and go out
 * with their original uuid.
 */
export class OutboxWorker {
  private readonly opts: OutboxOptions;
  private readonly pacer: SendPacer;
  private readonly limitStreak = new Map<string, number>();
  /** Rows being sent now, by `send` or a pass (neither picks up the other's), or sent and not yet marked. */
  private readonly inFlight = new Set<number>();
  /** Sends to record as 'sent', committed together on the next turn (`flushSent`). */
  private sentMarks: SentMark[] = [];
  private draining: Promise<number> | null = null;
  private again = false;
  private stopping = false;
  private timer: NodeJS.Timeout | null = null;
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly ports: OutboxPorts,
    opts: Partial<OutboxOptions> = {},
  ) {
    this.opts = { ...DEFAULT_OUTBOX, ...opts };
    this.pacer = new SendPacer(this.opts, this.opts.timer);
  }

  /** Drains now, then on every poll and after every enqueue on this db handle. */
  start(): void {
    this.stopping = false;
    this.unsubscribe = onEnqueue(this.ports.db, () => this.wake());
    this.timer = setInterval(() => this.wake(), this.opts.pollMs).unref();
    this.wake();
  }

  /** Drains now (or once more after the pass in progress); errors are logged, never thrown. */
  wake(): void {
    if (this.stopping) return;
    this.drain().catch((err: unknown) => this.ports.log.error({ err: (err as Error).message }, 'outbox drain failed'));
  }

  /** Finishes the sends in flight; rows not yet sent stay 'pending' for the next start. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearInterval(this.timer);
    this.unsubscribe?.();
    this.timer = null;
    this.unsubscribe = null;
    await this.draining?.catch(() => undefined);
    this.flushSent();
  }

  /**
   * Writes the message and sends it now, for an answer someone is waiting for. Paced per chat
   * only: replies have their own Feishu quota and come one per command, and an app-wide 429 still
   * holds them back. A send that fails or is held stays 'pending' for the worker's retries; the
   * same uuid written again (an event processed twice) sends nothing twice.
   */
  async send(input: EnqueueInput): Promise<Delivery> {
    const { db, clock, writer } = this.ports;
    const sql = statementsOf(db);
    // Read first: an answer already written (the event processed again) is not written twice.
    let row = sql.byUuid.get(input.uuid) as OutboxRow | undefined;
    if (!row) {
      const values = newRow(input, clock.now());
      if (writer) await writer.write(INSERT_POSITIONAL, INSERT_PARAMS.map((k) => values[k]));
      else sql.insert.run(values);
      row = sql.byUuid.get(input.uuid) as OutboxRow;
    }
    if (row.status === 'pending' && row.nextAttemptAt <= clock.now() && !this.inFlight.has(row.id) && !this.pacer.blocked(targetOf(row))) {
      const { outcome, messageId } = await this.sendOne(row, { appWindow: false, viaWriter: true });
      if (outcome === 'sent') return { uuid: row.uuid, status: 'sent', messageId };
      row = db.select().from(outbox).where(eq(outbox.id, row.id)).get()!;
    }
    return { uuid: row.uuid, status: row.status, messageId: row.messageId ?? undefined, error: row.lastError ?? undefined };
  }

  /** Sends every due row once (oldest first); resolves with how many were sent. */
  drain(): Promise<number> {
    if (this.draining) {
      this.again = true;
      return this.draining;
    }
    const run = (async () => {
      let sent = 0;
      try {
        do {
          this.again = false;
          sent += await this.pass();
        } while (this.again && !this.stopping);
      } finally {
        this.draining = null;
        this.pacer.sweep();
        this.flushSent();
      }
      return sent;
    })();
    this.draining = run;
    return run;
  }

  private async pass(): Promise<number> {
    let sent = 0;
    for (;;) {
      const rows = this.ports.db
        .select()
        .from(outbox)
        .where(and(eq(outbox.status, 'pending'), lte(outbox.nextAttemptAt, this.ports.clock.now())))
        .orderBy(asc(outbox.id))
        .limit(this.opts.batch)
        .all();
      const lanes = new Map<string, OutboxRow[]>();
      for (const row of rows) {
        const key = targetOf(row);
        if (this.inFlight.has(row.id) || this.pacer.blocked(key)) continue;
        const lane = lanes.get(key);
        if (lane) lane.push(row);
        else lanes.set(key, [row]);
      }
      const queue = [...lanes.entries()];
      let progressed = 0;
      const runLane = async () => {
        for (let next = queue.shift(); next; next = queue.shift()) {
          const [key, laneRows] = next;
          for (const row of laneRows) {
            if (this.stopping || this.pacer.blocked(key) || this.inFlight.has(row.id)) break;
            const { outcome } = await this.sendOne(row, { appWindow: true, viaWriter: false });
            if (outcome === 'sent') sent++;
            if (outcome !== 'held') progressed++;
            // After a failure, later rows to the same target wait for the next pass, so a
            // receiver mostly sees messages in the order they were written.
            if (outcome !== 'sent') break;
          }
        }
      };
      await Promise.all(Array.from({ length: Math.min(this.opts.lanes, queue.length) }, runLane));
      // A full batch that made progress may hide more due rows behind it.
      if (this.stopping || rows.length < this.opts.batch || progressed === 0) return sent;
    }
  }

  private async sendOne(row: OutboxRow, opts: { appWindow: boolean; viaWriter: boolean }): Promise<{ outcome: 'sent' | 'failed' | 'held'; messageId?: string }> {
    const { db, feishu, clock, log } = this.ports;
    const key = targetOf(row);
    this.inFlight.add(row.id);
    const release = await this.pacer.take(key, opts);
    let messageId: string;
    try {
      const message = messageOf(row);
      const sent = row.replyTo && !('file' in message) ? feishu.reply(row.replyTo, message, { uuid: row.uuid }) : feishu.send(recipientOf(row), message, { uuid: row.uuid });
      messageId = (await sent).messageId;
    } catch (err) {
      this.inFlight.delete(row.id);
      return { outcome: this.failed(key, row, err) };
    } finally {
      release();
    }
    this.limitStreak.delete(key);
    this.limitStreak.delete('*');
    // Marked with the other sends of this turn in one commit: a write transaction per message
    // on the bot's connection would contend with the event writer thread (and the ack behind
    // it). The row stays in flight until then; a crash before the commit leaves it 'pending',
    // and the resend carries the same uuid, like a crash mid-send.
    const mark = { row, messageId, sentAt: clock.now() };
    if (opts.viaWriter && this.ports.writer) {
      // Queued synchronously into the writer's next batch, so a graceful stop commits it.
      this.ports.writer
        .write(SEND_SQL.sent, [messageId, mark.sentAt, row.attempts + 1, row.id])
        .catch((err: unknown) => log.error({ err: (err as Error).message, outboxId: row.id }, 'could not mark an outbox row sent'))
        .finally(() => this.inFlight.delete(row.id));
    } else {
      if (this.sentMarks.length === 0) setImmediate(() => this.flushSent());
      this.sentMarks.push(mark);
    }
    log.debug({ outboxId: row.id, messageId }, 'outbox message sent');
    return { outcome: 'sent', messageId };
  }

  private flushSent(): void {
    const marks = this.sentMarks;
    if (marks.length === 0) return;
    this.sentMarks = [];
    try {
      writeTransaction(this.ports.db, (tx) => {
        for (const mark of marks) markSent(tx, mark).run();
      });
    } catch (err) {
      // Left 'pending': sent again with the same uuid, which Feishu drops for an hour.
      this.ports.log.error({ err: (err as Error).message, rows: marks.length }, 'could not mark outbox rows sent');
    } finally {
      for (const { row } of marks) this.inFlight.delete(row.id);
    }
  }

  private failed(key: string, row: OutboxRow, err: unknown): 'failed' | 'held' {
    const { db, clock, log } = this.ports;
    const code = err instanceof FeishuApiError ? err.code : undefined;
    const status = err instanceof FeishuApiError ? err.httpStatus : undefined;
    const error = (err instanceof FeishuApiError && code !== undefined ? `[${code}] ` : '') + ((err as Error)?.message ?? String(err)).slice(0, 500);

    // A rate limit is not the message's fault: hold the target (or the app) back and leave the
    // row due, without counting an attempt.
    const appLimited = status === 429 || (code !== undefined && APP_LIMIT_CODES.has(code));
    if (appLimited || code === TARGET_LIMIT_CODE) {
      const streakKey = appLimited ? '*' : key;
      const streak = (this.limitStreak.get(streakKey) ?? 0) + 1;
      this.limitStreak.set(streakKey, streak);
      const ms = Math.min(30_000, this.opts.rateLimitBackoffMs * 2 ** (streak - 1));
      this.pacer.backOff(appLimited ? null : key, ms);
      db.update(outbox).set({ lastError: error }).where(eq(outbox.id, row.id)).run();
      log.warn({ outboxId: row.id, code, backoffMs: ms }, 'outbox send rate-limited; holding back');
      return 'held';
    }

    const attempts = row.attempts + 1;
    // A Feishu code on a 200/4xx answer (bot not in the chat, user out of the app's range, bad
    // content) fails the same way every time; retrying for hours would only delay the alert.
    // Access-token codes (9999166x) are the exception: the SDK fetches a fresh token next time.
    const permanent = code !== undefined && (status === undefined || (status >= 400 && status < 500)) && Math.floor(code / 10) !== 9999166;
    if (permanent || attempts >= this.opts.maxAttempts) {
      db.update(outbox).set({ status: 'failed', attempts, lastError: error }).where(eq(outbox.id, row.id)).run();
      log.error({ outboxId: row.id, code, status, attempts }, 'outbox message given up');
      return 'failed';
    }
    const delay = this.backoffMs(attempts);
    db.update(outbox).set({ attempts, lastError: error, nextAttemptAt: clock.now() + delay }).where(eq(outbox.id, row.id)).run();
    log.warn({ outboxId: row.id, code, status, attempts, delay }, 'outbox send failed; will retry');
    return 'failed';
  }

  /** Delay before the retry that follows the n-th failure. */
  backoffMs(failures: number): number {
    const base = Math.min(this.opts.maxDelayMs, this.opts.baseDelayMs * 2 ** (failures - 1));
    return Math.min(this.opts.maxDelayMs, Math.round(base * (0.8 + 0.4 * this.opts.random())));
  }
}
