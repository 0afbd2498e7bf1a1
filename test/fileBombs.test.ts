/**
 * Hostile spreadsheets (issue 17 point 5): an .xlsx whose zip directory says it unpacks to
 * hundreds of MB is refused before anything is inflated; a file with too many rows is refused
 * before it is parsed; the bytes are capped; reading happens in a worker, so another user's
 * message is answered while a large file is read; the CLI applies the same limits. Every
 * refusal is Chinese and imports nothing.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRosterFile, RosterFileError } from '../src/app/import/roster.js';
import { TABLE_LIMITS } from '../src/app/import/tableFile.js';
import { unpackedSize } from '../src/app/import/tableLines.js';
import { members } from '../src/db/schema/index.js';
import { bindDirect, sendFile } from './helpers/bot.js';
import { startHarness, textOf, type Harness } from './helpers/harness.js';
import { said } from './helpers/loop.js';
import { zip } from './helpers/zip.js';

const ADMIN = 'ou_bomb_admin';
const HEADER = '学院,团支部,学号,姓名,角色,手机,飞书ID';
let h: Harness;

/** An .xlsx-shaped zip whose one sheet is `mb` MB of blanks: ≈ 0.1 % of that once packed. */
const bomb = (mb: number) => zip([
  { name: '[Content_Types].xml', data: Buffer.from('<?xml version="1.0"?><Types/>') },
  { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(mb * 1024 * 1024, 0x20) },
]);

const rowBomb = () => Buffer.from(`${HEADER}\n${'计算机学院,计科2301团支部,1,甲,学生,,\n'.repeat(TABLE_LIMITS.rows + 10)}`);

beforeAll(async () => {
  h = await startHarness();
  await h.importRoster();
  bindDirect(h, 'T0001', ADMIN);
});
afterAll(() => h.close());

const memberCount = () => h.bot.db.select().from(members).all().length;

describe('the zip directory is read before anything is inflated', () => {
  it('sums the declared sizes of the parts', () => {
    const file = bomb(200);
    expect(file.length).toBeLessThan(400 * 1024);
    expect(unpackedSize(file)).toBe(200 * 1024 * 1024 + '<?xml version="1.0"?><Types/>'.length);
    expect(unpackedSize(Buffer.from('not a zip'))).toBeNull();
  });

  it('a 300 MB bomb sent to the bot is refused in Chinese, and nothing is imported', async () => {
    const before = memberCount();
    const { reply } = await sendFile(h, ADMIN, { name: '名单.xlsx', bytes: bomb(300) });
    expect(textOf(reply)).toContain(`Excel 文件解压后超过 ${TABLE_LIMITS.unpackedBytes / 1024 / 1024} MB`);
    expect(memberCount()).toBe(before);
  });

  it('a directory that lies (1 KB declared, 300 MB inside) is caught inflating that part with a 1 KB ceiling', async () => {
    const liar = zip([
      { name: '[Content_Types].xml', data: Buffer.from('<?xml version="1.0"?><Types/>') },
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(300 * 1024 * 1024, 0x20), declared: 1000 },
    ]);
    const before = memberCount();
    const { reply } = await sendFile(h, ADMIN, { name: '名单.xlsx', bytes: liar });
    expect(textOf(reply)).toContain('Excel 文件解压后超过');
    expect(memberCount()).toBe(before);
  });

  it('a file that is not a zip at all is refused as an unreadable workbook', async () => {
    await expect(readRosterFile(Buffer.from('PK… not really'), 'x.xlsx')).rejects.toThrow(RosterFileError);
  });
});

describe('rows and bytes are capped before parsing', () => {
  it(`a CSV of more than ${TABLE_LIMITS.rows} rows is refused`, async () => {
    const before = memberCount();
    const { reply } = await sendFile(h, ADMIN, { name: '名单.csv', bytes: rowBomb() });
    expect(textOf(reply)).toContain(`文件超过 ${TABLE_LIMITS.rows} 行`);
    expect(memberCount()).toBe(before);
  });

  it('more bytes than a file may have is refused without reading', async () => {
    await expect(readRosterFile(Buffer.alloc(TABLE_LIMITS.bytes + 1, 0x41), 'x.csv')).rejects.toThrow(/文件超过 10 MB/);
  });
});

describe('reading happens off the event loop', () => {
  it('another user is answered while a large roster is being read', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('名单');
    sheet.addRow(HEADER.split(','));
    for (let i = 0; i < 30_000; i++) sheet.addRow(['计算机科学与工程学院', '计科2301团支部', `2099${String(i).padStart(6, '0')}`, `同学${i}`, '学生', '', '']);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    let importDone = 0;
    let helpDone = 0;
    const importing = sendFile(h, ADMIN, { name: '大名单.xlsx', bytes }).then((r) => {
      importDone = performance.now();
      return r;
    });
    // Give the import a head start into its reading, then ask something else.
    await new Promise((r) => setTimeout(r, 50));
    const help = await h.say('ou_bomb_other', '/帮助');
    helpDone = performance.now();
    const { reply } = await importing;
    expect(said(help).length).toBeGreaterThan(0);
    expect(said(reply)).toContain('名单预览：大名单.xlsx（共 30000 行，尚未导入）');
    expect(helpDone).toBeLessThan(importDone);
  }, 60_000);
});

describe('the CLI has the same limits', () => {
  it('refuses the row bomb with exit code 1 and imports nothing', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bomb-cli-'));
    try {
      const file = path.join(dir, 'bomb.csv');
      fs.writeFileSync(file, rowBomb());
      const res = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/import.ts', file], { encoding: 'utf8', env: { ...process.env, DATABASE_PATH: path.join(dir, 'bot.db') } });
      expect(res.status).toBe(1);
      expect(res.stderr).toContain(`文件超过 ${TABLE_LIMITS.rows} 行`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
