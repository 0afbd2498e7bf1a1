/**
 * Writes batches of inbound-event rows. For a database file the writes run on a worker
 * thread with its own connection, so the commit (and WAL checkpoints) cost the event loop
 * nothing while it verifies and decrypts the next requests: on 2 cores this took the ack
 * path from ≈ 0.44× to ≈ 0.5× a bare koa route (see `npm run bench`). `:memory:` databases
 * cannot be shared with a thread, so they are written in-thread by the same code.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';

export type Acceptance = 'new' | 'duplicate';

/** [event_time, event_id, event_type, payload, received_at, status, processed_at, message_id] */
type InsertRow = [number, string, string, string, number, 'pending', null, string | null] | [number, string, string, '', number, 'done', number, null];
/** [processed_at, event_time, event_id, error or null] */
type DoneRow = [number, number, string, string | null];

/** Any other write to commit with the batch: [sql, params]. */
type WriteRow = [string, unknown[]];

export interface Batch {
  inserts: InsertRow[];
  dones: DoneRow[];
  writes: WriteRow[];
}

/** Per insert, whether it was new; per write, the rows it changed. */
interface BatchResult {
  results: Acceptance[];
  changes: number[];
}

export interface EventWriter {
  /** Commits the batch in one transaction. */
  write(batch: Batch): Promise<BatchResult>;
  close(): Promise<void>;
}

/** The statements, shared by both writers (the worker receives them as data). */
const STATEMENTS = {
  insert: `INSERT OR IGNORE INTO processed_events (event_time, event_id, event_type, payload, received_at, status, processed_at, message_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  done: `UPDATE processed_events SET status = 'done', processed_at = ?, error = NULL WHERE event_time = ? AND event_id = ?`,
  fail: `UPDATE processed_events SET status = 'failed', processed_at = ?, error = ? WHERE event_time = ? AND event_id = ?`,
} as const;

type Runner = (batch: Batch) => BatchResult;
const require = createRequire(import.meta.url);
const BATCH_MODULE = require.resolve('./eventBatch.cjs');
const { batchRunner } = require(BATCH_MODULE) as { batchRunner: (sqlite: Database.Database, statements: typeof STATEMENTS) => Runner };

export class InThreadWriter implements EventWriter {
  private readonly run: Runner;

  constructor(sqlite: Database.Database) {
    this.run = batchRunner(sqlite, STATEMENTS);
  }

  async write(batch: Batch): Promise<BatchResult> {
    return this.run(batch);
  }

  async close(): Promise<void> {}
}

// Evaluated as CommonJS in the worker: no TypeScript loader is needed there (tsx, vitest
// and plain node all run it the same way).
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const { batchRunner } = require(workerData.batchModule);
const sqlite = new Database(workerData.file);
sqlite.pragma('journal_mode = WAL');
sqlite.pragma('synchronous = NORMAL');
// The bot's connection writes too (outbox rows, domain changes), each holding the lock for a
// fraction of a millisecond. SQLite's busy handler would sleep 1, 2, 5… ms per try, and every
// ack waits for this commit; this thread has nothing else to do, so it retries every 50 µs.
sqlite.pragma('busy_timeout = 0');
const runOnce = batchRunner(sqlite, workerData.statements);
const nap = new Int32Array(new SharedArrayBuffer(4));
const run = (batch) => {
  for (const giveUpAt = Date.now() + 5000; ; ) {
    try { return runOnce(batch); }
    catch (err) { if (err.code !== 'SQLITE_BUSY' || Date.now() > giveUpAt) throw err; Atomics.wait(nap, 0, 0, 0.05); }
  }
};
parentPort.on('message', (msg) => {
  if (msg.close) { sqlite.close(); parentPort.close(); return; }
  try { parentPort.postMessage({ seq: msg.seq, results: run(msg.batch) }); }
  catch (err) { parentPort.postMessage({ seq: msg.seq, error: String((err && err.message) || err) }); }
});
`;

interface Waiter {
  resolve: (r: BatchResult) => void;
  reject: (e: Error) => void;
}

export class WorkerWriter implements EventWriter {
  private worker: Worker | null = null;
  private seq = 0;
  private readonly waiting = new Map<number, Waiter>();

  constructor(private readonly file: string) {}

  write(batch: Batch): Promise<BatchResult> {
    const worker = this.worker ?? this.spawn();
    const seq = ++this.seq;
    return new Promise((resolve, reject) => {
      this.waiting.set(seq, { resolve, reject });
      worker.postMessage({ seq, batch });
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    this.worker = null;
    await new Promise<void>((resolve) => {
      worker.once('exit', () => resolve());
      worker.postMessage({ close: true });
    });
  }

  private spawn(): Worker {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { file: this.file, statements: STATEMENTS, driver: require.resolve('better-sqlite3'), batchModule: BATCH_MODULE },
    });
    worker.on('message', (msg: { seq: number; results?: BatchResult; error?: string }) => {
      const waiter = this.waiting.get(msg.seq);
      if (!waiter) return;
      this.waiting.delete(msg.seq);
      if (msg.error !== undefined) waiter.reject(new Error(msg.error));
      else waiter.resolve(msg.results!);
    });
    // A dead worker fails what it held (those requests get a non-2xx, Feishu retries) and
    // the next write starts a new one.
    const fail = (err: Error) => {
      if (this.worker === worker) this.worker = null;
      for (const w of this.waiting.values()) w.reject(err);
      this.waiting.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`event writer exited with code ${code}`)));
    this.worker = worker;
    return worker;
  }
}
