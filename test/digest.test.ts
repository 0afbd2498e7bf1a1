/**
 * The weekly digest (src/jobs/digest.ts) on the example roster with an injected clock: exact
 * figures and chart data on the college and school cards, names only; one message per chat per
 * week across repeated runs, a restart, a crash mid-fan-out and send failures; catch-up after
 * downtime (same week only, never before Monday 09:00); /周报; rate-limited fan-out.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { startBot, type RunningBot } from '../src/app.js';
import { colleges, excellentCases, jobRuns, members, outbox, pairings, programYears, serviceLogs, settings, type Member } from '../src/db/schema/index.js';
import { SCHOOL_CHAT_KEY } from '../src/domain/groups.js';
import { silentLogger } from '../src/log.js';
import { t } from '../src/text/zh-CN.js';
import type { SentMessage } from './fakes/openApi.js';
import { TestClock } from './helpers/harness.js';
import { VirtualTimer } from './helpers/timers.js';
import { ACCOUNTS, addCommunity, cardText, program, said, startLoop, type Loop } from './helpers/loop.js';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
/** Wednesday 2026-11-25 15:00 Beijing, week 2026-W48 (Monday 11-23). */
const WEDNESDAY = Date.parse('2026-11-25T07:00:00Z');
/** Monday 2026-11-30 08:59 Beijing, the start of 2026-W49. */
const NEXT_MONDAY_0859 = Date.parse('2026-11-30T00:59:00Z');
const SEND = { method: 'POST', path: '/open-apis/im/v1/messages' };
const CS_CHAT = 'oc_digest_cs';
const ECON_CHAT = 'oc_digest_econ';
const SCHOOL_CHAT = 'oc_digest_school';
const CHATS = [CS_CHAT, ECON_CHAT, SCHOOL_CHAT];

const extra: RunningBot[] = [];
let loop: Loop | undefined;
afterEach(async () => {
  for (const b of extra.splice(0)) await b.stop();
  await loop?.h.close();
  loop = undefined;
});

function byNo(l: Loop, studentNo: string): Member {
  return l.h.bot.db.select().from(members).where(eq(members.studentNo, studentNo)).get()!;
}

function log(l: Loop, m: Member, date: string, item: 'shishi' | 'zoufang' | 'huodong' | 'xiangmu', hours: number, status: 'approved' | 'pending' | 'rejected' = 'approved', createdAt = l.h.clock.now()): number {
  return l.h.bot.db.insert(serviceLogs).values({
    memberId: m.id, branchId: m.branchId, collegeId: m.collegeId!, programYearId: program(l.h).id, serviceDate: date, item,
    halfHours: hours * 2, description: 'x', source: 'self', status, dedupeKey: randomUUID(), createdAt,
  }).returning().get().id;
}

function pairOn(l: Loop, branchId: number, date: string): void {
  const c = addCommunity(l.h, `社区${randomUUID().slice(0, 6)}`);
  l.h.bot.db.insert(pairings).values({ branchId, communityId: c.id, programYearId: program(l.h).id, status: 'signed', signedOn: date }).run();
}

/** Binds the two college groups and the 团委's group, as /绑定群 would have. */
function bindGroups(l: Loop): void {
  const db = l.h.bot.db;
  db.update(colleges).set({ chatId: CS_CHAT }).where(eq(colleges.name, '计算机科学与工程学院')).run();
  db.update(colleges).set({ chatId: ECON_CHAT }).where(eq(colleges.name, '经济管理学院')).run();
  db.insert(settings).values({ key: SCHOOL_CHAT_KEY, value: SCHOOL_CHAT, updatedAt: l.h.clock.now() }).run();
}

/**
 * The seeded school, Wednesday of 2026-W48 (reported week 11-16…11-22, the week before 11-09…11-15):
 * 计科2301 paired on 11-18 (so it joined during the reported week), 会计2301 paired on 11-01.
 */
async function seeded(now = WEDNESDAY): Promise<Loop> {
  const l = await startLoop({ now });
  const { m } = l;
  const cs2302 = byNo(l, '2023010203');
  const se = [byNo(l, '2023020101'), byNo(l, '2023020102')] as const;
  const acc = [byNo(l, '2023110101'), byNo(l, '2023110102')] as const;
  pairOn(l, m.secretary.branchId!, '2026-11-18');
  pairOn(l, acc[0].branchId!, '2026-11-01');
  log(l, m.student, '2026-11-10', 'shishi', 2);
  const visit = log(l, m.secretary, '2026-11-18', 'zoufang', 3);
  log(l, m.student, '2026-11-20', 'huodong', 1.5);
  log(l, m.otherStudent, '2026-11-17', 'shishi', 4);
  log(l, m.student2, '2026-11-24', 'shishi', 1);
  log(l, se[0], '2026-10-15', 'shishi', 1);
  log(l, se[1], '2026-11-19', 'shishi', 5, 'rejected');
  log(l, acc[0], '2026-11-12', 'xiangmu', 2);
  log(l, acc[1], '2026-11-21', 'shishi', 0.5);
  log(l, cs2302, '2026-11-22', 'shishi', 1, 'pending', l.h.clock.now() - 3 * DAY);
  const db = l.h.bot.db;
  db.update(programYears).set({ matchingDeadline: '2026-12-05' }).where(eq(programYears.id, program(l.h).id)).run();
  db.insert(excellentCases).values({ subjectKind: 'log', subjectId: visit, citation: '走访孤寡老人 <at id=all>', createdAt: l.h.clock.now() - DAY }).run();
  bindGroups(l);
  return l;
}

const toChat = (l: Loop, chatId: string): SentMessage[] => l.h.fake.messages.filter((x) => x.kind === 'send' && x.receiveId === chatId);
const counts = (l: Loop) => CHATS.map((c) => toChat(l, c).length);

async function runDigest(l: Loop, bot: RunningBot = l.h.bot, job = 'weeklyDigest'): Promise<void> {
  await bot.scheduler.runNow(job);
  await bot.outbox.drain();
}

function chartOf(card: unknown): Record<string, any> {
  const chart = (card as { body: { elements: Record<string, any>[] } }).body.elements.find((e) => e.tag === 'chart');
  if (!chart) throw new Error('no chart');
  return chart;
}

describe('the weekly digest card', () => {
  it('gives a college its coverage vs target with a chart, change, hours, 四个一, top, silent, pending, deadlines, new cases', async () => {
    loop = await seeded();
    await runDigest(loop);
    const [msg] = toChat(loop, CS_CHAT);
    expect(msg).toBeDefined();
    const text = cardText(msg!.content);
    expect(text).toContain('每周进展 · 计算机科学与工程学院');
    expect(text).toContain('2026-W48 · 统计至 2026-11-25');
    expect(text).toContain('2026-2027 实践年度');
    expect(text).toContain('**覆盖率**：1/3 个团支部参与（33.3%），目标 25%　✅ 已达标');
    expect(text).toContain('**较上周**：+1 个参与团支部（前一周末 0 个，上周末 1 个）');
    expect(text).toContain('**已认证时长**：上周（2026-11-16 至 2026-11-22）8.5 小时（前一周 2 小时）· 本年度累计 12.5 小时');
    expect(text).toContain('**"四个一"**：全部完成 0/3 个团支部 · 实事 3 · 走访 1 · 活动 1 · 项目 0');
    expect(text).toContain('**上周服务时长前 3 名**\n1. 孙佳怡（计科2302团支部）4 小时\n2. 王梓涵（计科2301团支部）3 小时\n3. 李浩然（计科2301团支部）1.5 小时');
    expect(text).toContain('**沉寂团支部**（近 30 天没有已认证的服务记录，1 个）\n- 软工2301团支部：最近一次 2026-10-15');
    expect(text).toContain('**待审核**：1 条，最早的已等 3 天');
    expect(text).toContain('- 岗位对接：截止 2026-12-05（还有 10 天），尚未完成 3 个团支部\n　计科2301团支部、计科2302团支部、软工2301团支部');
    expect(text).toContain('**新的优秀案例**\n- 走访孤寡老人 &lt;at id=all&gt;（计科2301团支部 · 王梓涵 · 2026-11-18）');
    expect(text).not.toContain('<at id=all>');
    // Names only: no student numbers, no phones.
    expect(JSON.stringify(msg!.content)).not.toMatch(/2023\d{6}|T\d{4}|138/);
    expect(Buffer.byteLength(JSON.stringify(msg!.content))).toBeLessThan(30_000);

    const chart = chartOf(msg!.content);
    expect(chart.chart_spec).toMatchObject({ type: 'bar', xField: 'name', yField: 'percent', seriesField: 'status' });
    // The notice's measure against its target: the share of branches taking part at each of the
    // last four week-ends (计科2301 joined on 11-18); member participation is a figure of its own.
    expect(chart.chart_spec.data.values).toEqual([
      { name: '11-01', percent: 0, status: '未达标' },
      { name: '11-08', percent: 0, status: '未达标' },
      { name: '11-15', percent: 0, status: '未达标' },
      { name: '11-22', percent: 33.3, status: '达标' },
    ]);
    expect(chart.chart_spec.markLine[0]).toMatchObject({ y: 25, label: { text: '目标 25%' } });
    expect(text).toContain('**参与团支部占比**（近 4 个周末；虚线为目标 25%）');
    expect(text).toContain('**成员参与**：5/8 名成员本年度有已认证的服务记录（62.5%）');
  });

  it('counts a branch that joins after the reported week as next week\'s change, once', async () => {
    loop = await seeded();
    const se = byNo(loop, '2023020101');
    pairOn(loop, se.branchId!, '2026-11-24');
    log(loop, se, '2026-11-24', 'shishi', 2);
    await runDigest(loop);
    const w48 = cardText(toChat(loop, CS_CHAT).at(-1)!.content);
    expect(w48).toContain('**覆盖率**：2/3 个团支部参与');
    expect(w48).toContain('**较上周**：+1 个参与团支部（前一周末 0 个，上周末 1 个）');
    loop.h.clock.advance(7 * DAY);
    await runDigest(loop);
    const w49 = cardText(toChat(loop, CS_CHAT).at(-1)!.content);
    expect(w49).toContain('**较上周**：+1 个参与团支部（前一周末 1 个，上周末 2 个）');
  });

  it('gives the 团委 the all-college version with a chart per college', async () => {
    loop = await seeded();
    loop.h.bot.db.update(colleges).set({ chatId: null }).where(eq(colleges.name, '经济管理学院')).run();
    await runDigest(loop);
    const [msg] = toChat(loop, SCHOOL_CHAT);
    const text = cardText(msg!.content);
    expect(text).toContain('每周进展 · 全校');
    expect(text).toContain('**覆盖率**：2/6 个团支部参与（33.3%），目标 25%　✅ 已达标');
    expect(text).toContain('**较上周**：+1 个参与团支部（前一周末 1 个，上周末 2 个）');
    expect(text).toContain('**未达标学院**：没有');
    expect(text).toContain('**已认证时长**：上周（2026-11-16 至 2026-11-22）9 小时（前一周 4 小时）· 本年度累计 15 小时');
    expect(text).toContain('**"四个一"**：全部完成 0/6 个团支部');
    expect(text).toContain('**待审核**：1 条 · 计算机科学与工程学院 1');
    expect(text).toContain('1. 孙佳怡（计算机科学与工程学院）4 小时');
    expect(text).toContain('4. 何欣怡（经济管理学院）0.5 小时');
    expect(text).toContain('- 岗位对接：截止 2026-12-05（还有 10 天），尚未完成 6 个团支部');
    expect(JSON.stringify(msg!.content)).not.toMatch(/2023\d{6}|T\d{4}|138/);
    const values = chartOf(msg!.content).chart_spec.data.values as { name: string; percent: number; status: string }[];
    expect(values.map((v) => `${v.name} ${v.percent} ${v.status}`).sort()).toEqual(['经济管理学院 33.3 达标', '计算机科学与工程学院 33.3 达标'].sort());
    // Only bound chats get a digest.
    expect(counts(loop)).toEqual([1, 0, 1]);
  });
});

describe('exactly once per chat per week', () => {
  it('running the job twice, and /周报 after it, sends one digest to each chat', async () => {
    loop = await seeded();
    await runDigest(loop);
    await runDigest(loop);
    await runDigest(loop, loop.h.bot, 'weeklyDigestRetry');
    expect(counts(loop)).toEqual([1, 1, 1]);
    expect(said(await loop.h.say(ACCOUNTS.schoolAdmin, '/周报'))).toBe(t('digest.done', { week: '2026-W48', posted: 0, skipped: 3, unbound: '' }));
    await loop.h.bot.outbox.drain();
    expect(counts(loop)).toEqual([1, 1, 1]);
    expect(toChat(loop, CS_CHAT)[0]!.uuid).toBe('digest:college:1:2026-W48');
  });

  it('a restart on the same database posts nothing again (the catch-up finds the week done)', async () => {
    loop = await seeded();
    await runDigest(loop);
    await loop.h.bot.stop();
    const again = await startBot(loop.h.config, { clock: loop.h.clock, log: silentLogger });
    extra.push(again);
    await runDigest(loop, again);
    expect(counts(loop)).toEqual([1, 1, 1]);
  });

  it('a crash after a claim, before anything was written, is finished once the claim goes stale', async () => {
    loop = await seeded();
    // The process died right after claiming the first college: a 'claimed' row, no outbox row.
    loop.h.bot.db.insert(jobRuns).values({ kind: 'digest', target: 'college:1', period: '2026-W48', status: 'claimed', claimedAt: loop.h.clock.now() }).run();
    await runDigest(loop);
    expect(counts(loop)).toEqual([0, 1, 1]);
    loop.h.clock.advance(3 * MIN);
    await runDigest(loop, loop.h.bot, 'weeklyDigestRetry');
    await runDigest(loop, loop.h.bot, 'weeklyDigestRetry');
    expect(counts(loop)).toEqual([1, 1, 1]);
  });

  it('a crash after the digests were written but before they were sent sends each once on restart', async () => {
    loop = await seeded();
    await loop.h.bot.outbox.stop();
    await loop.h.bot.scheduler.runNow('weeklyDigest');
    expect(loop.h.bot.db.select().from(outbox).where(eq(outbox.status, 'pending')).all()).toHaveLength(3);
    await loop.h.bot.stop();
    expect(counts(loop)).toEqual([0, 0, 0]);
    const again = await startBot(loop.h.config, { clock: loop.h.clock, log: silentLogger });
    extra.push(again);
    await runDigest(loop, again);
    expect(counts(loop)).toEqual([1, 1, 1]);
  });

  it('sends that fail with HTTP 500 are retried with backoff; each chat still gets one', async () => {
    loop = await seeded();
    loop.h.fake.failNext(SEND, { status: 500, body: { code: 500, msg: 'internal error' } }, 4);
    await runDigest(loop);
    for (let i = 0; i < 4 && counts(loop).some((n) => n === 0); i++) {
      loop.h.clock.advance(2 * MIN);
      await loop.h.bot.outbox.drain();
    }
    expect(counts(loop)).toEqual([1, 1, 1]);
  });
});

describe('catch-up after downtime', () => {
  it('a bot down over Monday 09:00 posts on its return the same week, and the next week once', async () => {
    loop = await seeded(NEXT_MONDAY_0859 - 7 * DAY);
    // Monday 08:59 of W48: not yet.
    await runDigest(loop);
    expect(counts(loop)).toEqual([0, 0, 0]);
    await loop.h.bot.stop();
    // Back on Wednesday of the same week: the start-up catch-up posts W48.
    loop.h.clock.ms = WEDNESDAY;
    const again = await startBot(loop.h.config, { clock: loop.h.clock, log: silentLogger });
    extra.push(again);
    await runDigest(loop, again);
    expect(counts(loop)).toEqual([1, 1, 1]);
    expect(toChat(loop, CS_CHAT)[0]!.uuid).toBe('digest:college:1:2026-W48');
    // The next Monday at 08:59 nothing yet; at 09:00 W49, once.
    loop.h.clock.ms = NEXT_MONDAY_0859;
    await runDigest(loop, again);
    expect(counts(loop)).toEqual([1, 1, 1]);
    loop.h.clock.advance(MIN);
    await runDigest(loop, again);
    await runDigest(loop, again);
    expect(counts(loop)).toEqual([2, 2, 2]);
    expect(toChat(loop, CS_CHAT)[1]!.uuid).toBe('digest:college:1:2026-W49');
    // The case was listed in W48's digest; W49's does not list it again.
    expect(cardText(toChat(loop, CS_CHAT)[1]!.content)).not.toContain('优秀案例');
  });

  it('never posts a past week late: down for all of W48, back on Monday 08:59 of W49 → nothing', async () => {
    loop = await seeded();
    await loop.h.bot.stop();
    loop.h.clock.ms = NEXT_MONDAY_0859;
    const again = await startBot(loop.h.config, { clock: loop.h.clock, log: silentLogger });
    extra.push(again);
    await runDigest(loop, again);
    expect(counts(loop)).toEqual([0, 0, 0]);
    expect(again.db.select().from(jobRuns).all()).toEqual([]);
  });
});

describe('/周报', () => {
  it('the 团委 posts now, even before Monday 09:00; a 团总支 is refused and nothing is sent', async () => {
    loop = await seeded(NEXT_MONDAY_0859 - 7 * DAY);
    loop.h.bot.db.update(colleges).set({ chatId: null }).where(eq(colleges.name, '经济管理学院')).run();
    expect(said(await loop.h.say(ACCOUNTS.collegeAdmin, '/周报'))).toBe(t('error.forbidden', { command: '周报', role: t('role.school_admin') }));
    await loop.h.bot.outbox.drain();
    expect(counts(loop)).toEqual([0, 0, 0]);
    const reply = said(await loop.h.say(ACCOUNTS.schoolAdmin, '/digest'));
    expect(reply).toBe(t('digest.done', { week: '2026-W48', posted: 2, skipped: 0, unbound: t('digest.unbound', { count: 1, colleges: '经济管理学院' }) }));
    await loop.h.bot.outbox.drain();
    expect(counts(loop)).toEqual([1, 0, 1]);
    // The 09:00 run then skips the chats already posted.
    loop.h.clock.advance(MIN);
    await runDigest(loop);
    expect(counts(loop)).toEqual([1, 0, 1]);
  });
});

describe('rate-limited fan-out', () => {
  it('a chat answering 230020 is retried later while the others go out; each arrives once', async () => {
    loop = await seeded();
    await loop.h.bot.stop();
    loop.h.fake.failNext(SEND, { status: 400, body: { code: 230020, msg: 'The message sending frequency to this chat exceeds the limit' } });
    // Restarted with one lane, a short hold and no retries inside the API client (the outbox's
    // handling is under test); its start-up catch-up writes the three digests.
    const timer = new VirtualTimer();
    const again = await startBot(loop.h.config, { clock: new TestClock(loop.h.clock.now()), log: silentLogger, retry: { attempts: 1, baseDelayMs: 1, maxDelayMs: 1 }, outbox: { rateLimitBackoffMs: 500, lanes: 1, timer } });
    extra.push(again);
    await again.scheduler.runNow('weeklyDigest');
    await again.outbox.drain();
    // The chat that answered 230020 is held back, not failed; the others were not held up.
    const held = again.db.select().from(outbox).where(eq(outbox.status, 'pending')).all();
    expect(held).toHaveLength(1);
    expect(held[0]).toMatchObject({ attempts: 0 });
    expect(held[0]!.lastError).toContain('230020');
    expect(counts(loop)).toEqual(CHATS.map((c) => (c === held[0]!.receiveId ? 0 : 1)));
    timer.advance(499);
    await again.outbox.drain();
    expect(counts(loop)).toEqual(CHATS.map((c) => (c === held[0]!.receiveId ? 0 : 1)));
    timer.advance(1); // the hold is over
    await again.outbox.drain();
    expect(counts(loop)).toEqual([1, 1, 1]);
  });
});
