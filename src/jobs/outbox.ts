/**
 * The outbox: every outgoing message is written to the `outbox` table first, then sent with
 * retries, backoff and Feishu's rate limits; the rows themselves are written and read in
 * outboxRows.ts, and what a failed send means is decided in outboxPolicy.ts. Jobs `enqueue`
 * and leave the sending to `OutboxWorker`; a command's answer goes through
 * `OutboxWorker.send`, which writes the row and sends it at once, so the user waits for no
 * poll and a failed send is still retried by the worker. The row's `uuid` goes to Feishu as the send's idempotency key, so a crash after the
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
import type { FeishuApi } from '../feishu/api.js';
import { backoffMs, DEFAULT_OUTBOX, recordFailure, sendRow, type OutboxOptions } from './outboxPolicy.js';
import { insertWrite, onEnqueue, rowStatements, sentWrite, targetOf, writeRow, type EnqueueInput, type SentMark, type SqlWrite } from './outboxRows.js';
import { SendPacer } from './rateLimit.js';

export { chatUuid, DEFAULT_OUTBOX, type OutboxOptions } from './outboxPolicy.js';

/** Where a message written with `OutboxWorker.send` stands when the call returns. */
export interface Delivery {
  uuid: string;
  /** 'pending': not sent yet, the worker retries it (a failed try or a rate limit). */
  status: OutboxRow['status'];
  messageId?: string;
  /** Why the last try failed. */
  error?: string;
}

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

/** How a row is tried: in the app-wide window or as an answer, marked through the writer, in a single try. */
interface AttemptOptions {
  appWindow: boolean;
  viaWriter: boolean;
  once?: boolean;
}

interface SendOutcome {
  outcome: 'sent' | 'failed' | 'held';
  messageId?: string;
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

  /**
   * Resolves once no pass is running and no send is in flight or waiting to be marked 'sent'
   * (rows held back or not yet due stay 'pending'): "the outbox has drained", which tests
   * wait for instead of sleeping.
   */
  async idle(): Promise<void> {
    do {
      // The wake after an enqueue runs on the next turn; so does marking an attempt 'sent'.
      await new Promise<void>((resolve) => setImmediate(resolve));
      await Promise.allSettled([this.draining, ...this.inFlight.values()]);
    } while (this.draining || this.inFlight.size > 0 || this.sentMarks.length > 0);
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
   * same uuid written again (an event processed twice) sends nothing twice. With `once`, the
   * send now is a single try: a card click, whose answer waits for this, leaves a failed send to
   * the worker's retries instead of Feishu's in-call backoff (0.3 + 0.6 + 1.2 … s).
   */
  async send(input: EnqueueInput, { once = false }: { once?: boolean } = {}): Promise<Delivery> {
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
      ?? (row.status === 'pending' && row.nextAttemptAt <= clock.now() && !this.pacer.blocked(targetOf(row)) ? this.sendOne(row, { appWindow: false, viaWriter: true, once }) : undefined);
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

  private sendOne(row: OutboxRow, opts: AttemptOptions): Promise<SendOutcome> {
    const attempt = this.attempt(row, opts);
    this.inFlight.set(row.id, attempt);
    return attempt;
  }

  private async attempt(row: OutboxRow, opts: AttemptOptions): Promise<SendOutcome> {
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
      messageId = await sendRow(feishu, row, paced, log, opts.once);
    } catch (err) {
      this.inFlight.delete(row.id);
      return { outcome: recordFailure({ ...this.ports, opts: this.opts, pacer: this.pacer, limitStreak: this.limitStreak }, key, row, err) };
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

  /** Delay before the retry that follows the n-th failure. */
  backoffMs(failures: number): number {
    return backoffMs(this.opts, failures);
  }
}
