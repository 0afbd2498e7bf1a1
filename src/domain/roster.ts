/**
 * The roster (PRODUCT.md §7, §8) as stored: colleges, branches and members from validated
 * entries. 学号 is the key; a re-import updates in place and never touches a member's Feishu
 * binding (openId/unionId/boundAt). The roster is the truth of membership: a confirmed full
 * roster makes the members it no longer lists inactive (left_at) and archives the branches and
 * colleges left with no active member; listing them again brings them back. A partial roster
 * only adds and updates. {@link planRoster} says what an import would do (the preview the 团委
 * confirms); {@link saveRoster} does it. Reading and checking the file is src/app/import/roster.ts.
 */
import { eq, sql } from 'drizzle-orm';
import { UserError } from './errors.js';
import { audit } from './members.js';
import { releasedIds } from './binding.js';
import { writeTransaction, type Db } from '../db/client.js';
import { branches, colleges, members, type Member, type Role } from '../db/schema/org.js';

/** The roster columns, in the order of the documented header; 手机 and 飞书ID are optional. */
export const ROSTER_FIELDS = ['college', 'branch', 'studentNo', 'name', 'role', 'mobile', 'feishuId'] as const;
export type RosterField = (typeof ROSTER_FIELDS)[number];

/** One valid roster row, normalised; `line` is where it stood in the file. */
export interface RosterEntry {
  line: number;
  college: string | null;
  branch: string | null;
  studentNo: string;
  name: string;
  role: Role;
  mobile: string | null;
  feishuId: string | null;
}

/** Which optional columns the file had: an absent one leaves that field as it is, a blank cell clears it. */
export interface RosterColumns {
  mobile: boolean;
  feishuId: boolean;
}

/**
 * `full`: the file is the whole roster — members it does not list become inactive.
 * `partial`: the file only adds and updates.
 */
export type RosterMode = 'full' | 'partial';

/** A member as the preview names them (the 学号 stays in the 团委's private chat). */
export interface RosterPerson {
  id: number;
  studentNo: string;
  name: string;
  /** 学院/团支部 as it stands before the import. */
  unit: string;
}

/** A field of an existing entry that the file changes. Mobile and 飞书ID are named, never shown. */
export interface RosterChange {
  field: 'name' | 'role' | 'unit' | 'mobile' | 'feishuId';
  from: string;
  to: string;
}

/** What an import would do (or did), before anything is written. */
export interface RosterPlan {
  created: RosterEntry[];
  changed: { person: RosterPerson; changes: RosterChange[] }[];
  unchanged: number;
  /** Inactive entries the file lists again: they become active. */
  returning: RosterPerson[];
  /** Active entries the file does not list: inactive after a full import, untouched by a partial one. */
  missing: RosterPerson[];
  /** `archived` and `restored` as a full import leaves them. */
  colleges: { created: string[]; archived: string[]; restored: string[] };
  branches: { created: string[]; archived: string[]; restored: string[] };
  /** What a partial import archives: only units a move in the file empties. */
  partialArchived: { colleges: string[]; branches: string[] };
}

/** What an import changed. */
export interface RosterCounts {
  created: number;
  updated: number;
  unchanged: number;
  /** Members made inactive (full import only) and made active again. */
  deactivated: number;
  reactivated: number;
  colleges: { created: number; archived: number; restored: number };
  branches: { created: number; archived: number; restored: number };
}

const unitLabel = (college: string | null, branch: string | null) => [college, branch].filter(Boolean).join('/') || '—';

/** The school's organisation and members as plain maps, read once per plan. */
function snapshot(db: Pick<Db, 'select'>) {
  const collegeRows = db.select({ id: colleges.id, name: colleges.name, archivedAt: colleges.archivedAt }).from(colleges).all();
  // Student organisations are not on the roster: only 团支部 are matched, created and archived by it.
  const branchRows = db.select({ id: branches.id, collegeId: branches.collegeId, name: branches.name, archivedAt: branches.archivedAt }).from(branches).where(eq(branches.kind, 'branch')).all();
  const collegeName = new Map(collegeRows.map((c) => [c.id, c.name]));
  const branchName = new Map(branchRows.map((b) => [b.id, b.name]));
  const branchKey = new Map(branchRows.map((b) => [b.id, `${collegeName.get(b.collegeId)}/${b.name}`]));
  const byNo = new Map(db.select().from(members).all().map((m) => [m.studentNo, m]));
  return { collegeRows, branchRows, collegeName, branchName, branchKey, byNo };
}

const person = (m: Member, snap: ReturnType<typeof snapshot>): RosterPerson => ({
  id: m.id,
  studentNo: m.studentNo,
  name: m.name,
  unit: unitLabel(m.collegeId ? snap.collegeName.get(m.collegeId) ?? null : null, m.branchId ? snap.branchName.get(m.branchId) ?? null : null),
});

/**
 * What importing `entries` would do to the database as it stands, read in one pass: the members a
 * full import stops and the units it archives, and the units a partial one archives (only those a
 * move in the file empties: it keeps unlisted members where they are). Pure reading; the preview
 * shows it and {@link saveRoster} applies the same rules.
 */
export function planRoster(db: Pick<Db, 'select'>, entries: readonly RosterEntry[], columns: RosterColumns): RosterPlan {
  const snap = snapshot(db);
  const plan: RosterPlan = {
    created: [], changed: [], unchanged: 0, returning: [], missing: [],
    colleges: { created: [], archived: [], restored: [] }, branches: { created: [], archived: [], restored: [] },
    partialArchived: { colleges: [], branches: [] },
  };
  const listed = new Set<string>();
  // Units with an active member after a full import (the file's), by name ("学院" and "学院/团支部");
  // after a partial one, those and the units of the members it leaves as they are.
  const full = { colleges: new Set<string>(), branches: new Set<string>() };
  const kept = { colleges: new Set<string>(), branches: new Set<string>() };
  const knownColleges = new Set(snap.collegeRows.map((c) => c.name));
  const knownBranches = new Set(snap.branchKey.values());
  const newColleges = new Set<string>();
  const newBranches = new Set<string>();
  for (const e of entries) {
    listed.add(e.studentNo);
    if (e.college) {
      full.colleges.add(e.college);
      if (!knownColleges.has(e.college)) newColleges.add(e.college);
      if (e.branch) {
        const key = `${e.college}/${e.branch}`;
        full.branches.add(key);
        if (!knownBranches.has(key)) newBranches.add(key);
      }
    }
    const m = snap.byNo.get(e.studentNo);
    if (!m) {
      plan.created.push(e);
      continue;
    }
    if (m.leftAt !== null) plan.returning.push(person(m, snap));
    const before = person(m, snap);
    const changes: RosterChange[] = [];
    if (m.name !== e.name) changes.push({ field: 'name', from: m.name, to: e.name });
    if (m.role !== e.role) changes.push({ field: 'role', from: m.role, to: e.role });
    const unit = unitLabel(e.college, e.branch);
    if (before.unit !== unit) changes.push({ field: 'unit', from: before.unit, to: unit });
    if (columns.mobile && m.mobile !== e.mobile) changes.push({ field: 'mobile', from: '', to: '' });
    if (columns.feishuId && m.rosterFeishuId !== e.feishuId && !(m.openId === null && e.feishuId && releasedIds(db, m.id).includes(e.feishuId))) {
      changes.push({ field: 'feishuId', from: '', to: '' });
    }
    if (changes.length) plan.changed.push({ person: before, changes });
    else if (m.leftAt === null) plan.unchanged++;
  }
  plan.colleges.created = [...newColleges];
  plan.branches.created = [...newBranches];
  for (const m of snap.byNo.values()) {
    if (listed.has(m.studentNo) || m.leftAt !== null) continue;
    plan.missing.push(person(m, snap));
    if (m.collegeId) kept.colleges.add(snap.collegeName.get(m.collegeId)!);
    if (m.branchId) kept.branches.add(snap.branchKey.get(m.branchId)!);
  }
  for (const c of snap.collegeRows) {
    const active = full.colleges.has(c.name);
    if (!active && c.archivedAt === null) {
      plan.colleges.archived.push(c.name);
      if (!kept.colleges.has(c.name)) plan.partialArchived.colleges.push(c.name);
    }
    if (active && c.archivedAt !== null) plan.colleges.restored.push(c.name);
  }
  for (const b of snap.branchRows) {
    const key = snap.branchKey.get(b.id)!;
    const active = full.branches.has(key);
    if (!active && b.archivedAt === null) {
      plan.branches.archived.push(key);
      if (!kept.branches.has(key)) plan.partialArchived.branches.push(key);
    }
    if (active && b.archivedAt !== null) plan.branches.restored.push(key);
  }
  return plan;
}

/**
 * Stores validated roster entries in one transaction: colleges and branches are created by
 * name on demand, members upserted by 学号 (openId/unionId/boundAt are never written) and made
 * active. A full import then makes every member it does not list inactive; either way,
 * branches and colleges are archived when no active member is left in them and restored when
 * one is. Audited as `roster.import` with what changed.
 */
export function saveRoster(
  db: Db, entries: readonly RosterEntry[], columns: RosterColumns, now: number,
  opts: { mode: RosterMode; actorMemberId?: number | null; importId?: number } = { mode: 'partial' },
): RosterCounts {
  const summary: RosterCounts = {
    created: 0, updated: 0, unchanged: 0, deactivated: 0, reactivated: 0,
    colleges: { created: 0, archived: 0, restored: 0 }, branches: { created: 0, archived: 0, restored: 0 },
  };

  writeTransaction(db, (tx) => {
    const collegeIds = new Map(tx.select().from(colleges).all().map((c) => [c.name, c.id]));
    const units = tx.select().from(branches).all();
    const branchIds = new Map(units.filter((b) => b.kind === 'branch').map((b) => [`${b.collegeId}/${b.name}`, b.id]));
    const organisations = new Set(units.filter((b) => b.kind !== 'branch').map((b) => `${b.collegeId}/${b.name}`));
    const collegeId = (name: string) => {
      let id = collegeIds.get(name);
      if (id === undefined) {
        id = tx.insert(colleges).values({ name, createdAt: now }).returning({ id: colleges.id }).get().id;
        collegeIds.set(name, id);
        summary.colleges.created++;
      }
      return id;
    };
    const branchId = (cid: number, name: string) => {
      let id = branchIds.get(`${cid}/${name}`);
      // A roster row naming a student organisation would make its members the organisation's roster.
      if (id === undefined && organisations.has(`${cid}/${name}`)) throw new UserError('roster.organisationName', { name });
      if (id === undefined) {
        id = tx.insert(branches).values({ collegeId: cid, name, createdAt: now }).returning({ id: branches.id }).get().id;
        branchIds.set(`${cid}/${name}`, id);
        summary.branches.created++;
      }
      return id;
    };

    const moved: number[] = [];
    for (const e of entries) {
      const cid = e.college ? collegeId(e.college) : null;
      const fields = {
        name: e.name,
        role: e.role,
        collegeId: cid,
        branchId: cid !== null && e.branch ? branchId(cid, e.branch) : null,
        ...(columns.mobile ? { mobile: e.mobile } : {}),
        ...(columns.feishuId ? { rosterFeishuId: e.feishuId } : {}),
      };
      const existing = tx.select().from(members).where(eq(members.studentNo, e.studentNo)).get();
      // A 飞书ID /解绑 took from this unbound entry stays off it: it would bind that account again.
      if (existing && !existing.openId && e.feishuId && releasedIds(tx, existing.id).includes(e.feishuId)) fields.rosterFeishuId = existing.rosterFeishuId;
      if (!existing) {
        tx.insert(members).values({ studentNo: e.studentNo, ...fields, createdAt: now, updatedAt: now }).run();
        summary.created++;
      } else if (existing.leftAt === null && Object.entries(fields).every(([k, v]) => existing[k as keyof typeof fields] === v)) {
        summary.unchanged++;
      } else {
        if (existing.leftAt !== null) summary.reactivated++;
        if (existing.branchId !== fields.branchId) moved.push(existing.id);
        tx.update(members).set({ ...fields, leftAt: null, updatedAt: now }).where(eq(members.id, existing.id)).run();
        summary.updated++;
      }
    }

    let left: number[] = [];
    if (opts.mode === 'full') {
      const listed = new Set(entries.map((e) => e.studentNo));
      left = tx.select({ id: members.id, studentNo: members.studentNo }).from(members).where(sql`${members.leftAt} is null`).all()
        .filter((m) => !listed.has(m.studentNo)).map((m) => m.id);
      for (const id of left) tx.update(members).set({ leftAt: now, updatedAt: now }).where(eq(members.id, id)).run();
      summary.deactivated = left.length;
    }

    // A unit is archived while no active member is in it (PRODUCT.md §8), whichever import emptied it.
    const hasActive = (column: 'branch_id' | 'college_id', table: string) => `exists(select 1 from members m where m.${column} = ${table}.id and m.left_at is null)`;
    const c = db.$client;
    summary.branches.archived = c.prepare(`update branches set archived_at = ? where kind = 'branch' and archived_at is null and not ${hasActive('branch_id', 'branches')}`).run(now).changes;
    summary.branches.restored = c.prepare(`update branches set archived_at = null where kind = 'branch' and archived_at is not null and ${hasActive('branch_id', 'branches')}`).run().changes;
    summary.colleges.archived = c.prepare(`update colleges set archived_at = ? where archived_at is null and not ${hasActive('college_id', 'colleges')}`).run(now).changes;
    summary.colleges.restored = c.prepare(`update colleges set archived_at = null where archived_at is not null and ${hasActive('college_id', 'colleges')}`).run().changes;

    audit(tx, {
      at: now,
      actorMemberId: opts.actorMemberId ?? null,
      action: 'roster.import',
      subject: opts.importId !== undefined ? `roster_import:${opts.importId}` : undefined,
      detail: { mode: opts.mode, ...summary, deactivatedIds: left, movedIds: moved },
    });
  });
  return summary;
}
