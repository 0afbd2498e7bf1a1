/**
 * Local mode (`npm start` without Feishu credentials): the real bot — startBot, the same
 * database code, the same webhook — talking to the Open API stand-in instead of Feishu, on
 * the demo database, with the web console in front. main.ts imports this module only in
 * local mode, so production never serves the console.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';
import { startBot, type RunningBot } from '../app.js';
import { loadConfig, type LocalConfig } from '../config.js';
import { closeDb, openDb } from '../db/client.js';
import { OffsetClock } from './clock.js';
import { startConsole, type LocalConsole } from './console.js';
import { randomCredentials, type LocalCredentials } from './events.js';
import { startOpenApiStandIn, type FakeOpenApi } from './openApi.js';
import { seedDemo } from './seed.js';

const BOT_NAME = '社区实践助手';

/**
 * `loadConfig(env, 'local')` plus a logger. `port` is the console's (PORT); the bot's webhook
 * listens on a free internal one. `databasePath` defaults to the demo database there.
 */
interface LocalModeOptions extends LocalConfig {
  log: Logger;
}

export interface LocalMode {
  /** The console's address. */
  url: string;
  bot: RunningBot;
  standIn: FakeOpenApi;
  clock: OffsetClock;
  console: LocalConsole;
  /** This run's random credentials (the stand-in signs with them; tests forge with them). */
  creds: LocalCredentials;
  stop(): Promise<void>;
}

export async function startLocalMode(opts: LocalModeOptions): Promise<LocalMode> {
  const { log } = opts;
  const creds = randomCredentials();
  const { databasePath } = opts;
  const clock = new OffsetClock();

  fs.mkdirSync(path.dirname(path.resolve(databasePath)), { recursive: true });
  const db = openDb(databasePath);
  try {
    await seedDemo(db, { now: clock.now(), tz: opts.timeZone }, log);
  } finally {
    closeDb(db);
  }
  const standIn = await startOpenApiStandIn({ botOpenId: 'ou_demo_bot', token: `t-${creds.appSecret}`, clock });

  const config = loadConfig({
    FEISHU_APP_ID: creds.appId,
    FEISHU_APP_SECRET: creds.appSecret,
    FEISHU_VERIFICATION_TOKEN: creds.verificationToken,
    FEISHU_ENCRYPT_KEY: creds.encryptKey,
    FEISHU_DOMAIN: standIn.url,
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_PATH: databasePath,
    TZ: opts.timeZone,
    LOG_LEVEL: opts.logLevel,
  });
  const bot = await startBot(config, { clock, log });
  await bot.ready;
  let consoleServer: LocalConsole;
  try {
    consoleServer = await startConsole({ bot, standIn, clock, creds, botName: BOT_NAME, port: opts.port, host: opts.host, timeZone: opts.timeZone, log });
  } catch (err) {
    // E.g. the port is taken: leave nothing running behind main's explanation.
    await bot.stop();
    await standIn.close();
    throw err;
  }
  const stop = async () => {
    await consoleServer.close();
    await bot.stop();
    await standIn.close();
  };
  return { url: consoleServer.url, bot, standIn, clock, console: consoleServer, creds, stop };
}
