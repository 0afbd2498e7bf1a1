/**
 * What the Feishu platform does to an event before it reaches the bot, done by local mode's
 * stand-in: a v2 envelope, AES-256-CBC encryption with the encrypt key, and the
 * `X-Lark-Signature` over the exact raw body, POSTed to the bot's real webhook routes. So a
 * local event passes the same signature, window, decryption, token and dedupe checks as a
 * production one (FEISHU.md §3).
 */
import { createCipheriv, createHash, randomBytes, randomUUID } from 'node:crypto';

/** The per-run random credentials shared by the stand-in and the bot. */
export interface LocalCredentials {
  appId: string;
  appSecret: string;
  verificationToken: string;
  encryptKey: string;
}

const TENANT_KEY = 'tenant_local';

export const newId = (prefix: string): string => `${prefix}${randomUUID().replace(/-/g, '')}`;

/** Fresh random credentials for one run of local mode (never written anywhere). */
export function randomCredentials(): LocalCredentials {
  const hex = (n: number) => randomBytes(n).toString('hex');
  return { appId: `cli_${hex(8)}`, appSecret: hex(16), verificationToken: hex(16), encryptKey: hex(16) };
}

const userIds = (openId: string) => ({ open_id: openId, union_id: `on_${openId.replace(/^ou_/, '')}`, user_id: `u_${openId.replace(/^ou_/, '')}` });

function envelope(eventType: string, event: object, creds: LocalCredentials, now: number) {
  return {
    schema: '2.0',
    header: { event_id: newId('ev_'), event_type: eventType, create_time: String(now), token: creds.verificationToken, app_id: creds.appId, tenant_key: TENANT_KEY },
    event,
  };
}

export interface UserMessage {
  openId: string;
  chatId: string;
  chatType: 'p2p' | 'group';
  messageId: string;
  messageType: 'text' | 'image' | 'location';
  content: object;
  /** The bot, when the message @-mentions it (group messages). */
  mention?: { key: string; openId: string; name: string };
}

/** `im.message.receive_v1` as the platform sends it. */
export function messageEvent(m: UserMessage, creds: LocalCredentials, now: number) {
  return envelope('im.message.receive_v1', {
    sender: { sender_id: userIds(m.openId), sender_type: 'user', tenant_key: TENANT_KEY },
    message: {
      message_id: m.messageId, create_time: String(now), update_time: String(now), chat_id: m.chatId, chat_type: m.chatType,
      message_type: m.messageType, content: JSON.stringify(m.content),
      ...(m.mention ? { mentions: [{ key: m.mention.key, id: userIds(m.mention.openId), name: m.mention.name, tenant_key: TENANT_KEY }] } : {}),
    },
  }, creds, now);
}

interface CardClick {
  openId: string;
  messageId: string;
  chatId: string;
  tag: string;
  value?: unknown;
  name?: string;
  formValue?: Record<string, unknown>;
}

/** `card.action.trigger` as the platform sends it (FEISHU.md §4.1). */
export function cardActionEvent(c: CardClick, creds: LocalCredentials, now: number) {
  const action: Record<string, unknown> = { tag: c.tag };
  if (c.value !== undefined) action.value = c.value;
  if (c.name !== undefined) action.name = c.name;
  if (c.formValue !== undefined) action.form_value = c.formValue;
  return envelope('card.action.trigger', {
    operator: { tenant_key: TENANT_KEY, ...userIds(c.openId) },
    token: newId('c-'),
    action,
    host: 'im_message',
    context: { open_message_id: c.messageId, open_chat_id: c.chatId },
  }, creds, now);
}

/** Encrypts like the platform: AES-256-CBC, key = sha256(encryptKey), random IV prepended, base64. */
export function encrypt(plain: string, encryptKey: string): string {
  const key = createHash('sha256').update(encryptKey).digest();
  const iv = randomBytes(16);
  const cipher = createCipheriv('aes-256-cbc', key, iv);
  return Buffer.concat([iv, cipher.update(plain, 'utf8'), cipher.final()]).toString('base64');
}

/** `X-Lark-Signature`: hex sha256 of timestamp + nonce + encryptKey + raw body. */
export function sign(timestamp: string | number, nonce: string, encryptKey: string, rawBody: string): string {
  return createHash('sha256').update(`${timestamp}${nonce}${encryptKey}${rawBody}`).digest('hex');
}

interface SignedRequest {
  headers: Record<string, string>;
  body: string;
}

/** The encrypted body and signature headers for one envelope, timestamped by the given clock time. */
export function signedRequest(env: object, encryptKey: string, now: number): SignedRequest {
  const body = JSON.stringify({ encrypt: encrypt(JSON.stringify(env), encryptKey) });
  const timestamp = String(Math.floor(now / 1000));
  const nonce = randomBytes(8).toString('hex');
  const signature = sign(timestamp, nonce, encryptKey, body);
  return {
    body,
    headers: { 'content-type': 'application/json', 'x-lark-request-timestamp': timestamp, 'x-lark-request-nonce': nonce, 'x-lark-signature': signature },
  };
}

/** POSTs a signed request to the bot; the answer's status and parsed JSON body. */
export async function post(url: string, req: SignedRequest): Promise<{ status: number; body: any }> {
  const res = await fetch(url, { method: 'POST', headers: req.headers, body: req.body });
  const text = await res.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  return { status: res.status, body };
}
