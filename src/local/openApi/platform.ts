/**
 * What the Open API stand-in remembers during one run — its tenant token, users, chats,
 * resources, what the app sent and uploaded, what it was refused — and the platform's judgement
 * of each call (../rules/), kept where the routes (./routes.ts, ./messages.ts) and the handle
 * tests and local mode hold (../openApi.ts) both reach it.
 */
import { seededRandom } from '../random.js';
import { randomBytes } from 'node:crypto';
import type { DeliveredMessage, Verdict } from '../rules/index.js';
import type { CardUpdate, FailRatio, FakeOpenApiOptions, FakeResponse, FakeUser, PatchedMessage, RecordedCall, RecordedDefect, RecordedRefusal, RequestMatcher, SentMessage, Upload } from './types.js';

export type Json = Record<string, any>;
export type Reply = { status?: number; body: unknown; headers?: Record<string, string>; raw?: Buffer };
export type Rule = { match: RequestMatcher; response: FakeResponse; left: number };
export type VerdictListener = (v: { refusal?: RecordedRefusal; defects: RecordedDefect[] }) => void;

/** What `failRatio` answers by default: server errors and Feishu's per-chat rate limit, all retried by a sender. */
export const FAIL_RATIO_RESPONSES: FakeResponse[] = [
  { status: 500, body: { code: 500, msg: 'Internal Server Error' } },
  { status: 502, body: { code: 502, msg: 'Bad Gateway' } },
  { status: 503, body: { code: 503, msg: 'Service Unavailable' } },
  { status: 400, body: { code: 230020, msg: 'This operation triggers the frequency limit.' } },
];

const MESSAGE_SENDS: RequestMatcher[] = [
  { method: 'POST', path: '/open-apis/im/v1/messages' },
  { method: 'POST', path: /^\/open-apis\/im\/v1\/messages\/[^/]+\/reply$/ },
];


export const ok = (data: unknown, msg = 'success'): Reply => ({ body: { code: 0, msg, data } });
export const fail = (status: number, code: number, msg: string): Reply => ({ status, body: { code, msg } });

export class Platform {
  readonly baseToken: string;
  token: string;
  tokenGeneration = 0;
  /** Messages withdrawn (the user's or the app's): replies and patches to them answer 230011. */
  readonly recalled = new Set<string>();
  /** Resources of merged-forward or card messages: Feishu will not hand them out (234043). */
  readonly unsupportedResources = new Set<string>();
  private readonly idPrefix = randomBytes(3).toString('hex');
  private seq = 0;

  latency: number;
  rules: Rule[] = [];
  /** A share of requests failed at random (FakeOpenApi.setFailRatio). */
  failRatio: { ratio: number; match: RequestMatcher[]; responses: FakeResponse[]; random: () => number } | null = null;
  injectedFailures = 0;
  byUuid = new Map<string, Json>();
  readonly users = new Map<string, FakeUser>();
  readonly chats = new Map<string, Record<string, unknown>>();
  readonly resources = new Map<string, { bytes: Buffer; contentType: string }>();
  readonly sentChat = new Map<string, string>();
  readonly listeners = new Set<(m: SentMessage) => void>();
  readonly patchListeners = new Set<(p: PatchedMessage) => void>();
  readonly verdictListeners = new Set<VerdictListener>();
  /** The app's own messages, for the patch rules (what was sent, when). */
  readonly delivered = new Map<string, DeliveredMessage>();
  /** Image keys this app uploaded: the only ones a card may show. */
  readonly imageKeys = new Set<string>();
  /** Keys of what users sent (served as message resources): never the app's to show. */
  readonly userImageKeys = new Set<string>();

  /** The recordings, the same arrays the FakeOpenApi handle shows. */
  readonly calls: RecordedCall[] = [];
  readonly messages: SentMessage[] = [];
  readonly patches: PatchedMessage[] = [];
  readonly cardUpdates: CardUpdate[] = [];
  readonly uploads: Upload[] = [];
  readonly refusals: RecordedRefusal[] = [];
  readonly defects: RecordedDefect[] = [];

  constructor(readonly opts: FakeOpenApiOptions) {
    this.baseToken = opts.token ?? 't-fake';
    this.token = this.baseToken;
    this.latency = opts.latencyMs ?? 0;
    this.setFailRatio(opts.failRatio ?? null);
  }

  setFailRatio(f: FailRatio | null): void {
    this.failRatio = f && {
      ratio: f.ratio,
      match: f.match ?? MESSAGE_SENDS,
      responses: f.responses?.length ? f.responses : FAIL_RATIO_RESPONSES,
      random: seededRandom(f.seed ?? 1),
    };
  }

  /** The failure `failRatio` picks for this request, if it picks one. */
  randomFailure(matches: (m: RequestMatcher) => boolean): FakeResponse | undefined {
    const f = this.failRatio;
    if (!f || !f.match.some(matches)) return undefined;
    if (f.random() >= f.ratio) return undefined;
    this.injectedFailures++;
    return f.responses[Math.floor(f.random() * f.responses.length)];
  }

  now(): number {
    return (this.opts.clock ?? Date).now();
  }

  nextId(prefix: string): string {
    return `${prefix}${this.idPrefix}${(++this.seq).toString(16).padStart(8, '0')}`;
  }

  /** Records what the rules found; a refusal becomes Feishu's error answer. */
  judge(method: string, where: string, verdict: Verdict, chatId?: string): Reply | undefined {
    const at = this.now();
    const defects = verdict.defects.map((d) => ({ ...d, method, where, at, chatId }));
    const refusal = verdict.refusal ? { ...verdict.refusal, method, path: where, at, chatId } : undefined;
    if (refusal) this.refusals.push(refusal);
    this.defects.push(...defects);
    if (refusal || defects.length) for (const cb of this.verdictListeners) cb({ refusal, defects });
    return refusal ? fail(refusal.status, refusal.code, refusal.msg) : undefined;
  }

  /**
   * What this app sent as `messageId`. An id shaped like this stand-in's but unknown to this run
   * is taken as a card an earlier run sent (local mode keeps its database across restarts, as
   * Feishu keeps messages), of unknown age; anything else is not the app's message.
   */
  deliveredBefore(messageId: string): DeliveredMessage | undefined {
    const known = this.delivered.get(messageId);
    if (known || !/^om_[0-9a-f]{14}$/.test(messageId) || messageId.startsWith(`om_${this.idPrefix}`)) return known;
    return { msgType: 'interactive', content: { config: { update_multi: true } }, sentAt: this.now() };
  }

  /**
   * `verdict`, or a refusal when the card shows a picture this app did not upload: a student's
   * image_key (of their message) is not the app's. A key shaped like this stand-in's uploads but
   * unknown to this run is taken as one an earlier run uploaded (local mode keeps its database
   * across restarts; Feishu its keys).
   */
  withImages(verdict: Verdict, card: unknown): Verdict {
    if (verdict.refusal) return verdict;
    const keys = JSON.stringify(card ?? null).match(/"img_key":"[^"]*"/g) ?? [];
    const foreign = keys.map((k) => k.slice(11, -1)).find((k) => !this.imageKeys.has(k) && (this.userImageKeys.has(k) || !/^img_[0-9a-f]{14}$/.test(k)));
    if (foreign === undefined) return verdict;
    const msg = `Failed to create card content, ext=ErrCode: 200621; ErrMsg: img_key is invalid (not uploaded by this app); ErrorValue: ${foreign}; `;
    return { refusal: { rule: 'card.imageKey', status: 400, code: 230099, msg }, defects: verdict.defects };
  }

  record(m: SentMessage): void {
    this.messages.push(m);
    for (const cb of this.listeners) cb(m);
  }
}
