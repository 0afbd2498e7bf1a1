/**
 * Calendar dates and wall times in the school's time zone, from an injected `now`. Every
 * function is given its zone (config TZ, carried as `ctx.timeZone`, `ports.timeZone` or a
 * {@link When}); none reads the process's own zone, which is left as the machine has it.
 */
import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat.js';
import timezone from 'dayjs/plugin/timezone.js';
import utc from 'dayjs/plugin/utc.js';

dayjs.extend(utc);
dayjs.extend(timezone);
// Strict parsing with a format (`dayjs('2026-02-30', 'YYYY-MM-DD', true)` is invalid). It used to
// come from exceljs, which extends the shared dayjs when loaded; now exceljs loads on first use.
dayjs.extend(customParseFormat);

/** A moment and the zone its calendar is read in: what a rule needs to know "today". */
export interface When {
  /** Epoch milliseconds (from the injected clock). */
  now: number;
  /** IANA zone of the school (config TZ). */
  tz: string;
}

/** YYYY-MM-DD of the moment, in its zone: "today" for an update. */
export const today = (when: When): string => localDate(when.now, when.tz);

export function localDay(now: number, tz: string): dayjs.Dayjs {
  return dayjs(now).tz(tz);
}

/** Epoch ms at which the calendar day `date` (YYYY-MM-DD) begins in the zone. */
export function startOfDate(date: string, tz: string): number {
  return dayjs.tz(date, tz).valueOf();
}

/**
 * The zone's UTC offset (ms) at `ms`, remembered per quarter hour: dayjs's tz() asks Intl for it
 * on every call (≈ 100 µs), a sixth of answering /我的 and seconds over an export's millions of
 * timestamps; offsets only change on quarter-hour boundaries.
 */
const offsets = new Map<string, Map<number, number>>();
function offsetAt(ms: number, tz: string): number {
  let zone = offsets.get(tz);
  if (!zone) offsets.set(tz, (zone = new Map()));
  const quarter = Math.floor(ms / 900_000);
  let offset = zone.get(quarter);
  if (offset === undefined) {
    if (zone.size > 10_000) zone.clear();
    zone.set(quarter, (offset = localDay(ms, tz).utcOffset() * 60_000));
  }
  return offset;
}

/** `YYYY-MM-DDTHH:mm:ss.sssZ` of the wall time in the zone (the Z is not true there). */
const wallTime = (ms: number, tz: string): string => new Date(ms + offsetAt(ms, tz)).toISOString();

/** YYYY-MM-DD of `now` in the school's zone. */
export function localDate(now: number, tz: string): string {
  return wallTime(now, tz).slice(0, 10);
}

/** Hours after local midnight at `now`, on the zone's wall clock (21:30 → 21.5), from the remembered offset. */
export function hourOfDay(now: number, tz: string): number {
  return ((now + offsetAt(now, tz)) % 86_400_000) / 3_600_000;
}

/** YYYY-MM-DD HH:mm of `ms` in the school's zone. */
export function formatDateTime(ms: number, tz: string): string {
  const iso = wallTime(ms, tz);
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

export { dayjs };
