/**
 * The dedupe table doubles as the durable inbound queue (see schema/system.ts).
 *
 * A commit per event would cap the ack path far below a bare koa route (one fsync-ish
 * commit each), so the writes of one event-loop tick are grouped into one transaction:
 * callers await the commit of their batch before they answer 200, and ids still waiting
 * for that commit are held in memory so a redelivery racing the first copy is caught too.
 */
import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/client.js';

export type Acceptance = 'new' | 'duplicate';

interface PendingInsert {
  id: string;
  type: string;
  payload: string;
  receivedAt: number;
  resolve: (r: Acceptance) => void;
  reject: (e: unknown) => void;
}

interface PendingDone {
  id: string;
  at: number;
  error: string | null;
}

export interface StoredEvent {
  eventId: string;
  eventType: string;
  payload: string;
}

export class EventStore {
  private inserts: PendingInsert[] = [];
  private dones: PendingDone[] = [];
  /** Ids queued for the next commit → that commit's outcome for the first copy. */
  private inflight = new Map<string, Promise<Acceptance>>();
  private scheduled = false;
  private readonly insertStmt: Statement;
  private readonly doneStmt: Statement;
  private readonly failStmt: Statement;
  private readonly flushTx: () => Acceptance[];

  constructor(private readonly db: Db) {
    // Raw prepared statements: this is the hottest path in the bot and runs per event.
    const sqlite = db.$client;
    this.insertStmt = sqlite.prepare(
      `INSERT OR IGNORE INTO processed_events (event_id, event_type, payload, received_at, status) VALUES (?, ?, ?, ?, 'pending')`,
    );
    this.doneStmt = sqlite.prepare(`UPDATE processed_events SET status = 'done', processed_at = ?, error = NULL WHERE event_id = ?`);
    this.failStmt = sqlite.prepare(`UPDATE processed_events SET status = 'failed', processed_at = ?, error = ? WHERE event_id = ?`);
    this.flushTx = sqlite.transaction(() => {
      const results: Acceptance[] = [];
      for (const ins of this.batchInserts) {
        const r = this.insertStmt.run(ins.id, ins.type, ins.payload, ins.receivedAt);
        results.push(r.changes === 1 ? 'new' : 'duplicate');
      }
      for (const d of this.batchDones) {
        if (d.error === null) this.doneStmt.run(d.at, d.id);
        else this.failStmt.run(d.at, d.error.slice(0, 2000), d.id);
      }
      return results;
    });
  }

  private batchInserts: PendingInsert[] = [];
  private batchDones: PendingDone[] = [];

  /**
   * Records the event before it is acknowledged. Resolves 'duplicate' when the id was seen
   * before (committed or still in this batch); rejects if the write failed (answer non-2xx
   * so Feishu retries).
   */
  accept(id: string, type: string, payload: string, receivedAt: number): Promise<Acceptance> {
    // A copy racing the first one is a duplicate, but it must not be answered 200 before the
    // first copy is committed: if that write fails, every copy gets a non-2xx and Feishu
    // retries (answering the racer at once lost the event — test/transport.test.ts).
    const first = this.inflight.get(id);
    if (first) return first.then(() => 'duplicate' as const);
    const accepted = new Promise<Acceptance>((resolve, reject) => {
      this.inserts.push({ id, type, payload, receivedAt, resolve, reject });
      this.schedule();
    });
    this.inflight.set(id, accepted);
    return accepted;
  }

  /** Marks an event processed; written with the next batch. Pass an error to mark it failed. */
  markDone(id: string, at: number, error: string | null = null): void {
    this.dones.push({ id, at, error });
    this.schedule();
  }

  /** Writes everything queued now (used at shutdown and by tests). */
  flush(): void {
    this.scheduled = false;
    if (this.inserts.length === 0 && this.dones.length === 0) return;
    this.batchInserts = this.inserts;
    this.batchDones = this.dones;
    this.inserts = [];
    this.dones = [];
    const batch = this.batchInserts;
    try {
      const results = this.flushTx();
      batch.forEach((ins, i) => ins.resolve(results[i]!));
    } catch (err) {
      for (const ins of batch) ins.reject(err);
    } finally {
      for (const ins of batch) this.inflight.delete(ins.id);
      this.batchInserts = [];
      this.batchDones = [];
    }
  }

  /** Whether anything acknowledged is still unprocessed (cheap check before recovery). */
  hasPending(): boolean {
    return this.db.$client.prepare(`SELECT 1 FROM processed_events WHERE status = 'pending' LIMIT 1`).get() !== undefined;
  }

  /** Events acknowledged but not yet processed — e.g. the bot was killed after the 200. */
  pending(): StoredEvent[] {
    return this.db.$client
      .prepare(`SELECT event_id AS eventId, event_type AS eventType, payload FROM processed_events WHERE status = 'pending' ORDER BY received_at, rowid`)
      .all() as StoredEvent[];
  }

  /** Forgets dedupe rows older than `before` (ms); Feishu's retries end after ~7 h. */
  prune(before: number): number {
    return this.db.$client.prepare(`DELETE FROM processed_events WHERE received_at < ? AND status != 'pending'`).run(before).changes;
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.flush());
  }
}
