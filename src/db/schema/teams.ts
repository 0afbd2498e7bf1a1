/**
 * 三下乡 teams (the notice: 寒暑假…组建"三下乡"社会实践团队): a named team of a college for one
 * program year, with its leader, members and destination. A vacation check-in or log may name the
 * team it served with (checkins.team_id, service_logs.team_id).
 */
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt } from './columns.js';
import { communities } from './communities.js';
import { colleges, members, programYears } from './org.js';

export const vacationTeams = sqliteTable('vacation_teams', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  programYearId: integer('program_year_id').notNull().references(() => programYears.id),
  collegeId: integer('college_id').notNull().references(() => colleges.id),
  name: text('name').notNull(),
  leaderMemberId: integer('leader_member_id').notNull().references(() => members.id),
  /** Where the team goes (a village, a county), as written. */
  destination: text('destination').notNull(),
  /** The known community the destination matched, if any. */
  communityId: integer('community_id').references(() => communities.id),
  createdByMemberId: integer('created_by_member_id').references(() => members.id),
  createdAt: createdAt(),
}, (t) => [
  uniqueIndex('vacation_teams_year_name').on(t.programYearId, t.name),
  index('vacation_teams_college').on(t.collegeId, t.programYearId),
]);

export const vacationTeamMembers = sqliteTable('vacation_team_members', {
  teamId: integer('team_id').notNull().references(() => vacationTeams.id, { onDelete: 'cascade' }),
  memberId: integer('member_id').notNull().references(() => members.id),
}, (t) => [
  primaryKey({ columns: [t.teamId, t.memberId] }),
  index('vacation_team_members_member').on(t.memberId),
]);

export type VacationTeam = typeof vacationTeams.$inferSelect;
