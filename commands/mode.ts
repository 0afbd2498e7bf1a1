import { z } from 'zod';
import type { BaseContext } from '../src/bot/context.js';
import { nextYearConfirmCard, settingsNextYear, settingsNextYearConfirm, settingsSave, settingsShow, settingsUndoYear, settingsUndoYearConfirm, undoYearConfirmCard } from '../src/cards/settings.js';
import { defineAction, defineCommand } from '../src/bot/define.js';
import { settingsCard } from '../src/cards/settings.js';
import type { ProgramYear } from '../src/db/schema/index.js';
import { UserError } from '../src/domain/errors.js';
import { checkinKindFor, periodOn } from '../src/domain/period.js';
import { currentProgramYear, previousYear, scheduledYear } from '../src/domain/program.js';
import { currentYearById, MODE_WORDS, nextYearOf, parseSettingsForm, saveSettings, setPeriodMode, startNextProgramYear, undoableYear, undoNextProgramYear, yearInUse } from '../src/domain/settings.js';
import { today } from '../src/time.js';
import type { PlainKey } from '../src/text/zh-CN.js';
import { t } from '../src/text/zh-CN.js';

const LABELS: Record<string, PlainKey> = {
  startsOn: 'settings.startsOn', endsOn: 'settings.endsOn', pairingDeadline: 'settings.pairingDeadline',
  projectListDeadline: 'settings.projectListDeadline', matchingDeadline: 'settings.matchingDeadline',
  winterVacationStart: 'settings.winterStart', winterVacationEnd: 'settings.winterEnd',
  summerVacationStart: 'settings.summerStart', summerVacationEnd: 'settings.summerEnd',
};
const label = (field: string) => (LABELS[field] ? t(LABELS[field]) : field);

/** The settings card of the current year, with the year scheduled after it or the one it can go back to. */
function card(ctx: BaseContext, program: ProgramYear, note?: string) {
  const period = periodOn(program, today(ctx.when));
  const next = scheduledYear(ctx.db, program);
  const before = next ? undefined : previousYear(ctx.db, program);
  const undoTo = before && !yearInUse(ctx.db, program.id) ? before : undefined;
  return settingsCard({ program, period: t(`mode.${period}`), note, next, undoTo });
}


const onSettingsSave = defineAction(settingsSave, {
  audience: 'school_admin',
  async run(ctx, { y }) {
    const patch = parseSettingsForm(ctx.form, label);
    const { changed, program } = saveSettings(ctx.db, ctx.member, y, patch, ctx.clock.now());
    const note = changed ? t('settings.saved', { count: changed }) : t('settings.noChange');
    return { toast: { type: changed ? 'success' : 'info', content: note }, card: { type: 'raw', data: card(ctx, program, note) } };
  },
});

// 「开始下一实践年度」 asks first (PRODUCT.md §8): the confirmation says what changes and when.
const onSettingsNextYear = defineAction(settingsNextYear, {
  audience: 'school_admin',
  async run(ctx, { y }) {
    const current = currentYearById(ctx.db, y);
    if (scheduledYear(ctx.db, current)) return { card: { type: 'raw', data: card(ctx, current) } };
    return { card: { type: 'raw', data: nextYearConfirmCard({ current, next: nextYearOf(current) }) } };
  },
});

const onSettingsNextYearConfirm = defineAction(settingsNextYearConfirm, {
  audience: 'school_admin',
  async run(ctx, { y }) {
    const { old, created } = startNextProgramYear(ctx.db, ctx.member, y, ctx.clock.now());
    const note = t('settings.nextYearDone', { name: created.name, start: created.startsOn, end: created.endsOn, old: old.name, oldEnd: old.endsOn });
    return { toast: { type: 'success', content: note }, card: { type: 'raw', data: card(ctx, old, note) } };
  },
});

// Undoing a year asks first too: it deletes the year and its settings.
const onSettingsUndoYear = defineAction(settingsUndoYear, {
  audience: 'school_admin',
  async run(ctx, { n }) {
    const { year, current, before } = undoableYear(ctx.db, n);
    return { card: { type: 'raw', data: undoYearConfirmCard({ year, current, back: year.isCurrent ? before : undefined }) } };
  },
});

const onSettingsUndoYearConfirm = defineAction(settingsUndoYearConfirm, {
  audience: 'school_admin',
  async run(ctx, { n }) {
    const { undone, current } = undoNextProgramYear(ctx.db, ctx.member, n, ctx.clock.now());
    const note = current ? t('settings.undoneBack', { name: undone.name, current: current.name }) : t('settings.undone', { name: undone.name });
    const program = currentProgramYear(ctx.db, ctx.when);
    return { toast: { type: 'success', content: note }, card: { type: 'raw', data: card(ctx, program, note) } };
  },
});

const onSettingsShow = defineAction(settingsShow, {
  audience: 'school_admin',
  async run(ctx, { y }) {
    return { card: { type: 'raw', data: card(ctx, currentYearById(ctx.db, y)) } };
  },
});

/**
 * `/模式 寒假` switches the period mode at once (it decides what /报到 records); `/模式` or `/设置`
 * alone opens the settings card with every setting of the year, the mode among them.
 */
export const command = defineCommand({
  name: 'mode',
  aliases: ['模式', '设置'],
  summary: 'cmd.mode.summary',
  example: 'cmd.mode.example',
  audience: 'school_admin',
  args: z.object({ value: z.string().trim().max(10, t('mode.tooLong')).optional() }),
  parse: (rest) => ({ value: rest || undefined }),
  async run(ctx, { value }) {
    if (!value) return ctx.reply({ card: card(ctx, ctx.program) });
    const mode = MODE_WORDS[value] ?? (Object.values(MODE_WORDS).includes(value as never) ? (value as ProgramYear['periodMode']) : undefined);
    if (!mode) throw new UserError('mode.badValue', { value, values: Object.keys(MODE_WORDS).join('、') });
    const { before, after } = setPeriodMode(ctx.db, ctx.member, ctx.program.id, mode, ctx.clock.now());
    if (before.periodMode === after.periodMode) return ctx.reply(t('mode.unchanged', { after: t(`mode.${mode}`) }));
    const date = today(ctx.when);
    const period = periodOn(after, date);
    await ctx.reply(t('mode.done', {
      before: t(`mode.${before.periodMode}`), after: t(`mode.${mode}`), today: date, period: t(`mode.${period}`), kind: t(`checkin.kind.${checkinKindFor(period)}`),
    }));
  },
});

export const actions = [onSettingsSave, onSettingsNextYear, onSettingsNextYearConfirm, onSettingsUndoYear, onSettingsUndoYearConfirm, onSettingsShow];
