/**
 * How the export reads the database: on a connection of its own, in one read transaction.
 */
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import type { Db } from '../../db/client.js';
import * as schema from '../../db/schema/index.js';
import type { YearRef } from './details.js';

/**
 * A connection of its own for the export: iterating holds a better-sqlite3 connection busy,
 * and the export awaits between chunks, so the bot's connection must stay free for other
 * updates meanwhile. One read transaction gives every sheet the same snapshot: the record
 * sheets read the connection directly, the summary sheets read it through drizzle as the
 * metrics' `Db` (no migrations: the bot's connection has applied them, and this one is read-only).
 * An in-memory database has no second connection; it is read in place.
 */
export function openReader(db: Db): { db: Db; conn: Database.Database; close(): void } {
  const main = db.$client;
  if (main.memory) return { db, conn: main, close() {} };
  const conn = new Database(main.name, { readonly: true, fileMustExist: true });
  conn.pragma('busy_timeout = 5000');
  conn.exec('BEGIN');
  return { db: drizzle(conn, { schema, casing: 'snake_case' }) as Db, conn, close: () => conn.close() };
}

/** The program year's dates, read on the export's connection. */
export function yearRef(conn: Database.Database, programYearId: number): YearRef | undefined {
  return conn.prepare('SELECT id, starts_on AS startsOn, ends_on AS endsOn FROM program_years WHERE id = ?').get(programYearId) as YearRef | undefined;
}
