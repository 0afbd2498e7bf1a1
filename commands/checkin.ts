import { z } from 'zod';
import { checkinCheckout } from '../src/cards/logs.js';
import { defineAction, defineCommand } from '../src/bot/define.js';
import { formCommunities, formPractices, formProjects, practiceValue } from '../src/app/submitLog.js';
import { checkinReceiptCard, logFormCard } from '../src/cards/logs.js';
import { checkIn, checkinTime, checkOut, offeredTeam, practiceCheckIn, type PracticeChoice } from '../src/domain/checkins.js';
import { teamById } from '../src/domain/teams.js';
import type { BaseContext } from '../src/bot/context.js';
import type { Checkin, Member } from '../src/db/schema/index.js';
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
    // The 三下乡 team or 返家乡 the check-in named is carried to the log, preselected.
    const practice = { teamId: checkin.teamId, returnHome: checkin.returnHome };
    const practices = formPractices(ctx, checkin.checkinDate, practice);
    const named = practiceLine(ctx, checkin);
    if (out.kind === 'pastDay') {
      // Not timed: the form for that day, with the hours left for the student to fill in. It still
      // names the check-in, so the log is linked to it (self-reported: an open check-in has no
      // timing, commands/log.ts) and the 签退 button gives no second form once it is submitted.
      const intro = withPractice(t('checkin.pastDay', { site: checkin.siteName, date: checkin.checkinDate }), named);
      const prefill = { date: checkin.checkinDate, communityId: checkin.communityId ?? undefined, mode, practice: practiceValue(practice) };
      return { card: { type: 'raw', data: logFormCard({ prefill, communities, projects: formProjects(ctx), practices, checkinId: checkin.id, intro }) } };
    }
    const intro = withPractice(t('checkin.checkedOut', {
      site: checkin.siteName,
      from: formatDateTime(checkin.checkedInAt, ctx.timeZone).slice(11),
      to: formatDateTime(checkin.checkedOutAt!, ctx.timeZone).slice(11),
      hours: out.hours,
    }), named);
    const prefill = { date: checkin.checkinDate, hours: out.hours, communityId: checkin.communityId ?? undefined, mode, practice: practiceValue(practice) };
    return { card: { type: 'raw', data: logFormCard({ prefill, communities, projects: formProjects(ctx), practices, checkinId: checkin.id, intro }) } };
  },
});

/** The receipt's line naming the 三下乡 team or 返家乡, if the check-in has one. */
function practiceLine(ctx: Pick<BaseContext, 'db'>, c: Pick<Checkin, 'teamId' | 'returnHome'>): string | undefined {
  if (c.returnHome) return t('team.checkinHome');
  const team = teamById(ctx.db, c.teamId);
  return team ? t('team.checkinTeam', { name: team.name }) : undefined;
}

const withPractice = (intro: string, named: string | undefined) => (named ? `${intro}\n${named}` : intro);

/** `三下乡 [队名]`, `返家乡 [线上] 社区`, else a site: what follows /报到. */
const args = z.union([
  z.object({ practice: z.literal('team'), team: z.string().max(30, t('team.nameTooLong')).optional() }),
  z.object({ practice: z.literal('home'), online: z.boolean(), site: z.string().max(60, t('team.homeSiteTooLong')).optional() }),
  z.object({ practice: z.undefined().optional(), site: z.string().trim().max(60, t('checkin.siteTooLong')).optional() }),
]);

function parse(rest: string): unknown {
  const team = /^三下乡\s*([\s\S]*)$/.exec(rest);
  if (team) return { practice: 'team', team: team[1]!.trim() || undefined };
  const home = /^返家乡\s*(线上|云)?\s*([\s\S]*)$/.exec(rest);
  if (home) return { practice: 'home', online: home[1] !== undefined, site: home[2]!.trim() || undefined };
  return { site: rest || undefined };
}

type CheckinArgs = z.infer<typeof args>;

function choiceOf(a: CheckinArgs): PracticeChoice | undefined {
  if (a.practice === 'team') return { kind: 'team', team: a.team };
  if (a.practice === 'home') return { kind: 'home', site: a.site, online: a.online };
  return undefined;
}

function record(ctx: BaseContext<Member>, a: CheckinArgs) {
  const choice = choiceOf(a);
  if (choice) return practiceCheckIn(ctx.db, ctx.member, ctx.program, choice, ctx.when);
  return checkIn(ctx.db, ctx.member, ctx.program, a.practice === undefined ? a.site : undefined, ctx.when);
}

export const command = defineCommand({
  name: 'checkin',
  aliases: ['报到'],
  summary: 'cmd.checkin.summary',
  example: 'cmd.checkin.example',
  audience: 'student',
  args,
  parse,
  async run(ctx, a) {
    const { checkin, created } = record(ctx, a);
    const time = checkinTime(checkin, ctx.timeZone);
    // In a vacation, a member of exactly one 三下乡 team is told how to check in with it (never assumed).
    const offered = offeredTeam(ctx.db, ctx.member, ctx.program, checkin);
    const notes = [created ? undefined : t('checkin.already', { site: checkin.siteName, time }), offered && t('team.checkinHint', { name: offered.name })].filter(Boolean);
    // Online service comes with the 团委's 安全预案 (the notice: 做好安全预案以及突发情况的应对处置).
    const plan = checkin.kind === 'online' ? safetyPlan(ctx.db) : undefined;
    await ctx.reply({
      card: checkinReceiptCard({ id: checkin.id, kind: t(`checkin.kind.${checkin.kind}`), site: checkin.siteName, time, note: notes.join('\n') || undefined, practice: practiceLine(ctx, checkin), safetyPlan: plan }),
    });
  },
});

export const actions = [onCheckout];
