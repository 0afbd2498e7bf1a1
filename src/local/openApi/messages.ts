/**
 * The stand-in's message routes: send, reply, card patch and text edit, delayed card update,
 * and the image and file uploads whose keys messages use. Each call goes through the platform's
 * rules (../rules/) before it is recorded.
 */
import type { IncomingMessage } from 'node:http';
import { FILE_MAX_BYTES } from '../../feishu/api.js';
import { parseMultipart, readImage } from '../uploads.js';
import { checkCard, checkFileUpload, checkImageUpload, checkMessage, checkPatch } from '../rules/index.js';
import { fail, ok, type Json, type Platform, type Reply } from './platform.js';
import type { PatchedMessage } from './types.js';

/** A message as `im.v1.message` answers it. */
export const messageData = (messageId: string, chatId: string, msgType: string, content: string, now: number, parentId?: string) => ({
  message_id: messageId, root_id: parentId, parent_id: parentId, msg_type: msgType,
  create_time: String(now), update_time: String(now), deleted: false, updated: false, chat_id: chatId,
  sender: { id: 'cli_fake', id_type: 'app_id', sender_type: 'app', tenant_key: 'tenant_fake' },
  body: { content }, mentions: [],
});

function parseContent(body: Json): { content: any } | Reply {
  if (typeof body.msg_type !== 'string' && body.msg_type !== undefined) return fail(400, 99992402, 'field validation failed: msg_type');
  if (typeof body.content !== 'string') return fail(400, 99992402, 'field validation failed: content must be a JSON string');
  try {
    return { content: JSON.parse(body.content) };
  } catch {
    return fail(400, 230001, 'invalid message content: not JSON');
  }
}

export function sendOrReply(p: Platform, kind: 'send' | 'reply', body: Json, query: Record<string, string>, replyTo?: string): Reply {
  if (typeof body.uuid === 'string' && p.byUuid.has(body.uuid)) return ok(p.byUuid.get(body.uuid));
  const parsed = parseContent(body);
  if (!('content' in parsed)) return parsed;
  if (typeof body.msg_type !== 'string') return fail(400, 99992402, 'field validation failed: msg_type');
  let chatId: string | undefined;
  if (kind === 'send') {
    const type = query.receive_id_type;
    if (!type || typeof body.receive_id !== 'string') return fail(400, 99992402, 'field validation failed: receive_id');
    chatId = type === 'chat_id' ? body.receive_id : `oc_p2p_${body.receive_id}`;
  } else {
    chatId = replyTo ? p.sentChat.get(replyTo) : undefined;
  }
  const path = kind === 'send' ? '/open-apis/im/v1/messages' : `/open-apis/im/v1/messages/${replyTo}/reply`;
  const verdict = checkMessage(body.msg_type, parsed.content, body.content);
  const refused = p.judge('POST', path, body.msg_type === 'interactive' ? p.withImages(verdict, parsed.content) : verdict, chatId);
  if (refused) return refused;
  const at = p.now();
  const messageId = p.nextId('om_');
  const data = messageData(messageId, chatId ?? 'oc_unknown', body.msg_type, body.content, at, replyTo);
  if (chatId) p.sentChat.set(messageId, chatId);
  p.delivered.set(messageId, { msgType: body.msg_type, content: parsed.content, sentAt: at });
  if (typeof body.uuid === 'string') p.byUuid.set(body.uuid, data);
  p.record({
    messageId, kind, msgType: body.msg_type, content: parsed.content, at, chatId,
    ...(kind === 'send' ? { receiveIdType: query.receive_id_type, receiveId: body.receive_id } : { replyTo }),
    ...(body.reply_in_thread !== undefined ? { replyInThread: Boolean(body.reply_in_thread) } : {}),
    ...(typeof body.uuid === 'string' ? { uuid: body.uuid } : {}),
  });
  return ok(data);
}

/** `PATCH` (a card, under the patch rules) or `PUT` (a text or post edit) of `messageId`. */
export function patchOrEdit(p: Platform, method: 'PATCH' | 'PUT', path: string, messageId: string, body: Json): Reply {
  const parsed = parseContent(body);
  if (!('content' in parsed)) return parsed;
  const edit = method === 'PUT';
  if (p.recalled.has(messageId)) return fail(400, 230011, 'The message is recalled.');
  if (!edit) {
    const chatId = p.sentChat.get(messageId);
    const original = p.deliveredBefore(messageId);
    const refused = p.judge('PATCH', path, p.withImages(checkPatch(original, parsed.content, p.now()), parsed.content), chatId);
    if (refused) return refused;
    p.delivered.set(messageId, { ...original!, content: parsed.content });
  }
  const patch: PatchedMessage = { messageId, kind: edit ? 'edit' : 'patch', msgType: body.msg_type, content: parsed.content, at: p.now() };
  p.patches.push(patch);
  for (const cb of p.patchListeners) cb(patch);
  return ok(edit ? messageData(messageId, p.sentChat.get(messageId) ?? 'oc_unknown', body.msg_type, body.content, p.now()) : {});
}

/** `POST /open-apis/interactive/v1/card/update`: a card callback's delayed update. */
export function updateCardLater(p: Platform, path: string, body: Json): Reply {
  const refused = p.judge('POST', path, p.withImages(checkCard(body.card), body.card));
  if (refused) return refused;
  p.cardUpdates.push({ token: body.token, card: body.card, at: p.now() });
  return { body: { code: 0, msg: 'ok' } };
}

export async function upload(p: Platform, kind: 'image' | 'file', req: IncomingMessage, raw: Buffer): Promise<Reply> {
  const parts = parseMultipart(req.headers['content-type'], raw);
  const filePart = parts.find((part) => part.name === kind);
  const field = (name: string) => parts.find((part) => part.name === name)?.data.toString('utf8');
  const path = `/open-apis/im/v1/${kind}s`;
  const refusal =
    kind === 'image'
      ? checkImageUpload({ imageType: field('image_type'), bytes: filePart?.data, partFilename: filePart?.filename, info: filePart?.data.length ? await readImage(filePart.data) : undefined })
      : checkFileUpload({ bytes: filePart?.data, fileName: field('file_name'), maxBytes: p.opts.fileMaxBytes ?? FILE_MAX_BYTES });
  const refused = refusal ? p.judge('POST', path, { refusal, defects: [] }) : undefined;
  if (refused || !filePart) return refused ?? fail(400, 234001, 'Invalid request param.');
  const key = p.nextId(kind === 'image' ? 'img_' : 'file_');
  if (kind === 'image') p.imageKeys.add(key);
  p.uploads.push({
    kind, key, type: field(kind === 'image' ? 'image_type' : 'file_type'), fileName: field('file_name'),
    partFilename: filePart.filename, bytes: filePart.data, at: p.now(),
  });
  return ok(kind === 'image' ? { image_key: key } : { file_key: key });
}
