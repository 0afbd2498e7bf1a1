/**
 * Communities (服务地): the streets, towns, communities, villages and off-campus venues
 * that branches pair with and serve, with their tags (示范点, 重点帮扶县, …) and contact.
 */
import { integer, primaryKey, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt } from './columns.js';

/** 街道 / 乡镇 / 社区 / 村 / 校外活动场所. */
export const COMMUNITY_LEVELS = ['street', 'town', 'community', 'village', 'venue'] as const;
export type CommunityLevel = (typeof COMMUNITY_LEVELS)[number];

/**
 * 县域共青团基层组织改革示范点, 青年发展型城市建设试点, 社区青春行动实施社区,
 * 国家乡村振兴重点帮扶县 (pairings with these are highlighted), 团属青少年校外活动场所.
 */
export const COMMUNITY_TAGS = [
  'county_reform_demo',
  'youth_city_pilot',
  'community_youth_action',
  'rural_revitalization_county',
  'league_venue',
] as const;
export type CommunityTag = (typeof COMMUNITY_TAGS)[number];

export const communities = sqliteTable('communities', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  /**
   * The name folded for tolerant matching (width, spaces, punctuation), so "幸福社区" typed
   * in a log or /checkin finds the row created by /pair. Unique: one row per place.
   */
  normalisedName: text('normalised_name').notNull().unique(),
  /** Null while unknown: `/pair 幸福社区` creates the row before the card asks for the rest. */
  level: text('level', { enum: COMMUNITY_LEVELS }),
  /** 市 / 区县, free text. */
  region: text('region'),
  contactName: text('contact_name'),
  contactPhone: text('contact_phone'),
  longitude: real('longitude'),
  latitude: real('latitude'),
  createdAt: createdAt(),
});

export const communityTags = sqliteTable('community_tags', {
  communityId: integer('community_id').notNull().references(() => communities.id, { onDelete: 'cascade' }),
  tag: text('tag', { enum: COMMUNITY_TAGS }).notNull(),
}, (t) => [primaryKey({ columns: [t.communityId, t.tag] })]);

export type Community = typeof communities.$inferSelect;
