/**
 * Questions in a message: whether it is put as a question at all, and whether it asks something of the report it
 * carries (昨天辅导了2小时，算实事吗？) — then the report is answered with the form, never recorded as it stands.
 * Part of reportParser.ts; works on width-folded text.
 */
import { HANDS_ON, HELPING, QUOTED, SUPPORT, type ItemKey } from './reportItemWords.js';
import { itemWords } from './reportTopics.js';
import { OTHERS_LINE } from './reportAsides.js';

/** A message put as a question: a report must carry most of one to count (怎么记录走访？ does not). */
export const QUESTION = /[?？]\s*$|^\s*请问|什么意思|是什么|啥意思|怎么|怎样|如何|能不能|可不可以|是否|为什么|为啥|在哪|什么时候|啥时候|吗[\s?？。!！~]*$|呢[\s?？。!！~]*$/;
/**
 * Asked outright, not told: a question mark, 请问/想问, a closing 吗/不/吧 after 能/可以/算 (能算不,
 * 可以记吧), an A-not-A (算不算, 行不行), 怎么记/怎么填 (not 教老人怎么填表), 算哪类, 实事还是活动.
 */
const ASKING = new RegExp([
  '[?？]\\s*$|^\\s*请问|想问|想请问|请教一?下|问一?下(?=[\\s，,:：]|老师|您|你|这|那)|咨询一?下(?=[\\s，,:：]|老师|您|你|这|那)',
  // (发200份传单大概要多久啊: how long it takes, asked)
  '(?<!(?:问|了解|知道|算)[^，。,；;]{0,10})(?:要|得|需要)多久(?=(?:啊|呀|呢|哈)?[?？]|(?:啊|呀|呢|哈)?[，,][^。]{0,12}(?:怕|不够|够不够|吗)|(?:啊|呀|呢|哈)?\\s*$)',
  '吗(?=[\\s，,。.!！?？~～]|$)|(?<![什怎那这多])么[\\s?？。!！~～]*$',
  '(?:能|可以|行|算|要|用|需要|记|对|够)[^，。,；;]{0,8}不[呀啊呢哈嘛]?[\\s?？。!！~～]*$',
  // (可以记吧, 这样对吧 — not 效果还可以吧, which tells how it went)
  '(?:(?:可以|能)(?:记|算|报|登记)[^，。,；;]{0,4}[吧嘛]|(?:这样|这么)[^，。,；;]{0,4}(?:可以|行|对)[吧嘛]|对吧|没问题吧)[\\s?？。!！~～]*$',
  // (not a question put to residents: 问了问他们，能不能提供实习岗位)
  '(?<!(?:问|看看|了解|检查|确认|查|摸排|排查|登记|统计|核实|核对|调查)[^，。,；;]{0,16}|(?:问了?问?|询问|咨询)(?:他们|她们|居民|村民|商家|企业|老板|业主|老人|大家|负责人)[^，。,；;]{0,4}[，,]\\s{0,2})(?:算不算|能不能|可不可以|行不行|好不好|(?<!不)对不对|要不要|需不需要|用不用|够不够|是不是(?=[^，。,；;]{0,4}(?:算|可以|能|要|这样|对|没|记)))',
  '(?<!(?:教|讲|告诉|指导|演示|示范|学|说明|介绍|答疑|解答|解释|回答)[^，。,；;]{0,10})(?:怎么|咋|如何|怎样)(?:样)?(?:记|报(?!销|名|税)|填|登记|算|写|提交|上报|弄|操作)',
  '(?:算|归|属于|(?<![登统])记|填|选)(?:哪|什么(?!时候)|啥|几)|(?<!问[^，。,；;]{0,10}|分工了?[，,\\s]{0,2})谁(?:来|能|可以|负责|知道|给)',
  '(?:实事|走访|活动|项目|x)还是(?:实事|走访|活动|项目|x)|算[^，。,；;]{0,6}还是',
  '不知道[^，。,；;]{0,6}(?:算|能不能|可不可以|行不行|对不对|要不要|可以记|能记)|了没(?:有)?[\\s?？。!！~～]*$|(?:记录|那条|时长|审核|结果)呢[\\s?？。!！~～]*$',
  '(?<!问[^，。,；;]{0,8})有没有人(?:想|要|愿意|能|有空|一起)|(?<![a-z])(?:can i|how (?:do|should|can)|(?<!(?:teach|taught|show|showed|教)[^，。,；;]{0,40})how to|does (?:it|this|that) count|is (?:it|this|that) ok)(?![a-z])',
].join('|'));
/**
 * Whether the way it was written is right (这样发可以吗, 这样报对吗, 不知道格式对不对), said beside a whole
 * report: the report is read as it stands; a question about how to report (怎么报时长？) is still one.
 */
const FORMAT_CHECK = /(?:(?:请问)?[^，。,；;]{0,4}是这样(?:报|写|填|发|记)的?(?:吗|么)|(?:这样|这么)(?:发|报|写|记|填)?(?:可以|对|行|没问题)(?:吗|么|不|吧)?|(?:不知道)?(?:格式|这样)(?:对不对|行不行|可不可以))[\s?？。!！~～😂😅🤔]*(?=[，,。:：\s]|$)/g;

/**
 * A question about something else put after the report (对了，期末什么时候截止？; 顺便问下心得啥时候交): the report is
 * read as it stands — unless the question is about this report (这个算实事吧？, 能算学分吗？, 截止前还能报吗？).
 */
const SIDE_QUESTION = /(?:[，。,；;!！?？~～\s]|对了|另外|顺便)(?:对了|另外|顺便|还有|想问|请问|老师)?[^，。,；;!！?？能算报记审够可以]{0,12}(?:期末|截止|心得|总结|证书|学分|评优|证明)(?![^。]{0,20}(?:能|算|报|记|审|够|可以|影响|体现|通过|这条|这次|这个|时长))[^。]{0,20}$/;

/**
 * …or about another record or the review (记一下，之前那条过了没; 能加急审核吗; 然后想问问上周的能不能改日期; 照片要不要传):
 * not about whether this report counts (这条能算实事吗, 上周的也能记吗).
 */
const PROCESS_QUESTION = /[，。,；;!！?？~～\s](?:然后|记一下|对了|另外|顺便|还有)?[，,\s]{0,2}我?(?:想问问?|请问|问一?下)?[^。，,；;!！?？~～\s]{0,16}?(?:(?:之前|上次|上周|前面|上一)的?那?一?条?|那条|照片|图片|截图|加急|审核|过了没|更新|告诉我|通知我)[^。]{0,20}$/;
const ABOUT_THIS = /\d|小时|钟头|算|这|能记|能报|可以记|可以报|有效|记吗|报吗|能过|会不会/;

/**
 * Whether it can be recorded, asked politely of a teacher beside a whole report (老师您好…，请问这个可以记吗？麻烦您了):
 * a request to record it, read as one — not 这个能记吗？ alone, nor whether it counts as an item (能记一次活动吗).
 */
const MAY_I = /(?<=^|[，。,；;!！?？\s~～])(?:请问)?(?:这个|这次|这条|这样|这种|以上|上面的?)?(?:也|还)?(?:可以|能)?(?:帮我)?(?:记|登记|记上|算|计入)(?:上|一下|进去)?(?:吗|么)[\s?？。!！~～]*/g;
/** …or whether it counts as an item (请问可以记一次活动吗？): a request too when the report is read as that item anyway. */
const AS_ITEM = /(?<=^|[，。,；;!！?？\s~～])(?:请问)?(?:这个|这次|这条|这样|这种|以上|上面的?)?(?:也|还)?(?:可以|能)?(?:记|算|登记)(?:成|为|作)?(?:一次|一个)?(?:开展)?(活动|走访|实事|培育项目|项目|x项目|x)(?:吗|么)[\s?？。!！~～]*/g;
const ITEM_NAMED: Record<string, ItemKey> = { 活动: 'huodong', 走访: 'zoufang', 实事: 'shishi', 培育项目: 'xiangmu', 项目: 'xiangmu', x项目: 'x', x: 'x' };
/**
 * Whether this report counts, or what else it needs, asked after the whole report (…，一个半小时，这个能报吗; 扫雪…算实事吧;
 * 要写地点吗; 要不要拍照啊; 现在报还来得及吗): the report is read as it stands, and the card it gets answers.
 */
const COUNTS_CHECK = /(?<=[，。,；;!！?？~～\s)）])[^，。,；;!！?？~～\n]{0,20}(?:算|记|报|写|填|传|拍|交|来得及|对|行|可以)[^，。,；;!！?？~～\n]{0,12}(?:吗|么|不|吧|呢|[?？]|(?<=(?:要不要|需不需要|用不用)[^，。,；;!！?？~～\n]{1,10})[啊呀])[\s?？。!！~～…]*(?:\p{Extended_Pictographic}[\s?？。!！~～]*)*$/u;
/** …or a doubt said anywhere beside it (不知道扫雪算不算, 不知道怎么写 — not 不知道算啥, which asks the item). */
const DOUBT = /(?:我)?(?:也)?不(?:知道|晓得|清楚)(?:这个?|这样|这种)?[^，。,；;!！?？~～\n]{0,6}?(?:算不算|能不能算|怎么(?:写|报|记|填))[^，。,；;!！?？~～\n]{0,6}/gu;
/** Anywhere in the message, these make the closing question no check: it reports later (能算的话我再报), gives an example (比如…) or asks for someone else (帮班长问的, 她的时长我能一块报吗). */
const NOT_A_CHECK = /的话|再报|再记|比如|例如|假如|假设|像我这种|[帮替][^，。,；;]{0,6}问的|一块|一起报|一并/;
/**
 * …and in the question itself: put to the bot outright (请问怎么记？), whether it is community service at all, the student's own part (这个我能报吗), which item or kind
 * (实事还是活动, 哪一类), another record (那条记上了吗), what the record cannot answer (学分, 学时, 第二课堂, 志愿时长, 截止, 路上的时间,
 * 算两次, 线上) or the hours (算不算2小时, 多久).
 */
const STILL_ASKS = /请问|想问|(?:社区服务|社区实践|志愿服务)(?:吗|么)|我也?(?:能|可以)(?:报|记|算)|还是|哪一?类|什么类|那条|了(?:吗|么|没)|学分|学时|课堂|时长|证书|评优|截止|路上|往返|来回|等车|排队|两次|多久|多长|几个?小时|算不算\s{0,2}[\d一二两三四五六七八九十半]|线上|线下|网上/;
const ITEM_NAME = new RegExp(Object.keys(ITEM_NAMED).sort((a, b) => b.length - a.length).join('|'), 'g');
/**
 * Whether the report before a question tells no work, or not the work the question names (待了2小时，要拍照吗; 待了2小时，算走访吗;
 * 扫雪2小时，能算活动吗).
 */
function namesOtherWork(q: string, rest: string): boolean {
  const told = itemWords(rest);
  if (told.size === 0 && (HELPING.test(rest) || SUPPORT.test(rest) || HANDS_ON.test(rest))) told.set('shishi', '');
  return told.size === 0 || [...[...q.matchAll(ITEM_NAME)].map(([w]) => ITEM_NAMED[w]!), ...itemWords(q).keys()].some((k) => !told.has(k));
}

/** `folded` with a closing check whether the report counts, and doubts of it, left out — unless something keeps them questions. */
export function withoutCountsCheck(folded: string): string {
  if (NOT_A_CHECK.test(folded)) return folded;
  const kept = (q: string) => STILL_ASKS.test(q) || namesOtherWork(q, folded.replace(q, ''));
  return folded.replace(COUNTS_CHECK, (q) => (kept(q) ? q : '')).replace(DOUBT, (q) => (kept(q) ? q : ''));
}
/** The bot called before the report (助手在吗？记一下…, 机器人在吗，): a greeting, not a question. */
const HAILED = /^\s*(?:小?助手|机器人|老师|bot)?\s{0,2}(?:你好|您好)?[，,\s]{0,2}(?:在吗|在不在)(?:[，,\s]{0,2}在吗)*[？?!！~～，,。.\s]*(?=\S)/;
const POLITE = /^\s*(?:老师|您好)|您/;

/**
 * A feeling vented after the report with question marks doubled (字体调到崩溃？？, 谁家囤这么多箱子啊？？？): no question to
 * the bot — unless, its marks taken off, it still asks as ASKING reads (也算吗？？, 咋记？？, 够不够？？) or asks in a word
 * of its own (能记几小时？？, 实事？？, 这样报？？, 要拍照？？, is that ok??). Five characters at least: 对？？ and ok？？ ask.
 */
const VENTED = /(?<=[，。,；;!！~～\s])[^，。,；;!！~～\n]{5,}[?？]{2,}[\s?？!！]*$/;
const ASKED_IN_WORDS = /呢|吧|算|(?:记|报|填|审)(?:吗|么|上|一下|不|没)|能|可以|行|对|哪|啥|什么|怎|咋|是不是|有没有|多少|几(?:个|小时|点|号)|要|需|还是|够|好不好|没问题|这样|干嘛|谁|实事|走访|活动|项目|(?<![a-z])(?:ok|okay|is (?:it|that|this)|can i|should)(?![a-z])/;

/** What a question about an earlier record or the hours so far names (上次那条, 之前的记, 一共多少小时). */
const EARLIER = '(?:那条|上一条|之前的?|上次的?|上回的?|前面的?|前天的?|昨天的?|上周[一二三四五六日天]?的?)[^。!！?？\\n]{0,6}(?:记|报|审|收到|回复)|一共(?:多少|几)个?(?:小时|时长)|记上了吗';
/**
 * Such a question put before the report (上次那条记上了吗？今天…; 前天那条记上没？今天…; 之前的记上了吧，今晚…; 我一共几小时了？顺便记一下：…):
 * the report after it is read as it stands, its day and all.
 */
// (…not one that corrects it: 那条记录我记错了吗？)
const LEADING_CHECK = new RegExp(`^\\s*(?:这是[^，。,?？]{0,8}第[^，。,?？]{1,3}条了?[，,\\s]*)?(?![^。!！?？\\n]{0,30}(?:错|改|删|撤))(?:(?=[^。!！?？\\n]{0,30}(?:${EARLIER}))[^。!！?？\\n]{2,30}[?？]+|` +
  `(?=[^。!！?？，,\\n]{0,20}(?:${EARLIER}))[^。!！?？，,\\n]{2,20}(?:吗|吧|没有?)[，,。\\s]|(?=[^。!！?？，,\\n]{0,12}一共(?:多少|几)个?(?:小时|时长))[^。!！?？，,\\n]{2,20}了[，,。\\s])(?:\\s*(?:我没收到回复|记上的话今天这条|顺便记一下|我记得是\\d+个)[^。!！?？，,:：\\n]{0,6}[。，,:：!！]?)?`);

/** `folded` with a question about an earlier record put before the report blanked (same length). */
export function withoutLeadingCheck(folded: string): string {
  return folded.replace(LEADING_CHECK, (q) => q.replace(/[^\n]/g, ' '));
}

/**
 * The lines others say in a pasted chat with the student's own as 我： (王老师：今天能来吗？⏎我：能…): their questions, answered by a later
 * line of the student's, are not the student's — one still unanswered (…⏎老师：是你主讲的吗？) leaves the report open.
 */
const OTHERS_LINES = new RegExp(`${OTHERS_LINE}[^\\n]*(?=[\\s\\S]*\\n我[：:])`, 'g');

/** The bot's question a Feishu reply quotes on a line of its own before the answer (回复 社区实践助手：这个算哪一类？⏎…). */
const QUOTED_ASK = /^\s*回复\s{0,2}@?(?:社区实践助手|实践助手|助手|机器人)\s{0,2}[:：][^\n]*(?:[?？]|吗|呢)[\s?？]*\n(?=\s*\S)/;

/** `folded` with the bot's quoted question blanked (same length): it asks the student, not the bot. */
export function withoutQuotedAsk(folded: string): string {
  return folded.replace(QUOTED_ASK, (q) => q.replace(/[^\n]/g, ' '));
}

/**
 * Whether `checked` (the folded message with its closing check left out: withoutCountsCheck) asks something of its report: a
 * quoted title, a check of the format, a question about something else and a feeling vented left out.
 */
export function asksOfReport(checked: string, item?: ItemKey): boolean {
  const asked = POLITE.test(checked) ? checked.replace(AS_ITEM, (q, named: string) => (ITEM_NAMED[named] === item ? '' : q)).replace(MAY_I, '') : checked;
  const text = asked.replace(OTHERS_LINES, '').replace(HAILED, '').replace(FORMAT_CHECK, '').replace(QUOTED, '').replace(SIDE_QUESTION, '').replace(VENTED, (q) => (ASKED_IN_WORDS.test(q) || ASKING.test(q.replace(/[\s?？!！]+$/, '')) ? q : ''));
  return ASKING.test(text.replace(PROCESS_QUESTION, (q) => (ABOUT_THIS.test(q) ? q : '')));
}
