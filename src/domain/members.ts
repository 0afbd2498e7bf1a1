/**
 * Roster entries and their Feishu binding (PRODUCT.md §3 `/bind`).
 */
import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, like, or, sql } from 'drizzle-orm';
import { writeTransaction, type Db } from '../db/client.js';
import { prepared } from '../db/prepared.js';
import { auditLog, branches, colleges, members, type Member } from '../db/schema/index.js';

export interface MemberUnit {
  college: string | null;
  branch: string | null;
}

/**
 * Who is writing, as the event tells it (FEISHU.md §3.1 `sender_id`, §4.1 `operator`). open_id
 * is per app; union_id is the same for one person across the apps of one developer, so it is
 * what finds a binding again after the bot is re-created under a new App ID.
 */
export interface FeishuAccount {
  openId: string;
  unionId?: string;
  /** Only sent with the contact scope; matched against old rosters' 飞书ID, nothing else. */
  userId?: string;
}

const boundTo = (db: Db) => db.select().from(members).where(eq(members.openId, sql.placeholder('openId'))).prepare();
const boundByUnionId = (db: Db) =>
  db.select().from(members).where(and(eq(members.unionId, sql.placeholder('unionId')), isNotNull(members.openId))).prepare();

/**
 * The member bound to this Feishu account:
 * 1. the entry bound to this open_id;
 * 2. else the bound entry holding this union_id: the same person writing to a new app (a
 *    re-created bot, a test app) — it now answers to this open_id, audited as `bind.union_id`;
 * 3. else an unbound entry whose roster 飞书ID is this open_id or union_id (or, from rosters
 *    imported before 飞书ID took only those two, this user_id) is bound on the spot, so admins
 *    who know the ids spare students `/bind`.
 * A union_id only finds the entry holding that same union_id, so it never moves someone else's
 * binding; and it only moves a binding: clearing an entry's open_id unbinds it for good.
 */
export function memberForAccount(db: Db, account: FeishuAccount, now: number): Member | null {
  const bound = prepared(db, boundTo).get({ openId: account.openId });
  if (bound) return bound;
  if (account.unionId) {
    const moved = prepared(db, boundByUnionId).get({ unionId: account.unionId });
    if (moved) return moveToOpenId(db, moved, account, now);
  }
  const ids = [account.openId, account.unionId, account.userId].filter((id): id is string => !!id);
  const listed = db
    .select()
    .from(members)
    .where(and(isNull(members.openId), or(...ids.map((id) => eq(members.rosterFeishuId, id)))))
    .all();
  if (listed.length !== 1) return null; // none, or ambiguous: leave it to /bind
  return bindAccount(db, listed[0]!, account, now, 'bind.roster_id');
}

/** No other entry holds this union_id (it is unique: one person, one roster entry). */
const unionIdFree = (unionId: string) => sql`not exists (select 1 from ${members} as other where other.union_id = ${unionId})`;

/**
 * Fills in the union_id of a member bound before it was stored (or bound by a caller that did not
 * pass it), when the member writes: one UPDATE, only while it is missing. Skipped if another entry
 * holds it — one person on two entries is for an admin to sort out, not for a guess.
 */
export function keepUnionId(db: Db, member: Member, account: FeishuAccount): Member {
  if (member.unionId !== null || !account.unionId || member.openId !== account.openId) return member;
  // Read first: a union_id held by another entry must not cost a write on every message.
  if (db.select({ id: members.id }).from(members).where(eq(members.unionId, account.unionId)).get()) return member;
  return db
    .update(members)
    .set({ unionId: account.unionId })
    .where(and(eq(members.id, member.id), isNull(members.unionId), unionIdFree(account.unionId)))
    .returning()
    .get() ?? member;
}

/** The entry holding this union_id now answers to the open_id this app gives the person. */
function moveToOpenId(db: Db, member: Member, account: FeishuAccount, now: number): Member {
  return writeTransaction(db, (tx) => {
    const moved = tx
      .update(members)
      .set({ openId: account.openId, updatedAt: now })
      .where(and(eq(members.id, member.id), eq(members.unionId, account.unionId!), isNotNull(members.openId)))
      .returning()
      .get();
    if (!moved) return member;
    audit(tx, {
      at: now,
      actorMemberId: member.id,
      actorOpenId: account.openId,
      action: 'bind.union_id',
      subject: `member:${member.id}`,
      detail: { fromOpenId: member.openId, toOpenId: account.openId },
    });
    return moved;
  });
}

export function memberById(db: Db, id: number): Member | undefined {
  return db.select().from(members).where(eq(members.id, id)).get();
}

export function memberByStudentNo(db: Db, studentNo: string): Member | undefined {
  return db.select().from(members).where(eq(members.studentNo, studentNo)).get();
}

/**
 * Links an unbound entry to this account, with the account's union_id when it is given and no
 * other bound entry holds it. Whatever union_id the entry kept from an earlier, removed binding
 * is replaced: it must never let that person's new app take this binding over.
 */
export function bindAccount(db: Db, member: Member, account: FeishuAccount, now: number, via = 'bind'): Member {
  return writeTransaction(db, (tx) => {
    const unionId = account.unionId ?? null;
    // An unbound entry (open_id cleared by an admin) gives up a union_id it still holds.
    if (unionId) tx.update(members).set({ unionId: null }).where(and(eq(members.unionId, unionId), isNull(members.openId))).run();
    const free = !unionId || !tx.select({ id: members.id }).from(members).where(eq(members.unionId, unionId)).get();
    const updated = tx
      .update(members)
      .set({ openId: account.openId, unionId: free ? unionId : null, boundAt: now, updatedAt: now })
      .where(and(eq(members.id, member.id), isNull(members.openId)))
      .returning()
      .get();
    if (!updated) throw new Error('member was bound concurrently');
    tx.insert(auditLog).values({ at: now, actorMemberId: member.id, actorOpenId: account.openId, action: via, subject: `member:${member.id}` }).run();
    return updated;
  });
}

const collegeName = (db: Db) => db.select({ name: colleges.name }).from(colleges).where(eq(colleges.id, sql.placeholder('id'))).prepare();
const branchName = (db: Db) => db.select({ name: branches.name }).from(branches).where(eq(branches.id, sql.placeholder('id'))).prepare();

/** A branch's name, if the branch exists. */
export function branchNameOf(db: Db, branchId: number): string | undefined {
  return prepared(db, branchName).get({ id: branchId })?.name;
}

export function unitOf(db: Db, member: Pick<Member, 'collegeId' | 'branchId'>): MemberUnit {
  const college = member.collegeId ? prepared(db, collegeName).get({ id: member.collegeId }) : undefined;
  const branch = member.branchId ? prepared(db, branchName).get({ id: member.branchId }) : undefined;
  return { college: college?.name ?? null, branch: branch?.name ?? null };
}

/**
 * Whether the member is on the roster now (PRODUCT.md §8): a member a confirmed full roster no
 * longer listed may not log or act, and is told so; their history stays.
 */
export const isActive = (m: { leftAt?: number | null }): boolean => m.leftAt == null;

/** A member bound to a Feishu account: someone the bot can write to. */
export type BoundMember = Member & { openId: string };

/** Members the bot tells things to: bound to an account and on the roster now. */
export const reachable = and(isNotNull(members.openId), isNull(members.leftAt))!;

/** Narrows rows a query already filtered on `open_id IS NOT NULL` (and drops any that were not). */
export const isBound = (m: Member): m is BoundMember => m.openId !== null;

/** A branch's bound secretaries, by id: who is told about the branch's deadlines. */
export function boundSecretariesOf(db: Db, branchId: number): BoundMember[] {
  return db.select().from(members).where(and(eq(members.role, 'secretary'), eq(members.branchId, branchId), reachable)).orderBy(asc(members.id)).all().filter(isBound);
}

/** School admins who can be told about something (bound to a Feishu account). */
export function boundSchoolAdmins(db: Db): BoundMember[] {
  return db.select().from(members).where(and(eq(members.role, 'school_admin'), reachable)).all().filter(isBound);
}

/** A name as names are compared: ignoring spaces, the various middle dots of minority names, width and case. */
export const nameKey = (name: string): string => name.normalize('NFKC').replace(/[\s·•・‧.]/g, '').toLowerCase();

export function sameName(a: string, b: string): boolean {
  return nameKey(a) === nameKey(b);
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
