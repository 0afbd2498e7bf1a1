/**
 * Which college a /学院 request means and whether the asker may see it, from the database:
 * a 团总支 sees only their own college, the 团委 any (and must name one); nobody else.
 */
import type { Db } from '../../db/client.js';
import type { Member } from '../../db/schema/index.js';
import { UserError } from '../errors.js';

export interface CollegeRef {
  id: number;
  name: string;
}

/** College names as typed: width, spaces and a trailing 团总支 do not matter. */
const foldCollege = (s: string) => s.normalize('NFKC').replace(/\s+/g, '').replace(/(团总支)$/, '').toLowerCase();

/** The colleges on the roster now (an archived one has no active member left: PRODUCT.md §8). */
export function allColleges(db: Db): CollegeRef[] {
  return db.$client.prepare('select id, name from colleges where archived_at is null order by id').all() as CollegeRef[];
}

/** Whether `member` may see the college view of `collegeId`. */
export function mayViewCollege(member: Member, collegeId: number): boolean {
  if (member.role === 'school_admin') return true;
  return member.role === 'college_admin' && member.collegeId === collegeId;
}

/** The college `/学院 [名称]` means for `member`, or a refusal saying what to write. */
export function resolveCollege(db: Db, member: Member, name: string | undefined): CollegeRef {
  const colleges = allColleges(db);
  const list = colleges.length ? colleges.map((c) => c.name) : '—';
  if (!name) {
    if (member.role === 'college_admin') {
      const own = colleges.find((c) => c.id === member.collegeId);
      if (!own) throw new UserError('tracking.noCollege');
      return own;
    }
    if (member.role === 'school_admin') throw new UserError('tracking.needCollege', { example: colleges[0]?.name ?? { key: 'tracking.exampleCollege' }, list });
    throw new UserError('tracking.noCollege');
  }
  const wanted = foldCollege(name);
  const found = colleges.find((c) => foldCollege(c.name) === wanted);
  if (!found) throw new UserError('tracking.unknownCollege', { name, list: member.role === 'school_admin' ? list : '' });
  if (!mayViewCollege(member, found.id)) throw new UserError('tracking.notYourCollege', { name: found.name });
  return found;
}
