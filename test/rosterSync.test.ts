/**
 * The roster is the truth of membership (PRODUCT.md §8, issue 16 point 1), through the bot: a
 * roster file is previewed (new, changed, returning, missing, units archived) and nothing is
 * applied until the 团委 chooses; a full import makes the members it does not list inactive and
 * archives the units left empty, a partial one only adds and updates; a move keeps past logs
 * where they were earned; inactive members cannot log or act and count in no denominator; every
 * import is audited and undone by importing the earlier roster again.
 */
import fs from 'node:fs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, branches, members } from '../src/db/schema/index.js';
import { collegeView } from '../src/domain/metrics/index.js';
import { t } from '../src/text/zh-CN.js';
import { bindDirect, insertLog, memberByNo, sendFile } from './helpers/bot.js';
import type { SentMessage } from './fakes/openApi.js';
import { ACCOUNTS, answerCard, button, buttons, cardText, logsOf, program, reviewCardsOf, said, startLoop, submitLog, type Loop } from './helpers/loop.js';

const EXAMPLE = fs.readFileSync('examples/roster.csv', 'utf8').trim().split('\n');
const GRADUATES = '软工2301团支部'; // 周子轩 (团支书) and 吴思琪
const GRADUATE = 'ou_sync_graduate'; // 吴思琪, bound before she graduates
const csv = (lines: string[]) => Buffer.from(lines.join('\n'));

/**
 * Next year's roster: the 软工2301 class has graduated, 张雨桐 moved from 计科2301 to 计科2302,
 * and 王梓涵 (团支书 of 计科2301) is no longer listed either.
 */
const NEXT_YEAR = csv(EXAMPLE
  .filter((l) => !l.includes(GRADUATES) && !l.includes('2023010101'))
  .map((l) => (l.includes('2023010103') ? l.replace('计科2301团支部', '计科2302团支部') : l)));

let loop: Loop;
const h = () => loop.h;
const admin = ACCOUNTS.schoolAdmin;
const branchId = (name: string) => h().bot.db.select().from(branches).where(eq(branches.name, name)).get()!.id;
/** Imports audited since the loop's own seeding import. */
const imports = () => h().bot.db.select().from(auditLog).where(eq(auditLog.action, 'roster.import')).all().slice(1);
/** Membership as the roster sets it (a member's first message may fill in their union_id, which is not the roster's). */
const membersJson = () => JSON.stringify(h().bot.db.select({ no: members.studentNo, name: members.name, role: members.role, branch: members.branchId, college: members.collegeId, left: members.leftAt }).from(members).all());

async function preview(bytes: Buffer, name = 'roster.csv'): Promise<SentMessage> {
  const { reply } = await sendFile(h(), admin, { name, bytes });
  expect(reply.msgType).toBe('interactive');
  return reply;
}

const choose = (reply: SentMessage, mode: 'full' | 'partial', who: string = admin) =>
  h().click(who, button(reply.content, 'roster.apply', { m: mode }), { messageId: reply.messageId });

beforeAll(async () => {
  loop = await startLoop();
  bindDirect(h(), '2023020102', GRADUATE);
});
afterAll(() => loop.h.close());

describe('a full roster for the next year', () => {
  let card: SentMessage;
  let before: string;
  let movedLogBranch: number;

  beforeAll(async () => {
    // 张雨桐 earned an approved log in 计科2301 before she moved; 吴思琪 one in the class that graduates.
    insertLog(h(), loop.m.student2, { hours: 2, status: 'approved' });
    insertLog(h(), memberByNo(h(), '2023020102'), { hours: 3, status: 'approved' });
    movedLogBranch = logsOf(h(), loop.m.student2)[0]!.branchId!;
    before = membersJson();
    card = await preview(NEXT_YEAR, '2027级名单.csv');
  });

  it('is previewed first: who is new, changed, missing, and which units would be archived; nothing changes', () => {
    const text = said(card);
    expect(text).toContain('名单预览：2027级名单.csv（共 16 行，尚未导入）');
    expect(text).toContain('新增 0 人 · 变更 1 人');
    expect(text).toContain('名单中没有的在册成员 3 人');
    expect(text).toMatch(/张雨桐（计算机科学与工程学院\/计科2301团支部）：计算机科学与工程学院\/计科2301团支部 → 计算机科学与工程学院\/计科2302团支部/);
    for (const name of ['周子轩', '吴思琪', '王梓涵']) expect(text).toContain(name);
    expect(text).toContain('全量导入后将归档：计算机科学与工程学院/软工2301团支部');
    expect(text).not.toMatch(/138\s?0000/);
    // Three choices; the full one says how many it stops.
    expect(buttons(card.content).map((b) => `${b.a}:${b.p?.m ?? ''}`)).toEqual(['roster.apply:full', 'roster.apply:partial', 'roster.cancel:']);
    expect(text).toContain('全量导入（停用 3 人）');
    expect(membersJson()).toBe(before);
  });

  it('a student clicking the card (or a forged copy of it) changes nothing', async () => {
    const res = await choose(card, 'full', ACCOUNTS.student);
    expect(res.body?.toast?.type).toBe('error');
    expect(membersJson()).toBe(before);
  });

  it('confirmed as full: missing members inactive, the emptied branch archived, the move made; audited', async () => {
    const res = await choose(card, 'full');
    expect(res.body?.toast).toMatchObject({ type: 'success' });
    const done = cardText(answerCard(res));
    expect(done).toContain('在册状态：停用 3 人，恢复 0 人');
    expect(done).toContain('归档：团支部 1 个、学院 0 个');
    for (const no of ['2023020101', '2023020102', '2023010101']) expect(memberByNo(h(), no).leftAt).toBe(h().clock.now());
    expect(h().bot.db.select().from(branches).where(eq(branches.name, GRADUATES)).get()!.archivedAt).toBe(h().clock.now());
    expect(memberByNo(h(), '2023010103').branchId).toBe(branchId('计科2302团支部'));
    const [entry] = imports();
    expect(entry).toMatchObject({ actorMemberId: loop.m.schoolAdmin.id });
    expect(entry!.detail).toMatchObject({ mode: 'full', deactivated: 3, movedIds: [loop.m.student2.id] });
  });

  it('a second confirmation (a double tap) is refused and applies nothing again', async () => {
    const again = await choose(card, 'full');
    expect(again.body?.toast).toEqual({ type: 'error', content: t('roster.alreadyApplied') });
    expect(imports()).toHaveLength(1);
  });

  it('the move keeps the past log where it was earned', () => {
    expect(logsOf(h(), loop.m.student2)[0]!.branchId).toBe(movedLogBranch);
    expect(movedLogBranch).toBe(branchId('计科2301团支部'));
  });

  it('the archived branch and the inactive members leave the college figures', async () => {
    const view = collegeView(h().bot.db, { id: loop.m.collegeAdmin.collegeId!, name: '计算机科学与工程学院' }, program(h()).id, { now: h().clock.now(), tz: h().config.timeZone });
    expect(view.branches.map((b) => b.name)).toEqual(['计科2301团支部', '计科2302团支部']);
    expect(view.summary.coverage.branches).toBe(2);
    // 计科2301 keeps 李浩然 only; 计科2302 gained 张雨桐.
    expect(view.branches.map((b) => b.members)).toEqual([1, 4]);
    // Hours are history: the graduated class's 3 h stay in the college's 本年度累计.
    const approved = h().bot.db.$client.prepare(`select sum(half_hours) as half from service_logs where college_id = ? and program_year_id = ? and status = 'approved'`)
      .get(loop.m.collegeAdmin.collegeId, program(h()).id) as { half: number };
    expect(view.totalHours).toBe(approved.half / 2);
    expect(view.totalHours).toBeGreaterThanOrEqual(5);
    const reply = await h().say(ACCOUNTS.collegeAdmin, '/学院');
    expect(said(reply)).not.toContain(GRADUATES);
  });

  it('an inactive member is told, and nothing is recorded: commands, typed reports, the log form', async () => {
    const logsBefore = logsOf(h(), memberByNo(h(), '2023020102')).length;
    expect(said(await h().say(GRADUATE, '/我的'))).toBe(t('error.inactive'));
    expect(said(await h().say(GRADUATE, '今天在洛阳社区辅导作业两小时'))).toBe(t('error.inactive'));
    const res = await submitLog(h(), GRADUATE);
    expect(res.body?.toast).toEqual({ type: 'error', content: t('error.inactive') });
    expect(logsOf(h(), memberByNo(h(), '2023020102'))).toHaveLength(logsBefore);
    // An inactive 团支书 no longer reviews: a log of his branch goes up to the 团总支.
    expect((await submitLog(h(), ACCOUNTS.student, { description: '在幸福社区陪老人聊天' })).body?.toast?.type).toBe('success');
    const log = logsOf(h(), loop.m.student).at(-1)!;
    expect(reviewCardsOf(h(), log.id).map((m) => m.receiveId)).toEqual([ACCOUNTS.collegeAdmin]);
  });

  it('importing the earlier roster again (full) undoes it: members active, the branch back', async () => {
    const reply = await preview(csv(EXAMPLE));
    expect(said(reply)).toContain('恢复在册 3 人');
    const done = cardText(answerCard(await choose(reply, 'full')));
    expect(done).toContain('在册状态：停用 0 人，恢复 3 人');
    expect(done).toContain('恢复团支部 1 个');
    for (const no of ['2023020101', '2023020102', '2023010101']) expect(memberByNo(h(), no).leftAt).toBeNull();
    expect(h().bot.db.select().from(branches).where(eq(branches.name, GRADUATES)).get()!.archivedAt).toBeNull();
    expect(memberByNo(h(), '2023010103').branchId).toBe(branchId('计科2301团支部'));
    expect(said(await h().say(GRADUATE, '/我的'))).not.toBe(t('error.inactive'));
    expect(imports()).toHaveLength(2);
  });
});

describe('the other choices', () => {
  it('partial: adds and updates, stops nobody', async () => {
    const reply = await preview(csv([EXAMPLE[0]!, '经济管理学院,会计2301团支部,2026110001,新生甲,学生,,']), '补录.csv');
    expect(said(reply)).toContain('名单中没有的在册成员 19 人');
    const done = cardText(answerCard(await choose(reply, 'partial')));
    expect(done).toContain('新增 1 人');
    expect(done).not.toContain('停用');
    expect(h().bot.db.$client.prepare('select count(*) as n from members where left_at is not null').get()).toEqual({ n: 0 });
  });

  it('cancel: nothing applied, and the card cannot be confirmed afterwards', async () => {
    const before = membersJson();
    const reply = await preview(NEXT_YEAR);
    const res = await h().click(admin, button(reply.content, 'roster.cancel'), { messageId: reply.messageId });
    expect(cardText(answerCard(res))).toContain(t('preview.cancelled'));
    expect((await choose(reply, 'full')).body?.toast).toEqual({ type: 'error', content: t('roster.cancelled') });
    expect(membersJson()).toBe(before);
  });

  it('a newer file supersedes an older preview', async () => {
    const before = membersJson();
    const older = await preview(NEXT_YEAR);
    await preview(csv(EXAMPLE));
    expect((await choose(older, 'full')).body?.toast).toEqual({ type: 'error', content: t('roster.superseded') });
    expect(membersJson()).toBe(before);
  });

  it('a roster without the 团委 who sends it: no full import offered, and a forged full click is refused', async () => {
    const before = membersJson();
    const reply = await preview(csv(EXAMPLE.filter((l) => !l.includes('T0001'))));
    expect(said(reply)).toContain(t('preview.senderMissing'));
    expect(buttons(reply.content).some((b) => b.p?.m === 'full')).toBe(false);
    const forged = await h().click(admin, { a: 'roster.apply', v: 1, p: { i: button(reply.content, 'roster.apply', { m: 'partial' }).p!.i, m: 'full' } }, { messageId: reply.messageId });
    expect(forged.body?.toast).toEqual({ type: 'error', content: t('roster.selfMissing') });
    expect(membersJson()).toBe(before);
  });

  it('bad rows are previewed with their line numbers and nothing is applied until a choice', async () => {
    const before = membersJson();
    const reply = await preview(csv([...EXAMPLE, '经济管理学院,会计2301团支部,2026110002,新生乙,班长,,', '经济管理学院,会计2301团支部,2026110003,新生丙,学生,,']));
    expect(said(reply)).toContain('以下 1 行有误');
    expect(said(reply)).toContain(`第 ${EXAMPLE.length + 1} 行：角色“班长”无效`);
    expect(membersJson()).toBe(before);
    const done = cardText(answerCard(await choose(reply, 'partial')));
    expect(done).toContain('新增 1 人');
    expect(done).toContain(`第 ${EXAMPLE.length + 1} 行`);
  });

  it('a college left with no active member is archived and leaves /全校; the next roster listing it brings it back', async () => {
    const withoutEcon = await preview(csv(EXAMPLE.filter((l) => !l.startsWith('经济管理学院'))));
    expect(said(withoutEcon)).toContain('全量导入后将归档：经济管理学院');
    await choose(withoutEcon, 'full');
    const archived = h().bot.db.$client.prepare(`select archived_at as at from colleges where name = '经济管理学院'`).get() as { at: number | null };
    expect(archived.at).not.toBeNull();
    const overview = said(await h().say(admin, '/全校'));
    expect(overview).toContain('计算机科学与工程学院');
    expect(overview).not.toContain('经济管理学院');
    await choose(await preview(csv(EXAMPLE)), 'full');
    expect(said(await h().say(admin, '/全校'))).toContain('经济管理学院');
  });

  it('/名单 shows the roster as it stands', async () => {
    const text = said(await h().say(admin, '/名单'));
    expect(text).toMatch(/在册成员 \d+ 人，已停用 2 人/); // the two added by the partial imports above, not on the full roster
    expect(text).toContain('最近一次导入');
    expect(said(await h().say(ACCOUNTS.student, '/名单'))).toContain('仅限');
  });
});
