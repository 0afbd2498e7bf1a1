/**
 * Student organisations (学生会、学生社团、青年志愿者协会) beside the 团支部 (PRODUCT.md §8, issue 16
 * point 4), through the bot's events: a 团总支 creates one and names its responsible member, who —
 * a student — then runs its pairing and projects through the branches' own cards; nobody else's
 * click does anything; the 团支部 coverage does not count it, /学院 and /全校 count it apart; a
 * roster import leaves it alone.
 */
import fs from 'node:fs';
import { and, asc, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { summaryRows } from '../src/app/export/summary.js';
import { importRoster, readRosterFile } from '../src/app/import/roster.js';
import { branches, pairings, projectMembers, projects, type Branch } from '../src/db/schema/index.js';
import { t } from '../src/text/zh-CN.js';
import { bindDirect } from './helpers/bot.js';
import { ACCOUNTS, addMember, answerCard, button, cardText, envelope, field, lastLog, logForm as formOf, program, said, startLoop, type Loop } from './helpers/loop.js';

const { student, student2, secretary, collegeAdmin, schoolAdmin } = ACCOUNTS;
const ECON_ADMIN = 'ou_org_econ_admin';
const CS = '计算机科学与工程学院';

const orgRow = (loop: Loop, name: string): Branch | undefined => loop.h.bot.db.select().from(branches).where(eq(branches.name, name)).get();
const pairingsOf = (loop: Loop, unitId: number) => loop.h.bot.db.select().from(pairings).where(eq(pairings.branchId, unitId)).all();
const allPairings = (loop: Loop) => loop.h.bot.db.select().from(pairings).orderBy(asc(pairings.id)).all();

/** The 团总支 creates 青年志愿者协会 with 李浩然 (a student of 计科2301) responsible; returns its row. */
async function createOrg(loop: Loop): Promise<Branch> {
  const reply = await loop.h.say(collegeAdmin, '/组织 新建 青协 青年志愿者协会 2023010102');
  expect(cardText(reply.content)).toContain(t('org.created', { kind: '青年志愿者协会', name: '青年志愿者协会', college: CS, leader: '李浩然' }));
  return orgRow(loop, '青年志愿者协会')!;
}

/** The responsible student's pairing form for the organisation, from /组织 → 结对. */
async function pairingForm(loop: Loop, org: Branch): Promise<unknown> {
  const list = await loop.h.say(student, '/组织');
  return answerCard(await loop.h.click(student, button(list.content, 'pairing.open', { u: org.id })));
}

describe('/组织: creating organisations', () => {
  let loop: Loop;
  beforeEach(async () => {
    loop = await startLoop();
  });
  afterEach(() => loop.h.close());

  it('a 团总支 creates one of its college with a responsible member typed by 学号; it is no 团支部 and has no roster', async () => {
    const { m } = loop;
    const org = await createOrg(loop);
    expect(org).toMatchObject({ kind: 'volunteer_association', collegeId: m.collegeAdmin.collegeId, leaderMemberId: m.student.id, archivedAt: null });
    // The responsible student sees it in /组织, with its pairing and projects buttons.
    const mine = await loop.h.say(student, '/组织');
    expect(cardText(mine.content)).toContain('青年志愿者协会');
    expect(cardText(mine.content)).toContain(t('org.pairingNone'));
    button(mine.content, 'project.unitList', { u: org.id });
    // A student who leads nothing sees none.
    expect(cardText((await loop.h.say(student2, '/组织')).content)).toContain(t('org.listEmptyMine'));
  });

  it('refuses a student, another college\'s 团总支, a taken name and a leader name two members share', async () => {
    const { h, m } = loop;
    bindDirect(h, 'T2001', ECON_ADMIN);
    expect(said(await h.say(student, '/组织 新建 学生会 计算机学院学生会 2023010102'))).toBe(t('org.forbidden'));
    expect(said(await h.say(ECON_ADMIN, `/组织 新建 ${CS} 学生会 计算机学院学生会 2023010102`))).toBe(t('org.notYourCollege', { name: CS }));
    expect(said(await h.say(ECON_ADMIN, '/组织 新建 学生会 经管学生会 2023010102'))).toBe(t('org.leaderOtherCollege', { who: '2023010102', college: '经济管理学院' }));
    expect(orgRow(loop, '计算机学院学生会')).toBeUndefined();
    expect(orgRow(loop, '经管学生会')).toBeUndefined();

    await createOrg(loop);
    expect(said(await h.say(collegeAdmin, '/组织 新建 社团 青年志愿者协会 2023010103'))).toBe(t('org.nameTakenOrg', { name: '青年志愿者协会', college: CS }));
    expect(said(await h.say(collegeAdmin, '/组织 新建 社团 计科2301团支部 2023010103'))).toBe(t('org.nameTakenBranch', { name: '计科2301团支部', college: CS }));

    const twin = addMember(h, { name: '张雨桐', role: 'student', collegeId: m.student2.collegeId, branchId: m.otherStudent.branchId, openId: 'ou_org_twin' });
    const studentNos = [m.student2.studentNo, twin.studentNo].sort();
    expect(said(await h.say(collegeAdmin, '/组织 新建 社团 书法社 张雨桐'))).toBe(t('org.leaderAmbiguous', { who: '张雨桐', count: 2, studentNos: studentNos.join('、'), example: studentNos[0]! }));
    expect(orgRow(loop, '书法社')).toBeUndefined();
    expect(loop.h.bot.db.select().from(branches).where(eq(branches.kind, 'club')).all()).toEqual([]);
  });

  it('the 团委 names the college; the responsible member can be changed', async () => {
    const { h, m } = loop;
    expect(said(await h.say(schoolAdmin, '/组织 新建 学生会 学生会 2023010102'))).toContain(t('org.needCollege', { list: '' }).split('\n')[0]!);
    await h.say(schoolAdmin, `/组织 新建 ${CS} 学生会 计算机学院学生会 2023010102`);
    expect(orgRow(loop, '计算机学院学生会')).toMatchObject({ kind: 'student_union', leaderMemberId: m.student.id });
    const changed = await h.say(collegeAdmin, '/组织 负责人 计算机学院学生会 张雨桐');
    expect(cardText(changed.content)).toContain(t('org.leaderChanged', { name: '计算机学院学生会', leader: '张雨桐' }));
    expect(orgRow(loop, '计算机学院学生会')!.leaderMemberId).toBe(m.student2.id);
  });
});

describe('an organisation\'s pairing and projects, run by its responsible student', () => {
  let loop: Loop;
  let org: Branch;
  beforeEach(async () => {
    loop = await startLoop();
    org = await createOrg(loop);
  });
  afterEach(() => loop.h.close());

  it('the responsible student opens its pairing card from /组织 and signs a pairing for it', async () => {
    const { h, m } = loop;
    const form = await pairingForm(loop, org);
    expect(cardText(form)).toContain(t('org.pairingIntro', { unit: '青年志愿者协会' }));
    const submit = button(form, 'pairing.create', { u: org.id });
    const res = await h.click(student, submit, { formValue: { community: '幸福社区', signed_on: '2026-11-20 +0800' } });
    expect(res.body.toast).toEqual({ type: 'success', content: t('pairing.createdToast') });
    expect(pairingsOf(loop, org.id)).toMatchObject([{ status: 'signed', signedOn: '2026-11-20', createdByMemberId: m.student.id }]);
    // Not the student's own branch: that one stays unpaired.
    expect(pairingsOf(loop, m.student.branchId!)).toEqual([]);
    // The next 结对 click opens the active pairing to complete.
    const again = await pairingForm(loop, org);
    button(again, 'pairing.save', { p: pairingsOf(loop, org.id)[0]!.id });
    expect(cardText((await h.say(student, '/组织')).content)).toContain(t('org.pairingLine', { community: '幸福社区', status: t('pairing.status.signed') }));
  });

  it('a student who is not responsible clicking a forged payload changes nothing; a branch secretary is refused too', async () => {
    const { h } = loop;
    const before = allPairings(loop);
    const forged = [
      [envelope('pairing.open', { u: org.id }), undefined],
      [envelope('pairing.create', { u: org.id }), { community: '幸福社区', signed_on: '2026-11-20 +0800' }],
      [envelope('project.unitList', { u: org.id }), undefined],
      [envelope('project.new', { u: org.id }), undefined],
    ] as const;
    for (const [value, formValue] of forged) {
      expect((await h.click(student2, value, { formValue })).body, value.a).toEqual({ toast: { type: 'error', content: t('error.actionForbidden') } });
    }
    const bySecretary = await h.click(secretary, envelope('pairing.create', { u: org.id }), { formValue: { community: '幸福社区', signed_on: '2026-11-20 +0800' } });
    expect(bySecretary.body).toEqual({ toast: { type: 'error', content: t('pairing.forbidden') } });
    expect((await h.click(secretary, envelope('project.unitList', { u: org.id }))).body).toEqual({ toast: { type: 'error', content: t('project.forbidden') } });
    expect(allPairings(loop)).toEqual(before);
    expect(loop.h.bot.db.select().from(projects).all()).toEqual([]);
  });

  it('a project for the organisation with a group from two branches of the college', async () => {
    const { h, m } = loop;
    const list = await h.say(student, '/组织');
    const projectList = answerCard(await h.click(student, button(list.content, 'project.unitList', { u: org.id })));
    const form = answerCard(await h.click(student, button(projectList, 'project.new', { u: org.id })));
    const res = await h.click(student, button(form, 'project.save', { u: org.id }), {
      formValue: { title: '社区垃圾分类宣传', area: 'ecology', items: ['huodong'], start: '2026-11-01 +0800', end: '2027-06-30 +0800', member_names: '张雨桐 孙佳怡' },
    });
    expect(res.body.toast).toEqual({ type: 'success', content: t('project.saved', { title: '社区垃圾分类宣传' }) });
    expect(cardText(answerCard(res))).toContain(t('project.listTitle', { scope: '青年志愿者协会' }));
    const saved = h.bot.db.select().from(projects).all();
    expect(saved).toMatchObject([{ branchId: org.id, title: '社区垃圾分类宣传' }]);
    const group = h.bot.db.select().from(projectMembers).where(eq(projectMembers.projectId, saved[0]!.id)).all().map((r) => r.memberId).sort();
    expect(group).toEqual([m.student2.id, m.otherStudent.id].sort());
    expect(m.student2.branchId).not.toBe(m.otherStudent.branchId);
    // The responsible student adds a position to it, open to the college.
    const positionForm = answerCard(await h.click(student, button(answerCard(res), 'project.positionForm', { p: saved[0]!.id })));
    const added = await h.click(student, button(positionForm, 'project.addPosition', { p: saved[0]!.id }), { formValue: { title: '宣传员', slots: '2' } });
    expect(added.body.toast.type).toBe('success');
    const positions = await h.say(ACCOUNTS.otherStudent, '/岗位');
    button(positions.content, 'positions.signup');
    expect(cardText((await h.say(student, '/组织')).content)).toContain('本学年项目 1 个');

    // A member of its group names it on the log form (their own branch has no such project); someone outside the group cannot.
    const logForm = await h.say(ACCOUNTS.otherStudent, '/记录');
    expect(field(logForm.content, 'project')?.options?.map((o: { value: string }) => o.value)).toEqual([String(saved[0]!.id)]);
    const logged = await h.click(ACCOUNTS.otherStudent, envelope('log.submit'), { formValue: { ...formOf(), project: String(saved[0]!.id) } });
    expect(logged.body.toast.type, logged.text).toBe('success');
    expect(lastLog(h, m.otherStudent).projectId).toBe(saved[0]!.id);
    const outsider = await h.click(ACCOUNTS.secretary, envelope('log.submit'), { formValue: { ...formOf(), project: String(saved[0]!.id) } });
    expect(outsider.body.toast).toEqual({ type: 'error', content: t('log.badProject') });
  });
});

describe('organisations are counted apart from the 团支部 coverage', () => {
  let loop: Loop;
  beforeEach(async () => {
    loop = await startLoop();
  });
  afterEach(() => loop.h.close());

  const coverageLine = (text: string) => text.split('\n').find((l) => l.includes('覆盖率'))!;
  const schoolLine = (text: string) => text.split('\n').find((l) => l.startsWith('**全校**'))!;

  it('/学院 and /全校 keep the same branch count and ratio, and show the organisation line', async () => {
    const { h } = loop;
    const collegeBefore = cardText((await h.say(collegeAdmin, '/学院')).content);
    const schoolBefore = cardText((await h.say(schoolAdmin, '/全校')).content);
    expect(collegeBefore).toContain(t('tracking.organisations', { count: 0, paired: 0, projects: 0 }));

    const org = await createOrg(loop);
    const form = await pairingForm(loop, org);
    await h.click(student, button(form, 'pairing.create', { u: org.id }), { formValue: { community: '幸福社区', signed_on: '2026-11-20 +0800' } });

    const collegeAfter = cardText((await h.say(collegeAdmin, '/学院')).content);
    const schoolAfter = cardText((await h.say(schoolAdmin, '/全校')).content);
    expect(coverageLine(collegeAfter)).toBe(coverageLine(collegeBefore));
    expect(coverageLine(collegeAfter)).toContain('/3 个团支部');
    expect(schoolLine(schoolAfter)).toBe(schoolLine(schoolBefore));
    expect(collegeAfter).toContain(t('tracking.organisations', { count: 1, paired: 1, projects: 0 }));
    expect(schoolAfter).toContain(t('tracking.organisations', { count: 1, paired: 1, projects: 0 }));
    // The export's 学院汇总: the same 团支部 figures, the organisation in its own columns.
    const [cs] = summaryRows(h.bot.db, program(h).id).colleges;
    expect(cs!.slice(0, 3)).toEqual([CS, 3, 0]);
    expect(cs!.slice(-3)).toEqual([1, 1, 0]);
    // Nor is it a 团支部 to /支部.
    expect(said(await h.say(collegeAdmin, '/支部 青年志愿者协会'))).toBe(t('branch.unknown', { name: '青年志愿者协会', list: '计科2301团支部、计科2302团支部、软工2301团支部' }));
  });

  it('a full roster import afterwards leaves the organisation as it was (not archived)', async () => {
    const { h } = loop;
    const org = await createOrg(loop);
    const parse = await readRosterFile(fs.readFileSync('examples/roster.csv'), 'roster.csv');
    importRoster(h.bot.db, parse, h.clock.now(), 'full');
    expect(orgRow(loop, '青年志愿者协会')).toEqual(org);
    expect(h.bot.db.select().from(branches).where(and(eq(branches.kind, 'branch'), eq(branches.collegeId, org.collegeId))).all().every((b) => b.archivedAt === null)).toBe(true);
  });
});
