/**
 * The fake Feishu Open API of the tests: the stand-in local mode runs on (src/local/openApi.ts),
 * as strict as the platform (src/local/rules/), plus the long-connection gateway (./wsGateway.ts)
 * for the `ws` event mode tests. Every fake started here is watched by test/setup/platform.ts:
 * a test in which the platform refused something the bot sent, or would show it wrongly, fails.
 */
import { startOpenApiStandIn, type FakeOpenApi as StandIn, type FakeOpenApiOptions } from '../../src/local/openApi.js';
import { attachFakeWsGateway, type FakeWsGateway } from './wsGateway.js';

export type { CardUpdate, FakeResponse, FakeUser, PatchedMessage, RecordedCall, RecordedDefect, RecordedRefusal, RequestMatcher, SentMessage, Upload } from '../../src/local/openApi.js';

export type FakeOpenApi = Omit<StandIn, 'ws'> & { ws?: FakeWsGateway };

/**
 * The fakes of the running test file not yet checked since they closed: a fake closed in a
 * test's own `afterEach` (which runs before the setup file's) is still checked, then forgotten.
 */
export const watchedFakes = new Map<FakeOpenApi, { closed: boolean }>();

/** Start a fake Feishu Open API on 127.0.0.1 (random port) that the real node-sdk `Client` can talk to. */
type WsOption = { ws: true; wsClientConfig?: Parameters<typeof attachFakeWsGateway>[1] };
export async function startFakeOpenApi(opts: FakeOpenApiOptions & WsOption): Promise<FakeOpenApi & { ws: FakeWsGateway }>;
export async function startFakeOpenApi(opts?: FakeOpenApiOptions & { ws?: boolean }): Promise<FakeOpenApi>;
export async function startFakeOpenApi(opts: FakeOpenApiOptions & { ws?: boolean; wsClientConfig?: Parameters<typeof attachFakeWsGateway>[1] } = {}): Promise<FakeOpenApi> {
  const fake = (await startOpenApiStandIn(opts)) as FakeOpenApi;
  if (opts.ws) attachFakeWsGateway(fake, opts.wsClientConfig);
  const state = { closed: false };
  watchedFakes.set(fake, state);
  const close = fake.close.bind(fake);
  fake.close = async () => {
    state.closed = true;
    await close();
  };
  return fake;
}
