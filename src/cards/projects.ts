/** Cards of the project list (项目清单): the list, the project form and the position form. */
import { z } from 'zod';
import { ITEMS, SERVICE_AREAS, type Item, type ServiceArea } from '../db/schema/index.js';
import type { CardJson } from '../feishu/api.js';
import { t } from '../text/zh-CN.js';
import { communityPicker, buttonRow, card, datePicker, divider, escapeMd, fitting, form, input, markdown, multiSelect, select, type Element } from './primitives.js';
import { cardAction } from './action.js';

// The card actions these cards place (src/cards/action.ts); commands bind their handlers.
/** The project a button acts on. */
const projectRef = z.object({ p: z.number().int().positive() });
/** The unit a new project is for when it is not the actor's own branch (a student organisation's, from /组织). */
const unitId = z.number().int().positive().optional();
export const projectEdit = cardAction('project.edit', projectRef);
export const projectPositionForm = cardAction('project.positionForm', projectRef);
export const projectNew = cardAction('project.new', z.object({ u: unitId }));
export const projectSave = cardAction('project.save', z.object({ p: z.number().int().positive().optional(), u: unitId }));
/** One unit's project list (a student organisation's, from /组织). */
export const projectUnitList = cardAction('project.unitList', z.object({ u: z.number().int().positive() }));
export const projectAddPosition = cardAction('project.addPosition', projectRef);
export const positionsAddCollege = cardAction('positions.addCollege', z.object({}));

/** A position as the project list shows it. */
export interface PositionLineVm {
  title: string;
  schedule: string | null;
  slots: number;
  confirmed: number;
  waiting: number;
  closed: boolean;
}

/** A project as the list card shows it (user text unescaped; the card escapes it). */
export interface ProjectVm {
  id: number;
  title: string;
  branch: string;
  area: ServiceArea;
  items: { item: Item; label: string | null }[];
  start: string | null;
  end: string | null;
  community: string | null;
  goals: string | null;
  tasks: string | null;
  responsibilities: string | null;
  members: string[];
  positions: PositionLineVm[];
  /** Logs that named the project: approved (and their hours) and pending. */
  progress: { logs: number; hours: number; pending: number };
}

const itemLabel = (i: { item: Item; label: string | null }) => (i.item === 'x' && i.label ? `X：${escapeMd(i.label)}` : t(`item.${i.item}`));

function projectSection(p: ProjectVm): Element[] {
  const lines = [
    t('project.head', {
      title: escapeMd(p.title),
      branch: escapeMd(p.branch),
      area: t(`area.${p.area}`),
      items: p.items.map(itemLabel).join('、'),
      start: p.start ?? '—',
      end: p.end ?? '—',
      community: p.community ? t('project.community', { name: escapeMd(p.community) }) : '',
    }),
  ];
  if (p.goals) lines.push(t('project.goals', { text: escapeMd(p.goals) }));
  if (p.tasks) lines.push(t('project.tasks', { text: escapeMd(p.tasks) }));
  if (p.responsibilities) lines.push(t('project.responsibilities', { text: escapeMd(p.responsibilities) }));
  lines.push(p.members.length ? t('project.members', { names: p.members.map(escapeMd).join('、') }) : t('project.noMembers'));
  lines.push(t('project.progress', p.progress));
  if (p.positions.length) {
    lines.push(t('project.positionsHead'));
    for (const pos of p.positions) {
      lines.push(
        t('project.positionLine', {
          title: escapeMd(pos.title),
          schedule: pos.schedule ? escapeMd(pos.schedule) : t('positions.noSchedule'),
          confirmed: pos.confirmed,
          slots: pos.slots,
          waiting: pos.waiting,
          closed: pos.closed ? t('positions.closedMark') : '',
        }),
      );
    }
  } else lines.push(t('project.noPositions'));
  return [
    markdown(lines.join('\n')),
    buttonRow([
      projectEdit.button(t('project.edit', { title: p.title }), { p: p.id }),
      projectPositionForm.button(t('project.addPosition', { title: p.title }), { p: p.id }, 'primary'),
    ]),
    divider(),
  ];
}

/**
 * `/项目`: the projects in the viewer's scope, each with 编辑 and 添加岗位, and 新建项目 (for
 * `unitId`, a student organisation, when the list is that unit's).
 */
export function projectListCard(vm: { scope: string; deadline: string; projects: ProjectVm[]; more: number; canCreate: boolean; unitId?: number }): CardJson {
  // As many projects as the card holds: goals, tasks and responsibilities are up to 500 characters each.
  return fitting(vm.projects, (projects) => card({
    title: t('project.listTitle', { scope: vm.scope }),
    template: 'blue',
    elements: [
      markdown(t('project.deadline', { date: vm.deadline })),
      ...(projects.length ? projects.flatMap(projectSection) : [markdown(t('project.listEmpty'))]),
      ...(vm.more + vm.projects.length - projects.length > 0 ? [markdown(t('project.more', { count: vm.more + vm.projects.length - projects.length }))] : []),
      ...(vm.canCreate ? [projectNew.button(t('project.new'), { u: vm.unitId }, 'primary_filled')] : []),
    ],
  }));
}

/** What the project form starts with. */
export interface ProjectPrefill {
  title?: string;
  area?: ServiceArea;
  items?: Item[];
  xLabel?: string;
  goals?: string;
  tasks?: string;
  responsibilities?: string;
  start?: string;
  end?: string;
  communityId?: number;
  memberIds?: number[];
}

/** A member the group dropdown offers; `sameNameIndex` tells apart two members of one name. */
export interface MemberOptionVm {
  id: number;
  name: string;
  sameNameIndex?: number;
}

/**
 * The project form, empty (新建) or prefilled from a project (`projectId`, 编辑). `members` is the
 * bounded group dropdown (domain/memberPicker: the current group first); `unlistedMembers`
 * counts the branch's members left out of it, whom the secretary types by name or 学号.
 */
export function projectFormCard(vm: { projectId?: number; unitId?: number; prefill: ProjectPrefill; members: MemberOptionVm[]; unlistedMembers?: number; communities: { id: number; name: string }[] }): CardJson {
  const p = vm.prefill;
  return card({
    title: vm.projectId ? t('project.formEdit') : t('project.formNew'),
    template: 'turquoise',
    elements: [
      markdown(t('project.formIntro')),
      form(
        'project',
        [
          input('title', t('project.fieldTitle'), { required: true, maxLength: 60, value: p.title }),
          select('area', t('project.fieldArea'), SERVICE_AREAS.map((a) => ({ value: a, label: t(`area.${a}`) })), { initial: p.area, required: true }),
          multiSelect('items', t('project.fieldItems'), ITEMS.map((i) => ({ value: i, label: t(`item.${i}`) })), { selected: p.items, required: true }),
          input('x_label', t('project.fieldXLabel'), { maxLength: 30, value: p.xLabel }),
          input('goals', t('project.fieldGoals'), { maxLength: 500, value: p.goals, multiline: true }),
          input('tasks', t('project.fieldTasks'), { maxLength: 500, value: p.tasks, multiline: true }),
          input('responsibilities', t('project.fieldResponsibilities'), { maxLength: 500, value: p.responsibilities, multiline: true }),
          datePicker('start', t('project.fieldStart'), p.start),
          datePicker('end', t('project.fieldEnd'), p.end),
          ...communityPicker(vm.communities, p.communityId, {
            select: t('project.fieldCommunity'), name: t('project.fieldCommunityName'), nameOnly: t('project.fieldCommunityNameOnly'), placeholder: t('project.communityNamePlaceholder'),
          }),
          // The group: a bounded dropdown (every option is a component of the card's 200) and
          // typed names or 学号 for the rest of the branch; both together make the group.
          ...(vm.members.length
            ? [
                multiSelect(
                  'members',
                  vm.unlistedMembers ? t('project.fieldMembersSome', { more: vm.unlistedMembers }) : t('project.fieldMembers'),
                  vm.members.map((m) => ({ value: String(m.id), label: m.sameNameIndex ? t('project.memberOption', { name: m.name, n: m.sameNameIndex }) : m.name })),
                  { selected: p.memberIds?.map(String), required: false },
                ),
              ]
            : []),
          input('member_names', t('project.fieldMemberNames'), { maxLength: 1000, placeholder: t('project.memberNamesPlaceholder') }),
        ],
        { label: t('project.submit'), value: projectSave.value({ p: vm.projectId || undefined, u: vm.projectId ? undefined : vm.unitId }) },
      ),
    ],
  });
}

/** 添加岗位 under a project, or (no projectId) a position for the whole college. */
export function positionFormCard(vm: { projectId?: number; project: string; prefill?: { title?: string; slots?: string; schedule?: string } }): CardJson {
  const p = vm.prefill ?? {};
  return card({
    title: t('position.formTitle'),
    template: 'turquoise',
    elements: [
      markdown(vm.projectId ? t('position.formIntro', { project: escapeMd(vm.project) }) : t('positions.collegeIntro', { college: escapeMd(vm.project) })),
      form(
        'position',
        [
          input('title', t('position.fieldTitle'), { required: true, maxLength: 40, value: p.title }),
          input('slots', t('position.fieldSlots'), { required: true, maxLength: 2, value: p.slots, placeholder: '3' }),
          input('schedule', t('position.fieldSchedule'), { maxLength: 60, value: p.schedule }),
        ],
        { label: t('position.submit'), value: vm.projectId ? projectAddPosition.value({ p: vm.projectId }) : positionsAddCollege.value({}) },
      ),
    ],
  });
}
