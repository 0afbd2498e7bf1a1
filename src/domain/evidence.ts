/**
 * Evidence photos (PRODUCT.md §4, §8): an image the student sends within 10 minutes after a log
 * attaches to it. The same photo on another log of the program year — by what it shows
 * (perceptual hash, domain/photos.ts), not by its bytes — is flagged for the reviewer, not blocked.
 */
import { and, asc, eq, isNotNull, ne, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { prepared } from '../db/prepared.js';
import { serviceLogEvidence, type Member, type ServiceLog } from '../db/schema/index.js';
import type { Statement } from 'better-sqlite3';
import { distanceTo, isPhotoHash, SAME_PHOTO_MAX_DISTANCE } from './photos.js';
import { latestLogSince } from './serviceLogs.js';

export const EVIDENCE_WINDOW_MS = 10 * 60 * 1000;

interface EvidenceImage {
  /** The student's image_key. */
  imageKey: string;
  messageId: string;
  /** photoHash of the picture, or a SHA-256 of bytes that could not be decoded. */
  imageHash?: string;
  /** The bot's upload of it, shown on review cards. */
  cardImageKey?: string;
}

export function attachEvidence(db: Db, member: Member, image: EvidenceImage, now: number): { log: ServiceLog; count: number } | null {
  const log = latestLogSince(db, member.id, now - EVIDENCE_WINDOW_MS);
  if (!log) return null;
  const earlier = image.imageHash ? sameImageElsewhere(db, log, image.imageHash) : undefined;
  db.insert(serviceLogEvidence)
    .values({
      logId: log.id, imageKey: image.imageKey, messageId: image.messageId, imageHash: image.imageHash ?? null, cardImageKey: image.cardImageKey ?? null,
      reusedFromLogId: earlier ?? null, createdAt: now,
    })
    // The same message processed again (a redelivery after a crash) fills what the first try missed.
    .onConflictDoUpdate({
      target: [serviceLogEvidence.logId, serviceLogEvidence.imageKey],
      set: { cardImageKey: sql`coalesce(${serviceLogEvidence.cardImageKey}, excluded.card_image_key)`, imageHash: sql`coalesce(${serviceLogEvidence.imageHash}, excluded.image_hash)` },
    })
    .run();
  return { log, count: evidenceCount(db, log.id) };
}

/**
 * The earliest other log of the college's program year that has this photo: the same perceptual
 * hash within SAME_PHOTO_MAX_DISTANCE, or the same bytes for older SHA-256 rows.
 */
function sameImageElsewhere(db: Db, log: ServiceLog, hash: string): number | undefined {
  // A one-colour picture hashes to zero: it shows nothing that could be someone else's.
  if (/^0+$/.test(hash)) return undefined;
  const exact = db
    .select({ logId: serviceLogEvidence.logId })
    .from(serviceLogEvidence)
    .where(and(eq(serviceLogEvidence.imageHash, hash), ne(serviceLogEvidence.logId, log.id)))
    .limit(1)
    .get();
  if (exact) return exact.logId;
  // Distances cannot be indexed: the college's photos of the year (found through the logs'
  // college/year index) are compared in SQLite by a function on the connection, without a JS
  // object per row; only the few matches are sorted. Reuse across colleges is left out: it is
  // rare and would scan the school.
  const found = prepared(db, photoDistanceQuery).get(log.programYearId, log.collegeId, log.id, hash, SAME_PHOTO_MAX_DISTANCE) as { logId: number } | undefined;
  return found?.logId;
}

/**
 * The look-alike query, prepared once per connection (db/prepared.ts) with `photo_distance`
 * registered on that connection.
 */
function photoDistanceQuery(db: Db): Statement {
  const client = db.$client;
  // The query's own hash is the second argument of every call: parsed once per query.
  let query = '';
  let to = (_: string) => Infinity;
  client.function('photo_distance', { deterministic: true }, (a: unknown, b: unknown) => {
    if (b !== query) [query, to] = [String(b), isPhotoHash(String(b)) ? distanceTo(String(b)) : () => Infinity];
    return typeof a === 'string' && a.length === 16 ? to(a) : Infinity;
  });
  return client.prepare(`
    SELECT e.log_id AS logId
    FROM service_logs l JOIN service_log_evidence e ON e.log_id = l.id
    WHERE l.program_year_id = ? AND l.college_id = ? AND e.log_id <> ? AND length(e.image_hash) = 16 AND photo_distance(e.image_hash, ?) <= ?
    ORDER BY e.id LIMIT 1`);
}

export function evidenceCount(db: Db, logId: number): number {
  return db.select({ n: sql<number>`count(*)` }).from(serviceLogEvidence).where(eq(serviceLogEvidence.logId, logId)).get()?.n ?? 0;
}

/** The bot's uploads of a log's photos, first sent first, at most `limit`. */
export function evidencePhotos(db: Db, logId: number, limit: number): string[] {
  return db
    .select({ key: serviceLogEvidence.cardImageKey })
    .from(serviceLogEvidence)
    .where(and(eq(serviceLogEvidence.logId, logId), isNotNull(serviceLogEvidence.cardImageKey)))
    .orderBy(asc(serviceLogEvidence.id))
    .limit(limit)
    .all()
    .map((r) => r.key!);
}

export function hasReusedPhoto(db: Db, logId: number): boolean {
  return !!db
    .select({ id: serviceLogEvidence.id })
    .from(serviceLogEvidence)
    .where(and(eq(serviceLogEvidence.logId, logId), sql`${serviceLogEvidence.reusedFromLogId} is not null`))
    .get();
}
