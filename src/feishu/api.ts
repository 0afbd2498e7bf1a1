/**
 * The outbound port: everything the bot asks of Feishu. Domain and command code depend on
 * this interface only; `larkApi.ts` implements it on the node-sdk Client.
 */
import { CARD_PATCH_WINDOW_MS } from './cardLimits.js';

/** A message body: plain text or a card JSON 2.0 object. */
export type OutMessage = { text: string } | { card: CardJson };

/** A file uploaded with `uploadFile`, sent as a file message (msg_type `file`). */
export type FileMessage = { file: { fileKey: string } };

/**
 * The `content` of a text message, the one place every text the bot sends passes through. In a
 * text message Feishu turns `<at user_id="all">所有人</at>` into a real mention (CARDS.md "Text
 * messages"), and names, reasons, community and college names are user text: a roster name or a
 * reject reason could @everyone in a college group. The bot never mentions anyone in a text
 * message, so every angle bracket becomes its full-width form (＜ ＞), which reads the same and
 * can form no tag.
 */
export function textMessageContent(text: string): string {
  return JSON.stringify({ text: text.replace(/</g, '＜').replace(/>/g, '＞') });
}

export type CardJson = Record<string, unknown>;

export type Recipient = { openId: string } | { chatId: string };

export interface SendOptions {
  /**
   * Idempotency key: Feishu returns the first message again for a repeated uuid (1 h), so a
   * retried or replayed send is not delivered twice. Derive it from what caused the send.
   */
  uuid?: string;
  /**
   * One try, no retries in the call: the caller retries later itself (the outbox, for a send
   * a card click must not wait on).
   */
  once?: boolean;
}

export interface FeishuUser {
  openId: string;
  name?: string;
}

export interface BotInfo {
  openId: string;
  name: string;
}

/**
 * The largest file `uploadFile` may send: im/v1/files takes files up to 30 MB. Read as
 * 30 × 10⁶ bytes, the smaller of the two ways "MB" is meant, so a file under it is taken either way.
 */
export const FILE_MAX_BYTES = 30_000_000;

/**
 * How long after sending a card Feishu still takes updates of it (Card JSON 2.0: 14 days,
 * CARDS.md), less an hour so an update started near the end is not refused on the way.
 */
export const CARD_UPDATE_WINDOW_MS = CARD_PATCH_WINDOW_MS - 3600 * 1000;

/** The largest picture im/v1/images takes: 10 MB. */
export const IMAGE_MAX_BYTES = 10 * 1024 * 1024;

/** The widest and tallest picture im/v1/images takes, in pixels (a GIF: 2000). */
export const IMAGE_MAX_SIDE = 12_000;
export const GIF_MAX_SIDE = 2_000;

/** The file size limit in MB as users read it (30, or 0.4 with a test's lower limit). */
export const fileLimitMb = (api: Pick<FeishuApi, 'fileMaxBytes'>): number => +(api.fileMaxBytes / 1e6).toFixed(1);

export interface DownloadOptions {
  /** The largest resource taken; a larger one is not read past this many bytes. */
  maxBytes?: number;
}

export interface FeishuApi {
  /** The largest file `uploadFile` takes (FILE_MAX_BYTES on Feishu). */
  readonly fileMaxBytes: number;
  send(to: Recipient, message: OutMessage | FileMessage, opts?: SendOptions): Promise<{ messageId: string }>;
  reply(messageId: string, message: OutMessage, opts?: SendOptions): Promise<{ messageId: string }>;
  /** Replaces a sent card (the card must have `config.update_multi: true`). */
  updateCard(messageId: string, card: CardJson): Promise<void>;
  /**
   * Replaces the card a click came from, after the click was answered, with the callback's
   * delayed-update token (valid 30 minutes, twice; FEISHU.md §4.1).
   */
  updateCardLater(token: string, card: CardJson): Promise<void>;
  uploadImage(file: { path: string }): Promise<{ imageKey: string }>;
  uploadFile(file: { path: string; name: string; type?: 'xls' | 'pdf' | 'doc' | 'stream' }): Promise<{ fileKey: string }>;
  /**
   * A file or image of a received message. Streams and gives up past `maxBytes` (throws
   * {@link DownloadTooLargeError}, having read no more than that); a resource Feishu will not
   * hand out (inside a merged forward or a card) throws a FeishuApiError that
   * {@link isUnsupportedResource} recognises.
   */
  downloadResource(messageId: string, fileKey: string, type: 'file' | 'image', opts?: DownloadOptions): Promise<Buffer>;
  getUser(openId: string): Promise<FeishuUser>;
  botInfo(): Promise<BotInfo>;
}

/** A Feishu call that failed after retries; `code` is Feishu's error code when there was one. */
export class FeishuApiError extends Error {
  constructor(
    readonly operation: string,
    readonly code: number | undefined,
    readonly httpStatus: number | undefined,
    message: string,
  ) {
    super(`${operation}: ${message}`);
    this.name = 'FeishuApiError';
  }
}

/** A download cut off at its `maxBytes`: the resource is larger than the caller takes. */
export class DownloadTooLargeError extends FeishuApiError {
  constructor(readonly maxBytes: number) {
    super('downloadResource', undefined, undefined, `resource larger than ${maxBytes} bytes`);
    this.name = 'DownloadTooLargeError';
  }
}

/**
 * Feishu's answer for the resources of a merged-forward (or card) message: "Unsupported
 * message type." (HTTP 400). The file or photo has to be sent on its own.
 */
const UNSUPPORTED_RESOURCE_CODE = 234043;

export const isUnsupportedResource = (err: unknown): boolean => err instanceof FeishuApiError && err.code === UNSUPPORTED_RESOURCE_CODE;

/**
 * The message a call is about is gone: 230011 "The message is recalled.", 230110 "Action
 * unavailable as the message has been deleted." Neither a reply to it nor an update of it can
 * succeed later.
 */
const MESSAGE_GONE_CODES = new Set([230011, 230110]);

export const isMessageGone = (err: unknown): boolean => err instanceof FeishuApiError && err.code !== undefined && MESSAGE_GONE_CODES.has(err.code);
