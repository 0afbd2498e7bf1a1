/**
 * Roll-ups of approved service logs per program year (issue 5): a school of millions of logs
 * cannot re-sum a year on every /学院 view or weekly digest, so each member's and each branch's
 * approved totals are kept here. Derived data, kept current by SQLite triggers on service_logs
 * (drizzle/0004_rollup_triggers.sql) in the same statement as every insert, status or hours
 * change and deletion of a log, whatever code writes it; `rebuildRollups` (domain/rollups.ts)
 * recomputes them from the logs. A row exists only while it counts at least one approved log.
 */
import { integer, primaryKey, sqliteTable } from 'drizzle-orm/sqlite-core';
import { branches, members, programYears } from './org.js';

/** A member's approved logs of a year, wherever they were filed (idle members have no row). */
export const memberYearTotals = sqliteTable('member_year_totals', {
  memberId: integer('member_id').notNull().references(() => members.id),
  programYearId: integer('program_year_id').notNull().references(() => programYears.id),
  approvedHalfHours: integer('approved_half_hours').notNull(),
  approvedLogs: integer('approved_logs').notNull(),
}, (t) => [primaryKey({ columns: [t.memberId, t.programYearId] })]);

/** The approved logs of a year filed under a branch, with how many of each "四个一" item. */
export const branchYearTotals = sqliteTable('branch_year_totals', {
  branchId: integer('branch_id').notNull().references(() => branches.id),
  programYearId: integer('program_year_id').notNull().references(() => programYears.id),
  approvedHalfHours: integer('approved_half_hours').notNull(),
  approvedLogs: integer('approved_logs').notNull(),
  shishiLogs: integer('shishi_logs').notNull(),
  zoufangLogs: integer('zoufang_logs').notNull(),
  huodongLogs: integer('huodong_logs').notNull(),
  xiangmuLogs: integer('xiangmu_logs').notNull(),
}, (t) => [primaryKey({ columns: [t.branchId, t.programYearId] })]);
