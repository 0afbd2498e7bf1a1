/**
 * Who counts in a program year's figures (PRODUCT.md §8): a branch or college archived, or a
 * member made inactive, by a confirmed roster before the year ended leaves that year's
 * denominators (and its numerators: a unit that is not counted does not participate either).
 * One rule for every figure and every year: the current year has not ended, so whatever is
 * archived now is out of it; a past year keeps the branches of a class that graduated after it.
 */
import type { ProgramYear } from '../../db/schema/index.js';
import { DEFAULT_TIME_ZONE } from '../../config.js';
import { dayjs, startOfDate } from '../../time.js';

/**
 * The instant the year ends: the start of the day after its last (program dates are local dates
 * in the school's zone, Asia/Shanghai). Bound as `@yearEnd` in {@link counted}.
 */
export function yearEnd(program: Pick<ProgramYear, 'endsOn'>): number {
  return startOfDate(dayjs.utc(program.endsOn).add(1, 'day').format('YYYY-MM-DD'), DEFAULT_TIME_ZONE);
}

/** SQL: the row `alias` (a branch, a college: `archived_at`; a member: `left_at`) counts in the year bound as @yearEnd. */
export function counted(alias: string, column: 'archived_at' | 'left_at' = 'archived_at'): string {
  return `(${alias}.${column} is null or ${alias}.${column} >= @yearEnd)`;
}

/**
 * SQL: the approved half-hours of the year filed under the college `collegeRef` (a column or a
 * parameter) in branches that no longer count. Hours are history (PRODUCT.md §8 keeps a leaver's
 * record): a class that graduates leaves the coverage, not the college's 本年度累计.
 */
export function uncountedBranchHalfHours(collegeRef: string): string {
  return `(select coalesce(sum(t.approved_half_hours), 0) from branch_year_totals t join branches ab on ab.id = t.branch_id
    where ab.college_id = ${collegeRef} and t.program_year_id = @py and not ${counted('ab')})`;
}
