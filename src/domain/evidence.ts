/**
 * Evidence photos (PRODUCT.md §4): an image the student sends within 10 minutes after a log
 * attaches to it. The same photo on another log is flagged for the reviewer, not blocked.
 */
import { and, eq, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { serviceLogEvidence, type ServiceLog } from '../db/schema/index.js';
import { latestLogSince } from './serviceLogs.js';
import type { Member } from '../db/schema/index.js';

export const EVIDENCE_WINDOW_MS = 10 * 60 * 1000;

export function attachEvidence(db: Db, member: Member, image: { imageKey: string; messageId: string; imageHash?: string }, now: number): { log: ServiceLog; count: number } | null {
  const log = latestLogSince(db, member.id, now - EVIDENCE_WINDOW_MS);
  if (!log) return null;
  const earlier = db
    .select({ logId: serviceLogEvidence.logId })
    .from(serviceLogEvidence)
    .where(
      and(
        ne(serviceLogEvidence.logId, log.id),
        image.imageHash ? or(eq(serviceLogEvidence.imageHash, image.imageHash), eq(serviceLogEvidence.imageKey, image.imageKey)) : eq(serviceLogEvidence.imageKey, image.imageKey),
      ),
    )
    .limit(1)
    .get();
  db.insert(serviceLogEvidence)
    .values({ logId: log.id, imageKey: image.imageKey, messageId: image.messageId, imageHash: image.imageHash ?? null, reusedFromLogId: earlier?.logId ?? null, createdAt: now })
    .onConflictDoNothing()
    .run();
  return { log, count: evidenceCount(db, log.id) };
}

export function evidenceCount(db: Db, logId: number): number {
  return db.select({ n: sql<number>`count(*)` }).from(serviceLogEvidence).where(eq(serviceLogEvidence.logId, logId)).get()?.n ?? 0;
}

export function hasReusedPhoto(db: Db, logId: number): boolean {
  return !!db
    .select({ id: serviceLogEvidence.id })
    .from(serviceLogEvidence)
    .where(and(eq(serviceLogEvidence.logId, logId), sql`${serviceLogEvidence.reusedFromLogId} is not null`))
    .get();
}
