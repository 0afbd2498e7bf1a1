/**
 * After a review decision (or the author's withdrawal): the author is told the outcome and every
 * other copy of the review card is settled in place.
 */
import type { Member, ServiceLog } from '../db/schema/index.js';
import type { ConfirmSettings } from '../domain/confirmations.js';
import { memberById } from '../domain/members.js';
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
  for (const log of logs) {
    const author = memberById(ctx.db, log.memberId);
    if (!author?.openId) continue;
    try {
      await ctx.notify(author.openId, outcomeForAuthor(log));
    } catch (err) {
      // The decision is already stored: an author who cannot be reached (e.g. has stopped the
      // bot) must not turn it into an error toast for the reviewer, nor leave the other copies
      // of the card clickable. The author still sees the outcome in /我的.
      ctx.log.warn({ eventId: ctx.eventId, logId: log.id, err: (err as Error).message }, 'could not tell the author the outcome');
    }
  }
  await settleReviewCards(ctx, logs, clickedMessageId);
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
