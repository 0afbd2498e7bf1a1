import { z } from 'zod';
import { defineCommand } from '../src/bot/define.js';
import { weeklyDigests } from '../src/jobs/digest.js';

/**
 * `/周报`: the 团委 posts this week's digest now, e.g. before Monday 09:00 or after binding a new
 * group. It shares the scheduled run's claims, so a chat that already had this week's digest is
 * skipped rather than sent a second one, and the 09:00 run then skips the chats posted here.
 */
export const command = defineCommand({
  name: 'digest',
  aliases: ['周报'],
  summary: 'cmd.digest.summary',
  example: 'cmd.digest.example',
  audience: 'school_admin',
  args: z.object({}),
  parse: () => ({}),
  async run(ctx) {
    const outcome = await weeklyDigests(ctx, { force: true });
    if (outcome.reason === 'outside_year') return ctx.reply(ctx.t('digest.outsideYear', { start: ctx.program.startsOn, end: ctx.program.endsOn }));
    const attempted = outcome.posted.length + outcome.skipped.length + outcome.failed.length;
    if (attempted === 0) return ctx.reply(ctx.t('digest.noTargets'));
    const unbound = outcome.unbound.length ? ctx.t('digest.unbound', { count: outcome.unbound.length, colleges: outcome.unbound.join('、') }) : '';
    const failed = outcome.failed.length ? `\n${ctx.t('digest.doneFailed', { failed: outcome.failed.length })}` : '';
    await ctx.reply(ctx.t('digest.done', { week: outcome.week, posted: outcome.posted.length, skipped: outcome.skipped.length, unbound }) + failed);
  },
});

export const actions = [];
