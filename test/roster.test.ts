import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import Database from 'better-sqlite3';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDb, openDb, type Db } from '../src/db/client.js';
import { branches, colleges, members } from '../src/db/schema/org.js';
import {
  formatRosterSummary, importRoster, importRosterFile, readRosterFile, RosterFileError, type RosterSummary,
} from '../src/app/import/roster.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const NOW = Date.UTC(2026, 9, 8, 2, 0);
const HEADER = '学院,团支部,学号,姓名,角色,手机,飞书ID';

let db: Db;
beforeEach(() => { db = openDb(':memory:'); });
afterEach(() => closeDb(db));

const csv = (...lines: string[]) => Buffer.from(lines.join('\n'), 'utf8');
const importCsv = (data: Buffer, now = NOW) => importRosterFile(db, data, 'roster.csv', now);
const member = (studentNo: string) => db.select().from(members).where(eq(members.studentNo, studentNo)).get();
const counts = (s: RosterSummary) => ({ created: s.created, updated: s.updated, unchanged: s.unchanged });

describe('reading the file', () => {
  it('imports a Chinese header roster into colleges, branches and members', async () => {
    const s = await importCsv(csv(
      HEADER,
      ',,T0001,刘建华,团委,,',
      '计算机科学与工程学院,,T1001,陈晓东,团总支,,',
      '计算机科学与工程学院,计科2301团支部,2023010101,王梓涵,团支书,138 0000 2301,ou_abc',
      '计算机科学与工程学院,计科2301团支部,2023010102,李浩然,学生,+86 138-0000-2302,',
    ));
    expect(s).toEqual({ created: 4, updated: 0, unchanged: 0, deactivated: 0, reactivated: 0, colleges: { created: 1, archived: 0, restored: 0 }, branches: { created: 1, archived: 0, restored: 0 }, errors: [] });
    expect(member('T0001')).toMatchObject({ role: 'school_admin', collegeId: null, branchId: null });
    expect(member('T1001')).toMatchObject({ role: 'college_admin', branchId: null });
    expect(member('2023010101')).toMatchObject({ name: '王梓涵', role: 'secretary', mobile: '13800002301', rosterFeishuId: 'ou_abc', openId: null });
    expect(member('2023010102')?.mobile).toBe('13800002302');
  });

  it('accepts English headers in any order, case and spacing, without the optional columns', async () => {
    const s = await importCsv(csv(' Student_No ,NAME,Role,Branch,College', 'S1,王一,student,计科2301团支部,计算机学院'));
    expect(s.errors).toEqual([]);
    expect(member('S1')).toMatchObject({ name: '王一', role: 'student', mobile: null });
  });

  it('tolerates a BOM, CRLF, surrounding spaces and quoted fields', async () => {
    const data = Buffer.from(`\uFEFF${HEADER}\r\n "经济管理学院" , "会计2301团支部" , S2 , "何, 欣怡" , 学生 ,,\r\n`, 'utf8');
    const s = await importCsv(data);
    expect(s.errors).toEqual([]);
    expect(member('S2')).toMatchObject({ name: '何, 欣怡' });
    expect(db.select().from(colleges).all().map((c) => c.name)).toEqual(['经济管理学院']);
  });

  it('skips blank lines but counts them, so line numbers match the file', async () => {
    const parse = await readRosterFile(
      Buffer.from(`\r\n${HEADER}\r\n\r\nA,B,S1,甲,学生,,\r\n,,,,,,\r\nA,B,S2,"乙\r\n丙",学生,,\r\nA,B,S3,丁,班长,,\r\n`),
      'roster.csv',
    );
    expect(parse.rows.map((r) => [r.line, r.cells.studentNo])).toEqual([[4, 'S1'], [6, 'S2'], [8, 'S3']]);
    expect(importRoster(db, parse, NOW).errors).toEqual([{ line: 8, reason: '角色“班长”无效，应为 学生/团支书/团总支/团委 之一' }]);
  });

  it('reads a CSV that Excel saved as GBK instead of UTF-8', async () => {
    // '学院,团支部,学号,姓名,角色\nA,B,S1,张三,学生\n' encoded as GBK
    const gbk = Buffer.from('d1a7d4ba2ccdc5d6a7b2bf2cd1a7bac52cd0d5c3fb2cbdc7c9ab0a412c422c53312cd5c5c8fd2cd1a7c9fa0a', 'hex');
    expect((await importCsv(gbk)).errors).toEqual([]);
    expect(member('S1')?.name).toBe('张三');
  });

  it('rejects a file with a missing required column, naming the column', async () => {
    const read = readRosterFile(csv('学院,团支部,学号,姓名,手机', 'A,B,S1,甲,'), 'roster.csv');
    await expect(read).rejects.toBeInstanceOf(RosterFileError);
    await expect(read).rejects.toThrow(/缺少必填列：角色/);
    expect(db.select().from(members).all()).toEqual([]);
  });

  it('rejects an unsupported file type', async () => {
    await expect(readRosterFile(csv(HEADER), 'roster.xls')).rejects.toThrow(/“\.xls”.*\.csv 或 \.xlsx/);
  });
});

describe('bad rows', () => {
  it('reports each bad row with its line and reason while the good rows import', async () => {
    const s = await importCsv(csv(
      HEADER,
      'A,B1,S1,甲,学生,,', // 2
      'A,B1,S1,乙,学生,,', // 3: duplicate
      'A,,S2,丙,学生,,', // 4: no branch
      'A,B1,S3,丁,学生,139 1234,', // 5: bad mobile
      'A,B1,S4,戊,班长,,', // 6: bad role
      ',B1,S5,己,团支书,,', // 7: no college
      'A,B1,S 6,,学生,,', // 8: bad 学号 and no name
      'A,B1,S7,庚,团支书,,', // 9
    ));
    expect(counts(s)).toEqual({ created: 2, updated: 0, unchanged: 0 });
    expect(s.errors).toEqual([
      { line: 3, reason: '学号与第 2 行重复' },
      { line: 4, reason: '角色为学生时必须填写团支部' },
      { line: 5, reason: '手机号格式不对，应为 11 位大陆手机号（也可以留空）' },
      { line: 6, reason: '角色“班长”无效，应为 学生/团支书/团总支/团委 之一' },
      { line: 7, reason: '学院为空（只有团委可以不填学院）' },
      { line: 8, reason: '学号“S 6”只能包含字母、数字和连字符 -；姓名为空' },
    ]);
    expect(member('S1')?.name).toBe('甲');
    const text = formatRosterSummary(s);
    expect(text).toContain('第 6 行：角色“班长”无效，应为 学生/团支书/团总支/团委 之一');
    expect(text).not.toMatch(/1234/);
  });

  it('takes 飞书ID as an open_id (ou_…) or a union_id (on_…) and refuses anything else with its line', async () => {
    const s = await importCsv(csv(
      HEADER,
      'A,B,S1,甲,学生,,ou_7d8a6e3f2b1c', // 2
      'A,B,S2,乙,学生,,on_94e2c1b0a7d5', // 3
      'A,B,S3,丙,学生,,4d7a3c1e', // 4: a user_id
      'A,B,S4,丁,学生,,zhangsan@example.edu.cn', // 5
      'A,B,S5,戊,学生,,OU_abc', // 6: the prefix is lower case
      `A,B,S6,己,学生,,ou_${'a'.repeat(62)}`, // 7: too long, said once
      'A,B,S7,庚,学生,,', // 8: blank is fine
    ));
    expect(counts(s)).toEqual({ created: 3, updated: 0, unchanged: 0 });
    expect(member('S1')?.rosterFeishuId).toBe('ou_7d8a6e3f2b1c');
    expect(member('S2')?.rosterFeishuId).toBe('on_94e2c1b0a7d5');
    expect(member('S7')?.rosterFeishuId).toBeNull();
    const refused = (value: string) =>
      `飞书ID“${value}”无法识别：只能填 open_id（ou_ 开头）或 union_id（on_ 开头）；user_id 等其他 ID 没有通讯录权限无法匹配，请留空，让本人向机器人发送 /绑定 学号 姓名`;
    expect(s.errors).toEqual([
      { line: 4, reason: refused('4d7a3c1e') },
      { line: 5, reason: refused('zhangsan@example.edu.cn') },
      { line: 6, reason: refused('OU_abc') },
      { line: 7, reason: '飞书ID 超过 64 个字符' },
    ]);
    expect(formatRosterSummary(s)).toContain('第 4 行：飞书ID“4d7a3c1e”无法识别');
  });

  it('lists at most 20 errors in the summary text', async () => {
    const bad = Array.from({ length: 25 }, (_, i) => `A,B,S${i},甲,班长,,`);
    const text = formatRosterSummary(await importCsv(csv(HEADER, ...bad)));
    expect(text).toContain('第 21 行');
    expect(text).not.toContain('第 22 行');
    expect(text).toContain('另有 5 处错误');
  });
});

describe('XLSX', () => {
  async function xlsx(rows: ExcelJS.CellValue[][]): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('名单');
    rows.forEach((r) => sheet.addRow(r));
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  it('imports the first worksheet the same as the equivalent CSV', async () => {
    const data = await xlsx([
      HEADER.split(','),
      ['计算机学院', '计科2301团支部', 2023010101, { richText: [{ text: '王' }, { text: '梓涵' }] }, '团支书', 13800002301, null],
      [],
      ['计算机学院', { formula: 'B1', result: '计科2301团支部' }, 'S-2', '李浩然', '学生', '138 0000 2302', 'ou_x'],
    ]);
    const parse = await readRosterFile(data, '名单.XLSX');
    expect(parse.rows.map((r) => r.line)).toEqual([2, 4]);
    expect(importRoster(db, parse, NOW).errors).toEqual([]);

    const fromCsv = openDb(':memory:');
    try {
      await importRosterFile(fromCsv, csv(
        HEADER,
        '计算机学院,计科2301团支部,2023010101,王梓涵,团支书,13800002301,',
        '计算机学院,计科2301团支部,S-2,李浩然,学生,13800002302,ou_x',
      ), 'roster.csv', NOW);
      expect(db.select().from(members).all()).toEqual(fromCsv.select().from(members).all());
      expect(db.select().from(branches).all()).toEqual(fromCsv.select().from(branches).all());
    } finally {
      closeDb(fromCsv);
    }
    expect(member('2023010101')?.studentNo).toBe('2023010101');
  });

  it('reports a broken workbook as a whole-file error', async () => {
    await expect(readRosterFile(csv(HEADER), 'roster.xlsx')).rejects.toBeInstanceOf(RosterFileError);
  });
});

describe('re-import', () => {
  const file = csv(HEADER, 'A,B,S1,甲,学生,13800000001,', 'A,B,S2,乙,学生,,', ',,T1,丙,团委,,');

  it('is idempotent: nothing new is created on the second run', async () => {
    await importCsv(file);
    const again = await importCsv(file, NOW + 1000);
    expect(again).toEqual({ created: 0, updated: 0, unchanged: 3, deactivated: 0, reactivated: 0, colleges: { created: 0, archived: 0, restored: 0 }, branches: { created: 0, archived: 0, restored: 0 }, errors: [] });
    expect(db.select().from(members).all()).toHaveLength(3);
    expect(member('S1')?.updatedAt).toBe(NOW);
  });

  it('applies a changed name, role and branch', async () => {
    await importCsv(file);
    const s = await importCsv(csv(HEADER, 'A,B,S1,甲一,学生,13800000001,', 'A,C,S2,乙,团支书,,', ',,T1,丙,团委,,'), NOW + 1000);
    expect(counts(s)).toEqual({ created: 0, updated: 2, unchanged: 1 });
    expect(s.branches.created).toBe(1);
    expect(member('S1')).toMatchObject({ name: '甲一', updatedAt: NOW + 1000 });
    expect(member('S2')).toMatchObject({ role: 'secretary' });
  });

  it('keeps an existing Feishu binding', async () => {
    await importCsv(file);
    db.update(members).set({ openId: 'ou_bound', boundAt: NOW }).where(eq(members.studentNo, 'S1')).run();
    await importCsv(csv(HEADER, 'A,B,S1,甲改,团支书,13800000009,ou_other'), NOW + 1000);
    expect(member('S1')).toMatchObject({ name: '甲改', role: 'secretary', rosterFeishuId: 'ou_other', openId: 'ou_bound', boundAt: NOW });
  });

  it('leaves optional fields alone when their column is absent', async () => {
    await importCsv(file);
    const s = await importCsv(csv('学院,团支部,学号,姓名,角色', 'A,B,S1,甲,学生'));
    expect(counts(s)).toEqual({ created: 0, updated: 0, unchanged: 1 });
    expect(member('S1')?.mobile).toBe('13800000001');
  });
});

describe('examples/roster.csv and the CLI', () => {
  const example = path.join(ROOT, 'examples/roster.csv');

  it('the example roster imports without errors', async () => {
    const s = await importRosterFile(db, fs.readFileSync(example), 'roster.csv', NOW);
    expect(s.errors).toEqual([]);
    expect(s.colleges.created).toBe(2);
    expect(s.created).toBeGreaterThanOrEqual(15);
    expect(db.select().from(members).where(eq(members.role, 'school_admin')).all()).toHaveLength(1);
  });

  const run = (args: string[], env: Record<string, string> = {}) =>
    // `node --import tsx`, as `npm run` does through the tsx binary, without npx's and tsx's own launcher processes.
    spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/import.ts', ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env } });

  it('imports a file end to end and prints the summary', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'roster-cli-'));
    try {
      const result = run(['examples/roster.csv'], { DATABASE_PATH: path.join(dir, 'bot.db') });
      expect(result.status, result.stderr).toBe(0);
      expect(result.stdout).toContain('名单导入完成');
      expect(result.stdout).toContain('新建学院 2 个');
      expect(fs.existsSync(path.join(dir, 'bot.db'))).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);

  it('without a terminal the CLI imports partially — bad rows listed, the rest imported, nobody stopped; --full stops the missing', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'roster-cli-'));
    const env = { DATABASE_PATH: path.join(dir, 'bot.db') };
    const smaller = path.join(dir, 'next.csv');
    const lines = fs.readFileSync(example, 'utf8').trim().split('\n').filter((l) => !l.includes('软工2301'));
    fs.writeFileSync(smaller, [...lines, '经济管理学院,会计2301团支部,2026110001,新生甲,学生,,', '经济管理学院,会计2301团支部,2026110002,新生乙,班长,,'].join('\n'));
    const count = (where: string) => {
      const check = new Database(env.DATABASE_PATH, { readonly: true });
      try {
        return (check.prepare(`select count(*) as n from members where ${where}`).get() as { n: number }).n;
      } finally {
        check.close();
      }
    };
    try {
      expect(run(['examples/roster.csv'], env).status).toBe(0);
      const partial = run([smaller], env);
      expect(partial.status, partial.stderr).toBe(0);
      expect(partial.stdout).toContain('名单中没有的在册成员 2 人');
      expect(partial.stdout).toContain(`第 ${lines.length + 2} 行：角色“班长”无效`);
      expect(partial.stdout).toContain('新增 1 人');
      expect(partial.stderr).toContain('名单外还有 2 名在册成员，这次只新增和更新、没有停用他们');
      expect(count('left_at is not null')).toBe(0);
      expect(count("student_no = '2026110001'")).toBe(1);
      const full = run(['--full', smaller], env);
      expect(full.status, full.stderr).toBe(0);
      expect(full.stdout).toContain('在册状态：停用 2 人');
      expect(count('left_at is not null')).toBe(2);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('exits 1 with a usage line when the file argument is missing', () => {
    const result = run([]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/用法 \/ Usage/);
  }, 30_000);
});
