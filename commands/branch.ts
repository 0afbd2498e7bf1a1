import { z } from 'zod';
import { branchRefresh } from '../src/cards/branch.js';
import { defineAction, defineCommand } from '../src/bot/define.js';
import { toast } from '../src/bot/router.js';
import { branchCard } from '../src/cards/branch.js';
import { branchRef, branchStatus, mayViewBranch, resolveBranch } from '../src/domain/branchStatus.js';
import { UserError } from '../src/domain/errors.js';
import { t } from '../src/text/zh-CN.js';

/** 刷新 on a dashboard: re-read for whoever clicked, if they may see that branch (a forwarded card proves nothing). */
const onBranchRefresh = defineAction(branchRefresh, {
  audience: 'secretary',
  async run(ctx, { b }) {
    const branch = branchRef(ctx.db, b);
    if (!branch) throw new UserError('branch.gone');
    if (!mayViewBranch(ctx.member, branch)) return toast('error', t('error.actionForbidden'));
    return { card: { type: 'raw', data: branchCard(branchStatus(ctx.db, branch, ctx.program, ctx.when)) } };
  },
});

/** `/支部 [团支部]`: the dashboard of the secretary's branch, or of a named branch in an admin's scope. */
export const command = defineCommand({
  name: 'branch',
  aliases: ['支部'],
  summary: 'cmd.branch.summary',
  summaryFor: { secretary: 'cmd.branch.secretary.summary', college_admin: 'cmd.branch.college_admin.summary', school_admin: 'cmd.branch.school_admin.summary' },
  example: 'cmd.branch.example',
  audience: 'secretary',
  answer: 'private',
  args: z.object({ name: z.string().trim().max(60, t('branch.nameTooLong')).optional() }),
  parse: (rest) => ({ name: rest || undefined }),
  async run(ctx, { name }) {
    const branch = resolveBranch(ctx.db, ctx.member, name || undefined);
    await ctx.reply({ card: branchCard(branchStatus(ctx.db, branch, ctx.program, ctx.when)) });
  },
});

export const actions = [onBranchRefresh];
