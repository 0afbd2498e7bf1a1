/**
 * Calendar phrases as students type them: relative days (`昨天`, `前天`, `3天前`), weekdays
 * (`上周五`, `周一`, `Mon`), dates (`11月20日`, `11-20`, `20号`, `上个月15号`) and words for a
 * time that is not one day (`上个月`, `前几天`), read relative to the local calendar day.
 * Part of reportParser.ts; works on width-folded text with the durations already masked
 * (numerals.ts `findDurations`).
 */
import { dayjs } from '../time.js';
import { CN_INT, parseNumber, S, type Span } from './numerals.js';
import { maskSpan } from './numbers.js';
import { ALREADY_REPORTED, REFLECTION } from './reportAsides.js';
import { keptOut, movedDays, oneOfTwo, otherService, picksOut, previousTimes, UNSAID_OF_RUN } from './reportTwoServices.js';
import { FESTIVAL_DAY, readFestival } from './reportFestivals.js';
import { calendar, dayOfLastMonth, labelledDays, monthDay, RELATIVE, weekday, WEEKDAY, weekdayIndex, WEEKS, WEEKS_BACK } from './reportDayLabels.js';
import { aheadDropped, notTheDay, plannedFor } from './reportOtherDays.js';

/** A date phrase; `date` is absent when the phrase names no single, existing day. */
export interface DateHit extends Span {
  phrase: string;
  date?: string;
  /** Why `date` is absent: the phrase names no single day. */
  problem?: string;
  /** A weekday in brackets that agrees with the date just before it (11月8日（周日）): no date of its own. */
  confirms?: true;
  /**
   * A time that is no one day (上个月, 下周): asked about when it is the only date word, but only
   * context beside a day named (昨天开了例会，讨论下周的分工).
   */
  vague?: true;
}

const CN_TENS = '[一二两三]?十[一二三四五六七八九]?';
const TEACHING_WEEK = `(?:第${S}(?:\\d{1,2}|[一二三四五六七八九十]{1,3})${S}(?:个?教学)?周${S})?`; // the term's week (第11周, 第十一教学周)
// Each reader returns a date, undefined for a date that does not exist, a hit with a
// problem, or null for "not a date after all" (then the text stays unmasked).
/** A date phrase that names no single day; the parser asks instead of taking today. */
const unplaced = (m: RegExpMatchArray): DateHit => ({ start: 0, end: 0, phrase: m[0], problem: `「${m[0].trim()}」没有说是哪一天，请补充具体日期。`, vague: true });
const DAY = `(\\d{1,2}|${CN_INT})${S}[日号]`;
/** Between the two days of a span (16-17日, 16号到17号). */
const SPAN = `${S}(?:[-~—–、和或]|到|至)${S}`;
/** An English month's name, short or long (Nov, November, Sept). */
const MONTH_NAME = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';

/** What after 号/日 makes it no day (3号楼, 5号线, 日常, 日记). */
const NOT_DAY = '楼|院|线|门|床|机|房|栋|单元|窗口|车|位|选手|常|记|志|报|程|子|期|语|本|元|桥|柜|箱|摊|仓库|展位|岗亭|坑|会议室|活动室|办公室|教室|展厅|大厅|场馆';

/** The terms of a sum up to its = (1.5+1+0.5=, 2×45=), and a ratio before ≈ (11/14≈). */
const SUM_TERMS = /(?:\d+(?:\.\d+)?\s{0,2}[+×*xX\-−]\s{0,2})+\d+(?:\.\d+)?\s{0,2}=|\d{1,3}\s{0,2}\/\s{0,2}\d{1,3}\s{0,2}≈/g;
/** Papers a period names (年底总结, 本月的打卡数据, 这学期的投诉登记表). */
const PERIOD_PAPERS = /^\s{0,2}(?:的[^，。,；;\s帮给替为做弄整录去在到跟和]{0,6}?|[^，。,；;\s帮给替为做弄整录去在到跟和的]{0,4}?)(?:总结(?!会)|数据|登记表|报表|台账|材料|档案)/;
/** …of the periods papers are kept for (年底, 本月, 这学期), not a week or days (上周的总结会, 前几天数据录入). */
const PAPERS_PERIOD = /^(?:年底|年终|年末|本月|这个?月|本学期|这学期)$/;

const DATE_PATTERNS: [RegExp, (m: RegExpMatchArray, today: dayjs.Dayjs, before: DateHit[]) => DateHit | string | undefined | null][] = [
  // 去年11月20日: a day of a year before this program's, asked about (上个月15号, 这个月5号 below are placed).
  [new RegExp(`(?:去年|前年)${S}(?:\\d{1,2}|${CN_INT})${S}月${S}(?:\\d{1,2}|${CN_INT})${S}[日号]?`, 'g'), (m) => ({
    start: 0, end: 0, phrase: m[0].trim(), problem: `「${m[0].trim()}」不在本学年，这里只记本学年的服务；如果说的是今年，请写几月几号。`,
  })],
  // 重阳节那天, 双十一晚上, 立冬当天, 中秋节前一天: a festival's day (reportFestivals.ts).
  [FESTIVAL_DAY, (m, today) => readFestival(m, today)],
  // 某个周三, 有个周三: no week said; 两次都想补报: two days in one record — asked about even beside a day named.
  [/(?:某(?:个|一)?|(?<=^|之前|以前|[，,。\s])有一?个)(?:周|星期|礼拜)[一二三四五六日天](?!也|的)|两(?:次|回)(?:都|一起)(?:想|要)?(?:补)?(?:报|记)/g, (m) => ({
    start: 0, end: 0, phrase: m[0], problem: /^两/.test(m[0]) ? '两次服务请分开记录，每条写清是哪一天、多长时间。' : `「${m[0]}」没有说是哪一周，请补充具体日期。`,
  })],
  [new RegExp(`(上上|上|这|本|下)${S}个?${S}月(?:份)?${S}${DAY}`, 'g'), (m, today) => {
    const d = parseNumber(m[2]!);
    const month = today.startOf('month').subtract(({ 上上: 2, 上: 1, 下: -1 } as Record<string, number>)[m[1]!] ?? 0, 'month');
    return d === undefined ? undefined : calendar(month.year(), month.month() + 1, d);
  }],
  // 11月16-17日, 16到17号, 周五六, 周一到周三: more than one day, each to be recorded on its own (not 周一五六节, a class period).
  [new RegExp(
    `(?:\\d{1,2}|${CN_INT})${S}月${S}(\\d{1,2}|${CN_INT})${S}[日号]?${SPAN}(\\d{1,2}|${CN_INT})${S}[日号]|` +
      `(?<![\\d.\\-/月])(\\d{1,2}|${CN_INT})${S}(?:[日号]${SPAN}|${S}(?:[-~—–、和或]|到|至)${S})(\\d{1,2}|${CN_INT})${S}[日号](?!${NOT_DAY})|` +
      `(?<!每${S})(?:周|星期|礼拜)${WEEKDAY}${S}(?:[、和或/~\\-]|到|至)?${S}(?:周|星期|礼拜)?${WEEKDAY}(?![楼号点时个位名户次层栋单元班年级十分]|[一二三四五六七八九\\d]?节)`,
    'g'), (m) => {
    const [a, b] = m[1] ? [parseNumber(m[1]), parseNumber(m[2]!)] : m[3] ? [parseNumber(m[3]), parseNumber(m[4]!)] : [weekdayIndex(m[5]!), weekdayIndex(m[6]!)];
    if (a === undefined || b === undefined || b <= a) return null; // 周一一早 is one Monday morning
    if (m[3] && a <= 12 && /^\d{1,2}\s{0,3}[-—–]/.test(m[0])) return null; // 11-16号 is 16 November
    return { start: 0, end: 0, phrase: m[0], problem: `「${m[0].trim()}」不止一天，请每天分别记一条。` };
  }],
  // 111 leading a note before what was done: 1 November or 11 January, asked about (not 112 宿舍, 115 班, 119 消防宣传).
  [/^\s{0,2}(1[12][1-9])(?=\s{1,3}(?:去|在|到|帮|给|参加|于|跟|和))/g, (m) => ({ start: 0, end: 0, phrase: m[1]!, problem: `「${m[1]}」是几月几号？请写成几月几号。` })],
  // 20261116 and 1116, 1105 as typed in notes: a number standing alone (not 1102室, 1000元, 1030开始).
  // (20261131 is a date that does not exist; a bare 1131 may be a number)
  // (…nor a room or a serial number: 住1201, 编号从0301录到0388)
  [/(?<![\d.:/\-a-z])(?<!(?:住|编号|房间|门牌|号码|尾号|单号|编码)(?:从|是|为)?\s{0,2})(20\d{2})?(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?![\d.:/\-%a-z]|\s{0,2}(?:个|小时|分|点|时|元|块|万|人|位|名|户|次|室|房|号|楼|栋|米|斤|份|件|张|条|本|套|台|开始|结束|左右|年))/g, (m, today) =>
    m[1] ? calendar(+m[1], +m[2]!, +m[3]!) : monthDay(today, +m[2]!, +m[3]!) ?? null],
  [/(?<!\d)(\d{4})\s{0,2}[年\-/.]\s{0,2}(\d{1,2})\s{0,2}[月\-/.]\s{0,2}(\d{1,2})\s{0,2}[日号]?/g, (m) => calendar(+m[1]!, +m[2]!, +m[3]!)],
  // 26.12.01, 26/11/16, 26年11月16日: a year written with two digits (a three-part number, not 1.5.2).
  [/(?<![\d.:/\-])(2\d)\s{0,2}([年\-/.])\s{0,2}(\d{1,2})\s{0,2}(?:\2|月)\s{0,2}(\d{1,2})(?:\s{0,2}[日号])?(?![\d.:/\-%])/g, (m) =>
    +m[3]! >= 1 && +m[3]! <= 12 && +m[4]! >= 1 && +m[4]! <= 31 ? calendar(2000 + +m[1]!, +m[3]!, +m[4]!) : null],
  ...WEEKS_BACK,
  // (十一月十六 with no 日 is a day when a break or what was done follows: not 十一月十五个人)
  [new RegExp(`(?<![\\d.])(\\d{1,2}|${CN_INT})${S}月${S}(\\d{1,2}|${CN_INT})${S}([日号])?`, 'g'), (m, today) =>
    !m[3] && !/^\d+$/.test(m[2]!) && !/\s$/.test(m[0]) && !/^(?:\s|[，,。；;:：(]|$|在|去|到|于|给|帮|上午|下午|晚上|早上|中午|傍晚)/.test(m.input!.slice(m.index! + m[0].length))
      ? null : monthDay(today, parseNumber(m[1]!), parseNumber(m[2]!))],
  // Nov 13, November 10th, 16 Nov, 3rd of December: an English month and day.
  [new RegExp(`(?<![a-z])(${MONTH_NAME})\\.?\\s{0,2}(\\d{1,2})(?:st|nd|rd|th)?(?![\\d:.a-z])|(?<![\\d.:/\\-])(\\d{1,2})(?:st|nd|rd|th)?\\s{0,2}(?:of\\s{1,2})?(${MONTH_NAME})(?![a-z])`, 'g'), (m, today) =>
    monthDay(today, ENGLISH_MONTHS.indexOf((m[1] ?? m[4]!).slice(0, 3)) + 1, +(m[2] ?? m[3])!)],
  // 11-20, 11/20, 11.20 — unless a unit follows (3-5人, 1.5万, 7.3mmol). A month and a day that do not make a
  // day (11.31, 2.30) are asked about, unless a time of day is meant (下午2.30开始).
  [/(?<![\d./\-]|\d:)(\d{1,2})([-/.])(\d{1,2})(?![\d.:\-]|\/\d|楼|\s{0,2}(?:个|小时|h|分|点|%|元|块|万|人|位|名|户|楼(?!道)|号(?:楼|院|线|门)|岁|栋|单元|次|年级|班|的(?![那这]|$|[，。,；;\s])|km|公里|米|斤|mmol|mg|ml|kg|cm|mm|℃|°))/g, (m, today) => {
    // (16/11, written day first: the first number is no month)
    const dayFirst = (m[2] === '/' || m[2] === '.') && +m[1]! > 12 && +m[3]! <= 12;
    const [mo, d] = dayFirst ? [+m[3]!, +m[1]!] : [+m[1]!, +m[3]!];
    // (下午1.30开始, 到3.30结束, 1.30-3.30: a clock time in minutes, not 30 January)
    if (CLOCK_MINUTES.test(m[3]!) && saidAsClock(m, CLOCK_PART, CLOCK_NEXT)) return null;
    const r = monthDay(today, mo, d);
    if (typeof r === 'string') return dayFirst ? r : eitherWay(today, m, mo, d, r) ?? r;
    // (11.32, 11/31: a day the month does not have, asked about)
    if (mo >= 9 && mo <= 12 && d >= 32 && d <= 39 && m[2] !== '-' && !saidAsClock(m, CLOCK_BEFORE, CLOCK_AFTER)) return '';
    return mo >= 1 && mo <= 12 && d >= 1 && d <= 31 && !saidAsClock(m, CLOCK_BEFORE, CLOCK_AFTER) ? undefined : null;
  }],
  [new RegExp(`(?<![\\d月.\\-/])(?<!(?:[路巷弄]|(?<![街楼])街)\\s{0,2}(?=\\d{1,2}号(?:的|院|大院)))(\\d{1,2}[号日]|${CN_INT}号|${CN_TENS}日)(?!${NOT_DAY})`, 'g'), (m, today) => {
    const day = parseNumber(m[1]!.slice(0, -1));
    // (86号, 从1号发到86号: numbers handed out, not days; 东风路12号的企业, a house on a road, is kept out before)
    const upTo = /^[^，。,；;]{0,6}到\s{0,2}(\d{2,3})\s{0,2}号/.exec(m.input!.slice(m.index! + m[0].length));
    const reachedTo = day !== undefined && day > 31 && /到\s{0,2}$/.test(m.input!.slice(Math.max(0, m.index! - 3), m.index!));
    if (day === undefined || reachedTo || (upTo && +upTo[1]! > 31)) return null;
    // 20号 on the 18th is still to come (asked about); 28号 on the 3rd is last month's.
    const thisMonth = calendar(today.year(), today.month() + 1, day);
    if (thisMonth && (thisMonth <= today.format('YYYY-MM-DD') || today.date() > 7 || day < 20)) return thisMonth;
    return dayOfLastMonth(today, day);
  }],
  // 3天前, 两天前, 一周前 (before the weekday that may confirm one: 三天前，也就是周日).
  [new RegExp(`(?<![\\d.一二两三四])(\\d{1,2}|${CN_INT})${S}天${S}(?:以|之)?前`, 'g'), (m, today) => {
    const n = parseNumber(m[1]!);
    return n === undefined ? null : today.subtract(n, 'day').format('YYYY-MM-DD');
  }],
  [new RegExp(`(?:一|1)${S}个?${S}(?:周|星期|礼拜)${S}(?:以)?前`, 'g'), (m, today) => today.subtract(7, 'day').format('YYYY-MM-DD')],
  // 3 days ago, two days ago, a week ago.
  [/(?<![a-z\d.])(\d{1,2}|an?|one|two|three|four|five|six|seven)\s{1,2}(days?|weeks?)\s{1,2}ago(?![a-z])/g, (m, today) => {
    const n = /^\d/.test(m[1]!) ? +m[1]! : ['a', 'one', 'two', 'three', 'four', 'five', 'six', 'seven'].indexOf(m[1] === 'an' ? 'a' : m[1]!) || 1;
    return today.subtract(n * (m[2]!.startsWith('week') ? 7 : 1), 'day').format('YYYY-MM-DD');
  }],
  [new RegExp(RELATIVE.map(([p]) => `(${p})`).join('|'), 'g'), (m, today) =>
    today.add(RELATIVE[m.slice(1).findIndex((g) => g !== undefined)]![1], 'day').format('YYYY-MM-DD')],
  // 11月8日（周日）, 11/15 周日, 11月15号，对，周日, 11.9那天是周一, 11月10日（第11周周二）: the weekday, right after the date or a
  // filler or the term's week (the school's to count), confirms the date just read; one that does not agree is asked about.
  [new RegExp(`(?<=\u0001)${S}(?:[(]${S}${TEACHING_WEEK}(?:周|星期|礼拜)${WEEKDAY}${S}[)]|(?:[,，]?${S}(?:那天|这天)?(?:对|嗯|就是|也就是|是|为)${S})?[,，]?${S}${TEACHING_WEEK}(?:周|星期|礼拜)${WEEKDAY}(?![楼号点时个位名户次层栋单元班年级十分${'一二三四五六日天七1-7'}]|${S}(?:[、和或/~\-]|到|至)))`, 'g'), (m, _today, before) => {
    const date = before.find((h) => h.end === m.index)?.date;
    if (!date) return null;
    const w = (m[1] ?? m[2])!;
    const day = weekdayIndex(w)! % 7;
    if (dayjs.utc(date).day() === day) return { start: 0, end: 0, phrase: m[0], confirms: true };
    return { start: 0, end: 0, phrase: m[0], problem: `${date} 不是${m[0].replace(/[()]/g, '').replace(/^[\s,，]*(?:(?:那天|这天)?(?:对|嗯|就是|也就是|是|为)[\s,，]*)?/, '').trim()}，请确认日期。` };
  }],
  // (下周5个楼道: a count after the week, not Friday)
  // (线上周三: online, on Wednesday; 上周三场直播, 下周三次上门: three of them, not Wednesday)
  [new RegExp(`(?<![每一二两三四五六七八九几那\\d])(?:(?<!线)(上上上|上上|上|这|本|下下|下|前(?=${S}个)))?${S}个?${S}(?:周|星期|礼拜)${WEEKDAY}(?!\\d|样|起算|(?<=一)直(?=在|都|没|是|忙|挺|很|不|待)|${S}(?:个|位|名|户|栋|幢|处|块|幅|件|场(?![地馆次所景合])|次(?!日)|趟|期(?!间)|节(?![目假日])|堂|轮(?!到)))`, 'g'), (m, today) => weekday(today, WEEKS[m[1] ?? ''] ?? 0, m[2]!)],
  [/(?<![a-z])(?:(last|this|next)\s{1,2})?(mon|tue|wed|thu|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?(?![a-z])/g, (m, today) =>
    weekday(today, m[1] ? ({ last: -1, this: 0, next: 1 } as Record<string, number>)[m[1]]! : 0, String(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].indexOf(m[2]!) + 1))],
  // (…not 线上周会, nor a next week that only names a plan's topic: 讨论下周分工 — but 下周的分工：周二… is that week's)
  [new RegExp(`(?<![每个线])(?:(?:上|这|本|下)?${S}个?${S}周末|(?:上上|上)${S}个?${S}(?:周|星期|礼拜)(?![围边岁年会])|(?:这|本)${S}个?${S}(?:周|星期|礼拜)(?![围边岁年会]|${S}第${S}[一二三四五六七八九十\\d])|下${S}个?${S}(?:周|星期|礼拜)(?![围边岁年会]|${S}的?${S}(?:排期|排班|排课|计划|安排|分工|任务|选题)(?!${S}[:：])))`, 'g'), (m) =>
    unplaced(m)],
  // Words for a time that is not one day: asked about, never read as today.
  [new RegExp(
    `去年|前年|去岁|旧岁|明后(?:天|两天)|(?:上上|上|这|本)${S}个?${S}月(?:份)?|(?:上|这|本)${S}个?${S}学期|上半年|年初|年中|年底|年末|` +
      // …a time still to come, unless it only names a plan's topic (讨论下个月的排班).
      `(?:明年|后年|(?:下下|下)${S}个?${S}月(?:份)?|下${S}个?${S}学期|下半年)(?!的|${S}(?:的)?(?:排期|排班|计划|安排|工作安排|分工|选题)|[^，。,；;]{0,12}(?:排期|排班|排课|班表|课表|分工|工作计划))|(?:半|几|好几|[两二三四五六七八九十]|\\d{1,2})${S}个?${S}(?:月|周|星期|礼拜)(?:以|之)?前|一${S}个${S}月(?:以|之)?前|前(?:几|两|些|一)${S}(?:天|日子?)|(?:这|呢|那|嗰)(?:几|两)(?:天|日)|` +
      // …in dialect: 老早辰光, 老早做过 (long ago), 早排/前排/早阵/近排/呢排 (Cantonese: a while ago, lately), 嗰日/嗰阵/嗰晚 (that day), 旧年, 上年.
      `老早(?:辰光|前|以前|之前|些时候|(?=[做去在帮干弄搞]))|(?<![马早晚])上年(?!纪|级|度|同期)|早(?:排|阵子?|先|些日子|两日|几日)|(?<![在坐到去的站])前排(?![的座位观])|前阵|近排|呢排|嗰(?:日|阵|晚|次|时|排)|旧年|有日(?=[喺在去])|有一日|前段时间|前一段|前阵子|前一阵|(?<=^|[，,。；;\\s])前期(?=已|在|[做去帮干弄搞参组牵])|` +
      `有一回|有(?:一)?次|某(?:一)?次|某回|有回|那(?:次|回|周|个?星期|个?礼拜|个?周末)(?!的)|` +
      // (a time told by what happened then: 期中考试后, 开学那几天, 军训期间)
      `(?:考试|考完|开学|放假|期中|期末|军训)[^，。,；;\\u0001]{0,3}?(?:以后|之后|以前|之前|后|前|那几天|那阵|期间)|前(?:两|几|一)${S}(?:周|个?星期|个?礼拜|个?月)|` +
      `(?<![a-z])(?:a few|few|several|some|many)\\s{1,2}(?:days?|weeks?|months?)\\s{1,2}(?:ago|back)(?![a-z])|(?:忘了|不记得|记不清|记不住|没记住)[^，。,；;]{0,3}(?:哪天|哪一天|几号|日期)|` +
      `(?<![a-z])(?:forg[eo]t|don'?t (?:remember|know)|can'?t remember|not sure (?:of|about))\\s{1,2}(?:the\\s{1,2}|which\\s{1,2}|what\\s{1,2})?(?:exact\\s{1,2})?(?:date|day)(?![a-z])|哪天来着|前一天|第二天|每(?:周|天|次|个周|个星期|个礼拜|星期|礼拜)(?!的|[^，。,；;]{0,10}(?:的安排|值班安排|排班|排期|班表|计划))|` +
      // The day forgotten (具体哪天忘了, 日期记不太清), a day to come (下次, 改天), a habit (平时, 经常) and a
      // stretch of time (开学以来, 第三周) name no day either.
      // (时间不记得了 after an amount, U+0001 here — a date is masked the same way — is the day forgotten: /记录 走访 2小时 石油街 时间不记得了)
      `(?:时间|日期)${S}[:：]?${S}(?:同上|同前|见上|如上)|(?:时间|日期)${S}[:：]${S}(?:[?？]+|未知|不详|待定|忘了|不记得了?)(?=\\s|$|[，。,；;])|(?<=\u0001[^。]{0,20})时间${S}(?:不记得|记不清|忘了)|某日|某一天|那个(?:雪|雨|大风|降温)天|下(?:雪|雨)(?:的)?那(?:天|次|回)|(?:具体)?(?:哪天|哪一天|几号|日期|日子|啥时候|什么时候|(?:周|星期|礼拜)几)[^，。,；;]{0,4}(?:来着|忘|记不|不记得|想不起|不确定|说不准|拿不准|(?:翻|查)(?:\u0001|一下|下)|(?:翻翻|查查))|` +
      `(?:(?:今年|去年|前年|那年)的?)?(?:春|夏|秋|冬)(?:天|季)(?=[^，。,；;]{0,2}(?:在|去|帮|给|时|的时候))|入冬(?:后|以后)|下次|下回|改天|过(?:两|几|些|一)天|` +
      `经常|常常|时常|平时|平常|通常|每逢|隔三差五|时不时|当天|那会儿?|那时(?:候)?|(?:头|早)(?:几|两|些)(?:天|日子|时候)|以来|第[一二三四五六七八九十\\d]{1,2}(?:周|个星期)|周六日|连(?:续|着)[^，。,；;]{0,4}天|(?<!离[^，。,]{0,12})最近(?!的)|近期|近日|日前|此前|先前|次日|翌日|当日|该日|双休日|(?<![天周月年])[之以]前(?![的面])|上次|(?<!线)上回(?!访)|那天|那一天|那几天|那日|那一日|那晚|那夜|彼时|那阵子?|(?<![昨今前])那个(?:晚上|夜里|早上|上午|下午|中午|白天)|某天|有一天|有天|有空(?:的时候|时)|有时间(?:的时候|时)|` +
      `(?<![a-z])(?:sometime|(?:before|after) (?:the )?midterms?|the week before last|(?:last|this|next)\\s{1,2}(?:week|month|weekend|time)|weekend|recently|lately|the other day|some ?day|one day|a few days ago|a while ago|some ?time ago|long ago|earlier|previously|earlier this (?:week|month))(?![a-z])|` +
      `${UNSAID_OF_RUN}|前(?:段|阵|些)(?:日子|时间|时候)?|这阵子|(?<![\\d一二三四五六七八九])(?:十|二十)几(?:号|日)|(?:好|头)?几天(?:以|之)?前|(?:一两|两三|三四)天(?:以|之)?前|头几天|早些时候|月初|月中|月底|月末|[上中下]旬`,
    'g'), unplaced],
  // A holiday or a break that spans days (十一假期, 国庆, 春节, 寒假, 放假那几天), unless it only names
  // an event held for it (元旦晚会, 中秋游园, 国庆的活动).
  [new RegExp(
    `(?:(?<![\\d一二三四五六七八九十双])十一${S}(?:小?长假|假期|黄金周|(?=期间|前后|那|放假|的时候|回家|回老家|在家))|国庆|元旦|中秋|端午|清明|春节|过年|除夕|` +
      `(?<![\\d一二三四五六七八九十])五一|劳动节|小长假|长假|黄金周|暑假|寒假|节假日|(?:放|休)?假期|放假(?=的时候|期间|那几天|时|后|回家|回老家|在家)|双休日?)` +
      `(?!${S}(?:节)?${S}(?:晚会|联欢|游园|汇演|文艺|演出|节目|活动|主题|慰问|灯会|灯谜|庙会|排期|排班|排课|计划|安排|分工|值班表|的(?!时候|那|几天|期间|前|后)))`,
    'g'), unplaced],
  // 11月, 十一月份, 十月: a month with no day — not the month a schedule is drawn up for (定了12月的排班表).
  [new RegExp(`(?:(?<![\\d.个])(?:\\d{1,2}|十[一二]?|[一二三四五六七八九])${S}月份|(?<![\\d.个上下这本每一二两三四五六七八九十几])(?:\\d{1,2}|十[一二]?|[一二三四五六七八九])${S}月(?!${S}[\\d一二三四五六七八九十两初中底末]))(?!${S}的?${S}(?:排期|排班|排课|班表|课表|值班表|计划|安排|分工))`, 'g'), unplaced],
];

const ENGLISH_MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Minutes as a clock is read (1.30, 2.00, 9.45), not any day of a month. */
const CLOCK_MINUTES = /^(?:00|15|30|45)$/;
const DAY_PART = '(?:上午|下午|中午|晚上|早上|傍晚|凌晨|[早晚])';
/** A time of day said just before N.MM (下午1.30): a clock time, even where N.MM makes a day. */
const CLOCK_PART = new RegExp(`${DAY_PART}\\s{0,2}$`);
/** …or 开始/结束, or the other end of a clock range (1.30到3.30), just after it. */
const CLOCK_NEXT = /^\s{0,2}(?:开始|结束|(?:到|至|[-~—–])\s{0,2}\d{1,2}[.:](?:00|15|30|45)(?![\d.]))/;
/** Where N.MM makes no day (2.30, 11.31), looser words around it say it is a clock time (从2.30, 2.30出发). */
const CLOCK_BEFORE = new RegExp(`(?:${DAY_PART}|从)\\s{0,2}$`);
const CLOCK_AFTER = /^\s{0,2}(?:开始|结束|出发|集合|到|至|[-~—–]|左右|前|后|以后|之后|am|pm)/;

/** Whether N.MM (`m`, its separator m[2]) has `before` just before it or `after` just after it: said as a time of day. */
function saidAsClock(m: RegExpMatchArray, before: RegExp, after: RegExp): boolean {
  return m[2] === '.' && (before.test(m.input!.slice(Math.max(0, m.index! - 4), m.index!)) || after.test(m.input!.slice(m.index! + m[0].length)));
}

/** A quoted name: 「…」, “…”, 《…》. */
const QUOTED_NAME = /[“"「『《][^”"」』》\u0001]{1,16}[”"」』》]/g;

/**
 * 5/11 said in November: 11 May is months gone and 5 November just past, and either may be meant — asked about, unless a
 * weekday after it (5/11周四) tells which. Only with a slash: 10.11 with a dot is month first, and 2.5 is no such pair.
 */
function eitherWay(today: dayjs.Dayjs, m: RegExpMatchArray, mo: number, d: number, r: string): DateHit | string | undefined {
  const swapped = m[2] === '/' && mo !== d && d <= 12 ? monthDay(today, d, mo) : undefined;
  const ago = (n: number) => today.subtract(n, 'month').format('YYYY-MM-DD');
  if (!swapped || r >= ago(1) || swapped <= ago(2) || swapped > ago(0)) return undefined;
  const said = /^\s{0,2}[(（]?\s{0,2}(?:周|星期|礼拜)([一二三四五六日天])/.exec(m.input!.slice(m.index! + m[0].length))?.[1];
  const day = said === undefined ? undefined : weekdayIndex(said)! % 7;
  if (day !== undefined) return [r, swapped].find((x) => dayjs.utc(x).day() === day);
  return { start: 0, end: 0, phrase: m[0], problem: `「${m[0]}」是${mo}月${d}日还是${d}月${mo}日？请写成几月几号。` };
}



/**
 * Every date phrase in `masked` (width-folded, durations already masked), relative to
 * `today` (a UTC-midnight dayjs holding the local calendar day). Each match is masked in
 * the returned text so a shorter pattern cannot re-read it (20日 inside 11月20日).
 */
export function findDates(masked: string, today: dayjs.Dayjs): { hits: DateHit[]; masked: string; elsewhere: Span[] } {
  const hits: DateHit[] = [];
  let work = masked;
  // (…nor the terms of a sum worked out, 1.5+1+0.5=3h, 10-1=9h, nor a ratio, 9/37≈24%)
  const sums = [...masked.matchAll(SUM_TERMS)].map((m) => [m.index, m.index + m[0].length] as const);
  // A day inside a quoted name (「周三见」项目, “周末课堂”) names the thing, not when it was done.
  const quoted = [...masked.matchAll(QUOTED_NAME)].map((q) => [q.index!, q.index! + q[0].length] as const);
  // …nor one in a clause on work already reported (周一那次已报), nor 今天 in the thoughts after the work (这句话我今天有了切身体会).
  const spans = (re: RegExp) => [...masked.matchAll(re)].map((q) => [q.index!, q.index! + q[0].length] as const);
  const [reported, thoughts] = [spans(ALREADY_REPORTED), spans(REFLECTION)];
  // (…and the days of a service kept out, 那次不报了, or of the clause before one that points back at it: 上周五也教过，那次已经报过了)
  const previous = previousTimes(masked);
  const leftOut = keptOut(masked, reported, previous);
  const [notThis, pinned, outDays, outClauses] = [new Set<DateHit>(), new Set<DateHit>(), new Set<string>(), new Set<readonly [number, number]>()];
  const around = (m: RegExpMatchArray, s: (readonly [number, number])[]) => s.find(([a, b]) => m.index! >= a && m.index! + m[0].length <= b);
  const inside = (m: RegExpMatchArray, s: (readonly [number, number])[]) => around(m, s) !== undefined;
  for (const [re, read] of DATE_PATTERNS) {
    for (const m of work.matchAll(re)) {
      if (quoted.some(([a, b]) => m.index! > a && m.index! + m[0].length < b) || sums.some(([a, b]) => m.index! >= a && m.index! + m[0].length <= b) || (inside(m, thoughts) && /^(?:今|today)/.test(m[0].trim()))) continue;
      const r = read(m, today, hits);
      if (inside(m, reported)) {
        if (typeof r === 'string' && r) outDays.add(r);
        outClauses.add(around(m, leftOut)!);
        continue;
      }
      if (r === null) continue;
      const start = m.index!;
      const end = start + m[0].length;
      // (跟昨天一样, 和上回差不多, 还是上周那家物业: a day the service is likened to, not the day it was done)
      // (…nor a night of the student's own: 昨晚没睡好，…; 昨天晚上追剧追到两点)
      if (notTheDay(work, start, end)) {
        work = maskSpan(work, start, end);
        continue;
      }
      const phrase = m[0].trim();
      let hit: DateHit = typeof r === 'object' ? { ...r, start, end } : { start, end, phrase, date: r, problem: r ? undefined : `「${phrase}」不是有效的日期，请检查。` };
      // 为明天的活动做准备: a day still to come that names what the work was for, not when it was
      // done — only context beside the day named, asked about when it is the only one.
      // (…and a day still to come that the work got ready for: 为12月4日国家宪法日预热, 布置明天要用的会场, 明天来体检的老人)
      if (hit.date && hit.date > today.format('YYYY-MM-DD') && (/^\s{0,2}(?:[来要][\u4e00-\u9fa5]{1,2})?的/.test(work.slice(end, end + 6)) || /(?:为|迎接|备战)\s{0,2}$/.test(work.slice(Math.max(0, start - 3), start)))) {
        hit = { start, end, phrase, problem: `日期「${phrase}」还没到，只能记录今天或以前的服务，请确认日期。`, vague: true };
      }
      // (只报前几天那次: the time that is no one day is the one reported, asked about even beside today's)
      const only = picksOut(work, start, end);
      if (hit.vague && only && /^\s{0,2}(?:的?那|的)/.test(work.slice(end, end + 3))) hit = { ...hit, vague: undefined };
      if (only) pinned.add(hit);
      if (inside(m, leftOut)) {
        notThis.add(hit);
        outClauses.add(around(m, leftOut)!);
      }
      const plannedAtMeeting = hit.vague === true && plannedFor(phrase, work, start, end, masked);
      // (numbers after 第, 第1-10题, count questions or pages, not days)
      const numbered = /^\d/.test(phrase) && /第\s{0,2}$/.test(work.slice(Math.max(0, start - 3), start));
      // (年底总结, 本月光盘打卡数据, 这学期的居民投诉登记表: a period naming the papers worked on, not when)
      const papers = hit.vague === true && PAPERS_PERIOD.test(phrase) && PERIOD_PAPERS.test(work.slice(end, end + 12));
      if (!plannedAtMeeting && !numbered && !papers) hits.push(hit);
      work = maskSpan(work, start, end);
    }
  }
  const kept = aheadDropped(movedDays(oneOfTwo(hits, notThis, pinned, outDays), work, today.format('YYYY-MM-DD')), today.format('YYYY-MM-DD'), work);
  // (…and the clauses of the service before, told to set this one apart: 上次是帮着扫院子, 这次不是扫雪了)
  const elsewhere = [...otherService(masked, hits, kept, outClauses, pinned), ...previous];
  return { hits: labelledDays([...kept].sort((a, b) => a.start - b.start), masked), masked: work, elsewhere };
}
