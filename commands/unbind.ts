/**
 * `/解绑 <学号> <原因>` (PRODUCT.md §8 "Accounts"): a school admin frees a roster entry from its
 * Feishu account — a student who changed account, a binding made by someone else. Audited with
 * the reason; the old account is told; the entry can then be bound again with /绑定. Private
 * chat only: the answer names the student.
 */
import { z } from 'zod';
import { defineCommand } from '../src/bot/define.js';
import { unbind } from '../src/domain/binding.js';
import { unitOf } from '../src/domain/members.js';
import { t } from '../src/text/zh-CN.js';

export const command = defineCommand({
  name: 'unbind',
  aliases: ['解绑'],
  summary: 'cmd.unbind.summary',
  example: 'cmd.unbind.example',
  audience: 'school_admin',
  where: 'p2p',
  args: z.object({
    studentNo: z.string().regex(/^[A-Za-z0-9-]{1,32}$/, t('unbind.badArgs')),
    reason: z.string().min(1, t('unbind.badArgs')).max(100, t('unbind.reasonTooLong')),
  }),
  parse(rest) {
    const [studentNo = '', ...reason] = rest.split(/\s+/);
    return { studentNo, reason: reason.join(' ').trim() };
  },
  async run(ctx, { studentNo, reason }) {
    const { member, previousOpenId } = unbind(ctx.db, { studentNo, reason, actor: ctx.member }, ctx.clock.now());
    ctx.log.info({ eventId: ctx.eventId, memberId: member.id }, 'account unbound');
    await ctx.notify(previousOpenId, t('unbind.notice', { name: member.name, reason }));
    const unit = unitOf(ctx.db, member);
    await ctx.reply(t('unbind.done', { name: member.name, unit: [unit.college, unit.branch].filter(Boolean).join(' ') || '—', reason }));
  },
});

export const actions = [];
