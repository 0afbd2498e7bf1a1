/**
 * Positions (岗位, PRODUCT.md §5): what a branch (or a whole college) offers, students
 * signing up, and the secretary confirming matches — candidates with the fewest approved
 * hours first, as the notice asks to favour students with few opportunities so far. A
 * position whose confirmed sign-ups reach its slots closes.
 */
import { and, asc, eq, inArray, isNull, ne, or } from 'drizzle-orm';
import { z } from 'zod';
import { writeTransaction, type Db } from '../db/client.js';
import { branches, members, positions, positionSignups, projects, type Member, type Position, type PositionSignup, type SignupStatus } from '../db/schema/index.js';
import { issueMessage, messageKey as k, UserError } from './errors.js';
import { approvedHoursByMember } from './hours.js';
import { audit, isActive, isBound, reachable, type BoundMember } from './members.js';
import { isOrganisation, unitById } from './organisations.js';
import { managedProject, managesUnit, unitOfBranch } from './projects.js';

/** Slots of one position, 1 to 50. */
const MAX_SLOTS = 50;

/** The one validation of a position (title, slots, schedule). */
const positionDraft = z.object({
  title: z.string({ error: k('position.titleMissing') }).trim().min(1, k('position.titleMissing')).max(40, k('position.titleTooLong')),
  slots: z.number({ error: k('position.badSlots') }).int(k('position.badSlots')).min(1, k('position.badSlots')).max(MAX_SLOTS, k('position.badSlots')),
  schedule: z.string().trim().max(60, k('position.scheduleTooLong')).optional(),
});

/** Adds a position to a project the actor manages. */
export function addPosition(db: Db, actor: Member, projectId: number, input: unknown, now: number): Position {
  const { project, branch } = managedProject(db, actor, projectId);
  const parsed = positionDraft.safeParse(input);
  if (!parsed.success) throw new UserError('position.invalid', { problem: issueMessage(parsed.error.issues[0]) });
  const position = db
    .insert(positions)
    .values({ projectId: project.id, branchId: branch.id, collegeId: branch.collegeId, ...parsed.data, schedule: parsed.data.schedule || null, createdAt: now })
    .returning()
    .get();
  audit(db, { at: now, actorMemberId: actor.id, action: 'position.create', subject: `position:${position.id}` });
  return position;
}

/**
 * A position open to the whole college (no project, no branch), published by its 团总支;
 * matches are confirmed by the 团总支 (managersOf).
 */
export function addCollegePosition(db: Db, actor: Member, input: unknown, now: number): Position {
  if (actor.role !== 'college_admin' || !actor.collegeId) throw new UserError('positions.collegeOnly');
  const parsed = positionDraft.safeParse(input);
  if (!parsed.success) throw new UserError('position.invalid', { problem: issueMessage(parsed.error.issues[0]) });
  const position = db
    .insert(positions)
    .values({ projectId: null, branchId: null, collegeId: actor.collegeId, ...parsed.data, schedule: parsed.data.schedule || null, createdAt: now })
    .returning()
    .get();
  audit(db, { at: now, actorMemberId: actor.id, action: 'position.create', subject: `position:${position.id}` });
  return position;
}

/** A position row by id. */
export function positionById(db: Db, id: number): Position | undefined {
  return db.select().from(positions).where(eq(positions.id, id)).get();
}

/** Counts of a position's sign-ups still waiting and confirmed. */
export function signupCounts(db: Db, positionIds: number[]): Map<number, { waiting: number; confirmed: number }> {
  const out = new Map(positionIds.map((id) => [id, { waiting: 0, confirmed: 0 }]));
  if (!positionIds.length) return out;
  const rows = db.select({ positionId: positionSignups.positionId, status: positionSignups.status }).from(positionSignups).where(inArray(positionSignups.positionId, positionIds)).all();
  for (const r of rows) {
    const c = out.get(r.positionId)!;
    if (r.status === 'signed_up') c.waiting++;
    if (r.status === 'confirmed') c.confirmed++;
  }
  return out;
}

/** Positions of this program year's projects, plus those not tied to a project (a sub-select). */
function yearFilter(db: Db, programYearId: number) {
  return or(isNull(positions.projectId), inArray(positions.projectId, db.select({ id: projects.id }).from(projects).where(eq(projects.programYearId, programYearId))));
}

/** The positions of some projects, oldest first. */
export function positionsOfProjects(db: Db, projectIds: number[]): Position[] {
  if (!projectIds.length) return [];
  return db.select().from(positions).where(inArray(positions.projectId, projectIds)).orderBy(asc(positions.id)).all();
}

/** The student organisations of a college (a sub-select): their positions are open to the whole college. */
const organisationsOf = (db: Db, collegeId: number) =>
  db.select({ id: branches.id }).from(branches).where(and(eq(branches.collegeId, collegeId), ne(branches.kind, 'branch')));

/**
 * Whether `member` may sign up for `position`: it is their branch's, or their college's as a
 * whole, or a student organisation's of their college (an organisation has no roster; its
 * project groups come from the college).
 */
function mayApply(db: Db, member: Member, position: Position): boolean {
  if (position.branchId === null) return member.collegeId === position.collegeId;
  if (member.branchId === position.branchId) return true;
  const unit = unitById(db, position.branchId);
  return unit !== undefined && isOrganisation(unit) && member.collegeId === unit.collegeId;
}

/** Whether `actor` runs `position`: as {@link managesUnit} judges its unit (its organisation's responsible member too). */
export function managesPosition(db: Db, actor: Member, position: Position): boolean {
  const unit = position.branchId === null ? undefined : unitById(db, position.branchId);
  return managesUnit(actor, unit ? unitOfBranch(unit) : position);
}

/** Open positions of the member's branch, college and its student organisations, oldest first. */
export function openPositionsFor(db: Db, member: Member, programYearId: number): Position[] {
  const scope = or(
    member.branchId ? eq(positions.branchId, member.branchId) : undefined,
    member.collegeId ? and(isNull(positions.branchId), eq(positions.collegeId, member.collegeId)) : undefined,
    member.collegeId ? inArray(positions.branchId, organisationsOf(db, member.collegeId)) : undefined,
  );
  if (!scope) return [];
  return db.select().from(positions).where(and(eq(positions.status, 'open'), scope, yearFilter(db, programYearId))).orderBy(asc(positions.id)).all();
}

/** Closed positions the member was confirmed for, so /岗位 still shows them their match. */
export function confirmedClosedPositionsOf(db: Db, memberId: number, programYearId: number): Position[] {
  return db
    .select({ p: positions })
    .from(positionSignups)
    .innerJoin(positions, eq(positions.id, positionSignups.positionId))
    .where(and(eq(positionSignups.memberId, memberId), eq(positionSignups.status, 'confirmed'), eq(positions.status, 'closed'), yearFilter(db, programYearId)))
    .orderBy(asc(positions.id))
    .all()
    .map((r) => r.p);
}

/**
 * Positions whose sign-ups the actor confirms: a secretary's branch, a 团总支's college, all for
 * the 团委; and those of the student organisations the actor is responsible for.
 */
export function managedPositions(db: Db, actor: Member, programYearId: number, limit = 20): Position[] {
  const led = db.select({ id: branches.id }).from(branches).where(and(eq(branches.leaderMemberId, actor.id), ne(branches.kind, 'branch'), isNull(branches.archivedAt)));
  const scope =
    actor.role === 'school_admin'
      ? undefined
      : actor.role === 'college_admin'
        ? eq(positions.collegeId, actor.collegeId ?? -1)
        : or(eq(positions.branchId, actor.branchId ?? -1), isActive(actor) ? inArray(positions.branchId, led) : undefined);
  return db.select().from(positions).where(and(scope, yearFilter(db, programYearId))).orderBy(asc(positions.id)).limit(limit).all();
}

/** The member's sign-up status per position. */
export function myStatuses(db: Db, memberId: number, positionIds: number[]): Map<number, SignupStatus> {
  if (!positionIds.length) return new Map();
  const rows = db
    .select({ positionId: positionSignups.positionId, status: positionSignups.status })
    .from(positionSignups)
    .where(and(eq(positionSignups.memberId, memberId), inArray(positionSignups.positionId, positionIds)))
    .all();
  return new Map(rows.map((r) => [r.positionId, r.status]));
}

/**
 * Signs the member up. A withdrawn (or declined) sign-up may be renewed, and then queues
 * again from now.
 */
export function signUp(db: Db, member: Member, positionId: number, now: number): Position {
  return writeTransaction(db, (tx) => {
    const position = tx.select().from(positions).where(eq(positions.id, positionId)).get();
    if (!position) throw new UserError('positions.notFound');
    if (!mayApply(db, member, position)) throw new UserError('positions.notVisible');
    if (position.status !== 'open') throw new UserError('positions.full', { slots: position.slots });
    const existing = tx.select().from(positionSignups).where(and(eq(positionSignups.positionId, positionId), eq(positionSignups.memberId, member.id))).get();
    if (existing?.status === 'signed_up') throw new UserError('positions.already');
    if (existing?.status === 'confirmed') throw new UserError('positions.alreadyConfirmed');
    if (existing) tx.update(positionSignups).set({ status: 'signed_up', createdAt: now, decidedAt: null }).where(eq(positionSignups.id, existing.id)).run();
    else tx.insert(positionSignups).values({ positionId, memberId: member.id, createdAt: now }).run();
    audit(tx, { at: now, actorMemberId: member.id, action: 'position.signup', subject: `position:${positionId}` });
    return position;
  });
}

/** Withdraws the member's own sign-up while it is not confirmed. */
export function withdrawSignup(db: Db, member: Member, positionId: number, now: number): Position {
  return writeTransaction(db, (tx) => {
    const position = tx.select().from(positions).where(eq(positions.id, positionId)).get();
    if (!position) throw new UserError('positions.notFound');
    const signup = tx.select().from(positionSignups).where(and(eq(positionSignups.positionId, positionId), eq(positionSignups.memberId, member.id))).get();
    if (signup?.status === 'confirmed') throw new UserError('positions.cannotWithdrawConfirmed');
    if (signup?.status !== 'signed_up') throw new UserError('positions.notSignedUp');
    tx.update(positionSignups).set({ status: 'withdrawn', decidedAt: now }).where(eq(positionSignups.id, signup.id)).run();
    audit(tx, { at: now, actorMemberId: member.id, action: 'position.withdraw', subject: `position:${positionId}` });
    return position;
  });
}

/** A waiting sign-up as the 确认匹配 card lists it. */
interface Candidate {
  signupId: number;
  memberId: number;
  name: string;
  hours: number;
  signedUpAt: number;
}

/** Waiting sign-ups, fewest approved hours in the program year first, then by sign-up time. */
export function candidatesOf(db: Db, positionId: number, programYearId: number): Candidate[] {
  const rows = db
    .select({ signupId: positionSignups.id, memberId: members.id, name: members.name, signedUpAt: positionSignups.createdAt })
    .from(positionSignups)
    .innerJoin(members, eq(members.id, positionSignups.memberId))
    .where(and(eq(positionSignups.positionId, positionId), eq(positionSignups.status, 'signed_up')))
    .all();
  const hours = approvedHoursByMember(db, rows.map((r) => r.memberId), programYearId);
  return rows
    .map((r) => ({ ...r, hours: hours.get(r.memberId) ?? 0 }))
    .sort((a, b) => a.hours - b.hours || a.signedUpAt - b.signedUpAt || a.signupId - b.signupId);
}

/** Names of the confirmed members of a position, in confirmation order. */
export function confirmedOf(db: Db, positionId: number): { id: number; name: string; openId: string | null }[] {
  return db
    .select({ id: members.id, name: members.name, openId: members.openId })
    .from(positionSignups)
    .innerJoin(members, eq(members.id, positionSignups.memberId))
    .where(and(eq(positionSignups.positionId, positionId), eq(positionSignups.status, 'confirmed')))
    .orderBy(asc(positionSignups.decidedAt), asc(positionSignups.id))
    .all();
}

/** What a confirmation changed, for telling both sides. */
interface Confirmation {
  position: Position;
  signup: PositionSignup;
  member: Member;
  /** The position filled up with this confirmation and closed. */
  closed: boolean;
  /** Sign-ups still waiting when it closed; they are declined and should be told. */
  declined: Member[];
}

/**
 * Confirms a sign-up. The actor is re-checked against the position's branch or college;
 * when the confirmed count reaches the slots, the position closes and the rest are declined.
 */
export function confirmSignup(db: Db, actor: Member, signupId: number, now: number): Confirmation {
  return writeTransaction(db, (tx) => {
    const signup = tx.select().from(positionSignups).where(eq(positionSignups.id, signupId)).get();
    const position = signup && tx.select().from(positions).where(eq(positions.id, signup.positionId)).get();
    if (!signup || !position) throw new UserError('positions.notFound');
    if (!managesPosition(db, actor, position)) throw new UserError('positions.forbidden');
    if (signup.memberId === actor.id) throw new UserError('positions.notSelf');
    if (position.status !== 'open') throw new UserError('positions.full', { slots: position.slots });
    if (signup.status !== 'signed_up') throw new UserError('positions.signupGone');
    const confirmed = tx.update(positionSignups).set({ status: 'confirmed', decidedAt: now }).where(eq(positionSignups.id, signupId)).returning().get();
    const count = tx.select({ id: positionSignups.id }).from(positionSignups).where(and(eq(positionSignups.positionId, position.id), eq(positionSignups.status, 'confirmed'))).all().length;
    let declined: Member[] = [];
    let current = position;
    if (count >= position.slots) {
      current = tx.update(positions).set({ status: 'closed' }).where(eq(positions.id, position.id)).returning().get();
      const waiting = tx.select().from(positionSignups).where(and(eq(positionSignups.positionId, position.id), eq(positionSignups.status, 'signed_up'))).all();
      if (waiting.length) {
        tx.update(positionSignups).set({ status: 'declined', decidedAt: now }).where(inArray(positionSignups.id, waiting.map((w) => w.id))).run();
        declined = tx.select().from(members).where(inArray(members.id, waiting.map((w) => w.memberId))).all();
      }
    }
    audit(tx, { at: now, actorMemberId: actor.id, action: 'position.confirm', subject: `position:${position.id}`, detail: { signupId, closed: current.status === 'closed' } });
    const member = tx.select().from(members).where(eq(members.id, signup.memberId)).get()!;
    return { position: current, signup: confirmed, member, closed: current.status === 'closed', declined };
  });
}

/**
 * Who hears of a new sign-up: the position's branch secretaries, its college's 团总支 for a
 * college-wide one, a student organisation's responsible member for the organisation's.
 */
export function managersOf(db: Db, position: Position): BoundMember[] {
  const unit = position.branchId === null ? undefined : unitById(db, position.branchId);
  const where =
    position.branchId === null
      ? and(eq(members.role, 'college_admin'), eq(members.collegeId, position.collegeId), reachable)
      : unit && isOrganisation(unit)
        ? and(eq(members.id, unit.leaderMemberId ?? -1), reachable)
        : and(eq(members.role, 'secretary'), eq(members.branchId, position.branchId), reachable);
  return db.select().from(members).where(where).all().filter(isBound);
}
