/**
 * Hourly housekeeping: forgets outbox rows sent long ago (a sent row is only needed while a
 * resend with its uuid could still happen; Feishu's dedupe lasts an hour, we keep a month for
 * looking back at what was sent), and keeps the planner statistics current on the bot's
 * long-lived connection (SQLite's advice; a no-op unless a table grew or shrank tenfold).
 */
import { keepStatistics } from '../db/client.js';
import { pruneSent } from './outboxRows.js';
import { defineJob } from './scheduler.js';

const SENT_KEEP_MS = 30 * 24 * 3600 * 1000;

export const housekeeping = defineJob({
  name: 'housekeeping',
  cron: '17 * * * *',
  run({ db, clock, log }) {
    const pruned = pruneSent(db, clock.now() - SENT_KEEP_MS);
    if (pruned > 0) log.info({ pruned }, 'pruned sent outbox rows');
    keepStatistics(db);
  },
});
