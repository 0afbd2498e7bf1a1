/**
 * What a reviewer (or the author) sees of a log, as data: names, codes, evidence, where the
 * hours come from, the distance of the check-in, and the fraud signals of PRODUCT.md §4 — shown,
 * never silently blocking. src/cards/logView.ts renders it.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { members, serviceLogs, type ServiceLog } from '../db/schema/index.js';
import { checkinById, distanceToCommunity } from './checkins.js';
import { communityById } from './communities.js';
import { evidenceCount, evidencePhotos, hasReusedPhoto } from './evidence.js';
import { unitOf, type MemberUnit } from './members.js';
import { teamById } from './teams.js';

const IMPLAUSIBLE_DAY_HOURS = 10;
const BURST_WINDOW_MS = 10 * 60 * 1000;
const BURST_COUNT = 3;
const FAR_KM = 5;
/** Photos shown on a review card; the rest are counted. */
export const PHOTOS_SHOWN = 3;

/** A reason to look twice at a log (PRODUCT.md §4). */
export type LogSignal =
  | { kind: 'dayTotal'; hours: number }
  | { kind: 'photoReused' }
  | { kind: 'burst'; count: number }
  | { kind: 'far'; km: number };

export interface LogFacts {
  id: number;
  /** Null only if the author's entry is gone. */
  authorName: string | null;
  unit: MemberUnit;
  date: string;
  item: ServiceLog['item'];
  /** The X item's own name, as the student wrote it. */
  itemLabel: string | null;
  hours: number;
  mode: ServiceLog['mode'];
  /** The community's name, else the check-in's site; null when the log names neither. */
  community: string | null;
  source: ServiceLog['source'];
  /** The 三下乡 team's name, if the log names one. */
  team: string | null;
  returnHome: boolean;
  description: string;
  evidence: number;
  /** The first photos as the bot uploaded them (image keys a card may show), at most PHOTOS_SHOWN. */
  photos: string[];
  /** Kilometres from the check-in to the community, to one decimal. */
  distanceKm?: number;
  signals: LogSignal[];
  status: ServiceLog['status'];
}

export function logFacts(db: Db, log: ServiceLog): LogFacts {
  const author = db.select().from(members).where(eq(members.id, log.memberId)).get();
  const unit = author ? unitOf(db, author) : { college: null, branch: null };
  const checkin = checkinById(db, log.checkinId);
  const km = checkin ? distanceToCommunity(db, checkin) : undefined;
  return {
    id: log.id,
    authorName: author?.name ?? null,
    unit,
    date: log.serviceDate,
    item: log.item,
    itemLabel: log.itemLabel,
    hours: log.halfHours / 2,
    mode: log.mode,
    community: communityById(db, log.communityId)?.name ?? checkin?.siteName ?? null,
    source: log.source,
    team: teamById(db, log.teamId)?.name ?? null,
    returnHome: log.returnHome,
    description: log.description,
    evidence: evidenceCount(db, log.id),
    photos: evidencePhotos(db, log.id, PHOTOS_SHOWN),
    distanceKm: km === undefined ? undefined : Math.round(km * 10) / 10,
    signals: signalsOf(db, log, km),
    status: log.status,
  };
}

export function signalsOf(db: Db, log: ServiceLog, km?: number): LogSignal[] {
  const signals: LogSignal[] = [];
  const day = db
    .select({ half: sql<number>`coalesce(sum(${serviceLogs.halfHours}), 0)` })
    .from(serviceLogs)
    .where(and(eq(serviceLogs.memberId, log.memberId), eq(serviceLogs.serviceDate, log.serviceDate), inArray(serviceLogs.status, ['pending', 'approved'])))
    .get()?.half ?? 0;
  if (day / 2 > IMPLAUSIBLE_DAY_HOURS) signals.push({ kind: 'dayTotal', hours: day / 2 });
  if (hasReusedPhoto(db, log.id)) signals.push({ kind: 'photoReused' });
  const burst =
    db
      .select({ n: sql<number>`count(*)` })
      .from(serviceLogs)
      .where(and(eq(serviceLogs.memberId, log.memberId), sql`abs(${serviceLogs.createdAt} - ${log.createdAt}) <= ${BURST_WINDOW_MS}`))
      .get()?.n ?? 0;
  if (burst >= BURST_COUNT) signals.push({ kind: 'burst', count: burst });
  if (km !== undefined && km > FAR_KM) signals.push({ kind: 'far', km: Math.round(km * 10) / 10 });
  return signals;
}
