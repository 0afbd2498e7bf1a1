/**
 * The year roll-ups (member_year_totals, branch_year_totals) are derived data kept by triggers
 * on service_logs; they must always equal what rebuildRollups() computes from the approved
 * logs. Checked through the real bot (a log approved, 全部通过, 驳回, 撤回, each level's own
 * log), after direct SQL writes of every kind to service_logs, after the migration's backfill
 * of a database that already held logs, and with each check also pinning the concrete totals.
 * Last, the planner statistics openDb and closeDb keep, which the roll-up era's digest plans need.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { asc } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { closeDb, MIGRATIONS_FOLDER, openDb, type Db } from '../src/db/client.js';
import { branchYearTotals, memberYearTotals, type ServiceLog } from '../src/db/schema/index.js';
import { rebuildRollups } from '../src/domain/rollups.js';
import { ACCOUNTS, envelope, logBy, program, startLoop, type Loop } from './helpers/loop.js';

const { secretary, collegeAdmin, schoolAdmin, student } = ACCOUNTS;

function rollups(db: Db) {
  return {
    members: db.select().from(memberYearTotals).orderBy(asc(memberYearTotals.memberId), asc(memberYearTotals.programYearId)).all(),
    branches: db.select().from(branchYearTotals).orderBy(asc(branchYearTotals.branchId), asc(branchYearTotals.programYearId)).all(),
  };
}
type Rollups = ReturnType<typeof rollups>;

/**
 * Asserts that the kept roll-ups equal rebuildRollups()'s, computed inside a transaction that is
 * rolled back: the kept rows are left as the triggers made them, so drift accumulates across
 * steps instead of being repaired by the check. Returns the rows for concrete assertions.
 */
function expectRollupsConsistent(db: Db): Rollups {
  const kept = rollups(db);
  expect(kept.members.every((r) => r.approvedLogs > 0) && kept.branches.every((r) => r.approvedLogs > 0)).toBe(true);
  db.$client.exec('begin immediate');
  try {
    rebuildRollups(db);
    expect(kept).toEqual(rollups(db));
  } finally {
    db.$client.exec('rollback');
  }
  return kept;
}

type Totals = { half: number; logs: number };
type BranchTotals = Totals & { shishi?: number; zoufang?: number; huodong?: number; xiangmu?: number };
const memberRow = (memberId: number, programYearId: number, t: Totals) => ({ memberId, programYearId, approvedHalfHours: t.half, approvedLogs: t.logs });
const branchRow = (branchId: number, programYearId: number, t: BranchTotals) => ({
  branchId, programYearId, approvedHalfHours: t.half, approvedLogs: t.logs,
  shishiLogs: t.shishi ?? 0, zoufangLogs: t.zoufang ?? 0, huodongLogs: t.huodong ?? 0, xiangmuLogs: t.xiangmu ?? 0,
});

describe('roll-ups through the bot', () => {
  let loop: Loop;
  let py: number;
  let branch: number;
  beforeAll(async () => {
    loop = await startLoop();
    py = program(loop.h).id;
    branch = loop.m.student.branchId!;
  });
  afterAll(() => loop.h.close());

  const approve = (by: string, log: ServiceLog) => loop.h.click(by, envelope('review.approve', { l: log.id }), { formValue: { rating: '4' } });
  const m = (who: keyof Loop['m']) => loop.m[who].id;

  it('a pending log counts nowhere; 通过 puts it in the student\'s and the branch\'s totals', async () => {
    const log = await logBy(loop, 'student', { item: 'shishi', hours: '2' });
    expect(expectRollupsConsistent(loop.h.bot.db)).toEqual({ members: [], branches: [] });

    expect((await approve(secretary, log)).body.toast.type).toBe('success');
    expect(expectRollupsConsistent(loop.h.bot.db)).toEqual({
      members: [memberRow(m('student'), py, { half: 4, logs: 1 })],
      branches: [branchRow(branch, py, { half: 4, logs: 1, shishi: 1 })],
    });
  });

  it('全部通过 adds each approved log to its author and to the branch, item by item', async () => {
    const a = await logBy(loop, 'student', { item: 'zoufang', hours: '1.5' });
    const b = await logBy(loop, 'student2', { item: 'huodong', hours: '3' });
    const res = await loop.h.click(secretary, envelope('review.approveAll', { ids: `${a.id},${b.id}` }));
    expect(res.body.toast.type).toBe('success');
    expect(expectRollupsConsistent(loop.h.bot.db)).toEqual({
      members: [memberRow(m('student'), py, { half: 7, logs: 2 }), memberRow(m('student2'), py, { half: 6, logs: 1 })],
      branches: [branchRow(branch, py, { half: 13, logs: 3, shishi: 1, zoufang: 1, huodong: 1 })],
    });
  });

  it('驳回 and 撤回 change no total, and a late 通过 of the withdrawn log neither', async () => {
    const before = rollups(loop.h.bot.db);
    const rejected = await logBy(loop, 'student2', { item: 'xiangmu', hours: '5' });
    const reject = await loop.h.click(secretary, envelope('review.reject', { l: rejected.id }), { formValue: { reason: '时长不属实' } });
    expect(reject.body.toast.type).toBe('success');
    expect(expectRollupsConsistent(loop.h.bot.db)).toEqual(before);

    const withdrawn = await logBy(loop, 'student', { item: 'x', hours: '4' });
    expect((await loop.h.click(student, envelope('log.withdraw', { l: withdrawn.id }))).body.toast.type).toBe('success');
    expect((await approve(secretary, withdrawn)).body.toast.type).toBe('error');
    expect(expectRollupsConsistent(loop.h.bot.db)).toEqual(before);
  });

  it('a secretary\'s log approved by the 团总支 counts for the branch; a 团总支\'s, approved by the 团委, only for its author', async () => {
    const own = await logBy(loop, 'secretary', { item: 'xiangmu', hours: '1' });
    expect((await approve(collegeAdmin, own)).body.toast.type).toBe('success');
    const admins = await logBy(loop, 'collegeAdmin', { item: 'shishi', hours: '2.5' });
    expect(admins.branchId).toBeNull();
    expect((await approve(schoolAdmin, admins)).body.toast.type).toBe('success');

    expect(expectRollupsConsistent(loop.h.bot.db)).toEqual({
      members: [
        memberRow(m('secretary'), py, { half: 2, logs: 1 }),
        memberRow(m('student'), py, { half: 7, logs: 2 }),
        memberRow(m('student2'), py, { half: 6, logs: 1 }),
        memberRow(m('collegeAdmin'), py, { half: 5, logs: 1 }),
      ].sort((x, y) => x.memberId - y.memberId),
      branches: [branchRow(branch, py, { half: 15, logs: 4, shishi: 1, zoufang: 1, huodong: 1, xiangmu: 1 })],
    });
  });
});

// ── direct SQL on service_logs ──────────────────────────────────────────────

/** A small school written with plain SQL, so it works on a database at any migration. */
function seedSchool(sqlite: Database.Database) {
  const id = (sql: string, ...args: unknown[]) => Number(sqlite.prepare(sql).run(...args).lastInsertRowid);
  const year = (name: string, current: number) => id(
    `insert into program_years (name, starts_on, ends_on, is_current, pairing_deadline, project_list_deadline, matching_deadline)
     values (?, '2026-10-01', '2027-09-30', ?, '2026-11-11', '2026-11-11', '2026-11-19')`, name, current);
  const y1 = year('2026-2027', 1);
  const y2 = year('2025-2026', 0);
  const college = id(`insert into colleges (name) values ('计算机学院')`);
  const branchA = id(`insert into branches (college_id, name) values (?, '计科2301团支部')`, college);
  const branchB = id(`insert into branches (college_id, name) values (?, '计科2302团支部')`, college);
  const member = (no: string, role: string, branch: number | null) =>
    id(`insert into members (student_no, name, role, college_id, branch_id) values (?, ?, ?, ?, ?)`, no, `成员${no}`, role, college, branch);
  return { y1, y2, college, branchA, branchB, a1: member('A1', 'student', branchA), a2: member('A2', 'student', branchA), b1: member('B1', 'student', branchB), admin: member('T1', 'college_admin', null) };
}
type School = ReturnType<typeof seedSchool>;

const LOG_COLUMNS = 'member_id, branch_id, college_id, program_year_id, service_date, item, half_hours, description, source, status, dedupe_key, created_at';

let keySeq = 0;
/** Inserts a log with plain SQL (the triggers see it like any other insert); returns its id. */
function insertLog(sqlite: Database.Database, s: School, log: { member: number; branch: number | null; year?: number; item: string; half: number; status: string }): number {
  return Number(sqlite.prepare(
    `insert into service_logs (${LOG_COLUMNS}) values (?, ?, ?, ?, '2026-11-20', ?, ?, '服务', 'self', ?, ?, 0)`,
  ).run(log.member, log.branch, s.college, log.year ?? s.y1, log.item, log.half, log.status, `k${++keySeq}`).lastInsertRowid);
}

/** The logs every direct-SQL case starts from, and the totals they make. */
function seedLogs(sqlite: Database.Database, s: School) {
  return {
    l1: insertLog(sqlite, s, { member: s.a1, branch: s.branchA, item: 'shishi', half: 4, status: 'approved' }),
    l2: insertLog(sqlite, s, { member: s.a1, branch: s.branchA, item: 'zoufang', half: 2, status: 'approved' }),
    l3: insertLog(sqlite, s, { member: s.a2, branch: s.branchA, item: 'huodong', half: 3, status: 'approved' }),
    l4: insertLog(sqlite, s, { member: s.a2, branch: s.branchA, item: 'xiangmu', half: 6, status: 'pending' }),
    l5: insertLog(sqlite, s, { member: s.b1, branch: s.branchB, item: 'shishi', half: 1, status: 'approved' }),
    l6: insertLog(sqlite, s, { member: s.admin, branch: null, item: 'x', half: 2, status: 'approved' }),
    l7: insertLog(sqlite, s, { member: s.a1, branch: s.branchA, item: 'x', half: 5, status: 'rejected' }),
  };
}
type Logs = ReturnType<typeof seedLogs>;

/** The seeded totals, keyed for readable expectations. */
function seededTotals(s: School) {
  return {
    members: { [s.a1]: { half: 6, logs: 2 }, [s.a2]: { half: 3, logs: 1 }, [s.b1]: { half: 1, logs: 1 }, [s.admin]: { half: 2, logs: 1 } } as Record<number, Totals>,
    branches: { [s.branchA]: { half: 9, logs: 3, shishi: 1, zoufang: 1, huodong: 1 }, [s.branchB]: { half: 1, logs: 1, shishi: 1 } } as Record<number, BranchTotals>,
  };
}

/** Both sets of rows, in the order rollups() reads them. */
function merged(a: Rollups, b: Rollups): Rollups {
  return {
    members: [...a.members, ...b.members].sort((x, y) => x.memberId - y.memberId || x.programYearId - y.programYearId),
    branches: [...a.branches, ...b.branches].sort((x, y) => x.branchId - y.branchId || x.programYearId - y.programYearId),
  };
}

const triggersOn = (db: Db, table: string) => db.$client.prepare(`select name from sqlite_master where type = 'trigger' and tbl_name = ? order by name`).pluck().all(table);
const ROLLUP_TRIGGERS = ['service_logs_rollup_delete', 'service_logs_rollup_insert', 'service_logs_rollup_update'];

/** Rows of year `py` built from totals keyed by member / branch id (absent: no row). */
function rowsOf(py: number, t: ReturnType<typeof seededTotals>): Rollups {
  return {
    members: Object.entries(t.members).map(([id, v]) => memberRow(Number(id), py, v)),
    branches: Object.entries(t.branches).map(([id, v]) => branchRow(Number(id), py, v)),
  };
}

describe('roll-ups after direct writes to service_logs', () => {
  let db: Db;
  let s: School;
  let l: Logs;
  const run = (sql: string, ...args: unknown[]) => db.$client.prepare(sql).run(...args);
  beforeEach(() => {
    db = openDb(':memory:');
    s = seedSchool(db.$client);
    l = seedLogs(db.$client, s);
  });
  afterEach(() => closeDb(db));

  it('inserting approved logs fills them; pending and rejected ones count nowhere', () => {
    expect(expectRollupsConsistent(db)).toEqual(rowsOf(s.y1, seededTotals(s)));
  });

  /** Applies `edit` to the seeded totals and checks the kept rows against them and the rebuild. */
  function expectAfter(edit: (t: ReturnType<typeof seededTotals>) => void, years: Rollups = { members: [], branches: [] }) {
    const t = seededTotals(s);
    edit(t);
    expect(expectRollupsConsistent(db)).toEqual(merged(rowsOf(s.y1, t), years));
  }

  it('approved → rejected takes the log out, and the member left with no approved log loses the row', () => {
    run(`update service_logs set status = 'rejected' where id = ?`, l.l3);
    expectAfter((t) => {
      delete t.members[s.a2];
      t.branches[s.branchA] = { half: 6, logs: 2, shishi: 1, zoufang: 1 };
    });
  });

  it('approved → pending (sent back for review) takes it out as well', () => {
    run(`update service_logs set status = 'pending' where id = ?`, l.l5);
    expectAfter((t) => {
      delete t.members[s.b1];
      delete t.branches[s.branchB];
    });
  });

  it('pending → approved and rejected → approved put the logs in', () => {
    run(`update service_logs set status = 'approved' where id in (?, ?)`, l.l4, l.l7);
    expectAfter((t) => {
      t.members[s.a1] = { half: 11, logs: 3 };
      t.members[s.a2] = { half: 9, logs: 2 };
      t.branches[s.branchA] = { half: 20, logs: 5, shishi: 1, zoufang: 1, huodong: 1, xiangmu: 1 };
    });
  });

  it('re-approving an approved log changes nothing', () => {
    run(`update service_logs set status = 'approved' where status = 'approved'`);
    expectAfter(() => {});
  });

  it('changing the hours of an approved log moves both totals; of a pending log, neither', () => {
    run(`update service_logs set half_hours = 8 where id = ?`, l.l1);
    run(`update service_logs set half_hours = 1 where id = ?`, l.l4);
    expectAfter((t) => {
      t.members[s.a1] = { half: 10, logs: 2 };
      t.branches[s.branchA]!.half = 13;
    });
  });

  it('changing the item of an approved log moves its "四个一" count', () => {
    run(`update service_logs set item = 'huodong' where id = ?`, l.l1);
    run(`update service_logs set item = 'x' where id = ?`, l.l2);
    expectAfter((t) => {
      t.branches[s.branchA] = { half: 9, logs: 3, huodong: 2 };
    });
  });

  it('moving an approved log to another member keeps the branch and moves the member totals', () => {
    run(`update service_logs set member_id = ? where id = ?`, s.b1, l.l2);
    expectAfter((t) => {
      t.members[s.a1] = { half: 4, logs: 1 };
      t.members[s.b1] = { half: 3, logs: 2 };
    });
  });

  it('moving an approved log to another branch empties the branch it leaves', () => {
    run(`update service_logs set branch_id = ? where id = ?`, s.branchA, l.l5);
    expectAfter((t) => {
      delete t.branches[s.branchB];
      t.branches[s.branchA] = { half: 10, logs: 4, shishi: 2, zoufang: 1, huodong: 1 };
    });
  });

  it('a log whose branch becomes NULL leaves the branch only; one that gains a branch joins it', () => {
    run(`update service_logs set branch_id = null where id = ?`, l.l3);
    run(`update service_logs set branch_id = ? where id = ?`, s.branchB, l.l6);
    expectAfter((t) => {
      t.branches[s.branchA] = { half: 6, logs: 2, shishi: 1, zoufang: 1 };
      t.branches[s.branchB] = { half: 3, logs: 2, shishi: 1 };
    });
  });

  it('moving an approved log to another program year moves it between the years\' rows', () => {
    run(`update service_logs set program_year_id = ? where id = ?`, s.y2, l.l5);
    expectAfter((t) => {
      delete t.members[s.b1];
      delete t.branches[s.branchB];
    }, { members: [memberRow(s.b1, s.y2, { half: 1, logs: 1 })], branches: [branchRow(s.branchB, s.y2, { half: 1, logs: 1, shishi: 1 })] });
  });

  it('one statement changing member, branch, year, item, hours and status at once', () => {
    run(`update service_logs set member_id = ?, branch_id = ?, program_year_id = ?, item = 'zoufang', half_hours = 7, status = 'approved' where id = ?`, s.b1, s.branchB, s.y2, l.l7);
    run(`update service_logs set member_id = ?, branch_id = null, item = 'xiangmu', half_hours = 9 where id = ?`, s.admin, l.l1);
    expectAfter((t) => {
      t.members[s.a1] = { half: 2, logs: 1 };
      t.members[s.admin] = { half: 11, logs: 2 };
      t.branches[s.branchA] = { half: 5, logs: 2, zoufang: 1, huodong: 1 };
    }, { members: [memberRow(s.b1, s.y2, { half: 7, logs: 1 })], branches: [branchRow(s.branchB, s.y2, { half: 7, logs: 1, zoufang: 1 })] });
  });

  it('an update of other columns of an approved log changes nothing', () => {
    run(`update service_logs set description = '改过的描述', rating = 5, community_rating = 4 where id = ?`, l.l1);
    expectAfter(() => {});
  });

  it('deleting approved logs takes them out and removes rows left with no log; deleting others changes nothing', () => {
    run(`delete from service_logs where id in (?, ?, ?)`, l.l3, l.l5, l.l6);
    run(`delete from service_logs where id in (?, ?)`, l.l4, l.l7);
    expectAfter((t) => {
      delete t.members[s.a2];
      delete t.members[s.b1];
      delete t.members[s.admin];
      delete t.branches[s.branchB];
      t.branches[s.branchA] = { half: 6, logs: 2, shishi: 1, zoufang: 1 };
    });
  });

  it('deleting every log empties both tables', () => {
    run('delete from service_logs');
    expect(expectRollupsConsistent(db)).toEqual({ members: [], branches: [] });
  });

  it('an already approved log inserted into another year gets its own rows', () => {
    insertLog(db.$client, s, { member: s.a1, branch: s.branchA, year: s.y2, item: 'xiangmu', half: 3, status: 'approved' });
    insertLog(db.$client, s, { member: s.a1, branch: s.branchA, item: 'shishi', half: 1, status: 'approved' });
    expectAfter((t) => {
      t.members[s.a1] = { half: 7, logs: 3 };
      t.branches[s.branchA] = { half: 10, logs: 4, shishi: 2, zoufang: 1, huodong: 1 };
    }, { members: [memberRow(s.a1, s.y2, { half: 3, logs: 1 })], branches: [branchRow(s.branchA, s.y2, { half: 3, logs: 1, xiangmu: 1 })] });
  });

  it('an upsert that approves an existing log counts it once', () => {
    run(
      `insert into service_logs (id, ${LOG_COLUMNS})
       values (?, ?, ?, ?, ?, '2026-11-20', 'xiangmu', 6, '服务', 'self', 'approved', 'upsert', 0)
       on conflict (id) do update set status = excluded.status`,
      l.l4, s.a2, s.branchA, s.college, s.y1,
    );
    expectAfter((t) => {
      t.members[s.a2] = { half: 9, logs: 2 };
      t.branches[s.branchA] = { half: 15, logs: 4, shishi: 1, zoufang: 1, huodong: 1, xiangmu: 1 };
    });
  });

  it('rebuildRollups of one year rewrites that year\'s rows only; without a year, every row', () => {
    insertLog(db.$client, s, { member: s.a1, branch: s.branchA, year: s.y2, item: 'xiangmu', half: 3, status: 'approved' });
    const good = rollups(db);
    run('update member_year_totals set approved_half_hours = 99');
    run('delete from branch_year_totals');
    rebuildRollups(db, s.y1);
    const ofYear = (r: Rollups, py: number) => ({ members: r.members.filter((x) => x.programYearId === py), branches: r.branches.filter((x) => x.programYearId === py) });
    expect(ofYear(rollups(db), s.y1)).toEqual(ofYear(good, s.y1));
    expect(ofYear(rollups(db), s.y2)).toEqual({ members: [memberRow(s.a1, s.y2, { half: 99, logs: 1 })], branches: [] });
    rebuildRollups(db);
    expect(rollups(db)).toEqual(good);
  });

  it('a REPLACE that deletes an approved log (same id, or same live dedupe key) takes it out', () => {
    // REPLACE deletes the conflicting row; SQLite fires delete triggers for it only with
    // recursive_triggers on, which openDb sets.
    run(
      `insert or replace into service_logs (id, member_id, branch_id, college_id, program_year_id, service_date, item, half_hours, description, source, status, dedupe_key, created_at)
       values (?, ?, ?, ?, ?, '2026-11-20', 'shishi', 4, '服务', 'self', 'pending', 'replaced', 0)`,
      l.l1, s.a1, s.branchA, s.college, s.y1,
    );
    const key = db.$client.prepare('select dedupe_key from service_logs where id = ?').pluck().get(l.l3);
    run(`update or replace service_logs set dedupe_key = ? where id = ?`, key, l.l4);
    expectAfter((t) => {
      t.members[s.a1] = { half: 2, logs: 1 };
      delete t.members[s.a2];
      t.branches[s.branchA] = { half: 2, logs: 1, zoufang: 1 };
    });
  });
});

// ── the migrations ──────────────────────────────────────────────────────────

/** A migrations folder holding only the first `count` migrations of drizzle/. */
function firstMigrations(count: number): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cpbot-migrations-'));
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_FOLDER, 'meta/_journal.json'), 'utf8')) as { entries: { tag: string }[] };
  journal.entries = journal.entries.slice(0, count);
  fs.mkdirSync(path.join(dir, 'meta'));
  fs.writeFileSync(path.join(dir, 'meta/_journal.json'), JSON.stringify(journal));
  for (const { tag } of journal.entries) fs.copyFileSync(path.join(MIGRATIONS_FOLDER, `${tag}.sql`), path.join(dir, `${tag}.sql`));
  return dir;
}

describe('the roll-up migrations', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('backfill the logs a database held before them, and leave the triggers on service_logs', () => {
    const migrations = firstMigrations(3);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cpbot-')), 'bot.db');
    dirs.push(migrations, path.dirname(file));
    expect(fs.readdirSync(migrations).filter((f) => f.endsWith('.sql')).sort()).toEqual(['0000_init.sql', '0001_review_messages.sql', '0002_metrics_indexes.sql']);

    const old = new Database(file);
    migrate(drizzle(old), { migrationsFolder: migrations });
    expect(old.prepare(`select name from sqlite_master where name in ('member_year_totals', 'branch_year_totals') or type = 'trigger'`).all()).toEqual([]);
    const s = seedSchool(old);
    seedLogs(old, s);
    insertLog(old, s, { member: s.a2, branch: s.branchA, year: s.y2, item: 'zoufang', half: 5, status: 'approved' });
    old.close();

    const db = openDb(file);
    try {
      expect(triggersOn(db, 'service_logs')).toEqual(ROLLUP_TRIGGERS);
      const t = seededTotals(s);
      expect(expectRollupsConsistent(db)).toEqual(merged(rowsOf(s.y1, t), {
        members: [memberRow(s.a2, s.y2, { half: 5, logs: 1 })],
        branches: [branchRow(s.branchA, s.y2, { half: 5, logs: 1, zoufang: 1 })],
      }));

      // The backfilled rows go on being kept by the triggers.
      db.$client.prepare(`update service_logs set status = 'rejected' where member_id = ? and program_year_id = ?`).run(s.a2, s.y2);
      expect(expectRollupsConsistent(db)).toEqual(rowsOf(s.y1, t));
    } finally {
      closeDb(db);
    }
  });

  it('a new database has the three triggers and no roll-up rows', () => {
    const db = openDb(':memory:');
    try {
      expect(triggersOn(db, 'service_logs')).toEqual(ROLLUP_TRIGGERS);
      expect(expectRollupsConsistent(db)).toEqual({ members: [], branches: [] });
    } finally {
      closeDb(db);
    }
  });
});

describe('planner statistics', () => {
  it('a new database is opened without analysing its empty tables; closing one that holds logs analyses them for the next open', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cpbot-')), 'bot.db');
    const stat1 = (sqlite: Database.Database, table: string) =>
      sqlite.prepare(`select count(*) from sqlite_master where name = 'sqlite_stat1'`).pluck().get()
        ? sqlite.prepare('select count(*) from sqlite_stat1 where tbl = ?').pluck().get(table)
        : 0;
    try {
      const db = openDb(file);
      expect(stat1(db.$client, 'service_logs')).toBe(0);
      seedLogs(db.$client, seedSchool(db.$client));
      const indexes = db.$client.prepare(`select count(*) from sqlite_master where type = 'index' and tbl_name = 'service_logs'`).pluck().get();
      closeDb(db);

      const after = new Database(file, { readonly: true });
      expect(stat1(after, 'service_logs')).toBe(indexes);
      after.close();
    } finally {
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    }
  });
});
