/**
 * The students' loop (PRODUCT.md §3–§4) as tests drive it: a harness on a fixed date with the
 * example roster bound, and small readers for what the bot stored (service logs, check-ins,
 * evidence) and sent (cards, their buttons and form fields). Everything goes through signed
 * events over HTTP; the database is only read here, except for test set-up (settings of the
 * program year, a community with coordinates).
 */
import { randomUUID } from 'node:crypto';
import { asc, count, eq } from 'drizzle-orm';
import { expect } from 'vitest';
import {
  checkins, communities, members, pairings, programYears, reviewMessages, serviceLogEvidence, serviceLogs,
  type Checkin, type Community, type Member, type ProgramYear, type ServiceLog,
} from '../../src/db/schema/index.js';
import { foldName } from '../../src/domain/communities.js';
import { currentProgramYear } from '../../src/domain/program.js';
import type { SentMessage } from '../fakes/openApi.js';
import { bindDirect, deliverMessage, newMessageId, type Delivery } from './bot.js';
import type { DeliverResult } from './feishuEvents.js';
import { startHarness, TestClock, type Harness } from './harness.js';

/** 2026-11-25 15:00 in Beijing: inside the default program year 2026-10-01 … 2027-09-30. */
export const NOW = Date.parse('2026-11-25T07:00:00Z');
export const TODAY = '2026-11-25';
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

/** Open ids of the accounts every loop test binds (example roster). */
export const ACCOUNTS = {
  /** 2023010101 王梓涵, 团支书 of 计科2301. */
  secretary: 'ou_loop_secretary',
  /** 2023010102 李浩然, 学生 of 计科2301. */
  student: 'ou_loop_student',
  /** 2023010103 张雨桐, 学生 of 计科2301. */
  student2: 'ou_loop_student2',
  /** 2023010201 赵一鸣, 团支书 of 计科2302. */
  otherSecretary: 'ou_loop_other_secretary',
  /** 2023010202 孙佳怡, 学生 of 计科2302. */
  otherStudent: 'ou_loop_other_student',
  /** T1001 陈晓东, 团总支 of 计算机科学与工程学院. */
  collegeAdmin: 'ou_loop_college',
  /** T0001 刘建华, 团委. */
  schoolAdmin: 'ou_loop_school',
} as const;
export type Who = keyof typeof ACCOUNTS;

const STUDENT_NOS: Record<Who, string> = {
  secretary: '2023010101',
  student: '2023010102',
  student2: '2023010103',
  otherSecretary: '2023010201',
  otherStudent: '2023010202',
  collegeAdmin: 'T1001',
  schoolAdmin: 'T0001',
};

export interface Loop {
  h: Harness;
  /** The bound members, by account. */
  m: Record<Who, Member>;
}

/** A bot on the fixed date with the example roster imported and every {@link ACCOUNTS} bound. */
export async function startLoop(opts: { now?: number; config?: Record<string, string>; cardDeadlineMs?: number } = {}): Promise<Loop> {
  const h = await startHarness({ clock: new TestClock(opts.now ?? NOW), config: opts.config, cardDeadlineMs: opts.cardDeadlineMs });
  await h.importRoster();
  const m = Object.fromEntries((Object.keys(ACCOUNTS) as Who[]).map((who) => [who, bindDirect(h, STUDENT_NOS[who], ACCOUNTS[who])])) as Record<Who, Member>;
  currentProgramYear(h.bot.db, { now: h.clock.now(), tz: h.config.timeZone });
  return { h, m };
}

// ── database ────────────────────────────────────────────────────────────────

export function program(h: Harness): ProgramYear {
  return currentProgramYear(h.bot.db, { now: h.clock.now(), tz: h.config.timeZone });
}

/** Changes a setting of the current program year (period mode, log window …). */
export function setProgram(h: Harness, patch: Partial<Pick<ProgramYear, 'periodMode' | 'logWindowDays' | 'startsOn' | 'endsOn' | 'winterVacationStart' | 'winterVacationEnd'>>): void {
  h.bot.db.update(programYears).set(patch).where(eq(programYears.id, program(h).id)).run();
}

export function logsOf(h: Harness, member: Member): ServiceLog[] {
  return h.bot.db.select().from(serviceLogs).where(eq(serviceLogs.memberId, member.id)).orderBy(asc(serviceLogs.id)).all();
}

export function logRow(h: Harness, id: number): ServiceLog {
  const log = h.bot.db.select().from(serviceLogs).where(eq(serviceLogs.id, id)).get();
  if (!log) throw new Error(`no log ${id}`);
  return log;
}

/** The member's most recent log (highest id). */
export function lastLog(h: Harness, member: Member): ServiceLog {
  const all = logsOf(h, member);
  if (!all.length) throw new Error(`${member.name} has no log`);
  return all[all.length - 1]!;
}

export function checkinsOf(h: Harness, member: Member): Checkin[] {
  return h.bot.db.select().from(checkins).where(eq(checkins.memberId, member.id)).orderBy(asc(checkins.id)).all();
}

export function evidenceOf(h: Harness, logId: number) {
  return h.bot.db.select().from(serviceLogEvidence).where(eq(serviceLogEvidence.logId, logId)).orderBy(asc(serviceLogEvidence.id)).all();
}

/** A known community, optionally with coordinates (as an admin would have entered them). */
export function addCommunity(h: Harness, name: string, at?: { lat: number; lng: number }): Community {
  return h.bot.db.insert(communities).values({ name, normalisedName: foldName(name), latitude: at?.lat ?? null, longitude: at?.lng ?? null }).returning().get();
}

/** A signed pairing of the branch with the community (as /结对 would record it). */
export function pair(h: Harness, branchId: number, communityId: number): void {
  h.bot.db.insert(pairings).values({ branchId, communityId, programYearId: program(h).id, status: 'signed', signedOn: '2026-11-01' }).run();
}

/** Another bound member (e.g. a second 团总支), inserted directly. */
export function addMember(h: Harness, values: { name: string; role: Member['role']; collegeId: number | null; branchId: number | null; openId: string }): Member {
  return h.bot.db.insert(members).values({ ...values, studentNo: `X${randomUUID().slice(0, 8)}`, boundAt: h.clock.now() }).returning().get();
}

/**
 * Counts of everything a refused submission must not have written, and of what was sent:
 * compare before/after with toEqual.
 */
export function stored(h: Harness) {
  const n = (table: typeof serviceLogs | typeof checkins | typeof serviceLogEvidence | typeof reviewMessages) => h.bot.db.select({ n: count() }).from(table).get()!.n;
  return {
    logs: n(serviceLogs),
    checkins: n(checkins),
    evidence: n(serviceLogEvidence),
    reviewCards: n(reviewMessages),
    sent: h.fake.messages.length,
    patches: h.fake.patches.length,
  };
}

// ── cards ───────────────────────────────────────────────────────────────────

export interface Envelope {
  a: string;
  v: 1;
  p?: Record<string, string | number | boolean>;
}

function walk(node: unknown, visit: (o: Record<string, any>) => void): void {
  if (Array.isArray(node)) for (const x of node) walk(x, visit);
  else if (node && typeof node === 'object') {
    visit(node as Record<string, any>);
    for (const v of Object.values(node)) walk(v, visit);
  }
}

/** Every visible text of a card (markdown, plain_text, header), joined by newlines. */
export function cardText(cardJson: unknown): string {
  const out: string[] = [];
  walk(cardJson, (o) => {
    if (typeof o.content === 'string') out.push(o.content);
  });
  return out.join('\n');
}

/** The text of a sent message: a text message's text, or the visible text of a card. */
export function said(m: SentMessage): string {
  return m.msgType === 'text' ? (m.content.text as string) : cardText(m.content);
}

/** The callback values of every button in a card. */
export function buttons(cardJson: unknown): Envelope[] {
  const out: Envelope[] = [];
  walk(cardJson, (o) => {
    if (Array.isArray(o.behaviors)) for (const b of o.behaviors) if (b?.type === 'callback') out.push(b.value as Envelope);
  });
  return out;
}

/** The one button of a card whose action is `name` (and whose payload matches `p`, if given). */
export function button(cardJson: unknown, name: string, p?: Record<string, unknown>): Envelope {
  const found = buttons(cardJson).filter((b) => b.a === name && (!p || Object.entries(p).every(([k, v]) => b.p?.[k] === v)));
  if (found.length !== 1) throw new Error(`expected one ${name} button, found ${found.length} in ${JSON.stringify(buttons(cardJson))}`);
  return found[0]!;
}

/** A named form field (input, select, date picker) of a card. */
export function field(cardJson: unknown, name: string): Record<string, any> | undefined {
  let found: Record<string, any> | undefined;
  walk(cardJson, (o) => {
    if (!found && o.name === name && typeof o.tag === 'string' && o.tag !== 'form' && o.tag !== 'button') found = o;
  });
  return found;
}

/** The card of a card-action answer (`{card: {type: 'raw', data}}`). */
export function answerCard(res: DeliverResult): unknown {
  if (res.status !== 200) throw new Error(`card callback failed: ${res.status} ${res.text}`);
  if (res.body?.card?.type !== 'raw') throw new Error(`no card in the answer: ${res.text}`);
  return res.body.card.data;
}

/** Messages sent (not replies) to an account, from index `since` of the fake's recording. */
export function sentTo(h: Harness, openId: string, since = 0): SentMessage[] {
  return h.fake.messages.slice(since).filter((m) => m.kind === 'send' && m.receiveId === openId);
}

/** The review cards sent for a log (one per reviewer). */
export function reviewCardsOf(h: Harness, logId: number): SentMessage[] {
  return h.fake.messages.filter((m) => m.kind === 'send' && m.msgType === 'interactive' && buttons(m.content).some((b) => b.a === 'review.approve' && b.p?.l === logId));
}

/** The one review card of a log sent to `openId`. */
export function reviewCardTo(h: Harness, logId: number, openId: string): SentMessage {
  const cards = reviewCardsOf(h, logId).filter((m) => m.receiveId === openId);
  if (cards.length !== 1) throw new Error(`expected one review card of log ${logId} to ${openId}, found ${cards.length}`);
  return cards[0]!;
}

export function patchesOf(h: Harness, messageId: string) {
  return h.fake.patches.filter((p) => p.messageId === messageId);
}

// ── actions ─────────────────────────────────────────────────────────────────

export const envelope = (a: string, p?: Envelope['p']): Envelope => ({ a, v: 1, ...(p ? { p } : {}) });

/** The log form's fields as the Feishu client submits them (the date picker adds the offset). */
export interface LogForm {
  date?: string;
  item?: string;
  hours?: string;
  mode?: string;
  description?: string;
  community?: string;
  area?: string;
  item_label?: string;
}

export function logForm(fields: Partial<LogForm> = {}): Record<string, string> {
  const form: LogForm = { date: `${TODAY} +0800`, item: 'shishi', hours: '2', mode: 'offline', description: '在幸福社区给三年级小朋友辅导作业', ...fields };
  return Object.fromEntries(Object.entries(form).filter(([, v]) => v !== undefined)) as Record<string, string>;
}

/** Submits the log form as `openId` (from a check-out form when `checkinId` is given). */
export function submitLog(h: Harness, openId: string, fields: Partial<LogForm> = {}, opts: { checkinId?: number; messageId?: string } = {}): Promise<DeliverResult> {
  return h.click(openId, envelope('log.submit', opts.checkinId ? { c: opts.checkinId } : undefined), { formValue: logForm(fields), messageId: opts.messageId ?? newMessageId() });
}

/** `/报到 site`: the receipt card and the check-in id its 签退 button carries. */
export async function checkIn(h: Harness, openId: string, site?: string): Promise<{ reply: SentMessage; checkinId: number; checkout: Envelope }> {
  const reply = await h.say(openId, site ? `/报到 ${site}` : '/报到');
  const checkout = button(reply.content, 'checkin.checkout');
  return { reply, checkinId: checkout.p!.c as number, checkout };
}

/** Sends a photo (its bytes served for download) and waits until the bot is done with it. */
export function sendImage(h: Harness, openId: string, bytes: Buffer): Promise<Delivery> {
  const messageId = newMessageId();
  const imageKey = `img_v3_${randomUUID().slice(0, 12)}`;
  h.fake.addResource(messageId, imageKey, bytes, 'image/jpeg');
  return deliverMessage(h, { openId, messageId, messageType: 'image', content: { image_key: imageKey } });
}

/** Shares a location, with coordinates as strings as the client sends them. */
export function sendLocation(h: Harness, openId: string, at: { lat: string; lng: string; name?: string }): Promise<Delivery> {
  return deliverMessage(h, { openId, messageType: 'location', content: { name: at.name ?? '辽宁省锦州市', latitude: at.lat, longitude: at.lng } });
}

/** Per test file (files share this module when they run in one worker), so a file's logs fall on the same days however it is scheduled. */
const logSeqs = new Map<string, number>();

/**
 * Submits a log through the form as one of the {@link ACCOUNTS} and returns the stored row.
 * Each call gets its own description and one of the 20 days before today, so neither the
 * duplicate rule nor the daily cap bites unless a test asks for it.
 */
export async function logBy(loop: Loop, who: Who, fields: Partial<LogForm> = {}): Promise<ServiceLog> {
  const file = expect.getState().testPath ?? '';
  const n = (logSeqs.get(file) ?? 0) + 1;
  logSeqs.set(file, n);
  const day = new Date(Date.parse(`${TODAY}T00:00:00Z`) - (n % 20) * 86_400_000).toISOString().slice(0, 10);
  const res = await submitLog(loop.h, ACCOUNTS[who], { date: `${day} +0800`, hours: '1', description: `服务记录 #${n}`, ...fields });
  if (res.body?.toast?.type !== 'success') throw new Error(`log by ${who} refused: ${res.text}`);
  return lastLog(loop.h, loop.m[who]);
}
