/**
 * The rows of the export's two summary sheets (学院汇总, 团支部明细), shaped from the year's
 * record in src/domain/metrics: the figures are the ones /学院 and /全校 show, counted by the
 * same rules (PRODUCT.md §6), not a second definition.
 */
import type { Db } from '../../db/client.js';
import { FOUR_ITEMS } from '../../db/schema/index.js';
import { t } from '../../text/zh-CN.js';
import { fourDone, priorityCountyPairings, yearRecord, type Coverage, type OrganisationCounts, type YearTotals } from '../../domain/metrics/index.js';
import type { Cell } from './details.js';

const mark = (v: boolean) => (v ? t('export.done.mark') : '');
const yesNo = (v: boolean) => (v ? t('export.yes') : t('export.no'));
/** A college without branches has no coverage to reach the target with (/学院 shows 暂无团支部). */
const reached = (c: Coverage) => c.branches > 0 && !c.belowTarget;

/** The student organisations' columns come last: they are counted apart from the 团支部 coverage before them. */
const collegeRow = (name: string, c: Coverage, totals: YearTotals, counties: number, orgs: OrganisationCounts): Cell[] => [
  name, c.branches, c.participating, c.ratio, c.target, yesNo(reached(c)), totals.totalHours, totals.pending.count, totals.pending.hours, counties,
  orgs.organisations, orgs.paired, orgs.projects,
];

/** Both summary sheets' rows: colleges in id order then 全校合计; branches by college, then id. */
export function summaryRows(db: Db, programYearId: number): { colleges: Cell[][]; branches: Cell[][] } {
  const record = yearRecord(db, programYearId);
  const counties = priorityCountyPairings(db, programYearId);
  const total = [...counties.values()].reduce((a, n) => a + n, 0);
  const colleges = [
    ...record.colleges.map((c) => collegeRow(c.name, c.coverage, c, counties.get(c.id) ?? 0, c.organisations)),
    collegeRow(t('export.total'), record.school.coverage, record.school, total, record.school.organisations),
  ];
  const branches = record.branches.map((b): Cell[] => [
    b.college, b.name, b.pairing?.community ?? t('export.noPairing'), b.pairing ? t(`pairing.status.${b.pairing.status}`) : t('export.none'),
    yesNo(b.participating), ...FOUR_ITEMS.map((i) => mark(b.fourItems[i])), `${fourDone(b)}/4`,
    b.totalHours, b.members, b.idle,
  ]);
  return { colleges, branches };
}
