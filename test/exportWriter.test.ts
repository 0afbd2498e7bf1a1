/**
 * The export's own streaming pieces at sizes the small seeded school never reaches: sheet XML
 * spread over many encoded chunks (rows straddling chunk ends, a cell larger than a chunk),
 * and the plans of the two large queries under a big school's planner statistics.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { closeDb, openDb, type Db } from '../src/db/client.js';
import { branches, colleges, members, serviceLogs } from '../src/db/schema/index.js';
import { CHECKINS_SQL, LOGS_SQL } from '../src/domain/export/details.js';
import { writeWorkbook } from '../src/app/export/workbook.js';
import { XlsxWriter, type XlsxCell } from '../src/app/export/xlsx.js';
import { currentProgramYear } from '../src/domain/program.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cpbot-export-writer-'));
const TZ = 'Asia/Shanghai';
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the streaming sheet writer', () => {
  it('writes every row intact across many chunks, a cell larger than a chunk included', async () => {
    const file = path.join(dir, 'big.xlsx');
    const rows: XlsxCell[][] = [];
    for (let i = 0; i < 12_000; i++) {
      rows.push([i, `在幸福${i}社区开展第${i}次志愿服务 <&> "引号"`, i % 7 === 0 ? null : i / 2, i % 5 === 0 ? ' 前后空格 ' : '']);
    }
    // About 2.4 MB of UTF-8 in one cell: more than a whole chunk on its own.
    rows.splice(6_000, 0, [-1, '长'.repeat(800_000), 0.5, 'x']);
    const book = new XlsxWriter(fs.createWriteStream(file), { timeZone: TZ });
    const sheet = await book.addSheet('明细', [
      { header: '编号', width: 8 }, { header: '内容', width: 40 }, { header: '时长', width: 8, numFmt: '0.0' }, { header: '备注', width: 10 },
    ]);
    for (const r of rows) await sheet.row(r);
    await sheet.close();
    await book.finish();

    const read = new ExcelJS.Workbook();
    await read.xlsx.readFile(file);
    const ws = read.getWorksheet('明细')!;
    expect(ws.rowCount).toBe(rows.length + 1);
    expect(ws.getRow(1).values).toEqual([undefined, '编号', '内容', '时长', '备注']);
    rows.forEach((r, i) => {
      const got = ws.getRow(i + 2);
      const want = r.map((v) => (v === '' || v === null ? null : v));
      expect([got.getCell(1).value, got.getCell(2).value, got.getCell(3).value, got.getCell(4).value], `row ${i + 2}`).toEqual(want);
    });
    expect(ws.getRow(3).getCell(3).numFmt).toBe('0.0'); // row 3 holds 0.5
  });
});

/** A school of one member whose logs have the given descriptions; returns the program year and log ids. */
function school(file: string, descriptions: string[]): { db: Db; year: number; ids: number[] } {
  const db = openDb(path.join(dir, file));
  const year = currentProgramYear(db, { now: Date.parse('2026-11-20T02:00:00Z'), tz: TZ }).id;
  const college = db.insert(colleges).values({ name: '测试学院' }).returning().get();
  const branch = db.insert(branches).values({ collegeId: college.id, name: '测试团支部' }).returning().get();
  const member = db.insert(members).values({ studentNo: '1', name: '甲', role: 'student', collegeId: college.id, branchId: branch.id }).returning().get();
  const ids = descriptions.map((description) => db.insert(serviceLogs).values({
    memberId: member.id, branchId: branch.id, collegeId: college.id, programYearId: year, serviceDate: '2026-11-20', item: 'shishi', halfHours: 2,
    description, source: 'self', status: 'approved', dedupeKey: randomUUID(),
  }).returning().get().id);
  return { db, year, ids };
}

/** Random CJK text, which deflate can hardly shrink. */
const noise = (chars: number) => Array.from({ length: chars }, () => String.fromCharCode(0x4e00 + Math.floor(Math.random() * 20_000))).join('');

describe('a workbook split under a size limit', () => {
  it('keeps every part under the limit even with rows larger than a chunk, and every log in exactly one part', async () => {
    const LIMIT = 400_000; // chunks of 25,000 bytes; each row below is up to 120,000
    const { db, year, ids } = school('split.db', Array.from({ length: 16 }, () => noise(40_000)));
    const result = await writeWorkbook(db, year, (part) => path.join(dir, `split-${part}.xlsx`), undefined, { timeZone: TZ, maxBytes: LIMIT });
    expect(result.files.length).toBeGreaterThanOrEqual(3);
    const seen: number[] = [];
    for (const file of result.files) {
      expect(fs.statSync(file).size).toBeLessThanOrEqual(LIMIT);
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(file);
      for (const sheet of book.worksheets.filter((w) => w.name.startsWith('服务记录'))) sheet.eachRow((row, n) => n > 1 && seen.push(row.getCell(1).value as number));
    }
    expect(seen).toEqual(ids);
    closeDb(db);
  });

  it('refuses a row no part could hold instead of writing a part over the limit', async () => {
    const { db, year } = school('huge-row.db', [noise(200_000)]);
    await expect(writeWorkbook(db, year, (part) => path.join(dir, `huge-${part}.xlsx`), undefined, { timeZone: TZ, maxBytes: 400_000 })).rejects.toThrow(/does not fit/);
    closeDb(db);
  });
});

describe('a failing disk', () => {
  it.skipIf(!fs.existsSync('/dev/full'))('fails the export with the disk\'s error, without crashing the process or hanging', async () => {
    const { db, year } = school('full.db', Array.from({ length: 3_000 }, (_, i) => `第${i}次服务 ${randomUUID()}`));
    await expect(writeWorkbook(db, year, '/dev/full', undefined, { timeZone: TZ })).rejects.toThrow(/ENOSPC/);
    closeDb(db);
  }, 20_000);
});

describe('the large record queries', () => {
  it('read their table in id order by primary-key joins, with no sort, under a big school\'s statistics', () => {
    const db = openDb(path.join(dir, 'plan.db'));
    const c = db.$client;
    // sqlite_stat1 as `PRAGMA optimize` left it on the 2M-log benchmark school: with these the
    // planner, left free, started from the 20 colleges and sorted every log in a temp B-tree.
    c.exec('ANALYZE');
    const stat = c.prepare('INSERT OR REPLACE INTO sqlite_stat1 (tbl, idx, stat) VALUES (?, ?, ?)');
    for (const [tbl, idx, s] of [
      ['colleges', 'colleges_name_unique', '20 1'],
      ['branches', 'branches_college_name', '1000 50 1'],
      ['members', 'members_college', '50000 2001'],
      ['members', 'members_branch', '50000 49'],
      ['members', 'members_student_no_unique', '50000 1'],
      ['communities', 'communities_normalised_name_unique', '1000 1'],
      ['service_logs', 'service_logs_college_year_status_created', '2000000 2001 2001 2001 334'],
      ['service_logs', 'service_logs_college_year_status_date_member', '2000000 2001 2001 2001 334 42 1 1'],
      ['service_logs', 'service_logs_member_year_status', '2000000 40 40 14'],
      ['service_logs', 'service_logs_branch_year_status_date', '2000000 1001 1001 501 5 2'],
      ['checkins', 'checkins_college_date', '198283 2001 41'],
      ['checkins', 'checkins_member_site_date', '198283 5 5 1'],
    ] as const) stat.run(tbl, idx, s);
    c.exec('ANALYZE sqlite_schema'); // reloads the statistics into this connection
    const plan = (sql: string, params: object) => (c.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map((r) => r.detail);

    const logs = plan(LOGS_SQL, { py: 1 });
    expect(logs[0]).toMatch(/^SCAN s\b/);
    expect(logs.slice(1).every((d) => /USING INTEGER PRIMARY KEY/.test(d))).toBe(true);
    expect(logs.join('\n')).not.toMatch(/TEMP B-TREE/);

    const checkins = plan(CHECKINS_SQL, { from: '2026-10-01', to: '2027-09-30' });
    expect(checkins[0]).toMatch(/^SCAN k\b/);
    expect(checkins.join('\n')).not.toMatch(/TEMP B-TREE/);
    closeDb(db);
  });
});
