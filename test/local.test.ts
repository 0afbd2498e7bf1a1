/**
 * Local mode (src/local): the demo school seeds once, events from the stand-in go through the
 * real webhook checks (and a tampered one does not), and the console's API drives the bot:
 * a message gets its reply, a card click its answer, the clock moved forward runs what came
 * due, and the digest posts its chart to the college group. The browser walkthrough is in
 * test/browser/local.browser.test.ts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDb, openDb } from '../src/db/client.js';
import { checkins, colleges, communities, members, pairings, serviceLogs, settings } from '../src/db/schema/index.js';
import { messageEvent, newId, post, signedRequest } from '../src/local/events.js';
import { startLocalMode, type LocalMode } from '../src/local/index.js';
import { seedDemo } from '../src/local/seed.js';
import { silentLogger } from '../src/log.js';

const TZ = 'Asia/Shanghai';
const STUDENT = 'ou_demo_2023010103';
const P2P = `oc_p2p_${STUDENT}`;

let dir: string;
let local: LocalMode;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cpbot-local-'));
  local = await startLocalMode({ port: 0, host: '127.0.0.1', databasePath: path.join(dir, 'demo.db'), timeZone: TZ, logLevel: 'silent', log: silentLogger });
});
afterAll(async () => {
  await local?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

const api = async (route: string, body?: unknown) => {
  const res = await fetch(`${local.url}${route}`, body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as any };
};
const chat = async (chatId: string) => (await api(`/api/chat?chat=${chatId}`)).body.entries as { id: string; from: string; msgType: string; content: any; rev: number }[];

async function until<T>(what: string, check: () => Promise<T | undefined>, ms = 5000): Promise<T> {
  for (const end = Date.now() + ms; ; ) {
    const v = await check();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 30));
  }
}

function counts(db: ReturnType<typeof openDb>) {
  return Object.fromEntries(
    Object.entries({ members, colleges, communities, pairings, checkins, serviceLogs, settings }).map(([k, t]) => [k, db.select().from(t).all().length]),
  );
}

describe('local mode', () => {
  it('is reached from production code only by main.ts\'s dynamic import, so the real bot never loads the console', () => {
    const src = path.resolve('src');
    const importers = fs
      .readdirSync(src, { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.(ts|js|cjs)$/.test(f) && !f.startsWith(`local${path.sep}`))
      .filter((f) => /['"][./]*local\//.test(fs.readFileSync(path.join(src, f), 'utf8')));
    expect(importers).toEqual(['main.ts']);
    const main = fs.readFileSync(path.join(src, 'main.ts'), 'utf8');
    expect(main).toContain("await import('./local/index.js')");
    expect(main).not.toMatch(/^import[^\n]*local\//m);
  });

  it('seeds a demo school once: colleges with groups, bound accounts, history; seeding again adds nothing', async () => {
    const db = openDb(path.join(dir, 'again.db'));
    try {
      await seedDemo(db, { now: Date.now(), tz: TZ }, silentLogger);
      const first = counts(db);
      expect(first.colleges).toBe(3);
      expect(first.members).toBeGreaterThanOrEqual(25);
      expect(first.pairings).toBe(3);
      expect(first.serviceLogs).toBeGreaterThanOrEqual(5);
      expect(db.select().from(colleges).all().every((c) => c.chatId)).toBe(true);
      expect(db.select().from(members).all().filter((m) => !m.openId).map((m) => m.studentNo)).toEqual(['2023010102', '2023010104']);
      await seedDemo(db, { now: Date.now() + 60_000, tz: TZ }, silentLogger);
      expect(counts(db)).toEqual(first);
    } finally {
      closeDb(db);
    }
  });

  it('an event signed by the stand-in passes the webhook and is answered; the same event tampered with is refused and not answered', async () => {
    const { creds, clock, bot, standIn } = local;
    const make = (messageId: string) => messageEvent({ openId: STUDENT, chatId: P2P, chatType: 'p2p', messageId, messageType: 'text', content: { text: '/帮助' } }, creds, clock.now());
    const goodId = newId('om_');
    const good = make(goodId);
    const accepted = await post(`${bot.url}/feishu/events`, signedRequest(good, creds.encryptKey, clock.now()));
    expect(accepted.status).toBe(200);
    await standIn.waitFor((m) => m.replyTo === goodId, 5000);

    const badId = newId('om_');
    const bad = make(badId);
    const req = signedRequest(bad, creds.encryptKey, clock.now());
    const tampered = { ...req, body: req.body.replace(/"encrypt":"(.)/, (_, c: string) => `"encrypt":"${c === 'A' ? 'B' : 'A'}`) };
    expect((await post(`${bot.url}/feishu/events`, tampered)).status).toBe(401);
    const wrongKey = signedRequest(bad, 'not-this-run-s-key', clock.now());
    expect((await post(`${bot.url}/feishu/events`, wrongKey)).status).toBe(401);
    await bot.idle();
    expect(standIn.messages.some((m) => m.replyTo === badId)).toBe(false);
  });

  it('the console page says local mode; a message sent there gets the bot reply in the same chat', async () => {
    const page = await fetch(`${local.url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('本地体验模式');
    expect((await api('/api/send', { openId: STUDENT, chatId: P2P, kind: 'text', text: '/我的' })).status).toBe(200);
    const reply = await until('the /我的 reply', async () => (await chat(P2P)).find((e) => e.from === 'bot' && JSON.stringify(e.content).includes('已认证')));
    expect(reply.msgType).toBe('interactive');
    expect((await api('/api/send', { openId: 'ou_someone_else', chatId: P2P, kind: 'text', text: 'hi' })).status).toBe(400);
  });

  it('a picture sent in the console reaches the bot as an image message whose bytes it can download', async () => {
    const png = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
    const sent = await api('/api/send', { openId: STUDENT, chatId: P2P, kind: 'image', dataUrl: `data:image/png;base64,${png}` });
    expect(sent.status).toBe(200);
    await local.standIn.waitFor((m) => m.replyTo === sent.body.messageId, 5000);
    const download = local.standIn.calls.find((c) => c.method === 'GET' && c.path.startsWith(`/open-apis/im/v1/messages/${sent.body.messageId}/resources/`));
    expect(download).toBeDefined();
    const image = await fetch(`${local.url}/api/image/${download!.path.split('/').pop()}`);
    expect(Buffer.from(await image.arrayBuffer())).toEqual(Buffer.from(png, 'base64'));
  });

  it('a card button clicked in the console calls back into the bot and the card is updated in place', async () => {
    await api('/api/send', { openId: STUDENT, chatId: P2P, kind: 'text', text: '/报到 洛阳社区' });
    const receipt = await until('the check-in card', async () => (await chat(P2P)).find((e) => JSON.stringify(e.content).includes('日常报到成功')));
    const checkout = receipt.content.body.elements.find((e: any) => e.tag === 'button');
    const early = await api('/api/action', { openId: STUDENT, messageId: receipt.id, tag: 'button', value: checkout.behaviors[0].value });
    expect(early.body.toast.type).toBe('error');
    local.clock.advance(2 * 3600 * 1000);
    const click = await api('/api/action', { openId: STUDENT, messageId: receipt.id, tag: 'button', value: checkout.behaviors[0].value });
    expect(click.status).toBe(200);
    const updated = (await chat(P2P)).find((e) => e.id === receipt.id)!;
    expect(updated.rev).toBeGreaterThan(receipt.rev);
    expect(JSON.stringify(updated.content)).not.toContain('日常报到成功');
  });

  it('moving the clock a week runs the jobs that came due; the digest button posts the chart to the college group', async () => {
    // Nothing is due between now and now; a week ahead takes in Monday's digest.
    expect(await local.bot.scheduler.runDue(local.clock.now())).toEqual([]);
    const moved = await api('/api/clock', { days: 7 });
    expect(moved.body.ran).toContain('weeklyDigest');
    expect((await api('/api/clock', { days: 99 })).status).toBe(400);
    expect(moved.body.now).toBeGreaterThan(Date.now() + 6 * 24 * 3600 * 1000);
    expect((await api('/api/digest', {})).status).toBe(200);
    const group = 'oc_demo_college_1';
    const digest = await until('the digest in the group', async () => (await chat(group)).find((e) => JSON.stringify(e.content).includes('"tag":"chart"')));
    expect(digest.from).toBe('bot');
  });

  it('a message Feishu would refuse never arrives: the console shows a developer note in its place, and the refusal is recorded', async () => {
    const chatId = 'oc_p2p_ou_demo_devnote';
    const bad = {
      schema: '2.0', config: { update_multi: true },
      body: { elements: [{ tag: 'form', name: 'f', elements: [{ tag: 'input', name: 'body', max_length: 5000 }, { tag: 'button', name: 'go', text: { tag: 'plain_text', content: '提交' }, form_action_type: 'submit' }] }] },
    };
    const res = await fetch(`${local.standIn.url}/open-apis/im/v1/messages?receive_id_type=chat_id`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer t-${local.creds.appSecret}` },
      body: JSON.stringify({ receive_id: chatId, msg_type: 'interactive', content: JSON.stringify(bad) }),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 230099 });
    const entries = await chat(chatId);
    expect(entries.map((e) => e.msgType)).toEqual(['devnote']);
    expect(entries[0]!.content.text).toContain('飞书会拒绝这条消息');
    expect(entries[0]!.content.text).toContain('230099');
    expect(local.standIn.takeRefusals().map((r) => r.rule)).toEqual(['card.attribute']);
  });
});
