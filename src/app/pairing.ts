/** Reading what a secretary types after `/结对 服务地` into the pairing's data. */
import { UserError } from '../domain/errors.js';
import { foldWidth } from '../text/numerals.js';
import { findDates } from '../text/reportDates.js';
import { dayjs, localDate, type When } from '../time.js';

/**
 * A date as typed after `/结对 服务地` (2026-11-01, 11月1日, 昨天…) → YYYY-MM-DD, read relative to
 * today in the school's zone; anything else is refused with what to write instead.
 */
export function readSignedDate(text: string, { now, tz }: When): string {
  const folded = foldWidth(text.trim());
  const { hits } = findDates(folded, dayjs.utc(localDate(now, tz)));
  const hit = hits.length === 1 && hits[0]!.start === 0 && hits[0]!.end >= folded.trimEnd().length ? hits[0] : undefined;
  if (!hit?.date) throw new UserError('pairing.badDate', { value: text.trim() });
  return hit.date;
}
