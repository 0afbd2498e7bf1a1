/**
 * Time that was no service, told beside the service's: a day with its breaks (早八晚五，中午歇了一个小时; 9:30到16:30
 * 中午1小时; 8:00-11:30, 13:30-17:00), where the service is the clock time less the breaks and the words for the whole
 * day (一整天, 全天) only say when it was; and an amount with time taken off it (4个小时，中午吃饭的一个钟头要扣掉;
 * 2h（含路上半小时，路上的不算）; 3h，扣掉培训的半小时报2.5h), where the amount the student reports stands, else the
 * amount less the time to take off, and time said to be left out already (1.5h（等物业来的那半小时没算）) is no more
 * hours; the amount said last stands when it agrees with the clock (6点到9点，中间吃饭半小时扣了，2.5小时), and a clock
 * range with time to take off that none of this could take off is asked about (中间等人等了20分钟，扣掉吧).
 * Part of reportRepeats.ts, before the pieces are put together; works on width-folded text and the durations found
 * in it (numerals.ts).
 */
import type { Duration, Span } from './numerals.js';

/** A whole day or a part of one said beside clock times: when the service was, not how long. */
const DAY_WORD = /^(?:一整天|一天|全天|整天|一整(?:个)?(?:上午|下午|晚上)|整个(?:上午|下午|晚上|白天)|一(?:整)?(?:个)?(?:上午|下午|晚上|早上|白天))$/;
/** What a break is said as: a meal, a rest, being away or offline (中午歇了, 午饭, 盒饭, 中午下线, 中途离开了). */
const BREAK_WORD = '休息|歇|午休|午睡|吃饭|吃午饭|午饭|午餐|盒饭|下线|轮休|离开|回(?:宿舍|学校|家)';
/** …just before an amount, in its clause (中午吃饭休息了一个半钟头, 中间吃饭+去医院拿药 一共离开了), or 中午 right before it (中午1小时). */
const BREAK_BEFORE = new RegExp(`(?:${BREAK_WORD})[^，。,；;\\d\\u0001]{0,10}$|(?:中午|中间)\\s{0,2}(?:大概|约|差不多)?\\s{0,2}$`);
/** …or the amount first, then what it was (中午一个半小时吃饭, 那一个钟头不算). */
const BREAK_AFTER = new RegExp(`^\\s{0,2}(?:的)?(?:${BREAK_WORD})|^[^，。,；;\\d]{0,2}不算`);
/** An amount said to be the service itself, or all of it. */
const SERVICE = /实际|有效|净|一共|总共|共计|合计|累计|算下来|服务|干活/;
/** Everything up to the last word of a break. */
const BREAK_CUE = new RegExp(`^.*(?:${BREAK_WORD}|中午|中间)`);
/** Work said in the clause: the amount is that work's, not a break (中午给老人送饭1小时). */
const WORK = /帮|给|陪|辅导|教|讲|扫|打扫|整理|送|做|干/;

/** An amount at the end of a clause (中间休息了半小时): the clause is that amount's. */
const ENDS_IN_AMOUNT = /(?:\d|[一二两三四五六七八九十半])\s{0,2}个?\s{0,2}(?:小时|钟头|分钟|钟)\s{0,2}$/;

/**
 * The clause before an amount, with the clause before it when it is only a word or two (中间离开去吃饭，大概1个钟) —
 * not when that clause ends in an amount of its own (中间休息了半小时，2小时).
 */
function saidBefore(folded: string, d: Duration): string {
  const clauses = folded.slice(Math.max(0, d.start - 24), d.start).split(/[，。,；;\n]/);
  const last = clauses.at(-1)!;
  return last.trim().length <= 3 && clauses.length > 1 && !ENDS_IN_AMOUNT.test(clauses.at(-2)!) ? `${clauses.at(-2)!}${last}` : last;
}

function isBreak(folded: string, d: Duration): boolean {
  if (d.kind !== 'amount') return false;
  const before = saidBefore(folded, d);
  // (the work told before the break is the day's: 帮村委会搬桌椅 早八晚五 中午一小时)
  // (…nor the amount said to be the service's: 中间歇了会 实际3小时)
  // (…nor an amount of work said after it: 中午1小时陪老人吃饭, 吃饭前1小时在辅导作业)
  const after = folded.slice(d.end).split(/[，。,；;\n\s]/)[0]!;
  if (WORK.test(after) && !BREAK_AFTER.test(after)) return false;
  const told = before.replace(BREAK_CUE, '');
  return (BREAK_BEFORE.test(before) && !WORK.test(told) && !SERVICE.test(told)) || (BREAK_AFTER.test(folded.slice(d.end, d.end + 6)) && !WORK.test(before));
}

/**
 * Time said to be taken off (扣掉吧, 午饭时间扣了, 扣不扣你看着办) — not time kept in (不用扣, 没扣), taken off already
 * (已经扣掉了), nor money or things held back (被扣了, 多扣了, 扣子扣好, 专项附加扣除).
 */
const DEDUCTED = /(?<!不用|不要|不需要|无需|别|没|不|附加|被|多|给|已|已经)(?:扣(?:掉|除(?!政策|费|款|税)|了|吧|下来|不扣)|减掉|刨去|刨掉|除去)/;

/**
 * The durations with the breaks taken out of the clock time: one clock range less the breaks said after or
 * inside it; two or more ranges leave the breaks out by themselves (8:00-11:00 …中午吃饭休息1小时 12:00-14:00).
 * Another amount said beside them is left for resolveHours to weigh.
 */
export function takeBreaks(durations: Duration[], folded: string): Duration[] {
  const ranges = durations.filter((d) => d.kind === 'range');
  // (从早到晚，中午休息了一个半小时: a break beside no clock time is no amount of service)
  // (…nor one said to be taken off, the only amount said: 从早上干到天黑，中间吃饭休息大概一个钟头扣了)
  const vague = durations.some((d) => d.kind === 'vague');
  const alone = durations.filter((d) => d.kind !== 'vague').length === 1;
  const noService = (d: Duration) => isBreak(folded, d) && (vague || (alone && DEDUCTED.test(around(folded, d).text)));
  if (ranges.length === 0) return durations.filter((d) => !noService(d));
  const kept = durations.filter((d) => !(d.kind === 'vague' && DAY_WORD.test(d.phrase)));
  const breaks = kept.filter((d) => isBreak(folded, d));
  if (breaks.length === 0) return kept;
  const rest = kept.filter((d) => !breaks.includes(d));
  if (rest.some((d) => d.kind !== 'range')) return kept;
  if (ranges.length >= 2) return rest;
  const range = ranges[0]!;
  const hours = range.hours! - breaks.reduce((t, d) => t + d.hours!, 0);
  return hours > 0 ? rest.map((d) => (d === range ? { ...d, hours } : d)) : kept;
}

/** A break of a length not said (中间休息了一会儿, 歇了一阵, 中午吃饭) — not one not taken (中午没歇). */
const BREAK_A_WHILE = /(?:中间|中途|期间|中午)[^，。,；;\u0001没不]{0,8}(?:休息|歇|午休|吃饭|离开)了?(?:有)?(?:一小?会儿?|一阵子?|一下|会儿|片刻|一段时间|(?=\s{0,2}(?:[，。,；;!！]|$)))/;

/** 13:00-17:00，中间休息了一会儿: how much of the one clock range `said` was service is not said — the question to ask, if so. */
export function restedAWhile(said: Duration[], folded: string): string | undefined {
  const rested = said.length === 1 && said[0]!.kind === 'range' ? BREAK_A_WHILE.exec(folded) : null;
  return rested ? `「${rested[0]}」没有说休息了多久，请填写这次服务实际的小时数。` : undefined;
}

/**
 * 下午1点到4点，中间等人等了20分钟，扣掉吧: time to take off the one clock range that none of the rules took off (of
 * no length said, or of one that leaves no whole half hours) and no amount left said — the question to ask, if so.
 * `left` holds no time on the way or spent waiting.
 */
export function offUntaken(told: Duration[], left: Duration[], folded: string): string | undefined {
  const ranges = left.filter((d) => d.kind === 'range');
  if (!DEDUCTED.test(folded) || ranges.length !== 1 || !told.some((d) => d.start === ranges[0]!.start && d.hours === ranges[0]!.hours)) return undefined;
  // (…，扣掉，2.5小时: the amount left after it is said)
  if (left.some((d) => d.kind === 'amount' && !isBreak(folded, d) && !isOff(folded, d))) return undefined;
  return `「${ranges[0]!.phrase}」里有要扣掉的时间，算不出扣掉后是多少，请填写这次服务实际的小时数。`;
}

/** The amount the student reports after taking time off (扣掉…，报2小时; 所以报2.5; 算3.5小时) — only once time was taken off before it. */
const REPORTED = /(?:^|[，,\s(（]|所以|就|那就|最后|最终)(?:报|算)(?:了)?\s{0,2}$/;
const OFF_BEFORE = /扣|不算|不计|除去|去掉|减去|刨去/;
/** Time to take off the amount (要扣掉, 扣除, 去掉; 含路上半小时，路上的不算) — not time taken off already (已扣除, 扣了). */
const TAKE_OFF = /要扣|得扣|需要扣|(?<!已|已经)扣掉(?!了)|(?<!已|已经)扣除(?!了)|减去|减掉|(?<!已|已经)去掉(?!了)|刨去|刨掉|^扣(?!了|过)|(?<!不)(?:含|包括|包含)[^。；;)）]{0,14}(?:不算|不计|要扣)/;
/** …said with no amount in its clause (要扣掉坐车的). */
const TAKE_OFF_UNSAID = /(?:要|得|需要)扣(?:掉|除)?(?!了)[^，。,；;\d]{1,8}/g;
/** Time said to be out of the amount already, or counted in it (已扣, 不含路上, 没算, 也算进去了). */
const ALREADY_OUT = /已扣|扣了|扣过|已经扣|扣掉了|扣除了|已去掉|去掉了|不含|没含|不包括|没包括|没算|没计|不计|不算|算进去了|算在内|包括在内|已算|已含/;
/** What the time taken off is, said before its amount (路上那十分钟, 等物业来的那半小时, 含培训半小时, 中午吃饭的一个钟头): not the service's. */
const OFF_WHAT = /含|扣|其中|不算|不含|不包括|没算|路上|路程|来回|坐车|等|排队|培训|调试|午休|休息|吃饭|午饭|歇|离开|准备|收拾|收尾|录音|打印|汇报/;

/** The clause an amount is said in (with its start), to the closing bracket when it stands in brackets (（含路上半小时，路上的不算）). */
function around(folded: string, d: Span): Span & { text: string } {
  const start = folded.slice(0, d.start).search(/[^，。,；;(（]*$/);
  const rest = folded.slice(d.end);
  const bracketed = /[(（]/.test(folded.slice(start - 1, start)) && /^[^(（。；;\n]{0,30}[)）]/.test(rest);
  const end = d.end + (bracketed ? rest.search(/[)）]/) : rest.search(/[，。,；;)）\n]|$/));
  return { start, end, text: folded.slice(start, end) };
}

/** Whether `d` is time taken off or left out of the service's amount (not the service's own amount: 辅导作业2小时不算路上). */
function isOff(folded: string, d: Duration): boolean {
  const { text, start } = around(folded, d);
  return (TAKE_OFF.test(text) || ALREADY_OUT.test(text)) && OFF_WHAT.test(folded.slice(start, d.start));
}

/**
 * The durations with the time taken off the one amount (or clock range) that is the service's: the amount reported
 * after taking it off stands alone; time to take off is taken off; time left out already is dropped.
 */
export function takeOff(durations: Duration[], folded: string): { durations: Duration[]; problem?: string } {
  const exact = durations.filter((d) => d.kind !== 'vague');
  if (exact.length === 0) return { durations };
  const agreed = agreesWithClock(exact, folded);
  if (agreed) return { durations: durations.filter((d) => d === agreed || !exact.includes(d)) };
  const reported = exact.filter((d, i) => i > 0 && d.kind === 'amount' && (REPORTED.test(folded.slice(Math.max(0, d.start - 4), d.start)) || /^(?:所以|就|那就)?报/.test(d.phrase)) && OFF_BEFORE.test(folded.slice(0, d.start)));
  if (reported.length === 1) return { durations: durations.filter((d) => d === reported[0] || (!exact.includes(d) && d.kind !== 'vague')) };
  // (5小时，要扣掉坐车的，坐车多久没注意: time to take off, of no length said)
  const open = [...folded.matchAll(TAKE_OFF_UNSAID)].find((m) => {
    const { start, end } = around(folded, { start: m.index!, end: m.index! });
    return !durations.some((d) => d.start >= start && d.end <= end);
  });
  if (open) return { durations, problem: `「${open[0]}」没有说要扣掉多久，请填写这次服务实际的小时数。` };
  if (durations.length < 2) return { durations };
  // (路上那十来分钟不算: a while left out, of no length, takes nothing off)
  const off = durations.filter((d) => d !== exact[0] && (d.kind === 'amount' || (d.kind === 'vague' && !TAKE_OFF.test(around(folded, d).text))) && isOff(folded, d));
  const main = exact.filter((d) => !off.includes(d));
  if (off.length === 0 || main.length === 0) return { durations };
  const taken = off.filter((d) => d.kind === 'amount' && TAKE_OFF.test(around(folded, d).text)).reduce((t, d) => t + d.hours!, 0);
  const rest = durations.filter((d) => !off.includes(d));
  // (一点到四点，扣掉中间回去拿表的半小时，2.5h: the amount after is the clock time less what was taken off)
  const [range, net] = main;
  if (main.length === 2 && range!.kind === 'range' && net!.kind === 'amount' && Math.abs(range!.hours! - taken - net!.hours!) < 1e-9) return { durations: rest.filter((d) => d !== range) };
  const hours = main[0]!.hours! - taken;
  if (main.length !== 1 || hours <= 0) return { durations };
  return { durations: rest.map((d) => (d === main[0] ? { ...d, hours } : d)) };
}

/** Time said taken off between a clock range and the amount after it (中间吃了顿饭半小时扣了，2.5小时) … */
const OFF_SAID = /扣|减|去掉|刨|不算|没算|歇|休息|等|耽误|吃/;
/** …or said kept in (中间休息了10分钟，这个不扣，按2.5小时记; not 不算, which takes it off). */
const KEPT_SAID = /不扣|没扣|不用扣|算在内|包括在内|算进去/;

/**
 * 6点到9点，中间吃饭半小时扣了，2.5小时: the amount said last agrees with the clock range said first — it is the
 * clock time less the amounts said between them, with time said taken off, or the whole of it, with the time
 * between said kept in. That amount is the service's.
 */
function agreesWithClock(exact: Duration[], folded: string): Duration | undefined {
  const [range, net] = [exact[0]!, exact.at(-1)!];
  const between = exact.slice(1, -1);
  if (exact.length < 3 || range.kind !== 'range' || net.kind !== 'amount' || between.some((d) => d.kind !== 'amount')) return undefined;
  const said = folded.slice(range.end, net.start);
  const off = between.reduce((t, d) => t + d.hours!, 0);
  if (Math.abs(range.hours! - off - net.hours!) < 1e-9 && OFF_SAID.test(said)) return net;
  return Math.abs(range.hours! - net.hours!) < 1e-9 && KEPT_SAID.test(said) ? net : undefined;
}

/** The clauses of time taken off or left out of an amount (含培训半小时，培训不算; 会前调试10分钟不算): no work of this record. */
export function timeOff(durations: Duration[], folded: string): Span[] {
  return durations.slice(1).filter((d) => d.kind !== 'range' && isOff(folded, d)).map((d) => around(folded, d));
}
