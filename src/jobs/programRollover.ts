/**
 * The program year's rollover (PRODUCT.md §8): hourly (and at start), the current year is read,
 * which makes a year started with 「开始下一实践年度」 current once its start date has come and
 * the old year has ended (domain/program.ts). A rollover is announced once in the 团委 work
 * group (`/绑定群 全校`), claimed as ('programRollover', 'program_year:<id>') and written with
 * its outbox row in one transaction, so a rerun or a restart announces nothing twice. A
 * rollover more than a week old is not announced any more (a group bound later is not told).
 */
import { schoolChatId } from '../domain/groups.js';
import { currentProgramYear, previousYear, rolledOverAt } from '../domain/program.js';
import { t } from '../text/zh-CN.js';
import { once } from './jobRuns.js';
import { enqueue } from './outboxRows.js';
import type { JobPorts } from './ports.js';
import { defineJob } from './scheduler.js';

const ANNOUNCE_WITHIN_MS = 7 * 24 * 3600 * 1000;

/** Rolls over when due; returns whether a rollover was announced in this run. */
export function announceRollover(ports: JobPorts): boolean {
  const { db, clock, timeZone } = ports;
  const now = clock.now();
  const current = currentProgramYear(db, { now, tz: timeZone });
  const at = rolledOverAt(db, current);
  const chatId = schoolChatId(db);
  if (at === undefined || now - at > ANNOUNCE_WITHIN_MS || !chatId) return false;
  const old = previousYear(db, current);
  return once(ports, { kind: 'programRollover', target: `program_year:${current.id}`, period: current.name }, (tx) => {
    const text = t('settings.rolledOver', { name: current.name, start: current.startsOn, end: current.endsOn, old: old?.name ?? '' });
    enqueue(tx, { to: { chatId }, message: { text }, uuid: `rollover:${current.id}` }, now);
  });
}

export const programRollover = defineJob({
  name: 'programRollover',
  cron: '7 * * * *',
  catchUp: true,
  run(ports) {
    announceRollover(ports);
  },
});
