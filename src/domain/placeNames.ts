/**
 * Community names, compared as people mean them (pure; no database). A name folds to a
 * core and the level its suffix states: 幸福社区居委会 → 幸福 + 社区. Two names denote the
 * same place when their cores are equal and their suffixes do not contradict each other
 * (幸福 = 幸福社区 = 幸福社区居委会, 新民乡 = 新民镇; 幸福社区 ≠ 幸福村 ≠ 幸福里社区), or when
 * one is the other with a district in front that the known region does not contradict
 * (古塔区北街 = 北街街道 in 锦州市古塔区).
 */
import type { CommunityLevel } from '../db/schema/communities.js';

/** The comparable form of a community name. */
export function foldName(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[\s·.,，。、()（）\-—_]/g, '')
    .toLowerCase();
}

// Longest first, so 社区居委会 is taken whole rather than as 居委会. `canon` is the suffix
// as stored in the match key, so 幸福社区居委会 and 幸福社区 share the key 幸福社区.
const SUFFIXES: { re: RegExp; level: CommunityLevel; canon: string }[] = [
  { re: /(社区居民委员会|社区居委会|居民委员会|居委会|社区)$/, level: 'community', canon: '社区' },
  { re: /(街道办事处|街道办|街道)$/, level: 'street', canon: '街道' },
  { re: /(村民委员会|村委会|村)$/, level: 'village', canon: '村' },
  { re: /(镇人民政府|镇政府|镇)$/, level: 'town', canon: '镇' },
  { re: /(乡人民政府|乡政府|乡)$/, level: 'town', canon: '乡' },
];

/** A folded name split into its core and the level its suffix names (if any). */
interface ParsedName { core: string; level: CommunityLevel | null; key: string }

// Parsing is memoised: an import compares every row with every known place.
const parsed = new Map<string, ParsedName>();
const MEMO_LIMIT = 50_000;

/** `name` folded and split into core, level and match key. */
export function parseName(name: string): ParsedName {
  let hit = parsed.get(name);
  if (!hit) {
    if (parsed.size >= MEMO_LIMIT) parsed.clear();
    hit = parseFolded(foldName(name));
    parsed.set(name, hit);
  }
  return hit;
}

function parseFolded(folded: string): ParsedName {
  for (const s of SUFFIXES) {
    const core = folded.replace(s.re, '');
    // A one-character core (新村, 古镇) is a name, not a name plus a suffix.
    if (core !== folded && core.length >= 2) return { core, level: s.level, key: core + s.canon };
  }
  return { core: folded, level: null, key: folded };
}

/** The name without its level suffix, for tolerant matching. */
export function coreName(name: string): string {
  return parseName(name).core;
}

/**
 * The key stored in `communities.normalised_name`: the folded name with its suffix in one
 * canonical spelling (幸福社区居委会 → 幸福社区). Unique, so a race cannot create a twin.
 */
export function matchKey(name: string): string {
  return parseName(name).key;
}

/** The level a name's suffix states (幸福社区 → community, 新民乡 → town), if any. */
export function levelFromName(name: string): CommunityLevel | undefined {
  return parseName(name).level ?? undefined;
}

/** The name as it is stored: NFKC (full-width letters and digits folded), no spaces inside Chinese. */
export function cleanName(name: string): string {
  return name
    .normalize('NFKC')
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/ (?=[^\x00-\x7f])|(?<=[^\x00-\x7f]) /g, '');
}

const sameLevel = (a: ParsedName, b: ParsedName) => a.level === null || b.level === null || a.level === b.level;

// A run of administrative units (锦州市, 古塔区, 辽宁省锦州市, 北镇市, 义县) before a name.
// A 省/市/区 needs two characters before it, so 城市花园 and 小区 are not read as districts.
const ADMIN_PREFIX = /^(?:[^省市区县旗]{2,7}?[省市区]|[^省市区县旗]{1,7}?[县旗])+$/u;

/** `prefix` reads as the district of a place whose known region is `region` (if any). */
function regionPrefix(prefix: string, region: string | null | undefined): boolean {
  if (!ADMIN_PREFIX.test(prefix)) return false;
  if (!region) return true;
  const r = foldName(region);
  return r.includes(prefix) || prefix.includes(r);
}

/** A place name with the region it is in, when known. */
interface NamedPlace { name: string; region?: string | null }

/** Same core, compatible suffixes: the strong match. */
function sameCore(a: NamedPlace, b: NamedPlace): boolean {
  const pa = parseName(a.name);
  const pb = parseName(b.name);
  return pa.core === pb.core && sameLevel(pa, pb);
}

/** One name is the other with a district in front (古塔区北街 vs 北街街道 in 锦州市古塔区). */
function samePlaceWithPrefix(a: NamedPlace, b: NamedPlace): boolean {
  const pa = parseName(a.name);
  const pb = parseName(b.name);
  if (!sameLevel(pa, pb) || pa.core === pb.core) return false;
  const [long, short, longRegion, shortRegion] = pa.core.length > pb.core.length ? [pa, pb, a.region, b.region] : [pb, pa, b.region, a.region];
  return short.core.length >= 2 && long.core.endsWith(short.core) && regionPrefix(long.core.slice(0, -short.core.length), shortRegion ?? longRegion);
}

/** Whether two names (with their regions, when known) denote the same place. */
export function namesMatch(a: NamedPlace, b: NamedPlace): boolean {
  return sameCore(a, b) || samePlaceWithPrefix(a, b);
}

/**
 * The places among `places` that `query` may denote: the same-core matches if there are any
 * (just the one with the identical key when that settles it), otherwise the district-prefix
 * matches. More than one result means the name is ambiguous.
 */
export function matchPlaces<T extends NamedPlace>(places: readonly T[], query: NamedPlace): T[] {
  const strong = places.filter((p) => sameCore(p, query));
  if (strong.length > 0) {
    const key = matchKey(query.name);
    const exact = strong.filter((p) => matchKey(p.name) === key);
    return exact.length === 1 ? exact : strong;
  }
  return places.filter((p) => samePlaceWithPrefix(p, query));
}

/**
 * The strings a matching place's folded name must begin with, or contain: its core and,
 * after each leading district, what follows (古塔区北街 → 古塔区北街, 北街). Two names can only
 * match when one's core is among the other's `candidateKeys`; a caller uses them to narrow
 * the places worth comparing (an index, or a SQL prefilter) before `matchPlaces`.
 */
export function candidateKeys(name: string): string[] {
  const { core } = parseName(name);
  const keys = [core];
  for (let i = 1; i < core.length - 1; i++) {
    if ('省市区县旗'.includes(core[i - 1]!) && ADMIN_PREFIX.test(core.slice(0, i))) keys.push(core.slice(i));
  }
  return keys;
}

/**
 * Places added one by one (the rows of a file), each checked against the earlier ones
 * through `candidateKeys` buckets rather than by comparing every pair.
 */
export class PlaceIndex<T extends NamedPlace> {
  private readonly buckets = new Map<string, T[]>();
  private readonly order = new Map<T, number>();

  /** The earliest added place that `place` matches, if any. */
  find(place: NamedPlace): T | undefined {
    const candidates = new Set<T>();
    for (const key of candidateKeys(place.name)) for (const p of this.buckets.get(key) ?? []) candidates.add(p);
    return [...candidates].sort((a, b) => this.order.get(a)! - this.order.get(b)!).find((p) => namesMatch(p, place));
  }

  add(place: T): void {
    this.order.set(place, this.order.size);
    for (const key of candidateKeys(place.name)) {
      const bucket = this.buckets.get(key);
      if (bucket) bucket.push(place);
      else this.buckets.set(key, [place]);
    }
  }
}
