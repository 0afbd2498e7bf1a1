/**
 * One typed context per update (STYLE.md §4): the ports plus who is acting and where, and
 * bound helpers to answer. Built by the bot handler; commands and actions only see this.
 */
import type { Logger } from 'pino';
import type { Clock } from '../clock.js';
import type { Db } from '../db/client.js';
import type { Member, ProgramYear } from '../db/schema/index.js';
import type { SendKey } from '../app/context.js';
import type { FeishuApi, FileMessage, OutMessage } from '../feishu/api.js';
import type { Delivery } from '../jobs/outbox.js';
import type { EnqueueInput } from '../jobs/outboxRows.js';
import type { t } from '../text/zh-CN.js';
import type { ConfirmSettings } from '../domain/confirmations.js';
import type { FeishuAccount } from '../domain/members.js';
import type { Registry } from './router.js';
import type { When } from '../time.js';

export interface Ports {
  db: Db;
  /** For uploads, downloads and card updates; messages go through `outbox`. */
  feishu: FeishuApi;
  /** Writes a message and sends it at once (jobs/outbox.ts `OutboxWorker.send`; `once`: a single try). */
  outbox: { send(input: EnqueueInput, opts?: { once?: boolean }): Promise<Delivery> };
  clock: Clock;
  log: Logger;
  /** IANA time zone of the school (config TZ). */
  timeZone: string;
}

/**
 * Contexts are typed by the member the router checked: `Member | null` for commands anyone may
 * use, `Member` (with its role narrowed) for any role — see `MemberOf` in roles.ts, which
 * defineCommand and defineAction apply to the audience.
 */
export interface BaseContext<M extends Member | null = Member | null> extends Ports {
  t: typeof t;
  eventId: string;
  /** When this update is handled, in the school's zone (`clock.now()` at its start, config TZ). */
  when: When;
  /** The Feishu account acting (union_id: the same person under another app of ours). */
  sender: FeishuAccount;
  /**
   * The roster entry bound to the sender, read from the database for this update; the router
   * has checked it against the command's or action's audience, and the type says what it found.
   */
  member: M;
  program: ProgramYear;
  /**
   * Where confirmation links point and what signs them; absent without PUBLIC_BASE_URL, and
   * then review cards offer no link.
   */
  confirm?: ConfirmSettings;
  /** Every command and action, e.g. for /help. */
  registry: Registry;
  /** A fresh send uuid for this update (the n-th send of an update always gets the same one). */
  nextUuid(): string;
  /**
   * Sends a private message to someone through the outbox, idempotently for this update: the
   * same update processed twice sends it once (the send uuid derives from the event id). Resolves
   * once it is sent, or left 'pending' for the outbox's retries; throws if Feishu refused it.
   */
  notify(openId: string, message: OutMessage | FileMessage | string, opts?: SendKey): Promise<Delivery>;
}

export interface CommandContext<M extends Member | null = Member | null> extends BaseContext<M> {
  chat: { id: string; type: 'p2p' | 'group' };
  /** The message being answered; absent for bot-menu clicks. */
  messageId?: string;
  /** Answers the message (or the menu click) through the outbox — idempotent per update like `notify`. */
  reply(message: OutMessage | string): Promise<void>;
}

/** What a hook (a private message that is no command) sees: always a message to answer. */
export interface HookContext extends CommandContext {
  chat: { id: string; type: 'p2p' };
  messageId: string;
}

export interface ActionContext<M extends Member | null = Member | null> extends BaseContext<M> {
  /** The card message that was clicked. */
  messageId?: string;
  chatId?: string;
  /** Submitted form fields (`form_value`), unvalidated. */
  form: Record<string, unknown>;
}
