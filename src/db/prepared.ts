/**
 * Queries built and prepared once per connection, for what nearly every message does (who is
 * this, which program year, their hours). A drizzle builder chain rebuilds its SQL on every call
 * (the connection keeps SQLite's compiled statement — client.ts `reuseStatements` — but not the
 * building): ≈ 90 µs for a one-row select here when it also compiled, against ≈ 15 µs for the same
 * query prepared, and /我的 ran seven of them (bench/ack.ts, `--only=me`).
 *
 *   const byOpenId = (db: Db) => db.select().from(members).where(eq(members.openId, sql.placeholder('openId'))).prepare();
 *   prepared(db, byOpenId).get({ openId });
 *
 * The builder function is the key, so define it once at module level. Values that vary go in
 * as placeholders; they are bound as given, without the column's mapping (pass 1, not true).
 */
import type { Db } from './client.js';

const byDb = new WeakMap<object, Map<(db: Db) => unknown, unknown>>();

export function prepared<T>(db: Db, build: (db: Db) => T): T {
  let queries = byDb.get(db);
  if (!queries) byDb.set(db, (queries = new Map()));
  let query = queries.get(build) as T | undefined;
  if (query === undefined) queries.set(build, (query = build(db)));
  return query;
}
