/**
 * Reads a service report written in plain Chinese (PRODUCT.md §4): the "4+X" item, the
 * hours, the date, the service area, the mode and the community, keeping the rest as the
 * description.
 * Pure, synchronous and deterministic (`now` and the time zone are inputs). What it
 * cannot read it reports as `missing`; what it could read two ways it reports as an
 * `ambiguity` and leaves empty — the bot then asks with a prefilled card, it never
 * guesses silently.
 */
import { dayjs, localDate, startOfDate } from '../time.js';
import { findDurations, foldWidth, type Span } from './numerals.js';
import { findDates } from './reportDates.js';
import { findCommunity, type CommunityName } from './reportCommunities.js';
import { findArea, type AreaKey } from './reportAreas.js';
import { findItem, findLabel, type ItemKey } from './reportItems.js';
import { describe, findMode, resolveDate, resolveHours } from './reportPhrases.js';

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

const QUESTION = /[?？]\s*$|^\s*请问|什么意思|是什么|啥意思|怎么|怎样|如何|能不能|可不可以|是否|为什么|为啥|在哪|什么时候|啥时候|吗[\s?？。!！~]*$|呢[\s?？。!！~]*$/;
/** Asked outright (a question mark, 请问, 算不算, a closing 吗): not 讲怎么分垃圾. */
const ASKING = /[?？]\s*$|^\s*请问|问一下|吗[\s?？。!！~]*$|算不算|能不能算|可不可以算|是不是算|能算吗|能记吗|能算的话/;
/** Someone else's service (我室友…, 替组长报), a record held back (先不报), a group notice or an example. */
const NOT_MINE = /(?:^|[\s，。,；;])(?:我(?:妈|爸|室友|舍友|同学|朋友)|我们班[^，。,；;\s]{0,6}(?=今天|昨天|前天|上周|周[一二三四五六日]|在|去))(?![^，。,；;]{0,3}(?:一起|和我))|替[^，。,；;]{0,6}报|帮(?:她|他|他们)[^，。,；;]{0,3}(?:记|报)|帮[^，。,；;]{0,4}(?:室友|舍友|同学|组长|朋友)[^，。,；;]{0,2}(?:记|报)|我没去|我没参加|没去成|让我也记|先不报|不报了|不用报|先别记|别记了?|暂(?:时)?不记|先不记|@全体成员|每人按|辛苦大家|示例|格式[:：]|模板/;
const PLAN = /(?<!还)打算(?!再)|准备(?:去|要|在|给|下|参加|报名)|计划(?:去|要|在|于|下周|下次|下个|参加)|将于|将要|想(?:去|参加|报名)|(?<!不)要去|拟于|到时候|希望(?:能|去|参加)/;
const SMALL_TALK = /^\s*(?:你好|您好|hi|hello|嗨|哈喽|在吗|在不在|谢谢|多谢|好的|收到|ok|嗯+|哦+|早上好|晚安)[\s!！~。.，,呀啊哈了]*$/;

/** Hours after local midnight now: 21:30 → 21.5. */
function hourOfDay(now: number, timeZone: string): number {
  return (now - startOfDate(localDate(now, timeZone), timeZone)) / 3_600_000;
}

/** Whether a reading can be saved as it is; otherwise the bot asks with a prefilled card. */
export function recordable(parsed: ParsedReport): boolean {
  return parsed.missing.length === 0 && parsed.ambiguities.length === 0 && parsed.date !== undefined;
}

/**
 * Parses one plain-text service report. Never throws on any text; the same input always
 * gives the same output.
 */
export function parseReport(input: ParseInput): ParsedReport {
  const text = typeof input.text === 'string' ? input.text : '';
  const folded = foldWidth(text);
  const todayStr = localDate(input.now, input.timeZone);
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
  // 打算/准备去… is a plan: only service already done is recorded (下周还打算再去 is not the report's plan).
  const plan = PLAN.exec(masked);
  if (plan) ambiguities.push(`「${plan[0]}」听起来这次服务还没做。只能记录已经完成的服务，做完后再发给我。`);
  // Someone else's service, a message not meant as a record, an example: each student records their own.
  const notMine = NOT_MINE.exec(masked);
  if (notMine) ambiguities.push(`「${notMine[0].replace(/^[\s，。,；;]+/, '')}」听起来不是你本人要记的这次服务。每个人用自己的飞书账号记录自己的服务；如果是你自己的，请在卡片里确认后提交。`);
  // 今天晚上10点到11点, sent at 9 pm: a range still to come today.
  if (date === todayStr && durations.some((d) => d.endsAt !== undefined && d.endsAt > hourOfDay(input.now, input.timeZone))) {
    ambiguities.push('这段时间还没结束，只能记录已经完成的服务，做完后再发给我。');
  }


  const signals = [hours !== undefined || durations.some((d) => d.kind === 'range'), keywordItem !== undefined, hits.length > 0, community.communitySource === 'named', mode.modeSource === 'explicit'].filter(Boolean).length;
  const anyHours = durations.length > 0;
  // A question (怎么记录走访？) is a report only when it carries most of one; a statement
  // is one with any amount of time, two other signals, an explicit item, or an item
  // keyword told as done (走访了20位老人 — but not 我想参加走访).
  const done = keywordItem !== undefined && /了/.test(masked);
  const looksLikeReport = !command && !SMALL_TALK.test(folded) &&
    (/^\s*\/记录/.test(folded) || (QUESTION.test(folded) ? signals >= 3 : anyHours || signals >= 2 || label !== undefined || done));

  // A report asked as a question is answered with the form, never recorded as it stands:
  // 昨天辅导了2小时，算实事吗？
  if (looksLikeReport && !plan && ASKING.test(folded)) ambiguities.push('这句话像是在提问。如果是要记录服务，请在卡片里确认后提交；使用问题请发送 /帮助。');

  const missing: ParsedReport['missing'] = [];
  if (hours === undefined) missing.push('hours');
  if (keywordItem === undefined) missing.push('item');
  const area = findArea(masked);
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
