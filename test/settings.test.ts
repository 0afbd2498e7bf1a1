/**
 * Period mode and program settings (issue 5 points 5–6, PRODUCT.md §1/§6): /模式 by the 团委
 * changes what /报到 records, others are refused; the settings card saves valid values with an
 * audit row and refuses bad ones without changing anything; starting the next program year
 * keeps the old year and its logs.
 */
import { asc, eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { auditLog, programYears, serviceLogs } from '../src/db/schema/index.js';
import { t } from '../src/text/zh-CN.js';
import { insertLog } from './helpers/bot.js';
import { ACCOUNTS, answerCard, button, cardText, checkinsOf, field, program, said, startLoop, type Loop } from './helpers/loop.js';

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
  it('creates the next year shifted by one year, makes it current and keeps the old one and its logs', async () => {
    loop = await startLoop();
    insertLog(loop.h, loop.m.student, { hours: 2, status: 'approved' });
    const old = program(loop.h);
    const card = await settingsCard(loop);
    const next = button(card, 'settings.nextYear');

    const res = await loop.h.click(ACCOUNTS.collegeAdmin, next);
    expect(res.body.toast?.type).toBe('error');
    expect(program(loop.h).id).toBe(old.id);

    const done = await loop.h.click(ACCOUNTS.schoolAdmin, next);
    expect(done.body.toast.type).toBe('success');
    const years = loop.h.bot.db.select().from(programYears).orderBy(asc(programYears.id)).all();
    expect(years.map((y) => [y.name, y.isCurrent])).toEqual([['2026-2027', false], ['2027-2028', true]]);
    expect(years[1]).toMatchObject({ startsOn: '2027-10-01', endsOn: '2028-09-30', pairingDeadline: '2027-11-11', matchingDeadline: '2027-11-19', targetRatio: old.targetRatio, periodMode: 'auto' });
    expect(years[0]).toMatchObject({ ...old, isCurrent: false });
    expect(loop.h.bot.db.select().from(serviceLogs).all().map((l) => l.programYearId)).toEqual([old.id]);
    expect(audits(loop, 'program.nextYear')).toHaveLength(1);

    // The same (now stale) card again: refused, no third year.
    const again = await loop.h.click(ACCOUNTS.schoolAdmin, next);
    expect(again.body).toEqual({ toast: { type: 'error', content: t('settings.stale') } });
    expect(loop.h.bot.db.select().from(programYears).all()).toHaveLength(2);
  });
});
