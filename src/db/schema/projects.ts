/**
 * The project list (项目清单) of a branch — projects with their service area, "4+X" items,
 * goals, responsibilities, cooperation period and project group — and the positions
 * (岗位) students sign up for, confirmed by the secretary.
 */
import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt } from './columns.js';
import { communities } from './communities.js';
import { ITEMS, SERVICE_AREAS } from './enums.js';
import { branches, colleges, members, programYears } from './org.js';

export const projects = sqliteTable('projects', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  branchId: integer('branch_id').notNull().references(() => branches.id),
  programYearId: integer('program_year_id').notNull().references(() => programYears.id),
  title: text('title').notNull(),
  area: text('area', { enum: SERVICE_AREAS }).notNull(),
  goals: text('goals'), // 目标
  tasks: text('tasks'), // 任务
  responsibilities: text('responsibilities'), // 责任清单
  cooperationStart: text('cooperation_start'), // YYYY-MM-DD, 合作期限
  cooperationEnd: text('cooperation_end'),
  communityId: integer('community_id').references(() => communities.id),
  createdAt: createdAt(),
}, (t) => [index('projects_branch_year').on(t.branchId, t.programYearId)]);

/** The "4+X" items a project covers; `label` names an X item. */
export const projectItems = sqliteTable('project_items', {
  projectId: integer('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
  item: text('item', { enum: ITEMS }).notNull(),
  label: text('label'),
}, (t) => [primaryKey({ columns: [t.projectId, t.item] })]);

/** The project group (项目组). */
export const projectMembers = sqliteTable('project_members', {
  projectId: integer('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
  memberId: integer('member_id').notNull().references(() => members.id),
}, (t) => [
  primaryKey({ columns: [t.projectId, t.memberId] }),
  index('project_members_member').on(t.memberId),
]);

const POSITION_STATUSES = ['open', 'closed'] as const;

/**
 * A position offered by a branch (optionally under one of its projects) or by the
 * college as a whole (branchId null); `/positions` lists those of the member's branch
 * and college.
 */
export const positions = sqliteTable('positions', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  projectId: integer('project_id').references(() => projects.id),
  branchId: integer('branch_id').references(() => branches.id),
  collegeId: integer('college_id').notNull().references(() => colleges.id),
  title: text('title').notNull(),
  slots: integer('slots').notNull().default(1),
  schedule: text('schedule'), // free text, e.g. 每周六上午
  status: text('status', { enum: POSITION_STATUSES }).notNull().default('open'),
  createdAt: createdAt(),
}, (t) => [
  index('positions_college_status').on(t.collegeId, t.status),
  index('positions_branch_status').on(t.branchId, t.status),
  check('positions_slots_positive', sql`${t.slots} >= 1`),
]);

const SIGNUP_STATUSES = ['signed_up', 'confirmed', 'declined', 'withdrawn'] as const;
export type SignupStatus = (typeof SIGNUP_STATUSES)[number];

export const positionSignups = sqliteTable('position_signups', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  positionId: integer('position_id').notNull().references(() => positions.id, { onDelete: 'cascade' }),
  memberId: integer('member_id').notNull().references(() => members.id),
  status: text('status', { enum: SIGNUP_STATUSES }).notNull().default('signed_up'),
  createdAt: createdAt(),
  decidedAt: integer('decided_at', { mode: 'number' }),
}, (t) => [
  uniqueIndex('position_signups_position_member').on(t.positionId, t.memberId),
  index('position_signups_member').on(t.memberId),
]);

export type Project = typeof projects.$inferSelect;
export type Position = typeof positions.$inferSelect;
export type PositionSignup = typeof positionSignups.$inferSelect;
