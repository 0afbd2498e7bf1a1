/**
 * `/bind` (PRODUCT.md §3): a Feishu account claims a roster entry by 学号 and 姓名. The name
 * must match; an entry bound to another account is refused and the school admins are told.
 * The account's union_id is stored with its open_id, so the binding survives a new App ID.
 */
import type { Db } from '../db/client.js';
import type { Member } from '../db/schema/index.js';
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
