/**
 * The bot as a real process (`node --import tsx src/main.ts`, what `npm start` runs): graceful
 * SIGTERM, nothing lost after SIGKILL, local mode without credentials, a clear refusal to start
 * with only some of them, and no console with them.
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { closeDb, openDb } from '../src/db/client.js';
import { members, settings } from '../src/db/schema/index.js';
import { importRosterFile } from '../src/app/import/roster.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeOpenApi, type FakeOpenApi } from './fakes/openApi.js';
import { APP } from './helpers/harness.js';
import { deliver, messageEvent } from './helpers/feishuEvents.js';
import { eventRow, eventually, replyCalls, type EventRow } from './helpers/observe.js';
import { cleanEnv, exitWithin, freePort, spawnBot, waitUntilReady, type BotProcess } from './helpers/process.js';

const app = { token: APP.token, appId: APP.appId };

let fake: FakeOpenApi;
let dir: string;
const running: BotProcess[] = [];

beforeEach(async () => {
  fake = await startFakeOpenApi();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cpbot-proc-'));
});
afterEach(async () => {
  for (const p of running.splice(0)) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
  await fake.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function botEnv(port: number, dbPath: string): NodeJS.ProcessEnv {
  return cleanEnv({
    FEISHU_APP_ID: APP.appId,
    FEISHU_APP_SECRET: APP.appSecret,
    FEISHU_VERIFICATION_TOKEN: APP.token,
    FEISHU_ENCRYPT_KEY: APP.encryptKey,
    FEISHU_DOMAIN: fake.url,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_PATH: dbPath,
    LOG_LEVEL: 'warn',
  });
}

async function startProcess(dbPath: string): Promise<{ proc: BotProcess; url: string }> {
  const port = await freePort();
  const proc = spawnBot(botEnv(port, dbPath));
  running.push(proc);
  const url = `http://127.0.0.1:${port}`;
  await waitUntilReady(proc, url);
  return { proc, url };
}

/** Reads a row with a separate connection (the bot's own may be gone). */
function readRow(dbPath: string, eventId: string): EventRow | undefined {
  const sqlite = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    return eventRow(sqlite, eventId);
  } finally {
    sqlite.close();
  }
}

const helpEvent = () => messageEvent({ openId: 'ou_proc_user', text: '/help' }, app);
const messageIdOf = (env: { event: unknown }) => (env.event as { message: { message_id: string } }).message.message_id;
const post = (url: string, env: object) => deliver(url, '/feishu/events', env, { encryptKey: APP.encryptKey });

// Starting a process costs seconds of CPU; on a machine busy with other work (another test run)
// a test may take longer than the default 20 s without anything being wrong.
describe('the bot process', { timeout: 60_000 }, () => {
  it('on SIGTERM finishes the event in flight (the reply arrives), marks it done and exits 0 within 10 s', async () => {
    const dbPath = path.join(dir, 'bot.db');
    const { proc, url } = await startProcess(dbPath);
    fake.setLatency(500); // the reply is slow: it is still in flight when the signal comes
    const env = helpEvent();
    expect((await post(url, env)).status).toBe(200);
    expect(fake.messages).toHaveLength(0);

    const signalled = Date.now();
    proc.child.kill('SIGTERM');
    // A delivery during the shutdown is either refused or, if it got a 200, finished too.
    await new Promise((r) => setTimeout(r, 100));
    const late = helpEvent();
    const lateStatus = await post(url, late).then((r) => r.status, () => 0);

    const exit = await exitWithin(proc, 10_000);
    const tookMs = Date.now() - signalled;
    expect(exit, proc.stderr()).toEqual({ code: 0, signal: null });
    expect(tookMs).toBeLessThan(10_000);
    expect(fake.messages.filter((m) => m.replyTo === messageIdOf(env))).toHaveLength(1);
    expect(readRow(dbPath, env.header.event_id)?.status).toBe('done');
    if (lateStatus === 200) expect(readRow(dbPath, late.header.event_id)?.status).toBe('done');
    else expect(readRow(dbPath, late.header.event_id)).toBeUndefined();
  });

  it('after SIGKILL right after a 200, processes the acknowledged event when restarted on the same database', async () => {
    const dbPath = path.join(dir, 'bot.db');
    const first = await startProcess(dbPath);
    fake.setLatency(2500); // the first process dies while its reply is still waiting at the fake
    const env = helpEvent();
    expect((await post(first.url, env)).status).toBe(200);
    first.proc.child.kill('SIGKILL');
    expect(await exitWithin(first.proc, 5000)).toMatchObject({ signal: 'SIGKILL' });
    // Acknowledged but not processed: the row is the only trace of the event.
    expect(readRow(dbPath, env.header.event_id)?.status).toBe('pending');

    fake.setLatency(0);
    const second = await startProcess(dbPath);
    const reply = await fake.waitFor((m) => m.replyTo === messageIdOf(env), 5000);
    expect(reply.msgType).toBe('interactive');
    second.proc.child.kill('SIGTERM');
    expect(await exitWithin(second.proc, 10_000)).toEqual({ code: 0, signal: null });
    // Only the restarted process can have written 'done' (the first was killed before its reply returned).
    expect(readRow(dbPath, env.header.event_id)?.status).toBe('done');
    // Both processes asked to reply (same uuid); the fake, like Feishu, delivered it once.
    expect(replyCalls(fake, messageIdOf(env)).length).toBeGreaterThanOrEqual(1);
    expect(fake.messages.filter((m) => m.replyTo === messageIdOf(env))).toHaveLength(1);
  });

  it('on SIGTERM while still recovering at start, finishes the recovered event and exits 0', async () => {
    // A row left 'pending' by a killed process (the decrypted envelope, as the webhook stores it).
    const dbPath = path.join(dir, 'bot.db');
    const env = helpEvent();
    const db = openDb(dbPath);
    db.$client
      .prepare(`INSERT INTO processed_events (event_id, event_type, payload, received_at, status) VALUES (?, ?, ?, ?, 'pending')`)
      .run(env.header.event_id, env.header.event_type, JSON.stringify(env), Date.now() - 60_000);
    closeDb(db);

    fake.setLatency(300); // recovery's reply is slow, so the signal lands while it is under way
    const { proc } = await startProcess(dbPath);
    await eventually(() => replyCalls(fake, messageIdOf(env)).length > 0, 5000, 'the recovered reply to start');
    proc.child.kill('SIGTERM');
    expect(await exitWithin(proc, 10_000), proc.stderr()).toEqual({ code: 0, signal: null });
    expect(fake.messages.filter((m) => m.replyTo === messageIdOf(env))).toHaveLength(1);
    expect(readRow(dbPath, env.header.event_id)?.status).toBe('done');
  });

  it('without FEISHU_* settings and no .env starts local mode: the console answers and says so, the demo database is made, SIGTERM exits 0', async () => {
    // A working directory without a .env, so only the (cleaned) environment counts.
    const port = await freePort();
    const proc = spawnBot(cleanEnv({ LOG_LEVEL: 'warn', PORT: String(port), HOST: '127.0.0.1' }), dir);
    running.push(proc);
    const url = `http://127.0.0.1:${port}`;
    for (const until = Date.now() + 20_000; (await fetch(`${url}/`).then((r) => r.status, () => 0)) !== 200; ) {
      if (Date.now() > until || proc.child.exitCode !== null) throw new Error(`the console did not answer\n${proc.stderr()}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    const page = await (await fetch(`${url}/`)).text();
    expect(page).toContain('本地体验模式');
    expect(proc.stdout()).toContain('本地体验模式');
    expect(proc.stdout()).toContain(`http://localhost:${port}/`);
    expect(fs.existsSync(path.join(dir, 'data', 'demo.db'))).toBe(true);
    expect(fs.existsSync(path.join(dir, 'data', 'bot.db'))).toBe(false);
    proc.child.kill('SIGTERM');
    expect(await exitWithin(proc, 10_000), proc.stderr()).toEqual({ code: 0, signal: null });
  });

  it('local mode refuses a DATABASE_PATH that holds a real roster, explains why, and leaves it as it was', async () => {
    const dbPath = path.join(dir, 'school.db');
    const db = openDb(dbPath);
    const summary = await importRosterFile(db, fs.readFileSync(path.resolve('examples/roster.csv')), 'roster.csv', Date.now());
    expect(summary.errors).toEqual([]);
    closeDb(db);

    const proc = spawnBot(cleanEnv({ LOG_LEVEL: 'warn', PORT: String(await freePort()), HOST: '127.0.0.1', DATABASE_PATH: dbPath }), dir);
    running.push(proc);
    expect((await exitWithin(proc, 20_000)).code).toBe(1);
    expect(proc.stderr()).toContain(`DATABASE_PATH=${dbPath} 里已有正式名单`);
    expect(proc.stderr()).not.toMatch(/\n\s+at /); // an explanation, not a stack trace
    const after = openDb(dbPath);
    try {
      expect(after.select().from(members).all()).toHaveLength(summary.created);
      expect(after.select().from(settings).all().filter((r) => r.key.startsWith('demo'))).toEqual([]);
    } finally {
      closeDb(after);
    }
  });

  it('local mode on a port already in use says so and exits 1', async () => {
    const port = await freePort();
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(port, '127.0.0.1', resolve));
    try {
      const proc = spawnBot(cleanEnv({ LOG_LEVEL: 'warn', PORT: String(port), HOST: '127.0.0.1' }), dir);
      running.push(proc);
      expect((await exitWithin(proc, 20_000)).code).toBe(1);
      expect(proc.stderr()).toContain(`端口 ${port} 已被占用`);
      expect(proc.stderr()).not.toMatch(/\n\s+at /);
    } finally {
      blocker.close();
    }
  });

  it('with only some FEISHU_* settings exits 1 naming the missing ones (no local mode for a half-filled .env)', async () => {
    const proc = spawnBot(cleanEnv({ LOG_LEVEL: 'warn', FEISHU_APP_ID: APP.appId }), dir);
    running.push(proc);
    expect((await exitWithin(proc, 20_000)).code).toBe(1);
    for (const name of ['FEISHU_APP_SECRET', 'FEISHU_VERIFICATION_TOKEN', 'FEISHU_ENCRYPT_KEY']) expect(proc.stderr()).toContain(name);
    expect(proc.stderr()).toContain('README');
    expect(fs.existsSync(path.join(dir, 'data'))).toBe(false);
  });

  it('with credentials serves no console: GET / is 404', async () => {
    const { url } = await startProcess(path.join(dir, 'bot.db'));
    expect((await fetch(`${url}/`)).status).toBe(404);
    expect((await fetch(`${url}/app.js`)).status).toBe(404);
  });
});
