/**
 * Student organisations counted apart from the 团支部 (PRODUCT.md §8): the notice's target is 25%
 * of a college's 团支部, so an organisation is never in that numerator or denominator
 * (./branches.ts); /学院, /全校 and the export show instead how many organisations a college has,
 * how many are paired (a signed pairing that counts for the year, by the branches' rule) and their
 * projects of the year.
 */
import type { Db } from '../../db/client.js';
import type { ProgramYear } from '../../db/schema/index.js';
import { countingPairing } from './branches.js';
import { counted, yearEnd } from './counted.js';

export interface OrganisationCounts {
  organisations: number;
  paired: number;
  projects: number;
}

export const NO_ORGANISATIONS: OrganisationCounts = { organisations: 0, paired: 0, projects: 0 };

/**
 * Per college id, the organisations counted in `program` (one grouped statement); of one college
 * only when `collegeId` is given (a college's view reads its own branches, not the school's: the
 * digest fan-out builds one view per college, and the whole-school statement each time made the
 * fan-out quadratic in colleges — bench:scale, 1,000 colleges).
 */
export function organisationCounts(db: Db, program: ProgramYear, collegeId?: number): Map<number, OrganisationCounts> {
  const rows = db.$client
    .prepare(`select b.college_id as id, count(*) as organisations,
        coalesce(sum(exists(select 1 from pairings p where p.branch_id = b.id and ${countingPairing('p')})), 0) as paired,
        coalesce(sum((select count(*) from projects pr where pr.branch_id = b.id and pr.program_year_id = @py)), 0) as projects
      from branches b where b.kind != 'branch' and ${counted('b')}${collegeId === undefined ? '' : ' and b.college_id = @college'} group by b.college_id`)
    .all({ py: program.id, startsOn: program.startsOn, endsOn: program.endsOn, yearEnd: yearEnd(program), ...(collegeId === undefined ? {} : { college: collegeId }) }) as ({ id: number } & OrganisationCounts)[];
  return new Map(rows.map(({ id, ...c }) => [id, c]));
}

/** The counts of several colleges added up (the school's line). */
export function sumCounts(counts: Iterable<OrganisationCounts>): OrganisationCounts {
  const out = { ...NO_ORGANISATIONS };
  for (const c of counts) {
    out.organisations += c.organisations;
    out.paired += c.paired;
    out.projects += c.projects;
  }
  return out;
}
