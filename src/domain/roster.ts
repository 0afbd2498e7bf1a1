/**
 * The roster (PRODUCT §7) as stored: colleges, branches and members from validated entries.
 * 学号 is the key; a re-import updates in place and never touches a member's Feishu binding
 * (openId/unionId/boundAt). Reading and checking the file is src/app/import/roster.ts.
 */
import { eq } from 'drizzle-orm';
import { releasedIds } from './binding.js';
import { writeTransaction, type Db } from '../db/client.js';
import { branches, colleges, members, type Role } from '../db/schema/org.js';

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

/** What an import changed. */
export interface RosterCounts {
  created: number;
  updated: number;
  unchanged: number;
  colleges: { created: number };
  branches: { created: number };
}

/**
 * Stores validated roster entries in one transaction: colleges and branches are created by
 * name on demand, members upserted by 学号 (openId/unionId/boundAt are never written). An
 * optional column absent from the file (`columns`) leaves that field as it is; present but
 * blank clears it.
 */
export function saveRoster(db: Db, entries: readonly RosterEntry[], columns: { mobile: boolean; feishuId: boolean }, now: number): RosterCounts {
  const summary: RosterCounts = { created: 0, updated: 0, unchanged: 0, colleges: { created: 0 }, branches: { created: 0 } };
  const hasMobile = columns.mobile;
  const hasFeishuId = columns.feishuId;

  writeTransaction(db, (tx) => {
    const collegeIds = new Map(tx.select().from(colleges).all().map((c) => [c.name, c.id]));
    const branchIds = new Map(tx.select().from(branches).all().map((b) => [`${b.collegeId}/${b.name}`, b.id]));
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
      if (id === undefined) {
        id = tx.insert(branches).values({ collegeId: cid, name, createdAt: now }).returning({ id: branches.id }).get().id;
        branchIds.set(`${cid}/${name}`, id);
        summary.branches.created++;
      }
      return id;
    };

    for (const e of entries) {
      const cid = e.college ? collegeId(e.college) : null;
      const fields = {
        name: e.name,
        role: e.role,
        collegeId: cid,
        branchId: cid !== null && e.branch ? branchId(cid, e.branch) : null,
        ...(hasMobile ? { mobile: e.mobile } : {}),
        ...(hasFeishuId ? { rosterFeishuId: e.feishuId } : {}),
      };
      const existing = tx.select().from(members).where(eq(members.studentNo, e.studentNo)).get();
      // A 飞书ID /解绑 took from this unbound entry stays off it: it would bind that account again.
      if (existing && !existing.openId && e.feishuId && releasedIds(tx, existing.id).includes(e.feishuId)) fields.rosterFeishuId = existing.rosterFeishuId;
      if (!existing) {
        tx.insert(members).values({ studentNo: e.studentNo, ...fields, createdAt: now, updatedAt: now }).run();
        summary.created++;
      } else if (Object.entries(fields).every(([k, v]) => existing[k as keyof typeof fields] === v)) {
        summary.unchanged++;
      } else {
        tx.update(members).set({ ...fields, updatedAt: now }).where(eq(members.id, existing.id)).run();
        summary.updated++;
      }
    }
  });
  return summary;
}

