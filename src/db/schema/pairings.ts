/**
 * Pairing agreements (结对协议): a branch ↔ community agreement in a program year, with
 * its contact, signed date and optional agreement file. One active pairing per branch.
 */
import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt, updatedAt } from './columns.js';
import { communities } from './communities.js';
import { branches, members, programYears } from './org.js';

const PAIRING_STATUSES = ['draft', 'signed', 'ended'] as const;
export type PairingStatus = (typeof PAIRING_STATUSES)[number];

export const pairings = sqliteTable('pairings', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  branchId: integer('branch_id').notNull().references(() => branches.id),
  communityId: integer('community_id').notNull().references(() => communities.id),
  programYearId: integer('program_year_id').notNull().references(() => programYears.id),
  status: text('status', { enum: PAIRING_STATUSES }).notNull().default('draft'),
  signedOn: text('signed_on'), // YYYY-MM-DD
  endedOn: text('ended_on'), // YYYY-MM-DD
  contactName: text('contact_name'),
  contactPhone: text('contact_phone'),
  /** Feishu file_key of the uploaded agreement. */
  agreementFileKey: text('agreement_file_key'),
  agreementFileName: text('agreement_file_name'),
  /**
   * Why a second branch pairs with a community that already has an active pairing
   * (the program wants 一对一 in principle); shown to the college admin.
   */
  sharedReason: text('shared_reason'),
  createdByMemberId: integer('created_by_member_id').references(() => members.id),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [
  // A draft counts as active too: a branch works on one agreement at a time.
  uniqueIndex('pairings_one_active_per_branch').on(t.branchId).where(sql`${t.status} != 'ended'`),
  index('pairings_community').on(t.communityId, t.status),
  // Whether a branch has a pairing that counts (metrics countingPairing: signed, or ended within
  // the year) is asked once per branch by /全校 and the digests; the partial index above leaves
  // out ended pairings, so without this one each question scanned the whole table — quadratic
  // in branches (5.2 s for /全校 and a 30 s digest block at 20,000 branches: bench/scale.ts).
  index('pairings_branch_status_signed').on(t.branchId, t.status, t.signedOn),
  index('pairings_year_status').on(t.programYearId, t.status),
]);

export type Pairing = typeof pairings.$inferSelect;
