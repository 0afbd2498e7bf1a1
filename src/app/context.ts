/**
 * What the use cases in src/app are written against: ports and the acting member, each use
 * case naming only the parts it uses. The bot's contexts (src/bot/context.ts), the confirmation
 * page (src/web) and jobs all satisfy these types structurally; src/app never imports src/bot.
 */
import type { Logger } from 'pino';
import type { Clock } from '../clock.js';
import type { Db } from '../db/client.js';
import type { Member, ProgramYear } from '../db/schema/index.js';
import type { ConfirmSettings } from '../domain/confirmations.js';
import type { FeishuApi, FileMessage, OutMessage } from '../feishu/api.js';
import type { Delivery } from '../jobs/outbox.js';
import type { When } from '../time.js';
import type { EnqueueInput } from '../jobs/outboxRows.js';

/** Writes a message and sends it at once (jobs/outbox.ts `OutboxWorker.send`). */
export interface Outbox {
  send(input: EnqueueInput): Promise<Delivery>;
}

export interface AppPorts {
  db: Db;
  /** For uploads, downloads and card updates; messages go through `outbox`. */
  feishu: FeishuApi;
  outbox: Outbox;
  clock: Clock;
  log: Logger;
  /** IANA time zone of the school (config TZ). */
  timeZone: string;
}

/** One update as a use case sees it: its id (for logs) and idempotent sends tied to it. */
/**
 * `uuid`: a send key naming the message itself rather than the update, e.g. the review card of
 * one log for one reviewer: whichever updates send it (a report sent twenty times at once, a
 * resubmission after a crash), the outbox sends it once.
 */
export interface SendKey {
  uuid?: string;
}

export interface Update {
  eventId: string;
  /** When the update is handled, in the school's zone: what dates and deadlines are judged by. */
  when: When;
  /** A private message through the outbox; the same update processed twice sends it once. */
  notify(openId: string, message: OutMessage | FileMessage | string, opts?: SendKey): Promise<Delivery>;
}

/** An update answering a message (or a menu click). */
export interface Replying extends Update {
  /** Answers through the outbox, idempotently for the update like `notify`. */
  reply(message: OutMessage | string): Promise<void>;
}

/** The bound member acting; the router has checked the role before the use case runs. */
export interface Acting {
  member: Member;
}

/** What a review card is drawn from: the database, the school's zone, and whether it offers a confirmation link. */
export interface ReviewCardSettings {
  db: Db;
  timeZone: string;
  /** Where confirmation links point; without it review cards offer no link. */
  confirm?: ConfirmSettings;
}

/** The program year the update is read in. */
export interface InProgram {
  program: ProgramYear;
}
