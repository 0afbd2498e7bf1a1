import { randomBytes } from 'node:crypto';
import { encrypt, newId, sign } from '../../src/local/events.js';

/** App identity stamped into v2 envelope headers. */
export interface AppIdentity {
  /** Verification Token. */
  token: string;
  appId: string;
  tenantKey?: string;
}

/** A v2 event envelope (FEISHU.md §3.1). */
export interface EventEnvelope<E = Record<string, unknown>> {
  schema: '2.0';
  header: {
    event_id: string;
    event_type: string;
    create_time: string;
    token: string;
    app_id: string;
    tenant_key: string;
  };
  event: E;
}

const DEFAULT_TENANT = 'tenant_fake';
const hex = (n: number) => randomBytes(n).toString('hex');
/** Derive stable union/user ids from an open_id so the same person looks the same everywhere. */
const userIds = (openId: string) => ({ union_id: `on_${openId.replace(/^ou_/, '')}`, user_id: `u_${openId.replace(/^ou_/, '')}`, open_id: openId });

// The platform's encryption and signature, shared with local mode's stand-in.
export { encrypt, sign };

function envelope<E>(eventType: string, event: E, app: AppIdentity, eventId?: string, createTime?: number): EventEnvelope<E> {
  return {
    schema: '2.0',
    header: {
      event_id: eventId ?? newId(''),
      event_type: eventType,
      create_time: String(createTime ?? Date.now()),
      token: app.token,
      app_id: app.appId,
      tenant_key: app.tenantKey ?? DEFAULT_TENANT,
    },
    event,
  };
}

export interface MessageEventInput {
  openId: string;
  /** Text for `message_type: 'text'`; group mentions are written as `@_user_1` placeholders. */
  text?: string;
  chatId?: string;
  chatType?: 'p2p' | 'group';
  mentions?: { key: string; openId: string; name: string }[];
  messageType?: string;
  /** Content object for non-text messages (serialized to the JSON string the platform sends). */
  content?: object;
  messageId?: string;
  eventId?: string;
  /** Unix ms. */
  createTime?: number;
  parentId?: string;
  rootId?: string;
}

/** `im.message.receive_v1` envelope. Defaults: p2p text message, fresh ids, p2p chat id derived from the sender. */
export function messageEvent(input: MessageEventInput, app: AppIdentity): EventEnvelope {
  const now = String(input.createTime ?? Date.now());
  const chatType = input.chatType ?? 'p2p';
  const tenantKey = app.tenantKey ?? DEFAULT_TENANT;
  const content = input.content ?? { text: input.text ?? '' };
  return envelope('im.message.receive_v1', {
    sender: { sender_id: userIds(input.openId), sender_type: 'user', tenant_key: tenantKey },
    message: {
      message_id: input.messageId ?? newId('om_'),
      ...(input.rootId ? { root_id: input.rootId } : {}),
      ...(input.parentId ? { parent_id: input.parentId } : {}),
      create_time: now,
      update_time: now,
      chat_id: input.chatId ?? (chatType === 'p2p' ? `oc_p2p_${input.openId}` : 'oc_group_0001'),
      chat_type: chatType,
      message_type: input.messageType ?? 'text',
      content: JSON.stringify(content),
      ...(input.mentions?.length
        ? { mentions: input.mentions.map((m) => ({ key: m.key, id: userIds(m.openId), name: m.name, tenant_key: tenantKey })) }
        : {}),
      user_agent: 'Mozilla/5.0 Lark/7.30.0',
    },
  }, app, input.eventId, input.createTime);
}

export interface CardActionInput {
  openId: string;
  /** `behaviors[].value` of the clicked component. */
  value?: unknown;
  /** Present when a form's submit button was clicked; keyed by component `name`. */
  formValue?: Record<string, unknown>;
  option?: string;
  inputValue?: string;
  tag?: string;
  name?: string;
  messageId?: string;
  chatId?: string;
  eventId?: string;
  /** Delayed-update token (`c-…`). */
  token?: string;
}

/** `card.action.trigger` envelope (FEISHU.md §4.1). */
export function cardActionEvent(input: CardActionInput, app: AppIdentity): EventEnvelope {
  const action: Record<string, unknown> = { tag: input.tag ?? 'button' };
  if (input.value !== undefined) action.value = input.value;
  if (input.name !== undefined) action.name = input.name;
  if (input.formValue !== undefined) action.form_value = input.formValue;
  if (input.option !== undefined) {
    action.option = input.option;
    action.timezone = 'Asia/Shanghai';
  }
  if (input.inputValue !== undefined) action.input_value = input.inputValue;
  return envelope('card.action.trigger', {
    operator: { tenant_key: app.tenantKey ?? DEFAULT_TENANT, ...userIds(input.openId) },
    token: input.token ?? newId('c-'),
    action,
    host: 'im_message',
    context: { open_message_id: input.messageId ?? newId('om_'), open_chat_id: input.chatId ?? `oc_p2p_${input.openId}` },
  }, app, input.eventId);
}

/** `im.chat.member.bot.added_v1` envelope. */
export function botAddedEvent(input: { chatId: string; operatorOpenId: string; name: string; eventId?: string }, app: AppIdentity): EventEnvelope {
  return envelope('im.chat.member.bot.added_v1', {
    chat_id: input.chatId,
    operator_id: userIds(input.operatorOpenId),
    external: false,
    operator_tenant_key: app.tenantKey ?? DEFAULT_TENANT,
    name: input.name,
    i18n_names: { zh_cn: input.name },
  }, app, input.eventId);
}

/** The URL-verification request the console sends when the request URL is saved (FEISHU.md §3.2). */
export function urlVerification(input: { challenge: string; token: string }): { challenge: string; token: string; type: 'url_verification' } {
  return { challenge: input.challenge, token: input.token, type: 'url_verification' };
}

export interface DeliverOptions {
  /** When set, the body is `{"encrypt": …}` and signed; when empty/absent, plaintext JSON without signature headers. */
  encryptKey?: string;
  /** Unix seconds. */
  timestamp?: number;
  nonce?: string;
  /** Override the computed `X-Lark-Signature`. */
  signature?: string;
  /** Omit the timestamp/nonce/signature headers. */
  unsigned?: boolean;
  /** Send exactly this body (still signed unless `unsigned`/`signature`). */
  rawBody?: string;
  headers?: Record<string, string>;
}

export interface DeliverResult {
  status: number;
  /** Parsed JSON, or `undefined` when the body is empty or not JSON. */
  body: any;
  text: string;
}

/** POST an envelope to `baseUrl + path` the way the platform does: encrypted, signed over the exact raw body. */
export async function deliver(baseUrl: string, path: string, envelope: object, opts: DeliverOptions = {}): Promise<DeliverResult> {
  const { encryptKey } = opts;
  const rawBody = opts.rawBody ?? JSON.stringify(encryptKey ? { encrypt: encrypt(JSON.stringify(envelope), encryptKey) } : envelope);
  const headers: Record<string, string> = { 'Content-Type': 'application/json', ...opts.headers };
  if (!opts.unsigned && (encryptKey || opts.signature !== undefined)) {
    const timestamp = String(opts.timestamp ?? Math.floor(Date.now() / 1000));
    const nonce = opts.nonce ?? hex(8);
    headers['X-Lark-Request-Timestamp'] = timestamp;
    headers['X-Lark-Request-Nonce'] = nonce;
    headers['X-Lark-Signature'] = opts.signature ?? sign(timestamp, nonce, encryptKey ?? '', rawBody);
  }
  const res = await fetch(`${baseUrl}${path}`, { method: 'POST', headers, body: rawBody });
  const text = await res.text();
  let body: any;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  return { status: res.status, body, text };
}
