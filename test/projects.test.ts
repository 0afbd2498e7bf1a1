/**
 * The project list (PRODUCT.md §5 项目清单) through signed events and card callbacks: /项目,
 * the project form (title, area, "4+X" items with an X label, goals, tasks, responsibilities,
 * cooperation period, the paired community, group members from the branch), editing,
 * 添加岗位, every bad input refused with a message that says what to fix and nothing changed,
 * and only the branch's secretary (or its college's 团总支, or the 团委) acting on its cards.
 */
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, communities, members, positions, projectItems, projectMembers, projects, serviceLogs, type Member } from '../src/db/schema/index.js';
import { currentProgramYear } from '../src/domain/program.js';
import { PICKER_SIZE } from '../src/domain/communityPicker.js';
import { MEMBER_PICKER_EXTRA, MEMBER_PICKER_SIZE, memberPickerQueries } from '../src/domain/memberPicker.js';
import { t } from '../src/text/zh-CN.js';
import { bindDirect } from './helpers/bot.js';
import { ACCOUNTS, addCommunity, answerCard, button, buttons, cardText, envelope, field, pair, startLoop, submitLog, TODAY, type Loop } from './helpers/loop.js';

const { student, secretary, otherSecretary, collegeAdmin, schoolAdmin } = ACCOUNTS;
const ECON_ADMIN = 'ou_proj_econ_admin';

/** Every row a refused click must leave as it was, and what was sent. */
function frozen(loop: Loop) {
  const db = loop.h.bot.db;
  return {
    projects: db.select().from(projects).orderBy(asc(projects.id)).all(),
    items: db.select().from(projectItems).all(),
    group: db.select().from(projectMembers).all(),
    positions: db.select().from(positions).all(),
    audit: db.select().from(auditLog).all().length,
    sent: loop.h.fake.messages.length,
  };
}

function branchMemberIds(loop: Loop, branchId: number): number[] {
  return loop.h.bot.db.select({ id: members.id }).from(members).where(eq(members.branchId, branchId)).orderBy(asc(members.studentNo)).all().map((m) => m.id);
}

/** A complete, valid project form as the Feishu client submits it. */
function projectForm(m: Record<string, Member>, fields: Record<string, unknown> = {}) {
  return {
    title: '四点半课堂',
    area: 'aid_education',
    items: ['shishi', 'x'],
    x_label: '垃圾分类宣传',
    goals: '每周为社区小学生辅导作业',
    tasks: '排班、备课、家长沟通',
    responsibilities: '王梓涵统筹；李浩然排班',
    start: '2026-11-01 +0800',
    end: '2027-06-30 +0800',
    members: [String(m.secretary!.id), String(m.student!.id)],
    ...fields,
  };
}

/** Every markdown element's content in a card. */
function markdownOf(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(markdownOf);
  if (!node || typeof node !== 'object') return [];
  const o = node as Record<string, unknown>;
  return [...(o.tag === 'markdown' && typeof o.content === 'string' ? [o.content] : []), ...Object.values(o).flatMap(markdownOf)];
}

const lastProject = (loop: Loop) => loop.h.bot.db.select().from(projects).orderBy(asc(projects.id)).all().at(-1)!;

describe('/项目: creating, editing and 添加岗位', () => {
  let loop: Loop;
  let communityId: number;
  beforeAll(async () => {
    loop = await startLoop();
    addCommunity(loop.h, '解放路社区');
    communityId = addCommunity(loop.h, '幸福社区').id;
    pair(loop.h, loop.m.secretary.branchId!, communityId);
  });
  afterAll(() => loop.h.close());

  it('/项目 with no project yet: the deadline, an empty list and 新建项目', async () => {
    const reply = await loop.h.say(secretary, '/项目');
    const text = cardText(reply.content);
    expect(text).toContain('项目清单 · 计科2301团支部');
    expect(text).toContain(t('project.deadline', { date: '2026-11-11' }));
    expect(text).toContain(t('project.listEmpty'));
    expect(button(reply.content, 'project.new')).toEqual(envelope('project.new'));
  });

  it('新建项目 gives the form: the branch members to choose from, the paired community preselected, the rest of the year as period', async () => {
    const { h, m } = loop;
    const formCard = answerCard(await h.click(secretary, envelope('project.new')));
    expect(field(formCard, 'members')).toMatchObject({ tag: 'multi_select_static', selected_values: [] });
    expect(field(formCard, 'members')!.options.map((o: any) => o.value)).toEqual(branchMemberIds(loop, m.secretary.branchId!).map(String));
    expect(field(formCard, 'members')!.options.map((o: any) => o.text.content)).toEqual(['王梓涵', '李浩然', '张雨桐']);
    expect(field(formCard, 'items')!.options.map((o: any) => o.value)).toEqual(['shishi', 'zoufang', 'huodong', 'xiangmu', 'x']);
    expect(field(formCard, 'community')).toMatchObject({ initial_option: String(communityId) });
    expect(field(formCard, 'community')!.options[0].text.content).toBe('幸福社区');
    expect(field(formCard, 'start')).toMatchObject({ tag: 'date_picker', initial_date: '2026-11-25' });
    expect(field(formCard, 'end')).toMatchObject({ initial_date: '2027-09-30' });
    expect(button(formCard, 'project.save')).toEqual(envelope('project.save'));
  });

  it('保存项目 stores every field, the items with the X label and the group, and answers with the list', async () => {
    const { h, m } = loop;
    const res = await h.click(secretary, envelope('project.save'), { formValue: projectForm(m, { community: String(communityId) }) });
    expect(res.body.toast).toEqual({ type: 'success', content: t('project.saved', { title: '四点半课堂' }) });
    const p = lastProject(loop);
    expect(p).toMatchObject({
      branchId: m.secretary.branchId, title: '四点半课堂', area: 'aid_education', goals: '每周为社区小学生辅导作业', tasks: '排班、备课、家长沟通',
      responsibilities: '王梓涵统筹；李浩然排班', cooperationStart: '2026-11-01', cooperationEnd: '2027-06-30', communityId,
    });
    expect(h.bot.db.select().from(projectItems).where(eq(projectItems.projectId, p.id)).all()).toEqual(
      expect.arrayContaining([{ projectId: p.id, item: 'shishi', label: null }, { projectId: p.id, item: 'x', label: '垃圾分类宣传' }]),
    );
    expect(h.bot.db.select({ id: projectMembers.memberId }).from(projectMembers).where(eq(projectMembers.projectId, p.id)).all().map((r) => r.id).sort()).toEqual([m.secretary.id, m.student.id].sort());
    const list = cardText(answerCard(res));
    expect(list).toContain('**四点半课堂**（计科2301团支部）\n领域：济困助学 · 内容：实事、X：垃圾分类宣传\n合作期限：2026-11-01 至 2027-06-30 · 服务地：幸福社区');
    expect(list).toContain('项目组：王梓涵、李浩然');
    expect(list).toContain(t('project.noPositions'));
    expect(buttons(answerCard(res)).map((b) => b.a)).toEqual(['project.edit', 'project.positionForm', 'project.new']);
  });

  it('编辑 prefills the form; saving replaces the fields, items and group', async () => {
    const { h, m } = loop;
    const p = lastProject(loop);
    const formCard = answerCard(await h.click(secretary, envelope('project.edit', { p: p.id })));
    expect(field(formCard, 'title')).toMatchObject({ default_value: '四点半课堂' });
    expect(field(formCard, 'items')).toMatchObject({ selected_values: ['shishi', 'x'] });
    expect(field(formCard, 'members')!.selected_values.sort()).toEqual([String(m.secretary.id), String(m.student.id)].sort());
    expect(button(formCard, 'project.save')).toEqual(envelope('project.save', { p: p.id }));

    const res = await h.click(secretary, envelope('project.save', { p: p.id }), {
      formValue: projectForm(m, { title: '四点半课堂（升级版）', items: ['huodong'], x_label: '', members: [String(m.student2.id)] }),
    });
    expect(res.body.toast.type).toBe('success');
    expect(h.bot.db.select().from(projects).all()).toHaveLength(1);
    expect(lastProject(loop)).toMatchObject({ id: p.id, title: '四点半课堂（升级版）', communityId: null });
    expect(h.bot.db.select().from(projectItems).where(eq(projectItems.projectId, p.id)).all()).toEqual([{ projectId: p.id, item: 'huodong', label: null }]);
    expect(h.bot.db.select().from(projectMembers).where(eq(projectMembers.projectId, p.id)).all()).toEqual([{ projectId: p.id, memberId: m.student2.id }]);
  });

  it('添加岗位 stores a position of the project, branch and college; the list shows it', async () => {
    const { h, m } = loop;
    const p = lastProject(loop);
    const formCard = answerCard(await h.click(secretary, envelope('project.positionForm', { p: p.id })));
    expect(cardText(formCard)).toContain('项目「四点半课堂（升级版）」的岗位');
    expect(button(formCard, 'project.addPosition')).toEqual(envelope('project.addPosition', { p: p.id }));
    const res = await h.click(secretary, envelope('project.addPosition', { p: p.id }), { formValue: { title: '作业辅导员', slots: '3', schedule: '每周六上午' } });
    expect(res.body.toast).toEqual({ type: 'success', content: t('position.added', { title: '作业辅导员', slots: 3 }) });
    expect(h.bot.db.select().from(positions).all()).toMatchObject([
      { projectId: p.id, branchId: m.secretary.branchId, collegeId: m.secretary.collegeId, title: '作业辅导员', slots: 3, schedule: '每周六上午', status: 'open' },
    ]);
    expect(cardText(answerCard(res))).toContain('· 作业辅导员（每周六上午）已确认 0/3 · 待确认 0');
  });

  it('the 团总支 of the college sees the branch\'s projects in /项目 and may edit them, but has no 新建项目', async () => {
    const { h } = loop;
    const reply = await h.say(collegeAdmin, '/项目');
    expect(cardText(reply.content)).toContain('项目清单 · 计算机科学与工程学院');
    expect(cardText(reply.content)).toContain('**四点半课堂（升级版）**');
    expect(buttons(reply.content).map((b) => b.a)).toEqual(['project.edit', 'project.positionForm']);
    const p = lastProject(loop);
    expect(answerCard(await h.click(collegeAdmin, envelope('project.edit', { p: p.id })))).toBeDefined();
  });
});

describe('/项目: bad input on every form is refused, says what to fix, and changes nothing', () => {
  let loop: Loop;
  let projectId: number;
  beforeAll(async () => {
    loop = await startLoop();
    const res = await loop.h.click(secretary, envelope('project.save'), { formValue: projectForm(loop.m) });
    expect(res.body.toast.type).toBe('success');
    projectId = lastProject(loop).id;
  });
  afterAll(() => loop.h.close());

  const invalid = (problem: string) => ({ toast: { type: 'error', content: t('project.invalid', { problem }) } });

  it.each([
    ['an empty title', { title: '' }, t('project.titleMissing')],
    ['a blank title', { title: '   ' }, t('project.titleMissing')],
    ['a title over 60 characters', { title: '项'.repeat(61) }, t('project.titleTooLong')],
    ['no area', { area: undefined }, t('project.badArea')],
    ['an unknown area', { area: 'space' }, t('project.badArea')],
    ['no "4+X" item', { items: [] }, t('project.itemsMissing')],
    ['an unknown item', { items: ['shishi', 'party'] }, t('project.badItem')],
    ['X without its label', { items: ['x'], x_label: '' }, t('project.xLabelMissing')],
    ['goals over 500 characters', { goals: '目'.repeat(501) }, t('project.textTooLong')],
    ['no start date', { start: undefined }, t('project.badDate')],
    ['a start date that is no date', { start: '2026-02-30 +0800' }, t('project.badDate')],
    ['an end date before the start', { start: '2026-12-01 +0800', end: '2026-11-30 +0800' }, t('project.endBeforeStart', { start: '2026-12-01', end: '2026-11-30' })],
    ['an unknown member id', { members: ['999999'] }, t('project.unknownMember')],
    ['a member id that is no number', { members: ['abc'] }, t('project.unknownMember')],
    ['an unknown community', { community: '999999' }, t('project.unknownCommunity')],
  ])('new project with %s', async (_, fields, problem) => {
    const { h, m } = loop;
    const before = frozen(loop);
    const res = await h.click(secretary, envelope('project.save'), { formValue: projectForm(m, fields) });
    expect(res.body).toEqual(invalid(problem));
    expect(frozen(loop)).toEqual(before);
  });

  it('a group member from another branch is refused (the group is chosen from the branch)', async () => {
    const { h, m } = loop;
    const before = frozen(loop);
    const res = await h.click(secretary, envelope('project.save', { p: projectId }), { formValue: projectForm(m, { members: [String(m.student.id), String(m.otherStudent.id)] }) });
    expect(res.body).toEqual(invalid(t('project.unknownMember')));
    expect(frozen(loop)).toEqual(before);
  });

  it('editing with an end date before the start changes nothing', async () => {
    const { h, m } = loop;
    const before = frozen(loop);
    const res = await h.click(secretary, envelope('project.save', { p: projectId }), { formValue: projectForm(m, { title: '改了名字', end: '2026-10-01 +0800' }) });
    expect(res.body).toEqual(invalid(t('project.endBeforeStart', { start: '2026-11-01', end: '2026-10-01' })));
    expect(frozen(loop)).toEqual(before);
  });

  it.each([
    ['slots 0', { title: '辅导员', slots: '0' }, t('position.badSlots')],
    ['slots 51', { title: '辅导员', slots: '51' }, t('position.badSlots')],
    ['slots abc', { title: '辅导员', slots: 'abc' }, t('position.badSlots')],
    ['slots 1.5', { title: '辅导员', slots: '1.5' }, t('position.badSlots')],
    ['slots -2', { title: '辅导员', slots: '-2' }, t('position.badSlots')],
    ['no slots', { title: '辅导员' }, t('position.badSlots')],
    ['an empty title', { title: '', slots: '2' }, t('position.titleMissing')],
    ['a title over 40 characters', { title: '岗'.repeat(41), slots: '2' }, t('position.titleTooLong')],
    ['a schedule over 60 characters', { title: '辅导员', slots: '2', schedule: '周'.repeat(61) }, t('position.scheduleTooLong')],
  ])('添加岗位 with %s', async (_, formValue, problem) => {
    const before = frozen(loop);
    const res = await loop.h.click(secretary, envelope('project.addPosition', { p: projectId }), { formValue });
    expect(res.body).toEqual({ toast: { type: 'error', content: t('position.invalid', { problem }) } });
    expect(frozen(loop)).toEqual(before);
  });

  it('slots 50 and a full-width ５ are accepted', async () => {
    const { h } = loop;
    expect((await h.click(secretary, envelope('project.addPosition', { p: projectId }), { formValue: { title: '宣传员', slots: '50' } })).body.toast.type).toBe('success');
    expect((await h.click(secretary, envelope('project.addPosition', { p: projectId }), { formValue: { title: '摄影', slots: '５' } })).body.toast.type).toBe('success');
    expect(h.bot.db.select({ slots: positions.slots }).from(positions).all().map((p) => p.slots)).toEqual([50, 5]);
  });
});

describe('/项目: only who runs the branch acts on its project cards', () => {
  let loop: Loop;
  let projectId: number;
  beforeAll(async () => {
    loop = await startLoop();
    bindDirect(loop.h, 'T2001', ECON_ADMIN);
    await loop.h.click(secretary, envelope('project.save'), { formValue: projectForm(loop.m) });
    projectId = lastProject(loop).id;
  });
  afterAll(() => loop.h.close());

  it('a student sending /项目 is told it is for 团支书', async () => {
    const reply = await loop.h.say(student, '/项目');
    expect(reply.content.text).toBe(t('error.forbidden', { command: '项目', role: '团支书' }));
  });

  it.each([
    ['project.edit', { p: 0 }, {}],
    ['project.save', { p: 0 }, { title: '被改了' }],
    ['project.positionForm', { p: 0 }, {}],
    ['project.addPosition', { p: 0 }, { title: '混进来的岗位', slots: '2' }],
  ])('%s from a forwarded card: refused for a student, another branch\'s secretary and another college\'s 团总支', async (action, payload, extra) => {
    const { h, m } = loop;
    const p = { ...payload, p: projectId };
    const formValue = action === 'project.save' ? projectForm(m, extra) : extra;
    const before = frozen(loop);
    expect((await h.click(student, envelope(action, p), { formValue })).body).toEqual({ toast: { type: 'error', content: t('error.actionForbidden') } });
    for (const who of [otherSecretary, ECON_ADMIN]) {
      expect((await h.click(who, envelope(action, p), { formValue })).body, who).toEqual({ toast: { type: 'error', content: t('project.forbidden') } });
    }
    expect(frozen(loop)).toEqual(before);
  });

  it('another branch\'s secretary\'s /项目 does not list the project', async () => {
    const reply = await loop.h.say(otherSecretary, '/项目');
    expect(cardText(reply.content)).toContain('项目清单 · 计科2302团支部');
    expect(cardText(reply.content)).not.toContain('四点半课堂');
  });

  it('the 团委 may edit any branch\'s project', async () => {
    const { h, m } = loop;
    const res = await h.click(schoolAdmin, envelope('project.save', { p: projectId }), { formValue: projectForm(m, { title: '团委改的名字' }) });
    expect(res.body.toast.type).toBe('success');
    expect(lastProject(loop).title).toBe('团委改的名字');
  });

  it('user text reaches the list card escaped: no @all, no link, no emphasis', async () => {
    const { h, m } = loop;
    const res = await h.click(secretary, envelope('project.save'), {
      formValue: projectForm(m, { title: '<at id=all></at> 点我', goals: '[链接](https://evil.example)', x_label: '**粗体**' }),
    });
    expect(res.body.toast.type).toBe('success');
    // Button labels are plain_text, which Feishu never renders as tags; markdown is what must be inert.
    const markdowns = JSON.stringify(markdownOf(answerCard(res)));
    expect(markdowns).toContain('**&lt;at id=all&gt;&lt;/at&gt; 点我**');
    expect(markdowns).not.toMatch(/<at\b/);
    expect(markdowns).not.toContain('](https://evil.example)');
    expect(markdowns).not.toContain('**粗体**');
    expect(lastProject(loop).title).toBe('<at id=all></at> 点我');
  });

  it('a card naming a project that does not exist says so', async () => {
    const res = await loop.h.click(secretary, envelope('project.edit', { p: 999999 }));
    expect(res.body).toEqual({ toast: { type: 'error', content: t('project.notFound') } });
  });
});

/** Feishu's limits (docs/CARDS.md): at most 200 tagged components, each option's plain_text among them, and 30 KB. */
function components(node: unknown): number {
  if (Array.isArray(node)) return node.reduce((n: number, x) => n + components(x), 0);
  if (!node || typeof node !== 'object') return 0;
  return Object.values(node).reduce((n: number, x) => n + components(x), 'tag' in node ? 1 : 0);
}
function expectWithinLimits(card: unknown): void {
  expect(components(card)).toBeLessThanOrEqual(200);
  expect(Buffer.byteLength(JSON.stringify(card), 'utf8')).toBeLessThan(30 * 1024);
}

const groupOf = (loop: Loop, projectId: number) =>
  loop.h.bot.db.select({ id: projectMembers.memberId }).from(projectMembers).where(eq(projectMembers.projectId, projectId)).all().map((r) => r.id).sort((a, b) => a - b);
const ids = (list: { id: number }[]) => list.map((m) => m.id).sort((a, b) => a - b);

describe('/项目 in a branch of 200 members (issue #12): a bounded group dropdown plus typed names', () => {
  let loop: Loop;
  /** The 197 members added to 计科2301 (with the 3 of the example roster: 200), in 学号 order. */
  let added: Member[];
  let active: Member[];
  let wangWei: Member[];
  let pairedId: number;
  const SURNAMES = '赵钱孙李周吴郑冯陈褚卫蒋沈韩杨朱秦尤许何';
  const GIVEN = ['子涵', '浩宇', '欣怡', '梓萱', '宇轩', '思远', '雨泽', '诗琪', '俊杰', '一诺'];
  // Long names for the worst case: 60-character community names the secretary served at lately.
  const longCommunity = (i: number) => `${'甲乙丙丁戊'[i % 5]}${'子丑寅卯辰'[Math.floor(i / 5)]}${'新时代文明实践志愿服务青年之家示范基地'.repeat(3)}`.slice(0, 58) + '社区';

  beforeAll(async () => {
    loop = await startLoop();
    const { h, m } = loop;
    const names = [...Array.from({ length: 193 }, (_, i) => `${SURNAMES[i % 20]}${GIVEN[Math.floor(i / 20)]}`), '欧阳思远', '阿卜杜热合曼·买买提', '王伟', '王伟'];
    added = names.map((name, i) =>
      h.bot.db.insert(members).values({ studentNo: `20230199${String(i).padStart(3, '0')}`, name, role: 'student', collegeId: m.secretary.collegeId, branchId: m.secretary.branchId }).returning().get());
    expect(branchMemberIds(loop, m.secretary.branchId!)).toHaveLength(200);
    wangWei = added.filter((a) => a.name === '王伟');
    // Two members far down the roster served lately: one at the paired community, one elsewhere.
    pairedId = addCommunity(h, '幸福社区').id;
    pair(h, m.secretary.branchId!, pairedId);
    const elsewhere = addCommunity(h, '解放路社区').id;
    active = [bindDirect(h, added[150]!.studentNo, 'ou_big_active1'), bindDirect(h, added[151]!.studentNo, 'ou_big_active2')];
    expect((await submitLog(h, 'ou_big_active2', { hours: '1', community: String(elsewhere), description: '在解放路社区辅导作业' })).body.toast.type).toBe('success');
    expect((await submitLog(h, 'ou_big_active1', { hours: '1', community: String(pairedId), description: '在幸福社区辅导作业' })).body.toast.type).toBe('success');
    // The secretary served at 20 long-named places lately: the community dropdown at its fullest and longest.
    for (let i = 0; i < 25; i++) addCommunity(h, longCommunity(i));
    for (let i = 0; i < 20; i++) {
      const id = h.bot.db.select({ id: communities.id }).from(communities).where(eq(communities.name, longCommunity(i))).get()!.id;
      const date = new Date(Date.parse(`${TODAY}T00:00:00Z`) - (i + 1) * 86_400_000).toISOString().slice(0, 10);
      expect((await submitLog(h, secretary, { date: `${date} +0800`, hours: '1', community: String(id), description: `服务记录 ${i}` })).body.toast.type).toBe('success');
    }
  });
  afterAll(() => loop.h.close());

  it('新建项目: 40 members offered (who served at the paired community first, then who served lately, then the roster), the rest typed', async () => {
    const { h, m } = loop;
    const formCard = answerCard(await h.click(secretary, envelope('project.new')));
    expectWithinLimits(formCard);
    const group = field(formCard, 'members')!;
    expect(group).toMatchObject({ tag: 'multi_select_static', required: false, selected_values: [] });
    // 幸福社区's server; then by latest log the secretary (20 logs since) and the other; then the roster.
    const first = [active[0]!.id, m.secretary.id, active[1]!.id];
    const rest = branchMemberIds(loop, m.secretary.branchId!).filter((id) => !first.includes(id));
    expect(group.options.map((o: any) => o.value)).toEqual([...first, ...rest.slice(0, MEMBER_PICKER_SIZE - 3)].map(String));
    expect(cardText(formCard)).toContain(t('project.fieldMembersSome', { more: 200 - MEMBER_PICKER_SIZE }));
    expect(field(formCard, 'member_names')).toMatchObject({ tag: 'input', required: false, max_length: 1000, label: { content: '或输入成员姓名，用逗号或空格分隔' } });
  });

  it('saving with typed names (any separator, 学号 too) adds them to what was ticked', async () => {
    const { h, m } = loop;
    const typed = `${added[100]!.name}，${added[120]!.name}  ${added[130]!.studentNo}、阿卜杜热合曼买买提;${added[100]!.name}`;
    const res = await h.click(secretary, envelope('project.save'), { formValue: projectForm(m, { members: [String(m.secretary.id)], member_names: typed }) });
    expect(res.body.toast).toEqual({ type: 'success', content: t('project.saved', { title: '四点半课堂' }) });
    const sorted = [m.secretary, added[100]!, added[120]!, added[130]!, added[194]!].map((x) => x.id).sort((a, b) => a - b);
    expect(groupOf(loop, lastProject(loop).id)).toEqual(sorted);
  });

  it.each([
    ['a name not on the roster', '赵子涵，不存在的人', t('project.memberNotFound', { names: '不存在的人' })],
    ['a member of another branch', '孙佳怡', t('project.memberNotFound', { names: '孙佳怡' })],
    ['a 学号 of another branch', '2023010202', t('project.memberNotFound', { names: '2023010202' })],
    ['six unknown names (five are listed)', '甲一 甲二 甲三 甲四 甲五 甲六 赵子涵', t('project.memberNotFoundMany', { names: '甲一、甲二、甲三、甲四、甲五', count: 6 })],
    ['a name two members share', '王伟 赵子涵', 'AMBIGUOUS'],
  ])('%s is refused, says what to type, and nothing is stored (new or edited)', async (_, typed, message) => {
    const { h, m } = loop;
    const content = message === 'AMBIGUOUS'
      ? t('project.memberAmbiguous', { name: '王伟', count: 2, studentNos: wangWei.map((w) => w.studentNo).join('、'), example: wangWei[0]!.studentNo })
      : message;
    const existing = lastProject(loop).id;
    const before = frozen(loop);
    for (const payload of [undefined, { p: existing }]) {
      const res = await h.click(secretary, envelope('project.save', payload), { formValue: projectForm(m, { title: '改了名字', member_names: typed }) });
      expect(res.body).toEqual({ toast: { type: 'error', content } });
    }
    expect(frozen(loop)).toEqual(before);
  });

  it('two members of one name are told apart in the dropdown and by 学号 when typed', async () => {
    const { h, m } = loop;
    const p = lastProject(loop);
    const res = await h.click(secretary, envelope('project.save', { p: p.id }), { formValue: projectForm(m, { members: [], member_names: wangWei[1]!.studentNo }) });
    expect(res.body.toast.type).toBe('success');
    expect(groupOf(loop, p.id)).toEqual([wangWei[1]!.id]);
    const formCard = answerCard(await h.click(secretary, envelope('project.edit', { p: p.id })));
    const option = field(formCard, 'members')!.options.find((o: any) => o.value === String(wangWei[1]!.id));
    const order = [...wangWei].sort((a, b) => a.studentNo.localeCompare(b.studentNo)).map((w) => w.id);
    expect(option.text.content).toBe(t('project.memberOption', { name: '王伟', n: order.indexOf(wangWei[1]!.id) + 1 }));
    expect(JSON.stringify(formCard)).not.toContain(wangWei[1]!.studentNo.slice(-4));
  });

  it('editing a project of 50 (the most a group may have): all 50 stay selected, the card stays within Feishu\'s limits, and saving keeps them', async () => {
    const { h, m } = loop;
    // Created the way a secretary would: all 50 typed, at the longest every field may be.
    const fifty = added.slice(60, 110);
    const created = await h.click(secretary, envelope('project.save'), {
      formValue: projectForm(m, {
        title: '项'.repeat(60), x_label: '垃'.repeat(30), goals: '目'.repeat(500), tasks: '任'.repeat(500), responsibilities: '责'.repeat(500),
        members: [], member_names: fifty.map((x) => x.name).join('，'),
      }),
    });
    expect(created.body.toast.type).toBe('success');
    const p = lastProject(loop);
    expect(groupOf(loop, p.id)).toEqual(ids(fifty));

    const formCard = answerCard(await h.click(secretary, envelope('project.edit', { p: p.id })));
    expectWithinLimits(formCard);
    expect(field(formCard, 'community')!.options).toHaveLength(PICKER_SIZE);
    const group = field(formCard, 'members')!;
    expect(group.options).toHaveLength(50 + MEMBER_PICKER_EXTRA);
    expect(group.options.slice(0, 50).map((o: any) => Number(o.value))).toEqual(fifty.map((x) => x.id));
    expect([...group.selected_values].sort()).toEqual(fifty.map((x) => String(x.id)).sort());

    // Submitted as the client sends it back: the form's own selection, nothing typed.
    const before = frozen(loop);
    const res = await h.click(secretary, envelope('project.save', { p: p.id }), {
      formValue: projectForm(m, { title: '改名了', goals: '目'.repeat(500), members: group.selected_values }),
    });
    expect(res.body.toast.type).toBe('success');
    expect(groupOf(loop, p.id)).toEqual(ids(fifty));
    expect(frozen(loop).group).toEqual(before.group);

    // One more typed is one too many: refused, nothing changed.
    const more = await h.click(secretary, envelope('project.save', { p: p.id }), { formValue: projectForm(m, { members: group.selected_values, member_names: added[0]!.name }) });
    expect(more.body).toEqual({ toast: { type: 'error', content: t('project.invalid', { problem: t('project.tooManyMembers') }) } });
    expect(groupOf(loop, p.id)).toEqual(ids(fifty));
  });

  it('the dropdown\'s log query is an index walk with LIMIT, never a scan or a sort of service_logs', () => {
    const db = loop.h.bot.db;
    const { sql, params } = memberPickerQueries.branchLogs(db).toSQL();
    const plan = (db.$client.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params.map(() => 1)) as { detail: string }[]).map((r) => r.detail).join(' | ');
    expect(sql).toMatch(/limit \?$/);
    expect(plan).toMatch(/SEARCH service_logs USING INDEX service_logs_branch_status/);
    expect(plan).not.toMatch(/TEMP B-TREE|SCAN service_logs/);
  });
});

describe('a log names the project it served (项目组的工作)', () => {
  let loop: Loop;
  beforeAll(async () => {
    loop = await startLoop();
  });
  afterAll(() => loop.h.close());

  it('the log form offers the branch\'s projects; the log keeps the one chosen; /项目 shows the progress', async () => {
    const { h, m } = loop;
    const own = h.bot.db.insert(projects).values({ branchId: m.secretary.branchId!, programYearId: currentYearId(loop), title: '四点半课堂', area: 'aid_education', createdAt: h.clock.now() }).returning().get();
    const other = h.bot.db.insert(projects).values({ branchId: m.otherSecretary.branchId!, programYearId: currentYearId(loop), title: '别的支部的项目', area: 'health', createdAt: h.clock.now() }).returning().get();

    const form = (await h.say(student, '/记录')).content;
    const select = field(form, 'project') as { options: { value: string }[] } | undefined;
    expect(select?.options.map((o) => o.value)).toEqual([String(own.id)]);

    // Another branch's project is refused, nothing stored.
    const refused = await submitLog(h, student, { date: `${TODAY} +0800`, description: '辅导作业', project: String(other.id) } as never);
    expect(refused.body).toEqual({ toast: { type: 'error', content: t('log.badProject') } });
    expect(h.bot.db.select().from(serviceLogs).all()).toEqual([]);

    const res = await submitLog(h, student, { date: `${TODAY} +0800`, hours: '2', description: '四点半课堂辅导作业', project: String(own.id) } as never);
    expect(res.body.toast?.type).toBe('success');
    const log = h.bot.db.select().from(serviceLogs).all().at(-1)!;
    expect(log.projectId).toBe(own.id);

    expect(cardText((await h.say(secretary, '/项目')).content)).toContain(t('project.progress', { logs: 0, hours: 0, pending: 1 }));
    h.bot.db.update(serviceLogs).set({ status: 'approved' }).where(eq(serviceLogs.id, log.id)).run();
    expect(cardText((await h.say(secretary, '/项目')).content)).toContain(t('project.progress', { logs: 1, hours: 2, pending: 0 }));
  });
});

function currentYearId(loop: Loop): number {
  return currentProgramYear(loop.h.bot.db, { now: loop.h.clock.now(), tz: loop.h.config.timeZone }).id;
}
