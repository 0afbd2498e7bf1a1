import { z } from 'zod';
import { logSubmit } from '../src/cards/logs.js';
import { defineAction, defineCommand } from '../src/bot/define.js';
import { formCommunity, formText } from '../src/bot/forms.js';
import { formCommunities, formPractices, formProjects, logFromText, practiceFromForm, submitLog } from '../src/app/submitLog.js';
import { card, escapeMd, markdown } from '../src/cards/primitives.js';
import { logFormCard } from '../src/cards/logs.js';
import type { Db } from '../src/db/client.js';
import { checkinById, hasLiveLog, timedHours } from '../src/domain/checkins.js';
import { UserError } from '../src/domain/errors.js';
import { NO_PRACTICE, type Practice } from '../src/domain/teams.js';
import type { Checkin } from '../src/db/schema/index.js';
import { today } from '../src/time.js';
import { t } from '../src/text/zh-CN.js';


/**
 * form_value → the draft the one log validation checks; nothing is trusted or defaulted silently.
 * A typed community name wins over the dropdown and must name exactly one known community (an
 * unknown or ambiguous name is refused here, before anything is stored); the dropdown's value is
 * still checked as a community id by the validation.
 */
function draftFromForm(db: Db, form: Record<string, unknown>) {
  const hours = formText(form.hours);
  return {
    date: formText(form.date)?.slice(0, 10), // the date picker sends "2026-11-20 +0800"
    item: formText(form.item),
    itemLabel: formText(form.item_label),
    area: formText(form.area),
    communityId: formCommunity(db, form, 'log.communityNotFound'),
    projectId: formText(form.project) === undefined ? undefined : Number(formText(form.project)),
    hours: hours === undefined ? undefined : Number(hours.replace(/小时|h$/i, '')),
    mode: formText(form.mode) ?? 'offline',
    description: formText(form.description),
  };
}

/**
 * The form's 三下乡/返家乡 choice; a check-out form without the dropdown keeps what the check-in
 * (re-read from the database) named. The one log validation judges either.
 */
function practiceOf(form: Record<string, unknown>, checkin: Checkin | undefined): Practice {
  const chosen = formText(form.practice);
  if (chosen !== undefined) return practiceFromForm(chosen);
  return checkin ? { teamId: checkin.teamId, returnHome: checkin.returnHome } : NO_PRACTICE;
}

const onLogSubmit = defineAction(logSubmit, {
  audience: 'student',
  async run(ctx, { c }) {
    const draft = draftFromForm(ctx.db, ctx.form);
    let origin: { source: 'timed' | 'self'; checkinId?: number } = { source: 'self' };
    // The check-in is re-read from the database: only its owner's closed, unlinked check-in counts as timed.
    const checkin = c === undefined ? undefined : checkinById(ctx.db, c);
    if (c !== undefined) {
      if (!checkin || checkin.memberId !== ctx.member.id) throw new UserError('checkin.notYours');
      if (hasLiveLog(ctx.db, checkin)) throw new UserError('checkin.alreadyOut');
      const timed = checkin.checkedOutAt ? timedHours(checkin.checkedOutAt - checkin.checkedInAt) : 0;
      // The timing is of the check-in's day: the form moved to another date is self-reported.
      const sameDay = draft.date === checkin.checkinDate;
      origin = { source: typeof draft.hours === 'number' && draft.hours <= timed && sameDay ? 'timed' : 'self', checkinId: c };
    }
    const { message } = await submitLog(ctx, { ...draft, ...practiceOf(ctx.form, checkin) }, origin);
    // The form is replaced by what was saved, so it cannot be submitted twice.
    return { toast: { type: 'success', content: t('log.submittedToast') }, card: { type: 'raw', data: card({ title: t('log.formTitle'), template: 'green', elements: [markdown(escapeMd(message))] }) } };
  },
});

export const command = defineCommand({
  name: 'log',
  aliases: ['记录'],
  summary: 'cmd.log.summary',
  example: 'cmd.log.example',
  audience: 'student',
  args: z.object({ text: z.string().max(2000, t('log.descriptionTooLong')) }),
  parse: (rest) => ({ text: rest }),
  async run(ctx, { text: rest }) {
    if (!rest) {
      await ctx.reply({ card: logFormCard({ prefill: { date: today(ctx.when), mode: 'offline' }, communities: formCommunities(ctx), projects: formProjects(ctx), practices: formPractices(ctx) }) });
      return;
    }
    await logFromText(ctx, rest, { plain: false });
  },
});

export const actions = [onLogSubmit];
