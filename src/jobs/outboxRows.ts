/**
 * The outbox table (jobs/outbox.ts sends from it): writing a message as a row, reading rows
 * back, marking them sent, forgetting old ones. Jobs write inside their own transactions with
 * drizzle (`enqueue`); answers to commands, written once per event on the hot path, use the
 * plain SQL below, prepared once per connection or handed to the event writer thread.
 */
import { createHash } from 'node:crypto';
import { and, eq, lt } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/client.js';
import { outbox, type OutboxRow } from '../db/schema/index.js';
import { textMessageContent, type FileMessage, type OutMessage, type Recipient } from '../feishu/api.js';
import type { DbWriter } from './ports.js';

const enqueueInput = z.object({
  to: z.union([z.object({ openId: z.string().min(1) }), z.object({ chatId: z.string().min(1) })]),
  replyTo: z.string().min(1).optional(),
  message: z.union([
    z.object({ text: z.string().min(1) }),
    z.object({ card: z.record(z.string(), z.unknown()) }),
    z.object({ file: z.object({ fileKey: z.string().min(1) }) }),
  ]),
  // Feishu refuses a uuid longer than 50 characters.
  uuid: z.string().min(1).max(50),
}).refine((input) => !(input.replyTo && 'file' in input.message), 'a file is sent, not replied');

export interface EnqueueInput {
  /** The receiver; for a reply, the chat of the message answered (messages are paced per chat). */
  to: Recipient;
  /** Answers this message (Feishu's reply API) instead of sending to `to`. */
  replyTo?: string;
  message: OutMessage | FileMessage;
  /** Idempotency key, ≤ 50 chars; derive it from what caused the message (e.g. a job-run claim). */
  uuid: string;
}

/**
 * A send uuid derived from what caused the message (an event and the n-th send of it, a job's
 * claim, a card and its state …): the same cause always gives the same uuid, so a message sent
 * again for it is the one Feishu and the outbox already know. 40 hex characters, within 50.
 */
export function deriveUuid(cause: string): string {
  return createHash('sha256').update(cause).digest('hex').slice(0, 40);
}

const listeners = new WeakMap<object, Set<() => void>>();

/** Calls `fn` after each enqueue on this db handle (not a transaction's); returns the unsubscribe. */
export function onEnqueue(db: object, fn: () => void): () => void {
  let set = listeners.get(db);
  if (!set) listeners.set(db, (set = new Set()));
  set.add(fn);
  return () => set.delete(fn);
}

/**
 * Writes a message to send; the worker sends it. Idempotent on `uuid`: enqueueing the same uuid
 * again stores nothing and returns the first row (whatever its status), so a job that runs twice
 * sends once.
 */
export function enqueue(db: DbWriter, input: EnqueueInput, now: number): OutboxRow {
  const { row, inserted } = writeRow(db, input, now);
  // The worker drains on the next turn, after the caller's synchronous transaction has committed.
  if (inserted) for (const fn of listeners.get(db) ?? []) setImmediate(fn);
  return row;
}

/** Writes the row unless its uuid is there already; either way returns the uuid's row. */
export function writeRow(db: DbWriter, input: EnqueueInput, now: number): { row: OutboxRow; inserted: boolean } {
  const inserted = db
    .insert(outbox)
    .values({ ...newRow(input, now), status: 'pending', attempts: 0 })
    .onConflictDoNothing({ target: outbox.uuid })
    .returning()
    .get();
  return inserted ? { row: inserted, inserted: true } : { row: db.select().from(outbox).where(eq(outbox.uuid, input.uuid)).get()!, inserted: false };
}

/** A new row's columns, validated. */
function newRow(input: EnqueueInput, now: number) {
  const { to, replyTo, message, uuid } = enqueueInput.parse(input) as EnqueueInput;
  const [receiveIdType, receiveId] = 'openId' in to ? (['open_id', to.openId] as const) : (['chat_id', to.chatId] as const);
  const body =
    'text' in message
      ? { msgType: 'text', content: textMessageContent(message.text) }
      : 'file' in message
        ? { msgType: 'file', content: JSON.stringify({ file_key: message.file.fileKey }) }
        : { msgType: 'interactive', content: JSON.stringify(message.card) };
  return { uuid, receiveIdType, receiveId, replyTo: replyTo ?? null, ...body, nextAttemptAt: now, createdAt: now };
}

/**
 * The hot path's statements in plain SQL: building each drizzle query anew cost more than the
 * message's own database work (bench: /我的).
 */
const ROW_SQL = {
  insert: `insert into outbox (uuid, receive_id_type, receive_id, reply_to, msg_type, content, status, attempts, next_attempt_at, created_at)
    values (?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?) on conflict (uuid) do nothing`,
  sent: `update outbox set status = 'sent', message_id = ?, sent_at = ?, attempts = ?, last_error = null where id = ? and status = 'pending'`,
  byUuid: `select id, uuid, receive_id_type as receiveIdType, receive_id as receiveId, reply_to as replyTo, msg_type as msgType, content, status,
    attempts, next_attempt_at as nextAttemptAt, last_error as lastError, message_id as messageId, created_at as createdAt, sent_at as sentAt
    from outbox where uuid = ?`,
};

/** A write for the event writer thread (EventStore.write). */
export type SqlWrite = [sql: string, params: unknown[]];

/** The insert of a new row as a write for the writer thread (nothing if the uuid is there). */
export function insertWrite(input: EnqueueInput, now: number): SqlWrite {
  const v = newRow(input, now);
  return [ROW_SQL.insert, [v.uuid, v.receiveIdType, v.receiveId, v.replyTo, v.msgType, v.content, v.nextAttemptAt, v.createdAt]];
}

/** A send to record: the row is 'sent' with this message id, one attempt more. */
export interface SentMark {
  row: OutboxRow;
  messageId: string;
  sentAt: number;
}

export function sentWrite({ row, messageId, sentAt }: SentMark): SqlWrite {
  return [ROW_SQL.sent, [messageId, sentAt, row.attempts + 1, row.id]];
}

/** The row statements on the bot's connection (compiled once: openDb's connection keeps them). */
export function rowStatements(db: Db): { byUuid(uuid: string): OutboxRow | undefined; markSent(mark: SentMark): void } {
  return {
    byUuid: (uuid) => db.$client.prepare(ROW_SQL.byUuid).get(uuid) as OutboxRow | undefined,
    markSent: (mark) => void db.$client.prepare(ROW_SQL.sent).run(...sentWrite(mark)[1]),
  };
}

/** Deletes rows sent before `before` (their uuids are long past Feishu's 1-hour dedupe). */
export function pruneSent(db: DbWriter, before: number): number {
  return db.delete(outbox).where(and(eq(outbox.status, 'sent'), lt(outbox.sentAt, before))).run().changes;
}

/** The row's message as the FeishuApi port takes it. */
export function messageOf(row: OutboxRow): OutMessage | FileMessage {
  const content = JSON.parse(row.content) as Record<string, unknown>;
  if (row.msgType === 'text') return { text: String(content.text) };
  if (row.msgType === 'file') return { file: { fileKey: String(content.file_key) } };
  return { card: content };
}

export const recipientOf = (row: OutboxRow): Recipient => (row.receiveIdType === 'open_id' ? { openId: row.receiveId } : { chatId: row.receiveId });

/** The receiver a row is paced by. */
export const targetOf = (row: OutboxRow): string => `${row.receiveIdType}:${row.receiveId}`;
