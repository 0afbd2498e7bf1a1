/**
 * `/优秀案例 记录 <编号> <引语>` or `/优秀案例 总结 <编号> <引语>` (PRODUCT.md §6): marks an
 * approved service log or a submitted quarterly report as an excellent case and announces it
 * once in every bound college group (through the outbox, one uuid per case and group).
 * `/优秀案例` alone opens a picker listing the latest approved logs and submitted reports with
 * their numbers, and a form to mark one.
 */
import { z } from 'zod';
import type { BaseContext } from '../src/bot/context.js';
import type { Member } from '../src/db/schema/index.js';
import { defineAction, defineCommand } from '../src/bot/define.js';
import { UserError } from '../src/bot/errors.js';
import { rawCard, toast } from '../src/bot/router.js';
import { caseCard, casePick, casePickerCard } from '../src/cards/reports.js';
import { caseCandidates, CITATION_MAX, markCase } from '../src/domain/cases.js';
import { enqueue } from '../src/jobs/outboxRows.js';
import { t } from '../src/text/zh-CN.js';

const KINDS: Record<string, 'log' | 'report'> = { 记录: 'log', log: 'log', 总结: 'report', report: 'report' };

/** Outbox uuid of a case's announcement in one college group (≤ 50 characters). */
const caseUuid = (caseId: number, collegeId: number) => `case:${caseId}:college:${collegeId}`;

const caseInput = z.object({
  kind: z.enum(['log', 'report'], t('case.badKind')),
  id: z.coerce.number(t('case.usage')).int(t('case.usage')).positive(t('case.usage')),
  citation: z.string().trim().min(1, t('case.citationRequired')).max(CITATION_MAX, t('case.citationTooLong')),
});

/** Marks the case and enqueues its announcement to every bound college group, in one transaction. */
function mark(ctx: BaseContext<Member>, input: z.infer<typeof caseInput>): number {
  const { groups } = markCase(ctx.db, ctx.member, input, ctx.clock.now(), (tx, c, subject, group) => {
    const card = caseCard({ ...subject, citation: c.citation });
    enqueue(tx, { to: { chatId: group.chatId }, message: { card }, uuid: caseUuid(c.id, group.collegeId) }, ctx.clock.now());
  });
  ctx.log.info({ eventId: ctx.eventId, kind: input.kind, id: input.id, groups }, 'excellent case marked');
  return groups;
}

const onCasePick = defineAction(casePick, {
  audience: 'college_admin',
  async run(ctx) {
    const [kind, id] = String(ctx.form.subject ?? '').split(':');
    if (!kind || !id) return toast('error', t('case.pickSubjectRequired'));
    const parsed = caseInput.safeParse({ kind, id, citation: typeof ctx.form.citation === 'string' ? ctx.form.citation : '' });
    if (!parsed.success) return toast('error', parsed.error.issues[0]?.message ?? t('case.usage'));
    const groups = mark(ctx, parsed.data);
    const note = t('case.marked', { groups });
    return { toast: { type: 'success', content: note }, card: rawCard(casePickerCard({ candidates: caseCandidates(ctx.db, ctx.member, ctx.program.id), note })) };
  },
});

export const command = defineCommand({
  name: 'case',
  aliases: ['优秀案例'],
  summary: 'cmd.case.summary',
  example: 'cmd.case.example',
  audience: 'college_admin',
  // Without arguments: the picker, with the numbers to choose from.
  args: z.discriminatedUnion('kind', [z.object({ kind: z.literal('pick') }), caseInput.extend({ kind: z.literal('log') }), caseInput.extend({ kind: z.literal('report') })], { error: t('case.badKind') }),
  parse(rest) {
    if (!rest.trim()) return { kind: 'pick' };
    const [kind = '', id = '', ...words] = rest.trim().split(/\s+/);
    return { kind: KINDS[kind.toLowerCase()] ?? kind, id: /^#?\d+$/.test(id) ? id.replace('#', '') : 'x', citation: words.join(' ') };
  },
  async run(ctx, input) {
    if (input.kind === 'pick') {
      // The picker names students and quotes their logs: private chat only.
      if (ctx.chat.type !== 'p2p') throw new UserError('error.privateOnly', { command: '优秀案例' });
      return ctx.reply({ card: casePickerCard({ candidates: caseCandidates(ctx.db, ctx.member, ctx.program.id) }) });
    }
    await ctx.reply(t('case.marked', { groups: mark(ctx, input) }));
  },
});

export const actions = [onCasePick];
