import { z } from 'zod';
import { defineCommand } from '../src/bot/define.js';
import { allows } from '../src/bot/roles.js';
import { helpCard } from '../src/cards/account.js';
import { unitOf } from '../src/domain/members.js';

export const command = defineCommand({
  name: 'help',
  aliases: ['帮助'],
  summary: 'cmd.help.summary',
  example: 'cmd.help.example',
  audience: 'anyone',
  args: z.object({}),
  parse: () => ({}),
  async run(ctx) {
    const { member, t } = ctx;
    const entries = ctx.registry.commands
      .filter((c) => allows(c.audience, member) && (c.listed !== 'unbound' || !member))
      .map((c) => ({ example: t(c.example), summary: t((member && c.summaryFor?.[member.role]) || c.summary) }));
    const unit = member ? unitOf(ctx.db, member) : null;
    const who = member ? [member.name, unit?.college, unit?.branch].filter(Boolean).join(' · ') : '';
    await ctx.reply({ card: helpCard({ role: member ? t(`role.${member.role}`) : null, who, entries }) });
  },
});

export const actions = [];
