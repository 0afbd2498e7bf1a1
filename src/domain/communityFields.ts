/**
 * The community fields as people write them (层级 and 标签 in Chinese, phone numbers with
 * spaces, coordinates as text) → the stored values. One set of zod schemas for every
 * boundary that takes them: the community list import and the pairing card's form.
 * Every message is a catalogue key (`community.row.*`, its params on custom issues) that
 * renders as a Chinese sentence saying what to write instead; `issueMessage` reads it back.
 */
import { z } from 'zod';
import { COMMUNITY_LEVELS, COMMUNITY_TAGS, type CommunityLevel, type CommunityTag } from '../db/schema/communities.js';
import type { CommunitiesTextKey } from '../text/communities.zh-CN.js';
import { foldName } from './communities.js';
import { messageKey } from './errors.js';

const k = (key: CommunitiesTextKey) => messageKey(key);
/** A custom issue: the catalogue key and the params it renders with. */
const problem = (key: CommunitiesTextKey, params?: Record<string, string>) => ({ code: 'custom' as const, message: k(key), ...(params ? { params } : {}) });

/** Header cells and vocabulary are compared lower-cased, without spaces, '_' and '-'. */
export const normalizeKey = (s: string): string => s.toLowerCase().replace(/[\s_-]/g, '');

/**
 * The tags' full names as PRODUCT.md §5 lists them: what a list may write. Input vocabulary,
 * like the short forms below — a display name changed in the catalogue must still read from
 * older lists.
 */
const TAG_NAMES: Record<CommunityTag, string> = {
  county_reform_demo: '县域共青团基层组织改革示范点',
  youth_city_pilot: '青年发展型城市建设试点',
  community_youth_action: '社区青春行动实施社区',
  rural_revitalization_county: '国家乡村振兴重点帮扶县',
  league_venue: '团属青少年校外活动场所',
};

// The 层级 vocabulary: the five names, the usual variants, and the English keys.
const LEVEL_BY_LABEL: Record<string, CommunityLevel> = {
  街道: 'street', 街道办事处: 'street', 街道办: 'street',
  乡镇: 'town', 乡: 'town', 镇: 'town',
  社区: 'community', 居委会: 'community', 社区居委会: 'community',
  村: 'village', 村委会: 'village', 行政村: 'village',
  校外活动场所: 'venue', 团属青少年校外活动场所: 'venue', 活动场所: 'venue', 场所: 'venue',
  ...Object.fromEntries(COMMUNITY_LEVELS.map((l) => [l, l])),
};

// The 标签 vocabulary: the full names, a few short forms people use, and the English keys.
const TAG_BY_LABEL: Record<string, CommunityTag> = {
  ...Object.fromEntries(COMMUNITY_TAGS.map((tag) => [foldName(TAG_NAMES[tag]), tag])),
  ...Object.fromEntries(COMMUNITY_TAGS.map((tag) => [normalizeKey(tag), tag])),
  示范点: 'county_reform_demo', 改革示范点: 'county_reform_demo',
  青年发展型城市: 'youth_city_pilot', 青年发展型城市试点: 'youth_city_pilot',
  社区青春行动: 'community_youth_action',
  重点帮扶县: 'rural_revitalization_county', 乡村振兴重点帮扶县: 'rural_revitalization_county', 国家重点帮扶县: 'rural_revitalization_county',
  校外活动场所: 'league_venue', 团属校外活动场所: 'league_venue',
};

const lookup = <T>(table: Record<string, T>, key: string): T | undefined => (Object.hasOwn(table, key) ? table[key] : undefined);

/** 层级 text → level; '' → undefined (unknown: read from the name, or left as it is). */
export const levelText = z.string().transform((raw, ctx): CommunityLevel | undefined => {
  const value = raw.normalize('NFKC').trim();
  if (!value) return undefined;
  const level = lookup(LEVEL_BY_LABEL, normalizeKey(value));
  if (level) return level;
  ctx.addIssue(problem('community.row.levelInvalid', { value }));
  return z.NEVER;
});

/** 标签 text, separated by 、,，;；/ or spaces → tags (duplicates dropped); '' → none. */
export const tagsText = z.string().transform((raw, ctx): CommunityTag[] => {
  const tags = new Set<CommunityTag>();
  for (const part of raw.normalize('NFKC').split(/[、,;/\s]+/)) {
    if (!part) continue;
    const tag = lookup(TAG_BY_LABEL, foldName(part)) ?? lookup(TAG_BY_LABEL, normalizeKey(part));
    if (tag) tags.add(tag);
    else ctx.addIssue(problem('community.row.tagInvalid', { value: part }));
  }
  return COMMUNITY_TAGS.filter((tag) => tags.has(tag));
});

/**
 * 联系电话 → a mainland mobile as 11 digits (+86, spaces and dashes dropped) or a landline
 * as 区号-号码[-分机] (0416-1234567); '' → null.
 */
export const phoneText = z.string().transform((raw, ctx): string | null => {
  const value = raw.normalize('NFKC').trim();
  if (!value) return null;
  const mobile = value.replace(/[\s-]/g, '').replace(/^(\+|00)?86(?=1\d{10}$)/, '');
  if (/^1[3-9]\d{9}$/.test(mobile)) return mobile;
  const landline = /^(?:\(?(0\d{2,3})\)?[\s-]?)(\d{7,8})(?:\s*(?:-|转|ext\.?)\s*(\d{1,6}))?$/i.exec(value);
  if (landline) return [landline[1], landline[2], landline[3]].filter(Boolean).join('-');
  ctx.addIssue(problem('community.row.phoneInvalid', { value }));
  return z.NEVER;
});

const coordinate = (max: number, invalid: CommunitiesTextKey) =>
  z.string().transform((raw, ctx): number | null => {
    const value = raw.normalize('NFKC').trim();
    if (!value) return null;
    const n = /^[+-]?\d+(\.\d+)?$/.test(value) ? Number(value) : NaN;
    if (Number.isFinite(n) && Math.abs(n) <= max) return n;
    ctx.addIssue(problem(invalid, { value }));
    return z.NEVER;
  });

/** 经度 / 纬度 as text → numbers in range, both or neither; a swapped pair is named as such. */
export const coordinatesText = z
  .object({ longitude: z.string(), latitude: z.string() })
  .superRefine(({ longitude, latitude }, ctx) => {
    const lng = Number(longitude.normalize('NFKC').trim());
    const lat = Number(latitude.normalize('NFKC').trim());
    // The usual slip: 41.1 under 经度 and 121.1 under 纬度. Say so rather than "out of range".
    if (latitude.trim() && Math.abs(lat) > 90 && Math.abs(lat) <= 180 && Math.abs(lng) <= 90) {
      ctx.addIssue({ ...problem('community.row.coordinatesSwapped'), abort: true });
    }
  })
  .pipe(z.object({ longitude: coordinate(180, 'community.row.longitudeInvalid'), latitude: coordinate(90, 'community.row.latitudeInvalid') }))
  .superRefine(({ longitude, latitude }, ctx) => {
    if ((longitude === null) !== (latitude === null)) ctx.addIssue(problem('community.row.coordinatesHalf'));
  });

/** Optional free text up to `max` characters; '' → null. */
export const optionalText = (max: number, tooLong: CommunitiesTextKey) =>
  z.string().transform((s) => s.normalize('NFKC').trim()).pipe(z.string().max(max, { error: k(tooLong) })).transform((s) => s || null);

/** A community name: required, at most 60 characters. */
export const nameText = z
  .string()
  .transform((s) => s.normalize('NFKC').trim())
  .pipe(z.string().min(1, { error: k('community.row.nameMissing'), abort: true }).max(60, { error: k('community.row.nameTooLong') }))
  .refine((s) => foldName(s) !== '', { error: k('community.row.nameMissing') });
