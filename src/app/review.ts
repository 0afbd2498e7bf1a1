/**
 * After a review decision (or the author's withdrawal): the author is told the outcome and every
 * other copy of the review card is settled in place.
 */
import type { Member, ServiceLog } from '../db/schema/index.js';
import type { ConfirmSettings } from '../domain/confirmations.js';
import { memberById } from '../domain/members.js';
import { logById } from '../domain/serviceLogs.js';
import { t } from '../text/zh-CN.js';
import type { AppPorts, Update } from './context.js';
import { updateReviewCards } from './reviewCards.js';

/** Who settles the cards: the member who acted (not sent a note about it) and the card settings. */
export interface SettleContext extends AppPorts {
  member: Pick<Member, 'id'> | null;
  confirm?: ConfirmSettings;
}

/** Tells the author the outcome and settles the other review cards of these logs. */
export async function afterDecision(ctx: SettleContext & Update, logs: ServiceLog[], clickedMessageId?: string): Promise<void> {
  await tellAuthors(ctx, logs);
  await settleReviewCards(ctx, logs, clickedMessageId);
}

async function tellAuthors(ctx: SettleContext & Update, logs: ServiceLog[]): Promise<void> {
  for (const log of logs) {
    const author = memberById(ctx.db, log.memberId);
    if (!author?.openId) continue;
    try {
      // Keyed by the log, not the click: a click replayed after a restart, or a second tap, sends it once.
      await ctx.notify(author.openId, outcomeForAuthor(log), { uuid: `review-outcome:${log.id}` });
    } catch (err) {
      // The decision is already stored: an author who cannot be reached (e.g. has stopped the
      // bot) must not turn it into an error toast for the reviewer, nor leave the other copies
      // of the card clickable. The author still sees the outcome in /我的.
      ctx.log.warn({ eventId: ctx.eventId, logId: log.id, err: (err as Error).message }, 'could not tell the author the outcome');
    }
  }
}

/**
 * A decision this reviewer already took (the same click replayed after a restart, a double tap):
 * the author's notice is sent again under its key — nothing already sent goes twice, and a notice
 * a stop cut off is not lost. (The other copies of the card answer 已通过/已驳回 when clicked.)
 */
export async function afterDecisionAgain(ctx: SettleContext & Update, logId: number, reviewerId: number): Promise<void> {
  const log = logById(ctx.db, logId);
  if (!log || log.status === 'pending' || log.reviewerMemberId !== reviewerId) return;
  await tellAuthors(ctx, [log]);
}

export async function settleReviewCards(ctx: SettleContext, logs: ServiceLog[], skipMessageId?: string): Promise<void> {
  await updateReviewCards(ctx, logs, { skipMessageId, actorMemberId: ctx.member?.id, note: { outbox: ctx.outbox } });
}

function outcomeForAuthor(log: ServiceLog): string {
  const params = { date: log.serviceDate, item: t(`item.${log.item}`), hours: log.halfHours / 2 };
  return log.status === 'approved'
    ? t('review.toAuthorApproved', { ...params, rating: log.rating ? t('review.ratingShown', { rating: log.rating }) : '' })
    : t('review.toAuthorRejected', { ...params, reason: log.rejectReason ?? '' });
}
