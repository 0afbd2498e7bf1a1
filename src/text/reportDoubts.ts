/**
 * What a student says they are not sure of: a day doubted (好像是周一, 应该是昨天吧) and anything
 * said to be forgotten or unclear (记不清了, 说不准, 时长忘了多久). A report with either is asked
 * about, never recorded as it stands. Part of reportParser.ts; works on width-folded text.
 */

/** Unsure of what follows (好像是周一, 应该是昨天吧). */
export const DOUBT = /(?:好像|似乎|貌似|应该|可能|大概|估计|也许|或许)(?:是|在)?\s{0,2}$|(?<![a-z])(?:i think|i guess|maybe|probably|perhaps)(?: it was)?(?: on)?\s{0,2}$/;

/** Someone served or met, or help given to them, just before: 老人记不清吃药的时间, 帮说不清话的大爷 — their doubt, not the student's. */
const THEIRS = '(?<!(?:老人|老年人|居民|村民|大爷|大妈|大娘|奶奶|爷爷|阿姨|叔叔|孩子|小朋友|学生|家长|患者|病人|网格员|医生|主任|书记|他|她|人家|有的人|有些人|帮|给|替|为|教|陪)[^，。,；;]{0,4})';
/** Words of not being sure, standing alone too: 记不清, 不记得, 想不起来, 说不准, 不确定, 拿不准, 搞混. */
const NOT_SURE_ALONE = '(?:记不(?:太)?(?:清|得|住)|(?:不|不太|没)记得|想不起(?:来)?|说不(?:准|好|清)|(?:不|不太|拿不)确定|拿不准|吃不准|(?:搞|弄|闹)不(?:太)?清|(?:搞|记|弄)混)';
/** …and 忘了, which alone may be the report forgotten (我都忘了🙈现在才报), said of what the report must say. */
const NOT_SURE = `(?:${NOT_SURE_ALONE}|忘(?:了|记)?了?)`;
/** What a report must say — the day, the hours, the place, the work — or a choice between two (是石油街还是北街). */
const FIELD = '(?:哪天|哪一天|几号|日子|日期|哪个?(?:社区|村|小区|地方|街道)|在哪|地点|多久|多长|几个?小时|时长|(?:干|做)(?:了|的)?(?:啥|什么)|服务内容|是[^，。,；;]{1,8}还是[^，。,；;]{1,8}|[^，。,；;]{0,6}(?:天|号|日|周[一二三四五六日天]|社区|村|街道|小时|钟|点)还是[^，。,；;]{0,6}(?:天|号|日|周[一二三四五六日天]|社区|村|街道|小时|钟|点)(?=[^，。,；;]{0,2}(?:记不|不记得|忘|想不起|搞混|记混|说不)))';
/**
 * Said to be forgotten or unclear by the student, of what the report must say: 时长忘了多久, 哪个社区记不太清了,
 * 日子我忘记了, 忘了是哪天, 具体是石油街还是北街我有点搞混了, 大前天还是大大前天来着 — or the doubt standing alone (记不清了，…, 具体说不清😵).
 * Not of anything else (记不清具体几点开始的，反正两小时; 摘了多少筐记不清了), nor what residents could not remember.
 */
const UNSURE = new RegExp(`${THEIRS}(?:${FIELD}[^，。,；;]{0,8}${NOT_SURE}|${NOT_SURE}[^，。,；;]{0,3}(?:是)?${FIELD})|` +
  `(?:^|[，。,；;!！\\s])(?:具体|我|也|都|有点|实在)*${NOT_SURE_ALONE}(?:了|啦)?(?=[^\\u4e00-\\u9fa5]|$)|还是[^，。,；;]{1,8}来着|` +
  // …the telling put off (具体干啥等我整理下再说) and a break inside the time with no amount for it (8点到12点，中间回学校上了节课)
  `(?<!(?:照片|图片|图|视频|材料|总结|心得)[^，。,；;]{0,3})(?:等|回头|晚点|稍后)[^，。,；;]{0,8}再(?:说|报|补|告诉|发)|` +
  `(?:中间|中途|期间)(?![^，。,；;]{0,4}(?:陪|喂|帮|给))[^，。,；;]{0,4}(?:回(?:学校|宿舍|寝室|家)|去上课|上了?[^，。,；;]{0,3}课|吃(?:了)?(?:个|顿|点)?饭|离开)(?![^，。,；;]{0,10}(?:\\d|[一二两俩仨三四五六七八九十半]个?(?:小时|钟头|分钟))|[^。]{0,20}(?:实际|有效|净|扣除|除去))`);

/**
 * The question for a report with something the student is not sure of, quoting the clause it is in (时长忘了多久)
 * as sent (`text`, of which `folded` is the same length), or undefined.
 */
export function unsure(folded: string, text: string): string | undefined {
  const m = UNSURE.exec(folded);
  if (!m) return undefined;
  // (a match may start on the mark before the clause: the clause is what follows it)
  const start = Math.max(...[...'，。,；;!！?？\n'].map((c) => folded.lastIndexOf(c, m.index))) + 1;
  const end = folded.slice(start).search(/[，。,；;!！?？\n]/);
  const clause = text.slice(start, end < 0 ? undefined : start + end).trim();
  return `「${clause}」：有你说不准的地方，请在卡片里核对日期、时长和服务内容后提交。`;
}
