import { z } from 'zod';
import type { ActionContext } from '../src/bot/context.js';
import type { Member } from '../src/db/schema/index.js';
import { reviewApprove, reviewRejectAsk, reviewReject, reviewApproveAll, reviewConfirmLink } from '../src/cards/logs.js';
import { defineAction, defineCommand } from '../src/bot/define.js';
import { afterDecision, afterDecisionAgain } from '../src/app/review.js';
import { reviewCardNow } from '../src/app/reviewCards.js';
import { toast } from '../src/bot/router.js';
import { rejectReasonCard, reviewListCard } from '../src/cards/logs.js';
import type { ServiceLog } from '../src/db/schema/index.js';
import { UserError } from '../src/domain/errors.js';
import { viewOf } from '../src/app/logView.js';
import { decide, mayReview, pendingFor } from '../src/domain/review.js';
import { logById } from '../src/domain/serviceLogs.js';
import { confirmLinkCard } from '../src/cards/confirm.js';
import { confirmUrl, issueConfirmation, summaryOf } from '../src/domain/confirmations.js';
import { formatDateTime } from '../src/time.js';
import { withQrPng } from '../src/app/qr.js';
import { t } from '../src/text/zh-CN.js';

/** The most logs one /审核 card lists; reviewListCard shows fewer when their text would pass the card size limit. */
const LIST_SIZE = 10;
const rating = z.coerce.number().int().min(1).max(5).optional();

function listCard(ctx: ActionContext<Member>) {
  const { logs, total } = pendingFor(ctx.db, ctx.member, LIST_SIZE);
  return { type: 'raw' as const, data: reviewListCard(logs.map((l) => viewOf(ctx.db, l)), total) };
}

/** The answer to a decision: the clicked card settles in place (a list card re-lists what is left). */
function settled(ctx: ActionContext<Member>, log: ServiceLog, list: boolean, message: string) {
  return {
    toast: { type: 'success' as const, content: message },
    card: list ? listCard(ctx) : { type: 'raw' as const, data: reviewCardNow(ctx, log) },
  };
}

/**
 * The decision, or — when this reviewer took it already (a click replayed after a restart, a
 * second tap) — what follows a decision done again before the refusal, so a stop between the
 * decision and its notices loses nothing.
 */
async function decideOnce(ctx: ActionContext<Member>, logId: number, decision: Parameters<typeof decide>[3]): Promise<ServiceLog> {
  try {
    return decide(ctx.db, logId, ctx.member, decision, ctx.clock.now());
  } catch (err) {
    if (err instanceof UserError && err.key === 'review.already') await afterDecisionAgain(ctx, logId, ctx.member.id);
    throw err;
  }
}

const onApprove = defineAction(reviewApprove, {
  audience: 'secretary',
  async run(ctx, { l, list }) {
    const parsed = rating.safeParse(ctx.form.rating === '' ? undefined : ctx.form.rating);
    const log = await decideOnce(ctx, l, { kind: 'approve', rating: parsed.success ? parsed.data : undefined });
    await afterDecision(ctx, [log], ctx.messageId);
    return settled(ctx, log, !!list, t('review.approvedToast'));
  },
});

const onRejectAsk = defineAction(reviewRejectAsk, {
  audience: 'secretary',
  async run(ctx, { l }) {
    const log = logById(ctx.db, l);
    if (!log) throw new UserError('log.notFound');
    if (!mayReview(ctx.db, ctx.member, log)) throw new UserError('review.forbidden');
    if (log.status !== 'pending') throw new UserError('review.already', { status: t(`status.${log.status}`) });
    return { card: { type: 'raw', data: rejectReasonCard(viewOf(ctx.db, log)) } };
  },
});

const onReject = defineAction(reviewReject, {
  audience: 'secretary',
  async run(ctx, { l }) {
    const reason = typeof ctx.form.reason === 'string' ? ctx.form.reason : '';
    const log = await decideOnce(ctx, l, { kind: 'reject', reason });
    await afterDecision(ctx, [log], ctx.messageId);
    return settled(ctx, log, false, t('review.rejectedToast'));
  },
});

const onApproveAll = defineAction(reviewApproveAll, {
  audience: 'secretary',
  async run(ctx, { ids }) {
    const decided: ServiceLog[] = [];
    for (const id of ids.split(',').map(Number)) {
      try {
        decided.push(decide(ctx.db, id, ctx.member, { kind: 'approve' }, ctx.clock.now()));
      } catch (err) {
        // Decided meanwhile, withdrawn, or not this reviewer's: the rest still go through.
        if (!(err instanceof UserError)) throw err;
      }
    }
    await afterDecision(ctx, decided, ctx.messageId);
    return { toast: { type: 'success', content: t('review.bulkDone', { count: decided.length }) }, card: listCard(ctx) };
  },
});

/**
 * 生成社区确认链接 on a review card: a signed, expiring, single-use link and its QR code,
 * sent privately to the reviewer who clicked, to pass on to the community contact.
 */
const onConfirmLink = defineAction(reviewConfirmLink, {
  audience: 'secretary',
  async run(ctx, { l }) {
    const settings = ctx.confirm;
    if (!settings) throw new UserError('confirm.unavailable');
    const log = logById(ctx.db, l);
    if (!log) throw new UserError('log.notFound');
    // The card may have been forwarded: the clicker is judged from the database, not the card.
    if (!mayReview(ctx.db, ctx.member, log)) throw new UserError('review.forbidden');
    const { token, expiresAt } = issueConfirmation(ctx.db, log.id, settings.secret, ctx.clock.now(), undefined, ctx.member);
    const url = confirmUrl(settings, token);
    const { imageKey } = await withQrPng(url, (path) => ctx.feishu.uploadImage({ path }));
    const card = confirmLinkCard({ url, imageKey, summary: summaryOf(ctx.db, log), expires: formatDateTime(expiresAt, ctx.timeZone) });
    await ctx.notify(ctx.sender.openId, { card });
    ctx.log.info({ eventId: ctx.eventId, logId: log.id }, 'community confirmation link issued');
    return toast('success', t('confirm.sentToast'));
  },
});

export const command = defineCommand({
  name: 'review',
  aliases: ['审核'],
  summary: 'cmd.review.summary',
  summaryFor: { college_admin: 'cmd.review.college_admin.summary', school_admin: 'cmd.review.school_admin.summary' },
  example: 'cmd.review.example',
  audience: 'secretary',
  answer: 'private',
  args: z.object({}),
  parse: () => ({}),
  async run(ctx) {
    const { logs, total } = pendingFor(ctx.db, ctx.member, LIST_SIZE);
    await ctx.reply({ card: reviewListCard(logs.map((l) => viewOf(ctx.db, l)), total) });
  },
});

export const actions = [onApprove, onRejectAsk, onReject, onApproveAll, onConfirmLink];
