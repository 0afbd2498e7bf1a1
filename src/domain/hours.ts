/** A member's hours, split by review status (only approved hours count anywhere). */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { prepared } from '../db/prepared.js';
import { memberYearTotals, serviceLogs, type Item, type LogSource } from '../db/schema/index.js';

interface HourTotals {
  approved: number;
  pending: number;
}

const member = sql.placeholder('memberId');
const year = sql.placeholder('programYearId');

const hoursByStatus = (db: Db) => db
  .select({ status: serviceLogs.status, half: sql<number>`coalesce(sum(${serviceLogs.halfHours}), 0)` })
  .from(serviceLogs)
  .where(and(eq(serviceLogs.memberId, member), eq(serviceLogs.programYearId, year), inArray(serviceLogs.status, ['approved', 'pending'])))
  .groupBy(serviceLogs.status)
  .prepare();

export function hoursOf(db: Db, memberId: number, programYearId: number): HourTotals {
  const rows = prepared(db, hoursByStatus).all({ memberId, programYearId });
  const half = (s: string) => rows.find((r) => r.status === s)?.half ?? 0;
  return { approved: half('approved') / 2, pending: half('pending') / 2 };
}

interface Breakdown {
  /** Approved logs per "4+X" item. */
  items: Partial<Record<Item, number>>;
  /** Approved hours per origin (timed, self-reported, community-confirmed). */
  sources: Partial<Record<LogSource, number>>;
}

const approvedByItemAndSource = (db: Db) => db
  .select({ item: serviceLogs.item, source: serviceLogs.source, n: sql<number>`count(*)`, half: sql<number>`sum(${serviceLogs.halfHours})` })
  .from(serviceLogs)
  .where(and(eq(serviceLogs.memberId, member), eq(serviceLogs.programYearId, year), eq(serviceLogs.status, 'approved')))
  .groupBy(serviceLogs.item, serviceLogs.source)
  .prepare();

export function approvedBreakdown(db: Db, memberId: number, programYearId: number): Breakdown {
  const rows = prepared(db, approvedByItemAndSource).all({ memberId, programYearId });
  const out: Breakdown = { items: {}, sources: {} };
  for (const r of rows) {
    out.items[r.item] = (out.items[r.item] ?? 0) + r.n;
    out.sources[r.source] = (out.sources[r.source] ?? 0) + r.half / 2;
  }
  return out;
}

/** Approved hours per member for a program year (members with none are absent), from their roll-up rows. */
export function approvedHoursByMember(db: Db, memberIds: number[], programYearId: number): Map<number, number> {
  if (memberIds.length === 0) return new Map();
  const rows = db
    .select({ memberId: memberYearTotals.memberId, half: memberYearTotals.approvedHalfHours })
    .from(memberYearTotals)
    .where(and(inArray(memberYearTotals.memberId, memberIds), eq(memberYearTotals.programYearId, programYearId)))
    .all();
  return new Map(rows.map((r) => [r.memberId, r.half / 2]));
}
