/**
 * The weekly digest card (每周进展, PRODUCT.md §6): a college's version for its group and the
 * all-college version for the 团委's group. Pure builders over the digest figures; roster
 * names are escaped, and only names appear — never student numbers or phones, since the card
 * goes to group chats. Lists are capped so the card stays far below Feishu's 30 KB limit.
 */
import { FOUR_ITEMS } from '../db/schema/index.js';
import type { Coverage } from '../domain/metrics/index.js';
import type { CardJson } from '../feishu/api.js';
import { fourItemCounts, type CollegeDigest, type Contributor, type Digest, type NewCase, type SchoolDigest, type UpcomingDeadline } from '../domain/metrics/digest.js';
import { t } from '../text/zh-CN.js';
import { card, divider, escapeMd, markdown, subtitle, type Element } from './primitives.js';

/** Bars in a chart: enough to see who is behind; more would be unreadable on a phone. */
const MAX_BARS = 20;
const MAX_LINES = 10;

const percent = (ratio: number) => `${Math.round(ratio * 1000) / 10}%`;
/** A ratio as a chart value in percent, one decimal. */
const pct = (ratio: number) => Math.round(ratio * 1000) / 10;

function capped(lines: string[], max = MAX_LINES): string[] {
  return lines.length > max ? [...lines.slice(0, max), t('digest.more', { count: lines.length - max })] : lines;
}

export interface ChartBar {
  name: string;
  percent: number;
  status: string;
}

/**
 * A card JSON 2.0 chart: a VChart bar spec with one bar per branch or college, coloured by
 * whether it counts, and the target as a dashed mark line.
 * https://open.feishu.cn/document/feishu-cards/card-json-v2-components/content-components/chart
 */
function coverageChart(bars: ChartBar[], target: number): Element {
  return {
    tag: 'chart',
    height: 'auto',
    chart_spec: {
      type: 'bar',
      data: { values: bars },
      xField: 'name',
      yField: 'percent',
      seriesField: 'status',
      label: { visible: true },
      legends: { visible: true, orient: 'bottom' },
      axes: [{ orient: 'left', min: 0, max: 100, title: { visible: true, text: '%' } }],
      markLine: [{
        y: pct(target),
        line: { style: { stroke: '#F54A45', lineDash: [4, 4] } },
        endSymbol: { visible: false },
        label: { visible: true, position: 'insideEndTop', text: t('digest.targetLine', { target: percent(target) }) },
      }],
    },
  };
}

function coverageLine(c: Coverage): string {
  const status = c.branches === 0 ? t('digest.coverageNone') : c.belowTarget ? t('digest.coverageBelow', { needed: c.needed }) : t('digest.coverageMet');
  return t('digest.coverage', { participating: c.participating, branches: c.branches, percent: percent(c.ratio), target: percent(c.target), status });
}

/** Participating branches at the end of the reported week against the end of the week before. */
function changeLine(end: number, before: number): string {
  const delta = end - before;
  return t('digest.change', { delta: delta > 0 ? `+${delta}` : String(delta), before, end });
}

function hoursLine(d: Digest): string {
  return t('digest.hours', { start: d.week.report.start, end: d.week.report.end, week: d.hours.week, previous: d.hours.previous, total: d.hours.total });
}

function topLines(top: Contributor[]): string {
  if (!top.length) return t('digest.topNone');
  return [t('digest.topHead', { count: top.length }), ...top.map((c, i) => t('digest.top', { rank: i + 1, name: escapeMd(c.name), unit: escapeMd(c.unit), hours: c.hours }))].join('\n');
}

function deadlineLines(deadlines: UpcomingDeadline[]): string {
  if (!deadlines.length) return t('digest.deadlinesNone');
  return [t('digest.deadlinesHead'), ...deadlines.flatMap((d) => {
    const line = t('digest.deadline', { label: t(`branch.deadline.${d.key}`), date: d.date, days: d.daysLeft, open: d.open.length });
    return d.open.length ? [line, t('digest.deadlineBranches', { branches: capped(d.open.map(escapeMd), MAX_LINES).join('、') })] : [line];
  })].join('\n');
}

function caseLines(cases: NewCase[]): Element[] {
  if (!cases.length) return [];
  const lines = cases.map((c) =>
    c.kind === 'log'
      ? t('digest.caseLog', { citation: escapeMd(c.citation), unit: escapeMd(c.unit), name: escapeMd(c.name), date: c.date })
      : t('digest.caseReport', { citation: escapeMd(c.citation), college: escapeMd(c.college), title: escapeMd(c.title) }));
  return [divider(), markdown([t('digest.casesHead'), ...lines].join('\n'))];
}

/** Bars to draw: those furthest from counting first, so a capped chart shows who needs help. */
function worstFirst(bars: (ChartBar & { ok: boolean })[]): { shown: ChartBar[]; total: number } {
  const sorted = [...bars].sort((a, b) => Number(a.ok) - Number(b.ok) || a.percent - b.percent || a.name.localeCompare(b.name, 'zh-CN'));
  return { shown: sorted.slice(0, MAX_BARS).map(({ ok: _ok, ...bar }) => bar), total: bars.length };
}

function chartBlock(caption: string, bars: (ChartBar & { ok: boolean })[], target: number): Element[] {
  if (!bars.length) return [];
  const { shown, total } = worstFirst(bars);
  const note = total > shown.length ? `\n${t('digest.chartCapped', { shown: shown.length, total })}` : '';
  return [markdown(caption + note), coverageChart(shown, target)];
}

/**
 * The college digest's chart: the share of its branches that take part (the notice's measure,
 * the one the target line is for) at each of the last week-ends.
 */
function trendBlock(d: CollegeDigest, target: number): Element[] {
  const branches = d.view.summary.coverage.branches;
  if (!branches || !d.trend.length) return [];
  const bars = d.trend.map((w) => ({
    name: w.end.slice(5),
    percent: pct(w.participating / branches),
    status: t(w.participating / branches >= target ? 'digest.series.collegeMet' : 'digest.series.collegeBelow'),
  }));
  return [markdown(t('digest.chartTrend', { weeks: bars.length, target: percent(target) })), coverageChart(bars, target)];
}

/** Members with an approved log this year, as a figure of its own (not the coverage target's measure). */
function membersLine(d: CollegeDigest): string {
  const total = d.view.branches.reduce((n, b) => n + b.members, 0);
  const active = d.view.branches.reduce((n, b) => n + b.members - b.idle, 0);
  return t('digest.members', { active, total, percent: percent(total ? active / total : 0) });
}

/** The chart bars of the school digest: each college's coverage. */
function collegeBars(d: SchoolDigest): (ChartBar & { ok: boolean })[] {
  return d.overview.colleges.map((c) => ({
    name: c.name,
    percent: pct(c.coverage.ratio),
    status: t(c.coverage.belowTarget ? 'digest.series.collegeBelow' : 'digest.series.collegeMet'),
    ok: !c.coverage.belowTarget,
  }));
}

export function collegeDigestCard(d: CollegeDigest): CardJson {
  const v = d.view;
  const target = v.programYear.targetRatio;
  const counts = fourItemCounts(v);
  const silent = v.branches.filter((b) => b.silent);
  const elements: Element[] = [
    // The year does not fit the header's one subtitle line next to the week and the date.
    markdown([t('digest.subtitleYear', { year: v.programYear.name }), coverageLine(v.summary.coverage), changeLine(d.participatingEnd, d.participatingBefore), t('digest.rule')].join('\n')),
    ...trendBlock(d, target),
    markdown(membersLine(d)),
    divider(),
    markdown([
      hoursLine(d),
      t('digest.four', {
        complete: v.summary.fourComplete,
        branches: v.branches.length,
        items: FOUR_ITEMS.map((i) => t('digest.fourItem', { item: t(`item.${i}`), done: counts[i] })).join(' · '),
      }),
      v.pending.count ? t('digest.pending', { count: v.pending.count, days: v.pending.oldestDays }) : t('digest.pendingNone'),
    ].join('\n')),
    markdown(topLines(d.top)),
    markdown(silent.length
      ? [t('digest.silentHead', { count: silent.length }), ...capped(silent.map((b) => t('digest.silent', {
        branch: escapeMd(b.name),
        last: b.lastServiceDate ? t('digest.silentLast', { date: b.lastServiceDate }) : t('digest.silentNever'),
      })))].join('\n')
      : t('digest.silentNone')),
    divider(),
    markdown(deadlineLines(d.deadlines)),
    ...caseLines(d.cases),
  ];
  return card({
    title: t('digest.title', { name: v.college.name }),
    subtitle: subtitle(() => t('digest.subtitle', { week: d.week.key, today: v.window.today })),
    template: v.summary.coverage.belowTarget ? 'orange' : 'green',
    elements,
  });
}

export function schoolDigestCard(d: SchoolDigest): CardJson {
  const o = d.overview;
  const target = o.programYear.targetRatio;
  const below = o.colleges.filter((c) => c.coverage.belowTarget);
  const perCollege = (pick: (c: (typeof o.colleges)[number]) => number) =>
    capped(o.colleges.filter((c) => pick(c) > 0).sort((a, b) => pick(b) - pick(a)).map((c) => t('digest.perCollege', { college: escapeMd(c.name), count: pick(c) }))).join('、');
  const silent = o.colleges.reduce((n, c) => n + c.silent, 0);
  const elements: Element[] = [
    markdown([t('digest.subtitleYear', { year: o.programYear.name }), coverageLine(o.school), changeLine(d.participatingEnd, d.participatingBefore), t('digest.rule')].join('\n')),
    ...chartBlock(t('digest.chartColleges', { target: percent(target) }), collegeBars(d), target),
    markdown(below.length
      ? [t('digest.belowHead', { count: below.length }), ...capped(below.map((c) => t('digest.below', {
        college: escapeMd(c.name), participating: c.coverage.participating, branches: c.coverage.branches, percent: percent(c.coverage.ratio), needed: c.coverage.needed,
      })))].join('\n')
      : t('digest.belowNone')),
    divider(),
    markdown([
      hoursLine(d),
      t('digest.fourSchool', { complete: o.colleges.reduce((n, c) => n + c.fourComplete, 0), branches: o.school.branches }),
      o.school.pending ? t('digest.pendingSchool', { count: o.school.pending, colleges: perCollege((c) => c.pending) }) : t('digest.pendingNone'),
      silent ? t('digest.silentSchool', { count: silent, colleges: perCollege((c) => c.silent) }) : t('digest.silentNone'),
    ].join('\n')),
    markdown(topLines(d.top)),
    divider(),
    markdown(deadlineLines(d.deadlines)),
    ...caseLines(d.cases),
  ];
  return card({
    title: t('digest.title', { name: t('digest.schoolName') }),
    subtitle: subtitle(() => t('digest.subtitle', { week: d.week.key, today: o.window.today })),
    template: below.length ? 'orange' : 'green',
    elements,
  });
}

/** The card of either digest. */
export function digestCard(d: Digest): CardJson {
  return d.scope === 'college' ? collegeDigestCard(d) : schoolDigestCard(d);
}
