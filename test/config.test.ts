/**
 * loadConfig (PRODUCT.md §7): the environment contract, its defaults and its error messages —
 * one loader for the bot, local mode and the CLIs, each reading the part it needs.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_DATABASE_PATH, DEFAULT_TIME_ZONE, DEMO_DATABASE_PATH, loadConfig, wantsLocalMode } from '../src/config.js';
import { closeDb, openDb } from '../src/db/client.js';
import { members, serviceLogs } from '../src/db/schema/index.js';
import { currentProgramYear } from '../src/domain/program.js';
import { importRosterFile } from '../src/app/import/roster.js';
import { formatDateTime } from '../src/time.js';
import { cleanEnv, exitWithin, freePort, ROOT, spawnBot, type BotProcess } from './helpers/process.js';

const CREDS = {
  FEISHU_APP_ID: 'cli_a1b2c3d4e5f6a7b8',
  FEISHU_APP_SECRET: 'secret',
  FEISHU_VERIFICATION_TOKEN: 'token',
  FEISHU_ENCRYPT_KEY: 'key',
};

/** The ConfigError thrown for `env`. */
function failure(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return err as ConfigError;
  }
  throw new Error(`expected loadConfig to fail for ${JSON.stringify(env)}`);
}

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    expect(loadConfig(CREDS)).toEqual({
      feishu: { appId: CREDS.FEISHU_APP_ID, appSecret: 'secret', verificationToken: 'token', encryptKey: 'key', domain: 'https://open.feishu.cn', eventMode: 'webhook' },
      port: 3000,
      host: undefined,
      databasePath: './data/bot.db',
      timeZone: 'Asia/Shanghai',
      publicBaseUrl: undefined,
      logLevel: 'info',
    });
  });

  it('treats empty values as unset', () => {
    const c = loadConfig({ ...CREDS, FEISHU_DOMAIN: '', FEISHU_EVENT_MODE: '', PORT: '', DATABASE_PATH: '', TZ: '', HOST: '', PUBLIC_BASE_URL: '' });
    expect(c).toMatchObject({ feishu: { domain: 'https://open.feishu.cn', eventMode: 'webhook' }, port: 3000, databasePath: './data/bot.db', timeZone: 'Asia/Shanghai' });
    expect(c.host).toBeUndefined();
    expect(c.publicBaseUrl).toBeUndefined();
  });

  it('reads every variable that is set', () => {
    const c = loadConfig({
      ...CREDS, FEISHU_DOMAIN: 'https://open.larksuite.com', FEISHU_EVENT_MODE: 'ws', PORT: '8080', HOST: '0.0.0.0',
      DATABASE_PATH: '/var/lib/bot/bot.db', TZ: 'UTC', PUBLIC_BASE_URL: 'https://bot.example.edu.cn/', LOG_LEVEL: 'debug',
    });
    expect(c).toEqual({
      feishu: { appId: CREDS.FEISHU_APP_ID, appSecret: 'secret', verificationToken: 'token', encryptKey: 'key', domain: 'https://open.larksuite.com', eventMode: 'ws' },
      port: 8080, host: '0.0.0.0', databasePath: '/var/lib/bot/bot.db', timeZone: 'UTC', publicBaseUrl: 'https://bot.example.edu.cn', logLevel: 'debug',
    });
  });

  it('strips the trailing slash from FEISHU_DOMAIN and accepts a local test server', () => {
    expect(loadConfig({ ...CREDS, FEISHU_DOMAIN: 'https://open.feishu.cn/' }).feishu.domain).toBe('https://open.feishu.cn');
    expect(loadConfig({ ...CREDS, FEISHU_DOMAIN: 'http://127.0.0.1:41234//' }).feishu.domain).toBe('http://127.0.0.1:41234');
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['PORT', '-1'],
    ['PORT', '80.5'],
    ['TZ', 'Mars/Olympus'],
    ['TZ', 'GMT+8 北京'],
    ['FEISHU_EVENT_MODE', 'http'],
    ['FEISHU_EVENT_MODE', 'WS '],
    ['FEISHU_DOMAIN', 'open.feishu.cn'],
    ['FEISHU_DOMAIN', 'ftp://open.feishu.cn'],
    ['FEISHU_DOMAIN', 'not a url'],
  ])('a bad %s (%j) gives an error naming the variable', (name, value) => {
    const err = failure({ ...CREDS, [name]: value });
    expect(err.message).toContain(name);
    expect(err.message).toMatch(/配置有误/);
    expect(err.missing).toEqual([]);
    // Only the wrong variable is named.
    for (const other of ['PORT', 'TZ', 'FEISHU_EVENT_MODE', 'FEISHU_DOMAIN'].filter((n) => n !== name)) expect(err.message).not.toContain(`${other}:`);
  });

  it('names every wrong variable at once', () => {
    const err = failure({ ...CREDS, PORT: 'x', TZ: 'Nowhere/Land' });
    expect(err.message).toContain('PORT');
    expect(err.message).toContain('TZ');
  });

  it('with no credentials at all, names all four (webhook mode)', () => {
    const err = failure({});
    expect(err.missing).toEqual(['FEISHU_APP_ID', 'FEISHU_APP_SECRET', 'FEISHU_VERIFICATION_TOKEN', 'FEISHU_ENCRYPT_KEY']);
    expect(err.message).toContain('FEISHU_APP_ID, FEISHU_APP_SECRET, FEISHU_VERIFICATION_TOKEN, FEISHU_ENCRYPT_KEY');
  });

  it.each([
    ['FEISHU_APP_ID'],
    ['FEISHU_APP_SECRET'],
    ['FEISHU_VERIFICATION_TOKEN'],
    ['FEISHU_ENCRYPT_KEY'],
  ])('missing (or blank) %s is named, and only it', (name) => {
    for (const value of [undefined, '', '   ']) {
      const env: Record<string, string> = { ...CREDS };
      if (value === undefined) delete env[name];
      else env[name] = value;
      const err = failure(env);
      expect(err.missing).toEqual([name]);
      expect(err.message).toContain(`缺少飞书应用凭据：${name}\n`);
      for (const other of Object.keys(CREDS).filter((k) => k !== name)) expect(err.message).not.toContain(other);
      expect(err.message).toContain('README.md');
    }
  });

  it('reports a wrong value and missing credentials in the same message', () => {
    const err = failure({ PORT: 'abc', FEISHU_APP_ID: 'cli_a1b2c3d4e5f6a7b8' });
    expect(err.message).toContain('PORT');
    expect(err.missing).toEqual(['FEISHU_APP_SECRET', 'FEISHU_VERIFICATION_TOKEN', 'FEISHU_ENCRYPT_KEY']);
    expect(err.message).toContain('FEISHU_APP_SECRET');
  });

  it('refuses a FEISHU_DOMAIN that already ends in /open-apis (every call would double it)', () => {
    expect(failure({ ...CREDS, FEISHU_DOMAIN: 'https://open.feishu.cn/open-apis/' }).message).toContain('FEISHU_DOMAIN');
  });

  it('ws mode needs only the app id and secret', () => {
    const c = loadConfig({ FEISHU_APP_ID: 'cli_x', FEISHU_APP_SECRET: 's', FEISHU_EVENT_MODE: 'ws' });
    expect(c.feishu).toEqual({ appId: 'cli_x', appSecret: 's', verificationToken: '', encryptKey: '', domain: 'https://open.feishu.cn', eventMode: 'ws' });
    expect(failure({ FEISHU_EVENT_MODE: 'ws' }).missing).toEqual(['FEISHU_APP_ID', 'FEISHU_APP_SECRET']);
    expect(failure({ FEISHU_EVENT_MODE: 'ws', FEISHU_APP_ID: 'cli_x', FEISHU_VERIFICATION_TOKEN: 't', FEISHU_ENCRYPT_KEY: 'k' }).missing).toEqual(['FEISHU_APP_SECRET']);
  });

  it('keeps secrets out of the error message', () => {
    const err = failure({ ...CREDS, FEISHU_APP_SECRET: '', PORT: '3000' });
    expect(err.message).not.toContain('token');
    expect(err.message).not.toContain(CREDS.FEISHU_APP_ID);
  });
});

describe('one loader for every entry point', () => {
  it('the offline CLIs (import, export, backup) need no Feishu credentials and share the bot\'s defaults', () => {
    const offline = loadConfig({}, 'offline');
    expect(offline).toEqual({ databasePath: DEFAULT_DATABASE_PATH, timeZone: DEFAULT_TIME_ZONE, logLevel: 'info' });
    const bot = loadConfig(CREDS);
    expect(offline).toEqual({ databasePath: bot.databasePath, timeZone: bot.timeZone, logLevel: bot.logLevel });
    expect([DEFAULT_DATABASE_PATH, DEFAULT_TIME_ZONE]).toEqual(['./data/bot.db', 'Asia/Shanghai']);
    expect(loadConfig({ DATABASE_PATH: '/srv/bot.db', TZ: 'UTC', LOG_LEVEL: 'debug', PORT: 'not a port', FEISHU_APP_ID: 'cli_x' }, 'offline'))
      .toEqual({ databasePath: '/srv/bot.db', timeZone: 'UTC', logLevel: 'debug' });
  });

  it('local mode reads PORT, HOST, DATABASE_PATH, TZ and LOG_LEVEL, with its own demo database and quieter logs', () => {
    expect(loadConfig({}, 'local')).toEqual({ port: 3000, host: undefined, databasePath: DEMO_DATABASE_PATH, timeZone: DEFAULT_TIME_ZONE, logLevel: 'warn' });
    expect(DEMO_DATABASE_PATH).toBe('./data/demo.db');
    expect(loadConfig({ PORT: ' 8080 ', HOST: '0.0.0.0', DATABASE_PATH: ' /tmp/demo.db ', TZ: 'UTC', LOG_LEVEL: 'info' }, 'local'))
      .toEqual({ port: 8080, host: '0.0.0.0', databasePath: '/tmp/demo.db', timeZone: 'UTC', logLevel: 'info' });
    expect(loadConfig({ PORT: '', DATABASE_PATH: '  ', TZ: '' }, 'local')).toMatchObject({ port: 3000, databasePath: DEMO_DATABASE_PATH, timeZone: DEFAULT_TIME_ZONE });
  });

  it.each([
    ['offline', { TZ: 'Mars/Olympus' }, 'TZ'],
    ['offline', { LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    ['local', { TZ: 'GMT+8 北京' }, 'TZ'],
    ['local', { PORT: 'abc' }, 'PORT'],
  ] as const)('a bad value for %s (%j) gets the same Chinese explanation as the bot, and no credentials are asked for', (need, env, name) => {
    let err: unknown;
    try {
      loadConfig(env, need);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).message).toMatch(/^配置有误/);
    expect((err as ConfigError).message).toContain(`${name}:`);
    expect((err as ConfigError).message).not.toContain('FEISHU');
    expect((err as ConfigError).missing).toEqual([]);
  });

  it('local mode is wanted only when no credential at all is set', () => {
    expect(wantsLocalMode({})).toBe(true);
    expect(wantsLocalMode({ FEISHU_APP_ID: '  ', TZ: 'UTC' })).toBe(true);
    expect(wantsLocalMode({ FEISHU_APP_ID: 'cli_x' })).toBe(false);
    expect(wantsLocalMode(CREDS)).toBe(false);
  });
});

/**
 * The processes themselves. This machine's own zone is not the school's (the tests run where
 * TZ is unset, usually UTC): an answer in Asia/Shanghai or Pacific/Kiritimati (UTC+14) can only
 * have come from the configured zone.
 */
describe('the CLIs and local mode take DATABASE_PATH and TZ from the loader', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cpbot-config-'));
  const TSX = pathToFileURL(path.join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
  const running: BotProcess[] = [];
  afterAll(async () => {
    for (const p of running) if (p.child.exitCode === null) p.child.kill('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Runs a CLI the way `npm run` does, in `cwd` (its .env, if any, is read from there), with a clean environment. */
  const cli = (script: string, args: string[], cwd: string, env: Record<string, string> = {}) =>
    new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
      execFile(process.execPath, ['--import', TSX, path.join(ROOT, 'src/cli', script), ...args], { cwd, encoding: 'utf8', env: cleanEnv(env) }, (err, stdout, stderr) =>
        resolve({ status: err ? (typeof err.code === 'number' ? err.code : null) : 0, stdout, stderr }));
    });

  /** A moment that is a different wall time in every zone below. */
  const at = Date.parse('2026-11-20T12:30:00Z');

  async function logSheetCells(file: string): Promise<string[]> {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const cells: string[] = [];
    book.getWorksheet('服务记录')!.eachRow((row) => row.eachCell((c) => cells.push(String(c.value))));
    return cells;
  }

  it('npm run export: DATABASE_PATH and TZ from .env, and the default zone when TZ is unset — never the machine\'s', async () => {
    const dbFile = path.join(dir, 'school.db');
    const db = openDb(dbFile);
    try {
      await importRosterFile(db, fs.readFileSync(path.join(ROOT, 'examples/roster.csv')), 'roster.csv', Date.now());
      const year = currentProgramYear(db, { now: Date.now(), tz: DEFAULT_TIME_ZONE }).id;
      const m = db.select().from(members).all().find((r) => r.collegeId !== null && r.branchId !== null)!;
      db.insert(serviceLogs).values({
        memberId: m.id, branchId: m.branchId, collegeId: m.collegeId!, programYearId: year, serviceDate: '2026-11-20',
        item: 'shishi', halfHours: 2, description: '辅导作业', source: 'self', status: 'pending', dedupeKey: 'config-test', createdAt: at,
      }).run();
    } finally {
      closeDb(db);
    }
    const cwd = path.join(dir, 'export');
    fs.mkdirSync(cwd);
    fs.writeFileSync(path.join(cwd, '.env'), `DATABASE_PATH=${dbFile}\nTZ=Pacific/Kiritimati\n`);
    const [kiritimati, plain] = await Promise.all([
      cli('export.ts', ['kiritimati.xlsx'], cwd),
      // No TZ anywhere: the school's default zone, although this process runs in the machine's.
      cli('export.ts', [path.join(cwd, 'default.xlsx')], dir, { DATABASE_PATH: dbFile }),
    ]);
    expect(kiritimati.status, kiritimati.stderr).toBe(0);
    const cells = await logSheetCells(path.join(cwd, 'kiritimati.xlsx'));
    expect(cells).toContain(formatDateTime(at, 'Pacific/Kiritimati')); // 2026-11-21 02:30
    expect(cells).not.toContain(formatDateTime(at, 'UTC'));
    expect(plain.status, plain.stderr).toBe(0);
    expect(await logSheetCells(path.join(cwd, 'default.xlsx'))).toContain(formatDateTime(at, DEFAULT_TIME_ZONE)); // 2026-11-20 20:30
  });

  it('npm run backup looks for the default database when DATABASE_PATH is unset; every CLI refuses a bad TZ with the Chinese explanation, before touching a database', async () => {
    const backup = cli('backup.ts', ['copy.db'], dir);
    // One CLI run stands for all: none of them reads the environment but through loadConfig
    // (the test below), so the others refuse a bad TZ the same way.
    const badZone = [
      ['importCommunities.ts', path.join(ROOT, 'examples/communities.csv')],
    ].map(([script, arg]) => cli(script!, [arg!], dir, { DATABASE_PATH: path.join(dir, `untouched-${script}.db`), TZ: 'Mars/Olympus' }).then((res) => ({ script, res })));

    const res = await backup;
    expect(res.status).toBe(1);
    expect(res.stderr).toContain(`数据库不存在 / database not found: ${DEFAULT_DATABASE_PATH}`);
    for (const { script, res } of await Promise.all(badZone)) {
      expect(res.status, script).toBe(1);
      expect(res.stderr).toContain('配置有误');
      expect(res.stderr).toContain('TZ: 不是有效的时区');
      expect(fs.existsSync(path.join(dir, `untouched-${script}.db`))).toBe(false);
    }
  });

  it('nothing but src/config.ts reads the environment: the bot, local mode and every CLI go through loadConfig', () => {
    const files = (dir: string): string[] =>
      fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
    const readers = [...files(path.join(ROOT, 'src')), ...files(path.join(ROOT, 'commands'))]
      .filter((f) => /process\.env\b/.test(fs.readFileSync(f, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')))
      .map((f) => path.relative(ROOT, f).split(path.sep).join('/'));
    expect(readers).toEqual(['src/config.ts']);
  });

  it('local mode (npm start without credentials) serves the configured zone and database', async () => {
    const port = await freePort();
    const dbFile = path.join(dir, 'local', 'my-demo.db');
    const proc = spawnBot(cleanEnv({ PORT: String(port), HOST: '127.0.0.1', DATABASE_PATH: dbFile, TZ: 'Pacific/Kiritimati' }), dir);
    running.push(proc);
    let state: { timeZone?: string } | undefined;
    for (const until = Date.now() + 20_000; !state; ) {
      state = await fetch(`http://127.0.0.1:${port}/api/state`).then((r) => (r.ok ? (r.json() as Promise<{ timeZone: string }>) : undefined), () => undefined);
      if (state) break;
      if (Date.now() > until || proc.child.exitCode !== null) throw new Error(`the console did not answer\n${proc.stderr()}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(state.timeZone).toBe('Pacific/Kiritimati');
    expect(proc.stdout()).toContain(`使用演示数据 ${dbFile}`);
    expect(fs.existsSync(dbFile)).toBe(true);
    proc.child.kill('SIGTERM');
    expect(await exitWithin(proc, 10_000), proc.stderr()).toEqual({ code: 0, signal: null });
  }, 30_000);

  it('local mode with a bad TZ or PORT exits 1 with the explanation instead of a stack trace', async () => {
    const proc = spawnBot(cleanEnv({ PORT: 'abc', TZ: 'Nowhere/Land', DATABASE_PATH: path.join(dir, 'never.db') }), dir);
    running.push(proc);
    expect(await exitWithin(proc, 10_000)).toEqual({ code: 1, signal: null });
    expect(proc.stderr()).toContain('TZ: 不是有效的时区');
    expect(proc.stderr()).toContain('PORT');
    expect(proc.stderr()).not.toMatch(/\bat .*\.ts:\d+/);
    expect(fs.existsSync(path.join(dir, 'never.db'))).toBe(false);
  });
});
