/**
 * Evidence photos (PRODUCT.md §4, §8): an image the student sends within 10 minutes after a log
 * attaches to it. The same photo on another log of the program year — by what it shows
 * (perceptual hash, domain/photos.ts), not by its bytes — is flagged for the reviewer, not blocked.
 */
import { and, asc, eq, isNotNull, ne, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { serviceLogEvidence, serviceLogs, type Member, type ServiceLog } from '../db/schema/index.js';
import { findSamePhoto } from './photos.js';
import { latestLogSince } from './serviceLogs.js';

export const EVIDENCE_WINDOW_MS = 10 * 60 * 1000;

export interface EvidenceImage {
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
    .onConflictDoNothing()
    .run();
  return { log, count: evidenceCount(db, log.id) };
}

/**
 * The earliest other log of the college's program year that has this photo: the same perceptual
 * hash within SAME_PHOTO_MAX_DISTANCE, or the same bytes for older SHA-256 rows.
 */
function sameImageElsewhere(db: Db, log: ServiceLog, hash: string): number | undefined {
  const exact = db
    .select({ logId: serviceLogEvidence.logId })
    .from(serviceLogEvidence)
    .where(and(eq(serviceLogEvidence.imageHash, hash), ne(serviceLogEvidence.logId, log.id)))
    .limit(1)
    .get();
  if (exact) return exact.logId;
  // Distances cannot be indexed: the college's photos of the year are compared in memory
  // (≈ 0.1 µs each). Reuse across colleges is left out: it is rare and would scan the school.
  const candidates = db
    .select({ logId: serviceLogEvidence.logId, hash: serviceLogEvidence.imageHash })
    .from(serviceLogEvidence)
    .innerJoin(serviceLogs, eq(serviceLogs.id, serviceLogEvidence.logId))
    .where(and(eq(serviceLogs.programYearId, log.programYearId), eq(serviceLogs.collegeId, log.collegeId), ne(serviceLogEvidence.logId, log.id), isNotNull(serviceLogEvidence.imageHash), sql`length(${serviceLogEvidence.imageHash}) = 16`))
    .orderBy(asc(serviceLogEvidence.id))
    .all() as { logId: number; hash: string }[];
  return findSamePhoto(hash, candidates)?.logId;
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
