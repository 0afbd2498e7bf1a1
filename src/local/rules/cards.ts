/**
 * Card JSON 2.0 as Feishu validates it (CARDS.md; the component pages of 卡片 JSON 2.0). 2.0
 * refuses an attribute a component does not document, so every component the bot may send is
 * modelled here with its documented attributes and their ranges, and any other tag is refused:
 * a new component must be modelled before a card may use it.
 */
import { CARD_MAX_BYTES, countComponents, MAX_COMPONENTS, SUBTITLE_MAX_WIDTH, textWidth } from '../../feishu/cardLimits.js';
import { checkMarkdown } from './markdown.js';
import { cardRefusal, tooLong, type Defect, type Refusal, type Verdict } from './verdict.js';

const MAX_NESTING = 5;

type Check = (v: unknown) => string | undefined;

/** A JSON object (not an array, not null). */
export const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str: Check = (v) => (typeof v === 'string' ? undefined : 'must be a string');
const bool: Check = (v) => (typeof v === 'boolean' ? undefined : 'must be a boolean');
const obj: Check = (v) => (isObj(v) ? undefined : 'must be an object');
const any: Check = () => undefined;
const oneOf = (...values: string[]): Check => (v) => (typeof v === 'string' && values.includes(v) ? undefined : `must be one of ${values.join('|')}`);
const intIn = (min: number, max: number): Check => (v) => (Number.isInteger(v) && (v as number) >= min && (v as number) <= max ? undefined : `must be an integer in ${min}…${max}`);
const pxIn = (min: number, max: number) => (v: unknown) => {
  const m = typeof v === 'string' ? /^(-?\d+)px$/.exec(v) : null;
  return m !== null && Number(m[1]) >= min && Number(m[1]) <= max;
};
const either = (...checks: Check[]): Check => (v) => (checks.some((c) => c(v) === undefined) ? undefined : checks.map((c) => c(v)).join(' or '));
const px = (min: number, max: number): Check => (v) => (pxIn(min, max)(v) ? undefined : `must be ${min}…${max === Infinity ? '∞' : max}px`);
const width: Check = either(oneOf('default', 'fill'), px(100, Infinity));
const spacing: Check = either(oneOf('small', 'medium', 'large', 'extra_large'), px(0, 99));
/** Margin / padding: one to four of `0` or `Npx` within the range. */
const box = (min: number, max: number): Check => (v) =>
  typeof v === 'string' && /^\S+( \S+){0,3}$/.test(v) && v.split(' ').every((p) => p === '0' || pxIn(min, max)(p)) ? undefined : `must be 1–4 values of ${min}…${max}px`;
const margin = box(-99, 99);
const padding = box(0, 99);

const text = (tags: string[], maxLength?: number): Check => (v) => {
  if (!isObj(v)) return 'must be a text object';
  const extra = Object.keys(v).filter((k) => !['tag', 'content', 'i18n_content', 'text_size', 'text_color', 'text_align', 'lines'].includes(k));
  if (extra.length) return `unknown property ${extra[0]}`;
  if (typeof v.tag !== 'string' || !tags.includes(v.tag)) return `tag must be ${tags.join('|')}`;
  if (typeof v.content !== 'string') return 'content must be a string';
  if (maxLength !== undefined && [...v.content].length > maxLength) return `content longer than ${maxLength} characters`;
  return undefined;
};
const plain = (maxLength?: number) => text(['plain_text'], maxLength);
const anyText = text(['plain_text', 'lark_md']);
const behaviors: Check = (v) => {
  if (!Array.isArray(v) || v.length === 0) return 'must be a non-empty array';
  for (const b of v) {
    if (!isObj(b)) return 'each behavior must be an object';
    if (b.type === 'callback') {
      if (!isObj(b.value) || Object.keys(b).some((k) => k !== 'type' && k !== 'value')) return 'a callback behavior is {type, value: object}';
    } else if (b.type === 'open_url') {
      if (typeof b.default_url !== 'string' || Object.keys(b).some((k) => !['type', 'default_url', 'android_url', 'ios_url', 'pc_url'].includes(k))) return 'an open_url behavior needs default_url';
    } else return 'type must be callback|open_url';
  }
  return undefined;
};
const confirm: Check = (v) => (isObj(v) && !plain()(v.title) && !plain()(v.text) && Object.keys(v).every((k) => k === 'title' || k === 'text') ? undefined : 'must be {title, text} plain_text');
const icon: Check = (v) => (isObj(v) && oneOf('standard_icon', 'custom_icon')(v.tag) === undefined ? undefined : 'tag must be standard_icon|custom_icon');
const option: Check = (v) =>
  isObj(v) && typeof v.value === 'string' && !plain()(v.text) && Object.keys(v).every((k) => ['text', 'value', 'icon'].includes(k)) ? undefined : 'an option is {text: plain_text, value: string, icon?}';
const options: Check = (v) => (Array.isArray(v) && v.length > 0 ? v.map(option).find(Boolean) : 'must be a non-empty array');
const date: Check = (v) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? undefined : 'must be yyyy-MM-dd');

interface Spec {
  attrs: Record<string, Check>;
  required?: string[];
  /** Child components, found under these keys. */
  children?: string[];
  /** A form field: needs a card-unique `name` inside a form. */
  field?: boolean;
}

const field = { name: str, required: bool, disabled: bool, disabled_tips: plain(), width, behaviors, confirm };
const layout = { direction: oneOf('vertical', 'horizontal'), horizontal_spacing: spacing, vertical_spacing: spacing, horizontal_align: oneOf('left', 'center', 'right'), vertical_align: oneOf('top', 'center', 'bottom'), padding };

const COMPONENTS: Record<string, Spec> = {
  markdown: { attrs: { content: str, text_size: str, text_align: oneOf('left', 'center', 'right'), icon, i18n_content: obj }, required: ['content'] },
  div: { attrs: { text: anyText, width: either(oneOf('fill', 'auto'), px(16, 999)), icon } },
  hr: { attrs: {} },
  img: {
    attrs: {
      img_key: str, alt: plain(), title: anyText, corner_radius: str, scale_type: oneOf('crop_center', 'crop_top', 'fit_horizontal'), transparent: bool, preview: bool, mode: str, custom_width: str, compact_width: bool,
      // 2.0 dropped stretch_without_padding.
      size: (v) => (oneOf('stretch', 'large', 'medium', 'small', 'tiny')(v) === undefined || (typeof v === 'string' && /^\d+px \d+px$/.test(v) && v.split(' ').every((p) => pxIn(1, 1000)(p))) ? undefined : 'must be stretch|large|medium|small|tiny or "Wpx Hpx" (1…1000)'),
    },
    required: ['img_key', 'alt'],
  },
  chart: {
    attrs: { chart_spec: obj, aspect_ratio: oneOf('1:1', '2:1', '4:3', '16:9'), color_theme: oneOf('brand', 'rainbow', 'complementary', 'converse', 'primary'), preview: bool, height: either(oneOf('auto'), px(1, 999)) },
    required: ['chart_spec'],
  },
  column_set: {
    attrs: { columns: any, horizontal_spacing: spacing, horizontal_align: oneOf('left', 'center', 'right'), flex_mode: oneOf('none', 'stretch', 'flow', 'bisect', 'trisect'), background_style: str, action: obj },
    children: ['columns'],
  },
  column: {
    attrs: { ...layout, elements: any, width: either(oneOf('auto', 'weighted'), px(16, 600)), weight: intIn(1, 5), background_style: str, action: obj },
    children: ['elements'],
  },
  form: { attrs: { ...layout, name: str, elements: any }, required: ['name', 'elements'], children: ['elements'] },
  input: {
    attrs: {
      ...field, placeholder: plain(100), default_value: str, max_length: intIn(1, 1000), input_type: oneOf('text', 'multiline_text', 'password'), rows: intIn(1, 100),
      auto_resize: bool, max_rows: intIn(1, 100), show_icon: bool, label: anyText, label_position: oneOf('top', 'left'), value: any, fallback: obj,
    },
    field: true,
  },
  select_static: { attrs: { ...field, type: oneOf('default', 'text'), initial_option: str, initial_index: intIn(0, 10_000), placeholder: plain(100), options }, required: ['options'], field: true },
  multi_select_static: { attrs: { ...field, type: oneOf('default', 'text'), selected_values: (v) => (Array.isArray(v) && v.every((x) => typeof x === 'string') ? undefined : 'must be an array of strings'), placeholder: plain(100), options }, required: ['options'], field: true },
  date_picker: { attrs: { ...field, initial_date: date, placeholder: plain(100) }, field: true },
  button: {
    attrs: {
      type: oneOf('default', 'primary', 'danger', 'text', 'primary_text', 'danger_text', 'primary_filled', 'danger_filled', 'laser'), size: oneOf('tiny', 'small', 'medium', 'large'), width,
      text: plain(100), icon, hover_tips: anyText, disabled: bool, disabled_tips: anyText, confirm, behaviors, form_action_type: oneOf('submit', 'reset'), name: str,
    },
    required: ['text'],
    field: true,
  },
};

/** Containers, for the five-level nesting limit. */
const CONTAINERS = new Set(['column_set', 'column', 'form']);

class Refused extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.msg);
  }
}
const refuse = (rule: string, subCode: number, errMsg: string, path: string, value?: unknown): never => {
  throw new Refused(cardRefusal(rule, subCode, errMsg, path, value));
};

interface Walk {
  defects: Defect[];
  names: Set<string>;
  elementIds: Set<string>;
}

function checkAttrs(el: Record<string, unknown>, spec: Spec, tag: string, path: string): void {
  for (const [key, value] of Object.entries(el)) {
    if (key === 'tag') continue;
    if (key === 'element_id') {
      if (typeof value !== 'string' || !/^[A-Za-z][A-Za-z0-9_]{0,19}$/.test(value)) refuse('card.elementId', 200621, 'element_id must start with a letter, use letters, digits and _ only, ≤ 20 chars', path, value);
      continue;
    }
    if (key === 'margin') {
      const problem = margin(value);
      if (problem) refuse('card.attribute', 200621, `margin ${problem}`, path, value);
      continue;
    }
    const check = spec.attrs[key];
    if (!check) refuse('card.unknownProperty', 200621, `unknown property ${key} of ${tag}`, path, key);
    const problem = check!(value);
    if (problem) refuse('card.attribute', 200621, `${tag}.${key} ${problem}`, path, value);
  }
  for (const key of spec.required ?? []) if (el[key] === undefined) refuse('card.required', 200621, `${tag} needs ${key}`, path);
}

function walkElement(el: unknown, path: string, depth: number, form: { submit: boolean } | null, parent: string, w: Walk): void {
  if (!isObj(el) || typeof el.tag !== 'string') return refuse('card.structure', 200621, 'each element must be an object with a tag', path);
  const tag = el.tag;
  const at = `${path}(tag: ${tag})`;
  if (tag === 'note' || tag === 'action') refuse('card.removedTag', 200621, `${tag} does not exist in JSON 2.0`, at);
  const spec = COMPONENTS[tag];
  if (!spec) return refuse('card.unknownTag', 200621, `unknown tag ${tag}`, at);
  if (tag === 'column' && parent !== 'column_set') refuse('card.structure', 200621, 'a column belongs in a column_set', at);
  if (tag !== 'column' && parent === 'column_set') refuse('card.structure', 200621, 'a column_set holds columns only', at);
  checkAttrs(el, spec, tag, at);
  if (typeof el.element_id === 'string') {
    if (w.elementIds.has(el.element_id)) refuse('card.elementId', 200621, 'element_id must be unique in the card', at, el.element_id);
    w.elementIds.add(el.element_id);
  }
  if (tag === 'form') {
    if (parent !== 'body') refuse('form.placement', 200621, 'a form may only be placed directly in body.elements', at);
    if (w.names.has(el.name as string)) refuse('form.name', 200621, 'the name of a form must be unique in the card', at, el.name);
    w.names.add(el.name as string);
  }
  if (tag === 'multi_select_static' && !form) refuse('form.multiSelect', 200621, 'multi_select_static must be placed in a form', at);
  if (spec.field && form) {
    if (typeof el.name !== 'string' || !el.name) refuse('form.fieldName', 200621, `${tag} in a form needs a name`, at);
    if (w.names.has(el.name as string)) refuse('form.fieldName', 200621, 'names in a form must be unique in the card', at, el.name);
    w.names.add(el.name as string);
  }
  if (tag === 'button') {
    if (el.form_action_type && !form) refuse('button.formAction', 200621, 'form_action_type is only for buttons in a form', at);
    if (!el.form_action_type && el.behaviors === undefined) refuse('button.behaviors', 200621, 'a button outside a form needs behaviors', at);
    if (el.form_action_type === 'submit' && form) form.submit = true;
  }
  if (tag === 'select_static' || tag === 'multi_select_static') checkOptions(el, at);
  if (tag === 'input' && typeof el.default_value === 'string' && typeof el.max_length === 'number' && [...el.default_value].length > el.max_length) {
    w.defects.push({ rule: 'input.defaultTooLong', path: at, note: `default_value (${[...el.default_value].length} chars) is longer than max_length ${el.max_length}: the form cannot be submitted unchanged` });
  }
  if (tag === 'multi_select_static' && el.required === undefined) {
    w.defects.push({ rule: 'multiSelect.implicitRequired', path: at, note: 'required defaults to true: say required: false for an optional multi-select, or true if meant' });
  }
  if (tag === 'markdown') {
    const md = checkMarkdown(el.content as string, at);
    if (md.refusal) throw new Refused(md.refusal);
    w.defects.push(...md.defects);
  }
  if (CONTAINERS.has(tag) && depth >= MAX_NESTING) refuse('card.nesting', 200621, `containers nest at most ${MAX_NESTING} levels`, at);
  const inner = tag === 'form' ? { submit: false } : form;
  for (const key of spec.children ?? []) {
    const list = el[key];
    if (!Array.isArray(list)) refuse('card.structure', 200621, `${tag}.${key} must be an array`, at);
    (list as unknown[]).forEach((child, i) => walkElement(child, `${path} -> ${key} -> [${i}]`, CONTAINERS.has(tag) ? depth + 1 : depth, inner, tag, w));
  }
  if (tag === 'form' && !inner!.submit) refuse('form.submit', 200621, 'a form needs a button with form_action_type submit', at);
}

function checkOptions(el: Record<string, unknown>, at: string): void {
  const values = (el.options as { value: string }[]).map((o) => o.value);
  const seen = new Set<string>();
  for (const v of values) {
    if (seen.has(v)) refuse('select.duplicateValue', 200621, 'option values must be unique', at, v);
    seen.add(v);
  }
  if (el.initial_option !== undefined && !seen.has(el.initial_option as string)) refuse('select.initialOption', 200621, 'initial_option must be one of the option values', at, el.initial_option);
  for (const v of (el.selected_values as string[] | undefined) ?? []) if (!seen.has(v)) refuse('select.selectedValues', 200621, 'selected_values must match option values', at, v);
}

const TOP = ['schema', 'config', 'card_link', 'header', 'body'];
const CONFIG: Record<string, Check> = {
  streaming_mode: bool, streaming_config: obj, summary: obj, locales: any, enable_forward: bool, width_mode: oneOf('compact', 'fill'),
  use_custom_translation: bool, enable_forward_interaction: bool, style: obj,
  update_multi: (v) => (v === true ? undefined : 'can only be true in JSON 2.0'),
};
const TEMPLATES = ['blue', 'wathet', 'turquoise', 'green', 'yellow', 'orange', 'red', 'carmine', 'violet', 'purple', 'indigo', 'grey', 'default'];
const HEADER: Record<string, Check> = {
  title: anyText, subtitle: anyText, text_tag_list: (v) => (Array.isArray(v) ? undefined : 'must be an array'), i18n_text_tag_list: obj,
  template: oneOf(...TEMPLATES), icon, padding,
};
const BODY: Record<string, Check> = { ...layout, elements: any };

function checkSection(section: unknown, checks: Record<string, Check>, name: string): void {
  if (!isObj(section)) return refuse('card.structure', 200621, `${name} must be an object`, name);
  for (const [key, value] of Object.entries(section)) {
    const check = checks[key];
    if (!check) refuse('card.unknownProperty', 200621, `unknown property ${key} of ${name}`, name, key);
    const problem = check!(value);
    if (problem) refuse('card.attribute', 200621, `${name}.${key} ${problem}`, name, value);
  }
}

/** A card's size as Feishu measures a card that arrives as an object (a callback answer, card/update). */
const objectBytes = (card: unknown): number => Buffer.byteLength(JSON.stringify(card));

/**
 * Checks a card JSON 2.0 object the way Feishu does when it is sent, patched or answered with.
 * `size` measures it against the 30 KB: as an object by default; a message body passes
 * `cardRequestBytes`, as there the card travels as an escaped string.
 */
export function checkCard(card: unknown, size: (card: unknown) => number = objectBytes): Verdict {
  const w: Walk = { defects: [], names: new Set(), elementIds: new Set() };
  try {
    if (!isObj(card)) refuse('card.structure', 200621, 'parse card json err, please check whether the card json is correct', 'ROOT');
    const c = card as Record<string, unknown>;
    if (c.schema !== '2.0') refuse('card.schema', 200621, 'the card must declare schema "2.0" (cards are built as JSON 2.0)', 'schema', c.schema);
    for (const key of Object.keys(c)) if (!TOP.includes(key)) refuse('card.unknownProperty', 200621, `unknown property ${key} (JSON 2.0 has no ${key})`, key);
    if (c.config !== undefined) checkSection(c.config, CONFIG, 'config');
    if (c.header !== undefined) {
      checkSection(c.header, HEADER, 'header');
      const header = c.header as Record<string, unknown>;
      if (header.title === undefined) refuse('card.required', 200621, 'header needs a title', 'header');
      const subtitle = (header.subtitle as { content?: string } | undefined)?.content;
      if (subtitle && textWidth(subtitle) > SUBTITLE_MAX_WIDTH) {
        w.defects.push({ rule: 'header.subtitleWidth', path: 'header.subtitle', note: `"${subtitle}" is ${textWidth(subtitle)} CJK widths; a phone shows about ${SUBTITLE_MAX_WIDTH} and cuts the rest to "…"` });
      }
    }
    checkSection(c.body, BODY, 'body');
    const elements = (c.body as Record<string, unknown>).elements;
    if (!Array.isArray(elements)) refuse('card.structure', 200621, 'body.elements must be an array', 'body');
    (elements as unknown[]).forEach((el, i) => walkElement(el, `elements -> [${i}]`, 0, null, 'body', w));
    const count = countComponents(c);
    if (count > MAX_COMPONENTS) refuse('card.elementCount', 11310, 'element exceeds the limit', 'ROOT', count);
    if (size(c) > CARD_MAX_BYTES) return { refusal: tooLong('card.size'), defects: w.defects };
  } catch (err) {
    if (err instanceof Refused) return { refusal: err.refusal, defects: w.defects };
    throw err;
  }
  return { defects: w.defects };
}
