/**
 * Roster import through the bot (PRODUCT.md §7, §8): a 团委 sends the file in a private chat;
 * the bot downloads it, answers with a preview card and applies it only when the 团委 chooses a
 * full or partial import on that card.
 */
import fs from 'node:fs';
import { isNotNull } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { members } from '../src/db/schema/index.js';
import { importRosterFile } from '../src/app/import/roster.js';
import { t } from '../src/text/zh-CN.js';
import { ask, memberByNo, sendFile } from './helpers/bot.js';
import { startHarness, textOf, type Harness } from './helpers/harness.js';
import { answerCard, button, cardText, said } from './helpers/loop.js';

const ADMIN = 'ou_roster_admin';
const STUDENT = 'ou_roster_student';
const HEADER = '学院,团支部,学号,姓名,角色,手机,飞书ID';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
  // A bootstrap roster: the 团委 and one student, bound by 飞书ID on their first message.
  await importRosterFile(h.bot.db, Buffer.from(`${HEADER}\n,,T0001,刘建华,团委,,${ADMIN}\n测试学院,测试团支部,S0001,测试生,学生,,${STUDENT}\n`), 'boot.csv', h.clock.now());
});
afterAll(() => h.close());

const memberCount = () => h.bot.db.select().from(members).all().length;

/** Sends a roster and chooses on its preview card; returns the preview's text and the answer card's. */
async function importThroughCard(file: { name: string; bytes: Buffer }, mode: 'full' | 'partial' = 'partial') {
  const before = memberCount();
  const { reply } = await sendFile(h, ADMIN, file);
  expect(reply.msgType).toBe('interactive');
  expect(memberCount()).toBe(before); // a preview applies nothing
  const res = await h.click(ADMIN, button(reply.content, 'roster.apply', { m: mode }), { messageId: reply.messageId });
  return { preview: said(reply), done: cardText(answerCard(res)), res };
}
const downloads = () => h.fake.calls.filter((c) => c.path.includes('/resources/')).length;

describe('a roster file sent to the bot', () => {
  it('from a student: the not-admin hint, nothing downloaded or imported', async () => {
    const before = memberCount();
    const { reply } = await sendFile(h, STUDENT, { name: 'roster.csv', bytes: fs.readFileSync('examples/roster.csv') });
    expect(textOf(reply)).toBe(t('hint.fileNotAdmin'));
    expect(memberCount()).toBe(before);
    expect(downloads()).toBe(0);
  });

  it('from someone not on the roster: the same hint', async () => {
    const before = memberCount();
    const { reply } = await sendFile(h, 'ou_roster_stranger', { name: 'roster.csv', bytes: fs.readFileSync('examples/roster.csv') });
    expect(textOf(reply)).toBe(t('hint.fileNotAdmin'));
    expect(memberCount()).toBe(before);
    expect(downloads()).toBe(0);
  });

  it('a .txt file from the 团委: the file-type hint, nothing imported', async () => {
    const before = memberCount();
    const { reply } = await sendFile(h, ADMIN, { name: 'roster.txt', bytes: fs.readFileSync('examples/roster.csv') });
    expect(textOf(reply)).toBe(t('hint.fileType'));
    expect(memberCount()).toBe(before);
  });

  it('a CSV from the 团委: a preview, then on confirmation the summary, and the members exist', async () => {
    const { preview, done: text } = await importThroughCard({ name: 'roster.csv', bytes: fs.readFileSync('examples/roster.csv') });
    expect(preview).toContain('名单预览：roster.csv（共 19 行，尚未导入）');
    expect(preview).toContain('新增 18 人');
    expect(preview).not.toMatch(/138\s?0000/);
    expect(text).toContain('名单导入完成：共读取 19 行名单');
    expect(text).toContain('新增 18 人');
    expect(text).toContain('新建学院 2 个，新建团支部 6 个');
    expect(text).toContain('所有行均已导入');
    expect(text).not.toMatch(/138\s?0000/); // no phone numbers in the chat
    expect(memberByNo(h, '2023130102')).toMatchObject({ name: '谢宇辰', role: 'student', mobile: '13800003322' });
    expect(memberByNo(h, 'T1001')).toMatchObject({ name: '陈晓东', role: 'college_admin' });
    // The import kept the 团委's binding (import never writes open_id).
    expect(memberByNo(h, 'T0001').openId).toBe(ADMIN);
  });

  it('a bad row is reported with its line number and the good rows still import', async () => {
    const csv = [
      HEADER,
      '经济管理学院,会计2301团支部,2023110199,新同学甲,学生,,',
      '经济管理学院,会计2301团支部,2023110198,新同学乙,班长,,',
      '经济管理学院,会计2301团支部,2023110197,新同学丙,学生,12345,',
      '经济管理学院,会计2301团支部,2023110196,新同学丁,学生,,',
    ].join('\n');
    const { preview, done: text } = await importThroughCard({ name: '补充名单.csv', bytes: Buffer.from(csv) });
    expect(preview).toContain('以下 2 行有误');
    expect(preview).toContain('第 3 行：角色“班长”无效');
    expect(text).toContain('以下 2 行未导入');
    expect(text).toContain('第 3 行：角色“班长”无效');
    expect(text).toContain('第 4 行：手机号格式不对');
    expect(memberByNo(h, '2023110199').name).toBe('新同学甲');
    expect(memberByNo(h, '2023110196').name).toBe('新同学丁');
    expect(h.bot.db.select().from(members).all().some((m) => m.studentNo === '2023110198' || m.studentNo === '2023110197')).toBe(false);
  });

  it('an .xlsx roster imports too', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('名单');
    sheet.addRow(HEADER.split(','));
    sheet.addRow(['经济管理学院', '电商2301团支部', 2023130199, '表格同学', '学生', '', '']);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const { done } = await importThroughCard({ name: 'roster.XLSX', bytes });
    expect(done).toContain('新增 1 人');
    expect(memberByNo(h, '2023130199').name).toBe('表格同学');
  });

  it('a community list (名称 header) sent by the 团委 imports communities, not members', async () => {
    const members = memberCount();
    const { reply } = await sendFile(h, ADMIN, { name: '服务地.csv', bytes: fs.readFileSync('examples/communities.csv') });
    expect(textOf(reply)).not.toMatch(/名单导入失败/);
    expect(textOf(reply)).not.toMatch(/138\s?0000/);
    expect(h.bot.db.$client.prepare('SELECT count(*) AS n FROM communities').get()).not.toEqual({ n: 0 });
    expect(memberCount()).toBe(members);
  });

  it('a file that cannot be used as a roster says why and imports nothing', async () => {
    const before = memberCount();
    const { reply } = await sendFile(h, ADMIN, { name: 'roster.csv', bytes: Buffer.from('学院,学号,姓名\nA,1,甲\n') });
    expect(textOf(reply)).toMatch(/^名单导入失败：表头缺少必填列：团支部、角色/);
    expect(memberCount()).toBe(before);
  });

  it('after the import, the new members can bind and use the bot', async () => {
    expect(await ask(h, 'ou_roster_new', '/绑定 2023110199 新同学甲')).toContain('绑定成功');
    expect(h.bot.db.select().from(members).where(isNotNull(members.openId)).all().map((m) => m.openId).sort())
      .toEqual([ADMIN, STUDENT, 'ou_roster_new'].sort());
  });
});
