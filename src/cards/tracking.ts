/**
 * The tracking cards: the college view (/学院) and all colleges side by side (/全校). Pure
 * builders over the metrics views; college and branch names come from the roster and are
 * escaped. Names only, never student numbers (these may be asked for in a group chat).
 */
import { z } from 'zod';
import { DEADLINES } from '../domain/branchStatus.js';
import { fourDone, type CollegeView, type Coverage, type OrganisationCounts, type Overview } from '../domain/metrics/index.js';
import type { CollegeReports } from '../domain/reports.js';
import type { CardJson } from '../feishu/api.js';
import { t } from '../text/zh-CN.js';
import { card, divider, escapeMd, fitsInCard, markdown, subtitle, type Element } from './primitives.js';
import { cardAction } from './action.js';

// The card actions these cards place (src/cards/action.ts); commands bind their handlers.
export const collegeRefresh = cardAction('college.refresh', z.object({ c: z.number().int().positive() }));
export const overviewRefresh = cardAction('overview.refresh', z.object({}));

/** Enough lines to act on without the card growing past a phone screen or two. */
const MAX_LINES = 40;

const percent = (ratio: number) => `${Math.round(ratio * 1000) / 10}%`;

function cappedAt(lines: string[], max: number): string[] {
  return lines.length > max ? [...lines.slice(0, max), t('college.more', { count: lines.length - max })] : lines;
}

function coverageLine(c: Coverage): string {
  const status = c.branches === 0 ? t('tracking.coverageNone') : c.belowTarget ? t('tracking.coverageBelow', { needed: c.needed }) : t('tracking.coverageMet');
  return `${t('tracking.coverage', { participating: c.participating, branches: c.branches, percent: percent(c.ratio), target: percent(c.target) })}　${status}`;
}

/**
 * `/学院`: lists of up to 40 branches each; with long branch names the lists are shortened
 * until the card fits what Feishu takes (30 KB), the rest counted.
 */
export function collegeCard(v: CollegeView, reports: CollegeReports): CardJson {
  let c = collegeCardListing(v, reports, MAX_LINES);
  for (let max = MAX_LINES / 2; !fitsInCard(c) && max >= 5; max = Math.floor(max / 2)) c = collegeCardListing(v, reports, max);
  return c;
}

function collegeCardListing(v: CollegeView, reports: CollegeReports, maxLines: number): CardJson {
  const capped = (lines: string[]) => cappedAt(lines, maxLines);
  const behind = v.branches.filter((b) => !b.participating);
  const silent = v.branches.filter((b) => b.silent);
  const overview = [
    coverageLine(v.summary.coverage),
    t('tracking.participatingRule'),
    t('college.hours', { weekStart: v.window.weekStart, weekEnd: v.window.weekEnd, week: v.summary.weekHours, total: v.totalHours }),
    t('college.fourItems', { complete: v.summary.fourComplete, branches: v.branches.length }),
    t('college.members', { idle: v.idle, members: v.members }),
    v.pending.count ? t('college.pending', { count: v.pending.count, days: v.pending.oldestDays }) : t('college.pendingNone'),
    organisationsLine(v.organisations),
  ];
  const behindLines = behind.length
    ? [t('college.behindHead', { count: behind.length }), ...capped(behind.map((b) => t('college.behind', { branch: escapeMd(b.name), reasons: b.reasons.map((r) => t(`college.reason.${r}`)).join('；') })))]
    : [t('college.behindNone')];
  const silentLines = silent.length
    ? [t('college.silentHead', { count: silent.length }), ...capped(silent.map((b) => t('college.silent', {
      branch: escapeMd(b.name),
      last: b.lastServiceDate ? t('college.silentLast', { date: b.lastServiceDate, days: daysAgo(b.lastServiceDate, v.window.today) }) : t('college.silentNever'),
    })))]
    : [t('college.silentNone')];
  const deadlineLines = [t('college.deadlinesHead'), ...DEADLINES.flatMap((key) => {
    const states = v.branches.map((b) => b.deadlines[key].kind);
    const n = (k: string) => states.filter((s) => s === k).length;
    const missed = v.branches.filter((b) => b.deadlines[key].kind === 'missed').map((b) => escapeMd(b.name));
    const line = t('college.deadline', { label: t(`branch.deadline.${key}`), deadline: v.programYear[`${key}Deadline`], met: n('met'), late: n('late'), missed: n('missed'), open: n('open') });
    return missed.length ? [line, t('college.deadlineMissed', { branches: missed.slice(0, maxLines).join('、') })] : [line];
  })];
  const branchLines = [t('college.branchesHead'), ...capped(v.branches.map((b) => t('college.branch', {
    mark: b.participating ? '✅' : '❌',
    branch: escapeMd(b.name),
    four: fourDone(b),
    week: b.weekHours,
    total: b.totalHours,
    idle: b.idle,
    members: b.members,
    pending: b.pending ? t('college.branchPending', { count: b.pending }) : '',
  })))];
  const elements: Element[] = [
    markdown(overview.join('\n')),
    divider(),
    markdown(behindLines.join('\n')),
    markdown(silentLines.join('\n')),
    divider(),
    markdown(deadlineLines.join('\n')),
    markdown(reportLines(reports).join('\n')),
    divider(),
    markdown(branchLines.join('\n')),
    collegeRefresh.button(t('tracking.refresh'), { c: v.college.id }),
  ];
  return card({
    title: t('college.title', { college: v.college.name }),
    subtitle: subtitle((year) => t('college.subtitle', { year, today: v.window.today }), v.programYear.name),
    template: v.summary.coverage.belowTarget ? 'orange' : 'green',
    elements,
  });
}

/** The quarterly reports: this quarter's state, the next due date, the overdue ones. */
function reportLines(r: CollegeReports): string[] {
  const { quarter, status, late } = r.current;
  const state = t(`college.reportState.${status === 'submitted' && late ? 'submittedLate' : status}`);
  const lines = [
    t('college.reportsHead'),
    t('college.reportCurrent', { quarter: quarter.index, start: quarter.startsOn, due: quarter.dueOn, state }),
    r.next ? t('college.reportNext', { quarter: r.next.quarter.index, due: r.next.quarter.dueOn, days: r.next.daysLeft }) : t('college.reportNextNone'),
  ];
  if (r.overdue.length) lines.push(t('college.reportOverdue', { quarters: r.overdue.map((q) => t('college.reportOverdueItem', { quarter: q.index, due: q.dueOn })).join('、') }));
  return lines;
}

/** Student organisations, counted apart from the 团支部 coverage above them. */
function organisationsLine(o: OrganisationCounts): string {
  return t('tracking.organisations', { count: o.organisations, paired: o.paired, projects: o.projects });
}

function daysAgo(date: string, today: string): number {
  return Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${date}T00:00:00Z`)) / 86_400_000);
}

export function overviewCard(o: Overview): CardJson {
  const below = o.colleges.filter((c) => c.coverage.belowTarget).length;
  const head = t('overview.school', {
    participating: o.school.participating, branches: o.school.branches, percent: percent(o.school.ratio),
    week: o.school.weekHours, pending: o.school.pending, below, target: percent(o.programYear.targetRatio), counties: o.school.priorityCounties,
  });
  const rows = o.colleges.map((c, i) => t('overview.college', {
    rank: i + 1,
    mark: c.coverage.belowTarget ? '🔴' : '🟢',
    college: escapeMd(c.name),
    participating: c.coverage.participating,
    branches: c.coverage.branches,
    percent: percent(c.coverage.ratio),
    status: c.coverage.belowTarget ? t('overview.below', { needed: c.coverage.needed }) : t('overview.met'),
    paired: c.paired, active: c.active, four: c.fourComplete, week: c.weekHours, pending: c.pending, silent: c.silent,
  }));
  return card({
    title: t('overview.title', { year: o.programYear.name }),
    subtitle: subtitle(() => t('overview.subtitle', { today: o.window.today })),
    template: below ? 'orange' : 'green',
    elements: [
      markdown(`${head}\n${organisationsLine(o.organisations)}\n${t('tracking.participatingRule')}`),
      divider(),
      markdown(rows.length ? rows.join('\n') : t('overview.noColleges')),
      overviewRefresh.button(t('tracking.refresh'), {}),
    ],
  });
}
