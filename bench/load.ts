/**
 * Load generation and server processes for the benchmarks: signed requests over raw keep-alive
 * connections in a closed loop, percentiles, and servers forked on a free port.
 */
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { performance } from 'node:perf_hooks';
import { randomUUID } from 'node:crypto';
import { encrypt, sign } from '../test/helpers/feishuEvents.js';
import { RawConnection, serialise } from './rawClient.js';

export interface Request {
  body: string;
  headers: Record<string, string>;
  messageId: string;
  wire: Buffer;
}

export const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

/**
 * A benchmark's command line: `--name=value` or `--name value`; a flag without a value
 * (`--keep`) maps to ''.
 */
export function parseArgs(argv: readonly string[] = process.argv.slice(2)): Map<string, string> {
  const args = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const [k, ...v] = argv[i]!.replace(/^--/, '').split('=');
    if (v.length) args.set(k!, v.join('='));
    else if (argv[i + 1] !== undefined && !argv[i + 1]!.startsWith('--')) args.set(k!, argv[++i]!);
    else args.set(k!, '');
  }
  return args;
}

/** An event as Feishu delivers it to the webhook: encrypted, signed now, ready for `post` or a raw connection. */
export function signedRequest(envelope: object, messageId: string, encryptKey: string): Request {
  const body = JSON.stringify({ encrypt: encrypt(JSON.stringify(envelope), encryptKey) });
  const timestamp = String(Math.floor(Date.now() / 1000));
  const nonce = randomUUID();
  const headers = {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(body)),
    'x-lark-request-timestamp': timestamp,
    'x-lark-request-nonce': nonce,
    'x-lark-signature': sign(timestamp, nonce, encryptKey, body),
  };
  return { body, messageId, headers, wire: serialise('POST', '/feishu/events', headers, body) };
}

export function post(port: number, req: Request): Promise<number> {
  return new Promise((resolve, reject) => {
    const r = http.request({ host: '127.0.0.1', port, path: '/feishu/events', method: 'POST', headers: req.headers, agent }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    r.on('error', reject);
    r.end(req.body);
  });
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export async function closedLoop(port: number, requests: Request[], concurrency: number) {
  const latencies: number[] = new Array(requests.length);
  let next = 0;
  let failures = 0;
  const connections = Array.from({ length: concurrency }, () => new RawConnection(port));
  const started = performance.now();
  await Promise.all(
    connections.map(async (conn) => {
      while (next < requests.length) {
        const i = next++;
        const t0 = performance.now();
        const status = await conn.send(requests[i]!.wire);
        latencies[i] = performance.now() - t0;
        if (status < 200 || status >= 300) failures++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  for (const c of connections) c.close();
  latencies.sort((a, b) => a - b);
  return { perSecond: requests.length / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99), failures };
}

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

export async function waitHealthy(port: number, pathName: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 1500; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    const ok = await new Promise<boolean>((resolve) => {
      const r = http.request({ host: '127.0.0.1', port, path: pathName, method: pathName === '/healthz' ? 'GET' : 'POST', agent }, (res) => {
        res.resume();
        resolve((res.statusCode ?? 500) < 500);
      });
      r.on('error', () => resolve(false));
      r.end();
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('server did not come up');
}

/**
 * Starts a server script in its own process on a free port and waits until it answers: a .ts
 * script through tsx, a .js one (the compiled bot, as `npm start` runs it) as it is.
 */
export async function startServer(script: string, env: Record<string, string>, healthPath: string, opts: { nodeFlags: string[]; profile?: string }) {
  const port = await freePort();
  const loader = script.endsWith('.ts') ? ['--import', 'tsx'] : [];
  const profiled = opts.profile !== undefined && (opts.profile === 'all' || /src\/main\.[jt]s$/.test(script));
  const forkedAt = performance.now();
  const child = fork(script, [], { execArgv: [...opts.nodeFlags, ...loader, ...(profiled ? ['--cpu-prof', '--cpu-prof-dir=bench/out'] : [])], env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' }, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  await waitHealthy(port, healthPath, child);
  const readyMs = performance.now() - forkedAt;
  return {
    port,
    /** From the fork to the first healthy answer, in ms. */
    readyMs,
    /** Resident memory of the server process now, in MB (VmRSS). */
    rssMb: () => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'))![1]) / 1024,
    /** CPU time (user + system, all threads) the server process has used so far, in ms. */
    cpuMs: () => {
      const fields = fs.readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, in clock ticks of 10 ms
    },
    /** CPU time of the process's main thread (the event loop), in ms. */
    mainCpuMs: () => {
      const f = fs.readFileSync(`/proc/${child.pid}/task/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return (Number(f[11]) + Number(f[12])) * 10;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}


export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
