/**
 * An in-process stand-in for the Feishu Open API that the real node-sdk `Client` talks to:
 * tenant tokens, bot info, message send/reply/patch, uploads, resource downloads, contacts,
 * chats. Local mode (src/local/index.ts) runs the bot against it; the tests use it as their
 * fake through test/fakes/openApi.ts. It records what it was sent and never leaves 127.0.0.1.
 */
import { randomBytes } from 'node:crypto';
import http, { type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FILE_MAX_BYTES } from '../feishu/api.js';
import { parseMultipart, readImage } from './uploads.js';
import { checkCallbackAnswer, checkCard, checkFileUpload, checkImageUpload, checkMessage, checkPatch, type Defect, type DeliveredMessage, type Refusal, type Verdict } from './rules/index.js';

/** One HTTP request as the fake saw it (recorded before auth checks and failure injection). */
export interface RecordedCall {
  method: string;
  path: string;
  query: Record<string, string>;
  body?: unknown;
  headers: IncomingHttpHeaders;
  at: number;
}

/** A successful send or reply (duplicates by `uuid` are not recorded). */
export interface SentMessage {
  messageId: string;
  kind: 'send' | 'reply';
  receiveIdType?: string;
  receiveId?: string;
  replyTo?: string;
  replyInThread?: boolean;
  chatId?: string;
  msgType: string;
  content: any;
  uuid?: string;
  at: number;
}

/** A card PATCH (`kind: 'patch'`) or a text/post edit via PUT (`kind: 'edit'`). */
export interface PatchedMessage {
  messageId: string;
  kind: 'patch' | 'edit';
  msgType?: string;
  content: any;
  at: number;
}

/** A delayed card update (`POST /open-apis/interactive/v1/card/update`). */
export interface CardUpdate {
  token: string;
  card: any;
  at: number;
}

/** An image or file upload with the bytes received. */
export interface Upload {
  kind: 'image' | 'file';
  key: string;
  /** `image_type` or `file_type` form field. */
  type?: string;
  /** `file_name` form field (files only). */
  fileName?: string;
  /** `filename` of the multipart part (absent when the SDK was given a raw Buffer). */
  partFilename?: string;
  bytes: Buffer;
  at: number;
}

/** Which requests a {@link FakeOpenApi.failNext} rule applies to; `path` is the pathname without query. */
export interface RequestMatcher {
  method?: string;
  path?: string | RegExp;
}

/** A canned response used by failure injection. */
export interface FakeResponse {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** A call the stand-in refused as Feishu would (rules/), with what was asked. */
export interface RecordedRefusal extends Refusal {
  method: string;
  path: string;
  at: number;
  /** The chat the message was for, when known (local mode shows the note there). */
  chatId?: string;
}

/** Something the stand-in accepted but Feishu would show wrongly (rules/). */
export interface RecordedDefect extends Defect {
  method: string;
  /** The API path, or `callback` for a card-callback answer. */
  where: string;
  at: number;
  chatId?: string;
}

export interface FakeOpenApiOptions {
  botOpenId?: string;
  /** Tenant access token handed out and then required on every call. Default `t-fake`. */
  token?: string;
  latencyMs?: number;
  /** Files larger than this are refused, as Feishu refuses files over 30 MB (default FILE_MAX_BYTES). */
  fileMaxBytes?: number;
  /** The platform's clock (message times, the 14-day patch window); default the system clock. */
  clock?: { now(): number };
}

/** What the Open API needs from an attached long-connection gateway. */
export interface WsGatewayHook {
  endpointResponse(): unknown;
  close(): void;
}

export interface FakeUser {
  name: string;
  [field: string]: unknown;
}

export interface FakeOpenApi {
  /** Base URL without trailing slash, e.g. `http://127.0.0.1:41234`; pass as the SDK `domain`. */
  readonly url: string;
  readonly server: http.Server;
  botOpenId: string;
  readonly calls: RecordedCall[];
  readonly messages: SentMessage[];
  readonly patches: PatchedMessage[];
  readonly cardUpdates: CardUpdate[];
  readonly uploads: Upload[];
  /** Calls refused by the platform's rules since the last `takeRefusals()`. */
  readonly refusals: RecordedRefusal[];
  /** Mis-renderings accepted since the last `takeDefects()`. */
  readonly defects: RecordedDefect[];
  /** Returns and forgets the refusals recorded so far (a test that means to trigger one takes it). */
  takeRefusals(): RecordedRefusal[];
  /** Returns and forgets the defects recorded so far. */
  takeDefects(): RecordedDefect[];
  /** Called whenever a call is refused or a defect found; returns an unsubscribe function. */
  onVerdict(cb: (v: { refusal?: RecordedRefusal; defects: RecordedDefect[] }) => void): () => void;
  /**
   * Checks the bot's answer to a card callback as Feishu would (the answer never reaches the
   * stand-in over HTTP, so whoever delivered the click hands it over) and records the verdict.
   */
  checkAnswer(status: number, body: unknown, chatId?: string): Verdict;
  /** A long-connection gateway attached by the tests (test/fakes/wsGateway.ts). */
  ws?: WsGatewayHook;
  /** The next `times` requests matching `match` get `response` instead of normal handling. */
  failNext(match: RequestMatcher, response: FakeResponse, times?: number): void;
  /** Delay handling of every later request by `ms` (the request is recorded in `calls` first). */
  setLatency(ms: number): void;
  /** Register a user for `contact.v3.user.get`; fields are merged over realistic defaults. */
  setUser(openId: string, user: FakeUser): void;
  /** Override fields of `im.v1.chat.get` for one chat (any chat id answers with defaults). */
  setChat(chatId: string, chat: Record<string, unknown>): void;
  /** Bytes served by `GET /open-apis/im/v1/messages/:messageId/resources/:fileKey`. */
  addResource(messageId: string, fileKey: string, bytes: Buffer, contentType?: string, opts?: { unsupported?: boolean }): void;
  /** Plays a withdrawn message: replies and patches to it answer 230011 "The message is recalled." */
  recall(messageId: string): void;
  /**
   * Plays a tenant token rejected before its expiry (Feishu answers 99991663): the token handed
   * out so far stops working at once; the next token request gets a new one.
   */
  rotateToken(): void;
  /** Resolves with the first message (index ≥ `since`) matching `predicate`, now or later. */
  waitFor(predicate: (m: SentMessage) => boolean, timeoutMs?: number, since?: number): Promise<SentMessage>;
  /** Resolves once at least `n` messages are recorded, with the first `n`. */
  waitForMessages(n: number, timeoutMs?: number): Promise<SentMessage[]>;
  /** Called synchronously whenever a message is recorded; returns an unsubscribe function. */
  onMessage(cb: (m: SentMessage) => void): () => void;
  /** Called synchronously whenever a card PATCH or message edit is recorded; returns an unsubscribe function. */
  onPatch(cb: (p: PatchedMessage) => void): () => void;
  /** Tells the stand-in which chat a user's message is in, so replies to it land there. */
  noteMessage(messageId: string, chatId: string): void;
  /** Clears recordings, pending failures and the uuid memory; keeps users, chats, resources, refusals and defects. */
  reset(): void;
  close(): Promise<void>;
}

type Json = Record<string, any>;
type Reply = { status?: number; body: unknown; headers?: Record<string, string>; raw?: Buffer };
type Rule = { match: RequestMatcher; response: FakeResponse; left: number };

const MSG_ROUTE = /^\/open-apis\/im\/v1\/messages\/([^/]+)$/;
const REPLY_ROUTE = /^\/open-apis\/im\/v1\/messages\/([^/]+)\/reply$/;
const RESOURCE_ROUTE = /^\/open-apis\/im\/v1\/messages\/([^/]+)\/resources\/([^/]+)$/;
const USER_ROUTE = /^\/open-apis\/contact\/v3\/users\/([^/]+)$/;
const CHAT_ROUTE = /^\/open-apis\/im\/v1\/chats\/([^/]+)$/;
const TOKEN_ROUTES = new Set(['/open-apis/auth/v3/tenant_access_token/internal', '/open-apis/auth/v3/app_access_token/internal']);

const ok = (data: unknown, msg = 'success'): Reply => ({ body: { code: 0, msg, data } });
const fail = (status: number, code: number, msg: string): Reply => ({ status, body: { code, msg } });

/** Start the stand-in on 127.0.0.1 (random port) that the real node-sdk `Client` can talk to. */
export async function startOpenApiStandIn(opts: FakeOpenApiOptions = {}): Promise<FakeOpenApi> {
  const baseToken = opts.token ?? 't-fake';
  let token = baseToken;
  let tokenGeneration = 0;
  /** Messages withdrawn (the user's or the app's): replies and patches to them answer 230011. */
  const recalled = new Set<string>();
  /** Resources of merged-forward or card messages: Feishu will not hand them out (234043). */
  const unsupportedResources = new Set<string>();
  const idPrefix = randomBytes(3).toString('hex');
  let seq = 0;
  const nextId = (prefix: string) => `${prefix}${idPrefix}${(++seq).toString(16).padStart(8, '0')}`;

  let latency = opts.latencyMs ?? 0;
  let rules: Rule[] = [];
  let byUuid = new Map<string, Json>();
  const users = new Map<string, FakeUser>();
  const chats = new Map<string, Record<string, unknown>>();
  const resources = new Map<string, { bytes: Buffer; contentType: string }>();
  const sentChat = new Map<string, string>();
  const listeners = new Set<(m: SentMessage) => void>();
  const patchListeners = new Set<(p: PatchedMessage) => void>();
  const verdictListeners = new Set<(v: { refusal?: RecordedRefusal; defects: RecordedDefect[] }) => void>();
  /** The app's own messages, for the patch rules (what was sent, when). */
  const delivered = new Map<string, DeliveredMessage>();
  /** Image keys this app uploaded: the only ones a card may show. */
  const imageKeys = new Set<string>();
  /** Keys of what users sent (served as message resources): never the app's to show. */
  const userImageKeys = new Set<string>();
  const now = () => (opts.clock ?? Date).now();

  /** Records what the rules found; a refusal becomes Feishu's error answer. */
  function judge(method: string, where: string, verdict: Verdict, chatId?: string): Reply | undefined {
    const at = now();
    const defects = verdict.defects.map((d) => ({ ...d, method, where, at, chatId }));
    const refusal = verdict.refusal ? { ...verdict.refusal, method, path: where, at, chatId } : undefined;
    if (refusal) fake.refusals.push(refusal);
    fake.defects.push(...defects);
    if (refusal || defects.length) for (const cb of verdictListeners) cb({ refusal, defects });
    return refusal ? fail(refusal.status, refusal.code, refusal.msg) : undefined;
  }

  /**
   * What this app sent as `messageId`. An id shaped like this stand-in's but unknown to this run
   * is taken as a card an earlier run sent (local mode keeps its database across restarts, as
   * Feishu keeps messages), of unknown age; anything else is not the app's message.
   */
  function deliveredBefore(messageId: string): DeliveredMessage | undefined {
    const known = delivered.get(messageId);
    if (known || !/^om_[0-9a-f]{14}$/.test(messageId) || messageId.startsWith(`om_${idPrefix}`)) return known;
    return { msgType: 'interactive', content: { config: { update_multi: true } }, sentAt: now() };
  }

  /**
   * `verdict`, or a refusal when the card shows a picture this app did not upload: a student's
   * image_key (of their message) is not the app's. A key shaped like this stand-in's uploads but
   * unknown to this run is taken as one an earlier run uploaded (local mode keeps its database
   * across restarts; Feishu its keys).
   */
  function withImages(verdict: Verdict, card: unknown): Verdict {
    if (verdict.refusal) return verdict;
    const keys = JSON.stringify(card ?? null).match(/"img_key":"[^"]*"/g) ?? [];
    const foreign = keys.map((k) => k.slice(11, -1)).find((k) => !imageKeys.has(k) && (userImageKeys.has(k) || !/^img_[0-9a-f]{14}$/.test(k)));
    if (foreign === undefined) return verdict;
    const msg = `Failed to create card content, ext=ErrCode: 200621; ErrMsg: img_key is invalid (not uploaded by this app); ErrorValue: ${foreign}; `;
    return { refusal: { rule: 'card.imageKey', status: 400, code: 230099, msg }, defects: verdict.defects };
  }

  const record = (m: SentMessage) => {
    fake.messages.push(m);
    for (const cb of listeners) cb(m);
  };

  const messageData = (messageId: string, chatId: string, msgType: string, content: string, now: number, parentId?: string) => ({
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

  function sendOrReply(kind: 'send' | 'reply', body: Json, query: Record<string, string>, replyTo?: string): Reply {
    if (typeof body.uuid === 'string' && byUuid.has(body.uuid)) return ok(byUuid.get(body.uuid));
    const parsed = parseContent(body);
    if (!('content' in parsed)) return parsed;
    if (typeof body.msg_type !== 'string') return fail(400, 99992402, 'field validation failed: msg_type');
    let chatId: string | undefined;
    if (kind === 'send') {
      const type = query.receive_id_type;
      if (!type || typeof body.receive_id !== 'string') return fail(400, 99992402, 'field validation failed: receive_id');
      chatId = type === 'chat_id' ? body.receive_id : `oc_p2p_${body.receive_id}`;
    } else {
      chatId = replyTo ? sentChat.get(replyTo) : undefined;
    }
    const path = kind === 'send' ? '/open-apis/im/v1/messages' : `/open-apis/im/v1/messages/${replyTo}/reply`;
    const verdict = checkMessage(body.msg_type, parsed.content, body.content);
    const refused = judge('POST', path, body.msg_type === 'interactive' ? withImages(verdict, parsed.content) : verdict, chatId);
    if (refused) return refused;
    const at = now();
    const messageId = nextId('om_');
    const data = messageData(messageId, chatId ?? 'oc_unknown', body.msg_type, body.content, at, replyTo);
    if (chatId) sentChat.set(messageId, chatId);
    delivered.set(messageId, { msgType: body.msg_type, content: parsed.content, sentAt: at });
    if (typeof body.uuid === 'string') byUuid.set(body.uuid, data);
    record({
      messageId, kind, msgType: body.msg_type, content: parsed.content, at, chatId,
      ...(kind === 'send' ? { receiveIdType: query.receive_id_type, receiveId: body.receive_id } : { replyTo }),
      ...(body.reply_in_thread !== undefined ? { replyInThread: Boolean(body.reply_in_thread) } : {}),
      ...(typeof body.uuid === 'string' ? { uuid: body.uuid } : {}),
    });
    return ok(data);
  }

  async function upload(kind: 'image' | 'file', req: IncomingMessage, raw: Buffer): Promise<Reply> {
    const parts = parseMultipart(req.headers['content-type'], raw);
    const filePart = parts.find((p) => p.name === kind);
    const field = (name: string) => parts.find((p) => p.name === name)?.data.toString('utf8');
    const path = `/open-apis/im/v1/${kind}s`;
    const refusal =
      kind === 'image'
        ? checkImageUpload({ imageType: field('image_type'), bytes: filePart?.data, partFilename: filePart?.filename, info: filePart?.data.length ? await readImage(filePart.data) : undefined })
        : checkFileUpload({ bytes: filePart?.data, fileName: field('file_name'), maxBytes: opts.fileMaxBytes ?? FILE_MAX_BYTES });
    const refused = refusal ? judge('POST', path, { refusal, defects: [] }) : undefined;
    if (refused || !filePart) return refused ?? fail(400, 234001, 'Invalid request param.');
    const key = nextId(kind === 'image' ? 'img_' : 'file_');
    if (kind === 'image') imageKeys.add(key);
    fake.uploads.push({
      kind, key, type: field(kind === 'image' ? 'image_type' : 'file_type'), fileName: field('file_name'),
      partFilename: filePart.filename, bytes: filePart.data, at: now(),
    });
    return ok(kind === 'image' ? { image_key: key } : { file_key: key });
  }

  async function route(req: IncomingMessage, path: string, query: Record<string, string>, body: Json, raw: Buffer): Promise<Reply> {
    const method = req.method ?? 'GET';
    if (TOKEN_ROUTES.has(path) && method === 'POST') {
      return { body: { code: 0, msg: 'ok', tenant_access_token: token, app_access_token: token, expire: 7200 } };
    }
    if (path === '/callback/ws/endpoint' && method === 'POST') {
      return fake.ws ? { body: fake.ws.endpointResponse() } : fail(200, 1, 'ws gateway not attached');
    }
    if (!path.startsWith('/open-apis/')) return fail(404, 404, 'not found');
    const auth = req.headers.authorization;
    if (!auth) return fail(200, 99991661, 'missing token');
    if (auth !== `Bearer ${token}`) return fail(200, 99991663, 'invalid access token');

    let m: RegExpExecArray | null;
    if (path === '/open-apis/bot/v3/info' && method === 'GET') {
      return { body: { code: 0, msg: 'ok', bot: { open_id: fake.botOpenId, app_name: '社区实践助手', activate_status: 2, avatar_url: '', ip_white_list: [] } } };
    }
    if (path === '/open-apis/im/v1/messages' && method === 'POST') return sendOrReply('send', body, query);
    if ((m = REPLY_ROUTE.exec(path)) && method === 'POST') {
      if (recalled.has(m[1]!)) return fail(400, 230011, 'The message is recalled.');
      return sendOrReply('reply', body, query, m[1]);
    }
    if ((m = MSG_ROUTE.exec(path)) && (method === 'PATCH' || method === 'PUT')) {
      const parsed = parseContent(body);
      if (!('content' in parsed)) return parsed;
      const messageId = m[1]!;
      const edit = method === 'PUT';
      if (recalled.has(messageId)) return fail(400, 230011, 'The message is recalled.');
      if (!edit) {
        const chatId = sentChat.get(messageId);
        const refused = judge('PATCH', path, withImages(checkPatch(deliveredBefore(messageId), parsed.content, now()), parsed.content), chatId);
        if (refused) return refused;
        delivered.set(messageId, { ...deliveredBefore(messageId)!, content: parsed.content });
      }
      const patch: PatchedMessage = { messageId, kind: edit ? 'edit' : 'patch', msgType: body.msg_type, content: parsed.content, at: now() };
      fake.patches.push(patch);
      for (const cb of patchListeners) cb(patch);
      return ok(edit ? messageData(messageId, sentChat.get(messageId) ?? 'oc_unknown', body.msg_type, body.content, now()) : {});
    }
    if (path === '/open-apis/im/v1/images' && method === 'POST') return await upload('image', req, raw);
    if (path === '/open-apis/im/v1/files' && method === 'POST') return await upload('file', req, raw);
    if ((m = RESOURCE_ROUTE.exec(path)) && method === 'GET') {
      if (unsupportedResources.has(`${m[1]}\n${m[2]}`)) return fail(400, 234043, 'Unsupported message type.');
      const res = resources.get(`${m[1]}\n${m[2]}`);
      if (!res) return fail(400, 234003, 'File not in msg.');
      return { body: undefined, raw: res.bytes, headers: { 'content-type': res.contentType, 'content-disposition': `attachment; filename="${m[2]}"` } };
    }
    if ((m = USER_ROUTE.exec(path)) && method === 'GET') {
      const user = users.get(m[1]!);
      return user ? ok({ user }) : fail(400, 41050, 'no user authority');
    }
    if ((m = CHAT_ROUTE.exec(path)) && method === 'GET') {
      const chatId = m[1]!;
      return ok({
        name: `群 ${chatId}`, description: '', avatar: '', owner_id: 'ou_owner', owner_id_type: 'open_id', chat_mode: 'group',
        chat_type: 'private', chat_tag: 'inner', external: false, tenant_key: 'tenant_fake', user_count: '3', bot_count: '1',
        chat_status: 'normal', ...chats.get(chatId),
      });
    }
    if (path === '/open-apis/interactive/v1/card/update' && method === 'POST') {
      const refused = judge('POST', path, withImages(checkCard(body.card), body.card));
      if (refused) return refused;
      fake.cardUpdates.push({ token: body.token, card: body.card, at: now() });
      return { body: { code: 0, msg: 'ok' } };
    }
    return fail(404, 404, `fake has no route for ${method} ${path}`);
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks);
    const url = new URL(req.url ?? '/', 'http://fake');
    const path = url.pathname;
    const query = Object.fromEntries(url.searchParams);
    let json: Json | undefined;
    if (raw.length && String(req.headers['content-type']).includes('json')) {
      try { json = JSON.parse(raw.toString('utf8')); } catch { json = undefined; }
    }
    const method = req.method ?? 'GET';
    fake.calls.push({ method, path, query, body: json, headers: req.headers, at: now() });
    if (latency > 0) await new Promise((r) => setTimeout(r, latency));

    const rule = rules.find((r) => r.left > 0 && matches(r.match, method, path));
    if (rule) rule.left--;
    const reply: Reply = rule ? rule.response : await route(req, path, query, json ?? {}, raw);
    const payload = reply.raw ?? Buffer.from(JSON.stringify(reply.body));
    res.writeHead(reply.status ?? 200, { 'content-type': 'application/json; charset=utf-8', ...reply.headers, 'content-length': payload.length });
    res.end(payload);
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ code: 500, msg: String(err) }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const fake: FakeOpenApi = {
    url: `http://127.0.0.1:${port}`,
    server,
    botOpenId: opts.botOpenId ?? 'ou_bot_0000',
    calls: [], messages: [], patches: [], cardUpdates: [], uploads: [], refusals: [], defects: [],
    takeRefusals: () => fake.refusals.splice(0),
    takeDefects: () => fake.defects.splice(0),
    onVerdict(cb) {
      verdictListeners.add(cb);
      return () => verdictListeners.delete(cb);
    },
    checkAnswer(status, body, chatId) {
      const card = (body as { card?: { type?: string; data?: unknown } } | null)?.card;
      const verdict = withImages(checkCallbackAnswer(status, body), card?.type === 'raw' ? card.data : null);
      judge('POST', 'callback', verdict, chatId);
      return verdict;
    },
    failNext(match, response, times = 1) {
      rules = rules.filter((r) => r.left > 0);
      rules.push({ match, response, left: times });
    },
    setLatency(ms) { latency = ms; },
    setUser(openId, user) {
      users.set(openId, {
        open_id: openId, union_id: `on_${openId.replace(/^ou_/, '')}`, user_id: `u_${openId.replace(/^ou_/, '')}`, en_name: '',
        nickname: '', avatar: { avatar_72: '', avatar_240: '', avatar_640: '', avatar_origin: '' },
        status: { is_frozen: false, is_resigned: false, is_activated: true, is_exited: false, is_unjoin: false },
        department_ids: [], time_zone: 'Asia/Shanghai', job_title: '', ...user,
      });
    },
    setChat(chatId, chat) { chats.set(chatId, chat); },
    addResource(messageId, fileKey, bytes, contentType = 'application/octet-stream', o = {}) {
      resources.set(`${messageId}\n${fileKey}`, { bytes, contentType });
      userImageKeys.add(fileKey);
      if (o.unsupported) unsupportedResources.add(`${messageId}\n${fileKey}`);
    },
    recall(messageId) {
      recalled.add(messageId);
    },
    rotateToken() {
      token = `${baseToken}-${++tokenGeneration}`;
    },
    waitFor(predicate, timeoutMs = 3000, since = 0) {
      const found = fake.messages.slice(since).find(predicate);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          off();
          reject(new Error(`waitFor: no matching message within ${timeoutMs} ms; recorded: ${summarize(fake.messages)}`));
        }, timeoutMs);
        const off = fake.onMessage((m) => {
          if (!predicate(m)) return;
          clearTimeout(timer);
          off();
          resolve(m);
        });
      });
    },
    async waitForMessages(n, timeoutMs = 3000) {
      if (fake.messages.length < n) await fake.waitFor(() => fake.messages.length >= n, timeoutMs, fake.messages.length);
      return fake.messages.slice(0, n);
    },
    onMessage(cb) {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
    onPatch(cb) {
      patchListeners.add(cb);
      return () => patchListeners.delete(cb);
    },
    noteMessage(messageId, chatId) { sentChat.set(messageId, chatId); },
    reset() {
      // Refusals and defects stay until taken: a test's own reset must not hide them.
      for (const list of [fake.calls, fake.messages, fake.patches, fake.cardUpdates, fake.uploads]) list.length = 0;
      rules = [];
      byUuid = new Map();
    },
    async close() {
      fake.ws?.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return fake;
}

function matches(match: RequestMatcher, method: string, path: string): boolean {
  if (match.method && match.method.toUpperCase() !== method) return false;
  if (match.path === undefined) return true;
  return typeof match.path === 'string' ? match.path === path : match.path.test(path);
}

function summarize(messages: SentMessage[]): string {
  if (!messages.length) return '(none)';
  return messages.map((m) => `${m.kind} ${m.msgType} ${JSON.stringify(m.content).slice(0, 80)}`).join('; ');
}
