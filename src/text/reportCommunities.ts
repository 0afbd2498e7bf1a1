/**
 * Which community a report names (PRODUCT.md §4), or else the student's paired one.
 * Part of reportParser.ts; works on width-folded text.
 */
import { movedTo } from './reportTwoServices.js';
import { foldWidth } from './numerals.js';
import { standing } from './reportTakenBack.js';

/** A community the text may name, by its name or one of its aliases. */
export interface CommunityName {
  id: number;
  name: string;
  aliases?: string[];
}

/** The communities to look for, and the one to fall back on. */
export interface CommunityInput {
  communities: CommunityName[];
  pairedCommunityId?: number | null;
}

/** The community read, and whether the text named it or it is the paired one. */
export interface CommunityReading {
  communityId?: number;
  communitySource?: 'named' | 'paired';
}

/**
 * Community names the parser looks for. A key matches where its characters stand in the text
 * with at most two whitespace characters between any two of them (幸 福 里 社区); a bare
 * 2-character stem (幸福, 北街) is an everyday word, so it counts only as a place: after
 * 在/去/到… or before a place word, each with at most two whitespace characters between, or
 * standing alone between spaces or punctuation (11月12日 锦绣 2h).
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
/** What makes a bare stem a place: one of these just before it (在幸福, 喺北街, 搁龙江)… */
const PLACE_BEFORE = ['在', '去', '到', '赴', '于', '往', '走进', '前往', '来到', '喺', '搁'];
/** …or just after it (幸福社区, 北街这边, 北街的两家物业). */
const PLACE_AFTER = ['社区', '小区', '街道', '村', '镇', '乡', '居委', '这边', '那边', '的'];
/** The most whitespace characters between two characters of a key, or a key and a place word. */
const GAP = 2;
const WS = /\s/;
const isWs = (text: string, at: number) => at >= 0 && at < text.length && WS.test(text[at]!);

const isHigh = (u: number) => u >= 0xd800 && u <= 0xdbff;
const isLow = (u: number) => u >= 0xdc00 && u <= 0xdfff;

/** Full names, aliases, their tails after 市/区/县/乡/镇/街道 and the stems without 社区/街道/村/镇, indexed. */
function buildMatcher(communities: CommunityName[]): CommunityMatcher {
  const keys: CommunityKey[] = [];
  const byStart = new Map<number, number[]>();
  for (const c of communities) {
    const seen = new Set<string>();
    for (const raw of [c.name, ...(c.aliases ?? [])]) {
      const name = foldWidth(raw).replace(/\s+/g, '');
      const tails = [name, ...[...name.matchAll(/[省市区县旗乡镇]|街道/g)].map((m) => name.slice(m.index! + m[0].length))];
      // (…and the name said with its district but without 区/县: 古塔区北街街道 as 古塔北街)
      const undistricted = name.replace(/(?<=^[\u4e00-\u9fa5]{2})(?:新区|区|县)(?=[\u4e00-\u9fa5]{2})/, '');
      if (undistricted !== name) tails.push(undistricted);
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

function signature(communities: CommunityName[]): string {
  let sig = '';
  for (const c of communities) {
    sig += `${c.id}:${c.name.length}:${c.name}`;
    for (const a of c.aliases ?? []) sig += `+${a.length}:${a}`;
    sig += ';';
  }
  return sig;
}

function matcherFor(communities: CommunityName[]): CommunityMatcher {
  const sig = signature(communities);
  let matcher = matchers.get(sig);
  if (matcher) matchers.delete(sig); // re-inserted below as the most recent
  else matcher = buildMatcher(communities);
  matchers.set(sig, matcher);
  if (matchers.size > MATCHERS_KEPT) matchers.delete(matchers.keys().next().value!);
  return matcher;
}

/** Whether `at` is outside the text or a space or punctuation: a stem standing alone (11月12日 锦绣 2h) is a place. */
function edge(text: string, at: number): boolean {
  return at < 0 || at >= text.length || /[\s,，。.;；:：、!！?？()（）【】\[\]\-—~/|]/.test(text[at]!);
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

/** A key found: its index, where it first stands in the text, and whether it is said as a place (not a bare stem seen only before 的 or alone: 北街的历史). */
interface KeyHit { k: number; from: number; to: number; placed: boolean }

/** The keys `folded` names, by index ascending. */
function namedKeys(folded: string, matcher: CommunityMatcher): KeyHit[] {
  // The text without whitespace, and where each of its units stands in `folded`.
  let squeezed = '';
  const pos: number[] = [];
  for (let i = 0; i < folded.length; i++) {
    if (WS.test(folded[i]!)) continue;
    squeezed += folded[i];
    pos.push(i);
  }
  const found = new Map<number, KeyHit>();
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
      const from = pos[i]!;
      const to = pos[i + key.length - 1]! + 1;
      const placed = !stem || placeBefore(folded, from) || (placeAfter(folded, to) && !/^\s{0,2}的/.test(folded.slice(to, to + 3)));
      if (!placed && !placeAfter(folded, to) && !(edge(folded, from - 1) && edge(folded, to))) continue;
      found.set(k, { k, from, to, placed });
    }
  }
  return [...found.values()].sort((a, b) => a.k - b.k);
}

/**
 * The community named; two different ones named apart (在幸福里讲座，下午去保利香槟) → ambiguity. A name
 * inside a longer one (锦绣 in 松山新区锦绣社区) is the longer one's part, not a second place; a bare stem
 * not said as a place (讲了讲北街的历史) counts only when nothing else is named; a place taken back
 * (在北街……打错了，是石油街) not at all.
 */
export function findCommunity(folded: string, input: CommunityInput, ambiguities: string[]): CommunityReading {
  const matcher = matcherFor(input.communities);
  const hits = namedKeys(folded, matcher).sort((a, b) => b.to - b.from - (a.to - a.from) || a.k - b.k);
  const apart: typeof hits = [];
  for (const h of hits) if (!apart.some((o) => h.from < o.to && o.from < h.to)) apart.push(h);
  const said = standing(apart.map((h) => ({ start: h.from, end: h.to, id: matcher.keys[h.k]!.id, placed: h.placed })).sort((a, b) => a.start - b.start), folded);
  const placed = said.filter((h) => h.placed);
  const named = placed.length > 0 ? placed : said;
  // (幸福里的老人, 住幸福里, 上次在康宁社区, 解放路上: places told of, not served at — when some other place is served at)
  const servedAt = named.filter((h) => !TOLD_OF_BEFORE.test(folded.slice(Math.max(0, h.start - 5), h.start)) && !TOLD_OF_AFTER.test(folded.slice(h.end, h.end + 8)));
  const ids = [...new Set((servedAt.length > 0 ? servedAt : named).map((h) => h.id))];
  if (ids.length === 1) return { communityId: ids[0], communitySource: 'named' };
  // (本来去龙江社区，下雪公交停了，改去了康宁社区: the place the plan was moved to)
  const [from, to] = [servedAt[0], servedAt.at(-1)];
  if (ids.length === 2 && from && to && from.id !== to.id && movedTo(folded, from, to)) return { communityId: to.id, communitySource: 'named' };
  // (only places told of, two of them: the longest name, as before, when it is the only one that long)
  if (ids.length > 1 && servedAt.length === 0) {
    const longest = Math.max(...named.map((h) => h.end - h.start));
    const top = [...new Set(named.filter((h) => h.end - h.start === longest).map((h) => h.id))];
    if (top.length === 1) return { communityId: top[0], communitySource: 'named' };
  }
  if (ids.length > 1) {
    const names = ids.map((id) => input.communities.find((c) => c.id === id)!.name).join('、');
    ambiguities.push(`提到了多个社区（${names}），请确认在哪个社区服务。`);
    return {};
  }
  // A place the list does not know (回老家的兴隆社区) is not the paired community: no community,
  // the description keeps the name, rather than a log filed under the wrong place.
  if (OTHER_PLACE.test(folded)) return {};
  return input.pairedCommunityId != null ? { communityId: input.pairedCommunityId, communitySource: 'paired' } : {};
}

/** Before a place told of rather than served at: 住幸福里, 比上次在康宁社区, 上周去过康宁社区, 不是在幸福里, 没有去幸福里, 跟北街那边一样. */
const TOLD_OF_BEFORE = /(?:住|住在|比上次在?|上次在|上次去|去过|不是(?:在|去)?|并非|没(?:有)?(?:在|去成?)|跟|比|像)\s{0,2}$/;
/**
 * After one: its people or things (幸福里的老人, 石油街社区的志愿者 — not 龙江社区的时候), what it runs (幸福里社区管的小区),
 * its neighbours (和大有村挨着, 康宁社区附近的), a road or school of the same name (解放路上, 解放路小学), where the group
 * met (洛阳社区门口集合), residents who came from it (康宁社区那边也来了不少老人).
 */
const TOLD_OF_AFTER = /^\s{0,2}(?:的(?!时候)|管|(?:这边|那边)(?:的|也?来)|[^，。,；;]{0,6}(?:挨着|相邻|隔壁|附近|交界)|上(?![午班门课])|小学|中学|幼儿园|医院|[^，。,；;]{0,4}(?:集合|出发))/;

/** A place named after 在/去/到… that is a community, village or street by its suffix. */
const OTHER_PLACE = /(?:在|去|到|赴|前往|来到|回到|回)了?\s{0,2}(?:老家|家乡|家里|我家|家)?(?:那边|这边)?的?\s{0,2}[^\s，。,；;、的了在去到给帮和跟与里们我你他她这那一趟次个些下现场协助参加做开展组织为搞整弄陪教讲带]{2,6}?(?:社区|小区|村(?![里民委子儿])|镇|乡(?![亲村])|街道)/;
