/**
 * Review cards Feishu no longer updates (CARDS.md: a 2.0 card can be patched for 14 days; a
 * recalled one never): the bot does not try the old card and tells the reviewer in a new
 * message instead, once; a refused update falls back the same way.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNTS, envelope, logBy, patchesOf, reviewCardTo, sentTo, startLoop, type Loop } from './helpers/loop.js';

const DAY = 24 * 3600 * 1000;

let loop: Loop;
beforeAll(async () => {
  loop = await startLoop();
});
afterAll(() => loop.h.close());

describe('a review card older than Feishu updates', () => {
  it('a card Feishu refuses to update (recalled) falls back to the message', async () => {
    const { h } = loop;
    const log = await logBy(loop, 'secretary');
    const card = reviewCardTo(h, log.id, ACCOUNTS.collegeAdmin);
    h.fake.failNext({ method: 'PATCH', path: `/open-apis/im/v1/messages/${card.messageId}` }, { status: 400, body: { code: 230011, msg: 'The message is recalled.' } });
    const since = h.fake.messages.length;
    await h.click(ACCOUNTS.schoolAdmin, envelope('review.reject', { l: log.id }), { formValue: { reason: '时长与照片不符' }, messageId: 'om_admin_list' });
    const notes = sentTo(h, ACCOUNTS.collegeAdmin, since).filter((m) => m.msgType === 'text' && String(m.content.text).includes('审核卡片已无法更新'));
    expect(notes).toHaveLength(1);
    expect(notes[0]!.content.text).toContain('已驳回');
    expect(notes[0]!.content.text).toContain('时长与照片不符');
  });

  it('is not patched; the other reviewer gets a short message with the decision instead, once', async () => {
    const { h } = loop;
    // A secretary's own log goes to the college admin; the school admin decides it after 15 days.
    const log = await logBy(loop, 'secretary');
    const card = reviewCardTo(h, log.id, ACCOUNTS.collegeAdmin);
    h.clock.advance(15 * DAY);
    const since = h.fake.messages.length;
    const click = () => h.click(ACCOUNTS.schoolAdmin, envelope('review.approve', { l: log.id }), { formValue: { rating: '5' }, messageId: 'om_admin_list' });
    expect((await click()).body.toast.type).toBe('success');
    expect(patchesOf(h, card.messageId)).toEqual([]);
    const notes = sentTo(h, ACCOUNTS.collegeAdmin, since).filter((m) => m.msgType === 'text' && String(m.content.text).includes('审核卡片已无法更新'));
    expect(notes).toHaveLength(1);
    expect(notes[0]!.content.text).toContain('已通过');
    expect(notes[0]!.content.text).toContain(log.serviceDate);
    // The same decision settled again (an event processed twice) sends nothing more.
    await click();
    expect(sentTo(h, ACCOUNTS.collegeAdmin, since).filter((m) => m.msgType === 'text' && String(m.content.text).includes('审核卡片已无法更新'))).toHaveLength(1);
  });

  it('a card still young is patched in place, with no message', async () => {
    const { h } = loop;
    const log = await logBy(loop, 'secretary');
    const card = reviewCardTo(h, log.id, ACCOUNTS.collegeAdmin);
    h.clock.advance(13 * DAY);
    const since = h.fake.messages.length;
    await h.click(ACCOUNTS.schoolAdmin, envelope('review.approve', { l: log.id }), { formValue: { rating: '4' }, messageId: 'om_admin_list' });
    expect(patchesOf(h, card.messageId)).toHaveLength(1);
    expect(sentTo(h, ACCOUNTS.collegeAdmin, since).filter((m) => m.msgType === 'text')).toEqual([]);
  });
});
