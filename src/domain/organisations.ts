/**
 * Student organisations (学生会, 学生社团, 青年志愿者协会) as owners of pairings and projects beside
 * the 团支部 (PRODUCT.md §8; the notice: 各二级学院团总支指导班级团组织及学生会、学生社团、青年志愿者协会等
 * 学生组织…结对共建). An organisation is a row of `branches` whose kind is not 'branch', under a
 * college, with a responsible member instead of a roster: no member's branch_id points at it, so
 * the roster never touches it and the 团支部 coverage never counts it (metrics/organisations.ts
 * counts it apart). Its 团总支 (or the 团委) creates it and names the responsible member, who may
 * then run its pairing, projects and positions through the branches' own flows.
 */
import { and, asc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/client.js';
import { branches, colleges, communities, members, pairings, projects, type Branch, type Member, type PairingStatus, type UnitKind } from '../db/schema/index.js';
import { issueMessage, messageKey as k, UserError } from './errors.js';
import { audit, isActive } from './members.js';
import { memberByTyped, type TypedMemberRefusals } from './teams.js';

export type OrganisationKind = Exclude<UnitKind, 'branch'>;
export const ORGANISATION_KINDS: readonly OrganisationKind[] = ['student_union', 'club', 'volunteer_association'];

/** Longest organisation name; a branch name from the roster is no longer in practice. */
export const ORGANISATION_NAME_MAX = 30;

const ORG_REFUSALS: TypedMemberRefusals = { ambiguous: 'org.leaderAmbiguous', otherCollege: 'org.leaderOtherCollege', notFound: 'org.leaderNotFound' };

/** The one validation of a new organisation, from the command's words. */
const organisationDraft = z.object({
  college: z.string().trim().max(60, k('org.unknownCollege')).optional(),
  kind: z.enum(ORGANISATION_KINDS as [OrganisationKind, ...OrganisationKind[]], { error: k('org.badKind') }),
  name: z.string({ error: k('org.nameMissing') }).trim().min(1, k('org.nameMissing')).max(ORGANISATION_NAME_MAX, k('org.nameTooLong')),
  leader: z.string({ error: k('org.leaderMissing') }).trim().min(1, k('org.leaderMissing')).max(40, k('org.leaderMissing')),
});

export const isOrganisation = (unit: Pick<Branch, 'kind'>): boolean => unit.kind !== 'branch';

/**
 * Whether `member` is the responsible member of `unit`, an organisation still on the books, and
 * still active themselves. A 团支部's leader_member_id is always null, so this never widens who
 * runs a branch.
 */
export function leadsUnit(member: Pick<Member, 'id' | 'leftAt'>, unit: Pick<Branch, 'kind' | 'leaderMemberId' | 'archivedAt'>): boolean {
  return isOrganisation(unit) && unit.archivedAt === null && unit.leaderMemberId === member.id && isActive(member);
}

/** The unit row by id, for the checks of a click (never the card's word for it). */
export function unitById(db: Db, id: number): Branch | undefined {
  return db.select().from(branches).where(eq(branches.id, id)).get();
}

/** Whether `member` leads `unitId` (read from the database). */
export function leadsUnitId(db: Db, member: Member, unitId: number): boolean {
  const unit = unitById(db, unitId);
  return unit !== undefined && leadsUnit(member, unit);
}

/**
 * Whether `member` is the responsible member of any organisation: a student who is lets the
 * branch flows' cards (pairing, projects, positions) through to their own checks, which then
 * decide per unit; any other student is refused as before.
 */
export function leadsAnOrganisation(db: Db, member: Member): boolean {
  if (!isActive(member)) return false;
  return db.select({ id: branches.id }).from(branches)
    .where(and(eq(branches.leaderMemberId, member.id), ne(branches.kind, 'branch'), isNull(branches.archivedAt))).get() !== undefined;
}

/** Whether `actor` may create organisations of `collegeId` and name their responsible member. */
function managesCollege(actor: Member, collegeId: number): boolean {
  if (actor.role === 'school_admin') return true;
  return actor.role === 'college_admin' && actor.collegeId === collegeId;
}

/** Unit and college names as typed: width, spaces and case do not matter. */
const fold = (s: string) => s.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
const foldCollege = (s: string) => fold(s).replace(/团总支$/, '');

/**
 * The college an organisation command means: a 团总支's own (naming it is allowed, naming
 * another is refused), any the 团委 names (it must name one).
 */
function collegeFor(db: Db, actor: Member, typed: string | undefined): { id: number; name: string } {
  if (actor.role !== 'school_admin' && actor.role !== 'college_admin') throw new UserError('org.forbidden');
  const all = db.select({ id: colleges.id, name: colleges.name }).from(colleges).where(isNull(colleges.archivedAt)).orderBy(asc(colleges.id)).all();
  if (!typed) {
    const own = actor.role === 'college_admin' ? all.find((c) => c.id === actor.collegeId) : undefined;
    if (own) return own;
    if (actor.role === 'college_admin') throw new UserError('org.noCollege');
    throw new UserError('org.needCollege', { list: all.map((c) => c.name).join('、') || '—' });
  }
  const found = all.find((c) => foldCollege(c.name) === foldCollege(typed));
  if (!found) throw new UserError('org.unknownCollege', { name: typed.slice(0, 30) });
  if (!managesCollege(actor, found.id)) throw new UserError('org.notYourCollege', { name: found.name });
  return found;
}

/** The unit of `collegeId` called `name` (a 团支部 or an organisation), as names are compared. */
function unitNamed(db: Db, collegeId: number, name: string): Branch | undefined {
  return db.select().from(branches).where(eq(branches.collegeId, collegeId)).all().find((b) => fold(b.name) === fold(name));
}

/**
 * Creates an organisation of the actor's college (the 团委: of the college it names). The name
 * must be free in the college among its 团支部 and organisations alike; the responsible member is
 * an active member of that college, typed by 学号 or by a name only one of them has.
 * @throws UserError, having written nothing.
 */
export function createOrganisation(db: Db, actor: Member, input: unknown, now: number): { unit: Branch; leader: Member; college: string } {
  if (actor.role !== 'school_admin' && actor.role !== 'college_admin') throw new UserError('org.forbidden');
  const parsed = organisationDraft.safeParse(input);
  if (!parsed.success) throw new UserError('org.invalid', { problem: issueMessage(parsed.error.issues[0]) });
  const d = parsed.data;
  const college = collegeFor(db, actor, d.college);
  const taken = unitNamed(db, college.id, d.name);
  if (taken) throw new UserError(isOrganisation(taken) ? 'org.nameTakenOrg' : 'org.nameTakenBranch', { name: taken.name, college: college.name });
  const leader = memberByTyped(db, d.leader, college.id, ORG_REFUSALS);
  const unit = db.insert(branches).values({ collegeId: college.id, name: d.name, kind: d.kind, leaderMemberId: leader.id, createdAt: now }).returning().get();
  audit(db, { at: now, actorMemberId: actor.id, action: 'org.create', subject: `branch:${unit.id}`, detail: { kind: d.kind, leaderMemberId: leader.id } });
  return { unit, leader, college: college.name };
}

/** Names another responsible member (an active member of the organisation's college). */
export function setOrganisationLeader(db: Db, actor: Member, input: { college?: string; name: string; leader: string }, now: number): { unit: Branch; leader: Member } {
  const college = collegeFor(db, actor, input.college);
  const unit = unitNamed(db, college.id, input.name);
  if (!unit || !isOrganisation(unit)) throw new UserError('org.notFound', { name: input.name.slice(0, ORGANISATION_NAME_MAX), college: college.name });
  const leader = memberByTyped(db, input.leader, college.id, ORG_REFUSALS);
  const updated = db.update(branches).set({ leaderMemberId: leader.id }).where(eq(branches.id, unit.id)).returning().get();
  audit(db, { at: now, actorMemberId: actor.id, action: 'org.leader', subject: `branch:${unit.id}`, detail: { from: unit.leaderMemberId, to: leader.id } });
  return { unit: updated, leader };
}

/** An organisation as /组织 lists it. */
export interface OrganisationSummary {
  id: number;
  name: string;
  kind: OrganisationKind;
  college: string;
  leader: string | null;
  /** Its active (draft or signed) pairing, if any. */
  pairing: { status: PairingStatus; community: string } | null;
  /** Its projects of the program year. */
  projects: number;
}

/**
 * The organisations `member` sees, with their pairing and project count in `programYearId`: the
 * 团委 all, a 团总支 its college's, anyone else the ones they are responsible for.
 */
export function organisationsVisibleTo(db: Db, member: Member, programYearId: number): OrganisationSummary[] {
  const scope =
    member.role === 'school_admin' ? undefined
      : member.role === 'college_admin' ? eq(branches.collegeId, member.collegeId ?? -1)
        : eq(branches.leaderMemberId, member.id);
  const rows = db
    .select({ id: branches.id, name: branches.name, kind: branches.kind, college: colleges.name, leader: members.name })
    .from(branches)
    .innerJoin(colleges, eq(colleges.id, branches.collegeId))
    .leftJoin(members, eq(members.id, branches.leaderMemberId))
    .where(and(ne(branches.kind, 'branch'), isNull(branches.archivedAt), scope))
    .orderBy(asc(branches.collegeId), asc(branches.id))
    .all();
  const ids = rows.map((r) => r.id);
  if (!ids.length) return [];
  const active = db
    .select({ unitId: pairings.branchId, status: pairings.status, community: communities.name })
    .from(pairings).innerJoin(communities, eq(communities.id, pairings.communityId))
    .where(and(inArray(pairings.branchId, ids), ne(pairings.status, 'ended'))).all();
  const counts = db
    .select({ unitId: projects.branchId, n: sql<number>`count(*)` })
    .from(projects).where(and(inArray(projects.branchId, ids), eq(projects.programYearId, programYearId))).groupBy(projects.branchId).all();
  const pairingOf = new Map(active.map((p) => [p.unitId, { status: p.status, community: p.community }]));
  const projectsOf = new Map(counts.map((c) => [c.unitId, c.n]));
  return rows.map((r) => ({
    id: r.id, name: r.name, kind: r.kind as OrganisationKind, college: r.college, leader: r.leader,
    pairing: pairingOf.get(r.id) ?? null, projects: projectsOf.get(r.id) ?? 0,
  }));
}

/**
 * The role check of the branch flows' card actions (pairing, projects, positions), widened to
 * the responsible members of organisations: those actions admit students, and a student who
 * leads no organisation is refused here exactly as the router refuses a student; what a leader
 * may touch is then judged per unit (pairings.ts `mayManage`, projects.ts `managesUnit`).
 */
export function checkUnitWorker(db: Db, member: Member): void {
  if (member.role === 'student' && !leadsAnOrganisation(db, member)) throw new UserError('error.actionForbidden');
}
