import { z } from 'zod';
import { overviewRefresh } from '../src/cards/tracking.js';
import { defineAction, defineCommand } from '../src/bot/define.js';
import { overviewCard } from '../src/cards/tracking.js';
import { schoolOverview } from '../src/domain/metrics/index.js';

/** 刷新 on the overview; the router already refused anyone below 团委, whatever card they hold. */
const onOverviewRefresh = defineAction(overviewRefresh, {
  audience: 'school_admin',
  async run(ctx) {
    return { card: { type: 'raw', data: overviewCard(schoolOverview(ctx.db, ctx.program.id, ctx.when)) } };
  },
});

/** `/全校`: every college side by side for the 团委, best coverage first, those below target marked. */
export const command = defineCommand({
  name: 'overview',
  aliases: ['全校'],
  summary: 'cmd.overview.summary',
  example: 'cmd.overview.example',
  audience: 'school_admin',
  args: z.object({}),
  parse: () => ({}),
  async run(ctx) {
    await ctx.reply({ card: overviewCard(schoolOverview(ctx.db, ctx.program.id, ctx.when)) });
  },
});

export const actions = [onOverviewRefresh];
