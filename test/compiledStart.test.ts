/**
 * `npm start` runs compiled JavaScript (issue 18 point 1): `npm run build` (also `npm ci`'s
 * prepare and `npm start`'s prestart) compiles to dist/, and `node <flags> dist/src/main.js` —
 * read from package.json — starts local mode without credentials and the real bot with them,
 * answers a signed event, and stops on SIGTERM; the compiled CLIs import a roster through the
 * compiled spreadsheet worker. No TypeScript loader is in those processes.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenApi, type FakeOpenApi } from './fakes/openApi.js';
import { APP } from './helpers/harness.js';
import { deliver, messageEvent } from './helpers/feishuEvents.js';
import { cleanEnv, exitWithin, freePort, ROOT, spawnBot, startCommand, waitUntilReady, type BotProcess } from './helpers/process.js';

let dir: string;
let fake: FakeOpenApi;
const running: BotProcess[] = [];

beforeAll(async () => {
  // Incremental: a few seconds when dist/ is current (npm ci built it), a full build otherwise.
  const build = spawnSync(process.execPath, [path.join(ROOT, 'scripts/build.mjs')], { encoding: 'utf8' });
  expect(build.status, build.stdout + build.stderr).toBe(0);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cpbot-dist-'));
  fake = await startFakeOpenApi();
}, 180_000);
afterAll(async () => {
  for (const p of running) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
  await fake?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the compiled bot', { timeout: 60_000 }, () => {
  it('npm start is node with memory flags on dist/src/main.js, which the build produced', () => {
    const { flags, script } = startCommand();
    expect(path.relative(ROOT, script)).toBe(path.join('dist', 'src', 'main.js'));
    expect(flags).toEqual(expect.arrayContaining(['--max-semi-space-size=4', '--heap-growing-percent=20', '--v8-pool-size=1']));
    for (const f of ['dist/src/main.js', 'dist/src/app/import/tableWorker.js', 'dist/src/feishu/eventBatch.cjs', 'dist/src/local/console/index.html', 'dist/drizzle/meta/_journal.json']) {
      expect(fs.existsSync(path.join(ROOT, f)), f).toBe(true);
    }
  });

  it('without credentials starts local mode (the console, the demo database)', async () => {
    const port = await freePort();
    const dbFile = path.join(dir, 'demo.db');
    const proc = spawnBot(cleanEnv({ PORT: String(port), HOST: '127.0.0.1', DATABASE_PATH: dbFile }), dir, { compiled: true });
    running.push(proc);
    let page: string | undefined;
    for (const until = Date.now() + 30_000; !page; ) {
      page = await fetch(`http://127.0.0.1:${port}/`).then((r) => (r.ok ? r.text() : undefined), () => undefined);
      if (page) break;
      if (Date.now() > until || proc.child.exitCode !== null) throw new Error(`no console\n${proc.stderr()}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(page).toContain('<script src="/app.js"></script>');
    expect(proc.stdout()).toContain(`使用演示数据 ${dbFile}`);
    proc.child.kill('SIGTERM');
    expect(await exitWithin(proc, 10_000)).toEqual({ code: 0, signal: null });
  });

  it('with credentials answers a signed event and exits 0 on SIGTERM', async () => {
    const port = await freePort();
    const env = cleanEnv({
      FEISHU_APP_ID: APP.appId, FEISHU_APP_SECRET: APP.appSecret, FEISHU_VERIFICATION_TOKEN: APP.token, FEISHU_ENCRYPT_KEY: APP.encryptKey,
      FEISHU_DOMAIN: fake.url, PORT: String(port), HOST: '127.0.0.1', DATABASE_PATH: path.join(dir, 'bot.db'), LOG_LEVEL: 'warn',
    });
    const proc = spawnBot(env, dir, { compiled: true });
    running.push(proc);
    const url = `http://127.0.0.1:${port}`;
    await waitUntilReady(proc, url);
    const event = messageEvent({ openId: 'ou_dist_user', text: '/help' }, { token: APP.token, appId: APP.appId });
    expect((await deliver(url, '/feishu/events', event, { encryptKey: APP.encryptKey })).status).toBe(200);
    const messageId = (event.event as { message: { message_id: string } }).message.message_id;
    for (const until = Date.now() + 10_000; !fake.messages.some((m) => m.replyTo === messageId); ) {
      if (Date.now() > until) throw new Error('no reply');
      await new Promise((r) => setTimeout(r, 20));
    }
    proc.child.kill('SIGTERM');
    expect(await exitWithin(proc, 10_000)).toEqual({ code: 0, signal: null });
  });

  it('a native module built for another Node.js stops the start with what to run, not a stack trace', async () => {
    // As when node_modules was installed under another Node.js version: every .node addon refuses to load.
    const preload = path.join(dir, 'wrong-abi.cjs');
    fs.writeFileSync(preload, `require('node:module')._extensions['.node'] = () => {
      const e = new Error('The module was compiled against a different Node.js version using NODE_MODULE_VERSION 115.');
      e.code = 'ERR_DLOPEN_FAILED';
      throw e;
    };`);
    const { flags, script } = startCommand();
    const res = spawnSync(process.execPath, ['--require', preload, ...flags, script], {
      encoding: 'utf8',
      cwd: dir,
      env: cleanEnv({ FEISHU_APP_ID: APP.appId, FEISHU_APP_SECRET: APP.appSecret, FEISHU_VERIFICATION_TOKEN: APP.token, FEISHU_ENCRYPT_KEY: APP.encryptKey, FEISHU_DOMAIN: fake.url, PORT: String(await freePort()), DATABASE_PATH: path.join(dir, 'abi.db') }),
    });
    expect(res.status).toBe(1);
    expect(res.stderr).toContain('数据库组件 better-sqlite3 无法加载');
    expect(res.stderr).toContain('npm rebuild better-sqlite3');
    expect(res.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('the compiled import CLI reads a roster through the compiled spreadsheet worker', () => {
    const res = spawnSync(process.execPath, [path.join(ROOT, 'dist/src/cli/import.js'), path.join(ROOT, 'examples/roster.csv')], {
      encoding: 'utf8', cwd: dir, env: cleanEnv({ DATABASE_PATH: path.join(dir, 'cli.db') }),
    });
    expect(res.status, res.stderr).toBe(0);
    expect(res.stdout).toContain('名单导入完成：共读取 19 行名单');
  });
});
