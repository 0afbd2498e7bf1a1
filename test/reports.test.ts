/**
 * Quarterly reports (/总结, PRODUCT.md §6) on the example roster with an injected clock: due dates
 * of a program year, the card's draft prefilled with the quarter's figures, draft / submit from
 * the card (refused for a forwarded card or a bad form), attachments sent as files, reminders
 * 7 and 1 days before a due date (once each, not to colleges that submitted) and late reports
 * flagged to the school admin once; the college view (/学院) showing this quarter's report, the next
 * due date and the overdue ones as the clock moves; the text carried in fields of at most 1000
 * characters (Feishu's input limit) and stored again exactly as the card showed it.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { quarterlyReports, reportAttachments, serviceLogs, type Member } from '../src/db/schema/index.js';
import { joinReportBody, splitReportBody } from '../src/cards/reports.js';
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
    const body = field(card, 'body_1')!.default_value as string;
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
    const saved = await h.click(ACCOUNTS.collegeAdmin, button(card, 'report.save'), form({ kind: 'plan', title: '下阶段计划', body_1: '走访十户' }));
    expect(toastOf(saved)).toBe('草稿已保存。');
    expect(reportRow(loop, report.id)).toMatchObject({ status: 'draft', kind: 'plan', title: '下阶段计划', body: '走访十户', submittedAt: null });

    const submitted = await h.click(ACCOUNTS.collegeAdmin, button(card, 'report.submit'), form({ kind: 'summary', title: '第一季度总结', body_1: '完成结对' }));
    expect(toastOf(submitted)).toBe('已提交第1季度工作总结。');
    expect(reportRow(loop, report.id)).toMatchObject({ status: 'submitted', kind: 'summary', title: '第一季度总结', late: false, submittedByMemberId: m.collegeAdmin.id, submittedAt: h.clock.now() });

    const again = await h.click(ACCOUNTS.collegeAdmin, button(card, 'report.save'), form({ kind: 'plan', title: '改', body_1: '改' }));
    expect(toastOf(again)).toContain('已经提交');
    expect(reportRow(loop, report.id)).toMatchObject({ status: 'submitted', title: '第一季度总结' });
  });

  it('refuses a bad form, a student and another college’s 团总支 clicking a forwarded card', async () => {
    loop = await startLoop();
    const { h } = loop;
    const { card, report } = await openCard(loop);
    const before = reportRow(loop, report.id);
    const noTitle = await h.click(ACCOUNTS.collegeAdmin, button(card, 'report.submit'), form({ kind: 'summary', title: '  ', body_1: 'x' }));
    expect(toastOf(noTitle)).toContain('请填写标题');
    // Five full fields are 5004 characters with the line breaks between them.
    const full = Object.fromEntries([1, 2, 3, 4, 5].map((n) => [`body_${n}`, 'x'.repeat(1000)]));
    const tooLong = await h.click(ACCOUNTS.collegeAdmin, button(card, 'report.submit'), form({ kind: 'summary', title: 't', ...full }));
    expect(toastOf(tooLong)).toBe('总结没有保存：正文合计 5004 字，超过了 5000 字的上限，请删减；更长的材料可以作为附件发给我。');
    const badKind = await h.click(ACCOUNTS.collegeAdmin, button(card, 'report.submit'), form({ kind: 'other', title: 't', body_1: 'x' }));
    expect(toastOf(badKind)).toContain('类型');
    await h.click(ACCOUNTS.student, button(card, 'report.submit'), form({ kind: 'summary', title: 't', body_1: 'x' }));
    bindDirect(h, 'T2001', ECON_ADMIN);
    const other = await h.click(ECON_ADMIN, button(card, 'report.submit'), form({ kind: 'summary', title: 't', body_1: 'x' }));
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
    await h.click(ECON_ADMIN, button(card, 'report.submit'), form({ kind: 'summary', title: '经管总结', body_1: 'x' }));
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
    const res = await h.click(ECON_ADMIN, button(card, 'report.submit'), form({ kind: 'summary', title: '经管总结', body_1: 'x' }));
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
    await h.click(ACCOUNTS.collegeAdmin, button(cs.card, 'report.submit'), form({ kind: 'summary', title: '计科总结', body_1: 'x' }));
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
      await h.click(ACCOUNTS.collegeAdmin, button(card, 'report.submit'), form({ kind: 'summary', title, body_1: 'x' }));
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

/** Every tagged object of a card (components, with their nested texts). */
function tagged(node: unknown, out: Record<string, any>[] = []): Record<string, any>[] {
  if (Array.isArray(node)) for (const x of node) tagged(x, out);
  else if (node && typeof node === 'object') {
    if (typeof (node as any).tag === 'string') out.push(node as Record<string, any>);
    for (const v of Object.values(node)) tagged(v, out);
  }
  return out;
}

/** The text's fields of a report card, in order. */
const bodyFields = (card: unknown) => tagged(card).filter((o) => o.tag === 'input' && /^body_\d+$/.test(o.name));

/** The form as Feishu submits it when nothing was changed: every field with the value it shows. */
function unchanged(card: unknown): Record<string, string> {
  const out: Record<string, string> = { kind: field(card, 'kind')!.initial_option, title: field(card, 'title')!.default_value ?? '' };
  for (const f of bodyFields(card)) out[f.name] = f.default_value ?? '';
  return out;
}

/** Chinese prose of exactly `length` characters without line breaks, a sentence end every `sentence` characters (0: none). */
function prose(length: number, seed = 0, sentence = 30): string {
  const chars = '社区走访志愿服务居民活动反诈宣传结对帮扶团支部开展实践';
  let s = '';
  for (let i = 0; s.length < length; i++) s += sentence && (i + 1) % sentence === 0 ? '。' : chars[(i * 7 + seed) % chars.length];
  return s;
}

/** Split, then joined as the card's fields come back unchanged. */
function roundTrip(text: string): string {
  const parts = splitReportBody(text);
  return joinReportBody(parts.map((p, i) => ({ n: i + 1, text: p.text })), new Set(parts.flatMap((p, i) => (p.glued ? [i + 1] : []))));
}

describe('the report text in fields of at most 1000 characters', () => {
  it('packs whole paragraphs, cuts a long one after a sentence end or else at 1000, and joins back to the same text', () => {
    const [a, b, c, d] = [prose(300), prose(500, 1), prose(400, 2), prose(150, 3)];
    expect(splitReportBody([a, b, c, d].join('\n'))).toEqual([{ text: `${a}\n${b}`, glued: false }, { text: `${c}\n${d}`, glued: false }]);

    const long = prose(2500, 4); // a sentence end every 30 characters: the last one within 1000 is at 990
    const parts = splitReportBody(long);
    expect(parts.map((p) => [p.text.length, p.text.at(-1), p.glued])).toEqual([[990, '。', false], [990, '。', true], [520, long.at(-1), true]]);
    expect(splitReportBody('甲'.repeat(1500)).map((p) => [p.text.length, p.glued])).toEqual([[1000, false], [500, true]]);

    for (const text of [[a, b, c, d].join('\n'), long, '甲'.repeat(1500), `${a}\n${long}\n${b}`]) expect(roundTrip(text)).toBe(text);
  });

  it('fits any text of up to 5000 characters in five non-empty fields and joins it back exactly', () => {
    const texts = [
      Array.from({ length: 9 }, (_, i) => prose(i === 8 ? 192 : 600, i)).join('\n'), // 5000: paragraph packing alone would need 9 fields
      prose(5000, 5, 0), // no line break, no sentence end
      prose(5000, 6, 70),
      `${'甲'.repeat(1000)}\n`, // a line break ending the text after a full field
      `${'甲'.repeat(1000)}\n\n${'乙'.repeat(10)}`, // a blank line where the fields meet
      `\n\n${prose(1200, 7)}\n\n`,
      `a${'😀'.repeat(1200)}`, // a hard cut never splits a surrogate pair
      '\n'.repeat(1001),
      '',
    ];
    for (const text of texts) {
      const parts = splitReportBody(text);
      expect(parts.length).toBeLessThanOrEqual(5);
      for (const p of parts) {
        expect(p.text.length).toBeGreaterThan(0);
        expect(p.text.length).toBeLessThanOrEqual(1000);
        expect(p.text).not.toMatch(/^[\udc00-\udfff]|[\ud800-\udbff]$/);
      }
      expect(roundTrip(text)).toBe(text);
    }
  });

  it('shows no input that takes more than 1000 characters or holds more than it takes', async () => {
    loop = await startLoop();
    const { card: draftCard, report } = await openCard(loop);
    loop.h.bot.db.update(quarterlyReports).set({ body: Array.from({ length: 9 }, (_, i) => prose(i === 8 ? 192 : 600, i)).join('\n') }).where(eq(quarterlyReports.id, report.id)).run();
    const { card: fullCard } = await openCard(loop);
    for (const card of [draftCard, fullCard]) {
      const inputs = tagged(card).filter((o) => o.tag === 'input');
      expect(bodyFields(card).map((f) => f.name)).toEqual(['body_1', 'body_2', 'body_3', 'body_4', 'body_5']);
      for (const i of inputs) {
        expect(Number.isInteger(i.max_length) && i.max_length >= 1 && i.max_length <= 1000, `${i.name}.max_length ${i.max_length}`).toBe(true);
        expect([...(i.default_value ?? '')].length, `${i.name}.default_value`).toBeLessThanOrEqual(i.max_length);
        expect((i.default_value ?? '').length, `${i.name}.default_value`).toBeLessThanOrEqual(i.max_length);
      }
      const names = tagged(card).filter((o) => o.tag !== 'plain_text' && typeof o.name === 'string').map((o) => o.name);
      expect(new Set(names).size).toBe(names.length);
      expect(bodyFields(card).map((f) => f.label.content)).toEqual(['正文第1段', '正文第2段', '正文第3段', '正文第4段', '正文第5段']);
      expect(cardText(card)).toContain('每段最多 1000 字');
      expect(cardText(card)).toContain('作为附件发给我');
    }
    expect(bodyFields(fullCard).every((f) => f.default_value)).toBe(true);
  });

  it('stores the prefilled draft saved unchanged exactly as the card showed it', async () => {
    loop = await startLoop();
    const { card, report } = await openCard(loop);
    const shown = field(card, 'body_1')!.default_value as string;
    expect(shown).toMatch(/^【第1季度数据/);
    expect(bodyFields(card).slice(1).map((f) => f.default_value)).toEqual([undefined, undefined, undefined, undefined]);
    await loop.h.click(ACCOUNTS.collegeAdmin, button(card, 'report.save'), form(unchanged(card)));
    expect(reportRow(loop, report.id).body).toBe(shown);
  });

  it('saves a 4,500-character draft typed into the five fields and reopens it identical', async () => {
    loop = await startLoop();
    const { h } = loop;
    const { card, report } = await openCard(loop);
    // Each field a few paragraphs; 4 × 900 + 896 characters and the four line breaks between fields.
    const typed = Object.fromEntries([1, 2, 3, 4, 5].map((n) => [`body_${n}`, [prose(300, n), prose(n === 5 ? 294 : 298, n + 10), prose(300, n + 20)].join('\n')]));
    const saved = await h.click(ACCOUNTS.collegeAdmin, button(card, 'report.save'), form({ kind: 'summary', title: '第一季度总结', ...typed }));
    expect(toastOf(saved)).toBe('草稿已保存。');
    const text = Object.values(typed).join('\n');
    expect(text).toHaveLength(4500);
    expect(reportRow(loop, report.id).body).toBe(text);

    const reopened = (await openCard(loop)).card;
    expect(bodyFields(reopened).map((f) => (f.default_value as string).length).every((n) => n <= 1000)).toBe(true);
    await h.click(ACCOUNTS.collegeAdmin, button(reopened, 'report.save'), form(unchanged(reopened)));
    expect(reportRow(loop, report.id).body).toBe(text);
    const again = (await openCard(loop)).card;
    expect(unchanged(again)).toEqual(unchanged(reopened));
  });

  it('gives back a stored paragraph over 1000 characters unchanged, cut mid-paragraph or not', async () => {
    loop = await startLoop();
    const { h } = loop;
    const { report } = await openCard(loop);
    // An introduction, a 2,600-character paragraph of sentences, a 1,200-character list without a sentence end.
    const names = Array.from({ length: 240 }, (_, i) => `志愿者${String(i).padStart(3, '0')}`).join('、').slice(0, 1200);
    const text = [prose(80, 1), prose(2600, 2), names].join('\n');
    h.bot.db.update(quarterlyReports).set({ body: text }).where(eq(quarterlyReports.id, report.id)).run();
    const { card } = await openCard(loop);
    const fields = bodyFields(card).map((f) => f.default_value as string);
    expect(fields).toHaveLength(5);
    expect(fields[0]).toBe(prose(80, 1));
    expect(fields[1]).toMatch(/。$/); // the long paragraph cut after a sentence end, not mid-sentence
    expect(button(card, 'report.save').p?.g).toBeTruthy(); // the card says which fields go on a paragraph
    await h.click(ACCOUNTS.collegeAdmin, button(card, 'report.submit'), form(unchanged(card)));
    expect(reportRow(loop, report.id)).toMatchObject({ status: 'submitted', body: text });
  });

  it('refuses a field over 1000 characters, saying what to do, and changes nothing', async () => {
    loop = await startLoop();
    const { h } = loop;
    const { card, report } = await openCard(loop);
    await h.click(ACCOUNTS.collegeAdmin, button(card, 'report.save'), form({ kind: 'summary', title: '第一季度总结', body_1: '走访十户' }));
    const before = reportRow(loop, report.id);
    const res = await h.click(ACCOUNTS.collegeAdmin, button(card, 'report.submit'), form({ kind: 'summary', title: '改', body_1: '改', body_2: '长'.repeat(1001) }));
    expect(toastOf(res)).toBe('总结没有保存：正文第2段有 1001 字，超过了每段 1000 字的上限，请把多出的内容移到空着的段里；更长的材料可以作为附件发给我。');
    const odd = await h.click(ACCOUNTS.collegeAdmin, button(card, 'report.save'), { formValue: { kind: 'summary', title: '改', body_3: ['改'] } });
    expect(toastOf(odd)).toContain('正文第3段的内容无法读取');
    expect(reportRow(loop, report.id)).toEqual(before);
  });

  it('keeps the submitted card of a 5000-character text under 30 KB, escaping included', async () => {
    loop = await startLoop();
    const { h } = loop;
    const { card, report } = await openCard(loop);
    // Every character one that card markdown escapes to five bytes.
    const marks = '&*_[]()#|`~\\<>';
    const worst = (n: number) => Array.from({ length: n }, (_, i) => marks[i % marks.length]).join('');
    const fields = Object.fromEntries([1, 2, 3, 4, 5].map((n) => [`body_${n}`, worst(n === 5 ? 996 : 1000)]));
    const res = await h.click(ACCOUNTS.collegeAdmin, button(card, 'report.submit'), form({ kind: 'summary', title: worst(100), ...fields }));
    expect(toastOf(res)).toBe('已提交第1季度工作总结。');
    expect(reportRow(loop, report.id).body).toHaveLength(5000);
    const shown = res.body.card.data;
    expect(Buffer.byteLength(JSON.stringify(shown))).toBeLessThan(30 * 1024);
  });
});
