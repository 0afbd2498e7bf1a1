/**
 * Daily reminders (src/jobs/reminders.ts, PRODUCT.md §6) with an injected clock on the example
 * roster: deadline reminders 7 days and 1 day before, only to the secretaries of branches that
 * have not done it, once each however often the job runs, none during a vacation; reviews
 * pending for more than 3 days reminded to the reviewer once. All by private message. In a
 * vacation, by the one rule of src/domain/period.ts: deadline reminders held, review and
 * quarterly-report reminders sent, once each and only to who needs them.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { programYears, quarterlyReports, serviceLogs, type Member } from '../src/db/schema/index.js';
import { remindsIn, type Period, type ReminderKind } from '../src/domain/period.js';
import { t } from '../src/text/zh-CN.js';
import { bindDirect } from './helpers/bot.js';
import { ACCOUNTS, addCommunity, pair, program, said, sentTo, setProgram, startLoop, type Loop } from './helpers/loop.js';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
/** 09:00 Beijing on a date. */
const at9 = (date: string) => Date.parse(`${date}T01:00:00Z`);

let loop: Loop | undefined;
afterEach(async () => {
  await loop?.h.close();
  loop = undefined;
});

async function runReminders(l: Loop): Promise<void> {
  await l.h.bot.scheduler.runNow('reminders');
  await l.h.bot.outbox.drain();
}

const texts = (l: Loop, openId: string) => sentTo(l.h, openId).map(said);

function pendingLog(l: Loop, m: Member, createdAt: number): number {
  return l.h.bot.db.insert(serviceLogs).values({
    memberId: m.id, branchId: m.branchId, collegeId: m.collegeId!, programYearId: program(l.h).id, serviceDate: '2026-11-20', item: 'shishi',
    halfHours: 4, description: 'x', source: 'self', status: 'pending', dedupeKey: randomUUID(), createdAt,
  }).returning().get().id;
}

/** No message of the run went to a group: reminders never go to chats. */
const noGroupMessages = (l: Loop) => expect(l.h.fake.messages.filter((m) => m.kind === 'send' && m.receiveIdType === 'chat_id')).toEqual([]);

describe('deadline reminders', () => {
  it('7 days and 1 day before each deadline, only to branches that have not done it, once each', async () => {
    // Defaults: 组织结对 and 项目清单 due 2026-11-11, 岗位对接 2026-11-19.
    loop = await startLoop({ now: at9('2026-11-04') });
    const { h, m } = loop;
    pair(h, m.secretary.branchId!, addCommunity(h, '东湖社区').id); // 计科2301 has signed; 计科2302 has not
    const since = h.fake.messages.length;

    await runReminders(loop);
    await runReminders(loop);
    const mine = texts(loop, ACCOUNTS.secretary);
    const other = texts(loop, ACCOUNTS.otherSecretary);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toContain(t('reminder.what.projectList'));
    expect(mine[0]).not.toContain(t('reminder.what.pairing'));
    expect(mine[0]).toContain('2026-11-11 截止，还有 7 天');
    expect(other).toHaveLength(1);
    expect(other[0]).toContain(t('reminder.what.pairing'));
    expect(other[0]).toContain(t('reminder.what.projectList'));
    expect(other[0]).not.toContain(t('reminder.what.matching'));
    // Students and admins are not the ones to do it.
    for (const who of [ACCOUNTS.student, ACCOUNTS.collegeAdmin, ACCOUNTS.schoolAdmin]) expect(texts(loop, who)).toEqual([]);

    // Three days later the 7-day reminder is not repeated.
    h.clock.ms = at9('2026-11-07');
    await runReminders(loop);
    expect(texts(loop, ACCOUNTS.otherSecretary)).toHaveLength(1);

    // The eve: the 1-day reminder, once.
    h.clock.ms = at9('2026-11-10');
    await runReminders(loop);
    await runReminders(loop);
    expect(texts(loop, ACCOUNTS.otherSecretary)).toHaveLength(2);
    expect(texts(loop, ACCOUNTS.otherSecretary)[1]).toContain('还有 1 天');
    expect(texts(loop, ACCOUNTS.secretary)).toHaveLength(2);

    // 岗位对接 (11-19): 7 days before, to both (neither has a confirmed match).
    h.clock.ms = at9('2026-11-12');
    await runReminders(loop);
    await runReminders(loop);
    expect(texts(loop, ACCOUNTS.secretary).slice(2)).toEqual([expect.stringContaining(t('reminder.what.matching'))]);
    expect(texts(loop, ACCOUNTS.otherSecretary).slice(2)).toHaveLength(1);
    noGroupMessages(loop);
    expect(h.fake.messages.slice(since).every((msg) => msg.kind === 'send' && msg.receiveIdType === 'open_id')).toBe(true);
  });

  it('sends none while the period is a vacation, and resumes in term time', async () => {
    loop = await startLoop({ now: at9('2026-11-04') });
    setProgram(loop.h, { periodMode: 'winter' });
    await runReminders(loop);
    expect(texts(loop, ACCOUNTS.secretary)).toEqual([]);
    expect(texts(loop, ACCOUNTS.otherSecretary)).toEqual([]);

    // Summer by the configured dates (auto mode) is a vacation too.
    setProgram(loop.h, { periodMode: 'auto' });
    loop.h.bot.db.update(programYears).set({ summerVacationStart: '2026-11-01', summerVacationEnd: '2026-11-05' }).run();
    await runReminders(loop);
    expect(texts(loop, ACCOUNTS.secretary)).toEqual([]);

    loop.h.clock.ms = at9('2026-11-06');
    await runReminders(loop);
    expect(texts(loop, ACCOUNTS.secretary)).toHaveLength(1);
  });
});

describe('schedule', () => {
  it('runs hourly from 09:00 to 20:00 Beijing, never at night', async () => {
    loop = await startLoop({ now: at9('2026-11-04') });
    const { scheduler } = loop.h.bot;
    expect(scheduler.nextRun('reminders', at9('2026-11-04') + 30 * 60_000)?.getTime()).toBe(at9('2026-11-04') + HOUR);
    expect(scheduler.nextRun('reminders', at9('2026-11-04') + 11 * HOUR + 30 * 60_000)?.getTime()).toBe(at9('2026-11-05'));
  });
});

describe('review reminders', () => {
  it('a log pending more than 3 days is reminded to its reviewer once', async () => {
    loop = await startLoop({ now: at9('2026-11-25') });
    const { h, m } = loop;
    pendingLog(loop, m.student, h.clock.now() - 4 * DAY);
    pendingLog(loop, m.student2, h.clock.now() - 3 * DAY - HOUR);
    pendingLog(loop, m.student, h.clock.now() - 2 * DAY);

    await runReminders(loop);
    await runReminders(loop);
    expect(texts(loop, ACCOUNTS.secretary)).toEqual([t('reminder.review', { count: 2 })]);
    // The author and the other branch's secretary are not reminded.
    expect(texts(loop, ACCOUNTS.student)).toEqual([]);
    expect(texts(loop, ACCOUNTS.otherSecretary)).toEqual([]);

    // Two days later the third log is overdue too: reminded on its own, the first two not again.
    h.clock.ms += 2 * DAY;
    await runReminders(loop);
    await runReminders(loop);
    expect(texts(loop, ACCOUNTS.secretary)).toEqual([t('reminder.review', { count: 2 }), t('reminder.review', { count: 1 })]);
    noGroupMessages(loop);
  });
});

describe('reminders in the period mode', () => {
  it('one rule: vacations hold the term-time deadlines only; reviews and quarterly reports go out in every period', () => {
    const kinds: ReminderKind[] = ['deadline', 'review', 'quarterlyReport'];
    const table = (['term', 'online', 'winter', 'summer'] as Period[]).map((p) => [p, kinds.filter((k) => remindsIn(k, p))]);
    expect(table).toEqual([
      ['term', kinds], ['online', kinds], ['winter', ['review', 'quarterlyReport']], ['summer', ['review', 'quarterlyReport']],
    ]);
  });

  it('in the winter vacation: reviews and the quarterly report reminded once each to who needs it, deadlines held until term', async () => {
    // 2026-12-24 09:00 Beijing, in the winter vacation by the configured dates: 7 days before the
    // first quarterly report, and (set here) 4 days before the pairing deadline.
    loop = await startLoop({ now: at9('2026-12-24') });
    const { h, m } = loop;
    setProgram(h, { winterVacationStart: '2026-12-20', winterVacationEnd: '2027-02-25' });
    h.bot.db.update(programYears).set({ pairingDeadline: '2026-12-28' }).run();
    pair(h, m.secretary.branchId!, addCommunity(h, '东湖社区').id); // only 计科2302 has not signed
    const econAdmin = bindDirect(h, 'T2001', 'ou_period_econ_admin');
    h.bot.db.insert(quarterlyReports).values({
      collegeId: econAdmin.collegeId!, programYearId: program(h).id, quarterIndex: 1, dueOn: '2026-12-31', kind: 'summary', title: 't', body: 'x',
      status: 'submitted', submittedAt: h.clock.now(), submittedByMemberId: econAdmin.id, createdAt: h.clock.now(), updatedAt: h.clock.now(),
    }).run();
    pendingLog(loop, m.otherStudent, h.clock.now() - 4 * DAY); // a vacation log of 计科2302 waiting 4 days

    for (let i = 0; i < 2; i++) {
      await h.bot.scheduler.runNow('reminders');
      await h.bot.scheduler.runNow('quarterlyReportReminders');
      await h.bot.outbox.drain();
    }
    expect(texts(loop, ACCOUNTS.otherSecretary)).toEqual([t('reminder.review', { count: 1 })]);
    expect(texts(loop, ACCOUNTS.collegeAdmin)).toEqual([expect.stringContaining('第1季度工作总结 / 下阶段活动策划将于 2026-12-31 截止（还有 7 天）')]);
    for (const who of [ACCOUNTS.secretary, ACCOUNTS.otherStudent, ACCOUNTS.schoolAdmin, econAdmin.openId!]) expect(texts(loop, who)).toEqual([]);

    // The 团委 declares term time: the held deadline reminder goes out, to the branch that has not signed, once.
    setProgram(h, { periodMode: 'term' });
    await runReminders(loop);
    await runReminders(loop);
    expect(texts(loop, ACCOUNTS.otherSecretary)).toEqual([t('reminder.review', { count: 1 }), expect.stringContaining(t('reminder.what.pairing'))]);
    expect(texts(loop, ACCOUNTS.secretary)).toEqual([]);
    noGroupMessages(loop);
  });
});
