/** Cards of the community confirmation: the link for the reviewer, and the note when it is used. */
import type { ConfirmationSummary } from '../domain/confirmations.js';
import type { CardJson } from '../feishu/api.js';
import { confirmationView } from './logView.js';
import { t } from '../text/zh-CN.js';
import { card, escapeMd, image, markdown, type Element } from './primitives.js';

export interface ConfirmLinkVm {
  url: string;
  /** The QR code of `url`, uploaded (image_key). */
  imageKey: string;
  summary: ConfirmationSummary;
  /** Local date-time the link stops working, already formatted. */
  expires: string;
}

/** Sent privately to the reviewer who asked: the link, its QR code and how to use it. */
export function confirmLinkCard(vm: ConfirmLinkVm): CardJson {
  const s = confirmationView(vm.summary);
  return card({
    title: t('confirm.cardTitle'),
    template: 'turquoise',
    elements: [
      markdown(t('confirm.cardIntro', { community: escapeMd(s.community), name: escapeMd(s.studentName), date: s.date, item: escapeMd(s.item), hours: s.hours })),
      // The URL is ours (base URL + base64url token): nothing in it needs escaping.
      markdown(t('confirm.cardLink', { url: vm.url })),
      image(vm.imageKey, t('confirm.cardQrAlt')),
      markdown(`<font color='grey'>${t('confirm.cardNote', { expires: vm.expires })}</font>`),
    ],
  });
}

/** Sent to the reviewer(s) once the community contact has confirmed. */
export function communityConfirmedCard(vm: { summary: ConfirmationSummary; rating: number; comment: string | null }): CardJson {
  const s = confirmationView(vm.summary);
  const elements: Element[] = [
    markdown(
      t('confirm.notifyBody', {
        name: escapeMd(s.studentName),
        unit: escapeMd(s.unit),
        date: s.date,
        item: escapeMd(s.item),
        hours: s.hours,
        community: escapeMd(s.community),
        rating: vm.rating,
        ratingLabel: t(`confirm.rating.${vm.rating as 1 | 2 | 3 | 4 | 5}`),
      }),
    ),
  ];
  // The comment comes from an unauthenticated page: escaped like any user text.
  if (vm.comment) elements.push(markdown(t('confirm.notifyComment', { comment: escapeMd(vm.comment).replace(/\n/g, ' ') })));
  return card({ title: t('confirm.notifyTitle'), template: 'green', elements });
}
