/**
 * An in-process stand-in for the Feishu Open API that the real node-sdk `Client` talks to:
 * tenant tokens, bot info, message send/reply/patch, uploads, resource downloads, contacts,
 * chats. Local mode (src/local/index.ts) runs the bot against it; the tests use it as their
 * fake through test/fakes/openApi.ts. It records what it was sent and never leaves 127.0.0.1.
 *
 * Here: the HTTP server, failure injection (`failNext`, `setFailRatio`) and the handle tests and local mode drive it with;
 * what it remembers and judges in ./openApi/platform.ts, its routes in ./openApi/routes.ts and
 * ./openApi/messages.ts, the platform's rules in ./rules/.
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkCallbackAnswer } from './rules/index.js';
import { Platform, type Json, type Reply } from './openApi/platform.js';
import { route } from './openApi/routes.js';
import type { FakeOpenApi, FakeOpenApiOptions, RequestMatcher, SentMessage } from './openApi/types.js';

export type * from './openApi/types.js';

/** Start the stand-in on 127.0.0.1 (random port) that the real node-sdk `Client` can talk to. */
export async function startOpenApiStandIn(opts: FakeOpenApiOptions = {}): Promise<FakeOpenApi> {
  const p = new Platform(opts);

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
    p.calls.push({ method, path, query, body: json, headers: req.headers, at: p.now() });
    if (p.latency > 0) await new Promise((r) => setTimeout(r, p.latency));

    const rule = p.rules.find((r) => r.left > 0 && matches(r.match, method, path));
    if (rule) rule.left--;
    const injected = rule ? rule.response : p.randomFailure((m) => matches(m, method, path));
    const reply: Reply = injected ?? await route(p, fake, req, path, query, json ?? {}, raw);
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
    calls: p.calls, messages: p.messages, patches: p.patches, cardUpdates: p.cardUpdates, uploads: p.uploads, refusals: p.refusals, defects: p.defects,
    takeRefusals: () => fake.refusals.splice(0),
    takeDefects: () => fake.defects.splice(0),
    onVerdict(cb) {
      p.verdictListeners.add(cb);
      return () => p.verdictListeners.delete(cb);
    },
    checkAnswer(status, body, chatId) {
      const card = (body as { card?: { type?: string; data?: unknown } } | null)?.card;
      const verdict = p.withImages(checkCallbackAnswer(status, body), card?.type === 'raw' ? card.data : null);
      p.judge('POST', 'callback', verdict, chatId);
      return verdict;
    },
    failNext(match, response, times = 1) {
      p.rules = p.rules.filter((r) => r.left > 0);
      p.rules.push({ match, response, left: times });
    },
    setFailRatio(f) { p.setFailRatio(f); },
    get injectedFailures() { return p.injectedFailures; },
    setLatency(ms) { p.latency = ms; },
    setUser(openId, user) {
      p.users.set(openId, {
        open_id: openId, union_id: `on_${openId.replace(/^ou_/, '')}`, user_id: `u_${openId.replace(/^ou_/, '')}`, en_name: '',
        nickname: '', avatar: { avatar_72: '', avatar_240: '', avatar_640: '', avatar_origin: '' },
        status: { is_frozen: false, is_resigned: false, is_activated: true, is_exited: false, is_unjoin: false },
        department_ids: [], time_zone: 'Asia/Shanghai', job_title: '', ...user,
      });
    },
    setChat(chatId, chat) { p.chats.set(chatId, chat); },
    addResource(messageId, fileKey, bytes, contentType = 'application/octet-stream', o = {}) {
      p.resources.set(`${messageId}\n${fileKey}`, { bytes, contentType });
      p.userImageKeys.add(fileKey);
      if (o.unsupported) p.unsupportedResources.add(`${messageId}\n${fileKey}`);
    },
    recall(messageId) {
      p.recalled.add(messageId);
    },
    rotateToken() {
      p.token = `${p.baseToken}-${++p.tokenGeneration}`;
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
      p.listeners.add(cb);
      return () => p.listeners.delete(cb);
    },
    onPatch(cb) {
      p.patchListeners.add(cb);
      return () => p.patchListeners.delete(cb);
    },
    noteMessage(messageId, chatId) { p.sentChat.set(messageId, chatId); },
    reset() {
      // Refusals and defects stay until taken: a test's own reset must not hide them.
      for (const list of [fake.calls, fake.messages, fake.patches, fake.cardUpdates, fake.uploads]) list.length = 0;
      p.rules = [];
      p.byUuid = new Map();
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
