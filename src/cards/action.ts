/**
 * Card actions by handle, never by name: a card places `checkout.button(label, { c })`, the
 * command that handles the click binds `defineAction(checkout, …)` (src/bot/define.ts), and both
 * read the payload's type from the one zod schema declared here beside the card. Renaming an
 * action or retyping its payload breaks the build, not a click.
 */
import type { z } from 'zod';
import { button, submitButton, type ActionEnvelope, type Element } from './primitives.js';

/** The envelope's payload: a flat record of scalars (an absent key is left out). */
export type PayloadShape = Record<string, string | number | boolean | undefined>;

type ButtonStyle = Parameters<typeof button>[2];
type SubmitStyle = Parameters<typeof submitButton>[3];

export interface CardAction<In extends PayloadShape = PayloadShape, Out = In> {
  /** The `a` field of the envelope; unique across the registry (the router checks). */
  readonly name: string;
  /** Validates the clicked envelope's `p` before the handler runs. */
  readonly payload: z.ZodType<Out, In>;
  /** The callback value, for a form's submit button or a button built by hand. */
  value(payload: In, expiresAt?: number): ActionEnvelope;
  button(label: string, payload: In, style?: ButtonStyle): Element;
  /** A form's submit button (`name` must be unique in the form). */
  submit(name: string, label: string, payload: In, style?: SubmitStyle): Element;
}

/** Declares a card action: its name on the wire and the schema of its payload. */
export function cardAction<Out, In extends PayloadShape>(name: string, payload: z.ZodType<Out, In>): CardAction<In, Out> {
  const value = (p: In, expiresAt?: number): ActionEnvelope => {
    const kept = Object.entries(p).filter((e): e is [string, string | number | boolean] => e[1] !== undefined);
    return { a: name, v: 1, ...(kept.length ? { p: Object.fromEntries(kept) } : {}), ...(expiresAt ? { exp: expiresAt } : {}) };
  };
  return {
    name,
    payload,
    value,
    button: (label, p, style) => button(label, value(p), style),
    submit: (formName, label, p, style) => submitButton(formName, label, value(p), style),
  };
}
