/**
 * `/总结 [学院]` (PRODUCT.md §6): the college's report for the current quarter as a card — kind,
 * title and text prefilled with the quarter's figures — saved as a draft or submitted; a file
 * sent to the bot within 30 minutes after opening the card attaches to it (commands/hooks.ts).
 */
import path from 'node:path';
import { z } from 'zod';
import type { BaseContext, HookContext } from '../src/bot/context.js';
import { defineAction, defineCommand } from '../src/bot/define.js';
import { joinReportBody, REPORT_BODY_MAX, REPORT_PART_MAX, REPORT_TITLE_MAX, reportCard, reportSave, reportSubmit } from '../src/cards/reports.js';
import { REPORT_KINDS, type QuarterlyReport } from '../src/db/schema/index.js';
import { UserError } from '../src/domain/errors.js';
import { allColleges, resolveCollege } from '../src/domain/metrics/index.js';
import { attachmentsOf, attachReportFile, openReport, quarterFigures, quarters, quarterToReport, reportAwaitingFile, saveReport } from '../src/domain/reports.js';
import { localDate } from '../src/time.js';
import { fileLimitMb } from '../src/feishu/api.js';
import { downloadFile, uploadAgain } from '../src/app/files.js';
import { t } from '../src/text/zh-CN.js';

const percent = (r: number) => `${Math.round(r * 100)}%`;

/** The card of `report`; an empty text is offered as the draft prefilled with the quarter's figures. */
function cardOf(ctx: BaseContext, report: QuarterlyReport, note?: string) {
  const college = allColleges(ctx.db).find((c) => c.id === report.collegeId)!;
  const quarter = quarters(ctx.program)[report.quarterIndex - 1]!;
  let body = report.body;
  if (!body && report.status === 'draft') {
    const f = quarterFigures(ctx.db, college, ctx.program, quarter, ctx.when);
    body = t('report.draftBody', {
      quarter: quarter.index, start: quarter.startsOn, end: quarter.dueOn, participating: f.participating, branches: f.branches,
      percent: percent(f.ratio), target: percent(f.target), hours: f.hours, ...f.items, fourComplete: f.fourComplete,
    });
  }
  return reportCard({
    id: report.id, college: college.name, quarter: quarter.index, startsOn: quarter.startsOn, dueOn: quarter.dueOn, kind: report.kind, title: report.title,
    body, status: report.status, late: report.late, attachments: attachmentsOf(ctx.db, report.id).map((a) => a.fileName), note,
  });
}

/** `body_1`, `body_2`, …: the text's fields (a card may show more than five for an old, over-long text). */
const BODY_FIELD = /^body_([1-9]\d?)$/;

/**
 * The report form. The text arrives in several fields of at most 1000 characters (Feishu's
 * input limit) and is joined by joinReportBody (src/cards/reports.ts) with the fields the card
 * started inside a paragraph (`glued`, from the buttons' payload): each field ≤ 1000 and the
 * joined text ≤ 5000, or nothing is saved.
 */
const reportForm = z
  .object({
    kind: z.enum(REPORT_KINDS, t('report.kindRequired')),
    title: z.string(t('report.titleRequired')).trim().min(1, t('report.titleRequired')).max(REPORT_TITLE_MAX, t('report.titleRequired')),
    body: z.array(z.object({ n: z.number(), text: z.unknown() })).transform((fields, ctx) => {
      const parts: { n: number; text: string }[] = [];
      for (const { n, text } of fields) {
        if (text !== undefined && text !== null && typeof text !== 'string') ctx.addIssue({ code: 'custom', message: t('report.partUnreadable', { n }) });
        else if (text && text.length > REPORT_PART_MAX) ctx.addIssue({ code: 'custom', message: t('report.partTooLong', { n, length: text.length }) });
        else parts.push({ n, text: text ?? '' });
      }
      return parts;
    }),
    glued: z.array(z.number()),
  })
  .transform(({ body: fields, glued, ...rest }, ctx) => {
    const body = joinReportBody(fields, new Set(glued));
    if (body.length > REPORT_BODY_MAX) ctx.addIssue({ code: 'custom', message: t('report.bodyTooLong', { length: body.length }) });
    return { ...rest, body };
  });

/** What the form and the button carry, in the shape of reportForm. */
function formInput(form: Record<string, unknown>, glued: string | undefined) {
  const body = Object.entries(form).flatMap(([key, text]) => {
    const m = BODY_FIELD.exec(key);
    return m ? [{ n: Number(m[1]), text }] : [];
  });
  return { ...form, body, glued: glued ? glued.split(',').map(Number) : [] };
}

function saveAction(handle: typeof reportSave, submit: boolean) {
  return defineAction(handle, {
    audience: 'college_admin',
    async run(ctx, { r, g }) {
      const parsed = reportForm.safeParse(formInput(ctx.form, g));
      if (!parsed.success) throw new UserError('report.badForm', { problem: parsed.error.issues[0]?.message ?? '' });
      const saved = saveReport(ctx.db, ctx.member, r, parsed.data, submit, ctx.when);
      const kind = t(`report.kind.${saved.kind}`);
      const message = !submit ? t('report.draftSaved') : t(saved.late ? 'report.submittedLate' : 'report.submitted', { quarter: saved.quarterIndex, kind, due: saved.dueOn });
      ctx.log.info({ eventId: ctx.eventId, reportId: saved.id, submit, late: saved.late }, 'quarterly report saved');
      return { toast: { type: 'success', content: message }, card: { type: 'raw', data: cardOf(ctx, saved, message) } };
    },
  });
}

/** 存为草稿 on the report card. */
const onReportSave = saveAction(reportSave, false);
/** 提交 on the report card. */
const onReportSubmit = saveAction(reportSubmit, true);

/** Attachments: the extensions accepted and how they are uploaded again. */
const ATTACHMENT_TYPES: Record<string, 'pdf' | 'doc' | 'xls' | 'stream'> = {
  pdf: 'pdf', doc: 'doc', docx: 'doc', xls: 'xls', xlsx: 'xls', ppt: 'stream', pptx: 'stream', jpg: 'stream', jpeg: 'stream', png: 'stream', zip: 'stream', rar: 'stream',
};

/**
 * A file from a 团总支 (or 团委) within 30 minutes after opening a report card is its
 * attachment; re-uploaded so the bot holds a file_key it can send on later. Returns false when
 * no report card is open, so the other file handling takes the file.
 */
export async function receiveReportFile(ctx: HookContext, file: { fileKey: string; fileName: string }): Promise<boolean> {
  const member = ctx.member;
  if (!member || (member.role !== 'college_admin' && member.role !== 'school_admin')) return false;
  const report = reportAwaitingFile(ctx.db, member, ctx.clock.now());
  if (!report) return false;
  const ext = path.extname(file.fileName).slice(1).toLowerCase();
  const type = ATTACHMENT_TYPES[ext];
  // A 团委 sending a roster (or anything else) right after looking at a report still gets it
  // imported: only a 团总支's spreadsheets are report attachments.
  if (member.role === 'school_admin' && (!type || type === 'xls')) return false;
  if (!type) {
    throw new UserError('report.fileType');
  }
  // Not read past what Feishu would take back as an attachment.
  const data = await downloadFile(ctx, file, ctx.feishu.fileMaxBytes, new UserError('report.fileTooLarge', { mb: fileLimitMb(ctx.feishu) }));
  const fileKey = await uploadAgain(ctx, data, { name: file.fileName, ext, type });
  attachReportFile(ctx.db, member, report.id, { fileKey, fileName: file.fileName }, ctx.clock.now());
  ctx.log.info({ eventId: ctx.eventId, reportId: report.id }, 'report attachment stored');
  // A text message renders <at …> tags: the file name and title are the sender's text.
  const plain = (s: string) => s.replace(/[<>]/g, '');
  await ctx.reply(t('report.fileAttached', { file: plain(file.fileName), quarter: report.quarterIndex, title: plain(report.title) }));
  return true;
}

export const command = defineCommand({
  name: 'report',
  aliases: ['总结'],
  summary: 'cmd.report.summary',
  example: 'cmd.report.example',
  audience: 'college_admin',
  args: z.object({ name: z.string().trim().max(60, t('tracking.nameTooLong')).optional() }),
  parse: (rest) => ({ name: rest || undefined }),
  async run(ctx, { name }) {
    const college = resolveCollege(ctx.db, ctx.member, name || undefined);
    const now = ctx.clock.now();
    const quarter = quarterToReport(ctx.db, college.id, ctx.program, localDate(now, ctx.timeZone));
    const title = t('report.defaultTitle', { college: college.name, quarter: quarter.index, kind: t('report.kind.summary') });
    const report = openReport(ctx.db, ctx.member, college.id, ctx.program, quarter, { kind: 'summary', title }, now);
    await ctx.reply({ card: cardOf(ctx, report) });
  },
});

export const actions = [onReportSave, onReportSubmit];
