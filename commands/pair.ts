import path from 'node:path';
import { z } from 'zod';
import type { ActionContext, BaseContext, HookContext } from '../src/bot/context.js';
import type { Member } from '../src/db/schema/index.js';
import { pairingCreate, pairingSave, pairingAwaitFile, pairingEndAsk, pairingEnd, pairingShow, pairingOpen } from '../src/cards/pairing.js';
import { defineAction, defineCommand } from '../src/bot/define.js';
import { toast } from '../src/bot/router.js';
import { endConfirmCard, newPairingCard, pairingCard, sharedNoticeCard } from '../src/cards/pairing.js';
import type { Pairing } from '../src/db/schema/index.js';
import { findCommunity } from '../src/domain/communities.js';
import { UserError } from '../src/domain/errors.js';
import { downloadFile, uploadAgain } from '../src/app/files.js';
import {
  activePairingOf, createPairing, endPairing, mayManage, otherBranchesPairedWith,
  pairingById, pairingView, sharedPairingAudience, updatePairing, validPairingDraft, type PairingDraft,
} from '../src/domain/pairings.js';
import { readSignedDate } from '../src/app/pairing.js';
import { today } from '../src/time.js';
import { t } from '../src/text/zh-CN.js';
import { render } from '../src/text/message.js';
import { attachAgreement, expectAgreement, pairingAwaitingFile } from '../src/domain/agreements.js';
import { checkUnitWorker, unitById } from '../src/domain/organisations.js';

/** A last word made only of digits and date separators, or a relative day, is the signed date. */
const DATE_LIKE = /^(?:(?=.*[\d０-９])[\d０-９\-/.年月日号－／．]+|今天|今日|昨天|昨日|前天)$/;

const text = (v: unknown) => (typeof v === 'string' ? v : undefined);

/** form_value → the pairing draft the one validation checks (the date picker sends "2026-11-20 +0800"). */
function draftFromForm(form: Record<string, unknown>): Record<string, unknown> {
  const signed = text(form.signed_on)?.trim();
  const tags = form.tags;
  return {
    community: form.community,
    signedOn: signed ? signed.split(' ')[0] : null,
    level: form.level,
    region: form.region,
    // A multi-select sends an array; a single value is accepted as one tag.
    tags: tags === undefined || tags === '' ? undefined : typeof tags === 'string' ? [tags] : tags,
    contactName: form.contact_name,
    contactPhone: form.contact_phone,
    sharedReason: form.shared_reason,
  };
}


/** A card answer that replaces the clicked card, with an optional toast. */
function answer(card: ReturnType<typeof pairingCard>, message?: string, type: 'success' | 'info' | 'error' = 'success') {
  return { ...(message ? toast(type, message) : {}), card: { type: 'raw' as const, data: card } };
}

/** The pairing of a card, if the clicker may act on it (judged from the database, not the card). */
function clicked(ctx: ActionContext<Member>, id: number): Pairing {
  const pairing = pairingById(ctx.db, id);
  if (!pairing) throw new UserError('pairing.notFound');
  if (!mayManage(ctx.db, ctx.member, pairing.branchId)) throw new UserError('pairing.forbidden');
  return pairing;
}

/** Tells the college admin why a second branch paired with this community. The pairing is stored already. */
async function tellShared(ctx: BaseContext<Member>, pairing: Pairing): Promise<void> {
  const view = pairingView(ctx.db, pairing);
  const others = otherBranchesPairedWith(ctx.db, pairing.communityId, pairing.branchId);
  for (const admin of sharedPairingAudience(ctx.db, pairing.branchId)) {
    if (admin.id === ctx.member.id) continue;
    try {
      await ctx.notify(admin.openId, { card: sharedNoticeCard(view, { others, actor: ctx.member.name }) });
    } catch (err) {
      ctx.log.warn({ eventId: ctx.eventId, pairingId: pairing.id, err: (err as Error).message }, 'could not tell the college admin about a shared pairing');
    }
  }
}

function recordedNote(ctx: BaseContext<Member>, pairing: Pairing): string {
  const v = pairingView(ctx.db, pairing);
  return t('pairing.recorded', { branch: v.branch, community: v.community.name, signed: v.signedOn ? t('pairing.signedOn', { date: v.signedOn }) : t('pairing.draftNote') });
}

/**
 * The form again, now asking for the reason, when the community turned out to be paired
 * elsewhere; for `unitId` (a student organisation's form) it stays that unit's form.
 */
function askReasonCard(ctx: BaseContext<Member>, draft: PairingDraft, unitId?: number) {
  const community = findCommunity(ctx.db, draft.community ?? '');
  const sharedWith = community ? otherBranchesPairedWith(ctx.db, community.id, unitId ?? ctx.member.branchId ?? -1) : [];
  const unit = unitId !== undefined ? unitById(ctx.db, unitId) : undefined;
  return newPairingCard({ prefill: draft, sharedWith, sharedCommunity: community?.name, unit: unit && { id: unit.id, name: unit.name } });
}

// The pairing card actions admit students: an organisation's responsible member may be one
// (checkUnitWorker refuses every other student as before; mayManage judges the unit).

/**
 * 保存结对 on the new-pairing form (for the unit it names, else the actor's branch); a shared
 * community without a reason gets the form back, asking for it.
 */
const onPairingCreate = defineAction(pairingCreate, {
  audience: 'student',
  async run(ctx, { u }) {
    checkUnitWorker(ctx.db, ctx.member);
    const draft = validPairingDraft(draftFromForm(ctx.form));
    let outcome;
    try {
      outcome = createPairing(ctx.db, ctx.member, ctx.program, draft, ctx.when, { details: true, unitId: u });
    } catch (err) {
      if (err instanceof UserError && err.key === 'pairing.reasonRequired') return answer(askReasonCard(ctx, draft, u), render(err), 'error');
      throw err;
    }
    if (outcome.kind === 'exists') {
      const v = pairingView(ctx.db, outcome.pairing);
      return answer(pairingCard(v), t('pairing.alreadySame', { community: v.community.name }), 'info');
    }
    if (outcome.sharedWith.length) await tellShared(ctx, outcome.pairing);
    return answer(pairingCard(pairingView(ctx.db, outcome.pairing), { note: recordedNote(ctx, outcome.pairing) }), t('pairing.createdToast'));
  },
});

/** 保存修改 on the completion card; a changed sharing reason is told to the college admin again. */
const onPairingSave = defineAction(pairingSave, {
  audience: 'student',
  async run(ctx, { p }) {
    checkUnitWorker(ctx.db, ctx.member);
    const { pairing, reasonChanged } = updatePairing(ctx.db, ctx.member, ctx.program, p, draftFromForm(ctx.form), ctx.when);
    if (reasonChanged) await tellShared(ctx, pairing);
    return answer(pairingCard(pairingView(ctx.db, pairing)), t('pairing.savedToast'));
  },
});

/** 上传协议: the next agreement file within 30 minutes belongs to this pairing. */
const onPairingAwaitFile = defineAction(pairingAwaitFile, {
  audience: 'student',
  async run(ctx, { p }) {
    checkUnitWorker(ctx.db, ctx.member);
    expectAgreement(ctx.db, ctx.member, p, ctx.clock.now());
    return toast('info', t('pairing.awaitFile'));
  },
});

/** 结束结对: asks for confirmation first. */
const onPairingEndAsk = defineAction(pairingEndAsk, {
  audience: 'student',
  async run(ctx, { p }) {
    checkUnitWorker(ctx.db, ctx.member);
    const pairing = clicked(ctx, p);
    if (pairing.status === 'ended') throw new UserError('pairing.isEnded', { date: pairing.endedOn ?? '' });
    return answer(endConfirmCard(pairingView(ctx.db, pairing)));
  },
});

/** 确认结束: the pairing ends today and stays as history. */
const onPairingEnd = defineAction(pairingEnd, {
  audience: 'student',
  async run(ctx, { p }) {
    checkUnitWorker(ctx.db, ctx.member);
    const ended = endPairing(ctx.db, ctx.member, p, ctx.when);
    return answer(pairingCard(pairingView(ctx.db, ended)), t('pairing.endedToast'));
  },
});

/** 取消 on the end confirmation: the pairing card again. */
const onPairingShow = defineAction(pairingShow, {
  audience: 'student',
  async run(ctx, { p }) {
    checkUnitWorker(ctx.db, ctx.member);
    return answer(pairingCard(pairingView(ctx.db, clicked(ctx, p))));
  },
});

/**
 * 结对 on a /组织 card: the unit's active pairing to complete, or the form for its first one
 * (the unit is judged from the database: its responsible member, its 团总支, the 团委).
 */
const onPairingOpen = defineAction(pairingOpen, {
  audience: 'student',
  async run(ctx, { u }) {
    checkUnitWorker(ctx.db, ctx.member);
    const unit = unitById(ctx.db, u);
    if (!unit || unit.archivedAt !== null) throw new UserError('pairing.notFound');
    if (!mayManage(ctx.db, ctx.member, unit.id)) throw new UserError('pairing.forbidden');
    const active = activePairingOf(ctx.db, unit.id);
    return answer(active ? pairingCard(pairingView(ctx.db, active)) : newPairingCard({ prefill: { signedOn: today(ctx.when) }, unit: { id: unit.id, name: unit.name } }));
  },
});

/** `/结对 [服务地] [签约日期]`: records a signed pairing at once, or answers with the card form. */
export const command = defineCommand({
  name: 'pair',
  aliases: ['结对'],
  summary: 'cmd.pair.summary',
  summaryFor: { college_admin: 'cmd.pair.college_admin.summary', school_admin: 'cmd.pair.school_admin.summary' },
  example: 'cmd.pair.example',
  audience: 'secretary',
  args: z.object({
    community: z.string().trim().min(2, t('pairing.communityBad')).max(60, t('pairing.communityBad')).optional(),
    date: z.string().max(20, t('pairing.badDate', { value: '' })).optional(),
  }).refine((a) => a.community || !a.date, t('pairing.communityBad')),
  parse: (rest) => {
    const words = rest.split(/\s+/).filter(Boolean);
    const last = words.at(-1);
    if (last && DATE_LIKE.test(last)) return { community: words.slice(0, -1).join(' ') || undefined, date: last };
    return { community: rest || undefined };
  },
  async run(ctx, { community, date }) {
    const member = ctx.member;
    if (!member.branchId) throw new UserError('pairing.noBranch');
    if (!community) {
      const active = activePairingOf(ctx.db, member.branchId);
      await ctx.reply({ card: active ? pairingCard(pairingView(ctx.db, active)) : newPairingCard({ prefill: { signedOn: today(ctx.when) } }) });
      return;
    }
    const draft = { community, signedOn: date ? readSignedDate(date, ctx.when) : today(ctx.when) };
    let outcome;
    try {
      outcome = createPairing(ctx.db, member, ctx.program, draft, ctx.when);
    } catch (err) {
      // The command line has no room for the reason: answer with the same pairing as a form that asks for it.
      if (err instanceof UserError && err.key === 'pairing.reasonRequired') return ctx.reply({ card: askReasonCard(ctx, validPairingDraft(draft)) });
      throw err;
    }
    if (outcome.kind === 'exists') {
      const v = pairingView(ctx.db, outcome.pairing);
      await ctx.reply({ card: pairingCard(v, { note: t('pairing.alreadySame', { community: v.community.name }) }) });
      return;
    }
    await ctx.reply({ card: pairingCard(pairingView(ctx.db, outcome.pairing), { note: recordedNote(ctx, outcome.pairing) }) });
  },
});

/** Agreement files: the extensions accepted, how to recognise their content, and how to upload them. */
const AGREEMENT_TYPES: Record<string, { magic: number[]; upload: 'pdf' | 'doc' | 'stream' }> = {
  pdf: { magic: [0x25, 0x50, 0x44, 0x46], upload: 'pdf' },
  jpg: { magic: [0xff, 0xd8, 0xff], upload: 'stream' },
  jpeg: { magic: [0xff, 0xd8, 0xff], upload: 'stream' },
  png: { magic: [0x89, 0x50, 0x4e, 0x47], upload: 'stream' },
  doc: { magic: [0xd0, 0xcf, 0x11, 0xe0], upload: 'doc' },
  docx: { magic: [0x50, 0x4b, 0x03, 0x04], upload: 'doc' },
};
/** Feishu's limit for an uploaded file. */
const MAX_AGREEMENT_BYTES = 30 * 1024 * 1024;

/**
 * A file from a secretary within 30 minutes after creating or editing a pairing, or after
 * 上传协议, is the agreement. It is re-uploaded so the bot holds a file_key it can send on later
 * (a received message's key only downloads through that message). Returns false when the file
 * is not for a pairing, so the other file handling (the roster import) takes it.
 */
export async function receiveAgreementFile(ctx: HookContext, file: { fileKey: string; fileName: string }): Promise<boolean> {
  const member = ctx.member;
  if (!member) return false;
  const ext = path.extname(file.fileName).slice(1).toLowerCase();
  const type = AGREEMENT_TYPES[ext];
  const pairing = pairingAwaitingFile(ctx.db, member, ctx.clock.now());
  // A student's file is an agreement only for an organisation they are responsible for.
  if (member.role === 'student' && !pairing) return false;
  if (!pairing) {
    if (!type || member.role === 'school_admin') return false;
    await ctx.reply(t('pairing.fileNoWindow'));
    return true;
  }
  if (!type) {
    if (member.role === 'school_admin') return false;
    throw new UserError('pairing.fileType');
  }
  const data = await downloadFile(ctx, file, MAX_AGREEMENT_BYTES, new UserError('pairing.fileTooLarge', { mb: MAX_AGREEMENT_BYTES / 1024 / 1024 }));
  if (!type.magic.every((b, i) => data[i] === b)) throw new UserError('pairing.fileMismatch', { file: file.fileName, ext });
  const fileKey = await uploadAgain(ctx, data, { name: file.fileName, ext, type: type.upload });
  const { pairing: saved, replaced } = attachAgreement(ctx.db, member, pairing.id, { fileKey, fileName: file.fileName }, ctx.clock.now());
  const v = pairingView(ctx.db, saved);
  ctx.log.info({ eventId: ctx.eventId, pairingId: saved.id }, 'pairing agreement attached');
  // A text message renders <at …> tags: the file name is the sender's text.
  const shown = file.fileName.replace(/[<>]/g, '');
  await ctx.reply(t(replaced ? 'pairing.fileReplaced' : 'pairing.fileAttached', { file: shown, branch: v.branch, community: v.community.name }));
  return true;
}

export const actions = [onPairingCreate, onPairingSave, onPairingAwaitFile, onPairingEndAsk, onPairingEnd, onPairingShow, onPairingOpen];
