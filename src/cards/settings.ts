/**
 * The program settings card of `/设置` (`/模式` without arguments): one form with every
 * setting of the current year, and the button that starts the next year.
 */
import { z } from 'zod';
import type { ProgramYear } from '../db/schema/index.js';
import type { CardJson } from '../feishu/api.js';
import { t, type PlainKey } from '../text/zh-CN.js';
import { buttonRow, card, datePicker, divider, form, input, markdown, select, type Element } from './primitives.js';
import { cardAction } from './action.js';

// The card actions these cards place (src/cards/action.ts); commands bind their handlers.
/** The year the card was built for; the router already checked the clicker is a 团委 admin. */
const yearRef = z.object({ y: z.number().int().positive() });
export const settingsSave = cardAction('settings.save', yearRef);
/** Opens the confirmation of 「开始下一实践年度」; `settingsNextYearConfirm` starts it. */
export const settingsNextYear = cardAction('settings.nextYear', yearRef);
export const settingsNextYearConfirm = cardAction('settings.nextYearConfirm', yearRef);
/** Asks to confirm undoing the year `n` (scheduled, or current with no log yet); `settingsUndoYearConfirm` undoes it. */
export const settingsUndoYear = cardAction('settings.undoYear', z.object({ n: z.number().int().positive() }));
export const settingsUndoYearConfirm = cardAction('settings.undoYearConfirm', z.object({ n: z.number().int().positive() }));
/** Back from the confirmation to the settings card. */
export const settingsShow = cardAction('settings.show', yearRef);

export interface SettingsView {
  program: ProgramYear;
  /** The period today falls in, as worded for the user. */
  period: string;
  /** A line on top, e.g. what the last save did. */
  note?: string;
  /** The year started to follow this one, waiting for its start date. */
  next?: ProgramYear;
  /** The year before this one, when this one can still be undone (started by an admin, no log yet). */
  undoTo?: ProgramYear;
}

const MODES = ['auto', 'term', 'winter', 'summer', 'online'] as const;

/** The settings form; payloads carry the year's id so a card of a past year cannot change the current one. */
export function settingsCard(v: SettingsView): CardJson {
  const p = v.program;
  const y = { y: p.id };
  const date = (name: keyof ProgramYear & string, key: PlainKey) => datePicker(name, t(key), (p[name] as string | null) ?? undefined);
  return card({
    title: t('settings.title', { name: p.name }),
    template: 'indigo',
    elements: [
      ...(v.note ? [markdown(v.note)] : []),
      markdown(t('settings.intro', { mode: t(`mode.${p.periodMode}`), period: v.period })),
      form('settings', [
        select('periodMode', t('settings.mode'), MODES.map((m) => ({ value: m, label: t(`mode.${m}`) })), { initial: p.periodMode, required: true }),
        date('startsOn', 'settings.startsOn'),
        date('endsOn', 'settings.endsOn'),
        input('targetRatio', t('settings.targetRatio'), { required: true, maxLength: 6, value: String(p.targetRatio) }),
        date('pairingDeadline', 'settings.pairingDeadline'),
        date('projectListDeadline', 'settings.projectListDeadline'),
        date('matchingDeadline', 'settings.matchingDeadline'),
        date('winterVacationStart', 'settings.winterStart'),
        date('winterVacationEnd', 'settings.winterEnd'),
        date('summerVacationStart', 'settings.summerStart'),
        date('summerVacationEnd', 'settings.summerEnd'),
        input('logWindowDays', t('settings.logWindowDays'), { required: true, maxLength: 3, value: String(p.logWindowDays) }),
        input('scoreWeights', t('settings.scoreWeights'), { maxLength: 200, value: p.scoreWeights ? JSON.stringify(p.scoreWeights) : undefined, placeholder: '{"hours":0.4,"days":0.2,"rating":0.2,"feedback":0.2}' }),
      ], [settingsSave.submit('save', t('settings.save'), y)]),
      divider(),
      ...nextYearPart(v),
    ],
  });
}

/** The foot of the settings card: start the next year, or what is scheduled and how to undo it. */
function nextYearPart(v: SettingsView): Element[] {
  if (v.next) {
    return [
      markdown(t('settings.nextScheduled', { name: v.next.name, start: v.next.startsOn, end: v.next.endsOn })),
      settingsUndoYear.button(t('settings.undoNextYear'), { n: v.next.id }, 'danger'),
    ];
  }
  const undo = v.undoTo
    ? [markdown(t('settings.undoThisYearNote', { name: v.undoTo.name })), settingsUndoYear.button(t('settings.undoThisYear', { name: v.undoTo.name }), { n: v.program.id }, 'danger')]
    : [];
  return [...undo, markdown(t('settings.nextYearNote')), settingsNextYear.button(t('settings.nextYear'), { y: v.program.id }, 'danger')];
}

/** What starting the next year will do, before it is done. */
export function nextYearConfirmCard(v: { current: ProgramYear; next: Pick<ProgramYear, 'name' | 'startsOn' | 'endsOn'> }): CardJson {
  const y = { y: v.current.id };
  return card({
    title: t('settings.nextYearConfirmTitle'),
    template: 'orange',
    elements: [
      markdown(t('settings.nextYearConfirm', { name: v.next.name, start: v.next.startsOn, end: v.next.endsOn, old: v.current.name, oldEnd: v.current.endsOn })),
      buttonRow([settingsNextYearConfirm.button(t('settings.nextYearConfirmButton'), y, 'danger'), settingsShow.button(t('settings.back'), y)]),
    ],
  });
}

/** What undoing a year does, before it is done. */
export function undoYearConfirmCard(v: { year: ProgramYear; current: ProgramYear; back?: ProgramYear }): CardJson {
  const text = v.year.isCurrent && v.back
    ? t('settings.undoThisYearConfirm', { name: v.year.name, back: v.back.name, end: v.back.endsOn })
    : t('settings.undoNextYearConfirm', { name: v.year.name });
  return card({
    title: t('settings.undoConfirmTitle'),
    template: 'orange',
    elements: [markdown(text), buttonRow([settingsUndoYearConfirm.button(t('settings.undoConfirmButton'), { n: v.year.id }, 'danger'), settingsShow.button(t('settings.back'), { y: v.current.id })])],
  });
}
