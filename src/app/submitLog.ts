/**
 * Submitting a service log, whichever way it came in (form, inline command, plain Chinese):
 * one validation (domain/serviceLogs), then the review card to each reviewer, then the
 * answer to the author.
 */
import { logFormCard, type LogPrefill } from '../cards/logs.js';
import type { Member, ServiceLog } from '../db/schema/index.js';
import { adoptLog } from '../domain/checkins.js';
import { communityById, communityNames, pairedCommunity } from '../domain/communities.js';
import { pickerCommunities, type PickerOption } from '../domain/communityPicker.js';
import { branchProjects } from '../domain/projects.js';
import { UserError } from '../domain/errors.js';
import { rememberReviewCard, reviewCardsOf, reviewersFor } from '../domain/review.js';
import { createLog, liveDuplicate, type LogOrigin } from '../domain/serviceLogs.js';
import { parseReport, recordable } from '../text/reportParser.js';
import { t } from '../text/zh-CN.js';
import type { Acting, AppPorts, InProgram, Replying, ReviewCardSettings, Update } from './context.js';
import { reviewCardNow } from './reviewCards.js';

/** What submitting a log uses: the author, the program year, the review card settings, the update. */
export type SubmitContext = Pick<AppPorts, 'db' | 'clock' | 'log' | 'timeZone'> & ReviewCardSettings & Acting & InProgram & Update;

/** Creates the log, sends it for review, and returns the sentence for the author. */
export async function submitLog(ctx: SubmitContext, draft: unknown, origin: LogOrigin): Promise<{ log: ServiceLog; message: string }> {
  const member = ctx.member;
  let log: ServiceLog;
  try {
    log = createLog(ctx.db, member, ctx.program, draft, origin, ctx.when);
    ctx.log.info({ eventId: ctx.eventId, logId: log.id, source: log.source }, 'service log created');
  } catch (err) {
    // The same log stored earlier whose review cards never went out (the bot stopped between
    // the write and the sends, or Feishu failed): finish sending instead of refusing, so a
    // redelivered or resubmitted report is not lost. Once a card went out it is a duplicate.
    const earlier = err instanceof UserError && err.key === 'log.duplicate' ? liveDuplicate(ctx.db, member.id, draft) : undefined;
    if (!earlier || earlier.status !== 'pending' || reviewCardsOf(ctx.db, [earlier.id]).length > 0) throw err;
    log = earlier;
    if (origin.checkinId) adoptLog(ctx.db, origin.checkinId, log.id);
  }
  const reviewers = reviewersFor(ctx.db, member);
  const card = reviewCardNow(ctx, log);
  for (const reviewer of reviewers) {
    const sent = await ctx.notify(reviewer.openId, { card });
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

/** Reviewers' display name for the "sent to …" line. */
function describeReviewers(reviewers: Member[]): string {
  return reviewers.map((r) => `${r.name}（${t(`role.${r.role}`)}）`).join('、');
}

/**
 * The log form's community dropdown: a bounded list (domain/communityPicker) — the branch's
 * paired community, `include` (the community the form preselects), then the places the member
 * and the branch used lately. Any other known place is typed into the form's name field.
 */
export function formCommunities(ctx: Pick<AppPorts, 'db'> & { member: Pick<Member, 'id' | 'branchId'> | null }, include?: number | null): PickerOption[] {
  return pickerCommunities(ctx.db, { memberId: ctx.member?.id, branchId: ctx.member?.branchId, include: [include] });
}

/** The log form's project dropdown: the author's branch's projects of the year. */
export function formProjects(ctx: Pick<AppPorts, 'db'> & InProgram & { member: Pick<Member, 'branchId'> | null }): { id: number; title: string }[] {
  return branchProjects(ctx.db, ctx.member?.branchId ?? null, ctx.program.id);
}

/** Reading a log from text also answers: the card asking for what is missing, or the saved log. */
export type LogTextContext = SubmitContext & Replying & { messageId?: string };

/**
 * Text (after `/记录`, or plain Chinese in a private chat) → a log, or a prefilled card
 * asking for what could not be read. Returns false when plain text does not read like a
 * report at all.
 */
export async function logFromText(ctx: LogTextContext, text: string, opts: { plain: boolean }): Promise<boolean> {
  const member = ctx.member;
  const now = ctx.clock.now();
  const paired = pairedCommunity(ctx.db, member.branchId);
  const parsed = parseReport({ text, now, timeZone: ctx.timeZone, communities: communityNames(ctx.db), pairedCommunityId: paired?.id ?? null });
  if (opts.plain && !parsed.looksLikeReport) return false;
  // A date the text named but that cannot be placed stays empty for the student to pick.
  const prefill: LogPrefill = {
    date: parsed.date,
    item: parsed.item,
    area: parsed.area,
    itemLabel: parsed.itemLabel,
    hours: parsed.hours,
    mode: parsed.mode,
    communityId: parsed.communityId,
    description: parsed.description,
  };
  if (!recordable(parsed)) {
    await ctx.reply({
      card: logFormCard({ prefill, communities: formCommunities(ctx, prefill.communityId), projects: formProjects(ctx), missing: parsed.missing.map((m) => t(`log.missing.${m}`)), ambiguities: parsed.ambiguities }),
    });
    return true;
  }
  const { message } = await submitLog(ctx, prefill, { source: 'self', sourceMessageId: ctx.messageId });
  await ctx.reply(message);
  return true;
}
