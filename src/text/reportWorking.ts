/**
 * Hours worked out on paper (13:30-17:30=4h, 2×45=90min=1.5h, 时长 = 2h + 30min = 2.5h, 3人×30min=1.5h): the result
 * after the last = is the amount, and the terms before it and the rates per unit beside it (3.9min/箱, 每场45min)
 * are only the working; and what is said to be the real amount. Part of reportRepeats.ts and reportPhrases.ts; works on width-folded text.
 */
import type { Duration, Span } from './numerals.js';

/** A rate per unit (18min/人, 平均20min/辆) or per time (每场45min, 每人30min). */
const PER_UNIT_AFTER = /^\s{0,2}\/\s{0,2}[人个辆箱户题次场份张件位单元节课]/;
const PER_BEFORE = /(?:每|平均|人均)[^，。,；;=\d\u0001]{0,3}$/;
/** Words before a sum of other days (累计=, 本月已报, 这学期累计). */
const OTHER_DAYS = /(?:累计|已报|本月|这个?月|这周|本周|上周|这学期|本学期)[^，。,；;]{0,6}$/;
/** A product over days or the people who worked (×2天, 2个人×; not 3人×30min, three served one by one). */
const OVER_DAYS_OR_PEOPLE = /[×xX*]\s{0,2}\d+\s{0,2}(?:天|日|个人|次)|\d+\s{0,2}(?:天|日|个人|次)\s{0,2}[×xX*]/;
/** The rest of an equation after an amount: another = further on in its clause. */
const MORE_EQUALS = /^[^，。,；;\n]*=/;

/**
 * The durations without the working, when the text works hours out to one result and every other amount is a term
 * of an equation or a rate; without the sum when it is one of other days (累计=…，今天这次2.5h); else as they were.
 */
export function withoutWorking(durations: Duration[], folded: string): Duration[] {
  const rate = (d: Duration) => PER_UNIT_AFTER.test(folded.slice(d.end)) || PER_BEFORE.test(folded.slice(Math.max(0, d.start - 6), d.start));
  const term = (d: Duration) => MORE_EQUALS.test(folded.slice(d.end));
  // (2h×2天=4h, 2个人×2h=4h: hours over days or people are no one visit's, left to the rules for those)
  if (OVER_DAYS_OR_PEOPLE.test(folded)) return durations;
  const results = durations.filter((d) => d.kind === 'amount' && /=\s{0,2}$/.test(folded.slice(Math.max(0, d.start - 3), d.start)) && !term(d) && !rate(d));
  if (results.length === 0) {
    // (9:00-12:00一共18户，3h/18户=10min/户: with no result, a rate per unit beside the amount is still no amount)
    const perUnit = durations.filter((d) => d.kind === 'amount' && PER_UNIT_AFTER.test(folded.slice(d.end)));
    return perUnit.length < durations.filter((d) => d.kind !== 'vague').length ? durations.filter((d) => !perUnit.includes(d)) : durations;
  }
  if (new Set(results.map((d) => d.hours)).size > 1) return durations;
  const others = durations.filter((d) => !results.includes(d) && d.kind !== 'vague');
  const own = others.filter((d) => !term(d) && !rate(d) && !(d.kind === 'range' && d.hours === results[0]!.hours));
  if (own.length === 0) return durations.filter((d) => !others.includes(d));
  // (累计=2+1.5+3=6.5h，今天这次2.5h; 本月已报 2+2.5=4.5h，今天…的1.5h还没报: a sum of other days beside this one's amount)
  const ofOthers = results.every((d) => OTHER_DAYS.test(folded.slice(Math.max(0, sumStart(folded, d) - 10), sumStart(folded, d))));
  if (own.length === 1 && ofOthers) return durations.filter((d) => !results.includes(d) && !term(d) && !rate(d));
  return durations;
}

/** Where the sum an amount is the result of begins (累计=|2+1.5+3=6.5h): the amount's start with the terms before it skipped. */
export const sumStart = (folded: string, d: Span): number => d.start - /[\d.+×*xX=\s\u0001]*$/.exec(folded.slice(0, d.start))![0].length;

/**
 * An amount or a clock time said to be the real one, which beats the others (实际7小时, 其中有效服务2小时, 实际上是3点到5点半,
 * 其实算下来是3个半, 准确点是7个半, 一看表是两个半; not 其实1小时就扫完了).
 */
const ACTUAL = /(?:实际|其中|有效|(?<!干)净|准确(?:点|地说|来说)|一看表|其实[^，。,；;\d]{0,4}(?:是|有))(?:(?!休息|吃饭|歇|路上)[^，。,；;]){0,8}$/;
export const saidActual = (folded: string, d: Span): boolean => ACTUAL.test(folded.slice(Math.max(0, d.start - 12), d.start));
