/**
 * `npm run bench:scale` (issue 18 point 7): where one machine ends. Generates a province-sized
 * school into a temp database — 1,000 colleges, 20,000 branches, 1,000,000 members, 20,000,000
 * service logs over most of a program year, 2,000,000 check-ins and a month of sent outbox rows
 * (bench/scale/generate.ts; roll-ups by rebuildRollups, as bench/bulkLoad.ts) — and measures on it:
 * - the database file's size and the generation time (step by step);
 * - the first open (migrations, PRAGMA optimize gathering statistics), /全校 (schoolOverview),
 *   one /学院 (collegeView), and all weekly digests (every college + the school, as the Monday
 *   job and /周报 build them), with the slowest single digest (the longest block of the event loop);
 * - the hourly housekeeping job (src/jobs/housekeeping.ts) and the daily report-reminder catch-up;
 * - the streaming export as `npm run export` runs it, in a child process: time and peak RSS;
 * - a roster import of 50,000 new members of existing branches, as the bot does it:
 *   previewRosterFile, then applyRosterImport 'partial';
 * - the compiled bot (`npm start`'s node flags) on the big database: /我的 at a steady rate, then
 *   /周报 from the 团委 — ack and reply latency before and during the fan-out (bench/scale/fanout.ts).
 *
 *   npm run bench:scale [-- --members N --logs N --colleges N --branches N --outbox N --roster N
 *                          --rate 200 --before 10 --skip export,roster,fanout --keep --profile DIR]
 * (--profile DIR: the bot of the fan-out step writes a CPU profile there when it stops)
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startCommand } from '../test/helpers/process.js';
import { parseArgs } from './load.js';
import { applyRosterImport, previewRosterFile } from '../src/app/import/rosterPreview.js';
import { closeDb, openDb, type Db } from '../src/db/client.js';
import { members } from '../src/db/schema/index.js';
import { DigestFigures } from '../src/domain/metrics/digest.js';
import { allColleges, collegeView, schoolOverview } from '../src/domain/metrics/index.js';
import { LarkApi } from '../src/feishu/larkApi.js';
import { weeklyDigests } from '../src/jobs/digest.js';
import { jobs } from '../src/jobs/index.js';
import { createLogger } from '../src/log.js';
import { eq } from 'drizzle-orm';
import { digestFanout, type FanoutResult, type PhaseStats } from './scale/fanout.js';
import { dbBytes, generate, TZ, type ScaleSizes } from './scale/generate.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const args = parseArgs();
const num = (k: string, fallback: number) => (args.has(k) ? Number(args.get(k)!.replace(/_/g, '')) : fallback);
const COLLEGES = num('colleges', 1_000);
const LOGS = num('logs', 20_000_000);
const sizes: ScaleSizes = {
  colleges: COLLEGES,
  branches: num('branches', COLLEGES * 20),
  members: num('members', 1_000_000),
  logs: LOGS,
  // A month of sending: about 2.5 messages per log (reply, review card, notice) → logs × 2.5 × 31/365.
  outbox: num('outbox', Math.round(LOGS * 0.2)),
};
const ROSTER = num('roster', 50_000);
const RATE = num('rate', 200);
const BEFORE = num('before', 10);
const skip = new Set((args.get('skip') ?? '').split(',').filter(Boolean));
const START = startCommand();
const fmtN = (n: number) => n.toLocaleString('en-US');
const s1 = (ms: number) => (ms >= 10_000 ? `${(ms / 1000).toFixed(0)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(0)} ms`);
const mb = (bytes: number) => (bytes >= 1 << 30 ? `${(bytes / (1 << 30)).toFixed(2)} GB` : `${(bytes / (1 << 20)).toFixed(0)} MB`);
const log = (line: string) => console.error(`[${new Date().toISOString().slice(11, 19)}] ${line}`);

const rows: [string, string, string][] = [];
const row = (what: string, result: string, note = '') => {
  rows.push([what, result, note]);
  log(`${what}: ${result}${note ? ` (${note})` : ''}`);
};

function timed<T>(fn: () => T): { ms: number; value: T } {
  const t0 = performance.now();
  const value = fn();
  return { ms: performance.now() - t0, value };
}
async function timedAsync<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}
function best<T>(fn: () => T, runs: number): { first: number; best: number; value: T } {
  const first = timed(fn);
  let b = first.ms;
  for (let i = 1; i < runs; i++) b = Math.min(b, timed(fn).ms);
  return { first: first.ms, best: b, value: first.value };
}

const peakKb = (pid: number | 'self') => Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
/** Resets this process's peak RSS (Linux: clear_refs 5), so VmHWM measures the next step alone. */
function resetPeak(): void {
  try { fs.writeFileSync('/proc/self/clear_refs', '5'); } catch { /* not Linux: the peak includes earlier steps */ }
}

/** Runs the export CLI as `npm run export` does, sampling its peak RSS (bench/export.ts). */
async function runExport(dbFile: string, out: string): Promise<{ seconds: number; peakMb: number; code: number | null }> {
  const tsx = pathToFileURL(path.join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', tsx, path.join(ROOT, 'src/cli/export.ts'), out], {
    cwd: ROOT, env: { ...process.env, DATABASE_PATH: dbFile }, stdio: ['ignore', 'ignore', 'pipe'],
  });
  let last = 0;
  child.stderr!.on('data', (d: Buffer) => {
    if (performance.now() - last > 30_000) { last = performance.now(); log(`export: ${d.toString('utf8').trim().split('\n').at(-1)}`); }
  });
  let peak = 0;
  const sample = () => { try { peak = Math.max(peak, peakKb(child.pid!)); } catch { /* exited */ } };
  const timer = setInterval(sample, 50);
  const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => { sample(); resolve(c); }));
  clearInterval(timer);
  return { seconds: (performance.now() - started) / 1000, peakMb: peak / 1024, code };
}

function rosterCsv(db: Db, n: number): Buffer {
  // New students of existing branches, spread over every college, as a school's autumn intake file.
  const units = db.$client.prepare(`select b.name as branch, c.name as college from branches b join colleges c on c.id = b.college_id where b.kind = 'branch' order by b.id`).all() as { branch: string; college: string }[];
  const lines = ['学院,团支部,学号,姓名,角色,手机'];
  const given = ['子涵', '一诺', '欣妍', '浩宇', '梓萱', '俊熙', '雨泽', '若汐'];
  for (let i = 0; i < n; i++) {
    const u = units[(i * 7919) % units.length]!;
    lines.push(`${u.college},${u.branch},2099${String(i).padStart(7, '0')},${'赵钱孙李周吴郑王'[i % 8]}${given[(i >> 3) % 8]},学生,139${String(i).padStart(8, '0')}`);
  }
  return Buffer.from(lines.join('\n') + '\n', 'utf8');
}

function phaseCells(p: PhaseStats): string {
  return `${fmtN(p.sent)} events in ${p.seconds.toFixed(1)} s (${(p.sent / p.seconds).toFixed(0)}/s sent, ${(p.replies / p.seconds).toFixed(0)}/s answered); ack p50 ${p.ackP50.toFixed(1)} ms, p99 ${p.ackP99.toFixed(1)} ms, max ${p.ackMax.toFixed(0)} ms; event→reply p50 ${p.replyP50.toFixed(1)} ms, p99 ${p.replyP99.toFixed(1)} ms; replies ${fmtN(p.replies)}/${fmtN(p.sent)}, non-200 ${p.non200}${p.non200 ? ` (${p.non200Kinds})` : ''}; the bench's own event-loop lag p99 ${p.benchLagP99.toFixed(0)} ms, max ${p.benchLagMax.toFixed(0)} ms`;
}

async function main(): Promise<void> {
  const cpu = os.cpus();
  const machine = `${cpu.length} cores (${cpu[0]?.model.trim()}), ${(os.totalmem() / (1 << 30)).toFixed(0)} GB RAM, Node ${process.version}, ${os.platform()} ${os.release()}`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cpbot-scale-'));
  const dbFile = path.join(dir, 'province.db');
  const free = fs.statfsSync(dir);
  const freeBytes = free.bavail * free.bsize;
  // ≈ 430 B a log with its indexes, 600 B an outbox row, the export ≈ 60 B a log; twice for safety.
  const need = (sizes.logs * 500 + sizes.outbox * 600 + sizes.members * 300) * 1.5;
  console.log(`bench:scale — ${machine}`);
  console.log(`school: ${fmtN(sizes.colleges)} colleges, ${fmtN(sizes.branches)} branches, ${fmtN(sizes.members)} members, ${fmtN(sizes.logs)} service logs, ${fmtN(sizes.outbox)} sent outbox rows → ${dbFile}`);
  console.log(`disk: ${mb(freeBytes)} free in ${dir}, about ${mb(need)} needed`);
  if (freeBytes < need) {
    console.error(`not enough disk space: scale down with --logs / --members (see --help in the file header)`);
    process.exitCode = 1;
    return;
  }
  const benchStarted = performance.now();
  try {
    // 1. Generation.
    const gen = timed(() => generate(dbFile, sizes, Date.now(), (line) => log(line)));
    const school = gen.value;
    row('generate the database', s1(gen.ms), gen.value.steps.filter((s) => s.ms > 0.05 * gen.ms).map((s) => `${s.step} ${s1(s.ms)}`).join('; '));
    row('database file size', mb(dbBytes(dbFile)), `${(dbBytes(dbFile) / sizes.logs).toFixed(0)} B a log, indexes included`);

    // 2. In-process figures, as the bot's event loop computes them.
    const silent = createLogger('silent');
    const opened = timed(() => openDb(dbFile));
    const db = opened.value;
    row('openDb on the new database (migrations, PRAGMA optimize)', s1(opened.ms), 'statistics were gathered by the generator\'s closeDb (PRAGMA optimize)');
    const now = Date.now();
    const py = school.programYearId;
    const overview = best(() => schoolOverview(db, py, { now, tz: TZ }), 3);
    row('/全校 (schoolOverview)', s1(overview.best), `first (cold) ${s1(overview.first)}; ${overview.value.school.participating}/${overview.value.school.branches} branches participating`);
    const colleges = allColleges(db);
    const one = colleges[Math.floor(colleges.length / 2)]!;
    const cv = best(() => collegeView(db, one, py, { now, tz: TZ }), 3);
    row(`/学院 (collegeView, ${one.name})`, s1(cv.best), `first (cold) ${s1(cv.first)}; ${cv.value.branches.length} branches`);

    const ports = { db, clock: { now: () => now }, log: silent, timeZone: TZ, feishu: new LarkApi({ appId: 'cli_0000000000000000', appSecret: 'unused', domain: 'http://127.0.0.1:9', log: silent }) };
    // The run as the bot does it: weeklyDigests yields to the event loop between its shared
    // queries and between chats, so the longest stretch between two turns of the loop is the
    // longest the acks of arriving events would wait. Time by part from the figures' methods.
    const proto = DigestFigures.prototype as unknown as Record<string, (...a: unknown[]) => unknown>;
    const spent = new Map<string, number>();
    const originals = new Map<string, (...a: unknown[]) => unknown>();
    for (const name of ['hours', 'participatingAsOf', 'top', 'deadlines', 'cases', 'yearTotal']) {
      const orig = proto[name]!;
      originals.set(name, orig);
      proto[name] = function (this: unknown, ...a: unknown[]) {
        const t0 = performance.now();
        try {
          return orig.apply(this, a);
        } finally {
          spent.set(name, (spent.get(name) ?? 0) + performance.now() - t0);
        }
      };
    }
    const holds: number[] = [];
    let turning = true;
    let lastTurn = performance.now();
    const turn = () => {
      const t = performance.now();
      holds.push(t - lastTurn);
      lastTurn = t;
      if (turning) setImmediate(turn);
    };
    setImmediate(turn);
    const digests = await timedAsync(() => weeklyDigests(ports, { force: true }));
    turning = false;
    for (const [name, fn] of originals) proto[name] = fn;
    row(`all weekly digests (${digests.value.posted.length} cards built and queued)`, s1(digests.ms), `${(digests.ms / Math.max(1, digests.value.posted.length)).toFixed(1)} ms a digest; failed ${digests.value.failed.length}`);
    {
      const longest = holds.sort((a, b) => b - a).slice(0, 3);
      const parts = ['participatingAsOf', 'hours', 'top', 'deadlines', 'cases', 'yearTotal'].map((n) => `${n} ${s1(spent.get(n) ?? 0)}`).join(', ');
      row('longest event-loop holds during the digests', longest.map(s1).join(', '),
        `between two turns of the event loop (the shared figures are read one query per turn, then one chat per turn); time by part over the whole run: ${parts}; the rest is collegeView / schoolOverview and the cards`);
    }

    // 3. Scheduled jobs: the hourly housekeeping, and the daily catch-up the bot runs at start.
    const housekeeping = jobs.find((j) => j.name === 'housekeeping')!;
    const outboxBefore = (db.$client.prepare(`select count(*) as n from outbox`).get() as { n: number }).n;
    const hk1 = await timedAsync(async () => housekeeping.run(ports));
    const outboxAfter = (db.$client.prepare(`select count(*) as n from outbox`).get() as { n: number }).n;
    const hk2 = await timedAsync(async () => housekeeping.run(ports));
    row('hourly housekeeping (prune sent outbox, PRAGMA optimize)', `${s1(hk1.ms)}; next hour ${s1(hk2.ms)}`, `pruned ${fmtN(outboxBefore - outboxAfter)} of ${fmtN(outboxBefore)} outbox rows, then none`);
    const daily = jobs.find((j) => j.name === 'quarterlyReportReminders')!;
    const rr = await timedAsync(async () => daily.run(ports));
    row('daily report reminders / late notices (catch-up at start)', s1(rr.ms));
    closeDb(db);

    // 4. The export, as `npm run export` runs it.
    if (!skip.has('export')) {
      const out = path.join(dir, 'export.xlsx');
      log('export: running src/cli/export.ts in a child process');
      const r = await runExport(dbFile, out);
      if (r.code !== 0) row('export (npm run export)', `FAILED (exit ${r.code}) after ${r.seconds.toFixed(0)} s`);
      else {
        const files = fs.readdirSync(dir).filter((f) => f.startsWith('export') && f.endsWith('.xlsx'));
        const bytes = files.reduce((n, f) => n + fs.statSync(path.join(dir, f)).size, 0);
        row('export (npm run export, child process)', `${s1(r.seconds * 1000)}, peak RSS ${r.peakMb.toFixed(0)} MB`, `${files.length} file(s), ${mb(bytes)}; ${fmtN(Math.round(sizes.logs / r.seconds))} logs/s`);
      }
      for (const f of fs.readdirSync(dir).filter((x) => x.startsWith('export'))) fs.rmSync(path.join(dir, f), { force: true });
    }

    // 5. A roster import of new students, as the bot does it (preview, then confirm as partial).
    if (!skip.has('roster')) {
      const rdb = openDb(dbFile);
      const admin = rdb.select().from(members).where(eq(members.id, school.adminMemberId)).get()!;
      const csv = rosterCsv(rdb, ROSTER);
      resetPeak();
      const rss0 = process.memoryUsage().rss;
      const preview = await timedAsync(() => previewRosterFile(rdb, csv, 'roster.csv', admin, Date.now()));
      const previewPeak = peakKb('self') / 1024;
      const apply = timed(() => applyRosterImport(rdb, preview.value.importId, 'partial', admin, Date.now()));
      const applyPeak = peakKb('self') / 1024;
      row(`roster import of ${fmtN(ROSTER)} new members: preview`, s1(preview.ms), `${fmtN(preview.value.plan.created.length)} to create, ${preview.value.errors.length} errors; peak RSS +${(previewPeak - rss0 / (1 << 20)).toFixed(0)} MB over the ${(rss0 / (1 << 20)).toFixed(0)} MB before`);
      row(`roster import of ${fmtN(ROSTER)} new members: apply (partial)`, s1(apply.ms), `created ${fmtN(apply.value.created)}; peak RSS +${(applyPeak - rss0 / (1 << 20)).toFixed(0)} MB`);
      closeDb(rdb);
    }

    // 6. The compiled bot on the big database, /我的 at a steady rate while the digests fan out.
    let fan: FanoutResult | undefined;
    if (!skip.has('fanout')) {
      // Whatever the in-process runs queued counts as sent: the bot starts with an empty queue.
      const side = openDb(dbFile);
      side.$client.prepare(`update outbox set status = 'sent', sent_at = ? where status = 'pending'`).run(Date.now());
      closeDb(side);
      const build = timed(() => execFileSync(process.execPath, [path.join(ROOT, 'scripts/build.mjs')], { cwd: ROOT, stdio: 'inherit' }));
      log(`built dist/ in ${s1(build.ms)}`);
      fan = await digestFanout({
        dbFile, script: START.script, nodeFlags: [...START.flags, ...(args.has('profile') ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(args.get('profile')!)}`] : [])], rate: RATE, beforeSeconds: BEFORE, maxSeconds: BEFORE + 300,
        senders: school.senders, adminOpenId: school.adminOpenId, expectedCards: colleges.length + 1, log,
      });
      row('bot start on the big database (fork → /healthz)', s1(fan.readyMs), `idle RSS ${fan.idleRssMb.toFixed(0)} MB`);
      row(`/我的 at ${RATE}/s before the fan-out`, phaseCells(fan.before));
      row(`/我的 at ${RATE}/s during the /周报 fan-out`, phaseCells(fan.during));
      row('/周报 fan-out in the bot (command → answer)', s1(fan.fanoutMs), `${fan.cards}/${fan.expectedCards} digest cards delivered, the last ${s1(fan.cardsDoneMs)} after /周报; bot peak RSS ${fan.peakRssMb.toFixed(0)} MB, CPU ${fan.botCpuSeconds.toFixed(1)} s; the bot's /healthz right after: event loop held at most ${fan.botLag?.eventLoopMaxMs ?? '?'} ms, slowest event commit ${fan.botLag?.eventCommitMaxMs ?? '?'} ms; answer: ${fan.answer.replace(/\s+/g, ' ').slice(0, 80)}`);
    }
  } finally {
    if (args.has('keep')) console.log(`kept ${dir}`);
    else fs.rmSync(dir, { recursive: true, force: true });
  }

  console.log(`\nbench:scale — ${fmtN(sizes.colleges)} colleges, ${fmtN(sizes.branches)} branches, ${fmtN(sizes.members)} members, ${fmtN(sizes.logs)} logs, ${fmtN(sizes.outbox)} outbox rows; ${machine}; total ${s1(performance.now() - benchStarted)}\n`);
  console.log('| 项目 | 结果 | 说明 |');
  console.log('| --- | --- | --- |');
  for (const [a, b, c] of rows) console.log(`| ${a} | ${b} | ${c.replace(/\|/g, '/')} |`);
}

await main();
