/**
 * The entries of a numbered list (1. 辅导作业 1小时 ⏎ 2. 听写 0.5小时, ①…②…, （1）…, 一、…), one a line: the
 * amounts said in them add up (reportPhrases.ts) and an item named in one entry names that entry only
 * (reportParser.ts). Works on width-folded text.
 */
import type { Duration, Span } from './numerals.js';

/** An entry of a numbered list at a line's start (1. 2、 ① （1） 一、). */
const ENTRY_START = /^\s*(?:[①-⑩]|[（(]?\d{1,2}\s?[.、．)）](?!\d)|[一二三四五六七八九十][、.．])/;
/** The line `at` is on. */
function lineAt(folded: string, at: number): Span {
  const start = folded.lastIndexOf('\n', at - 1) + 1;
  const end = folded.indexOf('\n', at);
  return { start, end: end < 0 ? folded.length : end };
}
/** The entry of a numbered list that `at` is in, if it is in one. */
export function entryAt(folded: string, at: number): Span | undefined {
  const line = lineAt(folded, at);
  return ENTRY_START.test(folded.slice(line.start, line.end)) ? line : undefined;
}
/** The entries of a numbered list, one a line. */
export function entries(folded: string): Span[] {
  return [...folded.matchAll(/[^\n]+/g)].map((m) => ({ start: m.index!, end: m.index! + m[0].length })).filter((l) => ENTRY_START.test(folded.slice(l.start, l.end)));
}
/** An entry that is no piece of this service: a total, time off or on the road, another day (3. 总计：2小时; 2. 路上来回 1小时; 1. 周一 扫雪). */
const NOT_A_PIECE = /总计|总共|一共|共计|合计|累计|时长|时间[:：]|路上|来回|坐车|交通|路程|休息|吃饭|午饭|等人|等车|不算|不计|扣|今天|昨天|前天|明天|下次|周[一二三四五六日天]|星期|礼拜|\d\s{0,2}[月号日]/;
/** Whether every amount is said in an entry of a numbered list, one an entry (1. 辅导作业 1小时 ⏎ 2. 听写 0.5小时): they add up. */
export function perEntry(folded: string, pool: Duration[]): boolean {
  if (pool.length < 2) return false;
  const lines = pool.map((d) => entryAt(folded, d.start));
  return lines.every((l) => l !== undefined && !NOT_A_PIECE.test(folded.slice(l.start, l.end))) && new Set(lines.map((l) => l!.start)).size === pool.length;
}
