import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as lark from '@larksuiteoapi/node-sdk';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenApi, type FakeOpenApi } from './fakes/openApi.js';
import { decodeFrame, encodeFrame } from './fakes/wsGateway.js';
import { botAddedEvent, cardActionEvent, deliver, encrypt, messageEvent, sign, urlVerification } from './helpers/feishuEvents.js';

const silent = { error() {}, warn() {}, info() {}, debug() {}, trace() {} };
/** A small valid Card JSON 2.0 (the stand-in refuses anything else). */
const card = (content: string) => ({ schema: '2.0', config: { update_multi: true }, body: { elements: [{ tag: 'markdown', content }] } });
const APP = { appId: 'cli_a1b2c3d4e5f6a7b8', token: 'vt-test' };

let fake: FakeOpenApi;
let client: lark.Client;

beforeAll(async () => {
  fake = await startFakeOpenApi({ ws: true });
  client = new lark.Client({ appId: APP.appId, appSecret: 's', domain: fake.url, cache: new lark.DefaultCache(), logger: silent });
});
afterAll(() => fake.close());
afterEach(() => fake.reset());

describe('fake Open API with the real SDK Client', () => {
  it('fetches a token, then sends by open_id and chat_id with the bearer token', async () => {
    const a = await client.im.v1.message.create({
      params: { receive_id_type: 'open_id' },
      data: { receive_id: 'ou_alice', msg_type: 'text', content: JSON.stringify({ text: 'hi' }) },
    });
    const b = await client.im.v1.message.create({
      params: { receive_id_type: 'chat_id' },
      data: { receive_id: 'oc_group', msg_type: 'interactive', content: JSON.stringify({ schema: '2.0', body: { elements: [] } }) },
    });
    expect(a.code).toBe(0);
    expect(a.data?.message_id).toMatch(/^om_/);
    expect(b.data?.chat_id).toBe('oc_group');
    expect(fake.messages).toMatchObject([
      { kind: 'send', receiveIdType: 'open_id', receiveId: 'ou_alice', msgType: 'text', content: { text: 'hi' }, messageId: a.data?.message_id },
      { kind: 'send', receiveIdType: 'chat_id', receiveId: 'oc_group', chatId: 'oc_group', msgType: 'interactive', content: { schema: '2.0' } },
    ]);
    const sends = fake.calls.filter((c) => c.path === '/open-apis/im/v1/messages');
    expect(sends.every((c) => c.headers.authorization === 'Bearer t-fake')).toBe(true);
    expect(sends[0]?.query).toEqual({ receive_id_type: 'open_id' });
  });

  it('replies, patches and edits, and records them', async () => {
    const sent = await client.im.v1.message.create({
      params: { receive_id_type: 'chat_id' },
      data: { receive_id: 'oc_1', msg_type: 'interactive', content: JSON.stringify(card('root')) },
    });
    const parent = sent.data!.message_id!;
    const reply = await client.im.v1.message.reply({ path: { message_id: parent }, data: { msg_type: 'text', content: JSON.stringify({ text: 'pong' }) } });
    expect(reply.data?.chat_id).toBe('oc_1');
    const patched = await client.im.v1.message.patch({ path: { message_id: parent }, data: { content: JSON.stringify(card('n2')) } });
    expect(patched).toMatchObject({ code: 0, data: {} });
    const replyId = reply.data!.message_id!;
    await client.im.v1.message.update({ path: { message_id: replyId }, data: { msg_type: 'text', content: JSON.stringify({ text: 'edited' }) } });
    expect(fake.messages[1]).toMatchObject({ kind: 'reply', replyTo: parent, chatId: 'oc_1', content: { text: 'pong' } });
    expect(fake.patches).toMatchObject([
      { messageId: parent, kind: 'patch', content: card('n2') },
      { messageId: replyId, kind: 'edit', msgType: 'text', content: { text: 'edited' } },
    ]);
  });

  it('refuses what Feishu refuses, with its HTTP status, code and message, and records the refusal', async () => {
    const bad = { ...card('x'), body: { elements: [{ tag: 'form', name: 'f', elements: [{ tag: 'input', name: 'a', max_length: 5000 }, { tag: 'button', name: 'b', text: { tag: 'plain_text', content: '提交' }, form_action_type: 'submit' }] }] } };
    await expect(client.im.v1.message.create({ params: { receive_id_type: 'chat_id' }, data: { receive_id: 'oc_1', msg_type: 'interactive', content: JSON.stringify(bad) } }))
      .rejects.toMatchObject({ response: { status: 400, data: { code: 230099, msg: expect.stringContaining('ErrCode: 200621') } } });
    const huge = card('字'.repeat(11_000));
    await expect(client.im.v1.message.create({ params: { receive_id_type: 'chat_id' }, data: { receive_id: 'oc_1', msg_type: 'interactive', content: JSON.stringify(huge) } }))
      .rejects.toMatchObject({ response: { status: 400, data: { code: 230025 } } });
    // A user's image key is not the app's: a card may only show pictures the app uploaded.
    const foreign = { ...card('x'), body: { elements: [{ tag: 'img', img_key: 'img_from_user', alt: { tag: 'plain_text', content: '' } }] } };
    await expect(client.im.v1.message.create({ params: { receive_id_type: 'chat_id' }, data: { receive_id: 'oc_1', msg_type: 'interactive', content: JSON.stringify(foreign) } }))
      .rejects.toMatchObject({ response: { status: 400, data: { code: 230099 } } });
    expect(fake.messages).toEqual([]);
    expect(fake.takeRefusals().map((r) => r.rule)).toEqual(['card.attribute', 'card.size', 'card.imageKey']);
  });

  it('refuses to patch a card after 14 days on its own clock (230031)', async () => {
    let now = Date.parse('2026-12-01T00:00:00Z');
    const clocked = await startFakeOpenApi({ clock: { now: () => now } });
    try {
      const c = new lark.Client({ appId: APP.appId, appSecret: 's', domain: clocked.url, cache: new lark.DefaultCache(), logger: silent });
      const sent = await c.im.v1.message.create({ params: { receive_id_type: 'chat_id' }, data: { receive_id: 'oc_1', msg_type: 'interactive', content: JSON.stringify(card('a')) } });
      const id = sent.data!.message_id!;
      now += 14 * 24 * 3600 * 1000;
      await c.im.v1.message.patch({ path: { message_id: id }, data: { content: JSON.stringify(card('b')) } });
      now += 60_000;
      await expect(c.im.v1.message.patch({ path: { message_id: id }, data: { content: JSON.stringify(card('c')) } }))
        .rejects.toMatchObject({ response: { status: 400, data: { code: 230031 } } });
      expect(clocked.takeRefusals().map((r) => r.rule)).toEqual(['patch.age']);
      expect(clocked.patches.map((p) => p.content)).toEqual([card('b')]);
    } finally {
      await clocked.close();
    }
  });

  it('honours uuid: same message_id, recorded once', async () => {
    const send = () => client.im.v1.message.reply({
      path: { message_id: 'om_parent' },
      data: { msg_type: 'text', content: JSON.stringify({ text: 'once' }), uuid: 'u-1' },
    });
    const [a, b] = [await send(), await send()];
    expect(b.data?.message_id).toBe(a.data?.message_id);
    expect(fake.messages).toHaveLength(1);
    expect(fake.messages[0]?.uuid).toBe('u-1');
  });

  it('uploads an image from a read stream and serves registered resources', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'fake-')), 'p.png');
    const bytes = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64'); // a 1×1 PNG
    fs.writeFileSync(file, bytes);
    const res = await client.im.v1.image.create({ data: { image_type: 'message', image: fs.createReadStream(file) } });
    expect(res?.image_key).toMatch(/^img_/);
    expect(fake.uploads[0]).toMatchObject({ kind: 'image', key: res?.image_key, type: 'message', partFilename: 'p.png' });
    expect(fake.uploads[0]?.bytes.equals(bytes)).toBe(true);
    // As Feishu: a part without a filename (a raw Buffer) is refused, and so is what is not a picture.
    await expect(client.im.v1.image.create({ data: { image_type: 'message', image: bytes } })).rejects.toMatchObject({ response: { status: 400, data: { code: 234001 } } });
    fs.writeFileSync(file, 'not a picture');
    await expect(client.im.v1.image.create({ data: { image_type: 'message', image: fs.createReadStream(file) } })).rejects.toMatchObject({ response: { status: 400, data: { code: 234011 } } });
    expect(fake.takeRefusals().map((r) => r.rule)).toEqual(['image.part', 'image.format']);

    const doc = Buffer.from('姓名,学校\n张三,辽宁大学\n');
    fake.addResource('om_in', 'file_v3_x', doc, 'text/csv');
    const got = await client.im.v1.messageResource.get({ path: { message_id: 'om_in', file_key: 'file_v3_x' }, params: { type: 'file' } });
    const chunks: Buffer[] = [];
    for await (const c of got.getReadableStream()) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).equals(doc)).toBe(true);
    await expect(client.im.v1.messageResource.get({ path: { message_id: 'om_in', file_key: 'nope' }, params: { type: 'file' } }))
      .rejects.toMatchObject({ response: { status: 400 } });
  });

  it('uploads a file with file_type and file_name', async () => {
    const res = await client.im.v1.file.create({ data: { file_type: 'xls', file_name: 'r.xlsx', file: Buffer.from('xlsx-bytes') } });
    expect(res?.file_key).toMatch(/^file_/);
    expect(fake.uploads[0]).toMatchObject({ kind: 'file', type: 'xls', fileName: 'r.xlsx' });
    expect(fake.uploads[0]?.bytes.toString()).toBe('xlsx-bytes');
  });

  it('answers user, chat, bot info and card update', async () => {
    fake.setUser('ou_alice', { name: '王小明' });
    const user = await client.contact.v3.user.get({ path: { user_id: 'ou_alice' }, params: { user_id_type: 'open_id' } });
    expect(user.data?.user).toMatchObject({ open_id: 'ou_alice', name: '王小明' });
    await expect(client.contact.v3.user.get({ path: { user_id: 'ou_x' }, params: { user_id_type: 'open_id' } }))
      .rejects.toMatchObject({ response: { status: 400, data: { code: 41050 } } });
    fake.setChat('oc_1', { name: '志愿一队' });
    const chat = await client.im.v1.chat.get({ path: { chat_id: 'oc_1' } });
    expect(chat.data).toMatchObject({ name: '志愿一队', chat_mode: 'group' });
    const info = await client.request<{ code: number; bot: { open_id: string } }>({ method: 'GET', url: '/open-apis/bot/v3/info' });
    expect(info.bot.open_id).toBe('ou_bot_0000');
    await client.request({ method: 'POST', url: '/open-apis/interactive/v1/card/update', data: { token: 'c-1', card: card('later') } });
    expect(fake.cardUpdates).toMatchObject([{ token: 'c-1', card: card('later') }]);
  });

  it('rejects calls without the token', async () => {
    const res = await fetch(`${fake.url}/open-apis/bot/v3/info`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ code: 99991661 });
  });

  it('injects failures: 500 and 429 surface as AxiosError, then recovers', async () => {
    fake.failNext({ method: 'POST', path: '/open-apis/im/v1/messages' }, { status: 500, body: { code: 1, msg: 'boom' } });
    fake.failNext({ path: /\/reply$/ }, { status: 429, body: { code: 99991400, msg: 'request trigger frequency limit' }, headers: { 'x-ogw-ratelimit-reset': '1' } });
    const send = () => client.im.v1.message.create({
      params: { receive_id_type: 'chat_id' }, data: { receive_id: 'oc_1', msg_type: 'text', content: '{"text":"x"}' },
    });
    // axios is the SDK's dependency, not ours: check the AxiosError shape instead of importing the class.
    expect(await send().catch((e: unknown) => e)).toMatchObject({ name: 'AxiosError', isAxiosError: true, response: { status: 500 } });
    const limited = await client.im.v1.message.reply({ path: { message_id: 'om_p' }, data: { msg_type: 'text', content: '{"text":"y"}' } }).catch((e: unknown) => e);
    expect(limited).toMatchObject({ response: { status: 429, data: { code: 99991400 }, headers: { 'x-ogw-ratelimit-reset': '1' } } });
    expect((await send()).code).toBe(0);
    expect(fake.messages).toHaveLength(1);
  });

  it('waitFor resolves for past and future messages; onMessage sees each one', async () => {
    const seen: string[] = [];
    const off = fake.onMessage((m) => seen.push(m.messageId));
    const later = fake.waitFor((m) => m.content.text === 'second');
    await client.im.v1.message.create({ params: { receive_id_type: 'chat_id' }, data: { receive_id: 'oc_1', msg_type: 'text', content: '{"text":"first"}' } });
    await client.im.v1.message.create({ params: { receive_id_type: 'chat_id' }, data: { receive_id: 'oc_1', msg_type: 'text', content: '{"text":"second"}' } });
    expect((await later).content.text).toBe('second');
    expect((await fake.waitFor((m) => m.content.text === 'first')).kind).toBe('send');
    expect(await fake.waitForMessages(2)).toHaveLength(2);
    await expect(fake.waitFor(() => false, 50)).rejects.toThrow(/no matching message/);
    off();
    expect(seen).toHaveLength(2);
  });
});

describe('fake long-connection gateway with the real WSClient', () => {
  it('round-trips a frame through its own codec', () => {
    const frame = { SeqID: 7, LogID: 9, service: 33554678, method: 1, headers: [{ key: 'type', value: 'event' }], payload: Buffer.from('{}') };
    const { payload, ...rest } = decodeFrame(encodeFrame(frame));
    expect(rest).toEqual({ SeqID: 7, LogID: 9, service: 33554678, method: 1, headers: frame.headers });
    expect(Buffer.from(payload!).toString()).toBe('{}');
  });

  it('delivers a pushed event (in fragments too) and resolves with the ack data', async () => {
    const received: any[] = [];
    const dispatcher = new lark.EventDispatcher({ logger: silent }).register({
      'im.message.receive_v1': async (data) => {
        received.push(data);
        return { ok: 1 };
      },
    });
    const ws = new lark.WSClient({ appId: APP.appId, appSecret: 's', domain: fake.url, autoReconnect: false, logger: silent });
    try {
      void ws.start({ eventDispatcher: dispatcher });
      await fake.ws!.connected();
      const event = messageEvent({ openId: 'ou_alice', text: '打卡' }, APP);
      expect(await fake.ws!.push(event)).toEqual({ code: 200, data: { ok: 1 } });
      expect(received[0]).toMatchObject({ event_type: 'im.message.receive_v1', message: { content: '{"text":"打卡"}' } });
      expect(await fake.ws!.push(messageEvent({ openId: 'ou_bob', text: 'x'.repeat(500) }, APP), { fragments: 3 })).toEqual({ code: 200, data: { ok: 1 } });
      expect(received[1].sender.sender_id.open_id).toBe('ou_bob');
      const pong = fake.ws!.received.find((f) => f.method === 0);
      expect(pong?.headers).toContainEqual({ key: 'type', value: 'ping' });
    } finally {
      ws.close({ force: true });
    }
  });
});

describe('event helpers', () => {
  it('encrypt matches lark.AESCipher and the official vector', () => {
    expect(new lark.AESCipher('test key').decrypt('P37w+VZImNgPEO1RBhJ6RtKl7n6zymIbEG1pReEzghk=')).toBe('hello world');
    const plain = JSON.stringify(messageEvent({ openId: 'ou_a', text: '你好' }, APP));
    expect(new lark.AESCipher('k3y').decrypt(encrypt(plain, 'k3y'))).toBe(plain);
    expect(encrypt(plain, 'k3y')).not.toBe(encrypt(plain, 'k3y'));
  });

  it('builds envelopes with unique ids', () => {
    const a = messageEvent({ openId: 'ou_a', chatType: 'group', chatId: 'oc_g', text: '@_user_1 hi', mentions: [{ key: '@_user_1', openId: 'ou_bot_0000', name: 'bot' }] }, APP);
    const b = messageEvent({ openId: 'ou_a' }, APP);
    expect(a.header.event_id).not.toBe(b.header.event_id);
    expect(a).toMatchObject({ schema: '2.0', header: { token: 'vt-test', app_id: APP.appId }, event: { message: { chat_type: 'group', mentions: [{ id: { open_id: 'ou_bot_0000' } }] } } });
    expect(cardActionEvent({ openId: 'ou_a', value: { cmd: 'ok' }, formValue: { t: 1 } }, APP).event).toMatchObject({ action: { value: { cmd: 'ok' }, form_value: { t: 1 } }, operator: { open_id: 'ou_a' } });
    expect(botAddedEvent({ chatId: 'oc_g', operatorOpenId: 'ou_a', name: 'G' }, APP).header.event_type).toBe('im.chat.member.bot.added_v1');
    expect(urlVerification({ challenge: 'c', token: 't' })).toEqual({ challenge: 'c', token: 't', type: 'url_verification' });
  });

  it('deliver signs the exact raw body, and the SDK dispatcher accepts it', async () => {
    const dispatcher = new lark.EventDispatcher({ encryptKey: 'ek', logger: silent }).register({
      'card.action.trigger': async (data: any) => ({ toast: { type: 'success', content: String(data.action.value.cmd) } }),
    });
    let seen: http.IncomingHttpHeaders = {};
    let raw = '';
    const server = http.createServer(async (req, res) => {
      raw = '';
      for await (const c of req) raw += c;
      seen = req.headers;
      const result = await dispatcher.invoke(Object.assign(Object.create({ headers: req.headers }), JSON.parse(raw)));
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const res = await deliver(base, '/webhook', cardActionEvent({ openId: 'ou_a', value: { cmd: 'go' } }, APP), { encryptKey: 'ek', nonce: 'n1', timestamp: 1700000000 });
      expect(res).toMatchObject({ status: 200, body: { toast: { content: 'go' } } });
      expect(seen['x-lark-signature']).toBe(sign('1700000000', 'n1', 'ek', raw));
      const bad = await deliver(base, '/webhook', cardActionEvent({ openId: 'ou_a', value: { cmd: 'go' } }, APP), { encryptKey: 'ek', signature: 'bad' });
      expect(bad.text).not.toContain('go');
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});
