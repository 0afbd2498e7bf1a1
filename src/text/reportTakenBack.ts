/**
 * Amounts and days taken back as they are said (三个小时，不对，是两个半小时; 昨天，哦不，前天; 日期写成今天了，其实是前几天)
 * or denied (不是三个小时，是两个半小时): voice input corrects itself as it goes, and the last one said stands. Part of
 * reportParser.ts (through reportPhrases.ts, reportRepeats.ts and reportCommunities.ts); works on width-folded text.
 */
import type { Span } from './numerals.js';

/**
 * Said between two amounts or two days, it takes the first back (三个小时，不对，是两个半小时; 昨天，哦不，
 * 前天): voice input corrects itself as it goes, and the last one said stands.
 */
const MARKER = '(?:(?:后来|仔细|重新)?算了一?下|不对|哦不|噢不|啊不|呃不|不不|不是不是|说错了?|(?:打|写|敲|输|搞|弄)错了(?!的)|口误|更正(?:一下)?(?=[，,\\s])|更正一下|纠正一下|记错了|记岔了|(?<=[，,\\s])不(?=[，,\\s]{1,2}(?:应该)?是?\\s{0,2}(?:[\\d一二两三四五六七八九十半上下这本今昨前周星礼]|$))|(?:我也|我都)(?:搞|记|弄|说)不清了?)';
// (…and 不对多按了个1，是: the slip told, the digit typed too many)
const TAKEN_BACK = new RegExp(`^[^。\\d]{0,8}?${MARKER}(?:[^。\\d]{0,6}|[^。\\d]{0,4}多(?:按|打|敲|输|写)了(?:一)?个?(?:\\d|零)[^。\\d]{0,4})$`);
/**
 * …and right after the last amount, with nothing said instead (三个小时，哦不对，我也记不清了; 11点到1点半吧…哦不对好像是到2点,
 * the new end no amount of its own): no amount stands.
 */
// (…not 不对称, nor a correction of the place: 哦不对，是在锦绣社区)
const TAKEN_BACK_LAST = new RegExp(`^[\\s，,。.、…~～吧嗯啊哦呃哎唉]{0,4}${MARKER}(?!对?[称劲头付路口外])(?!对?[\\s，,。.、…~～]{0,3}(?:应该)?是?(?:在|去|到)[^\\d一二两三四五六七八九十半]{2})(?![\\s，,。.、…~～:：]{0,3}(?:应该)?是?\\s{0,2}(?:周|星期|礼拜|昨|今|前天|上周|上个|\\d{1,2}\\s{0,2}[号日月.]))`);
/** 不是三个小时，是两个半小时: an amount or a day denied. */
const DENIED = /不是\s{0,2}$/;
/** 日期写成今天了, 把半小时打成了半天: what was typed by mistake, the right one said after it. */
const MISTYPED = /(?:写成|打成|填成|报成|输成)了?\s{0,2}$/;

/**
 * The amounts or days that stand once those taken back or denied are left out (`spans` in text
 * order); `last`: the last one can be taken back with nothing in its place.
 */
export function standing<T extends Span>(spans: T[], folded: string, last = false): T[] {
  return spans.filter((s, i) => {
    const next = spans[i + 1];
    if (next && MISTYPED.test(folded.slice(Math.max(0, s.start - 4), s.start))) return false;
    if (next ? TAKEN_BACK.test(folded.slice(s.end, next.start)) : last && TAKEN_BACK_LAST.test(folded.slice(s.end, s.end + 12))) return false;
    return spans.length < 2 || !DENIED.test(folded.slice(Math.max(0, s.start - 4), s.start));
  });
}
