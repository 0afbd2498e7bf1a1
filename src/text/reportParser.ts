/**
 * Reads a service report written in plain Chinese (PRODUCT.md §4): the "4+X" item, the
 * hours, the date, the service area, the mode and the community, keeping the rest as the
 * description.
 * Pure, synchronous and deterministic (`now` and the time zone are inputs). What it
 * cannot read it reports as `missing`; what it could read two ways it reports as an
 * `ambiguity` and leaves empty — the bot then asks with a prefilled card, it never
 * guesses silently.
 */
import { dayjs, hourOfDay, localDate } from '../time.js';
import { clockTimes, findDurations, foldWidth, type Span } from './numerals.js';
import { simplified } from './simplified.js';
import { timeOff } from './reportBreaks.js';
import { findDates } from './reportDates.js';
import { laterDays } from './reportTwoServices.js';
import { withoutMemoStamp } from './reportDayLabels.js';
import { findCommunity, type CommunityName } from './reportCommunities.js';
import { findArea, type AreaKey } from './reportAreas.js';
import { findItem, noMainOne, parallel, twoPieces, type ItemKey } from './reportItems.js';
import { evenPieces } from './reportTwoPieces.js';
import { HANDS_WORK, VISIT_PAPERS } from './reportItemWords.js';
import { findLabel } from './reportLabels.js';
import { describe, joinWords, resolveDate, resolveHours, unjoin } from './reportPhrases.js';
import { entries, entryAt, perEntry } from './reportEntries.js';
import { standing } from './reportTakenBack.js';
import { findMode } from './reportMode.js';
import { repeats, type Repeats } from './reportRepeats.js';
import { DOUBT, unsure } from './reportDoubts.js';
import { QUESTION, asksOfReport, withoutCountsCheck, withoutLeadingCheck, withoutQuotedAsk } from './reportQuestions.js';
import { fixTypos } from './reportTypos.js';
import { plainClockTimes } from './clockTimes.js';
import { firstPlan } from './reportPlans.js';
import { withoutNoticeFrame } from './reportNotices.js';
import { filledForNamed, groupTotal, LATIN_NAME, NOT_MINE, PASSED_ON, SHARED } from './reportWhose.js';

export type { ItemKey } from './reportItems.js';
export type { AreaKey } from './reportAreas.js';

/** What {@link parseReport} needs: the text, the clock, and the communities it may name. */
export interface ParseInput {
  text: string;
  /** Epoch ms; "今天" is the calendar day of `now` in `timeZone`. */
  now: number;
  /** IANA zone of the school (the context's `timeZone`), e.g. 'Asia/Shanghai'. */
  timeZone: string;
  communities: CommunityName[];
  /** Used when the text names no place at all (a place the list does not know gets no community). */
  pairedCommunityId?: number | null;
}

/** What was read. Conflicting readings leave the field empty and explain in `ambiguities`. */
export interface ParsedReport {
  item?: ItemKey;
  /** The name of the X item (`X项目：垃圾分类宣传` → 垃圾分类宣传). */
  itemLabel?: string;
  /** One of the notice's nine areas, when the words point at exactly one. */
  area?: AreaKey;
  /** As stated; absent when it breaks the hours rule (0.5–12 in half hours), with the rule in `ambiguities`. */
  hours?: number;
  /** YYYY-MM-DD in the time zone; absent when the date named names no single past day. */
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

/** A change to a record already sent (上一条作废, 刚才那条写错了, 把昨天那条删掉): not a new report. */
const EDIT = /(?:上|刚才|刚刚|之前|前面|昨天)(?:发|报|记|提交)?的?(?:那|这)?一?条(?![路街河道线巷沟渠])|作废|(?:撤回|删掉|删除)(?=[^，。,；;]{0,6}(?:记录|那条|这条|吧|一下|$))|(?:时长|日期|时间|小时|那条|这条|刚才|之前|记录|我)[^，。,；;]{0,6}(?:记|写|填|发|报)错|(?:时长|日期|记录|那条|这条|小时)[^，。,；;]{0,6}改(?:成|为)|改(?:成|为)(?<!(?:(?:本来|原本|原先)\u0001*(?:是)?(?:要|想|打算|约|说好|定|去|在)|原计划|原定)[^。]{0,28}改(?:成|为))[^，。,；;]{0,3}\u0001/;

/** A day said of sending the report, not of the service (今天想起来报一下, 今天才补报). */
const REPORTED_ON = /^\s{0,2}(?:是|这是|这条是)?(?:才|又|就|再|刚|突然|终于)?(?:想起来|记起来|想起|补报|补记|补录|补登|补发|来报|报一下|才报|补一下|有空(?:来)?报)/;
const SMALL_TALK = /^\s*(?:你好|您好|hi|hello|嗨|哈喽|在吗|在不在|谢谢|多谢|好的|收到|ok|嗯+|哦+|早上好|晚安)[\s!！~。.，,呀啊哈了]*$/;

/** `masked` with each amount of time (not the dates) as U+0002. */
function markAmounts(masked: string, durations: Span[]): string {
  let out = masked;
  // (only what was masked: the work said inside a range, 1.30开始辅导作业，到3.30结束, stays)
  for (const d of durations) out = out.slice(0, d.start) + out.slice(d.start, d.end).replace(/\u0001/g, '\u0002') + out.slice(d.end);
  return out;
}

/** Where a report may start again after a correction: after a full stop, a colon, a line break or an emoji. */
const RESTART = /[。！!：:\n]|\p{Extended_Pictographic}/gu;

/**
 * A correction of the last record followed by the whole report again (更正上一条：不是龙江社区，是康宁社区。
 * 昨天下午给康宁社区的孩子辅导作业两个半小时): the report as restated, read on its own, when it can be
 * recorded and says its day or its place; otherwise undefined (刚才那条时长写错了，应该是2小时 is asked about).
 */
function restated(input: ParseInput, folded: string, editEnd: number): ParsedReport | undefined {
  for (const m of folded.slice(editEnd).matchAll(RESTART)) {
    const start = editEnd + m.index + m[0].length;
    const again = parseReport({ ...input, text: ' '.repeat(start) + input.text.slice(start) }, true);
    if (again.looksLikeReport && recordable(again) && (again.dateSource === 'explicit' || again.communitySource === 'named')) return again;
  }
  return undefined;
}

const NOT_MINE_ALL = new RegExp(NOT_MINE.source, 'g');

/** `text` with the spans blanked, each index kept where it was. */
function outOf(text: string, spans: Span[]): string {
  return spans.reduce((t, c) => t.slice(0, c.start) + ' '.repeat(c.end - c.start) + t.slice(c.end), text);
}

/** Whether a reading can be saved as it is; otherwise the bot asks with a prefilled card. */
export function recordable(parsed: ParsedReport): boolean {
  return parsed.missing.length === 0 && parsed.ambiguities.length === 0 && parsed.date !== undefined;
}

/**
 * The longest text read as a report: the log form's description holds 500 characters, and some
 * readings cost time growing with the square of the length (a 20,000-character message, the most a
 * text event carries, would hold the event loop for seconds). Longer text is asked to be cut down.
 */
export const REPORT_MAX_CHARS = 500;

/**
 * Parses one plain-text service report. Never throws on any text; the same input always
 * gives the same output. (`restating`: the report restated after a correction, read once more.)
 */
/**
 * An item named in one entry of a list names that entry only (1. X：整理材料 1小时 ⏎ 2. 入户走访 1小时): the item of
 * the entries that name none, where it is another one, is a second piece of work.
 */
function otherEntry(folded: string, marked: string, label: { item: ItemKey; at: number }, durations: Span[]): ItemKey[] | undefined {
  // (entries each with their own time: not a form's fields, 一、项目：…X项目 ⏎ 三、内容：…)
  const timed = (e: Span) => durations.some((d) => d.start >= e.start && d.end <= e.end);
  const own = entryAt(folded, label.at);
  if (!own || !timed(own)) return undefined;
  const rest = entries(folded).filter((e) => e.start !== own.start && timed(e) && !findLabel(folded.slice(e.start, e.end), marked.slice(e.start, e.end)));
  const item = rest.length > 0 ? findItem(rest.map((e) => marked.slice(e.start, e.end)).join('\n'), [], true) : undefined;
  // (…not help given to the event or project named: 1. 活动：反诈宣讲 ⏎ 2. 布置会场; 1. 项目：例会 ⏎ 2. 整理会议纪要)
  const serves = item === 'shishi' && (label.item === 'huodong' || label.item === 'xiangmu');
  return item && item !== label.item && !serves ? [label.item, item] : undefined;
}

export function parseReport(input: ParseInput, restating = false): ParsedReport {
  const text = typeof input.text === 'string' ? input.text : '';
  if (text.length > REPORT_MAX_CHARS) {
    return {
      dateSource: 'default_today',
      mode: 'offline',
      modeSource: 'default',
      description: text.slice(0, REPORT_MAX_CHARS),
      missing: ['hours', 'item'],
      ambiguities: [`这条消息有 ${text.length} 个字，一条记录最多 ${REPORT_MAX_CHARS} 字。请只写这一次服务：哪天、多长时间、在哪里、做了什么。`],
      looksLikeReport: true,
    };
  }
  // (扫血, 设区, 量个小时: words typed by sound are read as the words meant)
  const todayStr = localDate(input.now, input.timeZone);
  const today = dayjs.utc(todayStr);
  // (a memo's stamp line, 2026年11月18日 07:50⏎…, tells when the note was written; a notice forwarded with 已完成
  // tells the service done)
  // (…and a question about an earlier record before the report, 上次那条记上了吗？今天…, blanked)
  const folded = withoutLeadingCheck(withoutNoticeFrame(withoutMemoStamp(plainClockTimes(fixTypos(simplified(foldWidth(text)))), today)));
  // (the bot's question a reply quotes, 回复 社区实践助手：请问走访的单位是？⏎…, tells what is answered but asks nothing)
  const unquoted = withoutQuotedAsk(folded);
  const ambiguities: string[] = [];
  const removed: Span[] = [];

  const { durations, masked: afterHours } = findDurations(folded);
  const { hits: named, masked, elsewhere } = findDates(afterHours, today);
  // 每次1.5小时…去了两次, 上午…，下午又去了两个小时: hours told in pieces are put together first — not those of
  // another service kept out of this record (昨天也去了两小时，我只报前天的).
  // (…but a numbered list's entries, each with its own amount, are pieces already: 1. 开例会 1h ⏎ 2. 定计划 1h)
  const own = durations.filter((d) => !elsewhere.some((c) => d.start >= c.start && d.end <= c.end));
  const exact = own.filter((d) => d.kind !== 'vague');
  const pieces: Repeats = exact.every((d) => d.kind === 'amount') && perEntry(folded, exact) ? { durations: own, counted: false } : repeats(own, folded);
  if (pieces.problem) ambiguities.push(pieces.problem);
  const stated = resolveHours(pieces.durations, folded, removed, ambiguities);
  const hours = pieces.problem ? undefined : stated;
  removed.push(...named);
  // 昨天，哦不对，前天: the day taken back is no day of the report; nor is the day it is sent on
  // (前阵子做过…，今天想起来报一下).
  // …nor a later day told as what comes next (…，周五还有一场).
  const later = laterDays(named, masked, todayStr);
  const hits = standing(named, folded).filter((h) => !REPORTED_ON.test(folded.slice(h.end, h.end + 10)) && !later.includes(h));
  // (明天，不对，是今天……哎我也搞不清了: the last day said taken back with none in its place leaves no day)
  const lastDay = named.at(-1);
  const dayDoubted = lastDay?.date !== undefined && standing([lastDay], folded, true).length === 0;
  if (dayDoubted) ambiguities.push(`「${text.slice(lastDay!.start, lastDay!.end)}」后面又说不准了，请确认服务是哪一天。`);
  const date = dayDoubted ? undefined : resolveDate(hits, todayStr, ambiguities);
  // (…the clauses of another service kept out of this record blanked: 周一那次是线下的，已经报过了)
  // (…and the clauses of time taken off the amount: 含培训半小时，培训不算)
  const thisOne = outOf(masked, [...elsewhere, ...timeOff(durations, folded)]);
  const mode = findMode(thisOne, removed, ambiguities);
  const community = findCommunity(folded, input, ambiguities);

  const label = findLabel(folded, masked);
  if (label?.span) removed.push(label.span);
  const command = /^\s*\/(?!记录)/.test(folded);
  if (!label && /^\s*\/记录/.test(folded)) removed.push({ start: 0, end: folded.indexOf('录') + 1 });
  // What was done, and whose and when it was, is read with Chinese typed word by word joined up.
  const words = joinWords(masked);
  // …the amounts marked apart from the dates, so that a clause with hours of its own can be told.
  // (…and not the work of another service kept out of the record: 周一那次是入户，已经报了)
  const amountsMarked = markAmounts(thisOne, durations);
  const itemText = joinWords(amountsMarked).text;
  const keywordItem = label ? label.item : findItem(itemText, ambiguities);
  // (two pieces of work of different items, the same time each and added up: neither is the main one)
  const evenly = label || keywordItem === undefined ? undefined : evenPieces(amountsMarked, durations, stated);
  const evenItems = evenly?.map((piece) => findItem(piece, [], true) ?? (HANDS_WORK.test(piece) || /(?<!出)发(?:放|了)/.test(piece) ? 'shishi' : undefined));
  // (…not a visit and desk work on its own papers: 上午入户访谈两小时，下午把访谈录音转成文字两小时)
  const ownPapers = evenItems?.includes('zoufang') && evenly!.some((piece) => piece.search(VISIT_PAPERS) >= 0);
  // (…nor a meeting or an event and the work on its own papers or venue: 1. 例会 1小时 ⏎ 2. 整理会议纪要 1小时)
  const forItsOwn = evenItems?.some((k) => k === 'xiangmu' || k === 'huodong') && evenly!.some((piece, i) => evenItems![i] === 'shishi' && /纪要|会议|方案|会场/.test(piece));
  if (evenItems?.[0] && evenItems[1] && evenItems[0] !== evenItems[1] && !ownPapers && !forItsOwn) ambiguities.push(twoPieces(evenItems as ItemKey[]));
  // An item chosen, and a second one beside it (/记录 走访 实事), or halves of two items told after it.
  // (…or another entry of a list beside the one it is named in, of another item: 1. X：整理材料 1小时 ⏎ 2. 入户走访 1小时)
  const twoItems = label ? (label.also ? [label.item, label.also] : parallel(itemText, true) ?? otherEntry(folded, amountsMarked, label, durations)) : undefined;
  if (twoItems) ambiguities.push(twoPieces(twoItems));
  // (…or two pieces said to take the time evenly, after the item chosen: /记录 走访 3小时 入户和宣讲各一半)
  const even = label && !twoItems ? noMainOne(itemText) : undefined;
  if (even) ambiguities.push(even);
  // 打算/准备去… is a plan: only service already done is recorded (下周还打算再去 is not the report's plan).
  // (what comes next after a later day, …，周五还要去, is no plan of this report)
  const plan = firstPlan(words.text, (at) => later.some((h) => { const from = unjoin(words, at, at + 1).start; return from >= h.end && from - h.end <= 3; }));
  // The words quoted back come from the text as sent: the masked one has U+0001 for dates and amounts.
  const quote = (m: RegExpExecArray) => {
    const { start, end } = unjoin(words, m.index, m.index + m[0].length);
    return text.slice(start, end).replace(/^[\s，。,；;:：!！]+/, '');
  };
  if (plan) ambiguities.push(`「${quote(plan)}」听起来这次服务还没做。只能记录已经完成的服务，做完后再发给我。`);
  // Someone else's service, a message not meant as a record, an example: each student records their own.
  // (…not a clause about another service kept out of this record: 11号那次没签到就不报了)
  const aside = (m: RegExpExecArray) => { const at = unjoin(words, m.index, m.index + m[0].length); return elsewhere.some((c) => at.start >= c.start && at.end <= c.end); };
  const other = [...words.text.matchAll(NOT_MINE_ALL)].find((m) => !aside(m)) as RegExpExecArray | undefined ?? PASSED_ON.exec(words.text) ?? filledForNamed(words.text) ?? (pieces.counted ? null : SHARED.exec(words.text));
  const notMine = other ? quote(other) : LATIN_NAME.exec(text)?.[0].trim();
  if (notMine) ambiguities.push(`「${notMine}」听起来不是你本人要记的这次服务。每个人用自己的飞书账号记录自己的服务；如果是你自己的，请在卡片里确认后提交。`);
  const together = notMine ? null : groupTotal(words.text);
  if (together) ambiguities.push(`「${quote(together)}」听起来是几个人加起来的时长，请填写你本人这次服务的小时数。`);
  const edit = EDIT.exec(words.text);
  const again = edit && !restating ? restated(input, folded, unjoin(words, edit.index, edit.index + edit[0].length).end) : undefined;
  if (again) return again;
  if (edit) ambiguities.push(`「${quote(edit)}」听起来是在改之前的记录。待审核的记录可以发送 /我的 撤回后重新记录；如果这是一条新的服务，请在卡片里确认后提交。`);
  // 今天晚上10点到11点 or 今晚十点以后…1小时, sent at 9 pm: service still to come today.
  if (date === todayStr) {
    const nowHour = hourOfDay(input.now, input.timeZone);
    const evening = hits.some((h) => h.date === todayStr && /晚|夜/.test(h.phrase));
    const ends = [
      // (今晚七点到九点: the 晚 is the day's, so the range's ends are in the evening)
      ...durations.flatMap((d) => (d.endsAt !== undefined ? [d.endsAt + (evening && d.endsAt <= 12 ? 12 : 0)] : [])),
      ...clockTimes(masked, evening).map((at) => at + (hours ?? 0)),
    ];
    if (ends.some((end) => end > nowHour)) ambiguities.push('这段时间还没结束，只能记录已经完成的服务，做完后再发给我。');
  }
  // 好像是周一, 应该是昨天: a day the student is not sure of.
  const doubted = hits.find((h) => h.date && DOUBT.test(folded.slice(Math.max(0, h.start - 16), h.start)));
  if (doubted) ambiguities.push(`「${doubted.phrase}」说得不确定，请确认是哪一天。`);
  // 记不清了, 说不准, 时长忘了多久: something the student is not sure of, however it is said.
  const notSure = ambiguities.length === 0 ? unsure(folded, text) : undefined;
  if (notSure) ambiguities.push(notSure);


  const signals = [hours !== undefined || durations.some((d) => d.kind === 'range'), keywordItem !== undefined, hits.length > 0, community.communitySource === 'named', mode.modeSource === 'explicit'].filter(Boolean).length;
  const anyHours = durations.length > 0;
  // A question (怎么记录走访？) is a report only when it carries most of one; a statement
  // is one with any amount of time, two other signals, an explicit item, or an item
  // keyword told as done (走访了20位老人 — but not 我想参加走访).
  const done = keywordItem !== undefined && /了/.test(masked);
  // (…read without a closing check whether it counts, 这个能报吗, which the record answers)
  const unchecked = withoutCountsCheck(unquoted);
  const looksLikeReport = !command && !SMALL_TALK.test(folded) &&
    (/^\s*\/记录/.test(folded) || (QUESTION.test(unchecked) ? signals >= 3 : anyHours || signals >= 2 || label !== undefined || done));

  // A report asked as a question is answered with the form, never recorded as it stands:
  // 昨天辅导了2小时，算实事吗？
  // (a quoted title, 主讲“隔夜菜到底能不能吃”, asks nothing)
  if (looksLikeReport && !plan && asksOfReport(unchecked, keywordItem)) ambiguities.push('这句话像是在提问。如果是要记录服务，请在卡片里确认后提交；使用问题请发送 /帮助。');

  const missing: ParsedReport['missing'] = [];
  if (hours === undefined) missing.push('hours');
  if (keywordItem === undefined) missing.push('item');
  // (the area of this service: not that of another told beside it, 上回是辅导)
  const area = findArea(elsewhere.length > 0 ? joinWords(thisOne).text : words.text);
  return {
    item: keywordItem,
    ...(area ? { area } : {}),
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
