/**
 * Service logs (服务记录): what a member did, when, for how long and where, with the
 * origin of its hours, the review outcome, evidence images and the community's
 * account-free confirmation. Only approved logs count anywhere.
 */
import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { checkins } from './checkins.js';
import { createdAt, updatedAt } from './columns.js';
import { communities } from './communities.js';
import { projects } from './projects.js';
import { vacationTeams } from './teams.js';
import { ITEMS, SERVICE_AREAS } from './enums.js';
import { branches, colleges, members, programYears } from './org.js';

export const LOG_MODES = ['offline', 'online'] as const; // 线下 / 线上
export type LogMode = (typeof LOG_MODES)[number];

/** Where the hours come from: check-in → check-out, self-reported, or confirmed by the community. */
export const LOG_SOURCES = ['timed', 'self', 'community'] as const;
export type LogSource = (typeof LOG_SOURCES)[number];

const LOG_STATUSES = ['pending', 'approved', 'rejected', 'withdrawn'] as const;
export type LogStatus = (typeof LOG_STATUSES)[number];

export const serviceLogs = sqliteTable('service_logs', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  memberId: integer('member_id').notNull().references(() => members.id),
  /**
   * Branch and college are copied from the member at write time, so digests and
   * coverage aggregate without joins and a later roster move does not rewrite history.
   * A college admin has no branch; a member without a college cannot log.
   */
  branchId: integer('branch_id').references(() => branches.id),
  collegeId: integer('college_id').notNull().references(() => colleges.id),
  programYearId: integer('program_year_id').notNull().references(() => programYears.id),
  serviceDate: text('service_date').notNull(), // YYYY-MM-DD, Asia/Shanghai
  item: text('item', { enum: ITEMS }).notNull(),
  /** The name of an X item. */
  itemLabel: text('item_label'),
  area: text('area', { enum: SERVICE_AREAS }),
  communityId: integer('community_id').references(() => communities.id),
  /** The project (项目组的工作) the service was for, when the student named one (PRODUCT.md §8). */
  projectId: integer('project_id').references(() => projects.id),
  /** The 三下乡 team the service was with (vacation logs, PRODUCT.md §8). */
  teamId: integer('team_id').references(() => vacationTeams.id),
  /** 返家乡: vacation service at the member's home community. */
  returnHome: integer('return_home', { mode: 'boolean' }).notNull().default(false),
  /** Hours × 2: hours come in steps of 0.5, so integers store them exactly and sum without drift. */
  halfHours: integer('half_hours').notNull(),
  mode: text('mode', { enum: LOG_MODES }).notNull().default('offline'),
  description: text('description').notNull(),
  source: text('source', { enum: LOG_SOURCES }).notNull(),
  status: text('status', { enum: LOG_STATUSES }).notNull().default('pending'),
  reviewerMemberId: integer('reviewer_member_id').references(() => members.id),
  reviewedAt: integer('reviewed_at', { mode: 'number' }),
  /** Effectiveness (成效) rated by the reviewer, 1–5. */
  rating: integer('rating'),
  rejectReason: text('reject_reason'),
  /** 群众反映: the community contact's 1–5 rating from the confirmation page. */
  communityRating: integer('community_rating'),
  communityConfirmedAt: integer('community_confirmed_at', { mode: 'number' }),
  /** The check-in whose check-out form the log came from: the one link between the two. */
  checkinId: integer('checkin_id').references((): AnySQLiteColumn => checkins.id),
  /**
   * Hash of (member, date, item, hours, description). Unique among live logs, so an
   * identical log is refused even when two arrive at once; a withdrawn or rejected one
   * may be sent again.
   */
  dedupeKey: text('dedupe_key').notNull(),
  /** The Feishu message the log was parsed from, if any. */
  sourceMessageId: text('source_message_id'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [
  uniqueIndex('service_logs_dedupe').on(t.dedupeKey).where(sql`${t.status} in ('pending', 'approved')`),
  index('service_logs_member_date').on(t.memberId, t.serviceDate),
  index('service_logs_branch_status').on(t.branchId, t.status),
  index('service_logs_status_date').on(t.status, t.serviceDate),
  // Tracking (src/domain/metrics) answers per branch and per member with index seeks instead
  // of scanning millions of logs: whether a branch has an approved log this year, its latest
  // date, its week's hours (date range), which "四个一" items it has, whether a member took part,
  // each college's hours and its week's top contributors (covering range scans of one index that
  // carries the member and branch) and its pending logs with the oldest one's age. Year totals
  // come from the roll-ups (./rollups.ts).
  index('service_logs_branch_year_status_date').on(t.branchId, t.programYearId, t.status, t.serviceDate, t.halfHours),
  index('service_logs_branch_year_status_item').on(t.branchId, t.programYearId, t.status, t.item),
  index('service_logs_member_year_status').on(t.memberId, t.programYearId, t.status),
  index('service_logs_college_year_status_date_member').on(t.collegeId, t.programYearId, t.status, t.serviceDate, t.memberId, t.branchId, t.halfHours),
  index('service_logs_college_year_status_created').on(t.collegeId, t.programYearId, t.status, t.createdAt),
  // Whether a check-in's log still stands (domain/checkins hasLiveLog) is a seek on this.
  index('service_logs_checkin').on(t.checkinId),
  check('service_logs_half_hours_positive', sql`${t.halfHours} > 0`),
  check('service_logs_rating_range', sql`${t.rating} between 1 and 5`),
  check('service_logs_community_rating_range', sql`${t.communityRating} between 1 and 5`),
]);

/** Images attached to a log (sent within 10 minutes after it). */
export const serviceLogEvidence = sqliteTable('service_log_evidence', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  logId: integer('log_id').notNull().references(() => serviceLogs.id, { onDelete: 'cascade' }),
  /** The student's image_key (of their message; only downloadable, never shown on a card). */
  imageKey: text('image_key').notNull(),
  messageId: text('message_id'),
  /**
   * The same picture uploaded by the bot (im/v1/images): a card may only show images the app
   * uploaded. Null when the photo could not be read or uploaded.
   */
  cardImageKey: text('card_image_key'),
  /**
   * Perceptual hash (domain/photos.ts, 16 hex digits) to flag the same photo reused across logs
   * (a fraud signal, not a block); a SHA-256 of the bytes for rows written before, or for a
   * picture that could not be decoded.
   */
  imageHash: text('image_hash'),
  /** The earlier log the same photo was first attached to, when `imageHash` matched. */
  reusedFromLogId: integer('reused_from_log_id').references(() => serviceLogs.id),
  createdAt: createdAt(),
}, (t) => [
  uniqueIndex('service_log_evidence_log_image').on(t.logId, t.imageKey),
  index('service_log_evidence_hash').on(t.imageHash),
]);

/**
 * One-tap confirmation links for the community contact, who has no account: signed,
 * expiring and single use. Only the token's hash is stored.
 */
export const communityConfirmations = sqliteTable('community_confirmations', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  logId: integer('log_id').notNull().references(() => serviceLogs.id, { onDelete: 'cascade' }),
  tokenHash: text('token_hash').notNull().unique(),
  expiresAt: integer('expires_at', { mode: 'number' }).notNull(),
  usedAt: integer('used_at', { mode: 'number' }),
  rating: integer('rating'),
  comment: text('comment'),
  createdAt: createdAt(),
}, (t) => [
  index('community_confirmations_log').on(t.logId),
  check('community_confirmations_rating_range', sql`${t.rating} between 1 and 5`),
]);

/** The review cards sent for a log, so a decision taken on one updates the others in place. */
export const reviewMessages = sqliteTable('review_messages', {
  logId: integer('log_id').notNull().references(() => serviceLogs.id, { onDelete: 'cascade' }),
  /** Known once the card went out; while the outbox still retries it, found by `sendUuid`. */
  messageId: text('message_id'),
  /** The outbox row's uuid (jobs/outbox.ts). */
  sendUuid: text('send_uuid'),
  reviewerMemberId: integer('reviewer_member_id').notNull().references(() => members.id),
  createdAt: createdAt(),
}, (t) => [primaryKey({ columns: [t.logId, t.reviewerMemberId] })]);

export type ServiceLog = typeof serviceLogs.$inferSelect;
export type NewServiceLog = typeof serviceLogs.$inferInsert;
