/**
 * Quarterly reports (/总结, PRODUCT.md §6) on the example roster with an injected clock: due dates
 * of a program year, the card's draft prefilled with the quarter's figures, draft / submit from
 * the card (refused for a forwarded card or a bad form), attachments sent as files, reminders
 * 7 and 1 days before a due date (once each, not to colleges that submitted) and late reports
 * flagged to the school admin once; the college view (/学院) showing this quarter's report, the next
 * due date and the overdue ones as the clock moves.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { quarterlyReports, reportAttachments, serviceLogs, type Member } from '../src/db/schema/index.js';
import { quarters } from '../src/domain/reports.js';
import { FILE_MAX_BYTES } from '../src/feishu/api.js';
import { bindDirect, sendFile } from './helpers/bot.js';
import { ACCOUNTS, addCommunity, button, cardText, field, pair, program, said, sentTo, startLoop, type Loop } from './helpers/loop.js';

const DAY = 24 * 3600_000;
const ECON_ADMIN = 'ou_report_econ_admin';

let loop: Loop | undefined;
afterEach(async () => {
  await loop?.h.close();
  loop = undefined;
});

function log(l: Loop, m: Member, date: string, item: 'shishi' | 'zoufang' | 'huodong' | 'xiangmu', hours: number, status: 'approved' | 'pending' = 'approved'): void {
  l.h.bot.db.insert(serviceLogs).values({
    memberId: m.id, branchId: m.branchId, collegeId: m.collegeId!, programYearId: program(l.h).id, serviceDate: date, item,
    halfHours: hours * 2, description: 'x', source: 'self', status, dedupeKey: randomUUID(), createdAt: l.h.clock.now(),
  }).run();
}

/** Opens /总结 as the CS 团总支 and returns the card and its report row. */
async function openCard(l: Loop, openId: string = ACCOUNTS.collegeAdmin) {
  const reply = await l.h.say(openId, '/总结');
  const report = l.h.bot.db.select().from(quarterlyReports).all().at(-1)!;
  return { card: reply.content, report };
}

const reportRow = (l: Loop, id: number) => l.h.bot.db.select().from(quarterlyReports).where(eq(quarterlyReports.id, id)).get()!;
const form = (f: Record<string, string>) => ({ formValue: f });
const toastOf = (res: { body?: any }) => res.body?.toast?.content as string | undefined;

async function runJob(l: Loop): Promise<void> {
  await l.h.bot.scheduler.runNow('quarterlyReportReminders');
  await l.h.bot.outbox.drain();
}

describe('quarterly reports', () => {
  it('falls due at the end of each three months from the program start', async () => {
    expect(quarters({ startsOn: '2026-10-01' }).map((q) => [q.startsOn, q.dueOn])).toEqual([
      ['2026-10-01', '2026-12-31'], ['2027-01-01', '2027-03-31'], ['2027-04-01', '2027-06-30'], ['2027-07-01', '2027-09-30'],
    ]);
    expect(quarters({ startsOn: '2025-09-01' }).map((q) => q.dueOn)).toEqual(['2025-11-30', '2026-02-28', '2026-05-31', '2026-08-31']);
    loop = await startLoop();
    const { report } = await openCard(loop);
    expect(report).toMatchObject({ quarterIndex: 1, dueOn: '2026-12-31', status: 'draft', kind: 'summary', programYearId: program(loop.h).id });
  });

  it('prefills the draft with the quarter’s figures of the college only', async () => {
    loop = await startLoop();
    const { m, h } = loop;
    pair(h, m.secretary.branchId!, addCommunity(h, '东湖社区').id);
    log(loop, m.student, '2026-11-10', 'shishi', 2);
    log(loop, m.secretary, '2026-11-18', 'zoufang', 3);
    log(loop, m.student, '2026-11-20', 'huodong', 4, 'pending');
    const econ = bindDirect(h, '2023110101', 'ou_report_econ_secretary');
    log(loop, econ, '2026-11-12', 'xiangmu', 6);
    const { card } = await openCard(loop);
    const body = field(card, 'body')!.default_value as string;
    expect(body).toContain('覆盖率：1/3 个团支部参与（33%），目标 25%');
    expect(body).toContain('本季度认证时长：5 小时');
    expect(body).toContain('实事 1 条、走访 1 条、活动 0 条、项目 0 条');
    expect(field(card, 'title')!.default_value).toBe('计算机科学与工程学院第1季度工作总结');
    expect(said({ msgType: 'interactive', content: card } as any)).toContain('截止 2026-12-31');
  });

  it('saves a draft, then submits it; a submitted report no longer changes', async () => {
    loop = await startLoop();
    const { h, m } = loop;
    const { card, report } = await openCard(loop);
    const saved = await h.click(ACCOUNTS.collegeAdmin, button(card, 'report.save'), form({ kind: 'plan', title: '下阶段计划', body: '走访十户' }));
    expect(toastOf(saved)).toBe('草稿已保存。');
    expect(reportRow(loop, report.id)).toMatchObject({ status: 'draft', kind: 'plan', title: '下阶段计划', body: '走访十户', submittedAt: null });

    const submitted = await h.click(ACCOUNTS.collegeAdmin, button(card, 'report.submit'), form({ kind: 'summary', title: '第一季度总结', body: '完成结对' }));
    expect(toastOf(submitted)).toBe('已提交第1季度工作总结。');
    expect(reportRow(loop, report.id)).toMatchObject({ status: 'submitted', kind: 'summary', title: '第一季度总结', late: false, submittedByMemberId: m.collegeAdmin.id, submittedAt: h.clock.now() });

    const again = await h.click(ACCOUNTS.collegeAdmin, button(card, 'report.save'), form({ kind: 'plan', title: '改', body: '改' }));
    expect(toastOf(again)).toContain('已经提交');
    expect(reportRow(loop, report.id)).toMatchObject({ status: 'submitted', title: '第一季度总结' });
  });

  it('refuses a bad form, a student and another college’s 团总支 clicking a forwarded card', async () => {
    loop = await startLoop();
    const { h } = loop;
    const { card, report } = await openCard(loop);
    const before = reportRow(loop, report.id);
    const noTitle = await h.click(ACCOUNTS.collegeAdmin, button(card, 'report.submit'), form({ kind: 'summary', title: '  ', body: 'x' }));
    expect(toastOf(noTitle)).toContain('请填写标题');
    const tooLong = await h.click(ACCOUNTS.collegeAdmin, button(card, 'report.submit'), form({ kind: 'summary', title: 't', body: 'x'.repeat(5001) }));
    expect(toastOf(tooLong)).toContain('5000');
    const badKind = await h.click(ACCOUNTS.collegeAdmin, button(card, 'report.submit'), form({ kind: 'other', title: 't', body: 'x' }));
    expect(toastOf(badKind)).toContain('类型');
    await h.click(ACCOUNTS.student, button(card, 'report.submit'), form({ kind: 'summary', title: 't', body: 'x' }));
    bindDirect(h, 'T2001', ECON_ADMIN);
    const other = await h.click(ECON_ADMIN, button(card, 'report.submit'), form({ kind: 'summary', title: 't', body: 'x' }));
    expect(toastOf(other)).toContain('其他学院');
    expect(reportRow(loop, report.id)).toEqual(before);
  });

  it('attaches a file the 团总支 sends within 30 minutes of opening the card', async () => {
    loop = await startLoop();
    const { h } = loop;
    const { report } = await openCard(loop);
    const pdf = Buffer.from('%PDF-1.4 report');
    const { reply } = await sendFile(h, ACCOUNTS.collegeAdmin, { name: '总结.pdf', bytes: pdf });
    expect(said(reply)).toContain('已把「总结.pdf」附到第1季度总结');
    expect(h.bot.db.select().from(reportAttachments).where(eq(reportAttachments.reportId, report.id)).all()).toMatchObject([{ fileName: '总结.pdf' }]);
    const exe = await sendFile(h, ACCOUNTS.collegeAdmin, { name: 'x.exe', bytes: Buffer.from('MZ') });
    expect(said(exe.reply)).toContain('只接受');
    // Feishu would refuse to take it back as an attachment: over its 30 MB file limit.
    const huge = await sendFile(h, ACCOUNTS.collegeAdmin, { name: '视频.pdf', bytes: Buffer.alloc(FILE_MAX_BYTES + 1) });
    expect(said(huge.reply)).toBe('附件超过 30 MB，请压缩后再发送。');
    h.clock.advance(31 * 60_000);
    const late = await sendFile(h, ACCOUNTS.collegeAdmin, { name: '补充.pdf', bytes: pdf });
    expect(said(late.reply)).not.toContain('已把');
    expect(h.bot.db.select().from(reportAttachments).all()).toHaveLength(1);
  });

  it('reminds colleges that have not submitted 7 and 1 days before, once each', async () => {
    // 2026-12-24 10:00 Beijing: 7 days before the first due date.
    loop = await startLoop({ now: Date.parse('2026-12-24T02:00:00Z') });
    const { h } = loop;
    bindDirect(h, 'T2001', ECON_ADMIN);
    const { card } = await openCard(loop, ECON_ADMIN);
    await h.click(ECON_ADMIN, button(card, 'report.submit'), form({ kind: 'summary', title: '经管总结', body: 'x' }));
    await runJob(loop);
    await runJob(loop);
    const cs = sentTo(h, ACCOUNTS.collegeAdmin);
    expect(cs.map(said)).toEqual([expect.stringContaining('第1季度工作总结 / 下阶段活动策划将于 2026-12-31 截止（还有 7 天）')]);
    expect(sentTo(h, ECON_ADMIN)).toHaveLength(0);
    h.clock.advance(2 * DAY);
    await runJob(loop);
    expect(sentTo(h, ACCOUNTS.collegeAdmin)).toHaveLength(1);
    h.clock.advance(4 * DAY); // 12-30
    await runJob(loop);
    await runJob(loop);
    expect(sentTo(h, ACCOUNTS.collegeAdmin).map(said)).toEqual([expect.stringContaining('还有 7 天'), expect.stringContaining('还有 1 天')]);
    expect(sentTo(h, ECON_ADMIN)).toHaveLength(0);
    expect(sentTo(h, ACCOUNTS.schoolAdmin)).toHaveLength(0);
  });

  it('flags late reports to the school admin once: not submitted by the due date, or submitted after it', async () => {
    // 2027-01-01 10:00 Beijing, the day after the first due date.
    loop = await startLoop({ now: Date.parse('2027-01-01T02:00:00Z') });
    const { h } = loop;
    bindDirect(h, 'T2001', ECON_ADMIN);
    const { card } = await openCard(loop, ECON_ADMIN);
    const res = await h.click(ECON_ADMIN, button(card, 'report.submit'), form({ kind: 'summary', title: '经管总结', body: 'x' }));
    expect(toastOf(res)).toContain('逾期');
    expect(h.bot.db.select().from(quarterlyReports).all()).toMatchObject([{ late: true, status: 'submitted' }]);
    await runJob(loop);
    await runJob(loop);
    const flags = sentTo(h, ACCOUNTS.schoolAdmin).map(said);
    expect(flags).toHaveLength(2);
    expect(flags).toContainEqual(expect.stringContaining('计算机科学与工程学院 第1季度总结截止 2026-12-31，截止时仍未提交'));
    expect(flags).toContainEqual(expect.stringContaining('经济管理学院 第1季度总结截止 2026-12-31，于 2027-01-01 逾期提交'));
    // The CS college submits late afterwards: already flagged, not told again.
    const cs = await openCard(loop);
    await h.click(ACCOUNTS.collegeAdmin, button(cs.card, 'report.submit'), form({ kind: 'summary', title: '计科总结', body: 'x' }));
    h.clock.advance(DAY);
    await runJob(loop);
    expect(sentTo(h, ACCOUNTS.schoolAdmin)).toHaveLength(2);
    expect(sentTo(h, ACCOUNTS.collegeAdmin)).toHaveLength(0);
  });

  it('/学院 shows this quarter’s report, the next due date and the overdue ones as the clock moves', async () => {
    loop = await startLoop(); // 2026-11-25, first quarter
    const { h } = loop;
    const view = async () => cardText((await h.say(ACCOUNTS.collegeAdmin, '/学院')).content);
    const submit = async (title: string) => {
      const { card } = await openCard(loop!);
      await h.click(ACCOUNTS.collegeAdmin, button(card, 'report.submit'), form({ kind: 'summary', title, body: 'x' }));
    };
    let text = await view();
    expect(text).toContain('**季度总结**\n本季度（第1季度，2026-10-01 至 2026-12-31）：尚未填写\n下一个截止：第1季度 2026-12-31（还有 36 天）');
    expect(text).not.toContain('逾期未交');

    h.clock.advance(56 * DAY); // 2027-01-20, second quarter; the first was never submitted
    text = await view();
    expect(text).toContain('本季度（第2季度，2027-01-01 至 2027-03-31）：尚未填写\n下一个截止：第2季度 2027-03-31（还有 70 天）\n❌ 逾期未交：第1季度（截止 2026-12-31）。');

    await submit('补交第一季度'); // /总结 opens the overdue quarter first
    text = await view();
    expect(text).not.toContain('逾期未交');
    await submit('第二季度');
    text = await view();
    expect(text).toContain('本季度（第2季度，2027-01-01 至 2027-03-31）：✅ 已提交\n下一个截止：第3季度 2027-06-30（还有 161 天）');
    expect(h.bot.db.select().from(quarterlyReports).all().map((r) => [r.quarterIndex, r.late])).toEqual([[1, true], [2, false]]);
  });
});
