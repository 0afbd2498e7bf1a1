/**
 * The program year (PRODUCT.md §1): one is current at a time and the old ones keep their
 * history. With nothing configured, the year that contains today, starting 10-01.
 */
import { eq } from 'drizzle-orm';
import { writeTransaction, type Db } from '../db/client.js';
import { prepared } from '../db/prepared.js';
import { programYears, type ProgramYear } from '../db/schema/index.js';
import { localDate, type When } from '../time.js';

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

export function currentProgramYear(db: Db, { now, tz }: When): ProgramYear {
  const current = prepared(db, currentYear).get();
  if (current) return current;
  const defaults = defaultProgramYear(localDate(now, tz));
  return writeTransaction(db, (tx) => {
    const again = tx.select().from(programYears).where(eq(programYears.isCurrent, true)).get();
    if (again) return again;
    const existing = tx.select().from(programYears).where(eq(programYears.name, defaults.name)).get();
    if (existing) return tx.update(programYears).set({ isCurrent: true }).where(eq(programYears.id, existing.id)).returning().get();
    return tx.insert(programYears).values({ ...defaults, isCurrent: true }).returning().get();
  });
}
