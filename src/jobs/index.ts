/**
 * The explicit job registry, like commands/index.ts: every scheduled job the bot runs. A job
 * that acts once per period claims it with `jobRuns.claim` and sends through `enqueue` (outboxRows.ts).
 */
import { weeklyDigest, weeklyDigestRetry } from './digest.js';
import { housekeeping } from './housekeeping.js';
import { programRollover } from './programRollover.js';
import { reminders } from './reminders.js';
import { quarterlyReportReminders } from './reportReminders.js';
import type { JobDefinition } from './scheduler.js';

export const jobs: JobDefinition[] = [housekeeping, weeklyDigest, weeklyDigestRetry, reminders, quarterlyReportReminders, programRollover];
