/**
 * What a reviewer (or the author) sees of a log: names, labels, evidence, where the hours
 * come from, the distance of the check-in, and the fraud signals of PRODUCT.md §4 — shown,
 * never silently blocking.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { members, serviceLogs, type ServiceLog } from '../db/schema/index.js';
import { t } from '../text/zh-CN.js';
import { checkinById, distanceToCommunity } from './checkins.js';
import { communityById } from './communities.js';
import { evidenceCount, evidencePhotos, hasReusedPhoto } from './evidence.js';
import { unitOf } from './members.js';

const IMPLAUSIBLE_DAY_HOURS = 10;
const BURST_WINDOW_MS = 10 * 60 * 1000;
const BURST_COUNT = 3;
const FAR_KM = 5;
/** Photos shown on a review card; the rest are counted. */
export const PHOTOS_SHOWN = 3;

export interface LogView {
  id: number;
  authorName: string;
  unit: string;
  date: string;
  item: string;
  itemLabel: string;
  hours: number;
  mode: string;
  community: string;
  source: string;
  description: string;
  evidence: number;
  /** The first photos as the bot uploaded them (image keys a card may show), at most PHOTOS_SHOWN. */
  photos: string[];
  distanceKm?: number;
  signals: string[];
  status: ServiceLog['status'];
}

export function viewOf(db: Db, log: ServiceLog): LogView {
  const author = db.select().from(members).where(eq(members.id, log.memberId)).get();
  const unit = author ? unitOf(db, author) : { college: null, branch: null };
  const checkin = checkinById(db, log.checkinId);
  const km = checkin ? distanceToCommunity(db, checkin) : undefined;
  return {
    id: log.id,
    authorName: author?.name ?? '—',
    unit: [unit.college, unit.branch].filter(Boolean).join(' ') || '—',
    date: log.serviceDate,
    item: t(`item.${log.item}`),
    itemLabel: log.itemLabel ? `「${log.itemLabel}」` : '',
    hours: log.halfHours / 2,
    mode: t(`mode.${log.mode}`),
    community: communityById(db, log.communityId)?.name ?? checkin?.siteName ?? '—',
    source: t(`source.${log.source}`),
    description: log.description,
    evidence: evidenceCount(db, log.id),
    photos: evidencePhotos(db, log.id, PHOTOS_SHOWN),
    distanceKm: km === undefined ? undefined : Math.round(km * 10) / 10,
    signals: signalsOf(db, log, km),
    status: log.status,
  };
}

export function signalsOf(db: Db, log: ServiceLog, km?: number): string[] {
  const signals: string[] = [];
  const day = db
    .select({ half: sql<number>`coalesce(sum(${serviceLogs.halfHours}), 0)` })
    .from(serviceLogs)
    .where(and(eq(serviceLogs.memberId, log.memberId), eq(serviceLogs.serviceDate, log.serviceDate), inArray(serviceLogs.status, ['pending', 'approved'])))
    .get()?.half ?? 0;
  if (day / 2 > IMPLAUSIBLE_DAY_HOURS) signals.push(t('review.signal.dayTotal', { hours: day / 2 }));
  if (hasReusedPhoto(db, log.id)) signals.push(t('review.signal.photoReused'));
  const burst =
    db
      .select({ n: sql<number>`count(*)` })
      .from(serviceLogs)
      .where(and(eq(serviceLogs.memberId, log.memberId), sql`abs(${serviceLogs.createdAt} - ${log.createdAt}) <= ${BURST_WINDOW_MS}`))
      .get()?.n ?? 0;
  if (burst >= BURST_COUNT) signals.push(t('review.signal.burst', { count: burst }));
  if (km !== undefined && km > FAR_KM) signals.push(t('review.signal.far', { km: Math.round(km * 10) / 10 }));
  return signals;
}
