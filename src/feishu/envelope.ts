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
  event: z.record(z.string(), z.unknown()),
});

const v1Envelope = z.object({
  uuid: z.string().min(1).max(128),
  token: z.string().optional(),
  ts: z.union([z.string(), z.number()]).optional(),
  type: z.literal('event_callback'),
  event: z.object({ type: z.string().min(1).max(128) }).passthrough(),
});

export const urlVerification = z.object({
  type: z.literal('url_verification'),
  challenge: z.string().max(512),
  token: z.string(),
});

/** A verified, decrypted event, independent of how it arrived. */
export interface InboundEvent {
  id: string;
  type: string;
  /** The verification token the envelope carried ('' when it carried none). */
  token: string;
  /** The `event` object of the envelope. */
  event: Record<string, unknown>;
}

export type Envelope =
  | { kind: 'challenge'; challenge: string; token: string }
  | { kind: 'event'; inbound: InboundEvent };

/** Returns null when the body is not a Feishu envelope we understand. */
export function parseEnvelope(body: unknown): Envelope | null {
  const challenge = urlVerification.safeParse(body);
  if (challenge.success) return { kind: 'challenge', challenge: challenge.data.challenge, token: challenge.data.token };
  const v2 = v2Envelope.safeParse(body);
  if (v2.success) {
    const h = v2.data.header;
    return { kind: 'event', inbound: { id: h.event_id, type: h.event_type, token: h.token ?? '', event: v2.data.event } };
  }
  const v1 = v1Envelope.safeParse(body);
  if (v1.success) {
    return { kind: 'event', inbound: { id: v1.data.uuid, type: v1.data.event.type, token: v1.data.token ?? '', event: v1.data.event } };
  }
  return null;
}
