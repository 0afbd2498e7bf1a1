/**
 * The bot's own bookkeeping: inbound events (dedupe + durable queue), outbox, job runs,
 * key-value settings and the audit log.
 */
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

const EVENT_STATUSES = ['pending', 'done', 'failed'] as const;

/**
 * Every acknowledged event, keyed by Feishu's event_id. The row is written before the
 * 200 goes out, so it is both the dedupe record and the durable queue: on start the bot
 * processes every row still `pending` (Feishu never redelivers what got a 200).
 * Keyed by (event_time, event_id) so inserts land in order — see feishu/eventStore.ts.
 */
export const processedEvents = sqliteTable('processed_events', {
  /** The event's create_time (ms) from its envelope; a redelivery carries the same. */
  eventTime: integer('event_time', { mode: 'number' }).notNull().default(0),
  eventId: text('event_id').notNull(),
  eventType: text('event_type').notNull(),
  payload: text('payload').notNull(),
  receivedAt: integer('received_at', { mode: 'number' }).notNull(),
  status: text('status', { enum: EVENT_STATUSES }).notNull().default('pending'),
  processedAt: integer('processed_at', { mode: 'number' }),
  error: text('error'),
  /**
   * The message of an `im.message.receive_v1` the bot acts on: Feishu may deliver one message
   * again under a new event_id (after reconnects; its docs advise deduplicating by message_id),
   * and the unique index makes that copy a duplicate too. Null for other events and for chatter
   * the bot ignores, so the index costs nothing on their ack path.
   */
  messageId: text('message_id'),
}, (t) => [
  primaryKey({ columns: [t.eventTime, t.eventId] }),
  uniqueIndex('processed_events_message').on(t.messageId).where(sql`${t.messageId} is not null`),
  index('processed_events_received').on(t.receivedAt),
  index('processed_events_pending').on(t.status).where(sql`${t.status} = 'pending'`),
]);

const OUTBOX_STATUSES = ['pending', 'sent', 'failed'] as const;

/** Messages to send, written first and sent by a worker; `uuid` makes a resend idempotent. */
export const outbox = sqliteTable('outbox', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  uuid: text('uuid').notNull().unique(),
  receiveIdType: text('receive_id_type', { enum: ['open_id', 'chat_id'] }).notNull(),
  receiveId: text('receive_id').notNull(),
  /** The message this one answers (reply API); `receiveId` is then its chat, for pacing. */
  replyTo: text('reply_to'),
  msgType: text('msg_type').notNull(),
  content: text('content').notNull(),
  status: text('status', { enum: OUTBOX_STATUSES }).notNull().default('pending'),
  attempts: integer('attempts').notNull().default(0),
  nextAttemptAt: integer('next_attempt_at', { mode: 'number' }).notNull(),
  lastError: text('last_error'),
  messageId: text('message_id'),
  createdAt: integer('created_at', { mode: 'number' }).notNull(),
  sentAt: integer('sent_at', { mode: 'number' }),
}, (t) => [index('outbox_due').on(t.status, t.nextAttemptAt)]);

/** A claimed (kind, target, period) makes a scheduled job idempotent across restarts. */
export const jobRuns = sqliteTable('job_runs', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  kind: text('kind').notNull(),
  target: text('target').notNull(),
  period: text('period').notNull(),
  status: text('status', { enum: ['claimed', 'done', 'failed'] }).notNull().default('claimed'),
  attempts: integer('attempts').notNull().default(1),
  claimedAt: integer('claimed_at', { mode: 'number' }).notNull(),
  finishedAt: integer('finished_at', { mode: 'number' }),
  error: text('error'),
}, (t) => [uniqueIndex('job_runs_key').on(t.kind, t.target, t.period)]);

/** School-wide settings that are not per program year (e.g. the school admin group chat). */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: integer('updated_at', { mode: 'number' }).notNull(),
});

export const auditLog = sqliteTable('audit_log', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  at: integer('at', { mode: 'number' }).notNull(),
  actorMemberId: integer('actor_member_id'),
  actorOpenId: text('actor_open_id'),
  action: text('action').notNull(),
  subject: text('subject'),
  detail: text('detail', { mode: 'json' }),
}, (t) => [index('audit_log_at').on(t.at)]);

export type OutboxRow = typeof outbox.$inferSelect;
