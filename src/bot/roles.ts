import { ROLES, type Member, type Role } from '../db/schema/index.js';
import { isActive } from '../domain/members.js';

/** Who may use a command or action: everyone (even unbound) or a minimum role. */
export type Audience = 'anyone' | Role;

const RANK: Record<Role, number> = Object.fromEntries(ROLES.map((r, i) => [r, i])) as Record<Role, number>;

/**
 * The member the router has checked for an audience: anyone may be unbound (`null`); any role
 * is a bound member whose role ranks at least that role (PRODUCT.md §2).
 */
export interface MembersByAudience {
  anyone: Member | null;
  student: Member;
  secretary: Member & { role: Exclude<Role, 'student'> };
  college_admin: Member & { role: 'college_admin' | 'school_admin' };
  school_admin: Member & { role: 'school_admin' };
}
export type MemberOf<A extends Audience> = MembersByAudience[A];

/**
 * Roles are ranked student < secretary < college_admin < school_admin: each may do what the
 * roles below it may (PRODUCT.md §2); an inactive member has no role.
 */
export function allows(audience: Audience, member: (Pick<Member, 'role'> & { leftAt?: number | null }) | null): boolean {
  if (audience === 'anyone') return true;
  // A member the roster no longer lists keeps only what anyone may do (PRODUCT.md §8).
  return member !== null && isActive(member) && RANK[member.role] >= RANK[audience];
}
