/**
 * Loads generated service logs the fast way for the benchmarks: without the table's indexes
 * and roll-up triggers (drizzle/0004), which are recreated once afterwards, the roll-ups then
 * filled by rebuildRollups. Maintaining them row by row made generating 2M logs several
 * minutes instead of under one.
 */
import type { Db } from '../src/db/client.js';
import { rebuildRollups } from '../src/domain/rollups.js';

export function bulkLoadLogs(db: Db, load: () => void): void {
  const sqlite = db.$client;
  const derived = sqlite
    .prepare(`select type, name, sql from sqlite_master where type in ('index', 'trigger') and tbl_name = 'service_logs' and sql is not null`)
    .all() as { type: string; name: string; sql: string }[];
  for (const d of derived) sqlite.exec(`drop ${d.type} ${d.name}`);
  try {
    load();
  } finally {
    for (const d of derived) sqlite.exec(d.sql);
  }
  rebuildRollups(db);
}
