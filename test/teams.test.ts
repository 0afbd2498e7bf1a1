/**
 * 三下乡 teams and 返家乡 practice (PRODUCT.md §8, issue 16 point 4), through signed events: a
 * 团总支 forms a team of its college (the 团委 of any), members are added and removed, and in a
 * vacation a check-in and its log name the team or 返家乡 — refused outside a vacation and to
 * anyone not on the team.
 */
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { logRows } from '../src/app/export/details.js';
import { vacationTeamMembers, vacationTeams } from '../src/db/schema/index.js';
import { t } from '../src/text/zh-CN.js';
import { bindDirect } from './helpers/bot.js';
import {
  ACCOUNTS, addCommunity, addMember, answerCard, button, cardText, checkIn, checkinsOf, envelope, field, lastLog, logsOf, MINUTE,
  program, reviewCardTo, said, setProgram, startLoop, stored, submitLog, type Loop,
} from './helpers/loop.js';

const { student, student2, secretary, collegeAdmin, schoolAdmin, otherStudent } = ACCOUNTS;
const ECON_ADMIN = 'ou_team_econ_admin';

/** What a refusal must not have written (replies are sent, so the whole of `stored` changes). */
const rows = (loop: Loop) => {
  const { logs, checkins } = stored(loop.h);
  return { logs, checkins };
};
const teamRow = (loop: Loop, name: string) => loop.h.bot.db.select().from(vacationTeams).where(eq(vacationTeams.name, name)).get();
const teamMemberIds = (loop: Loop, teamId: number) =>
  loop.h.bot.db.select().from(vacationTeamMembers).where(eq(vacationTeamMembers.teamId, teamId)).all().map((r) => r.memberId).sort();

describe('/三下乡: forming and changing teams', () => {
  let loop: Loop;
  beforeEach(async () => {
    loop = await startLoop();
  });
  afterEach(() => loop.h.close());

  it('a 团总支 forms a team of its college: leader by 学号, destination matched to a known community, members by name', async () => {
    const { h, m } = loop;
    const town = addCommunity(h, '锁南镇');
    const reply = await h.say(collegeAdmin, '/三下乡 新建 星火支教队 2023010102 锁南镇 张雨桐');
    const text = cardText(reply.content);
    expect(text).toContain(t('team.created', { name: '星火支教队', college: '计算机科学与工程学院', leader: '李浩然', destination: '锁南镇', count: 1 }));
    expect(text).toContain('星火支教队');
    const team = teamRow(loop, '星火支教队')!;
    expect(team).toMatchObject({ leaderMemberId: m.student.id, collegeId: m.student.collegeId, destination: '锁南镇', communityId: town.id, createdByMemberId: m.collegeAdmin.id });
    expect(teamMemberIds(loop, team.id)).toEqual([m.student2.id]);
  });

  it('keeps an unknown destination as written', async () => {
    await loop.h.say(collegeAdmin, '/三下乡 新建 乡村调研队 李浩然 某某县某某村');
    expect(teamRow(loop, '乡村调研队')).toMatchObject({ destination: '某某县某某村', communityId: null });
  });

  it('refuses a leader of another college to a 团总支, and the 团委 may form the team', async () => {
    const { h, m } = loop;
    const before = rows(loop);
    const refused = said(await h.say(collegeAdmin, '/三下乡 新建 会计服务队 2023110102 锁南镇'));
    expect(refused).toBe(t('team.otherCollege', { who: '2023110102', college: '计算机科学与工程学院' }));
    expect(teamRow(loop, '会计服务队')).toBeUndefined();
    expect(rows(loop)).toEqual(before);

    await h.say(schoolAdmin, '/三下乡 新建 会计服务队 2023110102 锁南镇');
    const team = teamRow(loop, '会计服务队')!;
    expect(team.collegeId).not.toBe(m.collegeAdmin.collegeId);
    // …and that college's team is not the 计算机 团总支's to change.
    expect(said(await h.say(collegeAdmin, '/三下乡 添加 会计服务队 2023010103'))).toBe(t('team.notYourCollege', { name: '会计服务队' }));
  });

  it('refuses a leader name two members share, naming the 学号 to write instead', async () => {
    const { h, m } = loop;
    const twin = addMember(h, { name: '李浩然', role: 'student', collegeId: m.student.collegeId, branchId: m.student2.branchId, openId: 'ou_team_twin' });
    const answer = said(await h.say(collegeAdmin, '/三下乡 新建 星火支教队 李浩然 锁南镇'));
    const studentNos = [m.student.studentNo, twin.studentNo].sort();
    expect(answer).toBe(t('team.memberAmbiguous', { who: '李浩然', count: 2, studentNos: studentNos.join('、'), example: studentNos[0]! }));
    expect(teamRow(loop, '星火支教队')).toBeUndefined();
  });

  it('refuses a student (and a 团支书) who tries to form a team', async () => {
    for (const who of [student, secretary]) {
      expect(said(await loop.h.say(who, '/三下乡 新建 星火支教队 2023010102 锁南镇'))).toBe(t('team.forbidden'));
    }
    expect(teamRow(loop, '星火支教队')).toBeUndefined();
  });

  it('refuses a second team of the same name in the year, and an unknown verb with the usage', async () => {
    const { h } = loop;
    await h.say(collegeAdmin, '/三下乡 新建 星火支教队 2023010102 锁南镇');
    expect(said(await h.say(collegeAdmin, '/三下乡 新建 星火支教队 2023010103 锁南镇'))).toBe(t('team.nameTaken', { name: '星火支教队' }));
    expect(said(await h.say(collegeAdmin, '/三下乡 解散 星火支教队'))).toContain(t('team.badVerb', { verb: '解散', usage: t('team.usage') }));
  });

  it('adds and removes members; the leader cannot be removed', async () => {
    const { h, m } = loop;
    await h.say(collegeAdmin, '/三下乡 新建 星火支教队 2023010102 锁南镇');
    const team = teamRow(loop, '星火支教队')!;
    const added = cardText((await h.say(collegeAdmin, '/三下乡 添加 星火支教队 张雨桐，孙佳怡')).content);
    expect(added).toContain(t('team.added', { team: '星火支教队', names: '张雨桐、孙佳怡' }));
    expect(teamMemberIds(loop, team.id)).toEqual([m.student2.id, m.otherStudent.id].sort());

    const removed = cardText((await h.say(collegeAdmin, '/三下乡 移除 星火支教队 2023010202')).content);
    expect(removed).toContain(t('team.removed', { team: '星火支教队', names: '孙佳怡' }));
    expect(teamMemberIds(loop, team.id)).toEqual([m.student2.id]);

    expect(said(await h.say(collegeAdmin, '/三下乡 移除 星火支教队 李浩然'))).toBe(t('team.removeLeader', { name: '李浩然', team: '星火支教队' }));
    expect(said(await h.say(student, '/三下乡 添加 星火支教队 孙佳怡'))).toBe(t('team.forbidden'));
  });

  it('forms a team from the card form; a student who clicks a forwarded form is refused by the router', async () => {
    const { h } = loop;
    const card = (await h.say(collegeAdmin, '/三下乡')).content;
    const create = button(card, 'team.create');
    const formValue = { name: '红色宣讲队', leader: '2023010103', destination: '锁南镇', members: '李浩然' };
    const refused = await h.click(student, create, { formValue });
    expect(refused.body?.toast).toEqual({ type: 'error', content: t('error.actionForbidden') });
    expect(teamRow(loop, '红色宣讲队')).toBeUndefined();

    const res = await h.click(collegeAdmin, create, { formValue });
    expect(res.body?.toast).toMatchObject({ type: 'success', content: t('team.createdToast', { name: '红色宣讲队' }) });
    expect(cardText(answerCard(res))).toContain('红色宣讲队');
    expect(teamRow(loop, '红色宣讲队')).toMatchObject({ leaderMemberId: loop.m.student2.id });
  });
});

describe('/三下乡 lists the teams the asker sees', () => {
  let loop: Loop;
  beforeEach(async () => {
    loop = await startLoop();
    bindDirect(loop.h, 'T2001', ECON_ADMIN);
    await loop.h.say(collegeAdmin, '/三下乡 新建 星火支教队 2023010102 锁南镇 张雨桐');
    await loop.h.say(schoolAdmin, '/三下乡 新建 会计服务队 2023110102 新民乡');
  });
  afterEach(() => loop.h.close());

  it('a member and the leader see their team; another student sees none; each 团总支 its college; the 团委 all', async () => {
    const { h } = loop;
    for (const who of [student, student2]) {
      const text = cardText((await h.say(who, '/三下乡')).content);
      expect(text).toContain('星火支教队');
      expect(text).not.toContain('会计服务队');
      expect(text).not.toContain(t('team.formSubmit'));
    }
    expect(cardText((await h.say(otherStudent, '/三下乡')).content)).toContain(t('team.listEmptyMine'));
    const college = cardText((await h.say(collegeAdmin, '/三下乡')).content);
    expect(college).toContain('星火支教队');
    expect(college).not.toContain('会计服务队');
    const econ = cardText((await h.say(ECON_ADMIN, '/三下乡')).content);
    expect(econ).toContain('会计服务队');
    expect(econ).not.toContain('星火支教队');
    const all = cardText((await h.say(schoolAdmin, '/三下乡')).content);
    expect(all).toContain('星火支教队');
    expect(all).toContain('会计服务队');
  });
});

describe('vacation check-ins and logs name the 三下乡 team or 返家乡', () => {
  let loop: Loop;
  beforeEach(async () => {
    loop = await startLoop();
    addCommunity(loop.h, '锁南镇');
    await loop.h.say(collegeAdmin, '/三下乡 新建 星火支教队 2023010102 锁南镇 张雨桐');
  });
  afterEach(() => loop.h.close());

  it('in the winter vacation a member checks in with the team; check-out carries it to the log, the review card and /我的', async () => {
    const { h, m } = loop;
    setProgram(h, { periodMode: 'winter' });
    const team = teamRow(loop, '星火支教队')!;
    const { reply, checkinId, checkout } = await checkIn(h, student2, '三下乡 星火支教队');
    expect(cardText(reply.content)).toContain(t('team.checkinTeam', { name: '星火支教队' }));
    expect(checkinsOf(h, m.student2)).toEqual([expect.objectContaining({ id: checkinId, teamId: team.id, returnHome: false, siteName: '锁南镇', kind: 'concentrated' })]);

    h.clock.advance(120 * MINUTE);
    const form = answerCard(await h.click(student2, checkout));
    expect(field(form, 'practice')?.initial_option).toBe(`t${team.id}`);
    const res = await submitLog(h, student2, { hours: '2', description: '给锁南镇小学三年级辅导作业' }, { checkinId });
    expect(res.body?.toast?.type).toBe('success');
    const log = lastLog(h, m.student2);
    expect(log).toMatchObject({ teamId: team.id, returnHome: false, checkinId, source: 'timed' });

    expect(cardText(reviewCardTo(h, log.id, secretary).content)).toContain(t('team.reviewLine', { what: t('team.tagTeam', { name: '星火支教队' }) }));
    expect(cardText((await h.say(student2, '/我的')).content)).toContain(t('team.tagTeam', { name: '星火支教队' }));
    // The export's 服务记录 sheet ends with the 三下乡/返家乡 column.
    const exported = [...logRows(h.bot.db.$client, program(h), h.config.timeZone).rows()];
    expect(exported.find((r) => r[0] === log.id)?.at(-1)).toBe(t('team.tagTeam', { name: '星火支教队' }));
  });

  it('the leader may check in without the name when it is their only team; a plain /报到 offers the team', async () => {
    const { h, m } = loop;
    setProgram(h, { periodMode: 'summer' });
    const plain = await checkIn(h, student, '图书馆');
    expect(cardText(plain.reply.content)).toContain(t('team.checkinHint', { name: '星火支教队' }));
    expect(checkinsOf(h, m.student).find((c) => c.id === plain.checkinId)?.teamId).toBeNull();
    const withTeam = await checkIn(h, student, '三下乡');
    expect(checkinsOf(h, m.student).find((c) => c.id === withTeam.checkinId)?.teamId).toBe(teamRow(loop, '星火支教队')!.id);
  });

  it('refuses a student who is not on the team, storing nothing', async () => {
    const { h } = loop;
    setProgram(h, { periodMode: 'winter' });
    const before = rows(loop);
    expect(said(await h.say(otherStudent, '/报到 三下乡 星火支教队'))).toBe(t('team.notMember', { name: '星火支教队' }));
    expect(said(await h.say(otherStudent, '/报到 三下乡'))).toBe(t('team.noneOfYours'));
    // A log form naming a team the author is not on is refused by the one validation too.
    const team = teamRow(loop, '星火支教队')!;
    const res = await submitLog(h, otherStudent, { practice: `t${team.id}` } as never);
    expect(res.body?.toast).toEqual({ type: 'error', content: t('team.notMember', { name: '星火支教队' }) });
    expect(rows(loop)).toEqual(before);
  });

  it('返家乡 may be online: the check-in is 线上, and its log is marked 返家乡', async () => {
    const { h, m } = loop;
    setProgram(h, { periodMode: 'winter' });
    const { reply, checkinId } = await checkIn(h, otherStudent, '返家乡 线上 老家幸福村');
    expect(cardText(reply.content)).toContain(t('checkin.done', { kind: t('checkin.kind.online') }));
    expect(cardText(reply.content)).toContain(t('team.checkinHome'));
    expect(checkinsOf(h, m.otherStudent)).toEqual([expect.objectContaining({ id: checkinId, returnHome: true, teamId: null, kind: 'online', siteName: '老家幸福村' })]);
    h.clock.advance(60 * MINUTE);
    await h.click(otherStudent, envelope('checkin.checkout', { c: checkinId }));
    const res = await submitLog(h, otherStudent, { hours: '1', mode: 'online', description: '线上给家乡小学生讲防溺水' }, { checkinId });
    expect(res.body?.toast?.type).toBe('success');
    expect(lastLog(h, m.otherStudent)).toMatchObject({ returnHome: true, teamId: null, mode: 'online' });
  });

  it('a typed report naming 返家乡 in a vacation is marked, and one naming 三下乡 takes the member\'s only team', async () => {
    const { h, m } = loop;
    setProgram(h, { periodMode: 'winter' });
    await h.say(otherStudent, '/记录 今天返家乡在老家社区辅导作业2小时');
    expect(lastLog(h, m.otherStudent)).toMatchObject({ returnHome: true, teamId: null });
    await h.say(student2, '/记录 今天三下乡在锁南镇辅导作业2小时');
    expect(lastLog(h, m.student2)).toMatchObject({ teamId: teamRow(loop, '星火支教队')!.id, returnHome: false });
    // Not on any team: nothing is guessed, the form asks.
    const before = logsOf(h, m.secretary).length;
    const ask = await h.say(secretary, '/记录 今天三下乡在锁南镇辅导作业2小时');
    expect(cardText(ask.content)).toContain(t('team.reportWhich'));
    expect(logsOf(h, m.secretary)).toHaveLength(before);
  });

  it('outside a vacation 三下乡 and 返家乡 are refused with the vacation dates', async () => {
    const { h, m } = loop;
    setProgram(h, { periodMode: 'auto', winterVacationStart: '2027-01-15', winterVacationEnd: '2027-02-25' });
    const before = rows(loop);
    const refusal = t('team.notVacation', { date: '2026-11-25', winter: '2027-01-15 ~ 2027-02-25', summer: t('team.datesUnset') });
    expect(said(await h.say(student2, '/报到 三下乡 星火支教队'))).toBe(refusal);
    expect(said(await h.say(otherStudent, '/报到 返家乡 线上 老家幸福村'))).toBe(refusal);
    expect(checkinsOf(h, m.student2)).toEqual([]);
    // A log form that names 返家乡 on a term-time day is refused as well.
    const res = await submitLog(h, otherStudent, { practice: 'home' } as never);
    expect(res.body?.toast).toEqual({ type: 'error', content: refusal });
    expect(rows(loop)).toEqual(before);
  });
});
