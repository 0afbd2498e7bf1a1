/**
 * `/bind` (PRODUCT.md §3): a Feishu account claims a roster entry by 学号 and 姓名. The name
 * must match; an entry bound to another account is refused and the school admins are told,
 * who can free it with `/unbind`.
 * The account's union_id is stored with its open_id, so the binding survives a new App ID.
 */
import { and, eq, gte, inArray, sql } from 'drizzle-orm';
import { writeTransaction, type Db } from '../db/client.js';
import { auditLog, members, type Member } from '../db/schema/index.js';
import { UserError } from './errors.js';
import { audit, bindAccount, boundSchoolAdmins, memberByStudentNo, sameName, type BoundMember, type FeishuAccount } from './members.js';

type BindOutcome =
  | { kind: 'bound'; member: Member }
  | { kind: 'already'; member: Member }
  /** No such 学号, or the name does not match: one answer for both, so a guess learns nothing. */
  | { kind: 'no_match' }
  | { kind: 'self_bound_other'; current: Member }
  /** `admins` are the 团委 to alert: empty when this entry was contested within the day already. */
  | { kind: 'taken'; entry: Member; admins: BoundMember[] }
  /** Too many failed tries from this account; `admins` to tell once, when the lock begins. */
  | { kind: 'locked'; admins: BoundMember[]; failures: number };

/**
 * At most `max` failed tries (no match, or an entry bound to another account) per account in a
 * rolling `windowMs`, then the account may not try again until the window has room (PRODUCT.md
 * §8 "Accounts"). A contested entry alerts the 团委 at most once per `alertMs`.
 */
export const BIND_LIMITS = { max: 5, windowMs: 60 * 60_000, alertMs: 24 * 60 * 60_000 } as const;

const FAILED = ['bind.no_match', 'bind.taken'] as const;

/** Audit rows of `actions` since `since`, by account or about an entry (a seek on audit_log_at, then a short scan). */
function auditedSince(db: Db, q: { actions: readonly string[]; since: number; openId?: string; subject?: string }): number {
  const where = [inArray(auditLog.action, [...q.actions]), gte(auditLog.at, q.since)];
  if (q.openId) where.push(eq(auditLog.actorOpenId, q.openId));
  if (q.subject) where.push(eq(auditLog.subject, q.subject));
  return db.select({ n: sql<number>`count(*)` }).from(auditLog).where(and(...where)).get()?.n ?? 0;
}

/**
 * `/bind`: claims the entry of `studentNo` for this account when the name matches. Every failed
 * try is audited and counts toward the account's limit; all of it is synchronous on one
 * connection, so tries sent in parallel are counted one after another and the sixth is refused.
 */
export function bind(db: Db, input: FeishuAccount & { studentNo: string; name: string; current: Member | null }, now: number): BindOutcome {
  const failures = auditedSince(db, { actions: FAILED, since: now - BIND_LIMITS.windowMs, openId: input.openId });
  if (failures >= BIND_LIMITS.max) {
    // The 团委 hear of a lock once: when it begins, not on every refused try.
    const first = auditedSince(db, { actions: ['bind.locked'], since: now - BIND_LIMITS.windowMs, openId: input.openId }) === 0;
    if (first) audit(db, { at: now, actorOpenId: input.openId, action: 'bind.locked', detail: { failures } });
    return { kind: 'locked', admins: first ? boundSchoolAdmins(db) : [], failures };
  }
  const entry = memberByStudentNo(db, input.studentNo);
  if (!entry || !sameName(entry.name, input.name)) {
    audit(db, { at: now, actorOpenId: input.openId, action: 'bind.no_match', ...(entry ? { subject: `member:${entry.id}` } : {}) });
    return { kind: 'no_match' };
  }
  if (entry.openId === input.openId) return { kind: 'already', member: entry };
  if (input.current) return { kind: 'self_bound_other', current: input.current };
  if (entry.openId) {
    const subject = `member:${entry.id}`;
    const alerted = auditedSince(db, { actions: ['bind.taken'], since: now - BIND_LIMITS.alertMs, subject }) > 0;
    audit(db, { at: now, actorOpenId: input.openId, action: 'bind.taken', subject });
    return { kind: 'taken', entry, admins: alerted ? [] : boundSchoolAdmins(db) };
  }
  return { kind: 'bound', member: bindAccount(db, entry, { openId: input.openId, unionId: input.unionId }, now) };
}

/** What unbinding did: the entry now free, and the account that held it (to be told). */
export interface Unbound {
  member: Member;
  previousOpenId: string;
}

/**
 * `/解绑` (PRODUCT.md §8 "Accounts"): a school admin frees a roster entry from its Feishu
 * account, with a reason, audited. The entry's union_id and roster 飞书ID go with the open_id:
 * either would bind the old account again on its next message (members.ts memberForAccount).
 * The entry can then be bound again with /绑定, from any account.
 */
export function unbind(db: Db, input: { studentNo: string; reason: string; actor: Member }, now: number): Unbound {
  const entry = memberByStudentNo(db, input.studentNo);
  if (!entry) throw new UserError('unbind.notFound');
  if (entry.id === input.actor.id) throw new UserError('unbind.self');
  const previousOpenId = entry.openId;
  if (!previousOpenId) throw new UserError('unbind.notBound', { name: entry.name });
  return writeTransaction(db, (tx) => {
    const member = tx
      .update(members)
      .set({ openId: null, unionId: null, rosterFeishuId: null, boundAt: null, updatedAt: now })
      .where(and(eq(members.id, entry.id), eq(members.openId, previousOpenId)))
      .returning()
      .get();
    // Unbound or rebound since it was read: nothing to undo here.
    if (!member) throw new UserError('unbind.notBound', { name: entry.name });
    // The ids it held, so that a later roster import does not hand the 飞书ID back (roster.ts).
    const released = [previousOpenId, entry.unionId, entry.rosterFeishuId].filter((id): id is string => !!id);
    audit(tx, { at: now, actorMemberId: input.actor.id, action: 'member.unbind', subject: `member:${entry.id}`, detail: { reason: input.reason, released } });
    return { member, previousOpenId };
  });
}

/** The Feishu ids `/解绑` took from an entry: a roster import must not give them back. */
export function releasedIds(db: Pick<Db, 'select'>, memberId: number): string[] {
  const rows = db.select({ detail: auditLog.detail }).from(auditLog).where(and(eq(auditLog.action, 'member.unbind'), eq(auditLog.subject, `member:${memberId}`))).all();
  return rows.flatMap((r) => ((r.detail as { released?: unknown } | null)?.released as string[] | undefined) ?? []);
}
