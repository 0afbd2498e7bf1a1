/**
 * Per-branch figures of a program year (PRODUCT.md §6) in one statement over all branches in
 * scope. The year's totals (approved hours and logs, which "四个一" items) come from the
 * branch's roll-up row (branch_year_totals, kept current by triggers); the rest is a correlated
 * subquery that the indexes of service_logs answer with a seek or a short range, so a school of
 * 1,000 branches and millions of logs costs ~1,000 seeks per figure rather than a scan; see
 * bench/metrics.ts.
 */
import type { Db } from '../../db/client.js';
import { FOUR_ITEMS, type ProgramYear } from '../../db/schema/index.js';
import { counted, yearEnd } from './counted.js';
import type { MetricsWindow } from './window.js';

export type FourItem = (typeof FOUR_ITEMS)[number];

export interface BranchFigures {
  id: number;
  name: string;
  collegeId: number;
  /**
   * A signed pairing that counts for this year: signed on or before the year's end and still
   * signed, or ended but signed during the year.
   */
  paired: boolean;
  /** At least one approved log in the program year. */
  active: boolean;
  /** Participating = paired and active. */
  participating: boolean;
  /** Which of the "四个一" items have an approved log this year. */
  fourItems: Record<FourItem, boolean>;
  /** Latest service date of an approved log this year; null when none. */
  lastServiceDate: string | null;
  /** No approved log dated in the last 30 days (up to the window's today). */
  silent: boolean;
  /** Approved hours with a service date this week (Monday–Sunday). */
  weekHours: number;
  /** Approved hours of the year filed under the branch. */
  totalHours: number;
  /** Logs of the year waiting for review. */
  pending: number;
}

interface Row {
  id: number;
  name: string;
  collegeId: number;
  paired: number;
  active: number;
  shishi: number;
  zoufang: number;
  huodong: number;
  xiangmu: number;
  lastDate: string | null;
  weekHalf: number;
  totalHalf: number;
  pending: number;
}

/**
 * Whether pairing `p` counts for the year bound as @startsOn/@endsOn: signed on or before the
 * year's end and still signed, or ended but signed during the year (PRODUCT.md §6).
 */
export const countingPairing = (p: string) => `${p}.signed_on is not null and (
      (${p}.status = 'signed' and ${p}.signed_on <= @endsOn) or
      (${p}.status = 'ended' and ${p}.signed_on between @startsOn and @endsOn))`;

const logsOf = `from service_logs s where s.branch_id = b.id and s.program_year_id = @py`;
const hasItem = (item: FourItem) => `coalesce(t.${item}_logs, 0) > 0 as ${item}`;

function statement(oneCollege: boolean): string {
  return `select b.id, b.name, b.college_id as collegeId,
    exists(select 1 from pairings p where p.branch_id = b.id and ${countingPairing('p')}) as paired,
    coalesce(t.approved_logs, 0) > 0 as active,
    ${FOUR_ITEMS.map(hasItem).join(',\n    ')},
    (select max(s.service_date) ${logsOf} and s.status = 'approved') as lastDate,
    (select coalesce(sum(s.half_hours), 0) ${logsOf} and s.status = 'approved' and s.service_date between @weekStart and @weekEnd) as weekHalf,
    coalesce(t.approved_half_hours, 0) as totalHalf,
    (select count(*) ${logsOf} and s.status = 'pending') as pending
  from branches b left join branch_year_totals t on t.branch_id = b.id and t.program_year_id = @py
  where b.kind = 'branch' and ${counted('b')}${oneCollege ? ' and b.college_id = @college' : ''}
  order by b.college_id, b.id`;
}

/**
 * The figures of every branch of `collegeId` (or of the whole school when null) for `program`;
 * branches archived before the year ended are left out (./counted.ts), and so are student
 * organisations: the notice's 25% is of 团支部 (they are counted apart, ./organisations.ts).
 */
export function branchFigures(db: Db, program: ProgramYear, win: MetricsWindow, opts: { collegeId: number | null }): BranchFigures[] {
  const rows = db.$client.prepare(statement(opts.collegeId !== null)).all({
    py: program.id,
    startsOn: program.startsOn,
    endsOn: program.endsOn,
    yearEnd: yearEnd(program),
    weekStart: win.weekStart,
    weekEnd: win.weekEnd,
    ...(opts.collegeId !== null ? { college: opts.collegeId } : {}),
  }) as Row[];
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    collegeId: r.collegeId,
    paired: r.paired === 1,
    active: r.active === 1,
    participating: r.paired === 1 && r.active === 1,
    fourItems: { shishi: r.shishi === 1, zoufang: r.zoufang === 1, huodong: r.huodong === 1, xiangmu: r.xiangmu === 1 },
    lastServiceDate: r.lastDate,
    silent: r.lastDate === null || r.lastDate < win.activeSince,
    weekHours: r.weekHalf / 2,
    totalHours: r.totalHalf / 2,
    pending: r.pending,
  }));
}

/** How many of the "四个一" items are done (0–4). */
export function fourDone(f: Pick<BranchFigures, 'fourItems'>): number {
  return FOUR_ITEMS.filter((i) => f.fourItems[i]).length;
}
