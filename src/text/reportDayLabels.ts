/**
 * Words for days and what is said beside a day rather than as one: the days counted from today (昨天, 前儿个, yesterday),
 * a weekday labelling the date next to it (Sat 11/14, 11.12周一), a memo's stamp line (2026年11月18日 07:50⏎…) and the
 * calendar's arithmetic for a month and day said without a year.
 * Part of reportParser.ts (through reportDates.ts); works on width-folded text.
 */
import { dayjs } from '../time.js';
import { CN_INT, parseNumber, S, type Span } from './numerals.js';
import type { DateHit } from './reportDates.js';

/** Days counted from today, each with how many days from it. */
export const RELATIVE: [string, number][] = [
  // …and the dialects' words for the same days: 琴日/噚日/寻日/琴晚 (Cantonese yesterday), 夜儿个/夜个儿
  // (Henan, Shandong: yesterday), 夜来 (Shanxi, Inner Mongolia: yesterday), 前儿个, 今朝 (Wu, Cantonese: today), 头先 (Cantonese: just now),
  // 听日/听朝 (Cantonese: tomorrow), 明朝 (Wu: tomorrow), 后日 (day after tomorrow).
  // …and in the languages foreign-language students mix in: вчера, 一昨日/おととい, きのう, 어제, сегодня, 오늘.
  ['позавчера|一昨日|おととい|그저께', -2], ['вчера|きのう|어제', -1], ['сегодня|きょう|오늘', 0],
  ['大大前(?:天|日|儿个?)', -4], ['大前(?:天|日|儿个?)', -3], ['(?<![之以目提])前(?:天|日|儿(?=个))|(?<=^|[\\s，,。；;:：!！])前儿', -2],
  ['(?:昨|(?<![工创合写操耕动])作)(?:天|日|儿|个|晚|夜)|(?:琴|噚|寻|尋)(?:日|晚|夜|朝)|(?<![一半整过守熬深午])夜(?:儿个|个儿|个|儿)(?![里间])|(?<![一半整过守熬深午昨今前天])夜来(?!香|了|的|人|临)', -1],
  ['(?:今(?:天|日|儿|个|晚|早|朝)|金天|头先)', 0],
  ['(?<![说证表声透])明(?:天|日|晚|早|儿)|明朝(?![的人代末初年时历古皇宫])|听(?:日|朝|晚)(?![记志])', 1], ['大后(?:天|日)', 3], ['(?<![之以然最过日明])后(?:天|儿|日)(?![子常记])', 2],
  ['(?<![a-z])(?:today|tonight|this (?:morning|afternoon|evening))(?![a-z])', 0], ['(?<![a-z])the day before yesterday(?![a-z])', -2],
  ['(?<![a-z])(?:yesterday|last night)(?![a-z])', -1], ['(?<![a-z])(?:tomorrow|tmrw?)(?![a-z])', 1],
];
/** How many weeks from this one a weekday's prefix counts (上周五, 前个星期五 as 上个, 上上上周二). */
export const WEEKS: Record<string, number> = { 上上上: -3, 上上: -2, 上: -1, 前: -1, 这: 0, 本: 0, 下: 1, 下下: 2 };

/** The weekday `day` of the Monday-based week `weeks` from this one (上周五: -1); a bare 周五 is this week's, as 本周五. */
export function weekday(today: dayjs.Dayjs, weeks: number, day: string): string {
  const idx = /[日天七]/.test(day) ? 6 : (parseNumber(day) ?? 1) - 1; // Monday = 0
  const dow = (today.day() + 6) % 7;
  // (a bare weekday is this week's, as 本周: 周五 said on a Wednesday is still to come, and asked about)
  return today.add(weeks * 7 - dow + idx, 'day').format('YYYY-MM-DD');
}

/** A weekday's number or character, captured (周三, 星期天, 礼拜7). */
export const WEEKDAY = '([一二三四五六日天七1-7])';
const WEEK = '(?:周|星期|礼拜)';
/**
 * A day some weeks back, said by counting weeks (两周前的周三, 三个礼拜前的周五, 一周前的今天), by the weekend it
 * was in (上上个周末的周日, 上上周末那个周六) or by its place in a month (11月的第一个星期六).
 */
export const WEEKS_BACK: [RegExp, (m: RegExpMatchArray, today: dayjs.Dayjs) => string | undefined | null][] = [
  [new RegExp(`(\\d|${CN_INT})${S}个?${S}${WEEK}${S}(?:以|之)?前${S}(?:的|那个?)?${S}(?:${WEEK}${WEEKDAY}|(今天))`, 'g'), (m, today) => {
    const n = parseNumber(m[1]!);
    if (!n) return null;
    return m[3] ? today.subtract(7 * n, 'day').format('YYYY-MM-DD') : weekday(today, -n, m[2]!);
  }],
  [new RegExp(`(上上|上)${S}个?${S}周末${S}(?:的|那个?)?${S}${WEEK}([六日天])`, 'g'), (m, today) => weekday(today, WEEKS[m[1]!]!, m[2]!)],
  [new RegExp(`(\\d{1,2}|${CN_INT})${S}月(?:份)?${S}的?${S}第${S}([一二三四五1-5])${S}个${S}${WEEK}${WEEKDAY}`, 'g'), (m, today) => {
    const [mo, nth, day] = [parseNumber(m[1]!), parseNumber(m[2]!), weekdayIndex(m[3]!)! % 7];
    if (!mo || mo > 12 || !nth) return null;
    const first = dayjs.utc(`${today.year()}-${String(mo).padStart(2, '0')}-01`);
    const date = first.add(((day - first.day() + 7) % 7) + 7 * (nth - 1), 'day');
    return date.month() === mo - 1 ? date.format('YYYY-MM-DD') : undefined;
  }],
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

/** A stamp's day (2026年11月18日, 11/17, 11-18): 1 the year, 2 the month, 3 the day. */
const STAMP_DAY = String.raw`(?:(20\d{2})\s{0,2}[年\/.\-]\s{0,2})?(\d{1,2})\s{0,2}[月\/.\-]\s{0,2}(\d{1,2})\s{0,2}[日号]?`;
/** A memo's first line: the day and time it was written (2026年11月18日 07:50⏎…, 11/17 09:12⏎…). */
const MEMO_STAMP = new RegExp(String.raw`^\s*${STAMP_DAY}\s{1,3}(\d{1,2}:\d{2})\s*\n`);
/**
 * A pasted chat line's stamp in brackets before who sent it ([11-18 16:40] 邵阳：…, 20:11] 汪洋：…): 1–3 the day, 4 the time. The sender
 * (not a clock, [11-18 09:00] 9:00-11:00…) is only looked at, not blanked: 扫雪：2小时 may stand there too.
 */
const CHAT_STAMP = new RegExp(String.raw`^[^\S\n]*[\[【]?(?:${STAMP_DAY}[^\S\n]{1,3})?(\d{1,2}:\d{2})(?::\d{2})?[\]】](?=[^\S\n]{0,3}[^\s\d:：\[\]【】，。,][^\s:：\[\]【】，。,]{0,7}[^\S\n]{0,2}[:：])`, 'gm');

/**
 * The text with a memo's stamp line and the stamps of pasted chat lines blanked (same length): their times are when
 * the note or the message was written, not the service's; their day, when it is today, leaves the days in the text to
 * say which day the service was (昨晚…).
 */
export function withoutMemoStamp(folded: string, today: dayjs.Dayjs): string {
  const blank = (t: string, part: string, at = 0) => t.slice(0, at) + t.slice(at).replace(part, ' '.repeat(part.length));
  const isToday = (y: string | undefined, mo: string | undefined, d: string | undefined) =>
    mo === undefined || ((y === undefined || +y === today.year()) && +mo === today.month() + 1 && +d! === today.date());
  const m = MEMO_STAMP.exec(folded);
  let out = !m ? folded : isToday(m[1], m[2], m[3]) ? blank(folded, m[0].trimEnd()) : blank(folded, m[4]!);
  for (const c of folded.matchAll(CHAT_STAMP)) {
    out = isToday(c[1], c[2], c[3]) ? blank(out, c[0], c.index) : blank(out, c[4]!, c.index);
  }
  return out;
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
