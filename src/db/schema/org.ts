/**
 * The organisation: program years, colleges (团总支), branches (团支部) and members.
 * A member is a roster entry keyed by 学号; binding links it to one Feishu account: its open_id
 * (per app) and its union_id (the same across the apps of one developer, so a binding survives
 * a new App ID).
 */
import { sql } from 'drizzle-orm';
import { index, integer, real, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';

export const ROLES = ['student', 'secretary', 'college_admin', 'school_admin'] as const;
export type Role = (typeof ROLES)[number];

const PERIOD_MODES = ['auto', 'term', 'winter', 'summer', 'online'] as const;

const createdAt = () => integer('created_at', { mode: 'number' }).notNull().default(sql`(unixepoch() * 1000)`);

/** One program year (e.g. 2026-10-01 … 2027-09-30) with its settings; history is kept. */
export const programYears = sqliteTable('program_years', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
  startsOn: text('starts_on').notNull(), // YYYY-MM-DD, Asia/Shanghai
  endsOn: text('ends_on').notNull(), // inclusive
  isCurrent: integer('is_current', { mode: 'boolean' }).notNull().default(false),
  targetRatio: real('target_ratio').notNull().default(0.25),
  pairingDeadline: text('pairing_deadline').notNull(), // 组织结对, default 11-11 of the start year
  projectListDeadline: text('project_list_deadline').notNull(), // 项目清单, default 11-11
  matchingDeadline: text('matching_deadline').notNull(), // 岗位对接, default 11-19
  periodMode: text('period_mode', { enum: PERIOD_MODES }).notNull().default('auto'),
  winterVacationStart: text('winter_vacation_start'),
  winterVacationEnd: text('winter_vacation_end'),
  summerVacationStart: text('summer_vacation_start'),
  summerVacationEnd: text('summer_vacation_end'),
  logWindowDays: integer('log_window_days').notNull().default(30),
  /** JSON: weights of the recommendation score {hours, days, rating, feedback}. */
  scoreWeights: text('score_weights', { mode: 'json' }).$type<Record<string, number>>(),
  createdAt: createdAt(),
}, (t) => [uniqueIndex('program_years_one_current').on(t.isCurrent).where(sql`${t.isCurrent} = 1`)]);

export const colleges = sqliteTable('colleges', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
  /** The college group chat the weekly digest goes to (bound with /bindgroup). */
  chatId: text('chat_id').unique(),
  chatBoundAt: integer('chat_bound_at', { mode: 'number' }),
  /**
   * Set when a confirmed full roster left the college with no active member (PRODUCT.md §8): it
   * leaves every figure of the years that end after this moment; cleared when members return.
   */
  archivedAt: integer('archived_at', { mode: 'number' }),
  createdAt: createdAt(),
});

/**
 * What a unit under a college is: a 团支部 (from the roster; the coverage counts these), or a
 * student organisation the notice names as a vehicle beside them (学生会, 学生社团, 青年志愿者协会),
 * created by the 团总支 or 团委. An organisation owns pairings, projects and positions as a branch
 * does, has a responsible member instead of a roster, and is counted on its own.
 */
export const UNIT_KINDS = ['branch', 'student_union', 'club', 'volunteer_association'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const branches = sqliteTable('branches', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  collegeId: integer('college_id').notNull().references(() => colleges.id),
  name: text('name').notNull(),
  kind: text('kind', { enum: UNIT_KINDS }).notNull().default('branch'),
  /** The responsible member of a student organisation (null for a 团支部, whose 团支书 come from the roster). */
  leaderMemberId: integer('leader_member_id').references((): AnySQLiteColumn => members.id),
  /** As for colleges: archived when a confirmed full roster left it with no active member. */
  archivedAt: integer('archived_at', { mode: 'number' }),
  createdAt: createdAt(),
}, (t) => [uniqueIndex('branches_college_name').on(t.collegeId, t.name)]);

export const members = sqliteTable('members', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  /** 学号 — the roster key. Never shown in group messages or info logs. */
  studentNo: text('student_no').notNull().unique(),
  name: text('name').notNull(),
  role: text('role', { enum: ROLES }).notNull(),
  collegeId: integer('college_id').references(() => colleges.id),
  branchId: integer('branch_id').references(() => branches.id),
  mobile: text('mobile'),
  /** 飞书ID from the roster (open_id `ou_…` or union_id `on_…`), used to bind without /bind. */
  rosterFeishuId: text('roster_feishu_id'),
  /** The Feishu account bound to this entry, as this app sees it (open_id differs per app). */
  openId: text('open_id').unique(),
  /** The same account's union_id: finds the entry again when the bot runs under a new app. */
  unionId: text('union_id').unique(),
  boundAt: integer('bound_at', { mode: 'number' }),
  /**
   * When a confirmed full roster no longer listed the member (PRODUCT.md §8): from then on they
   * cannot log or act and count in no denominator of a year ending later; their history stays.
   * Cleared when a roster lists them again.
   */
  leftAt: integer('left_at', { mode: 'number' }),
  createdAt: createdAt(),
  updatedAt: integer('updated_at', { mode: 'number' }),
}, (t) => [
  index('members_branch').on(t.branchId),
  index('members_college').on(t.collegeId),
  index('members_roster_feishu_id').on(t.rosterFeishuId),
]);

/**
 * A roster file read and checked but not yet applied (PRODUCT.md §8): the preview the 团委 confirms
 * or cancels. The validated entries are kept so the confirmation applies exactly what was shown.
 */
export const rosterImports = sqliteTable('roster_imports', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  /** The 团委 member who sent the file (null from the CLI). */
  byMemberId: integer('by_member_id').references(() => members.id),
  fileName: text('file_name').notNull(),
  /** JSON: { entries, errors, columns } as read from the file. */
  payload: text('payload', { mode: 'json' }).notNull(),
  status: text('status', { enum: ['pending', 'applied', 'cancelled', 'superseded'] }).notNull().default('pending'),
  /** 'full' (missing members become inactive) or 'partial' (only adds and updates), once applied. */
  mode: text('mode', { enum: ['full', 'partial'] }),
  createdAt: createdAt(),
  decidedAt: integer('decided_at', { mode: 'number' }),
}, (t) => [index('roster_imports_status').on(t.status)]);

export type ProgramYear = typeof programYears.$inferSelect;
export type Branch = typeof branches.$inferSelect;
export type Member = typeof members.$inferSelect;
