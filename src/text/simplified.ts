/**
 * Messages typed in traditional characters (幫老人輔導作業兩個鐘頭, /報到, as students from Hong Kong,
 * Macau and Taiwan and some input methods write them) are read in simplified ones, character for
 * character — OpenCC's Taiwan-to-mainland tables (`opencc-js`), which also know the variants (裏/裡,
 * 著手) a hand-made table would miss. Used by the report parser and the command router; it keeps
 * the text's length, so every span found in the simplified text is a span of the student's own text.
 */
import * as OpenCC from 'opencc-js/t2cn';

const toMainland = OpenCC.Converter({ from: 'tw', to: 'cn' });

/** `text` in simplified characters, the same length; unchanged where a conversion would not be. */
export function simplified(text: string): string {
  const whole = toMainland(text);
  if (whole.length === text.length) return whole;
  // (a phrase table that changed a length: convert one character at a time instead)
  return Array.from(text, (ch) => {
    const one = toMainland(ch);
    return one.length === ch.length ? one : ch;
  }).join('');
}
