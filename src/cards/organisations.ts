/**
 * The /组织 card: the student organisations the reader sees, each with its pairing and project
 * count and the buttons into the branches' own pairing and project flows for that unit (the
 * unit id rides in the button and is judged again, from the database, on the click).
 */
import type { PairingStatus } from '../db/schema/index.js';
import type { CardJson } from '../feishu/api.js';
import { t } from '../text/zh-CN.js';
import { pairingOpen } from './pairing.js';
import { buttonRow, card, divider, escapeMd, fitting, markdown, type Element } from './primitives.js';
import { projectUnitList } from './projects.js';

export interface OrganisationVm {
  id: number;
  name: string;
  /** The kind's label (学生会 …). */
  kind: string;
  college: string;
  leader: string | null;
  pairing: { status: PairingStatus; community: string } | null;
  projects: number;
}

export interface OrganisationListVm {
  scope: string;
  organisations: OrganisationVm[];
  /** A 团总支 or the 团委: how to create one and change its responsible member. */
  canManage: boolean;
  /** What the command just did (user text inside: escaped here). */
  note?: string;
}

function entry(v: OrganisationVm): Element[] {
  return [
    markdown(t('org.entry', {
      name: escapeMd(v.name),
      kind: v.kind,
      college: escapeMd(v.college),
      leader: v.leader ? escapeMd(v.leader) : t('org.noLeader'),
      pairing: v.pairing ? t('org.pairingLine', { community: escapeMd(v.pairing.community), status: t(`pairing.status.${v.pairing.status}`) }) : t('org.pairingNone'),
      projects: v.projects,
    })),
    buttonRow([
      pairingOpen.button(t('org.pairingButton', { name: v.name }), { u: v.id }, 'primary'),
      projectUnitList.button(t('org.projectsButton', { name: v.name }), { u: v.id }),
    ]),
  ];
}

/** As many organisations as fit one card; the rest are counted. */
export function organisationListCard(vm: OrganisationListVm): CardJson {
  const empty = markdown(vm.canManage ? t('org.listEmpty') : t('org.listEmptyMine'));
  return fitting(vm.organisations, (shown) => {
    const listed = shown.length ? shown.flatMap((v, i) => (i ? [divider(), ...entry(v)] : entry(v))) : [empty];
    const more = vm.organisations.length - shown.length;
    return card({
      title: t('org.listTitle', { scope: vm.scope }),
      template: 'wathet',
      elements: [
        ...(vm.note ? [markdown(escapeMd(vm.note)), divider()] : []),
        ...listed,
        ...(more > 0 ? [markdown(t('org.more', { count: more }))] : []),
        ...(vm.canManage ? [divider(), markdown(t('org.manageHint'))] : []),
      ],
    });
  });
}
