/**
 * Roll-up of each member's service-log figures for the current program year, so /me,
 * rankings and position matching (fewest approved hours first) read one row instead
 * of summing logs. Derived data: rebuildable from service_logs at any time.
 */
import { integer, sqliteTable } from 'drizzle-orm/sqlite-core';
import { members, programYears } from './org.js';

export const memberTotals = sqliteTable('member_totals', {
  memberId: integer('member_id').primaryKey().references(() => members.id),
  programYearId: integer('program_year_id').notNull().references(() => programYears.id),
  approvedHalfHours: integer('approved_half_hours').notNull().default(0),
  pendingHalfHours: integer('pending_half_hours').notNull().default(0),
  approvedLogs: integer('approved_logs').notNull().default(0),
  /** Distinct service dates with an approved log (a recommendation-score input). */
  distinctDays: integer('distinct_days').notNull().default(0),
});

export type MemberTotals = typeof memberTotals.$inferSelect;
