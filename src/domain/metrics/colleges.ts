/**
 * Coverage against the target (PRODUCT.md §6): per college, participating branches / all
 * branches against the program year's target ratio, with the figures the college view and the
 * all-college overview show. Built from {@link branchFigures}, so both read the same rules.
 */
import type { When } from '../../time.js';
import type { Db } from '../../db/client.js';
import { programYears, type ProgramYear } from '../../db/schema/index.js';
import { eq } from 'drizzle-orm';
import { UserError } from '../errors.js';
import { branchFigures, fourDone, type BranchFigures } from './branches.js';
import { deadlinesByBranch, type BranchDeadlines } from './deadlines.js';
import { membershipByBranch } from './members.js';
import { groupBy } from './group.js';
import { counted, uncountedBranchHalfHours, yearEnd } from './counted.js';
import { metricsWindow, type MetricsWindow } from './window.js';
import { NO_ORGANISATIONS, organisationCounts, sumCounts, type OrganisationCounts } from './organisations.js';

export interface Coverage {
  branches: number;
  participating: number;
  /** participating / branches (0 with no branches). */
  ratio: number;
  target: number;
  /** Branches still needed to reach the target (0 when reached). */
  needed: number;
  belowTarget: boolean;
}

/** Coverage of `participating` out of `branches` against `target`. */
export function coverage(branches: number, participating: number, target: number): Coverage {
  // Compare in whole branches: 0.25 × 4 must need exactly 1, whatever the float rounding.
  const required = Math.ceil(target * branches - 1e-9);
  const needed = Math.max(0, required - participating);
  return { branches, participating, ratio: branches ? participating / branches : 0, target, needed, belowTarget: needed > 0 };
}

/** A program year by id, or a refusal when it is unknown. */
export function programYearById(db: Db, programYearId: number): ProgramYear {
  const py = db.select().from(programYears).where(eq(programYears.id, programYearId)).get();
  if (!py) throw new UserError('tracking.unknownYear');
  return py;
}

export interface CollegeSummary {
  id: number;
  name: string;
  coverage: Coverage;
  /** Branches with a counting signed pairing / with an approved log. */
  paired: number;
  active: number;
  /** Branches with all four of the "四个一" done. */
  fourComplete: number;
  weekHours: number;
  pending: number;
  silent: number;
}

function summarise(id: number, name: string, figures: BranchFigures[], target: number): CollegeSummary {
  const count = (p: (f: BranchFigures) => boolean) => figures.filter(p).length;
  return {
    id,
    name,
    coverage: coverage(figures.length, count((f) => f.participating), target),
    paired: count((f) => f.paired),
    active: count((f) => f.active),
    fourComplete: count((f) => fourDone(f) === 4),
    weekHours: figures.reduce((n, f) => n + f.weekHours, 0),
    pending: figures.reduce((n, f) => n + f.pending, 0),
    silent: count((f) => f.silent),
  };
}

export interface Overview {
  programYear: Pick<ProgramYear, 'id' | 'name' | 'startsOn' | 'endsOn' | 'targetRatio'>;
  window: MetricsWindow;
  /** Best coverage first; ties by name. */
  colleges: CollegeSummary[];
  school: Coverage & { weekHours: number; pending: number; priorityCounties: number };
  /** The school's student organisations, counted apart from the 团支部 coverage. */
  organisations: OrganisationCounts;
}

/**
 * Pairings of the year (signed in it, or still running from an earlier one) with a community
 * in a 国家乡村振兴重点帮扶县 (the notice: 条件允许的情况下，应优先与…结对), per college.
 * Student organisations' pairings count here too: the figure is of pairings, not of branch
 * coverage, and the notice asks the 团总支 to steer 学生会、学生社团、青年志愿者协会 into pairing
 * (就近就便…结对共建) by the same preference, so a county paired by a 青协 is the college's as much as
 * one paired by a 团支部.
 */
export function priorityCountyPairings(db: Db, programYearId: number): Map<number, number> {
  const rows = db.$client
    .prepare(`select b.college_id as id, count(*) as n from pairings p
        join branches b on b.id = p.branch_id
        where p.status != 'draft' and (p.program_year_id = @py or (p.program_year_id < @py and p.status != 'ended'))
          and exists(select 1 from community_tags t where t.community_id = p.community_id and t.tag = 'rural_revitalization_county')
        group by b.college_id`)
    .all({ py: programYearId }) as { id: number; n: number }[];
  return new Map(rows.map((r) => [r.id, r.n]));
}

/** All colleges side by side for `programYearId` at `now` (the /全校 view). */
export function schoolOverview(db: Db, programYearId: number, { now, tz }: When): Overview {
  const program = programYearById(db, programYearId);
  const win = metricsWindow(program, { now, tz });
  const figures = branchFigures(db, program, win, { collegeId: null });
  // College-level figures come from the log rows, so a 团总支's own logs (no branch) count too;
  // one correlated seek per college on service_logs_college_year_status_date_member.
  const ofCollege = `from service_logs s where s.college_id = c.id and s.program_year_id = @py`;
  const collegeRows = db.$client
    .prepare(`select c.id, c.name,
        (select coalesce(sum(s.half_hours), 0) ${ofCollege} and s.status = 'approved' and s.service_date between @weekStart and @weekEnd) as weekHalf,
        (select count(*) ${ofCollege} and s.status = 'pending') as pending
      from colleges c where ${counted('c')} order by c.id`)
    .all({ py: program.id, yearEnd: yearEnd(program), weekStart: win.weekStart, weekEnd: win.weekEnd }) as { id: number; name: string; weekHalf: number; pending: number }[];
  const byCollege = groupBy(figures, (f) => f.collegeId);
  const colleges = collegeRows
    .map((c) => ({ ...summarise(c.id, c.name, byCollege.get(c.id) ?? [], program.targetRatio), weekHours: c.weekHalf / 2, pending: c.pending }))
    .sort((a, b) => b.coverage.ratio - a.coverage.ratio || a.name.localeCompare(b.name, 'zh-CN'));
  const all = summarise(0, '', figures, program.targetRatio);
  return {
    programYear: program,
    window: win,
    colleges,
    school: {
      ...all.coverage, weekHours: colleges.reduce((n, c) => n + c.weekHours, 0), pending: colleges.reduce((n, c) => n + c.pending, 0),
      priorityCounties: [...priorityCountyPairings(db, program.id).values()].reduce((a, n) => a + n, 0),
    },
    organisations: sumCounts(organisationCounts(db, program).values()),
  };
}

type NotParticipatingReason = 'no_pairing' | 'no_log';

export interface CollegeBranch extends BranchFigures {
  members: number;
  idle: number;
  /** Why the branch does not count yet; empty when it participates. */
  reasons: NotParticipatingReason[];
  deadlines: BranchDeadlines;
}

export interface CollegeView {
  college: { id: number; name: string };
  programYear: Pick<ProgramYear, 'id' | 'name' | 'startsOn' | 'endsOn' | 'targetRatio' | 'pairingDeadline' | 'projectListDeadline' | 'matchingDeadline'>;
  window: MetricsWindow;
  summary: CollegeSummary;
  totalHours: number;
  members: number;
  idle: number;
  branches: CollegeBranch[];
  /** Pending logs of the college this year (admins' own included) and the oldest one's age in days. */
  pending: { count: number; oldestDays: number };
  /** The college's student organisations, counted apart from the 团支部 coverage. */
  organisations: OrganisationCounts;
}

/** Everything the /学院 view shows about one college in `programYearId` at `now`. */
export function collegeView(db: Db, college: { id: number; name: string }, programYearId: number, { now, tz }: When): CollegeView {
  const program = programYearById(db, programYearId);
  const win = metricsWindow(program, { now, tz });
  const figures = branchFigures(db, program, win, { collegeId: college.id });
  const membership = membershipByBranch(db, program, college.id);
  const deadlines = deadlinesByBranch(db, program, college.id, win.today, tz);
  const branches: CollegeBranch[] = figures.map((f) => ({
    ...f,
    totalHours: f.totalHours,
    members: membership.get(f.id)?.members ?? 0,
    idle: membership.get(f.id)?.idle ?? 0,
    reasons: [...(f.paired ? [] : ['no_pairing' as const]), ...(f.active ? [] : ['no_log' as const])],
    deadlines: deadlines.get(f.id)!,
  }));
  const pending = db.$client
    .prepare(`select count(*) as n, min(created_at) as oldest from service_logs where college_id = ? and program_year_id = ? and status = 'pending'`)
    .get(college.id, program.id) as { n: number; oldest: number | null };
  // College hours also count the 团总支's own logs (no branch) and the hours of branches archived
  // since (./counted.ts); the counted branches' totals are summed above, so only the rest is read
  // here rather than scanning the college's logs a second time.
  // `+college_id` keeps the planner on the branch index (branch_id is null): without statistics
  // it would otherwise walk the college's whole year in the covering college index.
  const hours = db.$client
    .prepare(`select coalesce((select sum(half_hours) from service_logs where college_id = @college and program_year_id = @py and status = 'approved' and service_date between @weekStart and @weekEnd), 0) as week,
                     coalesce((select sum(half_hours) from service_logs where branch_id is null and program_year_id = @py and status = 'approved' and +college_id = @college), 0)
                       + ${uncountedBranchHalfHours('@college')} as unbranched`)
    .get({ college: college.id, py: program.id, yearEnd: yearEnd(program), weekStart: win.weekStart, weekEnd: win.weekEnd }) as { week: number; unbranched: number };
  const branchHalf = figures.reduce((n, f) => n + f.totalHours * 2, 0);
  const summary = { ...summarise(college.id, college.name, figures, program.targetRatio), weekHours: hours.week / 2, pending: pending.n };
  return {
    college,
    programYear: program,
    window: win,
    summary,
    totalHours: (branchHalf + hours.unbranched) / 2,
    members: branches.reduce((n, b) => n + b.members, 0),
    idle: branches.reduce((n, b) => n + b.idle, 0),
    branches,
    pending: { count: pending.n, oldestDays: pending.oldest === null ? 0 : Math.max(0, Math.floor((now - pending.oldest) / 86_400_000)) },
    organisations: organisationCounts(db, program, college.id).get(college.id) ?? NO_ORGANISATIONS,
  };
}
