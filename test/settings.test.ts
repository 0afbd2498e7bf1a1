/**
 * Period mode and program settings (issue 5 points 5–6, PRODUCT.md §1/§6): /模式 by the 团委
 * changes what /报到 records, others are refused; the settings card saves valid values with an
 * audit row and refuses bad ones without changing anything; starting the next program year
 * asks first, takes effect on its start date (announced once), keeps the old year and its logs,
 * and can be undone until its first log.
 */
import { asc, eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { auditLog, programYears, serviceLogs, settings } from '../src/db/schema/index.js';
import { SCHOOL_CHAT_KEY } from '../src/domain/groups.js';
import { t } from '../src/text/zh-CN.js';
import { insertLog } from './helpers/bot.js';
import { ACCOUNTS, answerCard, button, cardText, checkinsOf, envelope, field, program, said, startLoop, type Loop } from './helpers/loop.js';

let loop: Loop | undefined;
afterEach(async () => {
  await loop?.h.close();
  loop = undefined;
});

const audits = (l: Loop, action: string) => l.h.bot.db.select().from(auditLog).where(eq(auditLog.action, action)).orderBy(asc(auditLog.id)).all();

/** The settings form as the card shows it for the default 2026-2027 year, with `patch` applied. */
function form(patch: Record<string, string> = {}): Record<string, string> {
  return {
    periodMode: 'auto', startsOn: '2026-10-01 +0800', endsOn: '2027-09-30 +0800', targetRatio: '0.25',
    pairingDeadline: '2026-11-11 +0800', projectListDeadline: '2026-11-11 +0800', matchingDeadline: '2026-11-19 +0800',
    winterVacationStart: '', winterVacationEnd: '', summerVacationStart: '', summerVacationEnd: '',
    logWindowDays: '30', scoreWeights: '', ...patch,
  };
}

async function settingsCard(l: Loop): Promise<unknown> {
  const reply = await l.h.say(ACCOUNTS.schoolAdmin, '/设置');
  expect(reply.msgType).toBe('interactive');
  return reply.content;
}

describe('/模式', () => {
  it('by the 团委 switches the period mode, audits it, and the next /报到 follows it', async () => {
    loop = await startLoop();
    const reply = await loop.h.say(ACCOUNTS.schoolAdmin, '/模式 寒假');
    expect(said(reply)).toContain('集中报到');
    expect(program(loop.h).periodMode).toBe('winter');
    expect(audits(loop, 'program.mode').map((a) => a.detail)).toEqual([{ before: { periodMode: 'auto' }, after: { periodMode: 'winter' } }]);

    const checkin = await loop.h.say(ACCOUNTS.student, '/报到 老家村委会');
    expect(cardText(checkin.content)).toContain('集中报到');
    expect(checkinsOf(loop.h, loop.m.student).map((c) => c.kind)).toEqual(['concentrated']);

    await loop.h.say(ACCOUNTS.schoolAdmin, '/模式 线上');
    expect(program(loop.h).periodMode).toBe('online');
    expect(said(await loop.h.say(ACCOUNTS.schoolAdmin, '/模式 线上'))).toBe(t('mode.unchanged', { after: '线上' }));
    expect(audits(loop, 'program.mode')).toHaveLength(2);
  });

  it('refuses students, secretaries and 团总支 and changes nothing', async () => {
    loop = await startLoop();
    for (const who of [ACCOUNTS.student, ACCOUNTS.secretary, ACCOUNTS.collegeAdmin]) {
      const reply = await loop.h.say(who, '/模式 寒假');
      expect(said(reply)).toBe(t('error.forbidden', { command: '模式', role: t('role.school_admin') }));
    }
    expect(program(loop.h).periodMode).toBe('auto');
    expect(audits(loop, 'program.mode')).toHaveLength(0);
  });

  it('refuses an unknown mode with the list of values', async () => {
    loop = await startLoop();
    const reply = await loop.h.say(ACCOUNTS.schoolAdmin, '/模式 春假');
    expect(said(reply)).toBe(t('mode.badValue', { value: '春假', values: '在校、寒假、暑假、线上、自动' }));
    expect(program(loop.h).periodMode).toBe('auto');
  });
});

describe('the settings card', () => {
  it('shows the year and saves valid values with a before/after audit row', async () => {
    loop = await startLoop();
    const card = await settingsCard(loop);
    expect(cardText(card)).toContain('2026-2027');
    expect(field(card, 'pairingDeadline')?.initial_date).toBe('2026-11-11');
    const save = button(card, 'settings.save');
    const res = await loop.h.click(ACCOUNTS.schoolAdmin, save, {
      formValue: form({ targetRatio: '0.3', matchingDeadline: '2026-11-26 +0800', winterVacationStart: '2027-01-15 +0800', winterVacationEnd: '2027-02-20 +0800', logWindowDays: '14', scoreWeights: '{"hours":1,"days":1}' }),
    });
    expect(res.body.toast).toEqual({ type: 'success', content: t('settings.saved', { count: 6 }) });
    expect(cardText(answerCard(res))).toContain(t('settings.saved', { count: 6 }));
    const p = program(loop.h);
    expect(p).toMatchObject({ targetRatio: 0.3, matchingDeadline: '2026-11-26', winterVacationStart: '2027-01-15', winterVacationEnd: '2027-02-20', logWindowDays: 14, scoreWeights: { hours: 1, days: 1 } });
    const [row] = audits(loop, 'program.settings');
    expect(row!.detail).toEqual({
      before: { targetRatio: 0.25, matchingDeadline: '2026-11-19', winterVacationStart: null, winterVacationEnd: null, logWindowDays: 30, scoreWeights: null },
      after: { targetRatio: 0.3, matchingDeadline: '2026-11-26', winterVacationStart: '2027-01-15', winterVacationEnd: '2027-02-20', logWindowDays: 14, scoreWeights: { hours: 1, days: 1 } },
    });

    // The same values again: nothing written, no audit row.
    const again = await loop.h.click(ACCOUNTS.schoolAdmin, save, { formValue: form({ targetRatio: '0.3', matchingDeadline: '2026-11-26', winterVacationStart: '2027-01-15', winterVacationEnd: '2027-02-20', logWindowDays: '14', scoreWeights: '{"hours":1,"days":1}' }) });
    expect(again.body.toast).toEqual({ type: 'info', content: t('settings.noChange') });
    expect(audits(loop, 'program.settings')).toHaveLength(1);
  });

  it('refuses bad values with a message and changes nothing', async () => {
    loop = await startLoop();
    const save = button(await settingsCard(loop), 'settings.save');
    const before = program(loop.h);
    const cases: [Record<string, string>, string][] = [
      [{ endsOn: '2026-09-01' }, t('settings.endBeforeStart')],
      [{ targetRatio: '0' }, t('settings.badRatio')],
      [{ targetRatio: '1.5' }, t('settings.badRatio')],
      [{ targetRatio: '百分之二十五' }, t('settings.badRatio')],
      [{ pairingDeadline: '2027-11-11' }, t('settings.deadlineOutside', { field: t('settings.pairingDeadline'), date: '2027-11-11', start: '2026-10-01', end: '2027-09-30' })],
      [{ matchingDeadline: '2026-02-30' }, t('settings.badDate', { field: t('settings.matchingDeadline') })],
      [{ scoreWeights: '{"hours":-1}' }, t('settings.badWeights')],
      [{ scoreWeights: '{"luck":1}' }, t('settings.badWeights')],
      [{ scoreWeights: 'hours=1' }, t('settings.badWeights')],
      [{ scoreWeights: '{"hours":0}' }, t('settings.badWeights')],
      [{ winterVacationStart: '2027-01-15' }, t('settings.vacationPair', { start: t('settings.winterStart'), end: t('settings.winterEnd') })],
      [{ logWindowDays: '0' }, t('settings.badWindow')],
      [{ periodMode: 'holiday' }, t('settings.badMode')],
    ];
    for (const [patch, message] of cases) {
      const res = await loop.h.click(ACCOUNTS.schoolAdmin, save, { formValue: form({ targetRatio: '0.5', ...patch }) });
      expect(res.body, JSON.stringify(patch)).toEqual({ toast: { type: 'error', content: message } });
    }
    expect(program(loop.h)).toEqual(before);
    expect(audits(loop, 'program.settings')).toHaveLength(0);
  });

  it('a forwarded card clicked by a 团总支 or a student changes nothing', async () => {
    loop = await startLoop();
    const save = button(await settingsCard(loop), 'settings.save');
    for (const who of [ACCOUNTS.collegeAdmin, ACCOUNTS.student]) {
      const res = await loop.h.click(who, save, { formValue: form({ targetRatio: '0.9' }) });
      expect(res.body.toast?.type).toBe('error');
    }
    expect(program(loop.h).targetRatio).toBe(0.25);
  });
});

describe('starting the next program year', () => {
  const DAY = 24 * 3600_000;
  const years = (l: Loop) => l.h.bot.db.select().from(programYears).orderBy(asc(programYears.id)).all().map((y) => [y.name, y.isCurrent]);

  it('asks first; on confirmation schedules the next year for its start date, keeping the current one and its logs', async () => {
    loop = await startLoop();
    insertLog(loop.h, loop.m.student, { hours: 2, status: 'approved' });
    const old = program(loop.h);
    const start = button(await settingsCard(loop), 'settings.nextYear');

    // Others are refused; the 团委 gets the confirmation, and nothing is created yet.
    expect((await loop.h.click(ACCOUNTS.collegeAdmin, start)).body.toast?.type).toBe('error');
    const confirm = answerCard(await loop.h.click(ACCOUNTS.schoolAdmin, start));
    expect(cardText(confirm)).toContain(t('settings.nextYearConfirm', { name: '2027-2028', start: '2027-10-01', end: '2028-09-30', old: '2026-2027', oldEnd: '2027-09-30' }));
    expect(years(loop)).toEqual([['2026-2027', true]]);
    // 返回设置 goes back without doing anything.
    expect(cardText(answerCard(await loop.h.click(ACCOUNTS.schoolAdmin, button(confirm, 'settings.show'))))).toContain(t('settings.nextYearNote'));
    expect(years(loop)).toEqual([['2026-2027', true]]);

    const done = await loop.h.click(ACCOUNTS.schoolAdmin, button(confirm, 'settings.nextYearConfirm'));
    expect(done.body.toast).toEqual({ type: 'success', content: t('settings.nextYearDone', { name: '2027-2028', start: '2027-10-01', end: '2028-09-30', old: '2026-2027', oldEnd: '2027-09-30' }) });
    expect(cardText(done.body.card.data)).toContain(t('settings.nextScheduled', { name: '2027-2028', start: '2027-10-01', end: '2028-09-30' }));
    expect(years(loop)).toEqual([['2026-2027', true], ['2027-2028', false]]);
    const created = loop.h.bot.db.select().from(programYears).where(eq(programYears.name, '2027-2028')).get()!;
    expect(created).toMatchObject({ startsOn: '2027-10-01', endsOn: '2028-09-30', pairingDeadline: '2027-11-11', matchingDeadline: '2027-11-19', targetRatio: old.targetRatio, periodMode: 'auto' });
    expect(audits(loop, 'program.nextYear')).toHaveLength(1);

    // The current year goes on: a log today is still this year's.
    expect(program(loop.h).id).toBe(old.id);
    const reply = await loop.h.say(ACCOUNTS.student, '/记录 实事 2小时 在幸福社区给小朋友辅导作业');
    expect(said(reply)).toContain('✅ 已记录');
    expect(loop.h.bot.db.select().from(serviceLogs).all().map((l) => l.programYearId)).toEqual([old.id, old.id]);

    // The same confirmation again: refused, no third year.
    const again = await loop.h.click(ACCOUNTS.schoolAdmin, button(confirm, 'settings.nextYearConfirm'));
    expect(again.body).toEqual({ toast: { type: 'error', content: t('settings.nextYearTaken', { name: '2027-2028' }) } });
    expect(years(loop)).toHaveLength(2);
  });

  it('after the rollover, a late log of the old year\'s last days still counts for the old year', async () => {
    loop = await startLoop();
    const { h } = loop;
    const old = program(h);
    const confirm = answerCard(await h.click(ACCOUNTS.schoolAdmin, button(await settingsCard(loop), 'settings.nextYear')));
    await h.click(ACCOUNTS.schoolAdmin, button(confirm, 'settings.nextYearConfirm'));
    h.clock.advance(311 * DAY); // 2027-10-02
    const reply = await h.say(ACCOUNTS.student, '/记录 实事 2小时 9月29日在幸福社区给小朋友辅导作业');
    expect(said(reply)).toContain('✅ 已记录：2027-09-29');
    expect(program(h).name).toBe('2027-2028');
    expect(h.bot.db.select().from(serviceLogs).all().map((l) => [l.serviceDate, l.programYearId])).toEqual([['2027-09-29', old.id]]);
  });

  it('can be undone before it starts', async () => {
    loop = await startLoop();
    const confirm = answerCard(await loop.h.click(ACCOUNTS.schoolAdmin, button(await settingsCard(loop), 'settings.nextYear')));
    const done = await loop.h.click(ACCOUNTS.schoolAdmin, button(confirm, 'settings.nextYearConfirm'));
    // Asks first; 返回设置 changes nothing.
    const ask = answerCard(await loop.h.click(ACCOUNTS.schoolAdmin, button(done.body.card.data, 'settings.undoYear')));
    expect(cardText(ask)).toContain(t('settings.undoNextYearConfirm', { name: '2027-2028' }));
    expect(years(loop)).toEqual([['2026-2027', true], ['2027-2028', false]]);
    const undo = await loop.h.click(ACCOUNTS.schoolAdmin, button(ask, 'settings.undoYearConfirm'));
    expect(undo.body.toast).toEqual({ type: 'success', content: t('settings.undone', { name: '2027-2028' }) });
    expect(years(loop)).toEqual([['2026-2027', true]]);
    expect(audits(loop, 'program.nextYearUndo')).toHaveLength(1);
  });

  it('takes effect by itself when the current year has ended, is announced once in the 团委 group, and can be undone until its first log', async () => {
    loop = await startLoop();
    const { h } = loop;
    h.bot.db.insert(settings).values({ key: SCHOOL_CHAT_KEY, value: 'oc_school_group', updatedAt: h.clock.now() }).run();
    const old = program(h);
    const confirm = answerCard(await h.click(ACCOUNTS.schoolAdmin, button(await settingsCard(loop), 'settings.nextYear')));
    await h.click(ACCOUNTS.schoolAdmin, button(confirm, 'settings.nextYearConfirm'));

    // 2027-09-30, the old year's last day: nothing changes, nothing is announced.
    h.clock.advance(309 * DAY);
    await h.bot.scheduler.runNow('programRollover');
    await h.bot.outbox.drain();
    expect(program(h).id).toBe(old.id);
    // 2027-10-01: the new year is current; two runs announce it once.
    h.clock.advance(DAY);
    await h.bot.scheduler.runNow('programRollover');
    await h.bot.scheduler.runNow('programRollover');
    await h.bot.outbox.drain();
    expect(years(loop)).toEqual([['2026-2027', false], ['2027-2028', true]]);
    const told = h.fake.messages.filter((m) => m.kind === 'send' && m.receiveId === 'oc_school_group');
    expect(told.map((m) => m.content.text)).toEqual([t('settings.rolledOver', { name: '2027-2028', start: '2027-10-01', end: '2028-09-30', old: '2026-2027' })]);

    // No log yet: the settings card offers to go back, and going back works.
    const card = await settingsCard(loop);
    expect(cardText(card)).toContain(t('settings.undoThisYearNote', { name: '2026-2027' }));
    const ask = answerCard(await h.click(ACCOUNTS.schoolAdmin, button(card, 'settings.undoYear')));
    expect(cardText(ask)).toContain(t('settings.undoThisYearConfirm', { name: '2027-2028', back: '2026-2027', end: '2027-09-30' }));
    const undo = await h.click(ACCOUNTS.schoolAdmin, button(ask, 'settings.undoYearConfirm'));
    expect(undo.body.toast.content).toBe(t('settings.undoneBack', { name: '2027-2028', current: '2026-2027' }));
    expect(years(loop)).toEqual([['2026-2027', true]]);

    // Started again and in use: the first log ends the chance to undo.
    const confirm2 = answerCard(await h.click(ACCOUNTS.schoolAdmin, button(await settingsCard(loop), 'settings.nextYear')));
    await h.click(ACCOUNTS.schoolAdmin, button(confirm2, 'settings.nextYearConfirm'));
    const current = program(h);
    expect(current.name).toBe('2027-2028');
    insertLog(h, loop.m.student, { hours: 1, status: 'pending' });
    expect(cardText(await settingsCard(loop))).not.toContain(t('settings.undoThisYear', { name: '2026-2027' }));
    const refused = await h.click(ACCOUNTS.schoolAdmin, envelope('settings.undoYearConfirm', { n: current.id }));
    expect(refused.body).toEqual({ toast: { type: 'error', content: t('settings.undoInUse', { name: '2027-2028' }) } });
    expect(program(h).id).toBe(current.id);
    // An old card naming an old year deletes nothing.
    const stale = await h.click(ACCOUNTS.schoolAdmin, envelope('settings.undoYearConfirm', { n: old.id }));
    expect(stale.body).toEqual({ toast: { type: 'error', content: t('settings.stale') } });
    expect(years(loop)).toEqual([['2026-2027', false], ['2027-2028', true]]);
  });
});
