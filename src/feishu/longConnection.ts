/**
 * `FEISHU_EVENT_MODE=ws`: the SDK's WSClient delivers events over a long connection
 * (FEISHU.md §5). Instead of the SDK's EventDispatcher it is given an object with the same
 * `invoke` method, so events take the same path as webhooks: parse → dedupe + durable write
 * → ack → process. The connection is authenticated by the app secret and its frames carry
 * no signature, so there is nothing to verify per event.
 */
import * as lark from '@larksuiteoapi/node-sdk';
import type { Logger } from 'pino';
import { parseEnvelope } from './envelope.js';
import { sdkLogger } from './larkClient.js';
import type { InboundPipeline } from './pipeline.js';

interface LongConnectionOptions {
  appId: string;
  appSecret: string;
  domain: string;
  pipeline: InboundPipeline;
  log: Logger;
  /**
   * Seconds without a pong after a ping before the socket is taken for dead and reconnected.
   * It must be shorter than the gateway's ping interval (120 s on Feishu): the SDK re-arms it at
   * every ping (FEISHU.md §5 "Half-open connections").
   */
  pingTimeoutSec?: number;
}

/** Whether events can arrive: the SDK's view of the connection. */
interface ConnectionStatus {
  state: 'connecting' | 'connected' | 'reconnecting' | 'failed' | 'idle';
  reconnectAttempts: number;
}

export interface LongConnection {
  status(): ConnectionStatus;
  close(): void;
}

/** Detects a half-open socket within ≈ 2½ minutes (120 s ping interval + this). */
const PING_TIMEOUT_SEC = 30;

export function startLongConnection(opts: LongConnectionOptions): LongConnection {
  const { pipeline, log } = opts;
  const dispatcher = {
    async invoke(data: unknown): Promise<unknown> {
      const envelope = parseEnvelope(data);
      if (!envelope || envelope.kind !== 'event') {
        log.warn('long connection: unrecognised frame payload ignored');
        return {};
      }
      // A throw makes the SDK ack with code 500, so the platform redelivers later.
      const reception = await pipeline.receive(envelope.inbound, JSON.stringify(data));
      return reception.duplicate ? {} : reception.response;
    },
  };
  // Without a pong watchdog a half-open socket (a NAT or router drop, a sleeping laptop) raises
  // no close: the bot would stay deaf until restarted. A fatal endpoint error or exhausted
  // reconnects are reported only through onError and the status.
  const client = new lark.WSClient({
    appId: opts.appId, appSecret: opts.appSecret, domain: opts.domain, logger: sdkLogger(log), autoReconnect: true,
    wsConfig: { pingTimeout: opts.pingTimeoutSec ?? PING_TIMEOUT_SEC },
    // A reconnection whose upgrade never answers would otherwise stay 'reconnecting' for good.
    handshakeTimeoutMs: 15_000,
    onError: (err: Error) => log.error({ err: err.message }, 'long connection failed for good: no event can arrive (see /healthz); restart after fixing the app credentials or network'),
    onReconnecting: () => log.warn('long connection lost; reconnecting'),
    onReconnected: () => log.info('long connection back'),
  } as ConstructorParameters<typeof lark.WSClient>[0]);
  log.warn('long-connection mode: run ONE copy of the bot per App ID — Feishu gives each event to one connection, so a second copy silently takes part of the events');
  // The SDK only ever calls `invoke` on what it is given.
  void client.start({ eventDispatcher: dispatcher as unknown as lark.EventDispatcher });
  return {
    status: () => {
      const s = client.getConnectionStatus();
      return { state: s.state as ConnectionStatus['state'], reconnectAttempts: s.reconnectAttempts };
    },
    close: () => client.close({ force: true }),
  };
}
