/**
 * Which week a weekly digest belongs to (PRODUCT.md §6): the ISO week of the posting Monday, when
 * it is due, and the Monday–Sunday it reports.
 */
import { dayjs, localDate, type When } from '../../time.js';

/** The week a digest belongs to: its ISO-week key, when it is due, and the week it reports. */
export interface DigestWeek {
  /** ISO week of the posting Monday, e.g. '2026-W48' (the job-run period). */
  key: string;
  /** Monday of the posting week, local date. */
  monday: string;
  /** Monday 09:00 local time, ms: no scheduled digest goes out before it. */
  dueAt: number;
  today: string;
  /** The reported week: Monday–Sunday before `monday`; and the week before that. */
  report: { start: string; end: string };
  previous: { start: string; end: string };
}

/** The digest week containing `now` in `tz` (weeks start on Monday, ISO-8601 numbering). */
export function digestWeek({ now, tz }: When): DigestWeek {
  const today = localDate(now, tz);
  const day = dayjs.utc(today);
  const monday = day.subtract((day.day() + 6) % 7, 'day');
  // The ISO week-year is the year of the week's Thursday; week 1 holds the first Thursday.
  const thursday = monday.add(3, 'day');
  const week = Math.floor(thursday.diff(dayjs.utc(`${thursday.year()}-01-01`), 'day') / 7) + 1;
  const fmt = (d: dayjs.Dayjs) => d.format('YYYY-MM-DD');
  return {
    key: `${thursday.year()}-W${String(week).padStart(2, '0')}`,
    monday: fmt(monday),
    dueAt: dayjs.tz(`${fmt(monday)} 09:00`, tz).valueOf(),
    today,
    report: { start: fmt(monday.subtract(7, 'day')), end: fmt(monday.subtract(1, 'day')) },
    previous: { start: fmt(monday.subtract(14, 'day')), end: fmt(monday.subtract(8, 'day')) },
  };
}
