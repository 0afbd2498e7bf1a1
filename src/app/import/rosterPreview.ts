/**
 * A roster between reading and applying (PRODUCT.md §8): the preview of what the file would do —
 * kept as the pending import (domain/rosterImports.ts) so the confirmation applies exactly what
 * was shown — its sentences for the card and the CLI, and the choice: full, partial or none.
 * Reading and checking the file, and applying without a preview, are ./roster.ts.
 */
import type { Db } from '../../db/client.js';
import type { Member } from '../../db/schema/org.js';
import { UserError } from '../../domain/errors.js';
import { planRoster, saveRoster, type RosterChange, type RosterColumns, type RosterEntry, type RosterMode, type RosterPlan } from '../../domain/roster.js';
import { cancelImport, claimImport, keepPendingImport, releaseImport } from '../../domain/rosterImports.js';
import type { RosterPreviewVm } from '../../cards/roster.js';
import { summaryText } from './tableFile.js';
import { columnsOf, readRosterFile, ROLE_BY_LABEL, rowErrorTexts, t, validateRoster, type RosterError, type RosterParse, type RosterSummary } from './roster.js';

/** A roster read and checked, kept until the 团委 confirms it (PRODUCT.md §8). */
export interface RosterPreview {
  importId: number;
  fileName: string;
  /** Data rows read, good and bad. */
  total: number;
  errors: RosterError[];
  /** What a full import would do; a partial one differs only in what it archives (`plan.partialArchived`). */
  plan: RosterPlan;
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
  const plan = planRoster(db, entries, columns);
  return {
    importId,
    fileName: opts.fileName,
    total: entries.length + errors.length,
    errors,
    plan,
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
    ...(plan.partialArchived.colleges.length || plan.partialArchived.branches.length ? [t('preview.archivePartial', { units: units([...plan.partialArchived.colleges, ...plan.partialArchived.branches]) })] : []),
    ...(p.senderMissing ? [t('preview.senderMissing')] : []),
  ];
  const section = <T>(title: string, list: readonly T[], line: (x: T) => string) =>
    list.length ? [{ title, items: list.slice(0, LISTED_PEOPLE).map(line), more: Math.max(0, list.length - LISTED_PEOPLE) }] : [];
  const errors = p.errors;
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
    errors: errors.length ? summaryText([], errors, { ...rowErrorTexts, header: (count) => t('preview.errors', { count }) }).split('\n') : [],
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
