/**
 * A notice forwarded from a group with the student's word that it was done (【通知】请志愿者11月16日14:00-16:00在社区
 * 活动室辅导作业。 已完成): the notice tells the day, the time and the work of the student's own service. Without that
 * word (收到, 参加, 我舍友去了, 室友：已完成) the notice stays someone else's message (reportWhose.ts), and so it does when
 * the student stayed for part of it (只待到3点, 10点才到, 迟到了半小时): the notice's time is not the student's.
 * Works on width-folded text.
 */
import { blank } from './reportTopics.js';

/** The notice's head, and who forwarded it from where (转社区群里的【通知】：, 通知：). */
const HEAD = '(?:(?:转发?|转一下)[^【：:\\n]{0,12}?[：:]?\\s{0,2})?(?:【通知】|\\[通知\\]|(?<![^\\s：:])通知[：:])[：:]?';
const HEADED = new RegExp(HEAD);
const HEADS = new RegExp(HEAD, 'g');
/** Its call to the volunteers (请志愿者于, 请法学院的同学, 社区需要志愿者帮忙, 定于, 请准时): the asking, not the work. */
const CALL = /请(?:(?!项目|x)[^，。,；;\s]){0,10}?(?:志愿者|同学|成员|大家|青年)们?(?:于|在)?|(?:社区|村里|街道)?需要志愿者(?:帮忙|协助)?|定于|将于|拟于|请准时|(?:各位|广大)(?:志愿者|同学)们?[：:，,]?/g;
/**
 * The student's word that it was done, standing as a clause of its own (已完成✅, 做完了, 👌去了, 我们几个讲完了, 开完会了)
 * — not a reply to the call (参加, 我去！, +1) nor someone else's (室友：已完成).
 */
const DONE = /(?<![\u4e00-\u9fff\w]|[：:]\s{0,2})(?:我们?(?:几个|俩|仨)?|我也)?(?:已经?|都|以(?=完成))?(?:完成|参会|做完|开完会?|讲完|拍完|搞定|弄完|干完|忙完|(?:去|参加)(?=了|过))(?:了|啦|喽|过)*(?![\u4e00-\u9fff\w])/;
/** Part of the notice's time only (只待到3点, 3点就走了, 10点才到, 迟到了半小时, 提前半小时走的). */
const PART_OF_IT = /只待到|就走了|才到|迟到|早退|提前[^，。,；;]{0,6}走|中途[^，。,；;]{0,4}(?:走|离开)/;

/** `folded` with a forwarded notice's head and calls blanked (same length) when the student says it was done. */
export function withoutNoticeFrame(folded: string): string {
  if (!HEADED.test(folded) || PART_OF_IT.test(folded)) return folded;
  const headless = folded.replace(HEADS, blank);
  return DONE.test(headless) ? headless.replace(CALL, blank) : folded;
}
