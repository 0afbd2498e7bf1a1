/**
 * The outbox: every outgoing message is written to the `outbox` table first, then sent with
 * retries, backoff and Feishu's rate limits; the rows themselves are written and read in
 * outboxRows.ts. Jobs `enqueue` and leave the sending to `OutboxWorker`; a command's answer goes through `OutboxWorker.send`, which writes the row and
 * sends it at once, so the user waits for no poll and a failed send is still retried by the
 * worker. The row's `uuid` goes to Feishu as the send's idempotency key, so a crash after the
 * send but before the row is marked 'sent' resends with the same uuid and Feishu drops the copy
 * (it remembers a uuid for 1 h — https://open.feishu.cn/document/server-docs/im-v1/message/create);
 * a row already 'sent' is never sent again, however late the same uuid is written again.
 * A reply whose message the user withdrew before it went out (230011/230110) is sent to that
 * message's chat instead, under a uuid derived from the row's (`chatUuid`).
 */
import { and, asc, eq, lte } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Clock } from '../clock.js';
import { writeTransaction, type Db } from '../db/client.js';
import { outbox, type OutboxRow } from '../db/schema/index.js';
import { FeishuApiError, type FeishuApi } from '../feishu/api.js';
import { deriveUuid, insertWrite, messageOf, onEnqueue, recipientOf, rowStatements, sentWrite, targetOf, writeRow, type EnqueueInput, type SentMark, type SqlWrite } from './outboxRows.js';
import { realTimer, SendPacer, type Timer } from './rateLimit.js';

/** Where a message written with `OutboxWorker.send` stands when the call returns. */
export interface Delivery {
  uuid: string;
  /** 'pending': not sent yet, the worker retries it (a failed try or a rate limit). */
  status: OutboxRow['status'];
  messageId?: string;
  /** Why the last try failed. */
  error?: string;
}

/**
 * The message a reply answers is gone: 230011 "The message is recalled.", 230110 "Action
 * unavailable as the message has been deleted." Sending again cannot help; sending to the chat can.
 */
const WITHDRAWN_CODES = new Set([230011, 230110]);

const withdrawn = (err: unknown): boolean => err instanceof FeishuApiError && err.code !== undefined && WITHDRAWN_CODES.has(err.code);

/**
 * The idempotency key of a reply sent to the chat instead (its message was withdrawn): the same
 * for every try of the row, so Feishu drops a repeat, and never the row's own uuid, as Feishu may
 * keep a uuid's memory per API. 43 characters, within Feishu's 50.
 */
export const chatUuid = (rowUuid: string): string => `rc-${deriveUuid(`outbox-reply-to-chat\n${rowUuid}`)}`;

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
  writer?: { write(...write: SqlWrite): Promise<number> };
}

/**
 * Sends due outbox rows. `drain()` does one pass and is what tests call; `start()` drains on a
 * 1 s poll and right after each enqueue; `stop()` lets the in-flight sends finish. Rows still
 * 'pending' at start (a crash between write and send, or mid-send) are simply due and go out
 * with their original uuid.
 */
interface SendOutcome {
  outcome: 'sent' | 'failed' | 'held';
  messageId?: string;
}

export class OutboxWorker {
  private readonly opts: OutboxOptions;
  private readonly pacer: SendPacer;
  private readonly limitStreak = new Map<string, number>();
  /**
   * Rows being sent now, by `send` or a pass, or sent and not yet marked, with the attempt's
   * outcome: neither sends the other's row again, and `send` waits for a pass's attempt.
   */
  private readonly inFlight = new Map<number, Promise<SendOutcome>>();
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
    const rows = rowStatements(db);
    // Read first: an answer already written (the event processed again) is not written twice.
    let row = rows.byUuid(input.uuid);
    if (!row) {
      if (writer) await writer.write(...insertWrite(input, clock.now()));
      else writeRow(db, input, clock.now());
      row = rows.byUuid(input.uuid)!;
    }
    // A worker pass may have picked the row up between the write and here: its attempt is
    // this one (so a caller keeping the message id, like a review card, always gets it).
    const running = this.inFlight.get(row.id);
    const attempt = running
      ?? (row.status === 'pending' && row.nextAttemptAt <= clock.now() && !this.pacer.blocked(targetOf(row)) ? this.sendOne(row, { appWindow: false, viaWriter: true }) : undefined);
    if (attempt) {
      const { outcome, messageId } = await attempt;
      if (outcome === 'sent') return { uuid: row.uuid, status: 'sent', messageId };
      row = rows.byUuid(row.uuid)!;
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

  private sendOne(row: OutboxRow, opts: { appWindow: boolean; viaWriter: boolean }): Promise<SendOutcome> {
    const attempt = this.attempt(row, opts);
    this.inFlight.set(row.id, attempt);
    return attempt;
  }

  private async attempt(row: OutboxRow, opts: { appWindow: boolean; viaWriter: boolean }): Promise<SendOutcome> {
    const { feishu, clock, log } = this.ports;
    const key = targetOf(row);
    const paced = async (send: () => Promise<{ messageId: string }>) => {
      const release = await this.pacer.take(key, opts);
      try {
        return (await send()).messageId;
      } finally {
        release();
      }
    };
    let messageId: string;
    try {
      const message = messageOf(row);
      const { replyTo } = row;
      if (replyTo && !('file' in message)) {
        try {
          messageId = await paced(() => feishu.reply(replyTo, message, { uuid: row.uuid }));
        } catch (err) {
          if (!withdrawn(err)) throw err;
          // The student withdrew (or deleted) the message before the answer went out: the
          // answer goes to the chat it was in. Under a key of its own, derived from the row's,
          // so a retry or a crash before the row is marked still sends it once.
          log.info({ outboxId: row.id, code: (err as FeishuApiError).code }, 'outbox reply target withdrawn; sending to the chat');
          messageId = await paced(() => feishu.send(recipientOf(row), message, { uuid: chatUuid(row.uuid) }));
        }
      } else {
        messageId = await paced(() => feishu.send(recipientOf(row), message, { uuid: row.uuid }));
      }
    } catch (err) {
      this.inFlight.delete(row.id);
      return { outcome: this.failed(key, row, err) };
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
        .write(...sentWrite(mark))
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
      const { markSent } = rowStatements(this.ports.db);
      writeTransaction(this.ports.db, () => {
        for (const mark of marks) markSent(mark);
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
