/**
 * Composition root: config → db (+migrate) → ports → bot → transport → recovery, and the
 * graceful stop. `main.ts` runs it as a process; tests start it in-process on port 0.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Koa from 'koa';
import type { Logger } from 'pino';
import { actions, commands, hooks } from '../commands/index.js';
import { Bot } from './bot/bot.js';
import { systemClock, type Clock } from './clock.js';
import type { Config } from './config.js';
import { closeDb, openDb, type Db } from './db/client.js';
import { markRunning } from './db/running.js';
import type { CardJson, FeishuApi } from './feishu/api.js';
import { parseEnvelope, type InboundEvent } from './feishu/envelope.js';
import { EventStore } from './feishu/eventStore.js';
import { AckLag } from './feishu/lag.js';
import { cardAction } from './feishu/events.js';
import { LarkApi, type RetryPolicy } from './feishu/larkApi.js';
import { startLongConnection, type LongConnection } from './feishu/longConnection.js';
import { InboundPipeline, type CardResponse } from './feishu/pipeline.js';
import { webhookHandler } from './feishu/webhook.js';
import { jobs } from './jobs/index.js';
import { OutboxWorker, type OutboxOptions } from './jobs/outbox.js';
import { deriveUuid } from './jobs/outboxRows.js';
import { Scheduler } from './jobs/scheduler.js';
import { createLogger } from './log.js';
import { confirmRoutes } from './web/confirm.js';
import { listen } from './http/listen.js';

export const EVENT_PATHS = ['/feishu/events', '/feishu/cards'] as const;
/** Dedupe rows are kept this long; Feishu's redeliveries end after ~7 h. */
export const DEDUPE_KEEP_MS = 7 * 24 * 3600 * 1000;
const PRUNE_EVERY_MS = 3600 * 1000;
/** How long a group message (or recovery at start) waits for the bot's own open_id. */
const BOT_INFO_WAIT_MS = 10_000;

export interface StartOptions {
  clock?: Clock;
  log?: Logger;
  retry?: RetryPolicy;
  /** Overrides the node-sdk implementation (benchmarks compare against it). */
  feishu?: FeishuApi;
  /** The platform's file size limit (tests lower it; Feishu's is FILE_MAX_BYTES). */
  fileMaxBytes?: number;
  /** Outbox pacing and backoff (tests shorten them). */
  outbox?: Partial<OutboxOptions>;
  /** Long-connection mode: seconds without a pong before reconnecting (tests shorten it). */
  wsPingTimeoutSec?: number;
  /** How long a click's work may take before it is answered 「正在处理」 (default 2.5 s; tests shorten it). */
  cardDeadlineMs?: number;
}

export interface RunningBot {
  url: string;
  server: http.Server;
  db: Db;
  pipeline: InboundPipeline;
  feishu: FeishuApi;
  outbox: OutboxWorker;
  scheduler: Scheduler;
  /** Resolves once the bot's own open_id is known (group @-mentions need it). */
  ready: Promise<void>;
  /**
   * The in-process entry: a verified, decrypted event handed to the pipeline both transports
   * use, answered as the webhook answers it (the card callback's response, `{}` otherwise or
   * for a duplicate). Tests of commands and cards enter here; transport tests go over HTTP.
   */
  handle(event: InboundEvent, rawEvent: string): Promise<CardResponse | Record<string, never>>;
  /**
   * Resolves once no event is being processed, its rows are committed, and the outbox has
   * nothing in flight: what tests wait for instead of sleeping.
   */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

export async function startBot(config: Config, opts: StartOptions = {}): Promise<RunningBot> {
  const clock = opts.clock ?? systemClock;
  const log = opts.log ?? createLogger(config.logLevel);
  const db = openDb(config.databasePath);
  const releaseDatabase = markRunning(config.databasePath);
  const feishu = opts.feishu ?? new LarkApi({ ...config.feishu, log, retry: opts.retry, fileMaxBytes: opts.fileMaxBytes });
  const lag = new AckLag();
  const store = new EventStore(db, config.databasePath, (ms) => lag.commit(ms));

  let botOpenId: string | undefined;
  let stopping = false;
  let connection: LongConnection | undefined;

  const ready = (async () => {
    for (let attempt = 1; ; attempt++) {
      try {
        botOpenId = (await feishu.botInfo()).openId;
        return;
      } catch (err) {
        log.warn({ attempt, err: (err as Error).message }, 'could not read the bot open_id yet; group @-mentions wait for it');
        if (stopping) return;
        await new Promise((r) => setTimeout(r, Math.min(30_000, 1000 * attempt)).unref());
      }
    }
  })();
  // Created first, as processing an event sends through it; started after recovery (below).
  const outbox = new OutboxWorker({ db, feishu, clock, log, writer: store }, opts.outbox);
  const bot = new Bot({
    db,
    feishu,
    outbox,
    clock,
    log,
    timeZone: config.timeZone,
    registry: { commands, actions },
    hooks,
    confirm: config.publicBaseUrl ? { baseUrl: config.publicBaseUrl, secret: config.feishu.appSecret } : undefined,
    // Until bot/v3/info has answered, a group message waits for it (briefly) rather than being
    // taken for someone else's and dropped.
    botOpenId: () => botOpenId ?? within(ready, BOT_INFO_WAIT_MS).then(() => botOpenId),
  });
  const pipeline = new InboundPipeline(store, bot, clock, log, async (event, response) => {
    // Only a click the bot could parse runs long enough to finish late.
    const click = cardAction.safeParse(event.event);
    if (!click.success) return;
    const { token, operator } = click.data;
    if (response.card && token) return feishu.updateCardLater(token, response.card.data as CardJson);
    // No card to replace (a failure, say): its toast goes to the clicker as a message, once.
    const openId = operator.open_id;
    if (response.toast) {
      await outbox.send({ to: { openId }, message: { text: response.toast.content }, uuid: deriveUuid(`late-click:${event.id}`) });
    }
  }, opts.cardDeadlineMs);

  const app = new Koa();
  const receive = webhookHandler({ verificationToken: config.feishu.verificationToken, appId: config.feishu.appId, encryptKey: config.feishu.encryptKey, pipeline, clock, log });
  const webhook = config.feishu.eventMode === 'webhook';
  app.use(async (ctx, next) => {
    if (ctx.method === 'GET' && ctx.path === '/healthz') {
      ctx.body = health(db, config, pipeline, botOpenId, connection, lag);
      ctx.status = ctx.body.status === 'ok' ? 200 : 503;
      return;
    }
    if (webhook && ctx.method === 'POST' && (EVENT_PATHS as readonly string[]).includes(ctx.path)) return receive(ctx);
    await next();
  });
  // The community confirmation page (PRODUCT.md §4); links to it exist only with PUBLIC_BASE_URL.
  app.use(confirmRoutes({ db, feishu, clock, log, timeZone: config.timeZone, secret: config.feishu.appSecret }));

  const server = http.createServer(app.callback());
  // The platform waits 3 s for an answer; a slow or stuck client must not hold a socket forever.
  server.requestTimeout = 10_000;
  server.headersTimeout = 10_000;
  await listen(server, config.port, config.host);
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host === '0.0.0.0' || host === '[::]' ? '127.0.0.1' : host}:${address.port}`;


  // A recovered group message is only seen as addressed to the bot once its open_id is known;
  // before that it would be dropped and marked done — lost (test/transport.test.ts). So wait
  // for it, but not forever: if the Open API is unreachable the replies fail anyway.
  if (store.hasPending()) await within(ready, BOT_INFO_WAIT_MS);
  const recovered = await pipeline.recover((payload) => {
    const env = parseEnvelope(safeParse(payload));
    return env?.kind === 'event' ? env.inbound : null;
  });
  if (recovered > 0) log.info({ recovered }, 'queued events acknowledged before the last stop');

  store.prune(clock.now() - DEDUPE_KEEP_MS);
  const pruneTimer = setInterval(() => store.prune(clock.now() - DEDUPE_KEEP_MS), PRUNE_EVERY_MS).unref();

  // After recovery: the outbox first sends what a crash left 'pending' (same uuids, so Feishu
  // drops copies already delivered), then the scheduler arms its jobs and runs catch-ups.
  outbox.start();
  const scheduler = new Scheduler({ db, feishu, clock, log, timeZone: config.timeZone });
  for (const job of jobs) scheduler.register(job);
  scheduler.start();

  if (!webhook) connection = startLongConnection({ ...config.feishu, pipeline, log, pingTimeoutSec: opts.wsPingTimeoutSec });

  let stopped: Promise<void> | undefined;
  const stop = () =>
    (stopped ??= (async () => {
      stopping = true;
      clearInterval(pruneTimer);
      connection?.close();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await pipeline.drain();
      // No new runs, then let the jobs and the send in flight finish before the db closes;
      // rows not yet sent stay 'pending' for the next start.
      await scheduler.stop();
      await outbox.stop();
      server.closeAllConnections();
      await closed;
      lag.stop();
      closeDb(db);
      releaseDatabase();
    })());

  const handle = async (event: InboundEvent, rawEvent: string) => {
    const reception = await pipeline.receive(event, rawEvent);
    return reception.duplicate ? {} : reception.response;
  };
  const idle = async () => {
    do {
      await pipeline.idle();
      await outbox.idle();
    } while (pipeline.busy > 0);
  };

  log.info({ url, mode: config.feishu.eventMode }, 'bot started');
  return { url, server, db, pipeline, feishu, outbox, scheduler, ready, handle, idle, stop };
}

function health(db: Db, config: Config, pipeline: InboundPipeline, botOpenId: string | undefined, connection: LongConnection | undefined, lag: AckLag) {
  let database: 'ok' | 'error' = 'ok';
  try {
    db.$client.prepare('SELECT 1').get();
  } catch {
    database = 'error';
  }
  // In long-connection mode events arrive only while the connection is up: anything else is
  // reported as an error, so a monitor sees a deaf bot.
  const ws = connection?.status();
  const deaf = config.feishu.eventMode === 'ws' && ws?.state !== 'connected';
  return {
    status: database === 'ok' && !deaf ? 'ok' : 'error',
    database,
    mode: config.feishu.eventMode,
    ...(config.feishu.eventMode === 'ws' ? { connection: ws ?? { state: 'connecting', reconnectAttempts: 0 } } : {}),
    botKnown: botOpenId !== undefined,
    inFlight: pipeline.busy,
    // The worst of the last one to two minutes: what kept acks waiting, if anything did.
    lag: lag.report(),
  };
}

/** Resolves when `p` does or after `ms`, whichever comes first. */
async function within(p: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([p, new Promise((r) => (timer = setTimeout(r, ms)))]);
  clearTimeout(timer);
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
