/**
 * Card JSON 2.0 building blocks (FEISHU.md §8). Card builders are pure functions of a view
 * model made from these; nothing here talks to Feishu.
 */
import type { CardJson } from '../feishu/api.js';
import { CARD_MAX_BYTES, cardRequestBytes, countComponents, MAX_COMPONENTS, SUBTITLE_MAX_WIDTH, textWidth } from '../feishu/cardLimits.js';

export type Element = Record<string, unknown>;
export type Template = 'blue' | 'wathet' | 'turquoise' | 'green' | 'yellow' | 'orange' | 'red' | 'carmine' | 'violet' | 'purple' | 'indigo' | 'grey';

/**
 * What a button carries back: a small versioned envelope. It names the action and its
 * subject; it is never proof of who may act (the router checks the clicker in the database).
 */
export interface ActionEnvelope {
  a: string;
  v: 1;
  p?: Record<string, string | number | boolean>;
  /** Expiry, ms since epoch. */
  exp?: number;
}

const MD_ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
const entity = (c: string) => MD_ENTITY[c] ?? `&#${c.charCodeAt(0)};`;

/**
 * What escapeMd rewrites, in one pass over the raw text (so an entity it writes is never
 * escaped again, and `:ok_hand:` is seen before its `_` becomes `&#95;`):
 * - a character that is markdown or HTML anywhere in a line;
 * - a colon that opens an emoji code (`:OK:`), or that of `https://`: a bare URL would be linked,
 *   and one run straight into Chinese text makes Feishu refuse the card;
 * - the marker that makes a line (after its indent; at the start of the text or after any line
 *   break) a list item, a thematic break or a setext heading underline: `-`, `+`, `=`, and the
 *   `.` / `)` of `1.` `2)`. A line-start `>` or `#` is covered by the first rule.
 */
const MD_SPECIAL = /[&<>\\`*_~[\]()#|]|:(?=[A-Za-z0-9_]+:|\/\/)|(?<=^|[\r\n])[ \t]*(?:[-+=]|\d+[.)](?=[ \t\r\n]|$))/g;

/**
 * Escapes user text for card markdown: `<at id=all>` would @ everyone, links and tags would
 * render, a line starting `- `, `1. `, `> ` or `#` would become a list, a quote or a heading,
 * `:OK:` an emoji and `https://…` a link. Uses HTML character references, as Feishu's escape
 * table does (`&#45;` for `-`): they render as the character and can never form a tag or a
 * block. A backslash (an earlier approach) left `<at id=all>` verbatim in the content, safe only
 * if Feishu's renderer honours `\<` before it looks for tags, which nothing guarantees. Ordinary
 * text is left as it is: a `-` inside a line, a `1.5` at a line start, a time like `14:00:30`
 * (digits on both sides of a colon are no emoji code).
 * (CARDS.md "Markdown in cards", from Feishu's 富文本（Markdown） page.)
 */
export function escapeMd(text: string): string {
  return text.replace(MD_SPECIAL, (m: string, at: number, all: string) => {
    if (m === ':') return /\d/.test(all[at - 1] ?? '') && /^:\d+:/.test(all.slice(at)) ? m : '&#58;';
    // One special character, or a line-start marker with its indent (and digits) kept as they are.
    return m.slice(0, -1) + entity(m.slice(-1));
  });
}

export function card(opts: { title: string; template?: Template; subtitle?: string; elements: Element[] }): CardJson {
  return {
    schema: '2.0',
    config: { update_multi: true, width_mode: 'fill' },
    header: {
      title: { tag: 'plain_text', content: opts.title },
      ...(opts.subtitle ? { subtitle: { tag: 'plain_text', content: opts.subtitle } } : {}),
      template: opts.template ?? 'blue',
    },
    body: { elements: opts.elements },
  };
}

/** `text` shortened to `width` with a trailing "…" when it is wider. */
export function clip(text: string, width: number): string {
  if (textWidth(text) <= width) return text;
  let out = '';
  let used = 1; // the "…"
  for (const ch of text) {
    const w = textWidth(ch);
    if (used + w > width) break;
    out += ch;
    used += w;
  }
  return width >= 1 ? `${out}…` : '';
}

/**
 * A header subtitle that fits {@link SUBTITLE_MAX_WIDTH}. Left to the client, a long subtitle loses
 * its end — the date; so `render` gets the one name that may be shortened, clipped here with
 * "…" to the room the rest leaves: `subtitle((college) => t('x.subtitle', { college, today }), name)`.
 */
export function subtitle(render: (name: string) => string, name = ''): string {
  const room = SUBTITLE_MAX_WIDTH - textWidth(render(''));
  return clip(render(clip(name, room)), SUBTITLE_MAX_WIDTH);
}

/** Feishu's limits on one card (feishu/cardLimits.ts), with a margin for the request's envelope. */
export const CARD_BUDGET = { bytes: CARD_MAX_BYTES - 2 * 1024, components: MAX_COMPONENTS - 10 } as const;

/** Whether a card stays within {@link CARD_BUDGET}. */
export function fitsInCard(c: CardJson): boolean {
  return cardRequestBytes(c) <= CARD_BUDGET.bytes && countComponents(c) <= CARD_BUDGET.components;
}

/**
 * The card of as many of `items` (in order) as fit {@link CARD_BUDGET}, at least the first:
 * lists whose entries carry user text of any length (reviews, projects, candidates) are cut
 * by what Feishu takes, not by a count that holds only for short texts. `build` says how many
 * were left out.
 */
export function fitting<T>(items: readonly T[], build: (shown: readonly T[]) => CardJson): CardJson {
  // Most lists fit whole: one build then.
  const whole = build(items);
  if (items.length <= 1 || fitsInCard(whole)) return whole;
  let best = build(items.slice(0, 1));
  if (!fitsInCard(best)) return best;
  let [lo, hi] = [1, items.length - 1];
  // Binary search for the longest prefix that fits: card size grows with each entry.
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    const c = build(items.slice(0, mid));
    if (fitsInCard(c)) [lo, best] = [mid, c];
    else hi = mid - 1;
  }
  return best;
}

/**
 * The community picker of a form: a short dropdown (domain/communityPicker; every option counts
 * toward Feishu's 200 components) and a typed name for any other known place, which wins when
 * both are given. A select needs options: with none, only the name is asked (`nameOnly` label).
 */
export function communityPicker(
  communities: readonly { id: number; name: string }[],
  initial: number | null | undefined,
  labels: { select: string; name: string; nameOnly: string; placeholder: string },
): Element[] {
  return [
    ...(communities.length ? [select('community', labels.select, communities.map((c) => ({ value: String(c.id), label: c.name })), { initial: initial ? String(initial) : undefined })] : []),
    input('community_name', communities.length ? labels.name : labels.nameOnly, { maxLength: 60, placeholder: labels.placeholder }),
  ];
}

export function markdown(content: string): Element {
  return { tag: 'markdown', content };
}

/**
 * A picture the bot uploaded (im/v1/images); a tap opens it large. `thumbnail`: a square crop
 * of 100 px, so three fit side by side on a phone (≈ 320 px of card).
 */
export function image(imageKey: string, alt: string, opts: { thumbnail?: boolean } = {}): Element {
  return {
    tag: 'img', img_key: imageKey, alt: { tag: 'plain_text', content: alt }, preview: true,
    ...(opts.thumbnail ? { scale_type: 'crop_center', size: '100px 100px' } : { scale_type: 'fit_horizontal' }),
  };
}

export function divider(): Element {
  return { tag: 'hr' };
}

export function button(label: string, value: ActionEnvelope, type: 'primary' | 'default' | 'danger' | 'primary_filled' = 'default', name?: string): Element {
  return {
    tag: 'button',
    ...(name ? { name } : {}),
    text: { tag: 'plain_text', content: label },
    type,
    behaviors: [{ type: 'callback', value }],
  };
}

export function input(name: string, label: string, opts: { placeholder?: string; required?: boolean; maxLength?: number; value?: string; multiline?: boolean } = {}): Element {
  return {
    tag: 'input',
    name,
    ...(opts.multiline ? { input_type: 'multiline_text', rows: 3 } : {}),
    label: { tag: 'plain_text', content: label },
    label_position: 'top',
    ...(opts.placeholder ? { placeholder: { tag: 'plain_text', content: opts.placeholder } } : {}),
    ...(opts.value ? { default_value: opts.value } : {}),
    required: opts.required ?? false,
    ...(opts.maxLength ? { max_length: opts.maxLength } : {}),
  };
}

export interface Option {
  value: string;
  label: string;
}

/**
 * A single-choice dropdown; inside a form its value arrives in `form_value[name]`. `required`
 * is always written out, as for every form field here, so a card says what it means whatever
 * the control's default.
 */
export function select(name: string, label: string, options: Option[], opts: { initial?: string; required?: boolean } = {}): Element {
  return captioned(label, {
    tag: 'select_static',
    name,
    width: 'fill',
    placeholder: { tag: 'plain_text', content: label },
    ...(opts.initial && options.some((o) => o.value === opts.initial) ? { initial_option: opts.initial } : {}),
    required: opts.required ?? false,
    options: options.map((o) => ({ text: { tag: 'plain_text', content: o.label }, value: o.value })),
  });
}

/**
 * A multiple-choice dropdown (card JSON 2.0 `multi_select_static`); inside a form its values
 * arrive as an array in `form_value[name]`. Optional unless `required`: Feishu's own default
 * for this control is required, so `required` is always written out (CARDS.md, Multi-select).
 * https://open.feishu.cn/document/feishu-cards/card-json-v2-components/interactive-components/multi-select-dropdown-menu
 */
export function multiSelect(name: string, label: string, options: Option[], opts: { selected?: string[]; required?: boolean } = {}): Element {
  const known = new Set(options.map((o) => o.value));
  return captioned(label, {
    tag: 'multi_select_static',
    name,
    width: 'fill',
    placeholder: { tag: 'plain_text', content: label },
    selected_values: (opts.selected ?? []).filter((v) => known.has(v)),
    required: opts.required ?? false,
    options: options.map((o) => ({ text: { tag: 'plain_text', content: o.label }, value: o.value })),
  });
}

/** A date picker; its value arrives as "YYYY-MM-DD +0800". */
export function datePicker(name: string, label: string, initial?: string): Element {
  return captioned(label, { tag: 'date_picker', name, width: 'fill', placeholder: { tag: 'plain_text', content: label }, ...(initial ? { initial_date: initial } : {}) });
}

/**
 * A control with its label above it. Dropdowns and date pickers have no `label` of their own
 * (inputs do): their placeholder names the field only until something is chosen, so on a
 * phone a filled form would be a column of bare values. One column keeps the two together.
 */
function captioned(label: string, control: Element): Element {
  return {
    tag: 'column_set',
    columns: [{ tag: 'column', width: 'weighted', weight: 1, vertical_spacing: '4px', elements: [{ tag: 'markdown', content: escapeMd(label), text_size: 'notation' }, control] }],
  };
}

/** A submit button of a form (a form may have several, each with its own action). */
export function submitButton(name: string, label: string, value: ActionEnvelope, type: 'primary_filled' | 'danger' | 'default' = 'primary_filled'): Element {
  return { tag: 'button', name, text: { tag: 'plain_text', content: label }, type, form_action_type: 'submit', behaviors: [{ type: 'callback', value }] };
}

/** Buttons side by side. */
export function buttonRow(buttons: Element[]): Element {
  return {
    tag: 'column_set',
    flex_mode: 'flow',
    horizontal_spacing: '8px',
    columns: buttons.map((b) => ({ tag: 'column', width: 'auto', elements: [b] })),
  };
}

/** A form: only at the root of the body; the submit button's value names the action. */
export function form(name: string, elements: Element[], submit: { label: string; value: ActionEnvelope } | Element[]): Element {
  const buttons = Array.isArray(submit) ? submit : [submitButton(`${name}_submit`, submit.label, submit.value)];
  return { tag: 'form', name, elements: [...elements, ...buttons] };
}
