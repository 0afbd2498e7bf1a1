/**
 * Two services told in one message (周一和今天都去了，周一那次已经报过了; 只报昨天的): which day is this record's, and
 * which clauses tell the other service, so that its hours, work and mode are not read into this one; and a plan moved
 * (本来周二要去…改成今天): the day for reportDates.ts, the place for reportCommunities.ts. Works on width-folded text
 * with the amounts masked (U+0001).
 */
import type { DateHit } from './reportDates.js';
import type { Span } from './numbers.js';
import { AS_PLANNED } from './reportPlans.js';
import { TOTAL_WORDS } from './reportPhrases.js';

/** The clause a day is said in, between punctuation or spaces (with an amount standing after it: 11/16又去帮忙 1小时). */
function clauseAround(text: string, h: Span): Span {
  const before = text.slice(0, h.start).search(/[，。,；;\s（()）][^，。,；;\s（()）]*$/);
  const after = text.slice(h.end).search(/[，。,；;\s（()）]/);
  const end = after < 0 ? text.length : h.end + after;
  return { start: before + 1, end: end + (/^\s{1,2}\u0001+(?=[，。,；;\s]|$)/.exec(text.slice(end))?.[0].length ?? 0) };
}

/** Where the clause before `at` starts. */
function clauseBefore(text: string, at: number): number {
  const head = text.slice(0, at).replace(/[，。,；;\s]+$/, '');
  return Math.max(...['，', '。', ',', '；', ';', '\n', '（', '('].map((c) => head.lastIndexOf(c))) + 1;
}

/**
 * Two services named, one kept out (周一那次已经报过了, 11号那次没签到就不报了) or one picked (只报昨天的, 先报昨天的):
 * the days of the other are not this record's — unless no day would be left.
 */
export function oneOfTwo(hits: DateHit[], notThis: Set<DateHit>, pinned: Set<DateHit>, outDays: Set<string>): DateHit[] {
  const days = (set: Iterable<DateHit>) => new Set([...set].flatMap((h) => (h.date ? [h.date] : [])));
  const picked = days(pinned);
  // (…and the days around it no more than context: 这周一和周二都去了，周二那次…)
  if (picked.size === 1) return hits.filter((h) => pinned.has(h) || (h.date ? picked.has(h.date) : !h.problem));
  const out = new Set([...days(notThis), ...outDays]);
  const kept = hits.filter((h) => !notThis.has(h) && !(h.date && out.has(h.date)));
  // (…and a time that is no one day in the clause kept out, 上次记的是走访, is none of this record's either)
  if (kept.some((h) => h.date)) return kept;
  const vague = hits.filter((h) => h.vague && notThis.has(h));
  return vague.length > 0 ? hits.filter((h) => !vague.includes(h)) : hits;
}

/** What picks one of two times told as the one reported (只报, 就记, 先报, 这条报, 报上周二的). */
const ONLY_THAT = /(?:只|就|仅|先|这条|这次)(?:想|要)?(?:补)?(?:报|记|算)(?:的是)?(?:一下)?\s{0,2}$/;
/** …or sent as this report's day by 报 alone (报上周二的, 我报11.17这天的, 今天报周一那次: 今天 read before, as U+0001) — not 周报, 汇报. */
const SENT_AS = /(?:^|[，。,；;:：\s\u0001]|我)报(?:的是)?\s{0,2}$/;
/** 周二那次, 今天下午那次: one visit of several named by its day. */
export const THAT_VISIT = '(?:上午|下午|晚上|早上)?\\s{0,2}(?:那|这)(?:次|天|回|趟)';
const THAT_VISIT_NEXT = new RegExp(`^\\s{0,2}${THAT_VISIT}`);
/** …kept out in its own clause (11号那次没签到就不报了, 前天那次是社团活动不算, 昨天那次是替我室友去的). */
const NOT_REPORTED = /没签|请假|早退|替|(?:想|记)不起|没去成|取消/;
/** …unless another day is told after it as reported too (周一那次辅导作业2小时，今天也是; 周一那次和今天都是…); a day already read stands as U+0001. */
const ALSO_DAY = /(?:今天|昨天|前天|今儿|(?:周|星期|礼拜)[一二三四五六日天]|\u0001+)\s{0,2}(?:也|都|又|一样)|[和跟与](?:今天|昨天|前天|(?:周|星期|礼拜)[一二三四五六日天]|\u0001+)\s{0,2}都/;
/** A clause keeping its visit out: LEFT_OUT's words (那次已经记了, 不报) or another reason it is no record (没签到, 请假, 替…去的). */
const notReported = (clause: string) => NOT_REPORTED.test(clause) || LEFT_OUT_IN.test(clause);
/** Several visits told (这周去了三次, 周一和周二都去了, 天天去). */
const MANY_VISITS = /(?:\d|[两二三四五六七几])\s{0,2}(?:次|回|趟|天)|都(?:去|在|到|跑)|天天|每天/;
/** A clause kept out that points back at the one before it (那次已经报过了, 不报了, 也报过了). */
const POINTS_BACK = /^[\s，。,；;]*(?:(?:那|这)(?:次|回|个|天)|不|先不|就不|已经?|也|都|但)/;
/** A clause that keeps its day out of this record (那次已经报过了, 那次没签到就不报了, 那个不算). */
// (found by its words, then widened to the clause around them: a pattern starting with the clause would be tried at every character)
const LEFT_OUT = /(?:不(?:想|要)?(?:报|算|记)(?![^，。,；;]{0,2}(?:路上|在内|进去|时间|得|住|录|在一起|分开))|先不报|不用报|就算了|算了|报过|(?<!登)记过|(?:已经?|早就?)(?:报|记)(?!录|在)|(?:那次|那回|的)(?:已经?)?(?:报|记)(?:过|了)|没签(?:上|到)|(?:明天|下次|回头|以后)再报)(?![名到道告])/g;
/** LEFT_OUT for one clause, with no lastIndex to carry over. */
const LEFT_OUT_IN = new RegExp(LEFT_OUT.source);
const CLAUSE_HEAD = /[^，。,；;:：（）()—！!\s]{0,40}$/;
const CLAUSE_TAIL = /^[^，。,；;:：（）()—！!\s]{0,8}/;

/**
 * The service before, told beside this one to set them apart (上次是帮着扫院子; 和上次辅导不一样; 这次不是扫雪了; 不是上回的
 * 走访; 上次扫雪这次没扫; ，不扫雪了，): from its words to the clause's end, when this one's time is told as well or it stands
 * in brackets (（上次记的是走访）) — not 上次 inside a
 * clause (复盘上次直播带货数据, 剪了上次活动的片子).
 */
const PREVIOUS = /(?<=^|[，。,；;！!\s：:（(|｜])(?:(?:和|跟|与)(?:上次|上回|上一次|上一回|前一次|之前那次)(?!差不多)|(?:上次|上回|上一次|上一回|前一次|之前那次))(?!(?:报|记|发)的(?!是)|一样|没|说的?|那|的|留下|剩下|约好)[^，。,；;！!|｜)）]{0,16}(?<!一样)|(?:这次|这回)?不是(?:上次|上回|上一次)?[^，。,；;\d\u0001]{1,12}?了(?![^，。,；;]{0,3}(?:吗|吧|么))|不是上回的[^，。,；;]{1,8}|(?:这次|这回)没[^，。,；;]{1,4}|(?<=^|[，。,；;！!\s])(?:这次|这回|今天)?不(?!是|算|报|记)[^，。,；;\d\u0001]{1,5}了(?=[，。,；;！!\s]|$)/g;
const THIS_TIME = /今天|昨天|前天|今儿|昨儿|周[一二三四五六日天]|星期|礼拜|\d{1,2}\s{0,2}[号日月.\/-]|这次|这回|换成|换了|不一样|不同/;

/** The clauses that keep a day out of this record, each with the clause before it when it points back (上周五也教过，那次已经报过了). */
export function keptOut(masked: string, reported: (readonly [number, number])[], previous: Span[]): [number, number][] {
  const left = [...masked.matchAll(LEFT_OUT)].map((q) => {
    const [i, j] = [q.index!, q.index! + q[0].length];
    return [i - CLAUSE_HEAD.exec(masked.slice(Math.max(0, i - 40), i))![0].length, j + CLAUSE_TAIL.exec(masked.slice(j))![0].length] as const;
  });
  return [...[...reported, ...left].map(([a, b]) => (POINTS_BACK.test(masked.slice(a, b)) ? [clauseBefore(masked, a), b] : [a, b])), ...previous.map(({ start, end }) => [start, end])] as [number, number][];
}

/** The clauses telling the service before this one (PREVIOUS), when this one's time is told as well. */
export function previousTimes(masked: string): Span[] {
  return [...masked.matchAll(PREVIOUS)].map((q) => ({ start: q.index!, end: q.index! + q[0].length }))
    .filter(({ start, end }) => /[（(]\s{0,2}$/.test(masked.slice(0, start)) || THIS_TIME.test(masked.slice(0, start) + masked.slice(end)));
}

/** A run of days or sessions told (连续三天, 连着两个周六, 搞了三场, 那三天的反诈宣传) — not 连着干了3小时, nor 3天前. */
const RUN = /(?:连续|连着)[^，。,；;]{0,4}(?:[两三四五六七八九十\d]|几)\s{0,2}(?:个\s{0,2})?(?:天|场|期|晚|次|讲|周|星期)|[两三四五六七八九十\d]\s{0,2}(?:场|天|期|晚|讲)(?!前|以前|之前)/;
/** Which one of a run (第三天, 最后一天, 头一天, 这第二次). */
const NTH_OF_RUN = '(?:第\\s{0,2}[一二三四五六七八九十\\d]{1,2}|最后\\s{0,2}一?|头\\s{0,2}一?)\\s{0,2}(?:天|次|场|期|晚|讲|回|趟)';
/** A day told as which of the run it was (今天第三天, 今天已经第四天了, 报的是昨天这第二次; 第二天就是昨天, 第二天，也就是上周六). */
const NTH_AFTER = new RegExp(`^\\s{0,2}(?:已经|就是|是|这|那)?\\s{0,2}${NTH_OF_RUN}`);
const NTH_BEFORE = new RegExp(`${NTH_OF_RUN}[，,]?\\s{0,2}(?:也)?(?:就)?(?:是|即)\\s{0,2}$`);
/** One of a run of days told without saying which day it was (连着搞了三场，我报第二场的; 那三天…的最后一天): no day. */
export const UNSAID_OF_RUN = `${NTH_OF_RUN}(?<=[两三四五六七八九十\\d]\\s{0,3}(?:场|天|期|晚)[^。]{0,24}?${NTH_OF_RUN})`;
/** Hours said for the whole run (一共4小时, 共6小时): no one day's. */
const TOTAL = new RegExp(`${TOTAL_WORDS}|(?<!公)共\\s{0,2}[\\d一二两三四五六七八九十\\u0001]`);

/** Whether `work` tells a run of days with no hours of the whole run. */
function inRun(work: string): boolean {
  return RUN.test(work) && !TOTAL.test(work);
}

/** Whether the day said between `start` and `end` is picked as the one reported (只报前天那次, 先把上周六的报了, 报上周二的, 连续三天…今天第三天). */
export function picksOut(work: string, start: number, end: number): boolean {
  // (…but not out of hours said for all the days: 连续两天…报今天的，共4小时)
  const before = work.slice(Math.max(0, start - 5), start);
  const nth = RUN.test(work) && (NTH_AFTER.test(work.slice(end, end + 10)) || NTH_BEFORE.test(work.slice(Math.max(0, start - 12), start)));
  if ((nth || SENT_AS.test(before)) && !TOTAL.test(work)) return true;
  return ONLY_THAT.test(before) || (/(?:只|先|就)把\s{0,2}$/.test(work.slice(Math.max(0, start - 3), start)) && /^(?:那次|的)?(?:报|记)/.test(work.slice(end, end + 4))) ||
    (THAT_VISIT_NEXT.test(work.slice(end, end + 6)) && MANY_VISITS.test(work) && !ALSO_DAY.test(work.slice(end)) && !notReported(work.slice(end).split(/[，。,；;]/)[0]!));
}

/** The clauses that tell the other service (昨天也去了两小时，我只报前天的): those of the days left out, and the clauses keeping them out. */
export function otherService(masked: string, hits: DateHit[], kept: DateHit[], outClauses: Set<readonly [number, number]>, pinned: Set<DateHit>): Span[] {
  // (…none when the day picked is one of a run, 从15号开始连续四天…今天已经第四天了: the run's other days are its context)
  if (kept === hits || (pinned.size > 0 && inRun(masked))) return [];
  const dropped = hits.filter((h) => h.date && !kept.includes(h)).map((h) => clauseAround(masked, h)).filter((c) => !kept.some((k) => k.start >= c.start && k.end <= c.end));
  return [...dropped, ...[...outClauses].map(([start, end]) => ({ start, end }))];
}

/** What comes next said after a later day (周五还有一场, 周末还要去, 明早还有, 下周接着搞). */
const NEXT_AFTER = /^[\s，,]{0,2}(?:还|接着|再|也)(?:有|要|得|会|去|约|来|搞|办|讲|上|辅导)/;
/**
 * Days told as what comes next beside the report (今天…督导 2小时 明早还有; …，周五还有一场): still to come (or a
 * week-end, next week, next time) and followed by 还有/还要/接着… — context, not the day of the report.
 */
export function laterDays(hits: DateHit[], masked: string, today: string): DateHit[] {
  // (…after a day or an amount said first: in 周五还去幸福里扫雪 or 老师好，周五还要去… the day is the report's, still to come)
  return hits.filter((h) => (h.date ? h.date > today : h.vague === true && /^(?:下|明|后|这?个?周末|过)/.test(h.phrase.trim())) && NEXT_AFTER.test(masked.slice(h.end, h.end + 6)) && /\u0001/.test(masked.slice(0, h.start)));
}

/** A plan moved (本来周二要去…，改成今天下午去的; 从锦绣社区被调到了保利香槟; 上周五的入户走访挪到了周一). */
const MOVED = /改(?:成|到|去|在|为|周)|挪到|推(?:迟)?到|延(?:后|期)?到|拖到|转场|调到|叫去|换(?:到|去)|没在[^，。,；;]{0,6}[，,]\s{0,2}去了/;

/** Whether what was planned, said at `from`, was moved to what is said at `to` (the planned one is not the report's). */
export function movedTo(text: string, from: Span, to: Span): boolean {
  const between = text.slice(from.end, to.start);
  // (…said as a plan changed — 本来, 原定, 因为下雪, 临时, 从…到 — not 批改了, 把轮椅推到医院, 下午换到锦绣社区继续扫)
  const said = text.slice(Math.max(0, from.start - 12), to.start);
  return from.end <= to.start && between.length <= 40 && !/[。!！?？]|把/.test(between) && MOVED.test(between) && CHANGED_BY.test(said);
}
const CHANGED_BY = new RegExp(`${AS_PLANNED}|原先|临时|因为|由于|改期|改时间|(?<![一后])从`);

/** Two days, the first moved to the second (原本11月12号的书法活动因为下雨改到了11月14号): the second. */
export function movedDays(hits: DateHit[], masked: string, today: string): DateHit[] {
  const dated = hits.filter((h) => h.date).sort((a, b) => a.start - b.start);
  const days = [...new Set(dated.map((h) => h.date))];
  if (days.length !== 2) return hits;
  const first = dated.find((h) => h.date === days[0])!;
  const second = dated.find((h) => h.date === days[1])!;
  return second.date! <= today && movedTo(masked, first, second) ? hits.filter((h) => h.date !== days[0]) : hits;
}
