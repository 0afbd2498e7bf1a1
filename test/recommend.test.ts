/**
 * Recommendations for concurrent posts (PRODUCT.md §5 兼任职务) through signed events and card
 * callbacks: the ranking of a seeded branch with its breakdown (approved hours, distinct
 * service days, mean effectiveness and community ratings; exact numbers), the weights of the
 * program year changing the order, recording with post / community (the paired one by
 * default) / status and a score snapshot, 推荐 → 已任职, the 团总支's college-wide view,
 * bad input on the form, and nobody outside the branch or college acting on the cards.
 */
import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, programYears, recommendations, serviceLogs, type Member } from '../src/db/schema/index.js';
import { t, type MessageParams } from '../src/text/zh-CN.js';
import { bindDirect } from './helpers/bot.js';
import { ACCOUNTS, addCommunity, answerCard, button, buttons, cardText, envelope, field, pair, program, startLoop, type Loop } from './helpers/loop.js';

const { student, student2, secretary, otherSecretary, otherStudent, collegeAdmin } = ACCOUNTS;
const ECON_ADMIN = 'ou_rec_econ_admin';

/** An approved (unless said otherwise) log with its date and ratings, as review and the community page leave it. */
function log(loop: Loop, member: Member, o: { date: string; hours: number; rating?: number; community?: number; status?: 'approved' | 'pending' | 'rejected' }) {
  loop.h.bot.db
    .insert(serviceLogs)
    .values({
      memberId: member.id, branchId: member.branchId, collegeId: member.collegeId!, programYearId: program(loop.h).id, serviceDate: o.date, item: 'shishi',
      halfHours: o.hours * 2, description: `记录 ${randomUUID()}`, source: 'self', status: o.status ?? 'approved', rating: o.rating ?? null,
      communityRating: o.community ?? null, dedupeKey: randomUUID(),
    })
    .run();
}

/**
 * 计科2301: 李浩然 8 h on 2 days, rating 4.0, community 4.5 (pending and rejected hours ignored);
 * 张雨桐 4 h on 3 days, 5.0 and 5.0; 王梓涵 1 h on 1 day, 2.0, no community rating.
 * 孙佳怡 of 计科2302 has 20 h, outside the branch.
 */
function seed(loop: Loop) {
  const { m } = loop;
  log(loop, m.student, { date: '2026-11-01', hours: 4, rating: 5, community: 4 });
  log(loop, m.student, { date: '2026-11-01', hours: 2, rating: 3 });
  log(loop, m.student, { date: '2026-11-02', hours: 2, rating: 4, community: 5 });
  log(loop, m.student, { date: '2026-11-03', hours: 10, rating: 1, community: 1, status: 'pending' });
  log(loop, m.student, { date: '2026-11-04', hours: 5, rating: 1, status: 'rejected' });
  log(loop, m.student2, { date: '2026-11-03', hours: 2 });
  log(loop, m.student2, { date: '2026-11-04', hours: 1, rating: 5 });
  log(loop, m.student2, { date: '2026-11-05', hours: 1, rating: 5, community: 5 });
  log(loop, m.secretary, { date: '2026-11-06', hours: 1, rating: 2 });
  log(loop, m.otherStudent, { date: '2026-11-06', hours: 10, rating: 3 });
  log(loop, m.otherStudent, { date: '2026-11-07', hours: 10, rating: 3 });
}

const line = (p: Omit<MessageParams<'recommend.candidate'>, 'branch'>) => t('recommend.candidate', { branch: '计科2301团支部', ...p });

function frozen(loop: Loop) {
  return {
    recs: loop.h.bot.db.select().from(recommendations).orderBy(asc(recommendations.id)).all(),
    audit: loop.h.bot.db.select().from(auditLog).all().length,
    sent: loop.h.fake.messages.length,
  };
}

function setWeights(loop: Loop, weights: Record<string, number> | null) {
  loop.h.bot.db.update(programYears).set({ scoreWeights: weights }).where(eq(programYears.id, program(loop.h).id)).run();
}

describe('/推荐: the ranking and its breakdown', () => {
  let loop: Loop;
  beforeAll(async () => {
    loop = await startLoop();
    seed(loop);
  });
  afterAll(() => loop.h.close());

  it('ranks the branch with the default weights, each score broken down', async () => {
    const reply = await loop.h.say(secretary, '/推荐');
    const text = cardText(reply.content);
    expect(text).toContain('兼任职务推荐 · 计科2301团支部');
    expect(text).toContain(t('recommend.weights', { hours: '40%', days: '30%', rating: '20%', feedback: '10%' }));
    // hours 8/8·40, days 2/3·30, rating 4/5·20, community 4.5/5·10
    const first = line({ rank: 1, name: '李浩然', score: '85.0', hours: 8, days: 2, rating: '4.0', feedback: '4.5', pHours: '40.0', pDays: '20.0', pRating: '16.0', pFeedback: '9.0' });
    const second = line({ rank: 2, name: '张雨桐', score: '80.0', hours: 4, days: 3, rating: '5.0', feedback: '5.0', pHours: '20.0', pDays: '30.0', pRating: '20.0', pFeedback: '10.0' });
    const third = line({ rank: 3, name: '王梓涵', score: '23.0', hours: 1, days: 1, rating: '2.0', feedback: '暂无', pHours: '5.0', pDays: '10.0', pRating: '8.0', pFeedback: '0.0' });
    for (const l of [first, second, third]) expect(text).toContain(l);
    expect(text.indexOf(first)).toBeLessThan(text.indexOf(second));
    expect(text.indexOf(second)).toBeLessThan(text.indexOf(third));
    expect(text).not.toContain('孙佳怡');
    expect(buttons(reply.content).map((b) => b.p?.m)).toEqual([loop.m.student.id, loop.m.student2.id, loop.m.secretary.id]);
  });

  it('the weights of the program year change the order', async () => {
    setWeights(loop, { hours: 0.1, days: 0.5, rating: 0.2, feedback: 0.2 });
    const text = cardText((await loop.h.say(secretary, '/推荐')).content);
    expect(text).toContain(t('recommend.weights', { hours: '10%', days: '50%', rating: '20%', feedback: '20%' }));
    // 张雨桐 5 + 50 + 20 + 20; 李浩然 10 + 33.3 + 16 + 18
    expect(text).toContain(line({ rank: 1, name: '张雨桐', score: '95.0', hours: 4, days: 3, rating: '5.0', feedback: '5.0', pHours: '5.0', pDays: '50.0', pRating: '20.0', pFeedback: '20.0' }));
    expect(text).toContain(line({ rank: 2, name: '李浩然', score: '77.3', hours: 8, days: 2, rating: '4.0', feedback: '4.5', pHours: '10.0', pDays: '33.3', pRating: '16.0', pFeedback: '18.0' }));
  });

  it('weights written as whole numbers are scaled; a setting that does not parse falls back to the defaults', async () => {
    setWeights(loop, { hours: 4, days: 3, rating: 2, feedback: 1 });
    expect(cardText((await loop.h.say(secretary, '/推荐')).content)).toContain('1. **李浩然**（计科2301团支部）· **85.0 分**');
    setWeights(loop, { hours: -1, days: 3 });
    expect(cardText((await loop.h.say(secretary, '/推荐')).content)).toContain(t('recommend.weights', { hours: '40%', days: '30%', rating: '20%', feedback: '10%' }));
    setWeights(loop, null);
  });

  it('the 团总支 ranks the whole college, normalised over it', async () => {
    const text = cardText((await loop.h.say(collegeAdmin, '/推荐')).content);
    expect(text).toContain('兼任职务推荐 · 计算机科学与工程学院');
    // 孙佳怡: hours 20/20·40, days 2/3·30, rating 3/5·20, no community rating.
    expect(text).toContain(t('recommend.candidate', { rank: 1, name: '孙佳怡', branch: '计科2302团支部', score: '72.0', hours: 20, days: 2, rating: '3.0', feedback: '暂无', pHours: '40.0', pDays: '20.0', pRating: '12.0', pFeedback: '0.0' }));
    expect(text).toContain('**李浩然**（计科2301团支部）· **61.0 分**');
  });

  it('a student sending /推荐 is told it is for 团支书', async () => {
    expect((await loop.h.say(student, '/推荐')).content.text).toBe(t('error.forbidden', { command: '推荐', role: '团支书' }));
  });
});

describe('recording a recommendation', () => {
  let loop: Loop;
  let paired: number;
  let other: number;
  beforeAll(async () => {
    loop = await startLoop();
    seed(loop);
    other = addCommunity(loop.h, '解放路社区').id;
    paired = addCommunity(loop.h, '幸福社区').id;
    pair(loop.h, loop.m.secretary.branchId!, paired);
    bindDirect(loop.h, 'T2001', ECON_ADMIN);
  });
  afterAll(() => loop.h.close());

  const submit = (who: string, member: Member, form: Record<string, unknown>) => loop.h.click(who, envelope('recommend.submit', { m: member.id }), { formValue: form });

  it('推荐 opens the form: the score, the posts, the paired community preselected, 推荐 as status', async () => {
    const { h, m } = loop;
    const list = await h.say(secretary, '/推荐');
    const form = answerCard(await h.click(secretary, button(list.content, 'recommend.form', { m: m.student.id })));
    expect(cardText(form)).toContain('推荐 **李浩然**（计科2301团支部）到社区团组织兼任职务。\n当前得分 **85.0 分**：已认证 8 小时 · 服务 2 天 · 成效 4.0 · 群众反映 4.5');
    expect(field(form, 'post')!.options.map((o: any) => o.text.content)).toEqual(['副书记', '委员', '团建指导员', '青年干事']);
    expect(field(form, 'community')).toMatchObject({ initial_option: String(paired) });
    expect(field(form, 'community')!.options.map((o: any) => o.value)).toEqual([String(paired), String(other)]);
    expect(field(form, 'status')).toMatchObject({ initial_option: 'recommended' });
    expect(button(form, 'recommend.submit')).toEqual(envelope('recommend.submit', { m: m.student.id }));
  });

  it('记录推荐 stores post, community, status, who recommended and the score snapshot', async () => {
    const { h, m } = loop;
    const res = await submit(secretary, m.student, { post: 'deputy_secretary', community: String(paired), status: 'recommended' });
    expect(res.body.toast).toEqual({ type: 'success', content: '已记录：李浩然 · 幸福社区 · 副书记 · 推荐' });
    const [rec] = h.bot.db.select().from(recommendations).all();
    expect(rec).toMatchObject({ memberId: m.student.id, communityId: paired, post: 'deputy_secretary', status: 'recommended', recommendedByMemberId: m.secretary.id, programYearId: program(h).id, createdAt: h.clock.now() });
    expect(rec!.scoreSnapshot).toMatchObject({ score: 85, parts: { hours: 8, days: 2, rating: 4, feedback: 4.5 } });
    expect(rec!.scoreSnapshot!.weights.hours).toBeCloseTo(0.4);
    const text = cardText(answerCard(res));
    expect(text).toContain('李浩然（计科2301团支部）· 副书记 · 幸福社区 · **推荐** · 记录时 85.0 分');
    expect(button(answerCard(res), 'recommend.appoint')).toEqual(envelope('recommend.appoint', { r: rec!.id }));
  });

  it('the same member, post and community again is refused as a duplicate', async () => {
    const before = frozen(loop);
    const res = await submit(secretary, loop.m.student, { post: 'deputy_secretary', community: String(paired), status: 'appointed' });
    expect(res.body).toEqual({ toast: { type: 'error', content: t('recommend.duplicate', { name: '李浩然', community: '幸福社区', post: '副书记', status: '推荐' }) } });
    expect(frozen(loop)).toEqual(before);
  });

  it.each([
    ['an unknown post', { post: 'chairman', community: 'P', status: 'recommended' }, t('recommend.badPost')],
    ['no post', { community: 'P', status: 'recommended' }, t('recommend.badPost')],
    ['an unknown community', { post: 'committee_member', community: '999999', status: 'recommended' }, t('recommend.badCommunity')],
    ['a community that is no number', { post: 'committee_member', community: 'abc', status: 'recommended' }, t('recommend.badCommunity')],
    ['an unknown status', { post: 'committee_member', community: 'P', status: 'boss' }, t('recommend.badStatus')],
    ['no status', { post: 'committee_member', community: 'P' }, t('recommend.badStatus')],
  ])('%s is refused and nothing stored', async (_, form, problem) => {
    const before = frozen(loop);
    const value = Object.fromEntries(Object.entries(form).map(([k, v]) => [k, v === 'P' ? String(paired) : v]));
    expect((await submit(secretary, loop.m.student2, value)).body).toEqual({ toast: { type: 'error', content: t('recommend.invalid', { problem }) } });
    expect(frozen(loop)).toEqual(before);
  });

  it('a student, another branch\'s secretary and another college\'s 团总支 cannot record, open the form or appoint', async () => {
    const { h, m } = loop;
    const rec = h.bot.db.select().from(recommendations).get()!;
    const form = { post: 'youth_officer', community: String(paired), status: 'appointed' };
    const before = frozen(loop);
    const notForRole = { toast: { type: 'error', content: t('error.actionForbidden') } };
    const forbidden = { toast: { type: 'error', content: t('recommend.forbidden') } };
    expect((await submit(student, m.student, form)).body).toEqual(notForRole);
    expect((await h.click(student2, envelope('recommend.appoint', { r: rec.id }))).body).toEqual(notForRole);
    for (const who of [otherSecretary, ECON_ADMIN]) {
      expect((await submit(who, m.student2, form)).body, who).toEqual(forbidden);
      expect((await h.click(who, envelope('recommend.form', { m: m.student2.id }))).body, who).toEqual(forbidden);
      expect((await h.click(who, envelope('recommend.appoint', { r: rec.id }))).body, who).toEqual(forbidden);
    }
    expect((await submit(secretary, m.secretary, form)).body).toEqual({ toast: { type: 'error', content: t('recommend.notSelf') } });
    expect(frozen(loop)).toEqual(before);
  });

  it('标记已任职 moves 推荐 to 已任职 once', async () => {
    const { h } = loop;
    const rec = h.bot.db.select().from(recommendations).get()!;
    h.clock.advance(60_000);
    const res = await h.click(secretary, envelope('recommend.appoint', { r: rec.id }));
    expect(res.body.toast).toEqual({ type: 'success', content: t('recommend.appointed', { name: '李浩然' }) });
    expect(h.bot.db.select().from(recommendations).get()).toMatchObject({ id: rec.id, status: 'appointed', updatedAt: h.clock.now() });
    expect(cardText(answerCard(res))).toContain('李浩然（计科2301团支部）· 副书记 · 幸福社区 · **已任职**');
    expect(buttons(answerCard(res)).filter((b) => b.a === 'recommend.appoint')).toEqual([]);
    const before = frozen(loop);
    expect((await h.click(secretary, envelope('recommend.appoint', { r: rec.id }))).body).toEqual({ toast: { type: 'error', content: t('recommend.alreadyAppointed', { name: '李浩然' }) } });
    expect(frozen(loop)).toEqual(before);
  });

  it('the 团总支 sees the college\'s list and may record for any branch of it; another college\'s 团总支 sees none of it', async () => {
    const { h, m } = loop;
    const res = await submit(collegeAdmin, m.otherStudent, { post: 'youth_officer', community: String(other), status: 'appointed' });
    expect(res.body.toast.type).toBe('success');
    const text = cardText(answerCard(res));
    expect(text).toContain('孙佳怡（计科2302团支部）· 青年干事 · 解放路社区 · **已任职**');
    expect(text).toContain('李浩然（计科2301团支部）· 副书记 · 幸福社区 · **已任职**');
    const secretaryView = cardText((await h.say(secretary, '/推荐')).content);
    expect(secretaryView).not.toContain('孙佳怡');
    const econ = cardText((await h.say(ECON_ADMIN, '/推荐')).content);
    expect(econ).toContain('兼任职务推荐 · 经济管理学院');
    expect(econ).toContain(t('recommend.listEmpty'));
    expect(econ).toContain(t('recommend.noCandidates'));
  });
});
