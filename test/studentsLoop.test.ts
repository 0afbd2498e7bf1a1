/**
 * The students' loop end to end (PRODUCT.md §3–§4), through signed events over HTTP:
 * /报到 → 签退 → the prefilled log form → submit → the branch secretary's review card →
 * 通过 with a rating → the author is told → /我的 counts the hours as 已认证.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasLiveLog } from '../src/domain/checkins.js';
import { distanceKm } from '../src/domain/communities.js';
import { t } from '../src/text/zh-CN.js';
import {
  ACCOUNTS, addCommunity, answerCard, button, buttons, cardText, checkIn, checkinsOf, envelope, field, HOUR, lastLog, logsOf, MINUTE,
  patchesOf, reviewCardsOf, reviewCardTo, said, sendLocation, sentTo, startLoop, submitLog, TODAY, type Loop,
} from './helpers/loop.js';

const { student, secretary } = ACCOUNTS;

describe('check-in → check-out → prefilled log → review → approved hours in /我的', () => {
  let loop: Loop;
  beforeAll(async () => {
    loop = await startLoop();
  });
  afterAll(() => loop.h.close());

  it('walks the whole loop, storing and sending what each step should', async () => {
    const { h, m } = loop;
    const site = addCommunity(h, '幸福社区', { lat: 41.12, lng: 121.13 });

    // 1. /报到 幸福社区: a check-in row at the known community, and a receipt card with 签退.
    const { reply: receipt, checkinId, checkout } = await checkIn(h, student, '幸福社区');
    expect(receipt.msgType).toBe('interactive');
    expect(cardText(receipt.content)).toContain('日常报到成功');
    expect(cardText(receipt.content)).toContain('幸福社区');
    expect(checkout).toEqual(envelope('checkin.checkout', { c: checkinId }));
    const [checkin] = checkinsOf(h, m.student);
    expect(checkin).toMatchObject({ id: checkinId, communityId: site.id, siteName: '幸福社区', kind: 'daily', checkinDate: TODAY, checkedInAt: h.clock.now(), checkedOutAt: null });

    // 2. A shared location attaches to the check-in and is measured against the community.
    const located = await sendLocation(h, student, { lat: '41.1', lng: '121.1', name: '锦州市幸福社区' });
    const km = Math.round(distanceKm({ lat: 41.1, lng: 121.1 }, { lat: 41.12, lng: 121.13 }) * 10) / 10;
    expect(said(located.reply!)).toBe(t('checkin.location', { distance: t('checkin.locationDistance', { site: '幸福社区', km }) }));
    expect(checkinsOf(h, m.student)[0]).toMatchObject({ latitude: 41.1, longitude: 121.1, locationMessageId: located.messageId });

    // 3. 签退 after 2h20m: the receipt becomes the log form, prefilled with 2.5 hours and the date.
    h.clock.advance(2 * HOUR + 20 * MINUTE);
    const out = await h.click(student, checkout, { messageId: receipt.messageId });
    const form = answerCard(out);
    expect(cardText(form)).toContain(t('checkin.checkedOut', { site: '幸福社区', from: '15:00', to: '17:20', hours: 2.5 }));
    expect(field(form, 'hours')?.default_value).toBe('2.5');
    expect(field(form, 'date')?.initial_date).toBe(TODAY);
    expect(field(form, 'community')?.initial_option).toBe(String(site.id));
    expect(field(form, 'mode')?.initial_option).toBe('offline');
    const submit = button(form, 'log.submit');
    expect(submit).toEqual(envelope('log.submit', { c: checkinId }));
    expect(checkinsOf(h, m.student)[0]!.checkedOutAt).toBe(h.clock.now());
    expect(logsOf(h, m.student)).toEqual([]);

    // 4. Submitting the form as the client sends it: a pending, timed log linked to the check-in.
    const sentBefore = h.fake.messages.length;
    const res = await h.click(student, submit, {
      messageId: receipt.messageId,
      formValue: { date: `${TODAY} +0800`, item: 'shishi', hours: '2.5', mode: 'offline', community: String(site.id), description: '给三年级小朋友辅导作业' },
    });
    expect(res.body.toast).toEqual({ type: 'success', content: t('log.submittedToast') });
    expect(cardText(answerCard(res))).toContain(`✅ 已记录：${TODAY} 实事 2.5 小时（线下）· 幸福社区`);
    expect(cardText(answerCard(res))).toContain('王梓涵（团支书）');
    expect(buttons(answerCard(res))).toEqual([]); // cannot be submitted twice
    const log = lastLog(h, m.student);
    expect(log).toMatchObject({
      serviceDate: TODAY, item: 'shishi', halfHours: 5, mode: 'offline', communityId: site.id, description: '给三年级小朋友辅导作业',
      source: 'timed', status: 'pending', checkinId, branchId: m.student.branchId, collegeId: m.student.collegeId,
    });
    expect(hasLiveLog(h.bot.db, checkinsOf(h, m.student)[0]!)).toBe(true); // the check-in is out: 签退 again is refused

    // 5. The branch secretary — and only they — got the review card, with the distance.
    const sent = h.fake.messages.slice(sentBefore);
    expect(sent.map((s) => s.receiveId)).toEqual([secretary]);
    const card = reviewCardTo(h, log.id, secretary);
    const text = cardText(card.content);
    expect(text).toContain('**李浩然**（计算机科学与工程学院 计科2301团支部）');
    expect(text).toContain('**2.5 小时**');
    expect(text).toContain('来源：报到计时');
    expect(text).toContain(t('review.distance', { km }));

    // 6. 通过 with 5 points, from the card's own form.
    const approve = button(card.content, 'review.approve');
    const decided = await h.click(secretary, approve, { formValue: { rating: '5' }, messageId: card.messageId });
    expect(decided.body.toast).toEqual({ type: 'success', content: t('review.approvedToast') });
    expect(cardText(answerCard(decided))).toContain('✅ 已通过（王梓涵');
    expect(buttons(answerCard(decided))).toEqual([]);
    expect(lastLog(h, m.student)).toMatchObject({ status: 'approved', rating: 5, reviewerMemberId: m.secretary.id, reviewedAt: h.clock.now() });
    expect(said(sentTo(h, student).at(-1)!)).toBe(t('review.toAuthorApproved', { date: TODAY, item: '实事', hours: 2.5, rating: t('review.ratingShown', { rating: 5 }) }));
    expect(patchesOf(h, card.messageId)).toEqual([]); // the clicked card is answered in the callback, not patched
    expect(reviewCardsOf(h, log.id)).toHaveLength(1);

    // 7. /我的: the hours are 已认证, timed, under 实事, and the log shows as 已通过.
    const me = cardText((await h.say(student, '/我的')).content);
    expect(me).toContain('已认证 2.5 小时');
    expect(me).toContain('待审核 0 小时');
    expect(me).toContain('实事 1');
    expect(me).toContain('报到计时 2.5 小时');
    expect(me).toContain(`${TODAY} 实事 2.5 小时 · 已通过`);
  });
});
