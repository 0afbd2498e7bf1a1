/** Cards about the user's own account: /help, the /bind form, /me. */
import { z } from 'zod';
import type { CardJson } from '../feishu/api.js';
import { t } from '../text/zh-CN.js';
import { buttonRow, card, escapeMd, form, input, markdown } from './primitives.js';
import { cardAction } from './action.js';

// The card actions these cards place (src/cards/action.ts); commands bind their handlers.
export const bindSubmit = cardAction('bind.submit', z.object({}));
export const logWithdraw = cardAction('log.withdraw', z.object({ l: z.number().int().positive() }));
export const meRefresh = cardAction('me.refresh', z.object({ m: z.number().int() }));

export interface HelpEntry {
  example: string;
  summary: string;
}

export function helpCard(vm: { role: string | null; who: string; entries: HelpEntry[] }): CardJson {
  const lines = vm.entries.map((e) => `- \`${escapeMd(e.example)}\` ${escapeMd(e.summary)}`).join('\n');
  return card({
    title: t('help.title'),
    template: 'blue',
    elements: [
      markdown(vm.role ? t('help.intro', { role: vm.role, who: vm.who ? `（${escapeMd(vm.who)}）` : '' }) : t('help.unbound')),
      markdown(lines),
      markdown(`<font color='grey'>${t('help.footer')}</font>`),
    ],
  });
}

export function bindFormCard(prefill: { studentNo?: string; name?: string } = {}): CardJson {
  return card({
    title: t('bind.formTitle'),
    template: 'turquoise',
    elements: [
      markdown(t('bind.formIntro')),
      form(
        'bind',
        [
          input('student_no', t('bind.formStudentNo'), { required: true, maxLength: 32, value: prefill.studentNo, placeholder: t('bind.formStudentNoPlaceholder') }),
          input('name', t('bind.formName'), { required: true, maxLength: 40, value: prefill.name, placeholder: t('bind.formNamePlaceholder') }),
        ],
        { label: t('bind.formSubmit'), value: bindSubmit.value({}) },
      ),
    ],
  });
}

export interface MeView {
  name: string;
  role: string;
  unit: string;
  approvedHours: number;
  pendingHours: number;
  boundAt: string | null;
  memberId: number;
  /** e.g. "实事 2 · 走访 1"; empty when nothing is approved yet. */
  items?: string;
  /** e.g. "报到计时 3 小时 · 自报 2 小时". */
  sources?: string;
  recent?: { id: number; line: string; pending: boolean }[];
}

export function meCard(vm: MeView): CardJson {
  return card({
    title: t('me.title'),
    template: 'green',
    elements: [
      markdown(t('me.identity', { name: escapeMd(vm.name), role: vm.role, unit: escapeMd(vm.unit) })),
      markdown(t('me.hours', { approved: vm.approvedHours, pending: vm.pendingHours })),
      ...(vm.items ? [markdown(t('me.items', { items: vm.items }))] : []),
      ...(vm.sources ? [markdown(t('me.sources', { sources: vm.sources }))] : []),
      ...(vm.recent?.length
        ? [
            markdown(t('me.recent')),
            ...vm.recent.map((r) =>
              r.pending
                ? buttonRow([markdown(escapeMd(r.line)), logWithdraw.button(t('log.withdraw'), { l: r.id }, 'danger')])
                : markdown(escapeMd(r.line)),
            ),
          ]
        : [markdown(t('me.noLogs'))]),
      ...(vm.boundAt ? [markdown(`<font color='grey'>${t('me.boundAt', { at: vm.boundAt })}</font>`)] : []),
      meRefresh.button(t('me.refresh'), { m: vm.memberId }, 'default'),
    ],
  });
}
