/**
 * Service logs (PRODUCT.md §4): one validation for every way in (card form, inline command,
 * plain Chinese), the rules that make hours trustworthy, and withdrawal.
 */
import { createHash } from 'node:crypto';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { writeTransaction, type Db } from '../db/client.js';
import { prepared } from '../db/prepared.js';
import { communities, ITEMS, LOG_MODES, LOG_SOURCES, projects, SERVICE_AREAS, serviceLogs, type LogSource, type Member, type ProgramYear, type ServiceLog } from '../db/schema/index.js';
import { issueMessage, messageKey as k, UserError } from './errors.js';
import { audit, isActive } from './members.js';
import { dayjs, localDate, type When } from '../time.js';
import { yearOn } from './program.js';
import { checkPractice } from './teams.js';
import { projectsForLog } from './projects.js';

export const MAX_HOURS_PER_LOG = 12;
const MAX_HOURS_PER_DAY = 16;
const MAX_DESCRIPTION = 500;

/** The one validation every path goes through (STYLE.md §7). */
const logDraft = z.object({
  // A form whose date was left empty (the text named a day that could not be placed) says to pick one.
  date: z.string({ error: (issue) => (issue.input === undefined || issue.input === '' ? k('log.dateMissing') : k('log.badDate')) }).regex(/^\d{4}-\d{2}-\d{2}$/, k('log.badDate')).refine((d) => dayjs(d, 'YYYY-MM-DD', true).isValid(), k('log.badDate')),
  item: z.enum(ITEMS, { error: k('log.badItem') }),
  itemLabel: z.string().trim().max(30, k('log.itemLabelTooLong')).optional(),
  area: z.enum(SERVICE_AREAS, { error: k('log.badArea') }).optional(),
  communityId: z.number({ error: k('log.unknownCommunity') }).int().positive().optional(),
  projectId: z.number({ error: k('log.badProject') }).int().positive().optional(),
  /** The 三下乡 team served with, or 返家乡 (vacations only; domain/teams.ts `checkPractice`). */
  teamId: z.number({ error: k('team.badChoice') }).int().positive().nullable().optional(),
  returnHome: z.boolean({ error: k('team.badChoice') }).optional(),
  hours: z
    .number({ error: k('log.badHours') })
    .gt(0, k('log.hoursRange'))
    .max(MAX_HOURS_PER_LOG, k('log.hoursRange'))
    .refine((h) => Number.isInteger(h * 2), k('log.hoursStep')),
  mode: z.enum(LOG_MODES, { error: k('log.badMode') }),
  description: z.string({ error: k('log.descriptionMissing') }).trim().min(1, k('log.descriptionMissing')).max(MAX_DESCRIPTION, k('log.descriptionTooLong')),
});
type LogDraft = z.infer<typeof logDraft>;

export interface LogOrigin {
  source: LogSource;
  checkinId?: number;
  sourceMessageId?: string;
}

/** Validates the draft or throws the first problem as a UserError that says what to fix. */
function validDraft(input: unknown): LogDraft {
  const parsed = logDraft.safeParse(input);
  if (!parsed.success) throw new UserError('log.invalid', { problem: issueMessage(parsed.error.issues[0]) });
  return parsed.data;
}

function dedupeKey(memberId: number, d: LogDraft): string {
  const text = d.description.normalize('NFKC').replace(/\s+/g, ' ').trim();
  return createHash('sha256').update(JSON.stringify([memberId, d.date, d.item, d.itemLabel ?? '', d.hours * 2, text])).digest('hex');
}

/**
 * Stores a log after every rule of PRODUCT.md §4; a refusal throws a UserError and stores
 * nothing.
 */
export function createLog(db: Db, author: Member, program: ProgramYear, input: unknown, origin: LogOrigin, { now, tz }: When): ServiceLog {
  if (!LOG_SOURCES.includes(origin.source)) throw new Error(`unknown source ${origin.source}`);
  const draft = validDraft(input);
  // A member a confirmed roster no longer lists records nothing (PRODUCT.md §8).
  if (!isActive(author)) throw new UserError('error.inactive');
  if (!author.collegeId) throw new UserError('log.noCollege');
  const today = localDate(now, tz);
  if (draft.date > today) throw new UserError('log.future', { date: draft.date });
  // A day of the year before, still inside the window (a log of 09-29 sent on 10-02, after the
  // rollover), counts for the year it was served in.
  if (draft.date < program.startsOn) program = yearOn(db, draft.date) ?? program;
  if (draft.date < program.startsOn || draft.date > program.endsOn) throw new UserError('log.outsideYear', { date: draft.date, start: program.startsOn, end: program.endsOn });
  const oldest = dayjs(today).subtract(program.logWindowDays, 'day').format('YYYY-MM-DD');
  if (draft.date < oldest) throw new UserError('log.tooOld', { date: draft.date, days: program.logWindowDays });
  if (draft.communityId !== undefined && !db.select({ id: communities.id }).from(communities).where(eq(communities.id, draft.communityId)).get()) {
    throw new UserError('log.unknownCommunity');
  }
  // A project named must be one the author may name: their branch's, or one whose group they are in, of the log's year.
  if (draft.projectId !== undefined && !projectsForLog(db, author, program.id).some((p) => p.id === draft.projectId)) throw new UserError('log.badProject');
  const practice = { teamId: draft.teamId ?? null, returnHome: draft.returnHome ?? false };
  checkPractice(db, author, program, draft.date, practice);
  const halfHours = Math.round(draft.hours * 2);
  const key = dedupeKey(author.id, draft);

  return writeTransaction(db, (tx) => {
    const already =
      tx
        .select({ half: sql<number>`coalesce(sum(${serviceLogs.halfHours}), 0)` })
        .from(serviceLogs)
        .where(and(eq(serviceLogs.memberId, author.id), eq(serviceLogs.serviceDate, draft.date), inArray(serviceLogs.status, ['pending', 'approved'])))
        .get()?.half ?? 0;
    if (already + halfHours > MAX_HOURS_PER_DAY * 2) {
      throw new UserError('log.dailyCap', { date: draft.date, already: already / 2, hours: draft.hours });
    }
    const duplicate = tx.select({ id: serviceLogs.id }).from(serviceLogs).where(and(eq(serviceLogs.dedupeKey, key), inArray(serviceLogs.status, ['pending', 'approved']))).get();
    if (duplicate) throw new UserError('log.duplicate');
    const log = tx
      .insert(serviceLogs)
      .values({
        memberId: author.id,
        branchId: author.branchId,
        collegeId: author.collegeId!,
        programYearId: program.id,
        serviceDate: draft.date,
        item: draft.item,
        itemLabel: draft.item === 'x' ? (draft.itemLabel ?? null) : null,
        area: draft.area ?? null,
        communityId: draft.communityId ?? null,
        projectId: draft.projectId ?? null,
        ...practice,
        halfHours,
        mode: draft.mode,
        description: draft.description,
        source: origin.source,
        checkinId: origin.checkinId ?? null,
        sourceMessageId: origin.sourceMessageId ?? null,
        dedupeKey: key,
        createdAt: now,
      })
      .returning()
      .get();
    audit(tx, { at: now, actorMemberId: author.id, action: 'log.create', subject: `log:${log.id}` });
    return log;
  });
}

/** The member's live (pending or approved) log identical to this draft, if any. */
export function liveDuplicate(db: Db, memberId: number, input: unknown): ServiceLog | undefined {
  const parsed = logDraft.safeParse(input);
  if (!parsed.success) return undefined;
  const key = dedupeKey(memberId, parsed.data);
  return db.select().from(serviceLogs).where(and(eq(serviceLogs.dedupeKey, key), inArray(serviceLogs.status, ['pending', 'approved']))).get();
}

/** The highest log id: an instant upper bound of how many logs there are (no count over the table). */
export function highestLogId(db: Db): number {
  return (db.$client.prepare('SELECT max(id) AS n FROM service_logs').get() as { n: number | null }).n ?? 0;
}

export function logById(db: Db, id: number): ServiceLog | undefined {
  return db.select().from(serviceLogs).where(eq(serviceLogs.id, id)).get();
}

/** The author takes back a log still waiting for review. */
export function withdrawLog(db: Db, logId: number, member: Member, now: number): ServiceLog {
  const log = logById(db, logId);
  if (!log) throw new UserError('log.notFound');
  if (log.memberId !== member.id) throw new UserError('log.notYours');
  if (log.status !== 'pending') throw new UserError('log.notPending', { status: { key: `status.${log.status}` } });
  const updated = db
    .update(serviceLogs)
    .set({ status: 'withdrawn', updatedAt: now })
    .where(and(eq(serviceLogs.id, logId), eq(serviceLogs.status, 'pending')))
    .returning()
    .get();
  if (!updated) throw new UserError('log.notPending', { status: { key: 'status.approved' } });
  audit(db, { at: now, actorMemberId: member.id, action: 'log.withdraw', subject: `log:${logId}` });
  return updated;
}

/** A member's most recent logs, newest first. */
const latestOf = (db: Db) => db.select().from(serviceLogs).where(eq(serviceLogs.memberId, sql.placeholder('memberId')))
  .orderBy(desc(serviceLogs.createdAt), desc(serviceLogs.id)).limit(sql.placeholder('limit')).prepare();

export function recentLogs(db: Db, memberId: number, limit = 5): ServiceLog[] {
  return prepared(db, latestOf).all({ memberId, limit });
}

/** The member's latest log created at or after `since` (evidence attaches to it). */
export function latestLogSince(db: Db, memberId: number, since: number): ServiceLog | undefined {
  return db
    .select()
    .from(serviceLogs)
    .where(and(eq(serviceLogs.memberId, memberId), sql`${serviceLogs.createdAt} >= ${since}`, inArray(serviceLogs.status, ['pending', 'approved'])))
    .orderBy(desc(serviceLogs.createdAt), desc(serviceLogs.id))
    .limit(1)
    .get();
}
