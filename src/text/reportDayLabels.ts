/**
 * What is said beside a day rather than as one: a weekday labelling the date next to it (Sat 11/14, 11.12周一) and a
 * memo's stamp line (2026年11月18日 07:50⏎…). Part of reportParser.ts (through reportDates.ts); works on width-folded text.
 */
import { dayjs } from '../time.js';
import { parseNumber, type Span } from './numerals.js';
import type { DateHit } from './reportDates.js';

/** Monday = 1 … Sunday = 7 (% 7 gives dayjs's day, Sunday 0). */
export function weekdayIndex(day: string): number | undefined {
  return /[日天七]/.test(day) ? 7 : parseNumber(day);
}

/** A weekday said on its own (周六, 星期六, Sat, Saturday): its day of the week, Sunday 0. */
function bareWeekday(phrase: string): number | undefined {
  const zh = /^(?:周|星期|礼拜)([一二三四五六日天七1-7])$/.exec(phrase);
  if (zh) return weekdayIndex(zh[1]!)! % 7;
  const en = /^(sun|mon|tue|wed|thu|fri|sat)(?:day|sday|nesday|rsday|urday)?$/.exec(phrase);
  return en ? ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'].indexOf(en[1]!) : undefined;
}

/**
 * A weekday beside a date (Sat 11/14, 周六 11.14, 11.14 周六): the date's label, not a day of this week — the same day,
 * or asked about when they disagree (11.12周三).
 */
export function labelledDays(hits: DateHit[], masked: string): DateHit[] {
  return hits.map((w) => {
    const day = w.confirms || !w.date ? undefined : bareWeekday(w.phrase);
    if (day === undefined) return w;
    const beside = (a: Span, b: Span) => a.end <= b.start && /^[\s,，、(（)）\u0001]{0,3}$/.test(masked.slice(a.end, b.start).replace(/\u0001/g, ''));
    const dated = hits.find((d) => d !== w && d.date && bareWeekday(d.phrase) === undefined && (beside(w, d) || beside(d, w)));
    if (!dated) return w;
    if (dayjs.utc(dated.date).day() === day) return { ...w, date: undefined, confirms: true };
    return { start: w.start, end: w.end, phrase: w.phrase, problem: `${dated.date} 不是${w.phrase}，请确认日期。` };
  });
}

/** A memo's first line: the day and time it was written (2026年11月18日 07:50⏎…, 11/17 09:12⏎…). */
const MEMO_STAMP = /^\s*(?:(20\d{2})\s{0,2}[年\/.\-]\s{0,2})?(\d{1,2})\s{0,2}[月\/.\-]\s{0,2}(\d{1,2})\s{0,2}[日号]?\s{1,3}(\d{1,2}:\d{2})\s*\n/;

/**
 * The text with a memo's stamp line blanked (same length): its time is when the note was written, not the service's;
 * its day, when it is today, leaves the days in the note to say which day the service was (昨晚…).
 */
export function withoutMemoStamp(folded: string, today: dayjs.Dayjs): string {
  const m = MEMO_STAMP.exec(folded);
  if (!m) return folded;
  const blank = (t: string, part: string) => t.replace(part, ' '.repeat(part.length));
  const written = (m[1] === undefined || +m[1] === today.year()) && +m[2]! === today.month() + 1 && +m[3]! === today.date();
  return written ? blank(folded, m[0].trimEnd()) : blank(folded, m[4]!);
}
