/**
 * The community picker of the log, project and recommendation forms: a short dropdown of the
 * places this member most likely means, plus a typed name for any other known place.
 *
 * Feishu refuses a card with more than 200 components (every dropdown option's plain_text
 * counts) or over 30 KB (docs/CARDS.md, codes 230099/11310 and 230025). Offering every known
 * community broke the log form at ~150 places; a school that imports its city's list has
 * 1,000+. So the dropdown holds at most {@link PICKER_SIZE} options, and a typed name reaches
 * the rest through the tolerant matching of communities.ts.
 *
 * The queries read a few rows each through existing indexes (service_logs_member_date,
 * service_logs_branch_status, projects_branch_year, checkins_member_site_date), so a school
 * with millions of logs opens a form as fast as a new one.
 */
import { and, asc, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { prepared } from '../db/prepared.js';
import { checkins, communities, projects, serviceLogs, type Community, type LogStatus } from '../db/schema/index.js';
import type { MessageKey } from '../text/zh-CN.js';
import { cleanName, matchCommunities, pairedCommunity } from './communities.js';
import { UserError } from './errors.js';

/** The most options a picker's dropdown offers: 20 components and a few KB of a 200 / 30 KB card. */
export const PICKER_SIZE = 20;
/**
 * A school with at most this many communities also gets the others in its dropdown, by name,
 * while room remains: a short list browsed whole. A longer one would only show the first
 * letters of the alphabet, so there the typed name is the way to the rest.
 */
const FEW_COMMUNITIES = 50;
/** The longest typed name read (the card's input allows as many; communities are named in ≤ 60). */
const TYPED_NAME_MAX = 60;

/** Recent rows read per source: enough to find a handful of distinct places, never a scan. */
const RECENT_ROWS = 100;
const RECENT_CHECKINS = 5;
/** Branch logs that show where the branch serves (rejected and withdrawn ones say little). */
const BRANCH_STATUSES: readonly LogStatus[] = ['pending', 'approved'];

/** One dropdown option: the community's id and name as stored. */
export interface PickerOption {
  id: number;
  name: string;
}

/** Whose form it is. */
interface PickerScope {
  /** The member filling the form: their own check-ins and logs come first among recent places. */
  memberId?: number | null;
  /** The branch the form is for: its pairing, its logs and its projects. */
  branchId?: number | null;
  /**
   * Communities the form preselects (a project's, a parsed report's): always offered, right
   * after the paired one, so the preselection is never dropped for want of an option.
   */
  include?: readonly (number | null | undefined)[];
}

// The queries, built and prepared once per connection (db/prepared.ts). Exported for the
// query-plan test only.
/** @internal */
export const pickerQueries = {
  /** The member's latest check-ins (by id through checkins_member_site_date's member prefix). */
  memberCheckins: (db: Db) =>
    db.select({ id: checkins.communityId }).from(checkins)
      .where(and(eq(checkins.memberId, sql.placeholder('member')), isNotNull(checkins.communityId)))
      .orderBy(desc(checkins.id)).limit(RECENT_CHECKINS),
  /** The member's latest logs by service date: a backwards walk of service_logs_member_date. */
  memberLogs: (db: Db) =>
    db.select({ id: serviceLogs.communityId }).from(serviceLogs)
      .where(and(eq(serviceLogs.memberId, sql.placeholder('member')), isNotNull(serviceLogs.communityId)))
      .orderBy(desc(serviceLogs.serviceDate), desc(serviceLogs.id)).limit(RECENT_ROWS),
  /** The branch's latest logs of one status: a backwards walk of service_logs_branch_status (rowid order). */
  branchLogs: (db: Db) =>
    db.select({ id: serviceLogs.communityId, logId: serviceLogs.id }).from(serviceLogs)
      .where(and(eq(serviceLogs.branchId, sql.placeholder('branch')), eq(serviceLogs.status, sql.placeholder('status')), isNotNull(serviceLogs.communityId)))
      .orderBy(desc(serviceLogs.id)).limit(RECENT_ROWS),
  /** The branch's latest projects (a branch has a handful per year). */
  branchProjects: (db: Db) =>
    db.select({ id: projects.communityId }).from(projects)
      .where(and(eq(projects.branchId, sql.placeholder('branch')), isNotNull(projects.communityId)))
      .orderBy(desc(projects.id)).limit(RECENT_ROWS),
  /** Up to FEW_COMMUNITIES + 1 communities: as many as it takes to tell whether the school has few. */
  firstCommunities: (db: Db) =>
    db.select({ id: communities.id, name: communities.name }).from(communities).orderBy(asc(communities.id)).limit(FEW_COMMUNITIES + 1),
};

const memberCheckins = (db: Db) => pickerQueries.memberCheckins(db).prepare();
const memberLogs = (db: Db) => pickerQueries.memberLogs(db).prepare();
const branchLogs = (db: Db) => pickerQueries.branchLogs(db).prepare();
const branchProjects = (db: Db) => pickerQueries.branchProjects(db).prepare();
const firstCommunities = (db: Db) => pickerQueries.firstCommunities(db).prepare();

/** Pinyin order for the few-communities tail (Node ships full ICU). */
const byName = new Intl.Collator('zh-CN');

/**
 * The dropdown of a community picker, at most `size` options, in this order: the branch's
 * paired community; the preselected ones (`include`); then places recently used — the
 * member's own latest check-ins, then their latest logs (by service date), then the branch's
 * latest pending or approved logs, then the branch's projects; then, only while room remains
 * and the school has at most {@link FEW_COMMUNITIES} communities, the others by name.
 * Each source is read only while the list is not yet full.
 */
export function pickerCommunities(db: Db, scope: PickerScope, size = PICKER_SIZE): PickerOption[] {
  const ids: number[] = [];
  const full = () => ids.length >= size;
  const add = (candidates: readonly (number | null | undefined)[]) => {
    for (const id of candidates) {
      if (full()) return;
      if (id && !ids.includes(id)) ids.push(id);
    }
  };
  const branchId = scope.branchId ?? null;
  const memberId = scope.memberId ?? null;
  const sources: (() => readonly (number | null)[])[] = [
    () => [pairedCommunity(db, branchId)?.id ?? null],
    () => (scope.include ?? []).map((id) => id ?? null),
    () => (memberId ? prepared(db, memberCheckins).all({ member: memberId }).map((r) => r.id) : []),
    () => (memberId ? prepared(db, memberLogs).all({ member: memberId }).map((r) => r.id) : []),
    () => (branchId ? latestBranchLogs(db, branchId) : []),
    () => (branchId ? prepared(db, branchProjects).all({ branch: branchId }).map((r) => r.id) : []),
  ];
  for (const source of sources) {
    if (full()) break;
    add(source());
  }
  const options = namesOf(db, ids);
  if (options.length < size) {
    const first = prepared(db, firstCommunities).all();
    if (first.length <= FEW_COMMUNITIES) {
      const taken = new Set(options.map((o) => o.id));
      const rest = first.filter((c) => !taken.has(c.id)).sort((a, b) => byName.compare(a.name, b.name) || a.id - b.id);
      options.push(...rest.slice(0, size - options.length));
    }
  }
  return options;
}

/** The community ids of the branch's latest pending and approved logs, newest first. */
function latestBranchLogs(db: Db, branchId: number): (number | null)[] {
  // One seek per status keeps each read an index walk in rowid order; `status IN (…)` would
  // have SQLite sort all of the branch's logs to merge the two.
  const rows = BRANCH_STATUSES.flatMap((status) => prepared(db, branchLogs).all({ branch: branchId, status }));
  return rows.sort((a, b) => b.logId - a.logId).map((r) => r.id);
}

/** `ids`' names, in the order of `ids`; unknown ids are dropped. */
function namesOf(db: Db, ids: readonly number[]): PickerOption[] {
  if (!ids.length) return [];
  const rows = db.select({ id: communities.id, name: communities.name }).from(communities).where(inArray(communities.id, [...ids])).all();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** Whether any community is known at all (a form whose community is required needs one). */
export function hasCommunities(db: Db): boolean {
  return db.select({ id: communities.id }).from(communities).limit(1).get() !== undefined;
}

/**
 * The known community a name typed into a picker denotes, matched tolerantly (幸福 finds
 * 幸福社区, 幸福社区居委会 too). Never creates one: a form must not add places by typo;
 * new places come from /结对 or the list import.
 * @throws UserError `notFound` (with `{name}`) when no known community matches, and
 *   `community.ambiguous` listing the candidates when several do (幸福 with 幸福社区 and 幸福村).
 */
export function communityByTypedName(db: Db, typed: string, notFound: Extract<MessageKey, `${string}.communityNotFound`>): Community {
  const name = cleanName(typed).slice(0, TYPED_NAME_MAX);
  const matches = matchCommunities(db, name);
  if (matches.length === 1) return matches[0]!;
  if (matches.length === 0) throw new UserError(notFound, { name });
  throw new UserError('community.ambiguous', { name, names: matches.map((c) => c.name), example: matches[0]!.name });
}

