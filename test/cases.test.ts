/**
 * Excellent cases (/优秀案例, PRODUCT.md §6): a school admin marks any approved log or submitted
 * report, a 团总支 only their own college's; each case is announced once in every bound college
 * group (names, never student numbers; the citation escaped) and listed in the next digest; bad
 * input is refused with a message and changes nothing.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { colleges, excellentCases, outbox, quarterlyReports, serviceLogs, type Member } from '../src/db/schema/index.js';
import { bindDirect } from './helpers/bot.js';
import { t } from '../src/text/zh-CN.js';
import { ACCOUNTS, button, cardText, program, startLoop, type Loop } from './helpers/loop.js';

const CS_CHAT = 'oc_case_cs';
const ECON_CHAT = 'oc_case_econ';

let loop: Loop | undefined;
afterEach(async () => {
  await loop?.h.close();
  loop = undefined;
});

function log(l: Loop, m: Member, status: 'approved' | 'pending' = 'approved'): number {
  return l.h.bot.db.insert(serviceLogs).values({
    memberId: m.id, branchId: m.branchId, collegeId: m.collegeId!, programYearId: program(l.h).id, serviceDate: '2026-11-20', item: 'huodong',
    halfHours: 4, description: 'x', source: 'self', status, dedupeKey: randomUUID(), createdAt: l.h.clock.now(),
  }).returning().get().id;
}

async function seeded(): Promise<Loop> {
  const l = await startLoop();
  l.h.bot.db.update(colleges).set({ chatId: CS_CHAT }).where(eq(colleges.name, '计算机科学与工程学院')).run();
  l.h.bot.db.update(colleges).set({ chatId: ECON_CHAT }).where(eq(colleges.name, '经济管理学院')).run();
  return l;
}

const groupCards = (l: Loop, chatId: string) => l.h.fake.messages.filter((m) => m.kind === 'send' && m.receiveId === chatId);
const cases = (l: Loop) => l.h.bot.db.select().from(excellentCases).all();
/** Cases, and the broadcasts written to group chats (answers to the actor are replies, or private). */
const state = (l: Loop) => ({
  cases: cases(l).length,
  broadcasts: l.h.bot.db.select().from(outbox).where(and(eq(outbox.receiveIdType, 'chat_id'), isNull(outbox.replyTo))).all().length,
});
const text = async (l: Loop, openId: string, msg: string) => {
  const reply = await l.h.say(openId, msg);
  return reply.msgType === 'text' ? (reply.content.text as string) : cardText(reply.content);
};

describe('excellent cases', () => {
  it('a school admin marks a log; it is announced once in every bound college group, names only', async () => {
    loop = await seeded();
    const { h, m } = loop;
    const id = log(loop, m.student);
    expect(await text(loop, ACCOUNTS.schoolAdmin, `/优秀案例 记录 ${id} 深入社区<at id=all></at>开展*反诈*宣传`)).toBe('已标为优秀案例，并推送到 2 个学院群。');
    await h.bot.outbox.drain();
    expect(cases(loop)).toMatchObject([{ subjectKind: 'log', subjectId: id, citation: '深入社区<at id=all></at>开展*反诈*宣传', markedByMemberId: m.schoolAdmin.id }]);
    expect(cases(loop)[0]!.publicisedAt).toBe(h.clock.now());
    for (const chat of [CS_CHAT, ECON_CHAT]) {
      const sent = groupCards(loop, chat);
      expect(sent).toHaveLength(1);
      const shown = cardText(sent[0]!.content);
      expect(shown).toContain('李浩然');
      expect(shown).toContain('计科2301团支部');
      expect(shown).not.toContain('2023010102');
      expect(shown).not.toContain('<at');
      expect(sent[0]!.uuid).toBe(`case:${cases(loop)[0]!.id}:college:${chat === CS_CHAT ? h.bot.db.select().from(colleges).where(eq(colleges.chatId, CS_CHAT)).get()!.id : h.bot.db.select().from(colleges).where(eq(colleges.chatId, ECON_CHAT)).get()!.id}`);
    }
    // Marked again: refused, nothing more is sent.
    expect(await text(loop, ACCOUNTS.schoolAdmin, `/case log ${id} again`)).toContain('已经是优秀案例');
    await h.bot.outbox.drain();
    expect(groupCards(loop, CS_CHAT)).toHaveLength(1);
    expect(cases(loop)).toHaveLength(1);
  });

  it('a 团总支 marks only their own college’s logs and reports', async () => {
    loop = await seeded();
    const { h, m } = loop;
    const econ = bindDirect(h, '2023110101', 'ou_case_econ_secretary');
    const econLog = log(loop, econ);
    const ownLog = log(loop, m.secretary);
    const before = state(loop);
    expect(await text(loop, ACCOUNTS.collegeAdmin, `/优秀案例 记录 ${econLog} 很好`)).toContain('只能把本学院');
    expect(state(loop)).toEqual(before);
    expect(await text(loop, ACCOUNTS.collegeAdmin, `/优秀案例 记录 ${ownLog} 很好`)).toContain('已标为优秀案例');
    const [cs, ec] = ['计算机科学与工程学院', '经济管理学院'].map((name) => h.bot.db.select().from(colleges).where(eq(colleges.name, name)).get()!.id);
    const report = (collegeId: number, status: 'draft' | 'submitted') => h.bot.db.insert(quarterlyReports)
      .values({ collegeId, programYearId: program(h).id, quarterIndex: status === 'draft' ? 2 : 1, dueOn: '2026-12-31', kind: 'summary', title: `总结${collegeId}`, body: 'x', status })
      .returning().get().id;
    const econReport = report(ec!, 'submitted');
    const ownReport = report(cs!, 'submitted');
    const draft = report(cs!, 'draft');
    expect(await text(loop, ACCOUNTS.collegeAdmin, `/优秀案例 总结 ${econReport} 好`)).toContain('只能把本学院');
    expect(await text(loop, ACCOUNTS.collegeAdmin, `/优秀案例 总结 ${draft} 好`)).toContain('还没有提交');
    expect(await text(loop, ACCOUNTS.collegeAdmin, `/优秀案例 总结 ${ownReport} 总结扎实`)).toContain('已标为优秀案例');
    await h.bot.outbox.drain();
    expect(groupCards(loop, ECON_CHAT).map((s) => cardText(s.content)).join('\n')).toContain(`总结${cs}`);
    expect(cases(loop).map((c) => [c.subjectKind, c.subjectId])).toEqual([['log', ownLog], ['report', ownReport]]);
  });

  it('/优秀案例 alone lists the admin\'s approved logs and submitted reports with their numbers; the form marks one', async () => {
    loop = await seeded();
    const { h, m } = loop;
    const econ = bindDirect(h, '2023110101', 'ou_case_econ_picker');
    const econLog = log(loop, econ);
    const pending = log(loop, m.student, 'pending');
    const ownLog = log(loop, m.secretary);
    const reply = await h.say(ACCOUNTS.collegeAdmin, '/优秀案例');
    const shown = cardText(reply.content);
    expect(shown).toContain(t('case.pickerLog', { id: ownLog, date: '2026-11-20', item: '活动', hours: 2, name: '王梓涵', unit: '计科2301团支部', description: 'x' }));
    // Not another college's, not a pending one; never a student number.
    expect(shown).not.toContain(`#${econLog}`);
    expect(shown).not.toContain(`#${pending}`);
    expect(JSON.stringify(reply.content)).not.toMatch(/2023\d{6}/);

    const pick = button(reply.content, 'case.pick');
    const before = state(loop);
    const noCitation = await h.click(ACCOUNTS.collegeAdmin, pick, { formValue: { subject: `log:${ownLog}`, citation: ' ' } });
    expect(noCitation.body).toEqual({ toast: { type: 'error', content: t('case.citationRequired') } });
    const someoneElses = await h.click(ACCOUNTS.collegeAdmin, pick, { formValue: { subject: `log:${econLog}`, citation: '很好' } });
    expect(someoneElses.body.toast.type).toBe('error');
    expect(state(loop)).toEqual(before);

    const done = await h.click(ACCOUNTS.collegeAdmin, pick, { formValue: { subject: `log:${ownLog}`, citation: '深入社区，居民点赞' } });
    expect(done.body.toast).toEqual({ type: 'success', content: t('case.marked', { groups: 2 }) });
    expect(cases(loop).map((c) => [c.subjectKind, c.subjectId, c.citation])).toEqual([['log', ownLog, '深入社区，居民点赞']]);
    // Marked: no longer offered.
    expect(cardText(done.body.card.data)).not.toContain(`#${ownLog} `);
  });

  it('refuses bad input and students, changing nothing', async () => {
    loop = await seeded();
    const { m } = loop;
    const id = log(loop, m.student);
    const pending = log(loop, m.student, 'pending');
    const before = state(loop);
    expect(await text(loop, ACCOUNTS.schoolAdmin, '/优秀案例')).toContain(t('case.pickerTitle'));
    expect(await text(loop, ACCOUNTS.schoolAdmin, '/优秀案例 照片 1 好')).toContain('「记录」或「总结」');
    expect(await text(loop, ACCOUNTS.schoolAdmin, '/优秀案例 记录 abc 好')).toContain('/优秀案例 记录');
    expect(await text(loop, ACCOUNTS.schoolAdmin, `/优秀案例 记录 ${id}`)).toContain('引语');
    expect(await text(loop, ACCOUNTS.schoolAdmin, `/优秀案例 记录 ${id} ${'好'.repeat(201)}`)).toContain('200');
    expect(await text(loop, ACCOUNTS.schoolAdmin, '/优秀案例 记录 99999 好')).toContain('找不到编号为 99999');
    expect(await text(loop, ACCOUNTS.schoolAdmin, `/优秀案例 记录 ${pending} 好`)).toContain('还没有通过审核');
    await text(loop, ACCOUNTS.student, `/优秀案例 记录 ${id} 好`);
    await text(loop, ACCOUNTS.secretary, `/优秀案例 记录 ${id} 好`);
    await loop.h.bot.outbox.drain();
    expect(state(loop)).toEqual(before);
  });

  it('is listed in the next digest of the college groups', async () => {
    loop = await seeded();
    const { h, m } = loop;
    const id = log(loop, m.student);
    await text(loop, ACCOUNTS.schoolAdmin, `/优秀案例 记录 ${id} 社区表扬信`);
    await text(loop, ACCOUNTS.schoolAdmin, '/周报');
    await h.bot.outbox.drain();
    const digests = groupCards(loop, ECON_CHAT).map((s) => cardText(s.content));
    expect(digests).toHaveLength(2);
    expect(digests[1]).toContain('社区表扬信');
  });
});
