/**
 * Daily reminders (PRODUCT.md §6), by private message only:
 * - the pairing / project-list / matching deadlines, 7 days and 1 day before, to the secretaries
 *   of the branches that have not done it;
 * - logs pending review for more than 3 days, to their reviewers;
 * each kind only in the periods `remindsIn` (src/domain/period.ts) allows: deadlines are held in
 * vacations, reviews go out in every period.
 *
 * Each reminder is a job-run claim ('reminder', 'branch:<id>' | 'log:<id>', period); the messages
 * are enqueued and the claims finished in one transaction, with send uuids derived from the
 * claim, so the later runs of the day, a restart or a crash send each one once.
 */
import type { Db } from '../db/client.js';
import type { ProgramYear } from '../db/schema/index.js';
import { boundSecretariesOf, branchNameOf, memberById, type BoundMember } from '../domain/members.js';
import { DEADLINES, type DeadlineKey } from '../domain/branchStatus.js';
import { deadlinesByBranch } from '../domain/metrics/deadlines.js';
import { allColleges } from '../domain/metrics/scope.js';
import { periodOn, remindsIn } from '../domain/period.js';
import { currentProgramYear } from '../domain/program.js';
import { pendingCreatedBefore, reviewersFor } from '../domain/review.js';
import { localDate } from '../time.js';
import { t } from '../text/zh-CN.js';
import { claim, finishWith, type JobRun } from './jobRuns.js';
import { enqueue } from './outboxRows.js';
import type { JobPorts } from './ports.js';
import { defineJob } from './scheduler.js';

const REMINDER_KIND = 'reminder';
/** A log waiting longer than this is reminded about, once. */
const REVIEW_OVERDUE_MS = 3 * 24 * 3600 * 1000;
const STALE_MS = 2 * 60_000;

/**
 * The reminder stage for a deadline `daysLeft` away: 'd7' within the week before (so a bot down
 * on the 7th day still sends it on a later one), 'd1' on the eve; none otherwise.
 */
function deadlineStage(daysLeft: number): 'd7' | 'd1' | null {
  if (daysLeft === 1) return 'd1';
  return daysLeft >= 2 && daysLeft <= 7 ? 'd7' : null;
}

const DEADLINE_FIELD: Record<DeadlineKey, keyof ProgramYear & `${string}Deadline`> = { pairing: 'pairingDeadline', projectList: 'projectListDeadline', matching: 'matchingDeadline' };

interface ReminderOutcome {
  deadlineMessages: number;
  reviewMessages: number;
  /** Why deadline reminders were not considered today, if so. */
  skippedDeadlines?: 'vacation';
  /** Why review reminders were not considered today, if so. */
  skippedReviews?: 'vacation';
}

function sendAll(db: Db, runs: JobRun[], messages: { openId: string; text: string; uuid: string }[], now: number): void {
  finishWith(db, runs, { now: () => now }, (tx) => {
    for (const m of messages) enqueue(tx, { to: { openId: m.openId }, message: { text: m.text }, uuid: m.uuid }, now);
  });
}

/** Deadline reminders for every branch that has an open deadline 7 or 1 days ahead. */
function deadlineReminders(ports: JobPorts, program: ProgramYear, today: string): number {
  const { db, clock, timeZone } = ports;
  let sent = 0;
  for (const college of allColleges(db)) {
    const states = deadlinesByBranch(db, program, college.id, today, timeZone);
    for (const [branchId, byKey] of states) {
      const due = DEADLINES.flatMap((key) => {
        const state = byKey[key];
        const stage = state.kind === 'open' ? deadlineStage(state.daysLeft) : null;
        return stage && state.kind === 'open' ? [{ key, stage, daysLeft: state.daysLeft, date: program[DEADLINE_FIELD[key]] }] : [];
      });
      if (!due.length) continue;
      const secretaries = boundSecretariesOf(db, branchId);
      // Unclaimed while nobody is bound: a secretary binding later this week still gets it.
      if (!secretaries.length) continue;
      const runs: JobRun[] = [];
      const items: string[] = [];
      for (const d of due) {
        const run = claim(db, { kind: REMINDER_KIND, target: `branch:${branchId}`, period: `deadline:${d.key}:${d.date}:${d.stage}` }, clock.now(), { staleAfterMs: STALE_MS });
        if (!run) continue;
        runs.push(run);
        items.push(t('reminder.deadlineItem', { what: t(`reminder.what.${d.key}`), date: d.date, days: d.daysLeft }));
      }
      if (!runs.length) continue;
      const text = t('reminder.deadline', { branch: branchNameOf(db, branchId)!, items: items.join('\n') });
      // The first claim's id names this batch: unique, and the same on a resend after a crash.
      sendAll(db, runs, secretaries.map((s) => ({ openId: s.openId, text, uuid: `rmd:${runs[0]!.id}:m${s.id}` })), clock.now());
      sent += secretaries.length;
    }
  }
  return sent;
}

/** One message per reviewer listing how many of their logs have waited more than 3 days. */
function reviewReminders(ports: JobPorts): number {
  const { db, clock } = ports;
  const overdue = pendingCreatedBefore(db, clock.now() - REVIEW_OVERDUE_MS);
  const byReviewer = new Map<number, { reviewer: BoundMember; runs: JobRun[] }>();
  for (const log of overdue) {
    const author = memberById(db, log.memberId);
    const reviewers = author ? reviewersFor(db, author) : [];
    if (!reviewers.length) continue;
    const run = claim(db, { kind: REMINDER_KIND, target: `log:${log.id}`, period: 'review:3d' }, clock.now(), { staleAfterMs: STALE_MS });
    if (!run) continue;
    for (const reviewer of reviewers) {
      const entry = byReviewer.get(reviewer.id) ?? { reviewer, runs: [] };
      entry.runs.push(run);
      byReviewer.set(reviewer.id, entry);
    }
  }
  const runs = [...new Map([...byReviewer.values()].flatMap((e) => e.runs.map((r) => [r.id, r] as const))).values()];
  if (!runs.length) return 0;
  const messages = [...byReviewer.values()].map(({ reviewer, runs: own }) => ({
    openId: reviewer.openId, text: t('reminder.review', { count: own.length }), uuid: `rmr:${own[0]!.id}:m${reviewer.id}`,
  }));
  sendAll(db, runs, messages, clock.now());
  return messages.length;
}

/** Runs today's reminders; safe to run any number of times a day. */
function sendReminders(ports: JobPorts): ReminderOutcome {
  const { db, clock, timeZone } = ports;
  const now = clock.now();
  const today = localDate(now, timeZone);
  const program = currentProgramYear(db, { now, tz: timeZone });
  const period = periodOn(program, today);
  const deadlines = remindsIn('deadline', period);
  const reviews = remindsIn('review', period);
  const deadlineMessages = deadlines ? deadlineReminders(ports, program, today) : 0;
  const reviewMessages = reviews ? reviewReminders(ports) : 0;
  if (deadlineMessages || reviewMessages) ports.log.info({ deadlineMessages, reviewMessages }, 'reminders enqueued');
  return {
    deadlineMessages,
    reviewMessages,
    ...(deadlines ? {} : { skippedDeadlines: 'vacation' as const }),
    ...(reviews ? {} : { skippedReviews: 'vacation' as const }),
  };
}

/**
 * Every hour from 09:00 to 20:00 in the school's zone rather than once with a catch-up at start:
 * a bot down at 09:00 sends the day's reminders at the next hour it is up, and a restart at night
 * never wakes anyone. The claims make the later runs of the day no-ops.
 */
export const reminders = defineJob({
  name: 'reminders',
  cron: '0 9-20 * * *',
  run(ports) {
    sendReminders(ports);
  },
});
