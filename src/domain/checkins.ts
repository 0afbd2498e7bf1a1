/**
 * Check-in and check-out (PRODUCT.md §3 `/checkin`): one check-in per student per site per
 * day; its kind follows the period; check-out turns the elapsed time into timed hours.
 */
import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { checkins, serviceLogs, type Checkin, type Community, type Member, type ProgramYear, type VacationTeam } from '../db/schema/index.js';
import { communityById, distanceKm, findCommunity, pairedCommunity } from './communities.js';
import { UserError } from './errors.js';
import { isActive } from './members.js';
import { checkinKindFor, periodOn } from './period.js';
import { formatDateTime, localDate, type When } from '../time.js';
import { MAX_HOURS_PER_LOG } from './serviceLogs.js';
import { assertVacation, NO_PRACTICE, teamForMember, teamsOf, type Practice } from './teams.js';

const MIN_CHECKOUT_MS = 15 * 60 * 1000;

interface CheckinResult {
  checkin: Checkin;
  community?: Community;
  created: boolean;
}

/** What a check-in names besides its site: a 三下乡 team or 返家乡 (vacations), and online service. */
interface CheckinPractice extends Practice {
  online: boolean;
  /** The team's matched community, which wins over a lookup of the site's name. */
  communityId?: number | null;
}

const PLAIN: CheckinPractice = { ...NO_PRACTICE, online: false };

export function checkIn(db: Db, member: Member, program: ProgramYear, site: string | undefined, { now, tz }: When, practice: CheckinPractice = PLAIN): CheckinResult {
  if (!isActive(member)) throw new UserError('error.inactive');
  if (!member.collegeId) throw new UserError('log.noCollege');
  const named = practice.communityId ? communityById(db, practice.communityId) : site ? findCommunity(db, site) : undefined;
  const community = named ?? (site ? undefined : pairedCommunity(db, member.branchId));
  const siteName = community?.name ?? site?.trim();
  if (!siteName) throw new UserError('checkin.noSite');
  const date = localDate(now, tz);
  const tags = { teamId: practice.teamId, returnHome: practice.returnHome };
  const existing = db.select().from(checkins).where(and(eq(checkins.memberId, member.id), eq(checkins.siteName, siteName), eq(checkins.checkinDate, date))).get();
  if (existing) {
    // The same visit named again, now with its team or as 返家乡: the check-in takes the tag while no log was made from it.
    const untagged = existing.teamId === null && !existing.returnHome && (tags.teamId !== null || tags.returnHome);
    if (!untagged || hasLiveLog(db, existing)) return { checkin: existing, community, created: false };
    return { checkin: db.update(checkins).set(tags).where(eq(checkins.id, existing.id)).returning().get(), community, created: false };
  }
  const checkin = db
    .insert(checkins)
    .values({
      memberId: member.id,
      branchId: member.branchId,
      collegeId: member.collegeId,
      communityId: community?.id ?? null,
      siteName,
      kind: practice.online ? 'online' : checkinKindFor(periodOn(program, date)),
      checkinDate: date,
      checkedInAt: now,
      ...tags,
    })
    .returning()
    .get();
  return { checkin, community, created: true };
}

/** `/报到 三下乡 [队名]` or `/报到 返家乡 [线上] 家乡社区`. */
export type PracticeChoice = { kind: 'team'; team?: string } | { kind: 'home'; site?: string; online: boolean };

/**
 * A vacation check-in with a 三下乡 team (at the team's destination; only its leader and members)
 * or as 返家乡 at the home community the student names, online if they say so. Refused outside
 * the winter and summer vacations.
 */
export function practiceCheckIn(db: Db, member: Member, program: ProgramYear, choice: PracticeChoice, when: When): CheckinResult & { team?: VacationTeam } {
  assertVacation(program, localDate(when.now, when.tz));
  if (choice.kind === 'team') {
    const team = teamForMember(db, member, program, choice.team);
    return { ...checkIn(db, member, program, team.destination, when, { teamId: team.id, returnHome: false, online: false, communityId: team.communityId }), team };
  }
  if (!choice.site) throw new UserError('team.homeSiteMissing');
  return checkIn(db, member, program, choice.site, when, { teamId: null, returnHome: true, online: choice.online });
}

/** The team to offer on a plain vacation check-in: the member's only team of the year, if they have exactly one. */
export function offeredTeam(db: Db, member: Member, program: ProgramYear, checkin: Checkin): VacationTeam | undefined {
  const period = periodOn(program, checkin.checkinDate);
  if (checkin.teamId !== null || checkin.returnHome || (period !== 'winter' && period !== 'summer')) return undefined;
  const mine = teamsOf(db, member.id, program.id);
  return mine.length === 1 ? mine[0] : undefined;
}

/**
 * A check-out: timed hours, or — for a check-in left open past its local day — no timing at all,
 * since the elapsed time (a week, say) says nothing about the service; the student fills in
 * that day's hours instead.
 */
type Checkout =
  | { kind: 'timed'; checkin: Checkin; /** Elapsed time in hours, rounded to 0.5, at least 0.5 and at most 12. */ hours: number }
  | { kind: 'pastDay'; checkin: Checkin };

/** Closes a check-in (or re-reads a closed one whose log was not submitted yet). */
export function checkOut(db: Db, checkinId: number, member: Member, { now, tz }: When): Checkout {
  const checkin = db.select().from(checkins).where(eq(checkins.id, checkinId)).get();
  if (!checkin || checkin.memberId !== member.id) throw new UserError('checkin.notYours');
  if (hasLiveLog(db, checkin)) throw new UserError('checkin.alreadyOut');
  if (!checkin.checkedOutAt && localDate(now, tz) !== checkin.checkinDate) return { kind: 'pastDay', checkin };
  const end = checkin.checkedOutAt ?? now;
  if (end - checkin.checkedInAt < MIN_CHECKOUT_MS) throw new UserError('checkin.tooShort');
  const closed = checkin.checkedOutAt ? checkin : db.update(checkins).set({ checkedOutAt: end }).where(eq(checkins.id, checkin.id)).returning().get();
  return { kind: 'timed', checkin: closed, hours: timedHours(end - checkin.checkedInAt) };
}

export function timedHours(elapsedMs: number): number {
  const half = Math.round(elapsedMs / 1_800_000);
  return Math.min(MAX_HOURS_PER_LOG, Math.max(1, half) / 2);
}

/**
 * Whether the check-in's log still stands. A withdrawn or rejected one frees the check-in,
 * so the corrected log can again be submitted with its timed hours. The link is the log's
 * `checkinId`, stored with the log in its transaction.
 */
export function hasLiveLog(db: Db, checkin: Checkin): boolean {
  const live = db
    .select({ id: serviceLogs.id })
    .from(serviceLogs)
    .where(and(eq(serviceLogs.checkinId, checkin.id), inArray(serviceLogs.status, ['pending', 'approved'])))
    .limit(1)
    .get();
  return live !== undefined;
}

/**
 * Links an earlier identical log, stored without a check-in, to the check-out form that finished
 * sending it (src/app/submitLog.ts `submitLog`), so the check-in counts as out. A log already
 * linked keeps its check-in.
 */
export function adoptLog(db: Db, checkinId: number, logId: number): void {
  db.update(serviceLogs).set({ checkinId }).where(and(eq(serviceLogs.id, logId), isNull(serviceLogs.checkinId))).run();
}

export function checkinById(db: Db, id: number | null | undefined): Checkin | undefined {
  return id ? db.select().from(checkins).where(eq(checkins.id, id)).get() : undefined;
}

/** Attaches a shared location to today's latest check-in; returns it with the distance to its community. */
export function attachLocation(db: Db, member: Member, at: { lat: number; lng: number; messageId: string }, { now, tz }: When): { checkin: Checkin; km?: number } | null {
  const latest = db
    .select()
    .from(checkins)
    .where(and(eq(checkins.memberId, member.id), eq(checkins.checkinDate, localDate(now, tz))))
    .orderBy(desc(checkins.checkedInAt))
    .limit(1)
    .get();
  if (!latest) return null;
  const checkin = db.update(checkins).set({ latitude: at.lat, longitude: at.lng, locationMessageId: at.messageId }).where(eq(checkins.id, latest.id)).returning().get();
  return { checkin, km: distanceToCommunity(db, checkin) };
}

export function distanceToCommunity(db: Db, checkin: Checkin): number | undefined {
  const community = communityById(db, checkin.communityId);
  if (checkin.latitude === null || checkin.longitude === null || community?.latitude == null || community.longitude == null) return undefined;
  return distanceKm({ lat: checkin.latitude, lng: checkin.longitude }, { lat: community.latitude, lng: community.longitude });
}

export const checkinTime = (c: Checkin, tz: string) => formatDateTime(c.checkedInAt, tz);
