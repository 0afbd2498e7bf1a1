/**
 * Festivals and named days as students date their service by them (重阳节那天, 双十一晚上, 立冬当天,
 * 中秋节前一天, 消防日在社区…): the day they fall on in the year meant, from the Gregorian calendar,
 * the lunar calendar (重阳, 中秋, 寒衣节) or the solar terms (立冬, 霜降, 冬至). Part of reportParser.ts
 * (through reportDates.ts); works on width-folded text with the durations already masked.
 *
 * A holiday of several days (国庆, 春节, 五一) names one day only with 那天/当天 or an offset
 * (国庆节当天, 国庆节前一天); on its own it is the break, asked about by reportDates.ts. A name in an
 * event's name (重阳节活动, 元旦晚会) or in what was done (宣传双十一防骗) is no date: a festival is read
 * only as a clause's time (at its start, before a time of day, a place or the work), with 那天/当天, or
 * with an offset. 前夕, 前后, 期间 and 那几天 name no single day.
 */
import { createRequire } from 'node:module';
import { dayjs } from '../time.js';
import { S } from './numerals.js';
import type { DateHit } from './reportDates.js';

/** The days a named day falls on in the Gregorian year `y` (two for 腊八 in a year that has one in January and one in December). */
type Year = (y: number) => string[];

/** The lunar calendar and the solar terms, loaded on the first festival met (most reports name none). */
let lunar: typeof import('lunar-typescript') | undefined;
const calendar = () => (lunar ??= createRequire(import.meta.url)('lunar-typescript') as typeof import('lunar-typescript'));

const ymd = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const fixed = (m: number, d: number): Year => (y) => [ymd(y, m, d)];
/** Lunar month/day, in the Gregorian year `y` (the lunar year may be the one before: 除夕, 腊八 in January). */
const lunarDay = (m: number, d: number, shift = 0): Year => (y) =>
  [y - 1, y].map((ly) => calendar().Lunar.fromYmd(ly, m, d).getSolar().next(shift)).filter((s) => s.getYear() === y).map((s) => s.toYmd());
/** A solar term's day in the Gregorian year `y`. */
const term = (name: string): Year => (y) => {
  for (const ly of [y - 1, y, y + 1]) {
    const s = calendar().Lunar.fromYmd(ly, 6, 1).getJieQiTable()[name];
    if (s && s.getYear() === y) return [s.toYmd()];
  }
  return [];
};
/** The n-th given weekday (Sunday 0) of a month: 母亲节, the second Sunday of May. */
const nth = (m: number, weekday: number, n: number): Year => (y) => {
  const first = dayjs.utc(ymd(y, m, 1)).day();
  return [ymd(y, m, 1 + ((weekday - first + 7) % 7) + 7 * (n - 1))];
};

/** Named days: [names, the day in a year, whether the bare name is one day (false: a break of several days)]. */
const NAMED: [string, Year, boolean][] = [
  ['元旦', fixed(1, 1), false], ['情人节', fixed(2, 14), true], ['(?:学)?雷锋(?:纪念)?日', fixed(3, 5), true],
  ['(?:三八)?妇女节|三八节', fixed(3, 8), true], ['植树节', fixed(3, 12), true], ['(?:世界)?水日', fixed(3, 22), true],
  ['(?:世界)?卫生日', fixed(4, 7), true], ['(?:全民)?国家安全教育日', fixed(4, 15), true], ['(?:世界)?地球日', fixed(4, 22), true],
  ['(?:世界)?读书日', fixed(4, 23), true], ['(?:五一)?劳动节|五一', fixed(5, 1), false], ['(?:五四)?青年节', fixed(5, 4), true],
  ['五四', fixed(5, 4), false], ['护士节|(?:全国)?防灾减灾日', fixed(5, 12), true], ['(?:世界)?无烟日', fixed(5, 31), true],
  ['(?:六一)?儿童节', fixed(6, 1), true], ['六一', fixed(6, 1), false], ['(?:世界)?环境日', fixed(6, 5), true],
  ['(?:全国)?爱眼日', fixed(6, 6), true], ['(?:国际)?禁毒日', fixed(6, 26), true], ['建党节|七一', fixed(7, 1), false],
  ['(?:八一)?建军节|八一', fixed(8, 1), false], ['教师节', fixed(9, 10), true], ['九一八', fixed(9, 18), true],
  ['(?:十一)?国庆节?', fixed(10, 1), false], ['(?:世界)?精神卫生日', fixed(10, 10), true], ['(?:世界)?粮食日', fixed(10, 16), true],
  ['(?:全国|国家)?扶贫日', fixed(10, 17), true], ['万圣节', fixed(10, 31), true], ['记者节', fixed(11, 8), true],
  ['(?:全国|119)?消防(?:宣传)?日', fixed(11, 9), true], ['119', fixed(11, 9), false], ['双(?:十一|11)|光棍节', fixed(11, 11), true],
  ['(?:世界)?糖尿病日', fixed(11, 14), true], ['(?:世界)?艾滋病日', fixed(12, 1), true], ['(?:全国)?交通安全日', fixed(12, 2), true],
  ['国际残疾人日', fixed(12, 3), true], ['(?:国家)?宪法(?:宣传)?日', fixed(12, 4), true], ['(?:国际)?志愿者日', fixed(12, 5), true],
  ['(?:国家)?公祭日', fixed(12, 13), true], ['平安夜', fixed(12, 24), true], ['圣诞节?', fixed(12, 25), true],
  ['母亲节', nth(5, 0, 2), true], ['父亲节', nth(6, 0, 3), true], ['感恩节', nth(11, 4, 4), true],
  ['春节', lunarDay(1, 1), false], ['大年初一', lunarDay(1, 1), true], ['元宵节|正月十五', lunarDay(1, 15), true], ['元宵', lunarDay(1, 15), false],
  ['龙抬头|二月二', lunarDay(2, 2), true], ['端午节?', lunarDay(5, 5), true], ['七夕节?', lunarDay(7, 7), true],
  ['中元节', lunarDay(7, 15), true], ['中秋节?', lunarDay(8, 15), true], ['(?:九九|九月初?九)?重阳节?', lunarDay(9, 9), true],
  ['寒衣节', lunarDay(10, 1), true], ['下元节', lunarDay(10, 15), true], ['腊八节?', lunarDay(12, 8), true],
  ['小年', lunarDay(12, 23), true], ['除夕|(?:大)?年三十', lunarDay(1, 1, -1), true],
  ['清明节?', term('清明'), false], ['(?:农民)?丰收节', term('秋分'), true],
  // (小雪, 大雪, 小寒, 大寒 and the like also say the weather: a term only said with 节气)
  ...['立春', '惊蛰', '春分', '谷雨', '立夏', '芒种', '夏至', '立秋', '处暑', '白露', '秋分', '寒露', '霜降', '立冬', '冬至']
    .map((n): [string, Year, boolean] => [n, term(n), true]),
  ...['雨水', '小满', '小暑', '大暑', '小雪', '大雪', '小寒', '大寒'].map((n): [string, Year, boolean] => [`${n}${S}节气`, term(n), true]),
];

const OFFSETS: Record<string, number> = { 前一天: -1, 前一晚: -1, 前两天: -2, 前三天: -3, 后一天: 1, 第二天: 1, 次日: 1, 后两天: 2, 第三天: 2 };
/** 那天, 当天, 当晚: the festival's own day. */
const THAT_DAY = '那天|当天|这天|那一天|这一天|那日|当日|当晚';
/** What a festival said as a clause's time comes before: a time of day, a place, the work, the person. */
// (not 冬至到了, 中秋回家了: the day coming, a trip home; nor 中秋三天假期: days of a break)
const THEN = `\\u0001|上午|下午|晚上|早上|早晨|中午|傍晚|夜里|凌晨|[，,、\\s]|去|在|给|帮|跟|和|陪|于|线上|线下|参加|开|做|教|讲|组织|办|入户|走访|我|[\\d一二三四五六七八九十两](?![^，。,；;]{0,2}天)`;
/** Where a clause starts. */
const CLAUSE_START = /(?:^|[\s，。,；;！!：:、)）\]】~～]|补报|我|我们|今年)$/;
/** A time around the festival that is no single day. */
const AROUND = '前夕|前后|期间|那几天|那周|那段时间|左右|假期|放假|长假|小长假';

const NAMES = NAMED.map(([n]) => n);
const NAME_RES = NAMED.map(([n]) => new RegExp(`^(?:${n})$`));
/** Offsets from a break of several days that say no single day (国庆前三天, 国庆后两天: before it, or its first days?). */
const ONE_DAY_OFF = /^(?:前一天|前一晚)$/;
/**
 * A festival said as a day: 1 the year (去年重阳节), 2 the festival, then an offset, that day or a time
 * around it; or, for a festival of one day, said as a clause's time.
 */
export const FESTIVAL_DAY = new RegExp(
  `(?:(去年|前年|今年)的?)?(?<![\\d一二三四五六七八九十])(${NAMES.map((n) => `(?:${n})`).join('|')})(?:${S}(?:节气|节)?${S}(?:(?<offset>${Object.keys(OFFSETS).join('|')})|(?:(?:${THAT_DAY})${S})?(?<around>${AROUND})|(?<thatDay>${THAT_DAY}))|(?=${S}(?:${THEN})))`,
  'g',
);

/** The day a festival phrase names (a reader of reportDates.ts's DATE_PATTERNS), or null when it names none here. */
export function readFestival(m: RegExpMatchArray, today: dayjs.Dayjs): DateHit | string | null {
  const name = m[2]!;
  const found = NAME_RES.findIndex((re) => re.test(name));
  if (found < 0) return null;
  const [, year, single] = NAMED[found]!;
  const { offset, thatDay, around } = m.groups!;
  const phrase = m[0].trim();
  if (around || (offset && !single && !ONE_DAY_OFF.test(offset))) return { start: 0, end: 0, phrase, problem: `「${phrase}」没有说是哪一天，请补充具体日期。`, vague: true };
  if (!offset && !thatDay && (!single || !CLAUSE_START.test(m.input!.slice(0, m.index!)) && !m[1])) return null;
  if (m[1] === '去年' || m[1] === '前年') return { start: 0, end: 0, phrase, problem: `「${phrase}」不在本学年，这里只记本学年的服务；如果说的是今年，请写几月几号。` };
  // This year's, unless it is more than two months ahead (圣诞节 said in January is last year's): as a month and day.
  const y = today.year();
  const ahead = today.add(2, 'month').format('YYYY-MM-DD');
  // (the latest of this year's and last year's days not more than two months ahead: 腊八 in June is January's)
  const day = [...(m[1] ? [] : year(y - 1)), ...year(y)].filter((d) => m[1] || d <= ahead).at(-1);
  if (!day) return null;
  return offset ? dayjs.utc(day).add(OFFSETS[offset]!, 'day').format('YYYY-MM-DD') : day;
}

