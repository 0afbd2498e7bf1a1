import { z } from 'zod';
import { collegeRefresh } from '../src/cards/tracking.js';
import { defineAction, defineCommand } from '../src/bot/define.js';
import { toast } from '../src/bot/router.js';
import { collegeCard } from '../src/cards/tracking.js';
import { allColleges, collegeView, mayViewCollege, resolveCollege, type CollegeRef } from '../src/domain/metrics/index.js';
import { collegeReports } from '../src/domain/reports.js';
import { today } from '../src/time.js';
import type { BaseContext } from '../src/bot/context.js';
import { t } from '../src/text/zh-CN.js';

/** The college view with its quarterly reports, as of the update's time. */
function collegeViewCard(ctx: BaseContext, college: CollegeRef) {
  return collegeCard(collegeView(ctx.db, college, ctx.program.id, ctx.when), collegeReports(ctx.db, college.id, ctx.program, today(ctx.when)));
}

/** 刷新 on a college view: re-read for whoever clicked, if they may see that college (a forwarded card proves nothing). */
const onCollegeRefresh = defineAction(collegeRefresh, {
  audience: 'college_admin',
  async run(ctx, { c }) {
    const college = allColleges(ctx.db).find((x) => x.id === c);
    if (!college || !mayViewCollege(ctx.member, college.id)) return toast('error', t('error.actionForbidden'));
    return { card: { type: 'raw', data: collegeViewCard(ctx, college) } };
  },
});

/** `/学院 [学院]`: the 团总支's own college, or (团委) a named one, in the current program year. */
export const command = defineCommand({
  name: 'college',
  aliases: ['学院'],
  summary: 'cmd.college.summary',
  example: 'cmd.college.example',
  audience: 'college_admin',
  args: z.object({ name: z.string().trim().max(60, t('tracking.nameTooLong')).optional() }),
  parse: (rest) => ({ name: rest || undefined }),
  async run(ctx, { name }) {
    const college = resolveCollege(ctx.db, ctx.member, name || undefined);
    await ctx.reply({ card: collegeViewCard(ctx, college) });
  },
});

export const actions = [onCollegeRefresh];
