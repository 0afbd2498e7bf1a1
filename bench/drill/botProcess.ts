/**
 * The bot under drill: the real process, started as `npm start` starts it (package.json's
 * start script; with --tsx, node with tsx on src/main.ts as test/helpers/process.ts does), in
 * webhook mode on a fixed port, SIGKILLed and
 * started again on the same database. Each kill opens a restart window — from the kill until
 * 2 s after the new process answers /healthz with the bot known — whose requests do not
 * count for the latency figures.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { cleanEnv, ROOT, spawnBot, startCommand, waitUntilReady, type BotProcess } from '../../test/helpers/process.js';

/**
 * The bot as `npm start` runs it: package.json's start script (node, its flags, the compiled
 * dist/src/main.js, built first by the drill) — or, with `tsx: true`, as the tests' spawnBot
 * runs it (node --import tsx src/main.ts). `profileDir` adds --cpu-prof (not allowed in NODE_OPTIONS).
 */
export interface HowToRun {
  tsx: boolean;
  profileDir?: string;
}


function spawnWith(args: string[], env: NodeJS.ProcessEnv): BotProcess {
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString('utf8')));
  child.stderr!.on('data', (c: Buffer) => (err += c.toString('utf8')));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return { child, stdout: () => out, stderr: () => err, exited };
}

function spawnAsConfigured(how: HowToRun, env: NodeJS.ProcessEnv): BotProcess {
  const profile = how.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${how.profileDir}`] : [];
  if (how.tsx) {
    if (!how.profileDir) return spawnBot(env);
    const tsx = pathToFileURL(path.join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
    return spawnWith([...profile, '--import', tsx, path.join(ROOT, 'src/main.ts')], env);
  }
  const { flags, script } = startCommand();
  return spawnWith([...profile, ...flags, script], env);
}

export interface Window {
  from: number;
  to: number;
}

/** Excluded from the latency figures after a start (the JIT is cold, recovery is running). */
export const AFTER_START_MS = 2000;

export class DrilledBot {
  proc: BotProcess | undefined;
  readonly windows: Window[] = [];
  readonly startMs: number[] = [];
  kills = 0;
  /** CPU seconds of the processes that have exited (all threads; main thread = the event loop). */
  private cpuDone = 0;
  private mainDone = 0;
  private output: string[] = [];

  constructor(
    private readonly env: Record<string, string>,
    readonly port: number,
    private readonly how: HowToRun = { tsx: false },
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Starts a process and waits until it is ready; the window opened by a kill closes 2 s after. */
  async start(): Promise<void> {
    const t0 = performance.now();
    const proc = spawnAsConfigured(this.how, cleanEnv(this.env));
    this.proc = proc;
    await waitUntilReady(proc, this.url, 60_000);
    const ready = performance.now();
    this.startMs.push(ready - t0);
    const open = this.windows.at(-1);
    if (open && open.to === Infinity) open.to = ready + AFTER_START_MS;
    else this.windows.push({ from: t0, to: ready + AFTER_START_MS });
  }

  /** SIGKILL, as a crash or the OOM killer would; a new process is started at once. */
  async killAndRestart(): Promise<void> {
    await this.kill();
    await this.start();
  }

  async kill(): Promise<void> {
    const proc = this.proc!;
    const cpu = this.cpuSeconds();
    const main = this.cpuSeconds(true);
    this.windows.push({ from: performance.now(), to: Infinity });
    proc.child.kill('SIGKILL');
    await proc.exited;
    this.kills++;
    this.cpuDone += cpu;
    this.mainDone += main;
    this.keepOutput(proc);
  }

  /** SIGTERM: the graceful stop (finish events in flight, close the database). */
  async stop(): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    const proc = this.proc!;
    const cpu = this.cpuSeconds();
    const main = this.cpuSeconds(true);
    proc.child.kill('SIGTERM');
    const exit = await proc.exited;
    this.cpuDone += cpu;
    this.mainDone += main;
    this.keepOutput(proc);
    return exit;
  }

  /** CPU seconds (user + system, all threads) of every process so far. */
  totalCpuSeconds(): { all: number; main: number } {
    const alive = this.proc && this.proc.child.exitCode === null && this.proc.child.signalCode === null;
    return { all: this.cpuDone + (alive ? this.cpuSeconds() : 0), main: this.mainDone + (alive ? this.cpuSeconds(true) : 0) };
  }

  /** Lines the processes wrote at LOG_LEVEL=error (their errors). */
  errorLines(): string[] {
    return this.output.flatMap((o) => o.split('\n')).filter((l) => l.trim() !== '');
  }

  private keepOutput(proc: BotProcess): void {
    this.output.push(proc.stdout().split('\n').filter((l) => !l.startsWith('社区实践助手已启动')).join('\n'), proc.stderr());
  }

  private cpuSeconds(mainThread = false): number {
    try {
      const pid = this.proc!.child.pid;
      const fields = fs.readFileSync(mainThread ? `/proc/${pid}/task/${pid}/stat` : `/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return (Number(fields[11]) + Number(fields[12])) / 100;
    } catch {
      return 0;
    }
  }
}

/** True when the attempt [t0, t1] overlaps a restart window. */
export function inWindow(windows: Window[], t0: number, t1: number): boolean {
  return windows.some((w) => t0 < w.to && t1 > w.from);
}
