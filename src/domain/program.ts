/**
 * The program year (PRODUCT.md §1): one is current at a time and the old ones keep their
 * history. With nothing configured, the year that contains today, starting 10-01.
 */
import { and, asc, desc, eq, gt, gte, lt, lte } from 'drizzle-orm';
import { writeTransaction, type Db } from '../db/client.js';
import { prepared } from '../db/prepared.js';
import { auditLog, programYears, type ProgramYear } from '../db/schema/index.js';
import { localDate, type When } from '../time.js';
import { audit } from './members.js';

function defaultProgramYear(today: string): Pick<ProgramYear, 'name' | 'startsOn' | 'endsOn' | 'pairingDeadline' | 'projectListDeadline' | 'matchingDeadline'> {
  const year = Number(today.slice(0, 4));
  const start = today.slice(5) >= '10-01' ? year : year - 1;
  return {
    name: `${start}-${start + 1}`,
    startsOn: `${start}-10-01`,
    endsOn: `${start + 1}-09-30`,
    pairingDeadline: `${start}-11-11`,
    projectListDeadline: `${start}-11-11`,
    matchingDeadline: `${start}-11-19`,
  };
}

/** The current program year, created with the defaults on first use. */
const currentYear = (db: Db) => db.select().from(programYears).where(eq(programYears.isCurrent, true)).prepare();

/**
 * The current program year. A year started with 「开始下一实践年度」 waits for its start date
 * (PRODUCT.md §8: never cutting the current one short); the first call after the current year
 * has ended and the next has begun makes the next one current, once, audited as
 * `program.rollover` (the hourly job then tells the 团委 group, jobs/programRollover.ts).
 */
export function currentProgramYear(db: Db, { now, tz }: When): ProgramYear {
  const current = prepared(db, currentYear).get();
  if (current) return current.endsOn >= localDate(now, tz) ? current : rollOverIfDue(db, current, { now, tz });
  const defaults = defaultProgramYear(localDate(now, tz));
  return writeTransaction(db, (tx) => {
    const again = tx.select().from(programYears).where(eq(programYears.isCurrent, true)).get();
    if (again) return again;
    const existing = tx.select().from(programYears).where(eq(programYears.name, defaults.name)).get();
    if (existing) return tx.update(programYears).set({ isCurrent: true }).where(eq(programYears.id, existing.id)).returning().get();
    return tx.insert(programYears).values({ ...defaults, isCurrent: true }).returning().get();
  });
}

/** The year after `current`, once it has begun and `current` has ended; else `current`. */
function rollOverIfDue(db: Db, current: ProgramYear, { now, tz }: When): ProgramYear {
  const today = localDate(now, tz);
  const due = (q: Pick<Db, 'select'>) => q.select().from(programYears)
    .where(and(eq(programYears.isCurrent, false), gt(programYears.startsOn, current.startsOn), lte(programYears.startsOn, today)))
    .orderBy(asc(programYears.startsOn)).get();
  // A read first: after a year ends with no next one, every update would otherwise open a write transaction.
  if (!due(db)) return current;
  return writeTransaction(db, (tx) => {
    const next = due(tx);
    const still = tx.select().from(programYears).where(eq(programYears.isCurrent, true)).get();
    if (!next || still?.id !== current.id) return still ?? current;
    tx.update(programYears).set({ isCurrent: false }).where(eq(programYears.id, current.id)).run();
    const started = tx.update(programYears).set({ isCurrent: true }).where(eq(programYears.id, next.id)).returning().get();
    audit(tx, { at: now, action: 'program.rollover', subject: `program_year:${next.id}`, detail: { before: { current: current.name }, after: { current: next.name } } });
    return started;
  });
}

/** The year started to follow `current` and not begun yet, if any. */
export function scheduledYear(db: Db, current: ProgramYear): ProgramYear | undefined {
  return db.select().from(programYears).where(and(eq(programYears.isCurrent, false), gt(programYears.startsOn, current.startsOn))).orderBy(asc(programYears.startsOn)).get();
}

/** The year before `year`, if any. */
export function previousYear(db: Pick<Db, 'select'>, year: ProgramYear): ProgramYear | undefined {
  return db.select().from(programYears).where(lt(programYears.startsOn, year.startsOn)).orderBy(desc(programYears.startsOn)).get();
}

/** When the current year began by rolling over (not by an admin's choice), for the notice to the 团委 group. */
export function rolledOverAt(db: Db, year: ProgramYear): number | undefined {
  return db.select({ at: auditLog.at }).from(auditLog).where(and(eq(auditLog.action, 'program.rollover'), eq(auditLog.subject, `program_year:${year.id}`))).get()?.at;
}

/** The program year whose dates contain `date` (YYYY-MM-DD), if any. */
export function yearOn(db: Db, date: string): ProgramYear | undefined {
  return db.select().from(programYears).where(and(lte(programYears.startsOn, date), gte(programYears.endsOn, date))).orderBy(desc(programYears.startsOn)).get();
}
