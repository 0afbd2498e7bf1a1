/**
 * /学院 and /全校 through signed events on the example roster: exact coverage figures on the
 * cards, who may see which college (checked in the database on every command and every 刷新
 * click, whatever the card carries), and roster names escaped in card markdown.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { branches, communities, communityTags, serviceLogs, type Member } from '../src/db/schema/index.js';
import { t } from '../src/text/zh-CN.js';
import { bindDirect } from './helpers/bot.js';
import { ACCOUNTS, answerCard, button, cardText, envelope, pair, program, said, startLoop, type Loop } from './helpers/loop.js';

const { secretary, student, collegeAdmin, schoolAdmin } = ACCOUNTS;
const ECON_ADMIN = 'ou_tracking_econ_admin'; // T2001 郑丽娟, 团总支 of 经济管理学院

function approved(loop: Loop, m: Member, date: string, hours: number): void {
  loop.h.bot.db.insert(serviceLogs).values({
    memberId: m.id, branchId: m.branchId, collegeId: m.collegeId!, programYearId: program(loop.h).id, serviceDate: date, item: 'shishi',
    halfHours: hours * 2, description: 'x', source: 'self', status: 'approved', dedupeKey: randomUUID(),
  }).run();
}

describe('/学院 and /全校', () => {
  let loop: Loop;
  beforeAll(async () => {
    loop = await startLoop(); // 2026-11-25 (a Wednesday) 15:00 Beijing
    const { h, m } = loop;
    bindDirect(h, 'T2001', ECON_ADMIN);
    // 计科2301: paired and an approved log → participates. 计科2302: an approved log, no pairing.
    const c = h.bot.db.insert(communities).values({ name: '幸福社区', normalisedName: '幸福社区' }).returning().get();
    pair(h, m.secretary.branchId!, c.id);
    approved(loop, m.student, '2026-11-24', 2);
    approved(loop, m.otherStudent, '2026-11-10', 1.5);
  });
  afterAll(() => loop.h.close());

  it('a 团总支 sees the college: coverage vs target, branches behind with why, hours, deadlines', async () => {
    const text = cardText((await loop.h.say(collegeAdmin, '/学院')).content);
    expect(text).toContain('学院进展 · 计算机科学与工程学院');
    expect(text).toContain('**覆盖率**：1/3 个团支部参与（33.3%），目标 25%　✅ 已达标');
    expect(text).toContain('**已认证时长**：本周（2026-11-23 至 2026-11-29）2 小时 · 本年度累计 3.5 小时');
    expect(text).toContain('**尚未参与的团支部**（2 个）');
    expect(text).toContain('- 计科2302团支部：未签约结对');
    expect(text).toContain('- 软工2301团支部：未签约结对；本年度还没有已认证的服务记录');
    expect(text).toContain('**沉寂团支部**（近 30 天没有已认证的服务记录，1 个）');
    expect(text).toContain('**尚未参与的成员**：6/8 人本年度还没有已认证的服务记录');
    expect(text).toContain('组织结对（截止 2026-11-11）：✅ 按时 1 · ⚠️ 逾期完成 0 · ❌ 逾期未完成 2 · ⏳ 未到期未完成 0');
    expect(text).toContain('　逾期未完成：计科2302团支部、软工2301团支部');
    expect(text).not.toMatch(/2023010\d{3}|138 0000/);
  });

  it('the 团委 names a college; without a name it is asked for one', async () => {
    expect(said(await loop.h.say(schoolAdmin, '/学院'))).toBe(t('tracking.needCollege', { example: '计算机科学与工程学院', list: '计算机科学与工程学院、经济管理学院' }));
    const text = cardText((await loop.h.say(schoolAdmin, '/学院 经济管理学院')).content);
    expect(text).toContain('**覆盖率**：0/3 个团支部参与（0%），目标 25%　❌ 未达标，还差 1 个团支部');
  });

  it('nobody else sees a college: students, secretaries, another college\'s 团总支', async () => {
    expect(said(await loop.h.say(student, '/学院'))).toBe(t('error.forbidden', { command: '学院', role: t('role.college_admin') }));
    expect(said(await loop.h.say(secretary, '/college'))).toBe(t('error.forbidden', { command: '学院', role: t('role.college_admin') }));
    expect(said(await loop.h.say(ECON_ADMIN, '/学院 计算机科学与工程学院'))).toBe(t('tracking.notYourCollege', { name: '计算机科学与工程学院' }));
    expect(said(await loop.h.say(ECON_ADMIN, '/学院 不存在学院'))).toBe(t('tracking.unknownCollege', { name: '不存在学院', list: '' }));
  });

  it('a forwarded 刷新 button changes nothing for someone who may not see that college', async () => {
    const card = (await loop.h.say(collegeAdmin, '/学院')).content;
    const refresh = button(card, 'college.refresh');
    expect(refresh).toEqual(envelope('college.refresh', { c: loop.m.collegeAdmin.collegeId! }));
    for (const who of [ECON_ADMIN, student, secretary]) {
      const res = await loop.h.click(who, refresh);
      expect(res.body?.toast?.type).toBe('error');
      expect(res.body?.card).toBeUndefined();
    }
    expect(cardText(answerCard(await loop.h.click(schoolAdmin, refresh)))).toContain('学院进展 · 计算机科学与工程学院');
  });

  it('only the 团委 sees /全校: colleges sorted by coverage, the one below target marked', async () => {
    expect(said(await loop.h.say(collegeAdmin, '/全校'))).toBe(t('error.forbidden', { command: '全校', role: t('role.school_admin') }));
    const reply = await loop.h.say(schoolAdmin, '/overview');
    const text = cardText(reply.content);
    expect(text).toContain('**全校**：1/6 个团支部参与（16.7%）· 本周已认证 2 小时 · 待审核 0 条\n**未达标学院**：1 个（目标 25%）');
    expect(text).toContain('**与国家乡村振兴重点帮扶县结对**：0 个');
    // Tagged as in a priority county, the one signed pairing counts.
    const c = loop.h.bot.db.select().from(communities).where(eq(communities.name, '幸福社区')).get()!;
    loop.h.bot.db.insert(communityTags).values({ communityId: c.id, tag: 'rural_revitalization_county' }).run();
    expect(cardText((await loop.h.say(schoolAdmin, '/全校')).content)).toContain('**与国家乡村振兴重点帮扶县结对**：1 个');
    expect(text.indexOf('1. 🟢 **计算机科学与工程学院** · 1/3（33.3%） · ✅ 达标')).toBeGreaterThan(-1);
    expect(text).toContain('2. 🔴 **经济管理学院** · 0/3（0%） · ❌ 未达标，还差 1 个');
    const forwarded = await loop.h.click(collegeAdmin, button(reply.content, 'overview.refresh'));
    expect(forwarded.body?.toast?.type).toBe('error');
    expect(forwarded.body?.card).toBeUndefined();
  });

  it('roster names are escaped in the cards', async () => {
    const { h, m } = loop;
    h.bot.db.update(branches).set({ name: '软工<at id=all></at>**团支部' }).where(eq(branches.id, (await h.bot.db.select().from(branches).where(eq(branches.name, '软工2301团支部')).get())!.id)).run();
    const text = cardText((await h.say(collegeAdmin, '/学院')).content);
    expect(text).not.toContain('<at id=all>');
    expect(text).toContain('软工&lt;at id=all&gt;&lt;/at&gt;&#42;&#42;团支部');
    expect(m.collegeAdmin.collegeId).not.toBeNull();
  });
});
