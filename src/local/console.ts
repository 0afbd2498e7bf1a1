/**
 * The web console of local mode: who you are (any demo account), the chats (private with the
 * bot, the college groups), and what is said in them. What a user does becomes a signed,
 * encrypted event POSTed to the bot's real webhook (./events.ts); what the bot sends arrives
 * at the Open API stand-in and is shown here, cards updated in place. The page is three
 * static files (./console/), polling `/api/chat`.
 */
import fs from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { asc } from 'drizzle-orm';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { RunningBot } from '../app.js';
import { branches, colleges, members } from '../db/schema/index.js';
import type { OffsetClock } from './clock.js';
import { cardActionEvent, messageEvent, newId, post, signedRequest, type LocalCredentials, type UserMessage } from './events.js';
import type { FakeOpenApi, SentMessage } from './openApi.js';
import { collegeChatId, demoOpenId, SCHOOL_CHAT_ID } from './seed.js';
import { listen } from '../http/listen.js';

const STATIC: Record<string, { file: string; type: string }> = {
  '/': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/app.js': { file: 'app.js', type: 'text/javascript; charset=utf-8' },
  '/cards.js': { file: 'cards.js', type: 'text/javascript; charset=utf-8' },
  '/style.css': { file: 'style.css', type: 'text/css; charset=utf-8' },
};
const CONSOLE_DIR = new URL('./console/', import.meta.url);
const MAX_BODY = 8 * 1024 * 1024;
const DAY = 24 * 3600 * 1000;
const ROLE_LABEL: Record<string, string> = { student: '学生', secretary: '团支书', college_admin: '学院团总支', school_admin: '校团委' };

/** One line of a chat as the page shows it; `rev` grows when a card is updated in place. */
interface Entry {
  id: string;
  chatId: string;
  from: string;
  name: string;
  msgType: string;
  content: unknown;
  rev: number;
}

interface LocalConsoleOptions {
  bot: RunningBot;
  standIn: FakeOpenApi;
  clock: OffsetClock;
  creds: LocalCredentials;
  botName: string;
  port: number;
  host?: string;
  timeZone: string;
  log: Logger;
}

export interface LocalConsole {
  url: string;
  close(): Promise<void>;
}

const who = z.object({ openId: z.string().regex(/^ou_demo_[0-9a-z]+$/), chatId: z.string().min(1).max(80) });
const sendBody = z.discriminatedUnion('kind', [
  who.extend({ kind: z.literal('text'), text: z.string().trim().min(1).max(2000) }),
  who.extend({ kind: z.literal('image'), dataUrl: z.string().regex(/^data:image\/[a-z+]+;base64,/) }),
  who.extend({ kind: z.literal('location'), name: z.string().max(100), latitude: z.string().max(20), longitude: z.string().max(20) }),
]);
const actionBody = z.object({
  openId: who.shape.openId,
  messageId: z.string().min(1),
  tag: z.string().min(1).max(40),
  value: z.unknown().optional(),
  name: z.string().max(100).optional(),
  formValue: z.record(z.string(), z.unknown()).optional(),
});
const clockBody = z.object({ days: z.number().int().min(1).max(31) });

export async function startConsole(opts: LocalConsoleOptions): Promise<LocalConsole> {
  const { bot, standIn, clock, creds, log } = opts;
  const entries: Entry[] = [];
  const byId = new Map<string, Entry>();
  let rev = 0;
  const add = (e: Omit<Entry, 'rev'>) => {
    const entry = { ...e, rev: ++rev };
    entries.push(entry);
    byId.set(entry.id, entry);
  };
  const update = (messageId: string, content: unknown, msgType?: string) => {
    const entry = byId.get(messageId);
    if (!entry) return;
    entry.content = content;
    if (msgType) entry.msgType = msgType;
    entry.rev = ++rev;
  };
  const fromBot = (m: SentMessage) =>
    add({ id: m.messageId, chatId: m.chatId ?? 'oc_unknown', from: 'bot', name: opts.botName, msgType: m.msgType, content: m.content });
  standIn.messages.forEach(fromBot);
  const offMessage = standIn.onMessage(fromBot);
  const offPatch = standIn.onPatch((p) => update(p.messageId, p.content, p.msgType));
  // What Feishu would refuse never arrives; the console says so where it would have appeared.
  const offVerdict = standIn.onVerdict(({ refusal, defects }) => {
    const chatId = refusal?.chatId ?? defects[0]?.chatId ?? 'oc_unknown';
    const lines = [
      ...(refusal ? [`飞书会拒绝这条消息（${refusal.method} ${refusal.path}），用户收不到：${refusal.code} ${refusal.msg} [${refusal.rule}]`] : []),
      ...defects.map((d) => `飞书会显示异常（${d.path}）：${d.note} [${d.rule}]`),
    ];
    add({ id: newId('note_'), chatId, from: 'platform', name: '开发提示（本地模式）', msgType: 'devnote', content: { text: lines.join('\n') } });
  });

  /** Accounts and chats, read from the database each time (a roster import shows up). */
  function state() {
    const collegeRows = bot.db.select().from(colleges).orderBy(asc(colleges.id)).all();
    const branchName = new Map(bot.db.select().from(branches).all().map((b) => [b.id, b.name]));
    const collegeName = new Map(collegeRows.map((c) => [c.id, c.name]));
    const users = bot.db.select().from(members).orderBy(asc(members.id)).all().map((m) => ({
      openId: m.openId ?? demoOpenId(m.studentNo), name: m.name, role: ROLE_LABEL[m.role] ?? m.role, studentNo: m.studentNo,
      college: m.collegeId ? collegeName.get(m.collegeId) : undefined, branch: m.branchId ? branchName.get(m.branchId) : undefined,
      collegeChatId: m.collegeId ? collegeChatId(m.collegeId) : undefined, bound: m.openId !== null,
    }));
    const groups = [
      ...collegeRows.filter((c) => c.chatId).map((c) => ({ chatId: c.chatId!, name: `${c.name} 工作群` })),
      { chatId: SCHOOL_CHAT_ID, name: '校团委工作群' },
    ];
    return { botName: opts.botName, now: clock.now(), timeZone: opts.timeZone, users, groups };
  }

  /** Shows the user's message in the chat and delivers it to the bot as the platform would. */
  async function deliverMessage(openId: string, chatId: string, kind: UserMessage['messageType'], content: object, shown: object, messageId = newId('om_')) {
    const group = !chatId.startsWith('oc_p2p_');
    standIn.noteMessage(messageId, chatId);
    add({ id: messageId, chatId, from: openId, name: nameOf(openId), msgType: kind, content: shown });
    const mention = group ? { key: '@_user_1', openId: standIn.botOpenId, name: opts.botName } : undefined;
    const body = kind === 'text' && mention ? { text: `@_user_1 ${(content as { text: string }).text}` } : content;
    const env = messageEvent({ openId, chatId, chatType: group ? 'group' : 'p2p', messageId, messageType: kind, content: body, mention }, creds, clock.now());
    const res = await post(`${bot.url}/feishu/events`, signedRequest(env, creds.encryptKey, clock.now()));
    if (res.status !== 200) throw new Error(`webhook answered ${res.status}`);
    return { messageId };
  }

  const nameOf = (openId: string) => state().users.find((u) => u.openId === openId)?.name ?? openId;

  async function send(input: z.infer<typeof sendBody>) {
    const { openId, chatId } = input;
    if (input.kind === 'text') return deliverMessage(openId, chatId, 'text', { text: input.text }, { text: input.text });
    if (input.kind === 'location') {
      const content = { name: input.name, latitude: input.latitude, longitude: input.longitude };
      return deliverMessage(openId, chatId, 'location', content, content);
    }
    const [head, data] = input.dataUrl.split(',', 2) as [string, string];
    const imageKey = newId('img_');
    const messageId = newId('om_');
    // The picture is stored where the bot's resource download will look for it.
    standIn.addResource(messageId, imageKey, Buffer.from(data, 'base64'), head.slice(5, head.indexOf(';')));
    return deliverMessage(openId, chatId, 'image', { image_key: imageKey }, { image_key: imageKey, src: input.dataUrl }, messageId);
  }

  async function act(input: z.infer<typeof actionBody>) {
    const entry = byId.get(input.messageId);
    if (!entry) throw new Error('unknown message');
    const env = cardActionEvent({ ...input, chatId: entry.chatId }, creds, clock.now());
    const res = await post(`${bot.url}/feishu/cards`, signedRequest(env, creds.encryptKey, clock.now()));
    // Judged as Feishu judges an answer: a refused one changes nothing and the clicker sees an error.
    const verdict = standIn.checkAnswer(res.status, res.body, entry.chatId);
    if (verdict.refusal) return { toast: { type: 'error', content: `卡片交互失败（飞书错误码 ${verdict.refusal.code}）` } };
    const card = res.body?.card?.data;
    if (card) update(input.messageId, card, 'interactive');
    return { toast: res.body?.toast ?? null };
  }

  async function moveClock(days: number) {
    const before = clock.advance(days * DAY);
    const ran = await bot.scheduler.runDue(before);
    return { now: clock.now(), ran };
  }

  /** The weekly digest now: the 团委 sends `/周报`, the same code as the command and the job. */
  async function digestNow() {
    const admin = state().users.find((u) => u.role === ROLE_LABEL.school_admin && u.bound);
    if (!admin) throw new Error('no bound school admin');
    return deliverMessage(admin.openId, `oc_p2p_${admin.openId}`, 'text', { text: '/周报' }, { text: '/周报' });
  }

  function image(key: string): { bytes: Buffer; type: string } | undefined {
    const upload = standIn.uploads.find((u) => u.key === key);
    if (upload) return { bytes: upload.bytes, type: upload.bytes[0] === 0xff && upload.bytes[1] === 0xd8 ? 'image/jpeg' : 'image/png' };
    const mine = entries.find((e) => (e.content as { image_key?: string })?.image_key === key && e.from !== 'bot');
    const src = (mine?.content as { src?: string } | undefined)?.src;
    if (!src) return undefined;
    return { bytes: Buffer.from(src.split(',')[1] ?? '', 'base64'), type: src.slice(5, src.indexOf(';')) };
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const refusal = refuse(req, allowedOrigins());
    if (refusal) return json(res, refusal.status, { error: refusal.error });
    const url = new URL(req.url ?? '/', 'http://local');
    const route = `${req.method} ${url.pathname}`;
    const asset = req.method === 'GET' ? STATIC[url.pathname] : undefined;
    if (asset) return reply(res, 200, fs.readFileSync(new URL(asset.file, CONSOLE_DIR)), asset.type);
    if (route === 'GET /api/state') return json(res, 200, state());
    if (route === 'GET /api/chat') {
      const chatId = url.searchParams.get('chat') ?? '';
      return json(res, 200, { rev, now: clock.now(), entries: entries.filter((e) => e.chatId === chatId) });
    }
    if (req.method === 'GET' && url.pathname.startsWith('/api/image/')) {
      const found = image(decodeURIComponent(url.pathname.slice('/api/image/'.length)));
      return found ? reply(res, 200, found.bytes, found.type) : json(res, 404, { error: 'not found' });
    }
    if (req.method !== 'POST') return json(res, 404, { error: 'not found' });
    const body = await readJson(req);
    const run: Record<string, () => Promise<unknown>> = {
      'POST /api/send': () => send(sendBody.parse(body)),
      'POST /api/action': () => act(actionBody.parse(body)),
      'POST /api/clock': () => moveClock(clockBody.parse(body).days),
      'POST /api/digest': () => digestNow(),
    };
    const action = run[route];
    if (!action) return json(res, 404, { error: 'not found' });
    json(res, 200, await action());
  }

  let allowedOrigins = (): string[] => [];
  const server = http.createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      const bad = err instanceof z.ZodError;
      if (!bad) log.warn({ err: (err as Error).message }, 'console request failed');
      json(res, bad ? 400 : 500, { error: bad ? '输入有误' : (err as Error).message });
    });
  });
  await listen(server, opts.port, opts.host ?? '127.0.0.1');
  const { port } = server.address() as AddressInfo;
  // The console answers only to its own addresses (a page elsewhere resolving its name here —
  // DNS rebinding — carries another Host) and to pages it served (another site's Origin).
  const local = ['localhost', '127.0.0.1', '[::1]'];
  const named = opts.host && !['0.0.0.0', '::', '127.0.0.1', 'localhost', '::1'].includes(opts.host) ? [opts.host.includes(':') ? `[${opts.host}]` : opts.host] : [];
  const origins = [...local, ...named].map((h) => `http://${h}:${port}`);
  allowedOrigins = () => origins;
  const host = opts.host && opts.host !== '0.0.0.0' && opts.host !== '::' ? opts.host : '127.0.0.1';
  return {
    url: `http://${host === '127.0.0.1' ? 'localhost' : host}:${port}`,
    async close() {
      offMessage();
      offPatch();
      offVerdict();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * Every answer: never cached, never framed, no sniffing, and a page that runs only its own
 * scripts (cards.js, app.js) and shows only its own and inline (data:) images.
 */
const SECURITY_HEADERS = {
  'cache-control': 'no-store',
  'content-security-policy': "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

function reply(res: ServerResponse, status: number, body: Buffer | string, type: string): void {
  res.writeHead(status, { 'content-type': type, ...SECURITY_HEADERS });
  res.end(body);
}

/**
 * Why a request is refused, if it is (issue 17): a Host that is not one of the console's own
 * addresses (DNS rebinding); an Origin of another site; a POST that is not JSON — a cross-site
 * form or `text/plain` fetch needs no preflight, a JSON one does and gets no CORS answer.
 */
export function refuse(req: Pick<IncomingMessage, 'method' | 'headers'>, origins: readonly string[]): { status: number; error: string } | undefined {
  const host = req.headers.host;
  if (!host || !origins.some((o) => o === `http://${host}`)) return { status: 421, error: '只接受来自本机控制台的请求（Host 不符）' };
  const origin = req.headers.origin;
  if (origin !== undefined && !origins.includes(origin)) return { status: 403, error: '只接受来自本机控制台页面的请求（Origin 不符）' };
  if (req.method === 'POST' && !/^application\/json\b/i.test(req.headers['content-type'] ?? '')) return { status: 415, error: '接口只接受 JSON（Content-Type: application/json）' };
  return undefined;
}

function json(res: ServerResponse, status: number, value: unknown): void {
  if (res.headersSent) return;
  reply(res, status, JSON.stringify(value), 'application/json; charset=utf-8');
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size > MAX_BODY) throw new Error('body too large');
    chunks.push(c as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    return null;
  }
}
