/**
 * The school admin's settings of the program year (PRODUCT.md §1, §6): the period mode, the
 * year's dates, target, deadlines, vacations, late-log window and score weights, and starting
 * the next year. Every change is audited with its before/after so a disputed figure can be
 * traced to who moved a deadline and when.
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { writeTransaction, type Db } from '../db/client.js';
import { pairings, programYears, projects, quarterlyReports, serviceLogs, settings, type Member, type ProgramYear } from '../db/schema/index.js';
import { UserError } from './errors.js';
import { audit } from './members.js';
import { previousYear } from './program.js';
import { dayjs } from '../time.js';

type PeriodMode = ProgramYear['periodMode'];

/** The words `/模式` accepts, in the order they are listed to the user. */
export const MODE_WORDS: Record<string, PeriodMode> = { 在校: 'term', 寒假: 'winter', 暑假: 'summer', 线上: 'online', 自动: 'auto' };

/** The fields the settings card edits; the keys are the form field names. */
const SETTING_FIELDS = [
  'startsOn', 'endsOn', 'targetRatio', 'pairingDeadline', 'projectListDeadline', 'matchingDeadline',
  'winterVacationStart', 'winterVacationEnd', 'summerVacationStart', 'summerVacationEnd', 'logWindowDays', 'scoreWeights', 'periodMode',
] as const;

type SettingsPatch = Pick<ProgramYear, (typeof SETTING_FIELDS)[number]>;

/** Sets the period mode of the current program year; returns the row before and after. */
export function setPeriodMode(db: Db, actor: Member, programId: number, mode: PeriodMode, now: number): { before: ProgramYear; after: ProgramYear } {
  return writeTransaction(db, (tx) => {
    const before = tx.select().from(programYears).where(eq(programYears.id, programId)).get();
    if (!before?.isCurrent) throw new UserError('settings.stale');
    if (before.periodMode === mode) return { before, after: before };
    const after = tx.update(programYears).set({ periodMode: mode }).where(eq(programYears.id, programId)).returning().get();
    audit(tx, { at: now, actorMemberId: actor.id, action: 'program.mode', subject: `program_year:${programId}`, detail: { before: { periodMode: before.periodMode }, after: { periodMode: mode } } });
    return { before, after };
  });
}

const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && dayjs.utc(s).isValid() && dayjs.utc(s).format('YYYY-MM-DD') === s;

/** A form value as trimmed text; empty means absent. The date picker sends "2026-11-11 +0800". */
function text(v: unknown): string | undefined {
  if (typeof v !== 'string' && typeof v !== 'number') return undefined;
  const s = String(v).trim();
  return s === '' ? undefined : s;
}

function date(form: Record<string, unknown>, field: string, label: string, required: boolean): string | null {
  const raw = text(form[field])?.slice(0, 10);
  if (!raw) {
    if (required) throw new UserError('settings.missing', { field: label });
    return null;
  }
  if (!isDate(raw)) throw new UserError('settings.badDate', { field: label });
  return raw;
}

const weightsSchema = z.strictObject({ hours: z.number().min(0), days: z.number().min(0), rating: z.number().min(0), feedback: z.number().min(0) }).partial()
  .refine((w) => Object.values(w).some((x) => x > 0));

function weights(raw: string | undefined): Record<string, number> | null {
  if (!raw) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new UserError('settings.badWeights');
  }
  const ok = weightsSchema.safeParse(parsed);
  if (!ok.success) throw new UserError('settings.badWeights');
  return ok.data as Record<string, number>;
}

/**
 * Validates the settings form (`form_value`, untrusted) into a full patch; `label` names a field
 * in the user's words. Throws a UserError naming the first problem; nothing is defaulted silently.
 */
export function parseSettingsForm(form: Record<string, unknown>, label: (field: string) => string): SettingsPatch {
  const startsOn = date(form, 'startsOn', label('startsOn'), true)!;
  const endsOn = date(form, 'endsOn', label('endsOn'), true)!;
  if (endsOn < startsOn) throw new UserError('settings.endBeforeStart');
  const ratio = Number(text(form.targetRatio) ?? NaN);
  if (!Number.isFinite(ratio) || ratio <= 0 || ratio > 1) throw new UserError('settings.badRatio');
  const deadlines = (['pairingDeadline', 'projectListDeadline', 'matchingDeadline'] as const).map((f) => {
    const d = date(form, f, label(f), true)!;
    if (d < startsOn || d > endsOn) throw new UserError('settings.deadlineOutside', { field: label(f), date: d, start: startsOn, end: endsOn });
    return d;
  });
  const vacation = (s: 'winterVacationStart' | 'summerVacationStart', e: 'winterVacationEnd' | 'summerVacationEnd') => {
    const from = date(form, s, label(s), false);
    const to = date(form, e, label(e), false);
    if (!from !== !to || (from && to && to < from)) throw new UserError('settings.vacationPair', { start: label(s), end: label(e) });
    return [from, to] as const;
  };
  const [winterVacationStart, winterVacationEnd] = vacation('winterVacationStart', 'winterVacationEnd');
  const [summerVacationStart, summerVacationEnd] = vacation('summerVacationStart', 'summerVacationEnd');
  const windowText = text(form.logWindowDays) ?? '';
  const logWindowDays = /^\d{1,3}$/.test(windowText) ? Number(windowText) : NaN;
  if (!(logWindowDays >= 1 && logWindowDays <= 365)) throw new UserError('settings.badWindow');
  const mode = z.enum(['auto', 'term', 'winter', 'summer', 'online']).safeParse(text(form.periodMode));
  if (!mode.success) throw new UserError('settings.badMode');
  return {
    startsOn, endsOn, targetRatio: ratio,
    pairingDeadline: deadlines[0]!, projectListDeadline: deadlines[1]!, matchingDeadline: deadlines[2]!,
    winterVacationStart, winterVacationEnd, summerVacationStart, summerVacationEnd,
    logWindowDays, scoreWeights: weights(text(form.scoreWeights)), periodMode: mode.data,
  };
}

/**
 * Saves a validated patch to the current program year; audits only the fields that changed.
 * Returns how many changed (0: nothing written) and the row as saved.
 */
export function saveSettings(db: Db, actor: Member, programId: number, patch: SettingsPatch, now: number): { changed: number; program: ProgramYear } {
  return writeTransaction(db, (tx) => {
    const row = tx.select().from(programYears).where(eq(programYears.id, programId)).get();
    if (!row?.isCurrent) throw new UserError('settings.stale');
    const changed = SETTING_FIELDS.filter((f) => JSON.stringify(row[f] ?? null) !== JSON.stringify(patch[f] ?? null));
    if (!changed.length) return { changed: 0, program: row };
    const before = Object.fromEntries(changed.map((f) => [f, row[f] ?? null]));
    const after = Object.fromEntries(changed.map((f) => [f, patch[f] ?? null]));
    const program = tx.update(programYears).set(after).where(eq(programYears.id, programId)).returning().get();
    audit(tx, { at: now, actorMemberId: actor.id, action: 'program.settings', subject: `program_year:${programId}`, detail: { before, after } });
    return { changed: changed.length, program };
  });
}

const nextYear = (d: string | null) => (d ? dayjs.utc(d).add(1, 'year').format('YYYY-MM-DD') : null);

/** The name and dates the year after `old` gets: every date a year later. */
export function nextYearOf(old: ProgramYear): Pick<ProgramYear, 'name' | 'startsOn' | 'endsOn'> {
  const startsOn = nextYear(old.startsOn)!;
  const endsOn = nextYear(old.endsOn)!;
  return { name: `${startsOn.slice(0, 4)}-${endsOn.slice(0, 4)}`, startsOn, endsOn };
}

/** The year a settings card was built for, refused once it is no longer the current one. */
export function currentYearById(db: Db, id: number): ProgramYear {
  const year = db.select().from(programYears).where(eq(programYears.id, id)).get();
  if (!year?.isCurrent) throw new UserError('settings.stale');
  return year;
}

/** Whether anything (a log, a pairing, a project, a report) belongs to the year: then it can no longer be undone. */
export function yearInUse(db: Pick<Db, 'select'>, yearId: number): boolean {
  return [serviceLogs, pairings, projects, quarterlyReports].some((table) => db.select({ id: table.id }).from(table).where(eq(table.programYearId, yearId)).limit(1).get() !== undefined);
}

/**
 * Starts the year after `programId`: a new row with every date shifted one year and the other
 * settings copied. It becomes current on its start date (domain/program.ts rolls over), never
 * cutting the current year short; the old row and everything pointing at it (logs, pairings,
 * projects) stay as they are, so last year's figures can still be read and exported.
 */
export function startNextProgramYear(db: Db, actor: Member, programId: number, now: number): { old: ProgramYear; created: ProgramYear } {
  return writeTransaction(db, (tx) => {
    const old = currentYearById(tx as unknown as Db, programId);
    const { name, startsOn, endsOn } = nextYearOf(old);
    // A second click on the same card finds the year already there: refused, not a third year.
    if (tx.select({ id: programYears.id }).from(programYears).where(eq(programYears.name, name)).get()) throw new UserError('settings.nextYearTaken', { name });
    const created = tx.insert(programYears).values({
      name, startsOn, endsOn, isCurrent: false, targetRatio: old.targetRatio,
      pairingDeadline: nextYear(old.pairingDeadline)!, projectListDeadline: nextYear(old.projectListDeadline)!, matchingDeadline: nextYear(old.matchingDeadline)!,
      // A forced mode belongs to the moment it was set; the new year starts by the calendar.
      periodMode: 'auto',
      winterVacationStart: nextYear(old.winterVacationStart), winterVacationEnd: nextYear(old.winterVacationEnd),
      summerVacationStart: nextYear(old.summerVacationStart), summerVacationEnd: nextYear(old.summerVacationEnd),
      logWindowDays: old.logWindowDays, scoreWeights: old.scoreWeights,
    }).returning().get();
    audit(tx, { at: now, actorMemberId: actor.id, action: 'program.nextYear', subject: `program_year:${created.id}`, detail: { after: { next: created.name, startsOn: created.startsOn } } });
    return { old, created };
  });
}

/**
 * The year `yearId` if it may be undone — the current year or one waiting after it, never an
 * old year an old card names — with the current year and the year it would hand back to.
 */
export function undoableYear(db: Pick<Db, 'select'>, yearId: number): { year: ProgramYear; current: ProgramYear; before: ProgramYear } {
  const year = db.select().from(programYears).where(eq(programYears.id, yearId)).get();
  const current = db.select().from(programYears).where(eq(programYears.isCurrent, true)).get();
  if (!year || !current || !(year.isCurrent || year.startsOn > current.startsOn)) throw new UserError('settings.stale');
  const before = previousYear(db, year);
  if (!before) throw new UserError('settings.undoFirstYear');
  return { year, current, before };
}

/**
 * Undoes 「开始下一实践年度」 until the new year has its first log: the year is deleted and, if it
 * had already become current, the year before it is current again. Refused once anything
 * (a log, a pairing, a project, a report) belongs to it.
 */
export function undoNextProgramYear(db: Db, actor: Member, yearId: number, now: number): { undone: ProgramYear; current?: ProgramYear } {
  return writeTransaction(db, (tx) => {
    const { year, current, before } = undoableYear(tx, yearId);
    if (yearInUse(tx, year.id)) throw new UserError('settings.undoInUse', { name: year.name });
    try {
      tx.delete(programYears).where(eq(programYears.id, year.id)).run();
    } catch (err) {
      // Anything else that points at the year (a total, a check-in): in use.
      if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_FOREIGNKEY') throw new UserError('settings.undoInUse', { name: year.name });
      throw err;
    }
    // After the delete: one current year at a time.
    const restored = year.isCurrent ? tx.update(programYears).set({ isCurrent: true }).where(eq(programYears.id, before.id)).returning().get() : undefined;
    audit(tx, { at: now, actorMemberId: actor.id, action: 'program.nextYearUndo', subject: `program_year:${year.id}`, detail: { before: { year: year.name, current: year.isCurrent }, after: { current: (restored ?? current).name } } });
    return { undone: year, current: restored };
  });
}

const SAFETY_PLAN_KEY = 'online_safety_plan';
/** The longest 安全预案 kept. */
export const SAFETY_PLAN_MAX = 500;

/** The 安全预案 the 团委 set for online service (the notice: 做好安全预案), shown with every online check-in. */
export function safetyPlan(db: Db): string | undefined {
  return db.select().from(settings).where(eq(settings.key, SAFETY_PLAN_KEY)).get()?.value;
}

/** Sets (or, with null, removes) the 安全预案; audited with the text before and after. */
export function setSafetyPlan(db: Db, actor: Member, text: string | null, now: number): void {
  writeTransaction(db, (tx) => {
    const before = tx.select().from(settings).where(eq(settings.key, SAFETY_PLAN_KEY)).get()?.value ?? null;
    if (text === null) tx.delete(settings).where(eq(settings.key, SAFETY_PLAN_KEY)).run();
    else tx.insert(settings).values({ key: SAFETY_PLAN_KEY, value: text, updatedAt: now }).onConflictDoUpdate({ target: settings.key, set: { value: text, updatedAt: now } }).run();
    audit(tx, { at: now, actorMemberId: actor.id, action: 'settings.safetyPlan', detail: { before, after: text } });
  });
}
