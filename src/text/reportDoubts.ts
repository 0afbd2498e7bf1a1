/**
 * What a student says they are not sure of: a day doubted (好像是周一, 应该是昨天吧) and anything
 * said to be forgotten or unclear (记不清了, 说不准, 时长忘了多久). A report with either is asked
 * about, never recorded as it stands. Part of reportParser.ts; works on width-folded text.
 */

/** Unsure of what follows (好像是周一, 应该是昨天吧). */
export const DOUBT = /(?:好像|似乎|貌似|应该|可能|大概|估计|也许|或许)(?:是|在)?\s{0,2}$|(?<![a-z])(?:i think|i guess|maybe|probably|perhaps)(?: it was)?(?: on)?\s{0,2}$/;

/** Someone served, or help given to them, just before: 老人记不清吃药的时间, 帮说不清话的大爷 — their doubt, not the student's. */
const THEIRS = '(?<!(?:老人|居民|村民|大爷|大妈|大娘|奶奶|爷爷|阿姨|叔叔|孩子|小朋友|家长|患者|病人|他|她|人家|有的人|有些人|帮|给|替|为|教|陪)[^，。,；;]{0,4})';
/**
 * Said to be forgotten or unclear by the student: 记不清了, 不记得, 想不起来, 说不准, 不确定, 拿不准,
 * 搞不清, 时长忘了多久, 忘了是哪天 — not 忘了报 (sent late), 忘了带工具, nor what residents could not remember.
 */
const UNSURE = new RegExp(`${THEIRS}(?:记不(?:太)?(?:清|得|住)|(?:不|不太|没)记得|想不起(?:来)?|说不(?:准|好|清|上来)|(?:不|不太|拿不)确定|拿不准|吃不准|搞不清|弄不清|闹不清|` +
  '忘(?:了|记)?了?(?:是)?(?:哪天|哪一天|几号|多久|多长|几个?小时|干了?(?:啥|什么))|(?:时长|日期|哪天|几号|多久|多长|几个小时)[^，。,；;]{0,4}忘)');

/**
 * The question for a report with something the student is not sure of, quoting the clause it is in (时长忘了多久)
 * as sent (`text`, of which `folded` is the same length), or undefined.
 */
export function unsure(folded: string, text: string): string | undefined {
  const m = UNSURE.exec(folded);
  if (!m) return undefined;
  const start = Math.max(...[...'，。,；;!！?？\n'].map((c) => folded.lastIndexOf(c, m.index))) + 1;
  const end = folded.slice(m.index).search(/[，。,；;!！?？\n]/);
  const clause = text.slice(start, end < 0 ? undefined : m.index + end).trim();
  return `「${clause}」：有你说不准的地方，请在卡片里核对日期、时长和服务内容后提交。`;
}
