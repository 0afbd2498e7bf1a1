/**
 * Community confirmation without an account (PRODUCT.md §4): a signed, expiring, single-use
 * link a reviewer hands to the community contact, who confirms the log and rates it 1–5
 * (群众反映).
 *
 * The token is `base64url(logId.expiresAt.nonce) + "." + base64url(HMAC)`. The HMAC key is
 * derived from the app secret, so a forged or altered token is refused before any database
 * lookup; the database holds only sha256(token), so a leaked copy of it yields no usable
 * link. Rotating FEISHU_APP_SECRET therefore invalidates every outstanding link.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/client.js';
import { auditLog, communityConfirmations, members, serviceLogs, type Member, type ServiceLog } from '../db/schema/index.js';
import { UserError } from './errors.js';
import { logFacts } from './logView.js';
import { audit, type MemberUnit } from './members.js';
import { reviewersFor } from './review.js';

export const CONFIRMATION_TTL_MS = 7 * 24 * 3600 * 1000;
export const MAX_COMMENT = 200;
/** Longer than any token this module issues; anything longer is not worth hashing. */
export const MAX_TOKEN_LENGTH = 200;

const KEY_LABEL = 'community-confirmation';
const NONCE_BYTES = 16;
const B64URL = /^[A-Za-z0-9_-]+$/;

/**
 * What the community contact sees: no student number, no phone, no fraud signals. Data;
 * src/cards/logView.ts `confirmationView` renders it.
 */
export interface ConfirmationSummary {
  studentName: string | null;
  unit: MemberUnit;
  date: string;
  item: ServiceLog['item'];
  itemLabel: string | null;
  hours: number;
  mode: ServiceLog['mode'];
  community: string | null;
  description: string;
}

export type ConfirmationState =
  | { status: 'valid'; logId: number; confirmationId: number; expiresAt: number; summary: ConfirmationSummary }
  | { status: 'forged' | 'unknown' | 'expired' | 'used' | 'closed' };

type ConfirmResult =
  | { status: 'confirmed'; log: ServiceLog; confirmationId: number; rating: number; comment: string | null; summary: ConfirmationSummary }
  | { status: 'invalid'; problem: 'rating' | 'comment' }
  | { status: 'forged' | 'unknown' | 'expired' | 'used' | 'closed' };

/** The community contact's answer; form fields arrive as strings. */
const confirmationInput = z.object({
  rating: z.preprocess((v) => (typeof v === 'string' && /^\s*[1-5]\s*$/.test(v) ? Number(v) : v), z.number().int().min(1).max(5)),
  comment: z.preprocess(
    (v) => (v === undefined || v === null ? '' : v),
    z.string().transform((s) => s.replace(/\r\n?/g, '\n').trim()).pipe(z.string().max(MAX_COMMENT)),
  ),
});

function signingKey(appSecret: string): Buffer {
  return createHmac('sha256', appSecret).update(KEY_LABEL).digest();
}

function mac(appSecret: string, body: string): Buffer {
  return createHmac('sha256', signingKey(appSecret)).update(body).digest();
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The signed claims of a token, or null when it was not made with this secret. */
function verify(token: string, appSecret: string): { logId: number; expiresAt: number } | null {
  if (token.length > MAX_TOKEN_LENGTH) return null;
  const parts = token.split('.');
  if (parts.length !== 2 || !B64URL.test(parts[0]!) || !B64URL.test(parts[1]!)) return null;
  // Compared as text, so a non-canonical spelling of the same bytes is not accepted either.
  const given = Buffer.from(parts[1]!);
  const expected = Buffer.from(mac(appSecret, parts[0]!).toString('base64url'));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const claims = /^(\d{1,12})\.(\d{1,15})\.[A-Za-z0-9_-]+$/.exec(Buffer.from(parts[0]!, 'base64url').toString('utf8'));
  if (!claims) return null;
  return { logId: Number(claims[1]), expiresAt: Number(claims[2]) };
}

/**
 * Makes a new link for `logId`. Only the token's hash is stored; the token itself exists
 * only in the link sent to the reviewer. The caller checks who may ask (mayReview).
 */
export function issueConfirmation(db: Db, logId: number, appSecret: string, now: number, ttlMs = CONFIRMATION_TTL_MS, issuer?: Member): { token: string; expiresAt: number } {
  const log = db.select().from(serviceLogs).where(eq(serviceLogs.id, logId)).get();
  if (!log) throw new UserError('log.notFound');
  if (log.status === 'rejected' || log.status === 'withdrawn') throw new UserError('confirm.logClosed', { status: { key: `status.${log.status}` } });
  if (log.communityConfirmedAt !== null) throw new UserError('confirm.alreadyConfirmed', { rating: log.communityRating ?? '' });
  const expiresAt = now + ttlMs;
  const body = Buffer.from(`${logId}.${expiresAt}.${randomBytes(NONCE_BYTES).toString('base64url')}`).toString('base64url');
  const token = `${body}.${mac(appSecret, body).toString('base64url')}`;
  db.transaction((tx) => {
    const row = tx.insert(communityConfirmations).values({ logId, tokenHash: tokenHash(token), expiresAt, createdAt: now }).returning({ id: communityConfirmations.id }).get();
    audit(tx as unknown as Db, { at: now, actorMemberId: issuer?.id ?? null, action: 'log.confirmLink', subject: `confirmation:${row.id}`, detail: { logId } });
  }, { behavior: 'immediate' });
  return { token, expiresAt };
}

type Lookup = { status: 'forged' | 'unknown' | 'expired' | 'used' | 'closed' } | { status: 'valid'; row: typeof communityConfirmations.$inferSelect; log: ServiceLog };

function lookup(db: Db, token: string, appSecret: string, now: number): Lookup {
  const claims = verify(token, appSecret);
  if (!claims) return { status: 'forged' };
  const row = db.select().from(communityConfirmations).where(eq(communityConfirmations.tokenHash, tokenHash(token))).get();
  const log = row ? db.select().from(serviceLogs).where(eq(serviceLogs.id, row.logId)).get() : undefined;
  if (!row || !log || row.logId !== claims.logId) return { status: 'unknown' };
  // Used before expired: a contact who confirmed last week should read "already confirmed".
  // One confirmation per log: a second link for an already confirmed log counts as used.
  if (row.usedAt !== null || log.communityConfirmedAt !== null) return { status: 'used' };
  if (row.expiresAt <= now) return { status: 'expired' };
  if (log.status === 'rejected' || log.status === 'withdrawn') return { status: 'closed' };
  return { status: 'valid', row, log };
}

export function summaryOf(db: Db, log: ServiceLog): ConfirmationSummary {
  const v = logFacts(db, log);
  return {
    studentName: v.authorName,
    unit: v.unit,
    date: v.date,
    item: v.item,
    itemLabel: v.itemLabel,
    hours: v.hours,
    mode: v.mode,
    community: v.community,
    description: v.description,
  };
}

/** What the confirmation page shows for this token; reads only. */
export function readConfirmation(db: Db, token: string, appSecret: string, now: number): ConfirmationState {
  const found = lookup(db, token, appSecret, now);
  if (found.status !== 'valid') return found;
  return { status: 'valid', logId: found.log.id, confirmationId: found.row.id, expiresAt: found.row.expiresAt, summary: summaryOf(db, found.log) };
}

/**
 * The community contact's answer, in one transaction: the token is spent (a second answer
 * finds it used), the log gets the rating and the confirmation time, and self-reported hours
 * become community-confirmed ones. Timed hours stay timed: the check-in is the stronger proof.
 */
export function confirm(db: Db, token: string, appSecret: string, input: unknown, now: number): ConfirmResult {
  const before = lookup(db, token, appSecret, now);
  if (before.status !== 'valid') return before;
  const parsed = confirmationInput.safeParse(input);
  if (!parsed.success) return { status: 'invalid', problem: parsed.error.issues[0]?.path[0] === 'comment' ? 'comment' : 'rating' };
  const { rating } = parsed.data;
  const comment = parsed.data.comment || null;

  const outcome = db.transaction(
    (tx) => {
      // Re-checked under the write lock: another process may have answered meanwhile.
      const row = tx.select().from(communityConfirmations).where(eq(communityConfirmations.id, before.row.id)).get();
      const current = tx.select().from(serviceLogs).where(eq(serviceLogs.id, before.log.id)).get();
      if (!row || row.usedAt !== null || row.expiresAt <= now || !current || current.communityConfirmedAt !== null) return null;
      if (current.status === 'rejected' || current.status === 'withdrawn') return null;
      tx.update(communityConfirmations).set({ usedAt: now, rating, comment }).where(eq(communityConfirmations.id, row.id)).run();
      const log = tx
        .update(serviceLogs)
        .set({ communityRating: rating, communityConfirmedAt: now, source: current.source === 'self' ? 'community' : current.source, updatedAt: now })
        .where(eq(serviceLogs.id, current.id))
        .returning()
        .get();
      audit(tx as unknown as Db, { at: now, action: 'log.communityConfirm', subject: `log:${log.id}`, detail: { confirmationId: row.id, rating, comment: comment !== null } });
      return log;
    },
    { behavior: 'immediate' },
  );
  if (!outcome) {
    const after = lookup(db, token, appSecret, now);
    return after.status === 'valid' ? { status: 'used' } : after;
  }
  return { status: 'confirmed', log: outcome, confirmationId: before.row.id, rating, comment, summary: summaryOf(db, outcome) };
}

/**
 * Who hears that the community confirmed: whoever asked for the link, and whoever decided
 * the log; when neither is known (or bound), the log's reviewers as a new log would have them.
 */
export function confirmationRecipients(db: Db, confirmationId: number, log: ServiceLog): Member[] {
  const ids = new Set<number>();
  const issued = db
    .select({ actor: auditLog.actorMemberId })
    .from(auditLog)
    .where(and(eq(auditLog.action, 'log.confirmLink'), eq(auditLog.subject, `confirmation:${confirmationId}`)))
    .get();
  if (issued?.actor) ids.add(issued.actor);
  if (log.reviewerMemberId) ids.add(log.reviewerMemberId);
  const known = [...ids].map((id) => db.select().from(members).where(eq(members.id, id)).get()).filter((m): m is Member => !!m?.openId);
  if (known.length > 0) return known;
  const author = db.select().from(members).where(eq(members.id, log.memberId)).get();
  return author ? reviewersFor(db, author) : [];
}

/** Where confirmation links point and what signs them (from PUBLIC_BASE_URL and FEISHU_APP_SECRET). */
export interface ConfirmSettings {
  /** PUBLIC_BASE_URL without a trailing slash. */
  baseUrl: string;
  /** FEISHU_APP_SECRET; the signing key is derived from it. */
  secret: string;
}

export function confirmUrl(settings: ConfirmSettings, token: string): string {
  return `${settings.baseUrl}/confirm/${token}`;
}
