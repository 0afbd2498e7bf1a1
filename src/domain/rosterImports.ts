/**
 * Roster imports between the preview and the choice (PRODUCT.md §8): the one pending import (a
 * newer file supersedes it), claimed once when the 团委 confirms so a double tap cannot apply it
 * twice, put back if applying fails, or cancelled; and the roster's state for `/名单`. What an
 * import does to members and units is ./roster.ts.
 */
import { and, eq } from 'drizzle-orm';
import { writeTransaction, type Db } from '../db/client.js';
import { rosterImports } from '../db/schema/org.js';
import { UserError } from './errors.js';
import type { RosterMode } from './roster.js';

/** The roster as it stands, for the 团委's `/名单`. */
export interface RosterStatus {
  active: number;
  inactive: number;
  branches: { active: number; archived: number };
  colleges: { active: number; archived: number };
  /** The latest applied import, if any. */
  last: { fileName: string; mode: RosterMode; at: number } | null;
  /** A preview waiting for a choice, if any. */
  pendingId: number | null;
}

export function rosterStatus(db: Db): RosterStatus {
  const c = db.$client;
  const count = (q: string) => (c.prepare(q).get() as { n: number }).n;
  const last = c.prepare(`select file_name as fileName, mode, decided_at as at from roster_imports where status = 'applied' order by decided_at desc, id desc limit 1`).get() as RosterStatus['last'] | undefined;
  const pending = c.prepare(`select id from roster_imports where status = 'pending' order by id desc limit 1`).get() as { id: number } | undefined;
  return {
    active: count('select count(*) as n from members where left_at is null'),
    inactive: count('select count(*) as n from members where left_at is not null'),
    branches: { active: count(`select count(*) as n from branches where kind = 'branch' and archived_at is null`), archived: count(`select count(*) as n from branches where kind = 'branch' and archived_at is not null`) },
    colleges: { active: count('select count(*) as n from colleges where archived_at is null'), archived: count('select count(*) as n from colleges where archived_at is not null') },
    last: last ?? null,
    pendingId: pending?.id ?? null,
  };
}

/**
 * Keeps a checked file as the one pending import: an older pending one is superseded, so only
 * the latest preview can be confirmed.
 */
export function keepPendingImport(db: Db, v: { fileName: string; byMemberId: number | null; payload: unknown; now: number }): number {
  return writeTransaction(db, (tx) => {
    tx.update(rosterImports).set({ status: 'superseded', decidedAt: v.now }).where(eq(rosterImports.status, 'pending')).run();
    return tx.insert(rosterImports).values({ byMemberId: v.byMemberId, fileName: v.fileName, payload: v.payload, createdAt: v.now }).returning({ id: rosterImports.id }).get().id;
  });
}

/**
 * Marks a pending import applied before it runs, so two confirmations (a double tap, a
 * redelivered click) cannot both apply it; returns what was kept with it.
 */
export function claimImport<P>(db: Db, importId: number, mode: RosterMode, now: number): P {
  const row = db.update(rosterImports).set({ status: 'applied', mode, decidedAt: now })
    .where(and(eq(rosterImports.id, importId), eq(rosterImports.status, 'pending'))).returning().get();
  if (!row) throw decided(db, importId);
  return row.payload as P;
}

/** Puts a claimed import back to pending when applying it failed. */
export function releaseImport(db: Db, importId: number): void {
  db.update(rosterImports).set({ status: 'pending', mode: null, decidedAt: null }).where(eq(rosterImports.id, importId)).run();
}

/** Cancels the pending import `importId`; one already decided is refused with what became of it. */
export function cancelImport(db: Db, importId: number, now: number): void {
  const done = db.update(rosterImports).set({ status: 'cancelled', decidedAt: now })
    .where(and(eq(rosterImports.id, importId), eq(rosterImports.status, 'pending'))).returning({ id: rosterImports.id }).get();
  if (!done) throw decided(db, importId);
}

function decided(db: Db, importId: number): UserError {
  const row = db.select({ status: rosterImports.status }).from(rosterImports).where(eq(rosterImports.id, importId)).get();
  if (row?.status === 'applied') return new UserError('roster.alreadyApplied');
  if (row?.status === 'superseded') return new UserError('roster.superseded');
  if (row?.status === 'cancelled') return new UserError('roster.cancelled');
  return new UserError('roster.unknownImport');
}
