/**
 * Hours told in pieces: an amount for each of several visits (每次1.5小时, 每趟一小时, 上午下午各两小时),
 * multiplied by the visits counted (去了两次, 上午下午) and asked about when the count is not said
 * (来回跑了好几趟，每趟1小时); a product (1.5h×2); the breaks of a day and time taken off taken out (reportBreaks.ts);
 * a second stretch added with more work (上午9点到11点半…，下午又去了两个小时), summed; and an amount longer than the
 * clock time it was given in (9:00-11:00 … 时长：3小时), asked about. Part of reportParser.ts; works on width-folded
 * text and the durations found in it (numerals.ts), before reportPhrases.ts `resolveHours` picks the one that stands.
 */
import { WORKED } from './clockTimes.js';
import { CN_INT, parseNumber, type Duration } from './numerals.js';
import { offUntaken, restedAWhile, takeBreaks, takeOff } from './reportBreaks.js';
import { saidActual, sumStart, withoutWorking } from './reportWorking.js';
import { clauseOf, NOT_SERVICE_TIME, onTheRoad, roadUntold, TOTAL_WORDS } from './reportPhrases.js';
import { standing } from './reportTakenBack.js';
import { THAT_VISIT } from './reportTwoServices.js';

/** Words for "each" just before an amount (…是/约 allowed between): each visit, each household, 各. */
const BEFORE_AMOUNT = '\\s{0,2}(?:是|约|大约|大概|差不多)?\\s{0,2}$';
const EACH_VISIT = '每(?:一)?(?:次|趟|回|轮|场|个来回)(?:都)?';
const EACH_HOME = '每(?:一)?(?:户|家)(?:都)?';
const EACH_SHARE = '各(?:自)?(?:去了?|干了?|做了?|服务了?|辅导了?|值班了?|都)?';
/** Said just before an amount, it is each visit's (每次, 每趟, 每户, 各). */
const EACH = new RegExp(`(?:${EACH_VISIT}|${EACH_HOME}|${EACH_SHARE})${BEFORE_AMOUNT}`);
/** 每户半小时: each household's, times the households counted. */
const EACH_OF_HOMES = new RegExp(`${EACH_HOME}${BEFORE_AMOUNT}`);
/** 各 before an amount: each visit's only when the visits are counted; else each person's or each place's. */
const EACH_OF = new RegExp(`${EACH_SHARE}${BEFORE_AMOUNT}`);
/** 我和室友…各干了2小时, 我们各2小时: the people who each did it include the student, whose own amount it is. */
const WE_EACH = /(?:我们|咱们|我俩|(?<!帮|替|给)我(?=[和跟与同]))[^。；;]{0,30}各(?:自)?[^，。,；;]{0,6}$/;
/** 在幸福里和锦绣社区各服务了1小时: each of the places named, one after another the same day. */
// (one run of text, split on the joiners in code: a nested quantifier here backtracked without end on 及及及…)
const PLACES_EACH = /(?:在|去了?|到|跑了?)([^，。,；;在去到]{3,60}?)[，,]?\s{0,2}各(?:自)?[^，。,；;]{0,6}$/;
const PLACE_JOINER = /和|跟|与|、|及|还有/;
/** The places a PLACES_EACH run names (幸福里和锦绣社区 → 2), or undefined when it is not two or more named. */
function placesNamed(run: string): number | undefined {
  const parts = run.split(PLACE_JOINER);
  return parts.length >= 2 && parts.every((p) => p.length >= 1 && p.length <= 12) ? parts.length : undefined;
}
/** Visits on more than one day (这周去了3次, 每周两次, 这个月跑了五趟): no single day's hours. */
const DAYS_COUNT = new RegExp(`(?:这|本|上|每)(?:一)?(?:周|星期|礼拜|个?月)[^，。,；;]{0,6}?(?<!第\\s{0,2})(?:\\d{1,2}|${CN_INT}|几|好几)\\s{0,2}(?:次|趟|回)|(?:这|那)?几天[^，。,；;]{0,6}?(?:\\d{1,2}|${CN_INT})\\s{0,2}(?:次|趟|回)`);
/** How many visits: 去了两次, 跑了三趟, 两回. */
const COUNT = new RegExp(`(?<![每第])(\\d{1,2}|${CN_INT})\\s{0,2}(?:次|趟|回|轮)(?![数])`, 'g');
/** How many households: 走了4户, 三家. */
const HOMES = new RegExp(`(?<![每第])(\\d{1,2}|${CN_INT})\\s{0,2}(?:户|家)(?!长|人|门)`, 'g');
/** …counted by the visiting verb itself: 走了4户, 走访了三家, 去了4户. */
const VISITED_HOMES = new RegExp(`(?:走访?|访|去|跑|入|进|看)(?:了|过)?\\s{0,2}(\\d{1,2}|${CN_INT})\\s{0,2}(?:户|家)(?!长|人|门)`, 'g');
/** A count not said: 好几趟, 几次, 多次, 来回跑. */
const UNCOUNTED = /(?:好|十)?几\s{0,2}(?:次|趟|回|轮)|(?<![一二两三四五六七八九十\d])多(?:次|趟|回)|来回跑|跑来跑去/;
const PART = '(?:上午|早上|早晨|中午|下午|傍晚|晚上)';
/** Two parts of one day (上午下午, 下午和晚上), each a visit. */
const TWO_PARTS = new RegExp(`(${PART})\\s{0,2}(?:和|、|跟|与|及|加|,|，)?\\s{0,2}(${PART})`);
/** A part of the day with a visit of its own (上午一趟下午一趟). */
const PART_VISIT = new RegExp(`${PART}(?:去了?|来了?|跑了?)?\\s{0,2}(?:一|1)\\s{0,2}(?:次|趟|回)`, 'g');
/** Between two stretches, more work (…，下午又去了; 晚上又去入户走访了; 扫雪1h，又清理楼道1h). */
const LATER_AGAIN = new RegExp(`(?:${PART}[^。]{0,12}?)?(?:又|再|还)(?:去|来|到|干|做|弄|忙|帮|给|陪|教|入户|走访|维持|服务|接着|清理|打扫|扫|铲|整理|收拾|搬|发|讲|开|组织|参加|带)|(?:又|再)从?\\s{0,2}$`);
/** A later part of the day or a next step between two stretches (上午2h下午1.5h; …1小时，然后去业委会座谈1小时，最后…) — not a range's end (干到下午), nor the span said again (两点到五点，整整一个下午三小时; not 整下午, a stretch of its own). */
const NEXT_PART = new RegExp(`(?<![到至\\-~—]|一个?)${PART}|(?:^|[，,；;。\\s])(?:然后|接着|之后|后来|最后|会后|散会后)`);
/** …unless what comes between is time that was no service (中午休息了1小时, 等同学等了半小时) or the same amount said again (…没了，就1小时; …，会后整理桌椅⏎服务时长：2小时). */
const NO_NEXT_PART = new RegExp(`${NOT_SERVICE_TIME}|(?:时长|用时|工时)[^，。,；;\\d\\u0001]{0,3}$|等[^，。,；;]{0,6}了|算了?一?下|其实|改成|改到|改为|(?:就|也就|就是|才|只有?)\\s{0,2}$`);
/** A clause of time that was no service: an exam or a class of the student's own, the way there or back, a meal, a wait. */
const NO_SERVICE = /本来|原计划|计划|打算|考试|考了|上课|上了[^，。,；;]{0,3}课|班会|心得|回学校|回宿舍|集合|路上|坐车|坐公交|公交|地铁|等了|等车|通勤|乘车|吃饭|午饭|晚饭/;
/** A while (一会儿, 一阵子, 又加了点时间, 一直弄到社区关门): no amount, but time spent all the same. */
const A_WHILE = new RegExp(`一小?会儿?|一阵子?|(?:加了|多了)(?:点|些|一点|一些)?时间|${WORKED}到(?:[^，。,；;\\d\\u0001]{0,6}(?:关门|结束|天黑|很晚|半夜|下班))`, 'g');
/** A clause of other work after an amount (扫雪半小时，清理楼道半小时): its own amount follows. */
const NEXT_WORK = /^\s{0,2}[，,、；;]\s{0,2}(?:然后|接着|之后|后来|最后)?\s{0,2}(?:清理|打扫|扫|铲|整理|收拾|搬|擦|捡|布置|登记|录入|打印|装订|分发|发放|入户|走访)[^，。,；;\d\u0001]{1,10}$/;
/** Work told by no more than that it was done (服务, 干了, 忙了, 志愿服务了) just before the first amount: a total. */
const TOTAL_FIRST = /(?:服务|志愿服务|干|忙|做|待|呆|帮忙|干活)(?:了|活)?\s{0,2}(?:大概|大约|约|差不多|共|一共|总共)?\s{0,2}$/;
/** 1.5h×2, 1.5h x 2次 / 2*1.5h: a product. */
const TIMES_AFTER = new RegExp(`^\\s{0,2}[×x*✖]\\s{0,2}(\\d{1,2}|${CN_INT})\\s{0,2}(次|趟|回|天)?`);
const TIMES_BEFORE = new RegExp(`(?<![\\d.])(\\d{1,2}|${CN_INT})\\s{0,2}(次|趟|回|天)?\\s{0,2}[×x*✖]\\s{0,2}$`);
/** An amount said to be the total or the real one: it is not added to. */
const SUMMED = new RegExp(`(?:${TOTAL_WORDS}|前后|共|实际|其中|有效|净)[^，。,；;]{0,8}$`);

/** A day or a visit named as the one an amount is for (今天, 这次). */
const ONE_DAY = /今天|今日|今儿|昨天|昨日|前天|这次|这回|本次|这一次|[这那](?:一)?趟/;

/** One visit of several named as the one reported (周二那次, 今天下午那次, 今天是第三次). */
const ONE_VISIT = new RegExp(`(?:今天|昨天|前天|(?:周|星期|礼拜)[一二三四五六日天])\\s{0,2}${THAT_VISIT}|(?:今天|这次)(?:是)?第[^，。,；;]{1,3}次`);
/** Words of a total (SUMMED's own, not 其中 or 实际), and the stretch of days it may be over (这周, 这个月). */
const TOTAL_WORD = new RegExp(`(?:${TOTAL_WORDS})[^，。,；;]{0,8}$`);
const SEVERAL_DAYS = /这周|本周|这星期|这礼拜|这个?月|本月|这学期|本学期|这几天/;

/** 这周去了三次，一共6小时，今天那次2个小时: the total of several days' visits, beside this visit's own amount, is not this record's. */
function withoutVisitsTotal(told: Duration[], folded: string): Duration[] {
  const amounts = told.filter((d) => d.kind === 'amount');
  if (amounts.length < 2) return told;
  // (…the sum worked out before it skipped: 累计=2+1.5+3=6.5h)
  const totals = amounts.filter((d) => TOTAL_WORD.test(folded.slice(Math.max(0, sumStart(folded, d) - 12), sumStart(folded, d))) && (DAYS_COUNT.test(folded) || SEVERAL_DAYS.test(clauseOf(folded, d))));
  return totals.length === 1 ? told.filter((d) => d !== totals[0]) : told;
}

/** What was made of the pieces: the durations to pick from, and a question if the total is not known. */
export interface Repeats {
  durations: Duration[];
  /** An amount given for each visit was multiplied (so 各 is no sharing of hours among people). */
  counted: boolean;
  problem?: string;
}

/** The different counts of two or more that `re` (its first group the number) finds in the text. */
function countsSaid(folded: string, re: RegExp): number[] {
  return [...new Set([...folded.matchAll(re)].map((m) => parseNumber(m[1]!)).filter((n): n is number => n !== undefined && n >= 2))];
}

/** The number of visits a per-visit amount is for: a count said, two parts of the day, or undefined. */
function visits(folded: string): number | 'uncounted' | undefined {
  const said = countsSaid(folded, COUNT);
  if (said.length === 1) return said[0];
  if (said.length > 1) return 'uncounted';
  const parts = folded.match(PART_VISIT)?.length ?? 0;
  if (parts >= 2) return parts;
  const two = TWO_PARTS.exec(folded);
  if (two && two[1] !== two[2]) return 2;
  return UNCOUNTED.test(folded) ? 'uncounted' : undefined;
}

/** How many households 每户 is for (走了4户, 去了三家): one number said, or 'uncounted'. */
function households(folded: string): number | 'uncounted' {
  // (走了4户，另外3户没人在家; 走访了4户…其中2家是低保户: the count the visiting verb took)
  const visited = countsSaid(folded, VISITED_HOMES);
  if (visited.length === 1) return visited[0]!;
  const said = countsSaid(folded, HOMES);
  return said.length === 1 ? said[0]! : 'uncounted';
}

/** Clock ranges one after another, none overlapping (9:30-11:30，13:30-16:00; 上午8:30-11:30 …，下午 1:30-3:00). */
function oneAfterAnother(said: Duration[]): boolean {
  let end = 0;
  for (const d of said) {
    if (d.kind !== 'range' || d.endsAt === undefined) return false;
    // (1:30-3:00 after 11:30: the afternoon)
    // (…only a range before 7 o'clock can be the afternoon's: 8:30-11:30 after 9:00-11:00 overlaps it)
    const start = d.endsAt - d.hours!;
    const at = start >= end ? d.endsAt : start < 7 && start + 12 >= end && d.endsAt + 12 <= 24 ? d.endsAt + 12 : undefined;
    if (at === undefined) return false;
    end = at;
  }
  return true;
}

/** Reads hours told in pieces; the durations come back with the pieces made into one amount. */
export function repeats(told: Duration[], folded: string): Repeats {
  // (早八晚五，中午歇了一个小时: the breaks out of the clock time first)
  // (…and the working of a sum left out: 2×45=90min=1.5h)
  const { durations, problem } = takeOff(takeBreaks(withoutVisitsTotal(withoutWorking(told, folded), folded), folded), folded);
  if (problem) return { durations, counted: false, problem };
  const untaken = roadUntold(folded) ?? offUntaken(told, durations.filter((d) => !onTheRoad(folded, d)), folded);
  if (untaken) return { durations, counted: false, problem: untaken };
  const before = (d: Duration, re: RegExp) => re.test(folded.slice(Math.max(0, d.start - 12), d.start));
  const said = standing(durations, folded, true);
  const each = said.filter((d) => d.kind === 'amount' && before(d, EACH));
  if (each.length > 0 && new Set(each.map((d) => d.hours)).size === 1) {
    let n = before(each[0]!, EACH_OF_HOMES) ? households(folded) : visits(folded);
    // (with a total said as well, the total stands)
    if (said.some((d) => d.kind === 'amount' && before(d, SUMMED))) return { durations, counted: true };
    // 这周去了3次，每次一小时: visits on several days, each day recorded on its own.
    // (…unless one of them is named as the one reported: 这周三次，每次俩小时，今天是第三次)
    const days = DAYS_COUNT.exec(folded);
    if (days && ONE_VISIT.test(folded)) return { durations, counted: true };
    if (days) return { durations, counted: true, problem: `「${days[0]}」不止一天，请每天分别记一条。` };
    // 各 with no visits counted: among people (我和室友…各干了2小时, the student's own amount) or
    // among places (幸福里和锦绣社区各1小时, one amount for each place).
    const first = each[0]!;
    const head = folded.slice(0, first.start);
    if (n === undefined && EACH_OF.test(head)) {
      if (WE_EACH.test(head)) return { durations, counted: true };
      const places = PLACES_EACH.exec(head);
      const named = places ? placesNamed(places[1]!) : undefined;
      if (named) n = named;
      else return { durations, counted: false, problem: `「${first.phrase}」是每一处或每个人的时长，请填写你这次服务共计多少小时。` };
    }
    if (n === undefined || n === 'uncounted') {
      return { durations, counted: n === 'uncounted', problem: `「${each[0]!.phrase}」是每一次的时长，请填写这次服务共计多少小时（去了几次一共多久）。` };
    }
    const total = each[0]!.hours! * n;
    return { durations: durations.map((d) => (each.includes(d) ? { ...d, hours: total } : d)), counted: true };
  }
  // 这周去了三次，一共7个小时: one total for visits on several days, no one day's hours.
  // (not 这周去了三次，今天辅导作业一共2小时 or 昨天那趟…，一共3小时: one day named before the total is the day it is for)
  const days = said.length === 1 && before(said[0]!, SUMMED) ? DAYS_COUNT.exec(folded) : null;
  if (days && !ONE_DAY.test(folded.slice(days.index + days[0].length, said[0]!.start))) return { durations, counted: true, problem: `「${days[0]}」不止一天，「${said[0]!.phrase}」是几次加起来的，请每天分别记一条。` };
  // 1.5h×2, 2*1.5h: an amount times the visits, written as a product.
  const times = (d: Duration) => (d.kind === 'amount' ? (TIMES_AFTER.exec(folded.slice(d.end, d.end + 8)) ?? TIMES_BEFORE.exec(folded.slice(Math.max(0, d.start - 8), d.start))) : null);
  const product = said.find((d) => times(d) !== null);
  if (product) {
    const m = times(product)!;
    const n = parseNumber(m[1]!);
    if (n === undefined || m[2] === '天') return { durations, counted: true, problem: `「${product.phrase}」乘上了几天或说不清的次数，请填写这一天共计多少小时。` };
    return { durations: durations.map((d) => (d === product ? { ...d, hours: product.hours! * n } : d)), counted: true };
  }
  // 服务3小时，扫雪1小时，清理楼道2小时; 服务了2.5小时，其中扫雪1小时…: a total said first (after work told by no
  // more than 服务/干/忙, or before 其中), then its parts — the total stands when the parts add up to it, else asked.
  if (said.length >= 3 && said.every((d) => d.kind === 'amount') && TOTAL_FIRST.test(folded.slice(0, said[0]!.start).split(/[，。,；;]/).at(-1)!)) {
    const gaps = said.slice(1).map((b, i) => folded.slice(said[i]!.end, b.start));
    const partsGap = (gap: string, i: number) => NEXT_WORK.test(i === 0 ? gap.replace(/^(\s{0,2}[，,、；;]\s{0,2})其中/, '$1') : gap);
    if (gaps.every(partsGap)) {
      const first = said[0]!;
      const parts = said.slice(1).reduce((t, d) => t + d.hours!, 0);
      if (Math.abs(parts - first.hours!) < 1e-9) return { durations: durations.filter((d) => d === first || !said.includes(d)), counted: false };
      return { durations, counted: false, problem: `先说了共「${first.phrase}」，后面各项加起来却是${parts}小时，请确认这次服务共计多少小时。` };
    }
  }
  const rested = restedAWhile(said, folded);
  if (rested) return { durations, counted: false, problem: rested };
  // 上午走访了一会儿，下午又走访了2小时; 上午2小时，下午也去了一会儿: one stretch's time not said.
  // (a while is looked for only beside an amount said: most reports have one amount and no while)
  const whiles: Duration[] = said.some((d) => d.kind !== 'vague') ? [...folded.matchAll(A_WHILE)].map((m) => ({ start: m.index!, end: m.index! + m[0].length, phrase: m[0], kind: 'vague' })) : [];
  const loose = [...said, ...whiles].find((v) => v.kind === 'vague' && !NO_NEXT_PART.test(folded.slice(Math.max(0, v.start - 8), v.start)) && said.some((d) => {
    if (d.kind === 'vague') return false;
    const gap = folded.slice(Math.min(d.end, v.end), Math.max(d.start, v.start));
    return (NEXT_PART.test(gap) || LATER_AGAIN.test(gap)) && !NO_NEXT_PART.test(gap);
  }));
  if (loose) return { durations, counted: false, problem: `「${loose.phrase}」没有说具体多久，请填写这次服务共计多少小时。` };
  // 上午考试考了2小时，下午辅导作业2小时; 扫雪2小时，然后坐公交半小时回学校: a stretch that was no service is left out.
  const off = said.length >= 2 ? said.filter((d) => d.kind !== 'vague' && !before(d, SUMMED) && NO_SERVICE.test(clauseOf(folded, d)) && !/帮|陪|替|给/.test(clauseOf(folded, d))) : [];
  if (off.length > 0 && off.length < said.length) return repeats(durations.filter((d) => !off.includes(d)), folded);
  // 上午9点到11点半…，下午又去了两个小时; 扫雪0.5h，又清理楼道0.5h，又整理材料0.5h; 扫雪半小时，清理楼道半小时:
  // stretches one after another, each later one added.
  if (said.length >= 2 && said.length <= 4 && !said.some((d) => d.kind === 'vague' || before(d, SUMMED))) {
    const pairs = said.slice(1).map((b, i) => folded.slice(said[i]!.end, b.start));
    const road = said.some((d) => onTheRoad(folded, d));
    const parts = !road && !pairs.some((gap) => NO_NEXT_PART.test(gap));
    const more = (gap: string, i: number) => LATER_AGAIN.test(gap) || (parts && NEXT_PART.test(gap)) || (said[i]!.kind === 'amount' && said[i + 1]!.kind === 'amount' && NEXT_WORK.test(gap));
    // (a break between two clock ranges is left out by the clocks themselves: 7点到8点半…中间歇了一会儿，9点到9点半)
    // (…unless the last is the clock time said again as a clause of its own, no other stretch between: 两点到四点半…，还教会他们用手机投屏，
    // 两个半小时 — not 9:00-11:00辅导作业，下午扫雪，2小时)
    const last = said.at(-1)!;
    const again = said.length === 2 && said[0]!.kind === 'range' && last.kind === 'amount' && last.hours === said[0]!.hours && /^[\s，,。]*$/.test(clauseOf(folded, last).replace(last.phrase, '')) &&
      !NEXT_PART.test(pairs[0]!) && !/又|(?:还|再)(?:去|到|来)/.test(pairs[0]!);
    if (!again && (pairs.every(more) || (!road && oneAfterAnother(said)))) {
      // (the last one carries the sum, so that each phrase stays where it was said)
      const sum = said.reduce((t, d) => t + d.hours!, 0);
      return { durations: durations.filter((d) => d === last || !said.includes(d)).map((d) => (d === last ? { ...d, hours: sum } : d)), counted: false };
    }
  }
  // 9:00-11:00 … 时长：3小时: more hours than the clock time they were given in.
  const ranges = said.filter((d) => d.kind === 'range');
  const span = ranges.reduce((t, d) => t + d.hours!, 0);
  // (…not a guess put right by the clock: 估计有三个小时，实际上是3点到5点半)
  const longer = said.find((d) => d.kind === 'amount' && ranges.length > 0 && d.hours! > span && !before(d, SUMMED) && !ranges.some((r) => saidActual(folded, r)));
  if (longer) return { durations, counted: false, problem: `时长「${longer.phrase}」比时间段（${ranges.map((d) => d.phrase).join('、')}）还长，请确认这次服务共计多少小时。` };
  return { durations, counted: false };
}
