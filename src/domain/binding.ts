/**
 * `/bind` (PRODUCT.md §3): a Feishu account claims a roster entry by 学号 and 姓名. The name
 * must match; an entry bound to another account is refused and the school admins are told,
 * who can free it with `/unbind`.
 * The account's union_id is stored with its open_id, so the binding survives a new App ID.
 */
import { and, eq } from 'drizzle-orm';
import { writeTransaction, type Db } from '../db/client.js';
import { auditLog, members, type Member } from '../db/schema/index.js';
import { UserError } from './errors.js';
import { audit, bindAccount, boundSchoolAdmins, memberByStudentNo, sameName, type BoundMember, type FeishuAccount } from './members.js';

type BindOutcome =
  | { kind: 'bound'; member: Member }
  | { kind: 'already'; member: Member }
  | { kind: 'not_found' }
  | { kind: 'name_mismatch' }
  | { kind: 'self_bound_other'; current: Member }
  | { kind: 'taken'; entry: Member; admins: BoundMember[] };

export function bind(db: Db, input: FeishuAccount & { studentNo: string; name: string; current: Member | null }, now: number): BindOutcome {
  const entry = memberByStudentNo(db, input.studentNo);
  if (!entry) {
    audit(db, { at: now, actorOpenId: input.openId, action: 'bind.not_found' });
    return { kind: 'not_found' };
  }
  if (!sameName(entry.name, input.name)) {
    audit(db, { at: now, actorOpenId: input.openId, action: 'bind.name_mismatch', subject: `member:${entry.id}` });
    return { kind: 'name_mismatch' };
  }
  if (entry.openId === input.openId) return { kind: 'already', member: entry };
  if (input.current) return { kind: 'self_bound_other', current: input.current };
  if (entry.openId) {
    audit(db, { at: now, actorOpenId: input.openId, action: 'bind.taken', subject: `member:${entry.id}` });
    return { kind: 'taken', entry, admins: boundSchoolAdmins(db) };
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
