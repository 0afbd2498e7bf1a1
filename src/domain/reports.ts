/**
 * Quarterly reports (PRODUCT.md §6): every three months from the program start each college
 * submits a 工作总结 or 下阶段活动策划. Quarter n of a year starting on S runs from S + 3(n−1)
 * months to S + 3n months − 1 day, and that last day is its due date (so a year starting
 * 10-01 is due 12-31, 03-31, 06-30 and 09-30: the report closes the quarter it describes).
 * A report submitted after its due date, or still not submitted once it has passed, is late.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import { writeTransaction, type Db } from '../db/client.js';
import { colleges, FOUR_ITEMS, members, quarterlyReports, reportAttachments, type Member, type ProgramYear, type QuarterlyReport, type ReportAttachment, type ReportKind } from '../db/schema/index.js';
import { UserError } from './errors.js';
import { collegeView } from './metrics/index.js';
import { mayViewCollege } from './metrics/scope.js';
import { audit, isBound, lastAuditedSubject, reachable, type BoundMember } from './members.js';
import { dayjs, localDate, type When } from '../time.js';

/** A file sent within this long after opening the report card attaches to that report. */
const REPORT_FILE_WINDOW_MS = 30 * 60_000;
const OPEN_ACTION = 'report.open';

interface Quarter {
  index: 1 | 2 | 3 | 4;
  /** First day of the quarter (local date). */
  startsOn: string;
  /** Last day of the quarter, the report's due date. */
  dueOn: string;
}

/** The four quarters of `program` with their due dates. */
export function quarters(program: Pick<ProgramYear, 'startsOn'>): Quarter[] {
  const start = dayjs.utc(program.startsOn);
  return ([1, 2, 3, 4] as const).map((index) => ({
    index,
    startsOn: start.add(3 * (index - 1), 'month').format('YYYY-MM-DD'),
    dueOn: start.add(3 * index, 'month').subtract(1, 'day').format('YYYY-MM-DD'),
  }));
}

/** The quarter `today` falls in; before the start the first, after the last due date the last. */
function quarterOf(program: Pick<ProgramYear, 'startsOn'>, today: string): Quarter {
  const all = quarters(program);
  return all.find((q) => today <= q.dueOn) ?? all[3]!;
}

/**
 * The quarter /总结 opens for a college on `today`: the earliest overdue one not yet submitted
 * (so a late report can still be handed in), otherwise the quarter `today` falls in.
 */
export function quarterToReport(db: Db, collegeId: number, program: ProgramYear, today: string): Quarter {
  for (const q of quarters(program).filter((x) => x.dueOn < today)) {
    if (reportsOfQuarter(db, program.id, q.index).get(collegeId)?.status !== 'submitted') return q;
  }
  return quarterOf(program, today);
}

function reportById(db: Db, id: number): QuarterlyReport | undefined {
  return db.select().from(quarterlyReports).where(eq(quarterlyReports.id, id)).get();
}

export function attachmentsOf(db: Db, reportId: number): ReportAttachment[] {
  return db.select().from(reportAttachments).where(eq(reportAttachments.reportId, reportId)).orderBy(reportAttachments.id).all();
}

/**
 * The college's report for `quarter`, created as an empty draft of `defaults` when there is
 * none yet, and marks the card as open to `actor` so a file sent in the next 30 minutes attaches.
 */
export function openReport(db: Db, actor: Member, collegeId: number, program: ProgramYear, quarter: Quarter, defaults: { kind: ReportKind; title: string }, now: number): QuarterlyReport {
  if (!mayViewCollege(actor, collegeId)) throw new UserError('report.forbidden');
  return writeTransaction(db, (tx) => {
    tx.insert(quarterlyReports)
      .values({ collegeId, programYearId: program.id, quarterIndex: quarter.index, dueOn: quarter.dueOn, kind: defaults.kind, title: defaults.title, body: '', createdAt: now, updatedAt: now })
      .onConflictDoNothing()
      .run();
    const report = tx.select().from(quarterlyReports)
      .where(and(eq(quarterlyReports.collegeId, collegeId), eq(quarterlyReports.programYearId, program.id), eq(quarterlyReports.quarterIndex, quarter.index)))
      .get()!;
    audit(tx, { at: now, actorMemberId: actor.id, action: OPEN_ACTION, subject: `report:${report.id}` });
    return report;
  });
}

interface ReportInput {
  kind: ReportKind;
  title: string;
  body: string;
}

/** Saves the card's fields as a draft, or submits them (flagged late after the due date). */
export function saveReport(db: Db, actor: Member, reportId: number, input: ReportInput, submit: boolean, { now, tz }: When): QuarterlyReport {
  return writeTransaction(db, (tx) => {
    const report = tx.select().from(quarterlyReports).where(eq(quarterlyReports.id, reportId)).get();
    if (!report) throw new UserError('report.notFound');
    // The card may have been forwarded: who may edit is read from the database.
    if (!mayViewCollege(actor, report.collegeId)) throw new UserError('report.forbidden');
    if (report.status === 'submitted') throw new UserError('report.alreadySubmitted');
    const submitted = submit ? { status: 'submitted' as const, submittedAt: now, submittedByMemberId: actor.id, late: localDate(now, tz) > report.dueOn } : {};
    const saved = tx.update(quarterlyReports).set({ ...input, ...submitted, updatedAt: now }).where(eq(quarterlyReports.id, reportId)).returning().get();
    audit(tx, { at: now, actorMemberId: actor.id, action: submit ? 'report.submit' : 'report.save', subject: `report:${reportId}` });
    return saved;
  });
}

/** The report whose card `actor` opened within the last 30 minutes and may still edit, if any. */
export function reportAwaitingFile(db: Db, actor: Member, now: number): QuarterlyReport | undefined {
  const id = lastAuditedSubject(db, { actorId: actor.id, actions: [OPEN_ACTION], prefix: 'report', since: now - REPORT_FILE_WINDOW_MS });
  const report = id ? reportById(db, id) : undefined;
  return report && mayViewCollege(actor, report.collegeId) ? report : undefined;
}

/** Attaches an uploaded file to the report (the same file_key twice is stored once). */
export function attachReportFile(db: Db, actor: Member, reportId: number, file: { fileKey: string; fileName: string }, now: number): void {
  writeTransaction(db, (tx) => {
    tx.insert(reportAttachments).values({ reportId, fileKey: file.fileKey, fileName: file.fileName, createdAt: now }).onConflictDoNothing().run();
    audit(tx, { at: now, actorMemberId: actor.id, action: 'report.file', subject: `report:${reportId}`, detail: { fileName: file.fileName } });
  });
}

interface QuarterFigures {
  participating: number;
  branches: number;
  ratio: number;
  target: number;
  /** Approved hours with a service date in the quarter. */
  hours: number;
  /** Approved logs in the quarter per "四个一" item. */
  items: Record<(typeof FOUR_ITEMS)[number], number>;
  /** Branches with all four items done this year. */
  fourComplete: number;
}

/** The figures a report draft starts from: coverage as of now, hours and items of the quarter. */
export function quarterFigures(db: Db, college: { id: number; name: string }, program: ProgramYear, quarter: Quarter, { now, tz }: When): QuarterFigures {
  const view = collegeView(db, college, program.id, { now, tz });
  const rows = db.$client
    .prepare(`select item, count(*) as n, coalesce(sum(half_hours), 0) as half from service_logs
      where college_id = ? and program_year_id = ? and status = 'approved' and service_date between ? and ? group by item`)
    .all(college.id, program.id, quarter.startsOn, quarter.dueOn) as { item: string; n: number; half: number }[];
  const items = Object.fromEntries(FOUR_ITEMS.map((i) => [i, rows.find((r) => r.item === i)?.n ?? 0])) as QuarterFigures['items'];
  const c = view.summary.coverage;
  return { participating: c.participating, branches: c.branches, ratio: c.ratio, target: c.target, hours: rows.reduce((n, r) => n + r.half, 0) / 2, items, fourComplete: view.summary.fourComplete };
}

interface LateReport {
  college: { id: number; name: string };
  quarter: Quarter;
  /** Null when it was still not submitted. */
  submittedOn: string | null;
}

/** Reports of `program` whose due date is before `today` and that were not submitted in time. */
export function lateReports(db: Db, program: ProgramYear, today: string, tz: string): LateReport[] {
  const out: LateReport[] = [];
  const all = db.select({ id: colleges.id, name: colleges.name }).from(colleges).where(isNull(colleges.archivedAt)).orderBy(colleges.id).all();
  for (const quarter of quarters(program).filter((q) => q.dueOn < today)) {
    const reports = reportsOfQuarter(db, program.id, quarter.index);
    for (const college of all) {
      const r = reports.get(college.id);
      if (r?.status === 'submitted' && !r.late) continue;
      out.push({ college, quarter, submittedOn: r?.status === 'submitted' ? localDate(r.submittedAt!, tz) : null });
    }
  }
  return out;
}

export interface CollegeReports {
  /** The quarter `today` falls in, and its report: none opened yet, a draft, or submitted (late or not). */
  current: { quarter: Quarter; status: 'none' | 'draft' | 'submitted'; late: boolean };
  /** The earliest due date on or after `today` whose report is not submitted yet, if any. */
  next: { quarter: Quarter; daysLeft: number } | null;
  /** Quarters whose due date has passed without a submitted report. */
  overdue: Quarter[];
}

/** Where a college stands with its quarterly reports on `today`, for the college view (/学院). */
export function collegeReports(db: Db, collegeId: number, program: ProgramYear, today: string): CollegeReports {
  const rows = db.select().from(quarterlyReports)
    .where(and(eq(quarterlyReports.programYearId, program.id), eq(quarterlyReports.collegeId, collegeId)))
    .all();
  const byIndex = new Map(rows.map((r) => [r.quarterIndex, r]));
  const submitted = (q: Quarter) => byIndex.get(q.index)?.status === 'submitted';
  const all = quarters(program);
  const quarter = quarterOf(program, today);
  const report = byIndex.get(quarter.index);
  const nextQuarter = all.find((q) => q.dueOn >= today && !submitted(q));
  return {
    current: { quarter, status: report?.status ?? 'none', late: !!report?.late },
    next: nextQuarter ? { quarter: nextQuarter, daysLeft: dayjs.utc(nextQuarter.dueOn).diff(dayjs.utc(today), 'day') } : null,
    overdue: all.filter((q) => q.dueOn < today && !submitted(q)),
  };
}

interface DueReminder {
  college: { id: number; name: string };
  quarter: Quarter;
  daysLeft: number;
  /** Which of the two reminders this is: 7 days before, or 1 day before. */
  which: 7 | 1;
  /** Bound 团总支 of the college to tell. */
  admins: BoundMember[];
}

/**
 * Reminders due on `today`: from 7 days before a due date the 7-day one, from 1 day before the
 * 1-day one (a job missing the exact day still sends it later), to colleges not yet submitted.
 */
export function dueReminders(db: Db, program: ProgramYear, today: string): DueReminder[] {
  const out: DueReminder[] = [];
  for (const quarter of quarters(program)) {
    const daysLeft = dayjs.utc(quarter.dueOn).diff(dayjs.utc(today), 'day');
    if (daysLeft < 0 || daysLeft > 7) continue;
    const which = daysLeft <= 1 ? 1 : 7;
    const reports = reportsOfQuarter(db, program.id, quarter.index);
    for (const college of db.select({ id: colleges.id, name: colleges.name }).from(colleges).where(isNull(colleges.archivedAt)).orderBy(colleges.id).all()) {
      if (reports.get(college.id)?.status === 'submitted') continue;
      const admins = db.select().from(members)
        .where(and(eq(members.role, 'college_admin'), eq(members.collegeId, college.id), reachable))
        .all()
        .filter(isBound);
      out.push({ college, quarter, daysLeft, which, admins });
    }
  }
  return out;
}

function reportsOfQuarter(db: Db, programYearId: number, quarterIndex: number): Map<number, QuarterlyReport> {
  const rows = db.select().from(quarterlyReports)
    .where(and(eq(quarterlyReports.programYearId, programYearId), eq(quarterlyReports.quarterIndex, quarterIndex)))
    .all();
  return new Map(rows.map((r) => [r.collegeId, r]));
}
