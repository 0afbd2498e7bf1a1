/**
 * Members with no participation (PRODUCT.md §6): roster members of a branch (active in the
 * year: ./counted.ts) with no approved
 * log in the program year, wherever the log was filed (a member who moved branch keeps the
 * logs they made). One seek per member on its roll-up row (member_year_totals), which exists
 * only while the member has an approved log in the year.
 */
import type { Db } from '../../db/client.js';
import type { ProgramYear } from '../../db/schema/index.js';
import { counted, yearEnd } from './counted.js';

const noApprovedLog = `not exists(select 1 from member_year_totals t where t.member_id = m.id and t.program_year_id = @py)`;

interface BranchMembership {
  branchId: number;
  members: number;
  /** Members with no approved log this year. */
  idle: number;
}

/** Member and idle-member counts per branch of a college (or of every branch when null). */
export function membershipByBranch(db: Db, program: Pick<ProgramYear, 'id' | 'endsOn'>, collegeId: number | null): Map<number, BranchMembership> {
  const rows = db.$client
    .prepare(
      `select m.branch_id as branchId, count(*) as members, sum(${noApprovedLog}) as idle
       from members m join branches b on b.id = m.branch_id
       where ${counted('m', 'left_at')}${collegeId !== null ? ' and b.college_id = @college' : ''}
       group by m.branch_id`,
    )
    .all({ py: program.id, yearEnd: yearEnd(program), ...(collegeId !== null ? { college: collegeId } : {}) }) as BranchMembership[];
  return new Map(rows.map((r) => [r.branchId, r]));
}

/** Names of the idle members of one branch, in roster order. */
export function idleMembers(db: Db, program: Pick<ProgramYear, 'id' | 'endsOn'>, branchId: number): { id: number; name: string }[] {
  return db.$client
    .prepare(`select m.id, m.name from members m where m.branch_id = @branch and ${counted('m', 'left_at')} and ${noApprovedLog} order by m.id`)
    .all({ py: program.id, yearEnd: yearEnd(program), branch: branchId }) as { id: number; name: string }[];
}
