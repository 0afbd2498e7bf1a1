import { z } from 'zod';
import type { ActionContext, CommandContext } from '../src/bot/context.js';
import { bindSubmit } from '../src/cards/account.js';
import { defineAction, defineCommand } from '../src/bot/define.js';
import { UserError } from '../src/bot/errors.js';
import { toast } from '../src/bot/router.js';
import { bindFormCard } from '../src/cards/account.js';
import { bind } from '../src/domain/binding.js';
import { unitOf } from '../src/domain/members.js';
import { t } from '../src/text/zh-CN.js';

const bindArgs = z.union([
  z.object({ form: z.literal(true) }),
  z.object({
    studentNo: z.string().trim().regex(/^[A-Za-z0-9-]{1,32}$/, t('bind.badStudentNo')),
    name: z.string().trim().min(1, t('bind.badName')).max(40, t('bind.badName')),
  }),
]);

type Ctx = CommandContext | ActionContext;

/** Binds and returns the sentence to show; refusals are UserErrors. */
async function bindAndDescribe(ctx: Ctx, studentNo: string, name: string): Promise<string> {
  const outcome = bind(ctx.db, { openId: ctx.sender.openId, unionId: ctx.sender.unionId, studentNo, name, current: ctx.member }, ctx.clock.now());
  switch (outcome.kind) {
    case 'no_match':
      throw new UserError('bind.noMatch');
    case 'locked': {
      const alert = t('bind.lockAlert', { openId: ctx.sender.openId, count: outcome.failures });
      for (const admin of outcome.admins) await ctx.notify(admin.openId, alert);
      if (outcome.admins.length) ctx.log.warn({ eventId: ctx.eventId, failures: outcome.failures }, 'bind locked for an account after failed tries');
      throw new UserError('bind.locked');
    }
    case 'self_bound_other':
      throw new UserError('bind.selfAlreadyOther', { name: outcome.current.name });
    case 'already':
      return t('bind.already', { name: outcome.member.name, role: t(`role.${outcome.member.role}`) });
    case 'taken': {
      const unit = unitOf(ctx.db, outcome.entry);
      const alert = t('bind.adminAlert', {
        name: outcome.entry.name,
        studentNo: outcome.entry.studentNo,
        unit: [unit.college, unit.branch].filter(Boolean).join(' ') || '—',
        openId: ctx.sender.openId,
      });
      for (const admin of outcome.admins) await ctx.notify(admin.openId, alert);
      ctx.log.warn({ eventId: ctx.eventId, memberId: outcome.entry.id }, 'bind refused: entry bound to another account');
      throw new UserError('bind.takenByOther');
    }
    case 'bound': {
      const unit = unitOf(ctx.db, outcome.member);
      const where = [unit.college, unit.branch].filter(Boolean).join(' ');
      ctx.log.info({ eventId: ctx.eventId, memberId: outcome.member.id }, 'account bound');
      return t('bind.done', { name: outcome.member.name, role: t(`role.${outcome.member.role}`), unit: where ? `，${where}` : '' });
    }
  }
}

const onBindSubmit = defineAction(bindSubmit, {
  audience: 'anyone',
  async run(ctx) {
    const parsed = bindArgs.safeParse({ studentNo: String(ctx.form.student_no ?? ''), name: String(ctx.form.name ?? '') });
    if (!parsed.success || 'form' in parsed.data) return toast('error', parsed.error?.issues[0]?.message ?? t('bind.badName'));
    const message = await bindAndDescribe(ctx, parsed.data.studentNo, parsed.data.name);
    return toast('success', message);
  },
});

export const command = defineCommand({
  name: 'bind',
  aliases: ['绑定'],
  summary: 'cmd.bind.summary',
  listed: 'unbound',
  example: 'cmd.bind.example',
  audience: 'anyone',
  answer: 'private',
  args: bindArgs,
  parse(rest) {
    if (!rest) return { form: true };
    const [studentNo = '', ...name] = rest.split(/\s+/);
    return { studentNo, name: name.join('') };
  },
  async run(ctx, args) {
    if ('form' in args) return ctx.reply({ card: bindFormCard() });
    await ctx.reply(await bindAndDescribe(ctx, args.studentNo, args.name));
  },
});

export const actions = [onBindSubmit];
