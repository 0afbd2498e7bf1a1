import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDb, MIGRATIONS_FOLDER, openDb, type Db } from '../src/db/client.js';
import {
  branches,
  checkins,
  colleges,
  communities,
  members,
  pairings,
  programYears,
  serviceLogs,
  type NewServiceLog,
} from '../src/db/schema/index.js';
import { hasLiveLog } from '../src/domain/checkins.js';
import { CHECKINS_SQL } from '../src/domain/export/details.js';

const NOW = Date.UTC(2026, 10, 20, 2, 0, 0);

function seed(db: Db) {
  const year = db.insert(programYears).values({
    name: '2026-2027', startsOn: '2026-10-01', endsOn: '2027-09-30', isCurrent: true,
    pairingDeadline: '2026-11-11', projectListDeadline: '2026-11-11', matchingDeadline: '2026-11-19',
  }).returning().get();
  const college = db.insert(colleges).values({ name: '计算机学院' }).returning().get();
  const branch = db.insert(branches).values({ collegeId: college.id, name: '计科2201团支部' }).returning().get();
  const member = db.insert(members).values({
    studentNo: '2022001', name: '张三', role: 'student', collegeId: college.id, branchId: branch.id,
  }).returning().get();
  const community = db.insert(communities).values({
    name: '幸福社区', normalisedName: '幸福社区', level: 'community', region: '沈阳市浑南区',
  }).returning().get();
  return { year, college, branch, member, community };
}

describe('schema', () => {
  let db: Db;
  let s: ReturnType<typeof seed>;

  beforeEach(() => {
    db = openDb(':memory:');
    s = seed(db);
  });
  afterEach(() => closeDb(db));

  it('migrates with foreign keys on', () => {
    expect(db.$client.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.$client.pragma('foreign_key_check')).toEqual([]);
  });

  it('allows one active pairing per branch, and a new one once the first has ended', () => {
    const pairing = (status: 'draft' | 'signed' | 'ended' = 'signed') => ({
      branchId: s.branch.id, communityId: s.community.id, programYearId: s.year.id, status, signedOn: '2026-11-01',
    });
    const first = db.insert(pairings).values(pairing()).returning().get();

    expect(() => db.insert(pairings).values(pairing()).run()).toThrow(/UNIQUE constraint failed/);
    expect(() => db.insert(pairings).values(pairing('draft')).run()).toThrow(/UNIQUE constraint failed/);

    db.update(pairings).set({ status: 'ended', endedOn: '2026-12-01' }).where(eq(pairings.id, first.id)).run();
    db.insert(pairings).values(pairing()).run();
    expect(db.select().from(pairings).all().map((p) => p.status)).toEqual(['ended', 'signed']);
  });

  it('refuses a duplicate live service log, and accepts it again after the first is withdrawn', () => {
    const log: NewServiceLog = {
      memberId: s.member.id, branchId: s.branch.id, collegeId: s.college.id, programYearId: s.year.id,
      serviceDate: '2026-11-20', item: 'zoufang', area: 'grassroots_governance', communityId: s.community.id,
      halfHours: 4, description: '走访幸福社区物业公司了解垃圾分类', source: 'self', dedupeKey: 'hash-1',
      createdAt: NOW,
    };
    const first = db.insert(serviceLogs).values(log).returning().get();
    expect(first.status).toBe('pending');
    expect(first.mode).toBe('offline');

    expect(() => db.insert(serviceLogs).values(log).run()).toThrow(/UNIQUE constraint failed: service_logs.dedupe_key/);

    db.update(serviceLogs).set({ status: 'withdrawn', updatedAt: NOW }).where(eq(serviceLogs.id, first.id)).run();
    const again = db.insert(serviceLogs).values(log).returning().get();
    expect(again.id).not.toBe(first.id);
  });

  it('rejects rows that point at nothing or break a range', () => {
    const log: NewServiceLog = {
      memberId: 9999, collegeId: s.college.id, programYearId: s.year.id, serviceDate: '2026-11-20',
      item: 'shishi', halfHours: 2, description: '辅导作业', source: 'self', dedupeKey: 'hash-2',
    };
    expect(() => db.insert(serviceLogs).values(log).run()).toThrow(/FOREIGN KEY constraint failed/);
    expect(() => db.insert(serviceLogs).values({ ...log, memberId: s.member.id, halfHours: 0 }).run())
      .toThrow(/CHECK constraint failed: service_logs_half_hours_positive/);
    expect(() => db.insert(serviceLogs).values({ ...log, memberId: s.member.id, rating: 6 }).run())
      .toThrow(/CHECK constraint failed: service_logs_rating_range/);
  });
});

// ── migrating a database made before 0009 ───────────────────────────────────

/** A copy of drizzle/ holding only the migrations up to and including `lastTag`. */
function migrationsUpTo(lastTag: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cpbot-migrations-'));
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_FOLDER, 'meta/_journal.json'), 'utf8')) as { entries: { tag: string }[] };
  const last = journal.entries.findIndex((e) => e.tag === lastTag);
  if (last < 0) throw new Error(`no migration ${lastTag}`);
  journal.entries = journal.entries.slice(0, last + 1);
  fs.mkdirSync(path.join(dir, 'meta'));
  fs.writeFileSync(path.join(dir, 'meta/_journal.json'), JSON.stringify(journal));
  for (const { tag } of journal.entries) fs.copyFileSync(path.join(MIGRATIONS_FOLDER, `${tag}.sql`), path.join(dir, `${tag}.sql`));
  return dir;
}

describe('dropping member_totals and checkins.service_log_id (0009–0011)', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('keeps every check-in, every log and every link of a database made by 0000–0008', () => {
    const migrations = migrationsUpTo('0008_member_union_id');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cpbot-')), 'bot.db');
    dirs.push(migrations, path.dirname(file));

    // The schema as 0008 left it, with foreign keys on (better-sqlite3's default, and openDb's).
    const old = new Database(file);
    migrate(drizzle(old), { migrationsFolder: migrations });
    expect(old.pragma('foreign_keys', { simple: true })).toBe(1);
    old.exec(`
      INSERT INTO program_years (id, name, starts_on, ends_on, is_current, pairing_deadline, project_list_deadline, matching_deadline)
        VALUES (1, '2026-2027', '2026-10-01', '2027-09-30', 1, '2026-11-11', '2026-11-11', '2026-11-19');
      INSERT INTO colleges (id, name) VALUES (1, '计算机学院');
      INSERT INTO branches (id, college_id, name) VALUES (1, 1, '计科2201团支部');
      INSERT INTO members (id, student_no, name, role, college_id, branch_id) VALUES (1, '2022001', '张三', 'student', 1, 1);
      INSERT INTO communities (id, name, normalised_name, level) VALUES (1, '幸福社区', '幸福社区', 'community');
      INSERT INTO member_totals (member_id, program_year_id, approved_half_hours) VALUES (1, 1, 4);
      INSERT INTO checkins (id, member_id, branch_id, college_id, community_id, site_name, kind, checkin_date, checked_in_at, checked_out_at, latitude, longitude, location_message_id)
        VALUES (1, 1, 1, 1, 1, '幸福社区', 'daily', '2026-11-18', 1000, 8200000, 41.12, 121.13, 'om_loc'),
               (2, 1, 1, 1, NULL, '图书馆', 'daily', '2026-11-19', 2000, 7202000, NULL, NULL, NULL),
               (3, 1, 1, 1, NULL, '敬老院', 'daily', '2026-11-20', 3000, 7203000, NULL, NULL, NULL),
               (4, 1, 1, 1, NULL, '养老中心', 'daily', '2026-11-20', 4000, NULL, NULL, NULL, NULL);
      INSERT INTO service_logs (id, member_id, branch_id, college_id, program_year_id, service_date, item, community_id, half_hours, description, source, status, checkin_id, dedupe_key, created_at)
        VALUES (1, 1, 1, 1, 1, '2026-11-18', 'shishi', 1, 4, '辅导作业（撤回）', 'timed', 'withdrawn', 1, 'k1', 10),
               (2, 1, 1, 1, 1, '2026-11-18', 'shishi', 1, 4, '辅导作业', 'timed', 'approved', 1, 'k2', 20),
               (3, 1, 1, 1, 1, '2026-11-19', 'zoufang', NULL, 4, '走访图书馆', 'self', 'pending', NULL, 'k3', 30),
               (4, 1, 1, 1, 1, '2026-11-20', 'huodong', NULL, 4, '敬老院活动', 'timed', 'pending', 3, 'k4', 40),
               (5, 1, 1, 1, 1, '2026-11-20', 'xiangmu', NULL, 2, '与报到无关', 'self', 'pending', NULL, 'k5', 50);
      -- Linked both ways (1 → 2, its withdrawn first log 1 also pointing there); only from the
      -- check-in (2 → 3: an earlier identical log a check-out form finished sending); only from the
      -- log (4 → 3: the bot stopped before the second write); not linked (4).
      UPDATE checkins SET service_log_id = 2 WHERE id = 1;
      UPDATE checkins SET service_log_id = 3 WHERE id = 2;
    `);
    const checkinsBefore = old.prepare('SELECT * FROM checkins ORDER BY id').all() as Record<string, unknown>[];
    const logsBefore = old.prepare('SELECT * FROM service_logs ORDER BY id').all() as Record<string, unknown>[];
    const rollupsBefore = old.prepare('SELECT * FROM member_year_totals').all();
    old.close();

    const db = openDb(file);
    try {
      const c = db.$client;
      expect(c.prepare(`SELECT name FROM sqlite_master WHERE name = 'member_totals'`).all()).toEqual([]);
      expect((c.pragma('table_info(checkins)') as { name: string }[]).map((col) => col.name)).not.toContain('service_log_id');
      expect(c.prepare(`SELECT name FROM sqlite_temp_master`).all()).toEqual([]);
      expect(c.pragma('foreign_key_check')).toEqual([]);
      expect(c.pragma('foreign_keys', { simple: true })).toBe(1);

      // Every check-in as it was, without the dropped column; the indexes rebuilt.
      // Later migrations add columns with their defaults (0013: the 三下乡 team, 返家乡).
      expect(c.prepare('SELECT * FROM checkins ORDER BY id').all()).toEqual(checkinsBefore.map(({ service_log_id: _, ...rest }) => ({ ...rest, team_id: null, return_home: 0 })));
      expect(c.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'checkins' ORDER BY name`).all())
        .toEqual([{ name: 'checkins_college_date' }, { name: 'checkins_member_site_date' }]);

      // Every log as it was, but log 3, which took over the link its check-in held (and with no
      // project, the column 0012 adds).
      expect(c.prepare('SELECT * FROM service_logs ORDER BY id').all()).toEqual(logsBefore.map((l) => ({ ...(l.id === 3 ? { ...l, checkin_id: 2 } : l), project_id: null, team_id: null, return_home: 0 })));
      expect(c.prepare('SELECT * FROM member_year_totals').all()).toEqual(rollupsBefore);

      // The links read as before: check-ins 1–3 are out with a log that stands, 4 is free.
      const checkin = (id: number) => db.select().from(checkins).where(eq(checkins.id, id)).get()!;
      expect([1, 2, 3, 4].map((id) => hasLiveLog(db, checkin(id)))).toEqual([true, true, true, false]);
      const exported = c.prepare(CHECKINS_SQL).raw(true).all({ from: '2026-10-01', to: '2027-09-30' }) as unknown[][];
      expect(exported.map((r) => [r[0], r[r.length - 1]])).toEqual([[1, 2], [2, 3], [3, 4], [4, null]]);
    } finally {
      closeDb(db);
    }
  });
});
