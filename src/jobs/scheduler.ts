/**
 * Named jobs on cron expressions read in the program's time zone (croner, with an explicit
 * `timezone`, so "Monday 09:00" means Asia/Shanghai whatever the server's TZ). A job is a plain
 * function over {@link JobPorts}; it makes itself idempotent with job-run claims, so a tick
 * that fires twice, `runNow` racing a tick, or a catch-up run at start all act once.
 */
import { Cron } from 'croner';
import type { JobPorts } from './ports.js';

export interface JobDefinition {
  /** Unique; used by `runNow` and in logs. */
  name: string;
  /** 5-field (minute) or 6-field (second) cron expression, in `JobPorts.timeZone`. */
  cron: string;
  /**
   * Also run once when the scheduler starts: for jobs whose period may have been missed while
   * the bot was down (the job's claim skips the period if it was already done).
   */
  catchUp?: boolean;
  run(ports: JobPorts): Promise<void> | void;
}

/** Wraps a job definition, for a typed registry like commands/index.ts. */
export function defineJob(def: JobDefinition): JobDefinition {
  return def;
}

export class Scheduler {
  private readonly jobs = new Map<string, { def: JobDefinition; cron: Cron }>();
  private readonly inFlight = new Map<string, Promise<void>>();
  private started = false;
  private stopped = false;

  constructor(private readonly ports: JobPorts) {}

  /** Adds a job; throws on a duplicate name or a bad expression (a programming error). */
  register(def: JobDefinition): this {
    if (this.jobs.has(def.name)) throw new Error(`job ${def.name} is registered twice`);
    // Paused until start(): registering never fires anything, so tests can inspect schedules.
    const cron = new Cron(def.cron, { timezone: this.ports.timeZone, paused: true, unref: true, mode: '5-or-6-parts' }, () => this.execute(def.name));
    this.jobs.set(def.name, { def, cron });
    if (this.started) cron.resume();
    return this;
  }

  /** The registered job names, in registration order. */
  names(): string[] {
    return [...this.jobs.keys()];
  }

  /** Arms every job's timer and runs the catch-up jobs once. */
  start(): void {
    if (this.started || this.stopped) return;
    this.started = true;
    for (const { def, cron } of this.jobs.values()) {
      cron.resume();
      if (def.catchUp) void this.execute(def.name);
    }
  }

  /** The next time `name` fires after `from` (default: the injected clock's now). */
  nextRun(name: string, from: number = this.ports.clock.now()): Date | null {
    return this.job(name).cron.nextRun(new Date(from));
  }

  /** Runs `name` now and waits for it; if it is already running, waits for that run instead. */
  async runNow(name: string): Promise<void> {
    this.job(name);
    return this.execute(name, true);
  }

  /**
   * Runs, once each, the jobs that came due between `since` and the clock's now: for a clock
   * moved forward (local mode's +1 天), where the timers, which follow real time, never fire.
   * The jobs' own claims keep a period from being acted on twice. Resolves when they are done.
   */
  async runDue(since: number): Promise<string[]> {
    const now = this.ports.clock.now();
    const due = [...this.jobs.values()].filter(({ cron }) => {
      const next = cron.nextRun(new Date(since));
      return next !== null && next.getTime() <= now;
    });
    await Promise.all(due.map(({ def }) => this.execute(def.name)));
    return due.map(({ def }) => def.name);
  }

  /** Disarms every timer and waits for the runs in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const { cron } of this.jobs.values()) cron.stop();
    await Promise.all([...this.inFlight.values()]);
  }

  private job(name: string) {
    const job = this.jobs.get(name);
    if (!job) throw new Error(`no job named ${name}`);
    return job;
  }

  /**
   * One run at a time per job: a tick that comes while the previous run is still going joins
   * it rather than starting a second one. Errors are logged (scheduled) or thrown (runNow).
   */
  private execute(name: string, rethrow = false): Promise<void> {
    const running = this.inFlight.get(name);
    if (running) return running;
    if (this.stopped) return Promise.resolve();
    const { def } = this.job(name);
    const { log, clock } = this.ports;
    const started = clock.now();
    const run = (async () => {
      try {
        await def.run(this.ports);
        log.info({ job: name, ms: clock.now() - started }, 'job finished');
      } catch (err) {
        log.error({ job: name, err: (err as Error)?.message ?? String(err) }, 'job failed');
        if (rethrow) throw err;
      } finally {
        this.inFlight.delete(name);
      }
    })();
    // A scheduled run's failure is logged above; keep it from surfacing as unhandled.
    this.inFlight.set(name, run.catch(() => undefined));
    return run;
  }
}
