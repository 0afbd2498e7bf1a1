/**
 * Feishu's side of the webhook, as the drill plays it: each event encrypted and signed over
 * the exact body (src/local/events.ts, the helpers local mode and the tests use), POSTed on a
 * keep-alive connection, and — when it got no 200 within Feishu's 3 s (the bot was down, or
 * killed while answering) — pushed again later under the same event_id, with a fresh
 * timestamp and signature, as Feishu's retries are. Feishu retries after 15 s, 5 min, 1 h and
 * 6 h; the drill retries every 15 s, so a 2-minute run sees every retry through.
 */
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { signedRequest } from '../../src/local/events.js';

export type Kind = 'report' | 'me' | 'form' | 'approve';

export interface Attempt {
  /** performance.now() when sent and when answered (or failed). */
  t0: number;
  t1: number;
  /** HTTP status, or 0 when the connection failed (refused, reset). */
  status: number;
  body?: string;
}

export interface DrillEvent {
  n: number;
  kind: Kind;
  eventId: string;
  envelope: object;
  openId: string;
  /** The user's message (message events) or the clicked card's message (clicks). */
  messageId: string;
  /** Form submits: the unique description of the log it should store. Approvals: the log id. */
  description?: string;
  logId?: number;
  /** Reports: the date and half hours the bot's parser reads. */
  expected?: { date: string; halfHours: number };
  attempts: Attempt[];
  /** A 200 arrived (at least once). */
  acked: boolean;
  /** The first 200's body was not `{}` from the dedupe (a card click's real answer). */
  answer?: unknown;
  /** Due time (performance.now()) of the next redelivery, while not acked. */
  retryAt?: number;
}

/** Feishu waits this long for the 200; later answers count as failures and the event comes again. */
export const ACK_DEADLINE_MS = 3000;
export const RETRY_AFTER_MS = 15_000;

const agent = new http.Agent({ keepAlive: true, maxSockets: 512 });

function post(port: number, body: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve) => {
    const req = http.request(
      { host: '127.0.0.1', port, path: '/feishu/events', method: 'POST', headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) }, agent, timeout: 10_000 },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', () => resolve({ status: 0, body: '' }));
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', () => resolve({ status: 0, body: '' }));
    req.end(body);
  });
}

/** One push of `ev` (encrypted and signed afresh); records the attempt and schedules a retry if it failed. */
export async function push(ev: DrillEvent, port: number, encryptKey: string): Promise<Attempt> {
  const { body, headers } = signedRequest(ev.envelope, encryptKey, Date.now());
  const t0 = performance.now();
  const res = await post(port, body, headers);
  const attempt: Attempt = { t0, t1: performance.now(), status: res.status, body: res.body };
  ev.attempts.push(attempt);
  if (res.status === 200) {
    if (!ev.acked && res.body !== '{}' && res.body !== '') {
      try {
        ev.answer = JSON.parse(res.body);
      } catch {
        ev.answer = res.body;
      }
    }
    ev.acked = true;
  }
  // Feishu pushes again when the 200 did not come within its deadline, even if it came later.
  const ackedInTime = ev.attempts.some((a) => a.status === 200 && a.t1 - a.t0 <= ACK_DEADLINE_MS);
  ev.retryAt = ackedInTime ? undefined : attempt.t1 + RETRY_AFTER_MS;
  return attempt;
}

export function closeAgent(): void {
  agent.destroy();
}
