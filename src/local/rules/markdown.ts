/**
 * The markdown of a Card JSON 2.0 `markdown` element as Feishu takes it (CARDS.md "Markdown in
 * cards"): CommonMark plus a small HTML subset. What makes the send fail is refused; what
 * renders as something else than meant is a defect.
 */
import { cardRefusal, type Defect, type Refusal } from './verdict.js';

/** The HTML tags 2.0 markdown knows; anything else shows as literal text. */
const TAGS = new Set(['br', 'hr', 'person', 'local_datetime', 'at', 'a', 'text_tag', 'raw', 'link', 'font', 'number_tag', 'audio']);

/** `<font color>` takes the colour enum (plus the `-50`…`-900` shades), not CSS. */
const COLOURS = /^(default|neutral|blue|turquoise|lime|orange|violet|indigo|wathet|green|yellow|red|purple|carmine|grey|white|black)(-\d{2,3})?$/;

const MAX_TABLES = 4;

export function checkMarkdown(content: string, path: string): { refusal?: Refusal; defects: Defect[] } {
  const defects: Defect[] = [];
  // <at id=all> fails to send unless the group lets the bot @ everyone, which ours never need.
  if (/<at\s+(user_)?id\s*=\s*["']?all["']?/i.test(content)) {
    return { refusal: cardRefusal('markdown.atAll', 11310, 'at all is not allowed for this app', path, '<at id=all>'), defects };
  }
  for (const link of content.matchAll(/\]\(([^)\s]*)\)/g)) {
    const target = link[1] ?? '';
    if (!/^https?:\/\//i.test(target)) return { refusal: cardRefusal('markdown.linkTarget', 200621, 'the url of link is invalid', path, target), defects };
  }
  // A bare URL run straight into Chinese is read as part of the URL and may fail the send.
  const bare = /(?<![("'=])https?:\/\/[^\s<>()"']*[\u3400-\u9fff]/.exec(content);
  if (bare) return { refusal: cardRefusal('markdown.bareUrl', 200621, 'the url of link is invalid', path, bare[0]), defects };
  const tables = content.split('\n').filter((line) => /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)+\|?\s*$/.test(line)).length;
  if (tables > MAX_TABLES) return { refusal: cardRefusal('markdown.tables', 11310, 'card table number over limit', path, 'table'), defects };

  for (const tag of content.matchAll(/<\/?([a-zA-Z_][\w-]*)\b([^>]*)>/g)) {
    const name = tag[1]!.toLowerCase();
    if (!TAGS.has(name)) defects.push({ rule: 'markdown.unknownTag', path, note: `<${name}> is not in 2.0 markdown's HTML subset; it shows as text` });
    const colour = name === 'font' ? /color\s*=\s*["']?([^"'\s>]+)/i.exec(tag[2] ?? '')?.[1] : undefined;
    if (colour !== undefined && !COLOURS.test(colour)) defects.push({ rule: 'markdown.fontColour', path, note: `<font color='${colour}'> is not a card colour; it renders in the default colour` });
  }
  return { defects };
}
