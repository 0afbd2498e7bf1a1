/**
 * Restoring a backup made by `npm run backup` (the CLI: src/cli/restore.ts).
 * Refuses — changing nothing — a file that is not a bot database (not SQLite, damaged, no
 * migration history), one written by a newer version of the bot (a migration this code does
 * not know), and any restore while a bot has the database open (`<database>.pid`,
 * src/db/running.ts). The database being replaced is first copied beside it as
 * `<database>.before-restore-<time>` (its files as they are when it is too damaged to open), so
 * a restore can itself be undone; the backup is copied in beside it and renamed over it. A backup from an
 * older version is brought up to date by the migrations when it is opened.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { closeDb, MIGRATIONS_FOLDER, openDb } from './client.js';
import { runningPid } from './running.js';

/** A reason not to restore, in Chinese and English, as the CLI prints it. */
export class RestoreRefused extends Error {}

export interface Restored {
  members: number;
  logs: number;
  /** Where the replaced database was kept, when there was one. */
  savedAs?: string;
}

/** The migrations this code knows, by the `created_at` drizzle records for each. */
function knownMigrations(): Set<number> {
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as { entries: { when: number }[] };
  return new Set(journal.entries.map((e) => e.when));
}

/** Refuses a backup that is not a sound bot database this version can run. */
export function checkBackup(file: string): void {
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new RestoreRefused(`备份文件不存在 / backup not found: ${file}`);
  const header = Buffer.alloc(16);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, header, 0, 16, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (header.toString('latin1') !== 'SQLite format 3\0') throw new RestoreRefused(`不是 SQLite 数据库 / not an SQLite database: ${file}`);
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    let applied: number[];
    try {
      const integrity = db.pragma('integrity_check', { simple: true });
      if (integrity !== 'ok') throw new RestoreRefused(`备份文件已损坏 / the backup is damaged (${String(integrity)}): ${file}`);
      applied = (db.prepare('SELECT created_at AS at FROM __drizzle_migrations').all() as { at: number }[]).map((r) => Number(r.at));
      db.prepare('SELECT count(*) FROM members').get();
    } catch (err) {
      if (err instanceof RestoreRefused) throw err;
      throw new RestoreRefused(`不是社区实践助手的数据库 / not a database of this bot (${(err as Error).message}): ${file}`);
    }
    const known = knownMigrations();
    const unknown = applied.filter((at) => !known.has(at));
    if (unknown.length > 0) {
      throw new RestoreRefused(`备份来自更新版本的机器人（有 ${unknown.length} 个本版本不认识的迁移），请先更新代码再恢复 / the backup was written by a newer version: update the code first`);
    }
  } finally {
    db.close();
  }
}

/** Replaces `target` with `backup` (see the file comment); throws RestoreRefused having changed nothing. */
export async function restoreDatabase(backup: string, target: string, now = new Date()): Promise<Restored> {
  if (path.resolve(backup) === path.resolve(target)) throw new RestoreRefused('备份文件就是当前数据库 / the backup is the database itself');
  checkBackup(backup);
  const pid = runningPid(target);
  if (pid !== undefined) throw new RestoreRefused(`机器人正在使用这个数据库（进程 ${pid}），请先停止机器人再恢复 / a bot (pid ${pid}) has the database open: stop it first`);

  // The backup is first copied beside the target: a failure there (a full disk) leaves the
  // database as it was; the swap itself is a rename.
  fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
  const incoming = `${target}.restoring`;
  fs.rmSync(incoming, { force: true });
  const source = new Database(backup, { readonly: true });
  try {
    await source.backup(incoming);
  } catch (err) {
    fs.rmSync(incoming, { force: true });
    throw err;
  } finally {
    source.close();
  }

  let savedAs: string | undefined;
  if (fs.existsSync(target)) {
    savedAs = `${target}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`;
    await keep(target, savedAs);
    for (const file of [`${target}-wal`, `${target}-shm`]) fs.rmSync(file, { force: true });
  }
  fs.renameSync(incoming, target);
  const db = openDb(target); // brings a backup from an older version up to date
  try {
    const count = (table: string) => (db.$client.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    return { members: count('members'), logs: count('service_logs'), savedAs };
  } finally {
    closeDb(db);
  }
}

/**
 * Keeps the database being replaced as `savedAs`: a consistent SQLite copy when it opens, or
 * else (it is damaged — often why one restores) its files as they are, WAL included.
 */
async function keep(target: string, savedAs: string): Promise<void> {
  try {
    const current = new Database(target);
    try {
      await current.backup(savedAs);
      return;
    } finally {
      current.close();
    }
  } catch {
    fs.rmSync(savedAs, { force: true });
    fs.copyFileSync(target, savedAs);
    for (const suffix of ['-wal', '-shm']) if (fs.existsSync(`${target}${suffix}`)) fs.copyFileSync(`${target}${suffix}`, `${savedAs}${suffix}`);
  }
}
