/**
 * Tracking metrics on a generated large school (issue 5: 20 colleges, 1,000 branches, 50,000
 * members, 2,000,000 service logs): times /全校's figures and every college's /学院 figures
 * (what the weekly digests read) and one run of all weekly digests, beside the targets.
 * Deterministic: the same school each run.
 *
 *   npm run bench:metrics [-- --logs 2000000]
 */
import { seededRandom } from '../src/local/random.js';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { closeDb, openDb } from '../src/db/client.js';
import { sql } from 'drizzle-orm';
import { colleges as collegesTable, settings } from '../src/db/schema/index.js';
import { SCHOOL_CHAT_KEY } from '../src/domain/groups.js';
import { bulkLoadLogs } from './bulkLoad.js';
import { allColleges, collegeView, schoolOverview } from '../src/domain/metrics/index.js';
import { LarkApi } from '../src/feishu/larkApi.js';
import { weeklyDigests } from '../src/jobs/digest.js';
import { createLogger } from '../src/log.js';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const COLLEGES = 20;
const BRANCHES = 1_000;
const MEMBERS = 50_000;
const LOGS = arg('logs', 2_000_000);
const NOW = Date.parse('2027-03-15T02:00:00Z'); // a Monday morning in Beijing
const TZ = 'Asia/Shanghai';

/** Deterministic, so every run measures the same school. */
const prng = seededRandom;

function generate(file: string): number {
  const db = openDb(file);
  const sqlite = db.$client;
  const rnd = prng(20261001);
  const started = performance.now();
  bulkLoadLogs(db, () => sqlite.transaction(() => {
    const py = sqlite.prepare(`insert into program_years (name, starts_on, ends_on, is_current, pairing_deadline, project_list_deadline, matching_deadline) values ('2026-2027', '2026-10-01', '2027-09-30', 1, '2026-11-11', '2026-11-11', '2026-11-19')`).run().lastInsertRowid;
    const college = sqlite.prepare('insert into colleges (name) values (?)');
    const branch = sqlite.prepare('insert into branches (college_id, name) values (?, ?)');
    const member = sqlite.prepare(`insert into members (student_no, name, role, college_id, branch_id) values (?, ?, ?, ?, ?)`);
    const community = sqlite.prepare('insert into communities (name, normalised_name) values (?, ?)');
    const pairing = sqlite.prepare(`insert into pairings (branch_id, community_id, program_year_id, status, signed_on) values (?, ?, ?, ?, ?)`);
    const log = sqlite.prepare(`insert into service_logs (member_id, branch_id, college_id, program_year_id, service_date, item, half_hours, description, source, status, dedupe_key, created_at)
      values (?, ?, ?, ?, ?, ?, ?, '服务', 'self', ?, ?, ?)`);
    const memberRows: { id: number; branch: number; college: number }[] = [];
    for (let c = 1; c <= COLLEGES; c++) college.run(`学院${c}`);
    for (let b = 1; b <= BRANCHES; b++) {
      const c = ((b - 1) % COLLEGES) + 1;
      branch.run(c, `支部${b}`);
      const cm = community.run(`社区${b}`, `社区${b}`).lastInsertRowid;
      const r = rnd();
      if (r < 0.6) pairing.run(b, cm, py, 'signed', '2026-11-05');
      else if (r < 0.7) pairing.run(b, cm, py, 'draft', null);
    }
    for (let m = 1; m <= MEMBERS; m++) {
      const b = ((m - 1) % BRANCHES) + 1;
      const c = ((b - 1) % COLLEGES) + 1;
      memberRows.push({ id: Number(member.run(`S${m}`, `学生${m}`, m <= BRANCHES ? 'secretary' : 'student', c, b).lastInsertRowid), branch: b, college: c });
    }
    const items = ['shishi', 'zoufang', 'huodong', 'xiangmu', 'x'];
    const start = Date.parse('2026-10-01T00:00:00Z');
    const days = 166; // 2026-10-01 … 2027-03-15
    for (let i = 0; i < LOGS; i++) {
      // Only 80% of members ever log, so idle members exist.
      const m = memberRows[Math.floor(rnd() * MEMBERS * 0.8)]!;
      const day = Math.floor(rnd() * days);
      const date = new Date(start + day * 86_400_000).toISOString().slice(0, 10);
      const s = rnd();
      log.run(m.id, m.branch, m.college, py, date, items[Math.floor(rnd() * 5)], 1 + Math.floor(rnd() * 8), s < 0.85 ? 'approved' : s < 0.95 ? 'pending' : 'rejected', `k${i}`, start + day * 86_400_000);
    }
  })());
  // No explicit ANALYZE: closeDb's PRAGMA optimize gathers the statistics, as in the bot.
  closeDb(db);
  return performance.now() - started;
}

function time<T>(fn: () => T, runs = 5): { ms: number; value: T } {
  fn(); // warm the page cache and statement compilation
  let best = Infinity;
  let value!: T;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    value = fn();
    best = Math.min(best, performance.now() - t0);
  }
  return { ms: best, value };
}

const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cpbot-bench-')), 'bench.db');
console.log(`generating ${COLLEGES} colleges, ${BRANCHES} branches, ${MEMBERS} members, ${LOGS} logs → ${file}`);
console.log(`generated in ${(generate(file) / 1000).toFixed(1)} s`);
const opened = performance.now();
const db = openDb(file);
console.log(`openDb (migrations, PRAGMA optimize): ${(performance.now() - opened).toFixed(1)} ms`);
const overview = time(() => schoolOverview(db, 1, { now: NOW, tz: TZ }));
const colleges = allColleges(db);
const all = time(() => colleges.map((c) => collegeView(db, c, 1, { now: NOW, tz: TZ })), 3);
const fmt = (ms: number, target: number) => `${ms.toFixed(1)} ms (target ≤ ${target} ms) ${ms <= target ? 'ok' : 'OVER'}`;
console.log(`/全校 overview figures:           ${fmt(overview.ms, 200)}`);
console.log(`all ${colleges.length} colleges' /学院 figures:  ${fmt(all.ms, 1000)}`);
console.log(`school coverage ${overview.value.school.participating}/${overview.value.school.branches}, week hours ${overview.value.school.weekHours}`);

// The weekly digests themselves: every college group bound, plus the school group; one run
// builds all 21 cards (figures, chart data, card JSON) and writes them to the outbox.
db.update(collegesTable).set({ chatId: sql`'oc_bench_' || ${collegesTable.id}` }).run();
db.insert(settings).values({ key: SCHOOL_CHAT_KEY, value: 'oc_bench_school', updatedAt: NOW }).onConflictDoNothing().run();
const silent = createLogger('silent');
const ports = { db, clock: { now: () => NOW }, log: silent, timeZone: TZ, feishu: new LarkApi({ appId: 'cli_0000000000000000', appSecret: 'unused', domain: 'http://127.0.0.1:9', log: silent }) };
const digestStart = performance.now();
const digests = await weeklyDigests(ports, { force: true });
const digestMs = performance.now() - digestStart;
console.log(`all weekly digests (${digests.posted.length} cards built and queued): ${fmt(digestMs, 1000)}`);
closeDb(db);
fs.rmSync(path.dirname(file), { recursive: true, force: true });
