/**
 * What the Open API stand-in records and how tests and local mode drive it: the
 * {@link FakeOpenApi} handle `startOpenApiStandIn` (../openApi.ts) returns, and its options.
 */
import type { IncomingHttpHeaders, Server } from 'node:http';
import type { Defect, Refusal, Verdict } from '../rules/index.js';

/** One HTTP request as the fake saw it (recorded before auth checks and failure injection). */
export interface RecordedCall {
  method: string;
  path: string;
  query: Record<string, string>;
  body?: unknown;
  headers: IncomingHttpHeaders;
  at: number;
}

/** A successful send or reply (duplicates by `uuid` are not recorded). */
export interface SentMessage {
  messageId: string;
  kind: 'send' | 'reply';
  receiveIdType?: string;
  receiveId?: string;
  replyTo?: string;
  replyInThread?: boolean;
  chatId?: string;
  msgType: string;
  content: any;
  uuid?: string;
  at: number;
}

/** A card PATCH (`kind: 'patch'`) or a text/post edit via PUT (`kind: 'edit'`). */
export interface PatchedMessage {
  messageId: string;
  kind: 'patch' | 'edit';
  msgType?: string;
  content: any;
  at: number;
}

/** A delayed card update (`POST /open-apis/interactive/v1/card/update`). */
export interface CardUpdate {
  token: string;
  card: any;
  at: number;
}

/** An image or file upload with the bytes received. */
export interface Upload {
  kind: 'image' | 'file';
  key: string;
  /** `image_type` or `file_type` form field. */
  type?: string;
  /** `file_name` form field (files only). */
  fileName?: string;
  /** `filename` of the multipart part (absent when the SDK was given a raw Buffer). */
  partFilename?: string;
  bytes: Buffer;
  at: number;
}

/** Which requests a {@link FakeOpenApi.failNext} rule applies to; `path` is the pathname without query. */
export interface RequestMatcher {
  method?: string;
  path?: string | RegExp;
}

/** A canned response used by failure injection. */
export interface FakeResponse {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** A call the stand-in refused as Feishu would (rules/), with what was asked. */
export interface RecordedRefusal extends Refusal {
  method: string;
  path: string;
  at: number;
  /** The chat the message was for, when known (local mode shows the note there). */
  chatId?: string;
}

/** Something the stand-in accepted but Feishu would show wrongly (rules/). */
export interface RecordedDefect extends Defect {
  method: string;
  /** The API path, or `callback` for a card-callback answer. */
  where: string;
  at: number;
  chatId?: string;
}

/**
 * Fails a share of the matching requests with canned answers, the requests and the answers
 * picked by a seeded random, so a run can be repeated (the drill, bench/drill.ts). A failed
 * request is recorded in `calls` but not handled: nothing is delivered.
 */
export interface FailRatio {
  /** Share of matching requests failed, 0–1. */
  ratio: number;
  /** Seed of the random (default 1). */
  seed?: number;
  /** Which requests (default: message sends and replies, `POST /open-apis/im/v1/messages[/:id/reply]`). */
  match?: RequestMatcher[];
  /** The answers, one picked at random per failure (default FAIL_RATIO_RESPONSES: 5xx and the per-chat rate limit). */
  responses?: FakeResponse[];
}

export interface FakeOpenApiOptions {
  botOpenId?: string;
  /** Fail a share of the message sends from the start (see {@link FakeOpenApi.setFailRatio}). */
  failRatio?: FailRatio;
  /** Tenant access token handed out and then required on every call. Default `t-fake`. */
  token?: string;
  latencyMs?: number;
  /** Files larger than this are refused, as Feishu refuses files over 30 MB (default FILE_MAX_BYTES). */
  fileMaxBytes?: number;
  /** The platform's clock (message times, the 14-day patch window); default the system clock. */
  clock?: { now(): number };
}

/** What the Open API needs from an attached long-connection gateway. */
export interface WsGatewayHook {
  endpointResponse(): unknown;
  close(): void;
}

export interface FakeUser {
  name: string;
  [field: string]: unknown;
}

export interface FakeOpenApi {
  /** Base URL without trailing slash, e.g. `http://127.0.0.1:41234`; pass as the SDK `domain`. */
  readonly url: string;
  readonly server: Server;
  botOpenId: string;
  readonly calls: RecordedCall[];
  readonly messages: SentMessage[];
  readonly patches: PatchedMessage[];
  readonly cardUpdates: CardUpdate[];
  readonly uploads: Upload[];
  /** Calls refused by the platform's rules since the last `takeRefusals()`. */
  readonly refusals: RecordedRefusal[];
  /** Mis-renderings accepted since the last `takeDefects()`. */
  readonly defects: RecordedDefect[];
  /** Returns and forgets the refusals recorded so far (a test that means to trigger one takes it). */
  takeRefusals(): RecordedRefusal[];
  /** Returns and forgets the defects recorded so far. */
  takeDefects(): RecordedDefect[];
  /** Called whenever a call is refused or a defect found; returns an unsubscribe function. */
  onVerdict(cb: (v: { refusal?: RecordedRefusal; defects: RecordedDefect[] }) => void): () => void;
  /**
   * Checks the bot's answer to a card callback as Feishu would (the answer never reaches the
   * stand-in over HTTP, so whoever delivered the click hands it over) and records the verdict.
   */
  checkAnswer(status: number, body: unknown, chatId?: string): Verdict;
  /** A long-connection gateway attached by the tests (test/fakes/wsGateway.ts). */
  ws?: WsGatewayHook;
  /** The next `times` requests matching `match` get `response` instead of normal handling. */
  failNext(match: RequestMatcher, response: FakeResponse, times?: number): void;
  /**
   * From now on fails a share of the matching requests (after any `failNext` rule, which comes
   * first); `null` stops it.
   */
  setFailRatio(failRatio: FailRatio | null): void;
  /** How many requests `failRatio` failed so far. */
  readonly injectedFailures: number;
  /** Delay handling of every later request by `ms` (the request is recorded in `calls` first). */
  setLatency(ms: number): void;
  /** Register a user for `contact.v3.user.get`; fields are merged over realistic defaults. */
  setUser(openId: string, user: FakeUser): void;
  /** Override fields of `im.v1.chat.get` for one chat (any chat id answers with defaults). */
  setChat(chatId: string, chat: Record<string, unknown>): void;
  /** Bytes served by `GET /open-apis/im/v1/messages/:messageId/resources/:fileKey`. */
  addResource(messageId: string, fileKey: string, bytes: Buffer, contentType?: string, opts?: { unsupported?: boolean }): void;
  /** Plays a withdrawn message: replies and patches to it answer 230011 "The message is recalled." */
  recall(messageId: string): void;
  /**
   * Plays a tenant token rejected before its expiry (Feishu answers 99991663): the token handed
   * out so far stops working at once; the next token request gets a new one.
   */
  rotateToken(): void;
  /** Resolves with the first message (index ≥ `since`) matching `predicate`, now or later. */
  waitFor(predicate: (m: SentMessage) => boolean, timeoutMs?: number, since?: number): Promise<SentMessage>;
  /** Resolves once at least `n` messages are recorded, with the first `n`. */
  waitForMessages(n: number, timeoutMs?: number): Promise<SentMessage[]>;
  /** Called synchronously whenever a message is recorded; returns an unsubscribe function. */
  onMessage(cb: (m: SentMessage) => void): () => void;
  /** Called synchronously whenever a card PATCH or message edit is recorded; returns an unsubscribe function. */
  onPatch(cb: (p: PatchedMessage) => void): () => void;
  /** Tells the stand-in which chat a user's message is in, so replies to it land there. */
  noteMessage(messageId: string, chatId: string): void;
  /** Clears recordings, pending failures and the uuid memory; keeps users, chats, resources, refusals and defects. */
  reset(): void;
  close(): Promise<void>;
}
