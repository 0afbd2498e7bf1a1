import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDb, openDb, type Db } from '../src/db/client.js';
import {
  branches,
  colleges,
  communities,
  members,
  pairings,
  programYears,
  serviceLogs,
  type NewServiceLog,
} from '../src/db/schema/index.js';

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
