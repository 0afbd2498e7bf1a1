/**
 * Job-run claims: a scheduled job claims a unique (kind, target, period) row before it acts
 * (e.g. kind 'digest', target a college id, period '2025-W14'), so it acts once per period
 * across restarts, a crash, `runNow` racing the cron tick, or two processes on the same file.
 */
import { and, eq } from 'drizzle-orm';
import type { Clock } from '../clock.js';
import { writeTransaction, type Db } from '../db/client.js';
import { jobRuns } from '../db/schema/index.js';
import type { DbWriter } from './ports.js';

export type JobRun = typeof jobRuns.$inferSelect;

interface JobKey {
  kind: string;
  target: string | number;
  period: string;
}

interface ClaimOptions {
  /** A failed run may be claimed again this long after it failed. */
  retryAfterMs?: number;
  /**
   * A run still 'claimed' after this long is taken for abandoned (the process died while it
   * ran) and may be claimed again. Keep it above the longest run a job can take.
   */
  staleAfterMs?: number;
}

const DEFAULT_RETRY_AFTER_MS = 5 * 60_000;
const DEFAULT_STALE_AFTER_MS = 30 * 60_000;

const where = (key: JobKey) => and(eq(jobRuns.kind, key.kind), eq(jobRuns.target, String(key.target)), eq(jobRuns.period, key.period));

/**
 * Claims the run; returns the claimed row, or null when it is done, running elsewhere, or
 * failed too recently. One immediate transaction: of two callers racing (even in two
 * processes), exactly one gets the row.
 */
export function claim(db: Db, key: JobKey, now: number, opts: ClaimOptions = {}): JobRun | null {
  const retryAfter = opts.retryAfterMs ?? DEFAULT_RETRY_AFTER_MS;
  const staleAfter = opts.staleAfterMs ?? DEFAULT_STALE_AFTER_MS;
  return writeTransaction(db, (tx) => {
    const existing = tx.select().from(jobRuns).where(where(key)).get();
    if (!existing) {
      return tx
        .insert(jobRuns)
        .values({ kind: key.kind, target: String(key.target), period: key.period, status: 'claimed', attempts: 1, claimedAt: now })
        .returning()
        .get();
    }
    const reclaimable =
      (existing.status === 'failed' && (existing.finishedAt ?? existing.claimedAt) + retryAfter <= now) ||
      (existing.status === 'claimed' && existing.claimedAt + staleAfter <= now);
    if (!reclaimable) return null;
    return tx
      .update(jobRuns)
      .set({ status: 'claimed', attempts: existing.attempts + 1, claimedAt: now, finishedAt: null })
      .where(and(eq(jobRuns.id, existing.id), eq(jobRuns.status, existing.status), eq(jobRuns.claimedAt, existing.claimedAt)))
      .returning()
      .get() ?? null;
  });
}

/** Marks a claimed run done: it will not be claimed again. */
export function finish(db: DbWriter, run: Pick<JobRun, 'id'>, now: number): void {
  db.update(jobRuns).set({ status: 'done', finishedAt: now, error: null }).where(eq(jobRuns.id, run.id)).run();
}

/**
 * Does the work claimed runs stand for and marks them done in one transaction: the messages a
 * job writes to the outbox and the end of its claims commit together, so a crash leaves both
 * (the outbox sends the messages once) or neither (the claims go stale and are taken again).
 * Each run's finish time is read from `clock` after `work`.
 */
export function finishWith<T>(db: Db, runs: readonly Pick<JobRun, 'id'>[], clock: Clock, work: (tx: DbWriter) => T): T {
  return writeTransaction(db, (tx) => {
    const result = work(tx);
    for (const run of runs) finish(tx, run, clock.now());
    return result;
  });
}

/** Marks a claimed run failed with the reason; it may be claimed again after `retryAfterMs`. */
export function fail(db: DbWriter, run: Pick<JobRun, 'id'>, error: unknown, now: number): void {
  const message = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
  db.update(jobRuns).set({ status: 'failed', finishedAt: now, error: message }).where(eq(jobRuns.id, run.id)).run();
}

/** Whether the run for this key has completed. */
export function isDone(db: DbWriter, key: JobKey): boolean {
  return db.select({ status: jobRuns.status }).from(jobRuns).where(where(key)).get()?.status === 'done';
}

/** The run's row, if it was ever claimed. */
export function find(db: DbWriter, key: JobKey): JobRun | undefined {
  return db.select().from(jobRuns).where(where(key)).get();
}

/**
 * Claims `key`, lets `write` put its messages in the outbox and finishes the claim, all in one
 * transaction: a rerun or a restart writes nothing twice. False when the key was done already
 * or `write` failed (then the claim is marked failed and a later run retries it).
 */
export function once(ports: { db: Db; clock: Clock; log: { error(obj: object, msg: string): void } }, key: JobKey, write: (tx: DbWriter) => void): boolean {
  const { db, clock, log } = ports;
  const run = claim(db, key, clock.now());
  if (!run) return false;
  try {
    finishWith(db, [run], clock, write);
    return true;
  } catch (err) {
    fail(db, run, err, clock.now());
    log.error({ ...key, err: (err as Error)?.message ?? String(err) }, 'job step failed; a later run retries it');
    return false;
  }
}
