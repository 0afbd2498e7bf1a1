/**
 * The project list (PRODUCT.md §5 项目清单) through signed events and card callbacks: /项目,
 * the project form (title, area, "4+X" items with an X label, goals, tasks, responsibilities,
 * cooperation period, the paired community, group members from the branch), editing,
 * 添加岗位, every bad input refused with a message that says what to fix and nothing changed,
 * and only the branch's secretary (or its college's 团总支, or the 团委) acting on its cards.
 */
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, members, positions, projectItems, projectMembers, projects, type Member } from '../src/db/schema/index.js';
import { t } from '../src/text/zh-CN.js';
import { bindDirect } from './helpers/bot.js';
import { ACCOUNTS, addCommunity, answerCard, button, buttons, cardText, envelope, field, pair, startLoop, type Loop } from './helpers/loop.js';

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
