/**
 * What the outbox (outbox.ts) does with Feishu's answers: its options and their defaults, and
 * what a failed send means for its row — held back without an attempt (a rate limit), retried
 * after a backoff, sent to the chat instead (the message it replied to was withdrawn), or
 * given up.
 */
import { eq } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Clock } from '../clock.js';
import type { Db } from '../db/client.js';
import { outbox, type OutboxRow } from '../db/schema/index.js';
import { FeishuApiError, isMessageGone, type FeishuApi } from '../feishu/api.js';
import { deriveUuid, messageOf, recipientOf } from './outboxRows.js';
import { realTimer, type SendPacer, type Timer } from './rateLimit.js';

export interface OutboxOptions {
  /** A row is marked 'failed' after this many failed sends. */
  maxAttempts: number;
  /** Backoff after the n-th failure: baseDelayMs · 2^(n-1) ± 20 % jitter, at most maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** How long a rate-limited target (or the app) is held back, doubled while it repeats. */
  rateLimitBackoffMs: number;
  pollMs: number;
  perTargetPerSecond: number;
  overallPerSecond: number;
  /** Targets sent to at the same time (each target's rows go one after another, in order). */
  lanes: number;
  batch: number;
  random: () => number;
  /** The pacer's and the rate-limit holds' time (monotonic, wall time); tests pass a virtual one. */
  timer: Timer;
}

/** Feishu's documented limits and a backoff from 5 s to 30 min (8 attempts ≈ 10 min in all). */
export const DEFAULT_OUTBOX: OutboxOptions = {
  maxAttempts: 8,
  baseDelayMs: 5_000,
  maxDelayMs: 30 * 60_000,
  rateLimitBackoffMs: 1_000,
  pollMs: 1_000,
  perTargetPerSecond: 5,
  overallPerSecond: 50,
  lanes: 8,
  batch: 200,
  random: Math.random,
  timer: realTimer,
};

/**
 * The idempotency key of a reply sent to the chat instead (its message was withdrawn): the same
 * for every try of the row, so Feishu drops a repeat, and never the row's own uuid, as Feishu may
 * keep a uuid's memory per API. 43 characters, within Feishu's 50.
 */
export const chatUuid = (rowUuid: string): string => `rc-${deriveUuid(`outbox-reply-to-chat\n${rowUuid}`)}`;

/**
 * Sends the row's message once through `paced` (which takes the pacer's slot around the call);
 * resolves with Feishu's message id, rejects with Feishu's error. `once`: no retries inside the
 * call either (the worker's backoff retries the row).
 */
export async function sendRow(feishu: FeishuApi, row: OutboxRow, paced: (send: () => Promise<{ messageId: string }>) => Promise<string>, log: Logger, once = false): Promise<string> {
  const message = messageOf(row);
  const { replyTo } = row;
  if (!replyTo || 'file' in message) return paced(() => feishu.send(recipientOf(row), message, { uuid: row.uuid, once }));
  try {
    return await paced(() => feishu.reply(replyTo, message, { uuid: row.uuid, once }));
  } catch (err) {
    if (!isMessageGone(err)) throw err;
    // The student withdrew (or deleted) the message before the answer went out: the answer
    // goes to the chat it was in. Under a key of its own, derived from the row's, so a retry
    // or a crash before the row is marked still sends it once.
    log.info({ outboxId: row.id, code: (err as FeishuApiError).code }, 'outbox reply target withdrawn; sending to the chat');
    return paced(() => feishu.send(recipientOf(row), message, { uuid: chatUuid(row.uuid), once }));
  }
}

/** App-wide rate limits (99991400 frequency limit, 11232 message service busy). */
const APP_LIMIT_CODES = new Set([99991400, 11232]);
/** Per-chat/user limit: more than 5 messages/s to the same receiver. */
const TARGET_LIMIT_CODE = 230020;

/** Delay before the retry that follows the n-th failure. */
export function backoffMs(opts: Pick<OutboxOptions, 'baseDelayMs' | 'maxDelayMs' | 'random'>, failures: number): number {
  const base = Math.min(opts.maxDelayMs, opts.baseDelayMs * 2 ** (failures - 1));
  return Math.min(opts.maxDelayMs, Math.round(base * (0.8 + 0.4 * opts.random())));
}

export interface FailurePorts {
  db: Db;
  clock: Clock;
  log: Logger;
  opts: OutboxOptions;
  pacer: SendPacer;
  /** Rate-limit answers in a row, per target ('*' for the app): each doubles the hold. */
  limitStreak: Map<string, number>;
}

/**
 * Records a failed send of `row` (paced as `key`): 'held' when Feishu's rate limit answered
 * (the target or the app is held back, the row stays due and no attempt is counted), else
 * 'failed' (retried after a backoff, or given up).
 */
export function recordFailure(ports: FailurePorts, key: string, row: OutboxRow, err: unknown): 'failed' | 'held' {
  const { db, clock, log, opts } = ports;
  const code = err instanceof FeishuApiError ? err.code : undefined;
  const status = err instanceof FeishuApiError ? err.httpStatus : undefined;
  const error = (err instanceof FeishuApiError && code !== undefined ? `[${code}] ` : '') + ((err as Error)?.message ?? String(err)).slice(0, 500);

  // A rate limit is not the message's fault: hold the target (or the app) back and leave the
  // row due, without counting an attempt.
  const appLimited = status === 429 || (code !== undefined && APP_LIMIT_CODES.has(code));
  if (appLimited || code === TARGET_LIMIT_CODE) {
    const streakKey = appLimited ? '*' : key;
    const streak = (ports.limitStreak.get(streakKey) ?? 0) + 1;
    ports.limitStreak.set(streakKey, streak);
    const ms = Math.min(30_000, opts.rateLimitBackoffMs * 2 ** (streak - 1));
    ports.pacer.backOff(appLimited ? null : key, ms);
    db.update(outbox).set({ lastError: error }).where(eq(outbox.id, row.id)).run();
    log.warn({ outboxId: row.id, code, backoffMs: ms }, 'outbox send rate-limited; holding back');
    return 'held';
  }

  const attempts = row.attempts + 1;
  // A Feishu code on a 200/4xx answer (bot not in the chat, user out of the app's range, bad
  // content) fails the same way every time; retrying for hours would only delay the alert.
  // Access-token codes (9999166x) are the exception: the SDK fetches a fresh token next time.
  const permanent = code !== undefined && (status === undefined || (status >= 400 && status < 500)) && Math.floor(code / 10) !== 9999166;
  if (permanent || attempts >= opts.maxAttempts) {
    db.update(outbox).set({ status: 'failed', attempts, lastError: error }).where(eq(outbox.id, row.id)).run();
    log.error({ outboxId: row.id, code, status, attempts }, 'outbox message given up');
    return 'failed';
  }
  const delay = backoffMs(opts, attempts);
  db.update(outbox).set({ attempts, lastError: error, nextAttemptAt: clock.now() + delay }).where(eq(outbox.id, row.id)).run();
  log.warn({ outboxId: row.id, code, status, attempts, delay }, 'outbox send failed; will retry');
  return 'failed';
}
