/**
 * Opens the SQLite database with the pragmas the bot relies on and applies the
 * generated migrations in `drizzle/`. Used by the bot at start, by the CLIs and by tests
 * (`:memory:`), so every path runs the real migrations.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema/index.js';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../drizzle', import.meta.url));

export function openDb(file: string): Db {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  // WAL + NORMAL: a commit is durable against a process crash (SIGKILL); only an OS crash
  // may lose the last transactions. That is the guarantee the event queue needs.
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = drizzle(sqlite, { schema, casing: 'snake_case' }) as Db;
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  return db;
}

export function closeDb(db: Db): void {
  if (db.$client.open) db.$client.close();
}

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/**
 * A transaction that takes the write lock at BEGIN. The event writer thread commits on its
 * own connection at any moment; a deferred transaction that reads first and then writes
 * fails at once with SQLITE_BUSY when that happens in between (its WAL snapshot is stale, and
 * busy_timeout does not apply), so every read-then-write transaction on the bot's connection
 * uses this.
 */
export function writeTransaction<T>(db: Db, fn: (tx: Tx) => T): T {
  return db.transaction(fn, { behavior: 'immediate' });
}
