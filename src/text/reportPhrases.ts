/**
 * The phrases a report's facts are read from and then cut out of its description: how long (with the words that only framed
 * the amount) and which day (online or offline: reportMode.ts); and the description left. Part of reportParser.ts; width-folded text.
 */
import type { DateHit } from './reportDates.js';
import type { Duration, Span } from './numerals.js';
import { AS_PLANNED } from './reportPlans.js';
import { saidActual } from './reportWorking.js';
import { standing } from './reportTakenBack.js';
import { perEntry } from './reportEntries.js';

/** An amount the student is unsure of (好像是3小时, 应该有2小时). */
const HEDGED = /^(?:好像|似乎|貌似|应该|也许|或许|可能|估计)/;

/** …or just after it (2小时吧应该, 两个小时，好像是, 5个小时吧记不清了). */
const HEDGED_AFTER = /^[吧，,\s]{0,2}(?:(?:应该|可能|好像|大概|估计|也许)(?:吧|是吧|是)?(?=[\s，。,；;!！~～]|$)|(?:记不(?:太)?清|不(?:太)?确定|说不准|拿不准)了?(?=$|[，。,；;!！~～…])|[（(]?还是[^，。,；;）)]{1,6}[？?])/;
/** An amount only planned (本来说好两小时), then the work cut short (结果…提前领走了): how long it really was is not said. */
const PLANNED = new RegExp(`(?:${AS_PLANNED}|计划|说好|预计|打算)[^，。,；;\\u0001\\d]{0,6}$`);
const CUT_SHORT = /提前|提早|早早|没(?:干|做|弄|讲|辅导)完|中途|半路|只(?:待|呆|干|做|弄|讲)了/;

/** A vague amount of hours (两个多小时, 2h+), not a part of the day (一下午, 半天). */
const LOOSE = /小时|钟|hour|hr|h(?![a-z])/;

/** 还要多一点, 可能多点, 不止: said just after an amount, it makes the amount a lower bound. */
const MORE_AFTER = /^[^。，,；;]{0,2}[，,]?\s{0,2}(?:左右)?[吧，,\s]{0,2}(?:可能|也许|或许|大概|应该)?(?:还要?|要)?(?:再)?多(?:一)?点|^[^。]{0,6}(?:不止|还不止)/;

/** Time that is no service (路上的时间没算, 吃饭休息不算在内): left out of the hours on purpose. */
export const NOT_SERVICE_TIME = '路上|路程|来回|往返|坐车|等车|乘车|通勤|交通|吃饭|午饭|晚饭|午休|休息|歇|等人|排队';
/**
 * Said after the last amount or clock range, it leaves the total open: more time may have gone on
 * it (也可能更久, 不止, 只多不少), more time followed that the amount does not cover (后面又忙了一会儿,
 * 之后又聊了一阵), or some was left out on top (加上备课的时间没算) — unless what was left out is no service
 * (路上的时间没算, 没算路上) or is told as time of its own left out of the amount (整理录音的时间没算,
 * （收拾场地没算）). Not more work told without its time (完了又收拾了一下): that is in the amount.
 */
const OPEN_AFTER = new RegExp([
  '更久|更长(?!久)|更多(?:的)?时间|可能更多(?=\\s{0,2}(?:$|[，。,；;!！~～吧])|一点|些|的?时间)|(?<!收获|意义)不止|只多不少|(?:可能|也许|或许|说不定|估计)(?:还|会)?(?:多|长|久|超过)',
  '(?:又|还|再)(?:忙|干|弄|待|呆|留|做|帮|搞|聊|陪|收拾|整理)?[^，。,；;]{0,8}?(?:了)?(?:一会儿?|(?<=(?:讲|教|辅导|帮|陪|扫|干|忙|弄|做|整理|收拾)了)会儿|一阵子?|好一会儿?|好一阵子?|一段时间|一些时间|些时间|好久|挺久|很久|一小会儿?|老半天|好半天)',
  `(?<!(?:${NOT_SERVICE_TIME})[^，。,；;]{0,5}|(?<!(?:加上|另外|还有)[^，。,；;]{0,8})(?:的|那点|那段|那些)(?:时间)?|[(（][^，。,；;)）]{1,12})(?:没|没有|未)(?:算|计|计入|包括|包含|算上|加上|加进去|记进去)(?:进去|在内|上)?(?![^，。,；;]{0,3}(?:${NOT_SERVICE_TIME}))|(?<!(?:${NOT_SERVICE_TIME})[^，。,；;]{0,5})(?:不(?:包括|包含)|不(?:算|计)(?:在内|进去))(?![^，。,；;]{0,3}(?:${NOT_SERVICE_TIME}))`,
].join('|'));

/** The start of a form's next field: a content mark or label (📝, 内容：). */
const NEXT_FIELD = /[\u{1F4DD}\u{1F4CC}\u270F]|(?:内容|事项|事由|做了(?:啥|什么))\s{0,2}[:：]/u;
/** A second piece of work begun between two amounts (，又…, ，还…). */
const MORE_WORK = /[，,；;]\s{0,2}(?:然后|接着|之后|后来)?(?:又|还|再)(?!是|说|算)[^。]{0,12}$/;

const NOT_SERVICE_NEXT = new RegExp(`^[^，。,；;]{0,3}(?:${NOT_SERVICE_TIME})`);
/** …and so does the total after its parts (扫了两个半小时，然后又铲冰，一共三个小时). */
/** Words that say an amount is the total (reportRepeats.ts reads them too). */
export const TOTAL_WORDS = '一共|总共|共计|合计|总计|累计|加起来';
const TOTAL = new RegExp(`(?:${TOTAL_WORDS}|前后|共)(?:算|算下来|算起来)?(?:是|有|约|大约|大概|差不多|用了|花了|干了|服务了?)?\\s{0,2}$`);

/**
 * One amount wins; a stated amount beats a clock range (下午2点到5点，实际2.5小时), and an
 * amount said to be the real one beats other amounts (8点到4点，中午歇了一个小时，实际7小时).
 * Different stated amounts or only vague ones → ask.
 */
export function resolveHours(durations: Duration[], folded: string, removed: Span[], ambiguities: string[]): number | undefined {
  // Clock ranges stay in the description: 下午2点到4点 tells the reviewer when, not how long.
  removed.push(...durations.filter((d) => d.kind !== 'range').map((d) => withFiller(folded, d)));
  // 三个小时，不对，是两个半小时: what was taken back is no amount; nor is time on the road (坐了两个小时大巴去…).
  const said = standing(durations, folded, true).filter((d) => !onTheRoad(folded, d));
  const stated = said.filter((d) => d.kind === 'amount');
  // (其中一小时是路上: the time named is what was not service)
  const actual = said.filter((d) => d.kind !== 'vague' && saidActual(folded, d) && !NOT_SERVICE_NEXT.test(folded.slice(d.end, d.end + 8)));
  const saidAsTotal = (d: Duration) => TOTAL.test(folded.slice(Math.max(0, d.start - 8), d.start));
  const total = stated.filter((d, i) => i > 0 && saidAsTotal(d));
  const amounts = new Set(actual.map((d) => d.hours)).size === 1 ? actual : new Set(total.map((d) => d.hours)).size === 1 ? total : stated;
  const pool = amounts.length > 0 ? amounts : said.filter((d) => d.kind === 'range');
  const values = [...new Set(pool.map((d) => d.hours!))];
  // An amount doubted or loosened beside another (2小时，哦不对好像是3小时; 3小时…三个多小时) leaves
  // neither sure, unless one is said to be the real one; a time of day (一下午，两点到五点) does not.
  // (…but a loose part before the total said, 剩下二十来分钟答疑，共2小时, is inside it)
  const doubted = said.find((d) => d.kind === 'vague' && (HEDGED.test(d.phrase) || (LOOSE.test(d.phrase) && actual.length === 0 && !stated.some((t) => t.start >= d.end && saidAsTotal(t)))));
  if (doubted && values.length > 0) {
    ambiguities.push(`时长「${doubted.phrase}」说得不确定，请确认这次服务共计多少小时。`);
    return undefined;
  }
  if (values.length === 1 && pool.every((d) => d.kind === 'amount' && PLANNED.test(folded.slice(Math.max(0, d.start - 8), d.start))) && CUT_SHORT.test(folded.slice(pool.at(-1)!.end))) {
    ambiguities.push(`「${pool[0]!.phrase}」是原先说好的时长，后来提前结束了：请填写实际服务了多少小时。`);
    return undefined;
  }
  // 2小时吧应该, 两个小时，好像: an amount doubted just after it is said.
  const unsure = pool.find((d) => d.kind === 'amount' && HEDGED_AFTER.test(folded.slice(d.end, d.end + 8)));
  if (unsure && values.length === 1) {
    ambiguities.push(`时长「${unsure.phrase}」说得不确定，请确认这次服务共计多少小时。`);
    return undefined;
  }
  // 2小时，可能还要多一点: the amount said is only a lower bound.
  const more = pool.find((d) => d.kind === 'amount' && MORE_AFTER.test(folded.slice(d.end, d.end + 14)));
  if (more && values.length === 1) {
    ambiguities.push(`时长「${more.phrase}」后面说还要多一些，请填写确切的小时数。`);
    return undefined;
  }
  // 一个钟头左右吧，也可能更久; 从一点讲到三点半，后面又忙了一会儿: the total is left open (not in a form's next field,
  // ⏰2h 📝先扫雪，扫完又帮网格员录了会儿表: the amount is the field's total).
  const last = said.reduce((a, d) => Math.max(a, d.end), 0);
  const after = folded.slice(last, last + 24);
  const open = values.length === 1 && !NEXT_FIELD.test(after) ? OPEN_AFTER.exec(after) : null;
  if (open) {
    ambiguities.push(`「${open[0]}」听起来服务时间不止「${pool.at(-1)!.phrase}」，请填写这次服务共计的小时数。`);
    return undefined;
  }
  // 1. 辅导作业 1小时 ⏎ 2. 听写 0.5小时: a numbered list's entries, each with its own amount, add up (…unless an
  // entry's time is left vague: ② 陪他们做手工 半天).
  const vagueEntry = amounts === stated && stated.length > 0 ? said.find((d) => d.kind === 'vague' && perEntry(folded, [...stated, d])) : undefined;
  if (vagueEntry) {
    ambiguities.push(`时长「${vagueEntry.phrase}」不够具体，请填写确切的小时数。`);
    return undefined;
  }
  if (amounts === stated && pool.every((d) => d.kind === 'amount') && perEntry(folded, pool)) return checkHours(pool.reduce((a, d) => a + d.hours!, 0), pool.map((d) => d.phrase).join(' + '), ambiguities);
  // 扫了一个小时雪，又辅导了一个小时作业: the same amount again for a second piece of work is more time, not the same.
  const again = amounts === stated && pool.length > 1 && pool.some((d, i) => i > 0 && MORE_WORK.test(folded.slice(pool[i - 1]!.end, d.start)));
  if (values.length === 1 && !again) return checkHours(values[0]!, pool[0]!.phrase, ambiguities);
  if (values.length > 1 || again) {
    ambiguities.push(`提到了多个时长（${pool.map((d) => d.phrase).join('、')}），请确认这次服务共计多少小时。`);
  } else {
    const vague = said.find((d) => d.kind === 'vague');
    if (vague) ambiguities.push(`时长「${vague.phrase}」不够具体，请填写确切的小时数。`);
  }
  return undefined;
}

/** What students ride (校车, 公交, 地铁, 电动车 …). */
const VEHICLE = '校车|大巴|公交|班车|地铁|火车|高铁|出租|电动车|自行车|单车|摩托|车';
/** A ride before an amount (坐了, 乘, 骑了, 开了) … */
const RIDE_BEFORE = new RegExp(`(?:坐|乘|骑|开)了?(?:${VEHICLE})?(?:快|将近|差不多|大概|约)?\\s{0,2}$`);
/** …with the vehicle or the way there after it (坐了一个小时公交到…, 开了两个小时的车去…, 骑了四十分钟到) — not 值班坐了2小时, 开了1小时会. */
const RIDE_AFTER = new RegExp(`^\\s{0,2}(?:的?(?:${VEHICLE})|(?:才)?(?:去|到))`);
/** Before time the student spent getting there or waiting: 路上堵车堵了快一个小时, 等了半个多小时公交, 排队排了40分钟, 来回坐车5个多小时 (not 帮老人排队登记 3小时, 教老人打车 1小时). */
const WAITED_BEFORE = /(?:堵了|(?<![安彩编])排(?:队排)?了|等了|颠了|来回坐车|坐车坐了|路上(?:堵了|颠了|走了|花了|用了))(?:快|将近|差不多|大概|约|足足)?半?\s{0,2}$/;
/** …and after it, where the waiting led (才到, 公交, 车): not 帮老人排队挂号，排了三个小时. */
const WAITED_AFTER = new RegExp(`^\\s{0,2}(?:[，,]\\s{0,2})?(?:才|然后|的?(?:${VEHICLE}))`);
/** Time said to be on the way (路上走了一刻钟, 路上将近一个小时, 校车开了半小时), or a start put off (活动推后了一个小时). */
const ROAD_BEFORE = new RegExp(`(?:路上(?:走了|花了|用了|坐了|骑了|颠了|堵了)|(?<=^|[，,。；;\\s\\u0001])路上|(?:${VEHICLE})(?:开|走|跑|坐)了)(?:快|将近|差不多|大概|约)?\\s{0,2}$|(?:推迟|推后|延后|延迟|晚)了(?:快|将近|差不多|大概|约)?\\s{0,2}$`);
/** Waiting told with the verb twice (等校车等了一刻钟, 等大家进会议等了十分钟): never service. */
const WAITED_FOR = /等[^，。,；;\d]{1,10}等了(?:快|将近|差不多|大概|约|足足)?半?\s{0,2}$/;
/** A clause telling the way there (骑车到, 走了…路到, 路上堵车) … */
const ON_THE_WAY = new RegExp(`(?:骑车|坐车|开车|打车|(?:坐|乘)(?:${VEHICLE})|走(?:了)?[^，。,；;]{0,6}路)[^，。,；;]{0,12}到|路上[^，。,；;]{0,4}堵|堵车`);
/** …with no work said in it. */
const WORK_IN_CLAUSE = /帮|给|陪|教|辅导|扫|搬|发|讲|整理|服务|值班|巡/;
/** The clause an amount is said in. */
export function clauseOf(folded: string, d: Span): string {
  const before = folded.slice(0, d.start).search(/[^，。,；;\n]*$/);
  const after = folded.slice(d.end).search(/[，。,；;\n]|$/);
  return folded.slice(before, d.end + after);
}
/** Whether an amount is time on the road or spent waiting, which is no service: a ride, a walk there (走了20分钟才到), 一小时车程 (not 修了三个小时的车). */
export function onTheRoad(folded: string, d: Duration): boolean {
  const after = folded.slice(d.end, d.end + 4);
  const before = folded.slice(Math.max(0, d.start - 8), d.start);
  // (陪王奶奶去医院复查，等医生等了两个小时: waiting with someone is service)
  if (d.kind !== 'range' && WAITED_FOR.test(folded.slice(Math.max(0, d.start - 16), d.start)) && !/陪|帮|替/.test(folded.slice(0, d.start))) return true;
  if (d.kind !== 'range' && ROAD_BEFORE.test(before)) return true;
  // (从学校骑车到龙江社区骑了四十分钟, 走了半小时雪路到社区, 路上堵车堵了快一个小时: a clause of the way there, no work in it)
  const clause = d.kind !== 'range' ? clauseOf(folded, d) : '';
  if (ON_THE_WAY.test(clause) && !WORK_IN_CLAUSE.test(clause)) return true;
  return d.kind !== 'range' && (/^\s{0,2}的?(?:车程|路程)/.test(after) || (WAITED_BEFORE.test(before) && WAITED_AFTER.test(after) && !/(?:帮|陪|替|巡逻|散步)[^，。,；;]*$/.test(folded.slice(0, d.start))) || ((RIDE_BEFORE.test(before) || /走了\s{0,2}$/.test(before)) && RIDE_AFTER.test(after)));
}

const ROAD_IN = /从出发到回来|(?:出门|出发)到回(?:来|学校|宿舍)|来回(?:一共|总共|共)|(?:含|包括|连|算上)了?路上/;
const ROAD_UNSURE = /(?:路上|路程|来回|坐车)[^，。,；;]{0,8}(?:不太?清楚|不知道|不确定|说不准|说不清|记不清|忘了|没注意)/;
/** 从出发到回来一共三个半小时，路上占了多少不清楚: the way there inside the amount, of a length not known — the question, if so. */
export function roadUntold(folded: string): string | undefined {
  return ROAD_IN.test(folded) && ROAD_UNSURE.test(folded) ? '时长里含路上的时间，路上多久没说清，请填写服务本身的小时数。' : undefined;
}

// Words that only framed an amount (共2小时, 时长：2h, 辅导了2小时 …) go with it.
const LEAD_FILLER = /(?:(?:服务|志愿)?时长|用时|历时|耗时|共计|总共|一共|合计|累计|总计|共|约|大约|大概|差不多|花了|用了|了)\s{0,2}[:为是]?\s{0,2}$/;
const TRAIL_FILLER = /^\s{0,2}(?:左右|上下|的样子)/;
// (each word read one way only — 服务了 is 服务+了 —, so that a long run of them cannot backtrack)
const FILLER_CLAUSE = /^[\s:：]*(?:志愿(?=(?:服务)?(?:时长|时间))|服务|时长|时间|用时|历时|耗时|共计|总共|一共|合计|累计|总计|共|约|大约|大概|左右|为|是|了|[\s:：])*$/;

/** Widens an hours span over the words that only framed it (共约 2小时左右). */
function withFiller(folded: string, s: Span): Span {
  let start = s.start;
  for (let i = 0; i < 3; i++) {
    const lead = LEAD_FILLER.exec(folded.slice(Math.max(0, start - 12), start))?.[0] ?? '';
    if (!lead) break;
    start -= lead.length;
  }
  return { start, end: s.end + (TRAIL_FILLER.exec(folded.slice(s.end, s.end + 8))?.[0].length ?? 0) };
}

/** Cuts `removed` out of `text` and tidies what is left. */
export function describe(text: string, removed: Span[]): string {
  const spans = [...removed];
  spans.sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const s of spans) {
    if (s.start > at) out += text.slice(at, s.start);
    at = Math.max(at, s.end);
  }
  out += text.slice(at);
  const tidy = out
    .split(/([,，。；;！!？?\n、])/)
    .filter((part, i, parts) => !(i % 2 === 0 && FILLER_CLAUSE.test(part)) && !(i % 2 === 1 && FILLER_CLAUSE.test(parts[i - 1] ?? '')))
    .join('')
    .replace(/[（(]\s*[)）]|【\s*】/g, '')
    .replace(/[ \t\u3000]{2,}/g, ' ')
    .replace(/\s+([,，。；;、！!？?])/g, '$1')
    .replace(/([,，。；;、])[\s,，。；;、]+/g, '$1')
    .replace(/^的(?=\S)/, '')
    .replace(/^[\s,，。；;、:：\-—–~]+|[\s,，；;、:：\-—–~]+$/g, '');
  return tidy || text.trim();
}

/** Words that place a week or month other than this one (上周, 下周, 下个月, 那周, next week). */
const OTHER_TIME = /^(?:上|下(?!旬)|过|改天|明年|那|next|last)/;
/** A weekday said with nothing placing its week (周二, 星期五, fri). */
const BARE_WEEKDAY = /^(?:(?:周|星期|礼拜)[一二三四五六日天七1-7]|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*)$/;
/** The weekday (this week's) moved into the week named before it (上周末 + 周日 → last Sunday). */
function dayOfWeek(week: string, weekday: DateHit): string | undefined {
  const m = /^(上上|上|这|本)\s{0,3}个?\s{0,3}(?:周|星期|礼拜)(末)?$/.exec(week);
  if (!m || (m[2] && !/[六日天七]|sat|sun/.test(weekday.phrase))) return undefined;
  const shift = { 上上: -14, 上: -7 }[m[1] as '上上' | '上'] ?? 0;
  return new Date(Date.parse(`${weekday.date}T00:00:00Z`) + shift * 86_400_000).toISOString().slice(0, 10);
}

/** The date named (today when none is); several, none pinned down, or one still to come → ambiguity and no date. */
export function resolveDate(all: DateHit[], today: string, ambiguities: string[]): string | undefined {
  const hits = all.filter((h) => !h.confirms);
  if (hits.length === 0) return today;
  // A date that does not exist or disagrees with its weekday is asked about, even beside a day
  // named; a vague time (上个月) only when no day is named.
  const dates = [...new Set(hits.flatMap((h) => (h.date ? [h.date] : [])))];
  const problems = hits.flatMap((h) => (h.date || (h.vague && dates.length > 0) ? [] : [h.problem!]));
  if (problems.length > 0) {
    ambiguities.push(...problems);
    return undefined;
  }
  if (dates.length > 1) {
    ambiguities.push(`提到了多个日期（${dates.join('、')}），请确认是哪一天。`);
    return undefined;
  }
  // 下周的分工：周二辅导作业, 我上周的记录：周二…, 第十周的周三 (no other day said) — a bare weekday after another week is
  // that week's weekday, not the latest one: asked about rather than guessed.
  const week = hits.find((h) => h.vague && OTHER_TIME.test(h.phrase));
  const other = week ?? hits.find((h) => h.vague && /^第.{1,3}(?:周|个星期)$/.test(h.phrase) && hits.every((d) => !d.date || BARE_WEEKDAY.test(d.phrase)));
  const weekday = hits.find((h) => h.date && BARE_WEEKDAY.test(h.phrase));
  // …unless the weekday says which day of it, right after it: 上周末（周日）, 上周 周三.
  const placed = week && weekday && weekday.start >= week.end && weekday.start - week.end <= 1 ? dayOfWeek(week.phrase, weekday) : undefined;
  if (placed) {
    if (placed <= today) return placed;
    ambiguities.push(`日期 ${placed} 还没到，只能记录今天或以前的服务，请确认日期。`);
    return undefined;
  }
  if (other && weekday && other.start < weekday.start) {
    ambiguities.push(`「${weekday.phrase}」是「${other.phrase}」的哪一天？请确认日期。`);
    return undefined;
  }
  if (dates[0]! > today) {
    ambiguities.push(`日期 ${dates[0]} 还没到，只能记录今天或以前的服务，请确认日期。`);
    return undefined;
  }
  return dates[0];
}

/** A space between two Chinese characters. */
const GAP = /(?<=[\u4e00-\u9fa5])[ \t]{1,3}(?=[\u4e00-\u9fa5])/g;

/** Text with the spaces between Chinese words taken out; `origin[i]` is where its i-th unit was. */
export interface Joined {
  text: string;
  origin?: number[];
}

/**
 * Chinese typed word by word (我 在 锦绣社区 帮 社区 医生 给 老人 量 血压, as students new to Chinese
 * write it), joined up so that words are read as in any other report (帮社区, 送米, 帮她记). Only
 * a text with three or more such gaps is joined: one or two spaces in a note (周二 康宁社区 走访)
 * separate its parts.
 */
export function joinWords(text: string): Joined {
  const gaps = [...text.matchAll(GAP)];
  if (gaps.length < 3) return { text };
  let out = '';
  const origin: number[] = [];
  let at = 0;
  const keep = (to: number) => {
    out += text.slice(at, to);
    for (let i = at; i < to; i++) origin.push(i);
  };
  for (const g of gaps) {
    keep(g.index!);
    at = g.index! + g[0].length;
  }
  keep(text.length);
  return { text: out, origin };
}

/** The stretch of the original text that `start`…`end` of a joined text came from. */
export function unjoin(joined: Joined, start: number, end: number): Span {
  if (!joined.origin || end <= start) return { start, end };
  return { start: joined.origin[start]!, end: joined.origin[end - 1]! + 1 };
}

/**
 * The hours rule a log must meet (PRODUCT.md §4: more than 0, at most 12, in half hours), said
 * while the student is still in the chat: `-3小时` is refused, never saved as 3.
 */
function checkHours(hours: number, phrase: string, ambiguities: string[]): number | undefined {
  const rule = '服务时长须在 0.5 到 12 小时之间，以半小时为单位';
  if (hours <= 0) ambiguities.push(`时长「${phrase}」不是正数。${rule}，请填写实际的小时数。`);
  else if (hours > 12) ambiguities.push(`时长「${phrase}」超过了 12 小时。${rule}；连续几天的服务请每天各记一条。`);
  else if (!Number.isInteger(hours * 2)) {
    const down = Math.floor(hours * 2) / 2;
    ambiguities.push(`时长「${phrase}」不是半小时的整数倍。${rule}，请填写 ${down > 0 ? `${down} 或 ` : ''}${Math.ceil(hours * 2) / 2} 小时。`);
  } else return hours;
  return undefined;
}
