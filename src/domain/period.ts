/**
 * The coverage period (覆盖时段, PRODUCT.md §1) a day falls in: term time, winter or summer
 * vacation, or online (epidemic) mode. The school admin may force a mode; otherwise the
 * configured vacation dates decide.
 *
 * Reminders follow the period mode by one rule (PRODUCT.md §6: "no term-time nagging in
 * vacations"): in a winter or summer vacation, reminders about term-time organising are held;
 * reminders about work the program does in every period go out in every period. The programme
 * notice (二、覆盖时段; 五、具体工作安排) is what sorts the kinds:
 * - the branch set-up deadlines (组织结对, 项目清单, 岗位对接) are organised with the community near
 *   school, in term (在校期间…就近就便; due 11-11 and 11-19): held in vacations, where the students
 *   are at home;
 * - reviews pending > 3 days: vacations are a main service period (寒暑假期以集中报到为主,
 *   "三下乡", "返家乡"), and a student's hours wait on the review whatever the period: sent;
 * - quarterly reports: due every three months whatever the period (各二级学院每隔三个月…提交) and
 *   flagged late to the 团委 if missed, so the 团总支 is warned even when the due date nears in
 *   a vacation: sent.
 * Online (epidemic) mode is term time done online: everything is sent.
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

const isVacation = (period: Period): boolean => period === 'winter' || period === 'summer';

export type ReminderKind = 'deadline' | 'review' | 'quarterlyReport';

/** Reminders about term-time organising, held while the period is a vacation. */
const TERM_TIME_REMINDERS: ReadonlySet<ReminderKind> = new Set(['deadline']);

/** Whether reminders of `kind` go out in `period` (the rule in the module comment). */
export function remindsIn(kind: ReminderKind, period: Period): boolean {
  return !isVacation(period) || !TERM_TIME_REMINDERS.has(kind);
}
