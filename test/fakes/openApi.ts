/**
 * The fake Feishu Open API of the tests: the stand-in local mode runs on (src/local/openApi.ts),
 * plus the long-connection gateway (./wsGateway.ts) for the `ws` event mode tests.
 */
import { startOpenApiStandIn, type FakeOpenApi as StandIn, type FakeOpenApiOptions } from '../../src/local/openApi.js';
import { attachFakeWsGateway, type FakeWsGateway } from './wsGateway.js';

export type { CardUpdate, FakeResponse, FakeUser, PatchedMessage, RecordedCall, RequestMatcher, SentMessage, Upload } from '../../src/local/openApi.js';

export type FakeOpenApi = Omit<StandIn, 'ws'> & { ws?: FakeWsGateway };

/** Start a fake Feishu Open API on 127.0.0.1 (random port) that the real node-sdk `Client` can talk to. */
export async function startFakeOpenApi(opts: FakeOpenApiOptions & { ws: true }): Promise<FakeOpenApi & { ws: FakeWsGateway }>;
export async function startFakeOpenApi(opts?: FakeOpenApiOptions & { ws?: boolean }): Promise<FakeOpenApi>;
export async function startFakeOpenApi(opts: FakeOpenApiOptions & { ws?: boolean } = {}): Promise<FakeOpenApi> {
  const fake = (await startOpenApiStandIn(opts)) as FakeOpenApi;
  if (opts.ws) attachFakeWsGateway(fake);
  return fake;
}
