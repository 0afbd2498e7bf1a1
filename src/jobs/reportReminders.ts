/**
 * Quarterly-report reminders and late flags (PRODUCT.md §6), once a day at 09:00 and at start:
 * - 7 days and 1 day before each due date, a private message to the bound 团总支 of every
 *   college that has not submitted (once each: claim ('reportReminder', college, '<year>-q<n>-d7|d1')),
 *   in the periods `remindsIn('quarterlyReport', …)` allows (src/domain/period.ts: every period, as
 *   the due dates hold in vacations too);
 * - after a due date, the school admins are told once per late report — not submitted by the
 *   due date, or submitted after it (claim ('reportLate', college, '<year>-q<n>')) — a notice to the
 *   团委 of a fact, not a reminder, so in every period.
 * Each claim is finished in the transaction that writes its messages to the outbox, whose
 * uuids derive from the same key, so a rerun or a restart sends nothing twice.
 */
import { boundSchoolAdmins } from '../domain/members.js';
import { periodOn, remindsIn } from '../domain/period.js';
import { currentProgramYear } from '../domain/program.js';
import { dueReminders, lateReports } from '../domain/reports.js';
import { localDate } from '../time.js';
import { t } from '../text/zh-CN.js';
import { once } from './jobRuns.js';
import { enqueue } from './outboxRows.js';
import type { DbWriter, JobPorts } from './ports.js';
import { defineJob } from './scheduler.js';

const REMINDER_KIND = 'reportReminder';
const LATE_KIND = 'reportLate';

/** Sends the reminders and late flags due today; returns how many claims it acted on. */
function reportReminders(ports: JobPorts): { reminders: number; late: number } {
  const { db, clock, timeZone } = ports;
  const now = clock.now();
  const program = currentProgramYear(db, { now, tz: timeZone });
  const today = localDate(now, timeZone);
  let reminders = 0;
  let late = 0;
  const due = remindsIn('quarterlyReport', periodOn(program, today)) ? dueReminders(db, program, today) : [];
  for (const r of due) {
    const period = `${program.id}-q${r.quarter.index}-d${r.which}`;
    const sent = once(ports, { kind: REMINDER_KIND, target: `college:${r.college.id}`, period }, (tx) => {
      const text = t('report.reminder', { college: r.college.name, quarter: r.quarter.index, due: r.quarter.dueOn, days: r.daysLeft });
      for (const admin of r.admins) enqueue(tx, { to: { openId: admin.openId }, message: { text }, uuid: `rr:${period}:${admin.id}` }, now);
    });
    if (sent) reminders++;
  }
  const admins = boundSchoolAdmins(db);
  for (const r of lateReports(db, program, today, timeZone)) {
    const period = `${program.id}-q${r.quarter.index}`;
    const sent = once(ports, { kind: LATE_KIND, target: `college:${r.college.id}`, period }, (tx) => {
      const state = r.submittedOn ? t('report.lateSubmitted', { date: r.submittedOn }) : t('report.lateNotSubmitted');
      const text = t('report.lateNotice', { college: r.college.name, quarter: r.quarter.index, due: r.quarter.dueOn, state });
      for (const admin of admins) enqueue(tx, { to: { openId: admin.openId }, message: { text }, uuid: `rl:${period}:${r.college.id}:${admin.id}` }, now);
    });
    if (sent) late++;
  }
  return { reminders, late };
}

/** Daily at 09:00 (and at start, for a day missed while the bot was down). */
export const quarterlyReportReminders = defineJob({
  name: 'quarterlyReportReminders',
  cron: '0 9 * * *',
  catchUp: true,
  run(ports) {
    reportReminders(ports);
  },
});
