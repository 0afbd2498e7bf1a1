/**
 * Hours told in pieces: an amount for each of several visits (每次1.5小时, 每趟一小时, 上午下午各两小时),
 * multiplied by the visits counted (去了两次, 上午下午) and asked about when the count is not said
 * (来回跑了好几趟，每趟1小时); a product (1.5h×2); a second stretch added with more work (上午9点到11点半…，
 * 下午又去了两个小时), summed; and an amount longer than the clock time it was given in (9:00-11:00 …
 * 时长：3小时), asked about. Part of reportParser.ts; works on width-folded text and the durations found in it
 * (numerals.ts), before reportPhrases.ts `resolveHours` picks the one that stands.
 */
import { CN_INT, parseNumber, type Duration } from './numerals.js';
import { standing } from './reportPhrases.js';

/** Said just before an amount, it is each visit's (每次, 每趟, 各). */
const EACH = /(?:每(?:一)?(?:次|趟|回|轮|场|个来回)(?:都)?|各(?:自)?(?:去了?|干了?|做了?|服务了?|都)?)\s{0,2}(?:是|约|大约|大概|差不多)?\s{0,2}$/;
/** How many visits: 去了两次, 跑了三趟, 两回. */
const COUNT = new RegExp(`(?<![每第])(\\d{1,2}|${CN_INT})\\s{0,2}(?:次|趟|回|轮)(?![数])`, 'g');
/** A count not said: 好几趟, 几次, 多次, 来回跑. */
const UNCOUNTED = /(?:好|十)?几\s{0,2}(?:次|趟|回|轮)|(?<![一二两三四五六七八九十\d])多(?:次|趟|回)|来回跑|跑来跑去/;
const PART = '(?:上午|早上|早晨|中午|下午|傍晚|晚上)';
/** Two parts of one day (上午下午, 下午和晚上), each a visit. */
const TWO_PARTS = new RegExp(`(${PART})\\s{0,2}(?:和|、|跟|与|及|加|,|，)?\\s{0,2}(${PART})`);
/** A part of the day with a visit of its own (上午一趟下午一趟). */
const PART_VISIT = new RegExp(`${PART}(?:去了?|来了?|跑了?)?\\s{0,2}(?:一|1)\\s{0,2}(?:次|趟|回)`, 'g');
/** Between two stretches, more work (…，下午又去了; 晚上又去入户走访了; 扫雪1h，又清理楼道1h). */
const LATER_AGAIN = new RegExp(`(?:${PART}[^。]{0,12}?)?(?:又|再|还)(?:去|来|到|干|做|弄|忙|帮|给|陪|教|入户|走访|维持|服务|接着|清理|打扫|扫|铲|整理|收拾|搬|发|讲|开|组织|参加|带)`);
/** 1.5h×2, 1.5h x 2次 / 2*1.5h: a product. */
const TIMES_AFTER = new RegExp(`^\\s{0,2}[×x*✖]\\s{0,2}(\\d{1,2}|${CN_INT})\\s{0,2}(次|趟|回|天)?`);
const TIMES_BEFORE = new RegExp(`(?<![\\d.])(\\d{1,2}|${CN_INT})\\s{0,2}(次|趟|回|天)?\\s{0,2}[×x*✖]\\s{0,2}$`);
/** An amount said to be the total or the real one: it is not added to. */
const SUMMED = /(?:一共|总共|共计|合计|总计|累计|加起来|前后|共|实际|其中|有效|净)[^，。,；;]{0,8}$/;

/** What was made of the pieces: the durations to pick from, and a question if the total is not known. */
export interface Repeats {
  durations: Duration[];
  /** An amount given for each visit was multiplied (so 各 is no sharing of hours among people). */
  counted: boolean;
  problem?: string;
}

/** The number of visits a per-visit amount is for: a count said, two parts of the day, or undefined. */
function visits(folded: string): number | 'uncounted' | undefined {
  const said = [...new Set([...folded.matchAll(COUNT)].map((m) => parseNumber(m[1]!)).filter((n): n is number => n !== undefined && n >= 2))];
  if (said.length === 1) return said[0];
  if (said.length > 1) return 'uncounted';
  const parts = folded.match(PART_VISIT)?.length ?? 0;
  if (parts >= 2) return parts;
  const two = TWO_PARTS.exec(folded);
  if (two && two[1] !== two[2]) return 2;
  return UNCOUNTED.test(folded) ? 'uncounted' : undefined;
}

/** Reads hours told in pieces; the durations come back with the pieces made into one amount. */
export function repeats(durations: Duration[], folded: string): Repeats {
  const before = (d: Duration, re: RegExp) => re.test(folded.slice(Math.max(0, d.start - 12), d.start));
  const said = standing(durations, folded, true);
  const each = said.filter((d) => d.kind === 'amount' && before(d, EACH));
  if (each.length > 0 && new Set(each.map((d) => d.hours)).size === 1) {
    const n = visits(folded);
    // (with a total said as well, the total stands)
    if (said.some((d) => d.kind === 'amount' && before(d, SUMMED))) return { durations, counted: true };
    if (n === undefined || n === 'uncounted') {
      return { durations, counted: n === 'uncounted', problem: `「${each[0]!.phrase}」是每一次的时长，请填写这次服务共计多少小时（去了几次一共多久）。` };
    }
    const total = each[0]!.hours! * n;
    return { durations: durations.map((d) => (each.includes(d) ? { ...d, hours: total } : d)), counted: true };
  }
  // 1.5h×2, 2*1.5h: an amount times the visits, written as a product.
  const product = said.find((d) => d.kind === 'amount' && (TIMES_AFTER.test(folded.slice(d.end, d.end + 8)) || TIMES_BEFORE.test(folded.slice(Math.max(0, d.start - 8), d.start))));
  if (product) {
    const m = TIMES_AFTER.exec(folded.slice(product.end, product.end + 8)) ?? TIMES_BEFORE.exec(folded.slice(Math.max(0, product.start - 8), product.start))!;
    const n = parseNumber(m[1]!);
    if (n === undefined || m[2] === '天') return { durations, counted: true, problem: `「${product.phrase}」乘上了几天或说不清的次数，请填写这一天共计多少小时。` };
    return { durations: durations.map((d) => (d === product ? { ...d, hours: product.hours! * n } : d)), counted: true };
  }
  // 上午9点到11点半…，下午又去了两个小时: two stretches, the later one added.
  if (said.length === 2 && !said.some((d) => d.kind === 'vague' || before(d, SUMMED))) {
    const [a, b] = said as [Duration, Duration];
    if (LATER_AGAIN.test(folded.slice(a.end, b.start))) {
      // (the later one carries the sum, so that each phrase stays where it was said)
      return { durations: durations.filter((d) => d !== a).map((d) => (d === b ? { ...d, hours: a.hours! + b.hours! } : d)), counted: false };
    }
  }
  // 9:00-11:00 … 时长：3小时: more hours than the clock time they were given in.
  const ranges = said.filter((d) => d.kind === 'range');
  const span = ranges.reduce((t, d) => t + d.hours!, 0);
  const longer = said.find((d) => d.kind === 'amount' && ranges.length > 0 && d.hours! > span && !before(d, SUMMED));
  if (longer) return { durations, counted: false, problem: `时长「${longer.phrase}」比时间段（${ranges.map((d) => d.phrase).join('、')}）还长，请确认这次服务共计多少小时。` };
  return { durations, counted: false };
}
