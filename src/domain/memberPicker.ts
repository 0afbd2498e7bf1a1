/**
 * The project form's group picker: a bounded dropdown of the branch's members a secretary most
 * likely means, plus names (or 学号) typed for anyone else on the branch's roster.
 *
 * Feishu refuses a card with more than 200 components, each dropdown option's plain_text among
 * them (docs/CARDS.md, 230099/11310): listing every member broke the project form at ~120
 * members, and a branch may have 200 (issue #12). So the dropdown holds the project's current
 * group — all of it, so an edit never drops anyone — and then, up to {@link MEMBER_PICKER_SIZE},
 * who served at the project's community lately, who served at all lately, and the roster.
 */
import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { prepared } from '../db/prepared.js';
import { branches, members, serviceLogs, type LogStatus } from '../db/schema/index.js';
import { UserError } from './errors.js';
import { nameKey, sameName } from './members.js';

/** The most options the dropdown offers while the group is small: 40 of a card's 200 components. */
export const MEMBER_PICKER_SIZE = 40;
/**
 * Suggestions offered beyond a large group. The group itself is capped at 50 (projectDraft),
 * so the dropdown never exceeds 60 options.
 */
export const MEMBER_PICKER_EXTRA = 10;
/** The longest typed list read: the form's input allows as many characters. */
const TYPED_MEMBERS_MAX = 1000;

/** The branch's latest logs read per status, to find who served lately: a bounded index walk. */
const RECENT_LOGS = 300;
/** Logs that show someone served (rejected and withdrawn ones say little). */
const ACTIVE_STATUSES: readonly LogStatus[] = ['pending', 'approved'];

/** One dropdown option. `sameNameIndex` (1, 2 …, in 学号 order) is set only for a name the branch holds more than once. */
interface MemberOption {
  id: number;
  name: string;
  sameNameIndex?: number;
}

/** Whose group it is. */
interface MemberPickerScope {
  branchId: number;
  /** The project's current group, in the order to show it: always offered, first. */
  current?: readonly number[];
  /** The project's community: who served there lately comes next. */
  communityId?: number | null;
}

// Built and prepared once per connection (db/prepared.ts). Exported for the query-plan test only.
/** @internal */
export const memberPickerQueries = {
  /** The branch's roster in 学号 order (members_branch): a branch has at most a few hundred. */
  roster: (db: Db) =>
    db.select({ id: members.id, name: members.name, studentNo: members.studentNo }).from(members)
      .where(and(eq(members.branchId, sql.placeholder('branch')), isNull(members.leftAt))).orderBy(asc(members.studentNo)),
  /**
   * A student organisation has no roster: its project group is chosen from its college's active
   * members (members_college), in 学号 order.
   */
  collegeRoster: (db: Db) =>
    db.select({ id: members.id, name: members.name, studentNo: members.studentNo }).from(members)
      .where(and(eq(members.collegeId, sql.placeholder('college')), isNull(members.leftAt))).orderBy(asc(members.studentNo)),
  /** The branch's latest logs of one status: a backwards walk of service_logs_branch_status. */
  branchLogs: (db: Db) =>
    db.select({ memberId: serviceLogs.memberId, communityId: serviceLogs.communityId, logId: serviceLogs.id }).from(serviceLogs)
      .where(and(eq(serviceLogs.branchId, sql.placeholder('branch')), eq(serviceLogs.status, sql.placeholder('status'))))
      .orderBy(desc(serviceLogs.id)).limit(RECENT_LOGS),
};

const rosterQuery = (db: Db) => memberPickerQueries.roster(db).prepare();
const collegeRosterQuery = (db: Db) => memberPickerQueries.collegeRoster(db).prepare();
const branchLogsQuery = (db: Db) => memberPickerQueries.branchLogs(db).prepare();

type RosterEntry = { id: number; name: string; studentNo: string };

/** Whom the unit's group is chosen from (projects.ts `groupPool`): a branch's roster, an organisation's college. */
function roster(db: Db, unitId: number): RosterEntry[] {
  const unit = db.select({ kind: branches.kind, collegeId: branches.collegeId }).from(branches).where(eq(branches.id, unitId)).get();
  if (unit && unit.kind !== 'branch') return prepared(db, collegeRosterQuery).all({ college: unit.collegeId });
  return prepared(db, rosterQuery).all({ branch: unitId });
}

/**
 * The dropdown: every member when the branch has no more than fit; otherwise the current group,
 * then members who logged at the project's community (latest first), then members who logged
 * at all, then the roster in 学号 order, up to max({@link MEMBER_PICKER_SIZE}, group +
 * {@link MEMBER_PICKER_EXTRA}). A current member no longer on the branch's roster is not
 * offered: the group is chosen from the branch (saveProject refuses anyone else). A name the
 * roster holds twice carries the 学号's last four characters, so two 王伟 can be told apart.
 * `unlisted` counts the branch's members left out (they are reached by typing their names).
 */
export function pickerMembers(db: Db, scope: MemberPickerScope, size = MEMBER_PICKER_SIZE): { options: MemberOption[]; unlisted: number } {
  const all = roster(db, scope.branchId);
  const byId = new Map(all.map((m) => [m.id, m]));
  const current = [...new Set(scope.current ?? [])].filter((id) => byId.has(id));
  const limit = Math.max(size, current.length + MEMBER_PICKER_EXTRA);
  let chosen = all;
  if (all.length > limit) {
    const ids = new Set(current);
    const add = (id: number) => {
      if (ids.size < limit && byId.has(id)) ids.add(id);
    };
    const logs = ACTIVE_STATUSES.flatMap((status) => prepared(db, branchLogsQuery).all({ branch: scope.branchId, status })).sort((a, b) => b.logId - a.logId);
    if (scope.communityId) for (const l of logs) if (l.communityId === scope.communityId) add(l.memberId);
    for (const l of logs) add(l.memberId);
    for (const m of all) add(m.id);
    chosen = [...ids].map((id) => byId.get(id)!);
  }
  // Members of one name are numbered in 学号 order: the card may be shown in a group chat, where
  // no student number belongs; the secretary who needs to tell them apart types the 学号.
  const sameName = new Map<string, number[]>();
  for (const m of [...all].sort((a, b) => a.studentNo.localeCompare(b.studentNo))) sameName.set(nameKey(m.name), [...(sameName.get(nameKey(m.name)) ?? []), m.id]);
  const options = chosen.map((m) => {
    const ids = sameName.get(nameKey(m.name))!;
    return { id: m.id, name: m.name, ...(ids.length > 1 ? { sameNameIndex: ids.indexOf(m.id) + 1 } : {}) };
  });
  return { options, unlisted: all.length - options.length };
}


/** Unknown entries a refusal names (the rest are counted). */
const UNKNOWN_LISTED = 5;

/** What separates typed names: commas, 、, semicolons and whitespace (half- or full-width). */
const SEPARATORS = /[\s,，、;；]+/;

/**
 * The members of the branch a typed list names: each entry is a name exactly as on the roster
 * (spaces, middle dots and width aside) or a 学号. Nothing is guessed: an entry that names no
 * member of the branch, or a name two members share, is refused with what to type instead.
 * @throws UserError `project.memberNotFound` (or `…Many`, past five) listing the unknown entries, or
 *   `project.memberAmbiguous` with the shared name and the 学号 to choose from.
 */
export function membersByTypedNames(db: Db, branchId: number, typed: string): number[] {
  const entries = [...new Set(typed.slice(0, TYPED_MEMBERS_MAX).split(SEPARATORS).filter(Boolean))];
  if (!entries.length) return [];
  const all = roster(db, branchId);
  const byStudentNo = new Map(all.map((m) => [m.studentNo.normalize('NFKC').toLowerCase(), m]));
  const ids: number[] = [];
  const unknown: string[] = [];
  const ambiguous: { name: string; studentNos: string[] }[] = [];
  for (const entry of entries) {
    const byNo = byStudentNo.get(entry.normalize('NFKC').toLowerCase());
    const named = byNo ? [byNo] : all.filter((m) => sameName(m.name, entry));
    if (named.length === 1) ids.push(named[0]!.id);
    else if (named.length === 0) unknown.push(entry);
    else ambiguous.push({ name: entry, studentNos: named.map((m) => m.studentNo) });
  }
  if (unknown.length) {
    const names = unknown.slice(0, UNKNOWN_LISTED).map((e) => e.slice(0, 20));
    if (unknown.length > UNKNOWN_LISTED) throw new UserError('project.memberNotFoundMany', { names, count: unknown.length });
    throw new UserError('project.memberNotFound', { names });
  }
  const first = ambiguous[0];
  if (first) throw new UserError('project.memberAmbiguous', { name: first.name, count: first.studentNos.length, studentNos: first.studentNos, example: first.studentNos[0]! });
  return [...new Set(ids)];
}
