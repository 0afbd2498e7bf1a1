/**
 * `npm run backup -- <file>`: an online copy of the database that opens with everything in it;
 * `npm run restore -- <file>`: putting one back, refusing what is not a bot database of a known
 * version and any restore under a running bot, keeping the replaced database.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeDb, openDb } from '../src/db/client.js';
import { importRosterFile } from '../src/app/import/roster.js';
import Database from 'better-sqlite3';
import { restoreDatabase } from '../src/db/restore.js';
import { runningMarker, runningPid } from '../src/db/running.js';
import { startHarness, tempDbPath } from './helpers/harness.js';

const run = (args: string[], env: Record<string, string>) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/backup.ts', ...args], { encoding: 'utf8', env: { ...process.env, ...env } });

describe('backup CLI', () => {
  it('copies a live database (another connection still open) into a file that opens with the same rows', async () => {
    const source = tempDbPath();
    const db = openDb(source);
    await importRosterFile(db, fs.readFileSync('examples/roster.csv'), 'roster.csv', Date.now());
    const target = path.join(path.dirname(source), 'copy', 'backup.db');
    const res = run([target], { DATABASE_PATH: source });
    expect(res.status, res.stderr).toBe(0);
    expect(res.stdout).toContain('backup written');
    const copy = openDb(target);
    expect(copy.$client.prepare('SELECT count(*) AS n FROM members').get()).toEqual(db.$client.prepare('SELECT count(*) AS n FROM members').get());
    closeDb(copy);
    closeDb(db);
  });

  it('refuses to overwrite an existing file and explains usage without an argument', () => {
    const source = tempDbPath();
    closeDb(openDb(source));
    expect(run([], { DATABASE_PATH: source }).status).toBe(1);
    const existing = path.join(path.dirname(source), 'exists.db');
    fs.writeFileSync(existing, 'keep me');
    const res = run([existing], { DATABASE_PATH: source });
    expect(res.status).toBe(1);
    expect(fs.readFileSync(existing, 'utf8')).toBe('keep me');
  });
});

describe('restore', () => {
  const members = (file: string) => {
    const db = openDb(file);
    try {
      return (db.$client.prepare('SELECT count(*) AS n FROM members').get() as { n: number }).n;
    } finally {
      closeDb(db);
    }
  };
  /** A database with the example roster, and a backup of it taken with the backup API. */
  async function withBackup() {
    const target = tempDbPath();
    const db = openDb(target);
    await importRosterFile(db, fs.readFileSync('examples/roster.csv'), 'roster.csv', Date.now());
    const backup = path.join(path.dirname(target), 'backup.db');
    await db.$client.backup(backup);
    closeDb(db);
    return { target, backup, rows: members(target) };
  }

  it('puts the backup back, keeps the replaced database beside it, and needs no bot running', async () => {
    const { target, backup, rows } = await withBackup();
    const db = openDb(target);
    db.$client.prepare("DELETE FROM members WHERE role = 'student'").run();
    closeDb(db);
    const changed = members(target);
    expect(changed).toBeLessThan(rows);

    const done = await restoreDatabase(backup, target, new Date('2026-12-06T08:00:00Z'));
    expect(done).toMatchObject({ members: rows, savedAs: `${target}.before-restore-2026-12-06T08-00-00-000Z` });
    expect(members(target)).toBe(rows);
    expect(members(done.savedAs!)).toBe(changed);
  });

  it('restores over a damaged database, keeping its bytes as they were', async () => {
    const { target, backup, rows } = await withBackup();
    fs.rmSync(`${target}-wal`, { force: true });
    fs.writeFileSync(target, 'SQLite format 3\0 but damaged beyond repair');
    const done = await restoreDatabase(backup, target);
    expect(members(target)).toBe(rows);
    expect(fs.readFileSync(done.savedAs!, 'utf8')).toContain('damaged beyond repair');
    expect(fs.existsSync(`${target}.restoring`)).toBe(false);
  });

  it('restores over a stale marker left by a bot killed with SIGKILL', async () => {
    const { target, backup, rows } = await withBackup();
    fs.writeFileSync(runningMarker(target), '999999999');
    expect((await restoreDatabase(backup, target)).members).toBe(rows);
  });

  it.each([
    ['a file that is not SQLite', async (dir: string) => { const f = path.join(dir, 'notes.db'); fs.writeFileSync(f, 'not a database'); return f; }, '不是 SQLite 数据库'],
    ['an SQLite file of another program', async (dir: string) => { const f = path.join(dir, 'other.db'); const d = new Database(f); d.exec('CREATE TABLE t (x)'); d.close(); return f; }, '不是社区实践助手的数据库'],
    ['a backup written by a newer version', async (dir: string, backup: string) => {
      const d = new Database(backup); d.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run('future', 4102444800000); d.close(); return backup;
    }, '更新版本'],
    ['a file that does not exist', async (dir: string) => path.join(dir, 'missing.db'), '备份文件不存在'],
  ])('refuses %s and changes nothing', async (_what, make, reason) => {
    const { target, backup } = await withBackup();
    const db = openDb(target);
    db.$client.prepare("DELETE FROM members WHERE role = 'student'").run();
    closeDb(db);
    const before = fs.readFileSync(target);
    const file = await make(path.dirname(target), backup);
    await expect(restoreDatabase(file, target)).rejects.toThrow(reason);
    expect(fs.readFileSync(target).equals(before)).toBe(true);
    expect(fs.readdirSync(path.dirname(target)).filter((f) => f.includes('before-restore'))).toEqual([]);
  });

  it('refuses while a bot has the database open, which it marks while it runs', async () => {
    const h = await startHarness();
    const target = h.config.databasePath;
    expect(runningPid(target)).toBe(process.pid);
    const backup = path.join(path.dirname(tempDbPath()), 'while-running.db');
    await h.bot.db.$client.backup(backup);
    await expect(restoreDatabase(backup, target)).rejects.toThrow('机器人正在使用这个数据库');
    await h.close();
    expect(fs.existsSync(runningMarker(target))).toBe(false);
  });

  it('the CLI explains its usage and exits 1 without an argument', () => {
    const res = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/restore.ts'], { encoding: 'utf8', env: { ...process.env, DATABASE_PATH: tempDbPath() } });
    expect(res.status).toBe(1);
    expect(res.stderr).toContain('npm run restore -- <备份文件');
  });
});
