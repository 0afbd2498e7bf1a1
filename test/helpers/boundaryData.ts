/**
 * Boundary data for test/cardBoundaries.test.ts: the view models of every card builder at the
 * sizes a real school reaches and with user text at the lengths the product accepts (zod schemas,
 * roster and community-list limits, the forms' max_length), in three datasets:
 * - `max`: realistic Chinese text at every length limit, every list at its bound;
 * - `hostile`: the same sizes, every user-text field carrying what card markdown would read as
 *   structure or a mention (`<at id=all>`, `*_~[]()#|<>&-+`, `:smile:`, a URL run into Chinese,
 *   line-start `- ` `1. ` `> ` `# `), free text dense with it so escaping inflates it most;
 * - `empty`: nothing optional, every list empty (a new school on its first day).
 */
import { COMMUNITY_TAGS, FOUR_ITEMS, SERVICE_AREAS, type ProgramYear } from '../../src/db/schema/index.js';
import type { BranchStatus, DeadlineStatus } from '../../src/domain/branchStatus.js';
import type { LogView } from '../../src/cards/logView.js';
import { coverage, type CollegeBranch, type CollegeSummary, type CollegeView, type Overview } from '../../src/domain/metrics/index.js';
import type { PairingView } from '../../src/domain/pairings.js';
import type { CollegeReports } from '../../src/domain/reports.js';
import type { CollegeDigest, NewCase, SchoolDigest, UpcomingDeadline } from '../../src/domain/metrics/digest.js';
import type { ProjectVm } from '../../src/cards/projects.js';
import type { CandidateVm, RecommendationVm } from '../../src/cards/recommend.js';
import type { TeamVm } from '../../src/cards/teams.js';
import type { OrganisationVm } from '../../src/cards/organisations.js';
import { t } from '../../src/text/zh-CN.js';

export type DatasetId = 'max' | 'hostile' | 'empty';

/**
 * The product's bounds on lists (PICKER_SIZE, LIST_SIZE, recommendationsFor's 30, managedPositions' 20 …) and the
 * sizes of a large school where nothing bounds them (branch members, a position's candidates; openPositionsFor and
 * a branch's past pairings and projects are unbounded too: 20, 5 and 10 are taken as a busy branch).
 */
export const SIZE = {
  communities: 1000, picker: 20, branchMembers: 200, projectMembers: 50, branches: 60, colleges: 60, reviews: 10,
  projects: 10, positionsPerProject: 5, openPositions: 20, managedPositions: 20, candidates: 200, confirmed: 50,
  recommendCandidates: 10, recorded: 30, attachments: 10, pastPairings: 5, branchProjects: 10, top: 10, cases: 5, teams: 60, teamMembers: 50, organisations: 100,
} as const;

export interface Dataset {
  id: DatasetId;
  empty: boolean;
  /** `count`, or 0 in the empty dataset. */
  n(count: number): number;
  /** A one-line user text (a name, a title) of `len` characters; `i` varies it. */
  line(len: number, i?: number): string;
  /** A multi-line user text (description, reason, report body) of `len` characters. */
  text(len: number, i?: number): string;
  /** A person's name (roster: ≤ 40). */
  name(i: number): string;
  /** `value`, or null in the empty dataset. */
  opt<T>(value: T): T | null;
}

const fill = (base: string, len: number) => base.repeat(Math.ceil(len / base.length)).slice(0, len);
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

const REAL_LINES = ['辽宁省锦州市古塔区北街街道洛阳社区居民委员会', '机械工程与自动化学院机械设计制造及其自动化2023级3班团支部', '关爱独居老人“银龄守护”入户走访与智能手机教学项目'];
const REAL_TEXT = '组织志愿者走访辖区独居老人，了解生活需求并协助整理房间、讲解防范电信诈骗知识（附照片 3 张）。\n第二阶段：与社区网格员对接，建立 12 户重点关注台账；每周回访一次，记录血压与用药情况。\n';
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN = ['浩然', '梓涵', '一诺', '子轩', '欣怡', '雨泽', '思远', '佳琪'];
const LONG_NAME = '阿卜杜热合曼·买买提明·艾合买提江·吐尔逊托合提·阿不都热依木江';

/** Line-start markers CommonMark reads as a list, an ordered list, a quote, a heading. */
const MARKS = ['- ', '1. ', '> ', '# '];
const HOSTILE_LINE = 'https://t.cn/报名<at id=all>:smile:*粗*_斜_~删~[链](http://x.cn)#|<b>&amp;+:ok:';
const HOSTILE_TEXT = '入户*走访*_独居_老人~需求~[清单](单)#1|<b>&amp;+:ok:**__~~[[]](())##||<<>>&&--++\n1. 宣讲https://t.cn/防诈骗知识:smile:\n> <at id=all>注意# 事项|表|\n# 总结**—**`代码`\\ \n+ 加号\n';

export const datasets: Record<DatasetId, Dataset> = {
  max: {
    id: 'max', empty: false, n: (c) => c, opt: (v) => v,
    line: (len, i = 0) => fill(REAL_LINES[i % REAL_LINES.length]!, len),
    text: (len, i = 0) => fill(REAL_TEXT.slice(i % 7), len),
    name: (i) => (i % 50 === 0 ? LONG_NAME.slice(0, 40) : `${SURNAMES[i % SURNAMES.length]}${GIVEN[i % GIVEN.length]}`),
  },
  hostile: {
    id: 'hostile', empty: false, n: (c) => c, opt: (v) => v,
    line: (len, i = 0) => fill(`${MARKS[i % MARKS.length]}${HOSTILE_LINE}${i}社区服务`, len),
    text: (len, i = 0) => fill(`${MARKS[i % MARKS.length]}${HOSTILE_TEXT}`, len),
    name: (i) => fill(`${MARKS[i % MARKS.length]}<at id=all>:smile:*张*_三_https://t.cn/李${i}`, 40),
  },
  empty: {
    id: 'empty', empty: true, n: () => 0, opt: () => null,
    line: (len, i = 0) => fill('幸福社区', Math.min(len, 4 + (i % 3))),
    text: (len) => fill('走访。', Math.min(len, 3)),
    name: () => '王一',
  },
};

export const TODAY = '2026-11-25';
/** Program year names are made by the code (domain/program.ts, settings.ts: `2026-2027`), never typed; the en dash is wider. */
const YEAR_NAME: Record<DatasetId, string> = { max: '2026–2027', hostile: '2026-2027', empty: '2026-2027' };

/** 1,000 real-looking community names of 30–60 characters; the picker offers the 20 longest (SIZE.picker). */
export function communityNames(count: number = SIZE.communities): string[] {
  const province = ['辽宁省', '黑龙江省', '新疆维吾尔自治区', '内蒙古自治区', '广西壮族自治区'];
  const city = ['锦州市', '齐齐哈尔市', '巴音郭楞蒙古自治州', '呼伦贝尔市'];
  const district = ['古塔区', '昂昂溪区', '和静县', '鄂温克族自治旗', '凌海市'];
  const street = ['北街街道', '巴润哈尔莫敦镇', '大屯乡', '榆树林子镇'];
  const place = ['洛阳社区', '哈尔莫敦村', '新时代花园社区', '第一居民小区', '红旗街社区'];
  const suffix = ['居民委员会新时代文明实践站', '党群服务中心（社区综合服务站）', '村民委员会便民服务站', '社区卫生服务站（养老服务驿站）', '居民委员会服务站'];
  return range(count).map((i) => `${province[i % 5]}${city[(i >> 1) % 4]}${district[(i >> 2) % 5]}${street[(i >> 3) % 4]}${place[(i >> 4) % 5]}第${String(i + 1).padStart(3, '0')}网格${suffix[(i >> 5) % 5]}`.slice(0, 60));
}

/** What a form's community picker gets: the longest names of a 1,000-community school (or, hostile, the names themselves). */
export function pickerOptions(d: Dataset): { id: number; name: string }[] {
  const names = d.id === 'hostile' ? range(SIZE.picker).map((i) => d.line(60, i)) : communityNames().sort((a, b) => b.length - a.length);
  return names.slice(0, d.n(SIZE.picker)).map((name, i) => ({ id: 1000 - i, name }));
}

export const members = (d: Dataset, count: number) => range(d.n(count)).map((i) => ({ id: i + 1, name: d.name(i) }));

export function program(d: Dataset): ProgramYear {
  return {
    id: 3, name: YEAR_NAME[d.id], startsOn: '2026-09-01', endsOn: '2027-08-31', isCurrent: true, targetRatio: 0.25,
    pairingDeadline: '2026-11-11', projectListDeadline: '2026-11-11', matchingDeadline: '2026-11-19', periodMode: 'winter',
    winterVacationStart: d.opt('2027-01-15'), winterVacationEnd: d.opt('2027-02-25'), summerVacationStart: d.opt('2027-07-05'), summerVacationEnd: d.opt('2027-08-31'),
    logWindowDays: 365, scoreWeights: d.opt({ hours: 0.4, days: 0.2, rating: 0.2, feedback: 0.2 }), createdAt: 0,
  };
}

const SIGNALS = [t('review.signal.dayTotal', { hours: 16 }), t('review.signal.photoReused'), t('review.signal.burst', { count: 12 }), t('review.signal.far', { km: 1234.5 })];
const PHOTO = (i: number) => `img_v3_02gp_${String(i).padStart(4, '0')}c3d-9a1b-4e5f-8c7d-6b5a4f3e2d1g`;

export function logView(d: Dataset, i = 0, status: LogView['status'] = 'pending'): LogView {
  return {
    id: 5000 + i, authorName: d.name(i), unit: `${d.line(60, i)} ${d.line(60, i + 1)}`, date: '2026-11-20', item: t('item.x'),
    itemLabel: d.empty ? '' : `「${d.line(30, i)}」`, hours: 8, mode: t('mode.offline'), community: d.line(60, i + 2), source: t('source.self'),
    ...(d.empty ? {} : { practice: t('team.tagTeam', { name: d.line(30, i) }) }),
    description: d.text(500, i), evidence: d.n(9), photos: range(Math.min(3, d.n(3))).map(PHOTO),
    ...(d.empty ? {} : { distanceKm: 1234.5 }), signals: d.empty ? [] : SIGNALS, status,
  };
}

export function pairingView(d: Dataset, status: PairingView['status'] = 'signed'): PairingView {
  return {
    id: 7, status, branchId: 3, branch: d.line(60, 1), college: d.line(60, 2),
    community: { id: 11, name: d.line(60, 3), level: d.empty ? null : 'community', region: d.opt(d.line(60, 4)), tags: d.empty ? [] : [...COMMUNITY_TAGS] },
    signedOn: status === 'draft' ? null : '2026-10-12', endedOn: status === 'ended' ? '2026-11-20' : null,
    contactName: d.opt(d.name(5)), contactPhone: d.opt('0416-23456789'), agreementFileName: d.opt(`${d.line(100, 6)}.pdf`),
    sharedReason: d.opt(d.text(200, 7)), sharedWith: range(d.n(5)).map((i) => d.line(60, i)), priority: !d.empty,
  };
}

const DEADLINE_STATES: DeadlineStatus['state'][] = [{ kind: 'missed' }, { kind: 'late', doneOn: '2026-11-15' }, { kind: 'open', daysLeft: 0 }];

export function branchStatus(d: Dataset, college = d.line(60, 2)): BranchStatus {
  return {
    branch: { id: 3, name: d.line(60, 1), collegeId: 2, college }, programYear: YEAR_NAME[d.id], today: TODAY,
    ...(d.empty ? {} : { pairing: pairingView(d) }),
    pastPairings: range(d.n(SIZE.pastPairings)).map((i) => ({ community: d.line(60, i), from: '2025-10-01', to: i ? '2026-06-30' : null })),
    projects: range(d.n(SIZE.branchProjects)).map((i) => ({ title: d.line(60, i), area: SERVICE_AREAS[i % SERVICE_AREAS.length]! })),
    positions: { count: d.n(15), slots: d.n(120), filled: d.n(80) },
    fourItems: { shishi: !d.empty, zoufang: true, huodong: false, xiangmu: !d.empty },
    approvedHours: d.n(12345.5), memberCount: d.n(SIZE.branchMembers),
    idle: range(d.n(SIZE.branchMembers)).map((i) => d.name(i)), pending: { count: d.n(199), oldestDays: d.n(120) },
    deadlines: (['pairing', 'projectList', 'matching'] as const).map((key, i) => ({ key, deadline: '2026-11-11', state: DEADLINE_STATES[i]! })),
  };
}

const WINDOW = { today: TODAY, weekStart: '2026-11-23', weekEnd: '2026-11-29', activeSince: '2026-10-26' };

function collegeBranch(d: Dataset, i: number): CollegeBranch {
  const participating = i % 4 === 0;
  return {
    id: i + 1, name: d.line(60, i), collegeId: 2, paired: i % 2 === 0, active: i % 3 !== 1, participating,
    fourItems: { shishi: true, zoufang: i % 2 === 0, huodong: i % 3 === 0, xiangmu: participating },
    lastServiceDate: i % 5 ? '2026-09-30' : null, silent: i % 2 === 1, weekHours: 123.5, totalHours: 9876.5, pending: i % 7 ? 99 : 0,
    members: 200, idle: 150, reasons: participating ? [] : ['no_pairing', 'no_log'],
    deadlines: { pairing: { kind: 'missed' }, projectList: i % 2 ? { kind: 'missed' } : { kind: 'late', doneOn: '2026-11-20' }, matching: { kind: 'open', daysLeft: 14 } },
  };
}

function summary(d: Dataset, i: number, name: string, branches: number): CollegeSummary {
  return { id: i + 1, name, coverage: coverage(branches, Math.floor(branches / (2 + (i % 4))), 0.25), paired: branches, active: branches, fourComplete: branches >> 2, weekHours: 1234.5, pending: i % 3 ? 999 : 0, silent: i % 2 ? branches >> 1 : 0 };
}

export function collegeView(d: Dataset): CollegeView {
  const branches = range(d.n(SIZE.branches)).map((i) => collegeBranch(d, i));
  const name = d.id === 'max' ? '机械工程与自动化学院' : d.line(60, 2);
  const p = program(d);
  return {
    college: { id: 2, name }, programYear: p, window: WINDOW, summary: summary(d, 1, name, branches.length),
    totalHours: 123456.5, members: branches.length * 200, idle: branches.length * 150, branches, pending: { count: d.n(9999), oldestDays: d.n(120) },
    organisations: { organisations: d.n(999), paired: d.n(999), projects: d.n(9999) },
  };
}

export function collegeReports(d: Dataset): CollegeReports {
  const q = (index: 1 | 2 | 3 | 4) => ({ index, startsOn: '2026-09-01', dueOn: '2026-11-30' });
  return { current: { quarter: q(2), status: d.empty ? 'none' : 'draft', late: !d.empty }, next: d.empty ? null : { quarter: q(3), daysLeft: 5 }, overdue: d.empty ? [] : [q(1)] };
}

export function overview(d: Dataset): Overview {
  const colleges = range(d.n(SIZE.colleges)).map((i) => summary(d, i, d.id === 'max' ? (i % 2 ? '马克思主义学院' : '机械工程与自动化学院') + i : d.line(60, i), 60));
  return { programYear: program(d), window: WINDOW, colleges, school: { ...coverage(colleges.length * 60, colleges.length * 20, 0.25), weekHours: 74070, pending: 59940, priorityCounties: 12345 }, organisations: { organisations: d.n(9999), paired: d.n(9999), projects: d.n(99999) } };
}

function common(d: Dataset) {
  const deadlines: UpcomingDeadline[] = (['pairing', 'projectList', 'matching'] as const).map((key, i) => ({ key, date: '2026-12-01', daysLeft: 6 + i, open: range(d.n(SIZE.branches)).map((j) => d.line(60, j)) }));
  const cases: NewCase[] = range(d.n(SIZE.cases)).map((i) => (i % 2
    ? { kind: 'report', citation: d.text(200, i), college: d.line(60, i), title: d.line(100, i) }
    : { kind: 'log', citation: d.text(200, i), name: d.name(i), unit: d.line(60, i), date: '2026-11-20' }));
  return {
    week: { key: '2026-W48', monday: '2026-11-23', dueAt: 0, today: TODAY, report: { start: '2026-11-16', end: '2026-11-22' }, previous: { start: '2026-11-09', end: '2026-11-15' } },
    program: program(d), hours: { week: 12345.5, previous: 23456, total: 345678.5 }, participatingBefore: 12, participatingEnd: 13, trend: ['2026-11-01', '2026-11-08', '2026-11-15', '2026-11-22'].map((end, i) => ({ end, participating: 10 + i })),
    top: range(d.n(SIZE.top)).map((i) => ({ name: d.name(i), unit: d.line(60, i), hours: 300 - i })), deadlines, cases,
  };
}

export const collegeDigest = (d: Dataset): CollegeDigest => ({ scope: 'college', ...common(d), view: collegeView(d) });
export const schoolDigest = (d: Dataset): SchoolDigest => ({ scope: 'school', ...common(d), overview: overview(d) });

export function projectVm(d: Dataset, i: number): ProjectVm {
  return {
    id: 100 + i, title: d.line(60, i), branch: d.line(60, i + 1), area: SERVICE_AREAS[i % SERVICE_AREAS.length]!,
    items: [...FOUR_ITEMS.map((item) => ({ item, label: null })), { item: 'x', label: d.line(30, i) }],
    start: '2026-11-01', end: '2027-06-30', community: d.opt(d.line(60, i + 2)),
    goals: d.opt(d.text(500, i)), tasks: d.opt(d.text(500, i + 1)), responsibilities: d.opt(d.text(500, i + 2)),
    members: members(d, SIZE.projectMembers).map((m) => m.name),
    positions: range(d.n(SIZE.positionsPerProject)).map((j) => ({ title: d.line(40, j), schedule: d.opt(d.line(60, j)), slots: 50, confirmed: 50, waiting: 199, closed: j % 2 === 0 })),
    progress: { logs: 12345, hours: 23456.5, pending: 999 },
  };
}

export function candidate(d: Dataset, i: number): CandidateVm {
  return { memberId: i + 1, name: d.name(i), branch: d.line(60, i), score: 99.95, hours: 1234.5, days: 365, rating: d.empty ? null : 4.75, feedback: d.empty ? null : 3.25, points: { hours: 40, days: 20, rating: 19.5, feedback: 16.3 } };
}

export function recommendation(d: Dataset, i: number): RecommendationVm {
  return { id: i + 1, name: d.name(i), branch: d.line(60, i), post: 'league_instructor', community: d.line(60, i + 2), status: i % 2 ? 'appointed' : 'recommended', score: i % 3 ? 88.8 : null };
}

/** A 三下乡 team as /三下乡 lists it: a name (≤ 30), a destination (≤ 60), up to 50 members. */
export function teamVm(d: Dataset, i: number): TeamVm {
  return { name: d.line(30, i), college: d.line(60, i + 1), leader: d.name(i), destination: d.line(60, i + 2), matched: i % 2 === 0, members: members(d, SIZE.teamMembers).map((m) => m.name) };
}

/** A student organisation as /组织 lists it: a name (≤ 30), its college, leader, pairing and projects. */
export function organisationVm(d: Dataset, i: number): OrganisationVm {
  return {
    id: i + 1, name: d.line(30, i), kind: t('org.kind.volunteer_association'), college: d.line(60, i + 1), leader: i % 3 ? d.name(i) : null,
    pairing: i % 2 ? { status: 'signed', community: d.line(60, i + 2) } : null, projects: 999,
  };
}

/** Every command's help line, as /帮助 lists them for a 团委 admin (all of them). */
export function helpEntries(d: Dataset): { example: string; summary: string }[] {
  return d.empty ? [] : HELP_KEYS.map((k) => ({ example: t(`cmd.${k}.example`), summary: t(`cmd.${k}.summary`) }));
}
const HELP_KEYS = ['help', 'bind', 'me', 'checkin', 'log', 'review', 'bindgroup', 'pair', 'branch', 'project', 'positions', 'recommend', 'college', 'overview', 'digest', 'export', 'mode', 'report', 'case', 'team'] as const;
