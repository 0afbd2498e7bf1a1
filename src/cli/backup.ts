/**
 * `npm run backup -- <file>`: an online backup of DATABASE_PATH (SQLite's backup API), safe
 * while the bot is running. Exit 1 with a usage line when no target is given.
 */
import fs from 'node:fs';
import path from 'node:path';
import { configOrExplain } from '../config.js';
import { closeDb, openDb } from '../db/client.js';

async function main(args: string[]): Promise<number> {
  const target = args.find((a) => a !== '--');
  if (!target || target.startsWith('-')) {
    console.error('用法 / Usage: npm run backup -- <备份文件 backup file, e.g. backups/bot-2026-11-28.db>');
    return 1;
  }
  const config = configOrExplain('offline');
  if (!config) return 1;
  const source = config.databasePath;
  if (!fs.existsSync(source)) {
    console.error(`数据库不存在 / database not found: ${source}`);
    return 1;
  }
  if (fs.existsSync(target)) {
    console.error(`目标文件已存在，不会覆盖 / target exists, not overwritten: ${target}`);
    return 1;
  }
  fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
  const db = openDb(source);
  try {
    const started = Date.now();
    await db.$client.backup(target);
    console.log(`备份完成 / backup written: ${target} (${(fs.statSync(target).size / 1024).toFixed(0)} KiB, ${Date.now() - started} ms)`);
    return 0;
  } finally {
    closeDb(db);
  }
}

process.exitCode = await main(process.argv.slice(2));
