/**
 * The roster preview (PRODUCT.md §8): what a roster file would change, with the choice of a full
 * import (members it does not list become inactive), a partial one (only adds and updates) or
 * none. Nothing is applied before a click; the handler checks the clicker and the import again.
 */
import { z } from 'zod';
import type { CardJson } from '../feishu/api.js';
import { t } from '../text/zh-CN.js';
import { cardAction } from './action.js';
import { buttonRow, card, divider, escapeMd, fitting, markdown, type Element } from './primitives.js';

const importRef = z.object({ i: z.number().int().positive() });
export const rosterApply = cardAction('roster.apply', importRef.extend({ m: z.enum(['full', 'partial']) }));
export const rosterCancel = cardAction('roster.cancel', importRef);

/** The preview as plain sentences (app/import/roster.ts `previewView`); escaped here. */
export interface RosterPreviewVm {
  importId: number;
  title: string;
  /** Counts and what a full or partial import would do to members and units. */
  summary: string[];
  /** Named people per kind of change, each list already cut to a readable length. */
  sections: { title: string; items: string[]; more: number }[];
  /** Bad rows with their line numbers (heading first), none when the file was clean. */
  errors: string[];
  /** How many members a full import makes inactive; null when a full import is not offered. */
  fullDeactivates: number | null;
}

const lines = (texts: readonly string[], heading?: string) =>
  markdown([...(heading ? [`**${escapeMd(heading)}**`] : []), ...texts.map(escapeMd)].join('\n'));

/** The preview with its three choices; long lists give way to the buttons, which always fit. */
export function rosterPreviewCard(vm: RosterPreviewVm): CardJson {
  const ref = { i: vm.importId };
  const choices = buttonRow([
    ...(vm.fullDeactivates !== null ? [rosterApply.button(t('preview.full', { count: vm.fullDeactivates }), { ...ref, m: 'full' }, 'danger')] : []),
    rosterApply.button(t('preview.partial'), { ...ref, m: 'partial' }, 'primary'),
    rosterCancel.button(t('preview.cancel'), ref),
  ]);
  const blocks: Element[] = vm.sections.map((s) => lines([...s.items, ...(s.more ? [t('preview.more', { count: s.more })] : [])], s.title));
  return fitting(blocks, (shown) => card({
    title: vm.title,
    template: vm.errors.length ? 'orange' : 'blue',
    elements: [
      lines(vm.summary),
      ...(vm.errors.length ? [lines(vm.errors)] : []),
      ...(shown.length ? [divider(), ...shown] : []),
      divider(),
      markdown(escapeMd(t('preview.confirmHint'))),
      choices,
    ],
  }));
}

/** The card after a choice: what was done, in place of the buttons. */
export function rosterDoneCard(title: string, text: string): CardJson {
  return card({ title, template: 'green', elements: [lines(text.split('\n'))] });
}
