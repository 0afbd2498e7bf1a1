import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { BaseContext } from '../src/bot/context.js';
import { defineAction, defineCommand } from '../src/bot/define.js';
import { positionFormCard, projectFormCard, projectListCard, type ProjectVm } from '../src/cards/projects.js';
import { colleges, type Project } from '../src/db/schema/index.js';
import { allCommunities, pairedCommunity } from '../src/domain/communities.js';
import { UserError } from '../src/domain/errors.js';
import { addPosition, positionsOfProjects, signupCounts } from '../src/domain/positions.js';
import { branchById, branchMembers, managedProject, projectDetail, projectsFor, saveProject } from '../src/domain/projects.js';
import { localDate } from '../src/domain/time.js';
import type { CardJson } from '../src/feishu/api.js';
import { t } from '../src/text/zh-CN.js';

const LIST_SIZE = 10;

const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
/** A multi-select arrives as an array; a lone string is taken as one choice. */
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : typeof v === 'string' && v !== '' ? [v] : []);
/** Digits only; anything else becomes NaN so the schema refuses it with its own message. */
const whole = (v: unknown) => (typeof v === 'string' && /^\d+$/.test(v.normalize('NFKC').trim()) ? Number(v.normalize('NFKC').trim()) : typeof v === 'number' ? v : NaN);

/** form_value → the draft `projectDraft` checks; nothing is defaulted silently. */
function draftFromForm(form: Record<string, unknown>) {
  const community = text(form.community);
  return {
    title: text(form.title),
    area: text(form.area),
    items: list(form.items),
    xLabel: text(form.x_label),
    goals: text(form.goals),
    tasks: text(form.tasks),
    responsibilities: text(form.responsibilities),
    cooperationStart: text(form.start)?.slice(0, 10), // the date picker sends "2026-11-20 +0800"
    cooperationEnd: text(form.end)?.slice(0, 10),
    communityId: community === undefined ? undefined : whole(community),
    memberIds: list(form.members).map(whole),
  };
}

function scopeName(ctx: BaseContext): string {
  const me = ctx.member!;
  if (me.role === 'school_admin') return t('project.scopeAll');
  if (me.role === 'college_admin') return ctx.db.select({ name: colleges.name }).from(colleges).where(eq(colleges.id, me.collegeId ?? -1)).get()?.name ?? '';
  return branchById(ctx.db, me.branchId)?.name ?? '';
}

function projectVms(ctx: BaseContext, list: Project[]): ProjectVm[] {
  const positions = positionsOfProjects(ctx.db, list.map((p) => p.id));
  const counts = signupCounts(ctx.db, positions.map((p) => p.id));
  return list.map((p) => {
    const d = projectDetail(ctx.db, p);
    return {
      id: p.id,
      title: p.title,
      branch: d.branchName,
      area: p.area,
      items: d.items,
      start: p.cooperationStart,
      end: p.cooperationEnd,
      community: d.communityName,
      goals: p.goals,
      tasks: p.tasks,
      responsibilities: p.responsibilities,
      members: d.members.map((m) => m.name),
      positions: positions
        .filter((pos) => pos.projectId === p.id)
        .map((pos) => ({ title: pos.title, schedule: pos.schedule, slots: pos.slots, closed: pos.status === 'closed', ...counts.get(pos.id)! })),
    };
  });
}

/** The project list of whoever is acting (never of whom the card was first sent to). */
function listCard(ctx: BaseContext): CardJson {
  const all = projectsFor(ctx.db, ctx.member!, ctx.program.id);
  return projectListCard({
    scope: scopeName(ctx),
    deadline: ctx.program.projectListDeadline,
    projects: projectVms(ctx, all.slice(0, LIST_SIZE)),
    more: Math.max(0, all.length - LIST_SIZE),
    canCreate: ctx.member!.branchId !== null,
  });
}

/** The form for a new project of the actor's branch, or prefilled from `project`. */
function formCard(ctx: BaseContext, project?: Project): CardJson {
  const branchId = project?.branchId ?? ctx.member!.branchId;
  if (!branchId) throw new UserError('project.noBranch');
  const paired = pairedCommunity(ctx.db, branchId);
  const communities = allCommunities(ctx.db).map((c) => ({ id: c.id, name: c.name }));
  const ordered = paired ? [{ id: paired.id, name: paired.name }, ...communities.filter((c) => c.id !== paired.id)] : communities;
  const d = project && projectDetail(ctx.db, project);
  const prefill = d
    ? {
        title: d.project.title,
        area: d.project.area,
        items: d.items.map((i) => i.item),
        xLabel: d.items.find((i) => i.item === 'x')?.label ?? undefined,
        goals: d.project.goals ?? undefined,
        tasks: d.project.tasks ?? undefined,
        responsibilities: d.project.responsibilities ?? undefined,
        start: d.project.cooperationStart ?? undefined,
        end: d.project.cooperationEnd ?? undefined,
        communityId: d.project.communityId ?? undefined,
        memberIds: d.members.map((m) => m.id),
      }
    : { communityId: paired?.id, start: localDate(ctx.clock.now(), ctx.timeZone), end: ctx.program.endsOn };
  return projectFormCard({ projectId: project?.id, prefill, members: branchMembers(ctx.db, branchId), communities: ordered });
}

const raw = (data: CardJson) => ({ type: 'raw' as const, data });
const projectRef = z.object({ p: z.number().int().positive() });

export const projectNew = defineAction({
  name: 'project.new',
  audience: 'secretary',
  payload: z.object({}),
  async run(ctx) {
    return { card: raw(formCard(ctx)) };
  },
});

export const projectEdit = defineAction({
  name: 'project.edit',
  audience: 'secretary',
  payload: projectRef,
  async run(ctx, { p }) {
    const { project } = managedProject(ctx.db, ctx.member!, p);
    return { card: raw(formCard(ctx, project)) };
  },
});

export const projectSave = defineAction({
  name: 'project.save',
  audience: 'secretary',
  payload: z.object({ p: z.number().int().positive().optional() }),
  async run(ctx, { p }) {
    const project = saveProject(ctx.db, ctx.member!, ctx.program, p, draftFromForm(ctx.form), ctx.clock.now());
    return { toast: { type: 'success', content: t('project.saved', { title: project.title }) }, card: raw(listCard(ctx)) };
  },
});

export const positionForm = defineAction({
  name: 'project.positionForm',
  audience: 'secretary',
  payload: projectRef,
  async run(ctx, { p }) {
    const { project } = managedProject(ctx.db, ctx.member!, p);
    return { card: raw(positionFormCard({ projectId: project.id, project: project.title })) };
  },
});

export const positionAdd = defineAction({
  name: 'project.addPosition',
  audience: 'secretary',
  payload: projectRef,
  async run(ctx, { p }) {
    const slots = text(ctx.form.slots);
    const draft = { title: text(ctx.form.title), slots: slots === undefined ? undefined : whole(slots), schedule: text(ctx.form.schedule) };
    const position = addPosition(ctx.db, ctx.member!, p, draft, ctx.clock.now());
    return { toast: { type: 'success', content: t('position.added', { title: position.title, slots: position.slots }) }, card: raw(listCard(ctx)) };
  },
});

export default defineCommand({
  name: 'project',
  aliases: ['项目'],
  summary: 'cmd.project.summary',
  example: 'cmd.project.example',
  audience: 'secretary',
  args: z.object({}),
  parse: () => ({}),
  async run(ctx) {
    await ctx.reply({ card: listCard(ctx) });
  },
});
