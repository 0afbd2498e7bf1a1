/**
 * The weekly digest (PRODUCT.md §6): Monday 09:00 in the school's zone, one card into each
 * bound college group and the all-college card into the 团委's group.
 *
 * Exactly once per chat per week: each chat's digest is a job-run claim on
 * ('digest', 'college:<id>' | 'school', '<ISO week>'); the card is written to the outbox and
 * the claim finished in one transaction, and the outbox sends it with a uuid derived from the
 * same key (Feishu drops a resend with a known uuid). So a second run, a restart, or a crash
 * at any point ends with one message per chat: a crash before the transaction leaves a claim
 * that goes stale and is taken again; after it, the outbox row is sent (or resent) once.
 *
 * Catch-up: the job runs at start and every quarter-hour, but only ever posts the *current*
 * week's digest and never before its Monday 09:00 — a bot down over Monday posts on its return
 * the same week, and a digest missed for a whole week is never posted late.
 */
import { digestCard } from '../cards/digest.js';
import { collegeGroups, collegesWithoutGroup, schoolChatId } from '../domain/groups.js';
import { currentProgramYear, yearOn } from '../domain/program.js';
import { DigestFigures } from '../domain/metrics/digest.js';
import { digestWeek } from '../domain/metrics/digestWeek.js';
import { claim, fail, find, finishWith } from './jobRuns.js';
import { enqueue } from './outboxRows.js';
import type { JobPorts } from './ports.js';
import { defineJob } from './scheduler.js';

const DIGEST_KIND = 'digest';
/**
 * A claim older than this is taken for a crashed run. Building and enqueueing one chat's card
 * takes well under a second, so two minutes never steals a live run.
 */
const DIGEST_STALE_MS = 2 * 60_000;
/** A digest whose build failed is tried again on a later run after this long. */
const DIGEST_RETRY_MS = 5 * 60_000;

interface DigestTarget {
  /** Job-run target: 'college:<id>' or 'school'. */
  target: string;
  chatId: string;
  college?: { id: number; name: string };
}

interface DigestOutcome {
  week: string;
  /** Targets whose digest was written to the outbox by this run. */
  posted: string[];
  /** Targets already done (or being done) this week. */
  skipped: string[];
  /** Targets whose digest could not be built; retried by a later run. */
  failed: string[];
  /** Colleges with no bound group. */
  unbound: string[];
  /** Why nothing was attempted, if so. */
  reason?: 'not_due' | 'outside_year';
}

/** Every chat that receives a digest: bound college groups (by college id), then the 团委's group. */
function digestTargets(ports: Pick<JobPorts, 'db'>): DigestTarget[] {
  const { db } = ports;
  const bound = collegeGroups(db);
  const school = schoolChatId(db);
  return [
    ...bound.map((c) => ({ target: `college:${c.id}`, chatId: c.chatId, college: { id: c.id, name: c.name } })),
    ...(school !== undefined ? [{ target: 'school', chatId: school }] : []),
  ];
}

/** The send uuid of a digest: one per chat per week, ≤ 50 characters as Feishu requires. */
export const digestUuid = (target: string, week: string) => `${DIGEST_KIND}:${target}:${week}`;

/**
 * Posts this week's digest to every chat that has not had it. `force` (the /周报 command) also
 * posts before Monday 09:00; it never posts a second digest to a chat in the same week.
 */
export async function weeklyDigests(ports: JobPorts, opts: { force?: boolean; retryOnly?: boolean } = {}): Promise<DigestOutcome> {
  const { db, clock, log, timeZone } = ports;
  const now = clock.now();
  const week = digestWeek({ now, tz: timeZone });
  const outcome: DigestOutcome = { week: week.key, posted: [], skipped: [], failed: [], unbound: collegesWithoutGroup(db) };

  if (!opts.force && now < week.dueAt) return { ...outcome, reason: 'not_due' };
  // A retry run only finishes what a run of this week started (a stale claim, a failed build).
  const targets = digestTargets(ports).filter((x) => !opts.retryOnly || find(db, { kind: DIGEST_KIND, target: x.target, period: week.key }));
  if (!targets.length) return outcome;
  // The year the reported week began in: the week across a rollover reports the old year's
  // last days with the old year's figures (the new year is current by then).
  const current = currentProgramYear(db, { now, tz: timeZone });
  const program = yearOn(db, week.report.start) ?? current;
  // No digest while the year has not begun or once its last week has been reported.
  if (week.today < program.startsOn || week.report.start > program.endsOn) return { ...outcome, reason: 'outside_year' };

  const figures = new DigestFigures(db, program, week, now, timeZone);
  await figures.warm(targets.some((t) => !t.college));
  for (const target of targets) {
    const run = claim(db, { kind: DIGEST_KIND, target: target.target, period: week.key }, clock.now(), { staleAfterMs: DIGEST_STALE_MS, retryAfterMs: DIGEST_RETRY_MS });
    if (!run) {
      outcome.skipped.push(target.target);
      continue;
    }
    try {
      const digest = target.college ? figures.college(target.college, target.target) : figures.school(target.target);
      const card = digestCard(digest);
      finishWith(db, [run], clock, (tx) => enqueue(tx, { to: { chatId: target.chatId }, message: { card }, uuid: digestUuid(target.target, week.key) }, clock.now()));
      outcome.posted.push(target.target);
    } catch (err) {
      fail(db, run, err, clock.now());
      outcome.failed.push(target.target);
      log.error({ target: target.target, week: week.key, err: (err as Error)?.message ?? String(err) }, 'weekly digest failed; a later run retries it');
    }
    // Let the event loop breathe between chats: a large school's fan-out must not stall acks.
    await new Promise((r) => setImmediate(r));
  }
  if (outcome.posted.length) log.info({ week: week.key, posted: outcome.posted.length, skipped: outcome.skipped.length }, 'weekly digests enqueued');
  return outcome;
}

/** Monday 09:00; also at start, to post a digest missed while the bot was down (same week only). */
export const weeklyDigest = defineJob({
  name: 'weeklyDigest',
  cron: '0 9 * * 1',
  catchUp: true,
  async run(ports) {
    await weeklyDigests(ports);
  },
});

/**
 * Every quarter-hour: finishes this week's fan-out where a run left a chat unfinished (a claim
 * gone stale after a crash the restart came too soon to take over, a build that failed) without
 * waiting for next Monday. It never starts a chat no run of this week tried, so it reads a few
 * rows and does nothing in an ordinary week.
 */
export const weeklyDigestRetry = defineJob({
  name: 'weeklyDigestRetry',
  cron: '*/15 * * * *',
  async run(ports) {
    await weeklyDigests(ports, { retryOnly: true });
  },
});
