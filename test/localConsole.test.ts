/**
 * The local console trusts only itself (issue 17 point 6): requests must carry one of its own
 * Host names (no DNS rebinding) and, when a browser sends one, its own Origin; POSTs must be JSON
 * (a cross-site text/plain or form POST needs no preflight); every answer forbids framing and
 * foreign scripts; the card markdown renderer cannot be broken out of through a link.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDb, openDb } from '../src/db/client.js';
import { serviceLogs } from '../src/db/schema/index.js';
import { refuse } from '../src/local/console.js';
import { startLocalMode, type LocalMode } from '../src/local/index.js';
import { silentLogger } from '../src/log.js';

let dir: string;
let local: LocalMode;
let dbPath: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cpbot-console-'));
  dbPath = path.join(dir, 'demo.db');
  local = await startLocalMode({ port: 0, host: '127.0.0.1', databasePath: dbPath, timeZone: 'Asia/Shanghai', logLevel: 'silent', log: silentLogger });
});
afterAll(async () => {
  await local?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A raw request, with whatever Host and headers a test wants (fetch will not send a foreign Host). */
function request(route: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  const url = new URL(local.url);
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: url.port, path: route, method: opts.method ?? 'GET', headers: { host: `localhost:${url.port}`, ...opts.headers } }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

const logCount = () => {
  const db = openDb(dbPath);
  try {
    return db.select().from(serviceLogs).all().length;
  } finally {
    closeDb(db);
  }
};

const SEND = JSON.stringify({ openId: 'ou_demo_2023010103', chatId: 'oc_p2p_ou_demo_2023010103', kind: 'text', content: { text: '/记录 实事 2小时 跨站请求写的记录' } });

describe('who the console answers', () => {
  it('the rule: own Host, own Origin when given, JSON POSTs', () => {
    const origins = ['http://localhost:3000', 'http://127.0.0.1:3000'];
    expect(refuse({ method: 'GET', headers: { host: 'localhost:3000' } }, origins)).toBeUndefined();
    expect(refuse({ method: 'GET', headers: { host: 'evil.example:3000' } }, origins)?.status).toBe(421);
    expect(refuse({ method: 'GET', headers: {} }, origins)?.status).toBe(421);
    expect(refuse({ method: 'POST', headers: { host: 'localhost:3000', origin: 'https://evil.example', 'content-type': 'application/json' } }, origins)?.status).toBe(403);
    expect(refuse({ method: 'POST', headers: { host: 'localhost:3000', 'content-type': 'text/plain' } }, origins)?.status).toBe(415);
    expect(refuse({ method: 'POST', headers: { host: '127.0.0.1:3000', origin: 'http://127.0.0.1:3000', 'content-type': 'application/json; charset=utf-8' } }, origins)).toBeUndefined();
  });

  it('a cross-site text/plain POST to /api/send is refused and creates no log', async () => {
    const before = logCount();
    const res = await request('/api/send', { method: 'POST', headers: { 'content-type': 'text/plain', origin: 'https://evil.example' }, body: SEND });
    expect(res.status).toBe(403);
    const plain = await request('/api/send', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: SEND });
    expect(plain.status).toBe(415);
    expect(logCount()).toBe(before);
  });

  it('a rebound name (foreign Host) gets no user list', async () => {
    const res = await request('/api/state', { headers: { host: 'attacker.example' } });
    expect(res.status).toBe(421);
    expect(res.body).not.toContain('2023010103');
    expect((await request('/api/state')).status).toBe(200);
  });

  it('every answer forbids framing and foreign scripts', async () => {
    for (const route of ['/', '/app.js', '/api/state']) {
      const res = await request(route);
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    }
  });
});

describe('the card markdown renderer', () => {
  const context = vm.createContext({ URL });
  vm.runInContext(fs.readFileSync('src/local/console/cards.js', 'utf8'), context);
  const markdownHtml = (md: string): string => vm.runInContext(`markdownHtml(${JSON.stringify(md)})`, context);

  it('a quote in a link cannot close the attribute', () => {
    const html = markdownHtml('[点我](https://t.cn/"onmouseover="alert(1))');
    expect(html).not.toMatch(/"\s*onmouseover=/);
    expect(html).toMatch(/^<a href="https:\/\/t\.cn\/[^"]*" target="_blank" rel="noopener noreferrer">点我<\/a>\)?$/);
  });

  it('only http(s) becomes a link; tags are text', () => {
    expect(markdownHtml('[x](javascript:alert(1))')).not.toContain('<a');
    expect(markdownHtml('<img src=x onerror=alert(1)>')).toBe('&lt;img src=x onerror=alert(1)&gt;');
    expect(markdownHtml("it's **ok**")).toBe('it&#39;s <b>ok</b>');
  });
});
