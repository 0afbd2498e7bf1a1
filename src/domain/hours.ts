/** A member's hours, split by review status (only approved hours count anywhere). */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { serviceLogs } from '../db/schema/index.js';

export interface HourTotals {
  approved: number;
  pending: number;
}

export function hoursOf(db: Db, memberId: number, programYearId: number): HourTotals {
  const rows = db
    .select({ status: serviceLogs.status, half: sql<number>`coalesce(sum(${serviceLogs.halfHours}), 0)` })
    .from(serviceLogs)
    .where(and(eq(serviceLogs.memberId, memberId), eq(serviceLogs.programYearId, programYearId), inArray(serviceLogs.status, ['approved', 'pending'])))
    .groupBy(serviceLogs.status)
    .all();
  const half = (s: string) => rows.find((r) => r.status === s)?.half ?? 0;
  return { approved: half('approved') / 2, pending: half('pending') / 2 };
}
