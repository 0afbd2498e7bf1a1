/**
 * The record of a whole program year, by college and by branch: coverage, "四个一", approved
 * hours, pending reviews, members with no participation and the pairing each branch shows. It
 * does not depend on the day it is read (no week, no silence), and it is built from
 * {@link branchFigures}, {@link coverage} and {@link membershipByBranch}, so the Excel export
 * that reads it counts exactly as /学院 and /全校 do. Every query is grouped or one seek per
 * branch, college or member; nothing loops over branches in JS.
 */
import type { Db } from '../../db/client.js';
import type { PairingStatus, ProgramYear } from '../../db/schema/index.js';
import { branchFigures, countingPairing, type FourItem } from './branches.js';
import { coverage, programYearById, type Coverage } from './colleges.js';
import { membershipByBranch } from './members.js';
import { counted, uncountedBranchHalfHours, yearEnd } from './counted.js';
import { metricsWindow } from './window.js';
import { NO_ORGANISATIONS, organisationCounts, sumCounts, type OrganisationCounts } from './organisations.js';

interface BranchYear {
  id: number;
  name: string;
  collegeId: number;
  college: string;
  paired: boolean;
  active: boolean;
  participating: boolean;
  fourItems: Record<FourItem, boolean>;
  /** Approved hours of the year filed under the branch. */
  totalHours: number;
  /** Logs of the year waiting for review. */
  pending: number;
  members: number;
  /** Members with no approved log this year. */
  idle: number;
  /** The pairing the branch shows for the year (see {@link yearPairings}); null when none. */
  pairing: { community: string; status: PairingStatus } | null;
}

export interface YearTotals {
  /** Approved hours of the year; a college's include its 团总支's own logs (no branch). */
  totalHours: number;
  /** Logs of the year waiting for review, and their hours. */
  pending: { count: number; hours: number };
}

interface CollegeYear extends YearTotals {
  id: number;
  name: string;
  coverage: Coverage;
  /** Student organisations, counted apart from the coverage (./organisations.ts). */
  organisations: OrganisationCounts;
}

interface YearRecord {
  programYear: ProgramYear;
  /** In id order. */
  colleges: CollegeYear[];
  /** By college id, then id. */
  branches: BranchYear[];
  school: YearTotals & { coverage: Coverage; organisations: OrganisationCounts };
}

/**
 * Each branch's pairing for the year, one per branch: one that counts (PRODUCT.md §6) before one
 * that does not, so the pairing shown explains whether the branch is paired; then the running
 * one before an ended one; then the newest. Pairings considered are those that count and those
 * the 结对协议 sheet lists (made in the year, or still running from an earlier one).
 */
function yearPairings(db: Db, program: ProgramYear): Map<number, NonNullable<BranchYear['pairing']>> {
  const rows = db.$client
    .prepare(
      `select branchId, community, status from (
         select p.branch_id as branchId, cm.name as community, p.status,
           row_number() over (partition by p.branch_id order by (${countingPairing('p')}) desc, p.status != 'ended' desc, p.id desc) as rn
         from pairings p join communities cm on cm.id = p.community_id
         where (${countingPairing('p')}) or p.program_year_id = @py or (p.program_year_id < @py and p.status != 'ended'))
       where rn = 1`,
    )
    .all({ py: program.id, startsOn: program.startsOn, endsOn: program.endsOn }) as { branchId: number; community: string; status: PairingStatus }[];
  return new Map(rows.map((r) => [r.branchId, { community: r.community, status: r.status }]));
}

/** The record of `programYearId` for every college and branch of the school. */
export function yearRecord(db: Db, programYearId: number): YearRecord {
  const program = programYearById(db, programYearId);
  // The record reads no week or silence figure, so the window it is measured on is the year's last day.
  const win = metricsWindow(program, { now: Date.parse(`${program.endsOn}T12:00:00Z`), tz: 'UTC' });
  const figures = branchFigures(db, program, win, { collegeId: null });
  const membership = membershipByBranch(db, program, null);
  const pairing = yearPairings(db, program);
  // As on /学院: a college's hours are its branches' plus its 团总支's own (no branch) and those of
  // branches archived since; pending
  // reviews are every pending log filed under the college. One seek per college.
  const ofCollege = `from service_logs s where s.college_id = c.id and s.program_year_id = @py`;
  const collegeRows = db.$client
    .prepare(`select c.id, c.name,
        (select coalesce(sum(s.half_hours), 0) ${ofCollege} and s.branch_id is null and s.status = 'approved') + ${uncountedBranchHalfHours('c.id')} as unbranchedHalf,
        (select count(*) ${ofCollege} and s.status = 'pending') as pending,
        (select coalesce(sum(s.half_hours), 0) ${ofCollege} and s.status = 'pending') as pendingHalf
      from colleges c where ${counted('c')} order by c.id`)
    .all({ py: program.id, yearEnd: yearEnd(program) }) as { id: number; name: string; unbranchedHalf: number; pending: number; pendingHalf: number }[];
  const collegeName = new Map(collegeRows.map((c) => [c.id, c.name]));

  const branches: BranchYear[] = figures.map((f) => ({
    id: f.id,
    name: f.name,
    collegeId: f.collegeId,
    college: collegeName.get(f.collegeId)!,
    paired: f.paired,
    active: f.active,
    participating: f.participating,
    fourItems: f.fourItems,
    totalHours: f.totalHours,
    pending: f.pending,
    members: membership.get(f.id)?.members ?? 0,
    idle: membership.get(f.id)?.idle ?? 0,
    pairing: pairing.get(f.id) ?? null,
  }));
  const byCollege = new Map<number, { branches: number; participating: number; half: number }>();
  for (const b of branches) {
    const c = byCollege.get(b.collegeId) ?? { branches: 0, participating: 0, half: 0 };
    c.branches += 1;
    c.participating += b.participating ? 1 : 0;
    c.half += b.totalHours * 2;
    byCollege.set(b.collegeId, c);
  }
  const organisations = organisationCounts(db, program);
  const colleges: CollegeYear[] = collegeRows.map((c) => {
    const own = byCollege.get(c.id) ?? { branches: 0, participating: 0, half: 0 };
    return {
      id: c.id,
      name: c.name,
      coverage: coverage(own.branches, own.participating, program.targetRatio),
      organisations: organisations.get(c.id) ?? NO_ORGANISATIONS,
      totalHours: (own.half + c.unbranchedHalf) / 2,
      pending: { count: c.pending, hours: c.pendingHalf / 2 },
    };
  });
  const sum = (f: (c: CollegeYear) => number) => colleges.reduce((n, c) => n + f(c), 0);
  return {
    programYear: program,
    colleges,
    branches,
    school: {
      coverage: coverage(branches.length, branches.filter((b) => b.participating).length, program.targetRatio),
      organisations: sumCounts(colleges.map((c) => c.organisations)),
      totalHours: sum((c) => c.totalHours),
      pending: { count: sum((c) => c.pending.count), hours: sum((c) => c.pending.hours) },
    },
  };
}
