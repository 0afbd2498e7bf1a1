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
import { projectsForLog } from '../domain/projects.js';
import { periodOn } from '../domain/period.js';
import { NO_PRACTICE, teamsOf, type Practice } from '../domain/teams.js';
import { UserError } from '../domain/errors.js';
import { rememberReviewCard, reviewCardKey, reviewersFor } from '../domain/review.js';
import { createLog, liveDuplicate, type LogOrigin } from '../domain/serviceLogs.js';
import { parseReport, recordable } from '../text/reportParser.js';
import { t } from '../text/zh-CN.js';
import { localDate } from '../time.js';
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
    // The same log stored already: sent many times at once, or again after the bot stopped
    // between the write and the sends. Its review cards are sent (again) under keys naming the
    // log and the reviewer, so they go out once whichever submission gets there first, and never
    // get lost; this submission is told the log is recorded already.
    const earlier = err instanceof UserError && err.key === 'log.duplicate' ? liveDuplicate(ctx.db, member.id, draft) : undefined;
    if (earlier?.status === 'pending') {
      if (origin.checkinId) adoptLog(ctx.db, origin.checkinId, earlier.id);
      await sendReviewCards(ctx, earlier);
    }
    throw err;
  }
  const reviewers = await sendReviewCards(ctx, log);
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
 * The review card of `log` to each of its reviewers, once per (log, reviewer): the send key is
 * theirs, not the update's, and the card is recorded under it before anything is awaited, so a
 * decision settles every copy.
 */
async function sendReviewCards(ctx: SubmitContext, log: ServiceLog): Promise<Member[]> {
  const reviewers = reviewersFor(ctx.db, ctx.member);
  const card = reviewCardNow(ctx, log);
  for (const reviewer of reviewers) {
    const uuid = reviewCardKey(log.id, reviewer.id);
    rememberReviewCard(ctx.db, log.id, reviewer.id, { uuid }, ctx.clock.now());
    const sent = await ctx.notify(reviewer.openId, { card }, { uuid });
    rememberReviewCard(ctx.db, log.id, reviewer.id, sent, ctx.clock.now());
  }
  return reviewers;
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

/** The log form's project dropdown: the projects the author may name (domain/projects.ts projectsForLog). */
export function formProjects(ctx: Pick<AppPorts, 'db'> & InProgram & { member: Pick<Member, 'id' | 'branchId'> | null }): { id: number; title: string }[] {
  return ctx.member ? projectsForLog(ctx.db, ctx.member, ctx.program.id) : [];
}

/** The log form's 三下乡/返家乡 values: `none`, `home`, `t<team id>`. */
const PRACTICE_NONE = 'none';
const PRACTICE_HOME = 'home';

/** A stored (or read) practice as the form's value. */
export function practiceValue(p: Practice): string {
  if (p.returnHome) return PRACTICE_HOME;
  return p.teamId !== null ? `t${p.teamId}` : PRACTICE_NONE;
}

/**
 * The form's value → what the log names; whether the member may name that team in that day is
 * judged by the one log validation (domain/teams.ts `checkPractice`), not here.
 * @throws UserError `team.badChoice` for a value no form offers.
 */
export function practiceFromForm(value: string): Practice {
  if (value === PRACTICE_NONE) return NO_PRACTICE;
  if (value === PRACTICE_HOME) return { teamId: null, returnHome: true };
  const team = /^t(\d{1,9})$/.exec(value);
  if (!team) throw new UserError('team.badChoice');
  return { teamId: Number(team[1]), returnHome: false };
}

/**
 * The log form's 三下乡/返家乡 dropdown: offered in a vacation (the day the form is about, else
 * today) or when the form already names one (a check-out of a vacation check-in).
 */
export function formPractices(ctx: Pick<AppPorts, 'db'> & InProgram & Pick<Update, 'when'> & { member: Pick<Member, 'id'> }, date?: string, current?: Practice): { value: string; label: string }[] | undefined {
  const period = periodOn(ctx.program, date ?? localDate(ctx.when.now, ctx.when.tz));
  const vacation = period === 'winter' || period === 'summer';
  if (!vacation && (!current || practiceValue(current) === PRACTICE_NONE)) return undefined;
  const teams = teamsOf(ctx.db, ctx.member.id, ctx.program.id).map((team) => ({ value: `t${team.id}`, label: t('team.optionTeam', { name: team.name }) }));
  return [{ value: PRACTICE_NONE, label: t('team.none') }, { value: PRACTICE_HOME, label: t('team.optionHome') }, ...teams];
}

/**
 * What a typed report says of vacation practice, in a vacation only: 返家乡, or 三下乡 with the
 * member's only team of the year. `unsure` when it names 三下乡 with no single team to mean (or
 * both), so the form asks instead of guessing.
 */
function practiceOfText(ctx: Pick<AppPorts, 'db'> & InProgram & Acting, text: string, date: string): { practice: Practice; unsure: boolean } {
  const period = periodOn(ctx.program, date);
  const home = text.includes('返家乡');
  const team = text.includes('三下乡');
  if ((period !== 'winter' && period !== 'summer') || (!home && !team)) return { practice: NO_PRACTICE, unsure: false };
  if (home && !team) return { practice: { teamId: null, returnHome: true }, unsure: false };
  const mine = teamsOf(ctx.db, ctx.member.id, ctx.program.id);
  if (!home && mine.length === 1) return { practice: { teamId: mine[0]!.id, returnHome: false }, unsure: false };
  return { practice: NO_PRACTICE, unsure: true };
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
  const vacation = practiceOfText(ctx, text, parsed.date ?? localDate(now, ctx.timeZone));
  // A date the text named but that cannot be placed stays empty for the student to pick.
  const prefill: LogPrefill & Partial<Practice> = {
    date: parsed.date,
    item: parsed.item,
    area: parsed.area,
    itemLabel: parsed.itemLabel,
    hours: parsed.hours,
    mode: parsed.mode,
    communityId: parsed.communityId,
    description: parsed.description,
    ...vacation.practice,
    practice: practiceValue(vacation.practice),
  };
  if (!recordable(parsed) || vacation.unsure) {
    const ambiguities = [...parsed.ambiguities, ...(vacation.unsure ? [t('team.reportWhich')] : [])];
    await ctx.reply({
      card: logFormCard({
        prefill, communities: formCommunities(ctx, prefill.communityId), projects: formProjects(ctx), practices: formPractices(ctx, prefill.date, vacation.practice),
        missing: parsed.missing.map((m) => t(`log.missing.${m}`)), ambiguities,
      }),
    });
    return true;
  }
  const { message } = await submitLog(ctx, prefill, { source: 'self', sourceMessageId: ctx.messageId });
  await ctx.reply(message);
  return true;
}
