/**
 * What Feishu allows in one card and how it measures it (CARDS.md): one definition for the card
 * builders, which stay within it (cards/primitives.ts), and for the local stand-in, which
 * enforces it (local/rules/).
 */

/** The card message body: 30 KB (230025). */
export const CARD_MAX_BYTES = 30 * 1024;
/** Components per card: 200 (230099 / 11310). */
export const MAX_COMPONENTS = 200;
/** A 2.0 card can be clicked and updated for 14 days after it was sent; later patches fail (230031). */
export const CARD_PATCH_WINDOW_MS = 14 * 24 * 3600 * 1000;
/** A header subtitle shows one line, about 20 CJK characters on a phone; the rest becomes "…". */
export const SUBTITLE_MAX_WIDTH = 20;

/**
 * A card's size as Feishu measures a send, reply or patch: in the request body, where the card
 * travels as an escaped JSON string, so every quote and backslash counts twice.
 */
export function cardRequestBytes(card: unknown): number {
  return Buffer.byteLength(JSON.stringify(JSON.stringify(card)), 'utf8');
}

/** Every object with a `tag`, down to each `plain_text`: what Feishu counts against the 200 (chart specs and callback payloads aside). */
export function countComponents(node: unknown): number {
  if (Array.isArray(node)) return node.reduce((n: number, x) => n + countComponents(x), 0);
  if (typeof node !== 'object' || node === null) return 0;
  let n = typeof (node as Record<string, unknown>).tag === 'string' ? 1 : 0;
  for (const [k, v] of Object.entries(node)) if (k !== 'chart_spec' && k !== 'behaviors') n += countComponents(v);
  return n;
}

/** Width in CJK characters as a phone lays a line out: ASCII counts ½, anything else (CJK, full-width, `·`, `–`, `…`) 1. */
export function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += ch.codePointAt(0)! < 0x80 ? 0.5 : 1;
  return width;
}
