/**
 * Two pieces of work of different items told as two, with neither the main one: 既…还…, 另外…,
 * a numbered list, X和走访都做了. The report then has no one item to be recorded under, and the bot
 * asks. Part of reportItems.ts; works on width-folded, masked text.
 */
import { SUPPORT, type ItemKey } from './reportItemWords.js';
import { clauseOf } from './reportPhrases.js';

/** An item named as a noun: the X item (X, X项目, X类 — not a count: 老人x8户, 装AP x3), or 实事. */
const NOUNS: [ItemKey, word: string, pattern: string][] = [
  // (not 4+X, the program's own name)
  ['x', 'X', '(?<![a-z]|[4四]\\s{0,2}[+加]\\s{0,2})x(?:项目|类)?(?![a-z]|\\s{0,2}\\d)'],
  ['shishi', '实事', '实事'],
];
/** Words that add a second piece of work to a first (和, 也, 又, 还, 另外, 以及, 同时, 加上). */
const AND = '和|跟|与|及|、|/|\\+|也|又|还|另外|同时|加上';
/**
 * An item noun joined to other work (X和走访都做了, 做了走访，也做了X项目, 既做了X项目，还入户走访了,
 * 实事和走访各一半, X项目干了1小时，剩下1小时入户走访): the item is then a piece of the report, not the tag it is filed under.
 */
const NAMED_BESIDE = NOUNS.map(([key, word, noun]) => [key, word, new RegExp(`${noun}[\\s，,]{0,2}(?:${AND})|(?:${AND})[^，。,；;]{0,6}?${noun}|${noun}[^。，,；;]{0,10}[，,]\\s{0,2}(?:剩下|其余)`)] as const);

/** The items named as nouns beside other work, with the words that named them. */
export function namedBeside(text: string): [ItemKey, string][] {
  return NAMED_BESIDE.filter(([, , re]) => re.test(text)).map(([key, word]) => [key, word]);
}

/** What other work was for (为了准备反诈宣讲，先入户走访): the purpose is not work done that day. */
// (…and help still to come that the work prepares for: 记下来准备帮扶)
// (…and what a visit gathered for: ，为后面的反诈宣传做准备, ，给街道治理提建议, ，方便以后教他们用智能手机, ，看看能不能帮着申请助学金)
export const PURPOSE = new RegExp([
  '为了[^，。,；;]*|(?:准备|打算|以便|方便)(?:后续|下一步|之后|以后)?(?:帮扶|救助|慰问|整改|改造|上报)[^，。,；;]*',
  '(?<=[，,]\\s{0,2})(?:为|给)(?:后面|后续|之后|以后|下一步|接下来)?的?[^，。,；;]{0,16}(?:(?<!调研)做准备|做调研|提(?:点|些|个)?(?:建议|意见)|收集(?:信息|素材|资料)|(?:精准)?画像|打基础)[^，。,；;]*',
  '(?<=[，,]\\s{0,2})(?:方便|准备|打算|以便)(?:以后|后面|后续|之后|下一步|接下来)[^，。,；;]*|(?<=[，,]\\s{0,2})看看能不能[^，。,；;]*',
].join('|'), 'g');

/** Said outright to be a second piece of work (另外, 此外, 除了…还), standing between the two. */
const ANOTHER = /另外|此外|除此之外|除了[^，。,；;]{1,16}(?:还|也|以外|之外)/;
/** 既…还/又/也: the 既 before the first, the second word after it. */
const BOTH_SIDES = /既[^。]{1,24}?(?:还|又|也)/;
/** A numbered list (1.… 2.…, ①…②…), each piece of work an entry of its own — not the agenda of one meeting. */
const FIRST_ENTRY = /(?:^|[\s，。,；;:：])(?:1|①|一)[.、)）](?!\d)/;
const NEXT_ENTRY = /(?:^|[\s，。,；;])(?:2|②|二)[.、)）](?!\d)/;
/** …or a clause that starts with 也/还 and goes to do something else (，还帮独居老人打扫了卫生). */
const ALSO_WENT = /[，,；;]\s{0,2}(?:我们?)?(?:也|还|又)(?:去|到|帮|给|为|做|搞|办|开|入户|走访|组织|参加|带)/;
/** Help that a talk gives its listeners (答疑, 教大家装反诈app, 发资料, 帮报名, 带小朋友玩游戏), or its notices put up (贴了通知). */
const AT_THE_TALK = /答疑|咨询|教|指导|下载|安装|注册|演示|讲解|报名|发|填|带|贴/;

/**
 * Whether two item words (`hits`, at least two items) are told as two pieces of work: a word that says
 * so stands between them. A talk and the help given to its listeners (讲了反诈，还给居民答疑) are one
 * event, so 也/还 alone does not split those.
 */
export function besides(text: string, hits: Map<ItemKey, string>): boolean {
  const at = firstAndLast(text, [...hits.values()]);
  if (!at) return false;
  const between = text.slice(at[0], at[1]);
  const listed = FIRST_ENTRY.test(text.slice(0, at[0] + 1)) && NEXT_ENTRY.test(between);
  if (ANOTHER.test(between) || listed || (BOTH_SIDES.test(text) && /还|又|也/.test(between))) return true;
  const talkAndHelp = hits.size === 2 && hits.has('huodong') && AT_THE_TALK.test(hits.get('shishi') ?? '');
  return !talkAndHelp && ALSO_WENT.test(between);
}

/**
 * Where the first of `words` starts in `text`, and where the text between them ends: up to the last
 * word's first characters (还给居民讲 has its 还 before the 给 the word starts with). Undefined with
 * fewer than two found.
 */
function firstAndLast(text: string, words: string[]): [number, number] | undefined {
  const at = words.map((w) => text.indexOf(w)).filter((i) => i >= 0).sort((a, b) => a - b);
  return at.length > 1 ? [at[0]!, at.at(-1)! + 2] : undefined;
}

/** Words that say a second piece of work follows (先…然后…). */
export const SEQUENCE = /然后|之后|后来|接着|另外|其次|又/;
/** 开了项目组会，也去入户走访了: a second piece of work added beside a project's. */
const ALSO = /(?:也|还|再)(?:去|给|帮|到|做|搞|办|开了|入户|走访)|同时/;

/** Whether a word that starts a second piece of work stands between the first and last of `words` (a project's and another's). */
export function separated(text: string, words: string[]): boolean {
  const at = firstAndLast(text, words);
  if (!at) return false;
  const between = text.slice(at[0], at[1]);
  return SEQUENCE.test(between) || ALSO.test(between);
}

/** Support work said before the project's word (核对了名单，还开了项目组的会): a piece of its own; after it, it serves the project. */
export function supportBefore(text: string, projectWord: string): string[] {
  const m = SUPPORT.exec(text);
  // (…not 为项目核对了名单, 整理了项目资料, 布置了会场: said to be for the project or its meeting)
  return m && m.index < text.indexOf(projectWord) && !/项目|会场|会议/.test(clauseOf(text, { start: m.index, end: m.index + m[0].length })) ? [m[0]] : [];
}
