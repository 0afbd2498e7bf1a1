/**
 * Event throughput of the bot as `npm start` runs it (compiled, its node flags) on the big
 * database while the weekly digest fans out: signed, encrypted `/我的` events at a steady rate
 * (open loop, bench/ack.ts's way), then the 团委 sends `/周报` — the digest of every college and
 * the school in the bot's own event loop, its cards through the outbox to the fake Open API.
 * Acks and replies are split into "before" (steady state) and "during" (from `/周报` to its
 * answer, i.e. the fan-out), plus the digest cards' delivery.
 */
import { fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { startFakeOpenApi } from '../../test/fakes/openApi.js';
import { messageEvent } from '../../test/helpers/feishuEvents.js';
import { agent, freePort, percentile, post, signedRequest, type Request } from '../load.js';

const APP = { appId: 'cli_a1b2c3d4e5f6a7b8', appSecret: 'bench-secret', token: 'bench-token', encryptKey: 'bench-encrypt-key' };

const signed = (envelope: object, messageId: string): Request => signedRequest(envelope, messageId, APP.encryptKey);

const me = (openId: string, tag: string) => {
  const messageId = `om_${tag}_${randomUUID().slice(0, 12)}`;
  return signed(messageEvent({ openId, text: '/我的', messageId }, APP), messageId);
};

export interface PhaseStats {
  sent: number;
  seconds: number;
  ackP50: number;
  ackP99: number;
  ackMax: number;
  replies: number;
  replyP50: number;
  replyP99: number;
  non200: number;
  /** What the non-200 answers were: HTTP status or the request's error, with counts. */
  non200Kinds: string;
  /** This process's own event-loop delay (p99, max, ms): the load generator and the fake Open API share it. */
  benchLagP99: number;
  benchLagMax: number;
}

export interface FanoutResult {
  readyMs: number;
  before: PhaseStats;
  during: PhaseStats;
  /** From sending /周报 to its answer arriving (the whole fan-out in the bot). */
  fanoutMs: number;
  /** Digest cards delivered to the fake, and when the last arrived (ms after /周报). */
  cards: number;
  cardsDoneMs: number;
  expectedCards: number;
  peakRssMb: number;
  idleRssMb: number;
  botCpuSeconds: number;
  answer: string;
  /** The bot's own /healthz lag right after the fan-out: its longest event-loop hold and slowest event commit (last 1–2 min). */
  botLag: { eventLoopMaxMs: number; eventCommitMaxMs: number } | undefined;
}

function rssMb(pid: number): number {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;
  } catch {
    return 0;
  }
}
function cpuSeconds(pid: number): number {
  const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(f[11]) + Number(f[12])) / 100;
}

/** The bot's /healthz: its status code and JSON body (status 0 when it does not answer yet). */
async function health(port: number): Promise<{ status: number; body?: { lag?: FanoutResult['botLag'] } }> {
  return new Promise((resolve) => {
    const r = http.request({ host: '127.0.0.1', port, path: '/healthz', method: 'GET', agent }, (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString('utf8')));
      res.on('end', () => {
        let body;
        try { body = JSON.parse(text) as { lag?: FanoutResult['botLag'] }; } catch { /* not JSON */ }
        resolve({ status: res.statusCode ?? 500, body });
      });
    });
    r.on('error', () => resolve({ status: 0 }));
    r.end();
  });
}

export async function digestFanout(opts: {
  dbFile: string; script: string; nodeFlags: string[]; rate: number; beforeSeconds: number; maxSeconds: number;
  senders: string[]; adminOpenId: string; expectedCards: number; log: (line: string) => void;
}): Promise<FanoutResult> {
  const fake = await startFakeOpenApi();
  const port = await freePort();
  const forkedAt = performance.now();
  const child = fork(opts.script, [], {
    execArgv: opts.nodeFlags,
    env: {
      ...process.env, PORT: String(port), HOST: '127.0.0.1',
      FEISHU_APP_ID: APP.appId, FEISHU_APP_SECRET: APP.appSecret, FEISHU_VERIFICATION_TOKEN: APP.token, FEISHU_ENCRYPT_KEY: APP.encryptKey,
      FEISHU_DOMAIN: fake.url, FEISHU_EVENT_MODE: 'webhook', DATABASE_PATH: opts.dbFile, LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const pid = child.pid!;
  try {
    for (;;) {
      const { status } = await health(port);
      if (status > 0 && status < 500) break;
      if (child.exitCode !== null) throw new Error(`bot exited with ${child.exitCode}`);
      if (performance.now() - forkedAt > 300_000) throw new Error('bot did not answer /healthz within 300 s');
      await new Promise((r) => setTimeout(r, 20));
    }
    const readyMs = performance.now() - forkedAt;
    opts.log(`bot ready in ${(readyMs / 1000).toFixed(1)} s (pid ${pid})`);

    const sentAt = new Map<string, number>();
    const replyAt = new Map<string, number>();
    const cardTimes: number[] = [];
    let answerAt = 0;
    let answer = '';
    let adminMessage = '';
    const off = fake.onMessage((m) => {
      const now = performance.now();
      if (m.replyTo && m.replyTo === adminMessage) {
        answerAt = now;
        answer = typeof m.content?.text === 'string' ? m.content.text : JSON.stringify(m.content).slice(0, 200);
      } else if (m.replyTo && sentAt.has(m.replyTo)) replyAt.set(m.replyTo, now);
      else if (m.uuid?.startsWith('digest:')) cardTimes.push(now);
    });

    // Warm-up: a second at the rate (JIT, token, statement caches; the first queries page the big file in).
    await Promise.all(Array.from({ length: opts.rate }, (_, i) => post(port, me(opts.senders[i % opts.senders.length]!, 'warm'))));
    await new Promise((r) => setTimeout(r, 1000));
    // Drop this week's digest claims the in-process run left (they kept the bot's start-up
    // catch-up from posting): /周报 then builds and posts every digest again.
    const side = new Database(opts.dbFile);
    side.pragma('busy_timeout = 5000');
    side.prepare(`delete from job_runs where kind = 'digest'`).run();
    side.prepare(`delete from outbox where uuid like 'digest:%'`).run();
    side.close();

    let peakRss = rssMb(pid);
    const idleRss = peakRss;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssMb(pid))), 50);
    const cpu0 = cpuSeconds(pid);
    type Sent = { id: string; t0: number; ack?: number; status?: number; error?: string; phase: 'before' | 'during' | 'after' };
    const sent: Sent[] = [];
    const interval = 1000 / opts.rate;
    // Our own lag: an ack or reply measured here is late by however long this loop was busy
    // (signing the load, checking the digest cards as strictly as Feishu).
    const lag = { before: monitorEventLoopDelay({ resolution: 10 }), during: monitorEventLoopDelay({ resolution: 10 }) };
    lag.before.enable();
    const start = performance.now();
    let triggerAt = 0;
    const inflight: Promise<void>[] = [];
    for (let i = 0; ; i++) {
      const due = start + i * interval;
      const wait = due - performance.now();
      if (wait > 1) await new Promise((r) => setTimeout(r, wait));
      const t = performance.now();
      if (!triggerAt && t - start >= opts.beforeSeconds * 1000) {
        triggerAt = t;
        lag.before.disable();
        lag.during.enable();
        const ev = messageEvent({ openId: opts.adminOpenId, text: '/周报' }, APP) as unknown as { event: { message: { message_id: string } } };
        adminMessage = ev.event.message.message_id;
        inflight.push(post(port, signed(ev, adminMessage)).then((s) => { if (s !== 200) opts.log(`/周报 acked ${s}`); }));
        opts.log(`/周报 sent at ${((t - start) / 1000).toFixed(1)} s`);
      }
      const phase: Sent['phase'] = !triggerAt ? 'before' : !answerAt ? 'during' : 'after';
      if (answerAt && t - answerAt > 2000) break;
      if (t - start > opts.maxSeconds * 1000) {
        opts.log(`stopping the load after ${opts.maxSeconds} s; the fan-out had ${answerAt ? '' : 'not '}finished`);
        break;
      }
      const req = me(opts.senders[i % opts.senders.length]!, `${phase}${i}`);
      const s: Sent = { id: req.messageId, t0: performance.now(), phase };
      sentAt.set(req.messageId, s.t0);
      sent.push(s);
      inflight.push(post(port, req).then((status) => { s.ack = performance.now() - s.t0; s.status = status; }, (err: Error & { code?: string }) => { s.status = 0; s.error = err.code ?? err.message; }));
    }
    await Promise.all(inflight);
    lag.during.disable();
    const botLagAfter = (await health(port)).body?.lag;
    // Let the replies and the digest cards arrive (the outbox paces the 团委 group and the app).
    const settle = performance.now() + 60_000;
    while ((cardTimes.length < opts.expectedCards || !answerAt) && performance.now() < settle) await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 1000));
    clearInterval(sampler);
    const botCpu = cpuSeconds(pid) - cpu0;
    off();

    const stats = (phase: Sent['phase'], from: number, to: number): PhaseStats => {
      const xs = sent.filter((s) => s.phase === phase);
      const acks = xs.filter((s) => s.ack !== undefined).map((s) => s.ack!).sort((a, b) => a - b);
      const replies = xs.map((s) => (replyAt.has(s.id) ? replyAt.get(s.id)! - s.t0 : undefined)).filter((x): x is number => x !== undefined).sort((a, b) => a - b);
      return {
        sent: xs.length, seconds: (to - from) / 1000,
        ackP50: percentile(acks, 50), ackP99: percentile(acks, 99), ackMax: acks.at(-1) ?? NaN,
        replies: replies.length, replyP50: percentile(replies, 50), replyP99: percentile(replies, 99),
        non200: xs.filter((s) => s.status !== 200).length,
        non200Kinds: [...xs.filter((s) => s.status !== 200).reduce((m, s) => {
          const kind = s.status ? `HTTP ${s.status}` : (s.error ?? 'no answer');
          return m.set(kind, (m.get(kind) ?? 0) + 1);
        }, new Map<string, number>())].map(([k, n]) => `${k} ×${n}`).join(', '),
        benchLagP99: phase === 'after' ? NaN : lag[phase].percentile(99) / 1e6,
        benchLagMax: phase === 'after' ? NaN : lag[phase].max / 1e6,
      };
    };
    const duringEnd = answerAt || performance.now();
    return {
      readyMs,
      before: stats('before', start, triggerAt),
      during: stats('during', triggerAt, duringEnd),
      fanoutMs: answerAt ? answerAt - triggerAt : NaN,
      cards: cardTimes.length,
      cardsDoneMs: cardTimes.length ? cardTimes.at(-1)! - triggerAt : NaN,
      expectedCards: opts.expectedCards,
      peakRssMb: peakRss,
      idleRssMb: idleRss,
      botCpuSeconds: botCpu,
      answer,
      botLag: botLagAfter,
    };
  } finally {
    await new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
    await fake.close();
  }
}
