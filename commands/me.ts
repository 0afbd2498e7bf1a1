import { z } from 'zod';
import type { BaseContext } from '../src/bot/context.js';
import type { Member } from '../src/db/schema/index.js';
import { meRefresh, logWithdraw } from '../src/cards/account.js';
import { defineAction, defineCommand } from '../src/bot/define.js';
import { toast } from '../src/bot/router.js';
import { meCard } from '../src/cards/account.js';
import { approvedBreakdown, hoursOf } from '../src/domain/hours.js';
import { recentLogs, withdrawLog } from '../src/domain/serviceLogs.js';
import { settleReviewCards } from '../src/app/review.js';
import { ITEMS, LOG_SOURCES } from '../src/db/schema/index.js';
import { unitOf } from '../src/domain/members.js';
import { teamNames } from '../src/domain/teams.js';
import { practiceLabel } from '../src/cards/logView.js';
import { formatDateTime } from '../src/time.js';
import type { CardJson } from '../src/feishu/api.js';

/** The /me card for whoever is acting — never for the person the card was first sent to. */
function myCard(ctx: BaseContext<Member>): CardJson {
  const member = ctx.member;
  const unit = unitOf(ctx.db, member);
  const hours = hoursOf(ctx.db, member.id, ctx.program.id);
  const breakdown = approvedBreakdown(ctx.db, member.id, ctx.program.id);
  const t = ctx.t;
  const items = ITEMS.filter((i) => breakdown.items[i]).map((i) => `${t(`item.${i}`)} ${breakdown.items[i]}`).join(' · ');
  const sources = LOG_SOURCES.filter((s) => breakdown.sources[s]).map((s) => `${t(`source.${s}`)} ${breakdown.sources[s]} 小时`).join(' · ');
  const logs = recentLogs(ctx.db, member.id);
  const teams = teamNames(ctx.db, logs.map((l) => l.teamId));
  const recent = logs.map((l) => {
    // The 三下乡 team or 返家乡 a vacation log names, after its status.
    const practice = practiceLabel({ team: teams.get(l.teamId ?? 0) ?? null, returnHome: l.returnHome });
    const line = t('me.recentLine', { date: l.serviceDate, item: t(`item.${l.item}`), hours: l.halfHours / 2, status: t(`status.${l.status}`) });
    return { id: l.id, pending: l.status === 'pending', line: practice ? `${line} · ${practice}` : line };
  });
  return meCard({
    name: member.name,
    role: ctx.t(`role.${member.role}`),
    unit: [unit.college, unit.branch].filter(Boolean).join(' · ') || '—',
    approvedHours: hours.approved,
    pendingHours: hours.pending,
    memberId: member.id,
    items,
    sources,
    recent,
    boundAt: member.boundAt ? formatDateTime(member.boundAt, ctx.timeZone) : null,
  });
}

const onMeRefresh = defineAction(meRefresh, {
  audience: 'student',
  async run(ctx, { m }) {
    // The card says whose it is; the database says who clicked. Someone else's card (e.g.
    // forwarded) is left as it is rather than overwritten with the clicker's data.
    if (ctx.member.id !== m) return toast('warning', ctx.t('me.notYours'));
    return { card: { type: 'raw', data: myCard(ctx) } };
  },
});

/** Withdraws a pending log from the /me card and shows the card again, updated. */
const onLogWithdraw = defineAction(logWithdraw, {
  audience: 'student',
  async run(ctx, { l }) {
    const log = withdrawLog(ctx.db, l, ctx.member, ctx.clock.now());
    await settleReviewCards(ctx, [log]);
    return { ...toast('success', ctx.t('log.withdrawn', { date: log.serviceDate, item: ctx.t(`item.${log.item}`), hours: log.halfHours / 2 })), card: { type: 'raw', data: myCard(ctx) } };
  },
});

export const command = defineCommand({
  name: 'me',
  aliases: ['我的'],
  summary: 'cmd.me.summary',
  example: 'cmd.me.example',
  audience: 'student',
  answer: 'private',
  args: z.object({}),
  parse: () => ({}),
  async run(ctx) {
    await ctx.reply({ card: myCard(ctx) });
  },
});

export const actions = [onMeRefresh, onLogWithdraw];
