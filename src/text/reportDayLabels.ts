/**
 * Words for days and what is said beside a day rather than as one: the days counted from today (昨天, 前儿个, yesterday),
 * a weekday labelling the date next to it (Sat 11/14, 11.12周一), a memo's stamp line (2026年11月18日 07:50⏎…) and the
 * calendar's arithmetic for a month and day said without a year.
 * Part of reportParser.ts (through reportDates.ts); works on width-folded text.
 */
import { dayjs } from '../time.js';
import { parseNumber, type Span } from './numerals.js';
import type { DateHit } from './reportDates.js';

/** Days counted from today, each with how many days from it. */
export const RELATIVE: [string, number][] = [
  // …and the dialects' words for the same days: 琴日/噚日/寻日/琴晚 (Cantonese yesterday), 夜儿个/夜个儿
  // (Henan, Shandong: yesterday), 夜来 (Shanxi, Inner Mongolia: yesterday), 前儿个, 今朝 (Wu, Cantonese: today), 头先 (Cantonese: just now),
  // 听日/听朝 (Cantonese: tomorrow), 明朝 (Wu: tomorrow), 后日 (day after tomorrow).
  // …and in the languages foreign-language students mix in: вчера, 一昨日/おととい, きのう, 어제, сегодня, 오늘.
  ['позавчера|一昨日|おととい|그저께', -2], ['вчера|きのう|어제', -1], ['сегодня|きょう|오늘', 0],
  ['大前(?:天|日|儿个?)', -3], ['(?<![之以目提])前(?:天|日|儿(?=个))', -2],
  ['(?:昨|(?<![工创合写操耕动])作)(?:天|日|儿|个|晚|夜)|(?:琴|噚|寻|尋)(?:日|晚|夜|朝)|(?<![一半整过守熬深午])夜(?:儿个|个儿|个|儿)(?![里间])|(?<![一半整过守熬深午昨今前天])夜来(?!香|了|的|人|临)', -1],
  ['(?:今(?:天|日|儿|个|晚|早|朝)|金天|头先)', 0],
  ['(?<![说证表声透])明(?:天|日|晚|早|儿)|明朝(?![的人代末初年时历古皇宫])|听(?:日|朝|晚)(?![记志])', 1], ['大后(?:天|日)', 3], ['(?<![之以然最过日明])后(?:天|儿|日)(?![子常记])', 2],
  ['(?<![a-z])(?:today|tonight|this (?:morning|afternoon|evening))(?![a-z])', 0], ['(?<![a-z])the day before yesterday(?![a-z])', -2],
  ['(?<![a-z])(?:yesterday|last night)(?![a-z])', -1], ['(?<![a-z])(?:tomorrow|tmrw?)(?![a-z])', 1],
];
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

/** YYYY-MM-DD if the day exists, else undefined (2月30日). */
export function calendar(y: number, mo: number, d: number): string | undefined {
  const t = dayjs.utc(`${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
  return t.isValid() && t.year() === y && t.month() + 1 === mo && t.date() === d ? t.format('YYYY-MM-DD') : undefined;
}

/** Day `d` of the month before today's month (31号 read in November → 31 October). */
export function dayOfLastMonth(today: dayjs.Dayjs, d: number): string | undefined {
  const t = today.startOf('month').subtract(1, 'month');
  return calendar(t.year(), t.month() + 1, d);
}

/**
 * A month and day without a year: this year's, even when still to come (11月25日 on the 18th is
 * asked about, not read as last year's); only a date more than two months ahead (12月28日 said
 * in January) is last year's.
 */
export function monthDay(today: dayjs.Dayjs, mo: number | undefined, d: number | undefined): string | undefined {
  if (mo === undefined || d === undefined) return undefined;
  const thisYear = calendar(today.year(), mo, d);
  if (thisYear && thisYear > today.add(2, 'month').format('YYYY-MM-DD')) return calendar(today.year() - 1, mo, d);
  return thisYear;
}
