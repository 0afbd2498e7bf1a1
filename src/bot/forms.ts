/**
 * Reading card `form_value` fields before the one zod validation of each flow: a field is a
 * trimmed string or absent, never silently defaulted; numbers are whole numbers or NaN (which
 * the schema then refuses with its own message).
 */
import type { Db } from '../db/client.js';
import { communityByTypedName } from '../domain/communityPicker.js';

/** A text field: trimmed, or undefined when blank or not a string. */
export const formText = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

/** A whole-number field (full-width digits accepted); NaN for anything else. */
export const formWhole = (v: unknown): number => {
  if (typeof v === 'number') return v;
  const s = typeof v === 'string' ? v.normalize('NFKC').trim() : '';
  return /^\d+$/.test(s) ? Number(s) : Number.NaN;
};

/** A multi-select field: an array; a lone string is taken as one choice. */
export const formList = (v: unknown): unknown[] => (Array.isArray(v) ? v : typeof v === 'string' && v !== '' ? [v] : []);

/**
 * The community a form's picker names (cards/primitives `communityPicker`: the dropdown
 * `community` and the name typed into `community_name`): a typed name wins and must name
 * exactly one known community (refused with `notFound`); else the dropdown's id, NaN for a value
 * that is not one (the draft's schema refuses it); undefined when neither was filled.
 */
export function formCommunity(db: Db, form: Record<string, unknown>, notFound: Parameters<typeof communityByTypedName>[2]): number | undefined {
  const typed = formText(form.community_name);
  if (typed) return communityByTypedName(db, typed, notFound).id;
  const chosen = formText(form.community);
  return chosen === undefined ? undefined : formWhole(chosen);
}
