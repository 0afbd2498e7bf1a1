/**
 * `/优秀案例 记录 <编号> <引语>` or `/优秀案例 总结 <编号> <引语>` (PRODUCT.md §6): marks an
 * approved service log or a submitted quarterly report as an excellent case and announces it
 * once in every bound college group (through the outbox, one uuid per case and group).
 */
import { z } from 'zod';
import { defineCommand } from '../src/bot/define.js';
import { caseCard } from '../src/cards/reports.js';
import { CITATION_MAX, markCase } from '../src/domain/cases.js';
import { enqueue } from '../src/jobs/outboxRows.js';
import { t } from '../src/text/zh-CN.js';

const KINDS: Record<string, 'log' | 'report'> = { 记录: 'log', log: 'log', 总结: 'report', report: 'report' };

/** Outbox uuid of a case's announcement in one college group (≤ 50 characters). */
const caseUuid = (caseId: number, collegeId: number) => `case:${caseId}:college:${collegeId}`;

export const command = defineCommand({
  name: 'case',
  aliases: ['优秀案例'],
  summary: 'cmd.case.summary',
  example: 'cmd.case.example',
  audience: 'college_admin',
  args: z.object({
    kind: z.enum(['log', 'report'], t('case.badKind')),
    id: z.coerce.number(t('case.usage')).int(t('case.usage')).positive(t('case.usage')),
    citation: z.string().trim().min(1, t('case.citationRequired')).max(CITATION_MAX, t('case.citationTooLong')),
  }),
  parse(rest) {
    const [kind = '', id = '', ...words] = rest.trim().split(/\s+/);
    return { kind: KINDS[kind.toLowerCase()] ?? kind, id: /^#?\d+$/.test(id) ? id.replace('#', '') : 'x', citation: words.join(' ') };
  },
  async run(ctx, input) {
    const { groups } = markCase(ctx.db, ctx.member, input, ctx.clock.now(), (tx, c, subject, group) => {
      const card = caseCard({ ...subject, citation: c.citation });
      enqueue(tx, { to: { chatId: group.chatId }, message: { card }, uuid: caseUuid(c.id, group.collegeId) }, ctx.clock.now());
    });
    ctx.log.info({ eventId: ctx.eventId, kind: input.kind, id: input.id, groups }, 'excellent case marked');
    await ctx.reply(t('case.marked', { groups }));
  },
});

export const actions = [];
