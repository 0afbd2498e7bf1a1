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
import { sdkLogger } from './larkApi.js';
import type { InboundPipeline } from './pipeline.js';

export interface LongConnectionOptions {
  appId: string;
  appSecret: string;
  domain: string;
  pipeline: InboundPipeline;
  log: Logger;
}

export interface LongConnection {
  close(): void;
}

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
  const client = new lark.WSClient({ appId: opts.appId, appSecret: opts.appSecret, domain: opts.domain, logger: sdkLogger(log), autoReconnect: true });
  // The SDK only ever calls `invoke` on what it is given.
  void client.start({ eventDispatcher: dispatcher as unknown as lark.EventDispatcher });
  return { close: () => client.close({ force: true }) };
}
