/**
 * Runs the bot as a real process for tests of start-up, signals and crashes: from its sources
 * (`node --import tsx src/main.ts`, what `npm run dev` runs, so the tests exercise the code as it
 * is), or compiled (`dist/src/main.js` with the node flags of `npm start`; test/compiledStart).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const MAIN = path.join(ROOT, 'src/main.ts');
// Absolute, so the process can run from any working directory (e.g. one without a .env).
const TSX = pathToFileURL(path.join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;

/**
 * A port nobody listens on right now (the bot's PORT=0 choice is not visible from outside). It
 * is taken below the kernel's ephemeral range (32768–60999 on Linux), where nothing binding
 * port 0 — the other test files' servers, running meanwhile — or connecting out is given it
 * before the child process binds it.
 */
export async function freePort(): Promise<number> {
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    const server = net.createServer();
    const free = await new Promise<boolean>((resolve) => {
      server.once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => resolve(true));
    });
    if (!free) continue;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    return port;
  }
}

/** The environment a fresh shell would give: no FEISHU_* or other bot settings leak in from the test runner. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const keep = ['PATH', 'HOME', 'TMPDIR', 'LANG', 'SYSTEMROOT'];
  const env: NodeJS.ProcessEnv = {};
  for (const k of keep) if (process.env[k] !== undefined) env[k] = process.env[k];
  return { ...env, NO_PROXY: '127.0.0.1,localhost', ...extra };
}

export interface BotProcess {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves when the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** The node flags and script of `npm start`, read from package.json (one source for both). */
export function startCommand(): { flags: string[]; script: string } {
  const start = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start.split(/\s+/);
  if (start[0] !== 'node') throw new Error(`npm start does not run node: ${start.join(' ')}`);
  return { flags: start.slice(1, -1), script: path.join(ROOT, start.at(-1)!) };
}

export function spawnBot(env: NodeJS.ProcessEnv, cwd = ROOT, opts: { compiled?: boolean } = {}): BotProcess {
  const { flags, script } = startCommand();
  const args = opts.compiled ? [...flags, script] : ['--import', TSX, MAIN];
  const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString('utf8')));
  child.stderr!.on('data', (c: Buffer) => (err += c.toString('utf8')));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('exit', (code, signal) => resolve({ code, signal }));
  });
  return { child, stdout: () => out, stderr: () => err, exited };
}

/**
 * Waits until the bot answers /healthz and knows its own open_id (it has talked to the Open API).
 * Not a bound on start-up: only how long to wait before giving up (loading the bot under tsx
 * takes seconds of CPU, more when the machine is busy).
 */
export async function waitUntilReady(bot: BotProcess, baseUrl: string, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  let exited = false;
  void bot.exited.then(() => (exited = true));
  for (;;) {
    if (exited) throw new Error(`bot exited during start\nstdout: ${bot.stdout()}\nstderr: ${bot.stderr()}`);
    try {
      const res = await fetch(`${baseUrl}/healthz`);
      if (res.status === 200 && ((await res.json()) as { botKnown?: boolean }).botKnown) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > until) throw new Error(`bot not ready within ${timeoutMs} ms\nstdout: ${bot.stdout()}\nstderr: ${bot.stderr()}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Resolves with the exit, or rejects (and kills the process) after `ms`. */
export async function exitWithin(bot: BotProcess, ms: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      bot.child.kill('SIGKILL');
      reject(new Error(`process did not exit within ${ms} ms\nstdout: ${bot.stdout()}\nstderr: ${bot.stderr()}`));
    }, ms);
  });
  try {
    return await Promise.race([bot.exited, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
