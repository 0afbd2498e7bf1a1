/** Cards of positions (岗位): what a member may sign up for, and the secretary's 确认匹配 card. */
import { z } from 'zod';
import type { SignupStatus } from '../db/schema/index.js';
import type { CardJson } from '../feishu/api.js';
import { t } from '../text/zh-CN.js';
import { buttonRow, card, divider, escapeMd, fitting, markdown, type Element } from './primitives.js';
import { cardAction } from './action.js';

// The card actions these cards place (src/cards/action.ts); commands bind their handlers.
/** The position a button acts on. */
const positionRef = z.object({ p: z.number().int().positive() });
export const positionsWithdraw = cardAction('positions.withdraw', positionRef);
export const positionsSignup = cardAction('positions.signup', positionRef);
export const positionsMatch = cardAction('positions.match', positionRef);
export const positionsCollegeForm = cardAction('positions.collegeForm', z.object({}));
export const positionsConfirm = cardAction('positions.confirm', z.object({ s: z.number().int().positive() }));

/** A position the viewer may sign up for (or was confirmed for), with their own status. */
export interface OpenPositionVm {
  id: number;
  title: string;
  project: string | null;
  /** The branch's name, or null for a college-wide position. */
  branch: string | null;
  schedule: string | null;
  slots: number;
  confirmed: number;
  mine?: SignupStatus;
}

/** A position the viewer confirms matches for, with its sign-up counts. */
export interface ManagedPositionVm {
  id: number;
  title: string;
  slots: number;
  confirmed: number;
  waiting: number;
  closed: boolean;
}

function openSection(p: OpenPositionVm): Element[] {
  const line = t('positions.line', {
    title: escapeMd(p.title),
    project: p.project ? t('positions.project', { title: escapeMd(p.project) }) : '',
    unit: p.branch ? escapeMd(p.branch) : t('positions.collegeWide'),
    schedule: p.schedule ? escapeMd(p.schedule) : t('positions.noSchedule'),
    slots: p.slots,
    confirmed: p.confirmed,
  });
  const action =
    p.mine === 'confirmed'
      ? markdown(t('positions.mine.confirmed'))
      : p.mine === 'signed_up'
        ? buttonRow([markdown(t('positions.mine.signed_up')), positionsWithdraw.button(t('positions.withdraw', { title: p.title }), { p: p.id }, 'danger')])
        : positionsSignup.button(t('positions.signUp', { title: p.title }), { p: p.id }, 'primary');
  return [markdown(line), action, divider()];
}

function manageLine(p: ManagedPositionVm): Element[] {
  return [
    markdown(t('positions.manageLine', { title: escapeMd(p.title), waiting: p.waiting, confirmed: p.confirmed, slots: p.slots, closed: p.closed ? t('positions.closedMark') : '' })),
    ...(p.waiting > 0 ? [positionsMatch.button(t('positions.match', { title: p.title }), { p: p.id }, 'primary')] : []),
  ];
}

/**
 * `/岗位`: the open positions of the member's branch and college with 报名 / 撤回报名, and,
 * for whoever confirms matches (`managed` given), the sign-ups of the positions they run.
 */
export function positionsCard(vm: { open: OpenPositionVm[]; managed?: ManagedPositionVm[]; canPublish?: boolean }): CardJson {
  const managed = vm.managed
    ? [markdown(t('positions.manageTitle')), ...(vm.managed.length ? vm.managed.flatMap(manageLine) : [markdown(t('positions.manageEmpty'))])]
    : [];
  // As many open positions as the card holds (their titles and schedules are free text).
  return fitting(vm.open, (open) => card({
    title: t('positions.title'),
    template: 'blue',
    elements: [
      ...(open.length ? open.flatMap(openSection) : [markdown(t('positions.empty')), divider()]),
      ...(vm.open.length > open.length ? [markdown(t('positions.moreOpen', { count: vm.open.length - open.length })), divider()] : []),
      ...managed,
      ...(vm.canPublish ? [positionsCollegeForm.button(t('positions.publish'), {}, 'primary')] : []),
    ],
  }));
}

/** 确认匹配: waiting candidates in the order given (fewest approved hours first), each with 确认. */
export function matchCard(vm: {
  title: string;
  slots: number;
  confirmed: string[];
  closed: boolean;
  candidates: { signupId: number; name: string; hours: number; at: string }[];
  /** Card markdown shown first; the caller escapes any user text in it. */
  note?: string;
}): CardJson {
  const candidates = (shown: readonly (typeof vm.candidates)[number][]) => vm.closed
    ? [markdown(t('positions.closedNote'))]
    : shown.length
      ? [
          ...shown.flatMap((c, i) => [
            markdown(t('positions.candidate', { n: i + 1, name: escapeMd(c.name), hours: c.hours, at: c.at })),
            positionsConfirm.button(t('positions.confirm', { name: c.name }), { s: c.signupId }, 'primary'),
          ]),
          ...(vm.candidates.length > shown.length ? [markdown(t('positions.moreCandidates', { count: vm.candidates.length - shown.length }))] : []),
        ]
      : [markdown(t('positions.noCandidates'))];
  // The first candidates (fewest hours) as many as the card holds; confirming one shows the next.
  return fitting(vm.closed ? [] : vm.candidates, (shown) => card({
    title: t('positions.matchTitle', { title: vm.title }),
    template: vm.closed ? 'grey' : 'orange',
    elements: [
      ...(vm.note ? [markdown(vm.note)] : []),
      markdown(t('positions.matchIntro', { slots: vm.slots, confirmed: vm.confirmed.length })),
      ...(vm.confirmed.length ? [markdown(t('positions.confirmedList', { names: vm.confirmed.map(escapeMd).join('、') }))] : []),
      divider(),
      ...candidates(shown),
    ],
  }));
}
