/**
 * The drill's verdict, from the bot's database (read after a graceful stop) and what the
 * stand-in delivered:
 * - lost: a message event Feishu got a 200 for (at least once) whose effect is missing — a
 *   report without exactly one stored log (by the message it came from) and one reply, a
 *   /我的 without a reply, an event row not 'done'; a stored log whose review card never
 *   reached its reviewer; an approval whose author was never told; an outbox row not sent at
 *   the end, or marked sent without the stand-in having delivered its uuid;
 * - clicks lost: a log-form submit without its log (by its unique description), an approval
 *   whose log is not approved, though the click got a 200 (maybe only a retry's dedupe `{}`);
 * - doubled: two deliveries with one uuid, two replies to one user message, two review
 *   cards for one log, two logs for one report or form.
 */
import Database from 'better-sqlite3';
import type { DrillEvent } from './delivery.js';
import type { Observer } from './traffic.js';

export interface Verdict {
  /** Message events acknowledged without their effect, review cards and outbox rows never delivered. */
  lost: string[];
  /** Card clicks acknowledged (at least by a retry's 200) whose effect is missing. */
  clicksLost: string[];
  doubled: string[];
  notes: string[];
  logsStored: number;
  logsApproved: number;
  outboxRows: number;
  outboxFailed: number;
  /** Click answers that were `{}` only (the first try died, the retry was a duplicate). */
  clicksAnsweredEmpty: number;
  clickErrors: string[];
}

export function account(dbPath: string, events: DrillEvent[], observer: Observer): Verdict {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    const lost: string[] = [];
    const clicksLost: string[] = [];
    const doubled: string[] = [];
    const notes: string[] = [];
    const eventStatus = new Map((db.prepare('SELECT event_id, status, error FROM processed_events').all() as { event_id: string; status: string; error: string | null }[]).map((r) => [r.event_id, r]));
    const logs = db.prepare('SELECT id, source_message_id AS msg, description, status, service_date AS date, half_hours AS hh, reviewer_member_id AS reviewer FROM service_logs').all() as { id: number; msg: string | null; description: string; status: string; date: string; hh: number; reviewer: number | null }[];
    const logsByMsg = group(logs.filter((l) => l.msg), (l) => l.msg!);
    const logsByDescription = group(logs, (l) => l.description);
    const logById = new Map(logs.map((l) => [l.id, l]));
    const memberByOpenId = new Map((db.prepare('SELECT id, open_id FROM members WHERE open_id IS NOT NULL').all() as { id: number; open_id: string }[]).map((m) => [m.open_id, m.id]));

    const repliesTo = group(observer.delivered.filter((d) => d.replyTo), (d) => d.replyTo!);
    const cardsFor = group(observer.delivered.filter((d) => d.reviewLog !== undefined), (d) => String(d.reviewLog));
    const uuids = group(observer.delivered.filter((d) => d.uuid), (d) => d.uuid!);
    for (const [uuid, ds] of uuids) if (ds.length > 1) doubled.push(`uuid ${uuid} delivered ${ds.length} times`);
    for (const [msg, ds] of repliesTo) if (ds.length > 1) doubled.push(`message ${msg} answered ${ds.length} times (uuids ${ds.map((d) => d.uuid).join(', ')})`);
    for (const [log, ds] of cardsFor) if (ds.length > 1) doubled.push(`log ${log}: ${ds.length} review cards`);

    let clicksAnsweredEmpty = 0;
    const markedUnanswered: string[] = [];
    const clickErrors: string[] = [];
    for (const ev of events) {
      if (!ev.acked) {
        (ev.kind === 'form' || ev.kind === 'approve' ? clicksLost : lost).push(`${ev.kind} ${ev.eventId}: never acknowledged (${ev.attempts.length} tries)`);
        continue;
      }
      const row = eventStatus.get(ev.eventId);
      const tag = `${ev.kind} event ${ev.eventId} (message ${ev.messageId})`;
      const click = ev.kind === 'form' || ev.kind === 'approve';
      if (!row) lost.push(`${tag}: acknowledged but no event row`);
      else if (click && row.error === 'card action not answered before restart') {
        // A click is judged by its effect (below); its row may have been marked at the next
        // start when the kill came between the answer and the commit of the done mark.
        if (ev.answer !== undefined) markedUnanswered.push(ev.eventId);
      } else if (row.status !== 'done') lost.push(`${tag}: event row ${row.status}${row.error ? ` (${row.error.slice(0, 100)})` : ''}`);
      else if (row.error) notes.push(`${tag}: processing error ${row.error.slice(0, 120)}`);
      if (ev.kind === 'report' || ev.kind === 'me') {
        const replies = repliesTo.get(ev.messageId)?.length ?? 0;
        if (replies === 0) lost.push(`${tag}: no reply delivered`);
      }
      if (ev.kind === 'report') {
        const mine = logsByMsg.get(ev.messageId) ?? [];
        if (mine.length === 0) lost.push(`${tag}: no service log stored`);
        if (mine.length > 1) doubled.push(`${tag}: ${mine.length} service logs (${mine.map((l) => l.id).join(', ')})`);
        const l = mine[0];
        if (l && ev.expected && (l.date !== ev.expected.date || l.hh !== ev.expected.halfHours)) notes.push(`${tag}: log ${l.id} stored ${l.date} ${l.hh / 2} h, the parser read ${ev.expected.date} ${ev.expected.halfHours / 2} h`);
      }
      if (ev.kind === 'form' || ev.kind === 'approve') {
        if (ev.answer === undefined) clicksAnsweredEmpty++;
        const toast = (ev.answer as { toast?: { type?: string; content?: string } } | undefined)?.toast;
        if (toast && toast.type !== 'success') clickErrors.push(`${tag}: ${toast.type} ${toast.content}`);
      }
      if (ev.kind === 'form') {
        const mine = logsByDescription.get(ev.description!) ?? [];
        if (mine.length === 0) clicksLost.push(`${tag}: no service log stored for the submitted form${ev.answer === undefined ? ' (its only 200 was the dedupe {} of a retry)' : ''}`);
        if (mine.length > 1) doubled.push(`${tag}: ${mine.length} service logs`);
      }
      if (ev.kind === 'approve') {
        const l = logById.get(ev.logId!);
        if (!l || l.status !== 'approved') clicksLost.push(`${tag}: log ${ev.logId} is ${l?.status ?? 'missing'}${ev.answer === undefined ? ' (its only 200 was the dedupe {} of a retry)' : ''}`);
        else if (l.reviewer !== memberByOpenId.get(ev.openId)) notes.push(`${tag}: log ${ev.logId} approved by member ${l.reviewer}`);
        // The author's notice is keyed by the log (src/app/review.ts), whichever click or replay sent it.
        else if (!uuids.has(`review-outcome:${ev.logId}`)) lost.push(`${tag}: log ${ev.logId} approved, its author never told (no delivery of uuid review-outcome:${ev.logId}${ev.answer === undefined ? '; the click was answered only {}' : ''})`);
      }
    }
    // Every stored log's review card reached its reviewer once.
    const reviewRows = db.prepare('SELECT r.send_uuid AS uuid, r.message_id AS messageId, o.status, o.attempts FROM review_messages r LEFT JOIN outbox o ON o.uuid = r.send_uuid WHERE r.log_id = ?');
    for (const l of logs) {
      if (cardsFor.has(String(l.id))) continue;
      const byEvent = events.find((e) => e.messageId === l.msg || (e.kind === 'form' && e.description === l.description));
      const how = byEvent ? `${byEvent.kind} event ${byEvent.eventId}, ${byEvent.attempts.map((a) => a.status).join('/')}${byEvent.answer === undefined ? ', answered only {}' : ''}` : 'no drill event';
      lost.push(`log ${l.id} (${l.status}; from ${how}): no review card delivered; review_messages ${JSON.stringify(reviewRows.all(l.id))}`);
    }

    // Every outbox row went out, and went out for real.
    const outbox = db.prepare('SELECT id, uuid, status, attempts, last_error FROM outbox').all() as { id: number; uuid: string; status: string; attempts: number; last_error: string | null }[];
    let outboxFailed = 0;
    for (const row of outbox) {
      if (row.status !== 'sent') {
        if (row.status === 'failed') outboxFailed++;
        lost.push(`outbox row ${row.id} (${row.uuid}) ${row.status} after ${row.attempts} attempts: ${row.last_error ?? ''}`.slice(0, 200));
      } else if (!uuids.has(row.uuid)) lost.push(`outbox row ${row.id} (${row.uuid}) marked sent, never delivered`);
    }
    if (markedUnanswered.length) notes.push(`${markedUnanswered.length} clicks answered with a card but marked 'card action not answered before restart' at the next start (killed before the done mark was committed), e.g. ${markedUnanswered.slice(0, 3).join(', ')}`);
    return {
      lost, clicksLost, doubled, notes, logsStored: logs.length, logsApproved: logs.filter((l) => l.status === 'approved').length,
      outboxRows: outbox.length, outboxFailed, clicksAnsweredEmpty, clickErrors,
    };
  } finally {
    db.close();
  }
}

function group<T>(xs: T[], key: (x: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of xs) {
    const k = key(x);
    const list = m.get(k);
    if (list) list.push(x);
    else m.set(k, [x]);
  }
  return m;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
