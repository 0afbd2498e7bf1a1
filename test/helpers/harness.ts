/**
 * Starts the real bot (koa + SQLite file + node-sdk Client) against the fake Open API and
 * drives it with events as Feishu would. By default an event enters in process
 * (`RunningBot.handle`: the same pipeline, bot and Open API stand-in, without the HTTP round
 * trip, signature and encryption, which are the transport tests' subject); `transport: 'http'`
 * delivers every event encrypted and signed to the webhook, and so does any delivery that sets
 * a transport option (signature, raw body, timestamp …).
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { startBot, type RunningBot } from '../../src/app.js';
import type { Clock } from '../../src/clock.js';
import { loadConfig, type Config } from '../../src/config.js';
import { importRosterFile } from '../../src/app/import/roster.js';
import { silentLogger } from '../../src/log.js';
import { startFakeOpenApi, type FakeOpenApi, type SentMessage } from '../fakes/openApi.js';
import { parseEnvelope } from '../../src/feishu/envelope.js';
import { cardActionEvent, deliver, messageEvent, type DeliverOptions, type DeliverResult, type EventEnvelope } from './feishuEvents.js';
import { migratedDbPath } from './tempFiles.js';
import { VirtualTimer } from './timers.js';

export { migratedDbPath, tempDbPath } from './tempFiles.js';

export const APP = { appId: 'cli_a1b2c3d4e5f6a7b8', appSecret: 'test-secret', token: 'test-verification-token', encryptKey: 'test-encrypt-key' };

export class TestClock implements Clock {
  constructor(public ms = Date.now()) {}
  now(): number {
    return this.ms;
  }
  advance(ms: number): void {
    this.ms += ms;
  }
}

export function testConfig(fake: FakeOpenApi, overrides: Record<string, string> = {}): Config {
  return loadConfig({
    FEISHU_APP_ID: APP.appId,
    FEISHU_APP_SECRET: APP.appSecret,
    FEISHU_VERIFICATION_TOKEN: APP.token,
    FEISHU_ENCRYPT_KEY: APP.encryptKey,
    FEISHU_DOMAIN: fake.url,
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_PATH: migratedDbPath(),
    ...overrides,
  });
}

export interface Harness {
  fake: FakeOpenApi;
  bot: RunningBot;
  clock: TestClock;
  /** The outbox pacer's time: sends are paced over virtual seconds, and rate-limit holds end when it is advanced. */
  timer: VirtualTimer;
  config: Config;
  /**
   * Delivers an envelope as Feishu would: in process, or to /feishu/events (or `path`)
   * encrypted and signed over HTTP (`transport: 'http'`, or any transport option given).
   */
  post(envelope: EventEnvelope | object, opts?: DeliverOptions & { path?: string }): Promise<DeliverResult>;
  /** Sends a text message as `openId` and waits for the bot's reply to it. */
  say(openId: string, text: string, opts?: { chatType?: 'p2p' | 'group'; chatId?: string; mentionBot?: boolean }): Promise<SentMessage>;
  /** Clicks a card button as `openId`; returns the synchronous card-callback answer. */
  click(openId: string, value: unknown, opts?: { formValue?: Record<string, unknown>; messageId?: string }): Promise<DeliverResult>;
  importRoster(file?: string): Promise<void>;
  /** Resolves once the bot has finished every event and the outbox has nothing in flight. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  config?: Record<string, string>;
  clock?: TestClock;
  fileMaxBytes?: number;
  /** 'direct' (default): events enter through `RunningBot.handle`; 'http': through the webhook. */
  transport?: 'direct' | 'http';
  /** How long a click may take before it is answered 「正在处理」 (default: the bot's 2.5 s). */
  cardDeadlineMs?: number;
}

const TRANSPORT_OPTIONS = ['encryptKey', 'timestamp', 'nonce', 'signature', 'unsigned', 'rawBody', 'headers'] as const;

export async function startHarness(opts: HarnessOptions = {}): Promise<Harness> {
  const clock = opts.clock ?? new TestClock();
  const timer = new VirtualTimer();
  const fake = await startFakeOpenApi({ fileMaxBytes: opts.fileMaxBytes, clock });
  const config = testConfig(fake, opts.config);
  const bot = await startBot(config, { clock, log: silentLogger, retry: { attempts: 3, baseDelayMs: 5, maxDelayMs: 20 }, fileMaxBytes: opts.fileMaxBytes, outbox: { timer }, cardDeadlineMs: opts.cardDeadlineMs });
  await bot.ready;
  const app = { token: APP.token, appId: APP.appId };

  const overHttp = (envelope: object, o: DeliverOptions & { path?: string }) =>
    deliver(bot.url, o.path ?? '/feishu/events', envelope, { encryptKey: APP.encryptKey, timestamp: Math.floor(clock.now() / 1000), ...o });

  /** What the webhook does once the request is verified and decrypted (src/feishu/webhook.ts). */
  const inProcess = async (envelope: object): Promise<DeliverResult | null> => {
    const plain = JSON.stringify(envelope);
    const parsed = parseEnvelope(JSON.parse(plain));
    // Anything the webhook would refuse or answer itself goes to it.
    if (parsed?.kind !== 'event' || parsed.inbound.token !== APP.token || bot.pipeline.isClosing) return null;
    let answer: unknown;
    try {
      answer = await bot.handle(parsed.inbound, plain);
    } catch {
      return { status: 503, body: { error: 'store failed' }, text: JSON.stringify({ error: 'store failed' }) };
    }
    const text = JSON.stringify(answer);
    return { status: 200, body: JSON.parse(text), text };
  };

  const post: Harness['post'] = async (envelope, o = {}) => {
    const direct = opts.transport !== 'http' && !TRANSPORT_OPTIONS.some((k) => o[k] !== undefined);
    const res = (direct && (await inProcess(envelope))) || (await overHttp(envelope, o));
    // What Feishu does with the answer to a click: checked like everything else the bot sends.
    const type = (envelope as { header?: { event_type?: string } }).header?.event_type;
    if (type === 'card.action.trigger' && res.status === 200) fake.checkAnswer(res.status, res.body);
    return res;
  };

  return {
    fake,
    bot,
    clock,
    timer,
    config,
    post,
    async say(openId, text, o = {}) {
      const messageId = `om_${randomUUID().replace(/-/g, '')}`;
      const chatType = o.chatType ?? 'p2p';
      const mentions = o.mentionBot ? [{ key: '@_user_1', openId: fake.botOpenId, name: '社区实践助手' }] : undefined;
      const body = o.mentionBot ? `@_user_1 ${text}` : text;
      const since = fake.messages.length;
      const res = await post(messageEvent({ openId, text: body, chatType, chatId: o.chatId, mentions, messageId }, app));
      if (res.status !== 200) throw new Error(`delivery failed: ${res.status} ${res.text}`);
      return fake.waitFor((m) => m.replyTo === messageId, 3000, since);
    },
    click(openId, value, o = {}) {
      return post(cardActionEvent({ openId, value, formValue: o.formValue, messageId: o.messageId }, app), { path: '/feishu/cards' });
    },
    async importRoster(file = 'examples/roster.csv') {
      const summary = await importRosterFile(bot.db, fs.readFileSync(file), path.basename(file), clock.now());
      if (summary.errors.length) throw new Error(`roster errors: ${JSON.stringify(summary.errors)}`);
    },
    idle: () => bot.idle(),
    async close() {
      await bot.stop();
      await fake.close();
    },
  };
}

/** The text of a reply, or the markdown of a card reply joined, for assertions. */
export function textOf(m: SentMessage): string {
  if (m.msgType === 'text') return m.content.text as string;
  return JSON.stringify(m.content);
}
