/**
 * Service logs in (PRODUCT.md §4), through signed events: the inline command, plain Chinese
 * and the card form go through one validation; what cannot be read is asked for with a
 * prefilled card; every refusal says what to fix, in Chinese, and stores nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { members, type Community } from '../src/db/schema/index.js';
import { t, type PlainKey } from '../src/text/zh-CN.js';
import { deliverMessage } from './helpers/bot.js';
import {
  ACCOUNTS, addCommunity, button, cardText, checkIn, checkinsOf, envelope, field, lastLog, logsOf, pair, reviewCardsOf, reviewCardTo, said, setProgram,
  startLoop, stored, submitLog, TODAY, type Loop, type LogForm,
} from './helpers/loop.js';

const { student, student2, secretary, otherStudent } = ACCOUNTS;

describe('three ways in', () => {
  let loop: Loop;
  let site: Community;
  beforeAll(async () => {
    loop = await startLoop();
    site = addCommunity(loop.h, '幸福社区');
  });
  afterAll(() => loop.h.close());

  it('the inline command `/记录 走访 2小时 …` stores a pending self-reported log and sends it for review', async () => {
    const { h, m } = loop;
    const reply = await h.say(student, '/记录 走访 2小时 走访幸福社区物业公司了解垃圾分类');
    const log = lastLog(h, m.student);
    expect(log).toMatchObject({
      serviceDate: TODAY, item: 'zoufang', halfHours: 4, mode: 'offline', communityId: site.id,
      description: '走访幸福社区物业公司了解垃圾分类', source: 'self', status: 'pending', checkinId: null, sourceMessageId: reply.replyTo,
    });
    expect(said(reply)).toBe(t('log.saved', { date: TODAY, item: '走访', hours: 2, mode: '线下', community: '· 幸福社区', reviewer: '王梓涵（团支书）' }));
    expect(cardText(reviewCardTo(h, log.id, secretary).content)).toContain('走访幸福社区物业公司了解垃圾分类');
  });

  it('plain Chinese `昨天下午在幸福社区给三年级小朋友辅导作业，两个半小时` is a log of yesterday, 实事, 2.5 hours', async () => {
    const { h, m } = loop;
    const reply = await h.say(student2, '昨天下午在幸福社区给三年级小朋友辅导作业，两个半小时');
    const log = lastLog(h, m.student2);
    expect(log).toMatchObject({ serviceDate: '2026-11-24', item: 'shishi', halfHours: 5, communityId: site.id, source: 'self', status: 'pending' });
    expect(log.description).toContain('给三年级小朋友辅导作业');
    expect(said(reply)).toContain('✅ 已记录：2026-11-24 实事 2.5 小时（线下）· 幸福社区');
    expect(reviewCardsOf(h, log.id).map((c) => c.receiveId)).toEqual([secretary]);
  });

  it.each([
    // Everyday help with no item word is 实事 (it used to get the "请补全服务内容" card); the area is read from its words.
    ['昨天在幸福社区帮独居老人打扫卫生，3小时', { item: 'shishi', halfHours: 6, area: null }],
    ['昨天在幸福社区教老年人用智能手机挂号 2h', { item: 'shishi', halfHours: 4, area: 'technology' }],
    ['昨天在幸福社区搞垃圾分类宣传，俩小时😊', { item: 'huodong', halfHours: 4, area: 'ecology' }],
  ] as const)('plain Chinese `%s` is recorded with its item and area', async (text, want) => {
    const { h, m } = loop;
    const reply = await h.say(student, text);
    expect(lastLog(h, m.student)).toMatchObject({ serviceDate: '2026-11-24', communityId: site.id, source: 'self', status: 'pending', ...want });
    expect(said(reply)).toContain('✅ 已记录：2026-11-24');
  });

  it('a report without hours answers with the form prefilled with what was read, and stores nothing', async () => {
    const { h } = loop;
    const before = stored(h);
    const reply = await h.say(otherStudent, '今天在幸福社区走访了独居老人');
    expect(reply.msgType).toBe('interactive');
    expect(cardText(reply.content)).toContain(t('log.formAsk', { missing: '时长' }));
    expect(field(reply.content, 'date')?.initial_date).toBe(TODAY);
    expect(field(reply.content, 'item')?.initial_option).toBe('zoufang');
    expect(field(reply.content, 'community')?.initial_option).toBe(String(site.id));
    expect(field(reply.content, 'hours')?.default_value).toBeUndefined();
    expect(field(reply.content, 'description')?.default_value).toContain('走访了独居老人');
    expect(button(reply.content, 'log.submit')).toEqual(envelope('log.submit'));
    expect(stored(h)).toEqual({ ...before, sent: before.sent + 1 });
  });

  it('the form from that card, completed, stores the log', async () => {
    const { h, m } = loop;
    const res = await submitLog(h, otherStudent, { item: 'zoufang', hours: '1.5', community: String(site.id), description: '在幸福社区走访了独居老人' });
    expect(res.body.toast).toEqual({ type: 'success', content: t('log.submittedToast') });
    expect(lastLog(h, m.otherStudent)).toMatchObject({ serviceDate: TODAY, item: 'zoufang', halfHours: 3, communityId: site.id, source: 'self', status: 'pending' });
    // 孙佳怡 is in 计科2302: her branch's secretary reviews, not 王梓涵.
    expect(reviewCardsOf(h, lastLog(h, m.otherStudent).id).map((c) => c.receiveId)).toEqual([ACCOUNTS.otherSecretary]);
  });

  it('`/记录` alone answers with an empty form dated today', async () => {
    const { h } = loop;
    const before = stored(h);
    const reply = await h.say(student, '/记录');
    expect(cardText(reply.content)).toContain(t('log.formIntro'));
    expect(field(reply.content, 'date')?.initial_date).toBe(TODAY);
    expect(field(reply.content, 'hours')?.default_value).toBeUndefined();
    expect(stored(h).logs).toBe(before.logs);
  });

  it.each(['你好', '今天天气不错', '谢谢'])('plain text that is not a report (%s) gets the hint and stores nothing', async (text) => {
    const { h } = loop;
    const before = stored(h);
    expect(said(await h.say(student, text))).toBe(t('hint.plainText'));
    expect(stored(h)).toEqual({ ...before, sent: before.sent + 1 });
  });

  it('a report that names no community is about the branch\'s paired one', async () => {
    const { h, m } = loop;
    const paired = addCommunity(h, '和平社区');
    pair(h, m.otherStudent.branchId!, paired.id);
    const reply = await h.say(otherStudent, '前天给社区老人打扫卫生3小时');
    expect(said(reply)).toContain('✅ 已记录：2026-11-23 实事 3 小时（线下）· 和平社区');
    expect(lastLog(h, m.otherStudent)).toMatchObject({ serviceDate: '2026-11-23', item: 'shishi', halfHours: 6, communityId: paired.id });
  });

  it('a report from an account not on the roster gets the hint and stores nothing', async () => {
    const { h } = loop;
    const before = stored(h);
    expect(said(await h.say('ou_loop_stranger', '昨天在幸福社区辅导作业两小时'))).toBe(t('hint.plainText'));
    expect(stored(h)).toEqual({ ...before, sent: before.sent + 1 });
  });

  it('a report naming two dates asks which one instead of guessing', async () => {
    const { h } = loop;
    const before = stored(h);
    const reply = await h.say(student, '11月20日和11月21日在幸福社区辅导作业2小时');
    expect(reply.msgType).toBe('interactive');
    expect(cardText(reply.content)).toContain('提到了多个日期');
    expect(stored(h).logs).toBe(before.logs);
  });
});

describe('every refusal says what to fix and stores nothing', () => {
  let loop: Loop;
  beforeAll(async () => {
    loop = await startLoop();
  });
  afterAll(() => loop.h.close());

  const invalid = (key: PlainKey) => t('log.invalid', { problem: t(key) });

  /** Submits the form and expects an error toast with `message`, nothing stored, nothing sent. */
  async function refused(fields: Partial<LogForm>, message: string, who: string = student) {
    const { h } = loop;
    const before = stored(h);
    const res = await submitLog(h, who, fields);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ toast: { type: 'error', content: message } });
    expect(stored(h)).toEqual(before);
  }

  async function accepted(fields: Partial<LogForm>, who: string = student) {
    const res = await submitLog(loop.h, who, fields);
    expect(res.body.toast, JSON.stringify(res.body)).toEqual({ type: 'success', content: t('log.submittedToast') });
  }

  it.each([
    ['0', 'log.hoursRange'],
    ['13', 'log.hoursRange'],
    ['12.5', 'log.hoursRange'],
    ['-1', 'log.hoursRange'],
    ['1.3', 'log.hoursStep'],
    ['0.25', 'log.hoursStep'],
    ['两小时', 'log.badHours'],
    ['abc', 'log.badHours'],
    ['', 'log.badHours'],
  ] as const)('hours "%s" → %s', async (hours, key) => {
    await refused({ hours, date: '2026-11-01 +0800' }, invalid(key));
  });

  it('hours "12" and "0.5" are accepted (the bounds), also written as "2小时"', async () => {
    const { h, m } = loop;
    await accepted({ hours: '12', date: '2026-11-02 +0800', description: '十二小时' });
    await accepted({ hours: '0.5', date: '2026-11-02 +0800', description: '半小时' });
    await accepted({ hours: '2小时', date: '2026-11-03 +0800', description: '两小时' });
    expect(logsOf(h, m.student).slice(-3).map((l) => l.halfHours)).toEqual([24, 1, 4]);
  });

  it('a future date is refused', async () => {
    await refused({ date: '2026-11-26 +0800' }, t('log.future', { date: '2026-11-26' }));
  });

  it('a date older than the 30-day window is refused; the 30th day back is accepted', async () => {
    await refused({ date: '2026-10-25 +0800' }, t('log.tooOld', { date: '2026-10-25', days: 30 }));
    await accepted({ date: '2026-10-26 +0800', description: '窗口最后一天' });
  });

  it('the window follows program_years.log_window_days', async () => {
    setProgram(loop.h, { logWindowDays: 10 });
    try {
      await refused({ date: '2026-11-14 +0800' }, t('log.tooOld', { date: '2026-11-14', days: 10 }));
      await accepted({ date: '2026-11-15 +0800', description: '窗口内' });
    } finally {
      setProgram(loop.h, { logWindowDays: 30 });
    }
  });

  it('a date outside the program year is refused, even when the window would allow it', async () => {
    setProgram(loop.h, { logWindowDays: 400 });
    try {
      await refused({ date: '2026-09-30 +0800' }, t('log.outsideYear', { date: '2026-09-30', start: '2026-10-01', end: '2027-09-30' }));
    } finally {
      setProgram(loop.h, { logWindowDays: 30 });
    }
  });

  it.each([
    ['2026-02-30 +0800'],
    ['next week'],
  ])('a malformed date "%s" is refused', async (date) => {
    await refused({ date }, invalid('log.badDate'));
  });

  it('at most 16 hours a day across logs; withdrawn logs no longer count', async () => {
    const { h, m } = loop;
    const date = '2026-11-20 +0800';
    await accepted({ date, hours: '12', description: '上午到晚上的活动' }, student2);
    await accepted({ date, hours: '4', description: '晚上的走访' }, student2);
    await refused({ date, hours: '0.5', description: '再加半小时' }, t('log.dailyCap', { date: '2026-11-20', already: 16, hours: 0.5 }), student2);
    // Another day is not affected.
    await accepted({ date: '2026-11-19 +0800', hours: '0.5', description: '再加半小时' }, student2);

    const evening = logsOf(h, m.student2).find((l) => l.description === '晚上的走访')!;
    expect((await h.click(student2, envelope('log.withdraw', { l: evening.id }))).body.toast.type).toBe('success');
    await accepted({ date, hours: '0.5', description: '再加半小时' }, student2);
  });

  it('the daily cap counts the inline command too, and its refusal is a Chinese reply', async () => {
    const { h } = loop;
    const before = stored(h);
    await accepted({ date: `${TODAY} +0800`, hours: '12', description: '全天' }, ACCOUNTS.otherStudent);
    await accepted({ date: `${TODAY} +0800`, hours: '4', description: '晚上' }, ACCOUNTS.otherStudent);
    const mid = stored(h);
    const reply = await h.say(ACCOUNTS.otherStudent, '/记录 实事 1小时 打扫楼道');
    expect(said(reply)).toBe(t('log.dailyCap', { date: TODAY, already: 16, hours: 1 }));
    expect(stored(h)).toEqual({ ...mid, sent: mid.sent + 1 });
    expect(mid.logs).toBe(before.logs + 2);
  });

  it('an exact duplicate is refused; the same log after the first was withdrawn is accepted', async () => {
    const { h, m } = loop;
    const log = { date: '2026-11-21 +0800', item: 'huodong', hours: '3', description: '在幸福社区组织垃圾分类宣讲' };
    await accepted(log);
    const first = lastLog(h, m.student);
    await refused(log, t('log.duplicate'));
    // Spacing differences do not make it a different log.
    await refused({ ...log, description: '  在幸福社区组织垃圾分类宣讲 ' }, t('log.duplicate'));
    // Any difference in date, item, hours or description does.
    await accepted({ ...log, hours: '2.5' });

    expect((await h.click(student, envelope('log.withdraw', { l: first.id }))).body.toast.type).toBe('success');
    await accepted(log);
    const again = lastLog(h, m.student);
    expect(again.id).not.toBe(first.id);
    expect(again).toMatchObject({ serviceDate: '2026-11-21', item: 'huodong', halfHours: 6, status: 'pending' });
    expect(logsOf(h, m.student).find((l) => l.id === first.id)?.status).toBe('withdrawn');
  });

  it('an inline duplicate is refused with the same sentence', async () => {
    const { h } = loop;
    await h.say(student, '/记录 走访 2小时 走访幸福社区物业公司了解垃圾分类');
    const before = stored(h);
    const reply = await h.say(student, '/记录 走访 2小时 走访幸福社区物业公司了解垃圾分类');
    expect(said(reply)).toBe(t('log.duplicate'));
    expect(stored(h)).toEqual({ ...before, sent: before.sent + 1 });
  });

  it('a description over 500 characters is refused; 500 is accepted', async () => {
    await refused({ date: '2026-11-04 +0800', description: '字'.repeat(501) }, invalid('log.descriptionTooLong'));
    await accepted({ date: '2026-11-04 +0800', description: '字'.repeat(500) });
  });

  it.each([[undefined], [''], ['   ']])('a missing description (%j) is refused', async (description) => {
    const { h } = loop;
    const before = stored(h);
    const res = await h.click(student, envelope('log.submit'), {
      formValue: { date: '2026-11-05 +0800', item: 'shishi', hours: '2', mode: 'offline', ...(description === undefined ? {} : { description }) },
    });
    expect(res.body).toEqual({ toast: { type: 'error', content: invalid('log.descriptionMissing') } });
    expect(stored(h)).toEqual(before);
  });

  it.each([['9999'], ['abc'], ['-1']])('a community id that does not exist (%s) is refused', async (community) => {
    await refused({ community, date: '2026-11-06 +0800' }, community === '9999' ? t('log.unknownCommunity') : invalid('log.unknownCommunity'));
  });

  it('an unknown item or mode is refused', async () => {
    await refused({ item: 'volunteer', date: '2026-11-07 +0800' }, invalid('log.badItem'));
    await refused({ item: '', date: '2026-11-07 +0800' }, invalid('log.badItem'));
    await refused({ mode: 'hybrid', date: '2026-11-07 +0800' }, invalid('log.badMode'));
  });

  // Issue 15's "Why" inputs: each is answered with the form, the rule or the question said
  // exactly, the date left empty when it cannot be placed, and nothing stored.
  const RULE = '服务时长须在 0.5 到 12 小时之间，以半小时为单位';
  const unplaced = (phrase: string) => `「${phrase}」没有说是哪一天，请补充具体日期。`;
  it.each([
    ['-3小时', `时长「-3小时」不是正数。${RULE}，请填写实际的小时数。`, TODAY, undefined],
    ['负3小时', `时长「负3小时」不是正数。${RULE}，请填写实际的小时数。`, TODAY, undefined],
    ['/记录 实事 -3小时 辅导作业', `时长「-3小时」不是正数。${RULE}，请填写实际的小时数。`, TODAY, undefined],
    ['/记录 走访 -5小时 走访物业', `时长「-5小时」不是正数。${RULE}，请填写实际的小时数。`, TODAY, undefined],
    ['/记录 实事 0小时 打扫楼道卫生', `时长「0小时」不是正数。${RULE}，请填写实际的小时数。`, TODAY, undefined],
    ['/记录 实事 13小时 打扫楼道卫生', `时长「13小时」超过了 12 小时。${RULE}；连续几天的服务请每天各记一条。`, TODAY, undefined],
    ['/记录 实事 1.3小时 打扫楼道卫生', `时长「1.3小时」不是半小时的整数倍。${RULE}，请填写 1 或 1.5 小时。`, TODAY, undefined],
    ['去年在幸福社区辅导作业两小时', unplaced('去年'), undefined, '2'],
    ['上个月在幸福社区辅导作业两小时', unplaced('上个月'), undefined, '2'],
    ['前几天在幸福社区辅导作业两小时', unplaced('前几天'), undefined, '2'],
  ] as const)('`%s` is answered with the form saying %s, and nothing is stored', async (text, sentence, date, hours) => {
    const { h } = loop;
    const before = stored(h);
    const reply = await h.say(student, text);
    expect(reply.msgType).toBe('interactive');
    expect(cardText(reply.content)).toContain(t('log.ambiguous', { what: sentence }));
    expect(field(reply.content, 'date')?.initial_date).toBe(date);
    expect(field(reply.content, 'hours')?.default_value).toBe(hours);
    // A stray minus is not left in a description read from the rest of the text.
    if (text.startsWith('/记录')) expect(field(reply.content, 'description')?.default_value).not.toMatch(/[-负]/);
    expect(stored(h)).toEqual({ ...before, sent: before.sent + 1 });
  });

  it('the form sent back with the date still empty is refused with "pick the date" and stores nothing', async () => {
    await refused({ date: undefined }, invalid('log.dateMissing'));
    await refused({ date: '' }, invalid('log.dateMissing'));
  });

  it('plain Chinese about a day older than the window is refused with the window', async () => {
    const { h } = loop;
    const before = stored(h);
    expect(said(await h.say(student, '10月20日在幸福社区辅导作业两小时'))).toBe(t('log.tooOld', { date: '2026-10-20', days: 30 }));
    expect(stored(h)).toEqual({ ...before, sent: before.sent + 1 });
  });

  it('plain Chinese about tomorrow is not stored: the form asks to confirm the date', async () => {
    const { h } = loop;
    const before = stored(h);
    const reply = await h.say(student, '明天在幸福社区辅导作业两小时');
    expect(reply.msgType).toBe('interactive');
    expect(cardText(reply.content)).toContain('还没到');
    expect(stored(h)).toEqual({ ...before, sent: before.sent + 1 });
  });

  it('a student without a college cannot log', async () => {
    const { h } = loop;
    h.bot.db.update(members).set({ collegeId: null, branchId: null }).where(eq(members.openId, student2)).run();
    try {
      const before = stored(h);
      const res = await submitLog(h, student2, { date: '2026-11-08 +0800' });
      expect(res.body).toEqual({ toast: { type: 'error', content: t('log.noCollege') } });
      expect(stored(h)).toEqual(before);
    } finally {
      const { m } = loop;
      h.bot.db.update(members).set({ collegeId: m.student2.collegeId, branchId: m.student2.branchId }).where(eq(members.openId, student2)).run();
    }
  });
});

describe('dates are the school\'s calendar days (Asia/Shanghai), not UTC', () => {
  let loop: Loop;
  beforeAll(async () => {
    loop = await startLoop({ now: Date.parse('2026-11-25T17:30:00Z') }); // 2026-11-26 01:30 in Beijing
  });
  afterAll(() => loop.h.close());

  it('at 01:30 on the 26th, "今天" is the 26th, the form accepts the 26th and refuses the 27th', async () => {
    const { h, m } = loop;
    await h.say(student, '/记录 实事 1小时 今天凌晨在幸福社区值守');
    expect(lastLog(h, m.student).serviceDate).toBe('2026-11-26');
    expect((await submitLog(h, student2, { date: '2026-11-26 +0800' })).body.toast.type).toBe('success');
    expect((await submitLog(h, student2, { date: '2026-11-27 +0800' })).body.toast.content).toBe(t('log.future', { date: '2026-11-27' }));
    const { checkinId } = await checkIn(h, otherStudent, '幸福社区');
    expect(checkinsOf(h, m.otherStudent).find((c) => c.id === checkinId)?.checkinDate).toBe('2026-11-26');
  });
});

describe('an account not on the roster', () => {
  let loop: Loop;
  beforeAll(async () => {
    loop = await startLoop();
  });
  afterAll(() => loop.h.close());

  it('cannot submit the log form, check in or check out', async () => {
    const { h } = loop;
    const before = stored(h);
    const notBound = { toast: { type: 'error', content: t('error.notBound', { command: '绑定' }) } };
    expect((await submitLog(h, 'ou_loop_stranger')).body).toEqual(notBound);
    expect((await h.click('ou_loop_stranger', envelope('checkin.checkout', { c: 1 }))).body).toEqual(notBound);
    expect(said(await h.say('ou_loop_stranger', '/报到 幸福社区'))).toContain('绑定');
    expect(stored(h)).toEqual({ ...before, sent: before.sent + 1 });
  });
});

// Group chats: `@助手 /记录 …` is a command like any other.
describe('in a group after an @-mention', () => {
  let loop: Loop;
  beforeAll(async () => {
    loop = await startLoop();
  });
  afterAll(() => loop.h.close());

  it('`@助手 /记录 …` stores the log and plain chatter in the group is not read as a report', async () => {
    const { h, m } = loop;
    const reply = await h.say(student, '/记录 活动 3小时 在社区组织垃圾分类宣讲', { chatType: 'group', chatId: 'oc_loop_group', mentionBot: true });
    expect(said(reply)).toContain('✅ 已记录');
    expect(lastLog(h, m.student)).toMatchObject({ item: 'huodong', halfHours: 6, source: 'self' });

    const before = stored(h);
    const chatter = await deliverMessage(h, { openId: student, chatType: 'group', chatId: 'oc_loop_group', text: '昨天在社区辅导作业两小时' });
    expect(chatter.sent).toEqual([]);
    expect(stored(h)).toEqual(before);
  });
});
