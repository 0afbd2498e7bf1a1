/**
 * The calendar a program year's figures are measured on: "today" (clamped to the year, so a
 * past year is judged as it ended), this week Monday–Sunday and the 30-day silence cutoff, all
 * as local dates in the school's zone from an injected `now` (service_date is a local date).
 */
import type { ProgramYear } from '../../db/schema/index.js';
import { dayjs, localDay, type When } from '../../time.js';

/** A branch with no approved log on any of the last this-many days is silent (PRODUCT.md §6). */
const SILENT_DAYS = 30;

export interface MetricsWindow {
  /** The local date figures are judged at: today, or the year's last day once it is over. */
  today: string;
  /** Monday and Sunday of the week containing `now`, inclusive. */
  weekStart: string;
  weekEnd: string;
  /** Logs dated on or after this day keep a branch from being silent. */
  activeSince: string;
}

/** The dates of {@link MetricsWindow} for `program` at `now` in `tz`. */
export function metricsWindow(program: Pick<ProgramYear, 'endsOn'>, { now, tz }: When): MetricsWindow {
  const day = localDay(now, tz);
  const monday = day.subtract((day.day() + 6) % 7, 'day');
  const local = day.format('YYYY-MM-DD');
  const today = local > program.endsOn ? program.endsOn : local;
  return {
    today,
    weekStart: monday.format('YYYY-MM-DD'),
    weekEnd: monday.add(6, 'day').format('YYYY-MM-DD'),
    activeSince: dayjs.utc(today).subtract(SILENT_DAYS - 1, 'day').format('YYYY-MM-DD'),
  };
}
