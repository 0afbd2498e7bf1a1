/**
 * The dedupe table doubles as the durable inbound queue (see schema/system.ts).
 *
 * A commit per event would cap the ack path far below a bare koa route (one fsync-ish
 * commit each), so the writes of one event-loop tick are grouped into one transaction:
 * callers await the commit of their batch before they answer 200, and ids still waiting
 * for that commit are held in memory so a redelivery racing the first copy is caught too.
 *
 * Rows are keyed by (event_time, event_id), not event_id alone: event ids are random, so a
 * unique index on them alone dirties a different index page per insert and the WAL write
 * per event doubled (bench: 18 µs → 9.5 µs per event with the time-ordered key). A
 * redelivery is the same signed payload, create_time included, so it still collides.
 */
import type { Db } from '../db/client.js';
import { InThreadWriter, WorkerWriter, type Acceptance, type Batch, type EventWriter } from './eventWriter.js';

const emptyBatch = (): Batch => ({ inserts: [], dones: [], writes: [] });

export type { Acceptance } from './eventWriter.js';

/** Identifies a stored event: Feishu's event_id and the event's create_time (ms). */
interface EventKey {
  id: string;
  time: number;
}

interface PendingInsert {
  id: string;
  message: string | null;
  resolve: (r: Acceptance) => void;
  reject: (e: unknown) => void;
}

interface StoredEvent {
  eventId: string;
  eventTime: number;
  eventType: string;
  payload: string;
}

export class EventStore {
  private batch: Batch = emptyBatch();
  private waiters: PendingInsert[] = [];
  private writeWaiters: { resolve: (changes: number) => void; reject: (e: unknown) => void }[] = [];
  /** Ids queued for a commit → that commit's outcome for the first copy. */
  private inflight = new Map<string, Promise<Acceptance>>();
  private scheduled = false;
  /** Resolves when everything queued so far is committed. */
  private settled: Promise<void> = Promise.resolve();
  private writing = false;
  private readonly writer: EventWriter;

  constructor(
    private readonly db: Db,
    /** The database file; events are written from a worker thread unless it is `:memory:`. */
    file: string,
    /** Told how long each batch took to commit (for /healthz). */
    private readonly onCommit: (ms: number) => void = () => {},
  ) {
    this.writer = file === ':memory:' ? new InThreadWriter(db.$client) : new WorkerWriter(file);
  }

  /**
   * Records the event before it is acknowledged. Resolves 'duplicate' when the id was seen
   * before (committed or still in flight); rejects if the write failed (answer non-2xx
   * so Feishu retries). A null payload records an event there is nothing to do for: only
   * its key is kept (for dedupe), already marked done.
   */
  accept({ id, time }: EventKey, type: string, payload: string | null, receivedAt: number, messageId?: string): Promise<Acceptance> {
    // A copy racing the first one is a duplicate, but it must not be answered 200 before the
    // first copy is committed: if that write fails, every copy gets a non-2xx and Feishu
    // retries (answering the racer at once lost the event — test/transport.test.ts). The same
    // message under another event_id races the same way.
    const message = payload !== null && messageId ? messageId : null;
    const first = this.inflight.get(id) ?? (message ? this.inflight.get(`message:${message}`) : undefined);
    if (first) return first.then(() => 'duplicate' as const);
    const accepted = new Promise<Acceptance>((resolve, reject) => {
      this.batch.inserts.push(payload === null ? [time, id, type, '', receivedAt, 'done', receivedAt, null] : [time, id, type, payload, receivedAt, 'pending', null, message]);
      this.waiters.push({ id, message, resolve, reject });
      this.schedule();
    });
    this.inflight.set(id, accepted);
    if (message) this.inflight.set(`message:${message}`, accepted);
    return accepted;
  }

  /** Marks an event processed; written with the next batch. Pass an error to mark it failed. */
  markDone({ id, time }: EventKey, at: number, error: string | null = null): void {
    this.batch.dones.push([at, time, id, error]);
    this.schedule();
  }

  /**
   * Commits a write with the next batch, off the bot's connection: the writer thread holds the
   * database's one write lock many times a second, and a write on the bot's connection that
   * meets it sleeps in SQLite's busy handler with the event loop stopped (jobs/outbox.ts).
   * Resolves with the rows changed once committed.
   */
  write(sql: string, params: unknown[]): Promise<number> {
    return new Promise<number>((resolve, reject) => {
      this.batch.writes.push([sql, params]);
      this.writeWaiters.push({ resolve, reject });
      this.schedule();
    });
  }

  /**
   * Hands everything queued to the writer; resolves once all of it is committed. One batch
   * is in flight at a time: what arrives meanwhile waits for it and goes in the next, so
   * batches grow with the load (fewer thread hand-offs and commits) while an idle bot
   * still writes each event at once.
   */
  flush(): Promise<void> {
    this.scheduled = false;
    if (!this.writing && this.queued()) this.settled = this.writeAll();
    return this.settled;
  }

  private queued(): boolean {
    return this.batch.inserts.length > 0 || this.batch.dones.length > 0 || this.batch.writes.length > 0;
  }

  private async writeAll(): Promise<void> {
    this.writing = true;
    try {
      while (this.queued()) {
        const batch = this.batch;
        const waiters = this.waiters;
        const writeWaiters = this.writeWaiters;
        this.batch = emptyBatch();
        this.waiters = [];
        this.writeWaiters = [];
        try {
          const started = performance.now();
          const { results, changes } = await this.writer.write(batch);
          this.onCommit(performance.now() - started);
          waiters.forEach((w, i) => w.resolve(results[i]!));
          writeWaiters.forEach((w, i) => w.resolve(changes[i]!));
        } catch (err) {
          for (const w of [...waiters, ...writeWaiters]) w.reject(err);
        } finally {
          for (const w of waiters) {
            this.inflight.delete(w.id);
            if (w.message) this.inflight.delete(`message:${w.message}`);
          }
        }
      }
    } finally {
      this.writing = false;
    }
  }

  /** Commits what is queued and stops the writer (graceful shutdown). */
  async close(): Promise<void> {
    await this.flush();
    await this.writer.close();
  }

  /** Whether anything acknowledged is still unprocessed (cheap check before recovery). */
  hasPending(): boolean {
    return this.db.$client.prepare(`SELECT 1 FROM processed_events WHERE status = 'pending' LIMIT 1`).get() !== undefined;
  }

  /** Events acknowledged but not yet processed — e.g. the bot was killed after the 200. */
  pending(): StoredEvent[] {
    return this.db.$client
      .prepare(`SELECT event_id AS eventId, event_time AS eventTime, event_type AS eventType, payload FROM processed_events WHERE status = 'pending' ORDER BY received_at, rowid`)
      .all() as StoredEvent[];
  }

  /** Forgets dedupe rows older than `before` (ms); Feishu's retries end after ~7 h. */
  prune(before: number): number {
    return this.db.$client.prepare(`DELETE FROM processed_events WHERE received_at < ? AND status != 'pending'`).run(before).changes;
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => void this.flush());
  }
}
