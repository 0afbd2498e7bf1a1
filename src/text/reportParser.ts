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
import { clockTimes, findDurations, foldWidth, type Span } from './numerals.js';
import { findDates } from './reportDates.js';
import { findCommunity, type CommunityName } from './reportCommunities.js';
import { findArea, type AreaKey } from './reportAreas.js';
import { findItem, findLabel, parallel, twoPieces, type ItemKey } from './reportItems.js';
import { describe, findMode, joinWords, resolveDate, resolveHours, standing, unjoin } from './reportPhrases.js';

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
/**
 * Asked outright, not told: a question mark, 请问/想问, a closing 吗/不/吧 after 能/可以/算 (能算不,
 * 可以记吧), an A-not-A (算不算, 行不行), 怎么记/怎么填 (not 教老人怎么填表), 算哪类, 实事还是活动.
 */
const ASKING = new RegExp([
  '[?？]\\s*$|^\\s*请问|想问|想请问|请教一?下|问一?下(?=[\\s，,:：]|老师|您|你|这|那)|咨询一?下(?=[\\s，,:：]|老师|您|你|这|那)',
  '吗(?=[\\s，,。.!！?？~～]|$)|(?<![什怎那这多])么[\\s?？。!！~～]*$',
  '(?:能|可以|行|算|要|用|需要|记|对|够)[^，。,；;]{0,8}不[呀啊呢哈嘛]?[\\s?？。!！~～]*$',
  // (可以记吧, 这样对吧 — not 效果还可以吧, which tells how it went)
  '(?:(?:可以|能)(?:记|算|报|登记)[^，。,；;]{0,4}[吧嘛]|(?:这样|这么)[^，。,；;]{0,4}(?:可以|行|对)[吧嘛]|对吧|没问题吧|算(?!是)[^，。,；;]{0,5}吧)[\\s?？。!！~～]*$',
  // (not a question put to residents: 问了问他们，能不能提供实习岗位)
  '(?<!(?:问|看看|了解|检查|确认|查)[^，。,；;]{0,8}|(?:问了?问?|询问|咨询)(?:他们|她们|居民|村民|商家|企业|老板|业主|老人|大家|负责人)[^，。,；;]{0,4}[，,]\\s{0,2})(?:算不算|能不能|可不可以|行不行|好不好|(?<!不)对不对|要不要|需不需要|用不用|够不够|是不是(?=[^，。,；;]{0,4}(?:算|可以|能|要|这样|对|没|记)))',
  '(?<!(?:教|讲|告诉|指导|演示|示范|学|说明|介绍)[^，。,；;]{0,10})(?:怎么|咋|如何|怎样)(?:样)?(?:记|报|填|登记|算|写|提交|上报|弄|操作)',
  '(?:算|归|属于|记|填|选)(?:哪|什么(?!时候)|啥|几)|谁(?:来|能|可以|负责|知道|给)',
  '(?:实事|走访|活动|项目|x)还是(?:实事|走访|活动|项目|x)|算[^，。,；;]{0,6}还是',
  '不知道[^，。,；;]{0,6}(?:算|能不能|可不可以|行不行|对不对|要不要|可以记|能记)|了没(?:有)?[\\s?？。!！~～]*$|(?:记录|那条|时长|审核|结果)呢[\\s?？。!！~～]*$',
  '(?<![a-z])(?:can i|how (?:do|should|can)|(?<!(?:teach|taught|show|showed|教)[^，。,；;]{0,20})how to|does (?:it|this|that) count|is (?:it|this|that) ok)(?![a-z])',
].join('|'));
/** Family names that start a classmate's name (张明和李华…, 刘洋同学), leaving out those that start everyday words. */
const SURNAME = '[王李张刘陈杨赵黄周吴徐孙胡朱郭何罗梁宋郑谢韩唐冯董程曹袁邓许沈曾彭吕苏卢蒋蔡贾丁魏薛叶潘杜戴夏钟汪田任姜范姚谭廖邹熊陆郝孔崔毛邱秦史顾侯邵孟]';
/** A classmate named: 张明, 小李 — not 王奶奶 or 李书记, who are served. */
const NAME = `(?:${SURNAME}[\\u4e00-\\u9fa5]{1,2}|小${SURNAME})(?<!奶|爷|姨|叔|伯|娘|婆|公|师|记|任|主|大|老)`;
/** What puts a classmate's name in a group (我们支部的李明, 组员王磊). */
const MEMBER = '(?:(?:我们|咱们|我)?(?:班|组|队|宿舍|寝室|支部)里?的?|(?:我们|我)?(?:班|组|队|支部)?(?:成员|组员|队员|团员|同学)[:：]?\\s{0,2})';
/**
 * Who else a report can be about: 她, 我室友, 班长, 组员们. Not 我班同学: a class's report of its
 * own activity (我班同学在…开展…) is the reporter's too.
 */
const OTHER = '(?:他|她)们?|ta(?![a-z])|(?:有|某)一?(?:个|位|名)?(?:同学|同学们|队员|组员|团员|学生|志愿者|人)|一(?:个|位|名)(?:同学|队员|组员|团员)|我(?:妈|爸|哥|姐|弟|妹|对象|男朋友|女朋友)|(?:我们|咱们|我)?(?:班|组|队|宿舍|寝室|支部)?的?(?:室友|舍友|同桌|队友|组员|队员|学弟|学妹|学长|学姐|班长|队长|组长|团支书|支书|部长|社长|别人|其他人|其他同学|别的同学)们?';
/** People a student serves (替老人报名): not whom a record is sent for. */
const SERVED = '老人|居民|村民|孩子|小朋友|学生|家长|大爷|大妈|大娘|奶奶|爷爷|阿姨|叔叔|群众|农户|业主|残疾人|困难户';
/** Someone named or pointed at as the one who served. */
const SOMEONE = `(?:${OTHER}|${NAME}(?:同学)?(?:[和、跟与]${NAME}(?:同学)?)+|${NAME}同学|${MEMBER}${NAME})`;
/**
 * Someone else's service (我室友…, 替组长报, 张明和李华…各3小时, 她的也记上), a record held back
 * (先不报), a notice to a group (各位同学, 请大家自行登记), an example or a what-if (比如…, 如果…).
 * Works on the masked text: U+0001 stands where a date or an amount was.
 */
const NOT_MINE = new RegExp([
  '(?:^|[\\s，。,；;])(?:我(?:妈|爸|室友|舍友|同学|朋友)|我们班[^，。,；;\\s]{0,6}(?=\\u0001|今天|昨天|前天|上周|周[一二三四五六日]|在|去))(?![^，。,；;]{0,3}(?:一起|和我))',
  // …the one the sentence is about: at the start of the message before what was done (她昨天在…,
  // 组员王磊 昨天…), or starting a later clause before a day (…，她前天也去了): not 他们在家等着.
  `(?:^\\s{0,3}(?:${SOMEONE}|(?!周边|周围|曾经|许多|任务|谢谢|田里|田间|孙子|孙女|叶子|何时|任何)${NAME}(?!\\s))(?=\\s{0,2}(?:\\u0001|今天|昨天|前天|在|去|到|参加|帮|给|一起))|` +
    `[\\s，。,；;:：!！]${SOMEONE}(?=\\s{0,2}(?:\\u0001|今天|昨天|前天)))(?![^，。,；;]{0,8}(?:带(?:着|领)?(?:我|咱)|和我|跟我|叫(?:上)?我|让我|喊我|领着我))`,
  // hours shared out (各3小时, 每人记2小时) and reports gathered for others (统一报, 代室友登记, 帮她记上)
  '各(?:都)?(?:记|计|算|按)?\\s{0,2}\\u0001+|(?:每人|每个人|每位同学|人均|(?<!我|独自|单独)一人)[^，。,；;\\u0001]{0,4}\\u0001+|每人(?:记|计|算|按)|我们(?:班|组|宿舍|队|支部|小组)的(?:记录|时长)',
  // (not 替老人报名体检 or 帮他们登记居住信息, which serve residents)
  '统一(?:报|记|登记|上报|提交|录入)|代表(?:我们|咱们|本)?(?:班|组|小组|支部|团支部|队|宿舍|全班|全组|大家)[^，。,；;]{0,4}(?:汇报|报|上报|报告|提交|登记)|汇总(?:报|上报|一下)|代(?:报|记|登记|提交|填报)|代(?![办购缴买取收付领表])[^，。,；;]{1,6}(?:报|记一下|记上|提交)',
  `替(?!${SERVED})[^，。,；;]{0,10}(?:报|记|登记|提交)(?!名)|(?:替|代|帮|给)(?:我)?(?:${OTHER}|${NAME}|我们(?:班|组|宿舍|队)|大家|全班|全组)[^，。,；;]{0,3}也?(?:记|报)(?:一下|上|下)|` +
    `(?:替|代)(?:我)?(?:${OTHER}|${NAME}|同学|我们(?:班|组|宿舍|队)|大家|全班|全组)[^，。,；;]{0,3}(?:登记|提交|记|报)(?!名)`,
  // 帮我们组3个人一起报, 我帮组里另外四个同学报一下: hours sent in for a group (not 帮三位老人报名体检)
  `(?:帮|替|给|代)[^，。,；;]{0,8}(?:(?:\\d|[一二两三四五六七八九十几])\\s{0,2}[个位名]?(?:人|同学)|同学|组员|队员|成员|室友|舍友)们?[^，。,；;]{0,4}(?<![读看写登])(?:报|记)(?!名|录|账|销|住)|` +
    `(?:帮|替|给|代)(?:我们|咱们)?(?:组|小组|班|队|宿舍|寝室|支部)里?[^，。,；;]{0,8}(?<![读看写登])(?:报|记)(?!名|录|账|销|住)`,
  '(?:他|她|ta)们?的(?:时长)?也[^，。,；;]{0,4}(?:记|报)|也(?:帮|给|替)(?:他|她|ta)们?(?:记|报)|(?:他|她|ta)们?也(?:要|得|帮|给)?(?:记|报)(?:一下|上|下)',
  '[帮给替](?:她|他|ta)们?[^，。,；;]{0,3}(?<!登)(?:记|报)(?!名|录|账|销)|帮[^，。,；;]{0,4}(?:室友|舍友|同学|组长|朋友)[^，。,；;]{0,2}(?:记|报)',
  // asked by someone else to send theirs in (班长让我报一下, 他托我帮他记上) — not 社区让我登记居民信息
  '(?:让|叫|托|请|要|喊)我(?:帮(?:他|她|ta|忙)?|替(?:他|她|ta)|给(?:他|她|ta))?[^，。,；;:：]{0,3}(?:报|记|上报|提交)(?:一下|上|下)?(?=[\\s，。,；;:：!！]|$)',
  // hours someone else set (群里说扫雪的记2小时, 参加的同学每人记3小时)
  '说[^，。,；;]{0,12}(?:可以|能)?(?:算|记|按)[^，。,；;]{0,3}\\u0001+|(?:参与者|参加者|的同学)(?:每人|都|均)?(?:记|计|算|按)',
  // records held back
  '我没去|我没参加|没去成|让我也记|先不报|不报了|不用报|先别记|别记了?|暂(?:时)?不记|先不记',
  // notices and examples
  '@全体成员|每人按|辛苦大家|示例|格式[:：]|模板[:：]|按(?:这个|以下|下面的?)?模板|有意者|私聊|请准时|通知[:：】]|【通知|各位同学|同学们[:：]|请(?:各位|大家|同学们|各团支部|各班|各支部)|大家(?:记得|自行|自己|各自)|(?:自行|各自)(?:登记|记录|上报|记)|接龙|请于|提醒[:：]|温馨提示|转(?:发)?给你|转一下',
  '^\\s*(?:比如|例如|举个例子?|譬如|假如|如果|假设|要是)',
  // …in English or half in English (我 的 friend Anna…, she 昨天…), not with my friend
  '(?<!(?:with|and|和|跟|与)\\s{0,2})(?<![a-z])(?:my|我\\s{0,2}的)\\s{0,2}(?:roommate|friend|classmate|teammate|groupmate)s?(?![a-z])|(?<![a-z])(?:on behalf of|for (?:him|her|them))(?![a-z])|^\\s{0,3}(?:she|he|they)(?![a-z\'])',
].join('|'));
/**
 * A classmate named in English at the start, before what they did (Anna 今天在锦绣社区…, Tom helped…):
 * read on the text as sent, where the capital marks a name. Not I, a day, a greeting or a label,
 * nor someone the student served with (Lily 和我…).
 */
const LATIN_NAME = new RegExp(
  '^\\s{0,3}(?!(?:I|We|My|Our|Me|Today|Tonight|Yesterday|Last|This|Next|On|In|At|From|After|Before|Hi|Hello|Hey|Dear|Sorry|Ok|Okay|Yes|No|Thanks|Thank|Please|Good|Morning|Afternoon|Evening|Night|Update|Done|Finished|Also|And|So|Then|Well|Um|Uh|Oh|Hmm|Teacher|Just|Online|Offline|Report|Note|Volunteer|Service|Mon|Tue|Wed|Thu|Fri|Sat|Sun|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*(?![A-Za-z]))' +
    '[A-Z][a-z]{1,12}(?:\\s[A-Z][a-z]{1,12})?\\s{0,2}(?=今天|昨天|前天|上周|周[一二三四五六日]|\\d|在|去|到|和|跟|today|yesterday|went|did|helped|taught|was|and)' +
    '(?![^，。,；;]{0,12}(?:和我|跟我|与我|带我|带着我|and I|and me|with me))',
);

/** Plans (打算/准备去…) and service still to come today (一会儿去, 还要给…辅导): only what is done is recorded. */
const PLAN = new RegExp([
  '(?<![还的])打算(?![再与和及、])|准备(?:去|要|在|给|下|参加|报名)|计划(?:去|要|在|于|下周|下次|下个|参加)|将于|将要|(?<![即必])将(?:去|赴|前往|参加|在|到)(?!了|期|底|近|来)|想(?:去|参加|报名)|(?<!不)要去|拟于|到时候|希望(?:能|去|参加)|预计',
  '(?<!(?:下次|下回|以后|明天|下周|改天|说)[^，。,；;]{0,3})(?:一会儿?|待会儿?|等会儿?|等一下|稍后|晚点儿?|晚些|回头|马上|即将|快要|就要|还要|还得|得去)(?=[^，。,；;]{0,6}(?:去|再|给|帮|在|做|开|上|线上|搞|办|参加|辅导|讲))',
  '还没(?:去|做|开始|弄|干|到|上|结束|完|忙完|做完|干完)|(?:^|[\\s，。,；;])(?:我们?)?(?:现在|目前)?正在|(?:现在|目前)还在|(?<![a-z])(?:will|gonna|going to|plan(?:ning)? to|about to|want to|wanna|would like to|hope to)(?![a-z])',
  // called off or not carried out (活动被取消, 白跑一趟, 没去成)
  '被(?:通知)?取消|(?:活动|计划|安排|行程|服务)[^，。,；;]{0,6}取消|白跑一趟|扑(?:了)?(?:个)?空|没(?:有)?(?:去|做|弄)成|泡汤',
  // signed up or arranged, not yet done (我报名了周六的扫雪, 约好了周六去)
  '(?<![帮给替为责])(?:我|已经?)报(?:了)?名|报了名|约好了?|约了(?=[^，。,；;]{0,6}(?:周|明|下|去))',
].join('|'));
/** A change to a record already sent (上一条作废, 刚才那条写错了, 把昨天那条删掉): not a new report. */
const EDIT = /(?:上|刚才|刚刚|之前|前面|昨天)(?:发|报|记|提交)?的?(?:那|这)?一?条(?![路街河道线巷沟渠])|作废|(?:撤回|删掉|删除)(?=[^，。,；;]{0,6}(?:记录|那条|这条|吧|一下|$))|(?:时长|日期|时间|小时|那条|这条|刚才|之前|记录|我)[^，。,；;]{0,6}(?:记|写|填|发|报)错|(?:时长|日期|记录|那条|这条|小时)[^，。,；;]{0,6}改(?:成|为)|改(?:成|为)[^，。,；;]{0,3}\u0001/;

/** Unsure of what follows (好像是周一, 应该是昨天吧). */
const DOUBT = /(?:好像|似乎|貌似|应该|可能|大概|估计|也许|或许)(?:是|在)?\s{0,2}$/;
const SMALL_TALK = /^\s*(?:你好|您好|hi|hello|嗨|哈喽|在吗|在不在|谢谢|多谢|好的|收到|ok|嗯+|哦+|早上好|晚安)[\s!！~。.，,呀啊哈了]*$/;

/** `masked` with each amount of time (not the dates) as U+0002. */
function markAmounts(masked: string, durations: Span[]): string {
  let out = masked;
  for (const d of durations) out = out.slice(0, d.start) + '\u0002'.repeat(d.end - d.start) + out.slice(d.end);
  return out;
}

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
  const { hits: named, masked } = findDates(afterHours, today);
  removed.push(...named);
  // 昨天，哦不对，前天: the day taken back is no day of the report.
  const hits = standing(named, folded);
  const date = resolveDate(hits, todayStr, ambiguities);
  const mode = findMode(masked, removed, ambiguities);
  const community = findCommunity(folded, input, ambiguities);

  const label = findLabel(folded, masked);
  if (label?.span) removed.push(label.span);
  const command = /^\s*\/(?!记录)/.test(folded);
  if (!label && /^\s*\/记录/.test(folded)) removed.push({ start: 0, end: folded.indexOf('录') + 1 });
  // What was done, and whose and when it was, is read with Chinese typed word by word joined up.
  const words = joinWords(masked);
  // …the amounts marked apart from the dates, so that a clause with hours of its own can be told.
  const itemText = joinWords(markAmounts(masked, durations)).text;
  const keywordItem = label ? label.item : findItem(itemText, ambiguities);
  // An item chosen, and a second one beside it (/记录 走访 实事), or halves of two items told after it.
  const twoItems = label ? (label.also ? [label.item, label.also] : parallel(itemText, true)) : undefined;
  if (twoItems) ambiguities.push(twoPieces(twoItems));
  // 打算/准备去… is a plan: only service already done is recorded (下周还打算再去 is not the report's plan).
  const plan = PLAN.exec(words.text);
  // The words quoted back come from the text as sent: the masked one has U+0001 for dates and amounts.
  const quote = (m: RegExpExecArray) => {
    const { start, end } = unjoin(words, m.index, m.index + m[0].length);
    return text.slice(start, end).replace(/^[\s，。,；;:：!！]+/, '');
  };
  if (plan) ambiguities.push(`「${quote(plan)}」听起来这次服务还没做。只能记录已经完成的服务，做完后再发给我。`);
  // Someone else's service, a message not meant as a record, an example: each student records their own.
  const other = NOT_MINE.exec(words.text);
  const notMine = other ? quote(other) : LATIN_NAME.exec(text)?.[0].trim();
  if (notMine) ambiguities.push(`「${notMine}」听起来不是你本人要记的这次服务。每个人用自己的飞书账号记录自己的服务；如果是你自己的，请在卡片里确认后提交。`);
  const edit = EDIT.exec(words.text);
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
  const doubted = hits.find((h) => h.date && DOUBT.test(folded.slice(Math.max(0, h.start - 6), h.start)));
  if (doubted) ambiguities.push(`「${doubted.phrase}」说得不确定，请确认是哪一天。`);


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
  const area = findArea(words.text);
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
