/**
 * `npm run restore -- <backup>`: puts a backup made by `npm run backup` back as DATABASE_PATH
 * (src/db/restore.ts says what is refused and how the replaced database is kept). Exit 1 with
 * the reason, having changed nothing, when it refuses.
 */
import { configOrExplain } from '../config.js';
import { RestoreRefused, restoreDatabase } from '../db/restore.js';

async function main(args: string[]): Promise<number> {
  const backup = args.find((a) => a !== '--');
  if (!backup || backup.startsWith('-')) {
    console.error('用法 / Usage: npm run restore -- <备份文件 backup file, e.g. backups/bot-2026-11-28.db>');
    return 1;
  }
  const config = configOrExplain('offline');
  if (!config) return 1;
  try {
    const done = await restoreDatabase(backup, config.databasePath);
    if (done.savedAs) console.log(`原数据库已另存为 / the replaced database was kept as: ${done.savedAs}`);
    console.log(`恢复完成 / restored ${backup} → ${config.databasePath}：${done.members} 名成员、${done.logs} 条服务记录 / members, service logs`);
    return 0;
  } catch (err) {
    if (!(err instanceof RestoreRefused)) throw err;
    console.error(`没有恢复，什么都没改 / nothing restored, nothing changed: ${err.message}`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
