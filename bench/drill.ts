/**
 * `npm run drill` (issue 17 point 8): the real bot process (run as `npm start` runs it; --tsx:
 * node --import tsx src/main.ts) under 60 s of 200 events/s of mixed
 * traffic (bench/drill/traffic.ts), SIGKILLed and started again every 10 s, against the Open
 * API stand-in failing about a third of the message sends with 5xx and Feishu's per-chat rate
 * limit (230020) — both retried by the outbox. Events are encrypted and signed as Feishu
 * sends them, and one that got no 200 in 3 s is pushed again under the same event_id
 * (bench/drill/delivery.ts). While the load runs, a backup is taken as `npm run backup` takes
 * it; afterwards it is checked and restored (bench/drill/backupWorker.ts). At the end the bot
 * is killed once more and restarted, the stand-in heals, the outbox drains, the bot stops
 * gracefully, and the database and the stand-in are compared (bench/drill/accounting.ts).
 *
 * Flags: --seconds N (60), --rate N (200), --kill-every N (10 s), --fail R (0.33), --seed N (1),
 * --tsx (run the sources as the tests do, no build), --mix R,M,F,A (shares of reports, /我的, log forms, approvals; 40,30,15,15), --keep (keep the
 * temporary directory), --no-final-kill and --profile DIR (a CPU profile of the bot under load). Exit 1 when a target is missed: nothing lost, nothing
 * doubled, ack p99 < 1 s outside the restart windows, the backup sound and equal to the source.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { startOpenApiStandIn } from '../src/local/openApi.js';
import { freePort, startCommand } from '../test/helpers/process.js';
import { account, percentile } from './drill/accounting.js';
import { DrilledBot, inWindow } from './drill/botProcess.js';
import { parseArgs } from './load.js';
import { closeAgent, push, type DrillEvent } from './drill/delivery.js';
import { seedSchool, seededRandom } from './drill/school.js';
import { Observer, Traffic, type App } from './drill/traffic.js';

const args = parseArgs();
const SECONDS = Number(args.get('seconds') ?? 60);
const RATE = Number(args.get('rate') ?? 200);
const KILL_EVERY_S = Number(args.get('kill-every') ?? 10);
const FAIL = Number(args.get('fail') ?? 0.33);
const SEED = Number(args.get('seed') ?? 1);
/** Shares of reports, /我的, log forms and approvals, e.g. --mix 40,30,15,15 (the default). */
const MIX = (args.get('mix') ?? '40,30,15,15').split(',').map(Number) as [number, number, number, number];
const DRAIN_DEADLINE_MS = 240_000;

const APP: App = { appId: 'cli_d1d2d3d4e5e6f7f8', appSecret: 'drill-secret', token: 'drill-verification-token', encryptKey: 'drill-encrypt-key' };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const log = (s: string) => console.log(`[${(performance.now() / 1000).toFixed(1).padStart(6)} s] ${s}`);

/** Rows still to send or to process, read beside the running bot. */
function backlog(dbPath: string): { outbox: number; events: number } {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    const n = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    return { outbox: n(`SELECT count(*) AS n FROM outbox WHERE status = 'pending'`), events: n(`SELECT count(*) AS n FROM processed_events WHERE status = 'pending'`) };
  } finally {
    db.close();
  }
}

function worker(): { call<T>(msg: object): Promise<T>; close(): Promise<number> } {
  // The worker runs TypeScript through tsx's ESM API, as src/app/import/tableFile.ts starts its worker.
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./drill/backupWorker.ts', import.meta.url).href;
  const w = new Worker(`import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); })`, { eval: true });
  return {
    call: <T>(msg: object) =>
      new Promise<T>((resolve, reject) => {
        w.once('message', (r: { ok: boolean; result?: T; error?: string }) => (r.ok ? resolve(r.result!) : reject(new Error(r.error))));
        w.postMessage(msg);
      }),
    close: () => w.terminate(),
  };
}

async function main(): Promise<number> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cpbot-drill-'));
  const dbPath = path.join(dir, 'bot.db');
  console.log(`Drill: ${SECONDS} s at ${RATE} events/s, SIGKILL + restart every ${KILL_EVERY_S} s, ${Math.round(FAIL * 100)} % of message sends failed; ${os.cpus().length} cores, Node ${process.version}; ${dir}`);
  // npm start's prestart: compile to dist/ (incremental), unless the drill runs the sources through tsx.
  if (!args.has('tsx')) execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  const school = await seedSchool(dbPath);
  const fake = await startOpenApiStandIn();
  const observer = new Observer(fake, school);
  const random = seededRandom(SEED);
  const traffic = new Traffic(school, APP, observer, random, MIX);
  const port = await freePort();
  const bot = new DrilledBot({
    FEISHU_APP_ID: APP.appId, FEISHU_APP_SECRET: APP.appSecret, FEISHU_VERIFICATION_TOKEN: APP.token, FEISHU_ENCRYPT_KEY: APP.encryptKey,
    FEISHU_DOMAIN: fake.url, FEISHU_EVENT_MODE: 'webhook', PORT: String(port), HOST: '127.0.0.1', DATABASE_PATH: dbPath, LOG_LEVEL: 'error',
  }, port, { tsx: args.has('tsx'), profileDir: args.has('profile') ? path.resolve(args.get('profile')!) : undefined });
  console.log(`The bot as ${args.has('tsx') ? 'the tests run it: node --import tsx src/main.ts' : `npm start runs it: node ${[...startCommand().flags, path.relative(process.cwd(), startCommand().script)].join(' ')}`}`);
  await bot.start();
  log(`bot ready in ${bot.startMs[0]!.toFixed(0)} ms; ${school.everyone.length} people on the roster`);

  // Warm-up: everyone says /帮助 once, which binds them (their roster row carries their open_id).
  const warm = school.everyone.map((p) => traffic.message('me', p.openId, '/帮助'));
  for (let i = 0; i < warm.length; i += 50) await Promise.all(warm.slice(i, i + 50).map((ev) => push(ev, bot.port, APP.encryptKey)));
  for (const until = performance.now() + 30_000; performance.now() < until; await sleep(200)) {
    if (backlog(dbPath).outbox === 0 && backlog(dbPath).events === 0) break;
  }
  observer.trim();
  log(`warm-up: ${warm.filter((e) => e.acked).length}/${warm.length} acknowledged`);

  // The load.
  const events: DrillEvent[] = [];
  const inflight = new Set<Promise<unknown>>();
  const send = (ev: DrillEvent) => {
    const p = push(ev, bot.port, APP.encryptKey).finally(() => inflight.delete(p));
    inflight.add(p);
    return p;
  };
  const retrying = new Set<DrillEvent>();
  const lag = monitorEventLoopDelay({ resolution: 10 });
  lag.enable();
  fake.setFailRatio({ ratio: FAIL, seed: SEED });
  const cpu0 = { bot: bot.totalCpuSeconds(), drill: process.cpuUsage() };
  const start = performance.now();
  const total = Math.round(SECONDS * RATE);
  let stopRetries = false;
  // Redeliveries: every 100 ms, push again what is due.
  const retries = (async () => {
    while (!stopRetries) {
      const now = performance.now();
      for (const ev of events) {
        if (ev.retryAt !== undefined && ev.retryAt <= now && !retrying.has(ev)) {
          retrying.add(ev);
          ev.retryAt = undefined;
          void send(ev).finally(() => retrying.delete(ev));
        }
      }
      await sleep(100);
    }
  })();
  // Kills: every KILL_EVERY_S seconds while the load runs.
  const kills = (async () => {
    for (let k = 1; k * KILL_EVERY_S < SECONDS; k++) {
      await sleep(start + k * KILL_EVERY_S * 1000 - performance.now());
      await bot.killAndRestart();
      log(`kill ${bot.kills}: restarted in ${bot.startMs.at(-1)!.toFixed(0)} ms`);
    }
  })();
  // The backup, halfway between two kills past the middle of the run.
  const backupWorker = worker();
  const backupFile = path.join(dir, 'backups', 'bot-during-load.db');
  fs.mkdirSync(path.dirname(backupFile), { recursive: true });
  const backupWindow = { from: Infinity, to: Infinity };
  // Halfway between the two kills around the middle of the run (35 s of 60), while the bot is up.
  const between = (Math.floor(SECONDS / 2 / KILL_EVERY_S) + 0.5) * KILL_EVERY_S;
  const backupAt = (between < SECONDS ? between : SECONDS / 2) * 1000;
  const backup = (async () => {
    await sleep(start + backupAt - performance.now());
    log('backup starting');
    backupWindow.from = performance.now();
    const r = await backupWorker.call<{ snapMs: number; backupMs: number; phases: { openMs: number; closeMs: number }; steps: number; restarts: number; bytes: number; s0Rows: number; s1Rows: number }>({ cmd: 'backup', source: dbPath, target: backupFile });
    backupWindow.to = performance.now();
    log(`backup written in ${r.backupMs.toFixed(0)} ms (${r.steps} steps, ${r.restarts} restarts, ${(r.bytes / 1024).toFixed(0)} KiB; openDb ${r.phases.openMs.toFixed(0)} ms, closeDb ${r.phases.closeMs.toFixed(0)} ms); source rows ${r.s0Rows} before (read in ${r.snapMs.toFixed(0)} ms), ${r.s1Rows} after`);
    return r;
  })().catch((err: unknown) => ({ error: (err as Error).message }));
  let maxBehind = 0;
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    else maxBehind = Math.max(maxBehind, -wait);
    const ev = traffic.next();
    events.push(ev);
    void send(ev);
    if (i % RATE === 0) observer.trim();
  }
  const loadSeconds = (performance.now() - start) / 1000;
  await kills;
  const cpu1 = bot.totalCpuSeconds();
  const cpuLoad = { bot: cpu1.all - cpu0.bot.all, main: cpu1.main - cpu0.bot.main, drill: process.cpuUsage(cpu0.drill) };
  lag.disable();
  log(`load sent: ${total} events in ${loadSeconds.toFixed(1)} s (${(total / loadSeconds).toFixed(0)}/s; at most ${maxBehind.toFixed(0)} ms behind schedule)`);

  // The end: the outage is over, one more kill and start, then everything drains.
  fake.setFailRatio(null);
  await Promise.all([...inflight]);
  if (!args.has('no-final-kill')) {
    await bot.killAndRestart();
    log(`final kill ${bot.kills}: restarted in ${bot.startMs.at(-1)!.toFixed(0)} ms; draining`);
  }
  const drainStart = performance.now();
  let drained = false;
  while (performance.now() - drainStart < DRAIN_DEADLINE_MS) {
    observer.trim();
    const b = backlog(dbPath);
    const waiting = events.filter((e) => !e.attempts.some((a) => a.status === 200)).length;
    if (b.outbox === 0 && b.events === 0 && waiting === 0 && retrying.size === 0) {
      drained = true;
      break;
    }
    await sleep(500);
  }
  const drainSeconds = (performance.now() - drainStart) / 1000;
  stopRetries = true;
  await retries;
  await Promise.all([...inflight]);
  await sleep(500);
  const exit = await bot.stop();
  observer.trim();
  log(`${drained ? 'drained' : 'NOT drained'} in ${drainSeconds.toFixed(1)} s; bot stopped (${JSON.stringify(exit)})`);

  const backupResult = await backup;
  const verify = 'error' in backupResult ? undefined : await backupWorker.call<{ problems: string[]; examples: string[]; exact: number; changedPresent: number; writtenDuring: number; phantom: number; restoredRows: number; tables: number }>({ cmd: 'verify', restoreTo: path.join(dir, 'restored', 'bot.db') });
  await backupWorker.close();
  const verdict = account(dbPath, events, observer);

  // Ack latency of first pushes and retries answered 200, outside the restart windows.
  const acks = (kinds: DrillEvent['kind'][]) => events.filter((e) => kinds.includes(e.kind)).flatMap((e) => e.attempts).filter((a) => a.status === 200 && !inWindow(bot.windows, a.t0, a.t1)).map((a) => a.t1 - a.t0).sort((a, b) => a - b);
  const latencies = acks(['report', 'me', 'form', 'approve']);
  const messageAcks = acks(['report', 'me']);
  const clickAcks = acks(['form', 'approve']);
  const pct = (xs: number[]) => `${percentile(xs, 50).toFixed(1)} / ${percentile(xs, 95).toFixed(1)} / ${percentile(xs, 99).toFixed(1)} ms`;
  const excluded = events.flatMap((e) => e.attempts).filter((a) => inWindow(bot.windows, a.t0, a.t1)).length;
  const redelivered = events.filter((e) => e.attempts.length > 1);
  const byKind = (k: DrillEvent['kind']) => events.filter((e) => e.kind === k).length;
  const p = (q: number) => percentile(latencies, q);
  const duringBackup = events.flatMap((e) => e.attempts).filter((a) => a.status === 200 && a.t0 < backupWindow.to && a.t1 > backupWindow.from).map((a) => a.t1 - a.t0).sort((a, b) => a - b);
  const uuidResent = [...observer.triesByUuid.values()].filter((n) => n > 1).length;
  // Where the slow acks fall: seconds since the end of the last restart window before them.
  const slow = events.flatMap((e) => e.attempts).filter((a) => a.status === 200 && a.t1 - a.t0 > 500 && !inWindow(bot.windows, a.t0, a.t1));
  const lastRestartEnd = (t: number) => Math.max(0, ...bot.windows.filter((w) => w.to <= t).map((w) => w.to));
  const slowBuckets = new Map<string, number>();
  for (const a of slow) {
    const s = Math.floor((a.t0 - lastRestartEnd(a.t0)) / 2000) * 2;
    const key = a.t0 < backupWindow.to && a.t1 > backupWindow.from ? 'during the backup' : `${s}–${s + 2} s`;
    slowBuckets.set(key, (slowBuckets.get(key) ?? 0) + 1);
  }
  const slowLine = [...slowBuckets].sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true })).map(([k, n]) => `${k}: ${n}`).join(', ');
  const backupOk = !('error' in backupResult) && verify !== undefined && verify.problems.length === 0;
  const rows: [string, string, string][] = [
    ['events sent', `${events.length} (${byKind('report')} reports, ${byKind('me')} /我的, ${byKind('form')} log forms, ${byKind('approve')} approvals)`, ''],
    ['rate sustained', `${(total / loadSeconds).toFixed(0)}/s over ${loadSeconds.toFixed(1)} s (target ${RATE}/s; sender at most ${maxBehind.toFixed(0)} ms late, its event loop p99 delay ${(lag.percentile(99) / 1e6).toFixed(0)} ms)`, total / loadSeconds >= RATE * 0.97 ? 'OK' : 'MISSED'],
    ['acknowledged', `${events.filter((e) => e.acked).length}`, ''],
    ['redelivered', `${redelivered.length} events (${redelivered.reduce((n, e) => n + e.attempts.length - 1, 0)} pushes)`, ''],
    ['kills (SIGKILL)', `${bot.kills}; starts took ${bot.startMs.slice(1).map((ms) => (ms / 1000).toFixed(1)).join(', ')} s`, ''],
    ['logs stored', `${verdict.logsStored} (${verdict.logsApproved} approved)`, ''],
    ['messages sent', `${observer.delivered.length} delivered by the stand-in; ${fake.injectedFailures} sends failed on purpose; ${uuidResent} uuids sent more than once`, ''],
    ['outbox', `${verdict.outboxRows} rows, ${verdict.outboxFailed} given up; drained ${drained ? 'in' : 'NOT within'} ${drainSeconds.toFixed(1)} s after the final start`, drained ? 'OK' : 'MISSED'],
    ['doubles', String(verdict.doubled.length), verdict.doubled.length === 0 ? 'OK' : 'MISSED'],
    ['lost', `${verdict.lost.length} (acknowledged message events without their log or reply; logs without their review card, approvals without the author's notice; outbox rows not delivered)`, verdict.lost.length === 0 ? 'OK' : 'MISSED'],
    ['clicks lost', `${verdict.clicksLost.length} of ${byKind('form') + byKind('approve')} (acknowledged, effect missing); ${verdict.clicksAnsweredEmpty} clicks got only the dedupe {} of a retry`, verdict.clicksLost.length === 0 ? 'OK' : 'MISSED'],
    ['ack p50 / p95 / p99', `${pct(latencies)} (${latencies.length} acks; ${excluded} tries in restart windows left out)`, p(99) < 1000 ? 'OK' : 'MISSED'],
    ['  message events', `${pct(messageAcks)} (reports, /我的: stored, then 200)`, ''],
    ['  acks over 0.5 s', `${slow.length}, by the time since the last restart (or the backup): ${slowLine || '-'}`, ''],
    ['  card clicks', `${pct(clickAcks)} (the answer is the click's result; ${clickAcks.filter((ms) => ms > 2500).length} answered 「正在处理」 after 2.5 s)`, ''],
    ['backup', 'error' in backupResult ? backupResult.error : `${(backupResult.backupMs / 1000).toFixed(1)} s under load, ${backupResult.restarts} restarts, ${(backupResult.bytes / 1024).toFixed(0)} KiB`, backupOk ? 'OK' : 'MISSED'],
    ['  acks during it', `${duringBackup.length} events, ack p50 ${percentile(duringBackup, 50).toFixed(1)} ms, max ${(duringBackup.at(-1) ?? NaN).toFixed(1)} ms (the backup, with the drill's snapshots before and after, took ${((backupWindow.to - backupWindow.from) / 1000).toFixed(1)} s)`, ''],
    ['backup rows compared', verify ? `${verify.exact} equal to the source, ${verify.changedPresent} changed during the backup (present), ${verify.writtenDuring} written during it; restore equal row for row: ${verify.restoredRows}` : '-', backupOk ? 'OK' : 'MISSED'],
    ['stand-in refusals', `${observer.refusals.length} refused, ${observer.defects} display defects`, observer.refusals.length === 0 ? 'OK' : 'MISSED'],
    ['CPU during the load', `bot ${cpuLoad.bot.toFixed(1)} s (its event loops ${cpuLoad.main.toFixed(1)} s: ${((cpuLoad.main * 1000) / total).toFixed(2)} ms per event sent), drill ${((cpuLoad.drill.user + cpuLoad.drill.system) / 1e6).toFixed(1)} s, in ${loadSeconds.toFixed(1)} s on ${os.cpus().length} cores`, ''],
  ];
  console.log('');
  for (const [k, v, ok] of rows) console.log(`${k.padEnd(22)} ${v}${ok ? `   ${ok}` : ''}`);
  const show = (title: string, xs: string[]) => xs.length && console.log(`\n${title} (${xs.length}):\n  ${xs.slice(0, 15).join('\n  ')}`);
  show('LOST', verdict.lost);
  show('CLICKS LOST', verdict.clicksLost);
  show('DOUBLED', verdict.doubled);
  show('backup problems', verify ? [...verify.problems, ...verify.examples] : []);
  show('notes', verdict.notes);
  show('click answers that were not a success', verdict.clickErrors);
  show('stand-in refusals', observer.refusals);
  show('bot error log lines', bot.errorLines().slice(-15));
  await fake.close();
  closeAgent();
  if (args.has('keep')) console.log(`\nkept ${dir}`);
  else fs.rmSync(dir, { recursive: true, force: true });
  const missed = rows.some(([, , ok]) => ok === 'MISSED');
  console.log(`\n${missed ? 'TARGET MISSED' : 'all targets met'}`);
  return missed ? 1 : 0;
}

process.exitCode = await main();
