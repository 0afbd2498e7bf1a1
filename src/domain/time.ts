/** Calendar dates in the school's time zone, from an injected `now`. */
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone.js';
import utc from 'dayjs/plugin/utc.js';

dayjs.extend(utc);
dayjs.extend(timezone);

export const DEFAULT_TZ = 'Asia/Shanghai';

export function localDay(now: number, tz = DEFAULT_TZ): dayjs.Dayjs {
  return dayjs(now).tz(tz);
}

/**
 * The zone's UTC offset (minutes) at `ms`, remembered per quarter hour: dayjs's tz() asks Intl
 * for it on every call, which was a sixth of answering /我的 (bench profile), and offsets only
 * change on quarter-hour boundaries.
 */
const offsets = new Map<string, number>();
function offsetAt(ms: number, tz: string): number {
  const key = `${tz}|${Math.floor(ms / 900_000)}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    if (offsets.size > 10_000) offsets.clear();
    offsets.set(key, (offset = localDay(ms, tz).utcOffset()));
  }
  return offset;
}

/** Formats `ms` as wall time in the zone. */
const formatLocal = (ms: number, tz: string, pattern: string): string => dayjs.utc(ms + offsetAt(ms, tz) * 60_000).format(pattern);

/** YYYY-MM-DD of `now` in the school's zone. */
export function localDate(now: number, tz = DEFAULT_TZ): string {
  return formatLocal(now, tz, 'YYYY-MM-DD');
}

export function formatDateTime(ms: number, tz = DEFAULT_TZ): string {
  return formatLocal(ms, tz, 'YYYY-MM-DD HH:mm');
}

export { dayjs };
