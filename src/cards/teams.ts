/** The /三下乡 card: the teams the reader sees and, for a 团总支 or the 团委, the form to form one. */
import { z } from 'zod';
import type { CardJson } from '../feishu/api.js';
import { t } from '../text/zh-CN.js';
import { cardAction } from './action.js';
import { card, divider, escapeMd, fitting, form, input, markdown, type Element } from './primitives.js';

// The card action this card places (src/cards/action.ts); commands/team.ts binds its handler.
export const teamCreate = cardAction('team.create', z.object({}));

export interface TeamVm {
  name: string;
  college: string;
  leader: string;
  destination: string;
  /** Whether the destination matched a known community. */
  matched: boolean;
  members: string[];
}

export interface TeamListVm {
  scope: string;
  teams: TeamVm[];
  /** A 团总支 or the 团委: the create form and how to change members. */
  canManage: boolean;
  /** Nothing to list: whether the reader is only looking for their own teams. */
  mine: boolean;
  /** What the command just did (user text inside: escaped here). */
  note?: string;
}

function entry(v: TeamVm): Element {
  return markdown(
    t('team.entry', {
      name: escapeMd(v.name),
      college: escapeMd(v.college),
      leader: escapeMd(v.leader),
      destination: escapeMd(v.destination),
      matched: v.matched ? t('team.matched') : '',
      count: v.members.length,
      members: v.members.length ? v.members.map(escapeMd).join('、') : t('team.none'),
    }),
  );
}

function createForm(): Element {
  return form(
    'team',
    [
      input('name', t('team.formName'), { required: true, maxLength: 30 }),
      input('leader', t('team.formLeader'), { required: true, maxLength: 40 }),
      input('destination', t('team.formDestination'), { required: true, maxLength: 60 }),
      input('members', t('team.formMembers'), { maxLength: 1000, multiline: true }),
    ],
    { label: t('team.formSubmit'), value: teamCreate.value({}) },
  );
}

/** As many teams as fit one card; the rest are counted. */
export function teamListCard(vm: TeamListVm): CardJson {
  const empty = markdown(vm.mine ? t('team.listEmptyMine') : t('team.listEmpty'));
  return fitting(vm.teams, (shown) => {
    const listed = shown.length ? shown.flatMap((v, i) => (i ? [divider(), entry(v)] : [entry(v)])) : [empty];
    const more = vm.teams.length - shown.length;
    return card({
      title: t('team.listTitle', { scope: vm.scope }),
      template: 'wathet',
      elements: [
        ...(vm.note ? [markdown(escapeMd(vm.note)), divider()] : []),
        ...listed,
        ...(more > 0 ? [markdown(t('team.more', { count: more }))] : []),
        ...(vm.canManage ? [divider(), markdown(t('team.manageHint')), createForm()] : []),
      ],
    });
  });
}
