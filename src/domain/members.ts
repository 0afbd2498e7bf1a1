/**
 * Roster entries and their Feishu binding (PRODUCT.md §3 `/bind`).
 */
import { and, desc, eq, gte, inArray, isNotNull, isNull, like, or, sql } from 'drizzle-orm';
import { writeTransaction, type Db } from '../db/client.js';
import { prepared } from '../db/prepared.js';
import { auditLog, branches, colleges, members, type Member } from '../db/schema/index.js';

export interface MemberUnit {
  college: string | null;
  branch: string | null;
}

/**
 * The member bound to this Feishu account. An unbound account whose open_id or user_id is the
 * roster's 飞书ID is bound on the spot, so admins who know the ids spare students `/bind`.
 */
const boundTo = (db: Db) => db.select().from(members).where(eq(members.openId, sql.placeholder('openId'))).prepare();

export function memberForAccount(db: Db, account: { openId: string; userId?: string }, now: number): Member | null {
  const bound = prepared(db, boundTo).get({ openId: account.openId });
  if (bound) return bound;
  const ids = [account.openId, ...(account.userId ? [account.userId] : [])];
  const listed = db
    .select()
    .from(members)
    .where(and(isNull(members.openId), or(...ids.map((id) => eq(members.rosterFeishuId, id)))))
    .all();
  if (listed.length !== 1) return null; // none, or ambiguous: leave it to /bind
  return bindAccount(db, listed[0]!, account.openId, now, 'bind.roster_id');
}

export function memberByStudentNo(db: Db, studentNo: string): Member | undefined {
  return db.select().from(members).where(eq(members.studentNo, studentNo)).get();
}

export function bindAccount(db: Db, member: Member, openId: string, now: number, via = 'bind'): Member {
  return writeTransaction(db, (tx) => {
    const updated = tx
      .update(members)
      .set({ openId, boundAt: now, updatedAt: now })
      .where(and(eq(members.id, member.id), isNull(members.openId)))
      .returning()
      .get();
    if (!updated) throw new Error('member was bound concurrently');
    tx.insert(auditLog).values({ at: now, actorMemberId: member.id, actorOpenId: openId, action: via, subject: `member:${member.id}` }).run();
    return updated;
  });
}

const collegeName = (db: Db) => db.select({ name: colleges.name }).from(colleges).where(eq(colleges.id, sql.placeholder('id'))).prepare();
const branchName = (db: Db) => db.select({ name: branches.name }).from(branches).where(eq(branches.id, sql.placeholder('id'))).prepare();

export function unitOf(db: Db, member: Pick<Member, 'collegeId' | 'branchId'>): MemberUnit {
  const college = member.collegeId ? prepared(db, collegeName).get({ id: member.collegeId }) : undefined;
  const branch = member.branchId ? prepared(db, branchName).get({ id: member.branchId }) : undefined;
  return { college: college?.name ?? null, branch: branch?.name ?? null };
}

/** School admins who can be told about something (bound to a Feishu account). */
export function boundSchoolAdmins(db: Db): Member[] {
  return db.select().from(members).where(and(eq(members.role, 'school_admin'), isNotNull(members.openId))).all();
}

/** Names are compared ignoring spaces and the various middle dots of minority names. */
export function sameName(a: string, b: string): boolean {
  const norm = (s: string) => s.normalize('NFKC').replace(/[\s·•・‧.]/g, '').toLowerCase();
  return norm(a) === norm(b);
}

export function audit(db: Pick<Db, 'insert'>, entry: { at: number; actorMemberId?: number | null; actorOpenId?: string; action: string; subject?: string; detail?: unknown }): void {
  db.insert(auditLog).values({ ...entry, actorMemberId: entry.actorMemberId ?? null }).run();
}

/**
 * The id in `<prefix>:<id>` of the latest audit row of one of `actions` by this member since
 * `since` — e.g. the pairing or report whose card was opened last, which a file sent to the
 * bot within that window belongs to.
 */
export function lastAuditedSubject(db: Db, q: { actorId: number; actions: readonly string[]; prefix: string; since: number }): number | undefined {
  const last = db
    .select({ subject: auditLog.subject })
    .from(auditLog)
    .where(and(gte(auditLog.at, q.since), eq(auditLog.actorMemberId, q.actorId), inArray(auditLog.action, [...q.actions]), like(auditLog.subject, `${q.prefix}:%`)))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .get();
  return last?.subject ? Number(last.subject.slice(q.prefix.length + 1)) : undefined;
}
