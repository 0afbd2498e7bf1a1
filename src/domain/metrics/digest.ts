/**
 * The figures of a weekly digest (PRODUCT.md §6), built on the tracking metrics
 * (src/domain/metrics) plus what only the digest needs: the reported week's and the week
 * before's hours, participation as it stood before the reported week ("change since last
 * week", recomputed from the database rather than kept as extra state), top contributors,
 * upcoming deadlines and excellent cases new since the previous digest to the same chat.
 *
 * A digest posted on Monday reports the week that has just ended (Monday–Sunday before it):
 * at 09:00 on a Monday the current week holds almost nothing.
 */
import type { Db } from '../../db/client.js';
import { FOUR_ITEMS, type ProgramYear } from '../../db/schema/index.js';
import { DEADLINES, type DeadlineKey } from '../branchStatus.js';
import { collegeView, schoolOverview, type CollegeView, type Overview } from './colleges.js';
import { deadlinesByBranch } from './deadlines.js';
import { countingPairing } from './branches.js';
import { counted, yearEnd } from './counted.js';
import { dayjs } from '../../time.js';
import type { DigestWeek } from './digestWeek.js';
import { groupBy } from './group.js';

/** How far ahead the digest lists deadlines. */
export const DEADLINE_HORIZON_DAYS = 14;
const TOP_COLLEGE = 5;
const TOP_SCHOOL = 10;
const MAX_CASES = 5;
/** Without an earlier digest to the chat, cases this recent count as new. */
const FIRST_CASES_MS = 7 * 86_400_000;

export interface Contributor {
  name: string;
  /** Branch (college digest) or college (school digest) name. */
  unit: string;
  hours: number;
}

export type NewCase =
  | { kind: 'log'; citation: string; name: string; unit: string; date: string }
  | { kind: 'report'; citation: string; college: string; title: string };

export interface UpcomingDeadline {
  key: DeadlineKey;
  date: string;
  daysLeft: number;
  /** Names of the branches that have not done it yet. */
  open: string[];
}

interface Common {
  week: DigestWeek;
  program: ProgramYear;
  hours: { week: number; previous: number; total: number };
  /**
   * Participating branches as the data stands on the last day of the week before the reported
   * one, and on the last day of the reported week: "较上周" compares like with like, so a log
   * dated after the reported week never counts as this week's change and again as next week's.
   */
  participatingBefore: number;
  participatingEnd: number;
  /** Participating branches at the end of each of the last weeks (oldest first, within the year), for the chart. */
  trend: { end: string; participating: number }[];
  top: Contributor[];
  deadlines: UpcomingDeadline[];
  cases: NewCase[];
}

export interface CollegeDigest extends Common {
  scope: 'college';
  view: CollegeView;
}

export interface SchoolDigest extends Common {
  scope: 'school';
  overview: Overview;
}

export type Digest = CollegeDigest | SchoolDigest;

/**
 * School-wide figures read once per run and shared by every digest of it: hours of the two
 * weeks and of the year per college, participation before the reported week per college.
 */
/** Week-ends in the digest's chart of participating branches. */
const TREND_WEEKS = 4;

export class DigestFigures {
  private hoursByCollege?: Map<number, { week: number; previous: number }>;
  /** Year totals per college, from the college views built in this run (see `yearTotal`). */
  private readonly totalByCollege = new Map<number, number>();
  /** The all-college digest's overview and top contributors, read by `warm` ahead of the chats. */
  private overview?: Overview;
  private schoolTop?: Contributor[];
  /** Per college, the day each of its participating branches began to (pairing signed and first log, whichever came later). */
  private participatingSince?: Map<number, { since: string | null }[]>;

  constructor(
    private readonly db: Db,
    readonly program: ProgramYear,
    readonly week: DigestWeek,
    private readonly now: number,
    private readonly tz: string,
  ) {}

  /**
   * Hours of the reported week and the week before, per college. Only those two weeks are
   * read, one covering range of service_logs_college_year_status_date_member per college (whatever
   * the planner's statistics); the year's totals come from the college views (`yearTotal`).
   */
  private hours(collegeId: number | null): { week: number; previous: number } {
    this.hoursByCollege ??= new Map(
      (this.db.$client
        .prepare(`select college_id as id,
            coalesce(sum(case when service_date between @rs and @re then half_hours end), 0) as week,
            coalesce(sum(case when service_date between @ps and @pe then half_hours end), 0) as previous
          from service_logs where college_id in (select id from colleges) and program_year_id = @py and status = 'approved' and service_date between @ps and @re
          group by college_id`)
        .all({ py: this.program.id, rs: this.week.report.start, re: this.week.report.end, ps: this.week.previous.start, pe: this.week.previous.end }) as { id: number; week: number; previous: number }[])
        .map((r) => [r.id, { week: r.week / 2, previous: r.previous / 2 }]),
    );
    const rows = collegeId === null ? [...this.hoursByCollege.values()] : [this.hoursByCollege.get(collegeId) ?? { week: 0, previous: 0 }];
    return rows.reduce((a, r) => ({ week: a.week + r.week, previous: a.previous + r.previous }), { week: 0, previous: 0 });
  }

  /**
   * The year's approved hours of the whole school: the sum of the college totals the college
   * digests of this run already computed (the school digest goes last), topped up with a
   * college view for any college without a group.
   */
  private yearTotal(collegeIds: { id: number; name: string }[]): number {
    return collegeIds.reduce((sum, c) => {
      if (!this.totalByCollege.has(c.id)) this.totalByCollege.set(c.id, collegeView(this.db, c, this.program.id, { now: this.now, tz: this.tz }).totalHours);
      return sum + this.totalByCollege.get(c.id)!;
    }, 0);
  }

  /** Participating branches at the last TREND_WEEKS week-ends up to the reported week's, none before the year began. */
  private trend(collegeId: number | null): { end: string; participating: number }[] {
    const ends = Array.from({ length: TREND_WEEKS }, (_, i) => dayjs.utc(this.week.report.end).subtract(7 * (TREND_WEEKS - 1 - i), 'day').format('YYYY-MM-DD'));
    return ends.filter((end) => end >= this.program.startsOn).map((end) => ({ end, participating: this.participatingAsOf(collegeId, end) }));
  }

  /** The day before the reported week began. */
  private eve(): string {
    return dayjs.utc(this.week.report.start).subtract(1, 'day').format('YYYY-MM-DD');
  }

  /**
   * Participating branches as the data stood at the end of `day` (signings and service dates
   * up to then): counted branches whose earliest counting pairing was signed, and whose first
   * approved log of the year is dated, on or before `day`. Both dates are read once per run (an
   * index seek per branch), so the digest's five days — the eve, the week's end and the chart's —
   * cost one query, not five full counts.
   */
  private participatingAsOf(collegeId: number | null, day: string): number {
    if (!this.participatingSince) {
      const rows = this.db.$client
        .prepare(`select b.college_id as id, max(
            (select min(p.signed_on) from pairings p where p.branch_id = b.id and ${countingPairing('p')}),
            (select min(s.service_date) from service_logs s where s.branch_id = b.id and s.program_year_id = @py and s.status = 'approved' and s.service_date <= @endsOn)) as since
          from branches b where b.kind = 'branch' and ${counted('b')}`)
        .all({ py: this.program.id, yearEnd: yearEnd(this.program), startsOn: this.program.startsOn, endsOn: this.program.endsOn }) as { id: number; since: string | null }[];
      this.participatingSince = groupBy(rows.filter((r) => r.since !== null), (r) => r.id);
    }
    const rows = collegeId === null ? [...this.participatingSince.values()].flat() : (this.participatingSince.get(collegeId) ?? []);
    return rows.filter((r) => r.since! <= day).length;
  }

  /**
   * Members with the most approved hours dated in the reported week; names only. The week's
   * logs are summed per member from service_logs_college_year_status_date_member alone (one covering
   * range per college) and only the top rows are joined to their names.
   */
  private top(collegeId: number | null): Contributor[] {
    const college = collegeId !== null;
    return (this.db.$client
      .prepare(`select m.name, ${college ? `coalesce(b.name, c.name)` : 'c.name'} as unit, w.half
        from (select s.member_id, s.college_id, s.branch_id, sum(s.half_hours) as half from service_logs s
          where s.college_id ${college ? '= @college' : 'in (select id from colleges)'} and s.program_year_id = @py and s.status = 'approved' and s.service_date between @rs and @re
          group by s.member_id order by half desc, s.member_id limit ${college ? TOP_COLLEGE : TOP_SCHOOL}) w
        join members m on m.id = w.member_id join colleges c on c.id = w.college_id left join branches b on b.id = w.branch_id
        order by w.half desc, w.member_id`)
      .all({ py: this.program.id, rs: this.week.report.start, re: this.week.report.end, ...(college ? { college: collegeId } : {}) }) as { name: string; unit: string; half: number }[])
      .map((r) => ({ name: r.name, unit: r.unit, hours: r.half / 2 }));
  }

  /** Deadlines of the year falling within the next 14 days, with the branches still to do them. */
  private deadlines(collegeIds: number[], branchNames: Map<number, string>, view?: CollegeView): UpcomingDeadline[] {
    const today = this.week.today;
    const horizon = dayjs.utc(today).add(DEADLINE_HORIZON_DAYS, 'day').format('YYYY-MM-DD');
    const date: Record<DeadlineKey, string> = { pairing: this.program.pairingDeadline, projectList: this.program.projectListDeadline, matching: this.program.matchingDeadline };
    const due = DEADLINES.filter((k) => date[k] >= today && date[k] <= horizon);
    if (!due.length) return [];
    // The college view already judged its branches; the school digest judges every college's.
    const states = view
      ? new Map(view.branches.map((b) => [b.id, b.deadlines]))
      : new Map(collegeIds.flatMap((id) => [...deadlinesByBranch(this.db, this.program, id, today, this.tz)]));
    return due.map((key) => ({
      key,
      date: date[key],
      daysLeft: dayjs.utc(date[key]).diff(dayjs.utc(today), 'day'),
      open: [...states].filter(([, s]) => s[key].kind === 'open').map(([id]) => branchNames.get(id) ?? ''),
    }));
  }

  /** Excellent cases marked since the last digest posted to `target` (any college's: they are examples for all). */
  cases(target: string, period: string): NewCase[] {
    const last = this.db.$client
      .prepare(`select max(finished_at) as at from job_runs where kind = 'digest' and target = ? and status = 'done' and period != ?`)
      .get(target, period) as { at: number | null };
    const since = last.at ?? this.now - FIRST_CASES_MS;
    const rows = this.db.$client
      .prepare(`select e.subject_kind as kind, e.citation, m.name, coalesce(b.name, lc.name) as unit, s.service_date as date, rc.name as college, r.title
        from excellent_cases e
        left join service_logs s on e.subject_kind = 'log' and s.id = e.subject_id
        left join members m on m.id = s.member_id
        left join branches b on b.id = s.branch_id
        left join colleges lc on lc.id = s.college_id
        left join quarterly_reports r on e.subject_kind = 'report' and r.id = e.subject_id
        left join colleges rc on rc.id = r.college_id
        where e.created_at > @since and e.created_at <= @now
        order by e.created_at desc, e.id desc limit ${MAX_CASES}`)
      .all({ since, now: this.now }) as { kind: 'log' | 'report'; citation: string; name: string | null; unit: string | null; date: string | null; college: string | null; title: string | null }[];
    return rows.map((r) =>
      r.kind === 'log'
        ? { kind: 'log', citation: r.citation, name: r.name ?? '', unit: r.unit ?? '', date: r.date ?? '' }
        : { kind: 'report', citation: r.citation, college: r.college ?? '', title: r.title ?? '' },
    );
  }

  /**
   * Reads the figures the run's digests share — the two weeks' hours, when each branch began to
   * participate and, with `school`, the all-college overview and top — one query at a time,
   * letting the event loop run between them: built inside the first digest instead, they held
   * the loop (and the acks of arriving events) for their sum, 0.5 s on a province-sized school.
   */
  async warm(school: boolean): Promise<void> {
    const steps: (() => unknown)[] = [() => this.hours(null), () => this.participatingAsOf(null, this.week.report.end)];
    if (school) steps.push(() => (this.overview = schoolOverview(this.db, this.program.id, { now: this.now, tz: this.tz })), () => (this.schoolTop = this.top(null)));
    for (const step of steps) {
      step();
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /** Everything the digest of one college shows. */
  college(college: { id: number; name: string }, target: string): CollegeDigest {
    const view = collegeView(this.db, college, this.program.id, { now: this.now, tz: this.tz });
    this.totalByCollege.set(college.id, view.totalHours);
    const names = new Map(view.branches.map((b) => [b.id, b.name]));
    return {
      scope: 'college',
      view,
      week: this.week,
      program: this.program,
      hours: { ...this.hours(college.id), total: view.totalHours },
      participatingBefore: this.participatingAsOf(college.id, this.eve()),
      participatingEnd: this.participatingAsOf(college.id, this.week.report.end),
      trend: this.trend(college.id),
      top: this.top(college.id),
      deadlines: this.deadlines([college.id], names, view),
      cases: this.cases(target, this.week.key),
    };
  }

  /** Everything the all-college digest to the 团委's group shows. */
  school(target: string): SchoolDigest {
    const overview = this.overview ?? schoolOverview(this.db, this.program.id, { now: this.now, tz: this.tz });
    const names = new Map((this.db.$client.prepare('select id, name from branches').all() as { id: number; name: string }[]).map((b) => [b.id, b.name]));
    return {
      scope: 'school',
      overview,
      week: this.week,
      program: this.program,
      hours: { ...this.hours(null), total: this.yearTotal(overview.colleges.map((c) => ({ id: c.id, name: c.name }))) },
      participatingBefore: this.participatingAsOf(null, this.eve()),
      participatingEnd: this.participatingAsOf(null, this.week.report.end),
      trend: this.trend(null),
      top: this.schoolTop ?? this.top(null),
      deadlines: this.deadlines(overview.colleges.map((c) => c.id), names),
      cases: this.cases(target, this.week.key),
    };
  }
}

/** How many branches of a college view have each of the "四个一" items done. */
export function fourItemCounts(view: CollegeView): Record<(typeof FOUR_ITEMS)[number], number> {
  return Object.fromEntries(FOUR_ITEMS.map((i) => [i, view.branches.filter((b) => b.fourItems[i]).length])) as Record<(typeof FOUR_ITEMS)[number], number>;
}
