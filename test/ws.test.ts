/**
 * FEISHU_EVENT_MODE=ws: the real bot's node-sdk WSClient against the fake long-connection
 * gateway (FEISHU.md §5). Events pushed as plain JSON envelopes take the same durable,
 * deduplicated path as webhooks; card callbacks are answered in the ack.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot, type RunningBot } from '../src/app.js';
import { importRosterFile } from '../src/app/import/roster.js';
import { silentLogger } from '../src/log.js';
import { startFakeOpenApi, type FakeOpenApi } from './fakes/openApi.js';
import type { FakeWsGateway } from './fakes/wsGateway.js';
import { APP, TestClock, testConfig } from './helpers/harness.js';
import { cardActionEvent, deliver, messageEvent } from './helpers/feishuEvents.js';
import { eventRow, memberIdByStudentNo, replyCalls, sleep } from './helpers/observe.js';

const app = { token: APP.token, appId: APP.appId };

let fake: FakeOpenApi & { ws: FakeWsGateway };
let bot: RunningBot;
const clock = new TestClock();

beforeAll(async () => {
  fake = await startFakeOpenApi({ ws: true });
  // ws mode needs only the app id and secret; the webhook secrets are deliberately absent.
  const config = testConfig(fake, { FEISHU_EVENT_MODE: 'ws', FEISHU_VERIFICATION_TOKEN: '', FEISHU_ENCRYPT_KEY: '' });
  expect(config.feishu.eventMode).toBe('ws');
  bot = await startBot(config, { clock, log: silentLogger, retry: { attempts: 3, baseDelayMs: 5, maxDelayMs: 20 } });
  await bot.ready;
  await fake.ws.connected(5000);
  const summary = await importRosterFile(bot.db, fs.readFileSync('examples/roster.csv'), 'roster.csv', clock.now());
  expect(summary.errors).toEqual([]);
});

afterAll(async () => {
  await bot?.stop();
  await fake?.close();
});

const messageIdOf = (env: { event: unknown }) => (env.event as { message: { message_id: string } }).message.message_id;

describe('long connection', () => {
  it('processes a pushed /help message: acked 200, reply at the fake, row done', async () => {
    const env = messageEvent({ openId: 'ou_ws_user', text: '/help' }, app);
    const ack = await fake.ws.push(env);
    expect(ack.code).toBe(200);
    const reply = await fake.waitFor((m) => m.replyTo === messageIdOf(env));
    expect(reply.msgType).toBe('interactive');
    await bot.idle();
    expect(eventRow(bot.db.$client, env.header.event_id)?.status).toBe('done');
  });

  it('does not reply again when the same event_id is pushed again', async () => {
    const env = messageEvent({ openId: 'ou_ws_user', text: '/help' }, app);
    expect((await fake.ws.push(env)).code).toBe(200);
    await fake.waitFor((m) => m.replyTo === messageIdOf(env));
    const again = await fake.ws.push(env);
    expect(again.code).toBe(200);
    await bot.idle();
    expect(replyCalls(fake, messageIdOf(env))).toHaveLength(1);
  });

  it('reassembles an event split over several frames', async () => {
    const env = messageEvent({ openId: 'ou_ws_user', text: '/help' }, app);
    expect((await fake.ws.push(env, { fragments: 3 })).code).toBe(200);
    await fake.waitFor((m) => m.replyTo === messageIdOf(env));
  });

  it('answers a card callback in the ack with the {toast|card} response', async () => {
    const openId = 'ou_ws_lihaoran';
    const bindMsg = messageEvent({ openId, text: '/bind 2023010102 李浩然' }, app);
    await fake.ws.push(bindMsg);
    await fake.waitFor((m) => m.replyTo === messageIdOf(bindMsg));
    const memberId = memberIdByStudentNo(bot.db.$client, '2023010102');

    const started = performance.now();
    const ack = await fake.ws.push(cardActionEvent({ openId, value: { a: 'me.refresh', v: 1, p: { m: memberId } } }, app));
    const elapsed = performance.now() - started;
    console.info(`card callback acked over the long connection in ${elapsed.toFixed(1)} ms`);
    expect(ack.code).toBe(200);
    expect(elapsed).toBeLessThan(3000);
    expect(ack.data.card.type).toBe('raw');
    expect(JSON.stringify(ack.data.card.data)).toContain('李浩然');

    const bad = await fake.ws.push(cardActionEvent({ openId, value: 'garbage' }, app));
    expect(bad.data.toast).toMatchObject({ type: 'error' });
  });

  it('acks a redelivered card callback with {} (it ran once)', async () => {
    const env = cardActionEvent({ openId: 'ou_ws_stranger', value: { a: 'me.refresh', v: 1, p: { m: 1 } } }, app);
    const first = await fake.ws.push(env);
    expect(first.data.toast).toBeDefined();
    const second = await fake.ws.push(env);
    expect(second).toEqual({ code: 200, data: {} });
  });

  it('acks with 500 (so the platform redelivers) when the event cannot be stored, and does nothing', async () => {
    const sqlite = bot.db.$client;
    sqlite.exec(`CREATE TRIGGER ws_fail_insert BEFORE INSERT ON processed_events BEGIN SELECT RAISE(FAIL, 'disk full'); END`);
    const env = messageEvent({ openId: 'ou_ws_user', text: '/help' }, app);
    try {
      expect((await fake.ws.push(env)).code).toBe(500);
    } finally {
      sqlite.exec('DROP TRIGGER ws_fail_insert');
    }
    await bot.idle();
    expect(replyCalls(fake, messageIdOf(env))).toHaveLength(0);
    // The redelivery is processed normally.
    expect((await fake.ws.push(env)).code).toBe(200);
    await fake.waitFor((m) => m.replyTo === messageIdOf(env));
  });

  it('serves GET /healthz with the database ok', async () => {
    const res = await fetch(`${bot.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', database: 'ok', mode: 'ws', connection: { state: 'connected' } });
  });

  it('does not accept events over HTTP (there are no webhook secrets to verify them with)', async () => {
    const env = messageEvent({ openId: 'ou_ws_user', text: '/help' }, app);
    const res = await deliver(bot.url, '/feishu/events', env, {});
    expect(res.status).toBeGreaterThanOrEqual(400);
    await bot.idle();
    expect(eventRow(bot.db.$client, env.header.event_id)).toBeUndefined();
    expect(replyCalls(fake, messageIdOf(env))).toHaveLength(0);
  });
});

describe('a half-open long connection (a NAT or router drop: no pong, no close)', () => {
  let halfFake: FakeOpenApi & { ws: FakeWsGateway };
  let halfBot: RunningBot;
  const until = async (check: () => Promise<boolean>, what: string, ms = 5000) => {
    for (const end = Date.now() + ms; !(await check()); await sleep(20)) if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
  };
  const health = async () => {
    const res = await fetch(`${halfBot.url}/healthz`);
    return { status: res.status, body: (await res.json()) as { status: string; connection?: { state: string } } };
  };

  beforeAll(async () => {
    // Pings every second, reconnect at once: the watchdog (0.5 s) must fire before the next ping.
    halfFake = await startFakeOpenApi({ ws: true, wsClientConfig: { PingInterval: 1, ReconnectInterval: 1, ReconnectNonce: 0 } });
    const config = testConfig(halfFake, { FEISHU_EVENT_MODE: 'ws', FEISHU_VERIFICATION_TOKEN: '', FEISHU_ENCRYPT_KEY: '' });
    halfBot = await startBot(config, { clock, log: silentLogger, retry: { attempts: 3, baseDelayMs: 5, maxDelayMs: 20 }, wsPingTimeoutSec: 0.5 });
    await halfBot.ready;
    await halfFake.ws.connected(5000);
  });
  afterAll(async () => {
    await halfBot?.stop();
    await halfFake?.close();
  });

  it('is noticed: /healthz answers 503 until the client has reconnected, then events flow again and nothing delivered is lost', async () => {
    const before = messageEvent({ openId: 'ou_ws_half', text: '/help' }, app);
    expect((await halfFake.ws.push(before)).code).toBe(200);
    expect((await health()).status).toBe(200);

    // The first reconnection attempt meets an unavailable endpoint, as after a network drop; the
    // next one, a second later (ReconnectInterval), gets through.
    halfFake.failNext({ method: 'POST', path: '/callback/ws/endpoint' }, { status: 503, body: { code: 1, msg: 'unavailable' } });
    halfFake.ws.silence();
    // The SDK's pong watchdog takes the socket for dead and reconnects; meanwhile the bot says it is deaf.
    const states = new Set<string>();
    await until(async () => {
      const h = await health();
      if (h.status === 503) states.add(h.body.connection?.state ?? '?');
      return h.status === 503;
    }, '/healthz 503 while the connection is down');
    await halfFake.ws.connected(5000);
    await until(async () => (await health()).status === 200, '/healthz back to 200');
    expect([...states].every((s) => s !== 'connected')).toBe(true);

    const after = messageEvent({ openId: 'ou_ws_half', text: '/help' }, app);
    expect((await halfFake.ws.push(after)).code).toBe(200);
    await halfFake.waitFor((m) => m.replyTo === messageIdOf(after), 3000);
    // What the gateway delivered before the drop was processed and answered.
    expect(halfFake.messages.filter((m) => m.replyTo === messageIdOf(before))).toHaveLength(1);
    expect(eventRow(halfBot.db.$client, before.header.event_id)?.status).toBe('done');
  });
});
