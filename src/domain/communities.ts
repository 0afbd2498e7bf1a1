/**
 * Communities (服务地): one row per place however its name is typed (the matching rules are
 * in placeNames.ts, re-exported here), created by /结对 or the list import, with tags.
 */
import { asc, eq, or, sql } from 'drizzle-orm';
import { writeTransaction, type Db } from '../db/client.js';
import { prepared } from '../db/prepared.js';
import {
  communities, communityTags as communityTagsTable, COMMUNITY_TAGS, pairings, type Community, type CommunityLevel, type CommunityTag,
} from '../db/schema/index.js';
import { UserError } from './errors.js';
import { candidateKeys, cleanName, foldName, levelFromName, matchKey, matchPlaces, parseName } from './placeNames.js';

export { cleanName, coreName, foldName, levelFromName, matchKey, matchPlaces, namesMatch } from './placeNames.js';

const namesQuery = (db: Db) => db.select({ id: communities.id, name: communities.name }).from(communities).orderBy(asc(communities.id)).prepare();

/** Every known community's id and name, oldest first: what a plain-Chinese report is read against, on every such message. */
export function communityNames(db: Db): { id: number; name: string }[] {
  return prepared(db, namesQuery).all();
}

/** The community with this id; undefined for a null id or an unknown one. */
export function communityById(db: Db, id: number | null | undefined): Community | undefined {
  return id ? db.select().from(communities).where(eq(communities.id, id)).get() : undefined;
}

/**
 * Every known community `name` may denote (see `matchPlaces`); empty when none. The rows
 * compared are narrowed in SQL to those whose `normalised_name` contains one of the name's
 * `candidateKeys`, which holds for every row whose key is its folded name (or `matchKey`).
 */
export function matchCommunities(db: Db, name: string, region?: string | null): Community[] {
  if (!foldName(name)) return [];
  const near = or(...candidateKeys(name).map((key) => sql`instr(${communities.normalisedName}, ${key}) > 0`));
  return matchPlaces(db.select().from(communities).where(near).orderBy(asc(communities.id)).all(), { name, region });
}

/** A known community whose name matches `name` tolerantly, if exactly one does. */
export function findCommunity(db: Db, name: string): Community | undefined {
  const matches = matchCommunities(db, name);
  return matches.length === 1 ? matches[0] : undefined;
}

function ambiguous(name: string, matches: Community[]): UserError {
  return new UserError('community.ambiguous', { name, names: matches.map((c) => c.name), example: matches[0]!.name });
}

/**
 * The known community matching `name` tolerantly (returned as stored, never renamed), or a
 * new one whose level is read from the name's suffix (the rest stays unknown until a card
 * fills it). Near-identical spellings therefore land on one row.
 * @throws UserError `community.ambiguous` when the name fits several known places (幸福 when
 *   幸福社区 and 幸福村 both exist); the message lists them.
 */
export function findOrCreateCommunity(db: Db, name: string, now: number): { community: Community; created: boolean } {
  const clean = cleanName(name);
  return writeTransaction(db, () => {
    const matches = matchCommunities(db, clean);
    if (matches.length > 1) throw ambiguous(clean, matches);
    if (matches[0]) return { community: matches[0], created: false };
    return { community: insertCommunity(db, { name: clean }, now), created: true };
  });
}

function insertCommunity(db: Db, input: CommunityInput, now: number): Community {
  const { tags, name, ...fields } = input;
  const community = db
    .insert(communities)
    .values({ ...fields, level: fields.level ?? levelFromName(name) ?? null, name, normalisedName: matchKey(name), createdAt: now })
    .returning()
    .get();
  if (tags?.length) setTags(db, community.id, tags);
  return community;
}

/**
 * What is known about a community. For every optional field, `undefined` leaves the stored
 * value as it is and `null` clears it; `tags`, when given, replaces the whole set.
 */
export interface CommunityInput {
  name: string;
  level?: CommunityLevel | null;
  region?: string | null;
  contactName?: string | null;
  contactPhone?: string | null;
  longitude?: number | null;
  latitude?: number | null;
  tags?: readonly CommunityTag[];
}

/** What `upsertCommunity` did. */
interface UpsertedCommunity {
  community: Community;
  created: boolean;
  /** False when the row (and its tags) already said exactly this. */
  changed: boolean;
}

/**
 * Creates the community or updates the one `input.name` matches tolerantly (for the pairing
 * card and the list import). On a new row an unknown level is read from the name's suffix.
 * An existing row takes the new spelling of its name unless that spelling drops the suffix
 * the stored one has, or names it with a district prefix (the stored name stays 幸福社区
 * when the input says 幸福 or 古塔区幸福社区). Values are stored as given: validate at the
 * boundary (see communityFields.ts).
 * @throws UserError `community.ambiguous` when the name fits several known places.
 */
export function upsertCommunity(db: Db, input: CommunityInput, now: number): UpsertedCommunity {
  const { tags, name: typed, ...given } = input;
  const name = cleanName(typed);
  const fields = Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)) as Partial<Omit<CommunityInput, 'name' | 'tags'>>;
  return writeTransaction(db, () => {
    const matches = matchCommunities(db, name, input.region);
    if (matches.length > 1) throw ambiguous(name, matches);
    const existing = matches[0];
    if (!existing) return { community: insertCommunity(db, { ...fields, name, tags }, now), created: true, changed: true };
    const p = parseName(name);
    const stored = parseName(existing.name);
    const rename = name !== existing.name && p.core === stored.core && (p.level !== null || stored.level === null);
    const level = fields.level === undefined && existing.level === null ? (p.level ?? undefined) : undefined;
    const update = { ...fields, ...(level ? { level } : {}), ...(rename ? { name, normalisedName: p.key } : {}) };
    const fieldsChanged = Object.entries(update).some(([k, v]) => existing[k as keyof Community] !== v);
    const tagsChanged = tags !== undefined && !sameSet(communityTags(db, existing.id), tags);
    if (!fieldsChanged && !tagsChanged) return { community: existing, created: false, changed: false };
    if (fieldsChanged) db.update(communities).set(update).where(eq(communities.id, existing.id)).run();
    if (tagsChanged) setTags(db, existing.id, tags);
    return { community: communityById(db, existing.id)!, created: false, changed: true };
  });
}

const sameSet = (a: readonly string[], b: readonly string[]) => new Set(a).size === new Set(b).size && a.every((x) => b.includes(x));

/** Replaces the community's tags with `tags` (duplicates ignored). */
export function setTags(db: Db, communityId: number, tags: readonly CommunityTag[]): void {
  writeTransaction(db, (tx) => {
    tx.delete(communityTagsTable).where(eq(communityTagsTable.communityId, communityId)).run();
    const unique = [...new Set(tags)];
    if (unique.length) tx.insert(communityTagsTable).values(unique.map((tag) => ({ communityId, tag }))).run();
  });
}

/** The community's tags, in the order of `COMMUNITY_TAGS` (the order PRODUCT.md lists them). */
export function communityTags(db: Db, communityId: number): CommunityTag[] {
  const have = new Set(db.select({ tag: communityTagsTable.tag }).from(communityTagsTable).where(eq(communityTagsTable.communityId, communityId)).all().map((r) => r.tag));
  return COMMUNITY_TAGS.filter((tag) => have.has(tag));
}

/** The community of the branch's active (signed) pairing, if any. */
export function pairedCommunity(db: Db, branchId: number | null): Community | undefined {
  if (!branchId) return undefined;
  const pairing = db.select({ communityId: pairings.communityId, status: pairings.status }).from(pairings).where(eq(pairings.branchId, branchId)).all().find((p) => p.status === 'signed');
  return pairing ? communityById(db, pairing.communityId) : undefined;
}

/** Great-circle distance in km (haversine). */
export function distanceKm(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}
