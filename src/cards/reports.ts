/** Cards of quarterly reports (/总结) and of excellent cases (/优秀案例). */
import { z } from 'zod';
import { REPORT_KINDS, type ReportKind, type ReportStatus } from '../db/schema/index.js';
import type { CaseCandidate } from '../domain/cases.js';
import type { CardJson } from '../feishu/api.js';
import { t } from '../text/zh-CN.js';
import { buttonRow, card, escapeMd, form, input, markdown, select, type Element } from './primitives.js';
import { cardAction } from './action.js';

// The card actions these cards place (src/cards/action.ts); commands bind their handlers.
/** The report; g: the body fields the card started inside a paragraph, e.g. "2,3" (see joinReportBody). */
const reportRef = z.object({ r: z.number().int().positive(), g: z.string().regex(/^\d+(,\d+)*$/).optional() });
export const reportSave = cardAction('report.save', reportRef);
export const reportSubmit = cardAction('report.submit', reportRef);
/** The /优秀案例 picker's form: the subject and the citation come in form_value. */
export const casePick = cardAction('case.pick', z.object({}));

/** The longest report text stored. */
export const REPORT_BODY_MAX = 5000;
export const REPORT_TITLE_MAX = 100;
/** The most one input takes: Feishu documents `input.max_length` as an integer 1…1000 (CARDS.md). */
export const REPORT_PART_MAX = 1000;
/** Body fields the form shows: five of 1000 hold the 5000 of REPORT_BODY_MAX. */
const REPORT_BODY_FIELDS = 5;

/*
 * The text in several fields, and back.
 *
 * Split (stored text → fields): whole paragraphs (lines) are packed into a field up to 1000
 * characters, and the line break between two fields is left out. A paragraph longer than a
 * field is cut after its last sentence end (。！？；.!? with any closing quote or bracket) within
 * 1000 characters, else at 1000 (never inside a surrogate pair). A cut that would leave more
 * than the remaining fields can hold at 1000 each is taken further (sentence end, then 1000),
 * so any text of up to 5000 characters fits five fields.
 *
 * Join (submitted fields → stored text): the non-empty fields in order, separated by a line
 * break — except a field the card started inside a paragraph, which goes on directly. The card
 * names those fields in its buttons' payload (`g`, e.g. "2,3"), since the text cannot say it.
 *
 * So join(split(text)) is the text itself for any stored text, and a card saved unchanged stores
 * exactly what it showed; a field the user fills in becomes a paragraph of its own.
 */

/** One field's share of the text. */
export interface BodyPart {
  text: string;
  /** Starts inside the previous part's paragraph: joined to it without a line break. */
  glued: boolean;
}

/** A sentence end and any closing quotes or brackets after it: where a long paragraph is cut. */
const SENTENCE_END = /[。！？；.!?]+[”’"'」』）)\]]*/g;

/** The stored text as field contents, each at most REPORT_PART_MAX; see the rule above. */
export function splitReportBody(body: string, fields: number = REPORT_BODY_FIELDS): BodyPart[] {
  const parts: BodyPart[] = [];
  let at = 0;
  let glued = false;
  while (at < body.length) {
    if (body.length - at <= REPORT_PART_MAX) {
      parts.push({ text: body.slice(at), glued });
      break;
    }
    // What follows a cut must still fit the fields left, cut at 1000 each.
    const later = Math.max(0, fields - parts.length - 1) * REPORT_PART_MAX;
    const fits = (next: number) => body.length - next <= later;
    // Searched from at + 1000 itself (a line break right after a full field ends that field too),
    // but not the text's last character: the empty field after it would be skipped, the break lost.
    const lineBreak = body.lastIndexOf('\n', Math.min(at + REPORT_PART_MAX, body.length - 2));
    let end: number;
    let next: number;
    if (lineBreak > at && fits(lineBreak + 1)) {
      end = lineBreak;
      next = lineBreak + 1;
    } else {
      end = lastSentenceEnd(body, at) ?? at + REPORT_PART_MAX;
      if (!fits(end)) end = at + REPORT_PART_MAX;
      if (isHighSurrogate(body.charCodeAt(end - 1))) end -= 1;
      next = end;
    }
    parts.push({ text: body.slice(at, end), glued });
    glued = next === end;
    at = next;
  }
  return parts;
}

function lastSentenceEnd(body: string, at: number): number | undefined {
  let end: number | undefined;
  for (const m of body.slice(at, at + REPORT_PART_MAX).matchAll(SENTENCE_END)) end = at + m.index + m[0].length;
  return end;
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;

/**
 * The stored text from the submitted fields (numbered from 1, in any order): empty fields are
 * skipped; the others are joined by a line break, or directly for the fields in `glued`.
 */
export function joinReportBody(fields: { n: number; text: string }[], glued: ReadonlySet<number>): string {
  let body = '';
  let first = true;
  for (const f of [...fields].sort((a, b) => a.n - b.n)) {
    if (f.text === '') continue;
    body += first || glued.has(f.n) ? f.text : `\n${f.text}`;
    first = false;
  }
  return body;
}

/** The form field of body part `n` (from 1). */
const bodyFieldName = (n: number) => `body_${n}`;

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

/**
 * The report form: kind, title, the text in REPORT_BODY_FIELDS fields (split as described above);
 * 存为草稿 / 提交. A submitted report is shown read-only.
 */
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
  const parts = splitReportBody(vm.body);
  // An old text over 5000 characters gets a field more rather than lose its end (save then asks to shorten it).
  const fields = Math.max(REPORT_BODY_FIELDS, parts.length);
  const glued = parts.flatMap((p, i) => (p.glued ? [i + 1] : [])).join(',');
  const payload = { r: vm.id, ...(glued ? { g: glued } : {}) };
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
          markdown(t('report.formBodyHint')),
          ...Array.from({ length: fields }, (_, i) =>
            input(bodyFieldName(i + 1), t('report.formBody', { n: i + 1 }), { placeholder: t('report.formBodyPlaceholder'), maxLength: REPORT_PART_MAX, value: parts[i]?.text, multiline: true }),
          ),
        ],
        [buttonRow([
          reportSave.submit('report_draft', t('report.saveDraft'), payload, 'default'),
          reportSubmit.submit('report_submit', t('report.submit'), payload),
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

/** Where a case's subject is named in the picker's dropdown value: `log:123`, `report:5`. */
export const caseSubjectValue = (c: Pick<CaseCandidate, 'kind' | 'id'>) => `${c.kind}:${c.id}`;

/**
 * `/优秀案例` without arguments: the latest approved logs and submitted reports the admin may
 * mark, each with its number (so `/优秀案例 记录 <编号> <引语>` can be typed too), and a form to
 * pick one and write the citation.
 */
export function casePickerCard(vm: { candidates: CaseCandidate[]; note?: string }): CardJson {
  const line = (c: CaseCandidate) =>
    c.kind === 'log'
      ? t('case.pickerLog', { id: c.id, date: c.date, item: t(`item.${c.item}`), hours: c.halfHours / 2, name: escapeMd(c.name), unit: escapeMd(c.unit), description: escapeMd(c.description.length > 40 ? `${c.description.slice(0, 40)}…` : c.description) })
      : t('case.pickerReport', { id: c.id, college: escapeMd(c.college), quarter: c.quarter, title: escapeMd(c.title) });
  const option = (c: CaseCandidate) => ({
    value: caseSubjectValue(c),
    label: c.kind === 'log' ? t('case.pickerOptionLog', { id: c.id, name: c.name, date: c.date }) : t('case.pickerOptionReport', { id: c.id, college: c.college, quarter: c.quarter }),
  });
  const body: Element[] = vm.candidates.length
    ? [
        markdown(vm.candidates.map(line).join('\n')),
        form('case', [
          select('subject', t('case.pickerSubject'), vm.candidates.map(option), { required: true }),
          input('citation', t('case.pickerCitation'), { required: true, maxLength: 200, multiline: true }),
        ], [casePick.submit('case_submit', t('case.pickerSubmit'), {})]),
      ]
    : [markdown(t('case.pickerNone'))];
  return card({ title: t('case.pickerTitle'), template: 'orange', elements: [...(vm.note ? [markdown(escapeMd(vm.note))] : []), markdown(t('case.pickerIntro')), ...body] });
}
