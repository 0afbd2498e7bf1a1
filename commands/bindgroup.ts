import { z } from 'zod';
import { defineCommand } from '../src/bot/define.js';
import { UserError } from '../src/bot/errors.js';
import { bindGroup } from '../src/domain/groups.js';
import { t } from '../src/text/zh-CN.js';

const SCHOOL_GROUP = '全校';

export const command = defineCommand({
  name: 'bindgroup',
  aliases: ['绑定群'],
  summary: 'cmd.bindgroup.summary',
  example: 'cmd.bindgroup.example',
  audience: 'college_admin',
  where: 'group',
  args: z.object({ college: z.string().trim().max(60, t('bindgroup.tooLong')).optional() }),
  parse: (rest) => ({ college: rest || undefined }),
  async run(ctx, { college }) {
    const member = ctx.member;
    const outcome = bindGroup(ctx.db, { member, chatId: ctx.chat.id, target: college === SCHOOL_GROUP ? { school: true } : { college } }, ctx.clock.now());
    switch (outcome.kind) {
      case 'need_college':
        throw new UserError('bindgroup.needCollege');
      case 'unknown_college':
        throw new UserError('bindgroup.unknownCollege', { name: outcome.name });
      case 'not_your_college':
        throw new UserError('bindgroup.notYourCollege', { own: outcome.own });
      case 'school_only':
        throw new UserError('bindgroup.schoolOnly');
      case 'taken':
        throw new UserError('bindgroup.takenByOther', { other: outcome.other, name: outcome.name });
      case 'already':
        return ctx.reply(ctx.t('bindgroup.already', { name: outcome.name }));
      case 'moved':
        return ctx.reply(ctx.t('bindgroup.moved', { from: outcome.from, name: outcome.name }));
      case 'school':
        return ctx.reply(ctx.t('bindgroup.schoolDone'));
      case 'school_already':
        return ctx.reply(ctx.t('bindgroup.schoolAlready'));
      case 'bound':
        return ctx.reply(ctx.t('bindgroup.done', { name: outcome.name }));
    }
  },
});

export const actions = [];
