/**
 * LarkApi (src/feishu/larkApi.ts): the real node-sdk Client against the fake Open API, with a
 * fast retry policy. What is retried, what is not, and what reaches the logs.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import net from 'node:net';
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DownloadTooLargeError, FeishuApiError, isUnsupportedResource } from '../src/feishu/api.js';
import { LarkApi, type RetryPolicy } from '../src/feishu/larkApi.js';
import { createLogger, silentLogger } from '../src/log.js';
import { startFakeOpenApi, type FakeOpenApi } from './fakes/openApi.js';
import { APP } from './helpers/harness.js';

const FAST: RetryPolicy = { attempts: 4, baseDelayMs: 1, maxDelayMs: 500 };
const SEND = { method: 'POST', path: '/open-apis/im/v1/messages' };

let fake: FakeOpenApi;
let dir: string;

beforeAll(async () => {
  fake = await startFakeOpenApi();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'larkapi-'));
});
afterAll(async () => {
  await fake.close();
  fs.rmSync(dir, { recursive: true, force: true });
});
afterEach(() => {
  fake.reset();
  fake.setLatency(0);
});

const api = (opts: { retry?: RetryPolicy; log?: Parameters<typeof createLogger>[1]; domain?: string } = {}) =>
  new LarkApi({
    appId: APP.appId,
    appSecret: APP.appSecret,
    domain: opts.domain ?? fake.url,
    log: opts.log ? createLogger('trace', opts.log) : silentLogger,
    retry: opts.retry ?? FAST,
  });

const sendCalls = () => fake.calls.filter((c) => c.method === 'POST' && c.path === SEND.path);

async function failure(p: Promise<unknown>): Promise<FeishuApiError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(FeishuApiError);
  return err as FeishuApiError;
}

describe('sending', () => {
  it('sends text to an open_id and a card to a chat, with the given uuid', async () => {
    const a = api();
    const uuid = randomUUID();
    const sent = await a.send({ openId: 'ou_alice' }, { text: '你好' }, { uuid });
    await a.send({ chatId: 'oc_group' }, { card: { schema: '2.0', body: { elements: [] } } });
    expect(sent.messageId).toMatch(/^om_/);
    expect(fake.messages).toMatchObject([
      { kind: 'send', receiveIdType: 'open_id', receiveId: 'ou_alice', msgType: 'text', content: { text: '你好' }, uuid, messageId: sent.messageId },
      { kind: 'send', receiveIdType: 'chat_id', receiveId: 'oc_group', msgType: 'interactive', content: { schema: '2.0' } },
    ]);
    // Without an explicit uuid one is still sent, so the bot's own retries stay idempotent.
    expect(fake.messages[1]!.uuid).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('calls the Open API as the SDK does: its User-Agent on the token request and on API calls', async () => {
    await api().send({ openId: 'ou_alice' }, { text: '你好' });
    const token = fake.calls.find((c) => c.path.includes('tenant_access_token'));
    const send = fake.calls.find((c) => c.path === '/open-apis/im/v1/messages');
    expect(token?.headers['user-agent']).toMatch(/^oapi-node-sdk\//);
    expect(send?.headers['user-agent']).toMatch(/^oapi-node-sdk\//);
  });

  it('replies and updates a card', async () => {
    const a = api();
    const card = (content: string) => ({ schema: '2.0', config: { update_multi: true }, body: { elements: [{ tag: 'markdown', content }] } });
    const root = await a.send({ chatId: 'oc_1' }, { card: card('root') });
    const reply = await a.reply(root.messageId, { text: 'pong' });
    await a.updateCard(root.messageId, card('n2'));
    expect(reply.messageId).toMatch(/^om_/);
    expect(fake.messages[1]).toMatchObject({ kind: 'reply', replyTo: root.messageId, content: { text: 'pong' } });
    expect(fake.patches).toMatchObject([{ messageId: root.messageId, kind: 'patch', content: card('n2') }]);
  });
});

describe('retries', () => {
  it('retries a send that meets one HTTP 500 and delivers it once, with the same uuid', async () => {
    fake.failNext(SEND, { status: 500, body: { code: 500, msg: 'internal error' } });
    const uuid = randomUUID();
    const sent = await api().send({ openId: 'ou_alice' }, { text: 'hi' }, { uuid });
    expect(sendCalls()).toHaveLength(2);
    expect(sendCalls().map((c) => (c.body as { uuid: string }).uuid)).toEqual([uuid, uuid]);
    expect(fake.messages).toHaveLength(1);
    expect(fake.messages[0]).toMatchObject({ uuid, messageId: sent.messageId });
  });

  it('retries HTTP 429 {code:99991400}, waiting as long as x-ogw-ratelimit-reset says', async () => {
    // reset = 0.15 s; the exponential backoff alone would wait ~1 ms.
    fake.failNext(SEND, { status: 429, body: { code: 99991400, msg: 'request trigger frequency limit' }, headers: { 'x-ogw-ratelimit-limit': '50', 'x-ogw-ratelimit-reset': '0.15' } });
    await api().send({ openId: 'ou_alice' }, { text: 'hi' });
    const calls = sendCalls();
    expect(calls).toHaveLength(2);
    expect(calls[1]!.at - calls[0]!.at).toBeGreaterThanOrEqual(140);
    expect(fake.messages).toHaveLength(1);
  });

  it('caps the rate-limit wait at the policy maximum', async () => {
    fake.failNext(SEND, { status: 429, body: { code: 99991400, msg: 'limit' }, headers: { 'x-ogw-ratelimit-reset': '3600' } });
    const started = Date.now();
    await api({ retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 50 } }).send({ openId: 'ou_alice' }, { text: 'hi' });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(fake.messages).toHaveLength(1);
  });

  it.each([
    ['HTTP 400 {code:230020} (per-chat limit)', 400, 230020],
    ['HTTP 400 {code:11232} (message service limit)', 400, 11232],
    ['HTTP 400 {code:99991400} (rate limit on an older API)', 400, 99991400],
    ['HTTP 200 {code:99991400}', 200, 99991400],
    ['HTTP 502', 502, undefined],
  ])('retries %s', async (_name, status, code) => {
    fake.failNext(SEND, { status, body: code === undefined ? 'Bad Gateway' : { code, msg: 'limited' } }, 2);
    await api().send({ openId: 'ou_alice' }, { text: 'hi' });
    expect(sendCalls()).toHaveLength(3);
    expect(fake.messages).toHaveLength(1);
  });

  it('throws FeishuApiError without retrying a non-retryable HTTP 400 {code:230001}', async () => {
    fake.failNext(SEND, { status: 400, body: { code: 230001, msg: 'invalid message content' } });
    const err = await failure(api().send({ openId: 'ou_alice' }, { text: 'hi' }));
    expect(err).toMatchObject({ operation: 'send', code: 230001, httpStatus: 400 });
    expect(sendCalls()).toHaveLength(1);
    expect(fake.messages).toHaveLength(0);
  });

  it('throws FeishuApiError without retrying HTTP 200 with a non-retryable code', async () => {
    fake.failNext(SEND, { status: 200, body: { code: 230002, msg: 'bot is not in the chat' } });
    const err = await failure(api().send({ chatId: 'oc_gone' }, { text: 'hi' }));
    expect(err).toMatchObject({ operation: 'send', code: 230002 });
    expect(err.httpStatus).toBeUndefined();
    expect(err.message).toContain('bot is not in the chat');
    expect(sendCalls()).toHaveLength(1);
  });

  it('gives up after the policy attempts when the error persists', async () => {
    fake.failNext(SEND, { status: 500, body: { code: 500, msg: 'down' } }, 10);
    const err = await failure(api({ retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 5 } }).send({ openId: 'ou_alice' }, { text: 'hi' }));
    expect(err.httpStatus).toBe(500);
    expect(sendCalls()).toHaveLength(3);
  });

  it('retries when the server cannot be reached, then throws FeishuApiError', async () => {
    const closed = net.createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as net.AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const err = await failure(api({ domain: `http://127.0.0.1:${port}`, retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 5 } }).botInfo());
    expect(err.code).toBeUndefined();
    expect(err.httpStatus).toBeUndefined();
  });
});

describe('a tenant token rejected before its expiry', () => {
  const tokenCalls = () => fake.calls.filter((c) => c.path.includes('tenant_access_token'));
  const card = (content: string) => ({ schema: '2.0', config: { update_multi: true }, body: { elements: [{ tag: 'markdown', content }] } });
  const png = () => {
    const file = path.join(dir, `token-${randomUUID()}.png`);
    fs.writeFileSync(file, Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64'));
    return file;
  };
  const bytes = Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7) % 256));

  it.each([
    ['send', (a: LarkApi) => a.send({ openId: 'ou_alice' }, { text: 'after rotation' }), (r: unknown) => expect(r).toMatchObject({ messageId: expect.stringMatching(/^om_/) })],
    ['reply', (a: LarkApi, root: string) => a.reply(root, { text: 'pong' }), (r: unknown) => expect(r).toMatchObject({ messageId: expect.stringMatching(/^om_/) })],
    ['updateCard', (a: LarkApi, root: string) => a.updateCard(root, card('n2')), () => expect(fake.patches).toHaveLength(1)],
    ['downloadResource', (a: LarkApi) => a.downloadResource('om_token_file', 'file_token', 'file'), (r: unknown) => expect((r as Buffer).equals(bytes)).toBe(true)],
    ['uploadImage', (a: LarkApi) => a.uploadImage({ path: png() }), (r: unknown) => expect(r).toMatchObject({ imageKey: expect.stringMatching(/^img_/) })],
  ] as const)('%s: drops the cached token, fetches one new token and succeeds', async (_name, op, check) => {
    fake.addResource('om_token_file', 'file_token', bytes);
    // No retries at all: the fresh-token retry is not taken from the normal budget.
    const a = api({ retry: { attempts: 1, baseDelayMs: 1, maxDelayMs: 5 } });
    const root = await a.send({ chatId: 'oc_token' }, { card: card('root') });
    expect(tokenCalls()).toHaveLength(1);
    fake.rotateToken();
    const before = fake.calls.length;
    check(await op(a, root.messageId));
    expect(tokenCalls()).toHaveLength(2);
    // The rejected call, the token request and the call again with the new token.
    const after = fake.calls.slice(before);
    expect(after).toHaveLength(3);
    expect(after[0]!.headers.authorization).not.toBe(after[2]!.headers.authorization);
    // And the new token stays cached.
    await a.send({ openId: 'ou_alice' }, { text: 'again' });
    expect(tokenCalls()).toHaveLength(2);
  });

  it('a missing-token answer (99991661) is handled the same way', async () => {
    const a = api();
    await a.send({ openId: 'ou_alice' }, { text: 'warm up' });
    fake.failNext(SEND, { status: 200, body: { code: 99991661, msg: 'missing token' } });
    await a.send({ openId: 'ou_alice' }, { text: 'hi' });
    expect(tokenCalls()).toHaveLength(2);
    expect(fake.messages).toHaveLength(2);
  });

  it('a rejection right after a refresh is not looped: one refresh, then a clean FeishuApiError', async () => {
    const a = api();
    await a.send({ openId: 'ou_alice' }, { text: 'warm up' });
    fake.failNext(SEND, { status: 200, body: { code: 99991663, msg: 'invalid access token' } }, 10);
    const err = await failure(a.send({ openId: 'ou_alice' }, { text: 'hi' }));
    expect(err).toMatchObject({ operation: 'send', code: 99991663 });
    expect(sendCalls()).toHaveLength(3);
    expect(tokenCalls()).toHaveLength(2);
  });

  it('a rejection answered with HTTP 401 on a download is recognised too', async () => {
    fake.addResource('om_token_file', 'file_token', bytes);
    const a = api();
    await a.send({ openId: 'ou_alice' }, { text: 'warm up' });
    fake.failNext({ method: 'GET', path: /\/resources\// }, { status: 401, body: { code: 99991663, msg: 'invalid access token' } });
    expect((await a.downloadResource('om_token_file', 'file_token', 'file')).equals(bytes)).toBe(true);
    expect(tokenCalls()).toHaveLength(2);
  });
});

describe('files, users and the bot itself', () => {
  it('uploads an image from a file (multipart part with a filename) and returns its key', async () => {
    const file = path.join(dir, 'photo.png');
    const bytes = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64'); // a 1×1 PNG
    fs.writeFileSync(file, bytes);
    const { imageKey } = await api().uploadImage({ path: file });
    expect(imageKey).toMatch(/^img_/);
    expect(fake.uploads).toHaveLength(1);
    expect(fake.uploads[0]).toMatchObject({ kind: 'image', key: imageKey, type: 'message', partFilename: 'photo.png' });
    expect(fake.uploads[0]!.bytes.equals(bytes)).toBe(true);
  });

  it('uploads a file with its name and type and returns its key', async () => {
    const file = path.join(dir, 'export.xlsx');
    const bytes = Buffer.from('PK\u0003\u0004 spreadsheet bytes');
    fs.writeFileSync(file, bytes);
    const { fileKey } = await api().uploadFile({ path: file, name: '服务记录.xlsx', type: 'xls' });
    expect(fileKey).toMatch(/^file_/);
    expect(fake.uploads[0]).toMatchObject({ kind: 'file', key: fileKey, type: 'xls', fileName: '服务记录.xlsx' });
    expect(fake.uploads[0]!.bytes.equals(bytes)).toBe(true);
  });

  it('downloads a message resource as bytes', async () => {
    const bytes = Buffer.from(Array.from({ length: 70_000 }, (_, i) => i % 256));
    fake.addResource('om_with_file', 'file_v2_abc', bytes, 'application/octet-stream');
    const got = await api().downloadResource('om_with_file', 'file_v2_abc', 'file');
    expect(Buffer.isBuffer(got)).toBe(true);
    expect(got.equals(bytes)).toBe(true);
  });

  it('throws FeishuApiError for a resource that is not there', async () => {
    const err = await failure(api().downloadResource('om_none', 'file_none', 'file'));
    expect(err.operation).toBe('downloadResource');
  });

  it('takes a resource of exactly maxBytes', async () => {
    const bytes = Buffer.alloc(100_000, 7);
    fake.addResource('om_cap', 'file_cap', bytes);
    expect((await api().downloadResource('om_cap', 'file_cap', 'file', { maxBytes: 100_000 })).equals(bytes)).toBe(true);
  });

  it('refuses a resource past maxBytes with DownloadTooLargeError, once (no retry)', async () => {
    fake.addResource('om_big', 'file_big', Buffer.alloc(100_001, 7));
    const err = await failure(api().downloadResource('om_big', 'file_big', 'file', { maxBytes: 100_000 }));
    expect(err).toBeInstanceOf(DownloadTooLargeError);
    expect(err).toMatchObject({ operation: 'downloadResource', maxBytes: 100_000 });
    expect(fake.calls.filter((c) => c.path.includes('/resources/'))).toHaveLength(1);
  });

  it('stops reading a resource of unknown length at maxBytes and closes the connection', async () => {
    // A server that streams without a Content-Length, forever, as fast as it is read.
    let written = 0;
    let closed!: () => void;
    const gone = new Promise<void>((r) => (closed = r));
    const server = http.createServer((req, res) => {
      if (req.url!.includes('tenant_access_token')) {
        res.writeHead(200, { 'content-type': 'application/json' });
        return res.end(JSON.stringify({ code: 0, msg: 'ok', tenant_access_token: 't-endless', expire: 7200 }));
      }
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-disposition': 'attachment; filename="x"' });
      const chunk = Buffer.alloc(64 * 1024, 1);
      const pump = () => {
        while (!res.destroyed) {
          written += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
      };
      res.on('close', () => closed());
      pump();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const port = (server.address() as net.AddressInfo).port;
      const err = await failure(api({ domain: `http://127.0.0.1:${port}` }).downloadResource('om_endless', 'file_endless', 'file', { maxBytes: 1_000_000 }));
      expect(err).toBeInstanceOf(DownloadTooLargeError);
      await gone; // the client hung up: the stream was destroyed, not drained
      expect(written).toBeGreaterThan(1_000_000);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    }
  });

  it('answers a merged-forward resource (HTTP 400 234043) with a recognisable error, without retrying', async () => {
    fake.addResource('om_forward', 'file_inside', Buffer.from('x'), 'application/octet-stream', { unsupported: true });
    const err = await failure(api().downloadResource('om_forward', 'file_inside', 'file'));
    expect(err).toMatchObject({ operation: 'downloadResource', code: 234043, httpStatus: 400 });
    expect(isUnsupportedResource(err)).toBe(true);
    expect(fake.calls.filter((c) => c.path.includes('/resources/'))).toHaveLength(1);
  });

  it('reads a user by open_id', async () => {
    fake.setUser('ou_zhang', { name: '张三' });
    expect(await api().getUser('ou_zhang')).toEqual({ openId: 'ou_zhang', name: '张三' });
  });

  it('throws FeishuApiError when the user cannot be read', async () => {
    const err = await failure(api().getUser('ou_unknown'));
    expect(err).toMatchObject({ operation: 'getUser', code: 41050 });
  });

  it("reads the bot's own open_id from bot/v3/info", async () => {
    expect(await api().botInfo()).toEqual({ openId: fake.botOpenId, name: '社区实践助手' });
  });
});

describe('logging', () => {
  it('never writes message text to the logs, even when the SDK logs a failed request', async () => {
    const lines: string[] = [];
    const sink = { write: (s: string) => void lines.push(s) };
    const marker = `SECRET-TEXT-${randomUUID()}`;
    const a = api({ log: sink, retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 5 } });

    // A retried failure and a final one, on send and reply (the SDK logs each with its request body).
    fake.failNext(SEND, { status: 500, body: { code: 500, msg: 'internal error' } });
    fake.failNext(SEND, { status: 400, body: { code: 230001, msg: 'invalid message content' } });
    await failure(a.send({ openId: 'ou_alice' }, { text: `手机 13800002302 ${marker}` }));
    fake.failNext({ method: 'POST', path: /\/reply$/ }, { status: 400, body: { code: 230001, msg: 'invalid' } });
    await failure(a.reply('om_parent', { card: { schema: '2.0', body: { elements: [{ tag: 'markdown', content: marker }] } } }));

    // The marker really went over the wire, and the failures really were logged…
    expect(JSON.stringify(fake.calls.map((c) => c.body))).toContain(marker);
    expect(lines.some((l) => l.includes('feishu sdk error'))).toBe(true);
    expect(lines.some((l) => l.includes('feishu call failed'))).toBe(true);
    // …but no log line carries the text (nor the phone number in it).
    const log = lines.join('\n');
    expect(log).not.toContain(marker);
    expect(log).not.toContain('13800002302');
  });
});
