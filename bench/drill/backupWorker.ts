/**
 * The drill's backup, in a worker thread so that reading whole databases does not stall the
 * load generator's event loop.
 *
 * 1. `backup`: S0 = every row of the live database, read in one read transaction just before
 *    the backup starts; then the backup itself, exactly as `npm run backup` (src/cli/backup.ts)
 *    does it — `openDb(DATABASE_PATH)` and SQLite's online backup API — while the bot keeps
 *    writing; then S1 = every row again, read just after it finished.
 * 2. `verify` (after the load): the backup file B must pass the bot's own restore checks
 *    (`checkBackup`: SQLite header, integrity_check, migration history this code knows), have
 *    no foreign-key violations and roll-ups equal to the approved logs they sum (a torn copy
 *    would fail these); B restored into a fresh path with the bot's `restoreDatabase` (what
 *    `npm run restore` runs) must hold exactly B's rows, table by table; and B is compared
 *    with the source database around the backup instant:
 *    - A backup is one consistent state of the database at some instant between S0 and S1,
 *      which nobody can read from outside. So a row that is the same in S0 and S1 (created
 *      before the backup started and not changed while it ran) must be in B byte for byte:
 *      these rows are compared exactly ("rows compared").
 *    - A row present in S0 and S1 but changed in between (an outbox row marked sent, an event
 *      marked done, a log approved) must be in B, in some state: checked for presence only.
 *    - A row in B but not in S0 was written while the backup ran; it must still be in S1 (or
 *      have been deleted by then). A row of S0 and S1 missing from B, or a row of B that never
 *      existed, is an error.
 *    SQLite's own tables (sqlite_stat1, written by PRAGMA optimize at open) are left out;
 *    sqlite_sequence is included.
 */
import { parentPort } from 'node:worker_threads';
import fs from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { closeDb, openDb } from '../../src/db/client.js';
import { checkBackup, restoreDatabase } from '../../src/db/restore.js';

type Rows = Map<string, string>;
type Snapshot = Map<string, Rows>;

function tableKeys(db: Database.Database): { name: string; key: string }[] {
  const names = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND (name NOT LIKE 'sqlite_%' OR name = 'sqlite_sequence') ORDER BY name`).all() as { name: string }[]).map((r) => r.name);
  return names.map((name) => {
    const cols = db.prepare(`PRAGMA table_info("${name}")`).all() as { name: string; pk: number }[];
    const pk = cols.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => `"${c.name}"`);
    return { name, key: name === 'sqlite_sequence' ? '"name"' : pk.length ? pk.join(" || '|' || ") : 'rowid' };
  });
}

function readAll(db: Database.Database): Snapshot {
  const snap: Snapshot = new Map();
  for (const { name, key } of tableKeys(db)) {
    const rows: Rows = new Map();
    for (const row of db.prepare(`SELECT (${key}) AS __key, * FROM "${name}"`).iterate() as Iterable<Record<string, unknown>>) {
      const { __key, ...rest } = row;
      rows.set(String(__key), JSON.stringify(rest, (_k, v) => (typeof v === 'bigint' ? String(v) : v)));
    }
    snap.set(name, rows);
  }
  return snap;
}

/** Every row of `file`, read in one read transaction (one consistent state). */
function snapshot(file: string): Snapshot {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    return db.transaction(() => readAll(db))();
  } finally {
    db.close();
  }
}

let s0: Snapshot | undefined;
let s1: Snapshot | undefined;
let backupFile = '';

async function backup(source: string, target: string) {
  backupFile = target;
  const t0 = performance.now();
  s0 = snapshot(source);
  const snapMs = performance.now() - t0;
  const started = performance.now();
  let steps = 0;
  let restarts = 0;
  const phases = { openMs: 0, closeMs: 0 };
  let lastRemaining = Infinity;
  const opened = performance.now();
  const db = openDb(source); // as src/cli/backup.ts
  const openMs = performance.now() - opened;
  try {
    await db.$client.backup(target, {
      progress: ({ remainingPages }) => {
        steps++;
        if (remainingPages > lastRemaining) restarts++;
        lastRemaining = remainingPages;
        if (performance.now() - started > 60_000) throw new Error('backup did not finish within 60 s');
        return 100; // better-sqlite3's default step
      },
    });
  } finally {
    const closing = performance.now();
    closeDb(db);
    phases.closeMs = performance.now() - closing;
  }
  const backupMs = performance.now() - started;
  s1 = snapshot(source);
  phases.openMs = openMs;
  return { snapMs, backupMs, phases, steps, restarts, bytes: fs.statSync(target).size, s0Rows: count(s0), s1Rows: count(s1) };
}

const count = (s: Snapshot) => [...s.values()].reduce((n, rows) => n + rows.size, 0);

function verify(restoreTo: string) {
  const problems: string[] = [];
  // The bot's own checks first: header, integrity_check, known migrations, a members table.
  try {
    checkBackup(backupFile);
  } catch (err) {
    problems.push(`checkBackup: ${(err as Error).message}`);
  }
  const b = new Database(backupFile, { readonly: true, fileMustExist: true });
  let fkViolations = 0;
  let rollupMismatches = 0;
  let backupSnap: Snapshot;
  try {
    fkViolations = (b.prepare('PRAGMA foreign_key_check').all() as unknown[]).length;
    const sums = `SELECT member_id, program_year_id, sum(half_hours) AS h, count(*) AS n FROM service_logs WHERE status = 'approved' GROUP BY member_id, program_year_id`;
    const kept = 'SELECT member_id, program_year_id, approved_half_hours AS h, approved_logs AS n FROM member_year_totals';
    rollupMismatches = (b.prepare(`SELECT count(*) AS c FROM (${sums} EXCEPT ${kept})`).get() as { c: number }).c + (b.prepare(`SELECT count(*) AS c FROM (${kept} EXCEPT ${sums})`).get() as { c: number }).c;
    backupSnap = readAll(b);
  } finally {
    b.close();
  }
  if (fkViolations) problems.push(`${fkViolations} foreign-key violations in the backup`);
  if (rollupMismatches) problems.push(`${rollupMismatches} roll-up rows differ from the approved logs they sum`);

  // The backup restored into a fresh path, as `npm run restore` does, holds exactly its rows.
  let restoredRows = 0;
  let restoreMismatches = 0;
  return restoreDatabase(backupFile, restoreTo).then(
    () => {
      const restored = snapshot(restoreTo);
      for (const [table, rows] of backupSnap) {
        const other = restored.get(table) ?? new Map();
        if (other.size !== rows.size) restoreMismatches += Math.abs(other.size - rows.size);
        for (const [key, value] of rows) {
          if (other.get(key) === value) restoredRows++;
          else restoreMismatches++;
        }
      }
      if (restoreMismatches) problems.push(`${restoreMismatches} rows differ between the backup and its restore`);
      return finish();
    },
    (err: unknown) => {
      problems.push(`restore: ${(err as Error).message}`);
      return finish();
    },
  );

  function finish() {
    // The backup against the source before (S0) and after (S1) it.
    let exact = 0;
    let changedPresent = 0;
    let writtenDuring = 0;
    let missing = 0;
    let differs = 0;
    let phantom = 0;
    const examples: string[] = [];
    for (const [table, before] of s0!) {
      const after = s1!.get(table) ?? new Map<string, string>();
      const inBackup = backupSnap.get(table) ?? new Map<string, string>();
      for (const [key, v0] of before) {
        const v1 = after.get(key);
        if (v1 === undefined) continue; // deleted meanwhile: may or may not be in the backup
        const vb = inBackup.get(key);
        if (vb === undefined) {
          missing++;
          if (examples.length < 5) examples.push(`${table} ${key}: in the source before and after, missing from the backup`);
        } else if (v0 === v1) {
          if (vb === v0) exact++;
          else {
            differs++;
            if (examples.length < 5) examples.push(`${table} ${key}: unchanged in the source, different in the backup`);
          }
        } else changedPresent++;
      }
      for (const key of inBackup.keys()) {
        if (before.has(key)) continue;
        writtenDuring++;
        if (!after.has(key)) {
          phantom++;
          if (examples.length < 5) examples.push(`${table} ${key}: in the backup, in neither source state (written and deleted during the backup?)`);
        }
      }
    }
    if (missing) problems.push(`${missing} rows of the source missing from the backup`);
    if (differs) problems.push(`${differs} unchanged rows differ in the backup`);
    return { problems, examples, exact, changedPresent, writtenDuring, phantom, restoredRows, fkViolations, rollupMismatches, tables: backupSnap.size };
  }
}

/**
 * This thread runs at nice 10, as the backup service does (deploy/community-practice-bot-backup.service
 * `Nice=10`): the backup and the drill's whole-database reads take the CPU the bot leaves over.
 * Niceness is per thread on Linux; /proc/thread-self names this one.
 */
try {
  const tid = Number(fs.readlinkSync('/proc/thread-self').split('/').at(-1));
  if (Number.isInteger(tid)) os.setPriority(tid, 10);
} catch {
  // Not Linux: the backup runs at normal priority.
}

parentPort!.on('message', (msg: { cmd: 'backup'; source: string; target: string } | { cmd: 'verify'; restoreTo: string }) => {
  const run = msg.cmd === 'backup' ? backup(msg.source, msg.target) : verify(msg.restoreTo);
  Promise.resolve(run).then(
    (result) => parentPort!.postMessage({ ok: true, result }),
    (err: unknown) => parentPort!.postMessage({ ok: false, error: (err as Error).stack ?? String(err) }),
  );
});
