/**
 * Review cards Feishu no longer updates (CARDS.md: a 2.0 card can be patched for 14 days; a
 * recalled one never): the bot does not try the old card and tells the other reviewers in one
 * new message each instead, once; a refused update falls back the same way when the refusal
 * is for good, and is only logged when it is passing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateReviewCards } from '../src/app/reviewCards.js';
import { silentLogger } from '../src/log.js';
import { ACCOUNTS, envelope, logBy, logRow, patchesOf, reviewCardTo, sentTo, startLoop, type Loop } from './helpers/loop.js';

const DAY = 24 * 3600 * 1000;
const NOTE = '审核卡片已无法更新';

let loop: Loop;
beforeAll(async () => {
  loop = await startLoop();
});
afterAll(() => loop.h.close());

/** A log by the secretary dated today on the (moving) clock, so the 30-day window never bites. */
const secretaryLog = () => logBy(loop, 'secretary', { date: `${new Date(loop.h.clock.now() + 8 * 3600 * 1000).toISOString().slice(0, 10)} +0800` });
const notesTo = (openId: string, since: number) => sentTo(loop.h, openId, since).filter((m) => m.msgType === 'text' && String(m.content.text).includes(NOTE));

describe('a review card older than Feishu updates', () => {
  it('a card Feishu refuses for good (recalled) falls back to the message; a passing failure (5xx) does not', async () => {
    const { h } = loop;
    const log = await secretaryLog();
    const card = reviewCardTo(h, log.id, ACCOUNTS.collegeAdmin);
    h.fake.failNext({ method: 'PATCH', path: `/open-apis/im/v1/messages/${card.messageId}` }, { status: 400, body: { code: 230011, msg: 'The message is recalled.' } });
    const since = h.fake.messages.length;
    await h.click(ACCOUNTS.schoolAdmin, envelope('review.reject', { l: log.id }), { formValue: { reason: '时长与照片不符' }, messageId: 'om_admin_list' });
    const notes = notesTo(ACCOUNTS.collegeAdmin, since);
    expect(notes).toHaveLength(1);
    expect(notes[0]!.content.text).toContain('已驳回');
    expect(notes[0]!.content.text).toContain('时长与照片不符');

    const other = await secretaryLog();
    const otherCard = reviewCardTo(h, other.id, ACCOUNTS.collegeAdmin);
    h.fake.failNext({ method: 'PATCH', path: `/open-apis/im/v1/messages/${otherCard.messageId}` }, { status: 503, body: { code: 500, msg: 'busy' } }, 5);
    const before = h.fake.messages.length;
    await h.click(ACCOUNTS.schoolAdmin, envelope('review.approve', { l: other.id }), { formValue: { rating: '4' }, messageId: 'om_admin_list' });
    expect(notesTo(ACCOUNTS.collegeAdmin, before)).toEqual([]);
  });

  it('is not patched; the other reviewer gets a short message with the decision instead, and only once', async () => {
    const { h } = loop;
    // A secretary's own log goes to the college admin; the school admin decides it after 15 days.
    const log = await secretaryLog();
    const card = reviewCardTo(h, log.id, ACCOUNTS.collegeAdmin);
    h.clock.advance(15 * DAY);
    const since = h.fake.messages.length;
    const res = await h.click(ACCOUNTS.schoolAdmin, envelope('review.approve', { l: log.id }), { formValue: { rating: '5' }, messageId: 'om_admin_list' });
    expect(res.body.toast.type).toBe('success');
    expect(patchesOf(h, card.messageId)).toEqual([]);
    const notes = notesTo(ACCOUNTS.collegeAdmin, since);
    expect(notes).toHaveLength(1);
    expect(notes[0]!.content.text).toContain('已通过');
    expect(notes[0]!.content.text).toContain(log.serviceDate);
    // Settling the same decision again (the bot stopped between the send and its record) sends nothing more.
    const decided = logRow(h, log.id);
    const ports = { db: h.bot.db, feishu: h.bot.feishu, log: silentLogger, clock: h.clock, timeZone: 'Asia/Shanghai' };
    const note = { outbox: h.bot.outbox };
    await updateReviewCards(ports, [decided], { note });
    await updateReviewCards(ports, [decided], { note });
    expect(notesTo(ACCOUNTS.collegeAdmin, since)).toHaveLength(1);
  });

  it('全部通过 on three old logs: one message to the other reviewer listing the three, none to who decided', async () => {
    const { h } = loop;
    const logs = [await secretaryLog(), await secretaryLog(), await secretaryLog()];
    h.clock.advance(15 * DAY);
    const since = h.fake.messages.length;
    await h.click(ACCOUNTS.schoolAdmin, envelope('review.approveAll', { ids: logs.map((l) => l.id).join(',') }), { messageId: 'om_admin_list' });
    const notes = notesTo(ACCOUNTS.collegeAdmin, since);
    expect(notes).toHaveLength(1);
    for (const l of logs) expect(notes[0]!.content.text).toContain(`${l.serviceDate}`);
    expect(notes[0]!.content.text).toContain('3 张审核卡片');
    expect(notesTo(ACCOUNTS.schoolAdmin, since)).toEqual([]);
    // The college admin deciding their own old card from the list gets no note about it either.
    const own = await secretaryLog();
    h.clock.advance(15 * DAY);
    const later = h.fake.messages.length;
    await h.click(ACCOUNTS.collegeAdmin, envelope('review.approve', { l: own.id, list: 1 }), { formValue: { rating: '3' }, messageId: 'om_college_list' });
    expect(notesTo(ACCOUNTS.collegeAdmin, later)).toEqual([]);
  });

  it('a card still young is patched in place, with no message', async () => {
    const { h } = loop;
    const log = await secretaryLog();
    const card = reviewCardTo(h, log.id, ACCOUNTS.collegeAdmin);
    h.clock.advance(13 * DAY);
    const since = h.fake.messages.length;
    await h.click(ACCOUNTS.schoolAdmin, envelope('review.approve', { l: log.id }), { formValue: { rating: '4' }, messageId: 'om_admin_list' });
    expect(patchesOf(h, card.messageId)).toHaveLength(1);
    expect(sentTo(h, ACCOUNTS.collegeAdmin, since).filter((m) => m.msgType === 'text')).toEqual([]);
  });
});
