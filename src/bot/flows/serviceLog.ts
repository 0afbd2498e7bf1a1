/**
 * Submitting a service log, whichever way it came in (form, inline command, plain Chinese):
 * one validation (domain/serviceLogs), then the review card to each reviewer, then the
 * answer to the author. Also what happens around a decision: the author is told and every
 * other copy of the review card is settled in place.
 */
import { eq } from 'drizzle-orm';
import { deriveUuid } from '../../jobs/outboxRows.js';
import { members, type Member, type ServiceLog } from '../../db/schema/index.js';
import { logFormCard, reviewCard, type LogPrefill } from '../../cards/logs.js';
import { communityNames, communityById, pairedCommunity } from '../../domain/communities.js';
import { linkLog } from '../../domain/checkins.js';
import { pickerCommunities, type PickerOption } from '../../domain/communityPicker.js';
import { viewOf } from '../../domain/logView.js';
import { describeReviewers, rememberReviewCard, reviewCardsOf, reviewersFor } from '../../domain/review.js';
import { UserError } from '../../domain/errors.js';
import { createLog, liveDuplicate, type LogOrigin } from '../../domain/serviceLogs.js';
import { formatDateTime, localDate } from '../../domain/time.js';
import { parseReport } from '../../text/reportParser.js';
import { t } from '../../text/zh-CN.js';
import { CARD_UPDATE_WINDOW_MS, FeishuApiError, type CardJson } from '../../feishu/api.js';
import type { BaseContext, CommandContext, Ports } from '../context.js';

/** Creates the log, sends it for review, and returns the sentence for the author. */
export async function submitLog(ctx: BaseContext, draft: unknown, origin: LogOrigin): Promise<{ log: ServiceLog; message: string }> {
  const member = ctx.member!;
  let log: ServiceLog;
  try {
    log = createLog(ctx.db, member, ctx.program, draft, origin, ctx.clock.now(), ctx.timeZone);
    ctx.log.info({ eventId: ctx.eventId, logId: log.id, source: log.source }, 'service log created');
  } catch (err) {
    // The same log stored earlier whose review cards never went out (the bot stopped between
    // the write and the sends, or Feishu failed): finish sending instead of refusing, so a
    // redelivered or resubmitted report is not lost. Once a card went out it is a duplicate.
    const earlier = err instanceof UserError && err.key === 'log.duplicate' ? liveDuplicate(ctx.db, member.id, draft) : undefined;
    if (!earlier || earlier.status !== 'pending' || reviewCardsOf(ctx.db, [earlier.id]).length > 0) throw err;
    log = earlier;
  }
  if (origin.checkinId) linkLog(ctx.db, origin.checkinId, log.id);
  const reviewers = reviewersFor(ctx.db, member);
  const card = reviewCardNow(ctx, log);
  for (const reviewer of reviewers) {
    const sent = await ctx.notify(reviewer.openId!, { card });
    rememberReviewCard(ctx.db, log.id, reviewer.id, sent, ctx.clock.now());
  }
  const community = communityById(ctx.db, log.communityId);
  const params = {
    date: log.serviceDate,
    item: t(`item.${log.item}`),
    hours: log.halfHours / 2,
    mode: t(`mode.${log.mode}`),
    community: community ? `· ${community.name}` : '',
    reviewer: describeReviewers(reviewers),
  };
  return { log, message: reviewers.length ? t('log.saved', params) : t('log.savedNoReviewer', params) };
}

/**
 * The log form's community dropdown: a bounded list (domain/communityPicker) — the branch's
 * paired community, `include` (the community the form preselects), then the places the member
 * and the branch used lately. Any other known place is typed into the form's name field.
 */
export function formCommunities(ctx: BaseContext, include?: number | null): PickerOption[] {
  return pickerCommunities(ctx.db, { memberId: ctx.member?.id, branchId: ctx.member?.branchId, include: [include] });
}

/**
 * Text (after `/记录`, or plain Chinese in a private chat) → a log, or a prefilled card
 * asking for what could not be read. Returns false when plain text does not read like a
 * report at all.
 */
export async function logFromText(ctx: CommandContext, text: string, opts: { plain: boolean }): Promise<boolean> {
  const member = ctx.member!;
  const now = ctx.clock.now();
  const paired = pairedCommunity(ctx.db, member.branchId);
  const parsed = parseReport({ text, now, timeZone: ctx.timeZone, communities: communityNames(ctx.db), pairedCommunityId: paired?.id ?? null });
  if (opts.plain && !parsed.looksLikeReport) return false;
  const prefill: LogPrefill = {
    date: parsed.date ?? localDate(now, ctx.timeZone),
    item: parsed.item,
    itemLabel: parsed.itemLabel,
    hours: parsed.hours,
    mode: parsed.mode,
    communityId: parsed.communityId,
    description: parsed.description,
  };
  if (parsed.missing.length > 0 || parsed.ambiguities.length > 0) {
    await ctx.reply({
      card: logFormCard({ prefill, communities: formCommunities(ctx, prefill.communityId), missing: parsed.missing.map((m) => t(`log.missing.${m}`)), ambiguities: parsed.ambiguities }),
    });
    return true;
  }
  const { message } = await submitLog(ctx, prefill, { source: 'self', sourceMessageId: ctx.messageId });
  await ctx.reply(message);
  return true;
}

/** Tells the author the outcome and settles the other review cards of these logs. */
export async function afterDecision(ctx: BaseContext, logs: ServiceLog[], clickedMessageId?: string): Promise<void> {
  for (const log of logs) {
    const author = ctx.db.select().from(members).where(eq(members.id, log.memberId)).get();
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

export async function settleReviewCards(ctx: BaseContext, logs: ServiceLog[], skipMessageId?: string): Promise<void> {
  await updateReviewCards(ctx, logs, (log) => reviewCardNow(ctx, log), {
    skipMessageId,
    actorMemberId: ctx.member?.id,
    note: { outbox: ctx.outbox, line: (log) => staleCardLine(ctx, log) },
  });
}

/** Feishu's answers to a card update that will not change: too old (230031), recalled (230011), deleted (230110). */
const LASTING_UPDATE_REFUSALS = new Set([230031, 230011, 230110]);

/**
 * Replaces every delivered review card of these logs (but `skipMessageId`) with `cardFor(log)`.
 * Feishu takes updates of a card for 14 days only (CARDS.md): an older card is not tried, and
 * one Feishu refuses for good (too old, recalled, deleted) is not retried. With `note`, each
 * other reviewer holding such cards gets one message listing their outcomes instead — not the
 * member who just decided (`actorMemberId`), who knows — once per set of cards and states (the
 * send uuid says which). A card refused for a passing reason is only logged: its stale copy
 * still answers correctly when clicked (the log is re-read then). A card the outbox has not
 * delivered yet goes out as first written.
 */
export async function updateReviewCards(
  ports: Pick<Ports, 'db' | 'feishu' | 'log' | 'clock'>,
  logs: ServiceLog[],
  cardFor: (log: ServiceLog) => CardJson,
  opts: { skipMessageId?: string; actorMemberId?: number; note?: { outbox: Ports['outbox']; line: (log: ServiceLog) => string } } = {},
): Promise<void> {
  const byId = new Map(logs.map((l) => [l.id, l]));
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
        if (code === undefined || !LASTING_UPDATE_REFUSALS.has(code)) continue;
      }
    }
    if (!opts.note || !copy.reviewerOpenId || copy.reviewerMemberId === opts.actorMemberId) continue;
    const note = notes.get(copy.reviewerOpenId) ?? { lines: [], keys: [] };
    note.lines.push(opts.note.line(log));
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
function staleCardLine(ctx: BaseContext, log: ServiceLog): string {
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
export function reviewCardNow(ctx: Pick<BaseContext, 'db' | 'timeZone' | 'confirm'>, log: ServiceLog): CardJson {
  const view = viewOf(ctx.db, log);
  if (log.status !== 'pending') return reviewCard(view, { decided: decisionLine(ctx, log) });
  return reviewCard(view, { confirmLink: ctx.confirm !== undefined && log.source !== 'community' });
}

export function decisionLine(ctx: Pick<BaseContext, 'db' | 'timeZone'>, log: ServiceLog): string {
  if (log.status === 'withdrawn') return t('review.withdrawnByAuthor');
  const reviewer: Member | undefined = log.reviewerMemberId ? ctx.db.select().from(members).where(eq(members.id, log.reviewerMemberId)).get() : undefined;
  const at = log.reviewedAt ? formatDateTime(log.reviewedAt, ctx.timeZone) : '';
  if (log.status === 'rejected') return t('review.decidedRejected', { reviewer: reviewer?.name ?? '', at, reason: log.rejectReason ?? '' });
  return t('review.decidedApproved', { reviewer: reviewer?.name ?? '', at, rating: log.rating ? t('review.ratingShown', { rating: log.rating }) : '' });
}

function outcomeForAuthor(log: ServiceLog): string {
  const params = { date: log.serviceDate, item: t(`item.${log.item}`), hours: log.halfHours / 2 };
  return log.status === 'approved'
    ? t('review.toAuthorApproved', { ...params, rating: log.rating ? t('review.ratingShown', { rating: log.rating }) : '' })
    : t('review.toAuthorRejected', { ...params, reason: log.rejectReason ?? '' });
}
