/**
 * Storing a community list (PRODUCT.md §5): each validated row creates its community or
 * updates the one it matches tolerantly (see communities.ts), so re-importing, or importing
 * 幸福 社区居委会 after /结对 created 幸福社区, updates one row and never adds a twin. Reading
 * and checking the file is src/app/import/communities.ts.
 */
import { writeTransaction, type Db } from '../db/client.js';
import { matchCommunities, upsertCommunity, type CommunityInput } from './communities.js';

/** The columns, in the order of the documented header; only 名称 is required. */
export const COMMUNITY_FIELDS = ['name', 'level', 'region', 'tags', 'contactName', 'contactPhone', 'longitude', 'latitude'] as const;
export type CommunityField = (typeof COMMUNITY_FIELDS)[number];

/** One valid row: the fields to store, `undefined` for a column the file does not have. */
export interface CommunityEntry { line: number; input: CommunityInput }

export interface SavedCommunities {
  created: number;
  updated: number;
  unchanged: number;
  /** Rows whose name fits several known places: reported, not guessed (names of the candidates). */
  ambiguous: { line: number; name: string; matches: string[] }[];
}

/**
 * Stores validated rows in one transaction: each row creates its community or updates the one
 * it matches (fields of absent columns are left alone; a present but blank cell clears the
 * field, a blank 层级 keeps the known level; 标签 replaces the tags). A name that fits several
 * known places is reported, not guessed.
 */
export function saveCommunities(db: Db, entries: readonly CommunityEntry[], now: number): SavedCommunities {
  const saved: SavedCommunities = { created: 0, updated: 0, unchanged: 0, ambiguous: [] };
  writeTransaction(db, () => {
    for (const { line, input } of entries) {
      const matches = matchCommunities(db, input.name, input.region);
      if (matches.length > 1) {
        saved.ambiguous.push({ line, name: input.name, matches: matches.map((c) => c.name) });
        continue;
      }
      const { created, changed } = upsertCommunity(db, input, now);
      if (created) saved.created++;
      else if (changed) saved.updated++;
      else saved.unchanged++;
    }
  });
  return saved;
}
