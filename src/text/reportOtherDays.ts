/**
 * Days told in a report that are not the day of its service: a day it is likened to (跟昨天一样, 还是上周那家物业),
 * the student's own night before it (昨晚没睡好), a day still to come that the work was for (布置明天开会用的会场) and the
 * time a plan made at a meeting was for (讨论下学期怎么常态化).
 * Part of reportDates.ts; works on its text, where the days already read stand as U+0001.
 */
import type { DateHit } from './reportDates.js';

/** The student's own night told before the service (昨晚没睡好, 追剧追到两点, 梦见挂科了). */
const OWN_NIGHT = /^(?:晚上|夜里)?(?:我)?(?:又|都|也)?(?:没睡好|睡不着|追剧|梦见|失眠|打游戏)/;
/** Before and after a day the service is likened to: 跟昨天一样, 和上回差不多, 还是上周那家. */
const LIKENED_BEFORE = /(?:跟|和|与|同|像)\s{0,2}$|还是\s{0,2}$/;
const LIKENED_AFTER = /^\s{0,2}(?:的?(?:一样|差不多|似的|相同|那样)(?!\s{0,2}[，,]?\s{0,2}(?:也)?都)|(?<=^\s{0,2})(?:那|的)(?:家|个|位|里|地方|处))/;

/** A day still to come said by its distance from today (明天, 后天, 下周三). */
const AHEAD = /^(?:明天|明儿|明早|明晚|明日|后天|下周|下个?星期|下礼拜)/;
const FOR_USE = /^[^，。,；;]{0,4}用的/;
const GOING_ON = /^\s{0,2}(?:上午|下午|晚上|早上|中午)?\s{0,2}(?:还|再|也|又|接着|继续|要|得|去|来|会|在)/;

/** 今天布置明天开会用的会场, …，明天有第2期老年课: a day still to come beside a day done is what the work was for, not another day of it. */
export function aheadDropped(hits: DateHit[], todayIso: string, work: string): DateHit[] {
  // (…or any day to come that something is for: 布置周五开会用的会议室; not 明天还得去, 明天再去: the work going on then, asked about as before)
  const ahead = (h: DateHit) => h.date !== undefined && h.date > todayIso && (AHEAD.test(h.phrase) || FOR_USE.test(work.slice(h.end, h.end + 8))) && !GOING_ON.test(work.slice(h.end, h.end + 3));
  // (the same array when nothing is dropped: a new one tells otherService that a day was kept out)
  if (!hits.some(ahead) || !hits.some((h) => h.date && h.date <= todayIso)) return hits;
  return hits.filter((h) => !ahead(h));
}

/** Whether the day read at `start`–`end` of `work` is likened to or the student's own night, not the service's. */
export function notTheDay(work: string, start: number, end: number): boolean {
  return (LIKENED_BEFORE.test(work.slice(Math.max(0, start - 4), start)) && LIKENED_AFTER.test(work.slice(end, end + 6))) || OWN_NIGHT.test(work.slice(end, end + 12));
}

/** A time still to come (下周, 下学期, 明年, next week). */
const FUTURE = /^(?:下|明年|后年|next)/;
/**
 * A time still to come right after a word of planning (讨论下学期怎么常态化, 排下周配送班次) is the plan's
 * topic, not the day of the work — when the report tells of a meeting or of a plan made that day
 * (MEETING); a plan alone (安排下周扫雪, 策划下周的反诈讲座) is no report and its day is kept, to be asked
 * about.
 */
const PLANNED_FOR = /(?:讨论|商量|商讨|研究|排|安排|规划|策划|部署|筹备|确定|敲定|制定|商定|定|聊)(?:了|一下|好)?[^，。,；;\u0001]{0,4}$/;
/** A meeting held, or a plan written or scheduled, that day (开项目组例会, 排下周的送餐班次, 写下学期的方案). */
const MEETING = /例会|周会|组会|开会|会议|碰头会|讨论会|推进会|筹备会|启动会|项目|座谈|班次|班表|值班表|排班|排期|分工|方案|计划书|策划书|清单/;
/** …not a trip still to come (商量好下周去走访). */
const TRIP = /^\s{0,2}(?:[一二三四五六日天\d]|的?(?:时候|再|去|来|到|要|就|还|继续|在|开始))/;

/** Whether a time that is no one day (下周, 12月) read at `start`–`end` of `work` is the topic of a plan made at a meeting told in `masked`. */
export function plannedFor(phrase: string, work: string, start: number, end: number, masked: string): boolean {
  return (FUTURE.test(phrase) || /^\S{1,2}月$/.test(phrase)) && PLANNED_FOR.test(work.slice(Math.max(0, start - 8), start)) && MEETING.test(masked) && !TRIP.test(work.slice(end, end + 4));
}
