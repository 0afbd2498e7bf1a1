/**
 * Reads a service report written in plain Chinese (PRODUCT.md §4): the "4+X" item, the
 * hours, the date, the mode and the community, keeping the rest as the description.
 * Pure, synchronous and deterministic (`now` and the time zone are inputs). What it
 * cannot read it reports as `missing`; what it could read two ways it reports as an
 * `ambiguity` and leaves empty — the bot then asks with a prefilled card, it never
 * guesses silently.
 */
import { dayjs, DEFAULT_TZ, localDate } from '../domain/time.js';
import { findDates, findDurations, foldWidth, S, type DateHit, type Duration, type Span } from './numerals.js';

export type ItemKey = 'shishi' | 'zoufang' | 'huodong' | 'xiangmu' | 'x';

/** What {@link parseReport} needs: the text, the clock, and the communities it may name. */
export interface ParseInput {
  text: string;
  /** Epoch ms; "今天" is the calendar day of `now` in `timeZone`. */
  now: number;
  /** IANA zone, default 'Asia/Shanghai'. */
  timeZone?: string;
  communities: { id: number; name: string; aliases?: string[] }[];
  /** Used when the text names no known community. */
  pairedCommunityId?: number | null;
}

/** What was read. Conflicting readings leave the field empty and explain in `ambiguities`. */
export interface ParsedReport {
  item?: ItemKey;
  /** The name of the X item (`X项目：垃圾分类宣传` → 垃圾分类宣传). */
  itemLabel?: string;
  /** As stated, unrounded and unvalidated (0, 13 or 0.75 pass through). */
  hours?: number;
  /** YYYY-MM-DD in the time zone; absent only when the date named cannot be pinned down. */
  date?: string;
  dateSource: 'explicit' | 'default_today';
  mode: 'offline' | 'online';
  modeSource: 'explicit' | 'default';
  communityId?: number;
  communitySource?: 'named' | 'paired';
  /** The text without the hour/date/mode phrases; the original text if nothing is left. */
  description: string;
  /** What the bot must ask for, hours first. */
  missing: ('hours' | 'item')[];
  /** Chinese sentences, each a reason to ask instead of saving. */
  ambiguities: string[];
  /** Whether plain private-chat text should be handled as a report at all. */
  looksLikeReport: boolean;
}

const LABEL: Record<ItemKey, string> = { shishi: '实事', zoufang: '走访', huodong: '活动', xiangmu: '项目', x: 'X' };

// Strong keywords decide the item; weak ones (generic words like 志愿服务/活动/项目 that
// turn up in every kind of report) only count when no strong keyword is present.
const STRONG: [ItemKey, RegExp][] = [
  ['shishi', /辅导|课后服务|助老|为老|敬老|助残|帮扶|清理|清扫|打扫|义诊|支教|陪伴|陪护|义务劳动|义剪|理发|维修|照料|代办|环境整治|捡垃圾/],
  ['zoufang', /走访|调研|访谈|入户|家访|探访|走进企业|座谈|问卷|采访|摸排|摸底|拜访/],
  ['huodong', /宣讲|演出|比赛|书法|绘画|歌曲|唱歌|合唱|舞蹈|话剧|健身|讲座|展演|晚会|联欢|文艺|表演|游园|运动会|朗诵|科普|培训/],
  ['xiangmu', /培育|孵化|常态化项目|项目组|品牌项目|项目化|项目申报|项目策划/],
];
const WEAK: [ItemKey, RegExp][] = [
  ['shishi', /志愿服务|志愿者|慰问/],
  ['huodong', /活动/],
  ['xiangmu', /项目/],
];
const ITEM_WORD = '(x项目|x类|x|其他|其它|实事|走访|活动|项目)';
// `/记录 走访 2小时 …`, `实事：…`, `【活动】…`, `X项目：…` — the student chose the item.
const LEADING_LABEL = new RegExp(`^\\s*(?:/?记录${S})?[【\\[(]?${S}${ITEM_WORD}(?![a-z])${S}[】\\])]?${S}(?:[:,，]|\\s|$)${S}`);
const INLINE_LABEL = new RegExp(`(?:【${ITEM_WORD}】|(?:类别|类型|事项)${S}[:：]?${S}${ITEM_WORD})`);

/** 实事/走访/活动/项目 name their item; x, x项目, x类, 其他 all mean the X item. */
function labelItem(word: string): ItemKey {
  return (Object.keys(LABEL) as ItemKey[]).find((k) => LABEL[k] === word) ?? 'x';
}

/** An explicit choice of item, with the X item's name read from what follows it. */
function findLabel(folded: string, masked: string): { item: ItemKey; itemLabel?: string; span?: Span } | undefined {
  const lead = LEADING_LABEL.exec(folded);
  const inline = lead ? undefined : INLINE_LABEL.exec(folded);
  const m = lead ?? inline;
  if (!m) return undefined;
  const item = labelItem(m[1] ?? m[2] ?? '');
  const end = m.index + m[0].length;
  const itemLabel = item === 'x' ? /^[^,，。.;；!！?？\s\u0001]{1,30}/.exec(masked.slice(end).replace(/^[\s:：]+/, ''))?.[0] : undefined;
  return { item, itemLabel, span: lead ? { start: 0, end } : undefined };
}

/** Item keywords, strong before weak; several different items → ambiguity. */
function findItem(masked: string, ambiguities: string[]): ItemKey | undefined {
  for (const table of [STRONG, WEAK]) {
    const hits = new Map<ItemKey, string>();
    for (const [key, words] of table) {
      const m = words.exec(masked);
      if (m && !hits.has(key)) hits.set(key, m[0]);
    }
    if (hits.size === 1) return [...hits.keys()][0];
    if (hits.size > 1) {
      const list = [...hits].map(([k, w]) => `「${w}」（${LABEL[k]}）`).join('和');
      ambiguities.push(`同时提到了${list}，请确认这次服务属于哪一类。`);
      return undefined;
    }
  }
  return undefined;
}

function resolveDate(hits: DateHit[], today: string, ambiguities: string[]): string | undefined {
  if (hits.length === 0) return today;
  const dates = [...new Set(hits.flatMap((h) => (h.date ? [h.date] : [])))];
  if (dates.length === 0) {
    ambiguities.push(...hits.map((h) => h.problem!));
    return undefined;
  }
  if (dates.length > 1) {
    ambiguities.push(`提到了多个日期（${dates.join('、')}），请确认是哪一天。`);
    return undefined;
  }
  if (dates[0]! > today) ambiguities.push(`日期 ${dates[0]} 还没到，只能记录今天或以前的服务，请确认日期。`);
  return dates[0];
}

// `线` after 路/航/底… is a line (公交线上), and 在线上 is 在 + 线上, not 在线.
const ONLINE_REMOVABLE = /(?:通过|以|采用|采取|用|在)?(?:(?<![路航干曲直主火界底])线上|网上|在线(?![上下])|远程)(?:的)?(?:方式|形式)?/g;
const OFFLINE_REMOVABLE = /(?:通过|以|采用|采取|在)?(?<![路航干曲直主火界底])线下(?:的)?(?:方式|形式)?/g;
// Kept in the description: they say what was done (视频通话辅导, 云宣讲, 现场讲解).
const ONLINE_WORDS = /视频|腾讯会议|钉钉|飞书会议|zoom|直播|网课|云(?=宣讲|访谈|组队|辅导|支教|课堂|上|端|直播|参观|走访|调研|义诊|服务|会议|家访|探访|讲座)/;
const OFFLINE_WORDS = /现场|实地/;

function findMode(masked: string, removed: Span[], ambiguities: string[]): Pick<ParsedReport, 'mode' | 'modeSource'> {
  const spans = (re: RegExp) => [...masked.matchAll(re)].map((m) => ({ start: m.index!, end: m.index! + m[0].length }));
  const on = spans(ONLINE_REMOVABLE);
  const off = spans(OFFLINE_REMOVABLE);
  removed.push(...on, ...off);
  const online = on.length > 0 || ONLINE_WORDS.test(masked);
  const offline = off.length > 0 || OFFLINE_WORDS.test(masked);
  if (online && offline) ambiguities.push('同时提到了线上和线下，请确认服务方式。');
  if (online === offline) return { mode: 'offline', modeSource: online ? 'explicit' : 'default' };
  return { mode: online ? 'online' : 'offline', modeSource: 'explicit' };
}

/**
 * Community names the parser looks for. A key matches where its characters stand in the text
 * with at most two whitespace characters between any two of them (幸 福 里 社区); a bare
 * 2-character stem (幸福, 北街) is an everyday word, so it counts only as a place: after
 * 在/去/到… or before a place word, each with at most two whitespace characters between.
 *
 * Matching used to build one RegExp per key and run every one over every message: with 1,000
 * communities (≈ 6,000 keys) that took 10–40 ms a message once warm, and seconds after start
 * or a GC, since V8 compiles each new pattern on its first runs. Now the keys are built once
 * per community list (cached by its content, so a caller may pass a fresh array each time)
 * and indexed by their first two characters; a message is read once with its whitespace
 * taken out, and only keys starting at one of its positions are checked.
 */
interface CommunityKey {
  id: number;
  /** Folded and without whitespace; at least two UTF-16 units. */
  key: string;
  /** A bare stem: it needs {@link PLACE_BEFORE} or {@link PLACE_AFTER} around it. */
  bare: boolean;
  /** Indexes j where key[j-1..j] is one surrogate pair: no whitespace may come between them. */
  tight: number[];
}
interface CommunityMatcher {
  keys: CommunityKey[];
  /** Key indexes (ascending) by the key's first two UTF-16 units, `unit0 * 65536 + unit1`. */
  byStart: Map<number, number[]>;
}
const SUFFIX = /(?:社区居委会|居委会|村委会|社区|街道办事处|街道|小区|村|镇|乡)$/;
/** What makes a bare stem a place: one of these just before it (在幸福)… */
const PLACE_BEFORE = ['在', '去', '到', '赴', '于', '往', '走进', '前往', '来到'];
/** …or just after it (幸福社区, 北街这边). */
const PLACE_AFTER = ['社区', '小区', '街道', '村', '镇', '乡', '居委', '这边', '那边'];
/** The most whitespace characters between two characters of a key, or a key and a place word. */
const GAP = 2;
const WS = /\s/;
const isWs = (text: string, at: number) => at >= 0 && at < text.length && WS.test(text[at]!);

const isHigh = (u: number) => u >= 0xd800 && u <= 0xdbff;
const isLow = (u: number) => u >= 0xdc00 && u <= 0xdfff;

/** Full names, aliases, their tails after 市/区/县 and the stems without 社区/街道/村/镇, indexed. */
function buildMatcher(communities: ParseInput['communities']): CommunityMatcher {
  const keys: CommunityKey[] = [];
  const byStart = new Map<number, number[]>();
  for (const c of communities) {
    const seen = new Set<string>();
    for (const raw of [c.name, ...(c.aliases ?? [])]) {
      const name = foldWidth(raw).replace(/\s+/g, '');
      const tails = [name, ...[...name.matchAll(/[省市区县旗]/g)].map((m) => name.slice(m.index! + 1))];
      for (const tail of tails) for (const key of [tail, tail.replace(SUFFIX, '')]) {
        if (key.length < 2 || seen.has(key)) continue;
        seen.add(key);
        const tight: number[] = [];
        for (let j = 1; j < key.length; j++) if (isHigh(key.charCodeAt(j - 1)) && isLow(key.charCodeAt(j))) tight.push(j);
        const start = key.charCodeAt(0) * 0x10000 + key.charCodeAt(1);
        let bucket = byStart.get(start);
        if (!bucket) byStart.set(start, (bucket = []));
        bucket.push(keys.length);
        keys.push({ id: c.id, key, bare: key.length <= 2 && !SUFFIX.test(key), tight });
      }
    }
  }
  return { keys, byStart };
}

/**
 * The matchers of the last few community lists, by content: the bot reads the list from the
 * database for each message, so the same content arrives in a new array every time. An exact
 * signature (not a hash) means a renamed or added community is never matched by stale keys.
 */
const matchers = new Map<string, CommunityMatcher>();
const MATCHERS_KEPT = 4;

function signature(communities: ParseInput['communities']): string {
  let sig = '';
  for (const c of communities) {
    sig += `${c.id}:${c.name.length}:${c.name}`;
    for (const a of c.aliases ?? []) sig += `+${a.length}:${a}`;
    sig += ';';
  }
  return sig;
}

function matcherFor(communities: ParseInput['communities']): CommunityMatcher {
  const sig = signature(communities);
  let matcher = matchers.get(sig);
  if (matcher) matchers.delete(sig); // re-inserted below as the most recent
  else matcher = buildMatcher(communities);
  matchers.set(sig, matcher);
  if (matchers.size > MATCHERS_KEPT) matchers.delete(matchers.keys().next().value!);
  return matcher;
}

/** Whether a place word ends at `at` (after ≤ 2 whitespace characters before `at`). */
function placeBefore(text: string, at: number): boolean {
  for (let k = 0; k <= GAP; k++) {
    if (k > 0 && !isWs(text, at - k)) return false;
    if (PLACE_BEFORE.some((w) => text.endsWith(w, at - k) && at - k >= w.length)) return true;
  }
  return false;
}

/** Whether a place word starts at `at` (after ≤ 2 whitespace characters from `at`). */
function placeAfter(text: string, at: number): boolean {
  for (let k = 0; k <= GAP; k++) {
    if (k > 0 && !isWs(text, at + k - 1)) return false;
    if (PLACE_AFTER.some((w) => text.startsWith(w, at + k))) return true;
  }
  return false;
}

/** The indexes of the keys `folded` names, ascending. */
function namedKeys(folded: string, matcher: CommunityMatcher): number[] {
  // The text without whitespace, and where each of its units stands in `folded`.
  let squeezed = '';
  const pos: number[] = [];
  for (let i = 0; i < folded.length; i++) {
    if (WS.test(folded[i]!)) continue;
    squeezed += folded[i];
    pos.push(i);
  }
  const found = new Set<number>();
  for (let i = 0; i + 1 < squeezed.length; i++) {
    const bucket = matcher.byStart.get(squeezed.charCodeAt(i) * 0x10000 + squeezed.charCodeAt(i + 1));
    if (!bucket) continue;
    for (const k of bucket) {
      if (found.has(k)) continue;
      const { key, bare: stem, tight } = matcher.keys[k]!;
      if (!squeezed.startsWith(key, i)) continue;
      let fits = true;
      for (let j = 1; j < key.length && fits; j++) fits = pos[i + j]! - pos[i + j - 1]! - 1 <= GAP;
      for (const j of tight) if (pos[i + j]! - pos[i + j - 1]! > 1) fits = false;
      if (!fits) continue;
      if (stem && !placeBefore(folded, pos[i]!) && !placeAfter(folded, pos[i + key.length - 1]! + 1)) continue;
      found.add(k);
    }
  }
  return [...found].sort((a, b) => a - b);
}

/** The longest named community; two different ones of the same length → ambiguity. */
function findCommunity(folded: string, input: ParseInput, ambiguities: string[]): Pick<ParsedReport, 'communityId' | 'communitySource'> {
  const matcher = matcherFor(input.communities);
  const hits = namedKeys(folded, matcher).map((k) => ({ id: matcher.keys[k]!.id, len: matcher.keys[k]!.key.length }));
  const best = Math.max(0, ...hits.map((h) => h.len));
  const ids = [...new Set(hits.filter((h) => h.len === best).map((h) => h.id))];
  if (ids.length === 1) return { communityId: ids[0], communitySource: 'named' };
  if (ids.length > 1) {
    const names = ids.map((id) => input.communities.find((c) => c.id === id)!.name).join('、');
    ambiguities.push(`提到了多个社区（${names}），请确认在哪个社区服务。`);
    return {};
  }
  return input.pairedCommunityId != null ? { communityId: input.pairedCommunityId, communitySource: 'paired' } : {};
}

// Words that only framed an amount (共2小时, 时长：2h, 辅导了2小时 …) go with it.
const LEAD_FILLER = /(?:(?:服务|志愿)?时长|用时|历时|耗时|共计|总共|一共|合计|累计|总计|共|约|大约|大概|差不多|花了|用了|了)\s{0,2}[:为是]?\s{0,2}$/;
const TRAIL_FILLER = /^\s{0,2}(?:左右|上下|的样子)/;
const FILLER_CLAUSE = /^[\s:：]*(?:(?:服务|志愿服务|志愿)?(?:时长|时间)|服务了?|用时|历时|耗时|共计|总共|一共|合计|累计|总计|共|约|大约|大概|左右|为|是|了|[\s:：])*$/;

/** Widens an hours span over the words that only framed it (共约 2小时左右). */
function withFiller(folded: string, s: Span): Span {
  let start = s.start;
  for (let i = 0; i < 3; i++) {
    const lead = LEAD_FILLER.exec(folded.slice(Math.max(0, start - 12), start))?.[0] ?? '';
    if (!lead) break;
    start -= lead.length;
  }
  return { start, end: s.end + (TRAIL_FILLER.exec(folded.slice(s.end, s.end + 8))?.[0].length ?? 0) };
}

/** Cuts `removed` out of `text` and tidies what is left. */
function describe(text: string, removed: Span[]): string {
  const spans = [...removed];
  spans.sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const s of spans) {
    if (s.start > at) out += text.slice(at, s.start);
    at = Math.max(at, s.end);
  }
  out += text.slice(at);
  const tidy = out
    .split(/([,，。；;！!？?\n、])/)
    .filter((part, i, parts) => !(i % 2 === 0 && FILLER_CLAUSE.test(part)) && !(i % 2 === 1 && FILLER_CLAUSE.test(parts[i - 1] ?? '')))
    .join('')
    .replace(/[（(]\s*[)）]|【\s*】/g, '')
    .replace(/[ \t\u3000]{2,}/g, ' ')
    .replace(/\s+([,，。；;、！!？?])/g, '$1')
    .replace(/([,，。；;、])[\s,，。；;、]+/g, '$1')
    .replace(/^的(?=\S)/, '')
    .replace(/^[\s,，。；;、:：]+|[\s,，；;、:：]+$/g, '');
  return tidy || text.trim();
}

const QUESTION = /[?？]\s*$|^\s*请问|什么意思|是什么|啥意思|怎么|怎样|如何|能不能|可不可以|是否|为什么|为啥|在哪|什么时候|啥时候|吗[\s?？。!！~]*$|呢[\s?？。!！~]*$/;
const SMALL_TALK = /^\s*(?:你好|您好|hi|hello|嗨|哈喽|在吗|在不在|谢谢|多谢|好的|收到|ok|嗯+|哦+|早上好|晚安)[\s!！~。.，,呀啊哈了]*$/;

/**
 * Parses one plain-text service report. Never throws on any text; the same input always
 * gives the same output.
 */
export function parseReport(input: ParseInput): ParsedReport {
  const text = typeof input.text === 'string' ? input.text : '';
  const folded = foldWidth(text);
  const todayStr = localDate(input.now, input.timeZone ?? DEFAULT_TZ);
  const today = dayjs.utc(todayStr);
  const ambiguities: string[] = [];
  const removed: Span[] = [];

  const { durations, masked: afterHours } = findDurations(folded);
  const hours = resolveHours(durations, folded, removed, ambiguities);
  const { hits, masked } = findDates(afterHours, today);
  removed.push(...hits);
  const date = resolveDate(hits, todayStr, ambiguities);
  const mode = findMode(masked, removed, ambiguities);
  const community = findCommunity(folded, input, ambiguities);

  const label = findLabel(folded, masked);
  if (label?.span) removed.push(label.span);
  const command = /^\s*\/(?!记录)/.test(folded);
  if (!label && /^\s*\/记录/.test(folded)) removed.push({ start: 0, end: folded.indexOf('录') + 1 });
  const keywordItem = label ? label.item : findItem(masked, ambiguities);

  const signals = [hours !== undefined || durations.some((d) => d.kind === 'range'), keywordItem !== undefined, hits.length > 0, community.communitySource === 'named', mode.modeSource === 'explicit'].filter(Boolean).length;
  const anyHours = durations.length > 0;
  // A question (怎么记录走访？) is a report only when it carries most of one; a statement
  // is one with any amount of time, two other signals, an explicit item, or an item
  // keyword told as done (走访了20位老人 — but not 我想参加走访).
  const done = keywordItem !== undefined && /了/.test(masked);
  const looksLikeReport = !command && !SMALL_TALK.test(folded) &&
    (/^\s*\/记录/.test(folded) || (QUESTION.test(folded) ? signals >= 3 : anyHours || signals >= 2 || label !== undefined || done));

  const missing: ParsedReport['missing'] = [];
  if (hours === undefined) missing.push('hours');
  if (keywordItem === undefined) missing.push('item');
  return {
    item: keywordItem,
    ...(label?.itemLabel ? { itemLabel: label.itemLabel } : {}),
    hours,
    date,
    dateSource: hits.length > 0 ? 'explicit' : 'default_today',
    ...mode,
    ...community,
    description: describe(text, removed),
    missing,
    ambiguities,
    looksLikeReport,
  };
}

/**
 * One amount wins; a stated amount beats a clock range (下午2点到5点，实际2.5小时).
 * Different stated amounts or only vague ones → ask.
 */
function resolveHours(durations: Duration[], folded: string, removed: Span[], ambiguities: string[]): number | undefined {
  // Clock ranges stay in the description: 下午2点到4点 tells the reviewer when, not how long.
  removed.push(...durations.filter((d) => d.kind !== 'range').map((d) => withFiller(folded, d)));
  const amounts = durations.filter((d) => d.kind === 'amount');
  const pool = amounts.length > 0 ? amounts : durations.filter((d) => d.kind === 'range');
  const values = [...new Set(pool.map((d) => d.hours!))];
  if (values.length === 1) return values[0];
  if (values.length > 1) {
    ambiguities.push(`提到了多个时长（${pool.map((d) => d.phrase).join('、')}），请确认这次服务共计多少小时。`);
  } else {
    const vague = durations.find((d) => d.kind === 'vague');
    if (vague) ambiguities.push(`时长「${vague.phrase}」不够具体，请填写确切的小时数。`);
  }
  return undefined;
}
