/**
 * Tracking output: each college's quarterly summary or next-stage plan (季度总结 /
 * 下阶段活动策划) with attachments, recommendations for concurrent posts in the
 * community's League organisation (兼任职务), and excellent cases (优秀案例).
 */
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt, updatedAt } from './columns.js';
import { communities } from './communities.js';
import { colleges, members, programYears } from './org.js';

export const REPORT_KINDS = ['summary', 'plan'] as const; // 工作总结 / 下阶段活动策划
export type ReportKind = (typeof REPORT_KINDS)[number];

const REPORT_STATUSES = ['draft', 'submitted'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** One report per college per quarter of the program year (every three months from its start). */
export const quarterlyReports = sqliteTable('quarterly_reports', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  collegeId: integer('college_id').notNull().references(() => colleges.id),
  programYearId: integer('program_year_id').notNull().references(() => programYears.id),
  quarterIndex: integer('quarter_index').notNull(), // 1..4
  dueOn: text('due_on').notNull(), // YYYY-MM-DD
  kind: text('kind', { enum: REPORT_KINDS }).notNull(),
  title: text('title').notNull(),
  body: text('body').notNull().default(''),
  submittedByMemberId: integer('submitted_by_member_id').references(() => members.id),
  submittedAt: integer('submitted_at', { mode: 'number' }),
  status: text('status', { enum: REPORT_STATUSES }).notNull().default('draft'),
  /** Submitted after `dueOn`; flagged to the school admin. */
  late: integer('late', { mode: 'boolean' }).notNull().default(false),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [
  uniqueIndex('quarterly_reports_college_quarter').on(t.collegeId, t.programYearId, t.quarterIndex),
  check('quarterly_reports_quarter_range', sql`${t.quarterIndex} between 1 and 4`),
]);

export const reportAttachments = sqliteTable('report_attachments', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  reportId: integer('report_id').notNull().references(() => quarterlyReports.id, { onDelete: 'cascade' }),
  /** Feishu file_key. */
  fileKey: text('file_key').notNull(),
  fileName: text('file_name').notNull(),
  createdAt: createdAt(),
}, (t) => [uniqueIndex('report_attachments_report_file').on(t.reportId, t.fileKey)]);

/** 副书记 / 委员 / 团建指导员 / 青年干事 of the community's League organisation. */
export const POSTS = ['deputy_secretary', 'committee_member', 'league_instructor', 'youth_officer'] as const;
export type Post = (typeof POSTS)[number];

export const RECOMMENDATION_STATUSES = ['recommended', 'appointed'] as const; // 推荐 / 已任职
export type RecommendationStatus = (typeof RECOMMENDATION_STATUSES)[number];

/**
 * The score breakdown as shown when the recommendation was recorded, so it stays
 * explainable after weights or logs change.
 */
export interface ScoreSnapshot {
  score: number;
  /** Inputs: approved hours, distinct service days, mean effectiveness and community ratings. */
  parts: Record<string, number | null>;
  weights: Record<string, number>;
}

export const recommendations = sqliteTable('recommendations', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  memberId: integer('member_id').notNull().references(() => members.id),
  communityId: integer('community_id').notNull().references(() => communities.id),
  post: text('post', { enum: POSTS }).notNull(),
  status: text('status', { enum: RECOMMENDATION_STATUSES }).notNull().default('recommended'),
  scoreSnapshot: text('score_snapshot', { mode: 'json' }).$type<ScoreSnapshot>(),
  recommendedByMemberId: integer('recommended_by_member_id').references(() => members.id),
  programYearId: integer('program_year_id').notNull().references(() => programYears.id),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [
  index('recommendations_year_member').on(t.programYearId, t.memberId),
  index('recommendations_community').on(t.communityId),
]);

/** What an excellent case points at: a service log or a quarterly report. */
const CASE_SUBJECT_KINDS = ['log', 'report'] as const;
export type CaseSubjectKind = (typeof CASE_SUBJECT_KINDS)[number];

export const excellentCases = sqliteTable('excellent_cases', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  subjectKind: text('subject_kind', { enum: CASE_SUBJECT_KINDS }).notNull(),
  /** service_logs.id or quarterly_reports.id, by `subjectKind` (so no FK). */
  subjectId: integer('subject_id').notNull(),
  citation: text('citation').notNull(),
  markedByMemberId: integer('marked_by_member_id').references(() => members.id),
  /** When it went out to the college groups; null until then. */
  publicisedAt: integer('publicised_at', { mode: 'number' }),
  createdAt: createdAt(),
}, (t) => [
  uniqueIndex('excellent_cases_subject').on(t.subjectKind, t.subjectId),
  index('excellent_cases_created').on(t.createdAt),
]);

export type QuarterlyReport = typeof quarterlyReports.$inferSelect;
export type ReportAttachment = typeof reportAttachments.$inferSelect;
export type Recommendation = typeof recommendations.$inferSelect;
export type ExcellentCase = typeof excellentCases.$inferSelect;
