import { ROLES, type Member, type Role } from '../db/schema/index.js';

/** Who may use a command or action: everyone (even unbound) or a minimum role. */
export type Audience = 'anyone' | Role;

const RANK: Record<Role, number> = Object.fromEntries(ROLES.map((r, i) => [r, i])) as Record<Role, number>;

/**
 * Roles are ranked student < secretary < college_admin < school_admin: each may do what the
 * roles below it may (PRODUCT.md §2).
 */
export function allows(audience: Audience, member: Pick<Member, 'role'> | null): boolean {
  if (audience === 'anyone') return true;
  return member !== null && RANK[member.role] >= RANK[audience];
}
