/**
 * Group chats that receive digests: one per college (bound by its 团总支 or the 团委) and the
 * school admin group (bound with `/bindgroup 全校` by the 团委).
 */
import { and, asc, eq, isNotNull, isNull } from 'drizzle-orm';
import { writeTransaction, type Db } from '../db/client.js';
import { colleges, settings, type Member } from '../db/schema/index.js';
import { audit } from './members.js';

export const SCHOOL_CHAT_KEY = 'school_chat_id';

/** A college and the group chat bound to it. */
export interface CollegeGroup {
  id: number;
  name: string;
  chatId: string;
}

/** The colleges on the roster that have a group bound, by id (an archived college gets no digest). */
export function collegeGroups(db: Db): CollegeGroup[] {
  return db
    .select({ id: colleges.id, name: colleges.name, chatId: colleges.chatId })
    .from(colleges)
    .where(and(isNotNull(colleges.chatId), isNull(colleges.archivedAt)))
    .orderBy(asc(colleges.id))
    .all()
    .filter((c): c is CollegeGroup => c.chatId !== null);
}

/** Names of the colleges on the roster no group is bound to, by id. */
export function collegesWithoutGroup(db: Db): string[] {
  return db.select({ name: colleges.name }).from(colleges).where(and(isNull(colleges.chatId), isNull(colleges.archivedAt))).orderBy(asc(colleges.id)).all().map((c) => c.name);
}

/** The school admin group's chat, if one is bound. */
export function schoolChatId(db: Db): string | undefined {
  return db.select().from(settings).where(eq(settings.key, SCHOOL_CHAT_KEY)).get()?.value;
}

type BindGroupOutcome =
  | { kind: 'bound' | 'already'; name: string }
  | { kind: 'moved'; name: string; from: string }
  | { kind: 'school' | 'school_already' }
  | { kind: 'need_college' }
  | { kind: 'unknown_college'; name: string }
  | { kind: 'not_your_college'; own: string }
  | { kind: 'school_only' }
  | { kind: 'taken'; other: string; name: string };

export function bindGroup(db: Db, input: { member: Member; chatId: string; target: { school: true } | { college?: string } }, now: number): BindGroupOutcome {
  const { member, chatId, target } = input;
  const isSchoolAdmin = member.role === 'school_admin';
  if ('school' in target) {
    if (!isSchoolAdmin) return { kind: 'school_only' };
    // Like a college group bound twice: say so rather than re-binding (and re-auditing) it.
    if (schoolChatId(db) === chatId) return { kind: 'school_already' };
    db.insert(settings).values({ key: SCHOOL_CHAT_KEY, value: chatId, updatedAt: now }).onConflictDoUpdate({ target: settings.key, set: { value: chatId, updatedAt: now } }).run();
    audit(db, { at: now, actorMemberId: member.id, action: 'bindgroup.school', subject: `chat:${chatId}` });
    return { kind: 'school' };
  }

  const own = member.collegeId ? db.select().from(colleges).where(eq(colleges.id, member.collegeId)).get() : undefined;
  let college = own;
  if (target.college) {
    college = db.select().from(colleges).where(eq(colleges.name, target.college)).get();
    if (!college) return { kind: 'unknown_college', name: target.college };
  }
  if (!college) return { kind: 'need_college' };
  if (!isSchoolAdmin && college.id !== own?.id) return { kind: 'not_your_college', own: own?.name ?? '—' };
  if (college.chatId === chatId) return { kind: 'already', name: college.name };

  const holder = db.select().from(colleges).where(eq(colleges.chatId, chatId)).get();
  if (holder && !isSchoolAdmin) return { kind: 'taken', other: holder.name, name: college.name };
  writeTransaction(db, (tx) => {
    if (holder) tx.update(colleges).set({ chatId: null, chatBoundAt: null }).where(eq(colleges.id, holder.id)).run();
    tx.update(colleges).set({ chatId, chatBoundAt: now }).where(eq(colleges.id, college.id)).run();
  });
  audit(db, { at: now, actorMemberId: member.id, action: 'bindgroup', subject: `college:${college.id}`, detail: { chatId, from: holder?.id ?? null } });
  return holder ? { kind: 'moved', name: college.name, from: holder.name } : { kind: 'bound', name: college.name };
}
