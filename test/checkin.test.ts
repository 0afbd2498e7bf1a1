/**
 * /报到 and 签退 (PRODUCT.md §3 `/checkin`, §4 "where an hour comes from"), through signed
 * events: the kind follows the period mode, one check-in per student per site per day, the
 * check-out rules, the timed/self source of the log it prefills, and locations.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hasLiveLog } from '../src/domain/checkins.js';
import { distanceKm } from '../src/domain/communities.js';
import { t } from '../src/text/zh-CN.js';
import {
  ACCOUNTS, addCommunity, answerCard, cardText, checkIn, checkinsOf, field, HOUR, lastLog, logsOf, MINUTE, pair, reviewCardTo,
  said, sendLocation, setProgram, startLoop, stored, submitLog, TODAY, type Loop,
} from './helpers/loop.js';

const { student, student2, secretary } = ACCOUNTS;

describe('/报到: the kind follows the period mode', () => {
  let loop: Loop;
  beforeAll(async () => {
    loop = await startLoop();
  });
  afterAll(() => loop.h.close());

  it.each([
    ['term', 'daily', '日常报到', '图书馆'],
    ['winter', 'concentrated', '集中报到', '老家村委会'],
    ['summer', 'concentrated', '集中报到', '老家社区'],
    ['online', 'online', '线上报到', '腾讯会议'],
  ] as const)('period_mode %s → %s (%s)', async (mode, kind, label, site) => {
    const { h, m } = loop;
    setProgram(h, { periodMode: mode });
    const { reply, checkinId } = await checkIn(h, student, site);
    expect(cardText(reply.content)).toContain(`${label}成功`);
    expect(cardText(reply.content)).toContain(`**${site}**`);
    expect(checkinsOf(h, m.student).find((c) => c.id === checkinId)).toMatchObject({ siteName: site, kind, checkinDate: TODAY, communityId: null });
  });

  it('in auto mode, a day inside the configured winter vacation is a 集中报到', async () => {
    const { h, m } = loop;
    setProgram(h, { periodMode: 'auto' });
    setProgram(h, { winterVacationStart: '2026-11-20', winterVacationEnd: '2027-02-20' });
    const { reply, checkinId } = await checkIn(h, student2, '寒假服务点');
    expect(cardText(reply.content)).toContain('集中报到成功');
    expect(checkinsOf(h, m.student2).find((c) => c.id === checkinId)?.kind).toBe('concentrated');
  });
});

describe('/安全预案: the 团委\'s 安全预案 comes with every online check-in', () => {
  let loop: Loop;
  beforeAll(async () => {
    loop = await startLoop();
  });
  afterAll(() => loop.h.close());

  it('is set by the 团委 only, shown on an online check-in and not on an offline one', async () => {
    const { h } = loop;
    const PLAN = '线上服务不加陌生人好友，不透露个人信息；遇到异常立即停止并报告团支书';
    expect(said(await h.say(secretary, `/安全预案 ${PLAN}`))).toBe(t('error.forbidden', { command: '安全预案', role: t('role.school_admin') }));
    expect(said(await h.say(ACCOUNTS.schoolAdmin, '/安全预案'))).toBe(t('safety.none'));
    expect(said(await h.say(ACCOUNTS.schoolAdmin, `/安全预案 ${PLAN}`))).toBe(t('safety.saved'));
    expect(said(await h.say(ACCOUNTS.schoolAdmin, '/安全预案'))).toContain(PLAN);

    setProgram(h, { periodMode: 'term' });
    expect(cardText((await checkIn(h, student, '图书馆')).reply.content)).not.toContain('安全预案');
    setProgram(h, { periodMode: 'online' });
    expect(cardText((await checkIn(h, student2, '腾讯会议')).reply.content)).toContain(t('checkin.safetyPlan', { plan: PLAN }));

    expect(said(await h.say(ACCOUNTS.schoolAdmin, '/安全预案 清除'))).toBe(t('safety.cleared'));
    expect(said(await h.say(ACCOUNTS.schoolAdmin, '/安全预案'))).toBe(t('safety.none'));
  });
});

describe('/报到: once per student, site and day', () => {
  let loop: Loop;
  beforeEach(async () => {
    loop = await startLoop();
  });
  afterEach(() => loop.h.close());

  it('a second /报到 at the same site the same day answers with the existing check-in and stores no second row', async () => {
    const { h, m } = loop;
    const first = await checkIn(h, student, '幸福社区');
    h.clock.advance(40 * MINUTE);
    const second = await checkIn(h, student, '幸福社区');
    expect(second.checkinId).toBe(first.checkinId);
    expect(cardText(second.reply.content)).toContain(t('checkin.already', { site: '幸福社区', time: `${TODAY} 15:00` }));
    const rows = checkinsOf(h, m.student);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.checkedInAt).toBe(h.clock.now() - 40 * MINUTE); // not restarted
  });

  it('a known community is matched however it is typed, so it still counts as the same site', async () => {
    const { h, m } = loop;
    const c = addCommunity(h, '幸福社区');
    const first = await checkIn(h, student, '幸福社区');
    const second = await checkIn(h, student, '幸福');
    expect(second.checkinId).toBe(first.checkinId);
    expect(checkinsOf(h, m.student)).toEqual([expect.objectContaining({ communityId: c.id, siteName: '幸福社区' })]);
  });

  it('another site the same day, another student, or the next day are new check-ins', async () => {
    const { h, m } = loop;
    const a = await checkIn(h, student, '幸福社区');
    const b = await checkIn(h, student, '和平社区');
    const c = await checkIn(h, student2, '幸福社区');
    h.clock.advance(24 * HOUR);
    const d = await checkIn(h, student, '幸福社区');
    expect(new Set([a.checkinId, b.checkinId, c.checkinId, d.checkinId]).size).toBe(4);
    expect(checkinsOf(h, m.student).map((r) => [r.siteName, r.checkinDate])).toEqual([
      ['幸福社区', TODAY],
      ['和平社区', TODAY],
      ['幸福社区', '2026-11-26'],
    ]);
  });

  it('without a site and without a paired community it asks for the site and stores nothing', async () => {
    const { h } = loop;
    const before = stored(h);
    const reply = await h.say(student, '/报到');
    expect(said(reply)).toBe(t('checkin.noSite'));
    expect(stored(h)).toEqual({ ...before, sent: before.sent + 1 });
  });

  it('without a site, the check-in is at the branch\'s paired community', async () => {
    const { h, m } = loop;
    const c = addCommunity(h, '幸福社区');
    pair(h, m.student.branchId!, c.id);
    const { reply } = await checkIn(h, student);
    expect(cardText(reply.content)).toContain('**幸福社区**');
    expect(checkinsOf(h, m.student)).toEqual([expect.objectContaining({ communityId: c.id, siteName: '幸福社区' })]);
  });

  it('a site name over 60 characters is refused', async () => {
    const { h } = loop;
    const before = stored(h);
    const reply = await h.say(student, `/报到 ${'幸'.repeat(61)}`);
    expect(said(reply)).toContain(t('checkin.siteTooLong'));
    expect(stored(h).checkins).toBe(before.checkins);
  });
});

describe('签退', () => {
  let loop: Loop;
  beforeEach(async () => {
    loop = await startLoop();
  });
  afterEach(() => loop.h.close());

  it('a 签退 click by someone else is refused with a toast and changes nothing', async () => {
    const { h, m } = loop;
    const { reply, checkout } = await checkIn(h, student, '幸福社区');
    h.clock.advance(2 * HOUR);
    const before = stored(h);
    for (const who of [student2, secretary]) {
      const res = await h.click(who, checkout, { messageId: reply.messageId });
      expect(res.body).toEqual({ toast: { type: 'error', content: t('checkin.notYours') } });
    }
    expect(checkinsOf(h, m.student)[0]!.checkedOutAt).toBeNull();
    expect(stored(h)).toEqual(before);
  });

  it('a check-out under 15 minutes is refused; at 15 minutes it counts as half an hour', async () => {
    const { h, m } = loop;
    const { reply, checkout } = await checkIn(h, student, '幸福社区');
    h.clock.advance(14 * MINUTE + 59_000);
    const early = await h.click(student, checkout, { messageId: reply.messageId });
    expect(early.body).toEqual({ toast: { type: 'error', content: t('checkin.tooShort') } });
    expect(checkinsOf(h, m.student)[0]!.checkedOutAt).toBeNull();

    h.clock.advance(1000);
    const form = answerCard(await h.click(student, checkout, { messageId: reply.messageId }));
    expect(field(form, 'hours')?.default_value).toBe('0.5');
    expect(checkinsOf(h, m.student)[0]!.checkedOutAt).toBe(h.clock.now());
  });

  it('签退 clicked again later keeps the first check-out time', async () => {
    const { h, m } = loop;
    const { checkout } = await checkIn(h, student, '幸福社区');
    h.clock.advance(2 * HOUR);
    await h.click(student, checkout);
    const closedAt = h.clock.now();
    h.clock.advance(3 * HOUR);
    const again = answerCard(await h.click(student, checkout));
    expect(field(again, 'hours')?.default_value).toBe('2');
    expect(checkinsOf(h, m.student)[0]!.checkedOutAt).toBe(closedAt);
  });

  it('caps the hours at 12 after a very long check-in the same day', async () => {
    const { h, m } = loop;
    h.clock.advance(-9 * HOUR); // 06:00
    const { checkout, checkinId } = await checkIn(h, student, '幸福社区');
    h.clock.advance(13 * HOUR); // 19:00 the same day
    const form = answerCard(await h.click(student, checkout));
    expect(field(form, 'hours')?.default_value).toBe('12');
    expect(field(form, 'date')?.initial_date).toBe(TODAY);
    expect(cardText(form)).toContain(t('checkin.checkedOut', { site: '幸福社区', from: '06:00', to: '19:00', hours: 12 }));

    const res = await submitLog(h, student, { hours: '12', description: '通宵值守防汛点' }, { checkinId });
    expect(res.body.toast?.type).toBe('success');
    expect(lastLog(h, m.student)).toMatchObject({ serviceDate: TODAY, halfHours: 24, source: 'timed', checkinId });
  });

  it('签退 of a check-in from an earlier day is not timed: the form for that day, hours left empty, the check-in left open', async () => {
    const { h, m } = loop;
    const { checkout, checkinId } = await checkIn(h, student, '幸福社区');
    h.clock.advance(7 * 24 * HOUR + 4 * MINUTE); // a week later, four minutes past the check-in time
    const before = stored(h);
    const form = answerCard(await h.click(student, checkout));
    expect(cardText(form)).toContain(t('checkin.pastDay', { site: '幸福社区', date: TODAY }));
    expect(cardText(form)).not.toContain('计 12 小时');
    expect(field(form, 'date')?.initial_date).toBe(TODAY);
    expect(field(form, 'hours')?.default_value).toBeUndefined();
    expect(stored(h)).toEqual(before);
    expect(checkinsOf(h, m.student).find((c) => c.id === checkinId)?.checkedOutAt).toBeNull();

    const res = await submitLog(h, student, { date: `${TODAY} +0800`, hours: '2', description: '帮社区整理图书' }, { checkinId });
    expect(res.body.toast?.type).toBe('success');
    expect(lastLog(h, m.student)).toMatchObject({ serviceDate: TODAY, halfHours: 4, source: 'self', checkinId });
    // Linked: the same 签退 gives no second form.
    expect((await h.click(student, checkout)).body).toEqual({ toast: { type: 'error', content: t('checkin.alreadyOut') } });
  });

  it('submitting fewer hours than timed keeps the source timed; more than timed makes it self-reported', async () => {
    const { h, m } = loop;
    const a = await checkIn(h, student, '幸福社区');
    const b = await checkIn(h, student2, '幸福社区');
    h.clock.advance(2 * HOUR + 20 * MINUTE); // 2.5 timed hours each
    await h.click(student, a.checkout);
    await h.click(student2, b.checkout);

    expect((await submitLog(h, student, { hours: '2' }, { checkinId: a.checkinId })).body.toast.type).toBe('success');
    expect((await submitLog(h, student2, { hours: '3' }, { checkinId: b.checkinId })).body.toast.type).toBe('success');
    expect(lastLog(h, m.student)).toMatchObject({ halfHours: 4, source: 'timed', checkinId: a.checkinId });
    expect(lastLog(h, m.student2)).toMatchObject({ halfHours: 6, source: 'self', checkinId: b.checkinId });
    expect(cardText(reviewCardTo(h, lastLog(h, m.student2).id, secretary).content)).toContain('来源：自报');
  });

  it('the check-out form moved to another date is self-reported: the timing was of the check-in day', async () => {
    const { h, m } = loop;
    const { checkout, checkinId } = await checkIn(h, student, '幸福社区');
    h.clock.advance(3 * HOUR);
    await h.click(student, checkout);
    const res = await submitLog(h, student, { date: '2026-11-20 +0800', hours: '3' }, { checkinId });
    expect(res.body.toast.type).toBe('success');
    expect(lastLog(h, m.student)).toMatchObject({ serviceDate: '2026-11-20', halfHours: 6, source: 'self', checkinId });
  });

  it('the check-out form can be submitted once: again, or 签退 again, is refused and stores nothing', async () => {
    const { h, m } = loop;
    const { checkout, checkinId } = await checkIn(h, student, '幸福社区');
    h.clock.advance(2 * HOUR);
    await h.click(student, checkout);
    await submitLog(h, student, { hours: '2' }, { checkinId });
    const before = stored(h);

    const again = await submitLog(h, student, { hours: '2', description: '换一种写法再交一次' }, { checkinId });
    expect(again.body).toEqual({ toast: { type: 'error', content: t('checkin.alreadyOut') } });
    const out = await h.click(student, checkout);
    expect(out.body).toEqual({ toast: { type: 'error', content: t('checkin.alreadyOut') } });
    expect(stored(h)).toEqual(before);
    expect(logsOf(h, m.student)).toHaveLength(1);
  });

  it('withdrawing the timed log frees the check-in: 签退 again gives the form, and the corrected log is timed', async () => {
    const { h, m } = loop;
    const { checkout, checkinId } = await checkIn(h, student, '幸福社区');
    h.clock.advance(2 * HOUR);
    await h.click(student, checkout);
    await submitLog(h, student, { hours: '2', description: '写错了内容' }, { checkinId });
    const first = lastLog(h, m.student)!;
    const withdrawn = await h.click(student, { a: 'log.withdraw', v: 1, p: { l: first.id } });
    expect(withdrawn.body.toast.type).toBe('success');

    const again = await h.click(student, checkout);
    expect(again.body.card?.type).toBe('raw');
    const res = await submitLog(h, student, { hours: '2', description: '改正后的内容' }, { checkinId });
    expect(res.body.toast.type).toBe('success');
    expect(lastLog(h, m.student)).toMatchObject({ status: 'pending', source: 'timed', checkinId, description: '改正后的内容' });
  });

  it('a log form carrying someone else\'s check-in is refused', async () => {
    const { h, m } = loop;
    const { checkout, checkinId } = await checkIn(h, student, '幸福社区');
    h.clock.advance(2 * HOUR);
    await h.click(student, checkout);
    const before = stored(h);
    const res = await submitLog(h, student2, { hours: '2' }, { checkinId });
    expect(res.body).toEqual({ toast: { type: 'error', content: t('checkin.notYours') } });
    expect(stored(h)).toEqual(before);
    expect(hasLiveLog(h.bot.db, checkinsOf(h, m.student)[0]!)).toBe(false);
  });

  it('the check-out form preselects the check-in\'s community, even one the dropdown would not list by itself', async () => {
    const { h } = loop;
    // A school with more places than the dropdown browses whole, a paired community, and a
    // check-in at 洛阳社区 followed by five others: by then 洛阳社区 is none of the places the
    // student or the branch used lately.
    for (let i = 1; i <= 60; i++) addCommunity(h, `测试${String(i).padStart(2, '0')}社区`);
    pair(h, loop.m.student.branchId!, addCommunity(h, '幸福社区').id);
    const luoyang = addCommunity(h, '洛阳社区');
    const { checkout, checkinId } = await checkIn(h, student, '洛阳社区');
    for (let i = 1; i <= 5; i++) await checkIn(h, student, `测试0${i}社区`);
    h.clock.advance(2 * HOUR);
    const form = answerCard(await h.click(student, checkout));
    const community = field(form, 'community')!;
    expect(community.initial_option).toBe(String(luoyang.id));
    expect(community.options.map((o: any) => o.text.content).slice(0, 2)).toEqual(['幸福社区', '洛阳社区']);
    const res = await submitLog(h, student, { hours: '2', community: community.initial_option }, { checkinId });
    expect(res.body.toast.type).toBe('success');
    expect(lastLog(h, loop.m.student)).toMatchObject({ communityId: luoyang.id, source: 'timed', checkinId });
  });

  it('an online check-in prefills the online mode', async () => {
    const { h } = loop;
    setProgram(h, { periodMode: 'online' });
    const { checkout } = await checkIn(h, student, '腾讯会议');
    h.clock.advance(HOUR);
    const form = answerCard(await h.click(student, checkout));
    expect(field(form, 'mode')?.initial_option).toBe('online');
    expect(field(form, 'hours')?.default_value).toBe('1');
  });
});

describe('位置 after /报到', () => {
  let loop: Loop;
  beforeEach(async () => {
    loop = await startLoop();
  });
  afterEach(() => loop.h.close());

  it('without a check-in today, a location is not stored and the student is told to check in first', async () => {
    const { h } = loop;
    const before = stored(h);
    const d = await sendLocation(h, student, { lat: '41.1', lng: '121.1' });
    expect(said(d.reply!)).toBe(t('checkin.noOpen'));
    expect(stored(h)).toEqual({ ...before, sent: before.sent + 1 });
  });

  it('attaches to today\'s latest check-in; without community coordinates no distance is given', async () => {
    const { h, m } = loop;
    await checkIn(h, student, '图书馆');
    h.clock.advance(MINUTE);
    const { checkinId } = await checkIn(h, student, '幸福社区');
    const d = await sendLocation(h, student, { lat: '41.1', lng: '121.1', name: '锦州市' });
    expect(said(d.reply!)).toBe(t('checkin.location', { distance: '' }));
    const [library, site] = checkinsOf(h, m.student);
    expect(site).toMatchObject({ id: checkinId, latitude: 41.1, longitude: 121.1, locationMessageId: d.messageId });
    expect(library).toMatchObject({ latitude: null, longitude: null });
  });

  it('yesterday\'s check-in does not take today\'s location', async () => {
    const { h, m } = loop;
    await checkIn(h, student, '幸福社区');
    h.clock.advance(24 * HOUR);
    const d = await sendLocation(h, student, { lat: '41.1', lng: '121.1' });
    expect(said(d.reply!)).toBe(t('checkin.noOpen'));
    expect(checkinsOf(h, m.student)[0]!.latitude).toBeNull();
  });

  it('with community coordinates the reply and the review card give the distance, and a far one is flagged', async () => {
    const { h, m } = loop;
    const near = addCommunity(h, '幸福社区', { lat: 41.12, lng: 121.13 });
    const far = addCommunity(h, '和平社区', { lat: 41.8, lng: 123.4 });
    const kmNear = Math.round(distanceKm({ lat: 41.1, lng: 121.1 }, { lat: near.latitude!, lng: near.longitude! }) * 10) / 10;
    const kmFar = Math.round(distanceKm({ lat: 41.1, lng: 121.1 }, { lat: far.latitude!, lng: far.longitude! }) * 10) / 10;

    const a = await checkIn(h, student, '幸福社区');
    const la = await sendLocation(h, student, { lat: '41.1', lng: '121.1' });
    expect(said(la.reply!)).toBe(`📍 已记录你的位置，距「幸福社区」约 ${kmNear} 公里。`);
    const b = await checkIn(h, student2, '和平社区');
    const lb = await sendLocation(h, student2, { lat: '41.1', lng: '121.1' });
    expect(said(lb.reply!)).toContain(`距「和平社区」约 ${kmFar} 公里`);

    h.clock.advance(2 * HOUR);
    await h.click(student, a.checkout);
    await h.click(student2, b.checkout);
    await submitLog(h, student, { hours: '2', community: String(near.id) }, { checkinId: a.checkinId });
    await submitLog(h, student2, { hours: '2', community: String(far.id) }, { checkinId: b.checkinId });

    const nearCard = cardText(reviewCardTo(h, lastLog(h, m.student).id, secretary).content);
    expect(nearCard).toContain(t('review.distance', { km: kmNear }));
    expect(nearCard).not.toContain('需要留意');
    const farCard = cardText(reviewCardTo(h, lastLog(h, m.student2).id, secretary).content);
    expect(farCard).toContain(t('review.distance', { km: kmFar }));
    expect(farCard).toContain(t('review.signal.far', { km: kmFar }));
  });
});
