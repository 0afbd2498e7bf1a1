/**
 * Opens the SQLite database with the pragmas the bot relies on and applies the
 * generated migrations in `drizzle/`. Used by the bot at start, by the CLIs and by tests
 * (`:memory:`), so every path runs the real migrations.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database, { type RunResult } from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import * as schema from './schema/index.js';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/**
 * The bot's database or a transaction on it: a write through a transaction commits with it.
 * Domain functions that must join the caller's transaction (an outbox row written with the
 * change it announces) take this instead of `Db`.
 */
export type DbWriter = BaseSQLiteDatabase<'sync', RunResult, typeof schema>;

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
  // The roll-up triggers on service_logs (drizzle/0004_rollup_triggers.sql) must also see the
  // rows a REPLACE conflict deletes; SQLite fires delete triggers for those only with this on.
  sqlite.pragma('recursive_triggers = ON');
  reuseStatements(sqlite);
  const db = drizzle(sqlite, { schema, casing: 'snake_case' }) as Db;
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  keepStatistics(db, true);
  return db;
}

/** Compiled statements kept per connection (a few KB each; the bot runs a few hundred distinct queries). */
const STATEMENTS_KEPT = 256;

/**
 * Hands out one compiled statement per SQL text instead of compiling it again. drizzle prepares
 * every query it runs, and SQLite's compile was the largest single cost of handling a message
 * (bench/drill.ts profile: 8 % of the bot's CPU under load). A statement is reset to its
 * defaults when handed out again (drizzle switches `raw` on for some calls), and one still being
 * iterated (an export's cursor) is not shared: the caller gets a fresh one.
 */
function reuseStatements(sqlite: Database.Database): void {
  const compile = sqlite.prepare.bind(sqlite);
  const kept = new Map<string, Database.Statement>();
  sqlite.prepare = ((source: string) => {
    const stmt = kept.get(source);
    if (stmt && !stmt.busy) {
      kept.delete(source);
      kept.set(source, stmt);
      if (stmt.reader) stmt.raw(false).pluck(false).expand(false);
      return stmt;
    }
    const fresh = compile(source);
    if (!stmt) {
      kept.set(source, fresh);
      if (kept.size > STATEMENTS_KEPT) kept.delete(kept.keys().next().value!);
    }
    return fresh;
  }) as Database.Database['prepare'];
}

/**
 * Keeps the planner statistics (sqlite_stat1) current, as SQLite (≥ 3.46) recommends for a
 * long-lived connection: `optimize=0x10002` at open checks every table, plain `optimize` at
 * close the tables this connection queried; either analyses a table that has an unanalysed
 * index or has grown or shrunk tenfold since its last analysis, and skips empty tables, so a
 * new database costs nothing. Without statistics the weekly digests scan a college's whole
 * year in the covering college index to find its few branchless logs (issue 5 digest target).
 * analysis_limit bounds each index's analysis: at 10,000 rows the first open of a 2M-log
 * school takes 0.4–0.9 s (later opens ≈ 5 ms) and the digests get the plans a full ANALYZE
 * (≈ 2.6 s) gives; at 400 or 2,000 the samples hold a single college, the estimates tie and
 * the scan stays. A bot running for weeks should also call this now and then.
 */
export function keepStatistics(db: Db, all = false): void {
  db.$client.pragma('analysis_limit = 10000');
  db.$client.pragma(all ? 'optimize = 0x10002' : 'optimize');
}

export function closeDb(db: Db): void {
  if (!db.$client.open) return;
  try {
    keepStatistics(db);
  } finally {
    db.$client.close();
  }
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
