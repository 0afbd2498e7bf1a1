/**
 * Renders a catalogue entry: `{name}` placeholders are replaced by params; a missing
 * param renders as an empty string rather than leaking the placeholder. The types below
 * make a missing param a compile error, so the runtime fallback is only a safety net for
 * keys and params the compiler cannot see (zh-CN.ts `tDynamic`).
 */
export function format(template: string, params: Readonly<Record<string, ParamValue>> = {}): string {
  return template.replace(PLACEHOLDER, (_, name: string) => (name in params ? String(params[name]) : ''));
}

/** What a `{name}` placeholder may be filled with. */
export type ParamValue = string | number;

/** The runtime placeholder syntax (global: for `replace`/`matchAll`); `Placeholders` below is its type-level twin. */
export const PLACEHOLDER = /\{(\w+)\}/g;

type WordChar =
  | 'a' | 'b' | 'c' | 'd' | 'e' | 'f' | 'g' | 'h' | 'i' | 'j' | 'k' | 'l' | 'm'
  | 'n' | 'o' | 'p' | 'q' | 'r' | 's' | 't' | 'u' | 'v' | 'w' | 'x' | 'y' | 'z'
  | 'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G' | 'H' | 'I' | 'J' | 'K' | 'L' | 'M'
  | 'N' | 'O' | 'P' | 'Q' | 'R' | 'S' | 'T' | 'U' | 'V' | 'W' | 'X' | 'Y' | 'Z'
  | '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | '_';

/** True when S is one or more `\w` characters (an ASCII identifier-ish name). */
type IsWord<S extends string> = S extends `${infer C}${infer R}`
  ? C extends WordChar
    ? R extends ''
      ? true
      : IsWord<R>
    : false
  : false;

/**
 * The placeholder names of a template, parsed the way `PLACEHOLDER` matches: `{` one or more
 * word characters `}`. Anything else in braces (e.g. the JSON example in
 * `settings.badWeights`) is text, and scanning resumes after that `{`. A union of templates
 * gives the union of their names.
 */
export type Placeholders<S extends string, Found extends string = never> = S extends `${string}{${infer P}}${infer Rest}`
  ? IsWord<P> extends true
    ? Placeholders<Rest, Found | P>
    : Placeholders<`${P}}${Rest}`, Found>
  : Found;

/**
 * The params object a template needs: every placeholder, each a string or number (or V, for
 * a caller such as a `Message` whose params may be entries rendered later).
 */
export type ParamsOf<S extends string, V = ParamValue> = { [P in Placeholders<S>]: V };

/**
 * The rest arguments after the key: none (or an empty object) for a template without
 * placeholders, otherwise the params object, required. Not distributive: for a union of
 * templates the object must fill the placeholders of every member.
 */
export type ParamsArgs<S extends string, V = ParamValue> = [Placeholders<S>] extends [never]
  ? [params?: Readonly<Record<string, never>>]
  : [params: Readonly<ParamsOf<S, V>>];

/** Keys of a catalogue whose templates have no placeholders. */
export type PlainKeysOf<C extends Record<string, string>> = {
  [K in keyof C & string]: [Placeholders<C[K]>] extends [never] ? K : never;
}[keyof C & string];

/**
 * A typed `t` over one catalogue part, for code that renders from that part alone (the
 * roster and community importers and their CLIs).
 */
export function translator<C extends Record<string, string>>(catalogue: C) {
  return <K extends keyof C & string>(key: K, ...[params]: ParamsArgs<C[K]>): string => format(catalogue[key] as string, params);
}
