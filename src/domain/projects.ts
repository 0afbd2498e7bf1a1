/**
 * The project list (项目清单, PRODUCT.md §5): a branch's projects with their service area,
 * "4+X" items, goals and tasks, responsibility list, cooperation period, target community
 * and project group. Who may change a branch's list is judged here, from the database.
 */
import { and, asc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { writeTransaction, type Db } from '../db/client.js';
import {
  branches, colleges, communities, ITEMS, members, projectItems, projectMembers, projects, SERVICE_AREAS, serviceLogs,
  type Branch, type Item, type Member, type Project, type ProgramYear,
} from '../db/schema/index.js';
import { issueMessage, messageKey as k, UserError } from './errors.js';
import { audit } from './members.js';
import { isOrganisation, leadsUnit } from './organisations.js';
import { dayjs } from '../time.js';

/**
 * A branch or a college-wide unit (branchId null) something belongs to; for a student
 * organisation's, its row (`organisation`) says who is responsible for it.
 */
interface Unit {
  branchId: number | null;
  collegeId: number | null;
  organisation?: Pick<Branch, 'kind' | 'leaderMemberId' | 'archivedAt'>;
}

/**
 * Whether `actor` runs `unit`: its branch's secretary, its college's 团总支, or the 团委, and
 * for a student organisation its responsible member (of any role). Roles rank upwards, but only
 * over their own branch or college.
 */
export function managesUnit(actor: Member, unit: Unit): boolean {
  if (actor.role === 'school_admin') return true;
  if (unit.organisation && leadsUnit(actor, unit.organisation)) return true;
  if (actor.role === 'college_admin') return actor.collegeId !== null && actor.collegeId === unit.collegeId;
  if (actor.role === 'secretary') return actor.branchId !== null && actor.branchId === unit.branchId;
  return false;
}

/** A branch row by id (undefined for null or unknown). */
export function branchById(db: Db, id: number | null | undefined): Branch | undefined {
  return id ? db.select().from(branches).where(eq(branches.id, id)).get() : undefined;
}

/** A college row by id (undefined for null or unknown). */
export function collegeById(db: Db, id: number | null | undefined): typeof colleges.$inferSelect | undefined {
  return id ? db.select().from(colleges).where(eq(colleges.id, id)).get() : undefined;
}

/** Branch names by id, for the branches a list shows. */
export function branchNames(db: Db, ids: readonly number[]): Map<number, string> {
  const rows = ids.length ? db.select({ id: branches.id, name: branches.name }).from(branches).where(inArray(branches.id, [...ids])).all() : [];
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Project titles by id, for the projects a list shows. */
export function projectTitles(db: Db, ids: readonly number[]): Map<number, string> {
  const rows = ids.length ? db.select({ id: projects.id, title: projects.title }).from(projects).where(inArray(projects.id, [...ids])).all() : [];
  return new Map(rows.map((r) => [r.id, r.title]));
}

const longText = z.string().trim().max(500, k('project.textTooLong')).optional();
const date = z
  .string({ error: k('project.badDate') })
  .regex(/^\d{4}-\d{2}-\d{2}$/, k('project.badDate'))
  .refine((d) => dayjs(d, 'YYYY-MM-DD', true).isValid(), k('project.badDate'));

/** The one validation of a project, whatever form it came from. */
const projectDraft = z
  .object({
    title: z.string({ error: k('project.titleMissing') }).trim().min(1, k('project.titleMissing')).max(60, k('project.titleTooLong')),
    area: z.enum(SERVICE_AREAS, { error: k('project.badArea') }),
    items: z.array(z.enum(ITEMS, { error: k('project.badItem') }), { error: k('project.itemsMissing') }).min(1, k('project.itemsMissing')),
    xLabel: z.string().trim().max(30, k('project.xLabelTooLong')).optional(),
    goals: longText,
    tasks: longText,
    responsibilities: longText,
    cooperationStart: date,
    cooperationEnd: date,
    communityId: z.number({ error: k('project.unknownCommunity') }).int().positive().optional(),
    memberIds: z.array(z.number({ error: k('project.unknownMember') }).int().positive(k('project.unknownMember'))).max(50, k('project.tooManyMembers')),
  })
  .superRefine((d, ctx) => {
    if (d.cooperationEnd < d.cooperationStart) {
      ctx.addIssue({ code: 'custom', message: k('project.endBeforeStart'), params: { start: d.cooperationStart, end: d.cooperationEnd } });
    }
    if (d.items.includes('x') && !d.xLabel) ctx.addIssue({ code: 'custom', message: k('project.xLabelMissing') });
  });

/** A project row by id. */
function projectById(db: Db, id: number): Project | undefined {
  return db.select().from(projects).where(eq(projects.id, id)).get();
}

/** The project and the branch it belongs to, if `actor` may change it; otherwise a UserError. */
export function managedProject(db: Db, actor: Member, projectId: number): { project: Project; branch: Branch } {
  const project = projectById(db, projectId);
  const branch = project && branchById(db, project.branchId);
  if (!project || !branch) throw new UserError('project.notFound');
  if (!managesUnit(actor, unitOfBranch(branch))) throw new UserError('project.forbidden');
  return { project, branch };
}

/** A unit row as {@link managesUnit} judges it. */
export const unitOfBranch = (branch: Branch): Unit => ({ branchId: branch.id, collegeId: branch.collegeId, organisation: branch });

/**
 * Who a unit's project group is chosen from: a 团支部's active members, or for a student
 * organisation (which has no roster) the active members of its college.
 */
export function groupPool(unit: Pick<Branch, 'id' | 'kind' | 'collegeId'>) {
  return and(isOrganisation(unit) ? eq(members.collegeId, unit.collegeId) : eq(members.branchId, unit.id), isNull(members.leftAt));
}

/** The unit a new project goes to: the one the card named (re-checked here), else the actor's branch. */
export function unitForNewProject(db: Db, actor: Member, unitId: number | undefined): Branch {
  const unit = branchById(db, unitId ?? actor.branchId);
  if (!unit) throw new UserError(unitId === undefined ? 'project.noBranch' : 'project.notFound');
  if (unitId !== undefined && (unit.archivedAt !== null || !managesUnit(actor, unitOfBranch(unit)))) throw new UserError('project.forbidden');
  return unit;
}

/**
 * Creates a project for the actor's branch, or for the unit `unitId` a card named (`projectId`
 * absent), or replaces an existing one's fields, items and group. A refusal throws a UserError
 * and writes nothing.
 */
export function saveProject(db: Db, actor: Member, program: ProgramYear, projectId: number | undefined, input: unknown, now: number, unitId?: number): Project {
  const unit = projectId === undefined ? unitForNewProject(db, actor, unitId) : managedProject(db, actor, projectId).branch;
  const branchId = unit.id;
  const parsed = projectDraft.safeParse(input);
  if (!parsed.success) throw new UserError('project.invalid', { problem: issueMessage(parsed.error.issues[0]) });
  const d = parsed.data;
  const memberIds = [...new Set(d.memberIds)];
  if (memberIds.length) {
    const found = db.select({ id: members.id }).from(members).where(and(inArray(members.id, memberIds), groupPool(unit))).all();
    if (found.length !== memberIds.length) throw new UserError('project.invalid', { problem: { key: 'project.unknownMember' } });
  }
  if (d.communityId !== undefined && !db.select({ id: communities.id }).from(communities).where(eq(communities.id, d.communityId)).get()) {
    throw new UserError('project.invalid', { problem: { key: 'project.unknownCommunity' } });
  }
  const fields = {
    title: d.title,
    area: d.area,
    goals: d.goals || null,
    tasks: d.tasks || null,
    responsibilities: d.responsibilities || null,
    cooperationStart: d.cooperationStart,
    cooperationEnd: d.cooperationEnd,
    communityId: d.communityId ?? null,
  };
  const saved = writeTransaction(db, (tx) => {
    const project =
      projectId === undefined
        ? tx.insert(projects).values({ ...fields, branchId, programYearId: program.id, createdAt: now }).returning().get()
        : tx.update(projects).set(fields).where(eq(projects.id, projectId)).returning().get();
    tx.delete(projectItems).where(eq(projectItems.projectId, project.id)).run();
    tx.insert(projectItems).values([...new Set(d.items)].map((item) => ({ projectId: project.id, item, label: item === 'x' ? d.xLabel! : null }))).run();
    tx.delete(projectMembers).where(eq(projectMembers.projectId, project.id)).run();
    if (memberIds.length) tx.insert(projectMembers).values(memberIds.map((memberId) => ({ projectId: project.id, memberId }))).run();
    audit(tx, { at: now, actorMemberId: actor.id, action: projectId === undefined ? 'project.create' : 'project.update', subject: `project:${project.id}` });
    return project;
  });
  return saved;
}

/** A project with what its card shows: items, group, community and branch names. */
interface ProjectDetail {
  project: Project;
  branchName: string;
  items: { item: Item; label: string | null }[];
  members: { id: number; name: string }[];
  communityName: string | null;
}

/** Reads a project's items (in 4+X order), group (in roster order) and names. */
export function projectDetail(db: Db, project: Project): ProjectDetail {
  const items = db.select({ item: projectItems.item, label: projectItems.label }).from(projectItems).where(eq(projectItems.projectId, project.id)).all();
  const group = db
    .select({ id: members.id, name: members.name })
    .from(projectMembers)
    .innerJoin(members, eq(members.id, projectMembers.memberId))
    .where(eq(projectMembers.projectId, project.id))
    .orderBy(asc(members.studentNo))
    .all();
  const community = project.communityId ? db.select({ name: communities.name }).from(communities).where(eq(communities.id, project.communityId)).get() : undefined;
  return {
    project,
    branchName: branchById(db, project.branchId)?.name ?? '',
    items: items.sort((a, b) => ITEMS.indexOf(a.item) - ITEMS.indexOf(b.item)),
    members: group,
    communityName: community?.name ?? null,
  };
}

/**
 * The projects of the program year the actor oversees: a secretary's branch, a 团总支's
 * college, every branch for the 团委.
 */
export function projectsFor(db: Db, actor: Member, programYearId: number): Project[] {
  const year = eq(projects.programYearId, programYearId);
  const order = [asc(projects.branchId), asc(projects.id)] as const;
  if (actor.role === 'school_admin') return db.select().from(projects).where(year).orderBy(...order).all();
  if (actor.role === 'college_admin') {
    return db
      .select({ p: projects })
      .from(projects)
      .innerJoin(branches, eq(branches.id, projects.branchId))
      .where(and(year, eq(branches.collegeId, actor.collegeId ?? -1)))
      .orderBy(...order)
      .all()
      .map((r) => r.p);
  }
  return db.select().from(projects).where(and(year, eq(projects.branchId, actor.branchId ?? -1))).orderBy(...order).all();
}

/** The projects of one unit in the program year, oldest first (an organisation's /组织 → 项目). */
export function projectsOfUnit(db: Db, unitId: number, programYearId: number): Project[] {
  return db.select().from(projects).where(and(eq(projects.branchId, unitId), eq(projects.programYearId, programYearId))).orderBy(asc(projects.id)).all();
}

/** The projects a member of `branchId` may name on a log of the year (the log form's dropdown). */
export function branchProjects(db: Db, branchId: number | null, programYearId: number): { id: number; title: string }[] {
  if (branchId === null) return [];
  return db.select({ id: projects.id, title: projects.title }).from(projects)
    .where(and(eq(projects.branchId, branchId), eq(projects.programYearId, programYearId))).orderBy(asc(projects.id)).all();
}

/**
 * The projects a member's log may name (PRODUCT.md §8 "a log may name the project it served"):
 * their branch's projects of the year and any project whose group (项目组) they are in — a student
 * organisation's project, or another unit's that took them on.
 */
export function projectsForLog(db: Db, member: Pick<Member, 'id' | 'branchId'>, programYearId: number): { id: number; title: string }[] {
  return db.select({ id: projects.id, title: projects.title }).from(projects)
    .where(and(eq(projects.programYearId, programYearId), or(
      member.branchId === null ? sql`false` : eq(projects.branchId, member.branchId),
      sql`exists (select 1 from ${projectMembers} pm where pm.project_id = ${projects.id} and pm.member_id = ${member.id})`,
    )))
    .orderBy(asc(projects.id)).all();
}

/** The approved logs that named each project, and their hours (the /项目 progress line). */
export function projectProgress(db: Db, ids: readonly number[]): Map<number, { logs: number; hours: number; pending: number }> {
  if (!ids.length) return new Map();
  const rows = db
    .select({
      id: serviceLogs.projectId,
      logs: sql<number>`sum(case when ${serviceLogs.status} = 'approved' then 1 else 0 end)`,
      half: sql<number>`coalesce(sum(case when ${serviceLogs.status} = 'approved' then ${serviceLogs.halfHours} else 0 end), 0)`,
      pending: sql<number>`sum(case when ${serviceLogs.status} = 'pending' then 1 else 0 end)`,
    })
    .from(serviceLogs)
    .where(inArray(serviceLogs.projectId, [...ids]))
    .groupBy(serviceLogs.projectId)
    .all();
  return new Map(rows.map((r) => [r.id!, { logs: r.logs, hours: r.half / 2, pending: r.pending }]));
}
