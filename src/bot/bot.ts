/**
 * The bot as the transport sees it: turns verified events into contexts and hands them to
 * the router, inside one error boundary (STYLE.md §5).
 */
import type { FileMessage, OutMessage } from '../feishu/api.js';
import type { SendKey } from '../app/context.js';
import type { Delivery } from '../jobs/outbox.js';
import { deriveUuid, type EnqueueInput } from '../jobs/outboxRows.js';
import type { InboundEvent } from '../feishu/envelope.js';
import { botAddedToChat, botMenu, cardAction, fileContent, imageContent, locationContent, messageReceived, postImages, postText, textContent } from '../feishu/events.js';
import type { CardResponse, EventHandler } from '../feishu/pipeline.js';
import type { Member } from '../db/schema/index.js';
import { keepUnionId, memberForAccount, type FeishuAccount } from '../domain/members.js';
import { currentProgramYear } from '../domain/program.js';
import type { ConfirmSettings } from '../domain/confirmations.js';
import { t } from '../text/zh-CN.js';
import { render } from '../text/message.js';
import { parseReport } from '../text/reportParser.js';
import type { ActionContext, CommandContext, HookContext, Ports } from './context.js';
import { UserError } from './errors.js';
import { Router, toast, type Registry } from './router.js';

/** What the bot does with messages that are not commands. */
export interface Hooks {
  /** Plain text in a private chat. */
  plainText(ctx: HookContext, text: string): Promise<void>;
  /** A file sent in a private chat. */
  file(ctx: HookContext, file: { fileKey: string; fileName: string }): Promise<void>;
  /** An image sent in a private chat (evidence for a log). */
  image(ctx: HookContext, image: { imageKey: string }): Promise<void>;
  /** A location shared in a private chat (presence at a check-in). */
  location(ctx: HookContext, at: { lat: number; lng: number; name?: string }): Promise<void>;
}

export interface BotOptions extends Ports {
  registry: Registry;
  hooks: Hooks;
  /** Confirmation-link settings; review cards offer the link only when they are given. */
  confirm?: ConfirmSettings;
  /** The bot's own open_id (from bot/v3/info), to tell @-mentions of the bot from others. */
  botOpenId: () => string | undefined | Promise<string | undefined>;
}

/** Send uuids derive from the event, so processing an event twice sends nothing twice. */
function sendUuid(eventId: string, n: number): string {
  return deriveUuid(`${eventId}#${n}`);
}

/** The event types `handleEvent` acts on; anything else is only recorded. */
const HANDLED_EVENTS = new Set(['im.message.receive_v1', 'im.chat.member.bot.added_v1', 'application.bot.menu_v6']);

/** Whether a message's `mentions` include the given open_id. */
function mentions(list: unknown, openId: string): boolean {
  return Array.isArray(list) && list.some((m: { id?: { open_id?: unknown } } | null) => m?.id?.open_id === openId);
}

const asMessage = <M extends OutMessage | FileMessage>(m: M | string): M | OutMessage => (typeof m === 'string' ? { text: m } : m);

/** Sends through the outbox; a message Feishu refused for good is an error for the caller. */
async function deliver(outbox: Ports['outbox'], input: EnqueueInput): Promise<Delivery> {
  const delivery = await outbox.send(input);
  if (delivery.status === 'failed') throw new Error(`message not delivered: ${delivery.error ?? 'unknown error'}`);
  return delivery;
}

export class Bot implements EventHandler {
  readonly router: Router;
  /**
   * What a card click sends through: the platform waits for the click's answer, so a send that
   * fails is tried once now and left to the outbox's retries, never Feishu's in-call backoff.
   */
  private readonly clickOutbox: Ports['outbox'];

  constructor(private readonly opts: BotOptions) {
    this.router = new Router(opts.registry);
    this.clickOutbox = { send: (input) => opts.outbox.send(input, { once: true }) };
  }

  /**
   * Group chatter that does not @-mention the bot, and event types it does not handle, are
   * recorded for dedupe only (pipeline.ts). Decided on the raw event, as `onMessage` drops it;
   * while the bot's own open_id is not yet known, a message that @-mentions anyone is kept.
   */
  ignores(event: InboundEvent): boolean {
    if (!HANDLED_EVENTS.has(event.type)) return true;
    if (event.type !== 'im.message.receive_v1') return false;
    const raw = (event.event as { message?: { chat_type?: unknown; mentions?: unknown } }).message;
    if (raw?.chat_type === 'p2p') return false;
    if (!Array.isArray(raw?.mentions) || raw.mentions.length === 0) return true;
    const me = this.opts.botOpenId();
    return typeof me === 'string' && !mentions(raw.mentions, me);
  }

  async handleEvent(event: InboundEvent): Promise<void> {
    switch (event.type) {
      case 'im.message.receive_v1':
        return this.onMessage(event);
      case 'im.chat.member.bot.added_v1':
        return this.onAddedToChat(event);
      case 'application.bot.menu_v6':
        return this.onMenu(event);
      default:
        this.opts.log.debug({ eventId: event.id, type: event.type }, 'event type not handled');
    }
  }

  async handleCardAction(event: InboundEvent): Promise<CardResponse> {
    const parsed = cardAction.safeParse(event.event);
    if (!parsed.success) return toast('error', t('error.cardInvalid'));
    const { operator, action, context } = parsed.data;
    const base = this.baseContext(event.id, account(operator), event.id, this.clickOutbox);
    const ctx: ActionContext = { ...base, messageId: context?.open_message_id, chatId: context?.open_chat_id, form: action.form_value ?? {} };
    return this.boundary(event.id, () => this.router.runAction(ctx, action.value), (text) => toast('error', text));
  }

  private async onMessage(event: InboundEvent): Promise<void> {
    // Most group chatter is not for the bot: drop it before validating the whole message.
    // Only a drop is decided on unvalidated data, never an action.
    const raw = (event.event as { message?: { chat_type?: unknown; mentions?: unknown } }).message;
    if (raw?.chat_type !== 'p2p' && !(await this.mentionsMe(raw?.mentions))) return;
    const parsed = messageReceived.safeParse(event.event);
    if (!parsed.success) {
      this.opts.log.warn({ eventId: event.id }, 'malformed message event ignored');
      return;
    }
    const { sender, message } = parsed.data;
    // Only people talk to the bot; its own and other apps' messages are not commands.
    if (sender.sender_type !== 'user' || !sender.sender_id.open_id) return;
    const chatType = message.chat_type === 'p2p' ? 'p2p' : 'group';

    const ctx = this.commandContext(event.id, account({ ...sender.sender_id, open_id: sender.sender_id.open_id }), { id: message.chat_id, type: chatType }, message.message_id);
    // Hooks only see private messages: the same context, with the chat and message known.
    const hook: HookContext | undefined = chatType === 'p2p' ? { ...ctx, chat: { id: message.chat_id, type: 'p2p' }, messageId: message.message_id } : undefined;
    await this.replying(ctx, async () => {
      const content = safeJson(message.content);
      if (message.message_type === 'text' || message.message_type === 'post') {
        const text = message.message_type === 'text' ? textContent.safeParse(content).data?.text : postText(content);
        if (text === undefined || text === null) return;
        // A post in a private chat may carry photos (a pasted screenshot, a photo sent with the
        // report): evidence, as an image message is. In a group only its text counts.
        const images = hook && message.message_type === 'post' ? postImages(content) : undefined;
        if (!hook || !images || (images.imageKeys.length === 0 && images.malformed === 0)) return this.onText(ctx, text, hook);
        if (images.malformed > 0) this.opts.log.warn({ eventId: event.id, malformed: images.malformed }, 'post images without an image_key ignored');
        // The text first (it may create the log the photos belong to), then each photo in order,
        // each answered through ctx.reply, so every answer keeps its own stable send uuid. A text
        // that fails ends here: its photos are not attached to some earlier log instead.
        if (text.trim() !== '') await this.onText(ctx, text, hook);
        for (const imageKey of images.imageKeys) await this.opts.hooks.image(hook, { imageKey });
        return;
      }
      if (hook && message.message_type === 'file') {
        const file = fileContent.safeParse(content);
        if (file.success) return this.opts.hooks.file(hook, { fileKey: file.data.file_key, fileName: file.data.file_name });
      }
      if (hook && message.message_type === 'image') {
        const image = imageContent.safeParse(content);
        if (image.success) return this.opts.hooks.image(hook, { imageKey: image.data.image_key });
      }
      // A merged forward's files and photos cannot be fetched by the bot (234043): say what works.
      if (hook && message.message_type === 'merge_forward') return ctx.reply(t('hint.mergeForward'));
      if (hook && message.message_type === 'location') {
        const at = locationContent.safeParse(content);
        if (at.success) return this.opts.hooks.location(hook, { lat: at.data.latitude, lng: at.data.longitude, name: at.data.name });
      }
      // Stickers, audio and the rest carry nothing the bot uses.
      this.opts.log.debug({ eventId: event.id, type: message.message_type }, 'message type not handled');
    });
  }

  /** A text (or a post's text): a command, else plain text in a private chat, else a hint. */
  private async onText(ctx: CommandContext, text: string, hook: HookContext | undefined): Promise<void> {
    const found = this.router.lookup(text, ctx.chat.type === 'group');
    if (found.kind === 'command') return this.router.runCommand(ctx, found.call);
    if (found.kind === 'unknown') throw this.router.unknown(found, ctx.member);
    if (hook) return this.opts.hooks.plainText(hook, text.trim());
    // Reports are recorded in private only (the card that follows is the author's): say so, store nothing.
    const report = parseReport({ text: found.text, now: ctx.when.now, timeZone: ctx.timeZone, communities: [] });
    return ctx.reply(t(report.looksLikeReport ? 'hint.groupReport' : 'hint.plainText'));
  }

  private async onAddedToChat(event: InboundEvent): Promise<void> {
    const parsed = botAddedToChat.safeParse(event.event);
    if (!parsed.success) return;
    await deliver(this.opts.outbox, { to: { chatId: parsed.data.chat_id }, message: { text: t('group.welcome') }, uuid: sendUuid(event.id, 0) });
  }

  /** Bot menu items whose key is a command name run that command, answered privately. */
  private async onMenu(event: InboundEvent): Promise<void> {
    const parsed = botMenu.safeParse(event.event);
    if (!parsed.success) return;
    const who = parsed.data.operator.operator_id;
    const ctx = this.commandContext(event.id, account(who), { id: '', type: 'p2p' }, undefined);
    await this.replying(ctx, async () => {
      const found = this.router.lookup(`/${parsed.data.event_key}`, false);
      if (found.kind === 'command') await this.router.runCommand(ctx, found.call);
    });
  }

  private async mentionsMe(list: unknown): Promise<boolean> {
    if (!Array.isArray(list) || list.length === 0) return false;
    const me = await this.opts.botOpenId();
    return !!me && mentions(list, me);
  }

  /**
   * The one error boundary (STYLE.md §5), for messages, menu clicks and card clicks alike: a
   * UserError is an expected failure and becomes its Chinese message; anything else is logged
   * whole with the event id and answered with a short apology. `answer` says how: a reply or
   * a toast.
   */
  private async boundary<R>(eventId: string, work: () => Promise<R>, answer: (text: string) => R | Promise<R>): Promise<R> {
    try {
      return await work();
    } catch (err) {
      if (err instanceof UserError) {
        this.opts.log.debug({ eventId, key: err.key }, 'answered with a user error');
        return answer(render(err));
      }
      this.opts.log.error({ eventId, err }, 'update failed');
      return answer(t('error.unexpected'));
    }
  }

  private replying(ctx: CommandContext, work: () => Promise<void>): Promise<void> {
    return this.boundary(ctx.eventId, work, (text) => ctx.reply(text));
  }

  /**
   * `uuidSource`: what send uuids derive from — the message for a message (Feishu may deliver one
   * message again under a new event_id), else the event. `outbox`: what it sends through.
   */
  private baseContext(eventId: string, sender: FeishuAccount, uuidSource = eventId, outbox = this.opts.outbox) {
    const { db, feishu, clock, log, timeZone } = this.opts;
    const now = clock.now();
    const when = { now, tz: timeZone };
    let sends = 0;
    const nextUuid = () => sendUuid(uuidSource, ++sends);
    return {
      db,
      feishu,
      outbox,
      clock,
      log,
      timeZone,
      t,
      eventId,
      sender,
      member: memberForAccount(db, sender, now),
      when,
      program: currentProgramYear(db, when),
      registry: this.opts.registry,
      confirm: this.opts.confirm,
      nextUuid,
      notify: (openId: string, m: OutMessage | FileMessage | string, o?: SendKey) => deliver(outbox, { to: { openId }, message: asMessage(m), uuid: o?.uuid ?? nextUuid() }),
    };
  }

  /** keepUnionId, never at the cost of the message: a failed backfill is only logged. */
  private keepingUnionId(member: Member, sender: FeishuAccount, eventId: string): Member {
    try {
      return keepUnionId(this.opts.db, member, sender);
    } catch (err) {
      this.opts.log.warn({ eventId, err: (err as Error).message }, 'could not record the union_id of a member');
      return member;
    }
  }

  private commandContext(eventId: string, sender: FeishuAccount, chat: CommandContext['chat'], messageId: string | undefined): CommandContext {
    const base = this.baseContext(eventId, sender, messageId ?? eventId);
    return {
      ...base,
      // A member who writes keeps their union_id on file (issue 13.8); a card click only does
      // what its action does.
      member: base.member && this.keepingUnionId(base.member, sender, eventId),
      chat,
      messageId,
      reply: async (m) => {
        const to = messageId ? { chatId: chat.id } : { openId: sender.openId };
        await deliver(this.opts.outbox, { to, replyTo: messageId, message: asMessage(m), uuid: base.nextUuid() });
      },
    };
  }
}

/** The acting account from an event's id triple (`sender_id`, `operator`, `operator_id`). */
function account(ids: { open_id: string; union_id?: string; user_id?: string }): FeishuAccount {
  return { openId: ids.open_id, unionId: ids.union_id || undefined, userId: ids.user_id || undefined };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
