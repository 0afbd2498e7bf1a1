/**
 * Cards of the pairing flow (PRODUCT.md §5): the new-pairing form, the completion card of an
 * active pairing (edit form, 上传协议, 结束结对), the end confirmation and the note to the
 * college admin about a shared community. Pure builders; user text is escaped.
 */
import { z } from 'zod';
import { COMMUNITY_LEVELS, COMMUNITY_TAGS, type CommunityLevel, type CommunityTag } from '../db/schema/index.js';
import type { PairingView } from '../domain/pairings.js';
import type { CardJson } from '../feishu/api.js';
import { t } from '../text/zh-CN.js';
import { buttonRow, card, datePicker, escapeMd, form, input, markdown, multiSelect, select, type Element } from './primitives.js';
import { cardAction } from './action.js';

// The card actions these cards place (src/cards/action.ts); commands bind their handlers.
/** The pairing a button acts on. */
const pairingRef = z.object({ p: z.number().int().positive() });
/** The unit a card works for when it is not the actor's own branch (a student organisation's, from /组织). */
const unitRef = z.object({ u: z.number().int().positive() });
export const pairingCreate = cardAction('pairing.create', unitRef.partial());
export const pairingOpen = cardAction('pairing.open', unitRef);
export const pairingSave = cardAction('pairing.save', pairingRef);
export const pairingAwaitFile = cardAction('pairing.awaitFile', pairingRef);
export const pairingEndAsk = cardAction('pairing.endAsk', pairingRef);
export const pairingEnd = cardAction('pairing.end', pairingRef);
export const pairingShow = cardAction('pairing.view', pairingRef);

/** What the forms show: the submitted or stored values. */
export interface PairingPrefill {
  community?: string;
  signedOn?: string | null;
  level?: CommunityLevel | null;
  region?: string | null;
  tags?: CommunityTag[];
  contactName?: string | null;
  contactPhone?: string | null;
  sharedReason?: string | null;
}

const LEVEL_OPTIONS = () => COMMUNITY_LEVELS.map((l) => ({ value: l, label: t(`community.level.${l}`) }));

/** The fields both forms share: the community's details, the contact and, when asked for, the reason. */
function detailFields(p: PairingPrefill, askReason: boolean): Element[] {
  return [
    datePicker('signed_on', t('pairing.formSignedOn'), p.signedOn ?? undefined),
    select('level', t('pairing.formLevel'), LEVEL_OPTIONS(), { initial: p.level ?? undefined }),
    input('region', t('pairing.formRegion'), { maxLength: 60, value: p.region ?? undefined, placeholder: '锦州市古塔区' }),
    multiSelect('tags', t('pairing.formTags'), COMMUNITY_TAGS.map((tag) => ({ value: tag, label: t(`community.tag.${tag}`) })), { selected: p.tags ?? [] }),
    input('contact_name', t('pairing.formContactName'), { maxLength: 40, value: p.contactName ?? undefined }),
    input('contact_phone', t('pairing.formContactPhone'), { maxLength: 20, value: p.contactPhone ?? undefined, placeholder: '13800001234' }),
    ...(askReason ? [input('shared_reason', t('pairing.formReason'), { required: true, maxLength: 200, multiline: true, value: p.sharedReason ?? undefined })] : []),
  ];
}

/**
 * `/结对` with nothing active: the form for a new pairing. With `sharedWith` the community is
 * already paired elsewhere and the form asks why. With `unit` the pairing is that unit's (a
 * student organisation's), not the actor's branch: its id rides in the submit button and is
 * checked again on the click.
 */
export function newPairingCard(vm: { prefill: PairingPrefill; sharedWith?: string[]; sharedCommunity?: string; unit?: { id: number; name: string } }): CardJson {
  const shared = (vm.sharedWith?.length ?? 0) > 0;
  const notes = shared
    ? [markdown(t('pairing.sharedAsk', { community: escapeMd(vm.sharedCommunity ?? vm.prefill.community ?? ''), branches: escapeMd(vm.sharedWith!.join('、')) }))]
    : [markdown(vm.unit ? t('org.pairingIntro', { unit: escapeMd(vm.unit.name) }) : t('pairing.formIntro'))];
  return card({
    title: t('pairing.titleNew'),
    template: shared ? 'orange' : 'blue',
    elements: [
      ...notes,
      form('pairing', [input('community', t('pairing.formCommunity'), { required: true, maxLength: 60, value: vm.prefill.community, placeholder: '幸福社区' }), ...detailFields(vm.prefill, shared)], {
        label: t('pairing.formCreate'),
        value: pairingCreate.value({ u: vm.unit?.id }),
      }),
    ],
  });
}

/** The lines describing a pairing, shared by its cards. */
function pairingLines(v: PairingView): string[] {
  const place = [v.community.level ? t(`community.level.${v.community.level}`) : '', v.community.region ? escapeMd(v.community.region) : ''].filter(Boolean).join(' · ');
  const otherTags = v.community.tags.filter((tag) => tag !== 'rural_revitalization_county').map((tag) => t(`community.tag.${tag}`));
  const lines = [
    t('pairing.summary', {
      branch: escapeMd(v.branch),
      community: escapeMd(v.community.name),
      status: t(`pairing.status.${v.status}`),
      signed: v.signedOn ? ` · ${t('pairing.signedOn', { date: v.signedOn })}` : '',
    }),
  ];
  if (v.priority) lines.push(`<font color='green'>**${t('pairing.priorityMark')}**</font>`);
  if (place) lines.push(place);
  if (otherTags.length) lines.push(t('pairing.tags', { tags: otherTags.join('、') }));
  if (v.contactName || v.contactPhone) lines.push(t('pairing.contact', { name: escapeMd(v.contactName ?? ''), phone: escapeMd(v.contactPhone ?? '') }).trim());
  lines.push(v.agreementFileName ? t('pairing.agreement', { file: escapeMd(v.agreementFileName) }) : t('pairing.noAgreement'));
  if (v.sharedReason) lines.push(t('pairing.sharedWith', { branches: escapeMd(v.sharedWith.join('、') || '其他团支部'), reason: escapeMd(v.sharedReason) }));
  return lines;
}

/** The card of a pairing: to complete while active, settled once ended. */
export function pairingCard(v: PairingView, opts: { note?: string } = {}): CardJson {
  const head: Element[] = [...(opts.note ? [markdown(escapeMd(opts.note))] : []), markdown(pairingLines(v).join('\n'))];
  const title = t('pairing.title', { community: v.community.name });
  if (v.status === 'ended') {
    return card({ title, template: 'grey', elements: [...head, markdown(`**${t('pairing.endedLine', { date: v.endedOn ?? '' })}**`)] });
  }
  const prefill: PairingPrefill = { signedOn: v.signedOn, level: v.community.level, region: v.community.region, tags: v.community.tags, contactName: v.contactName, contactPhone: v.contactPhone, sharedReason: v.sharedReason };
  return card({
    title,
    template: v.priority ? 'green' : v.status === 'draft' ? 'orange' : 'blue',
    elements: [
      ...head,
      form('pairing', detailFields(prefill, v.sharedReason !== null), { label: t('pairing.formSave'), value: pairingSave.value({ p: v.id }) }),
      buttonRow([pairingAwaitFile.button(t('pairing.upload'), { p: v.id }), pairingEndAsk.button(t('pairing.end'), { p: v.id }, 'danger')]),
    ],
  });
}

/** 结束结对 asks first: ending is kept as history but takes the pairing off every count. */
export function endConfirmCard(v: PairingView): CardJson {
  return card({
    title: t('pairing.endTitle'),
    template: 'red',
    elements: [
      markdown(t('pairing.endConfirm', { branch: escapeMd(v.branch), community: escapeMd(v.community.name) })),
      buttonRow([pairingEnd.button(t('pairing.endYes'), { p: v.id }, 'danger'), pairingShow.button(t('pairing.endNo'), { p: v.id })]),
    ],
  });
}

/** To the college admin: a second branch paired with an already-paired community, and why. */
export function sharedNoticeCard(v: PairingView, vm: { others: string[]; actor: string }): CardJson {
  return card({
    title: t('pairing.noticeTitle'),
    template: 'orange',
    elements: [
      markdown(
        t('pairing.adminNotice', {
          college: escapeMd(v.college),
          branch: escapeMd(v.branch),
          community: escapeMd(v.community.name),
          others: escapeMd(vm.others.join('、')),
          reason: escapeMd(v.sharedReason ?? ''),
          actor: escapeMd(vm.actor),
        }),
      ),
      ...(v.priority ? [markdown(t('pairing.priorityMark'))] : []),
    ],
  });
}
