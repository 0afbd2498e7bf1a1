/**
 * Who reviews a log, who may decide it, and the decision itself (PRODUCT.md §4 "Review").
 * A student's log goes to the branch secretary, a secretary's own log to the college admin,
 * a college admin's to the school admin; when nobody at that level has bound Feishu, the
 * next level up. Every decision re-checks the reviewer against the database.
 */
import { and, asc, eq, inArray, isNotNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { members, outbox, reviewMessages, serviceLogs, type Member, type ServiceLog } from '../db/schema/index.js';
import { UserError } from './errors.js';
import { audit, isBound, reachable, type BoundMember } from './members.js';

type Level = 'secretary' | 'college_admin' | 'school_admin';

function boundWith(db: Db, role: Level, scope: { branchId?: number | null; collegeId?: number | null }): BoundMember[] {
  const where = [eq(members.role, role), reachable];
  if (role === 'secretary') where.push(eq(members.branchId, scope.branchId ?? -1));
  if (role === 'college_admin') where.push(eq(members.collegeId, scope.collegeId ?? -1));
  return db.select().from(members).where(and(...where)).all().filter(isBound);
}

/** The people a new log is sent to for review (never its author). */
export function reviewersFor(db: Db, author: Member): BoundMember[] {
  const ladder: Level[] =
    author.role === 'student' ? ['secretary', 'college_admin', 'school_admin'] : author.role === 'secretary' ? ['college_admin', 'school_admin'] : ['school_admin'];
  for (const level of ladder) {
    const found = boundWith(db, level, author).filter((m) => m.id !== author.id);
    if (found.length > 0) return found;
  }
  return [];
}

/** Whether `reviewer` may decide `log`, judged from the database only. */
export function mayReview(db: Db, reviewer: Member, log: ServiceLog): boolean {
  if (reviewer.id === log.memberId) return false;
  if (reviewer.role === 'school_admin') return true;
  const authorRole = () => db.select({ role: members.role }).from(members).where(eq(members.id, log.memberId)).get()?.role;
  if (reviewer.role === 'college_admin') {
    // Only logs of the levels below: a 团总支's own log goes to the 团委 (reviewersFor), so
    // another 团总支 of the same college must not decide it from a forwarded card.
    const role = authorRole();
    return reviewer.collegeId === log.collegeId && (role === 'student' || role === 'secretary');
  }
  if (reviewer.role !== 'secretary' || reviewer.branchId === null || reviewer.branchId !== log.branchId) return false;
  return authorRole() === 'student';
}

type Decision = { kind: 'approve'; rating?: number } | { kind: 'reject'; reason: string };

/**
 * Records a decision on a pending log. The status check and the update are one statement,
 * so two reviewers clicking at once cannot both decide it.
 */
export function decide(db: Db, logId: number, reviewer: Member, decision: Decision, now: number): ServiceLog {
  const log = db.select().from(serviceLogs).where(eq(serviceLogs.id, logId)).get();
  if (!log) throw new UserError('log.notFound');
  if (!mayReview(db, reviewer, log)) throw new UserError('review.forbidden');
  if (log.status !== 'pending') throw new UserError('review.already', { status: { key: `status.${log.status}` } });
  if (decision.kind === 'reject' && !decision.reason.trim()) throw new UserError('review.reasonMissing');
  const set =
    decision.kind === 'approve'
      ? { status: 'approved' as const, rating: decision.rating ?? null, rejectReason: null }
      : { status: 'rejected' as const, rejectReason: decision.reason.trim().slice(0, 200) };
  const updated = db
    .update(serviceLogs)
    .set({ ...set, reviewerMemberId: reviewer.id, reviewedAt: now, updatedAt: now })
    .where(and(eq(serviceLogs.id, logId), eq(serviceLogs.status, 'pending')))
    .returning()
    .get();
  if (!updated) {
    const current = db.select({ status: serviceLogs.status }).from(serviceLogs).where(eq(serviceLogs.id, logId)).get();
    throw new UserError('review.already', { status: { key: `status.${current?.status ?? 'approved'}` } });
  }
  audit(db, { at: now, actorMemberId: reviewer.id, action: `log.${decision.kind}`, subject: `log:${logId}`, detail: decision.kind === 'approve' ? { rating: decision.rating ?? null } : null });
  return updated;
}

/** Pending logs this reviewer may decide, oldest first. */
export function pendingFor(db: Db, reviewer: Member, limit: number): { logs: ServiceLog[]; total: number } {
  const scope =
    reviewer.role === 'school_admin'
      ? undefined
      : reviewer.role === 'college_admin'
        ? eq(serviceLogs.collegeId, reviewer.collegeId ?? -1)
        : reviewer.role === 'secretary'
          ? eq(serviceLogs.branchId, reviewer.branchId ?? -1)
          : eq(serviceLogs.id, -1);
  const candidates = db
    .select()
    .from(serviceLogs)
    .where(and(eq(serviceLogs.status, 'pending'), scope))
    .orderBy(asc(serviceLogs.createdAt), asc(serviceLogs.id))
    .all()
    .filter((log) => mayReview(db, reviewer, log));
  return { logs: candidates.slice(0, limit), total: candidates.length };
}

/** Pending logs created before `createdBefore` (waiting that long for a decision), by id. */
export function pendingCreatedBefore(db: Db, createdBefore: number): ServiceLog[] {
  return db.select().from(serviceLogs).where(and(eq(serviceLogs.status, 'pending'), lt(serviceLogs.createdAt, createdBefore))).orderBy(asc(serviceLogs.id)).all();
}

/** Records the review card sent (or still queued in the outbox) to a reviewer for a log. */
export function rememberReviewCard(db: Db, logId: number, reviewerId: number, sent: { uuid: string; messageId?: string }, now: number): void {
  db.insert(reviewMessages)
    .values({ logId, reviewerMemberId: reviewerId, sendUuid: sent.uuid, messageId: sent.messageId ?? null, createdAt: now })
    .onConflictDoUpdate({
      target: [reviewMessages.logId, reviewMessages.reviewerMemberId],
      // The message id arrives once the card is out; the row written before the send keeps its key.
      set: { messageId: sql`coalesce(${reviewMessages.messageId}, excluded.message_id)` },
      where: sql`${reviewMessages.sendUuid} = excluded.send_uuid`,
    })
    .run();
}

/** The send key of `logId`'s review card to one reviewer: one card per (log, reviewer), whoever sends it. */
export const reviewCardKey = (logId: number, reviewerId: number): string => `review-card:${logId}:${reviewerId}`;

/** A review card as sent (or queued) to one reviewer. */
interface ReviewCardCopy {
  logId: number;
  /** Null while the outbox has not delivered the card yet; then read from the outbox row. */
  messageId: string | null;
  /** When it went out (the outbox's time, else when it was written), for Feishu's 14-day update window. */
  sentAt: number | null;
  reviewerMemberId: number;
  reviewerOpenId: string | null;
}

/** The review cards of these logs, sent or queued. */
export function reviewCardsOf(db: Db, logIds: number[]): ReviewCardCopy[] {
  if (logIds.length === 0) return [];
  return db
    .select({
      logId: reviewMessages.logId,
      messageId: sql<string | null>`coalesce(${reviewMessages.messageId}, ${outbox.messageId})`,
      sentAt: sql<number | null>`coalesce(${outbox.sentAt}, ${reviewMessages.createdAt})`,
      reviewerMemberId: reviewMessages.reviewerMemberId,
      reviewerOpenId: members.openId,
    })
    .from(reviewMessages)
    .leftJoin(outbox, eq(outbox.uuid, reviewMessages.sendUuid))
    .leftJoin(members, eq(members.id, reviewMessages.reviewerMemberId))
    .where(inArray(reviewMessages.logId, logIds))
    .all();
}

