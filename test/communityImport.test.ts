/**
 * Community list import (PRODUCT.md §5): CSV/XLSX of 名称,层级,所在地区,标签,联系人,联系电话,
 * 经度,纬度 through the shared table reader; bad rows reported by line while good rows
 * import; tolerant matching so neither a re-import nor a second spelling adds a twin; and
 * the `import-communities` CLI end to end.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDb, openDb, type Db } from '../src/db/client.js';
import { communities, type Community } from '../src/db/schema/index.js';
import { communityTags, findOrCreateCommunity } from '../src/domain/communities.js';
import {
  CommunityFileError, formatCommunitySummary, importCommunities, importCommunitiesFile, readCommunityFile, type CommunitySummary,
} from '../src/app/import/communities.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const NOW = Date.UTC(2026, 9, 20, 2, 0);
const HEADER = '名称,层级,所在地区,标签,联系人,联系电话,经度,纬度';

let db: Db;
beforeEach(() => { db = openDb(':memory:'); });
afterEach(() => closeDb(db));

const csv = (...lines: string[]) => Buffer.from(lines.join('\n'), 'utf8');
const importCsv = (data: Buffer) => importCommunitiesFile(db, data, 'communities.csv', NOW);
const all = () => db.select().from(communities).all();
const named = (name: string): Community => {
  const row = all().find((c) => c.name === name);
  if (!row) throw new Error(`no community ${name}; have ${all().map((c) => c.name).join(',')}`);
  return row;
};
const counts = (s: CommunitySummary) => ({ created: s.created, updated: s.updated, unchanged: s.unchanged });

describe('reading the file', () => {
  it('imports names, levels, regions, tags, contacts and coordinates', async () => {
    const s = await importCsv(csv(
      HEADER,
      '北街街道,街道,锦州市古塔区,青年发展型城市建设试点,刘颖,138 0000 4101,121.1263,41.1125',
      '洛阳社区,社区,锦州市古塔区,"社区青春行动实施社区，青年发展型城市建设试点",韩雪,+86 138-0000-4102,,',
      '石桥子村,村,锦州市凌河区,县域共青团基层组织改革示范点;国家乡村振兴重点帮扶县,,0416 2345678,,',
      '新民乡,乡,锦州市太和区,示范点 / 重点帮扶县,,(0416)1234567转808,,',
      '七里河镇,镇,锦州市义县,,,,,',
      '锦州市青少年宫,校外活动场所,锦州市古塔区,团属青少年校外活动场所,吴芳,0416-2000001,121.1233,41.1189',
    ));
    expect(s).toEqual({ created: 6, updated: 0, unchanged: 0, errors: [] });
    expect(named('北街街道')).toMatchObject({
      level: 'street', region: '锦州市古塔区', contactName: '刘颖', contactPhone: '13800004101', longitude: 121.1263, latitude: 41.1125, createdAt: NOW,
    });
    expect(named('洛阳社区')).toMatchObject({ level: 'community', contactPhone: '13800004102', longitude: null, latitude: null });
    expect(named('石桥子村')).toMatchObject({ level: 'village', contactName: null, contactPhone: '0416-2345678' });
    expect(named('新民乡')).toMatchObject({ level: 'town', contactPhone: '0416-1234567-808' });
    expect(named('七里河镇').level).toBe('town');
    expect(named('锦州市青少年宫').level).toBe('venue');
    expect(communityTags(db, named('洛阳社区').id)).toEqual(['youth_city_pilot', 'community_youth_action']);
    expect(communityTags(db, named('石桥子村').id)).toEqual(['county_reform_demo', 'rural_revitalization_county']);
    expect(communityTags(db, named('新民乡').id)).toEqual(['county_reform_demo', 'rural_revitalization_county']);
    expect(communityTags(db, named('七里河镇').id)).toEqual([]);
  });

  it('needs only the 名称 column; a blank 层级 is read from the name', async () => {
    const s = await importCsv(csv('名称', '幸福社区', '北街街道', '锦州市青少年宫'));
    expect(s.errors).toEqual([]);
    expect(all().map((c) => [c.name, c.level])).toEqual([['幸福社区', 'community'], ['北街街道', 'street'], ['锦州市青少年宫', null]]);
  });

  it('tolerates a BOM, CRLF, quoted fields and blank lines, and counts the blank lines', async () => {
    const data = Buffer.from(`\uFEFF\r\n${HEADER}\r\n\r\n "幸福社区" ,社区,,,,,,\r\n,,,,,,,\r\n幸福里社区,社区,"锦州市,古塔区",,,,,\r\n北街街道,街区,,,,,,\r\n`, 'utf8');
    const s = await importCsv(data);
    expect(s.errors).toEqual([{ line: 7, reason: '层级“街区”无效，应为 街道/乡镇/社区/村/校外活动场所 之一（也可以留空）' }]);
    expect(all().map((c) => c.name)).toEqual(['幸福社区', '幸福里社区']);
    expect(named('幸福里社区').region).toBe('锦州市,古塔区');
  });

  it('reads a CSV that Excel saved as GBK', async () => {
    // '名称,层级\n幸福社区,社区\n' encoded as GBK
    const gbk = Buffer.from('c3fbb3c62cb2e3bcb60ad0d2b8a3c9e7c7f82cc9e7c7f80a', 'hex');
    expect((await importCsv(gbk)).errors).toEqual([]);
    expect(named('幸福社区').level).toBe('community');
  });

  it.each([
    ['a file without a 名称 column', csv('层级,所在地区', '社区,锦州'), 'communities.csv', /缺少必填列：名称/],
    ['an unsupported file type', csv(HEADER), 'communities.xls', /“\.xls”.*服务地清单只能是 \.csv 或 \.xlsx/],
    ['an empty file', csv('', ''), 'communities.csv', /文件是空的：第一行应为表头 名称,层级/],
    ['a header without rows', csv(HEADER), 'communities.csv', /没有服务地数据/],
    ['a repeated column', csv('名称,名称', 'A,B'), 'communities.csv', /“名称”列出现了不止一次/],
    ['a broken workbook', csv(HEADER), 'communities.xlsx', /Excel 文件无法读取/],
  ])('rejects %s as a whole, saying what to fix', async (_, data, fileName, message) => {
    const read = readCommunityFile(data, fileName);
    await expect(read).rejects.toBeInstanceOf(CommunityFileError);
    await expect(read).rejects.toThrow(message);
    expect(all()).toEqual([]);
  });
});

describe('bad rows are reported by line while the good rows import', () => {
  it('level, tag, phone, coordinates, name', async () => {
    const s = await importCsv(csv(
      HEADER,
      '北街街道,街道,锦州市古塔区,,,,121.1263,41.1125', // 2 ok
      '保安街道,街区,,,,,,', // 3
      '龙江街道,街道,,青年城市,,,,', // 4
      '汤河子街道,街道,,,,138 0000 41,,', // 5
      '金城街道,街道,,,,,41.17,121.37', // 6 swapped
      '石油街道,街道,,,,,东经121度,41.1', // 7
      '站前街道,街道,,,,,121.1,95', // 8
      '天安街道,街道,,,,,121.1,', // 9 half
      ',社区,,,,,,', // 10
      '南街街道,乡镇,,"示范点、试点",,,,', // 11 one good and one bad tag
      '士英街道,街道,锦州市古塔区,,,,,', // 12 ok
    ));
    expect(counts(s)).toEqual({ created: 2, updated: 0, unchanged: 0 });
    expect(s.errors).toEqual([
      { line: 3, reason: '层级“街区”无效，应为 街道/乡镇/社区/村/校外活动场所 之一（也可以留空）' },
      { line: 4, reason: expect.stringMatching(/^标签“青年城市”无效。可用的标签：县域共青团基层组织改革示范点、青年发展型城市建设试点、/) },
      { line: 5, reason: '联系电话“138 0000 41”格式不对，应为 11 位手机号或带区号的座机号（如 0416-1234567），也可以留空' },
      { line: 6, reason: '经度和纬度好像填反了：锦州一带约为 经度 121.1、纬度 41.1' },
      { line: 7, reason: '经度“东经121度”不是 -180 到 180 之间的数字' },
      { line: 8, reason: '纬度“95”不是 -90 到 90 之间的数字' },
      { line: 9, reason: '经度和纬度要么都填，要么都不填' },
      { line: 10, reason: '名称为空' },
      { line: 11, reason: expect.stringMatching(/^标签“试点”无效/) },
    ]);
    expect(all().map((c) => c.name)).toEqual(['北街街道', '士英街道']);
    const text = formatCommunitySummary(s);
    expect(text).toContain('服务地：新增 2 个，更新 0 个，无变化 0 个');
    expect(text).toContain('第 6 行：经度和纬度好像填反了');
  });

  it('a second row naming the same place is reported against the first, however it is spelled', async () => {
    const s = await importCsv(csv(
      HEADER,
      '幸福社区,社区,锦州市古塔区,,,,,', // 2
      '幸福 社区居委会,社区,,,,,,', // 3
      '幸福里社区,社区,,,,,,', // 4: another place
      '北街街道,街道,锦州市古塔区,,,,,', // 5
      '古塔区北街,,,,,,,', // 6
      '石桥子村,村,锦州市凌河区,,,,,', // 7
      '石桥子村,村,锦州市北镇市,,,,,', // 8
      'ｘｉｎｆｕ,,,,,,,', // 9
      'XinFu,,,,,,,', // 10
      '锦州市凌河区龙江街道,,,,,,,', // 11
      '龙江,街道,锦州市凌河区,,,,,', // 12
    ));
    expect(s.errors.map((e) => e.line)).toEqual([3, 6, 8, 10, 12]);
    expect(s.errors[0]!.reason).toMatch(/^与第 2 行是同一个服务地/);
    expect(s.errors[1]!.reason).toMatch(/^与第 5 行是同一个服务地/);
    expect(s.errors[2]!.reason).toContain('例如「北镇市石桥子村」');
    expect(all().map((c) => c.name)).toEqual(['幸福社区', '幸福里社区', '北街街道', '石桥子村', 'xinfu', '锦州市凌河区龙江街道']);
  });

  it('a bare name that fits two known places is reported, not guessed', async () => {
    findOrCreateCommunity(db, '幸福社区', NOW);
    findOrCreateCommunity(db, '幸福村', NOW);
    const s = await importCsv(csv(HEADER, '幸福,,,,张三,,,', '幸福里社区,社区,锦州市古塔区,,,,,'));
    expect(s.errors).toEqual([{ line: 2, reason: '名称“幸福”可能是已有的 「幸福社区」、「幸福村」 之一，请写出全称' }]);
    expect(counts(s)).toEqual({ created: 1, updated: 0, unchanged: 0 });
    expect(all().map((c) => [c.name, c.contactName])).toEqual([['幸福社区', null], ['幸福村', null], ['幸福里社区', null]]);

    expect((await importCsv(csv(HEADER, '幸福村,村,锦州市义县,,,,,'))).errors).toEqual([]);
    expect(named('幸福村').region).toBe('锦州市义县');
  });

  it('lists at most 20 errors in the summary text', async () => {
    const bad = Array.from({ length: 25 }, (_, i) => `地点${i}社区,街区,,,,,,`);
    const text = formatCommunitySummary(await importCsv(csv(HEADER, ...bad)));
    expect(text).toContain('第 21 行');
    expect(text).not.toContain('第 22 行');
    expect(text).toContain('另有 5 处错误');
  });
});

describe('re-import', () => {
  const file = csv(
    HEADER,
    '北街街道,街道,锦州市古塔区,青年发展型城市建设试点,刘颖,138 0000 4101,121.1263,41.1125',
    '石桥子村,村,锦州市凌河区,"县域共青团基层组织改革示范点、国家乡村振兴重点帮扶县",孙国庆,138 0000 4202,,',
  );

  it('is idempotent: the second run changes nothing', async () => {
    await importCsv(file);
    const before = { rows: all(), tags: all().map((c) => communityTags(db, c.id)) };
    expect(await importCsv(file)).toEqual({ created: 0, updated: 0, unchanged: 2, errors: [] });
    expect({ rows: all(), tags: all().map((c) => communityTags(db, c.id)) }).toEqual(before);
  });

  it('updates fields and replaces tags on the row however the name is now spelled', async () => {
    await importCsv(file);
    const s = await importCsv(csv(
      HEADER,
      '北街街道办事处,街道,锦州市古塔区,,刘颖,138 0000 4109,121.1263,41.1125',
      '大石桥子 村委会,村,锦州市凌河区,国家乡村振兴重点帮扶县,孙国庆,138 0000 4202,,', // a different core: a new place
      '石桥子,,锦州市凌河区,国家乡村振兴重点帮扶县,孙国庆,,121.1897,41.0804',
    ));
    expect(counts(s)).toEqual({ created: 1, updated: 2, unchanged: 0 });
    // The file's spelling with a suffix is taken; the bare 石桥子 keeps 石桥子村.
    expect(named('北街街道办事处')).toMatchObject({ contactPhone: '13800004109', level: 'street', normalisedName: '北街街道' });
    expect(communityTags(db, named('北街街道办事处').id)).toEqual([]);
    expect(named('大石桥子村委会').level).toBe('village');
    expect(named('石桥子村')).toMatchObject({ contactPhone: null, longitude: 121.1897, latitude: 41.0804, level: 'village' });
    expect(communityTags(db, named('石桥子村').id)).toEqual(['rural_revitalization_county']);
  });

  it('fills in a place /结对 created, without a twin; absent columns leave fields alone', async () => {
    const { community } = findOrCreateCommunity(db, '幸福', NOW);
    await importCsv(csv(HEADER, '幸福社区居委会,社区,锦州市古塔区,社区青春行动实施社区,韩雪,13800004102,,'));
    expect(all()).toHaveLength(1);
    expect(all()[0]).toMatchObject({ id: community.id, name: '幸福社区居委会', level: 'community', contactName: '韩雪' });
    expect(communityTags(db, community.id)).toEqual(['community_youth_action']);

    expect(counts(await importCsv(csv('名称,联系人', '幸福社区,李华')))).toEqual({ created: 0, updated: 1, unchanged: 0 });
    expect(all()[0]).toMatchObject({ name: '幸福社区', contactName: '李华', contactPhone: '13800004102', region: '锦州市古塔区' });
    expect(communityTags(db, community.id)).toEqual(['community_youth_action']);
  });
});

describe('XLSX', () => {
  async function xlsx(rows: ExcelJS.CellValue[][]): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('服务地');
    rows.forEach((r) => sheet.addRow(r));
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  it('imports the first worksheet the same as the equivalent CSV', async () => {
    const data = await xlsx([
      HEADER.split(','),
      ['北街街道', '街道', '锦州市古塔区', '青年发展型城市建设试点', { richText: [{ text: '刘' }, { text: '颖' }] }, 13800004101, 121.1263, 41.1125],
      [],
      ['新民乡', { formula: 'B2', result: '乡镇' }, '锦州市太和区', '', '', '0416-1234567', null, null],
      ['保安街道', '街区', '', '', '', '', '', ''],
    ]);
    const parse = await readCommunityFile(data, '服务地.XLSX');
    expect(parse.rows.map((r) => r.line)).toEqual([2, 4, 5]);
    expect(importCommunities(db, parse, NOW).errors).toEqual([{ line: 5, reason: expect.stringContaining('层级“街区”无效') }]);

    const fromCsv = openDb(':memory:');
    try {
      await importCommunitiesFile(fromCsv, csv(
        HEADER,
        '北街街道,街道,锦州市古塔区,青年发展型城市建设试点,刘颖,13800004101,121.1263,41.1125',
        '新民乡,乡镇,锦州市太和区,,,0416-1234567,,',
      ), 'communities.csv', NOW);
      expect(all()).toEqual(fromCsv.select().from(communities).all());
    } finally {
      closeDb(fromCsv);
    }
  });
});

describe('examples/communities.csv and the CLI', () => {
  const example = path.join(ROOT, 'examples/communities.csv');

  it('the example list imports without errors and has a 国家乡村振兴重点帮扶县 place', async () => {
    const s = await importCommunitiesFile(db, fs.readFileSync(example), 'communities.csv', NOW);
    expect(s.errors).toEqual([]);
    expect(s.created).toBeGreaterThanOrEqual(10);
    expect(all().some((c) => communityTags(db, c.id).includes('rural_revitalization_county'))).toBe(true);
    expect(new Set(all().map((c) => c.level))).toEqual(new Set(['street', 'town', 'community', 'village', 'venue']));
  });

  const run = (args: string[], env: Record<string, string> = {}) =>
    // `node --import tsx`, as `npm run` does through the tsx binary, without npx's and tsx's own launcher processes.
    spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/importCommunities.ts', ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env } });

  it('imports a file end to end, and a second run changes nothing', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'communities-cli-'));
    const env = { DATABASE_PATH: path.join(dir, 'bot.db') };
    try {
      const first = run(['--', 'examples/communities.csv'], env);
      expect(first.status, first.stderr).toBe(0);
      expect(first.stdout).toContain('服务地导入完成：共读取 11 行');
      expect(first.stdout).toContain('新增 11 个');
      const second = run(['examples/communities.csv'], env);
      expect(second.status, second.stderr).toBe(0);
      expect(second.stdout).toContain('新增 0 个，更新 0 个，无变化 11 个');
      const check = openDb(env.DATABASE_PATH);
      try {
        expect(check.select().from(communities).all()).toHaveLength(11);
      } finally {
        closeDb(check);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);

  it('exits 0 and lists bad rows when some rows are bad', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'communities-cli-'));
    try {
      const file = path.join(dir, 'list.csv');
      fs.writeFileSync(file, `${HEADER}\n幸福社区,社区,,,,,,\n保安街道,街区,,,,,,\n`);
      const result = run([file], { DATABASE_PATH: path.join(dir, 'bot.db') });
      expect(result.status, result.stderr).toBe(0);
      expect(result.stdout).toContain('第 3 行：层级“街区”无效');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);

  it.each([
    ['no file argument', [], /用法 \/ Usage: npm run import-communities/],
    ['a file that does not exist', ['no-such-file.csv'], /无法读取文件 \/ Cannot read file: no-such-file\.csv/],
    ['a file of the wrong type', ['examples/roster.csv'], /缺少必填列：名称/],
  ])('exits 1 with a message for %s', (_, args, message) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'communities-cli-'));
    try {
      const result = run(args, { DATABASE_PATH: path.join(dir, 'bot.db') });
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(message);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});
