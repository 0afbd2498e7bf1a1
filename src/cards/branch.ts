/** The branch dashboard card (/支部). Pure builder over {@link BranchStatus}; names are escaped. */
import { z } from 'zod';
import { FOUR_ITEMS } from '../db/schema/index.js';
import type { BranchStatus, DeadlineStatus } from '../domain/branchStatus.js';
import type { CardJson } from '../feishu/api.js';
import { t } from '../text/zh-CN.js';
import { card, divider, escapeMd, markdown, subtitle, type Element } from './primitives.js';
import { cardAction } from './action.js';

// The card actions these cards place (src/cards/action.ts); commands bind their handlers.
export const branchRefresh = cardAction('branch.refresh', z.object({ b: z.number().int().positive() }));

/** Enough names to act on without the card growing past a phone screen or two. */
const MAX_IDLE_NAMES = 30;

function pairingSection(s: BranchStatus): string {
  const p = s.pairing;
  if (!p) return t('branch.noPairing');
  const place = [p.community.level ? t(`community.level.${p.community.level}`) : '', p.community.region ? escapeMd(p.community.region) : ''].filter(Boolean);
  const lines = [
    t('branch.pairing', {
      community: escapeMd(p.community.name),
      mark: p.priority ? `  <font color='green'>**${t('pairing.priorityMark')}**</font>` : '',
      status: `${t(`pairing.status.${p.status}`)}${p.signedOn ? ` · ${t('pairing.signedOn', { date: p.signedOn })}` : ''}`,
      place: place.length ? ` · ${place.join(' · ')}` : '',
      // Names only: the dashboard may be asked for in a group chat; the phone is on the pairing card.
      contact: p.contactName ? ` · ${t('pairing.contact', { name: escapeMd(p.contactName), phone: '' }).trim()}` : '',
      agreement: p.agreementFileName ? t('pairing.agreement', { file: escapeMd(p.agreementFileName) }) : t('pairing.noAgreement'),
    }),
  ];
  if (p.sharedReason) lines.push(t('branch.pairingShared', { branches: escapeMd(p.sharedWith.join('、') || '其他团支部'), reason: escapeMd(p.sharedReason) }));
  return lines.join('\n');
}

function deadlineLine(d: DeadlineStatus): string {
  const base = { label: t(`branch.deadline.${d.key}`), deadline: d.deadline };
  switch (d.state.kind) {
    case 'met':
    case 'late':
      return t(`branch.state.${d.state.kind}`, { ...base, done: t(`branch.done.${d.key}`, { date: d.state.doneOn }) });
    case 'missed':
      return t('branch.state.missed', base);
    case 'open':
      return d.state.daysLeft === 0 ? t('branch.state.today', base) : t('branch.state.open', { ...base, days: d.state.daysLeft });
  }
}

export function branchCard(s: BranchStatus): CardJson {
  const done = FOUR_ITEMS.filter((i) => s.fourItems[i]).length;
  const idleNames = s.idle.slice(0, MAX_IDLE_NAMES).map(escapeMd).join('、') + (s.idle.length > MAX_IDLE_NAMES ? ` ${t('branch.idleMore', { count: s.idle.length })}` : '');
  const sections: string[] = [
    // The year does not fit the header's one subtitle line next to the college and the date.
    t('branch.subtitleYear', { year: s.programYear }),
    pairingSection(s),
    ...(s.pastPairings.length
      ? [t('branch.pastPairings', { list: s.pastPairings.map((p) => t('branch.pastPairing', { community: escapeMd(p.community), from: p.from ?? '—', to: p.to ?? '—' })).join('；') })]
      : []),
    s.projects.length
      ? t('branch.projects', { count: s.projects.length, list: s.projects.map((p) => `${escapeMd(p.title)}（${t(`area.${p.area}`)}）`).join('、') })
      : t('branch.noProjects'),
    s.positions.count ? t('branch.positions', s.positions) : t('branch.noPositions'),
  ];
  const progress: string[] = [
    t('branch.fourItems', { done, items: FOUR_ITEMS.map((i) => `${s.fourItems[i] ? '✅' : '⬜'} ${t(`item.${i}`)}`).join(' · ') }),
    t('branch.hours', { hours: s.approvedHours, members: s.memberCount - s.idle.length }),
    s.idle.length ? t('branch.idle', { count: s.idle.length, total: s.memberCount, names: idleNames }) : t('branch.idleNone'),
    s.pending.count ? t('branch.pending', { count: s.pending.count, days: s.pending.oldestDays }) : t('branch.pendingNone'),
  ];
  const elements: Element[] = [
    markdown(sections.join('\n')),
    divider(),
    markdown(progress.join('\n')),
    divider(),
    markdown([t('branch.deadlines'), ...s.deadlines.map(deadlineLine)].join('\n')),
    branchRefresh.button(t('branch.refresh'), { b: s.branch.id }),
  ];
  return card({
    title: t('branch.title', { branch: s.branch.name }),
    subtitle: subtitle((college) => t('branch.subtitle', { college, today: s.today }), s.branch.college),
    template: s.deadlines.some((d) => d.state.kind === 'missed') ? 'red' : 'blue',
    elements,
  });
}
