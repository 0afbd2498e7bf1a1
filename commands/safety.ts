/**
 * `/安全预案 [内容|清除]` (PRODUCT.md §8, the notice's 安全预案 for online service): the 团委 sets
 * the text every student sees on an online check-in; without text it shows the current one.
 */
import { z } from 'zod';
import { defineCommand } from '../src/bot/define.js';
import { SAFETY_PLAN_MAX, safetyPlan, setSafetyPlan } from '../src/domain/settings.js';
import { t } from '../src/text/zh-CN.js';

export const command = defineCommand({
  name: 'safety',
  aliases: ['安全预案'],
  summary: 'cmd.safety.summary',
  example: 'cmd.safety.example',
  audience: 'school_admin',
  args: z.object({ text: z.string().trim().max(SAFETY_PLAN_MAX, t('safety.tooLong')).optional() }),
  parse: (rest) => ({ text: rest.trim() || undefined }),
  async run(ctx, { text }) {
    if (!text) {
      const plan = safetyPlan(ctx.db);
      return ctx.reply(plan ? t('safety.current', { plan }) : t('safety.none'));
    }
    const clear = text === '清除';
    setSafetyPlan(ctx.db, ctx.member, clear ? null : text, ctx.clock.now());
    await ctx.reply(t(clear ? 'safety.cleared' : 'safety.saved'));
  },
});

export const actions = [];
