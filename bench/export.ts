/**
 * `npm run bench:export [-- --logs=N|--logs N --keep]`: generates a large school (20 colleges, 1,000
 * branches, 50,000 members, 2,000,000 service logs by default; deterministic) into a temp
 * database, runs `npm run export`'s CLI on it as a child process, and prints the elapsed
 * time and peak RSS beside the targets (≤ 60 s, peak RSS ≤ 300 MB).
 */
import { seededRandom } from '../src/local/random.js';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { closeDb, openDb } from '../src/db/client.js';
import { bulkLoadLogs } from './bulkLoad.js';
import { parseArgs } from './load.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const args = parseArgs();
const LOGS = Number(args.get('logs') ?? 2_000_000);
const COLLEGES = 20;
const BRANCHES = 1_000;
const MEMBERS = 50_000;
const TARGET_SECONDS = 60;
const TARGET_RSS_MB = 300;

/** Deterministic, so every run measures the same school. */
const prng = seededRandom;

function generate(file: string): void {
  const rnd = prng(20261001);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const db = openDb(file);
  const c = db.$client;
  c.pragma('synchronous = OFF');
  c.prepare(`INSERT INTO program_years (name, starts_on, ends_on, is_current, pairing_deadline, project_list_deadline, matching_deadline)
    VALUES ('2026-2027', '2026-10-01', '2027-09-30', 1, '2026-11-11', '2026-11-11', '2026-11-19')`).run();
  const surnames = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗';
  const given = '梓涵浩然雨桐一鸣佳怡思远子轩思琪宇航欣怡博文诗涵子墨欣然嘉懿宇辰';
  c.transaction(() => {
    const college = c.prepare('INSERT INTO colleges (name) VALUES (?)');
    const branch = c.prepare('INSERT INTO branches (college_id, name) VALUES (?, ?)');
    const community = c.prepare('INSERT INTO communities (name, normalised_name, level, region) VALUES (?, ?, ?, ?)');
    const member = c.prepare('INSERT INTO members (student_no, name, role, college_id, branch_id, mobile) VALUES (?, ?, ?, ?, ?, ?)');
    const pairing = c.prepare(`INSERT INTO pairings (branch_id, community_id, program_year_id, status, signed_on, contact_name) VALUES (?, ?, 1, ?, ?, ?)`);
    const project = c.prepare(`INSERT INTO projects (branch_id, program_year_id, title, area, goals, community_id) VALUES (?, 1, ?, ?, ?, ?)`);
    for (let i = 1; i <= COLLEGES; i++) college.run(`第${i}学院`);
    for (let b = 1; b <= BRANCHES; b++) {
      const collegeId = ((b - 1) % COLLEGES) + 1;
      branch.run(collegeId, `班级${b}团支部`);
      community.run(`幸福${b}社区`, `幸福${b}社区`, 'community', '沈阳市和平区');
      if (rnd() < 0.6) pairing.run(b, b, rnd() < 0.9 ? 'signed' : 'draft', '2026-11-05', '社区联系人');
      project.run(b, `${b}号项目`, pick(['culture', 'policy', 'health', 'ecology']), '四点半课堂', b);
    }
    for (let m = 1; m <= MEMBERS; m++) {
      const branchId = ((m - 1) % BRANCHES) + 1;
      const role = m <= BRANCHES ? 'secretary' : 'student';
      member.run(`2026${String(m).padStart(6, '0')}`, pick([...surnames]) + pick([...given]), role, ((branchId - 1) % COLLEGES) + 1, branchId, `138${String(m).padStart(8, '0')}`);
    }
  })();

  const items = ['shishi', 'zoufang', 'huodong', 'xiangmu', 'x'] as const;
  const areas = ['rural_revitalization', 'grassroots_governance', 'aid_education', 'culture', 'policy', 'health'] as const;
  const start = Date.parse('2026-10-01T00:00:00Z');
  const log = c.prepare(`INSERT INTO service_logs (member_id, branch_id, college_id, program_year_id, service_date, item, area, community_id, half_hours, mode, description, source, status, reviewer_member_id, reviewed_at, rating, dedupe_key, created_at)
    VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const checkin = c.prepare(`INSERT OR IGNORE INTO checkins (member_id, branch_id, college_id, community_id, site_name, kind, checkin_date, checked_in_at, checked_out_at) VALUES (?, ?, ?, ?, ?, 'daily', ?, ?, ?)`);
  const BATCH = 100_000;
  bulkLoadLogs(db, () => {
    for (let done = 0; done < LOGS; done += BATCH) {
      c.transaction(() => {
        for (let i = done; i < Math.min(LOGS, done + BATCH); i++) {
          const m = Math.floor(rnd() * MEMBERS) + 1;
          const branchId = ((m - 1) % BRANCHES) + 1;
          const collegeId = ((branchId - 1) % COLLEGES) + 1;
          const day = Math.floor(rnd() * 240);
          const at = start + day * 86_400_000 + 36_000_000;
          const date = new Date(at).toISOString().slice(0, 10);
          const s = rnd();
          const status = s < 0.8 ? 'approved' : s < 0.95 ? 'pending' : 'rejected';
          const reviewed = status === 'pending' ? null : at + 86_400_000;
          log.run(m, branchId, collegeId, date, pick(items), pick(areas), branchId, 1 + Math.floor(rnd() * 8), rnd() < 0.9 ? 'offline' : 'online',
            `在幸福${branchId}社区开展第${i}次志愿服务，辅导作业并走访居民`, rnd() < 0.7 ? 'self' : 'timed', status,
            reviewed ? branchId : null, reviewed, reviewed ? 1 + Math.floor(rnd() * 5) : null, `bench-${i}`, at);
          if (i % 10 === 0) checkin.run(m, branchId, collegeId, branchId, `幸福${branchId}社区`, date, at, at + 7_200_000);
        }
      })();
      process.stderr.write(`\rgenerated ${Math.min(LOGS, done + BATCH).toLocaleString('en-US')}/${LOGS.toLocaleString('en-US')} logs`);
    }
  });
  process.stderr.write('\n');
  closeDb(db);
}

/** Runs the export CLI and samples its peak RSS (VmHWM) until it exits. */
async function runExport(dbFile: string, out: string): Promise<{ seconds: number; peakMb: number; code: number | null; stderr: string }> {
  const tsx = pathToFileURL(path.join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', tsx, path.join(ROOT, 'src/cli/export.ts'), out], {
    cwd: ROOT, env: { ...process.env, DATABASE_PATH: dbFile }, stdio: ['ignore', 'inherit', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => {
    stderr += d.toString('utf8');
    process.stderr.write(d);
  });
  let peakKb = 0;
  const sample = () => {
    try {
      const m = /VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      if (m) peakKb = Math.max(peakKb, Number(m[1]));
    } catch {
      // Exited between samples, or no /proc (not Linux): keep the last figure.
    }
  };
  const timer = setInterval(sample, 50);
  const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => { sample(); resolve(c); }));
  clearInterval(timer);
  return { seconds: (performance.now() - started) / 1000, peakMb: peakKb / 1024, code, stderr };
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cpbot-export-bench-'));
const dbFile = path.join(dir, 'school.db');
const out = path.join(dir, 'export.xlsx');
console.log(`school: ${COLLEGES} colleges, ${BRANCHES.toLocaleString('en-US')} branches, ${MEMBERS.toLocaleString('en-US')} members, ${LOGS.toLocaleString('en-US')} service logs → ${dbFile}`);
const genStarted = performance.now();
generate(dbFile);
console.log(`generated in ${((performance.now() - genStarted) / 1000).toFixed(1)} s`);
const r = await runExport(dbFile, out);
if (r.code !== 0) {
  console.error(`export failed (exit ${r.code})`);
  process.exitCode = 1;
} else {
  const size = fs.statSync(out).size / (1 << 20);
  const ok = (v: boolean) => (v ? 'ok' : 'OVER TARGET');
  console.log(`export: ${r.seconds.toFixed(1)} s (target ≤ ${TARGET_SECONDS} s: ${ok(r.seconds <= TARGET_SECONDS)}), peak RSS ${r.peakMb.toFixed(0)} MB (target ≤ ${TARGET_RSS_MB} MB: ${ok(r.peakMb <= TARGET_RSS_MB)}), file ${size.toFixed(1)} MB`);
}
if (!args.has('keep')) fs.rmSync(dir, { recursive: true, force: true });
else console.log(`kept ${dir}`);
