/**
 * Conveniences on top of the harness for the command tests: delivering arbitrary message
 * events (files, app senders, mentions of others), waiting until the bot has finished with
 * an event even when it sends nothing, and reading/writing roster state directly.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { auditLog, members, programYears, serviceLogs, type Member, type Role } from '../../src/db/schema/index.js';
import type { SentMessage } from '../fakes/openApi.js';
import { messageEvent, type EventEnvelope, type MessageEventInput } from './feishuEvents.js';
import { APP, textOf, type Harness } from './harness.js';

export const APP_IDENTITY = { token: APP.token, appId: APP.appId };

export const newMessageId = (): string => `om_${randomUUID().replace(/-/g, '')}`;

/** Resolves once no event is being processed (the bot answers inside that processing) and the outbox is idle. */
export function settle(h: Harness): Promise<void> {
  return h.idle();
}

export interface Delivery {
  messageId: string;
  /** Everything the fake recorded while the event was processed. */
  sent: SentMessage[];
  /** The reply to the delivered message, if the bot answered it. */
  reply?: SentMessage;
}

/**
 * Delivers an `im.message.receive_v1` (in process by default, signed and encrypted over HTTP with `transport: 'http'`) and waits until the bot is done
 * with it, whether or not it answers. `tweak` may edit the envelope (e.g. the sender type).
 */
export async function deliverMessage(h: Harness, input: MessageEventInput, tweak?: (env: EventEnvelope) => void): Promise<Delivery> {
  const messageId = input.messageId ?? newMessageId();
  const env = messageEvent({ ...input, messageId }, APP_IDENTITY);
  tweak?.(env);
  const since = h.fake.messages.length;
  const res = await h.post(env);
  if (res.status !== 200) throw new Error(`delivery failed: ${res.status} ${res.text}`);
  await settle(h);
  const sent = h.fake.messages.slice(since);
  return { messageId, sent, reply: sent.find((m) => m.replyTo === messageId) };
}

/** Sends a file message as `openId` (the bytes served for download) and returns the reply. */
export async function sendFile(h: Harness, openId: string, file: { name: string; bytes: Buffer }): Promise<Delivery & { reply: SentMessage }> {
  const messageId = newMessageId();
  const fileKey = `file_v3_${randomUUID().slice(0, 8)}`;
  h.fake.addResource(messageId, fileKey, file.bytes);
  const d = await deliverMessage(h, { openId, messageId, messageType: 'file', content: { file_key: fileKey, file_name: file.name } });
  if (!d.reply) throw new Error(`no reply to the file; sent: ${JSON.stringify(d.sent)}`);
  return { ...d, reply: d.reply };
}

/** The reply text (or card JSON) of `say`. */
export async function ask(h: Harness, openId: string, text: string, opts?: Parameters<Harness['say']>[2]): Promise<string> {
  return textOf(await h.say(openId, text, opts));
}

export function memberByNo(h: Harness, studentNo: string): Member {
  const m = h.bot.db.select().from(members).where(eq(members.studentNo, studentNo)).get();
  if (!m) throw new Error(`no member ${studentNo}`);
  return m;
}

/** Binds a roster entry to an account directly in the database (test set-up, not /bind). */
export function bindDirect(h: Harness, studentNo: string, openId: string): Member {
  return h.bot.db.update(members).set({ openId, boundAt: h.clock.now() }).where(eq(members.studentNo, studentNo)).returning().get()!;
}

export function setRole(h: Harness, studentNo: string, role: Role): void {
  h.bot.db.update(members).set({ role }).where(eq(members.studentNo, studentNo)).run();
}

export function auditActions(h: Harness): string[] {
  return h.bot.db.select({ action: auditLog.action }).from(auditLog).all().map((r) => r.action);
}

/** The current program year's id (created by the bot on the first update). */
export function currentProgramYearId(h: Harness): number {
  const py = h.bot.db.select().from(programYears).where(eq(programYears.isCurrent, true)).get();
  if (!py) throw new Error('no current program year yet: send the bot a message first');
  return py.id;
}

/** Inserts a service log for `member` directly; hours are stored as half-hours. */
export function insertLog(h: Harness, member: Member, opts: { hours: number; status: 'pending' | 'approved' | 'rejected' | 'withdrawn'; programYearId?: number }): void {
  h.bot.db
    .insert(serviceLogs)
    .values({
      memberId: member.id,
      branchId: member.branchId,
      collegeId: member.collegeId!,
      programYearId: opts.programYearId ?? currentProgramYearId(h),
      serviceDate: '2026-01-01',
      item: 'shishi',
      halfHours: Math.round(opts.hours * 2),
      description: `test log ${randomUUID()}`,
      source: 'self',
      status: opts.status,
      dedupeKey: randomUUID(),
    })
    .run();
}

/** The command names (`/xxx`, first word of each example) listed in a /help card. */
export function helpCommands(m: SentMessage): string[] {
  const elements = (m.content?.body?.elements ?? []) as { tag: string; content?: string }[];
  const list = elements.map((e) => e.content ?? '').find((c) => c.startsWith('- `')) ?? '';
  return [...list.matchAll(/^- `(\/\S+?)[\s`]/gm)].map((x) => x[1]!);
}
