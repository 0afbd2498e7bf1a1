/**
 * Which stand-in route answers a request: the token endpoints and the long-connection endpoint
 * (no tenant token needed), then the tenant token check, then bot info, messages (./messages.ts),
 * message resources, contacts and chats, as the node-sdk calls them.
 */
import type { IncomingMessage } from 'node:http';
import { patchOrEdit, sendOrReply, updateCardLater, upload } from './messages.js';
import { fail, ok, type Json, type Platform, type Reply } from './platform.js';
import type { FakeOpenApi } from './types.js';

const MSG_ROUTE = /^\/open-apis\/im\/v1\/messages\/([^/]+)$/;
const REPLY_ROUTE = /^\/open-apis\/im\/v1\/messages\/([^/]+)\/reply$/;
const RESOURCE_ROUTE = /^\/open-apis\/im\/v1\/messages\/([^/]+)\/resources\/([^/]+)$/;
const USER_ROUTE = /^\/open-apis\/contact\/v3\/users\/([^/]+)$/;
const CHAT_ROUTE = /^\/open-apis\/im\/v1\/chats\/([^/]+)$/;
const TOKEN_ROUTES = new Set(['/open-apis/auth/v3/tenant_access_token/internal', '/open-apis/auth/v3/app_access_token/internal']);

/** `fake` is the handle tests hold: its `botOpenId` and attached `ws` gateway may change. */
export async function route(p: Platform, fake: Pick<FakeOpenApi, 'botOpenId' | 'ws'>, req: IncomingMessage, path: string, query: Record<string, string>, body: Json, raw: Buffer): Promise<Reply> {
  const method = req.method ?? 'GET';
  if (TOKEN_ROUTES.has(path) && method === 'POST') {
    return { body: { code: 0, msg: 'ok', tenant_access_token: p.token, app_access_token: p.token, expire: 7200 } };
  }
  if (path === '/callback/ws/endpoint' && method === 'POST') {
    return fake.ws ? { body: fake.ws.endpointResponse() } : fail(200, 1, 'ws gateway not attached');
  }
  if (!path.startsWith('/open-apis/')) return fail(404, 404, 'not found');
  const auth = req.headers.authorization;
  if (!auth) return fail(200, 99991661, 'missing token');
  if (auth !== `Bearer ${p.token}`) return fail(200, 99991663, 'invalid access token');

  let m: RegExpExecArray | null;
  if (path === '/open-apis/bot/v3/info' && method === 'GET') {
    return { body: { code: 0, msg: 'ok', bot: { open_id: fake.botOpenId, app_name: '社区实践助手', activate_status: 2, avatar_url: '', ip_white_list: [] } } };
  }
  if (path === '/open-apis/im/v1/messages' && method === 'POST') return sendOrReply(p, 'send', body, query);
  if ((m = REPLY_ROUTE.exec(path)) && method === 'POST') {
    if (p.recalled.has(m[1]!)) return fail(400, 230011, 'The message is recalled.');
    return sendOrReply(p, 'reply', body, query, m[1]);
  }
  if ((m = MSG_ROUTE.exec(path)) && (method === 'PATCH' || method === 'PUT')) return patchOrEdit(p, method, path, m[1]!, body);
  if (path === '/open-apis/im/v1/images' && method === 'POST') return await upload(p, 'image', req, raw);
  if (path === '/open-apis/im/v1/files' && method === 'POST') return await upload(p, 'file', req, raw);
  if ((m = RESOURCE_ROUTE.exec(path)) && method === 'GET') {
    if (p.unsupportedResources.has(`${m[1]}\n${m[2]}`)) return fail(400, 234043, 'Unsupported message type.');
    const res = p.resources.get(`${m[1]}\n${m[2]}`);
    if (!res) return fail(400, 234003, 'File not in msg.');
    return { body: undefined, raw: res.bytes, headers: { 'content-type': res.contentType, 'content-disposition': `attachment; filename="${m[2]}"` } };
  }
  if ((m = USER_ROUTE.exec(path)) && method === 'GET') {
    const user = p.users.get(m[1]!);
    return user ? ok({ user }) : fail(400, 41050, 'no user authority');
  }
  if ((m = CHAT_ROUTE.exec(path)) && method === 'GET') {
    const chatId = m[1]!;
    return ok({
      name: `群 ${chatId}`, description: '', avatar: '', owner_id: 'ou_owner', owner_id_type: 'open_id', chat_mode: 'group',
      chat_type: 'private', chat_tag: 'inner', external: false, tenant_key: 'tenant_fake', user_count: '3', bot_count: '1',
      chat_status: 'normal', ...p.chats.get(chatId),
    });
  }
  if (path === '/open-apis/interactive/v1/card/update' && method === 'POST') return updateCardLater(p, path, body);
  return fail(404, 404, `fake has no route for ${method} ${path}`);
}
