/** Cards about the user's own account: /help, the /bind form, /me. */
import type { CardJson } from '../feishu/api.js';
import { t } from '../text/zh-CN.js';
import { button, card, envelope, escapeMd, form, input, markdown } from './primitives.js';

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
          input('student_no', t('bind.formStudentNo'), { required: true, maxLength: 32, value: prefill.studentNo, placeholder: '2023010101' }),
          input('name', t('bind.formName'), { required: true, maxLength: 40, value: prefill.name, placeholder: '张三' }),
        ],
        { label: t('bind.formSubmit'), value: envelope('bind.submit') },
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
}

export function meCard(vm: MeView): CardJson {
  return card({
    title: t('me.title'),
    template: 'green',
    elements: [
      markdown(t('me.identity', { name: escapeMd(vm.name), role: vm.role, unit: escapeMd(vm.unit) })),
      markdown(t('me.hours', { approved: vm.approvedHours, pending: vm.pendingHours })),
      ...(vm.approvedHours + vm.pendingHours === 0 ? [markdown(t('me.noLogs'))] : []),
      ...(vm.boundAt ? [markdown(`<font color='grey'>${t('me.boundAt', { at: vm.boundAt })}</font>`)] : []),
      button(t('me.refresh'), envelope('me.refresh', { m: vm.memberId }), 'default'),
    ],
  });
}
