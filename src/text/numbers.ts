/**
 * Numbers as students type them on a phone: full-width digits folded to ASCII, Arabic or Chinese numerals
 * (一…九十九, 两, 俩, 一点五, 一点二, 一百二十, 贰, 叁点伍), and the spans and bounded whitespace every reader of a report shares. The base of
 * numerals.ts (amounts of time) and reportDates.ts (days).
 */

/** A stretch of the text, as UTF-16 indices (start inclusive, end exclusive). */
export interface Span {
  start: number;
  end: number;
}

/** Chinese digits, with the financial forms (壹 贰 叁 …) some students write as on a receipt. */
const CN_DIGIT: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 俩: 2, 三: 3, 仨: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
  壹: 1, 贰: 2, 叁: 3, 肆: 4, 伍: 5, 陆: 6, 柒: 7, 捌: 8, 玖: 9,
};

/** Regex source: a Chinese integer 0–99 (`一`, `两`, `十二`, `二十五`, `贰`, `拾贰`). */
export const CN_INT = '(?:[一二两三四五六七八九贰叁肆伍陆柒捌玖]?(?:十|(?<![收捡])拾)[一二三四五六七八九壹贰叁肆伍陆柒捌玖]?|[零〇一二两俩三仨四五六七八九壹贰叁肆伍陆柒捌玖])';
/** Regex source: a Chinese number of hundreds (一百二十, 两百四十, 三百, 一百二 = 120), as minutes are said. */
export const CN_HUNDRED = '(?:[一二两三四五六七八九]百(?:零[一二三四五六七八九]|[一二三四五六七八九]十[一二三四五六七八九]?|[一二三四五六七八九](?!十))?)';
/**
 * Bounded whitespace. Unbounded `\s*` runs next to each other backtrack quadratically
 * on long runs of spaces, and nobody types more than a few spaces inside "2 小时".
 */
export const S = '\\s{0,3}';

/**
 * Folds full-width ASCII (`２ｈ`, `：`, `１１－２０`) and the ideographic space to
 * half-width and lower-cases ASCII letters. Keeps every index in place (one UTF-16 unit
 * in, one out), so spans found in the folded text cut the original text too.
 */
export function foldWidth(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x3000) out += ' ';
    else if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0 + (c >= 0xff21 && c <= 0xff3a ? 32 : 0));
    else if (c >= 0x41 && c <= 0x5a) out += String.fromCharCode(c + 32);
    else out += text[i];
  }
  return out;
}

/** `text` with `start`–`end` masked by U+0001, one for each character, so later patterns cannot read it again and every index stays in place. */
export function maskSpan(text: string, start: number, end: number): string {
  return text.slice(0, start) + '\u0001'.repeat(end - start) + text.slice(end);
}

/** `"1.5"` → 1.5, `"两"` → 2, `"十二"` → 12, `"二十"` → 20; anything else → undefined. */
export function parseNumber(raw: string): number | undefined {
  const s = raw.replace(/\s+/g, '');
  if (/^\d+(?:\.\d+)?$/.test(s)) return Number(s);
  const tenths = /^(.+)点([零〇一二三四五六七八九壹贰叁肆伍陆柒捌玖])$/.exec(s);
  if (tenths) {
    const whole = parseNumber(tenths[1]!); // 一点五个小时, as voice input writes 1.5 (一点二: 1.2)
    return whole === undefined ? undefined : whole + CN_DIGIT[tenths[2]!]! / 10;
  }
  const tens = /^([一二两三四五六七八九贰叁肆伍陆柒捌玖])?[十拾]([一二三四五六七八九壹贰叁肆伍陆柒捌玖])?$/.exec(s);
  if (tens) return (tens[1] ? CN_DIGIT[tens[1]]! : 1) * 10 + (tens[2] ? CN_DIGIT[tens[2]]! : 0);
  const hundreds = /^([一二两三四五六七八九])百(?:(零)?([一二三四五六七八九]十?[一二三四五六七八九]?))?$/.exec(s);
  if (hundreds) {
    // (一百二 is 120: the tens' 十 left off; 一百零二 is 102)
    const rest = hundreds[3] ? (hundreds[2] || hundreds[3].includes('十') ? parseNumber(hundreds[3])! : CN_DIGIT[hundreds[3]]! * 10) : 0;
    return CN_DIGIT[hundreds[1]!]! * 100 + rest;
  }
  return s.length === 1 ? CN_DIGIT[s] : undefined;
}
