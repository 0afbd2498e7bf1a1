/**
 * The coverage period (覆盖时段, PRODUCT.md §1) a day falls in: term time, winter or summer
 * vacation, or online (epidemic) mode. The school admin may force a mode; otherwise the
 * configured vacation dates decide.
 */
import type { CheckinKind, ProgramYear } from '../db/schema/index.js';

export type Period = 'term' | 'winter' | 'summer' | 'online';

const within = (date: string, start: string | null, end: string | null) => !!start && !!end && start <= date && date <= end;

export function periodOn(program: ProgramYear, date: string): Period {
  if (program.periodMode !== 'auto') return program.periodMode;
  if (within(date, program.winterVacationStart, program.winterVacationEnd)) return 'winter';
  if (within(date, program.summerVacationStart, program.summerVacationEnd)) return 'summer';
  return 'term';
}

/** Term → 日常报到 near school; vacations → 集中报到 at home; online mode → 线上. */
export function checkinKindFor(period: Period): CheckinKind {
  if (period === 'online') return 'online';
  return period === 'term' ? 'daily' : 'concentrated';
}
