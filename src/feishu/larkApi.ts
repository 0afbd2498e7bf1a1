/**
 * FeishuApi on the node-sdk Client. The SDK resolves HTTP 200 with `code != 0` and throws
 * AxiosError on 4xx/5xx (FEISHU.md §2), so every call goes through `call()`, which checks
 * `code`, retries what is worth retrying with backoff and never logs message bodies.
 */
import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import * as lark from '@larksuiteoapi/node-sdk';
import type { Logger } from 'pino';
import { DownloadTooLargeError, FeishuApiError, FILE_MAX_BYTES, textMessageContent, type BotInfo, type CardJson, type DownloadOptions, type FeishuApi, type FeishuUser, type FileMessage, type OutMessage, type Recipient, type SendOptions } from './api.js';
import { httpInstance, sdkLogger, type AxiosLikeError } from './larkClient.js';
import { errorEnvelope, readUpTo, withErrorBody } from './larkStreams.js';

/** Rate limits (99991400 app-wide, 230020 per chat, 11232 message service) and server errors. */
const RETRYABLE_CODES = new Set([99991400, 230020, 11232]);

/**
 * The tenant token was refused: 99991663 invalid (Feishu invalidates a token before its
 * expiry), 99991661 missing. The SDK keeps its token until 3 minutes before expiry and never
 * drops it on these (it has no handling of them), so every call would fail for up to 2 hours.
 */
const TOKEN_REJECTED_CODES = new Set([99991661, 99991663]);

export interface RetryPolicy {
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 5, baseDelayMs: 300, maxDelayMs: 10_000 };

interface Envelope<T> {
  code?: number;
  msg?: string;
  data?: T;
}

function content(message: OutMessage | FileMessage): { msg_type: string; content: string } {
  if ('text' in message) return { msg_type: 'text', content: textMessageContent(message.text) };
  if ('file' in message) return { msg_type: 'file', content: JSON.stringify({ file_key: message.file.fileKey }) };
  return { msg_type: 'interactive', content: JSON.stringify(message.card) };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface LarkApiOptions {
  appId: string;
  appSecret: string;
  domain: string;
  log: Logger;
  retry?: RetryPolicy;
  /** The platform's file size limit (tests lower it to exercise what happens past it). */
  fileMaxBytes?: number;
}

export class LarkApi implements FeishuApi {
  readonly client: lark.Client;
  readonly fileMaxBytes: number;
  private readonly retry: RetryPolicy;
  private readonly log: Logger;
  private readonly appId: string;
  /** The Client's token cache (its tenant token lives under the SDK's own key, namespaced by appId). */
  private readonly tokenCache = new lark.DefaultCache();

  constructor(opts: LarkApiOptions) {
    this.log = opts.log;
    this.retry = opts.retry ?? DEFAULT_RETRY;
    this.fileMaxBytes = opts.fileMaxBytes ?? FILE_MAX_BYTES;
    this.appId = opts.appId;
    this.client = new lark.Client({
      appId: opts.appId,
      appSecret: opts.appSecret,
      domain: opts.domain,
      // Own cache: the default one is module-global and shared by every Client in the process.
      cache: this.tokenCache,
      logger: sdkLogger(opts.log),
      // The Client's own User-Agent (oapi-node-sdk/<version>), read once it exists.
      httpInstance: httpInstance(() => (this.client as unknown as { userAgent?: string } | undefined)?.userAgent),
    });
  }

  async send(to: Recipient, message: OutMessage | FileMessage, opts: SendOptions = {}): Promise<{ messageId: string }> {
    const uuid = opts.uuid ?? randomUUID();
    const [receiveIdType, receiveId] = 'openId' in to ? (['open_id', to.openId] as const) : (['chat_id', to.chatId] as const);
    const data = await this.call(
      'send',
      () => this.client.im.v1.message.create({ params: { receive_id_type: receiveIdType }, data: { receive_id: receiveId, ...content(message), uuid } }),
      opts.once,
    );
    return { messageId: data?.message_id ?? '' };
  }

  async reply(messageId: string, message: OutMessage, opts: SendOptions = {}): Promise<{ messageId: string }> {
    const uuid = opts.uuid ?? randomUUID();
    const data = await this.call('reply', () => this.client.im.v1.message.reply({ path: { message_id: messageId }, data: { ...content(message), uuid } }), opts.once);
    return { messageId: data?.message_id ?? '' };
  }

  async updateCard(messageId: string, card: CardJson): Promise<void> {
    await this.call('updateCard', () => this.client.im.v1.message.patch({ path: { message_id: messageId }, data: { content: JSON.stringify(card) } }));
  }

  async updateCardLater(token: string, card: CardJson): Promise<void> {
    await this.call('updateCardLater', () => this.client.request<Envelope<unknown>>({ method: 'POST', url: '/open-apis/interactive/v1/card/update', data: { token, card } }));
  }

  async uploadImage(file: { path: string }): Promise<{ imageKey: string }> {
    // A stream, not a Buffer: a Buffer part has no filename and the real server refuses it (FEISHU.md §2).
    const data = await this.call('uploadImage', () => this.upload<{ image_key?: string }>('/open-apis/im/v1/images', { image_type: 'message', image: fs.createReadStream(file.path) }));
    if (!data?.image_key) throw new FeishuApiError('uploadImage', undefined, undefined, 'no image_key');
    return { imageKey: data.image_key };
  }

  async uploadFile(file: { path: string; name: string; type?: 'xls' | 'pdf' | 'doc' | 'stream' }): Promise<{ fileKey: string }> {
    const data = await this.call('uploadFile', () =>
      this.upload<{ file_key?: string }>('/open-apis/im/v1/files', { file_type: file.type ?? 'stream', file_name: file.name, file: fs.createReadStream(file.path) }),
    );
    if (!data?.file_key) throw new FeishuApiError('uploadFile', undefined, undefined, 'no file_key');
    return { fileKey: data.file_key };
  }

  /**
   * A multipart upload as `im.v1.image.create` / `im.v1.file.create` send it, but answering the
   * whole envelope: those methods hand back only `data` (null on a refusal), which loses the
   * code that says whether the token was refused.
   */
  private upload<T>(url: string, form: Record<string, unknown>): Promise<Envelope<T>> {
    return this.client.request<Envelope<T>>({ method: 'POST', url, data: form, headers: { 'Content-Type': 'multipart/form-data' } });
  }

  async downloadResource(messageId: string, fileKey: string, type: 'file' | 'image', opts: DownloadOptions = {}): Promise<Buffer> {
    const max = opts.maxBytes ?? Number.POSITIVE_INFINITY;
    const data = await this.call('downloadResource', async (): Promise<Envelope<Buffer>> => {
      const res = await this.client.im.v1.messageResource.get({ path: { message_id: messageId, file_key: fileKey }, params: { type } }).catch(async (err: unknown) => {
        throw await withErrorBody(err);
      });
      const stream = res.getReadableStream();
      const header = (name: string): string => String((res.headers as Record<string, unknown> | undefined)?.[name] ?? '');
      // Past the cap by its declared length: not a byte of it is read.
      const length = Number(header('content-length') || Number.NaN);
      if (Number.isFinite(length) && length > max) {
        stream.destroy();
        throw new DownloadTooLargeError(max);
      }
      const bytes = await readUpTo(stream, max, () => new DownloadTooLargeError(max));
      // A refusal with HTTP 200 (a rejected token) comes as a JSON envelope, not as a file.
      const envelope = /json/i.test(header('content-type')) && !/attachment/i.test(header('content-disposition')) ? errorEnvelope(bytes) : undefined;
      return envelope ?? { code: 0, data: bytes };
    });
    return data!;
  }

  async getUser(openId: string): Promise<FeishuUser> {
    const data = await this.call('getUser', () => this.client.contact.v3.user.get({ path: { user_id: openId }, params: { user_id_type: 'open_id' } }));
    return { openId, name: data?.user?.name };
  }

  async botInfo(): Promise<BotInfo> {
    const res = await this.call('botInfo', async () => {
      // bot/v3/info has no `data` envelope (FEISHU.md §2).
      const r = (await this.client.request({ method: 'GET', url: '/open-apis/bot/v3/info' })) as { code?: number; msg?: string; bot?: { open_id?: string; app_name?: string } };
      return { code: r.code, msg: r.msg, data: r.bot };
    });
    if (!res?.open_id) throw new FeishuApiError('botInfo', undefined, undefined, 'no open_id in bot info');
    return { openId: res.open_id, name: res.app_name ?? '' };
  }

  /**
   * Makes the Client fetch a new tenant token on its next call: its cache entry, set through
   * the SDK's own key, now expires at once. Calls refused together may each drop it; a token is
   * rarely refused, so a few extra token requests then cost less than reading the cache on
   * every call to tell them apart.
   */
  private async dropToken(): Promise<void> {
    await this.tokenCache.set(lark.CTenantAccessToken, '', 1, { namespace: this.appId });
  }

  /** `once`: a failure is thrown at once instead of retried (the fresh-token retry still applies). */
  private async call<T>(operation: string, fn: () => Promise<Envelope<T>>, once = false): Promise<T | undefined> {
    // One fresh-token retry per call, not taken from the retry budget: a second refusal of a
    // token just fetched is not a stale token, and fails like any other error.
    let tokenRefreshed = false;
    for (let attempt = 1; ; attempt++) {
      let code: number | undefined;
      let status: number | undefined;
      let message: string;
      let resetSeconds: number | undefined;
      try {
        const res = await fn();
        if (res.code === 0 || res.code === undefined) return res.data;
        code = res.code;
        message = res.msg ?? 'error';
      } catch (err) {
        const e = err as AxiosLikeError;
        if (!e.response) {
          if (err instanceof FeishuApiError) throw err;
          message = e.message ?? String(err);
        } else {
          status = e.response.status;
          code = e.response.data?.code;
          message = e.response.data?.msg ?? e.message ?? 'http error';
          const reset = Number(e.response.headers?.['x-ogw-ratelimit-reset']);
          if (Number.isFinite(reset) && reset > 0) resetSeconds = reset;
        }
      }
      if (code !== undefined && TOKEN_REJECTED_CODES.has(code) && !tokenRefreshed) {
        tokenRefreshed = true;
        await this.dropToken();
        this.log.info({ operation, code, status }, 'tenant token refused; retrying with a new one');
        attempt--;
        continue;
      }
      const retryable = status === undefined && code === undefined ? true : (status !== undefined && (status >= 500 || status === 429)) || (code !== undefined && RETRYABLE_CODES.has(code));
      if (!retryable || once || attempt >= this.retry.attempts) {
        this.log.warn({ operation, code, status, attempt }, 'feishu call failed');
        throw new FeishuApiError(operation, code, status, message);
      }
      const backoff = Math.min(this.retry.maxDelayMs, this.retry.baseDelayMs * 2 ** (attempt - 1));
      const delay = resetSeconds !== undefined ? Math.min(this.retry.maxDelayMs, resetSeconds * 1000) : backoff + Math.floor(Math.random() * backoff * 0.2);
      this.log.debug({ operation, code, status, attempt, delay }, 'retrying feishu call');
      await sleep(delay);
    }
  }
}
