/**
 * Pairing agreements (PRODUCT.md §3 `/pair`, §5), through signed events and card callbacks:
 * inline and card pairing, community name matching, one active pairing per branch, the
 * sharing reason and the college admin told, the 国家乡村振兴重点帮扶县 mark, ending that keeps
 * history, the agreement file, who may act on the cards, and bad input on every form.
 */
import fs from 'node:fs';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { communities, communityTags, pairings, type Pairing } from '../src/db/schema/index.js';
import { t, type PlainKey } from '../src/text/zh-CN.js';
import { bindDirect, memberByNo, sendFile } from './helpers/bot.js';
import { ACCOUNTS, addCommunity, answerCard, buttons, cardText, envelope, field, MINUTE, said, sentTo, startLoop, TODAY, type Loop } from './helpers/loop.js';

const { secretary, student, otherSecretary, collegeAdmin, schoolAdmin } = ACCOUNTS;
/** 2023020101 周子轩, 团支书 of 软工2301 (same college). */
const SW_SECRETARY = 'ou_pair_sw_secretary';
/** 2023110101 冯宇航, 团支书 of 会计2301 (经济管理学院). */
const ECON_SECRETARY = 'ou_pair_econ_secretary';
/** T2001 郑丽娟, 团总支 of 经济管理学院. */
const ECON_ADMIN = 'ou_pair_econ_admin';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]);

async function start(): Promise<Loop> {
  const loop = await startLoop();
  bindDirect(loop.h, '2023020101', SW_SECRETARY);
  bindDirect(loop.h, '2023110101', ECON_SECRETARY);
  bindDirect(loop.h, 'T2001', ECON_ADMIN);
  return loop;
}

function pairingsOf(loop: Loop, branchId: number | null): Pairing[] {
  return loop.h.bot.db.select().from(pairings).where(eq(pairings.branchId, branchId!)).orderBy(asc(pairings.id)).all();
}

function activeOf(loop: Loop, branchId: number | null): Pairing {
  const found = pairingsOf(loop, branchId).filter((p) => p.status !== 'ended');
  if (found.length !== 1) throw new Error(`expected one active pairing, found ${found.length}`);
  return found[0]!;
}

function communityNamed(loop: Loop, name: string) {
  return loop.h.bot.db.select().from(communities).where(eq(communities.name, name)).get();
}

function tagsOf(loop: Loop, communityId: number): string[] {
  return loop.h.bot.db.select().from(communityTags).where(eq(communityTags.communityId, communityId)).all().map((r) => r.tag).sort();
}

/** Everything a refused pairing input must leave as it was. */
function frozen(loop: Loop) {
  const db = loop.h.bot.db;
  return { pairings: db.select().from(pairings).all(), communities: db.select().from(communities).all(), tags: db.select().from(communityTags).all(), uploads: loop.h.fake.uploads.length };
}

const ref = (a: string, p: Pairing) => envelope(a, { p: p.id });
const fieldNames = (card: unknown) => ['community', 'signed_on', 'level', 'region', 'tags', 'contact_name', 'contact_phone', 'shared_reason'].filter((n) => field(card, n));

describe('/结对 with a community name', () => {
  let loop: Loop;
  beforeAll(async () => {
    loop = await start();
  });
  afterAll(() => loop.h.close());

  it('records a signed pairing at once and answers with the card to complete it', async () => {
    const reply = await loop.h.say(secretary, '/结对 幸福社区 2026-11-01');
    const community = communityNamed(loop, '幸福社区')!;
    const pairing = activeOf(loop, loop.m.secretary.branchId);
    expect(pairing).toMatchObject({ status: 'signed', signedOn: '2026-11-01', communityId: community.id, createdByMemberId: loop.m.secretary.id, endedOn: null, sharedReason: null });

    const text = cardText(reply.content);
    expect(text).toContain('✅ 已记录结对：计科2301团支部 ↔ 幸福社区，签约日期 2026-11-01。');
    expect(text).toContain('状态：已签约 · 签约日期 2026-11-01');
    expect(fieldNames(reply.content)).toEqual(['signed_on', 'level', 'region', 'tags', 'contact_name', 'contact_phone']);
    expect(field(reply.content, 'tags')!.tag).toBe('multi_select_static');
    expect(field(reply.content, 'signed_on')!.initial_date).toBe('2026-11-01');
    expect(buttons(reply.content)).toEqual([ref('pairing.save', pairing), ref('pairing.awaitFile', pairing), ref('pairing.endAsk', pairing)]);
  });

  it('the date defaults to today, and "幸福 社区"-style spellings find the known community', async () => {
    const known = addCommunity(loop.h, '和平社区');
    const before = loop.h.bot.db.select().from(communities).all().length;
    await loop.h.say(SW_SECRETARY, '/结对 和平 社区');
    const swBranch = loop.h.bot.db.select().from(pairings).all().at(-1)!;
    expect(swBranch).toMatchObject({ communityId: known.id, status: 'signed', signedOn: TODAY });
    expect(loop.h.bot.db.select().from(communities).all().length).toBe(before);
  });

  it('reads 昨天 and 11月1日 as dates', async () => {
    const econ = await loop.h.say(ECON_SECRETARY, '/结对 红旗村 昨天');
    expect(cardText(econ.content)).toContain('签约日期 2026-11-24');
    bindDirect(loop.h, '2023130101', 'ou_pair_ec_secretary'); // 电商2301
    const ec = await loop.h.say('ou_pair_ec_secretary', '/结对 光明社区 11月1日');
    expect(cardText(ec.content)).toContain('签约日期 2026-11-01');
  });

  it('the same community again shows the pairing instead of a second one', async () => {
    const before = frozen(loop);
    const reply = await loop.h.say(secretary, '/结对 幸福 社区');
    expect(cardText(reply.content)).toContain(t('pairing.alreadySame', { community: '幸福社区' }));
    expect(frozen(loop)).toEqual(before);
  });

  it('a branch has one active pairing: another community is refused, and nothing is created', async () => {
    const before = frozen(loop);
    const reply = await loop.h.say(secretary, '/结对 阳光社区');
    expect(said(reply)).toBe(t('pairing.alreadyActive', { community: '幸福社区', status: '已签约' }));
    expect(frozen(loop)).toEqual(before);
  });

  it('bad command lines are refused with what to write, and change nothing', async () => {
    const { h } = loop;
    bindDirect(h, '2023120201', 'ou_pair_gs_secretary'); // 工商2302, no pairing yet
    const before = frozen(loop);
    const usage = t('cmd.pair.example');
    const cases: [string, string][] = [
      ['/结对 幸福社区 2026-13-45', t('pairing.badDate', { value: '2026-13-45' })],
      ['/结对 幸福社区 2026-12-01', t('pairing.futureDate', { date: '2026-12-01', today: TODAY })],
      ['/结对 幸福社区 2020-01-01', t('pairing.tooOld', { date: '2020-01-01', min: '2025-10-01' })],
      ['/结对 幸', t('error.badArgs', { problem: t('pairing.communityBad'), usage })],
      [`/结对 ${'很'.repeat(61)}`, t('error.badArgs', { problem: t('pairing.communityBad'), usage })],
      ['/结对 2026-11-01', t('error.badArgs', { problem: t('pairing.communityBad'), usage })],
    ];
    for (const [text, expected] of cases) expect(said(await h.say('ou_pair_gs_secretary', text)), text).toBe(expected);
    expect(frozen(loop)).toEqual(before);
  });

  it('a name that fits several known places is refused with the candidates, and nothing is stored', async () => {
    addCommunity(loop.h, '幸福村');
    const before = frozen(loop);
    const reply = said(await loop.h.say('ou_pair_gs_secretary', '/结对 幸福'));
    expect(reply).toContain('幸福社区');
    expect(reply).toContain('幸福村');
    expect(frozen(loop)).toEqual(before);
  });

  it('students cannot pair, and a 团总支 without a branch is told who pairs', async () => {
    expect(said(await loop.h.say(student, '/结对 幸福社区'))).toBe(t('error.forbidden', { command: '结对', role: '团支书' }));
    expect(said(await loop.h.say(collegeAdmin, '/结对 幸福社区'))).toBe(t('pairing.noBranch'));
  });
});

describe('the pairing card', () => {
  let loop: Loop;
  beforeAll(async () => {
    loop = await start();
  });
  afterAll(() => loop.h.close());

  it('/结对 alone answers with the new-pairing form, dated today', async () => {
    const reply = await loop.h.say(ECON_SECRETARY, '/结对');
    expect(fieldNames(reply.content)).toEqual(['community', 'signed_on', 'level', 'region', 'tags', 'contact_name', 'contact_phone']);
    expect(field(reply.content, 'signed_on')!.initial_date).toBe(TODAY);
    expect(buttons(reply.content)).toEqual([envelope('pairing.create')]);
  });

  it('the form records the pairing with level, region, tags and contact; a 重点帮扶县 is marked', async () => {
    const res = await loop.h.click(ECON_SECRETARY, envelope('pairing.create'), {
      formValue: { community: '向阳村', signed_on: '2026-11-03 +0800', level: 'village', region: '朝阳市建平县', tags: ['rural_revitalization_county', 'county_reform_demo'], contact_name: '李书记', contact_phone: '139 0000 1234' },
    });
    expect(res.body.toast).toEqual({ type: 'success', content: t('pairing.createdToast') });
    const pairing = activeOf(loop, memberByNo(loop.h, '2023110101').branchId);
    const community = communityNamed(loop, '向阳村')!;
    expect(pairing).toMatchObject({ status: 'signed', signedOn: '2026-11-03', contactName: '李书记', contactPhone: '13900001234', communityId: community.id });
    expect(community).toMatchObject({ level: 'village', region: '朝阳市建平县' });
    expect(tagsOf(loop, community.id)).toEqual(['county_reform_demo', 'rural_revitalization_county']);
    const text = cardText(answerCard(res));
    expect(text).toContain('🌾 国家乡村振兴重点帮扶县');
    expect(text).toContain('村 · 朝阳市建平县');
    expect(text).toContain('标签：县域共青团基层组织改革示范点');
  });

  it('/结对 alone then shows the active pairing, prefilled', async () => {
    const reply = await loop.h.say(ECON_SECRETARY, '/结对');
    expect(field(reply.content, 'level')!.initial_option).toBe('village');
    expect(field(reply.content, 'region')!.default_value).toBe('朝阳市建平县');
    expect(field(reply.content, 'tags')!.selected_values).toEqual(['county_reform_demo', 'rural_revitalization_county']);
    expect(field(reply.content, 'contact_phone')!.default_value).toBe('13900001234');
    expect(cardText(reply.content)).toContain('🌾 国家乡村振兴重点帮扶县');
  });

  it('保存修改 updates the pairing and the community; an empty date makes it a draft again', async () => {
    const econBranch = memberByNo(loop.h, '2023110101').branchId;
    const pairing = activeOf(loop, econBranch);
    const res = await loop.h.click(ECON_SECRETARY, ref('pairing.save', pairing), {
      formValue: { signed_on: '', level: 'town', region: '朝阳市', tags: ['youth_city_pilot'], contact_name: '王主任', contact_phone: '0421-2345678' },
    });
    expect(res.body.toast).toEqual({ type: 'success', content: t('pairing.savedToast') });
    expect(activeOf(loop, econBranch)).toMatchObject({ status: 'draft', signedOn: null, contactName: '王主任', contactPhone: '0421-2345678' });
    expect(communityNamed(loop, '向阳村')).toMatchObject({ level: 'town', region: '朝阳市' });
    expect(tagsOf(loop, pairing.communityId)).toEqual(['youth_city_pilot']);
    expect(cardText(answerCard(res))).not.toContain('🌾');
    expect(cardText(answerCard(res))).toContain('状态：草稿（未签约）');
  });

  it('a 团总支 of the college may complete the card too', async () => {
    const { h, m } = loop;
    await h.say(secretary, '/结对 幸福社区 2026-11-01');
    const pairing = activeOf(loop, m.secretary.branchId);
    const res = await h.click(collegeAdmin, ref('pairing.save', pairing), { formValue: { signed_on: '2026-11-02 +0800', contact_name: '张主任' } });
    expect(res.body.toast?.type).toBe('success');
    expect(activeOf(loop, m.secretary.branchId)).toMatchObject({ signedOn: '2026-11-02', contactName: '张主任' });
  });
});

describe('one pairing per community in principle', () => {
  let loop: Loop;
  let first: Pairing;
  beforeAll(async () => {
    loop = await start();
    await loop.h.say(secretary, '/结对 幸福社区 2026-11-01');
    first = activeOf(loop, loop.m.secretary.branchId);
  });
  afterAll(() => loop.h.close());

  it('a second branch naming a paired community gets the form asking why, and nothing is stored', async () => {
    const before = frozen(loop);
    const reply = await loop.h.say(otherSecretary, '/结对 幸福社区 2026-11-10');
    expect(cardText(reply.content)).toContain('「幸福社区」已与计科2301团支部结对');
    expect(field(reply.content, 'shared_reason')).toMatchObject({ required: true });
    expect(field(reply.content, 'community')!.default_value).toBe('幸福社区');
    expect(field(reply.content, 'signed_on')!.initial_date).toBe('2026-11-10');
    expect(frozen(loop)).toEqual(before);
  });

  it('submitting without a reason is refused and the form asks for it', async () => {
    const before = frozen(loop);
    const res = await loop.h.click(otherSecretary, envelope('pairing.create'), { formValue: { community: '幸福社区', signed_on: '2026-11-10 +0800' } });
    expect(res.body.toast).toEqual({ type: 'error', content: t('pairing.reasonRequired', { community: '幸福社区', branches: '计科2301团支部' }) });
    expect(field(answerCard(res), 'shared_reason')).toMatchObject({ required: true });
    expect(frozen(loop)).toEqual(before);
  });

  it('with a reason it is stored, shown on the card and told to the college admin only', async () => {
    const { h, m } = loop;
    const since = h.fake.messages.length;
    const reason = '两个支部分别负责社区东西两片 <at id=all>';
    const res = await h.click(otherSecretary, envelope('pairing.create'), { formValue: { community: '幸福社区', signed_on: '2026-11-10 +0800', shared_reason: reason } });
    expect(res.body.toast?.type).toBe('success');
    const second = activeOf(loop, m.otherSecretary.branchId);
    expect(second).toMatchObject({ communityId: first.communityId, sharedReason: reason, status: 'signed' });
    expect(cardText(answerCard(res))).toContain('⚠️ 该服务地也与计科2301团支部结对。共同结对理由：两个支部分别负责社区东西两片 &lt;at id=all&gt;');

    const told = sentTo(h, collegeAdmin, since);
    expect(told).toHaveLength(1);
    const notice = said(told[0]!);
    expect(notice).toContain('计算机科学与工程学院 计科2302团支部 与「幸福社区」结对，该服务地已与计科2301团支部结对');
    expect(notice).toContain('理由：两个支部分别负责社区东西两片 &lt;at id=all&gt;');
    expect(notice).toContain('记录人：赵一鸣');
    expect(sentTo(h, ECON_ADMIN, since)).toEqual([]);
    expect(sentTo(h, secretary, since)).toEqual([]);
  });

  it('a changed reason is told to the college admin again', async () => {
    const { h } = loop;
    const second = activeOf(loop, loop.m.otherSecretary.branchId);
    const since = h.fake.messages.length;
    const res = await h.click(otherSecretary, ref('pairing.save', second), { formValue: { signed_on: '2026-11-10 +0800', shared_reason: '东片由计科2302负责，西片由计科2301负责' } });
    expect(res.body.toast?.type).toBe('success');
    expect(activeOf(loop, loop.m.otherSecretary.branchId).sharedReason).toBe('东片由计科2302负责，西片由计科2301负责');
    expect(sentTo(h, collegeAdmin, since).map(said)).toEqual([expect.stringContaining('理由：东片由计科2302负责，西片由计科2301负责')]);
    const unchanged = h.fake.messages.length;
    await h.click(otherSecretary, ref('pairing.save', second), { formValue: { signed_on: '2026-11-10 +0800', shared_reason: '东片由计科2302负责，西片由计科2301负责', contact_name: '刘主任' } });
    expect(sentTo(h, collegeAdmin, unchanged)).toEqual([]);
  });

  it('the reason cannot be dropped later', async () => {
    const second = activeOf(loop, loop.m.otherSecretary.branchId);
    const before = frozen(loop);
    const res = await loop.h.click(otherSecretary, ref('pairing.save', second), { formValue: { signed_on: '2026-11-10 +0800', shared_reason: '' } });
    expect(res.body.toast).toEqual({ type: 'error', content: t('pairing.reasonRequired', { community: '幸福社区', branches: '计科2301团支部' }) });
    expect(frozen(loop)).toEqual(before);
  });
});

describe('ending a pairing', () => {
  let loop: Loop;
  beforeAll(async () => {
    loop = await start();
  });
  afterAll(() => loop.h.close());

  it('asks first, keeps the row as history, and lets the branch pair again', async () => {
    const { h, m } = loop;
    await h.say(secretary, '/结对 幸福社区 2026-11-01');
    const pairing = activeOf(loop, m.secretary.branchId);

    const ask = await h.click(secretary, ref('pairing.endAsk', pairing));
    expect(cardText(answerCard(ask))).toContain('确定结束 **计科2301团支部** 与 **幸福社区** 的结对吗？');
    expect(buttons(answerCard(ask))).toEqual([ref('pairing.end', pairing), ref('pairing.view', pairing)]);
    expect(pairingsOf(loop, m.secretary.branchId)[0]!.status).toBe('signed');

    const cancel = await h.click(secretary, ref('pairing.view', pairing));
    expect(buttons(answerCard(cancel))).toContainEqual(ref('pairing.endAsk', pairing));

    h.clock.advance(2 * 24 * 60 * MINUTE);
    const end = await h.click(secretary, ref('pairing.end', pairing));
    expect(end.body.toast).toEqual({ type: 'success', content: t('pairing.endedToast') });
    expect(buttons(answerCard(end))).toEqual([]);
    expect(cardText(answerCard(end))).toContain('已于 2026-11-27 结束（记录保留）');
    expect(pairingsOf(loop, m.secretary.branchId)).toEqual([expect.objectContaining({ id: pairing.id, status: 'ended', endedOn: '2026-11-27', signedOn: '2026-11-01', communityId: pairing.communityId })]);

    const before = frozen(loop);
    const again = await h.click(secretary, ref('pairing.save', pairing), { formValue: { signed_on: '2026-11-01 +0800' } });
    expect(again.body.toast).toEqual({ type: 'error', content: t('pairing.isEnded', { date: '2026-11-27' }) });
    expect((await h.click(secretary, ref('pairing.end', pairing))).body.toast?.type).toBe('error');
    expect(frozen(loop)).toEqual(before);

    await h.say(secretary, '/结对 阳光社区');
    expect(pairingsOf(loop, m.secretary.branchId).map((p) => [p.status, p.communityId === pairing.communityId])).toEqual([['ended', true], ['signed', false]]);
  });
});

describe('the agreement file', () => {
  let loop: Loop;
  let pairing: Pairing;
  beforeAll(async () => {
    loop = await start();
    await loop.h.say(secretary, '/结对 幸福社区 2026-11-01');
    pairing = activeOf(loop, loop.m.secretary.branchId);
  });
  afterAll(() => loop.h.close());

  it('a file within 30 minutes after recording the pairing is its agreement, kept under the bot\'s own key', async () => {
    const { h, m } = loop;
    h.clock.advance(29 * MINUTE);
    const { reply } = await sendFile(h, secretary, { name: '结对协议.pdf', bytes: PDF });
    expect(said(reply)).toBe(t('pairing.fileAttached', { file: '结对协议.pdf', branch: '计科2301团支部', community: '幸福社区' }));
    const upload = h.fake.uploads.at(-1)!;
    expect(upload).toMatchObject({ kind: 'file', type: 'pdf', fileName: '结对协议.pdf' });
    expect(upload.bytes.equals(PDF)).toBe(true);
    expect(activeOf(loop, m.secretary.branchId)).toMatchObject({ agreementFileKey: upload.key, agreementFileName: '结对协议.pdf' });
    expect(cardText((await h.say(secretary, '/结对')).content)).toContain('协议文件：结对协议.pdf');
  });

  it('after the window a file is not attached, and the secretary is told how', async () => {
    const { h } = loop;
    h.clock.advance(31 * MINUTE);
    const before = frozen(loop);
    const { reply } = await sendFile(h, secretary, { name: '另一份.pdf', bytes: PDF });
    expect(said(reply)).toBe(t('pairing.fileNoWindow'));
    expect(frozen(loop)).toEqual(before);
  });

  it('上传协议 opens the window again; a new file replaces the old one', async () => {
    const { h, m } = loop;
    const res = await h.click(secretary, ref('pairing.awaitFile', pairing));
    expect(res.body.toast).toEqual({ type: 'info', content: t('pairing.awaitFile') });
    const { reply } = await sendFile(h, secretary, { name: 'scan.JPG', bytes: JPEG });
    expect(said(reply)).toBe(t('pairing.fileReplaced', { file: 'scan.JPG', branch: '计科2301团支部', community: '幸福社区' }));
    expect(activeOf(loop, m.secretary.branchId)).toMatchObject({ agreementFileName: 'scan.JPG', agreementFileKey: h.fake.uploads.at(-1)!.key });
  });

  it('refuses other file types and content that does not match its extension', async () => {
    const { h } = loop;
    await h.click(secretary, ref('pairing.awaitFile', pairing));
    const before = frozen(loop);
    expect(said((await sendFile(h, secretary, { name: 'notes.txt', bytes: Buffer.from('hello') })).reply)).toBe(t('pairing.fileType'));
    expect(said((await sendFile(h, secretary, { name: 'fake.pdf', bytes: Buffer.from('hello') })).reply)).toBe(t('pairing.fileMismatch', { file: 'fake.pdf', ext: 'pdf' }));
    expect(frozen(loop)).toEqual(before);
  });

  it('a student\'s file is not an agreement and is not downloaded; the 团委 still imports rosters', async () => {
    const { h } = loop;
    const before = frozen(loop);
    const downloads = () => h.fake.calls.filter((c) => c.path.includes('/resources/')).length;
    const d0 = downloads();
    expect(said((await sendFile(h, student, { name: '协议.pdf', bytes: PDF })).reply)).toBe(t('hint.fileNotAdmin'));
    expect(downloads()).toBe(d0);
    expect(frozen(loop)).toEqual(before);
    const { reply } = await sendFile(h, schoolAdmin, { name: 'roster.csv', bytes: fs.readFileSync('examples/roster.csv') });
    expect(said(reply)).toContain('名单预览：roster.csv');
  });
});

describe('who may act on a pairing card', () => {
  let loop: Loop;
  let pairing: Pairing;
  beforeAll(async () => {
    loop = await start();
    await loop.h.say(secretary, '/结对 幸福社区 2026-11-01');
    pairing = activeOf(loop, loop.m.secretary.branchId);
    loop.h.clock.advance(31 * MINUTE); // the secretary's own file window is closed
  });
  afterAll(() => loop.h.close());

  const clicks = (p: Pairing) => [
    [ref('pairing.save', p), { signed_on: '2026-11-02 +0800', contact_name: '冒充的人' }],
    [ref('pairing.awaitFile', p), undefined],
    [ref('pairing.endAsk', p), undefined],
    [ref('pairing.end', p), undefined],
    [ref('pairing.view', p), undefined],
  ] as const;

  it('a student clicking a forwarded card changes nothing', async () => {
    const before = frozen(loop);
    for (const [value, formValue] of clicks(pairing)) {
      const res = await loop.h.click(student, value, { formValue: formValue as Record<string, unknown> | undefined });
      expect(res.body.toast, value.a).toEqual({ type: 'error', content: t('error.actionForbidden') });
    }
    expect(frozen(loop)).toEqual(before);
  });

  it('another branch\'s secretary and another college\'s 团总支 change nothing either', async () => {
    const before = frozen(loop);
    for (const who of [otherSecretary, ECON_ADMIN]) {
      for (const [value, formValue] of clicks(pairing)) {
        const res = await loop.h.click(who, value, { formValue: formValue as Record<string, unknown> | undefined });
        expect(res.body.toast, `${who} ${value.a}`).toEqual({ type: 'error', content: t('pairing.forbidden') });
      }
    }
    // Their refused 上传协议 opened no window: a file they send is not attached anywhere.
    expect(said((await sendFile(loop.h, otherSecretary, { name: '协议.pdf', bytes: PDF })).reply)).toBe(t('pairing.fileNoWindow'));
    expect(frozen(loop)).toEqual(before);
  });
});

describe('bad input on the pairing forms', () => {
  let loop: Loop;
  let pairing: Pairing;
  beforeAll(async () => {
    loop = await start();
    await loop.h.say(secretary, '/结对 幸福社区 2026-11-01');
    await loop.h.click(otherSecretary, envelope('pairing.create'), { formValue: { community: '幸福社区', signed_on: '2026-11-02 +0800', shared_reason: '分片负责' } });
    pairing = activeOf(loop, loop.m.otherSecretary.branchId);
  });
  afterAll(() => loop.h.close());

  const invalid = (key: PlainKey) => t('pairing.invalid', { problem: t(key) });
  const cases: [string, Record<string, unknown>, string][] = [
    ['a date that is not one', { signed_on: '2026-02-30 +0800' }, t('pairing.badDate', { value: '2026-02-30' })],
    ['a date that is not a date at all', { signed_on: 'abc' }, t('pairing.badDate', { value: 'abc' })],
    ['a future signed date', { signed_on: '2026-11-26 +0800' }, t('pairing.futureDate', { date: '2026-11-26', today: TODAY })],
    ['an unknown tag', { tags: ['rural_revitalization_county', 'famous_city'] }, invalid('pairing.badTag')],
    ['an unknown level', { level: 'city' }, invalid('pairing.badLevel')],
    ['a region that is too long', { region: '区'.repeat(61) }, invalid('pairing.regionTooLong')],
    ['a contact name that is too long', { contact_name: '名'.repeat(41) }, invalid('pairing.contactNameTooLong')],
    ['a phone number in no known format', { contact_phone: '12345' }, t('pairing.invalid', { problem: t('community.row.phoneInvalid', { value: '12345' }) })],
    ['a mobile number with a digit missing', { contact_phone: '1390000123' }, t('pairing.invalid', { problem: t('community.row.phoneInvalid', { value: '1390000123' }) })],
    ['a reason that is too long', { shared_reason: '因'.repeat(201) }, invalid('pairing.reasonTooLong')],
  ];

  it.each(cases)('保存修改 with %s is refused and changes nothing', async (_, bad, message) => {
    const before = frozen(loop);
    const res = await loop.h.click(otherSecretary, ref('pairing.save', pairing), { formValue: { signed_on: '2026-11-02 +0800', shared_reason: '分片负责', ...bad } });
    expect(res.body).toEqual({ toast: { type: 'error', content: message } });
    expect(frozen(loop)).toEqual(before);
  });

  it.each([
    ...cases,
    ['no community name', { community: '' }, invalid('pairing.communityBad')],
    ['a community name that is too long', { community: '社'.repeat(61) }, invalid('pairing.communityBad')],
  ] as [string, Record<string, unknown>, string][])('保存结对 (new) with %s is refused and changes nothing', async (_, bad, message) => {
    const before = frozen(loop);
    const res = await loop.h.click(ECON_SECRETARY, envelope('pairing.create'), { formValue: { community: '向阳村', signed_on: '2026-11-03 +0800', ...bad } });
    expect(res.body).toEqual({ toast: { type: 'error', content: message } });
    expect(frozen(loop)).toEqual(before);
  });

  it('a malformed card payload is refused', async () => {
    const before = frozen(loop);
    const res = await loop.h.click(otherSecretary, envelope('pairing.save', { p: 'x' }), { formValue: {} });
    expect(res.body.toast).toEqual({ type: 'error', content: t('error.cardInvalid') });
    expect(frozen(loop)).toEqual(before);
  });
});
