/**
 * `npm start`: reads the configuration, starts the bot and stops it gracefully on
 * SIGTERM/SIGINT (stop taking requests, finish in-flight work, close the db, exit 0 in 10 s).
 */
import { startBot } from './app.js';
import { ConfigError, loadConfig, loadDotEnv } from './config.js';
import { createLogger } from './log.js';

const STOP_DEADLINE_MS = 9_000;

async function main(): Promise<void> {
  loadDotEnv();
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    console.error(err.message);
    process.exit(1);
  }
  process.env.TZ = config.timeZone;
  const log = createLogger(config.logLevel);
  const bot = await startBot(config, { log });
  console.log(`社区实践助手已启动 / bot running: ${bot.url} (${config.feishu.eventMode})`);

  const shutdown = (signal: string) => {
    log.info({ signal }, 'stopping');
    const force = setTimeout(() => {
      log.error('graceful stop took too long; exiting');
      process.exit(1);
    }, STOP_DEADLINE_MS);
    force.unref();
    bot.stop().then(
      () => {
        log.flush();
        process.exit(0);
      },
      (err: unknown) => {
        log.error({ err }, 'error while stopping');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

await main();
