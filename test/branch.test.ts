/**
 * The branch dashboard (/支部, PRODUCT.md §3) on a seeded branch, through signed events: the
 * pairing (with the 国家乡村振兴重点帮扶县 mark), project list, positions, "四个一" completion
 * from approved logs only, members with no participation, pending reviews, and the program
 * year's deadlines met, late, missed or still open as the TestClock moves; who may see which
 * branch, and the 刷新 button judged by the clicker.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pairings, positions, positionSignups, programYears, projects } from '../src/db/schema/index.js';
import { t } from '../src/text/zh-CN.js';
import { bindDirect } from './helpers/bot.js';
import { ACCOUNTS, answerCard, button, buttons, cardText, envelope, HOUR, lastLog, program, said, startLoop, submitLog, type Loop } from './helpers/loop.js';

const { secretary, student, student2, otherSecretary, otherStudent, collegeAdmin, schoolAdmin } = ACCOUNTS;
const DAY = 24 * HOUR;
/** 2026-11-05 10:00 in Beijing: before every default deadline (11-11, 11-11, 11-19). */
const EARLY = Date.parse('2026-11-05T02:00:00Z');
const ECON_SECRETARY = 'ou_branch_econ_secretary'; // 2023110101 冯宇航, 会计2301团支部

async function approvedLog(loop: Loop, who: 'student' | 'student2', item: string, date: string): Promise<void> {
  const res = await submitLog(loop.h, ACCOUNTS[who], { item, date: `${date} +0800`, hours: '2', description: `${item} 服务` });
  if (res.body?.toast?.type !== 'success') throw new Error(res.text);
  const log = lastLog(loop.h, loop.m[who]);
  const ok = await loop.h.click(secretary, envelope('review.approve', { l: log.id }), { formValue: { rating: '4' } });
  if (ok.body?.toast?.type !== 'success') throw new Error(ok.text);
}

const dashboard = async (loop: Loop, who: string, text = '/支部') => loop.h.say(who, text);

describe('/支部 on a seeded branch as the weeks pass', () => {
  let loop: Loop;
  beforeAll(async () => {
    loop = await startLoop({ now: EARLY });
    bindDirect(loop.h, '2023110101', ECON_SECRETARY);
    // 李浩然: 实事 and 走访 approved, an 活动 rejected; 张雨桐: only a pending 活动.
    await approvedLog(loop, 'student', 'shishi', '2026-11-03');
    await approvedLog(loop, 'student', 'zoufang', '2026-11-04');
    await submitLog(loop.h, student, { item: 'huodong', date: '2026-11-04 +0800', hours: '1', description: '被驳回的活动' });
    await loop.h.click(secretary, envelope('review.reject', { l: lastLog(loop.h, loop.m.student).id }), { formValue: { reason: '没有照片' } });
    await submitLog(loop.h, student2, { item: 'huodong', date: '2026-11-04 +0800', hours: '1.5', description: '社区书法活动' });
  });
  afterAll(() => loop.h.close());

  it('before the deadlines: no pairing yet, four-item completion from approved logs, idle members, pending reviews, days left', async () => {
    const reply = await dashboard(loop, secretary);
    const text = cardText(reply.content);
    expect(text).toContain('支部看板 · 计科2301团支部');
    expect(text).toContain('计算机科学与工程学院 · 2026-11-05');
    expect(text).toContain('2026-2027 实践年度');
    expect(text).toContain(t('branch.noPairing'));
    expect(text).toContain(t('branch.noProjects'));
    expect(text).toContain(t('branch.noPositions'));
    expect(text).toContain('**"四个一"**（已完成 2/4）：✅ 实事 · ✅ 走访 · ⬜ 活动 · ⬜ 项目');
    expect(text).toContain('**已认证时长**：4 小时（1 人参与）');
    expect(text).toContain('**尚未参与的成员**（2/3 人，本年度还没有已认证的服务记录）：王梓涵、张雨桐');
    expect(text).toContain('**待审核**：1 条，最早的已等 0 天。');
    expect(text).toContain('⏳ 组织结对（截止 2026-11-11）：尚未完成，还剩 6 天');
    expect(text).toContain('⏳ 项目清单（截止 2026-11-11）：尚未完成，还剩 6 天');
    expect(text).toContain('⏳ 岗位对接（截止 2026-11-19）：尚未完成，还剩 14 天');
    // A private dashboard still shows names only, never student numbers or phone numbers.
    expect(text).not.toMatch(/2023010\d{3}|138 0000/);
    expect(button(reply.content, 'branch.refresh')).toEqual(envelope('branch.refresh', { b: loop.m.secretary.branchId! }));
  });

  it('after the deadlines: pairing met (with the 重点帮扶县 mark), project list late, matching missed', async () => {
    const { h, m } = loop;
    await h.say(secretary, '/结对 向阳村');
    const pairing = h.bot.db.select().from(pairings).where(eq(pairings.branchId, m.secretary.branchId!)).get()!;
    await h.click(secretary, envelope('pairing.save', { p: pairing.id }), { formValue: { signed_on: '2026-11-05 +0800', level: 'village', region: '朝阳市建平县', tags: ['rural_revitalization_county'], contact_name: '李书记' } });

    h.clock.advance(10 * DAY); // 11-15: the project list comes late
    const project = h.bot.db.insert(projects).values({ branchId: m.secretary.branchId!, programYearId: program(h).id, title: '垃圾分类宣传', area: 'ecology', createdAt: h.clock.now() }).returning().get();
    const position = h.bot.db.insert(positions).values({ projectId: project.id, branchId: m.secretary.branchId, collegeId: m.secretary.collegeId!, title: '宣传员', slots: 2, createdAt: h.clock.now() }).returning().get();
    h.bot.db.insert(positionSignups).values({ positionId: position.id, memberId: m.student.id, status: 'signed_up', createdAt: h.clock.now() }).run();

    h.clock.advance(10 * DAY); // 11-25
    const text = cardText((await dashboard(loop, secretary)).content);
    expect(text).toContain('**结对**：向阳村  <font color=\'green\'>**🌾 国家乡村振兴重点帮扶县**</font>');
    expect(text).toContain('已签约 · 签约日期 2026-11-05 · 村 · 朝阳市建平县 · 联系人：李书记');
    expect(text).toContain('协议文件：未上传');
    expect(text).toContain('**项目清单**（1 个）：垃圾分类宣传（生态环保）');
    expect(text).toContain('**岗位**：1 个，已确认 0/2 人');
    expect(text).toContain('**待审核**：1 条，最早的已等 20 天。');
    expect(text).toContain('✅ 组织结对（截止 2026-11-11）：已按时完成，2026-11-05 签约');
    expect(text).toContain('⚠️ 项目清单（截止 2026-11-11）：逾期完成，2026-11-15 建立首个项目');
    expect(text).toContain('❌ 岗位对接（截止 2026-11-19）：已逾期，尚未完成');
  });

  it('a sign-up confirmed after the deadline is late; deadlines follow the program settings', async () => {
    const { h } = loop;
    const signup = h.bot.db.select().from(positionSignups).get()!;
    h.bot.db.update(positionSignups).set({ status: 'confirmed', decidedAt: h.clock.now() - DAY }).where(eq(positionSignups.id, signup.id)).run();
    h.bot.db.update(programYears).set({ pairingDeadline: '2026-11-01', projectListDeadline: '2026-11-30' }).where(eq(programYears.id, program(h).id)).run();
    const text = cardText((await dashboard(loop, secretary)).content);
    expect(text).toContain('**岗位**：1 个，已确认 1/2 人');
    expect(text).toContain('⚠️ 岗位对接（截止 2026-11-19）：逾期完成，2026-11-24 确认首个岗位');
    expect(text).toContain('⚠️ 组织结对（截止 2026-11-01）：逾期完成，2026-11-05 签约');
    expect(text).toContain('✅ 项目清单（截止 2026-11-30）：已按时完成，2026-11-15 建立首个项目');
  });

  it('an ended pairing is history: the dashboard shows it as such and the deadline still counts its signing', async () => {
    const { h, m } = loop;
    const pairing = h.bot.db.select().from(pairings).where(eq(pairings.branchId, m.secretary.branchId!)).get()!;
    await h.click(secretary, envelope('pairing.end', { p: pairing.id }));
    const text = cardText((await dashboard(loop, secretary)).content);
    expect(text).toContain(t('branch.noPairing'));
    expect(text).toContain('历史结对：向阳村（2026-11-05 至 2026-11-25）');
    expect(text).toContain('⚠️ 组织结对（截止 2026-11-01）：逾期完成，2026-11-05 签约');
  });

  it('a 团总支 names a branch of the college; without a name it is asked for one', async () => {
    expect(said(await dashboard(loop, collegeAdmin))).toBe(t('branch.needName', { example: '计科2301团支部', list: '计科2301团支部、计科2302团支部、软工2301团支部' }));
    const text = cardText((await dashboard(loop, collegeAdmin, '/支部 计科2301')).content);
    expect(text).toContain('支部看板 · 计科2301团支部');
    expect(text).toContain('**"四个一"**（已完成 2/4）');
    expect(said(await dashboard(loop, collegeAdmin, '/支部 会计2301团支部'))).toBe(t('branch.outsideScope', { name: '会计2301团支部' }));
  });

  it('the 团委 may look at any branch; an unknown name lists what exists', async () => {
    expect(cardText((await dashboard(loop, schoolAdmin, '/支部 经济管理学院 会计2301团支部')).content)).toContain('支部看板 · 会计2301团支部');
    expect(said(await dashboard(loop, schoolAdmin, '/支部 物理2301团支部'))).toContain('没有找到团支部「物理2301团支部」。可以查看：计科2301团支部、');
  });

  it('a secretary sees only their own branch; a student not at all', async () => {
    expect(said(await dashboard(loop, otherSecretary, '/支部 计科2301团支部'))).toBe(t('branch.notYours', { own: '「计科2302团支部」' }));
    expect(cardText((await dashboard(loop, otherSecretary, '/支部 计科2302团支部')).content)).toContain('支部看板 · 计科2302团支部');
    expect(said(await dashboard(loop, student))).toBe(t('error.forbidden', { command: '支部', role: '团支书' }));
    expect(said(await dashboard(loop, secretary, `/支部 ${'长'.repeat(61)}`))).toBe(t('error.badArgs', { problem: t('branch.nameTooLong'), usage: '/支部' }));
  });

  it('刷新 answers for whoever clicked, if they may see that branch', async () => {
    const { h, m } = loop;
    const refresh = button((await dashboard(loop, secretary)).content, 'branch.refresh');
    const sent = h.fake.messages.length;
    for (const who of [student, otherStudent]) expect((await h.click(who, refresh)).body).toEqual({ toast: { type: 'error', content: t('error.actionForbidden') } });
    for (const who of [otherSecretary, ECON_SECRETARY]) expect((await h.click(who, refresh)).body).toEqual({ toast: { type: 'error', content: t('error.actionForbidden') } });
    expect(h.fake.messages.length).toBe(sent);
    for (const who of [secretary, collegeAdmin, schoolAdmin]) {
      const card = answerCard(await h.click(who, refresh));
      expect(cardText(card), who).toContain('支部看板 · 计科2301团支部');
      expect(buttons(card)).toEqual([envelope('branch.refresh', { b: m.secretary.branchId! })]);
    }
  });
});
