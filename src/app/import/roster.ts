/**
 * Roster import (PRODUCT §7): a CSV or XLSX file of 学院/团支部/学号/姓名/角色/手机/飞书ID
 * becomes colleges, branches and members. 学号 is the key; a re-import updates in place
 * and never touches a member's Feishu binding (openId/unionId/boundAt). Reading the file and
 * wording its problems is here; the one write is domain/roster.ts `saveRoster`.
 */
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import type { Member, Role } from '../../db/schema/org.js';
import { UserError } from '../../domain/errors.js';
import {
  cancelImport, claimImport, keepPendingImport, planRoster, releaseImport, ROSTER_FIELDS, saveRoster,
  type RosterChange, type RosterColumns, type RosterCounts, type RosterEntry, type RosterField, type RosterMode, type RosterPlan,
} from '../../domain/roster.js';
import type { RosterPreviewVm } from '../../cards/roster.js';
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

const t = translator(text);
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
const ROLE_BY_LABEL: Record<string, Role> = {
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
 * Pure; `importRoster` calls it, a caller may use it to preview a file.
 */
function validateRoster(parse: RosterParse): { entries: RosterEntry[]; errors: RosterError[] } {
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

const columnsOf = (parse: RosterParse): RosterColumns => ({ mobile: parse.columns.includes('mobile'), feishuId: parse.columns.includes('feishuId') });

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

/** A roster read and checked, kept until the 团委 confirms it (PRODUCT.md §8). */
export interface RosterPreview {
  importId: number;
  fileName: string;
  /** Data rows read, good and bad. */
  total: number;
  errors: RosterError[];
  /** What a full import would do; a partial one differs only in what it archives (below). */
  plan: RosterPlan;
  /** What a partial import would archive: only units a move in the file empties. */
  partialArchives: { colleges: string[]; branches: string[] };
  /** The member who sent the file is not in it: a full import would take their access away. */
  senderMissing: boolean;
}

interface StoredImport {
  entries: RosterEntry[];
  errors: RosterError[];
  columns: RosterColumns;
}

/**
 * Reads nothing new: plans `parse` against the database, keeps it as the one pending import
 * (an older pending one is superseded: only the latest file can be confirmed) and returns the
 * preview. Nothing in the roster changes.
 */
export function previewRoster(db: Db, parse: RosterParse, opts: { fileName: string; by: Member | null; now: number }): RosterPreview {
  const { entries, errors } = validateRoster(parse);
  const columns = columnsOf(parse);
  const payload: StoredImport = { entries, errors, columns };
  const importId = keepPendingImport(db, { fileName: opts.fileName, byMemberId: opts.by?.id ?? null, payload, now: opts.now });
  const plan = planRoster(db, entries, columns, 'full');
  const partial = planRoster(db, entries, columns, 'partial');
  return {
    importId,
    fileName: opts.fileName,
    total: entries.length + errors.length,
    errors,
    plan,
    partialArchives: { colleges: partial.colleges.archived, branches: partial.branches.archived },
    senderMissing: !!opts.by && !entries.some((e) => e.studentNo === opts.by!.studentNo),
  };
}

/** File bytes → preview (see {@link previewRoster}). @throws RosterFileError when the file as a whole cannot be used. */
export async function previewRosterFile(db: Db, data: Buffer, fileName: string, by: Member | null, now: number): Promise<RosterPreview> {
  return previewRoster(db, await readRosterFile(data, fileName), { fileName, by, now });
}

/**
 * Applies the pending import `importId` as `mode`, once: a second confirmation (a double tap,
 * a redelivered click) or one of a superseded or cancelled preview is refused. The plan is
 * made again against the database as it is now, so what is applied never rests on a stale
 * preview. A full import that would make the confirming member inactive is refused.
 */
export function applyRosterImport(db: Db, importId: number, mode: RosterMode, actor: Member | null, now: number): RosterSummary {
  const { entries, errors, columns } = claimImport<StoredImport>(db, importId, mode, now);
  if (mode === 'full' && actor && !entries.some((e) => e.studentNo === actor.studentNo)) {
    releaseImport(db, importId);
    throw new UserError('roster.selfMissing');
  }
  try {
    return { ...saveRoster(db, entries, columns, now, { mode, actorMemberId: actor?.id ?? null, importId }), errors };
  } catch (err) {
    releaseImport(db, importId);
    throw err;
  }
}

export { cancelImport as cancelRosterImport };


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

const rowErrorTexts = {
  none: t('summary.noErrors'),
  header: (count: number) => t('summary.errorsHeader', { count }),
  row: (e: RosterError) => t('row.error', { line: e.line, reason: e.reason }),
  more: (count: number) => t('summary.moreErrors', { count }),
};

/** People listed per kind of change in a preview; the counts above say how many there are in all. */
const LISTED_PEOPLE = 8;
const roleLabel = (role: string) => Object.keys(ROLE_BY_LABEL).find((k) => ROLE_BY_LABEL[k] === role) ?? role;

function changeText(c: RosterChange): string {
  if (c.field === 'role') return t('preview.change.role', { from: roleLabel(c.from), to: roleLabel(c.to) });
  if (c.field === 'name') return t('preview.change.name', { from: c.from, to: c.to });
  if (c.field === 'unit') return t('preview.change.unit', { from: c.from, to: c.to });
  return t(`preview.change.${c.field}`);
}

const who = (p: { name: string; unit: string }) => t('preview.person', { name: p.name, unit: p.unit });

/** The preview as sentences, for the card and the CLI alike. */
export function previewView(p: RosterPreview): RosterPreviewVm {
  const { plan } = p;
  const units = (list: readonly string[]) => list.join('、');
  const summary = [
    t('preview.counts', { created: plan.created.length, changed: plan.changed.length, unchanged: plan.unchanged, returning: plan.returning.length }),
    plan.missing.length ? t('preview.missing', { count: plan.missing.length }) : t('preview.noMissing'),
    ...(plan.colleges.created.length || plan.branches.created.length ? [t('preview.createdUnits', { units: units([...plan.colleges.created, ...plan.branches.created]) })] : []),
    ...(plan.colleges.archived.length || plan.branches.archived.length ? [t('preview.archiveFull', { units: units([...plan.colleges.archived, ...plan.branches.archived]) })] : []),
    ...(p.partialArchives.colleges.length || p.partialArchives.branches.length ? [t('preview.archivePartial', { units: units([...p.partialArchives.colleges, ...p.partialArchives.branches]) })] : []),
    ...(p.senderMissing ? [t('preview.senderMissing')] : []),
  ];
  const section = <T>(title: string, list: readonly T[], line: (x: T) => string) =>
    list.length ? [{ title, items: list.slice(0, LISTED_PEOPLE).map(line), more: Math.max(0, list.length - LISTED_PEOPLE) }] : [];
  const errors = [...p.errors].sort((a, b) => a.line - b.line);
  return {
    importId: p.importId,
    title: t('preview.title', { file: p.fileName, total: p.total }),
    summary,
    sections: [
      ...section(t('preview.sectionCreated'), plan.created, (e) => who({ name: e.name, unit: [e.college, e.branch].filter(Boolean).join('/') || '—' })),
      ...section(t('preview.sectionChanged'), plan.changed, (c) => `${who(c.person)}：${c.changes.map(changeText).join('，')}`),
      ...section(t('preview.sectionReturning'), plan.returning, who),
      ...section(t('preview.sectionMissing'), plan.missing, who),
    ],
    errors: errors.length ? summaryText([], errors, rowErrorTexts).split('\n').map((l, i) => (i === 0 ? t('preview.errors', { count: errors.length }) : l)) : [],
    fullDeactivates: p.senderMissing ? null : plan.missing.length,
  };
}

/** The preview as plain text (the CLI prints it). */
export function formatRosterPreview(p: RosterPreview): string {
  const vm = previewView(p);
  return [
    vm.title,
    ...vm.summary,
    ...vm.errors,
    ...vm.sections.flatMap((s) => [`【${s.title}】`, ...s.items, ...(s.more ? [t('preview.more', { count: s.more })] : [])]),
  ].join('\n');
}
