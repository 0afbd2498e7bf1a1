/**
 * Job-run claims (src/jobs/jobRuns.ts) and the scheduler (src/jobs/scheduler.ts): claims are
 * exactly-once even across two processes on the same file; cron expressions are read in
 * Asia/Shanghai; a job that claims and enqueues sends once however often it runs.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { closeDb, openDb, type Db } from '../src/db/client.js';
import { jobRuns, outbox } from '../src/db/schema/index.js';
import { claim, fail, find, finish, isDone } from '../src/jobs/jobRuns.js';
import { enqueue } from '../src/jobs/outboxRows.js';
import type { JobPorts } from '../src/jobs/ports.js';
import { defineJob, Scheduler } from '../src/jobs/scheduler.js';
import { silentLogger } from '../src/log.js';
import { migratedDbPath, startHarness, TestClock } from './helpers/harness.js';
import { ROOT } from './helpers/process.js';

const TSX = pathToFileURL(path.join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
const MIN = 60_000;

let dbPath: string;
let db: Db;
let clock: TestClock;
const schedulers: Scheduler[] = [];

beforeEach(() => {
  dbPath = migratedDbPath();
  db = openDb(dbPath);
  // Wednesday 2025-03-05 20:00 in Shanghai.
  clock = new TestClock(Date.parse('2025-03-05T12:00:00Z'));
});
afterEach(async () => {
  for (const s of schedulers.splice(0)) await s.stop();
  closeDb(db);
});

const key = { kind: 'digest', target: 7, period: '2025-W10' };

describe('job-run claims', () => {
  it('claims once; a second claim gets nothing, before and after the run is finished', () => {
    const run = claim(db, key, clock.now());
    expect(run).toMatchObject({ kind: 'digest', target: '7', period: '2025-W10', status: 'claimed', attempts: 1, claimedAt: clock.now() });
    expect(claim(db, key, clock.now())).toBeNull();
    expect(isDone(db, key)).toBe(false);

    finish(db, run!, clock.now() + 1000);
    expect(isDone(db, key)).toBe(true);
    clock.advance(365 * 24 * 60 * MIN);
    expect(claim(db, key, clock.now())).toBeNull();
    // Other targets and periods are their own runs.
    expect(claim(db, { ...key, target: 8 }, clock.now())).not.toBeNull();
    expect(claim(db, { ...key, period: '2025-W11' }, clock.now())).not.toBeNull();
  });

  it('lets a failed run be claimed again only after the retry delay, counting attempts', () => {
    const run = claim(db, key, clock.now())!;
    fail(db, run, new Error('chat gone'), clock.now());
    expect(find(db, key)).toMatchObject({ status: 'failed', error: 'chat gone' });
    expect(claim(db, key, clock.now() + 4 * MIN, { retryAfterMs: 5 * MIN })).toBeNull();
    const again = claim(db, key, clock.now() + 5 * MIN, { retryAfterMs: 5 * MIN });
    expect(again).toMatchObject({ id: run.id, status: 'claimed', attempts: 2, finishedAt: null });
    expect(isDone(db, key)).toBe(false);
  });

  it('takes over a claim abandoned by a process that died mid-run, once it is stale', () => {
    const run = claim(db, key, clock.now())!;
    expect(claim(db, key, clock.now() + 29 * MIN)).toBeNull();
    const taken = claim(db, key, clock.now() + 30 * MIN);
    expect(taken).toMatchObject({ id: run.id, attempts: 2 });
    expect(claim(db, key, clock.now() + 30 * MIN)).toBeNull();
  });

  it('is exactly-once across two processes racing on the same file', async () => {
    const count = 2000;
    type Outcome = { won: number[]; started: number; ended: number };
    const children = [0, 1].map(() => {
      const child = spawn(process.execPath, ['--import', TSX, path.join(ROOT, 'test/helpers/claimRace.ts'), dbPath, String(count)], { cwd: ROOT });
      let out = '';
      let err = '';
      child.stderr.on('data', (c: Buffer) => (err += c));
      const ready = new Promise<void>((resolve) => child.stdout.on('data', (c: Buffer) => ((out += c), out.startsWith('ready\n') && resolve())));
      const result = new Promise<Outcome>((resolve, reject) =>
        child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.slice('ready\n'.length)) as Outcome) : reject(new Error(`claimRace exited ${code}: ${err}`)))),
      );
      return { child, ready, result };
    });
    // Both have opened the file before either starts claiming.
    await Promise.all(children.map((c) => c.ready));
    for (const c of children) c.child.stdin.end('go\n');
    const [x, y] = (await Promise.all(children.map((c) => c.result))) as [Outcome, Outcome];
    const [a, b] = [x.won, y.won];
    expect([...a, ...b].sort((x, y) => x - y)).toEqual(Array.from({ length: count }, (_, i) => i));
    expect(a.filter((t) => b.includes(t))).toEqual([]);
    // The two were claiming at the same time, so this was a race and not two runs in turn.
    // (How the wins split is up to SQLite's lock: a busy waiter backs off and may win few.)
    expect(Math.max(x.started, y.started)).toBeLessThan(Math.min(x.ended, y.ended));
    expect(db.select().from(jobRuns).all()).toHaveLength(count);
  }, 30_000);
});

function scheduler(ports: Partial<JobPorts> = {}): Scheduler {
  const s = new Scheduler({ db, feishu: null as never, clock, log: silentLogger, timeZone: 'Asia/Shanghai', ...ports });
  schedulers.push(s);
  return s;
}

describe('the scheduler', () => {
  it('reads cron expressions as Asia/Shanghai wall time from the injected clock', () => {
    const s = scheduler().register(defineJob({ name: 'digest', cron: '0 9 * * 1', run() {} }));
    // From Wednesday 20:00 Shanghai, the next Monday 09:00 Shanghai is 01:00 UTC.
    expect(s.nextRun('digest')?.toISOString()).toBe('2025-03-10T01:00:00.000Z');
    // Monday 08:59:59 Shanghai → the same morning; Monday 09:00 exactly → next week.
    expect(s.nextRun('digest', Date.parse('2025-03-10T00:59:59Z'))?.toISOString()).toBe('2025-03-10T01:00:00.000Z');
    expect(s.nextRun('digest', Date.parse('2025-03-10T01:00:00Z'))?.toISOString()).toBe('2025-03-17T01:00:00.000Z');
    // Sunday 20:00 UTC is already Monday 04:00 in Shanghai: still that Monday, not the next.
    expect(s.nextRun('digest', Date.parse('2025-03-09T20:00:00Z'))?.toISOString()).toBe('2025-03-10T01:00:00.000Z');

    const elsewhere = scheduler({ timeZone: 'UTC' }).register(defineJob({ name: 'digest', cron: '0 9 * * 1', run() {} }));
    expect(elsewhere.nextRun('digest')?.toISOString()).toBe('2025-03-10T09:00:00.000Z');
  });

  it('fires a registered job on its schedule once started, and not after stop', async () => {
    // The cron timers run on fake time: each second that passes is one croner would have fired in.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    try {
      let runs = 0;
      const s = scheduler().register(defineJob({ name: 'tick', cron: '* * * * * *', run: () => void runs++ }));
      await vi.advanceTimersByTimeAsync(3000);
      expect(runs).toBe(0); // registered but not started
      s.start();
      await vi.advanceTimersByTimeAsync(3000);
      expect(runs).toBeGreaterThan(0);
      await s.stop();
      const after = runs;
      await vi.advanceTimersByTimeAsync(3000);
      expect(runs).toBe(after);
    } finally {
      vi.useRealTimers();
    }
  });

  it('runNow runs a job and surfaces its error; catch-up jobs run once at start', async () => {
    const seen: string[] = [];
    const s = scheduler()
      .register(defineJob({ name: 'ok', cron: '0 9 * * 1', catchUp: true, run: () => void seen.push('ok') }))
      .register(defineJob({ name: 'broken', cron: '0 9 * * 1', run: () => { throw new Error('boom'); } }));
    expect(() => s.register(defineJob({ name: 'ok', cron: '0 9 * * 1', run() {} }))).toThrow(/twice/);
    expect(() => s.register(defineJob({ name: 'bad', cron: 'every monday', run() {} }))).toThrow();
    s.start();
    // The catch-up run is in progress: runNow joins it rather than running the job twice.
    await s.runNow('ok');
    expect(seen).toEqual(['ok']);
    await s.runNow('ok');
    expect(seen).toEqual(['ok', 'ok']);
    await expect(s.runNow('broken')).rejects.toThrow('boom');
    await expect(s.runNow('nothing')).rejects.toThrow(/no job/);
  });

  it('does not start a second run of a job while one is in progress', async () => {
    let running = 0;
    let max = 0;
    let finish!: () => void;
    const finished = new Promise<void>((resolve) => (finish = resolve));
    const s = scheduler().register(
      defineJob({
        name: 'slow',
        cron: '0 9 * * 1',
        async run() {
          max = Math.max(max, ++running);
          await finished;
          running--;
        },
      }),
    );
    const runs = Promise.all([s.runNow('slow'), s.runNow('slow'), s.runNow('slow')]);
    finish();
    await runs;
    expect(max).toBe(1);
  });

  it('a job that claims its period and enqueues sends once however often it runs, even across a restart', async () => {
    const job = defineJob({
      name: 'weekly',
      cron: '0 9 * * 1',
      run({ db: d, clock: c }) {
        const run = claim(d, { kind: 'weekly', target: 'oc_college', period: '2025-W10' }, c.now());
        if (!run) return;
        enqueue(d, { to: { chatId: 'oc_college' }, message: { text: '本周进展' }, uuid: `weekly-${run.kind}-${run.target}-${run.period}` }, c.now());
        finish(d, run, c.now());
      },
    });
    const config = { DATABASE_PATH: migratedDbPath() };
    for (const restart of [0, 1]) {
      const h = await startHarness({ config, clock });
      try {
        h.bot.scheduler.register(job);
        await Promise.all([h.bot.scheduler.runNow('weekly'), h.bot.scheduler.runNow('weekly')]);
        await h.bot.scheduler.runNow('weekly');
        await h.bot.outbox.drain();
        expect(h.bot.db.select().from(outbox).all()).toMatchObject([{ status: 'sent', receiveId: 'oc_college' }]);
        // Sent by the first run of the bot; the restarted bot finds the week done.
        expect(h.fake.messages.filter((m) => m.receiveId === 'oc_college')).toHaveLength(restart === 0 ? 1 : 0);
      } finally {
        await h.close();
      }
    }
  });

  it('the bot registers its jobs; housekeeping forgets sent outbox rows older than 30 days', async () => {
    const h = await startHarness({ clock });
    try {
      expect(h.bot.scheduler.names()).toContain('housekeeping');
      enqueue(h.bot.db, { to: { chatId: 'oc_1' }, message: { text: 'old' }, uuid: 'old-1' }, clock.now());
      await h.fake.waitFor((m) => m.uuid === 'old-1', 3000);
      await h.bot.outbox.drain();
      clock.advance(31 * 24 * 60 * MIN);
      enqueue(h.bot.db, { to: { chatId: 'oc_1' }, message: { text: 'new' }, uuid: 'new-1' }, clock.now());
      await h.fake.waitFor((m) => m.uuid === 'new-1', 3000);
      await h.bot.outbox.drain();
      await h.bot.scheduler.runNow('housekeeping');
      expect(h.bot.db.select({ uuid: outbox.uuid }).from(outbox).all()).toEqual([{ uuid: 'new-1' }]);
    } finally {
      await h.close();
    }
  });
});
