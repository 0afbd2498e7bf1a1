/** Cards of the students' loop: the log form, the check-in receipt, review cards. */
import { z } from 'zod';
import { ITEMS, LOG_MODES, SERVICE_AREAS, type Item, type LogMode, type ServiceArea } from '../db/schema/index.js';
import type { LogView } from './logView.js';
import type { CardJson } from '../feishu/api.js';
import { t } from '../text/zh-CN.js';
import { communityPicker, buttonRow, image, card, datePicker, divider, escapeMd, fitting, form, input, markdown, select, type Element } from './primitives.js';
import { cardAction } from './action.js';

// The card actions these cards place (src/cards/action.ts); commands bind their handlers.
/** The log a review button decides; `list` when it sits on the /审核 list card. */
const logRef = z.object({ l: z.number().int().positive(), list: z.literal(1).optional() });
export const logSubmit = cardAction('log.submit', z.object({ c: z.number().int().positive().optional() }));
export const checkinCheckout = cardAction('checkin.checkout', z.object({ c: z.number().int().positive() }));
export const reviewApprove = cardAction('review.approve', logRef);
export const reviewRejectAsk = cardAction('review.rejectAsk', logRef);
export const reviewConfirmLink = cardAction('review.confirmLink', z.object({ l: z.number().int().positive() }));
export const reviewReject = cardAction('review.reject', logRef);
export const reviewApproveAll = cardAction('review.approveAll', z.object({ ids: z.string().regex(/^\d+(,\d+){0,49}$/) }));

export interface LogPrefill {
  date?: string;
  item?: Item;
  itemLabel?: string;
  area?: ServiceArea;
  communityId?: number;
  hours?: number;
  mode?: LogMode;
  description?: string;
  /** The 三下乡/返家乡 choice preselected (one of `practices`' values). */
  practice?: string;
}

export interface LogFormVm {
  prefill: LogPrefill;
  communities: { id: number; name: string }[];
  /** The author's branch's projects of the year, to name the one served (none: no dropdown). */
  projects?: { id: number; title: string }[];
  /** In a vacation: none, 返家乡 and the author's 三下乡 teams (none: no dropdown). */
  practices?: { value: string; label: string }[];
  /** What the parser could not read (asked for), and what it was unsure about. */
  missing?: string[];
  ambiguities?: string[];
  /** The check-in the form came from (check-out), for timed hours. */
  checkinId?: number;
  intro?: string;
}

export function logFormCard(vm: LogFormVm): CardJson {
  const p = vm.prefill;
  const notes: Element[] = [];
  if (vm.intro) notes.push(markdown(escapeMd(vm.intro)));
  else if (vm.missing?.length) notes.push(markdown(t('log.formAsk', { missing: vm.missing.join('、') })));
  else notes.push(markdown(t('log.formIntro')));
  if (vm.ambiguities?.length) notes.push(markdown(t('log.ambiguous', { what: vm.ambiguities.map(escapeMd).join('；') })));
  return card({
    title: t('log.formTitle'),
    template: 'turquoise',
    elements: [
      ...notes,
      form(
        'log',
        [
          datePicker('date', t('log.formDate'), p.date),
          select('item', t('log.formItem'), ITEMS.map((i) => ({ value: i, label: t(`item.${i}`) })), { initial: p.item, required: true }),
          input('item_label', t('log.formItemLabel'), { maxLength: 30, value: p.itemLabel }),
          select('area', t('log.formArea'), SERVICE_AREAS.map((a) => ({ value: a, label: t(`area.${a}`) })), { initial: p.area }),
          ...communityPicker(vm.communities, p.communityId, {
            select: t('log.formCommunity'), name: t('log.formCommunityName'), nameOnly: t('log.formCommunityNameOnly'), placeholder: t('log.formCommunityNamePlaceholder'),
          }),
          ...(vm.projects?.length ? [select('project', t('log.formProject'), vm.projects.map((p) => ({ value: String(p.id), label: p.title })))] : []),
          ...(vm.practices?.length ? [select('practice', t('team.formPractice'), vm.practices, { initial: p.practice ?? vm.practices[0]!.value })] : []),
          input('hours', t('log.formHours'), { required: true, maxLength: 5, value: p.hours !== undefined ? String(p.hours) : undefined, placeholder: '2' }),
          select('mode', t('log.formMode'), LOG_MODES.map((m) => ({ value: m, label: t(`mode.${m}`) })), { initial: p.mode ?? 'offline' }),
          input('description', t('log.formDescription'), { required: true, maxLength: 500, value: p.description, multiline: true }),
        ],
        { label: t('log.formSubmit'), value: logSubmit.value({ c: vm.checkinId || undefined }) },
      ),
    ],
  });
}

/** `practice`: the 三下乡 team or 返家乡 line (user text inside: escaped here). */
export function checkinReceiptCard(vm: { id: number; kind: string; site: string; time: string; note?: string; practice?: string; safetyPlan?: string }): CardJson {
  return card({
    title: t('checkin.done', { kind: vm.kind }),
    template: 'green',
    elements: [
      ...(vm.note ? [markdown(escapeMd(vm.note))] : []),
      markdown(t('checkin.receipt', { site: escapeMd(vm.site), time: vm.time })),
      ...(vm.practice ? [markdown(`**${escapeMd(vm.practice)}**`)] : []),
      ...(vm.safetyPlan ? [markdown(t('checkin.safetyPlan', { plan: escapeMd(vm.safetyPlan) }))] : []),
      checkinCheckout.button(t('checkin.checkout'), { c: vm.id }, 'primary'),
    ],
  });
}

function summary(v: LogView): Element[] {
  const out: Element[] = [
    markdown(
      t('review.summary', {
        name: escapeMd(v.authorName),
        unit: escapeMd(v.unit),
        date: v.date,
        item: v.item,
        itemLabel: escapeMd(v.itemLabel),
        hours: v.hours,
        mode: v.mode,
        community: escapeMd(v.community),
        source: v.source,
        evidence: v.evidence ? t('review.evidence', { count: v.evidence }) : '',
      }),
    ),
    ...(v.practice ? [markdown(t('team.reviewLine', { what: escapeMd(v.practice) }))] : []),
    markdown(t('review.description', { description: escapeMd(v.description).replace(/\n/g, '\n> ') })),
  ];
  if (v.distanceKm !== undefined) out.push(markdown(t('review.distance', { km: v.distanceKm })));
  if (v.signals.length) out.push(markdown(`<font color='red'>${t('review.signals', { signals: v.signals.join('；') })}</font>`));
  return out;
}

const RATINGS = [5, 4, 3, 2, 1].map((r) => ({ value: String(r), label: `${r} 分` }));

/**
 * The evidence photos: one across the card, or the first PHOTOS_SHOWN side by side as square
 * thumbnails (a tap opens one large), and how many more there are.
 */
function photoRow(v: LogView): Element[] {
  if (!v.photos.length) return [];
  const alt = (i: number) => t('review.photoAlt', { n: i + 1 });
  const row: Element = v.photos.length === 1
    ? image(v.photos[0]!, alt(0))
    : {
        tag: 'column_set',
        flex_mode: 'none',
        horizontal_spacing: '8px',
        columns: v.photos.map((key, i) => ({ tag: 'column', width: 'auto', elements: [image(key, alt(i), { thumbnail: true })] })),
      };
  const more = v.evidence - v.photos.length;
  return more > 0 ? [row, markdown(t('review.photosMore', { count: more }))] : [row];
}

/** The card a reviewer decides on; `decided` renders it settled, without buttons. */
export function reviewCard(v: LogView, opts: { decided?: string; confirmLink?: boolean } = {}): CardJson {
  const actions: Element[] = opts.decided
    ? [markdown(`**${escapeMd(opts.decided)}**`)]
    : [
        form('review', [select('rating', t('review.rating'), RATINGS, { initial: '4' })], [
          reviewApprove.submit('approve', t('review.approve'), { l: v.id }),
          reviewRejectAsk.submit('reject', t('review.reject'), { l: v.id }, 'danger'),
        ]),
        ...(opts.confirmLink ? [reviewConfirmLink.button(t('review.confirmLink'), { l: v.id })] : []),
      ];
  return card({ title: t('review.title'), template: opts.decided ? 'grey' : 'orange', elements: [...summary(v), ...photoRow(v), divider(), ...actions] });
}

export function rejectReasonCard(v: LogView): CardJson {
  return card({
    title: t('review.rejectTitle'),
    template: 'red',
    elements: [
      ...summary(v),
      form('reject', [input('reason', t('review.rejectReason'), { required: true, maxLength: 200, multiline: true })], { label: t('review.rejectSubmit'), value: reviewReject.value({ l: v.id }) }),
    ],
  });
}

/**
 * `/review`: the pending logs, oldest first, each with its own buttons, and approve-all for
 * those shown. As many of `views` as fit one card (CARD_BUDGET): escaped descriptions of 500
 * characters can be 3 KB each, so ten need not fit; the rest are counted, for the next /审核.
 */
export function reviewListCard(views: LogView[], total: number): CardJson {
  if (total === 0) return card({ title: t('review.listTitle', { count: 0 }), template: 'green', elements: [markdown(t('review.listEmpty'))] });
  // One log always fits (a description is at most 500 characters); more while the card still does.
  return fitting(views, (shown) => {
    const pending = shown.filter((v) => v.status === 'pending');
    const sections = shown.flatMap((v) => [
      ...summary(v),
      v.status === 'pending'
        ? buttonRow([reviewApprove.button(t('review.approve'), { l: v.id, list: 1 }, 'primary'), reviewRejectAsk.button(t('review.reject'), { l: v.id }, 'danger')])
        : markdown(`**${t(`status.${v.status}`)}**`),
      divider(),
    ]);
    return card({
      title: t('review.listTitle', { count: total }),
      template: 'orange',
      elements: [
        ...sections,
        ...(total > shown.length ? [markdown(t('review.more', { count: total - shown.length }))] : []),
        ...(pending.length > 1 ? [reviewApproveAll.button(t('review.approveAll', { count: pending.length }), { ids: pending.map((v) => v.id).join(',') }, 'primary_filled')] : []),
      ],
    });
  });
}
