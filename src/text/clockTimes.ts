/**
 * Times of day as students write them (下午两点半, 9:30, 四点一刻) and the hours between two of them, where the two
 * ends are told apart from each other (签到 09:00 签退 11:00; 下午两点去的…，弄到四点半). Part of numerals.ts's
 * `findDurations`; works on width-folded text.
 */
import { CN_INT, S, maskSpan, parseNumber } from './numbers.js';
import type { Duration } from './numerals.js';

export const PERIOD = '(上午|早上|早晨|朝早|凌晨|中午|下午|下昼|晏昼|傍晚|晚上|夜里|夜间|深夜|半夜|(?<![昨今明前作琴噚寻尋])早|(?<![昨今明前作琴噚寻尋])晚)';
// A Chinese minute needs 分 unless it is a number of tens (九点十五) or a quarter (四点一刻, 四点一刻钟, 4点1刻): 九点一直陪到
// is 9:00, not 9:01.
export const CLOCK = `${PERIOD}?${S}(\\d{1,2}|${CN_INT})${S}(?:(?:点|时(?![长间候段]))${S}(?:(半)|零?${S}([一三13]${S}刻(?:钟)?|\\d{1,2}(?<!\\n\\s{0,2}\\d{1,2})(?![\\d]|[a-z]|${S}(?:个|人|位|名|户|次|层|楼))|[一二三四五]?十[一二三四五六七八九]?|${CN_INT}(?=${S}分))${S}分?)?|[:.](\\d{2}))`;

/** A clock time said by what it lacks of the hour (差五分三点, 差一刻两点, 三点差一刻, 十点差5分). */
const HOUR = '(\\d{1,2}|[一二两三四五六七八九十]{1,3})';
const SHORT = '(一刻|(?:\\d{1,2}|[一二两三四五六七八九十]{1,3})分)钟?';
const SHORT_OF = new RegExp(`(?<!相)差${SHORT}${HOUR}点(?!半|\\s{0,2}(?:\\d|[一二三四五]?十|[一三]刻))|(?<![\\d一二两三四五六七八九十])${HOUR}点差${SHORT}`, 'g');

/** 差五分三点 as 2点55分, padded before to its length (left as written where it will not fit or reads no time). */
function shortOfTheHour(said: string, short1?: string, hour1?: string, hour2?: string, short2?: string): string {
  const short = (short1 ?? short2)!;
  const hour = parseNumber((hour1 ?? hour2)!);
  const lacks = short.startsWith('一刻') ? 15 : parseNumber(short.replace(/分钟?$/, ''));
  if (hour === undefined || lacks === undefined || hour < 1 || hour > 24 || lacks < 1 || lacks >= 60) return said;
  const time = `${hour - 1}点${String(60 - lacks).padStart(2, '0')}分`;
  return time.length <= said.length ? time.padStart(said.length, ' ') : said;
}

/** Minutes past a clock's hour (两点过十分, 九点过五分, 三点过一刻), read as 两点零十分. */
const PAST = /(?<=点)过(?=[一二三四五]?十[一二三四五六七八九]?分|[一二三四五六七八九]分|\d{1,2}分|一刻)/g;

/** `folded` with clock times said by the hour they fall short of or pass written as CLOCK reads them; same length, same indices. */
export function plainClockTimes(folded: string): string {
  return /差|过/.test(folded) ? folded.replace(SHORT_OF, shortOfTheHour).replace(PAST, '零') : folded;
}

/**
 * The two ends of the time told apart, the work between them (签到 09:00 签退 11:00; 下午两点去的…，弄到四点半; 十点到的社区，
 * 十二点走的, 五点就去浇冰场了，一直到八点半, 七点半开始讲物理，九点讲完的): a range, with only its two clock times masked, so the day and the work said between are still read.
 */
const SIGNED = /(?:签到|签入|到岗)(?:时间)?[:\s]{0,3}(?:20\d{2}[/.-]\d{1,2}[/.-]\d{1,2}\s{1,2})?(?<s>\d{1,2}:\d{2})[^\n]{0,60}?(?:签退|签出|离岗)(?:时间)?[:\s]{0,3}(?:20\d{2}[/.-]\d{1,2}[/.-]\d{1,2}\s{1,2})?(?<e>\d{1,2}:\d{2})/dg;
/** What ends the work at a time (三点结束, 五点钟才收工, 十一点半收摊). */
const ENDED = '钟?(?:才|就)?(?:走的|走了|撤|离开|干完|弄完|讲完|做完|忙完|结束|收工|收摊|完工|散场|散了|下线)';
/** Work going on to a time (干到, 扫到, 整理到): the verbs before 到 that end a stretch. */
export const WORKED = '(?:干|弄|忙|做|待|呆|搞|扫|铲|刷|搬|播|讲|教|聊|陪|写|补|守|站|整理|收拾)';
/** CLOCK with its groups made non-capturing, to be named as one end of ARRIVED (each end is read again with CLOCK_ONE). */
const AN_END = CLOCK.replace(/\((?!\?)/g, '(?:');
const ARRIVED = new RegExp(`(?<s>${AN_END})${S}(?:去的|到的|过去的|集合(?:的)?|开始(?!的)|就去(?!排队|吃|上课|开会|食堂)|到(?:[^，。,；;\\d\\s]{1,6})?(?=[，,\\s]))(?:(?!${AN_END})[^。\\n]){0,40}?(?:(?:${WORKED}|一直)到了?${S}(?<e>${AN_END})|(?<e2>${AN_END})${S}${ENDED})`, 'dg');
/** …or a time said alone at the start of the report (上周二下午一点半，保利香槟做问卷，三点钟收工; 两点起，…四点半结束), its end said to end it. */
// (…not a time the student set off, woke, ate or studied at, nor an event's own start: 下午两点，从学校出发，…五点收工;
// 两点，社区的讲座开始，四点结束，我在旁边听 — and only where no other time is said: 下午两点又去，四点收工)
const NOT_AT_WORK = '出门|出发|坐车|公交|地铁|吃|睡|宿舍|自习|图书馆|去|打电话|开始';
const BEGAN_ALONE = new RegExp(`^[^，。,；;]{0,12}?(?<s>${AN_END})${S}(?:整|起|开始)?${S}[，,](?:(?!${AN_END}|${NOT_AT_WORK})[^。\\n]){2,40}?[，,\\s]${S}(?:到)?(?<e2>${AN_END})${S}${ENDED}(?![\\s\\S]*${AN_END})`, 'dg');
const CLOCK_ONE = new RegExp(`^${CLOCK}$`);

/** Ranges told by their ends apart (SIGNED, ARRIVED); each end read as CLOCK reads it, the end taking the start's 上午/下午. */
export function scanEnds(work: string[], folded: string, out: Duration[]): void {
  for (const re of [SIGNED, ARRIVED, BEGAN_ALONE]) {
    for (const m of work[0]!.matchAll(re)) {
      // (a start said alone is read only where no range is said elsewhere: 一点半，扫雪，三点钟收工，一点半到三点)
      if (re === BEGAN_ALONE && out.some((d) => d.kind === 'range')) continue;
      const g = m.indices!.groups!;
      const [s, e] = [g.s!, g.e ?? g.e2!];
      const a = CLOCK_ONE.exec(folded.slice(s[0], s[1]).trim());
      const b = CLOCK_ONE.exec(folded.slice(e[0], e[1]).trim());
      if (!a || !b) continue;
      const r = between(clockHours(a[1], a[2]!, a[3], a[4], a[5]), (p) => clockHours(p, b[2]!, b[3], b[4], b[5]), a[1], b[1]);
      if (!r) continue;
      // (…from the start time on: what BEGAN_ALONE reads before it is the day)
      const from = re === BEGAN_ALONE ? s[0] : m.index!;
      out.push({ start: from, end: m.index! + m[0].length, phrase: m[0].slice(from - m.index!).trim(), kind: 'range', ...r });
      for (const [from, to] of [s, e]) work[0] = maskSpan(work[0]!, from, to);
    }
  }
}

/**
 * A day told as a timetable (7:10出发 7:50到北街 8:00开始扫雪 10:30收工 11点回学校; 出发13:10 到达13:40 开始14:00 结束16:30
 * 返回17:15): the service runs from the time it began to the time it ended; the times of leaving, arriving and coming back
 * are the road. Read only where the road is told beside a beginning and an end.
 */
const CLOCK_G = new RegExp(AN_END, 'g');
const CLAUSE_END = /[，。,；;\n→]/;
/** A range starting at the time just read (14:30-16:30). */
const RANGE_NEXT = /^\s{0,2}(?:[-~—–至]|到)\s{0,2}[\d一二三四五六七八九十两]/;
/** What happened at a time, said just after it (8点开始, 9点到社区, 8:30下的线)… */
const AFTER: [Stage, RegExp][] = [
  ['began', /^\s{0,2}(?:准时|正式|就)?开(?:始|干|工|讲|课)/],
  ['ended', /^\s{0,2}(?:结束|收工|干完|弄完|做完|忙完|讲完|扫完|完事|下(?:的)?(?:线|课)|散会)/],
  ['away', /^\s{0,2}(?:从[^，。,；;\d]{0,6})?(?:出发|出门|动身|集合|走的|到达|到(?!\s{0,2}[\d一二三四五六七八九十两])|回|返回|返校)|^[^，。,；;\d\u0001一二三四五六七八九十两点:]{0,6}?(?:出发|出门|(?:打)?开(?:电脑|腾讯会议|会议|钉钉|直播)|关(?:电脑|会议))/],
];
/** …or just before it (开始8:00, 出发大概七点四十, 到社区八点十分, 扫到十点, ，到十点半). */
const BEFORE: [Stage, RegExp][] = [
  ['began', /开始[:：]?\s{0,2}(?:大概|大约|约)?\s{0,2}$/],
  ['ended', /结束[:：]?\s{0,2}(?:大概|大约|约)?\s{0,2}$/],
  // (扫到八点半, 搬到了11点, 刷到11点半: the work went on to that time)
  ['until', new RegExp(`${WORKED}到了?\\s{0,2}$`)],
  ['away', /(?:出发|出门|到达|到了|返回|回来|回到|集合|到[^，。,；;\d\s\u0001]{1,6})[:：]?\s{0,2}(?:大概|大约|约)?\s{0,2}$/],
  ['until', /(?:^|[^\d一二三四五六七八九十两])到\s{0,2}$/],
];
/**
 * Which side of its time a label stands on is told by the first label (7:10出发 7:50到… after, 出发7:00 到达7:40… before);
 * a label on the other side is taken only where it cannot be another time's (7:40 开始8:00: 开始 is 8:00's).
 */
const NEXT_TIME = /^\s{0,2}[\d一二三四五六七八九十两]/;
const LAST_TIME = /[\d点半分刻]\s{0,2}$/;

function labelAfter(text: string, end: number, strict: boolean): Stage | undefined {
  const after = text.slice(end, end + 12);
  for (const [stage, re] of AFTER) {
    const m = re.exec(after);
    if (m && !(strict && NEXT_TIME.test(after.slice(m[0].length)))) return stage;
  }
  return undefined;
}

function labelBefore(text: string, start: number, strict: boolean): Stage | undefined {
  const before = text.slice(Math.max(0, start - 8), start).split(CLAUSE_END).at(-1)!;
  for (const [stage, re] of BEFORE) {
    const m = re.exec(before);
    if (m && (stage === 'until' || !(strict && LAST_TIME.test(text.slice(0, start - before.length + m.index))))) return stage;
  }
  return undefined;
}

type Stage = 'away' | 'began' | 'ended' | 'until';
/** Between two ends, the work going on again (然后又, 接着, 继续). */
const WENT_ON = /又|再|接着|继续/;
interface Point { start: number; end: number; stage?: Stage; read: RegExpExecArray }

export function scanTimeline(work: string[], folded: string, out: Duration[]): void {
  const text = work[0]!;
  const points: Point[] = [];
  for (const m of text.matchAll(CLOCK_G)) {
    const read = CLOCK_ONE.exec(folded.slice(m.index!, m.index! + m[0].length).trim());
    if (!read) continue;
    const end = m.index! + m[0].length;
    points.push({ start: m.index!, end, read });
  }
  const first = points.find((p) => labelBefore(text, p.start, true) || labelAfter(text, p.end, true));
  const before = first !== undefined && labelBefore(text, first.start, true) !== undefined && labelBefore(text, first.start, true) !== 'until';
  for (const p of points) {
    p.stage = before ? labelBefore(text, p.start, false) ?? labelAfter(text, p.end, true) : labelAfter(text, p.end, false) ?? labelBefore(text, p.start, true);
  }
  // (8点40到 9点开干, 14:10 到 14:30-16:30: arrived at one time, began at the next — no range from the one to the other)
  points.forEach((p, i) => {
    const next = points[i + 1];
    if (!p.stage && next && /^\s{0,2}到\s{0,2}$/.test(text.slice(p.end, next.start)) && (next.stage === 'began' || RANGE_NEXT.test(text.slice(next.end, next.end + 4)))) p.stage = 'away';
  });
  const away = points.filter((p) => p.stage === 'away');
  // The road alone (6:30出发 8:00到村里 8:00-11:00 … 15:30回): its times are no ends of the service's ranges.
  const mask = (ps: Point[]) => { for (const p of ps) work[0] = maskSpan(work[0]!, p.start, p.end); };
  // (…or where the work is said to go on to a time: 六点开始扫雪，扫到八点半)
  if (away.length === 0 && !points.some((p, i) => p.stage === 'began' && points[i + 1]?.stage === 'until')) return;
  // Each beginning up to the end after it (8点开始 12点结束 13点开始 17点结束: two stretches, added).
  const stretches: [Point, Point][] = [];
  points.forEach((p, i) => {
    if (p.stage !== 'began') return;
    // (…扫到4点，然后又扫到5点: the work went on again to a later end, before any next beginning)
    let end: Point | undefined;
    for (const q of points.slice(i + 1)) {
      if (q.stage === 'began') break;
      if ((q.stage === 'ended' || q.stage === 'until') && (!end || WENT_ON.test(text.slice(end.end, q.start)))) end = q;
    }
    if (end) stretches.push([p, end]);
  });
  if (stretches.length === 0) {
    if (away.length >= 2 && points.some((p) => (!p.stage || p.stage === 'until') && RANGE_NEXT.test(text.slice(p.end, p.end + 4)))) mask(away);
    return;
  }
  const ranges = stretches.map(([a, b]) => between(clockHours(a.read[1], a.read[2]!, a.read[3], a.read[4], a.read[5]), (p) => clockHours(p, b.read[2]!, b.read[3], b.read[4], b.read[5]), a.read[1], b.read[1]));
  if (ranges.some((r) => !r)) return;
  const [from, to] = [stretches[0]![0].start, stretches.at(-1)![1].end];
  const hours = ranges.reduce((t, r) => t + r!.hours, 0);
  out.push({ start: from, end: to, phrase: folded.slice(from, to).trim(), kind: 'range', hours: Math.round(hours * 1e6) / 1e6, endsAt: ranges.at(-1)!.endsAt });
  mask(points.filter((q) => q.stage));
}

/** 24-hour clock value of one end of a range; `inherit` is the start's 上午/下午. */
export function clockHours(period: string | undefined, h: string, half?: string, min?: string, colonMin?: string): number | undefined {
  const hour = parseNumber(h);
  // (四点一刻, 三点三刻: a clock's quarters)
  const minutes = half ? 30 : min?.includes('刻') ? parseNumber(min[0]!)! * 15 : parseNumber(min ?? colonMin ?? '0');
  if (hour === undefined || minutes === undefined || hour > 24 || minutes >= 60) return undefined;
  // 夜里十一点 is 23:00, 半夜两点 is 2:00.
  const pm = (period && /下午|下昼|晏昼|傍晚|晚/.test(period) && hour < 12) || (period === '中午' && hour < 6) || (period !== undefined && /夜/.test(period) && hour >= 6 && hour < 12);
  return hour + (pm ? 12 : 0) + minutes / 60;
}

// A time of day on its own (今晚十点以后, 晚上9点半开始), not followed by 前 (十点前 bounds the end).
const CLOCK_AT = new RegExp(`${PERIOD}?${S}(\\d{1,2}|${CN_INT})${S}(?:(?:点|时(?![长间候段]))${S}(半|(\\d{1,2})${S}分?)?|:(\\d{2}))(?!${S}(?:前|之前|以前|钟头|半小时|个))`, 'g');

/**
 * The clock times named in `masked` (durations and dates already masked), in hours after
 * midnight, where the half of the day is known: from 上午/晚上…, from `evening` (the date said
 * was 今晚), or from a 24-hour number (22点). 十点 alone could be morning: left out.
 */
export function clockTimes(masked: string, evening: boolean): number[] {
  const out: number[] = [];
  for (const m of masked.matchAll(CLOCK_AT)) {
    const period = m[1] ?? (evening ? '晚上' : undefined);
    const at = clockHours(period, m[2]!, m[3] === '半' ? '半' : undefined, m[4], m[5]);
    if (at !== undefined && (period !== undefined || at >= 13)) out.push(at);
  }
  return out;
}

export interface Ranged {
  hours: number;
  endsAt: number;
}

/** Hours between two clock times; the end takes the start's 上午/下午 unless it has its own. */
export function between(start: number | undefined, endOf: (period: string | undefined) => number | undefined, startPeriod: string | undefined, endPeriod: string | undefined): Ranged | null {
  let end = endOf(endPeriod ?? startPeriod);
  if (start === undefined || end === undefined) return null;
  if (end <= start && end + 12 > start && !endPeriod) end += 12; // 11点到1点
  const d = end - start;
  return d > 0 && d <= 16 ? { hours: Math.round(d * 1e6) / 1e6, endsAt: end } : null;
}

