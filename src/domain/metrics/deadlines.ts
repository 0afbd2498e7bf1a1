/**
 * The three deadlines of the year (组织结对, 项目清单, 岗位对接) judged for every branch of a
 * college at once, by the same rules as the branch dashboard (domain/branchStatus.ts): the
 * first signing that counts this year, the first project of the year, the first confirmed
 * position sign-up of the year.
 */
import type { Db } from '../../db/client.js';
import type { ProgramYear } from '../../db/schema/index.js';
import { DEADLINES, judgeDeadline, type DeadlineKey, type DeadlineState } from '../branchStatus.js';
import { localDate, startOfDate } from '../../time.js';

export type BranchDeadlines = Record<DeadlineKey, DeadlineState>;

function firstByBranch(db: Db, query: string, params: Record<string, unknown>): Map<number, string | number> {
  const rows = db.$client.prepare(query).all(params) as { branchId: number; first: string | number }[];
  return new Map(rows.map((r) => [r.branchId, r.first]));
}

/** Each branch's state for each deadline of `program`, judged at `today`. */
export function deadlinesByBranch(db: Db, program: ProgramYear, collegeId: number, today: string, tz: string): Map<number, BranchDeadlines> {
  const since = startOfDate(program.startsOn, tz);
  const params = { py: program.id, college: collegeId, since };
  // A pairing counts if it belongs to this year or is still running from an earlier one.
  const signed = firstByBranch(db,
    `select p.branch_id as branchId, min(p.signed_on) as first from pairings p join branches b on b.id = p.branch_id
     where b.college_id = @college and p.signed_on is not null and (p.program_year_id = @py or p.status != 'ended')
     group by p.branch_id`, params);
  const listed = firstByBranch(db,
    `select p.branch_id as branchId, min(p.created_at) as first from projects p join branches b on b.id = p.branch_id
     where b.college_id = @college and p.program_year_id = @py group by p.branch_id`, params);
  // Positions of the branch this year: under its projects of the year, or its own created since the start.
  const matched = firstByBranch(db,
    `select coalesce(pr.branch_id, po.branch_id) as branchId, min(coalesce(su.decided_at, su.created_at)) as first
     from position_signups su join positions po on po.id = su.position_id left join projects pr on pr.id = po.project_id
     where su.status = 'confirmed' and po.college_id = @college
       and ((pr.id is not null and pr.program_year_id = @py) or (po.project_id is null and po.branch_id is not null and po.created_at >= @since))
       and coalesce(su.decided_at, su.created_at) >= @since
     group by coalesce(pr.branch_id, po.branch_id)`, params);

  // The 团支部 only: a student organisation is not held to the branches' deadlines nor reminded of them.
  const branchIds = (db.$client.prepare(`select id from branches where college_id = ? and kind = 'branch'`).all(collegeId) as { id: number }[]).map((b) => b.id);
  const deadline: Record<DeadlineKey, string> = { pairing: program.pairingDeadline, projectList: program.projectListDeadline, matching: program.matchingDeadline };
  const done = (id: number): Record<DeadlineKey, string | undefined> => {
    const ms = (v: string | number | undefined) => (typeof v === 'number' ? localDate(v, tz) : undefined);
    return { pairing: signed.get(id) as string | undefined, projectList: ms(listed.get(id)), matching: ms(matched.get(id)) };
  };
  return new Map(branchIds.map((id) => {
    const d = done(id);
    return [id, Object.fromEntries(DEADLINES.map((k) => [k, judgeDeadline(deadline[k], d[k], today)])) as BranchDeadlines];
  }));
}
