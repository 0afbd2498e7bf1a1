/**
 * The agreement file of a pairing (PRODUCT.md §5): a file the secretary sends within 30
 * minutes after creating or editing a pairing, or after clicking 上传协议, belongs to it.
 */
import { eq } from 'drizzle-orm';
import { writeTransaction, type Db } from '../db/client.js';
import { pairings, type Member, type Pairing } from '../db/schema/index.js';
import { audit, lastAuditedSubject } from './members.js';
import { manageable, mayManage, pairingById } from './pairings.js';

/** A file a secretary sends this long after creating or editing a pairing is its agreement. */
const AGREEMENT_WINDOW_MS = 30 * 60 * 1000;
/** The audit actions that open the agreement-file window. */
const WINDOW_ACTIONS = ['pairing.create', 'pairing.update', 'pairing.awaitFile'];

/** 上传协议 clicked: the next file within the window is this pairing's agreement. */
export function expectAgreement(db: Db, actor: Member, id: number, now: number): Pairing {
  const pairing = manageable(db, actor, id);
  audit(db, { at: now, actorMemberId: actor.id, action: 'pairing.awaitFile', subject: `pairing:${id}` });
  return pairing;
}

/**
 * The pairing a file from `actor` now belongs to: the one they created, edited or clicked
 * 上传协议 on within the last 30 minutes, still active and still theirs to manage.
 */
export function pairingAwaitingFile(db: Db, actor: Member, now: number): Pairing | undefined {
  const id = lastAuditedSubject(db, { actorId: actor.id, actions: WINDOW_ACTIONS, prefix: 'pairing', since: now - AGREEMENT_WINDOW_MS });
  const pairing = id ? pairingById(db, id) : undefined;
  return pairing && pairing.status !== 'ended' && mayManage(db, actor, pairing.branchId) ? pairing : undefined;
}

/** Stores the agreement file (replacing an earlier one). */
export function attachAgreement(db: Db, actor: Member, id: number, file: { fileKey: string; fileName: string }, now: number): { pairing: Pairing; replaced: boolean } {
  return writeTransaction(db, () => {
    const before = manageable(db, actor, id);
    const pairing = db.update(pairings).set({ agreementFileKey: file.fileKey, agreementFileName: file.fileName, updatedAt: now }).where(eq(pairings.id, id)).returning().get();
    audit(db, { at: now, actorMemberId: actor.id, action: 'pairing.file', subject: `pairing:${id}`, detail: { fileName: file.fileName } });
    return { pairing, replaced: before.agreementFileKey !== null };
  });
}
