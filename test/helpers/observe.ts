/**
 * Read-only views of what the bot did, for transport tests: the rows it wrote, the members it
 * bound and the Open API calls it made (the fake dedupes sends by uuid, so `fake.messages`
 * alone cannot tell "processed once" from "processed twice with the same uuid").
 */
import type Database from 'better-sqlite3';
import type { FakeOpenApi } from '../fakes/openApi.js';

export interface EventRow {
  event_id: string;
  event_type: string;
  status: 'pending' | 'done' | 'failed';
  received_at: number;
  processed_at: number | null;
  error: string | null;
}

type Sqlite = Database.Database;

export function eventRows(sqlite: Sqlite): EventRow[] {
  return sqlite.prepare('SELECT event_id, event_type, status, received_at, processed_at, error FROM processed_events ORDER BY rowid').all() as EventRow[];
}

export function eventRow(sqlite: Sqlite, eventId: string): EventRow | undefined {
  return sqlite.prepare('SELECT event_id, event_type, status, received_at, processed_at, error FROM processed_events WHERE event_id = ?').get(eventId) as
    | EventRow
    | undefined;
}

export function boundMemberCount(sqlite: Sqlite): number {
  return (sqlite.prepare('SELECT count(*) AS n FROM members WHERE open_id IS NOT NULL').get() as { n: number }).n;
}

export function memberIdByStudentNo(sqlite: Sqlite, studentNo: string): number {
  return (sqlite.prepare('SELECT id FROM members WHERE student_no = ?').get(studentNo) as { id: number }).id;
}

const SEND_PATH = /^\/open-apis\/im\/v1\/messages(\/[^/]+\/reply)?$/;

/** POSTs the bot made to send or reply (retries and uuid-deduped repeats included). */
export function sendCalls(fake: FakeOpenApi): FakeOpenApi['calls'] {
  return fake.calls.filter((c) => c.method === 'POST' && SEND_PATH.test(c.path));
}

/** POSTs the bot made to reply to one message. */
export function replyCalls(fake: FakeOpenApi, messageId: string): FakeOpenApi['calls'] {
  return fake.calls.filter((c) => c.method === 'POST' && c.path === `/open-apis/im/v1/messages/${messageId}/reply`);
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Polls `check` until it returns a truthy value or `timeoutMs` passes. */
export async function eventually<T>(check: () => T | undefined | null | false, timeoutMs = 3000, what = 'condition'): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = check();
    if (v) return v;
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(10);
  }
}
