/**
 * Review cards as the log stands now, and keeping every delivered copy of them current: after a
 * decision, a withdrawal, a community confirmation or a new photo, each reviewer's card is
 * replaced in place (or, past Feishu's update window, the reviewer gets one note instead).
 */
import { reviewCard } from '../cards/logs.js';
import { memberById } from '../domain/members.js';
import { reviewCardsOf } from '../domain/review.js';
import { logById } from '../domain/serviceLogs.js';
import type { ServiceLog } from '../db/schema/index.js';
import { CARD_UPDATE_WINDOW_MS, FeishuApiError, isMessageGone, type CardJson } from '../feishu/api.js';
import { deriveUuid } from '../jobs/outboxRows.js';
import { t } from '../text/zh-CN.js';
import { formatDateTime } from '../time.js';
import type { AppPorts, Outbox, ReviewCardSettings } from './context.js';
import { viewOf } from './logView.js';

/** Feishu's answer to an update of a card older than its update window (230031). */
const TOO_OLD_TO_UPDATE = 230031;

/**
 * Replaces every delivered review card of these logs (but `skipMessageId`) with the card as the
 * log stands now (`reviewCardNow`), built once per log and state however many reviewers hold a
 * copy. With `reread`, the log is read again before each copy: a decision made while the copies
 * are being updated must not bring the buttons back.
 * Feishu takes updates of a card for 14 days only (CARDS.md): an older card is not tried, and
 * one Feishu refuses for good (too old, recalled, deleted) is not retried. With `note`, each
 * other reviewer holding such cards gets one message listing their outcomes instead — not the
 * member who just decided (`actorMemberId`), who knows — once per set of cards and states (the
 * send uuid says which). A card refused for a passing reason is only logged: its stale copy
 * still answers correctly when clicked (the log is re-read then). A card the outbox has not
 * delivered yet goes out as first written.
 */
export async function updateReviewCards(
  ports: Pick<AppPorts, 'feishu' | 'log' | 'clock'> & ReviewCardSettings,
  logs: ServiceLog[],
  opts: { reread?: boolean; skipMessageId?: string; actorMemberId?: number; note?: { outbox: Outbox } } = {},
): Promise<void> {
  const byId = new Map(logs.map((l) => [l.id, l]));
  const cards = new Map<string, CardJson>();
  const cardFor = (log: ServiceLog): CardJson => {
    const now = opts.reread ? (logById(ports.db, log.id) ?? log) : log;
    const key = `${now.id}:${now.status}:${now.updatedAt ?? ''}:${now.source}`;
    let card = cards.get(key);
    if (!card) cards.set(key, (card = reviewCardNow(ports, now)));
    return card;
  };
  const lines = new Map<number, string>();
  const lineFor = (log: ServiceLog): string => {
    let line = lines.get(log.id);
    if (line === undefined) lines.set(log.id, (line = staleCardLine(ports, log)));
    return line;
  };
  const notes = new Map<string, { lines: string[]; keys: string[] }>();
  for (const copy of reviewCardsOf(ports.db, [...byId.keys()])) {
    if (!copy.messageId || copy.messageId === opts.skipMessageId) continue;
    const log = byId.get(copy.logId)!;
    const fresh = copy.sentAt === null || ports.clock.now() - copy.sentAt < CARD_UPDATE_WINDOW_MS;
    if (fresh) {
      try {
        await ports.feishu.updateCard(copy.messageId, cardFor(log));
        continue;
      } catch (err) {
        const code = err instanceof FeishuApiError ? err.code : undefined;
        ports.log.warn({ logId: log.id, code, err: (err as Error).message }, 'could not update a review card');
        // Only a refusal that will not change (too old, recalled, deleted) turns into a note.
        if (code !== TOO_OLD_TO_UPDATE && !isMessageGone(err)) continue;
      }
    }
    if (!opts.note || !copy.reviewerOpenId || copy.reviewerMemberId === opts.actorMemberId) continue;
    const note = notes.get(copy.reviewerOpenId) ?? { lines: [], keys: [] };
    note.lines.push(lineFor(log));
    note.keys.push(`${copy.messageId}:${log.status}:${log.updatedAt ?? ''}`);
    notes.set(copy.reviewerOpenId, note);
  }
  for (const [openId, note] of notes) {
    const uuid = deriveUuid(`card-note:${note.keys.sort().join(',')}`);
    const text = [t('review.staleCardsHead', { count: note.lines.length }), ...note.lines, t('review.staleCardsFoot')].join('\n');
    await opts.note!.outbox.send({ to: { openId }, message: { text }, uuid }).catch((err: unknown) => {
      ports.log.warn({ err: (err as Error).message }, 'could not send the note for old review cards');
    });
  }
}

/** One log's outcome in the message sent instead of updating a review card Feishu no longer updates. */
function staleCardLine(ctx: Pick<ReviewCardSettings, 'db' | 'timeZone'>, log: ServiceLog): string {
  const v = viewOf(ctx.db, log);
  return t('review.staleCardLine', { name: plainText(v.authorName), date: v.date, item: v.item, hours: v.hours, state: plainText(decisionLine(ctx, log)) });
}

/** User text in a text message, unable to form an `<at>` mention (CARDS.md "Text messages"). */
function plainText(s: string): string {
  return s.replace(/</g, '＜').replace(/>/g, '＞');
}

/**
 * A log's review card as it stands now: settled with its decision, or waiting, with the button
 * for a community confirmation link when links are configured and the community has not yet confirmed.
 */
export function reviewCardNow(ctx: ReviewCardSettings, log: ServiceLog): CardJson {
  const view = viewOf(ctx.db, log);
  if (log.status !== 'pending') return reviewCard(view, { decided: decisionLine(ctx, log) });
  return reviewCard(view, { confirmLink: ctx.confirm !== undefined && log.source !== 'community' });
}

function decisionLine(ctx: Pick<ReviewCardSettings, 'db' | 'timeZone'>, log: ServiceLog): string {
  if (log.status === 'withdrawn') return t('review.withdrawnByAuthor');
  const reviewer = log.reviewerMemberId ? memberById(ctx.db, log.reviewerMemberId) : undefined;
  const at = log.reviewedAt ? formatDateTime(log.reviewedAt, ctx.timeZone) : '';
  if (log.status === 'rejected') return t('review.decidedRejected', { reviewer: reviewer?.name ?? '', at, reason: log.rejectReason ?? '' });
  return t('review.decidedApproved', { reviewer: reviewer?.name ?? '', at, rating: log.rating ? t('review.ratingShown', { rating: log.rating }) : '' });
}
