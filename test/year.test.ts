/**
 * A year in one test (issue 16 point 7): a generated school (3 colleges, 20 branches, 600 members)
 * driven through the bot on the injected clock from the first day of program year 2026-2027 to a
 * week past its rollover into 2027-2028. Everything goes in as Feishu would send it — the roster
 * file from the 团委, /绑定, /绑定群, /结对 (and its card), the settings card with the vacations,
 * logs by form, by a sentence and by 报到 → 签退, review cards, /审核 → 全部通过, /总结, a mid-year
 * roster with a graduating class gone and a student moved, 「开始下一实践年度」 — and the scheduler
 * runs its jobs at the virtual time (runDue, as local mode's clock buttons do).
 *
 * After each simulated week: every figure of /学院 (asked by each 团总支, and by the 团委 for one
 * college in turn), /全校 and the Monday digests equals a recomputation from the raw tables written
 * here (PRODUCT.md §6: participating = a counting signed pairing + an approved log of the year;
 * archived branches and inactive members out, once a roster sync sets those columns); each digest
 * went to each bound chat exactly once per week, each reminder to its receiver exactly once; and
 * the platform stand-in refused nothing and saw no defect.
 *
 * The roster sync of PRODUCT.md §8 (missing members inactive, an emptied branch archived, its
 * hours kept in the college's 本年度累计) is checked by `expectGraduatesInactive`; the recount
 * follows archived_at / left_at.
 */
import type { Statement } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../src/local/random.js';
import { importRosterFile } from '../src/app/import/roster.js';
import { t } from '../src/text/zh-CN.js';
import type { SentMessage } from './fakes/openApi.js';
import { startHarness, TestClock, type Harness } from './helpers/harness.js';
import { answerCard, button, buttons, cardText, checkIn, field, said, submitLog } from './helpers/loop.js';
import { generateSchool, importRosterThroughBot, rosterCsv, rosterRows, type Person, type RosterRow, type School, type SchoolBranch, type SchoolCollege } from './helpers/yearSchool.js';

const DAY = 86_400_000;
/** A Beijing wall-clock time on a date. */
const at = (date: string, hhmm: string) => Date.parse(`${date}T${hhmm}:00+08:00`);
const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
/** 0 = Sunday … 6 = Saturday. */
const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();

// ── the script of the year ───────────────────────────────────────────────────

const FIRST_DAY = '2026-10-01';
const LAST_DAY = '2027-10-12';
const WINTER = { start: '2027-01-16', end: '2027-02-24' };
const SUMMER = { start: '2027-07-10', end: '2027-08-31' };
const inVacation = (d: string) => (d >= WINTER.start && d <= WINTER.end) || (d >= SUMMER.start && d <= SUMMER.end);
/** The second roster: the graduating class 计科2301 (branch 0) is gone, one student has moved. */
const ROSTER_SYNC_DAY = '2027-07-05';
const GRADUATING = 0;
/** 会计2401's fifth student moves to 计科2401 (another college). */
const MOVER = { from: 8, student: 4, to: 1 } as const;
const NEXT_YEAR_DAY = '2027-09-20';

/** When each branch signs its pairing with /结对 (none: 电商2601 and 日语2601 never do). */
const PAIR_ON: Record<number, string> = {
  0: '2026-10-09', 1: '2026-10-12', 2: '2026-10-15', 3: '2026-10-20', 4: '2026-10-22', 5: '2026-11-02', 6: '2026-11-05',
  7: '2026-10-13', 8: '2026-10-16', 9: '2026-10-26', 10: '2026-11-20', 11: '2026-11-09', 12: '2026-10-29',
  14: '2026-10-14', 15: '2026-10-21', 16: '2026-12-07', 17: '2026-11-03', 18: '2026-11-10',
};
/** The branch whose secretary completes the pairing card with 国家乡村振兴重点帮扶县. */
const PRIORITY_COUNTY_BRANCH = 17;
const COMMUNITIES = ['松山社区', '凌河社区', '古塔社区', '太和社区', '北湖社区', '南山社区', '东湖社区', '西山社区', '紫荆社区', '兴隆社区', '向阳社区', '光明社区', '和平社区', '友谊社区', '建设社区', '胜利社区', '新华社区', '人民社区', '青年社区', '朝阳村'];

/** From when a branch's members log service: a few days after pairing; 电商2601 (13) without one; 软工2501 (6) and 日语2601 (19) never. */
function logsFrom(b: number): string | null {
  if (b === 6 || b === 19) return null;
  if (b === 13) return '2026-10-20';
  return addDays(PAIR_ON[b]!, 2);
}
/** 英语2401 (15) stops after the first semester and goes silent; the graduates stop at the second roster. */
function logsUntil(b: number): string {
  if (b === 15) return '2027-01-10';
  if (b === GRADUATING) return addDays(ROSTER_SYNC_DAY, -1);
  return LAST_DAY;
}
/** Branches doing all four items; the others never do 项目, so "四个一" stays open for them. */
const allFour = (b: number) => b % 3 === 0;
/** 计科2601's secretary reviews once a week, on Monday, with /审核 → 全部通过 instead of the cards. */
const BULK_REVIEWER = 3;

/**
 * Quarterly reports: [college, quarter, day submitted], in the order /总结 opens them (the
 * earliest quarter not yet submitted): 外国语学院 misses the second and hands it in late with the third.
 */
const REPORTS: [number, number, string][] = [
  [0, 1, '2026-12-28'], [1, 1, '2026-12-28'], [2, 1, '2026-12-31'],
  [0, 2, '2027-03-20'], [1, 2, '2027-03-30'],
  [0, 3, '2027-06-15'], [1, 3, '2027-06-15'], [2, 2, '2027-06-15'], [2, 3, '2027-06-15'],
  [0, 4, '2027-09-15'], [1, 4, '2027-09-15'], [2, 4, '2027-09-15'],
];
const DUE = ['2026-12-31', '2027-03-31', '2027-06-30', '2027-09-30'];

/** The same "random" year on every run. */
const random = seededRandom;

// ── reading the cards ────────────────────────────────────────────────────────

const num = (s: string | undefined) => Number(s);
function match(text: string, re: RegExp, what: string): RegExpMatchArray {
  const m = text.match(re);
  if (!m) throw new Error(`no ${what} in:\n${text}`);
  return m;
}
/** "没有" lines read as zero. */
function countOr0(text: string, re: RegExp, none: string, what: string): number {
  if (text.includes(none)) return 0;
  return num(match(text, re, what)[1]);
}

interface BranchLine { name: string; participating: boolean; four: number; week: number; total: number; idle: number; members: number; pending: number }
interface CollegeFigures {
  participating: number; branches: number; percent: number; week: number; total: number; fourComplete: number;
  idle: number; members: number; pending: number; oldestDays: number; silent: number; behind: number; branchLines: BranchLine[];
}

function readCollegeCard(text: string): CollegeFigures {
  const cov = match(text, /\*\*覆盖率\*\*：(\d+)\/(\d+) 个团支部参与（([\d.]+)%）/, 'coverage');
  const hours = match(text, /\*\*已认证时长\*\*：本周（\S+ 至 \S+）([\d.]+) 小时 · 本年度累计 ([\d.]+) 小时/, 'hours');
  const four = match(text, /\*\*"四个一"全部完成\*\*：(\d+)\/(\d+) 个团支部/, 'four');
  const idle = match(text, /\*\*尚未参与的成员\*\*：(\d+)\/(\d+) 人/, 'members');
  const pending = text.includes('**待审核**：没有。') ? null : match(text, /\*\*待审核\*\*：(\d+) 条，最早的已等 (\d+) 天/, 'pending');
  const branchLines = [...text.matchAll(/^- (✅|❌) (.+?) · "四个一" (\d)\/4 · 本周 ([\d.]+) 小时 · 累计 ([\d.]+) 小时 · 未参与成员 (\d+)\/(\d+)(?: · 待审核 (\d+))?$/gm)].map((m) => ({
    name: m[2]!, participating: m[1] === '✅', four: num(m[3]), week: num(m[4]), total: num(m[5]), idle: num(m[6]), members: num(m[7]), pending: m[8] ? num(m[8]) : 0,
  }));
  return {
    participating: num(cov[1]), branches: num(cov[2]), percent: num(cov[3]), week: num(hours[1]), total: num(hours[2]), fourComplete: num(four[1]),
    idle: num(idle[1]), members: num(idle[2]), pending: pending ? num(pending[1]) : 0, oldestDays: pending ? num(pending[2]) : 0,
    silent: countOr0(text, /\*\*沉寂团支部\*\*（近 30 天没有已认证的服务记录，(\d+) 个）/, '**沉寂团支部**：没有。', 'silent'),
    behind: countOr0(text, /\*\*尚未参与的团支部\*\*（(\d+) 个）/, '**尚未参与的团支部**：没有', 'behind'),
    branchLines,
  };
}

interface OverviewCollege { name: string; participating: number; branches: number; percent: number; needed: number; paired: number; active: number; four: number; week: number; pending: number; silent: number }
interface OverviewFigures { participating: number; branches: number; percent: number; week: number; pending: number; below: number; counties: number; colleges: OverviewCollege[] }

function readOverviewCard(text: string): OverviewFigures {
  const school = match(text, /\*\*全校\*\*：(\d+)\/(\d+) 个团支部参与（([\d.]+)%）· 本周已认证 ([\d.]+) 小时 · 待审核 (\d+) 条/, 'school line');
  const colleges = [...text.matchAll(/^\d+\. (?:🔴|🟢) \*\*(.+?)\*\* · (\d+)\/(\d+)（([\d.]+)%）(?: · ❌ 未达标，还差 (\d+) 个| · ✅ 达标)\n　已结对 (\d+) · 有服务记录 (\d+) · "四个一"全部完成 (\d+) · 本周 ([\d.]+) 小时 · 待审核 (\d+) · 沉寂 (\d+)$/gm)].map((m) => ({
    name: m[1]!, participating: num(m[2]), branches: num(m[3]), percent: num(m[4]), needed: m[5] ? num(m[5]) : 0,
    paired: num(m[6]), active: num(m[7]), four: num(m[8]), week: num(m[9]), pending: num(m[10]), silent: num(m[11]),
  }));
  return {
    participating: num(school[1]), branches: num(school[2]), percent: num(school[3]), week: num(school[4]), pending: num(school[5]),
    below: num(match(text, /\*\*未达标学院\*\*：(\d+) 个/, 'below')[1]),
    counties: num(match(text, /\*\*与国家乡村振兴重点帮扶县结对\*\*：(\d+) 个/, 'counties')[1]),
    colleges,
  };
}

interface DigestFigures {
  week: string; today: string; participating: number; branches: number; before: number; end: number;
  reportWeek: number; previousWeek: number; total: number; fourComplete: number; pending: number; silent: number;
  members?: { active: number; total: number };
  top: { name: string; unit: string; hours: number }[];
}

function readDigest(text: string, scope: 'college' | 'school'): DigestFigures {
  const sub = match(text, /(\d{4}-W\d\d) · 统计至 (\d{4}-\d\d-\d\d)/, 'subtitle');
  const cov = match(text, /\*\*覆盖率\*\*：(\d+)\/(\d+) 个团支部参与/, 'coverage');
  const change = match(text, /\*\*较上周\*\*：[+-]?\d+ 个参与团支部（前一周末 (\d+) 个，上周末 (\d+) 个）/, 'change');
  const hours = match(text, /\*\*已认证时长\*\*：上周（\S+ 至 \S+）([\d.]+) 小时（前一周 ([\d.]+) 小时）· 本年度累计 ([\d.]+) 小时/, 'hours');
  const four = match(text, /\*\*"四个一"\*\*：全部完成 (\d+)\/\d+ 个团支部/, 'four');
  const members = scope === 'college' ? match(text, /\*\*成员参与\*\*：(\d+)\/(\d+) 名成员/, 'members') : null;
  const silentRe = scope === 'college' ? /\*\*沉寂团支部\*\*（近 30 天没有已认证的服务记录，(\d+) 个）/ : /\*\*沉寂团支部\*\*（近 30 天没有已认证的服务记录）：(\d+) 个/;
  const topBlock = text.split('**上周服务时长前')[1] ?? '';
  const top = [...topBlock.matchAll(/^\d+\. (.+?)（(.+?)）([\d.]+) 小时$/gm)].map((m) => ({ name: m[1]!, unit: m[2]!, hours: num(m[3]) }));
  return {
    week: sub[1]!, today: sub[2]!, participating: num(cov[1]), branches: num(cov[2]), before: num(change[1]), end: num(change[2]),
    reportWeek: num(hours[1]), previousWeek: num(hours[2]), total: num(hours[3]), fourComplete: num(four[1]),
    pending: countOr0(text, /\*\*待审核\*\*：(\d+) 条/, '**待审核**：没有。', 'pending'),
    silent: countOr0(text, silentRe, '**沉寂团支部**：没有。', 'silent'),
    ...(members ? { members: { active: num(members[1]), total: num(members[2]) } } : {}),
    top,
  };
}

// ── the same figures from the raw tables ─────────────────────────────────────

interface Year { id: number; name: string; startsOn: string; endsOn: string; targetRatio: number }

/**
 * The rules of PRODUCT.md §6/§8 written again over the raw tables: nothing here calls the bot's
 * metrics. A branch archived, or a member gone (left_at), before a year's end is out of that
 * year's figures; their approved logs stay in the hours of where they were earned.
 */
class Recount {
  private readonly statements = new Map<string, Statement>();
  constructor(private readonly h: Harness) {}

  /** Each statement compiled once: the recount runs every week and must not cost the year its time. */
  private prepare(text: string): Statement {
    let statement = this.statements.get(text);
    if (!statement) this.statements.set(text, (statement = this.h.bot.db.$client.prepare(text)));
    return statement;
  }

  yearContaining(date: string): Year | undefined {
    return this.prepare('select id, name, starts_on as startsOn, ends_on as endsOn, target_ratio as targetRatio from program_years where starts_on <= ? and ends_on >= ?').get(date, date) as Year | undefined;
  }

  colleges(): { id: number; name: string }[] {
    return this.prepare('select id, name from colleges where archived_at is null order by id').all() as { id: number; name: string }[];
  }

  /** Every branch of a college counting in `year`, with its figures on `today` (local date, not clamped). */
  branches(collegeId: number, year: Year, today: string) {
    const end = year.endsOn;
    const clamped = today > end ? end : today;
    const monday = addDays(today, -((weekday(today) + 6) % 7));
    const params = { college: collegeId, py: year.id, startsOn: year.startsOn, endsOn: end, yearEnd: at(addDays(end, 1), '00:00'), ws: monday, we: addDays(monday, 6) };
    const approved = `from service_logs s where s.branch_id = b.id and s.program_year_id = @py and s.status = 'approved'`;
    const stillMember = `(m.left_at is null or m.left_at >= @yearEnd)`;
    const rows = this.prepare(`select b.id, b.name,
        exists(select 1 from pairings p where p.branch_id = b.id and p.signed_on is not null
          and ((p.status = 'signed' and p.signed_on <= @endsOn) or (p.status = 'ended' and p.signed_on between @startsOn and @endsOn))) as paired,
        (select count(*) ${approved}) as approved,
        (select count(distinct s.item) ${approved} and s.item in ('shishi', 'zoufang', 'huodong', 'xiangmu')) as four,
        (select max(s.service_date) ${approved}) as last,
        (select coalesce(sum(s.half_hours), 0) ${approved} and s.service_date between @ws and @we) as weekHalf,
        (select coalesce(sum(s.half_hours), 0) ${approved}) as totalHalf,
        (select count(*) from service_logs s where s.branch_id = b.id and s.program_year_id = @py and s.status = 'pending') as pending,
        (select count(*) from members m where m.branch_id = b.id and ${stillMember}) as members,
        (select count(*) from members m where m.branch_id = b.id and ${stillMember}
          and not exists(select 1 from service_logs s where s.member_id = m.id and s.program_year_id = @py and s.status = 'approved')) as idle
      from branches b where b.college_id = @college and (b.archived_at is null or b.archived_at >= @yearEnd) order by b.id`).all(params) as {
      id: number; name: string; paired: number; approved: number; four: number; last: string | null; weekHalf: number; totalHalf: number; pending: number; members: number; idle: number;
    }[];
    const silentBefore = addDays(clamped, -29);
    return rows.map((r) => ({
      id: r.id, name: r.name, paired: r.paired === 1, active: r.approved > 0, participating: r.paired === 1 && r.approved > 0, four: r.four,
      silent: r.last === null || r.last < silentBefore, week: r.weekHalf / 2, total: r.totalHalf / 2, pending: r.pending, members: r.members, idle: r.idle,
    }));
  }

  /** Hours and pending of everything filed under the college (its 团总支's own logs too). */
  collegeLogs(collegeId: number, year: Year, from: string, to: string, now: number) {
    const r = this.prepare(`select
        coalesce(sum(case when status = 'approved' and service_date between @from and @to then half_hours end), 0) as rangeHalf,
        coalesce(sum(case when status = 'approved' then half_hours end), 0) as totalHalf,
        count(case when status = 'pending' then 1 end) as pending,
        min(case when status = 'pending' then created_at end) as oldest
      from service_logs where college_id = @college and program_year_id = @py`).get({ college: collegeId, py: year.id, from, to }) as { rangeHalf: number; totalHalf: number; pending: number; oldest: number | null };
    return { range: r.rangeHalf / 2, total: r.totalHalf / 2, pending: r.pending, oldestDays: r.oldest === null ? 0 : Math.max(0, Math.floor((now - r.oldest) / DAY)) };
  }

  /** /学院 of one college as it should read on `now`. */
  college(collegeId: number, year: Year, now: number): CollegeFigures {
    const today = localDate(now);
    const monday = addDays(today, -((weekday(today) + 6) % 7));
    const bs = this.branches(collegeId, year, today);
    const logs = this.collegeLogs(collegeId, year, monday, addDays(monday, 6), now);
    const participating = bs.filter((b) => b.participating).length;
    return {
      participating, branches: bs.length, percent: pct(participating, bs.length), week: logs.range, total: logs.total,
      fourComplete: bs.filter((b) => b.four === 4).length, idle: sum(bs, (b) => b.idle), members: sum(bs, (b) => b.members),
      pending: logs.pending, oldestDays: logs.oldestDays, silent: bs.filter((b) => b.silent).length, behind: bs.length - participating,
      branchLines: bs.map((b) => ({ name: b.name, participating: b.participating, four: b.four, week: b.week, total: b.total, idle: b.idle, members: b.members, pending: b.pending })),
    };
  }

  overview(year: Year, now: number): OverviewFigures {
    const colleges = this.colleges().map((c) => {
      const f = this.college(c.id, year, now);
      const bs = this.branches(c.id, year, localDate(now));
      return {
        name: c.name, participating: f.participating, branches: f.branches, percent: f.percent, needed: needed(year.targetRatio, f.branches, f.participating),
        paired: bs.filter((b) => b.paired).length, active: bs.filter((b) => b.active).length, four: f.fourComplete, week: f.week, pending: f.pending, silent: f.silent,
      };
    }).sort((a, b) => b.participating / (b.branches || 1) - a.participating / (a.branches || 1) || a.name.localeCompare(b.name, 'zh-CN'));
    const participating = sum(colleges, (c) => c.participating);
    const branches = sum(colleges, (c) => c.branches);
    return {
      participating, branches, percent: pct(participating, branches), week: sum(colleges, (c) => c.week), pending: sum(colleges, (c) => c.pending),
      below: colleges.filter((c) => c.needed > 0).length, counties: this.priorityCounties(year), colleges,
    };
  }

  private priorityCounties(year: Year): number {
    return (this.prepare(`select count(*) as n from pairings p where p.status != 'draft'
        and (p.program_year_id = @py or (p.program_year_id < @py and p.status != 'ended'))
        and exists(select 1 from community_tags t where t.community_id = p.community_id and t.tag = 'rural_revitalization_county')`).get({ py: year.id }) as { n: number }).n;
  }

  /** Branches participating as the data stands at the end of `day` (signed and served by then). */
  participatingOn(collegeId: number | null, year: Year, day: string): number {
    const end = day < year.endsOn ? day : year.endsOn;
    return (this.prepare(`select count(*) as n from branches b join colleges c on c.id = b.college_id
        where (@college is null or b.college_id = @college) and c.archived_at is null and (b.archived_at is null or b.archived_at >= @yearEnd)
          and exists(select 1 from pairings p where p.branch_id = b.id and p.signed_on is not null
            and ((p.status = 'signed' and p.signed_on <= @end) or (p.status = 'ended' and p.signed_on between @startsOn and @end)))
          and exists(select 1 from service_logs s where s.branch_id = b.id and s.program_year_id = @py and s.status = 'approved' and s.service_date <= @end)`)
      .get({ college: collegeId, py: year.id, startsOn: year.startsOn, end, yearEnd: at(addDays(year.endsOn, 1), '00:00') }) as { n: number }).n;
  }

  /** The members with the most approved hours dated in the week, then by id. */
  top(collegeId: number | null, year: Year, from: string, to: string, limit: number) {
    const rows = this.prepare(`select s.member_id as id, sum(s.half_hours) as half from service_logs s
        where (@college is null or s.college_id = @college) and s.program_year_id = @py and s.status = 'approved' and s.service_date between @from and @to
        group by s.member_id order by half desc, s.member_id limit ${limit}`).all({ college: collegeId, py: year.id, from, to }) as { id: number; half: number }[];
    return rows.map((r) => {
      const m = this.prepare(`select m.name, (select coalesce(b.name, c.name) from service_logs s join colleges c on c.id = s.college_id left join branches b on b.id = s.branch_id
          where s.member_id = m.id and s.program_year_id = @py and s.status = 'approved' and s.service_date between @from and @to limit 1) as unit from members m where m.id = @id`)
        .get({ id: r.id, py: year.id, from, to }) as { name: string; unit: string };
      return { name: m.name, unit: collegeId === null ? this.collegeOfMemberLogs(r.id, year, from, to) : m.unit, hours: r.half / 2 };
    });
  }

  private collegeOfMemberLogs(memberId: number, year: Year, from: string, to: string): string {
    return (this.prepare(`select c.name from service_logs s join colleges c on c.id = s.college_id where s.member_id = ? and s.program_year_id = ? and s.status = 'approved' and s.service_date between ? and ? limit 1`)
      .get(memberId, year.id, from, to) as { name: string }).name;
  }

  /** A Monday digest as it should read when posted at `now` (the week before, in the year it began in). */
  digest(collegeId: number | null, now: number): DigestFigures {
    const monday = localDate(now);
    const report = { start: addDays(monday, -7), end: addDays(monday, -1) };
    const previous = { start: addDays(monday, -14), end: addDays(monday, -8) };
    const year = this.yearContaining(report.start) ?? this.yearContaining(monday)!;
    const ids = collegeId === null ? this.colleges().map((c) => c.id) : [collegeId];
    const figures = ids.map((id) => this.college(id, year, now));
    const week = ids.map((id) => this.collegeLogs(id, year, report.start, report.end, now));
    const prev = ids.map((id) => this.collegeLogs(id, year, previous.start, previous.end, now));
    return {
      week: isoWeek(monday), today: monday > year.endsOn ? year.endsOn : monday,
      participating: sum(figures, (f) => f.participating), branches: sum(figures, (f) => f.branches),
      before: this.participatingOn(collegeId, year, addDays(report.start, -1)), end: this.participatingOn(collegeId, year, report.end),
      reportWeek: sum(week, (w) => w.range), previousWeek: sum(prev, (w) => w.range), total: sum(week, (w) => w.total),
      fourComplete: sum(figures, (f) => f.fourComplete), pending: sum(week, (w) => w.pending), silent: sum(figures, (f) => f.silent),
      ...(collegeId !== null ? { members: { active: figures[0]!.members - figures[0]!.idle, total: figures[0]!.members } } : {}),
      top: this.top(collegeId, year, report.start, report.end, collegeId === null ? 10 : 5),
    };
  }
}

const sum = <T>(xs: readonly T[], f: (x: T) => number) => xs.reduce((n, x) => n + f(x), 0);
const pct = (part: number, whole: number) => (whole ? Math.round((part / whole) * 1000) / 10 : 0);
const needed = (target: number, branches: number, participating: number) => Math.max(0, Math.ceil(target * branches - 1e-9) - participating);
const localDate = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);
/** ISO-8601 week key of a Monday. */
function isoWeek(monday: string): string {
  const thursday = addDays(monday, 3);
  const year = thursday.slice(0, 4);
  const week = Math.floor((Date.parse(`${thursday}T00:00:00Z`) - Date.parse(`${year}-01-01T00:00:00Z`)) / DAY / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

// ── the roster sync (PRODUCT.md §8) ──────────────────────────────────────────

/**
 * After a confirmed full roster without them: every graduate is inactive (members.left_at set),
 * their emptied branch archived (branches.archived_at), the mover and everyone else listed still
 * active.
 */
function expectGraduatesInactive(h: Harness, graduates: readonly Person[], branchName: string, stayers: readonly Person[]): void {
  const sql = h.bot.db.$client;
  const leftAt = (p: Person) => (sql.prepare('select left_at as leftAt from members where student_no = ?').get(p.studentNo) as { leftAt: number | null }).leftAt;
  expect(graduates.filter((p) => leftAt(p) === null).map((p) => p.studentNo), 'graduates still active').toEqual([]);
  expect(stayers.filter((p) => leftAt(p) !== null).map((p) => p.studentNo), 'members on the roster made inactive').toEqual([]);
  const branch = sql.prepare('select archived_at as archivedAt from branches where name = ?').get(branchName) as { archivedAt: number | null };
  expect(branch.archivedAt, `${branchName} archived`).not.toBeNull();
  expect((sql.prepare('select count(*) as n from branches where archived_at is not null').get() as { n: number }).n, 'only the emptied branch archived').toBe(1);
  expect((sql.prepare('select count(*) as n from colleges where archived_at is not null').get() as { n: number }).n, 'no college archived').toBe(0);
}

// ── the year ─────────────────────────────────────────────────────────────────

interface PendingReview { logId: number; author: Person; branch: SchoolBranch; reviewer: Person; createdAt: number; decideOn: string; verdict: 'approve' | 'reject' | 'slow' }

describe('a program year of a 600-member school, through the bot', () => {
  it('keeps every figure equal to the raw tables, sends each digest and reminder once, and is refused nothing', async () => {
    const h = await startHarness({ clock: new TestClock(at(FIRST_DAY, '09:00')) });
    try {
      await runYear(h);
    } finally {
      await h.close();
    }
  }, 60_000); // 8–12 s on a 2-core machine busy with other tests; the margin is for a loaded CI, not the budget.

});

async function runYear(h: Harness): Promise<void> {
  const school = generateSchool();
  const recount = new Recount(h);
  const rand = random(20261001);
  const sql = h.bot.db.$client;
  const college = (b: SchoolBranch) => school.colleges.find((c) => c.name === b.college)!;
  const collegeIdOf = (name: string) => (sql.prepare('select id from colleges where name = ?').get(name) as { id: number }).id;
  const memberId = (p: Person) => (sql.prepare('select id from members where student_no = ?').get(p.studentNo) as { id: number }).id;
  const statusOf = (logId: number) => (sql.prepare('select status from service_logs where id = ?').get(logId) as { status: string }).status;
  const lastLogOf = (p: Person) => sql.prepare('select id from service_logs where member_id = ? order by id desc limit 1').get(memberId(p)) as { id: number } | undefined;

  // What the fake recorded, indexed as it arrives: review cards by log, digests and other sends by receiver.
  const reviewCards = new Map<number, SentMessage[]>();
  const toChat = new Map<string, SentMessage[]>();
  const toPerson = new Map<string, SentMessage[]>();
  h.fake.onMessage((m) => {
    if (m.kind !== 'send') return;
    if (m.msgType === 'interactive') for (const b of buttons(m.content)) if (b.a === 'review.approve' && typeof b.p?.l === 'number') reviewCards.set(b.p.l, [...(reviewCards.get(b.p.l) ?? []), m]);
    const into = m.receiveIdType === 'chat_id' ? toChat : toPerson;
    into.set(m.receiveId!, [...(into.get(m.receiveId!) ?? []), m]);
  });
  const textsTo = (openId: string, prefix: string) => (toPerson.get(openId) ?? []).filter((m) => m.msgType === 'text').map(said).filter((s) => s.startsWith(prefix));

  let since = h.clock.now();
  /** When the jobs last ran: what they could have seen overdue. */
  let jobsRanAt = since;
  const setClock = (date: string, hhmm: string) => {
    const next = at(date, hhmm);
    expect(next).toBeGreaterThanOrEqual(h.clock.now());
    h.clock.ms = next;
  };
  /** The scheduler's jobs that came due since the last run, as a running bot would have run them. */
  const runJobs = async () => {
    await h.bot.scheduler.runDue(since);
    since = jobsRanAt = h.clock.now();
    // Jobs only write the outbox; its worker sends on its own timer, which this test does not wait for.
    await h.bot.outbox.drain();
    await h.idle();
  };

  // ── day one: the 团委 (imported by the CLI before the bot had anyone) sends the school's roster ──
  const rows = rosterRows(school);
  /** Two students were left without a 飞书ID: they bind with /绑定. */
  const selfBinders = [school.branches[2]!.students[0]!, school.branches[12]!.students[0]!];
  const firstRoster: RosterRow[] = rows.map((r) => (selfBinders.some((p) => p.studentNo === r.studentNo) ? { ...r, feishuId: '' } : r));
  await importRosterFile(h.bot.db, rosterCsv(rows.slice(0, 1)), 'bootstrap.csv', h.clock.now());
  setClock(FIRST_DAY, '09:30');
  await runJobs();
  const imported = await importRosterThroughBot(h, school.admin, firstRoster);
  expect(imported.text).not.toContain('失败');
  expect(sql.prepare('select count(*) as n from members where branch_id is not null').get()).toEqual({ n: 600 });

  // Groups: each 团总支 binds the college group, the 团委 the school group.
  for (const c of school.colleges) expect(said(await h.say(c.admin.openId, '/绑定群', { chatType: 'group', chatId: c.chatId, mentionBot: true }))).toBe(t('bindgroup.done', { name: c.name }));
  expect(said(await h.say(school.admin.openId, '/绑定群 全校', { chatType: 'group', chatId: school.schoolChatId, mentionBot: true }))).toBe(t('bindgroup.schoolDone'));
  // The secretaries bind by their first message; two students with /绑定.
  for (const b of school.branches) await h.say(b.secretary.openId, '/帮助');
  for (const p of selfBinders) expect(said(await h.say(p.openId, `/绑定 ${p.studentNo} ${p.name}`))).toContain('绑定成功');

  // The vacations, on the settings card.
  const settingsCard = (await h.say(school.admin.openId, '/设置')).content;
  const saved = await h.click(school.admin.openId, button(settingsCard, 'settings.save'), {
    formValue: {
      periodMode: 'auto', startsOn: '2026-10-01 +0800', endsOn: '2027-09-30 +0800', targetRatio: '0.25',
      pairingDeadline: '2026-11-11 +0800', projectListDeadline: '2026-11-11 +0800', matchingDeadline: '2026-11-19 +0800',
      winterVacationStart: `${WINTER.start} +0800`, winterVacationEnd: `${WINTER.end} +0800`, summerVacationStart: `${SUMMER.start} +0800`, summerVacationEnd: `${SUMMER.end} +0800`,
      logWindowDays: '30', scoreWeights: '',
    },
  });
  expect(saved.body.toast?.type, saved.text).toBe('success');

  // ── the days ──
  const reviews: PendingReview[] = [];
  /** Every review ever queued, for the reminders they should have caused. */
  const queued: PendingReview[] = [];
  const mondays: string[] = [];
  const moved = { done: false, before: [] as number[], after: [] as number[] };
  let logCount = 0;
  let weekIndex = 0;
  let bulkApprovals = 0;
  /** 三下乡 teams of the summer, by member: the team's name (PRODUCT.md §8, the notice's vacation vehicle). */
  const teamOf = new Map<string, string>();
  const teams: { name: string; branch: SchoolBranch; members: Person[] }[] = [];
  /** Where the mover is now. */
  const branchOf = (p: Person, b: SchoolBranch) => (moved.done && p.studentNo === school.branches[MOVER.from]!.students[MOVER.student]!.studentNo ? school.branches[MOVER.to]! : b);

  /** Files the log's review: who decides, when and how (most next morning; some slow, some rejected). */
  const queueReview = (author: Person, branch: SchoolBranch, day: string, n: number) => {
    const log = lastLogOf(author)!;
    const own = author.studentNo === branch.secretary.studentNo;
    const reviewer = own ? college(branch).admin : branch.secretary;
    const bulk = branch.index === BULK_REVIEWER && !own;
    // No slow review in the graduating class: its secretary is gone at the second roster.
    const verdict = bulk ? 'approve' : n % 19 === 0 && branch.index !== GRADUATING ? 'slow' : n % 17 === 0 ? 'reject' : 'approve';
    const decideOn = bulk ? addDays(day, 7 - ((weekday(day) + 6) % 7)) : addDays(day, verdict === 'slow' ? 5 : 1);
    const review = { logId: log.id, author, branch, reviewer, createdAt: h.clock.now(), decideOn, verdict } as const;
    reviews.push(review);
    queued.push(review);
    if (author.studentNo === school.branches[MOVER.from]!.students[MOVER.student]!.studentNo) (moved.done ? moved.after : moved.before).push(log.id);
  };

  const ITEMS = ['shishi', 'zoufang', 'huodong', 'xiangmu'] as const;
  const SENTENCES: Record<(typeof ITEMS)[number], (site: string) => string> = {
    shishi: (site) => `今天在${site}给三年级小朋友辅导作业，两个半小时`,
    zoufang: (site) => `今天在${site}入户走访独居老人，2小时`,
    huodong: (site) => `今天在${site}开展反诈宣讲活动，3小时`,
    xiangmu: (site) => `今天在${site}培育青少年读书会项目，2小时`,
  };
  const siteOf = (b: SchoolBranch) => COMMUNITIES[b.index]!;

  type Plan = { author: Person; branch: SchoolBranch; how: 'form' | 'text' | 'checkin'; item: (typeof ITEMS)[number]; hours: string; n: number };
  /** One log of the day: by form, by a sentence, or (vacations, some term days) by 报到 → 签退. */
  const logService = async ({ author, branch, how, item, hours, n }: Plan, day: string) => {
    const before = lastLogOf(author)?.id ?? 0;
    if (how === 'text') {
      const reply = said(await h.say(author.openId, SENTENCES[item](siteOf(branch))));
      expect(reply, reply).toContain('✅ 已记录');
    } else if (how === 'checkin') {
      const vacation = inVacation(day);
      const team = vacation ? teamOf.get(author.studentNo) : undefined;
      const { reply, checkout } = await checkIn(h, author.openId, team ? `三下乡 ${team}` : vacation ? '锦州市古塔区' : undefined);
      expect(said(reply)).toContain(vacation ? '集中报到成功' : '日常报到成功');
      if (team) expect(said(reply)).toContain(t('team.checkinTeam', { name: team }));
      h.clock.advance(150 * 60_000);
      const form = answerCard(await h.click(author.openId, checkout, { messageId: reply.messageId }));
      const res = await h.click(author.openId, button(form, 'log.submit'), {
        messageId: reply.messageId,
        formValue: { date: `${day} +0800`, item, hours: String(field(form, 'hours')?.default_value), mode: 'offline', description: `${vacation ? '返家乡' : ''}服务记录 ${n}` },
      });
      expect(res.body?.toast?.type, res.text).toBe('success');
    } else {
      const res = await submitLog(h, author.openId, { date: `${day} +0800`, item, hours, description: `服务记录 ${n}` });
      expect(res.body?.toast?.type, res.text).toBe('success');
    }
    expect(lastLogOf(author)!.id).toBeGreaterThan(before);
    // A team member's vacation check-out names the team on the log; nobody else's does.
    const teamId = (h.bot.db.$client.prepare('select team_id as teamId from service_logs where id = ?').get(lastLogOf(author)!.id) as { teamId: number | null }).teamId;
    expect(teamId !== null, `team on log ${n}`).toBe(how === 'checkin' && inVacation(day) && teamOf.has(author.studentNo));
    queueReview(author, branch, day, n);
  };

  const decide = async (r: PendingReview) => {
    const [card] = reviewCards.get(r.logId) ?? [];
    if (!card || card.receiveId !== r.reviewer.openId) throw new Error(`no review card of log ${r.logId} to ${r.reviewer.name}`);
    let res;
    if (r.verdict === 'reject') {
      const reason = answerCard(await h.click(r.reviewer.openId, button(card.content, 'review.rejectAsk'), { messageId: card.messageId }));
      res = await h.click(r.reviewer.openId, button(reason, 'review.reject'), { formValue: { reason: '时长与照片不符，请补充说明' }, messageId: card.messageId });
    } else {
      res = await h.click(r.reviewer.openId, button(card.content, 'review.approve'), { formValue: { rating: String(3 + (r.logId % 3)) }, messageId: card.messageId });
    }
    expect(res.body?.toast?.type, res.text).toBe('success');
  };

  for (let day = FIRST_DAY; day <= LAST_DAY; day = addDays(day, 1)) {
    const sunday = weekday(day) === 0;
    // 09:30 — the scheduler's jobs (Monday: the digests).
    if (day !== FIRST_DAY) {
      setClock(day, '09:30');
      await runJobs();
    }
    if (weekday(day) === 1) {
      mondays.push(day);
      expectDigests(h, school, recount, toChat, mondays, day);
    }

    // 10:00 — reviews, pairings and the day's scripted business.
    setClock(day, '10:00');
    const due = reviews.filter((r) => r.decideOn === day);
    const bulk = due.filter((r) => r.branch.index === BULK_REVIEWER && r.reviewer.studentNo === r.branch.secretary.studentNo);
    await Promise.all(due.filter((x) => !bulk.includes(x)).map(decide));
    if (bulk.length) {
      const list = await h.say(school.branches[BULK_REVIEWER]!.secretary.openId, '/审核');
      // 全部通过 when the list has more than one; a single log is approved from the list.
      const secretary = school.branches[BULK_REVIEWER]!.secretary.openId;
      const all = buttons(list.content).find((b) => b.a === 'review.approveAll');
      const res = await h.click(secretary, all ?? button(list.content, 'review.approve'), { messageId: list.messageId });
      expect(res.body?.toast?.content, res.text).toBe(all ? t('review.bulkDone', { count: bulk.length }) : t('review.approvedToast'));
      expect(bulk.every((r) => statusOf(r.logId) === 'approved')).toBe(true);
      if (all) bulkApprovals++;
    }
    for (const r of due) reviews.splice(reviews.indexOf(r), 1);
    await h.idle();

    for (const b of school.branches.filter((x) => PAIR_ON[x.index] === day)) {
      const reply = await h.say(b.secretary.openId, `/结对 ${siteOf(b)}`);
      expect(said(reply)).toContain(`✅ 已记录结对：${b.name} ↔ ${siteOf(b)}，签约日期 ${day}`);
      if (b.index === PRIORITY_COUNTY_BRANCH) {
        const res = await h.click(b.secretary.openId, button(reply.content, 'pairing.save'), {
          messageId: reply.messageId,
          formValue: { signed_on: `${day} +0800`, level: 'village', region: '朝阳市建平县', tags: ['rural_revitalization_county'], contact_name: '李书记', contact_phone: '139 0000 1234' },
        });
        expect(res.body?.toast?.type, res.text).toBe('success');
      }
    }
    for (const [c, q, on] of REPORTS.filter((r) => r[2] === day)) {
      const admin = school.colleges[c]!.admin;
      const card = await h.say(admin.openId, '/总结');
      const res = await h.click(admin.openId, button(card.content, 'report.submit'), { messageId: card.messageId, formValue: { kind: 'summary', title: `${school.colleges[c]!.name}第${q}季度工作总结`, body_1: `第${q}季度完成情况（${on}）` } });
      expect(res.body?.toast?.content, res.text).toContain(`已提交第${q}季度工作总结`);
    }
    if (day === ROSTER_SYNC_DAY) await secondRoster(h, school, firstRoster, moved);
    if (day === SUMMER.start) {
      // Each 团总支 forms a 三下乡 team from one branch that serves all summer: its 团支书 leads, five students go.
      for (const c of school.colleges) {
        const branch = c.branches.find((b) => b.index !== GRADUATING && logsFrom(b.index) !== null && logsFrom(b.index)! <= day && logsUntil(b.index) >= SUMMER.end && b.students.length >= 6)!;
        const members = branch.students.slice(1, 6).filter((p) => p !== school.branches[MOVER.from]!.students[MOVER.student]);
        const name = `${branch.name.replace('团支部', '')}三下乡`;
        const reply = said(await h.say(c.admin.openId, `/三下乡 新建 ${name} ${branch.secretary.studentNo} 朝阳市建平县 ${members.map((p) => p.studentNo).join(' ')}`));
        expect(reply).toContain(`已组建三下乡团队「${name}」`);
        teams.push({ name, branch, members });
        for (const p of [branch.secretary, ...members]) teamOf.set(p.studentNo, name);
      }
    }
    if (day === NEXT_YEAR_DAY) await startNextYear(h, school);
    await h.idle();

    // 15:00–19:00 — the day's service: a few members of the branches that are active.
    const active = school.branches.filter((b) => {
      const from = logsFrom(b.index);
      return from !== null && from <= day && day <= logsUntil(b.index);
    });
    const vacation = inVacation(day);
    const mover = school.branches[MOVER.from]!.students[MOVER.student]!;
    // Five logs a week in term (none at weekends), about two a week in the vacations.
    const count = vacation ? (rand() < 0.3 ? 1 : 0) : [0, 1, 1, 1, 1, 1, 0][weekday(day)]!;
    const todays: Plan[] = [];
    const plan = (author: Person, branch: SchoolBranch, how: Plan['how']) => {
      const items = allFour(branch.index) ? ITEMS : ITEMS.slice(0, 3);
      todays.push({ author, branch, how, item: items[Math.floor(rand() * items.length)]!, hours: String(1 + Math.floor(rand() * 6) / 2), n: ++logCount });
    };
    // The weekly reviewer's branch is a busy one, so its Monday list often holds several.
    const pool = active.flatMap((b) => (b.index === BULK_REVIEWER ? [b, b, b] : [b]));
    for (let k = 0; k < count && pool.length; k++) {
      const branch = pool[Math.floor(rand() * pool.length)]!;
      const author = rand() < 0.05 ? branch.secretary : branch.students[Math.floor(rand() * branch.students.length)]!;
      // The mover logs only by the script below, so each of their logs is filed where they are.
      if (todays.some((x) => x.author === author) || author === mover) continue;
      const paired = PAIR_ON[branch.index] !== undefined && PAIR_ON[branch.index]! < day;
      plan(author, branch, vacation || (weekday(day) === 3 && k === 0 && paired) ? 'checkin' : rand() < 0.25 ? 'text' : 'form');
    }
    // Summer Tuesdays and Thursdays: a member of one 三下乡 team (in turn) serves with it and checks in with the team.
    if (vacation && day >= SUMMER.start && (weekday(day) === 2 || weekday(day) === 4) && teams.length) {
      const team = teams[(weekIndex * 2 + (weekday(day) === 4 ? 1 : 0)) % teams.length]!;
      const member = team.members[weekIndex % team.members.length]!;
      if (!todays.some((x) => x.author === member)) plan(member, team.branch, 'checkin');
    }
    // The mover logs twice before the move and twice after it.
    if (['2026-11-17', '2027-03-09', '2027-07-06', '2027-09-07'].includes(day)) plan(mover, branchOf(mover, school.branches[MOVER.from]!), 'form');
    // Each check-in lasts 2.5 h; a day with several (a 三下乡 team's and another) starts earlier, done by 19:00.
    const checkins = todays.filter((y) => y.how === 'checkin');
    const start = Math.min(15 * 60, 19 * 60 - 30 - checkins.length * 150);
    setClock(day, `${String(Math.floor(start / 60)).padStart(2, '0')}:${String(start % 60).padStart(2, '0')}`);
    for (const x of checkins) await logService(x, day);
    // The evening's logs come in at once, from different people, as they would.
    setClock(day, '19:00');
    await Promise.all(todays.filter((y) => y.how !== 'checkin').map((x) => logService(x, day)));
    await h.idle();

    // 21:00 on Sunday (and on the last day): the week's figures.
    if (sunday || day === LAST_DAY) {
      setClock(day, '21:00');
      expectLogsInTheirYear(h, day);
      await expectCards(h, school, recount, weekIndex++, collegeIdOf);
      expectReviewReminders(h, school, queued, textsTo, jobsRanAt);
      expect(h.fake.refusals, 'refused by the platform').toEqual([]);
      expect(h.fake.defects, 'shown wrongly by the platform').toEqual([]);
    }
  }

  expect(bulkApprovals, '全部通过 used').toBeGreaterThanOrEqual(3);
  // ── the year's reminders, each exactly once, and only by private message ──
  expectDeadlineReminders(school, textsTo);
  expectReportReminders(school, textsTo);
  for (const [chatId, sent] of toChat) {
    const other = sent.filter((m) => !(m.msgType === 'interactive' && isDigest(m)) && !(m.msgType === 'text' && said(m).startsWith('📅')));
    expect(other.map(said), `sent to the group ${chatId} besides digests and the rollover`).toEqual([]);
  }
  // The mover's logs stayed where they were earned.
  const branchIdOf = (name: string) => (sql.prepare('select id from branches where name = ?').get(name) as { id: number }).id;
  expect(moved.before.length).toBe(2);
  expect(moved.after.length).toBe(2);
  for (const id of moved.before) expect((sql.prepare('select branch_id as b from service_logs where id = ?').get(id) as { b: number }).b).toBe(branchIdOf(school.branches[MOVER.from]!.name));
  for (const id of moved.after) expect((sql.prepare('select branch_id as b from service_logs where id = ?').get(id) as { b: number }).b).toBe(branchIdOf(school.branches[MOVER.to]!.name));
  await h.idle();
  // The rollover was announced once in the 团委's group.
  const rolled = (toChat.get(school.schoolChatId) ?? []).filter((m) => m.msgType === 'text' && said(m).startsWith('📅'));
  expect(rolled.map(said)).toEqual([t('settings.rolledOver', { name: '2027-2028', start: '2027-10-01', end: '2028-09-30', old: '2026-2027' })]);
  expect(sql.prepare("select status, receive_id as receiveId, msg_type as msgType, substr(content, 1, 300) as content, last_error as lastError, attempts from outbox where status != 'sent'").all(), 'outbox rows not sent').toEqual([]);
  // The 三下乡 teams served all summer, and only then: every team log is a member's, dated in the vacation.
  const teamLogs = sql.prepare(`select s.service_date as date, m.student_no as no, vt.name as team from service_logs s
      join vacation_teams vt on vt.id = s.team_id join members m on m.id = s.member_id`).all() as { date: string; no: string; team: string }[];
  expect(teamLogs.length).toBeGreaterThanOrEqual(10);
  expect(teamLogs.filter((l) => l.date < SUMMER.start || l.date > SUMMER.end || teamOf.get(l.no) !== l.team)).toEqual([]);
}

/** The mid-year roster: the graduating class gone, one student moved to another college's branch. */
async function secondRoster(h: Harness, school: School, first: RosterRow[], moved: { done: boolean }): Promise<void> {
  const graduating = school.branches[GRADUATING]!;
  const from = school.branches[MOVER.from]!;
  const to = school.branches[MOVER.to]!;
  const mover = from.students[MOVER.student]!;
  const rows = first
    .filter((r) => r.branch !== graduating.name)
    .map((r) => (r.studentNo === mover.studentNo ? { ...r, college: to.college, branch: to.name } : r));
  const outcome = await importRosterThroughBot(h, school.admin, rows, '2027年名单.csv');
  expect(outcome.text).not.toContain('失败');
  moved.done = true;
  const sql = h.bot.db.$client;
  const row = sql.prepare('select m.branch_id as b, m.college_id as c from members m where student_no = ?').get(mover.studentNo) as { b: number; c: number };
  expect(row).toEqual(sql.prepare('select b.id as b, b.college_id as c from branches b where b.name = ?').get(to.name));
  const graduates = [graduating.secretary, ...graduating.students];
  {
    expectGraduatesInactive(h, graduates, graduating.name, [mover, ...school.branches[GRADUATING + 1]!.students]);
    // Inactive members cannot log (§8): refused, nothing stored.
    const logs = () => sql.prepare('select count(*) as n from service_logs').get();
    const before = logs();
    const refused = await submitLog(h, graduates[1]!.openId, { date: `${ROSTER_SYNC_DAY} +0800`, hours: '2', description: '毕业后补记' });
    expect(refused.body?.toast?.type, refused.text).not.toBe('success');
    expect(logs()).toEqual(before);
  }
}

/** 「开始下一实践年度」 on the settings card, confirmed; it starts by itself on 2027-10-01. */
async function startNextYear(h: Harness, school: School): Promise<void> {
  const card = (await h.say(school.admin.openId, '/设置')).content;
  const confirm = answerCard(await h.click(school.admin.openId, button(card, 'settings.nextYear')));
  expect(cardText(confirm)).toContain('2027-2028');
  const done = await h.click(school.admin.openId, button(confirm, 'settings.nextYearConfirm'));
  expect(done.body?.toast?.type, done.text).toBe('success');
}

/** Each bound chat had exactly one digest for each Monday so far, and this Monday's reads as the tables do. */
function expectDigests(h: Harness, school: School, recount: Recount, toChat: Map<string, SentMessage[]>, mondays: string[], monday: string): void {
  const sql = h.bot.db.$client;
  const targets: [string, number | null][] = [...school.colleges.map((c) => [c.chatId, (sql.prepare('select id from colleges where name = ?').get(c.name) as { id: number }).id] as [string, number]), [school.schoolChatId, null]];
  for (const [chatId, collegeId] of targets) {
    const digests = (toChat.get(chatId) ?? []).filter((m) => m.msgType === 'interactive' && isDigest(m));
    expect(digests.map(weekOf), `digests to ${chatId}`).toEqual(mondays.map(isoWeek));
    const last = readDigest(cardText(digests.at(-1)!.content), collegeId === null ? 'school' : 'college');
    const expected = recount.digest(collegeId, h.clock.now());
    const year = recount.yearContaining(addDays(monday, -7)) ?? recount.yearContaining(monday)!;
    expect(last, `${chatId} on ${monday}`).toEqual(expected);
  }
}

/** A digest card (每周进展 in its title) and the week it is for, from its header alone. */
const isDigest = (m: SentMessage) => String(m.content?.header?.title?.content ?? '').startsWith('每周进展');
const weekOf = (m: SentMessage) => match(String(m.content?.header?.subtitle?.content ?? ''), /\d{4}-W\d\d/, 'week')[0];

/** Every log is filed under the program year its service date falls in (a rollover moves none). */
function expectLogsInTheirYear(h: Harness, day: string): void {
  const sql = h.bot.db.$client;
  const misfiled = sql.prepare(`select count(*) as n from service_logs s join program_years y on y.id = s.program_year_id where s.service_date < y.starts_on or s.service_date > y.ends_on`).get();
  expect(misfiled, `logs outside their year on ${day}`).toEqual({ n: 0 });
}

/** /学院 by each 团总支 and by the 团委 for one college in turn, and /全校: the raw tables' figures. */
async function expectCards(h: Harness, school: School, recount: Recount, week: number, collegeIdOf: (name: string) => number): Promise<void> {
  const now = h.clock.now();
  const today = localDate(now);
  const year = recount.yearContaining(today)!;
  const turn = school.colleges[week % school.colleges.length]!;
  // Asked at once (nothing changes meanwhile): each 团总支 their college, the 团委 one college and /全校.
  const asks: [Person, string, string, SchoolCollege][] = [
    ...school.colleges.map((c): [Person, string, string, SchoolCollege] => [c.admin, '/学院', `/学院 of ${c.name} on ${today}`, c]),
    [school.admin, `/学院 ${turn.name}`, `/学院 ${turn.name} by the 团委 on ${today}`, turn],
  ];
  const [overviewReply, ...replies] = await Promise.all([h.say(school.admin.openId, '/全校'), ...asks.map(([who, text]) => h.say(who.openId, text))]);
  asks.forEach(([, , where, c], i) => {
    const shown = readCollegeCard(cardText(replies[i]!.content));
    const expected = recount.college(collegeIdOf(c.name), year, now);
    expect(shown, where).toEqual(expected);
  });
  expect(readOverviewCard(cardText(overviewReply!.content)), `/全校 on ${today}`).toEqual(recount.overview(year, now));
}

/** Every log left pending more than 3 days was reminded to its reviewer once, and nothing else was. */
/**
 * Every log left pending more than 3 days was reminded to its reviewer, once, and no other log
 * was. The jobs run at 09:30 and reviews are decided at 10:00, so a log is reminded by the first
 * 09:30 after it has waited 3 days, if it is still pending then. Each reviewer's reminders add up
 * to those logs as of the last run of the jobs (or, should a real-time tick of the scheduler have
 * run the job since, at most to those overdue by now); the reminder claims name those logs only.
 */
function expectReviewReminders(h: Harness, school: School, queued: readonly PendingReview[], textsTo: (openId: string, prefix: string) => string[], jobsRanAt: number): void {
  const now = h.clock.now();
  const firstRunAfter = (t: number) => {
    const day = localDate(t);
    return at(day, '09:30') > t ? at(day, '09:30') : at(addDays(day, 1), '09:30');
  };
  const remindedBy = (q: PendingReview, t: number) => {
    const run = firstRunAfter(q.createdAt + 3 * DAY);
    return run <= t && run < at(q.decideOn, '10:00');
  };
  const mayBeReminded = (q: PendingReview) => q.createdAt + 3 * DAY < Math.min(now, at(q.decideOn, '10:00'));
  const reviewers = [...school.branches.map((b) => b.secretary), ...school.colleges.map((c) => c.admin), school.admin];
  for (const r of reviewers) {
    const reminded = sum(textsTo(r.openId, '⏰ 审核提醒'), (s) => num(match(s, /有 (\d+) 条/, 'count')[1]));
    const theirs = queued.filter((q) => q.reviewer.openId === r.openId);
    expect(reminded, `review reminders to ${r.name}`).toBeGreaterThanOrEqual(theirs.filter((q) => remindedBy(q, jobsRanAt)).length);
    expect(reminded, `review reminders to ${r.name}`).toBeLessThanOrEqual(theirs.filter(mayBeReminded).length);
  }
  const claimed = (h.bot.db.$client.prepare("select target from job_runs where kind = 'reminder' and period = 'review:3d'").all() as { target: string }[]).map((r) => Number(r.target.replace('log:', '')));
  expect(claimed.filter((id) => !queued.some((q) => q.logId === id && mayBeReminded(q))), 'logs reminded that were reviewed in time').toEqual([]);
  expect(claimed.length).toBeGreaterThanOrEqual(queued.filter((q) => remindedBy(q, jobsRanAt)).length);
}

/** 7 days and 1 day before 组织结对 / 项目清单 (11-11) and 岗位对接 (11-19), to each secretary whose branch had not done it. */
function expectDeadlineReminders(school: School, textsTo: (openId: string, prefix: string) => string[]): void {
  for (const b of school.branches) {
    const expected = [
      ['2026-11-04', '2026-11-11', 7, ['pairing', 'projectList']],
      ['2026-11-10', '2026-11-11', 1, ['pairing', 'projectList']],
      ['2026-11-12', '2026-11-19', 7, ['matching']],
      ['2026-11-18', '2026-11-19', 1, ['matching']],
    ].map(([on, date, days, keys]) => {
      const open = (keys as string[]).filter((k) => k !== 'pairing' || !(PAIR_ON[b.index] !== undefined && PAIR_ON[b.index]! < (on as string)));
      return t('reminder.deadline', { branch: b.name, items: open.map((k) => t('reminder.deadlineItem', { what: t(`reminder.what.${k as 'pairing'}`), date: date as string, days: days as number })).join('\n') });
    });
    expect(textsTo(b.secretary.openId, '⏰ 截止提醒'), `deadline reminders to ${b.name}`).toEqual(expected);
  }
}

/** 7 days and 1 day before each quarter's due date to the 团总支 that had not submitted; a late one told to the 团委 once. */
function expectReportReminders(school: School, textsTo: (openId: string, prefix: string) => string[]): void {
  const late: string[] = [];
  school.colleges.forEach((c, i) => {
    const expected: string[] = [];
    DUE.forEach((due, q) => {
      const submitted = REPORTS.find((r) => r[0] === i && r[1] === q + 1)?.[2];
      for (const days of [7, 1]) {
        if (!(submitted !== undefined && submitted < addDays(due, -days))) expected.push(t('report.reminder', { college: c.name, quarter: q + 1, due, days }));
      }
      // Told the morning after the due date, before anything handed in that day.
      if (submitted === undefined || submitted > due) late.push(t('report.lateNotice', { college: c.name, quarter: q + 1, due, state: t('report.lateNotSubmitted') }));
    });
    expect(textsTo(c.admin.openId, '提醒：'), `report reminders to ${c.name}`).toEqual(expected);
  });
  expect(textsTo(school.admin.openId, '⚠️ 季度总结逾期'), 'late reports told to the 团委').toEqual(late);
}
