/**
 * The community picker of the log, project and recommendation forms, through signed events and
 * card callbacks. Regression: every known community went into the forms' dropdowns, so with
 * ~150 communities the log form passed Feishu's 200-component limit (230099/11310) and with
 * ~250 its 30 KB limit (230025); a school that imported its city's list could not log by form.
 * Now the dropdown is short (the paired community, then places used lately) and a typed name,
 * matched tolerantly, reaches any other known place; an unknown or ambiguous name is refused.
 */
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { communities, projects, recommendations, serviceLogs, type Community } from '../src/db/schema/index.js';
import { importCommunitiesFile } from '../src/app/import/communities.js';
import { PICKER_SIZE, pickerQueries } from '../src/domain/communityPicker.js';
import { t } from '../src/text/zh-CN.js';
import {
  ACCOUNTS, addCommunity, answerCard, checkIn, envelope, field, HOUR, lastLog, logForm, logsOf, pair, startLoop, stored, TODAY, type Loop,
} from './helpers/loop.js';

const { student, student2, secretary, otherSecretary, otherStudent } = ACCOUNTS;

/** Feishu's limits (docs/CARDS.md): at most 200 tagged components, and 30 KB of card JSON. */
const MAX_COMPONENTS = 200;
const MAX_BYTES = 30 * 1024;

/** Every object with a `tag` key, as Feishu counts components (each option's plain_text too). */
function components(node: unknown): number {
  if (Array.isArray(node)) return node.reduce((n: number, x) => n + components(x), 0);
  if (!node || typeof node !== 'object') return 0;
  return Object.values(node).reduce((n: number, x) => n + components(x), 'tag' in node ? 1 : 0);
}

const bytes = (card: unknown) => Buffer.byteLength(JSON.stringify(card), 'utf8');

function expectWithinLimits(card: unknown): void {
  expect(components(card)).toBeLessThanOrEqual(MAX_COMPONENTS);
  expect(bytes(card)).toBeLessThan(MAX_BYTES);
  expect(field(card, 'community')?.options?.length ?? 0).toBeLessThanOrEqual(PICKER_SIZE);
  expect(field(card, 'community_name')).toMatchObject({ tag: 'input', max_length: 60 });
}

/** The dropdown's options as community names. */
const optionNames = (card: unknown): string[] => (field(card, 'community')?.options ?? []).map((o: any) => o.text.content);

// 40 × 25 two-character cores: 1,000 distinct places (every tenth a village), as a city's list.
const FIRST = '东西南北中金银华兴丰安康宁泰和平明光新春秋青松柏桃李梅兰竹菊福寿喜乐长永盛荣';
const SECOND = '阳山湖河江苑园庭岭坡桥港湾林泉峰台亭阁楼门城堡溪源';
const cityName = (i: number) => `${FIRST[i % 40]}${SECOND[Math.floor(i / 40)]}${i % 10 === 9 ? '村' : '社区'}`;
// 25 places with 60-character names, for a dropdown at its fullest and longest.
const FILLER = '新时代文明实践志愿服务青年之家示范基地';
const longName = (i: number) => `${'甲乙丙丁戊'[i % 5]}${'子丑寅卯辰'[Math.floor(i / 5)]}${FILLER.repeat(3)}`.slice(0, 58) + '社区';
const LONG = 25;

async function importCity(loop: Loop): Promise<void> {
  const names = [...Array.from({ length: 1000 }, (_, i) => cityName(i)), '幸福社区', '幸福村', '和平社区', ...Array.from({ length: LONG }, (_, i) => longName(i))];
  const csv = `名称\n${names.join('\n')}\n`;
  const summary = await importCommunitiesFile(loop.h.bot.db, Buffer.from(csv), 'communities.csv', loop.h.clock.now());
  expect(summary).toMatchObject({ created: names.length, errors: [] });
}

const byName = (loop: Loop, name: string): Community => {
  const row = loop.h.bot.db.select().from(communities).where(eq(communities.name, name)).get();
  if (!row) throw new Error(`no community ${name}`);
  return row;
};

const dayBefore = (n: number) => new Date(Date.parse(`${TODAY}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

/** Submits the log form as `openId` with `fields` (a typed `community_name` among them). */
function submitForm(loop: Loop, openId: string, fields: Record<string, string>) {
  const { community_name, ...rest } = fields;
  return loop.h.click(openId, envelope('log.submit'), { formValue: { ...logForm(rest), ...(community_name !== undefined ? { community_name } : {}) } });
}

describe('a school that imported 1,000+ communities', () => {
  let loop: Loop;
  let paired: Community;
  beforeAll(async () => {
    loop = await startLoop();
    await importCity(loop);
    paired = byName(loop, cityName(0));
    pair(loop.h, loop.m.secretary.branchId!, paired.id);
  }, 60_000);
  afterAll(() => loop.h.close());

  it('`/记录` answers with a form Feishu accepts: ≤ 200 components, < 30 KB, the paired community first, a name field for the rest', async () => {
    const reply = await loop.h.say(student, '/记录');
    expect(reply.msgType).toBe('interactive');
    expectWithinLimits(reply.content);
    // Nothing used yet, and far too many communities to list by name: only the paired one.
    expect(optionNames(reply.content)).toEqual([paired.name]);
    expect(field(reply.content, 'community_name')!.label.content).toBe(t('log.formCommunityName'));
  });

  it('a typed name without its 社区 suffix stores that community', async () => {
    const { h, m } = loop;
    const target = byName(loop, cityName(123)); // 北河社区, typed 北河
    const res = await submitForm(loop, student, { date: `${dayBefore(1)} +0800`, description: '在北河辅导作业', community_name: target.name.replace(/社区$/, '') });
    expect(res.body.toast).toEqual({ type: 'success', content: t('log.submittedToast') });
    expect(lastLog(h, m.student)).toMatchObject({ serviceDate: dayBefore(1), communityId: target.id, status: 'pending' });
  });

  it('a typed name wins over the dropdown', async () => {
    const { h, m } = loop;
    const target = byName(loop, cityName(456));
    const res = await submitForm(loop, student, { date: `${dayBefore(3)} +0800`, description: '在别处服务', community: String(paired.id), community_name: `  ${target.name}  ` });
    expect(res.body.toast?.type).toBe('success');
    expect(lastLog(h, m.student).communityId).toBe(target.id);
  });

  it('an unknown typed name is refused in Chinese, saying what to do, and stores nothing', async () => {
    const before = stored(loop.h);
    const res = await submitForm(loop, student, { description: '在不存在的地方服务', community: String(paired.id), community_name: '火星基地' });
    expect(res.body).toEqual({ toast: { type: 'error', content: t('log.communityNotFound', { name: '火星基地' }) } });
    expect(res.body.toast.content).toContain('团支书');
    expect(stored(loop.h)).toEqual(before);
    expect(loop.h.bot.db.select().from(communities).where(eq(communities.name, '火星基地')).get()).toBeUndefined();
  });

  it('an ambiguous typed name lists the candidates and stores nothing', async () => {
    const before = stored(loop.h);
    const res = await submitForm(loop, student, { description: '在幸福服务', community_name: '幸福' });
    expect(res.body).toEqual({ toast: { type: 'error', content: t('community.ambiguous', { name: '幸福', names: '幸福社区、幸福村', example: '幸福社区' }) } });
    expect(stored(loop.h)).toEqual(before);
  });

  it('the dropdown\'s value is still checked as a known community', async () => {
    const before = stored(loop.h);
    const res = await submitForm(loop, student, { description: '选了不存在的服务地', community: '99999999' });
    expect(res.body).toEqual({ toast: { type: 'error', content: t('log.unknownCommunity') } });
    expect(stored(loop.h)).toEqual(before);
  });

  it('the project form takes a typed name too, and shows the paired community first', async () => {
    const { h, m } = loop;
    const formCard = answerCard(await h.click(secretary, envelope('project.new')));
    expectWithinLimits(formCard);
    expect(optionNames(formCard)[0]).toBe(paired.name);
    expect(field(formCard, 'community')).toMatchObject({ initial_option: String(paired.id) });
    const target = byName(loop, cityName(789));
    const form = { title: '四点半课堂', area: 'aid_education', items: ['shishi'], start: '2026-11-01 +0800', end: '2027-06-30 +0800', members: [String(m.student.id)] };
    const unknown = await h.click(secretary, envelope('project.save'), { formValue: { ...form, community_name: '火星基地' } });
    expect(unknown.body).toEqual({ toast: { type: 'error', content: t('project.communityNotFound', { name: '火星基地' }) } });
    const res = await h.click(secretary, envelope('project.save'), { formValue: { ...form, community: String(paired.id), community_name: target.name.replace(/社区$/, '') } });
    expect(res.body.toast).toEqual({ type: 'success', content: t('project.saved', { title: '四点半课堂' }) });
    expect(h.bot.db.select().from(projects).orderBy(asc(projects.id)).all().map((p) => p.communityId)).toEqual([target.id]);
  });

  it('recently used places follow the paired one: the member\'s own logs (newest service first), then the branch\'s, then its projects', async () => {
    const { h } = loop;
    const branchMate = byName(loop, cityName(321));
    const res = await submitForm(loop, student2, { date: `${dayBefore(2)} +0800`, description: '支部同学的服务', community: String(branchMate.id) });
    expect(res.body.toast?.type).toBe('success');
    const reply = await h.say(student, '/记录');
    expectWithinLimits(reply.content);
    // 李浩然's: 北河 served on the 24th, then the one on the 22nd; 张雨桐's (same branch); the project's.
    expect(optionNames(reply.content)).toEqual([paired.name, cityName(123), cityName(456), branchMate.name, cityName(789)]);
    expect(field(reply.content, 'community')!.options.map((o: any) => o.value)).toEqual(
      [paired, byName(loop, cityName(123)), byName(loop, cityName(456)), branchMate, byName(loop, cityName(789))].map((c) => String(c.id)),
    );
  });

  it('a report naming a place that is not in the short list still preselects it (plain text matches every community)', async () => {
    const target = byName(loop, cityName(555));
    const reply = await loop.h.say(student, `今天在${target.name}走访了独居老人`);
    expect(field(reply.content, 'community')).toMatchObject({ initial_option: String(target.id) });
    expect(optionNames(reply.content).slice(0, 2)).toEqual([paired.name, target.name]);
    expectWithinLimits(reply.content);
  });

  describe('with more recently used places than the dropdown holds, all with 60-character names', () => {
    beforeAll(async () => {
      for (let i = 0; i < LONG; i++) {
        const res = await submitForm(loop, student2, { date: `${dayBefore(i % 20)} +0800`, hours: '0.5', description: `长名服务地 ${i}`, community: String(byName(loop, longName(i)).id) });
        if (res.body.toast?.type !== 'success') throw new Error(res.text);
      }
    }, 60_000);

    it('the log form stays within Feishu\'s limits, with at most 20 options', async () => {
      const reply = await loop.h.say(student2, '/记录');
      expectWithinLimits(reply.content);
      expect(optionNames(reply.content)).toHaveLength(PICKER_SIZE);
      expect(optionNames(reply.content)[0]).toBe(paired.name);
      // Logged i days ago (mod 20): of today's two, the later one; then the rest by service date.
      expect(optionNames(reply.content).slice(1, 4)).toEqual([longName(20), longName(0), longName(21)]);
    });

    it('the project form (new and edit) stays within the limits and keeps the project\'s own community', async () => {
      const { h } = loop;
      expectWithinLimits(answerCard(await h.click(secretary, envelope('project.new'))));
      const project = h.bot.db.select().from(projects).get()!;
      const edit = answerCard(await h.click(secretary, envelope('project.edit', { p: project.id })));
      expectWithinLimits(edit);
      expect(field(edit, 'community')).toMatchObject({ initial_option: String(project.communityId) });
    });

    it('the recommendation form stays within the limits, with the paired community preselected', async () => {
      const { h, m } = loop;
      const formCard = answerCard(await h.click(secretary, envelope('recommend.form', { m: m.student2.id })));
      expectWithinLimits(formCard);
      expect(optionNames(formCard)).toHaveLength(PICKER_SIZE);
      expect(field(formCard, 'community')).toMatchObject({ initial_option: String(paired.id) });
      expect(optionNames(formCard)[0]).toBe(paired.name);
    });
  });

  it('a recommendation takes a typed name; an unknown one is refused and nothing is recorded', async () => {
    const { h, m } = loop;
    const submit = (form: Record<string, unknown>) => h.click(secretary, envelope('recommend.submit', { m: m.student.id }), { formValue: form });
    const unknown = await submit({ post: 'committee_member', status: 'recommended', community: String(paired.id), community_name: '火星基地' });
    expect(unknown.body).toEqual({ toast: { type: 'error', content: t('recommend.communityNotFound', { name: '火星基地' }) } });
    const neither = await submit({ post: 'committee_member', status: 'recommended' });
    expect(neither.body).toEqual({ toast: { type: 'error', content: t('recommend.invalid', { problem: t('recommend.communityMissing') }) } });
    const ambiguous = await submit({ post: 'committee_member', status: 'recommended', community_name: '幸福' });
    expect(ambiguous.body.toast.content).toBe(t('community.ambiguous', { name: '幸福', names: '幸福社区、幸福村', example: '幸福社区' }));
    expect(h.bot.db.select().from(recommendations).all()).toEqual([]);
    const res = await submit({ post: 'committee_member', status: 'recommended', community_name: '和平' });
    expect(res.body.toast.type).toBe('success');
    expect(h.bot.db.select().from(recommendations).all().map((r) => r.communityId)).toEqual([byName(loop, '和平社区').id]);
  });

  it('a branch with no pairing and no history gets only the name field (no empty dropdown), and the typed name works', async () => {
    const { h, m } = loop;
    const formCard = answerCard(await h.click(otherSecretary, envelope('recommend.form', { m: m.otherStudent.id })));
    expectWithinLimits(formCard);
    expect(field(formCard, 'community')).toBeUndefined();
    expect(field(formCard, 'community_name')!.label.content).toBe(t('recommend.fieldCommunityNameOnly'));
    const reply = await h.say(otherStudent, '/记录');
    expectWithinLimits(reply.content);
    expect(field(reply.content, 'community')).toBeUndefined();
    const res = await submitForm(loop, otherStudent, { description: '在幸福社区服务', community_name: '幸福社区' });
    expect(res.body.toast?.type).toBe('success');
    expect(logsOf(h, m.otherStudent).at(-1)!.communityId).toBe(byName(loop, '幸福社区').id);
  });

  it('checking out at a place outside the short list still preselects it (the member\'s check-ins count as recent use)', async () => {
    const { h } = loop;
    const site = byName(loop, cityName(600));
    const { checkout } = await checkIn(h, student, site.name);
    h.clock.advance(HOUR);
    const formCard = answerCard(await h.click(student, checkout));
    expectWithinLimits(formCard);
    expect(field(formCard, 'community')).toMatchObject({ initial_option: String(site.id) });
    expect(optionNames(formCard).slice(0, 2)).toEqual([paired.name, site.name]);
  });

  it('the picker\'s log queries are index walks with LIMIT, never a scan or a sort of service_logs', () => {
    const db = loop.h.bot.db;
    for (const [name, query] of Object.entries(pickerQueries)) {
      const { sql, params } = query(db).toSQL();
      const plan = (db.$client.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params.map(() => 1)) as { detail: string }[]).map((r) => r.detail).join(' | ');
      expect(sql, name).toMatch(/limit \?$/);
      if (sql.includes('"service_logs"')) {
        expect(plan, name).toMatch(/SEARCH service_logs USING INDEX service_logs_(member_date|branch_status)/);
        expect(plan, name).not.toMatch(/TEMP B-TREE|SCAN service_logs/);
      }
    }
    expect(db.select().from(serviceLogs).all().length).toBeGreaterThan(LONG);
  });
});

describe('a school with few communities', () => {
  let loop: Loop;
  beforeAll(async () => {
    loop = await startLoop();
    for (const name of ['幸福社区', '解放路社区', '和平社区']) addCommunity(loop.h, name);
  });
  afterAll(() => loop.h.close());

  it('offers them all, by name (pinyin order), after the paired one', async () => {
    const { h, m } = loop;
    expect(optionNames((await h.say(student, '/记录')).content)).toEqual(['和平社区', '解放路社区', '幸福社区']);
    pair(h, m.secretary.branchId!, byName(loop, '幸福社区').id);
    expect(optionNames((await h.say(student, '/记录')).content)).toEqual(['幸福社区', '和平社区', '解放路社区']);
  });
});
