/**
 * Review and withdrawal (PRODUCT.md §4 "Review"), through signed events: who gets the review
 * card, 通过 with a rating and 驳回 with a reason, the other copies settled in place, clicks
 * by anyone but the reviewer refused, /审核 and bulk approval in scope, the author told, and
 * only approved hours counted in /我的.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Member, ServiceLog } from '../src/db/schema/index.js';
import { t } from '../src/text/zh-CN.js';
import { decide } from '../src/domain/review.js';
import {
  ACCOUNTS, addMember, answerCard, button, buttons, cardText, envelope, logBy, logRow, patchesOf, reviewCardsOf, reviewCardTo,
  NOW, said, sentTo, startLoop, stored, submitLog, lastLog, TODAY, type Loop,
} from './helpers/loop.js';
import { bindDirect } from './helpers/bot.js';
import { startHarness, TestClock, type Harness } from './helpers/harness.js';

const { student, student2, secretary, otherSecretary, otherStudent, collegeAdmin, schoolAdmin } = ACCOUNTS;
const COLLEGE_ADMIN2 = 'ou_loop_college2';

const approveOf = (log: ServiceLog) => envelope('review.approve', { l: log.id });

/** What a refused click must leave as it was: the log row, what was stored and sent. */
function frozen(loop: Loop, log: ServiceLog) {
  return { log: logRow(loop.h, log.id), ...stored(loop.h) };
}

describe('who reviews a log', () => {
  let loop: Loop;
  let admin2: Member;
  beforeAll(async () => {
    loop = await startLoop();
    admin2 = addMember(loop.h, { name: '黄丽', role: 'college_admin', collegeId: loop.m.collegeAdmin.collegeId, branchId: null, openId: COLLEGE_ADMIN2 });
  });
  afterAll(() => loop.h.close());

  it('a student\'s log goes to the branch secretary only', async () => {
    const log = await logBy(loop, 'student');
    expect(reviewCardsOf(loop.h, log.id).map((c) => c.receiveId)).toEqual([secretary]);
  });

  it('a secretary\'s own log goes to every 团总支 of the college, not to the secretary', async () => {
    const log = await logBy(loop, 'secretary');
    expect(reviewCardsOf(loop.h, log.id).map((c) => c.receiveId).sort()).toEqual([collegeAdmin, COLLEGE_ADMIN2].sort());
    expect(cardText(reviewCardTo(loop.h, log.id, collegeAdmin).content)).toContain('**王梓涵**（计算机科学与工程学院 计科2301团支部）');
  });

  it('a 团总支\'s own log goes to the 团委', async () => {
    const log = await logBy(loop, 'collegeAdmin');
    expect(reviewCardsOf(loop.h, log.id).map((c) => c.receiveId)).toEqual([schoolAdmin]);
    expect(admin2.id).toBeGreaterThan(0);
  });

  it('the author is told who reviews it', async () => {
    const res = await submitLog(loop.h, secretary, { date: '2026-11-10 +0800', description: '团支书本人的记录' });
    expect(cardText(answerCard(res))).toMatch(/已发给(陈晓东（团总支）、黄丽（团总支）|黄丽（团总支）、陈晓东（团总支）)审核/);
  });
});

describe('when no reviewer has bound Feishu yet', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ clock: new TestClock(NOW) });
    await h.importRoster();
  });
  afterAll(() => h.close());

  it('the log is kept pending, the author is told, and the secretary finds it in /审核 once bound', async () => {
    const author = bindDirect(h, '2023010102', student);
    const reply = await h.say(student, '/记录 实事 2小时 给三年级小朋友辅导作业');
    expect(said(reply)).toBe(t('log.savedNoReviewer', { date: TODAY, item: '实事', hours: 2, mode: '线下', community: '' }));
    const log = lastLog(h, author);
    expect(log.status).toBe('pending');
    expect(reviewCardsOf(h, log.id)).toEqual([]);

    bindDirect(h, '2023010101', secretary);
    const list = await h.say(secretary, '/审核');
    expect(button(list.content, 'review.approve')).toEqual(envelope('review.approve', { l: log.id, list: 1 }));
  });
});

describe('通过 and 驳回', () => {
  let loop: Loop;
  beforeAll(async () => {
    loop = await startLoop();
    addMember(loop.h, { name: '黄丽', role: 'college_admin', collegeId: loop.m.collegeAdmin.collegeId, branchId: null, openId: COLLEGE_ADMIN2 });
  });
  afterAll(() => loop.h.close());

  it('通过 with a rating from the card form: approved, rated, the author told, the other 团总支\'s copy patched', async () => {
    const { h, m } = loop;
    const log = await logBy(loop, 'secretary', { item: 'zoufang', hours: '2', date: `${TODAY} +0800` });
    const mine = reviewCardTo(h, log.id, collegeAdmin);
    const theirs = reviewCardTo(h, log.id, COLLEGE_ADMIN2);
    expect(button(mine.content, 'review.approve')).toEqual(approveOf(log));

    const res = await h.click(collegeAdmin, approveOf(log), { formValue: { rating: '5' }, messageId: mine.messageId });
    expect(res.body.toast).toEqual({ type: 'success', content: '已通过' });
    const now = h.clock.now();
    expect(logRow(h, log.id)).toMatchObject({ status: 'approved', rating: 5, reviewerMemberId: m.collegeAdmin.id, reviewedAt: now, rejectReason: null });
    const decidedLine = `✅ 已通过（陈晓东，${TODAY} 15:00），成效 5 分`;
    expect(cardText(answerCard(res))).toContain(decidedLine);

    expect(said(sentTo(h, secretary).at(-1)!)).toBe(`✅ 你的服务记录已通过：${TODAY} 走访 2 小时，成效 5 分。`);
    expect(patchesOf(h, mine.messageId)).toEqual([]);
    const [patch] = patchesOf(h, theirs.messageId);
    expect(patch).toBeDefined();
    expect(cardText(patch!.content)).toContain(decidedLine);
    expect(buttons(patch!.content)).toEqual([]);
  });

  it('a review card that went out late, from the outbox\'s retry, is settled in place like the others', async () => {
    const { h } = loop;
    // A click's sends get one try (the outbox retries them): the first card fails, the second goes out.
    h.fake.failNext({ method: 'POST', path: '/open-apis/im/v1/messages' }, { status: 500, body: { code: 500, msg: 'internal error' } }, 1);
    const log = await logBy(loop, 'secretary');
    const [onTime, ...rest] = reviewCardsOf(h, log.id);
    expect(rest).toEqual([]);
    const late = [collegeAdmin, COLLEGE_ADMIN2].find((who) => who !== onTime!.receiveId)!;
    h.clock.advance(10 * 60_000);
    await h.bot.outbox.drain();
    const lateCard = reviewCardTo(h, log.id, late);

    const res = await h.click(onTime!.receiveId!, approveOf(log), { formValue: { rating: '3' }, messageId: onTime!.messageId });
    expect(res.body.toast).toEqual({ type: 'success', content: '已通过' });
    expect(cardText(patchesOf(h, lateCard.messageId)[0]!.content)).toContain('✅ 已通过');
  });

  it('a second click, by the same or the other reviewer, answers 已通过 and changes nothing', async () => {
    const { h } = loop;
    const log = await logBy(loop, 'secretary');
    const mine = reviewCardTo(h, log.id, collegeAdmin);
    const theirs = reviewCardTo(h, log.id, COLLEGE_ADMIN2);
    await h.click(collegeAdmin, approveOf(log), { formValue: { rating: '4' }, messageId: mine.messageId });
    h.clock.advance(60_000);
    const before = frozen(loop, log);

    for (const [who, card] of [[collegeAdmin, mine], [COLLEGE_ADMIN2, theirs]] as const) {
      const again = await h.click(who, approveOf(log), { formValue: { rating: '1' }, messageId: card.messageId });
      expect(again.body).toEqual({ toast: { type: 'error', content: t('review.already', { status: '已通过' }) } });
      const reject = await h.click(who, envelope('review.reject', { l: log.id }), { formValue: { reason: '改主意了' }, messageId: card.messageId });
      expect(reject.body.toast.content).toContain('已通过');
    }
    expect(frozen(loop, log)).toEqual(before);
    expect(logRow(h, log.id).rating).toBe(4);
  });

  it('a decision stored but its notice cut off by a stop: the same click again (replayed at restart) tells the author once', async () => {
    const { h } = loop;
    const log = await logBy(loop, 'student');
    // As if the bot had stopped right after committing the decision, before telling the author.
    decide(h.bot.db, log.id, loop.m.secretary, { kind: 'approve', rating: 5 }, h.clock.now());
    const outcome = () => sentTo(h, student).filter((m) => said(m).startsWith('✅ 你的服务记录已通过')).length;
    const before = outcome();
    for (let i = 0; i < 2; i++) {
      const again = await h.click(secretary, approveOf(log), { formValue: { rating: '5' }, messageId: reviewCardTo(h, log.id, secretary).messageId });
      expect(again.body.toast.content).toBe(t('review.already', { status: '已通过' }));
    }
    expect(outcome()).toBe(before + 1);
  });

  it('通过 without choosing a rating stores no rating', async () => {
    const { h } = loop;
    const log = await logBy(loop, 'student');
    const res = await h.click(secretary, approveOf(log), { formValue: { rating: '' }, messageId: reviewCardTo(h, log.id, secretary).messageId });
    expect(res.body.toast.type).toBe('success');
    expect(logRow(h, log.id)).toMatchObject({ status: 'approved', rating: null });
    expect(said(sentTo(h, student).at(-1)!)).toMatch(/^✅ 你的服务记录已通过：.* 1 小时。$/);
  });

  it('驳回 asks for the reason; an empty reason is refused; with a reason the log is rejected and the author told why', async () => {
    const { h, m } = loop;
    const log = await logBy(loop, 'student2', { item: 'huodong', hours: '3', date: '2026-11-22 +0800' });
    const card = reviewCardTo(h, log.id, secretary);

    const askFrom = button(card.content, 'review.rejectAsk');
    expect(askFrom).toEqual(envelope('review.rejectAsk', { l: log.id }));
    const before = frozen(loop, log);
    const ask = await h.click(secretary, askFrom, { formValue: { rating: '4' }, messageId: card.messageId });
    const reasonCard = answerCard(ask);
    expect(cardText(reasonCard)).toContain(t('review.rejectTitle'));
    expect(cardText(reasonCard)).toContain(t('review.rejectReason'));
    const rejectButton = button(reasonCard, 'review.reject');
    expect(rejectButton).toEqual(envelope('review.reject', { l: log.id }));
    expect(frozen(loop, log)).toEqual(before);

    for (const reason of [undefined, '', '   ']) {
      const empty = await h.click(secretary, rejectButton, { formValue: reason === undefined ? {} : { reason }, messageId: card.messageId });
      expect(empty.body).toEqual({ toast: { type: 'error', content: t('review.reasonMissing') } });
    }
    expect(frozen(loop, log)).toEqual(before);

    const res = await h.click(secretary, rejectButton, { formValue: { reason: '照片看不出是服务现场，请补充说明' }, messageId: card.messageId });
    expect(res.body.toast).toEqual({ type: 'success', content: '已驳回' });
    expect(cardText(answerCard(res))).toContain('❌ 已驳回（王梓涵');
    expect(logRow(h, log.id)).toMatchObject({ status: 'rejected', rejectReason: '照片看不出是服务现场，请补充说明', reviewerMemberId: m.secretary.id, rating: null });
    expect(said(sentTo(h, student2).at(-1)!)).toBe(t('review.toAuthorRejected', { date: '2026-11-22', item: '活动', hours: 3, reason: '照片看不出是服务现场，请补充说明' }));

    const late = await h.click(secretary, approveOf(log), { formValue: { rating: '5' }, messageId: card.messageId });
    expect(late.body).toEqual({ toast: { type: 'error', content: t('review.already', { status: '已驳回' }) } });
    expect(logRow(h, log.id).status).toBe('rejected');
  });

  it('a rejected log may be sent again unchanged', async () => {
    const { h, m } = loop;
    const log = await logBy(loop, 'student2', { date: '2026-11-23 +0800', description: '被驳回后重交' });
    await h.click(secretary, envelope('review.reject', { l: log.id }), { formValue: { reason: '时长有误' } });
    const res = await submitLog(h, student2, { date: '2026-11-23 +0800', hours: '1', description: '被驳回后重交' });
    expect(res.body.toast.type).toBe('success');
    expect(lastLog(h, m.student2)).toMatchObject({ id: expect.any(Number), status: 'pending', serviceDate: '2026-11-23' });
    expect(lastLog(h, m.student2).id).not.toBe(log.id);
  });
});

describe('an author who cannot be reached', () => {
  let loop: Loop;
  beforeAll(async () => {
    loop = await startLoop();
    addMember(loop.h, { name: '黄丽', role: 'college_admin', collegeId: loop.m.collegeAdmin.collegeId, branchId: null, openId: COLLEGE_ADMIN2 });
  });
  afterAll(() => loop.h.close());

  it('the decision stands and the other copy settles even when the author cannot be told', async () => {
    const { h } = loop;
    const log = await logBy(loop, 'secretary');
    const mine = reviewCardTo(h, log.id, collegeAdmin);
    const theirs = reviewCardTo(h, log.id, COLLEGE_ADMIN2);
    const sentBefore = h.fake.messages.length;
    // The author has stopped the bot: every send to them is refused.
    h.fake.failNext({ method: 'POST', path: '/open-apis/im/v1/messages' }, { status: 400, body: { code: 230013, msg: 'Bot has NO availability to this user.' } }, 10);
    const res = await h.click(collegeAdmin, approveOf(log), { formValue: { rating: '4' }, messageId: mine.messageId });
    expect(res.body.toast).toEqual({ type: 'success', content: '已通过' });
    expect(cardText(answerCard(res))).toContain('✅ 已通过（陈晓东');
    expect(logRow(h, log.id)).toMatchObject({ status: 'approved', rating: 4 });
    expect(h.fake.messages.length).toBe(sentBefore);
    expect(cardText(patchesOf(h, theirs.messageId)[0]!.content)).toContain('✅ 已通过（陈晓东');
  });
});

describe('a forwarded review card clicked by anyone but the reviewer changes nothing', () => {
  let loop: Loop;
  let studentLog: ServiceLog;
  let secretaryLog: ServiceLog;
  let adminLog: ServiceLog;
  beforeAll(async () => {
    loop = await startLoop();
    addMember(loop.h, { name: '黄丽', role: 'college_admin', collegeId: loop.m.collegeAdmin.collegeId, branchId: null, openId: COLLEGE_ADMIN2 });
    studentLog = await logBy(loop, 'student');
    secretaryLog = await logBy(loop, 'secretary');
    adminLog = await logBy(loop, 'collegeAdmin');
  });
  afterAll(() => loop.h.close());

  const forbidden = { toast: { type: 'error', content: t('review.forbidden') } };
  const notForRole = { toast: { type: 'error', content: t('error.actionForbidden') } };

  it.each([
    ['another branch\'s secretary', otherSecretary, forbidden],
    ['a student of the branch', student2, notForRole],
    ['the author himself', student, notForRole],
    ['a student of another branch', otherStudent, notForRole],
  ])('on a student\'s log: %s', async (_who, openId, answer) => {
    const { h } = loop;
    const card = reviewCardTo(h, studentLog.id, secretary);
    const before = frozen(loop, studentLog);
    expect((await h.click(openId, approveOf(studentLog), { formValue: { rating: '5' }, messageId: card.messageId })).body).toEqual(answer);
    expect((await h.click(openId, envelope('review.rejectAsk', { l: studentLog.id }), { messageId: card.messageId })).body).toEqual(answer);
    expect((await h.click(openId, envelope('review.reject', { l: studentLog.id }), { formValue: { reason: '不行' }, messageId: card.messageId })).body).toEqual(answer);
    expect((await h.click(openId, envelope('review.approveAll', { ids: String(studentLog.id) }))).body.toast.content).toMatch(answer === forbidden ? /已通过 0 条/ : /没有权限/);
    expect(frozen(loop, studentLog)).toEqual(before);
  });

  it('the secretary cannot approve their own log, forwarded back to them', async () => {
    const { h } = loop;
    const before = frozen(loop, secretaryLog);
    const res = await h.click(secretary, approveOf(secretaryLog), { formValue: { rating: '5' } });
    expect(res.body).toEqual(forbidden);
    expect(frozen(loop, secretaryLog)).toEqual(before);
  });

  it('another branch\'s secretary cannot approve a secretary\'s log either', async () => {
    const { h } = loop;
    const before = frozen(loop, secretaryLog);
    expect((await h.click(otherSecretary, approveOf(secretaryLog))).body).toEqual(forbidden);
    expect(frozen(loop, secretaryLog)).toEqual(before);
  });

  it('a 团总支\'s log is the 团委\'s to decide: neither its author nor another 团总支 of the college may', async () => {
    const { h } = loop;
    const before = frozen(loop, adminLog);
    expect((await h.click(collegeAdmin, approveOf(adminLog))).body).toEqual(forbidden);
    expect((await h.click(COLLEGE_ADMIN2, approveOf(adminLog))).body).toEqual(forbidden);
    expect((await h.click(COLLEGE_ADMIN2, envelope('review.reject', { l: adminLog.id }), { formValue: { reason: '不行' } })).body).toEqual(forbidden);
    expect(frozen(loop, adminLog)).toEqual(before);

    // Nor does it show in the other 团总支's queue, which does hold the secretary's log.
    const queue = cardText((await h.say(COLLEGE_ADMIN2, '/审核')).content);
    expect(queue).toContain('**王梓涵**');
    expect(queue).not.toContain('**陈晓东**');

    const res = await h.click(schoolAdmin, approveOf(adminLog), { formValue: { rating: '3' }, messageId: reviewCardTo(h, adminLog.id, schoolAdmin).messageId });
    expect(res.body.toast.type).toBe('success');
    expect(logRow(h, adminLog.id)).toMatchObject({ status: 'approved', rating: 3 });
  });

  it('a card for a log that does not exist answers with a toast', async () => {
    expect((await loop.h.click(secretary, envelope('review.approve', { l: 999_999 }))).body).toEqual({ toast: { type: 'error', content: t('log.notFound') } });
  });
});

describe('/审核 and 全部通过', () => {
  let loop: Loop;
  beforeAll(async () => {
    loop = await startLoop();
  });
  afterAll(() => loop.h.close());

  it('/审核 lists the pending logs of the secretary\'s branch only, oldest first', async () => {
    const { h } = loop;
    const a = await logBy(loop, 'student', { description: '本支部第一条' });
    const b = await logBy(loop, 'student2', { description: '本支部第二条' });
    const decided = await logBy(loop, 'student2', { description: '已处理的一条' });
    await h.click(secretary, approveOf(decided));
    await logBy(loop, 'otherStudent', { description: '别的支部的' });
    await logBy(loop, 'secretary', { description: '团支书自己的' });

    const list = (await h.say(secretary, '/审核')).content;
    const text = cardText(list);
    expect(text).toContain(t('review.listTitle', { count: 2 }));
    expect(text.indexOf('本支部第一条')).toBeLessThan(text.indexOf('本支部第二条'));
    for (const other of ['已处理的一条', '别的支部的', '团支书自己的']) expect(text).not.toContain(other);
    expect(buttons(list).filter((v) => v.a === 'review.approve').map((v) => v.p?.l)).toEqual([a.id, b.id]);
    expect(button(list, 'review.approveAll')).toEqual(envelope('review.approveAll', { ids: `${a.id},${b.id}` }));

    const other = cardText((await h.say(otherSecretary, '/审核')).content);
    expect(other).toContain(t('review.listTitle', { count: 1 }));
    expect(other).toContain('别的支部的');

    const college = cardText((await h.say(collegeAdmin, '/审核')).content);
    expect(college).toContain('团支书自己的');
  });

  it('a list button approves that log and re-lists what is left', async () => {
    const { h } = loop;
    const list = await h.say(secretary, '/审核');
    const first = buttons(list.content).find((v) => v.a === 'review.approve')!;
    expect(first.p?.list).toBe(1);
    const res = await h.click(secretary, first, { messageId: list.messageId });
    expect(logRow(h, first.p!.l as number).status).toBe('approved');
    expect(cardText(answerCard(res))).toContain(t('review.listTitle', { count: 1 }));
  });

  it('全部通过 approves the ids in scope, skips the rest, and tells each author', async () => {
    const { h, m } = loop;
    const mine1 = await logBy(loop, 'student', { description: '批量一' });
    const mine2 = await logBy(loop, 'student2', { description: '批量二' });
    const foreign = await logBy(loop, 'otherStudent', { description: '批量外支部' });
    const own = await logBy(loop, 'secretary', { description: '批量团支书本人' });
    const withdrawn = await logBy(loop, 'student', { description: '批量已撤回' });
    await h.click(student, envelope('log.withdraw', { l: withdrawn.id }));
    const sentBefore = h.fake.messages.length;

    const ids = [mine1, mine2, foreign, own, withdrawn].map((l) => l.id).join(',');
    const res = await h.click(secretary, envelope('review.approveAll', { ids }));
    const pendingLeft = cardText(answerCard(res));
    // What was still pending in the branch before (from the previous test) is not in the ids.
    expect(res.body.toast).toEqual({ type: 'success', content: t('review.bulkDone', { count: 2 }) });
    expect([mine1, mine2].map((l) => logRow(h, l.id))).toEqual([
      expect.objectContaining({ status: 'approved', reviewerMemberId: m.secretary.id, rating: null }),
      expect.objectContaining({ status: 'approved', reviewerMemberId: m.secretary.id, rating: null }),
    ]);
    expect(logRow(h, foreign.id).status).toBe('pending');
    expect(logRow(h, own.id).status).toBe('pending');
    expect(logRow(h, withdrawn.id).status).toBe('withdrawn');
    expect(pendingLeft).toContain(t('review.listTitle', { count: 1 }));

    expect(sentTo(h, student, sentBefore).map(said)).toEqual([expect.stringMatching(/^✅ 你的服务记录已通过/)]);
    expect(sentTo(h, student2, sentBefore).map(said)).toEqual([expect.stringMatching(/^✅ 你的服务记录已通过/)]);
    expect(sentTo(h, otherStudent, sentBefore)).toEqual([]);
    // Their own review cards settle too.
    expect(cardText(patchesOf(h, reviewCardTo(h, mine1.id, secretary).messageId)[0]!.content)).toContain('✅ 已通过（王梓涵');
  });

  it('a malformed id list is refused', async () => {
    const res = await loop.h.click(secretary, envelope('review.approveAll', { ids: '1,,2' }));
    expect(res.body).toEqual({ toast: { type: 'error', content: t('error.cardInvalid') } });
  });

  it('an empty queue says so', async () => {
    const { h } = loop;
    const list = await h.say(secretary, '/审核');
    const rest = buttons(list.content).filter((v) => v.a === 'review.approve');
    for (const b of rest) await h.click(secretary, b);
    expect(cardText((await h.say(secretary, '/审核')).content)).toContain(t('review.listEmpty'));
  });
});

describe('/审核 with long descriptions heavy in punctuation', () => {
  let loop: Loop;
  beforeAll(async () => {
    loop = await startLoop();
  });
  afterAll(() => loop.h.close());

  /** Objects with a `tag`: what Feishu counts against its 200 components. */
  const components = (node: unknown): number =>
    Array.isArray(node) ? node.reduce((n: number, x) => n + components(x), 0)
      : node && typeof node === 'object' ? Object.values(node).reduce((n: number, x) => n + components(x), typeof (node as { tag?: unknown }).tag === 'string' ? 1 : 0)
        : 0;
  /** 500 characters, most of them escaped to a five- or six-byte reference, list markers at line starts. */
  const heavy = (i: number) => `${i}. 走访\n- ${'|~|~|~|*_[]()#<>&-+:ok:服务'.repeat(25)}`.slice(0, 500);

  // Regression: all ten such logs were listed, in a card of about 31 KB that Feishu refuses (230025).
  it('lists the oldest logs that fit one card, says how many more, and 全部通过 takes only those shown', async () => {
    const { h } = loop;
    const logs: ServiceLog[] = [];
    for (let i = 0; i < 10; i++) logs.push(await logBy(loop, i % 2 ? 'student2' : 'student', { description: heavy(i) }));
    expect(logs.map((l) => [...l.description].length)).toEqual(Array(10).fill(500));

    const list = await h.say(secretary, '/审核');
    expect(Buffer.byteLength(JSON.stringify(list.content), 'utf8')).toBeLessThan(30 * 1024);
    expect(components(list.content)).toBeLessThan(200);
    const shown = buttons(list.content).filter((v) => v.a === 'review.approve').map((v) => v.p!.l);
    expect(shown.length).toBeGreaterThan(1);
    expect(shown.length).toBeLessThan(10);
    expect(shown).toEqual(logs.slice(0, shown.length).map((l) => l.id));
    const text = cardText(list.content);
    expect(text).toContain(t('review.listTitle', { count: 10 }));
    expect(text).toContain(t('review.more', { count: 10 - shown.length }));
    expect(text).not.toContain(':ok:');
    expect(button(list.content, 'review.approveAll')).toEqual(envelope('review.approveAll', { ids: shown.join(',') }));

    // 全部通过 decides the logs shown; the re-listed card starts where this one stopped.
    const res = await h.click(secretary, button(list.content, 'review.approveAll'), { messageId: list.messageId });
    expect(res.body.toast).toEqual({ type: 'success', content: t('review.bulkDone', { count: shown.length }) });
    expect(logs.map((l) => logRow(h, l.id).status)).toEqual(logs.map((_, i) => (i < shown.length ? 'approved' : 'pending')));
    const next = answerCard(res);
    expect(Buffer.byteLength(JSON.stringify(next), 'utf8')).toBeLessThan(30 * 1024);
    expect(cardText(next)).toContain(t('review.listTitle', { count: 10 - shown.length }));
    expect(buttons(next).find((v) => v.a === 'review.approve')?.p?.l).toBe(logs[shown.length]!.id);
  });
});

describe('withdrawal', () => {
  let loop: Loop;
  beforeAll(async () => {
    loop = await startLoop();
  });
  afterAll(() => loop.h.close());

  it('the author withdraws a pending log from the /我的 card: withdrawn, review card patched, a later 通过 gets a toast', async () => {
    const { h } = loop;
    const log = await logBy(loop, 'student', { hours: '2', date: `${TODAY} +0800` });
    const review = reviewCardTo(h, log.id, secretary);
    const me = await h.say(student, '/我的');
    expect(cardText(me.content)).toContain('待审核 2 小时');
    const withdraw = button(me.content, 'log.withdraw', { l: log.id });

    const res = await h.click(student, withdraw, { messageId: me.messageId });
    expect(res.body.toast).toEqual({ type: 'success', content: t('log.withdrawn', { date: TODAY, item: '实事', hours: 2 }) });
    expect(cardText(answerCard(res))).toContain('待审核 0 小时');
    expect(cardText(answerCard(res))).toContain(`${TODAY} 实事 2 小时 · 已撤回`);
    expect(buttons(answerCard(res)).filter((b) => b.a === 'log.withdraw')).toEqual([]);
    expect(logRow(h, log.id).status).toBe('withdrawn');

    const [patch] = patchesOf(h, review.messageId);
    expect(cardText(patch!.content)).toContain('提交人已撤回');
    expect(buttons(patch!.content)).toEqual([]);

    const before = frozen(loop, log);
    const late = await h.click(secretary, approveOf(log), { formValue: { rating: '5' }, messageId: review.messageId });
    expect(late.body).toEqual({ toast: { type: 'error', content: t('review.already', { status: '已撤回' }) } });
    expect(frozen(loop, log)).toEqual(before);
  });

  it('an approved log cannot be withdrawn', async () => {
    const { h } = loop;
    const log = await logBy(loop, 'student');
    await h.click(secretary, approveOf(log));
    const before = frozen(loop, log);
    const res = await h.click(student, envelope('log.withdraw', { l: log.id }));
    expect(res.body).toEqual({ toast: { type: 'error', content: t('log.notPending', { status: '已通过' }) } });
    expect(frozen(loop, log)).toEqual(before);
  });

  it('someone else\'s log cannot be withdrawn, not even by the reviewer', async () => {
    const { h } = loop;
    const log = await logBy(loop, 'student');
    const before = frozen(loop, log);
    expect((await h.click(student2, envelope('log.withdraw', { l: log.id }))).body).toEqual({ toast: { type: 'error', content: t('log.notYours') } });
    expect((await h.click(secretary, envelope('log.withdraw', { l: log.id }))).body).toEqual({ toast: { type: 'error', content: t('log.notYours') } });
    expect(frozen(loop, log)).toEqual(before);
  });

  it('withdrawing twice answers that it is already withdrawn', async () => {
    const { h } = loop;
    const log = await logBy(loop, 'student');
    await h.click(student, envelope('log.withdraw', { l: log.id }));
    const before = frozen(loop, log);
    expect((await h.click(student, envelope('log.withdraw', { l: log.id }))).body).toEqual({ toast: { type: 'error', content: t('log.notPending', { status: '已撤回' }) } });
    expect(frozen(loop, log)).toEqual(before);
  });
});

describe('/我的 counts only approved hours', () => {
  let loop: Loop;
  beforeAll(async () => {
    loop = await startLoop();
  });
  afterAll(() => loop.h.close());

  it('已认证 vs 待审核, counts per item, sources, and the last logs with their status', async () => {
    const { h } = loop;
    const approve = async (log: ServiceLog) => h.click(secretary, approveOf(log), { formValue: { rating: '4' } });

    expect(cardText((await h.say(student, '/我的')).content)).toContain(t('me.noLogs'));

    await approve(await logBy(loop, 'student', { item: 'shishi', hours: '2', date: '2026-11-20 +0800' }));
    await approve(await logBy(loop, 'student', { item: 'shishi', hours: '1.5', date: '2026-11-21 +0800' }));
    await approve(await logBy(loop, 'student', { item: 'zoufang', hours: '3', date: '2026-11-22 +0800' }));
    await logBy(loop, 'student', { item: 'huodong', hours: '4', date: '2026-11-23 +0800' });
    const rejected = await logBy(loop, 'student', { item: 'xiangmu', hours: '5', date: '2026-11-24 +0800' });
    await h.click(secretary, envelope('review.reject', { l: rejected.id }), { formValue: { reason: '不属实' } });
    const withdrawn = await logBy(loop, 'student', { item: 'x', hours: '6', date: `${TODAY} +0800` });
    await h.click(student, envelope('log.withdraw', { l: withdrawn.id }));
    // Someone else's approved hours are not mine.
    await approve(await logBy(loop, 'student2', { hours: '8' }));

    const me = await h.say(student, '/我的');
    const text = cardText(me.content);
    expect(text).toContain('已认证 6.5 小时');
    expect(text).toContain('待审核 4 小时');
    expect(text).toContain(t('me.items', { items: '实事 2 · 走访 1' }));
    expect(text).toContain(t('me.sources', { sources: '自报 6.5 小时' }));
    // The five most recent, newest first, each with its status; only the pending one can be withdrawn.
    const lines = text.split('\n').filter((l) => /^\d{4}-\d{2}-\d{2} /.test(l));
    expect(lines).toEqual([
      `${TODAY} X（其他） 6 小时 · 已撤回`,
      '2026-11-24 项目 5 小时 · 已驳回',
      '2026-11-23 活动 4 小时 · 待审核',
      '2026-11-22 走访 3 小时 · 已通过',
      '2026-11-21 实事 1.5 小时 · 已通过',
    ]);
    expect(buttons(me.content).filter((b) => b.a === 'log.withdraw')).toHaveLength(1);
  });
});

describe('a card click does not wait for a failed send to be retried', () => {
  let loop: Loop;
  beforeAll(async () => {
    loop = await startLoop();
  });
  afterAll(() => loop.h.close());

  it('a log form\'s review card is tried once while the click waits; the outbox sends it later, once, and it is settled like any other', async () => {
    const { h, m } = loop;
    const sends = () => h.fake.calls.filter((c) => c.method === 'POST' && c.path === '/open-apis/im/v1/messages').length;
    const before = sends();
    h.fake.failNext({ method: 'POST', path: '/open-apis/im/v1/messages' }, { status: 503, body: { code: 503, msg: 'service unavailable' } }, 1);
    const res = await submitLog(h, student, { date: `${TODAY} +0800`, hours: '2', description: '辅导作业' });
    expect(res.body.toast?.type).toBe('success');
    // One try while the click waited: no retry inside the call (the harness's in-call policy would retry at once).
    expect(sends() - before).toBe(1);
    const log = lastLog(h, m.student);
    expect(reviewCardsOf(h, log.id)).toEqual([]);

    h.clock.advance(60_000);
    await h.bot.outbox.drain();
    const card = reviewCardTo(h, log.id, secretary);
    await h.bot.outbox.drain();
    expect(reviewCardsOf(h, log.id)).toHaveLength(1);
    const approved = await h.click(secretary, approveOf(log), { formValue: { rating: '4' }, messageId: card.messageId });
    expect(approved.body.toast).toEqual({ type: 'success', content: '已通过' });
    expect(logRow(h, log.id)).toMatchObject({ status: 'approved', rating: 4 });
  });
});
