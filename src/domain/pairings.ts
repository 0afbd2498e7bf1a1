/**
 * Pairing agreements (结对协议, PRODUCT.md §5): a branch ↔ community agreement with its signed
 * date, contact and agreement file. One active (draft or signed) pairing per branch; a second
 * branch pairing with an already-paired community must say why (the college admin is told);
 * ending a pairing keeps the row as history.
 */
import { and, eq, isNotNull, ne } from 'drizzle-orm';
import { z } from 'zod';
import { writeTransaction, type Db } from '../db/client.js';
import {
  branches, colleges, communities, COMMUNITY_LEVELS, COMMUNITY_TAGS, members, pairings,
  type Community, type CommunityTag, type Member, type Pairing, type ProgramYear,
} from '../db/schema/index.js';
import { communityTags, findCommunity, findOrCreateCommunity, setTags } from './communities.js';
import { phoneText } from './communityFields.js';
import { issueMessage, messageKey as k, UserError } from './errors.js';
import { audit, boundSchoolAdmins, isBound, reachable, type BoundMember } from './members.js';
import { leadsUnitId } from './organisations.js';
import { dayjs, localDate, type When } from '../time.js';


const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalText = (max: number, message: string) => z.preprocess(blankToUndefined, z.string({ error: message }).trim().max(max, message).optional());

/** Limits shared with the community list import, so an imported value survives a save of the card. */
const MAX_NAME = 60;
const MAX_REGION = 60;
const MAX_CONTACT = 40;

/**
 * The one validation of pairing input, from the inline command and both card forms.
 * `signedOn` null means "not signed yet" (a draft); dates are checked against today by the
 * functions below, which know the clock.
 */
const pairingDraft = z.object({
  community: z.preprocess(blankToUndefined, z.string({ error: k('pairing.communityBad') }).trim().min(2, k('pairing.communityBad')).max(MAX_NAME, k('pairing.communityBad')).optional()),
  signedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((d) => dayjs.utc(d).isValid() && dayjs.utc(d).format('YYYY-MM-DD') === d).nullish().transform((d) => d ?? null),
  level: z.preprocess(blankToUndefined, z.enum(COMMUNITY_LEVELS, { error: k('pairing.badLevel') }).optional()),
  region: optionalText(MAX_REGION, k('pairing.regionTooLong')),
  tags: z.array(z.enum(COMMUNITY_TAGS, { error: k('pairing.badTag') }), { error: k('pairing.badTag') }).max(COMMUNITY_TAGS.length, k('pairing.badTag')).optional(),
  contactName: optionalText(MAX_CONTACT, k('pairing.contactNameTooLong')),
  // The list import's phone rules: +86, spaces and dashes tolerated, landlines as 区号-号码.
  contactPhone: z.preprocess((v) => (v === undefined || v === null ? '' : String(v)), phoneText).transform((v) => v ?? undefined),
  sharedReason: optionalText(200, k('pairing.reasonTooLong')),
});
export type PairingDraft = z.infer<typeof pairingDraft>;

/** Validates pairing input or throws its first problem as a UserError; nothing is stored. */
export function validPairingDraft(input: unknown): PairingDraft {
  const parsed = pairingDraft.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  if (issue?.path[0] === 'signedOn') throw new UserError('pairing.badDate', { value: String((input as { signedOn?: unknown }).signedOn ?? '') });
  throw new UserError('pairing.invalid', { problem: issueMessage(issue) });
}

/** Signed dates are in the past, and not before the year ahead of the program year. */
function checkSignedOn(signedOn: string | null | undefined, program: ProgramYear, { now, tz }: When): void {
  if (!signedOn) return;
  const today = localDate(now, tz);
  if (signedOn > today) throw new UserError('pairing.futureDate', { date: signedOn, today });
  const min = dayjs.utc(program.startsOn).subtract(1, 'year').format('YYYY-MM-DD');
  if (signedOn < min) throw new UserError('pairing.tooOld', { date: signedOn, min });
}

export function pairingById(db: Db, id: number): Pairing | undefined {
  return db.select().from(pairings).where(eq(pairings.id, id)).get();
}

/** The branch's active pairing (draft or signed), if any. */
export function activePairingOf(db: Db, branchId: number): Pairing | undefined {
  return db.select().from(pairings).where(and(eq(pairings.branchId, branchId), ne(pairings.status, 'ended'))).get();
}

/** Names of the other branches with an active pairing with this community. */
export function otherBranchesPairedWith(db: Db, communityId: number, branchId: number): string[] {
  return db
    .select({ name: branches.name })
    .from(pairings)
    .innerJoin(branches, eq(branches.id, pairings.branchId))
    .where(and(eq(pairings.communityId, communityId), ne(pairings.status, 'ended'), ne(pairings.branchId, branchId)))
    .all()
    .map((r) => r.name);
}

/**
 * Whether `member` may create, edit, end or attach to the pairing of this unit (a 团支部 or a
 * student organisation) — judged from the database only. An organisation's responsible member
 * may, whatever their role (domain/organisations.ts).
 */
export function mayManage(db: Db, member: Member, branchId: number): boolean {
  if (member.role === 'school_admin') return true;
  if (leadsUnitId(db, member, branchId)) return true;
  if (member.role === 'secretary') return member.branchId === branchId;
  if (member.role !== 'college_admin' || !member.collegeId) return false;
  return db.select({ collegeId: branches.collegeId }).from(branches).where(eq(branches.id, branchId)).get()?.collegeId === member.collegeId;
}

/** The pairing, if `member` may act on it and it is not ended; otherwise the refusal. */
export function manageable(db: Db, member: Member, id: number): Pairing {
  const pairing = pairingById(db, id);
  if (!pairing) throw new UserError('pairing.notFound');
  if (!mayManage(db, member, pairing.branchId)) throw new UserError('pairing.forbidden');
  if (pairing.status === 'ended') throw new UserError('pairing.isEnded', { date: pairing.endedOn ?? '' });
  return pairing;
}

/**
 * The community's level, region and tags from a card, and its contact while it has none.
 * `replace` (the completion card, prefilled with the current values) sets exactly what was
 * submitted; `fill` (the new-pairing form, which does not show them) only adds what was given.
 */
function applyCommunityDetails(db: Db, communityId: number, d: PairingDraft, mode: 'fill' | 'replace'): void {
  const current = db.select().from(communities).where(eq(communities.id, communityId)).get()!;
  const pick = <T>(given: T | undefined, existing: T | null): T | null => (mode === 'replace' ? given ?? null : given ?? existing);
  db.update(communities)
    .set({
      level: pick(d.level, current.level),
      region: pick(d.region, current.region),
      contactName: current.contactName ?? d.contactName ?? null,
      contactPhone: current.contactPhone ?? d.contactPhone ?? null,
    })
    .where(eq(communities.id, communityId))
    .run();
  const given = d.tags ?? [];
  if (mode === 'replace') setTags(db, communityId, given);
  else if (given.length) setTags(db, communityId, [...communityTags(db, communityId), ...given]);
}

type CreateOutcome =
  | { kind: 'created'; pairing: Pairing; community: Community; sharedWith: string[] }
  | { kind: 'exists'; pairing: Pairing };

/**
 * Records a pairing of the actor's branch, or of `opts.unitId` — a unit the card named (a student
 * organisation, or any unit an admin runs), re-checked here with {@link mayManage} (inline:
 * signed today or on the date given; card: with the details). Refuses a second active pairing
 * and, without a reason, a community another unit is already paired with. Nothing is stored on
 * a refusal (a new community neither).
 */
export function createPairing(db: Db, actor: Member, program: ProgramYear, input: unknown, { now, tz }: When, opts: { details?: boolean; unitId?: number } = {}): CreateOutcome {
  const draft = validPairingDraft(input);
  const branchId = opts.unitId ?? actor.branchId;
  if (!branchId) throw new UserError('pairing.noBranch');
  if (opts.unitId !== undefined) {
    const unit = db.select({ archivedAt: branches.archivedAt }).from(branches).where(eq(branches.id, opts.unitId)).get();
    if (!unit || unit.archivedAt !== null) throw new UserError('pairing.notFound');
  }
  if (!mayManage(db, actor, branchId)) throw new UserError('pairing.forbidden');
  if (!draft.community) throw new UserError('pairing.invalid', { problem: { key: 'pairing.communityBad' } });
  checkSignedOn(draft.signedOn, program, { now, tz });
  const name = draft.community;
  // better-sqlite3 transactions belong to the connection: the helpers' queries through `db` run inside it.
  return writeTransaction(db, () => {
    const known = findCommunity(db, name);
    const active = activePairingOf(db, branchId);
    if (active) {
      if (known && active.communityId === known.id) return { kind: 'exists', pairing: active };
      const current = db.select({ name: communities.name }).from(communities).where(eq(communities.id, active.communityId)).get();
      throw new UserError('pairing.alreadyActive', { community: current?.name ?? '', status: { key: `pairing.status.${active.status}` } });
    }
    const sharedWith = known ? otherBranchesPairedWith(db, known.id, branchId) : [];
    if (sharedWith.length && !draft.sharedReason) throw new UserError('pairing.reasonRequired', { community: known!.name, branches: sharedWith });
    const community = known ?? findOrCreateCommunity(db, name, now).community;
    if (opts.details) applyCommunityDetails(db, community.id, draft, 'fill');
    const pairing = db
      .insert(pairings)
      .values({
        branchId,
        communityId: community.id,
        programYearId: program.id,
        status: draft.signedOn ? 'signed' : 'draft',
        signedOn: draft.signedOn,
        contactName: draft.contactName ?? null,
        contactPhone: draft.contactPhone ?? null,
        sharedReason: sharedWith.length ? draft.sharedReason! : null,
        createdByMemberId: actor.id,
        createdAt: now,
        updatedAt: now,
      })
      .returning()
      .get();
    audit(db, { at: now, actorMemberId: actor.id, action: 'pairing.create', subject: `pairing:${pairing.id}`, detail: { communityId: community.id, shared: sharedWith.length > 0 } });
    return { kind: 'created', pairing, community: db.select().from(communities).where(eq(communities.id, community.id)).get()!, sharedWith };
  });
}

/**
 * Saves the completion card: signed date (empty → back to draft), contact, the community's
 * level, region and tags, and the sharing reason (a shared pairing cannot drop it).
 */
export function updatePairing(db: Db, actor: Member, program: ProgramYear, id: number, input: unknown, { now, tz }: When): { pairing: Pairing; reasonChanged: boolean } {
  const draft = validPairingDraft(input);
  checkSignedOn(draft.signedOn, program, { now, tz });
  return writeTransaction(db, () => {
    const before = manageable(db, actor, id);
    if (before.sharedReason && !draft.sharedReason) {
      const community = db.select({ name: communities.name }).from(communities).where(eq(communities.id, before.communityId)).get();
      const others = otherBranchesPairedWith(db, before.communityId, before.branchId);
      throw new UserError('pairing.reasonRequired', { community: community?.name ?? '', branches: others.length ? others : { key: 'pairing.otherBranches' } });
    }
    applyCommunityDetails(db, before.communityId, draft, 'replace');
    const pairing = db
      .update(pairings)
      .set({
        status: draft.signedOn ? 'signed' : 'draft',
        signedOn: draft.signedOn,
        contactName: draft.contactName ?? null,
        contactPhone: draft.contactPhone ?? null,
        sharedReason: before.sharedReason ? draft.sharedReason! : null,
        updatedAt: now,
      })
      .where(eq(pairings.id, id))
      .returning()
      .get();
    audit(db, { at: now, actorMemberId: actor.id, action: 'pairing.update', subject: `pairing:${id}` });
    return { pairing, reasonChanged: !!before.sharedReason && before.sharedReason !== pairing.sharedReason };
  });
}

/** Ends the pairing today; the row stays (status ended) and the branch may pair again. */
export function endPairing(db: Db, actor: Member, id: number, { now, tz }: When): Pairing {
  return writeTransaction(db, () => {
    manageable(db, actor, id);
    const ended = db.update(pairings).set({ status: 'ended', endedOn: localDate(now, tz), updatedAt: now }).where(eq(pairings.id, id)).returning().get();
    audit(db, { at: now, actorMemberId: actor.id, action: 'pairing.end', subject: `pairing:${id}` });
    return ended;
  });
}

/** Everything a card or the dashboard shows about a pairing. */
export interface PairingView {
  id: number;
  status: Pairing['status'];
  branchId: number;
  branch: string;
  college: string;
  community: { id: number; name: string; level: Community['level']; region: string | null; tags: CommunityTag[] };
  signedOn: string | null;
  endedOn: string | null;
  contactName: string | null;
  contactPhone: string | null;
  agreementFileName: string | null;
  sharedReason: string | null;
  /** Other branches actively paired with the same community. */
  sharedWith: string[];
  /** Tagged 国家乡村振兴重点帮扶县: highlighted on cards and the dashboard. */
  priority: boolean;
}

export function pairingView(db: Db, p: Pairing): PairingView {
  const c = db.select().from(communities).where(eq(communities.id, p.communityId)).get()!;
  const tags = communityTags(db, c.id);
  const unit = db.select({ branch: branches.name, college: colleges.name }).from(branches).innerJoin(colleges, eq(colleges.id, branches.collegeId)).where(eq(branches.id, p.branchId)).get();
  return {
    id: p.id,
    status: p.status,
    branchId: p.branchId,
    branch: unit?.branch ?? '',
    college: unit?.college ?? '',
    community: { id: c.id, name: c.name, level: c.level, region: c.region, tags },
    signedOn: p.signedOn,
    endedOn: p.endedOn,
    contactName: p.contactName,
    contactPhone: p.contactPhone,
    agreementFileName: p.agreementFileName,
    sharedReason: p.sharedReason,
    sharedWith: p.status === 'ended' ? [] : otherBranchesPairedWith(db, c.id, p.branchId),
    priority: tags.includes('rural_revitalization_county'),
  };
}

/** Who hears about a shared pairing: the branch's college admins, else the school admins. */
export function sharedPairingAudience(db: Db, branchId: number): BoundMember[] {
  const collegeId = db.select({ collegeId: branches.collegeId }).from(branches).where(eq(branches.id, branchId)).get()?.collegeId ?? -1;
  const admins = db.select().from(members).where(and(eq(members.role, 'college_admin'), eq(members.collegeId, collegeId), reachable)).all().filter(isBound);
  return admins.length ? admins : boundSchoolAdmins(db);
}
