/**
 * Positions (PRODUCT.md §5 岗位) through signed events and card callbacks: a project with a
 * position, students of the branch (and of the college, for a college-wide one) signing up
 * with 报名, the secretary told and confirming from a card that lists candidates by fewest
 * approved hours first (ties by sign-up time), the student told, the position closing when
 * full and refusing further sign-ups, withdrawal before confirmation, and nobody but who runs
 * the branch confirming.
 */
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, positions, positionSignups, projects, type Member } from '../src/db/schema/index.js';
import { t } from '../src/text/zh-CN.js';
import { insertLog } from './helpers/bot.js';
import { ACCOUNTS, addMember, answerCard, button, buttons, cardText, envelope, MINUTE, said, sentTo, startLoop, type Loop } from './helpers/loop.js';

const { student, student2, secretary, otherSecretary, otherStudent, collegeAdmin } = ACCOUNTS;
const NEW1 = 'ou_pos_new1';
const NEW2 = 'ou_pos_new2';
const LATE = 'ou_pos_late';

function frozen(loop: Loop) {
  const db = loop.h.bot.db;
  return {
    positions: db.select().from(positions).orderBy(asc(positions.id)).all(),
    signups: db.select().from(positionSignups).orderBy(asc(positionSignups.id)).all(),
    audit: db.select().from(auditLog).all().length,
    sent: loop.h.fake.messages.length,
  };
}

const signupOf = (loop: Loop, positionId: number, member: Member) =>
  loop.h.bot.db.select().from(positionSignups).where(eq(positionSignups.positionId, positionId)).all().find((s) => s.memberId === member.id);

const positionRow = (loop: Loop, id: number) => loop.h.bot.db.select().from(positions).where(eq(positions.id, id)).get()!;

/** The secretary creates a project and a position on it through the cards; returns the position id. */
async function projectWithPosition(loop: Loop, slots: number): Promise<number> {
  const { h } = loop;
  const saved = await h.click(secretary, envelope('project.save'), {
    formValue: { title: '四点半课堂', area: 'aid_education', items: ['shishi'], start: '2026-11-01 +0800', end: '2027-06-30 +0800' },
  });
  expect(saved.body.toast.type).toBe('success');
  const projectId = h.bot.db.select().from(projects).all().at(-1)!.id;
  const added = await h.click(secretary, envelope('project.addPosition', { p: projectId }), { formValue: { title: '作业辅导员', slots: String(slots), schedule: '每周六上午' } });
  expect(added.body.toast.type).toBe('success');
  return h.bot.db.select().from(positions).all().at(-1)!.id;
}

describe('sign-up → confirmation, fewest approved hours first → full', () => {
  let loop: Loop;
  let positionId: number;
  let new1: Member;
  let new2: Member;
  let late: Member;
  beforeAll(async () => {
    loop = await startLoop();
    const { h, m } = loop;
    const unit = { collegeId: m.student.collegeId, branchId: m.student.branchId };
    new1 = addMember(h, { name: '陈一', role: 'student', ...unit, openId: NEW1 });
    new2 = addMember(h, { name: '陈二', role: 'student', ...unit, openId: NEW2 });
    late = addMember(h, { name: '迟到', role: 'student', ...unit, openId: LATE });
    // 李浩然 6 approved hours, 张雨桐 2 (her pending and rejected hours do not count), 陈一 and 陈二 none.
    insertLog(h, m.student, { hours: 4, status: 'approved' });
    insertLog(h, m.student, { hours: 2, status: 'approved' });
    insertLog(h, m.student2, { hours: 2, status: 'approved' });
    insertLog(h, m.student2, { hours: 10, status: 'pending' });
    insertLog(h, m.student2, { hours: 8, status: 'rejected' });
    positionId = await projectWithPosition(loop, 2);
  });
  afterAll(() => loop.h.close());

  it('/岗位 shows a student the open position of the branch with 报名', async () => {
    const reply = await loop.h.say(student, '/岗位');
    const text = cardText(reply.content);
    expect(text).toContain('**作业辅导员**（项目：四点半课堂）\n计科2301团支部 · 每周六上午 · 名额 2 人，已确认 0 人');
    expect(buttons(reply.content)).toEqual([envelope('positions.signup', { p: positionId })]);
    expect(text).not.toContain('确认匹配');
  });

  it('报名: stored, the student\'s card shows 撤回报名, the secretary gets the 确认匹配 card', async () => {
    const { h, m } = loop;
    const since = h.fake.messages.length;
    const res = await h.click(student, envelope('positions.signup', { p: positionId }));
    expect(res.body.toast).toEqual({ type: 'success', content: t('positions.signedUp', { title: '作业辅导员' }) });
    expect(signupOf(loop, positionId, m.student)).toMatchObject({ status: 'signed_up', createdAt: h.clock.now() });
    expect(cardText(answerCard(res))).toContain(t('positions.mine.signed_up'));
    expect(buttons(answerCard(res))).toEqual([envelope('positions.withdraw', { p: positionId })]);
    const [notice] = sentTo(h, secretary, since);
    expect(cardText(notice!.content)).toContain('**李浩然** 报名了岗位「作业辅导员」。');
    expect(buttons(notice!.content)).toEqual([envelope('positions.confirm', { s: signupOf(loop, positionId, m.student)!.id })]);
    expect(h.fake.messages.slice(since).map((x) => x.receiveId)).toEqual([secretary]);
  });

  it('a second 报名 by the same student is refused and changes nothing', async () => {
    const before = frozen(loop);
    const res = await loop.h.click(student, envelope('positions.signup', { p: positionId }));
    expect(res.body).toEqual({ toast: { type: 'error', content: t('positions.already') } });
    expect(frozen(loop)).toEqual(before);
  });

  it('the 确认匹配 card orders candidates by approved hours ascending, ties by sign-up time', async () => {
    const { h, m } = loop;
    for (const who of [NEW1, student2, NEW2]) {
      h.clock.advance(MINUTE);
      expect((await h.click(who, envelope('positions.signup', { p: positionId }))).body.toast.type).toBe('success');
    }
    const list = await h.say(secretary, '/岗位');
    expect(cardText(list.content)).toContain('**作业辅导员** · 待确认 4 人 · 已确认 0/2');
    const match = answerCard(await h.click(secretary, button(list.content, 'positions.match')));
    const text = cardText(match);
    const order = ['陈一', '陈二', '张雨桐', '李浩然'].map((name) => text.indexOf(`**${name}**`));
    expect(order.every((i, k) => i > 0 && (k === 0 || i > order[k - 1]!))).toBe(true);
    expect(text).toContain('1. **陈一** · 已认证 0 小时 · 报名于 2026-11-25 15:01');
    expect(text).toContain('3. **张雨桐** · 已认证 2 小时 · 报名于 2026-11-25 15:02');
    expect(text).toContain('4. **李浩然** · 已认证 6 小时 · 报名于 2026-11-25 15:00');
    const ids = [new1, new2, m.student2, m.student].map((x) => signupOf(loop, positionId, x)!.id);
    expect(buttons(match).map((b) => b.p!.s)).toEqual(ids);
  });

  it('确认: the sign-up is confirmed, the student told, the card re-lists who is left', async () => {
    const { h } = loop;
    const since = h.fake.messages.length;
    const s = signupOf(loop, positionId, new1)!;
    const res = await h.click(secretary, envelope('positions.confirm', { s: s.id }));
    expect(res.body.toast).toEqual({ type: 'success', content: t('positions.confirmedToast', { name: '陈一' }) });
    expect(signupOf(loop, positionId, new1)).toMatchObject({ status: 'confirmed', decidedAt: h.clock.now() });
    expect(positionRow(loop, positionId).status).toBe('open');
    expect(sentTo(h, NEW1, since).map(said)).toEqual(['✅ 你报名的岗位「作业辅导员」已确认匹配（项目：四点半课堂）。时间安排：每周六上午。请按时参加，服务后记得 /记录。']);
    const text = cardText(answerCard(res));
    expect(text).toContain('已确认：陈一');
    expect(buttons(answerCard(res)).map((b) => b.p!.s)).not.toContain(s.id);
  });

  it('a confirmed student cannot withdraw; a waiting one can, and may sign up again', async () => {
    const { h, m } = loop;
    const before = frozen(loop);
    expect((await h.click(NEW1, envelope('positions.withdraw', { p: positionId }))).body).toEqual({ toast: { type: 'error', content: t('positions.cannotWithdrawConfirmed') } });
    expect(frozen(loop)).toEqual(before);

    const res = await h.click(student, envelope('positions.withdraw', { p: positionId }));
    expect(res.body.toast).toEqual({ type: 'success', content: t('positions.withdrawn', { title: '作业辅导员' }) });
    expect(signupOf(loop, positionId, m.student)!.status).toBe('withdrawn');
    expect((await h.click(student, envelope('positions.withdraw', { p: positionId }))).body).toEqual({ toast: { type: 'error', content: t('positions.notSignedUp') } });
    h.clock.advance(MINUTE);
    expect((await h.click(student, envelope('positions.signup', { p: positionId }))).body.toast.type).toBe('success');
    expect(signupOf(loop, positionId, m.student)).toMatchObject({ status: 'signed_up', createdAt: h.clock.now() });
  });

  it('the last slot: confirmed, the position closes, the others are told it is full', async () => {
    const { h, m } = loop;
    const since = h.fake.messages.length;
    const res = await h.click(secretary, envelope('positions.confirm', { s: signupOf(loop, positionId, new2)!.id }));
    expect(res.body.toast.type).toBe('success');
    expect(positionRow(loop, positionId).status).toBe('closed');
    expect(signupOf(loop, positionId, new2)!.status).toBe('confirmed');
    expect(signupOf(loop, positionId, m.student2)!.status).toBe('declined');
    expect(signupOf(loop, positionId, m.student)!.status).toBe('declined');
    expect(sentTo(h, NEW2, since).map(said)[0]).toContain('已确认匹配');
    for (const who of [student, student2]) expect(sentTo(h, who, since).map(said)).toEqual([t('positions.toStudentFull', { title: '作业辅导员' })]);
    expect(cardText(answerCard(res))).toContain(t('positions.closedNote'));
    expect(buttons(answerCard(res))).toEqual([]);
  });

  it('a full position refuses further sign-ups and confirmations, and leaves /岗位', async () => {
    const { h, m } = loop;
    const before = frozen(loop);
    const full = { toast: { type: 'error', content: t('positions.full', { slots: 2 }) } };
    expect((await h.click(LATE, envelope('positions.signup', { p: positionId }))).body).toEqual(full);
    expect((await h.click(student2, envelope('positions.signup', { p: positionId }))).body).toEqual(full);
    expect((await h.click(secretary, envelope('positions.confirm', { s: signupOf(loop, positionId, m.student2)!.id }))).body).toEqual(full);
    expect(frozen(loop)).toEqual(before);
    expect(signupOf(loop, positionId, late)).toBeUndefined();
    const reply = await h.say(LATE, '/岗位');
    expect(cardText(reply.content)).toContain(t('positions.empty'));
    // Those confirmed still see their match.
    const mine = await h.say(NEW1, '/岗位');
    expect(cardText(mine.content)).toContain('**作业辅导员**（项目：四点半课堂）');
    expect(cardText(mine.content)).toContain(t('positions.mine.confirmed'));
    expect(buttons(mine.content)).toEqual([]);
    expect(cardText((await h.say(secretary, '/岗位')).content)).toContain('**作业辅导员** · 待确认 0 人 · 已确认 2/2 · 已满，停止报名');
  });
});

describe('who may sign up and who may confirm', () => {
  let loop: Loop;
  let positionId: number;
  let collegeWide: number;
  beforeAll(async () => {
    loop = await startLoop();
    positionId = await projectWithPosition(loop, 3);
    const { m } = loop;
    collegeWide = loop.h.bot.db.insert(positions).values({ collegeId: m.secretary.collegeId!, branchId: null, title: '学院迎新志愿者', slots: 5 }).returning().get().id;
    await loop.h.click(student, envelope('positions.signup', { p: positionId }));
  });
  afterAll(() => loop.h.close());

  it('a student of another branch cannot sign up for the branch\'s position from a forwarded card', async () => {
    const before = frozen(loop);
    expect((await loop.h.click(otherStudent, envelope('positions.signup', { p: positionId }))).body).toEqual({ toast: { type: 'error', content: t('positions.notVisible') } });
    expect(frozen(loop)).toEqual(before);
  });

  it('a college-wide position is open to every branch of the college and its sign-ups go to the 团总支', async () => {
    const { h, m } = loop;
    const reply = await h.say(otherStudent, '/岗位');
    expect(cardText(reply.content)).toContain('**学院迎新志愿者**\n学院岗位 · 时间待定 · 名额 5 人，已确认 0 人');
    expect(cardText(reply.content)).not.toContain('作业辅导员');
    const since = h.fake.messages.length;
    expect((await h.click(otherStudent, envelope('positions.signup', { p: collegeWide }))).body.toast.type).toBe('success');
    expect(sentTo(h, collegeAdmin, since).map(said)[0]).toContain('**孙佳怡** 报名了岗位「学院迎新志愿者」。');
    expect(sentTo(h, otherSecretary, since)).toEqual([]);
    const s = signupOf(loop, collegeWide, m.otherStudent)!;
    // A branch secretary does not run college-wide positions.
    expect((await h.click(otherSecretary, envelope('positions.confirm', { s: s.id }))).body).toEqual({ toast: { type: 'error', content: t('positions.forbidden') } });
    expect((await h.click(collegeAdmin, envelope('positions.confirm', { s: s.id }))).body.toast.type).toBe('success');
  });

  it('a student clicking 确认 on a forwarded card is refused and nothing changes', async () => {
    const { h, m } = loop;
    const s = signupOf(loop, positionId, m.student)!;
    const before = frozen(loop);
    for (const who of [student, student2, otherStudent]) {
      expect((await h.click(who, envelope('positions.confirm', { s: s.id }))).body, who).toEqual({ toast: { type: 'error', content: t('error.actionForbidden') } });
    }
    expect(frozen(loop)).toEqual(before);
  });

  it('another branch\'s secretary can neither confirm nor open the candidates', async () => {
    const { h, m } = loop;
    const s = signupOf(loop, positionId, m.student)!;
    const before = frozen(loop);
    const forbidden = { toast: { type: 'error', content: t('positions.forbidden') } };
    expect((await h.click(otherSecretary, envelope('positions.confirm', { s: s.id }))).body).toEqual(forbidden);
    expect((await h.click(otherSecretary, envelope('positions.match', { p: positionId }))).body).toEqual(forbidden);
    expect(frozen(loop)).toEqual(before);
    expect(signupOf(loop, positionId, m.student)!.status).toBe('signed_up');
  });

  it('a secretary may sign up for the branch\'s position but not confirm it; the 团总支 can', async () => {
    const { h, m } = loop;
    expect((await h.click(secretary, envelope('positions.signup', { p: positionId }))).body.toast.type).toBe('success');
    const own = signupOf(loop, positionId, m.secretary)!;
    const before = frozen(loop);
    expect((await h.click(secretary, envelope('positions.confirm', { s: own.id }))).body).toEqual({ toast: { type: 'error', content: t('positions.notSelf') } });
    expect(frozen(loop)).toEqual(before);
    expect((await h.click(collegeAdmin, envelope('positions.confirm', { s: own.id }))).body.toast.type).toBe('success');
  });

  it('a stale confirmation of a withdrawn sign-up is refused', async () => {
    const { h, m } = loop;
    await h.click(student, envelope('positions.withdraw', { p: positionId }));
    const before = frozen(loop);
    expect((await h.click(secretary, envelope('positions.confirm', { s: signupOf(loop, positionId, m.student)!.id }))).body).toEqual({ toast: { type: 'error', content: t('positions.signupGone') } });
    expect(frozen(loop)).toEqual(before);
  });

  it('cards naming a position or sign-up that does not exist say so', async () => {
    const notFound = { toast: { type: 'error', content: t('positions.notFound') } };
    expect((await loop.h.click(student, envelope('positions.signup', { p: 999999 }))).body).toEqual(notFound);
    expect((await loop.h.click(secretary, envelope('positions.confirm', { s: 999999 }))).body).toEqual(notFound);
    expect((await loop.h.click(secretary, envelope('positions.signup', { p: 'abc' as unknown as number }))).body).toEqual({ toast: { type: 'error', content: t('error.cardInvalid') } });
  });
});

describe('positions open to the whole college (发布学院岗位)', () => {
  let loop: Loop;
  beforeAll(async () => {
    loop = await startLoop();
  });
  afterAll(() => loop.h.close());

  it('the 团总支 publishes one from /岗位; students of every branch of the college see it and sign up; the 团总支 confirms', async () => {
    const { h, m } = loop;
    const view = await h.say(collegeAdmin, '/岗位');
    expect(buttons(view.content).map((b) => b.a)).toContain('positions.collegeForm');
    const form = await h.click(collegeAdmin, envelope('positions.collegeForm'));
    expect(JSON.stringify(form.body.card)).toContain('全体同学');
    const added = await h.click(collegeAdmin, envelope('positions.addCollege'), { formValue: { title: '学院志愿服务宣传员', slots: '2', schedule: '每周三下午' } });
    expect(added.body.toast.type).toBe('success');
    const row = h.bot.db.select().from(positions).all().at(-1)!;
    expect(row).toMatchObject({ title: '学院志愿服务宣传员', slots: 2, projectId: null, branchId: null, collegeId: m.student.collegeId, status: 'open' });

    for (const who of [student, otherStudent]) {
      expect(cardText(await h.say(who, '/岗位'))).toContain('学院志愿服务宣传员');
      expect((await h.click(who, envelope('positions.signup', { p: row.id }))).body.toast.type).toBe('success');
    }
    const s = loop.h.bot.db.select().from(positionSignups).where(eq(positionSignups.positionId, row.id)).orderBy(asc(positionSignups.id)).all()[0]!;
    expect((await h.click(collegeAdmin, envelope('positions.confirm', { s: s.id }))).body.toast.type).toBe('success');
  });

  it('a secretary or a student cannot publish one, and bad slots are refused; nothing is stored', async () => {
    const { h } = loop;
    const before = h.bot.db.select().from(positions).all().length;
    expect(buttons((await h.say(secretary, '/岗位')).content).map((b) => b.a)).not.toContain('positions.collegeForm');
    for (const who of [secretary, student]) {
      expect((await h.click(who, envelope('positions.addCollege'), { formValue: { title: 'X', slots: '2' } })).body.toast.type).toBe('error');
    }
    for (const slots of ['0', '51', 'abc', '']) {
      const res = await h.click(collegeAdmin, envelope('positions.addCollege'), { formValue: { title: '宣传员', slots } });
      expect(res.body.toast.type, slots).toBe('error');
    }
    expect(h.bot.db.select().from(positions).all()).toHaveLength(before);
  });
});
