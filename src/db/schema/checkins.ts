/**
 * Check-ins (报到): a member reporting at a service site — daily in term time,
 * concentrated in vacations, or online — and checking out; check-out turns the elapsed
 * time into a prefilled service log, linked back here.
 */
import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { communities } from './communities.js';
import { branches, colleges, members } from './org.js';
import { vacationTeams } from './teams.js';

/** Follows the period mode: term → daily (日常报到), vacation → concentrated (集中报到), online. */
const CHECKIN_KINDS = ['daily', 'concentrated', 'online'] as const;
export type CheckinKind = (typeof CHECKIN_KINDS)[number];

export const checkins = sqliteTable('checkins', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  memberId: integer('member_id').notNull().references(() => members.id),
  /** Denormalised from the member at write time; null for college admins, who have no branch. */
  branchId: integer('branch_id').references(() => branches.id),
  collegeId: integer('college_id').notNull().references(() => colleges.id),
  /** The known community the site name matched, if any. */
  communityId: integer('community_id').references(() => communities.id),
  /** The site as given (or the community's name); part of the once-a-day key. */
  siteName: text('site_name').notNull(),
  kind: text('kind', { enum: CHECKIN_KINDS }).notNull(),
  checkinDate: text('checkin_date').notNull(), // YYYY-MM-DD, Asia/Shanghai
  checkedInAt: integer('checked_in_at', { mode: 'number' }).notNull(),
  checkedOutAt: integer('checked_out_at', { mode: 'number' }),
  latitude: real('latitude'),
  longitude: real('longitude'),
  /** The Feishu location message the position came from. */
  locationMessageId: text('location_message_id'),
  /** The 三下乡 team the member went with (vacation check-ins only). */
  teamId: integer('team_id').references(() => vacationTeams.id),
  /** 返家乡: service at the member's home community in a vacation (PRODUCT.md §8). */
  returnHome: integer('return_home', { mode: 'boolean' }).notNull().default(false),
}, (t) => [
  uniqueIndex('checkins_member_site_date').on(t.memberId, t.siteName, t.checkinDate),
  index('checkins_college_date').on(t.collegeId, t.checkinDate),
]);

export type Checkin = typeof checkins.$inferSelect;
