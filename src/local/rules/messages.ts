/**
 * What Feishu takes besides the card itself: message bodies and their sizes, card patches,
 * uploads, and the answer to a card callback (CARDS.md "Text messages", "Callback answers";
 * the send, patch, image and file pages' error tables).
 */
import { GIF_MAX_SIDE, IMAGE_MAX_BYTES, IMAGE_MAX_SIDE } from '../../feishu/api.js';
import { CARD_PATCH_WINDOW_MS, cardRequestBytes } from '../../feishu/cardLimits.js';
import { checkCard, isObj } from './cards.js';
import { badParam, tooLong, type Refusal, type Verdict } from './verdict.js';

const TEXT_MAX_BYTES = 150 * 1024;
const POST_MAX_BYTES = 30 * 1024;
const IMAGE_FORMATS = new Set(['jpeg', 'jpg', 'png', 'webp', 'gif', 'bmp', 'ico', 'tiff', 'heif', 'heic']);


/** A message body (`msg_type` and its parsed `content`) as the send and reply APIs check it. */
export function checkMessage(msgType: string, content: unknown, rawContent: string): Verdict {
  const bytes = Buffer.byteLength(rawContent);
  switch (msgType) {
    case 'text':
      if (!isObj(content) || typeof content.text !== 'string' || !content.text.trim()) return { refusal: badParam('text.empty', 'text content must be {"text": non-empty string}'), defects: [] };
      return bytes > TEXT_MAX_BYTES ? { refusal: tooLong('text.size'), defects: [] } : { defects: [] };
    case 'post':
      return bytes > POST_MAX_BYTES ? { refusal: tooLong('post.size'), defects: [] } : { defects: [] };
    case 'interactive':
      return checkCardMessage(content);
    case 'file':
    case 'image':
      return isObj(content) && typeof content[`${msgType}_key`] === 'string' ? { defects: [] } : { refusal: badParam(`${msgType}.key`, `${msgType}_key is required`), defects: [] };
    default:
      return { refusal: badParam('message.type', `msg_type ${msgType} is not modelled by the stand-in`), defects: [] };
  }
}

/**
 * A card as a message body: the card rules, and 30 KB measured as Feishu does, on the request
 * body, where the card travels as an escaped JSON string (every quote costs twice).
 */
function checkCardMessage(card: unknown): Verdict {
  return checkCard(card, cardRequestBytes);
}

/** What the stand-in knows of a message it delivered. */
export interface DeliveredMessage {
  msgType: string;
  content: unknown;
  sentAt: number;
}

/**
 * A card patch (`PATCH /im/v1/messages/:id`): only the app's own card messages, shared
 * (`update_multi: true`) before and after, within 14 days (230031).
 */
export function checkPatch(original: DeliveredMessage | undefined, card: unknown, now: number): Verdict {
  if (!original) return { refusal: badParam('patch.unknownMessage', 'message_id is not a message this app sent'), defects: [] };
  if (original.msgType !== 'interactive') return { refusal: badParam('patch.notCard', 'only card messages can be patched'), defects: [] };
  if (now - original.sentAt > CARD_PATCH_WINDOW_MS) {
    return { refusal: { rule: 'patch.age', status: 400, code: 230031, msg: 'Message can only be modified within 14 days after sending.' }, defects: [] };
  }
  const shared = (c: unknown) => isObj(c) && isObj(c.config) && c.config.update_multi === true;
  if (!shared(original.content) || !shared(card)) return { refusal: badParam('patch.notShared', 'config.update_multi must be true before and after the update'), defects: [] };
  return checkCardMessage(card);
}

const TOAST_TYPES = ['info', 'success', 'error', 'warning'];

/**
 * The synchronous answer to `card.action.trigger` (卡片回传交互): HTTP 200 (else 200671), a
 * body of only `toast` and `card` (else 200672), a raw card that is valid 2.0 (200673, and
 * 200830 for a 1.0 card replacing a 2.0 one). Feishu shows the clicker an error instead.
 */
export function checkCallbackAnswer(status: number, body: unknown): Verdict {
  const refuse = (rule: string, code: number, msg: string): Verdict => ({ refusal: { rule, status, code, msg }, defects: [] });
  if (status !== 200) return refuse('answer.status', 200671, `the callback answered HTTP ${status}, not 200`);
  if (!isObj(body)) return refuse('answer.shape', 200672, 'the callback answer is not a JSON object');
  const extra = Object.keys(body).find((k) => k !== 'toast' && k !== 'card');
  if (extra) return refuse('answer.shape', 200672, `the callback answer may hold only toast and card, not ${extra}`);
  if (body.toast !== undefined) {
    const t = body.toast;
    if (!isObj(t) || Object.keys(t).some((k) => !['type', 'content', 'i18n'].includes(k))) return refuse('answer.toast', 200672, 'toast is {type, content, i18n}');
    if (t.type !== undefined && !TOAST_TYPES.includes(t.type as string)) return refuse('answer.toast', 200672, `toast.type must be ${TOAST_TYPES.join('|')}`);
    if (t.content !== undefined && typeof t.content !== 'string') return refuse('answer.toast', 200672, 'toast.content must be a string');
  }
  if (body.card === undefined) return { defects: [] };
  const c = body.card;
  if (!isObj(c) || !['raw', 'template'].includes(c.type as string) || !isObj(c.data) || Object.keys(c).some((k) => k !== 'type' && k !== 'data')) {
    return refuse('answer.card', 200673, 'card is {type: raw|template, data: object}');
  }
  if (c.type === 'template') return { defects: [] };
  if (c.data.schema !== '2.0') return refuse('answer.cardVersion', 200830, 'a JSON 2.0 card cannot be updated to a JSON 1.0 card');
  const verdict = checkCard(c.data);
  return verdict.refusal ? { refusal: { ...verdict.refusal, rule: verdict.refusal.rule, code: 200673, msg: `the callback answered with a card Feishu refuses: ${verdict.refusal.msg}` }, defects: verdict.defects } : verdict;
}

const uploadRefusal = (rule: string, code: number, msg: string): Refusal => ({ rule, status: 400, code, msg });

/**
 * `POST /im/v1/images`: image_type message|avatar, a part with a filename (a raw Buffer part has
 * none and the real server answers 234001, FEISHU.md §2), 0 < size ≤ 10 MB, a format Feishu
 * reads, at most 12000×12000 (GIF 2000×2000).
 */
export function checkImageUpload(u: { imageType?: string; bytes?: Buffer; partFilename?: string; info?: { format: string; width: number; height: number } }): Refusal | undefined {
  if (u.imageType !== 'message' && u.imageType !== 'avatar') return uploadRefusal('image.type', 234001, 'Invalid request param.');
  if (!u.bytes || u.partFilename === undefined) return uploadRefusal('image.part', 234001, 'Invalid request param.');
  if (u.bytes.length === 0) return uploadRefusal('image.empty', 234010, "File's size can't be 0.");
  if (u.bytes.length > IMAGE_MAX_BYTES) return uploadRefusal('image.size', 234006, 'The file size exceed the max value.');
  if (!u.info || !IMAGE_FORMATS.has(u.info.format)) return uploadRefusal('image.format', 234011, "Can't regonnize the image format.");
  const max = u.info.format === 'gif' ? GIF_MAX_SIDE : IMAGE_MAX_SIDE;
  if (u.info.width > max || u.info.height > max) return uploadRefusal('image.resolution', 234039, 'Image resolution exceeds limit.');
  return undefined;
}

/** `POST /im/v1/files`: a named, non-empty file of at most `maxBytes` (30 MB on Feishu). */
export function checkFileUpload(u: { bytes?: Buffer; fileName?: string; maxBytes: number }): Refusal | undefined {
  if (!u.bytes || !u.fileName) return uploadRefusal('file.part', 234001, 'Invalid request param.');
  if (u.bytes.length === 0) return uploadRefusal('file.empty', 234010, "File's size can't be 0.");
  if (u.bytes.length > u.maxBytes) return uploadRefusal('file.size', 234006, 'The file size exceed the max value.');
  return undefined;
}
