/**
 * Roster import (PRODUCT §7): a CSV or XLSX file of 学院/团支部/学号/姓名/角色/手机/飞书ID
 * becomes colleges, branches and members. 学号 is the key; a re-import updates in place
 * and never touches a member's Feishu binding (openId/unionId/boundAt). Reading the file and
 * wording its problems is here; the one write is domain/roster.ts `saveRoster`. The preview the
 * 团委 confirms before a roster is applied is ./rosterPreview.ts.
 */
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import type { Role } from '../../db/schema/org.js';
import { ROSTER_FIELDS, saveRoster, type RosterColumns, type RosterCounts, type RosterEntry, type RosterField, type RosterMode } from '../../domain/roster.js';
import { roster as text, type RosterTextKey } from '../../text/roster.zh-CN.js';
import { format, translator, type PlainKeysOf } from '../../text/t.js';
import { normalizeKey, readTable, summaryText, type TableParse, type TableSpec } from './tableFile.js';

export { ROSTER_FIELDS, type RosterEntry, type RosterField };

const OPTIONAL_FIELDS: readonly RosterField[] = ['mobile', 'feishuId'];

/** A file read into rows; `line` is 1-based as the user sees it in an editor or Excel. */
export type RosterParse = TableParse<RosterField>;

export interface RosterError { line: number; reason: string }

export interface RosterSummary extends RosterCounts {
  /** Bad rows, by line; each `reason` is Chinese and says what to fix. */
  errors: RosterError[];
}

/** A whole-file problem (wrong type, unreadable, missing columns): nothing was imported. */
export class RosterFileError extends Error {
  override name = 'RosterFileError';
}

export const t = translator(text);
/** The reader's whole-file problems come as a kind and its values, rendered from `file.<kind>`. */
const fileError = (key: RosterTextKey, params?: Record<string, string | number>) => new RosterFileError(format(text[key], params));

// Header cells are matched after lower-casing and dropping spaces, '_' and '-'.
const HEADER_ALIASES: Record<string, RosterField> = {
  学院: 'college', college: 'college',
  团支部: 'branch', branch: 'branch',
  学号: 'studentNo', studentno: 'studentNo',
  姓名: 'name', name: 'name',
  角色: 'role', role: 'role',
  手机: 'mobile', mobile: 'mobile',
  飞书id: 'feishuId', feishuid: 'feishuId',
};

// The 角色 vocabulary of the file format; the English keys are accepted as well.
export const ROLE_BY_LABEL: Record<string, Role> = {
  学生: 'student', 团支书: 'secretary', 团总支: 'college_admin', 团委: 'school_admin',
  student: 'student', secretary: 'secretary', collegeadmin: 'college_admin', schooladmin: 'school_admin',
};

const ROSTER_TABLE: TableSpec<RosterField> = {
  fields: ROSTER_FIELDS,
  optional: OPTIONAL_FIELDS,
  headers: HEADER_ALIASES,
  label: (f) => t(`column.${f}`),
  fail: (problem, params) => fileError(`file.${problem}`, params),
};

/**
 * Reads a roster file (.csv in UTF-8 with or without BOM, or the first sheet of an .xlsx).
 * The header is the first non-blank line; blank lines are skipped but still counted.
 * @throws RosterFileError for an unsupported type, an unreadable file, a missing required column or no data rows.
 */
export function readRosterFile(data: Buffer, fileName: string): Promise<RosterParse> {
  return readTable(data, fileName, ROSTER_TABLE);
}

/**
 * 飞书ID is an open_id (`ou_…`, this app's id of the person) or a union_id (`on_…`, the same
 * across our apps), told apart by prefix. A user_id (or a mobile, an email) is refused: it only
 * comes with the contact scope, so the bot could never match it.
 */
const FEISHU_ID = /^o[un]_[0-9A-Za-z_-]+$/;

const optionalName = (max: number, tooLong: PlainKeysOf<typeof text>) =>
  z.string().max(max, { error: t(tooLong) }).transform((s) => s || null);

/**
 * One roster row: cell text in, normalised member fields out. Reasons are Chinese
 * catalogue messages that say what to fix.
 */
const rosterRowSchema = z.object({
  college: optionalName(60, 'row.collegeTooLong'),
  branch: optionalName(60, 'row.branchTooLong'),
  studentNo: z.string()
    .min(1, { error: t('row.studentNoMissing'), abort: true })
    .max(32, { error: t('row.studentNoTooLong'), abort: true })
    .regex(/^[A-Za-z0-9-]+$/, { error: (iss) => t('row.studentNoInvalid', { value: String(iss.input) }) }),
  name: z.string().min(1, { error: t('row.nameMissing') }).max(40, { error: t('row.nameTooLong') }),
  role: z.string().transform((label, ctx): Role => {
    const role = ROLE_BY_LABEL[normalizeKey(label)];
    if (role) return role;
    ctx.addIssue({ code: 'custom', message: label ? t('row.roleInvalid', { value: label }) : t('row.roleMissing') });
    return z.NEVER;
  }),
  mobile: z.string().transform((raw, ctx) => {
    if (!raw) return null;
    const digits = raw.replace(/[\s-]/g, '').replace(/^(\+|00)?86(?=\d{11}$)/, '');
    if (/^1[3-9]\d{9}$/.test(digits)) return digits;
    ctx.addIssue({ code: 'custom', message: t('row.mobileInvalid') });
    return z.NEVER;
  }),
  feishuId: optionalName(64, 'row.feishuIdTooLong').transform((id, ctx) => {
    if (id === null || FEISHU_ID.test(id)) return id;
    ctx.addIssue({ code: 'custom', message: t('row.feishuIdInvalid', { value: id }) });
    return z.NEVER;
  }),
}).superRefine((row, ctx) => {
  const label = Object.keys(ROLE_BY_LABEL).find((k) => ROLE_BY_LABEL[k] === row.role) ?? row.role;
  if (!row.college && row.role !== 'school_admin') ctx.addIssue({ code: 'custom', message: t('row.collegeMissing') });
  else if (!row.college && row.branch) ctx.addIssue({ code: 'custom', message: t('row.branchWithoutCollege') });
  if (!row.branch && (row.role === 'student' || row.role === 'secretary')) {
    ctx.addIssue({ code: 'custom', message: t('row.branchMissing', { role: label }) });
  }
}, { when: (payload) => Object.values(ROLE_BY_LABEL).includes((payload.value as { role?: Role }).role as Role) });


/**
 * Validates every row and drops later duplicates of a 学号 (the first occurrence wins).
 * Pure; `importRoster` and the preview (./rosterPreview.ts) call it.
 */
export function validateRoster(parse: RosterParse): { entries: RosterEntry[]; errors: RosterError[] } {
  const entries: RosterEntry[] = [];
  const errors: RosterError[] = [];
  const firstLine = new Map<string, number>();
  for (const { line, cells } of parse.rows) {
    const first = cells.studentNo ? firstLine.get(cells.studentNo) : undefined;
    if (first !== undefined) {
      errors.push({ line, reason: t('row.duplicateStudentNo', { first }) });
      continue;
    }
    if (cells.studentNo) firstLine.set(cells.studentNo, line);
    const result = rosterRowSchema.safeParse(cells);
    if (result.success) entries.push({ ...result.data, line });
    else errors.push({ line, reason: result.error.issues.map((i) => i.message).join(t('row.separator')) });
  }
  return { entries, errors };
}

export const columnsOf = (parse: RosterParse): RosterColumns => ({ mobile: parse.columns.includes('mobile'), feishuId: parse.columns.includes('feishuId') });

/**
 * Imports a read roster at once, without a preview (domain/roster.ts `saveRoster`): colleges
 * and branches are created by name on demand, members upserted by 学号 (openId/unionId/boundAt
 * are never written). Partial unless told otherwise: nobody becomes inactive. For seeding and
 * scripts; people go through {@link previewRoster} and {@link applyRosterImport}.
 */
export function importRoster(db: Db, parse: RosterParse, now: number, mode: RosterMode = 'partial'): RosterSummary {
  const { entries, errors } = validateRoster(parse);
  return { ...saveRoster(db, entries, columnsOf(parse), now, { mode }), errors };
}

/**
 * File bytes → import summary, applied at once as a partial import (see {@link importRoster}).
 * @throws RosterFileError when the file as a whole cannot be used; nothing is imported then.
 */
export async function importRosterFile(db: Db, data: Buffer, fileName: string, now: number): Promise<RosterSummary> {
  return importRoster(db, await readRosterFile(data, fileName), now);
}

/** The Chinese summary for the school admin: counts, then at most 20 bad rows. No phone numbers. */
export function formatRosterSummary(summary: RosterSummary): string {
  const { created, updated, unchanged, errors } = summary;
  const head = [
    t('summary.title', { total: created + updated + unchanged + errors.length }),
    t('summary.members', { created, updated, unchanged }),
    t('summary.org', { colleges: summary.colleges.created, branches: summary.branches.created }),
    ...(summary.deactivated || summary.reactivated ? [t('summary.status', { deactivated: summary.deactivated, reactivated: summary.reactivated })] : []),
    ...(summary.branches.archived || summary.colleges.archived || summary.branches.restored || summary.colleges.restored
      ? [t('summary.archive', { branches: summary.branches.archived, colleges: summary.colleges.archived, branchesRestored: summary.branches.restored, collegesRestored: summary.colleges.restored })]
      : []),
  ];
  return summaryText(head, errors, rowErrorTexts);
}

export const rowErrorTexts = {
  none: t('summary.noErrors'),
  header: (count: number) => t('summary.errorsHeader', { count }),
  row: (e: RosterError) => t('row.error', { line: e.line, reason: e.reason }),
  more: (count: number) => t('summary.moreErrors', { count }),
};
