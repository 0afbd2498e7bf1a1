import { z } from 'zod';
import type { BaseContext } from '../src/bot/context.js';
import type { Member } from '../src/db/schema/index.js';
import { projectNew, projectEdit, projectSave, projectPositionForm, projectAddPosition, projectUnitList } from '../src/cards/projects.js';
import { defineAction, defineCommand } from '../src/bot/define.js';
import { formCommunity, formList, formText, formWhole } from '../src/bot/forms.js';
import { rawCard } from '../src/bot/router.js';
import { positionFormCard, projectFormCard, projectListCard, type ProjectVm } from '../src/cards/projects.js';
import type { Branch, Project } from '../src/db/schema/index.js';
import type { Db } from '../src/db/client.js';
import { pairedCommunity } from '../src/domain/communities.js';
import { pickerCommunities } from '../src/domain/communityPicker.js';
import { membersByTypedNames, pickerMembers } from '../src/domain/memberPicker.js';
import { UserError } from '../src/domain/errors.js';
import { addPosition, positionsOfProjects, signupCounts } from '../src/domain/positions.js';
import { branchById, collegeById, managedProject, projectDetail, projectProgress, projectsFor, projectsOfUnit, saveProject, unitForNewProject } from '../src/domain/projects.js';
import { checkUnitWorker, isOrganisation } from '../src/domain/organisations.js';
import { today } from '../src/time.js';
import type { CardJson } from '../src/feishu/api.js';
import { t } from '../src/text/zh-CN.js';

const LIST_SIZE = 10;


/** form_value of a position form (project or college-wide) → the draft `positionDraft` checks. */
export function positionDraftFromForm(form: Record<string, unknown>) {
  const slots = formText(form.slots);
  return { title: formText(form.title), slots: slots === undefined ? undefined : formWhole(slots), schedule: formText(form.schedule) };
}

/**
 * form_value → the draft `projectDraft` checks; nothing is defaulted silently. A typed community
 * name wins over the dropdown and must name exactly one known community (refused here otherwise).
 * The group is the dropdown's choices plus the members of `branchId` typed by name or 学号; an
 * unknown or shared name is refused here, before anything is stored.
 */
function draftFromForm(db: Db, form: Record<string, unknown>, branchId: number) {
  const typedMembers = formText(form.member_names);
  return {
    title: formText(form.title),
    area: formText(form.area),
    items: formList(form.items),
    xLabel: formText(form.x_label),
    goals: formText(form.goals),
    tasks: formText(form.tasks),
    responsibilities: formText(form.responsibilities),
    cooperationStart: formText(form.start)?.slice(0, 10), // the date picker sends "2026-11-20 +0800"
    cooperationEnd: formText(form.end)?.slice(0, 10),
    communityId: formCommunity(db, form, 'project.communityNotFound'),
    memberIds: [...formList(form.members).map(formWhole), ...(typedMembers ? membersByTypedNames(db, branchId, typedMembers) : [])],
  };
}

function scopeName(ctx: BaseContext<Member>): string {
  const me = ctx.member;
  if (me.role === 'school_admin') return t('project.scopeAll');
  if (me.role === 'college_admin') return collegeById(ctx.db, me.collegeId)?.name ?? '';
  return branchById(ctx.db, me.branchId)?.name ?? '';
}

function projectVms(ctx: BaseContext<Member>, list: Project[]): ProjectVm[] {
  const positions = positionsOfProjects(ctx.db, list.map((p) => p.id));
  const counts = signupCounts(ctx.db, positions.map((p) => p.id));
  const progress = projectProgress(ctx.db, list.map((p) => p.id));
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
      progress: progress.get(p.id) ?? { logs: 0, hours: 0, pending: 0 },
    };
  });
}

/**
 * The project list of whoever is acting (never of whom the card was first sent to), or of one
 * `unit` — a student organisation's, reached from /组织 and already judged the actor's to run.
 */
function listCard(ctx: BaseContext<Member>, unit?: Branch): CardJson {
  const all = unit ? projectsOfUnit(ctx.db, unit.id, ctx.program.id) : projectsFor(ctx.db, ctx.member, ctx.program.id);
  return projectListCard({
    scope: unit ? unit.name : scopeName(ctx),
    deadline: ctx.program.projectListDeadline,
    projects: projectVms(ctx, all.slice(0, LIST_SIZE)),
    more: Math.max(0, all.length - LIST_SIZE),
    canCreate: unit !== undefined || ctx.member.branchId !== null,
    unitId: unit?.id,
  });
}

/** The list a change answers with: the organisation's own when the project is one's, else the actor's. */
function listAfter(ctx: BaseContext<Member>, unitId: number): CardJson {
  const unit = branchById(ctx.db, unitId);
  return listCard(ctx, unit && isOrganisation(unit) ? unit : undefined);
}

/** The form for a new project of the actor's branch or of `unitId` (re-checked), or prefilled from `project`. */
function formCard(ctx: BaseContext<Member>, project?: Project, unitId?: number): CardJson {
  const branchId = project?.branchId ?? (unitId !== undefined ? unitForNewProject(ctx.db, ctx.member, unitId).id : ctx.member.branchId);
  if (!branchId) throw new UserError('project.noBranch');
  const paired = pairedCommunity(ctx.db, branchId);
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
    : { communityId: paired?.id, start: today(ctx.when), end: ctx.program.endsOn };
  // A bounded dropdown: the paired community, the project's own, then what the secretary and the branch used lately.
  const communities = pickerCommunities(ctx.db, { memberId: ctx.member.id, branchId, include: [prefill.communityId] });
  // Another: the whole current group, then who served at its community or lately; the rest are typed.
  const members = pickerMembers(ctx.db, { branchId, current: prefill.memberIds, communityId: prefill.communityId });
  return projectFormCard({ projectId: project?.id, unitId, prefill, members: members.options, unlistedMembers: members.unlisted, communities });
}

// The project card actions admit students: an organisation's responsible member may be one
// (checkUnitWorker refuses every other student as before; managesUnit judges the unit).


const onProjectNew = defineAction(projectNew, {
  audience: 'student',
  async run(ctx, { u }) {
    checkUnitWorker(ctx.db, ctx.member);
    return { card: rawCard(formCard(ctx, undefined, u)) };
  },
});

const onProjectEdit = defineAction(projectEdit, {
  audience: 'student',
  async run(ctx, { p }) {
    checkUnitWorker(ctx.db, ctx.member);
    const { project } = managedProject(ctx.db, ctx.member, p);
    return { card: rawCard(formCard(ctx, project)) };
  },
});

const onProjectSave = defineAction(projectSave, {
  audience: 'student',
  async run(ctx, { p, u }) {
    checkUnitWorker(ctx.db, ctx.member);
    // Who may change the project is settled before the form's community and member names are looked up.
    const branchId = p !== undefined ? managedProject(ctx.db, ctx.member, p).branch.id : u !== undefined ? unitForNewProject(ctx.db, ctx.member, u).id : ctx.member.branchId;
    if (!branchId) throw new UserError('project.noBranch');
    const project = saveProject(ctx.db, ctx.member, ctx.program, p, draftFromForm(ctx.db, ctx.form, branchId), ctx.clock.now(), u);
    return { toast: { type: 'success', content: t('project.saved', { title: project.title }) }, card: rawCard(listAfter(ctx, project.branchId)) };
  },
});

const onPositionForm = defineAction(projectPositionForm, {
  audience: 'student',
  async run(ctx, { p }) {
    checkUnitWorker(ctx.db, ctx.member);
    const { project } = managedProject(ctx.db, ctx.member, p);
    return { card: rawCard(positionFormCard({ projectId: project.id, project: project.title })) };
  },
});

const onPositionAdd = defineAction(projectAddPosition, {
  audience: 'student',
  async run(ctx, { p }) {
    checkUnitWorker(ctx.db, ctx.member);
    const position = addPosition(ctx.db, ctx.member, p, positionDraftFromForm(ctx.form), ctx.clock.now());
    return { toast: { type: 'success', content: t('position.added', { title: position.title, slots: position.slots }) }, card: rawCard(listAfter(ctx, position.branchId!)) };
  },
});

/** 项目 on a /组织 card: that organisation's project list, with 新建项目 for it. */
const onUnitList = defineAction(projectUnitList, {
  audience: 'student',
  async run(ctx, { u }) {
    checkUnitWorker(ctx.db, ctx.member);
    return { card: rawCard(listCard(ctx, unitForNewProject(ctx.db, ctx.member, u))) };
  },
});

export const command = defineCommand({
  name: 'project',
  aliases: ['项目'],
  summary: 'cmd.project.summary',
  summaryFor: { college_admin: 'cmd.project.college_admin.summary', school_admin: 'cmd.project.school_admin.summary' },
  example: 'cmd.project.example',
  audience: 'secretary',
  args: z.object({}),
  parse: () => ({}),
  async run(ctx) {
    await ctx.reply({ card: listCard(ctx) });
  },
});

export const actions = [onProjectNew, onProjectEdit, onProjectSave, onPositionForm, onPositionAdd, onUnitList];
