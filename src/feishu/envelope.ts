/**
 * The event envelope as it arrives after decryption (FEISHU.md §3.1), parsed by zod into
 * one `InboundEvent` shape for both the webhook and the long connection.
 */
import { z } from 'zod';

const v2Envelope = z.object({
  schema: z.literal('2.0'),
  header: z.object({
    event_id: z.string().min(1).max(128),
    event_type: z.string().min(1).max(128),
    create_time: z.union([z.string(), z.number()]).optional(),
    token: z.string().optional(),
    app_id: z.string().optional(),
    tenant_key: z.string().optional(),
  }),
  // Checked as a plain object, not copied key by key: each event type has its own schema
  // (events.ts), applied where it is handled.
  event: z.custom<Record<string, unknown>>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), 'event must be an object'),
});

const v1Envelope = z.object({
  uuid: z.string().min(1).max(128),
  token: z.string().optional(),
  ts: z.union([z.string(), z.number()]).optional(),
  type: z.literal('event_callback'),
  event: z.object({ type: z.string().min(1).max(128) }).passthrough(),
});

const urlVerification = z.object({
  type: z.literal('url_verification'),
  challenge: z.string().max(512),
  token: z.string(),
});

/** A verified, decrypted event, independent of how it arrived. */
export interface InboundEvent {
  id: string;
  /** The event's create_time in ms (0 when the envelope has none); part of its storage key. */
  time: number;
  type: string;
  /** The verification token the envelope carried ('' when it carried none). */
  token: string;
  /** The app the event is for, when the envelope names it (v2 `header.app_id`, v1 `event.app_id`). */
  appId?: string;
  /** The `event` object of the envelope. */
  event: Record<string, unknown>;
}

type Envelope =
  | { kind: 'challenge'; challenge: string; token: string }
  | { kind: 'event'; inbound: InboundEvent };

/** Milliseconds from a v2 `create_time` (ms string) or a v1 `ts` (seconds, may be fractional). */
function millis(value: string | number | undefined, unit: 1 | 1000): number {
  const n = Number(value);
  return Number.isFinite(n) && n > 0 ? Math.round(n * unit) : 0;
}

/**
 * Returns null when the body is not a Feishu envelope we understand. The shape is picked
 * first and only that schema runs: a failing zod parse builds its issue list, which is
 * wasted work on the hot path.
 */
export function parseEnvelope(body: unknown): Envelope | null {
  if (body === null || typeof body !== 'object') return null;
  const shape = body as { type?: unknown; schema?: unknown };
  if (shape.type === 'url_verification') {
    const challenge = urlVerification.safeParse(body);
    return challenge.success ? { kind: 'challenge', challenge: challenge.data.challenge, token: challenge.data.token } : null;
  }
  if (shape.schema === '2.0') {
    const v2 = v2Envelope.safeParse(body);
    if (!v2.success) return null;
    const h = v2.data.header;
    return { kind: 'event', inbound: { id: h.event_id, time: millis(h.create_time, 1), type: h.event_type, token: h.token ?? '', appId: h.app_id, event: v2.data.event } };
  }
  const v1 = v1Envelope.safeParse(body);
  if (!v1.success) return null;
  const v1AppId = typeof v1.data.event.app_id === 'string' ? v1.data.event.app_id : undefined;
  return { kind: 'event', inbound: { id: v1.data.uuid, time: millis(v1.data.ts, 1000), type: v1.data.event.type, token: v1.data.token ?? '', appId: v1AppId, event: v1.data.event } };
}
