/**
 * The Excel export (issue 5 point 9): `/导出` sends the school admin a workbook as a Feishu
 * file and refuses anyone else; `npm run export` writes the same workbook. Both are read back
 * with exceljs: the eight sheets in order, Chinese headers, frozen header rows, widths, rows.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { communities, communityTags, pairings, serviceLogs, type Item, type Member } from '../src/db/schema/index.js';
import { currentProgramYear } from '../src/domain/program.js';
import { bindDirect, memberByNo } from './helpers/bot.js';
import { startHarness, textOf, type Harness } from './helpers/harness.js';

const SHEETS = ['学院汇总', '团支部明细', '服务记录', '报到记录', '结对协议', '项目清单', '季度总结', '兼任推荐', '学生汇总', '岗位与报名', '服务地', '优秀案例'];

let h: Harness;
let year: number;

function log(member: Member, item: Item, hours: number, status: 'approved' | 'pending' | 'rejected') {
  h.bot.db.insert(serviceLogs).values({
    memberId: member.id, branchId: member.branchId, collegeId: member.collegeId!, programYearId: year, serviceDate: '2026-11-20',
    item, halfHours: hours * 2, description: `辅导作业 ${randomUUID().slice(0, 6)}`, source: 'self', status, dedupeKey: randomUUID(),
  }).run();
}

/**
 * 计科2301 is paired (signed) and has approved logs: the only participating branch of its
 * college's three; of its three members only 李浩然 has an approved log (张雨桐's is pending).
 */
function seed() {
  year = currentProgramYear(h.bot.db, { now: h.clock.now(), tz: h.config.timeZone }).id;
  const community = h.bot.db.insert(communities).values({ name: '幸福社区', normalisedName: '幸福社区', level: 'community' }).returning().get();
  h.bot.db.insert(communityTags).values({ communityId: community.id, tag: 'rural_revitalization_county' }).run();
  const hr = memberByNo(h, '2023010102'); // 李浩然, 计科2301
  const zy = memberByNo(h, '2023010103'); // 张雨桐, 计科2301
  const zym = memberByNo(h, '2023010201'); // 赵一鸣, 计科2302 (no pairing)
  h.bot.db.insert(pairings).values({ branchId: hr.branchId!, communityId: community.id, programYearId: year, status: 'signed', signedOn: '2026-11-05' }).run();
  log(hr, 'shishi', 2, 'approved');
  log(hr, 'zoufang', 1.5, 'approved');
  log(zy, 'huodong', 1, 'pending');
  log(zym, 'shishi', 3, 'approved');
  log(zym, 'xiangmu', 4, 'rejected');
}

async function read(bytes: Buffer | string): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  if (typeof bytes === 'string') await book.xlsx.readFile(bytes);
  else await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return book;
}

function expectWorkbook(book: ExcelJS.Workbook) {
  expect(book.worksheets.map((s) => s.name)).toEqual(SHEETS);
  for (const sheet of book.worksheets) {
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getColumn(1).width).toBeGreaterThan(5);
    expect(String(sheet.getRow(1).getCell(1).value)).toMatch(/[\u4e00-\u9fa5]/);
  }
  const colleges = book.getWorksheet('学院汇总')!;
  expect(colleges.getRow(1).values).toEqual([undefined, '学院', '团支部数', '参与团支部数', '覆盖率', '目标', '是否达标', '已认证时长（小时）', '待审核记录', '待审核时长（小时）', '重点帮扶县结对数', '学生组织数', '已结对学生组织数', '学生组织项目数']);
  expect(colleges.rowCount).toBe(1 + 2 + 1); // header, two colleges, 全校合计
  const cs = colleges.getRow(2).values as unknown[];
  expect(cs.slice(1)).toEqual(['计算机科学与工程学院', 3, 1, 1 / 3, 0.25, '是', 6.5, 1, 1, 1, 0, 0, 0]); // no student organisation in this school
  expect(colleges.getRow(4).getCell(10).value).toBe(1); // 全校合计
  expect(colleges.getRow(2).getCell(4).numFmt).toBe('0.0%');
  expect((colleges.getRow(3).values as unknown[]).slice(1, 5)).toEqual(['经济管理学院', 3, 0, 0]);
  expect((colleges.getRow(4).values as unknown[]).slice(1, 4)).toEqual(['全校合计', 6, 1]);

  const branches = book.getWorksheet('团支部明细')!;
  expect(branches.rowCount).toBe(1 + 6);
  expect((branches.getRow(2).values as unknown[]).slice(1)).toEqual(['计算机科学与工程学院', '计科2301团支部', '幸福社区', '已签约', '是', '✓', '✓', undefined, undefined, '2/4', 3.5, 3, 2]);
  expect((branches.getRow(3).values as unknown[]).slice(1, 6)).toEqual(['计算机科学与工程学院', '计科2302团支部', '未结对', '—', '否']);

  const logs = book.getWorksheet('服务记录')!;
  expect(logs.rowCount).toBe(1 + 5);
  const first = logs.getRow(2).values as unknown[];
  expect(first.slice(2, 13)).toEqual(['2026-11-20', '计算机科学与工程学院', '计科2301团支部', '2023010102', '李浩然', '13800002302', '实事', undefined, undefined, undefined, 2]);
  expect(logs.getRow(6).getCell(15).value).toBe('已驳回');
  expect(book.getWorksheet('结对协议')!.rowCount).toBe(2);
  expect(book.getWorksheet('报到记录')!.rowCount).toBe(1);

  // Everyone on the roster with a college, their approved hours and logs, and what is pending.
  const students = book.getWorksheet('学生汇总')!;
  expect(students.getRow(1).values).toEqual([undefined, '学院', '团支部', '学号', '姓名', '手机', '角色', '已认证时长（小时）', '已通过记录数', '待审核记录']);
  expect(students.rowCount).toBe(1 + 18);
  const li = students.getRows(2, 18)!.find((r) => r.getCell(3).value === '2023010102')!;
  expect((li.values as unknown[]).slice(1)).toEqual(['计算机科学与工程学院', '计科2301团支部', '2023010102', '李浩然', '13800002302', '学生', 3.5, 2, 0]);
  expect(book.getWorksheet('服务地')!.getRow(2).getCell(1).value).toBe('幸福社区');
}

beforeAll(async () => {
  h = await startHarness();
  await h.importRoster();
  bindDirect(h, 'T0001', 'ou_school_admin');
  bindDirect(h, '2023010102', 'ou_student');
  seed();
});
afterAll(() => h.close());

describe('/导出', () => {
  it('sends the school admin the workbook as a file: twelve sheets, Chinese headers, frozen header rows, exact figures', async () => {
    const reply = await h.say('ou_school_admin', '/导出');
    expect(textOf(reply)).toContain('已导出');
    const upload = h.fake.uploads.find((u) => u.kind === 'file');
    expect(upload?.type).toBe('xls');
    expect(upload?.fileName).toMatch(/^社区实践汇总-\d{8}\.xlsx$/);
    const sent = await h.fake.waitFor((m) => m.msgType === 'file', 3000); // sent after the answer
    expect(sent).toMatchObject({ kind: 'send', receiveId: 'ou_school_admin', content: { file_key: upload!.key } });
    expectWorkbook(await read(upload!.bytes));
  });

  it('refuses a student and uploads nothing', async () => {
    const before = h.fake.uploads.length;
    const reply = await h.say('ou_student', '/导出');
    expect(textOf(reply)).toContain('仅限团委');
    expect(h.fake.uploads.length).toBe(before);
  });

  it('says what to do when Feishu does not take the file, and sends nothing', async () => {
    const before = h.fake.messages.filter((m) => m.msgType === 'file').length;
    h.fake.failNext({ method: 'POST', path: '/open-apis/im/v1/files' }, { status: 500, body: { code: 500, msg: 'internal error' } }, 3);
    const reply = await h.say('ou_school_admin', '/导出');
    expect(textOf(reply)).toBe('导出没有完成：文件没能上传到飞书。请稍后重新发送 /导出；如果反复失败，请用服务器上的 npm run export 导出。');
    expect(h.fake.messages.filter((m) => m.msgType === 'file').length).toBe(before);
  });

  it('explains that it takes no arguments', async () => {
    expect(textOf(await h.say('ou_school_admin', '/导出 全部'))).toContain('不需要参数');
  });
});

describe('npm run export', () => {
  it('writes the same workbook from DATABASE_PATH, with progress on stderr', async () => {
    const out = path.join(path.dirname(h.config.databasePath), 'out', 'export.xlsx');
    const res = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/export.ts', out], { encoding: 'utf8', env: { ...process.env, DATABASE_PATH: h.config.databasePath } });
    expect(res.status, res.stderr).toBe(0);
    expect(res.stderr).toContain('服务记录 5/5');
    expect(res.stdout).toContain('已导出');
    const book = await read(out);
    expectWorkbook(book);
    // The answer counts every data row of every sheet (the roster's 18 college members among them).
    const rows = book.worksheets.reduce((n, sheet) => n + sheet.rowCount - 1, 0);
    expect(res.stdout).toContain(`年度，${rows} 行，`);
    expect(fs.statSync(out).size).toBeGreaterThan(1000);
  });

  it('refuses a target that is not .xlsx and explains usage without one', () => {
    const run = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/export.ts', ...args], { encoding: 'utf8', env: { ...process.env, DATABASE_PATH: h.config.databasePath } });
    expect(run([]).status).toBe(1);
    const bad = run(['out.csv']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('.xlsx');
  });
});

describe('a workbook larger than Feishu takes in one file', () => {
  const LIMIT = 400_000;
  let big: Harness;
  let logIds: number[];

  beforeAll(async () => {
    // The same school with thousands of logs, and Feishu's 30 MB file limit scaled down.
    big = await startHarness({ fileMaxBytes: LIMIT });
    await big.importRoster();
    bindDirect(big, 'T0001', 'ou_school_admin');
    const py = currentProgramYear(big.bot.db, { now: big.clock.now(), tz: big.config.timeZone }).id;
    const hr = memberByNo(big, '2023010102');
    big.bot.db.transaction((tx) => {
      for (let i = 0; i < 8_000; i++) {
        tx.insert(serviceLogs).values({
          memberId: hr.id, branchId: hr.branchId, collegeId: hr.collegeId!, programYearId: py, serviceDate: '2026-11-20', item: 'shishi', halfHours: 2,
          description: `第${i}次：${randomUUID()}`, source: 'self', status: 'approved', dedupeKey: randomUUID(),
        }).run();
      }
    });
    logIds = big.bot.db.select({ id: serviceLogs.id }).from(serviceLogs).orderBy(serviceLogs.id).all().map((r) => r.id);
  });
  afterAll(() => big.close());

  it('is sent in parts under the limit, each a whole workbook, every log exactly once, and the answer says what each holds', async () => {
    const reply = textOf(await big.say('ou_school_admin', '/导出'));
    const uploads = big.fake.uploads.filter((u) => u.kind === 'file');
    expect(uploads.length).toBeGreaterThanOrEqual(2);
    expect(reply).toContain(`已分成 ${uploads.length} 个文件`);

    const seen: number[] = [];
    for (const [i, upload] of uploads.entries()) {
      expect(upload.bytes.length).toBeLessThanOrEqual(LIMIT);
      expect(upload.fileName).toMatch(new RegExp(`^社区实践汇总-\\d{8}（${i + 1}／${uploads.length}）\\.xlsx$`));
      const book = await read(upload.bytes);
      const names = book.worksheets.map((s) => s.name);
      if (i === 0) expect(names.slice(0, 3)).toEqual(['学院汇总', '团支部明细', '服务记录']);
      else expect(names[0]).toBe(`服务记录（续${i + 1}）`);
      expect(reply).toContain(`${upload.fileName}：${names.join('、')}`);
      for (const sheet of book.worksheets.filter((s) => s.name.startsWith('服务记录'))) {
        expect(sheet.getRow(1).getCell(1).value).toBe('编号');
        sheet.eachRow((row, n) => n > 1 && seen.push(row.getCell(1).value as number));
      }
      const sent = await big.fake.waitFor((m) => m.msgType === 'file' && (m.content as { file_key?: string }).file_key === upload.key, 3000);
      expect(sent).toMatchObject({ receiveId: 'ou_school_admin' });
    }
    expect(seen).toEqual(logIds);
    const last = (await read(uploads.at(-1)!.bytes)).worksheets.map((s) => s.name);
    expect(last.slice(-9)).toEqual(['报到记录', '结对协议', '项目清单', '季度总结', '兼任推荐', '学生汇总', '岗位与报名', '服务地', '优秀案例']);
  });

  it('sends no part when Feishu does not take one of them, and says what to do', async () => {
    const files = () => big.fake.messages.filter((m) => m.msgType === 'file').length;
    const before = files();
    // The first part goes up; the second fails every attempt.
    big.fake.failNext({ method: 'POST', path: '/open-apis/im/v1/files' }, { status: 200, body: { code: 0, msg: 'ok', data: { file_key: 'file_first' } } }, 1);
    big.fake.failNext({ method: 'POST', path: '/open-apis/im/v1/files' }, { status: 500, body: { code: 500, msg: 'internal error' } }, 3);
    const reply = await big.say('ou_school_admin', '/导出');
    expect(textOf(reply)).toBe('导出没有完成：文件没能上传到飞书。请稍后重新发送 /导出；如果反复失败，请用服务器上的 npm run export 导出。');
    expect(files()).toBe(before);
  });

  it('tells the admin first when the school is big enough for the export to take a while', async () => {
    const py = currentProgramYear(big.bot.db, { now: big.clock.now(), tz: big.config.timeZone }).id;
    const hr = memberByNo(big, '2023010102');
    // Log ids past 50,000: what a school with that many logs has.
    big.bot.db.insert(serviceLogs).values({
      id: 60_000, memberId: hr.id, branchId: hr.branchId, collegeId: hr.collegeId!, programYearId: py, serviceDate: '2026-11-21', item: 'zoufang',
      halfHours: 2, description: '走访', source: 'self', status: 'pending', dedupeKey: randomUUID(),
    }).run();
    const first = await big.say('ou_school_admin', '/导出');
    expect(textOf(first)).toBe('正在生成 Excel 工作簿（2026-2027 年度），数据较多时需要一两分钟，完成后会把文件发给你。');
    const done = await big.fake.waitFor((m) => m.replyTo === first.replyTo && textOf(m).includes('已导出'), 10_000);
    expect(textOf(done)).toContain('已分成');
  });
});
