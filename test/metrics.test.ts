/**
 * Tracking metrics (PRODUCT.md §6) on a seeded school with exact numbers: participating
 * branches (signed / draft / ended pairings × approved / pending / rejected logs), coverage
 * against the target, "四个一", hours this week (Monday–Sunday in Asia/Shanghai) and in total,
 * silent branches at the 30-day boundary, pending reviews, members with no participation,
 * deadlines per branch, and another program year's logs kept apart.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { closeDb, openDb, type Db } from '../src/db/client.js';
import { branches, colleges, communities, members, pairings, positions, positionSignups, programYears, projects, serviceLogs, type Item } from '../src/db/schema/index.js';
import { collegeView, idleMembers, metricsWindow, programYearById, schoolOverview, type CollegeView } from '../src/domain/metrics/index.js';

const TZ = 'Asia/Shanghai';
/** Monday 2026-11-30 00:30 in Beijing — still Sunday 16:30 in UTC. */
const MONDAY = Date.parse('2026-11-29T16:30:00Z');
/** Sunday 2026-11-29 23:30 in Beijing. */
const SUNDAY = Date.parse('2026-11-29T15:30:00Z');
const at = (iso: string) => Date.parse(`${iso}T02:00:00Z`);

interface School {
  db: Db;
  py0: number;
  py1: number;
  branch: Record<string, number>;
  member: Record<string, number>;
  college: Record<'A' | 'B' | 'C', { id: number; name: string }>;
}

function seed(): School {
  const db = openDb(':memory:');
  const py = (name: string, startsOn: string, endsOn: string, isCurrent: boolean, y: number) =>
    db.insert(programYears).values({ name, startsOn, endsOn, isCurrent, pairingDeadline: `${y}-11-11`, projectListDeadline: `${y}-11-11`, matchingDeadline: `${y}-11-19` }).returning().get().id;
  const py0 = py('2025-2026', '2025-10-01', '2026-09-30', false, 2025);
  const py1 = py('2026-2027', '2026-10-01', '2027-09-30', true, 2026);
  const college = {
    A: db.insert(colleges).values({ name: '计算机科学与工程学院' }).returning().get(),
    B: db.insert(colleges).values({ name: '经济管理学院' }).returning().get(),
    C: db.insert(colleges).values({ name: '外国语学院' }).returning().get(),
  };
  const branch: Record<string, number> = {};
  const member: Record<string, number> = {};
  for (const [key, c] of [['A1', 'A'], ['A2', 'A'], ['A3', 'A'], ['A4', 'A'], ['A5', 'A'], ['B1', 'B'], ['B2', 'B'], ['C1', 'C']] as const) {
    branch[key] = db.insert(branches).values({ collegeId: college[c].id, name: `${key}团支部` }).returning().get().id;
    for (const who of ['a', 'b']) {
      member[`${key}${who}`] = db.insert(members).values({ studentNo: `${key}${who}`, name: `${key}${who}`, role: who === 'a' ? 'secretary' : 'student', collegeId: college[c].id, branchId: branch[key] }).returning().get().id;
    }
  }
  member.adminA = db.insert(members).values({ studentNo: 'T1', name: '陈晓东', role: 'college_admin', collegeId: college.A.id }).returning().get().id;

  const community = (name: string) => db.insert(communities).values({ name, normalisedName: name }).returning().get().id;
  const pair = (b: string, status: 'draft' | 'signed' | 'ended', signedOn: string | null, programYearId: number) =>
    db.insert(pairings).values({ branchId: branch[b]!, communityId: community(`${b}社区`), programYearId, status, signedOn }).run();
  pair('A1', 'signed', '2026-11-05', py1);
  pair('A2', 'draft', null, py1);
  pair('A3', 'ended', '2026-10-10', py1); // ended, but signed during the year: counts
  pair('A4', 'ended', '2025-10-15', py0); // ended, signed the year before: does not count this year
  pair('A5', 'signed', '2025-11-01', py0); // still running from last year: counts
  pair('B1', 'signed', '2026-10-20', py1);

  const log = (who: string, date: string, item: Item, hours: number, status: 'approved' | 'pending' | 'rejected', programYearId = py1) => {
    const m = db.select().from(members).where(eq(members.id, member[who]!)).get()!;
    db.insert(serviceLogs).values({
      memberId: m.id, branchId: m.branchId, collegeId: m.collegeId!, programYearId, serviceDate: date, item, halfHours: hours * 2,
      description: 'x', source: 'self', status, dedupeKey: randomUUID(), createdAt: at(date),
    }).run();
  };
  log('A1a', '2026-11-30', 'shishi', 2, 'approved'); // Monday: this week
  log('A1a', '2026-11-29', 'zoufang', 1.5, 'approved'); // Sunday: last week
  log('A1b', '2026-11-27', 'huodong', 1, 'pending');
  log('A1b', '2026-11-28', 'xiangmu', 3, 'rejected');
  log('A2a', '2026-11-20', 'huodong', 3, 'approved');
  log('A2b', '2026-05-01', 'shishi', 4, 'approved', py0); // last year's: not counted this year
  log('A3a', '2026-11-25', 'shishi', 1, 'pending');
  log('A4a', '2026-10-15', 'xiangmu', 1, 'approved');
  for (const item of ['shishi', 'zoufang', 'huodong', 'xiangmu'] as const) log('A5a', '2026-11-01', item, 0.5, 'approved'); // exactly 29 days before Monday
  log('A5a', '2026-09-20', 'shishi', 2, 'approved', py0);
  log('B1b', '2026-11-25', 'x', 2, 'approved');
  log('adminA', '2026-11-30', 'zoufang', 1, 'approved'); // a 团总支's own log: college hours, no branch

  // Deadlines: A1's project list comes late (11-15); A5 matches a position on time (11-18).
  db.insert(projects).values({ branchId: branch.A1!, programYearId: py1, title: '垃圾分类', area: 'ecology', createdAt: at('2026-11-15') }).run();
  const position = db.insert(positions).values({ branchId: branch.A5!, collegeId: college.A.id, title: '辅导员', createdAt: at('2026-11-10') }).returning().get();
  db.insert(positionSignups).values({ positionId: position.id, memberId: member.A5b!, status: 'confirmed', createdAt: at('2026-11-12'), decidedAt: at('2026-11-18') }).run();
  return { db, py0, py1, branch, member, college };
}

const byName = (v: CollegeView, name: string) => v.branches.find((b) => b.name === `${name}团支部`)!;

describe('metrics on a seeded school', () => {
  let s: School;
  beforeAll(() => {
    s = seed();
    return () => closeDb(s.db);
  });

  it('the week is Monday–Sunday in Asia/Shanghai, whatever the UTC date', () => {
    const program = { endsOn: '2027-09-30' };
    expect(metricsWindow(program, { now: MONDAY, tz: TZ })).toEqual({ today: '2026-11-30', weekStart: '2026-11-30', weekEnd: '2026-12-06', activeSince: '2026-11-01' });
    expect(metricsWindow(program, { now: SUNDAY, tz: TZ })).toMatchObject({ today: '2026-11-29', weekStart: '2026-11-23', weekEnd: '2026-11-29' });
    // A past year is judged as it ended.
    expect(metricsWindow({ endsOn: '2026-09-30' }, { now: MONDAY, tz: TZ }).today).toBe('2026-09-30');
  });

  it('participation needs a counting signed pairing and an approved log; the reasons say which is missing', () => {
    const v = collegeView(s.db, s.college.A, s.py1, { now: MONDAY, tz: TZ });
    const row = (n: string) => ({ paired: byName(v, n).paired, active: byName(v, n).active, participating: byName(v, n).participating, reasons: byName(v, n).reasons });
    expect(row('A1')).toEqual({ paired: true, active: true, participating: true, reasons: [] });
    expect(row('A2')).toEqual({ paired: false, active: true, participating: false, reasons: ['no_pairing'] }); // draft only
    expect(row('A3')).toEqual({ paired: true, active: false, participating: false, reasons: ['no_log'] }); // pending only
    expect(row('A4')).toEqual({ paired: false, active: true, participating: false, reasons: ['no_pairing'] }); // ended last year
    expect(row('A5')).toEqual({ paired: true, active: true, participating: true, reasons: [] }); // running since last year
    expect(v.summary.coverage).toEqual({ branches: 5, participating: 2, ratio: 0.4, target: 0.25, needed: 0, belowTarget: false });
    expect(v.summary).toMatchObject({ paired: 3, active: 4, fourComplete: 1, silent: 2 });
  });

  it('"四个一", hours this week and in total, pending reviews and idle members, exactly', () => {
    const v = collegeView(s.db, s.college.A, s.py1, { now: MONDAY, tz: TZ });
    expect(byName(v, 'A1').fourItems).toEqual({ shishi: true, zoufang: true, huodong: false, xiangmu: false }); // pending 活动, rejected 项目
    expect(byName(v, 'A5').fourItems).toEqual({ shishi: true, zoufang: true, huodong: true, xiangmu: true });
    expect(byName(v, 'A1')).toMatchObject({ weekHours: 2, totalHours: 3.5, pending: 1, members: 2, idle: 1 });
    expect(byName(v, 'A2')).toMatchObject({ weekHours: 0, totalHours: 3, idle: 1 }); // A2b's hours are last year's
    expect(byName(v, 'A3')).toMatchObject({ totalHours: 0, pending: 1, idle: 2 });
    expect(v.summary.weekHours).toBe(3); // A1's Monday log + the 团总支's own
    expect(v.totalHours).toBe(2 + 1.5 + 3 + 1 + 2 + 1);
    expect(v.pending).toEqual({ count: 2, oldestDays: 4 }); // A3a's, stored 11-25 10:00 Beijing: 4 whole days waiting
    expect({ members: v.members, idle: v.idle }).toEqual({ members: 10, idle: 6 });
    expect(idleMembers(s.db, programYearById(s.db, s.py1), s.branch.A2!).map((m) => m.name)).toEqual(['A2b']);
  });

  it('on Sunday night the week is the one that ends that day', () => {
    const v = collegeView(s.db, s.college.A, s.py1, { now: SUNDAY, tz: TZ });
    expect(byName(v, 'A1').weekHours).toBe(1.5);
    expect(v.summary.weekHours).toBe(1.5);
  });

  it('silent: no approved log dated in the last 30 days, at the boundary', () => {
    const monday = collegeView(s.db, s.college.A, s.py1, { now: MONDAY, tz: TZ });
    expect(monday.branches.filter((b) => b.silent).map((b) => b.name)).toEqual(['A3团支部', 'A4团支部']);
    expect(byName(monday, 'A5').lastServiceDate).toBe('2026-11-01');
    const tuesday = collegeView(s.db, s.college.A, s.py1, { now: MONDAY + 86_400_000, tz: TZ });
    expect(tuesday.branches.filter((b) => b.silent).map((b) => b.name)).toEqual(['A3团支部', 'A4团支部', 'A5团支部']);
  });

  it('deadlines per branch: met, late and missed by the same rules as the branch dashboard', () => {
    const v = collegeView(s.db, s.college.A, s.py1, { now: MONDAY, tz: TZ });
    const kinds = (key: 'pairing' | 'projectList' | 'matching') => Object.fromEntries(v.branches.map((b) => [b.name.slice(0, 2), b.deadlines[key].kind]));
    expect(kinds('pairing')).toEqual({ A1: 'met', A2: 'missed', A3: 'met', A4: 'missed', A5: 'met' });
    expect(kinds('projectList')).toEqual({ A1: 'late', A2: 'missed', A3: 'missed', A4: 'missed', A5: 'missed' });
    expect(kinds('matching')).toEqual({ A1: 'missed', A2: 'missed', A3: 'missed', A4: 'missed', A5: 'met' });
  });

  it('the overview: every college sorted by coverage, those below target marked with what they need', () => {
    const o = schoolOverview(s.db, s.py1, { now: MONDAY, tz: TZ });
    expect(o.colleges.map((c) => [c.name, c.coverage.participating, c.coverage.branches, c.coverage.belowTarget, c.coverage.needed])).toEqual([
      ['经济管理学院', 1, 2, false, 0],
      ['计算机科学与工程学院', 2, 5, false, 0],
      ['外国语学院', 0, 1, true, 1],
    ]);
    expect(o.colleges[1]).toMatchObject({ weekHours: 3, pending: 2, paired: 3, active: 4, fourComplete: 1, silent: 2 });
    expect(o.school).toMatchObject({ branches: 8, participating: 3, needed: 0, weekHours: 3, pending: 2 });
  });

  it('a higher target turns a college below target; coverage is compared in whole branches', () => {
    s.db.update(programYears).set({ targetRatio: 0.5 }).where(eq(programYears.id, s.py1)).run();
    try {
      const o = schoolOverview(s.db, s.py1, { now: MONDAY, tz: TZ });
      expect(o.colleges.find((c) => c.id === s.college.A.id)!.coverage).toMatchObject({ participating: 2, needed: 1, belowTarget: true });
      expect(o.colleges.find((c) => c.id === s.college.B.id)!.coverage).toMatchObject({ ratio: 0.5, needed: 0, belowTarget: false });
    } finally {
      s.db.update(programYears).set({ targetRatio: 0.25 }).where(eq(programYears.id, s.py1)).run();
    }
  });

  it('another program year is measured on its own logs and pairings', () => {
    const v = collegeView(s.db, s.college.A, s.py0, { now: MONDAY, tz: TZ });
    expect(v.window.today).toBe('2026-09-30');
    expect(v.branches.filter((b) => b.paired).map((b) => b.name)).toEqual(['A4团支部', 'A5团支部']); // A1 signed after that year
    expect(v.branches.filter((b) => b.participating).map((b) => b.name)).toEqual(['A5团支部']);
    expect(v.summary.coverage).toMatchObject({ participating: 1, branches: 5, needed: 1, belowTarget: true });
    expect(v.totalHours).toBe(6);
    expect(byName(v, 'A2')).toMatchObject({ totalHours: 4, idle: 1, silent: true, lastServiceDate: '2026-05-01' });
    expect(byName(v, 'A5')).toMatchObject({ silent: false, fourItems: { shishi: true, zoufang: false, huodong: false, xiangmu: false } });
    expect(v.pending.count).toBe(0);
  });
});
