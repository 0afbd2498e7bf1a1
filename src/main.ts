/**
 * `npm start`: reads the configuration, starts the bot and stops it gracefully on
 * SIGTERM/SIGINT (stop taking requests, finish in-flight work, close the db, exit 0 in 10 s).
 */
import { startBot, type RunningBot } from './app.js';
import { configOrExplain } from './config.js';
import { createLogger } from './log.js';

const STOP_DEADLINE_MS = 9_000;

async function main(): Promise<void> {
  const config = configOrExplain();
  if (!config) process.exit(1);
  process.env.TZ = config.timeZone;
  const log = createLogger(config.logLevel);
  // Signal handlers go in before the bot starts: it already answers HTTP and processes
  // recovered events while startBot runs, and a SIGTERM then must stop it gracefully rather
  // than kill it mid-event (test/process.test.ts). The stop itself waits for the start.
  let bot: RunningBot | undefined;
  let signalled = false;
  const stop = (running: RunningBot) =>
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

  bot = await startBot(config, { log });
  console.log(`社区实践助手已启动 / bot running: ${bot.url} (${config.feishu.eventMode})`);
  if (signalled) void stop(bot);
}

await main();
