/** Cards of quarterly reports (/总结) and of excellent cases (/优秀案例). */
import { REPORT_KINDS, type ReportKind, type ReportStatus } from '../db/schema/index.js';
import type { CardJson } from '../feishu/api.js';
import { t } from '../text/zh-CN.js';
import { buttonRow, card, envelope, escapeMd, form, input, markdown, select, submitButton, type Element } from './primitives.js';

/** The longest report text the card accepts. */
export const REPORT_BODY_MAX = 5000;
export const REPORT_TITLE_MAX = 100;

export interface ReportCardVm {
  id: number;
  college: string;
  quarter: number;
  startsOn: string;
  dueOn: string;
  kind: ReportKind;
  title: string;
  /** The stored text, or the prefilled draft when nothing was saved yet. */
  body: string;
  status: ReportStatus;
  late: boolean;
  attachments: string[];
  note?: string;
}

/** The report form: kind, title, text; 存为草稿 / 提交. A submitted report is shown read-only. */
export function reportCard(vm: ReportCardVm): CardJson {
  const head: Element[] = [
    ...(vm.note ? [markdown(escapeMd(vm.note))] : []),
    markdown(t('report.cardIntro', { quarter: vm.quarter, start: vm.startsOn, due: vm.dueOn })),
    markdown(t('report.statusLine', { status: t(`report.status.${vm.status}`), late: vm.late ? t('report.lateMark') : '' })),
    ...(vm.attachments.length ? [markdown(t('report.attachments', { files: vm.attachments.map(escapeMd).join('、') }))] : []),
  ];
  const title = t('report.cardTitle', { college: vm.college, quarter: vm.quarter });
  if (vm.status === 'submitted') {
    return card({
      title,
      template: 'green',
      elements: [...head, markdown(`**${escapeMd(vm.title)}**（${t(`report.kind.${vm.kind}`)}）`), markdown(escapeMd(vm.body))],
    });
  }
  return card({
    title,
    template: 'blue',
    elements: [
      ...head,
      form(
        'report',
        [
          select('kind', t('report.formKind'), REPORT_KINDS.map((k) => ({ value: k, label: t(`report.kind.${k}`) })), { initial: vm.kind, required: true }),
          input('title', t('report.formTitle'), { required: true, maxLength: REPORT_TITLE_MAX, value: vm.title }),
          input('body', t('report.formBody'), { maxLength: REPORT_BODY_MAX, value: vm.body, multiline: true }),
        ],
        [buttonRow([
          submitButton('report_draft', t('report.saveDraft'), envelope('report.save', { r: vm.id }), 'default'),
          submitButton('report_submit', t('report.submit'), envelope('report.submit', { r: vm.id })),
        ])],
      ),
      markdown(t('report.attachHint')),
    ],
  });
}

export type CaseCardVm =
  | { kind: 'log'; name: string; unit: string; date: string; citation: string }
  | { kind: 'report'; college: string; title: string; citation: string };

/** The announcement of an excellent case in the college groups: names only, user text escaped. */
export function caseCard(vm: CaseCardVm): CardJson {
  const subject =
    vm.kind === 'log'
      ? t('case.cardLog', { name: escapeMd(vm.name), unit: escapeMd(vm.unit), date: vm.date })
      : t('case.cardReport', { college: escapeMd(vm.college), title: escapeMd(vm.title) });
  return card({ title: t('case.cardTitle'), template: 'orange', elements: [markdown(subject), markdown(t('case.cardCitation', { citation: escapeMd(vm.citation) }))] });
}
