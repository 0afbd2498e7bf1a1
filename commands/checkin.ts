import { z } from 'zod';
import { checkinCheckout } from '../src/cards/logs.js';
import { defineAction, defineCommand } from '../src/bot/define.js';
import { formCommunities, formProjects } from '../src/app/submitLog.js';
import { checkinReceiptCard, logFormCard } from '../src/cards/logs.js';
import { checkIn, checkinTime, checkOut } from '../src/domain/checkins.js';
import { safetyPlan } from '../src/domain/settings.js';
import { formatDateTime } from '../src/time.js';
import { t } from '../src/text/zh-CN.js';

const onCheckout = defineAction(checkinCheckout, {
  audience: 'student',
  async run(ctx, { c }) {
    const out = checkOut(ctx.db, c, ctx.member, ctx.when);
    const { checkin } = out;
    const mode = checkin.kind === 'online' ? ('online' as const) : ('offline' as const);
    // The check-in's community is preselected, so the dropdown must offer it: formCommunities
    // puts it right after the paired one, however long ago the student last used it.
    const communities = formCommunities(ctx, checkin.communityId);
    if (out.kind === 'pastDay') {
      // Not timed: the form for that day, with the hours left for the student to fill in. It still
      // names the check-in, so the log is linked to it (self-reported: an open check-in has no
      // timing, commands/log.ts) and the 签退 button gives no second form once it is submitted.
      const intro = t('checkin.pastDay', { site: checkin.siteName, date: checkin.checkinDate });
      const prefill = { date: checkin.checkinDate, communityId: checkin.communityId ?? undefined, mode };
      return { card: { type: 'raw', data: logFormCard({ prefill, communities, projects: formProjects(ctx), checkinId: checkin.id, intro }) } };
    }
    const intro = t('checkin.checkedOut', {
      site: checkin.siteName,
      from: formatDateTime(checkin.checkedInAt, ctx.timeZone).slice(11),
      to: formatDateTime(checkin.checkedOutAt!, ctx.timeZone).slice(11),
      hours: out.hours,
    });
    const prefill = { date: checkin.checkinDate, hours: out.hours, communityId: checkin.communityId ?? undefined, mode };
    return { card: { type: 'raw', data: logFormCard({ prefill, communities, projects: formProjects(ctx), checkinId: checkin.id, intro }) } };
  },
});

export const command = defineCommand({
  name: 'checkin',
  aliases: ['报到'],
  summary: 'cmd.checkin.summary',
  example: 'cmd.checkin.example',
  audience: 'student',
  args: z.object({ site: z.string().trim().max(60, t('checkin.siteTooLong')).optional() }),
  parse: (rest) => ({ site: rest || undefined }),
  async run(ctx, { site }) {
    const { checkin, created } = checkIn(ctx.db, ctx.member, ctx.program, site, ctx.when);
    const time = checkinTime(checkin, ctx.timeZone);
    const note = created ? undefined : t('checkin.already', { site: checkin.siteName, time });
    // Online service comes with the 团委's 安全预案 (the notice: 做好安全预案以及突发情况的应对处置).
    const plan = checkin.kind === 'online' ? safetyPlan(ctx.db) : undefined;
    await ctx.reply({ card: checkinReceiptCard({ id: checkin.id, kind: t(`checkin.kind.${checkin.kind}`), site: checkin.siteName, time, note, safetyPlan: plan }) });
  },
});

export const actions = [onCheckout];
