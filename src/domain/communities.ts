/**
 * Communities (服务地). Names are folded for matching (width, spaces, punctuation, a missing
 * 社区/街道/村/镇/乡 suffix) so the same place is found however it is typed.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { communities, pairings, type Community } from '../db/schema/index.js';

const SUFFIXES = /(社区居委会|居委会|社区|街道办事处|街道|村委会|村|镇|乡)$/;

/** The comparable form of a community name. */
export function foldName(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[\s·.,，。、()（）\-—_]/g, '')
    .toLowerCase();
}

/** The name without its level suffix, for tolerant matching. */
export function coreName(name: string): string {
  const folded = foldName(name);
  const core = folded.replace(SUFFIXES, '');
  return core.length >= 2 ? core : folded;
}

export function allCommunities(db: Db): Community[] {
  return db.select().from(communities).all();
}

export function communityById(db: Db, id: number | null | undefined): Community | undefined {
  return id ? db.select().from(communities).where(eq(communities.id, id)).get() : undefined;
}

/** A known community whose name matches `name` tolerantly, if exactly one does. */
export function findCommunity(db: Db, name: string): Community | undefined {
  const want = coreName(name);
  if (!want) return undefined;
  const exact = db.select().from(communities).where(eq(communities.normalisedName, want)).get();
  if (exact) return exact;
  const matches = allCommunities(db).filter((c) => coreName(c.name) === want);
  return matches.length === 1 ? matches[0] : undefined;
}

/**
 * The known community matching `name` tolerantly, or a new one (level and the rest unknown
 * until a card fills them). Two near-identical spellings therefore land on one row.
 */
export function findOrCreateCommunity(db: Db, name: string, now: number): { community: Community; created: boolean } {
  const found = findCommunity(db, name);
  if (found) return { community: found, created: false };
  const clean = name.normalize('NFKC').replace(/\s+/g, '').trim();
  const community = db
    .insert(communities)
    .values({ name: clean, normalisedName: coreName(clean), createdAt: now })
    .onConflictDoNothing()
    .returning()
    .get();
  if (community) return { community, created: true };
  // Raced with another insert of the same place: read it back.
  return { community: db.select().from(communities).where(eq(communities.normalisedName, coreName(clean))).get()!, created: false };
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
