/**
 * The branch dashboard (/支部, PRODUCT.md §3): one branch in the current program year — its
 * pairing, project list, positions, "四个一" completion, members with no participation yet,
 * pending reviews — and its three deadlines (program settings) with whether each was met.
 */
import { and, asc, desc, eq, inArray, isNotNull, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import {
  branches, colleges, communities, FOUR_ITEMS, members, pairings, positions, positionSignups, projects, serviceLogs,
  type Member, type ProgramYear, type ServiceArea,
} from '../db/schema/index.js';
import type { Message } from '../text/message.js';
import { UserError } from './errors.js';
import { approvedHoursByMember } from './hours.js';
import { activePairingOf, pairingView, type PairingView } from './pairings.js';
import { dayjs, localDate, startOfDate, type When } from '../time.js';

export const DEADLINES = ['pairing', 'projectList', 'matching'] as const;
export type DeadlineKey = (typeof DEADLINES)[number];

/** Met: done on or before the deadline; late: done after it; missed: past it and not done; open: not due yet. */
export type DeadlineState = { kind: 'met'; doneOn: string } | { kind: 'late'; doneOn: string } | { kind: 'missed' } | { kind: 'open'; daysLeft: number };

export interface DeadlineStatus {
  key: DeadlineKey;
  deadline: string;
  state: DeadlineState;
}

export function judgeDeadline(deadline: string, doneOn: string | undefined, today: string): DeadlineState {
  if (doneOn) return doneOn <= deadline ? { kind: 'met', doneOn } : { kind: 'late', doneOn };
  if (today > deadline) return { kind: 'missed' };
  return { kind: 'open', daysLeft: dayjs.utc(deadline).diff(dayjs.utc(today), 'day') };
}

interface BranchRef {
  id: number;
  name: string;
  collegeId: number;
  college: string;
}

export interface BranchStatus {
  branch: BranchRef;
  programYear: string;
  today: string;
  pairing?: PairingView;
  /** Ended pairings, newest first. */
  pastPairings: { community: string; from: string | null; to: string | null }[];
  projects: { title: string; area: ServiceArea }[];
  positions: { count: number; slots: number; filled: number };
  /** Which of the four items have an approved log by the branch this program year. */
  fourItems: Record<(typeof FOUR_ITEMS)[number], boolean>;
  approvedHours: number;
  memberCount: number;
  /** Names of members with no approved log this program year. */
  idle: string[];
  pending: { count: number; oldestDays: number };
  deadlines: DeadlineStatus[];
}

/** The 团支部 matching `where` (student organisations are no branch to /支部: they have /组织). */
const branchRefs = (db: Db, where?: SQL) =>
  db.select({ id: branches.id, name: branches.name, collegeId: branches.collegeId, college: colleges.name }).from(branches).innerJoin(colleges, eq(colleges.id, branches.collegeId))
    .where(and(eq(branches.kind, 'branch'), where));

/** The branches `member` may look at: a secretary their own, a 团总支 the college's, the 团委 all. */
function branchesInScope(db: Db, member: Member): BranchRef[] {
  if (member.role === 'school_admin') return branchRefs(db).orderBy(asc(branches.collegeId), asc(branches.id)).all();
  if (member.role === 'college_admin') return branchRefs(db, eq(branches.collegeId, member.collegeId ?? -1)).orderBy(asc(branches.id)).all();
  if (member.role === 'secretary') return branchRefs(db, eq(branches.id, member.branchId ?? -1)).all();
  return [];
}

export function mayViewBranch(member: Member, branch: BranchRef): boolean {
  if (member.role === 'school_admin') return true;
  if (member.role === 'college_admin') return member.collegeId === branch.collegeId;
  return member.role === 'secretary' && member.branchId === branch.id;
}

export function branchRef(db: Db, id: number): BranchRef | undefined {
  return branchRefs(db, eq(branches.id, id)).get();
}

/** Branch names as typed: width, spaces and a missing 团支部 suffix do not matter. */
const foldBranch = (s: string) => s.normalize('NFKC').replace(/\s+/g, '').replace(/团支部$/, '').toLowerCase();

/**
 * The branch `/支部 [名称]` means for this member, or a refusal that says what to write.
 * "学院 团支部" picks among same-named branches of different colleges.
 */
export function resolveBranch(db: Db, member: Member, name: string | undefined): BranchRef {
  const scope = branchesInScope(db, member);
  const names = scope.slice(0, 12).map((b) => b.name);
  const list: Message | readonly string[] | string = scope.length > 12 ? { key: 'branch.listMore', params: { names, count: scope.length } } : names.length ? names : '—';
  if (!name) {
    if (member.role === 'secretary') {
      if (!scope[0]) throw new UserError('branch.noBranch');
      return scope[0];
    }
    throw new UserError('branch.needName', { example: scope[0]?.name ?? { key: 'branch.exampleName' }, list });
  }
  const words = name.split(/\s+/);
  const college = words.length > 1 ? words[0]! : undefined;
  const wanted = foldBranch(college ? words.slice(1).join('') : name);
  const everywhere = branchRefs(db).all().filter((b) => foldBranch(b.name) === wanted && (!college || foldBranch(b.college) === foldBranch(college)));
  const mine = everywhere.filter((b) => mayViewBranch(member, b));
  if (mine.length === 1) return mine[0]!;
  if (mine.length > 1) throw new UserError('branch.ambiguous', { name, example: `${mine[0]!.college} ${mine[0]!.name}` });
  if (everywhere.length === 0) throw new UserError('branch.unknown', { name, list });
  if (member.role === 'secretary') throw new UserError('branch.notYours', { own: scope[0] ? { key: 'branch.ownNamed', params: { name: scope[0].name } } : { key: 'branch.ownUnnamed' } });
  throw new UserError('branch.outsideScope', { name });
}

/** The first signing and the first project of the year: when those deadlines' work was done. */
function firstDone(db: Db, branchId: number, program: ProgramYear, tz: string): { signed?: string; listed?: string } {
  // A pairing counts if it belongs to this program year or is still running from an earlier one.
  const signed = db
    .select({ signedOn: pairings.signedOn })
    .from(pairings)
    .where(and(eq(pairings.branchId, branchId), isNotNull(pairings.signedOn), or(eq(pairings.programYearId, program.id), ne(pairings.status, 'ended'))))
    .all()
    .map((p) => p.signedOn!)
    .sort()[0];
  const firstProject = db.select({ at: sql<number | null>`min(${projects.createdAt})` }).from(projects).where(and(eq(projects.branchId, branchId), eq(projects.programYearId, program.id))).get()?.at;
  return { signed, listed: firstProject ? localDate(firstProject, tz) : undefined };
}

/** Positions of the branch in this program year: its own, and those under its projects of the year. */
function branchPositions(db: Db, branchId: number, program: ProgramYear, tz: string) {
  const since = startOfDate(program.startsOn, tz);
  return db
    .select({ id: positions.id, slots: positions.slots })
    .from(positions)
    .leftJoin(projects, eq(projects.id, positions.projectId))
    .where(
      or(
        and(eq(projects.branchId, branchId), eq(projects.programYearId, program.id)),
        and(isNull(positions.projectId), eq(positions.branchId, branchId), sql`${positions.createdAt} >= ${since}`),
      ),
    )
    .all();
}

/** Everything the dashboard shows about one branch. */
export function branchStatus(db: Db, branch: BranchRef, program: ProgramYear, { now, tz }: When): BranchStatus {
  const today = localDate(now, tz);
  const active = activePairingOf(db, branch.id);
  const past = db
    .select({ community: communities.name, from: pairings.signedOn, to: pairings.endedOn })
    .from(pairings)
    .innerJoin(communities, eq(communities.id, pairings.communityId))
    .where(and(eq(pairings.branchId, branch.id), eq(pairings.status, 'ended')))
    .orderBy(desc(pairings.id))
    .limit(3)
    .all();

  const projectRows = db.select({ title: projects.title, area: projects.area }).from(projects).where(and(eq(projects.branchId, branch.id), eq(projects.programYearId, program.id))).orderBy(asc(projects.id)).all();
  const posRows = branchPositions(db, branch.id, program, tz);
  const confirmed = posRows.length
    ? db.select({ positionId: positionSignups.positionId, decidedAt: positionSignups.decidedAt, createdAt: positionSignups.createdAt }).from(positionSignups).where(and(inArray(positionSignups.positionId, posRows.map((p) => p.id)), eq(positionSignups.status, 'confirmed'))).all()
    : [];
  const matchedOn = confirmed.map((s) => localDate(s.decidedAt ?? s.createdAt, tz)).filter((d) => d >= program.startsOn).sort()[0];

  const ofBranch = and(eq(serviceLogs.branchId, branch.id), eq(serviceLogs.programYearId, program.id), eq(serviceLogs.status, 'approved'));
  const items = new Set(db.selectDistinct({ item: serviceLogs.item }).from(serviceLogs).where(ofBranch).all().map((r) => r.item));
  const approvedHalf = db.select({ half: sql<number>`coalesce(sum(${serviceLogs.halfHours}), 0)` }).from(serviceLogs).where(ofBranch).get()?.half ?? 0;

  const roster = db.select({ id: members.id, name: members.name }).from(members).where(and(eq(members.branchId, branch.id), isNull(members.leftAt))).orderBy(asc(members.id)).all();
  const hours = approvedHoursByMember(db, roster.map((m) => m.id), program.id);
  const pending = db
    .select({ n: sql<number>`count(*)`, oldest: sql<number | null>`min(${serviceLogs.createdAt})` })
    .from(serviceLogs)
    .where(and(eq(serviceLogs.branchId, branch.id), eq(serviceLogs.status, 'pending')))
    .get();

  const done = firstDone(db, branch.id, program, tz);
  return {
    branch,
    programYear: program.name,
    today,
    pairing: active ? pairingView(db, active) : undefined,
    pastPairings: past,
    projects: projectRows,
    positions: { count: posRows.length, slots: posRows.reduce((n, p) => n + p.slots, 0), filled: confirmed.length },
    fourItems: Object.fromEntries(FOUR_ITEMS.map((i) => [i, items.has(i)])) as BranchStatus['fourItems'],
    approvedHours: approvedHalf / 2,
    memberCount: roster.length,
    idle: roster.filter((m) => !hours.has(m.id)).map((m) => m.name),
    pending: { count: pending?.n ?? 0, oldestDays: pending?.oldest ? Math.floor((now - pending.oldest) / 86_400_000) : 0 },
    deadlines: [
      { key: 'pairing', deadline: program.pairingDeadline, state: judgeDeadline(program.pairingDeadline, done.signed, today) },
      { key: 'projectList', deadline: program.projectListDeadline, state: judgeDeadline(program.projectListDeadline, done.listed, today) },
      { key: 'matching', deadline: program.matchingDeadline, state: judgeDeadline(program.matchingDeadline, matchedOn, today) },
    ],
  };
}
