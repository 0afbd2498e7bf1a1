/**
 * 三下乡 teams and 返家乡 practice (PRODUCT.md §8; the notice: 寒暑假期…以"三下乡"、"返家乡"等社会实践
 * 活动为依托). A college's 团总支 (or the 团委, for any college) forms a team for the program year: a
 * name, a leader and members of the college, a destination. In a vacation a check-in or a log may
 * name the team it served with, or be 返家乡 at the student's home community. Who may do what is
 * judged here, from the database, on every call.
 */
import { and, asc, eq, inArray, isNull, or } from 'drizzle-orm';
import { z } from 'zod';
import { writeTransaction, type Db } from '../db/client.js';
import { colleges, communities, members, vacationTeamMembers, vacationTeams, type Member, type ProgramYear, type VacationTeam } from '../db/schema/index.js';
import type { Message } from '../text/message.js';
import { findCommunity } from './communities.js';
import { issueMessage, messageKey as k, UserError } from './errors.js';
import { audit, sameName } from './members.js';
import { periodOn } from './period.js';

export const TEAM_NAME_MAX = 30;
export const DESTINATION_MAX = 60;
/** A team larger than this is several teams; it also bounds the team card. */
export const TEAM_MEMBERS_MAX = 50;
/** What separates typed names: commas, 、, semicolons and whitespace (half- or full-width). */
export const NAME_SEPARATORS = /[\s,，、;；]+/;

/** The one validation of a new team, whichever way it came in (the command's words, the card form). */
const teamDraft = z.object({
  name: z.string({ error: k('team.nameMissing') }).trim().min(1, k('team.nameMissing')).max(TEAM_NAME_MAX, k('team.nameTooLong')),
  leader: z.string({ error: k('team.leaderMissing') }).trim().min(1, k('team.leaderMissing')).max(40, k('team.leaderMissing')),
  destination: z.string({ error: k('team.destinationMissing') }).trim().min(1, k('team.destinationMissing')).max(DESTINATION_MAX, k('team.destinationTooLong')),
  members: z.array(z.string().trim().min(1).max(40)).max(TEAM_MEMBERS_MAX, k('team.tooManyMembers')).default([]),
});

/** Whether `actor` may form and change teams of `collegeId`: its 团总支, or the 团委 for any. */
export function managesCollege(actor: Member, collegeId: number): boolean {
  if (actor.role === 'school_admin') return true;
  return actor.role === 'college_admin' && actor.collegeId === collegeId;
}

const canManageTeams = (actor: Member) => actor.role === 'school_admin' || actor.role === 'college_admin';

function collegeName(db: Db, id: number | null): string {
  return id ? (db.select({ name: colleges.name }).from(colleges).where(eq(colleges.id, id)).get()?.name ?? '') : '';
}

/** How {@link memberByTyped} words its refusals: a team's member, or a student organisation's responsible member. */
export interface TypedMemberRefusals {
  ambiguous: 'team.memberAmbiguous' | 'org.leaderAmbiguous';
  otherCollege: 'team.otherCollege' | 'org.leaderOtherCollege';
  notFound: 'team.memberNotFound' | 'org.leaderNotFound';
}
const TEAM_REFUSALS: TypedMemberRefusals = { ambiguous: 'team.memberAmbiguous', otherCollege: 'team.otherCollege', notFound: 'team.memberNotFound' };

/**
 * The active member a typed 学号 or name means, among `collegeId`'s members (the whole school when
 * undefined). Nothing is guessed: no match, a name two members share, and a member of another
 * college are each refused with what to type instead.
 */
export function memberByTyped(db: Db, typed: string, collegeId: number | undefined, refusals: TypedMemberRefusals = TEAM_REFUSALS): Member {
  const entry = typed.trim();
  const byNo = db.select().from(members).where(and(eq(members.studentNo, entry.normalize('NFKC')), isNull(members.leftAt))).all();
  const found = byNo.length ? byNo : membersNamed(db, entry);
  const inScope = collegeId === undefined ? found : found.filter((m) => m.collegeId === collegeId);
  if (inScope.length === 1) return inScope[0]!;
  if (inScope.length > 1) {
    const studentNos = inScope.map((m) => m.studentNo).sort();
    throw new UserError(refusals.ambiguous, { who: entry.slice(0, 20), count: studentNos.length, studentNos, example: studentNos[0]! });
  }
  if (found.length) throw new UserError(refusals.otherCollege, { who: entry.slice(0, 20), college: collegeName(db, collegeId ?? null) });
  throw new UserError(refusals.notFound, { who: entry.slice(0, 20) });
}

/**
 * Active members whose name is `name` as names are compared (members.ts `sameName`). Names are
 * stored as the roster wrote them, so the comparison runs here, over the ids and names only.
 */
function membersNamed(db: Db, name: string): Member[] {
  const ids = db.select({ id: members.id, name: members.name }).from(members).where(isNull(members.leftAt)).all().filter((m) => sameName(m.name, name)).map((m) => m.id);
  return ids.length ? db.select().from(members).where(inArray(members.id, ids)).orderBy(asc(members.studentNo)).all() : [];
}

/** The team of this name in the program year (names are unique per year). */
export function teamByName(db: Db, programYearId: number, name: string): VacationTeam | undefined {
  return db.select().from(vacationTeams).where(and(eq(vacationTeams.programYearId, programYearId), eq(vacationTeams.name, name.trim()))).get();
}

export function teamById(db: Db, id: number | null | undefined): VacationTeam | undefined {
  return id ? db.select().from(vacationTeams).where(eq(vacationTeams.id, id)).get() : undefined;
}

/**
 * Forms a team of the leader's college for the program year. A 团总支 forms teams of its own
 * college only (a leader of another college is refused); the 团委 of any.
 * @throws UserError, having written nothing.
 */
export function createTeam(db: Db, actor: Member, program: ProgramYear, input: unknown, now: number): VacationTeam {
  if (!canManageTeams(actor)) throw new UserError('team.forbidden');
  const parsed = teamDraft.safeParse(input);
  if (!parsed.success) throw new UserError('team.invalid', { problem: issueMessage(parsed.error.issues[0]) });
  const d = parsed.data;
  const leader = memberByTyped(db, d.leader, actor.role === 'college_admin' ? (actor.collegeId ?? -1) : undefined);
  if (!leader.collegeId) throw new UserError('team.leaderNoCollege', { name: leader.name });
  if (!managesCollege(actor, leader.collegeId)) throw new UserError('team.otherCollege', { who: leader.name, college: collegeName(db, actor.collegeId) });
  if (teamByName(db, program.id, d.name)) throw new UserError('team.nameTaken', { name: d.name });
  const memberIds = [...new Set(d.members.map((typed) => memberByTyped(db, typed, leader.collegeId!).id))].filter((id) => id !== leader.id);
  const community = findCommunity(db, d.destination);
  return writeTransaction(db, (tx) => {
    const team = tx
      .insert(vacationTeams)
      .values({
        programYearId: program.id,
        collegeId: leader.collegeId!,
        name: d.name,
        leaderMemberId: leader.id,
        destination: community?.name ?? d.destination,
        communityId: community?.id ?? null,
        createdByMemberId: actor.id,
        createdAt: now,
      })
      .returning()
      .get();
    if (memberIds.length) tx.insert(vacationTeamMembers).values(memberIds.map((memberId) => ({ teamId: team.id, memberId }))).run();
    audit(tx, { at: now, actorMemberId: actor.id, action: 'team.create', subject: `team:${team.id}` });
    return team;
  });
}

/** The team of this name of the year, if `actor` may change it; otherwise a UserError. */
export function managedTeam(db: Db, actor: Member, program: ProgramYear, name: string): VacationTeam {
  if (!canManageTeams(actor)) throw new UserError('team.forbidden');
  const team = teamByName(db, program.id, name);
  if (!team) throw new UserError('team.notFound', { name: name.slice(0, TEAM_NAME_MAX) });
  if (!managesCollege(actor, team.collegeId)) throw new UserError('team.notYourCollege', { name: team.name });
  return team;
}

/** Who a change of a team's members touched: those changed, and those it did not apply to. */
export interface MembersChange {
  team: VacationTeam;
  changed: string[];
  unchanged: string[];
}

function memberIdsOf(db: Pick<Db, 'select'>, teamId: number): Set<number> {
  return new Set(db.select({ id: vacationTeamMembers.memberId }).from(vacationTeamMembers).where(eq(vacationTeamMembers.teamId, teamId)).all().map((r) => r.id));
}

/** Adds members of the team's college (typed by 学号 or name); the leader and members already in are left as they are. */
export function addTeamMembers(db: Db, actor: Member, program: ProgramYear, teamName: string, typed: readonly string[], now: number): MembersChange {
  const team = managedTeam(db, actor, program, teamName);
  const wanted = uniqueMembers(typed.map((entry) => memberByTyped(db, entry, team.collegeId)));
  const current = memberIdsOf(db, team.id);
  const added = wanted.filter((m) => m.id !== team.leaderMemberId && !current.has(m.id));
  if (current.size + added.length > TEAM_MEMBERS_MAX) throw new UserError('team.invalid', { problem: { key: 'team.tooManyMembers' } });
  writeTransaction(db, (tx) => {
    if (added.length) tx.insert(vacationTeamMembers).values(added.map((m) => ({ teamId: team.id, memberId: m.id }))).onConflictDoNothing().run();
    audit(tx, { at: now, actorMemberId: actor.id, action: 'team.addMembers', subject: `team:${team.id}`, detail: { memberIds: added.map((m) => m.id) } });
  });
  return { team, changed: added.map((m) => m.name), unchanged: wanted.filter((m) => !added.includes(m)).map((m) => m.name) };
}

/** Removes members from the team. The leader stays: a team without one is formed anew. */
export function removeTeamMembers(db: Db, actor: Member, program: ProgramYear, teamName: string, typed: readonly string[], now: number): MembersChange {
  const team = managedTeam(db, actor, program, teamName);
  const wanted = uniqueMembers(typed.map((entry) => memberByTyped(db, entry, team.collegeId)));
  const leader = wanted.find((m) => m.id === team.leaderMemberId);
  if (leader) throw new UserError('team.removeLeader', { name: leader.name, team: team.name });
  const current = memberIdsOf(db, team.id);
  const removed = wanted.filter((m) => current.has(m.id));
  writeTransaction(db, (tx) => {
    if (removed.length) tx.delete(vacationTeamMembers).where(and(eq(vacationTeamMembers.teamId, team.id), inArray(vacationTeamMembers.memberId, removed.map((m) => m.id)))).run();
    audit(tx, { at: now, actorMemberId: actor.id, action: 'team.removeMembers', subject: `team:${team.id}`, detail: { memberIds: removed.map((m) => m.id) } });
  });
  return { team, changed: removed.map((m) => m.name), unchanged: wanted.filter((m) => !removed.includes(m)).map((m) => m.name) };
}

const uniqueMembers = (list: Member[]) => [...new Map(list.map((m) => [m.id, m])).values()];

/** The member's teams of the year: those they lead or belong to. */
export function teamsOf(db: Db, memberId: number, programYearId: number): VacationTeam[] {
  const joined = db.select({ id: vacationTeamMembers.teamId }).from(vacationTeamMembers).where(eq(vacationTeamMembers.memberId, memberId)).all().map((r) => r.id);
  return db
    .select()
    .from(vacationTeams)
    .where(and(eq(vacationTeams.programYearId, programYearId), or(eq(vacationTeams.leaderMemberId, memberId), joined.length ? inArray(vacationTeams.id, joined) : undefined)))
    .orderBy(asc(vacationTeams.id))
    .all();
}

/** Whether the member leads or belongs to the team. */
export function isOnTeam(db: Db, team: VacationTeam, memberId: number): boolean {
  return team.leaderMemberId === memberId || memberIdsOf(db, team.id).has(memberId);
}

/** The teams of the year `actor` sees: every team for the 团委, the college's for a 团总支, their own for anyone else. */
export function teamsVisibleTo(db: Db, actor: Member, programYearId: number): VacationTeam[] {
  const year = eq(vacationTeams.programYearId, programYearId);
  if (actor.role === 'school_admin') return db.select().from(vacationTeams).where(year).orderBy(asc(vacationTeams.collegeId), asc(vacationTeams.id)).all();
  if (actor.role === 'college_admin') return db.select().from(vacationTeams).where(and(year, eq(vacationTeams.collegeId, actor.collegeId ?? -1))).orderBy(asc(vacationTeams.id)).all();
  return teamsOf(db, actor.id, programYearId);
}

/** A team with what its card shows. */
export interface TeamDetail {
  team: VacationTeam;
  college: string;
  leader: string;
  members: string[];
  /** The known community the destination matched. */
  community: string | null;
}

export function teamDetail(db: Db, team: VacationTeam): TeamDetail {
  const leader = db.select({ name: members.name }).from(members).where(eq(members.id, team.leaderMemberId)).get();
  const group = db
    .select({ name: members.name })
    .from(vacationTeamMembers)
    .innerJoin(members, eq(members.id, vacationTeamMembers.memberId))
    .where(eq(vacationTeamMembers.teamId, team.id))
    .orderBy(asc(members.studentNo))
    .all();
  const community = team.communityId ? db.select({ name: communities.name }).from(communities).where(eq(communities.id, team.communityId)).get() : undefined;
  return { team, college: collegeName(db, team.collegeId), leader: leader?.name ?? '', members: group.map((g) => g.name), community: community?.name ?? null };
}

/** Team names by id, for the logs a list shows. */
export function teamNames(db: Db, ids: readonly (number | null)[]): Map<number, string> {
  const wanted = [...new Set(ids.filter((id): id is number => id !== null))];
  const rows = wanted.length ? db.select({ id: vacationTeams.id, name: vacationTeams.name }).from(vacationTeams).where(inArray(vacationTeams.id, wanted)).all() : [];
  return new Map(rows.map((r) => [r.id, r.name]));
}

// ── vacation practice: check-ins and logs ───────────────────────────────────

/** What a vacation check-in or log names: a 三下乡 team, or 返家乡. */
export interface Practice {
  teamId: number | null;
  returnHome: boolean;
}

export const NO_PRACTICE: Practice = { teamId: null, returnHome: false };

const span = (start: string | null, end: string | null): Message | string => (start && end ? `${start} ~ ${end}` : { key: 'team.datesUnset' });

/**
 * Refuses 三下乡 / 返家乡 on a day outside the winter and summer vacations (the notice: 寒暑假期…
 * 以"三下乡"、"返家乡"等社会实践活动为依托), naming the year's vacation dates.
 */
export function assertVacation(program: ProgramYear, date: string): void {
  const period = periodOn(program, date);
  if (period === 'winter' || period === 'summer') return;
  throw new UserError('team.notVacation', { date, winter: span(program.winterVacationStart, program.winterVacationEnd), summer: span(program.summerVacationStart, program.summerVacationEnd) });
}

/**
 * The team a member names for a check-in or log: the one of that name (they must lead or belong
 * to it), or with no name their only team of the year. Never guessed among several.
 */
export function teamForMember(db: Db, member: Member, program: ProgramYear, name: string | undefined): VacationTeam {
  if (name) {
    const team = teamByName(db, program.id, name);
    if (!team) throw new UserError('team.notFound', { name: name.slice(0, TEAM_NAME_MAX) });
    if (!isOnTeam(db, team, member.id)) throw new UserError('team.notMember', { name: team.name });
    return team;
  }
  const mine = teamsOf(db, member.id, program.id);
  if (mine.length === 1) return mine[0]!;
  if (!mine.length) throw new UserError('team.noneOfYours');
  throw new UserError('team.whichOne', { names: mine.map((t) => t.name), example: mine[0]!.name });
}

/**
 * Checks what a log names against the rules, re-reading the team: a day of a vacation, a team of
 * the log's year the author leads or belongs to, and not both 三下乡 and 返家乡.
 */
export function checkPractice(db: Db, author: Member, program: ProgramYear, date: string, practice: Practice): void {
  if (practice.teamId === null && !practice.returnHome) return;
  if (practice.teamId !== null && practice.returnHome) throw new UserError('team.both');
  assertVacation(program, date);
  if (practice.teamId !== null) {
    const team = teamById(db, practice.teamId);
    if (!team || team.programYearId !== program.id) throw new UserError('team.notFound', { name: String(practice.teamId) });
    if (!isOnTeam(db, team, author.id)) throw new UserError('team.notMember', { name: team.name });
  }
}
