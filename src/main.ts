/**
 * `npm start`: reads the configuration, starts the bot and stops it gracefully on
 * SIGTERM/SIGINT (stop taking requests, finish in-flight work, close the db, exit 0 in 10 s).
 * With no Feishu credentials at all it starts local mode (src/local) instead: the same bot
 * against an embedded stand-in, with a web console, on a demo database.
 */
import module from 'node:module';
import path from 'node:path';
import type { RunningBot } from './app.js';
import type { Logger } from 'pino';
import { configOrExplain, loadDotEnv, wantsLocalMode, type LocalConfig } from './config.js';
import { createLogger } from './log.js';

/** What `startBot` and local mode both give main: a graceful stop. */
type Running = Pick<RunningBot, 'stop'>;

async function startLocal(config: LocalConfig, log: Logger): Promise<Running> {
  // Dynamic: production never loads the stand-in or the console.
  const { startLocalMode } = await import('./local/index.js');
  const local = await startLocalMode({ ...config, log });
  console.log(`社区实践助手 · 本地体验模式（未连接飞书，使用演示数据 ${config.databasePath}）`);
  console.log(`Local mode (no Feishu credentials): open ${local.url}/ in a browser`);
  return local;
}

const STOP_DEADLINE_MS = 9_000;

/**
 * Node ≥ 22.1 can keep the compiled code of the modules it loads on disk, so the next start
 * skips parsing them — most of all the Feishu SDK's 6 MB bundle. Kept beside the database (the
 * one folder the bot may write to); Node 20 has no such cache and goes on as before.
 */
function keepCompiledCode(databasePath: string): void {
  const enable = (module as { enableCompileCache?: (dir: string) => unknown }).enableCompileCache;
  if (databasePath !== ':memory:') enable?.(path.join(path.dirname(path.resolve(databasePath)), '.node-compile-cache'));
}

async function main(): Promise<void> {
  loadDotEnv();
  // The school's zone travels in the config (ctx.timeZone, ports.timeZone) and is passed to
  // every date computation; the process's own zone is not touched.
  if (wantsLocalMode()) {
    const config = configOrExplain('local');
    if (!config) process.exit(1);
    keepCompiledCode(config.databasePath);
    const log = createLogger(config.logLevel);
    return runUntilSignalled(() => startLocal(config, log), log);
  }
  const config = configOrExplain();
  if (!config) process.exit(1);
  keepCompiledCode(config.databasePath);
  const log = createLogger(config.logLevel);
  await runUntilSignalled(async () => {
    // Loaded once the configuration is known good: a bad .env is explained without first
    // loading the SDK, koa and the whole bot.
    const { startBot } = await import('./app.js');
    const bot = await startBot(config, { log });
    console.log(`社区实践助手已启动 / bot running: ${bot.url} (${config.feishu.eventMode})`);
    return bot;
  }, log);
}

/**
 * Signal handlers go in before the bot starts: it already answers HTTP and processes
 * recovered events while startBot runs, and a SIGTERM then must stop it gracefully rather
 * than kill it mid-event (test/process.test.ts). The stop itself waits for the start.
 */
async function runUntilSignalled(start: () => Promise<Running>, log: Logger): Promise<void> {
  let bot: Running | undefined;
  let signalled = false;
  const stop = (running: Running) =>
    running.stop().then(
      // Exit only once the asynchronous log destination has written its last lines.
      () => log.flush(() => process.exit(0)),
      (err: unknown) => {
        log.error({ err }, 'error while stopping');
        process.exit(1);
      },
    );
  const shutdown = (signal: string) => {
    if (signalled) return;
    signalled = true;
    log.info({ signal }, 'stopping');
    const force = setTimeout(() => {
      log.error('graceful stop took too long; exiting');
      process.exit(1);
    }, STOP_DEADLINE_MS);
    force.unref();
    if (bot) void stop(bot);
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));

  try {
    bot = await start();
  } catch (err) {
    const explained = explainStartFailure(err);
    if (!explained) throw err;
    console.error(explained);
    process.exit(1);
  }
  if (signalled) void stop(bot);
}

/** A start that fails for a reason the user can fix gets a sentence, not a stack trace. */
function explainStartFailure(err: unknown): string | undefined {
  const e = err as { code?: unknown; port?: unknown; name?: unknown; databasePath?: unknown };
  if (e?.code === 'EADDRINUSE') {
    return `端口 ${String(e.port ?? '')} 已被占用：请先停止占用它的程序，或在 .env 中设置另一个 PORT。
Port ${String(e.port ?? '')} is already in use: stop the program using it, or set another PORT.`;
  }
  // better-sqlite3's native part missing or built for another Node.js (README「在任何机器上安装」).
  const message = err instanceof Error ? err.message : '';
  if (/better_sqlite3\.node|bindings file|NODE_MODULE_VERSION|ERR_DLOPEN_FAILED|invalid ELF header/i.test(message) || (err as { code?: unknown })?.code === 'ERR_DLOPEN_FAILED') {
    return `数据库组件 better-sqlite3 无法加载：它没有为当前的 Node.js ${process.version} 编译（换过 Node 版本，或安装时既下载不到预编译文件、本机也没有编译工具）。
请在项目目录运行 npm rebuild better-sqlite3；需要编译工具：Linux 装 python3、make、g++（Debian/Ubuntu：apt-get install -y python3 make g++），Windows 装 Visual Studio 生成工具（“使用 C++ 的桌面开发”），macOS 运行 xcode-select --install。详见 README「在任何机器上安装」。
better-sqlite3's native module cannot be loaded for Node.js ${process.version}: run npm rebuild better-sqlite3 (needs python3, make and a C++ compiler). Detail: ${message.split('\n')[0]}`;
  }
  if (e?.name === 'NotADemoDatabase') {
    return `DATABASE_PATH=${String(e.databasePath)} 里已有正式名单；本地体验模式不会把演示数据写进去。请删除 .env 中的 DATABASE_PATH（演示库默认为 ./data/demo.db），或填好飞书凭证以正式运行。
${String(e.databasePath)} holds a real roster; local mode will not seed demo data into it. Unset DATABASE_PATH or set the Feishu credentials.`;
  }
  return undefined;
}

await main();
