/**
 * The program settings card of `/设置` (`/模式` without arguments): one form with every
 * setting of the current year, and the button that starts the next year.
 */
import { z } from 'zod';
import type { ProgramYear } from '../db/schema/index.js';
import type { CardJson } from '../feishu/api.js';
import { t, type PlainKey } from '../text/zh-CN.js';
import { card, datePicker, divider, form, input, markdown, select } from './primitives.js';
import { cardAction } from './action.js';

// The card actions these cards place (src/cards/action.ts); commands bind their handlers.
/** The year the card was built for; the router already checked the clicker is a 团委 admin. */
const yearRef = z.object({ y: z.number().int().positive() });
export const settingsSave = cardAction('settings.save', yearRef);
export const settingsNextYear = cardAction('settings.nextYear', yearRef);

export interface SettingsView {
  program: ProgramYear;
  /** The period today falls in, as worded for the user. */
  period: string;
  /** A line on top, e.g. what the last save did. */
  note?: string;
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
      markdown(t('settings.nextYearNote')),
      settingsNextYear.button(t('settings.nextYear'), y, 'danger'),
    ],
  });
}
