/**
 * Card JSON 2.0 building blocks (FEISHU.md §8). Card builders are pure functions of a view
 * model made from these; nothing here talks to Feishu.
 */
import type { CardJson } from '../feishu/api.js';

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

export function envelope(action: string, payload?: ActionEnvelope['p'], expiresAt?: number): ActionEnvelope {
  return { a: action, v: 1, ...(payload ? { p: payload } : {}), ...(expiresAt ? { exp: expiresAt } : {}) };
}

const MD_ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/**
 * Escapes user text for card markdown: `<at id=all>` would @ everyone, links and tags would render.
 * Uses HTML character references, which render as the character and can never form a tag; a
 * backslash (the previous approach) left `<at id=all>` verbatim in the content, safe only if
 * Feishu's renderer honours `\<` before it looks for tags, which nothing guarantees.
 */
export function escapeMd(text: string): string {
  return text.replace(/[&<>\\`*_~[\]()#|]/g, (c) => MD_ENTITY[c] ?? `&#${c.charCodeAt(0)};`);
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

export function markdown(content: string): Element {
  return { tag: 'markdown', content };
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
    ...(opts.required ? { required: true } : {}),
    ...(opts.maxLength ? { max_length: opts.maxLength } : {}),
  };
}

export interface Option {
  value: string;
  label: string;
}

/** A single-choice dropdown; inside a form its value arrives in `form_value[name]`. */
export function select(name: string, label: string, options: Option[], opts: { initial?: string; required?: boolean } = {}): Element {
  return captioned(label, {
    tag: 'select_static',
    name,
    width: 'fill',
    placeholder: { tag: 'plain_text', content: label },
    ...(opts.initial && options.some((o) => o.value === opts.initial) ? { initial_option: opts.initial } : {}),
    ...(opts.required ? { required: true } : {}),
    options: options.map((o) => ({ text: { tag: 'plain_text', content: o.label }, value: o.value })),
  });
}

/**
 * A multiple-choice dropdown (card JSON 2.0 `multi_select_static`); inside a form its values
 * arrive as an array in `form_value[name]`.
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
    ...(opts.required ? { required: true } : {}),
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
