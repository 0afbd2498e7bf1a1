/**
 * Excellent cases (PRODUCT.md §6): an admin marks an approved service log or a submitted
 * quarterly report with a short citation; the case is publicised once to every bound college
 * group (the caller enqueues the cards in the same transaction) and listed in the next digests.
 */
import { and, desc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { writeTransaction, type Db, type DbWriter } from '../db/client.js';
import { branches, colleges, excellentCases, members, quarterlyReports, serviceLogs, type CaseSubjectKind, type ExcellentCase, type Item, type Member } from '../db/schema/index.js';
import { UserError } from './errors.js';
import { audit } from './members.js';

/** The longest citation accepted. */
export const CITATION_MAX = 200;

interface CaseInput {
  kind: CaseSubjectKind;
  id: number;
  citation: string;
}

/** What the announcement shows about the case's subject: names only, never student numbers. */
type CaseSubject =
  | { kind: 'log'; name: string; unit: string; date: string; collegeId: number }
  | { kind: 'report'; college: string; title: string; collegeId: number };

function subjectOf(db: DbWriter, kind: CaseSubjectKind, id: number): CaseSubject {
  if (kind === 'log') {
    const row = db
      .select({ status: serviceLogs.status, date: serviceLogs.serviceDate, collegeId: serviceLogs.collegeId, name: members.name, branch: branches.name, college: colleges.name })
      .from(serviceLogs)
      .innerJoin(members, eq(members.id, serviceLogs.memberId))
      .innerJoin(colleges, eq(colleges.id, serviceLogs.collegeId))
      .leftJoin(branches, eq(branches.id, serviceLogs.branchId))
      .where(eq(serviceLogs.id, id))
      .get();
    if (!row) throw new UserError('case.logNotFound', { id });
    if (row.status !== 'approved') throw new UserError('case.logNotApproved', { id });
    return { kind, name: row.name, unit: row.branch ?? row.college, date: row.date, collegeId: row.collegeId };
  }
  const row = db
    .select({ status: quarterlyReports.status, title: quarterlyReports.title, collegeId: quarterlyReports.collegeId, college: colleges.name })
    .from(quarterlyReports)
    .innerJoin(colleges, eq(colleges.id, quarterlyReports.collegeId))
    .where(eq(quarterlyReports.id, id))
    .get();
  if (!row) throw new UserError('case.reportNotFound', { id });
  if (row.status !== 'submitted') throw new UserError('case.reportNotSubmitted', { id });
  return { kind, college: row.college, title: row.title, collegeId: row.collegeId };
}

/**
 * Marks the case and, in the same transaction, hands each bound college group to `publicise`
 * (which enqueues its card) and stamps `publicisedAt`: a case is announced exactly once.
 * A 团总支 may mark only their own college's logs and reports.
 */
export function markCase(
  db: Db,
  actor: Member,
  input: CaseInput,
  now: number,
  publicise: (tx: DbWriter, c: ExcellentCase, subject: CaseSubject, group: { collegeId: number; chatId: string }) => void,
): { case: ExcellentCase; groups: number } {
  return writeTransaction(db, (tx) => {
    const subject = subjectOf(tx, input.kind, input.id);
    if (actor.role !== 'school_admin' && !(actor.role === 'college_admin' && actor.collegeId === subject.collegeId)) throw new UserError('case.notYourCollege');
    const existing = tx.select().from(excellentCases).where(and(eq(excellentCases.subjectKind, input.kind), eq(excellentCases.subjectId, input.id))).get();
    if (existing) throw new UserError('case.exists', { subject: { key: `case.subject.${input.kind}` } });
    const created = tx.insert(excellentCases).values({ subjectKind: input.kind, subjectId: input.id, citation: input.citation, markedByMemberId: actor.id, createdAt: now }).returning().get();
    const groups = tx.select({ collegeId: colleges.id, chatId: colleges.chatId }).from(colleges).where(isNotNull(colleges.chatId)).orderBy(colleges.id).all();
    for (const g of groups) publicise(tx, created, subject, { collegeId: g.collegeId, chatId: g.chatId! });
    const saved = tx.update(excellentCases).set({ publicisedAt: now }).where(eq(excellentCases.id, created.id)).returning().get();
    audit(tx, { at: now, actorMemberId: actor.id, action: 'case.mark', subject: `${input.kind}:${input.id}`, detail: { caseId: created.id } });
    return { case: saved, groups: groups.length };
  });
}

/** A log or report an admin may mark, as the /优秀案例 picker lists it (names, never student numbers). */
export type CaseCandidate =
  | { kind: 'log'; id: number; date: string; item: Item; halfHours: number; name: string; unit: string; description: string }
  | { kind: 'report'; id: number; college: string; quarter: number; title: string };

const PICKER_LOGS = 10;
const PICKER_REPORTS = 5;

/**
 * What the /优秀案例 picker offers `actor` in the year: the latest approved logs and submitted
 * reports of their scope (a 团总支 their college, the 团委 all) not yet marked, newest first.
 */
export function caseCandidates(db: Db, actor: Member, programYearId: number): CaseCandidate[] {
  // A 团总支 without a college sees nothing rather than the whole school.
  if (actor.role !== 'school_admin' && actor.collegeId === null) return [];
  const scope = actor.role === 'school_admin' ? undefined : actor.collegeId!;
  const logs = db
    .select({ id: serviceLogs.id, date: serviceLogs.serviceDate, item: serviceLogs.item, halfHours: serviceLogs.halfHours, description: serviceLogs.description, name: members.name, branch: branches.name, college: colleges.name })
    .from(serviceLogs)
    .innerJoin(members, eq(members.id, serviceLogs.memberId))
    .innerJoin(colleges, eq(colleges.id, serviceLogs.collegeId))
    .leftJoin(branches, eq(branches.id, serviceLogs.branchId))
    .leftJoin(excellentCases, and(eq(excellentCases.subjectKind, 'log'), eq(excellentCases.subjectId, serviceLogs.id)))
    // Walks the logs newest first by id (the unary + keeps SQLite off the status and year indexes,
    // which made it read and sort 1.7 M approved rows of a large school to keep 10: 4 s → 3 ms).
    .where(and(sql`+${serviceLogs.programYearId} = ${programYearId}`, sql`+${serviceLogs.status} = 'approved'`, isNull(excellentCases.id), scope === undefined ? undefined : sql`+${serviceLogs.collegeId} = ${scope}`))
    .orderBy(desc(serviceLogs.id))
    .limit(PICKER_LOGS)
    .all();
  const reports = db
    .select({ id: quarterlyReports.id, quarter: quarterlyReports.quarterIndex, title: quarterlyReports.title, college: colleges.name })
    .from(quarterlyReports)
    .innerJoin(colleges, eq(colleges.id, quarterlyReports.collegeId))
    .leftJoin(excellentCases, and(eq(excellentCases.subjectKind, 'report'), eq(excellentCases.subjectId, quarterlyReports.id)))
    .where(and(eq(quarterlyReports.programYearId, programYearId), eq(quarterlyReports.status, 'submitted'), isNull(excellentCases.id), scope === undefined ? undefined : eq(quarterlyReports.collegeId, scope)))
    .orderBy(desc(quarterlyReports.id))
    .limit(PICKER_REPORTS)
    .all();
  return [
    ...logs.map((l) => ({ kind: 'log' as const, id: l.id, date: l.date, item: l.item, halfHours: l.halfHours, name: l.name, unit: l.branch ?? l.college, description: l.description })),
    ...reports.map((r) => ({ kind: 'report' as const, id: r.id, college: r.college, quarter: r.quarter, title: r.title })),
  ];
}
