/**
 * The webhook receiver for `POST /feishu/events` and `POST /feishu/cards` (FEISHU.md §3).
 *
 * Order matters: raw body (size-limited) → signature on the raw bytes → 5-minute window →
 * decrypt → url_verification → verification token → dedupe + durable write → 200.
 * The node-sdk adapter skips most of these (FEISHU.md §9), so they are done here.
 */
import type { Context } from 'koa';
import type { Logger } from 'pino';
import type { Clock } from '../clock.js';
import { BodyTooLarge, readBody } from '../http/body.js';
import { makeDecryptor, secretMatcher, signatureMatches } from './crypto.js';
import { parseEnvelope } from './envelope.js';
import type { InboundPipeline } from './pipeline.js';

const MAX_BODY_BYTES = 1024 * 1024;
const TIMESTAMP_WINDOW_S = 5 * 60;

interface WebhookOptions {
  verificationToken: string;
  /** The configured App ID: an event that names another app is refused even when signed with our key. */
  appId: string;
  encryptKey: string;
  pipeline: InboundPipeline;
  clock: Clock;
  log: Logger;
}

class Rejection extends Error {
  constructor(
    readonly status: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new Rejection(400, 'malformed json');
  }
}

/** Builds the koa handler; mount it on both event routes. */
export function webhookHandler(opts: WebhookOptions): (ctx: Context) => Promise<void> {
  const decrypt = makeDecryptor(opts.encryptKey);
  const tokenMatches = secretMatcher(opts.verificationToken);
  const { pipeline, clock, log } = opts;

  return async (ctx) => {
    try {
      if (pipeline.isClosing) throw new Rejection(503, 'shutting down');
      const raw = await readBody(ctx, MAX_BODY_BYTES).catch((err: unknown) => {
        throw err instanceof BodyTooLarge ? new Rejection(413, 'body too large') : err;
      });
      const timestamp = ctx.get('x-lark-request-timestamp');
      const nonce = ctx.get('x-lark-request-nonce');
      const signature = ctx.get('x-lark-signature');
      const signed = signature !== '';
      if (signed) {
        if (!signatureMatches(timestamp, nonce, opts.encryptKey, raw, signature)) throw new Rejection(401, 'bad signature');
        if (!/^\d{1,12}$/.test(timestamp)) throw new Rejection(401, 'bad timestamp');
        if (Math.abs(clock.now() / 1000 - Number(timestamp)) > TIMESTAMP_WINDOW_S) throw new Rejection(401, 'stale timestamp');
      }

      const outer = parseJson(raw.toString('utf8'));
      const encrypted = (outer as { encrypt?: unknown } | null)?.encrypt;
      if (typeof encrypted !== 'string') throw new Rejection(400, 'body is not encrypted');
      let plain: string;
      try {
        plain = decrypt(encrypted);
      } catch {
        throw new Rejection(400, 'cannot decrypt');
      }
      const envelope = parseEnvelope(parseJson(plain));
      if (!envelope) throw new Rejection(400, 'unknown envelope');

      if (envelope.kind === 'challenge') {
        // The console sends this one without signature headers (PRODUCT.md §7): decrypting
        // with our key and carrying our token is the proof.
        if (!tokenMatches(envelope.token)) throw new Rejection(401, 'bad token');
        ctx.status = 200;
        ctx.body = { challenge: envelope.challenge };
        return;
      }
      if (!signed) throw new Rejection(401, 'missing signature');
      const { inbound } = envelope;
      if (!tokenMatches(inbound.token)) throw new Rejection(401, 'bad token');
      // Two apps of one developer may share an encrypt key and token; an event for the other is not ours.
      if (inbound.appId !== undefined && inbound.appId !== opts.appId) throw new Rejection(401, 'other app');

      let reception;
      try {
        reception = await pipeline.receive(inbound, plain);
      } catch (err) {
        log.error({ eventId: inbound.id, err }, 'could not store event');
        throw new Rejection(503, 'store failed');
      }
      ctx.status = 200;
      ctx.body = reception.duplicate ? {} : reception.response;
    } catch (err) {
      if (!(err instanceof Rejection)) throw err;
      log.warn({ path: ctx.path, status: err.status, reason: err.reason }, 'webhook request rejected');
      ctx.status = err.status;
      ctx.body = { error: err.reason };
    }
  };
}
