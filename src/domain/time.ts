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

/** YYYY-MM-DD of `now` in the school's zone. */
export function localDate(now: number, tz = DEFAULT_TZ): string {
  return localDay(now, tz).format('YYYY-MM-DD');
}

export function formatDateTime(ms: number, tz = DEFAULT_TZ): string {
  return localDay(ms, tz).format('YYYY-MM-DD HH:mm');
}

export { dayjs };
