/**
 * A catalogue entry as data: a key and its params, any param itself an entry (a refusal's
 * `{problem}`, a `{status}` label). Domain code builds these — a `UserError` is one — without
 * rendering anything (it imports this module's types only); `render` turns one into its
 * sentence at the edge (the bot's error boundary, a card, the import summary).
 */
import type { ParamValue } from './t.js';
import { tDynamic, zhCN, type MessageKey } from './zh-CN.js';

export interface Message {
  readonly key: MessageKey;
  readonly params?: MessageValues;
}

/** A param: text, a number, a list (rendered joined by 、), or another entry rendered in its place. */
export type MessageValues = Readonly<Record<string, ParamValue | readonly string[] | Message>>;

const isList = (v: readonly string[] | Message): v is readonly string[] => Array.isArray(v);

/**
 * The sentence of an entry, nested entries rendered first. A key the catalogue does not have
 * is shown as it is: a zod issue message that is not one of ours (zod's own default text)
 * reads as before.
 */
export function render(m: Message): string {
  if (!Object.hasOwn(zhCN, m.key)) return m.key;
  const params: Record<string, ParamValue> = {};
  for (const [name, value] of Object.entries(m.params ?? {})) params[name] = typeof value !== 'object' ? value : isList(value) ? value.join('、') : render(value);
  return tDynamic(m.key, params);
}
