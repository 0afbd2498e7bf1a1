/**
 * Whose service a report tells: a classmate's (我室友…, 替组长报, 张明和李华…各3小时, 帮晓雨填的), a
 * notice or an example, not the sender's own. Part of reportParser.ts; works on the masked text,
 * where U+0001 stands for a date or an amount.
 */
import { WENT_INSTEAD_AFTER } from './reportPlans.js';

/** Family names that start a classmate's name (张明和李华…, 刘洋同学), leaving out those that start everyday words. */
const SURNAME = '[王李张刘陈杨赵黄周吴徐孙胡朱郭何罗梁宋郑谢韩唐冯董程曹袁邓许沈曾彭吕苏卢蒋蔡贾丁魏薛叶潘杜戴夏钟汪田任姜范姚谭廖邹熊陆郝孔崔毛邱秦史顾侯邵孟]';
/** A classmate by how the student knows them (同桌, 室友, 队友, 班长 …). */
const PEER = '同桌|室友|舍友|同学|朋友|队友|组员|队员|学弟|学妹|学长|学姐|班长|组长|队长|团支书|支书|部长|社长';
/**
 * How residents and staff are called after their family name (李阿姨, 张书记, 刘婶, 王医生, 李哥): the
 * one so called is served or worked for, not a classmate.
 */
const TITLE = '阿姨|阿叔|阿婆|奶奶|爷爷|姥姥|姥爷|外婆|婆婆|大爷|大妈|大娘|大姐|大哥|大叔|大婶|叔叔|伯伯|婶婶|姨|叔|伯|婶|嫂|哥|姐|书记|主任|医生|大夫|护士|经理|老板|师傅|老师|校长|站长|所长|村长|网格员|警官|民警|会计|干事|委员|总';
/** A classmate named (a family name and one or two characters of `given`, or 小 + family name), not one called by a title. */
const named = (given: string) => `(?:${SURNAME}(?!${TITLE})${given}{1,2}|小${SURNAME})(?<!奶|爷|姨|叔|伯|娘|婆|公|师|记|任|主|大|老|婶|嫂|哥|姐|生|夫|理|板|傅|长)(?!${TITLE})`;
/** A classmate named: 张明, 小李 — not 王奶奶, 李阿姨 or 张书记, who are served. */
const NAME = named('[\\u4e00-\\u9fa5]');
/**
 * What a report sent in for someone else ends on after 报/记/填 (报的, 记一下, 填好了, 记一下时长, 报了他的记录):
 * nothing more, a day or an amount, or the record itself — not 填了申请表, 记了走访记录 or 登记了车辆,
 * which are work done for the one named.
 */
const FILED = '(?:的|了|一下|下|上|好|过|完)*\\s{0,2}(?:(?:他|她|ta|我)?们?的?(?:[^，。,；;\\u0001]{0,4}(?:时长|时数|工时|志愿时)|记录|服务|这次|这条|一条|上去|进去))?(?=[\\s，。,；;:：!！~～(（)）【\\[吧呗哈啊呀嘛吗]|$|\\u0001|(?:他|她|ta|伊)(?:在|今天|昨天|前天|去|帮|给|做))';
/** What puts a classmate's name in a group (我们支部的李明, 组员王磊). */
const MEMBER = '(?:(?:我们|咱们|我)?(?:班|组|队|宿舍|寝室|支部)里?的?|(?:我们|我)?(?:班|组|队|支部)?(?:成员|组员|队员|团员|同学)[:：]?\\s{0,2})';
/**
 * Who else a report can be about: 她 (Cantonese 佢), 我室友, 班长, 组员们. Not 我班同学: a class's report of its
 * own activity (我班同学在…开展…) is the reporter's too.
 */
const OTHER = '(?:他|她)们?|佢(?:哋|们)?|ta(?![a-z])|(?:有|某)一?(?:个|位|名)?(?:同学|同学们|队员|组员|团员|学生|志愿者|人)|一(?:个|位|名)(?:同学|队员|组员|团员)|我(?:妈|爸|哥|姐|弟|妹|对象|男朋友|女朋友)|(?:我们|咱们|我)?(?:班|组|队|宿舍|寝室|支部)?的?(?:室友|舍友|同桌|队友|组员|队员|学弟|学妹|学长|学姐|班长|队长|组长|团支书|支书|支部书记|部长|社长|别人|其他人|其他同学|别的同学)们?';
/**
 * A message passed on for someone else (替我们组长说一声：昨天项目例会两小时). A pattern of its own: joined into
 * NOT_MINE it made that one about six times slower (V8 no longer compiled it the fast way).
 */
export const PASSED_ON = new RegExp(`(?:替|代)(?:我们?)?(?:${OTHER}|${NAME})[^，。,；;]{0,3}(?:说|讲)一(?:声|下)(?=\\s{0,2}[：:，,])`);
/** People a student serves (替老人报名): not whom a record is sent for. */
const SERVED = '老人|居民|村民|孩子|小朋友|学生|家长|大爷|大妈|大娘|奶奶|爷爷|阿姨|叔叔|群众|农户|业主|残疾人|困难户';
/** A name in a list of names (张明和李华): no joiner inside, so the list is read one way only. */
const LISTED = named('(?:(?![和、跟与])[\\u4e00-\\u9fa5])');
/** Someone named or pointed at as the one who served (她, 张明和李华, 组员王磊, 室友小王). */
const SOMEONE = `(?:${OTHER}|${LISTED}(?:同学)?(?:[和、跟与]${LISTED}(?:同学)?)+|${NAME}同学|${MEMBER}${NAME}|(?:${PEER})${NAME})`;
/** Two or more of a group, the student among them (我俩, 我们三个人, 我们宿舍四个人, 两个人). */
const WE_ALL = '(?:我俩|咱俩|我们俩|咱们俩|我们(?:宿舍|寝室|组|小组|班)?(?:两|三|四|五|六|几)个人?|我们仨|我们几人|两个人|俩人|三个人)';
/** The student with a classmate (我和小王, 我跟室友): both sent in at once when a request to record follows. */
const WITH_PEER = `我[和跟](?:${NAME}|${PEER})`;
/** Where a request to record ends: the clause's end, a particle or the hours (都记一下吧, 都记上，2小时). */
const ASKED_END = '(?=$|[\\s，。,；;:：!！~～吧呗哈啊呀]|\\u0001)';
/** A day said right after someone (她昨天…, 他 U+0001…). */
const A_DAY = '\\s{0,2}(?:\\u0001|今天|昨天|前天)';
/**
 * Someone else's service (我室友…, 替组长报, 张明和李华…各3小时, 她的也记上), a record held back
 * (先不报), a notice to a group (各位同学, 请大家自行登记), an example or a what-if (比如…, 如果…).
 * Works on the masked text: U+0001 stands where a date or an amount was.
 */
export const NOT_MINE = new RegExp([
  '(?:(?:^|[\\s，。,；;]|(?<=\\u0001))我(?:的|们(?:组|班|宿舍|寝室|小组)?的)?(?:妈|爸|室友|舍友|同学|朋友)|(?:^|[\\s，。,；;])我们班[^，。,；;\\s]{0,6}(?=\\u0001|今天|昨天|前天|上周|周[一二三四五六日]|在|去)(?![^。]{0,40}我(?:负责|来教|来讲|主讲|主持|教了|带着)))(?!圈)(?![^，。,；;]{0,3}(?:一起|和我|帮我|给我|说))',
  // …the one the sentence is about: at the start of the message before what was done (她昨天在…,
  // 组员王磊 昨天…), or starting a later clause before a day (…，她前天也去了): not 他们在家等着, nor the one served
  // told of after the service (陪刘奶奶聊天，她最近情绪低落; 给小庞讲题，他下周模考) unless doing the work (…，她昨天去的).
  `(?:^\\s{0,3}(?:${SOMEONE}|(?!周边|周围|曾经|许多|任务|谢谢|田里|田间|孙子|孙女|叶子|何时|任何)${NAME}(?!\\s))(?=\\s{0,2}(?:\\u0001|今天|昨天|前天|在|去|到|参加|帮|给|一起))|` +
    `[\\s，。,；;:：!！]${SOMEONE}(?=${A_DAY}(?<!(?:给|帮|陪|教|带)(?![^，。,；;:：]{0,8}(?:报|记|发|补|登|填))[^。]{1,48})|${A_DAY}[^，。,；;]{0,8}(?:去|来|干|做|教|帮|辅导|整理|扫|服务|参加)))(?![^，。,；;]{0,8}(?:带(?:着|领)?(?:我|咱)|和我|跟我|叫(?:上)?我|让我|喊我|领着我))`,
  // hours shared out (每人记2小时) and reports gathered for others (统一报, 代室友登记, 帮她记上)
  '(?:每人|每个人|每位同学|人均|(?<!我|独自|单独)一人)[^，。,；;\\u0001]{0,4}\\u0001+|每人(?:记|计|算|按)|我们(?:班|组|宿舍|队|支部|小组)的(?:记录|时长)',
  // (not 替老人报名体检 or 帮他们登记居住信息, which serve residents)
  '统一(?:报|记|登记|上报|提交|录入)|代表(?:我们|咱们|本)?(?:班|组|小组|支部|团支部|队|宿舍|全班|全组|大家)[^，。,；;]{0,4}(?:汇报|报|上报|报告|提交|登记)|汇总(?:报|上报|一下)|代(?:报|记|登记|提交|填报|发(?=[：:\\s，,]|$))|代(?![办购缴买取收付领表])[^，。,；;]{1,6}(?:报|记一下|记上|提交)',
  `替(?!${SERVED})[^，。,；;]{0,10}(?:报|记|登记|提交)(?!名)${FILED}|(?:替|代|帮|给)(?:我)?(?:${OTHER}|${NAME}|我们(?:班|组|宿舍|队)|大家|全班|全组)[^，。,；;]{0,3}也?(?:记|报)(?:一下|上|下)${FILED}|(?:替|代|帮|给)(?:我们)?(?:全班|全组|大家)(?:一起|一块)?(?:记|报)(?!名|销|告|到|道|录|分|账|下|住|得|数|表)|` +
    `(?:替|代)(?:我)?(?:${OTHER}|${NAME}|同学|我们(?:班|组|宿舍|队)|大家|全班|全组)[^，。,；;]{0,3}(?:登记|提交|记|报)(?!名)`,
  // 帮我们组3个人一起报, 我帮组里另外四个同学报一下: hours sent in for a group (not 帮三位老人报名体检)
  `(?:帮|替|给|代)[^，。,；;]{0,8}(?:(?:\\d|[一二两三四五六七八九十几])\\s{0,2}[个位名]?(?:人|同学)|同学|组员|队员|成员|室友|舍友)们?[^，。,；;]{0,4}(?<![读看写登])(?:报|记)(?!名|录|账|销|住)${FILED}|` +
    `(?:帮|替|给|代)(?:我们|咱们)?(?:组|小组|班|队|宿舍|寝室|支部)(?!长)里?[^，。,；;]{0,8}(?<![读看写登])(?:报|记)(?!名|录|账|销|住)${FILED}`,
  // (把我们组另外三个人的时长也报了: the others' hours sent in with the student's)
  '把[^，。,；;]{0,10}(?:另外|其他|其余|别的)[^，。,；;]{0,8}(?:人|同学|组员|队员|成员)的(?:时长|时间|记录|小时)?(?:也|都|一起|一块)?(?:报|记|登记|提交)(?!录|表|名|销|单|账)',
  // (帮我们一起报了吧: the group's hours sent in at once)
  '帮我们(?:一起|一块|都|也)(?:报|记|登记)(?:一下|下|上)?了?[吧呗哈]',
  // (帮他们一起登记一下吧: their hours sent in along with the sender's — not 帮他们登记信息, work for residents)
  '(?:帮|替|给)(?:他|她|ta)们?(?:一起|一块|也)(?:登记|记|报)(?:一下|下|上)?(?=[\\s，。,；;!！~～吧呗哈]|$)|(?:他|她|ta)们?的(?:时长)?也[^，。,；;]{0,4}(?:记|报)|也(?:帮|给|替)(?:他|她|ta)们?(?:记|报)|(?:他|她|ta)们?也(?:要|得|帮|给)?(?:记|报)(?:一下|上|下)',
  `[帮给替](?:她|他|ta|伊)们?[^，。,；;]{0,3}(?<!登)(?:记|报)(?!名|录|账|销)${FILED}|帮[^，。,；;]{0,4}(?:室友|舍友|同学|组长|朋友)[^，。,；;]{0,2}(?:记|报)(?![^，。,；;]{0,3}(?:${SERVED}|信息|资料|数据|材料|档案|台账))${FILED}`,
  // sent in for a classmate (我是帮同桌报的, 替队友填的, 代班长登记) — not 帮同桌辅导作业, which is service
  // …and sent on for them (帮她发一下, 替同桌发的, 我帮他说一声) — not 帮同学发传单
  `(?:帮|替|代)(?:我的?)?(?:${MEMBER})?(?:${PEER}|${NAME}|她|他|ta)们?(?:也)?(?:(?:发|交)(?:一下|下|了|的|过来)|(?:说|讲|报)(?:一声|一下))(?=[\\s，。,；;:：!！~～]|$)|` +
  // (李哥, 王姐 may be a classmate too: only what is sent in for them counts)
  // (帮我妈报的, 帮同宿舍的报一下, 我是给我们班长报的: a family member's, a roommate's or a classmate's)
  `(?:帮|替|代|(?<=是)给)(?:我们?的?)?(?:(?:隔壁|对门|同)(?:宿舍|寝室|班)的?)?(?:${PEER}|${NAME}|${SURNAME}(?:哥|姐)|(?<=我)(?:妈|爸|哥|姐|弟|妹|对象|男朋友|女朋友|老公|老婆)|同(?:宿舍|寝室|班|组)的)[^，。,；;]{0,3}(?:报|记|登记|填|提交|上报)(?!名|录|账|销|住|表|写|笔记|作业)${FILED}`,
  // (帮我记录我们支部书记昨天…的服务: a classmate's service, named right after the verb of recording)
  `(?:记录|记|报|登记)(?:一下)?(?:我们|咱们|我)(?:班|组|队|宿舍|寝室|支部)?的?(?:${PEER}|支部书记)(?=\\s{0,2}(?:\\u0001|今天|昨天|前天|在|的))`,
  // hours put down to someone else (时长记他名下, 算在班长名下) and two named with hours each (小刘小陈各2小时)
  `(?:记|算|挂|计)(?:在|到)?(?:${OTHER}|${PEER}|${NAME})的?名下|(?<![辅导教陪帮给为替])(?:${LISTED}[和、跟与]?){1,3}${LISTED}各\\u0001`,
  // asked by someone else to send theirs in (班长让我报一下, 他托我帮他记上) — not 社区让我登记居民信息
  '(?:让|叫|托|请|要|喊)我(?:帮(?:他|她|ta|忙)?|替(?:他|她|ta)|给(?:他|她|ta))?[^，。,；;:：]{0,3}(?:报|记|上报|提交)(?:一下|上|下)?(?=[\\s，。,；;:：!！]|$)|(?:让|叫|托|请|要|喊)我(?:帮|替|给)(?:他|她|ta)把[^。；;]{0,24}?(?:\\u0001|时长|小时)[^。；;]{0,3}?(?<!登)(?:报|记)(?:一下|上)(?=[\\s，。,；;:：!！]|$)|(?:让|叫|托)我(?:帮(?:他|她|ta))?说(?:一声|一下)(?=[\\s，。,；;!！~～]|$)',
  // (室友：帮我报一下呗，我昨天…; 同学：我昨天…，你帮我…报一下: a classmate's message passed on; 帮老师报一下她的讲座)
  `^\\s{0,3}(?:${PEER})[：:](?=[^。\\n]{0,60}帮我[^，。,；;\\n]{0,10}(?:报|记))|(?:帮|替|给)(?:老师|${PEER})[^，。,；;]{0,2}(?<!登)(?:报|记)(?:一下|下)?(?:她|他|ta)们?的(?=[^，。,；;]{0,8}(?:讲座|宣讲|时长|小时|服务|活动|课|\\u0001))|(?:让|叫|托|请|要|喊)我(?:帮|替|给)(?:他|她|ta)(?:记|报|登记)(?:一下|上|下)?`,
  // hours someone else set (群里说扫雪的记2小时, 参加的同学每人记3小时)
  // (not a sum worked out again: 本来说3小时 后来算了下是两个半小时)
  '说[^，。,；;]{0,12}(?:可以|能)?(?:算(?!了?一?下)|记|按)[^，。,；;]{0,3}\\u0001+|(?:参与者|参加者|的同学)(?:每人|都|均)?(?:记|计|算|按)',
  // both or all of a group recorded at once (我俩的都记一下, 把我们三个都报上, 两个人的时长都帮忙记上, 我们宿舍四个人的
  // 都记一下, 小王和我的时长都记上, 把我和小王的都记上): a request to record — the verb ends the clause or comes before the hours —,
  // not what the group did (我们三个人都登记了信息, 两个人都记了笔记, 我俩都算志愿者, 我俩都去了)
  `${WE_ALL}的?(?:时长|时间|记录|小时)?(?:都|一起|一块)(?:帮忙|帮我们|给我们|麻烦)?(?:记|报|登记|算|提交)(?:一下|上|下)?${ASKED_END}|(?:记|报|登记)(?:上|一下)?${WE_ALL}(?:的|都)|` +
    `(?:(?:${NAME}|${PEER})[和跟]我|${WITH_PEER})[^，。,；;:：]{0,14}?(?:都|一起|一块)(?:帮忙)?(?:记|报|登记)(?:一下|上|下)${ASKED_END}|` +
    // (报一下我和室友的：…, 我把室友的也一起发了, 我俩都是2.5小时, 两人都是…, 我们仨…记3×2小时: the others' hours sent in with the student's;
    // U+0001 stands for a date as well as an amount, so the amount must end the clause — not 我俩都是11月15号去的)
    `(?:报|记|发)(?:一下)?${WITH_PEER}的(?=[:：\\s，,]|$|时长)|把(?:${PEER}|${NAME})的(?:时长)?也(?:一起|一块)?(?:发|报|记)|` +
    `(?:我俩|咱俩|我们俩|两人|俩人|两个人|我们仨|仨人)都是\\u0001+(?=$|[\\s，。,；;!！])|(?<=(?:我们|咱们|[俩仨]|[两三四五]个?人)[^。]{0,30})(?:记|报)\\s{0,2}\\d\\s{0,2}[×xX*]\\s{0,2}\\u0001`,
  // records held back
  '我[^，。,；;]{0,4}没(?:有)?(?:去|参加)(?!过)|没去成(?!' + WENT_INSTEAD_AFTER + ')|让我也记|(?:先不报|不报了|不用报)(?<!(?:那次|那回|那个|那天)的?[^，。,；;\\s]{0,10}(?:先不报|不报了|不用报))|先别记|别记了?|暂(?:时)?不记|先不记',
  // notices and examples
  // (…and news of the group's work headed as such: 【喜报】…, 简报：…)
  '(?<=^\\s{0,2}[【\\[]?)(?:喜报|简报|通讯稿|新闻稿)(?=[】\\]:：\\s])|@全体成员|每人按|辛苦大家|大家辛苦|示例|格式[:：]|模板[:：]|按(?:这个|以下|下面的?)?模板|有意者|(?<!个别|逐个|挨个|一个一个|单独|一一|分别)私聊(?![^，。,；;]{0,2}(?:回访|做|沟通|劝|问|了解|解释|调解|安抚))|请准时|通知[:：】]|【通知|各位同学|同学们[:：]|请(?:各位|大家|同学们|各团支部|各班|各支部)|大家(?:记得|自行|自己|各自)|(?:自行|各自)(?:登记|记录|上报|记)|(?<!^\\s{0,2}[#＃]?)(?<![的做整理名群]\\s{0,2})接龙(?!\\s{0,2}[、，,]?\\s{0,2}(?:表|整理|成|下单|订))|^\\s{0,2}[#＃]?接龙(?=[^\\n]{0,20}(?:统计|汇总|名单))|请于|提醒[:：]|(?<![贴发写印做送])温馨提示|转(?:发)?给你|转一下',
  '^\\s*(?:比如|例如|举个例子?|譬如|假如|如果|假设|要是|example|e\\.g\\.|for example|for instance)',
  // 同学们昨天在…; 这是我们组长的：…
  `^\\s{0,3}同学们(?=\\s{0,2}(?:\\u0001|今天|昨天|前天|在|去))|这是(?:我的?)?(?:${OTHER}|${NAME})的`,
  // …in English or half in English (我 的 friend Anna…, she 昨天…), not with my friend
  '(?<!(?:with|and|和|跟|与)\\s{0,2})(?<![a-z])(?:my|我\\s{0,2}的)\\s{0,2}(?:roommate|friend|classmate|teammate|groupmate)s?(?![a-z])|(?<![a-z])(?:on behalf of|for (?:him|her|them))(?![a-z])|^\\s{0,3}(?:she|he|they)(?![a-z\'])',
].join('|'));
/**
 * A classmate named in English at the start, before what they did (Anna 今天在锦绣社区…, Tom helped…):
 * read on the text as sent, where the capital marks a name. Not I, a day, a greeting or a label,
 * nor someone the student served with (Lily 和我…).
 */
export const LATIN_NAME = new RegExp(
  '^\\s{0,3}(?!(?:I|We|My|Our|Me|Today|Tonight|Yesterday|Last|This|Next|On|In|At|From|After|Before|Hi|Hello|Hey|Dear|Sorry|Ok|Okay|Yes|No|Thanks|Thank|Please|Good|Morning|Afternoon|Evening|Night|Update|Done|Finished|Also|And|So|Then|Well|Um|Uh|Oh|Hmm|Teacher|Just|Online|Offline|Report|Note|Volunteer|Service|Mon|Tue|Wed|Thu|Fri|Sat|Sun|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Spent|Brought|Made|Gave|Ran|Held|Kept|Taught|Went|Did|Took|Led|Met|Put|Got|Built|Sent|Told|Read|Set|Sat)[a-z]*(?![A-Za-z]))' +
    // (…nor a verb opening an English report: Planted 20 saplings, Visited 5 shops, Tutored 4 kids)
    '(?![A-Z][a-z]{3,}(?:ed|ing)(?![A-Za-z]))' +
    '[A-Z][a-z]{1,12}(?:\\s[A-Z][a-z]{1,12})?\\s{0,2}(?=今天|昨天|前天|上周|周[一二三四五六日]|\\d|在|去|到|和|跟|today|yesterday|went|did|helped|taught|was|and)' +
    '(?![^，。,；;]{0,12}(?:和我|跟我|与我|带我|带着我|and I|and me|with me))',
);

/** Hours shared out among several people (张明和李华各3小时, 我们各记2小时). */
export const SHARED = /各(?:都)?(?:记|计|算|按)?\s{0,2}\u0001+/;

/** A name written in a template's 姓名 field (姓名：赵晓雨). */
const NAME_FIELD = /(?:姓名|名字)\s{0,2}[:：]\s{0,2}([\u4e00-\u9fa5]{2,3})/;

/**
 * A report filled in for the one a template names (姓名：赵晓雨 … 帮晓雨填的): 帮/替/代 and the name, or
 * its given name, before what was sent in. The field alone is the student's own name.
 */
export function filledForNamed(masked: string): RegExpExecArray | null {
  const name = NAME_FIELD.exec(masked)?.[1];
  if (!name) return null;
  const given = name.length > 2 ? name.slice(1) : name;
  return new RegExp(`(?:帮|替|代)(?:${name}|${given})[^，。,；;]{0,3}(?:报|记|登记|填|提交|上报)`).exec(masked);
}

/** Several people, the student among them: 我俩, 我们宿舍, 大家, 全班 — or a count of them (我们宿舍四个人, 6个人). */
const GROUP = `(?:${WE_ALL}|(?<![和跟与同])大家|全班|全组|我们(?:班|组|宿舍|寝室|小组|队)|我和[^，。,；;\\u0001]{1,6}|(?:两|二|三|四|五|几)人)`;
/** …counted, the student among them (我们宿舍4人, 我们一共6个人) — not the people served (帮30个人测了血压). */
const COUNTED = '(?:我们|咱们|我和[^，。,；;]{1,6}|包括我|小组|组里|宿舍|寝室)[^，。,；;]{0,6}?(?:[两二三四五六七八九十几\\d]{1,2})个?人';
/** A total for all of them: 一共, 总共, 加起来, 加一块 … and the amount (U+0001) after it; 加起来/合计 also later in the sentence (我和室友在幸福里扫雪，加起来6小时). */
/** Words that add several people's hours up (加起来6小时), said also away from the group named. */
const ADDED_UP = '(?:加起来|加一块|加在一起|合计)';
const TOTAL = `(?:一共|总共|${ADDED_UP}|共计|总计|累计)(?:是|有)?(?:[^\\s，。,；;\\u0001]{1,2}了)?\\s{0,2}\\u0001+`;
/** The student's own share said after all (每人两个半小时, 我自己干了2小时): the total is no question then. */
const OWN_SHARE = /每人|每个人|人均|我(?:自己|本人|个人)?(?:是|干了|做了|服务了|弄了)?\s{0,2}\u0001/;
const GROUP_TOTAL = new RegExp(`${GROUP}[^，。,；;]{0,3}${TOTAL}|(?:${WE_ALL}|我和[^，。,；;\\u0001]{1,6})[^。]{0,16}?${ADDED_UP}[^，。,；;\\u0001]{0,3}\\u0001+|${COUNTED}[^。]{0,20}?${TOTAL}|我比(?!较)[^，。,；;]{1,4}?(?:少|多)(?:了)?(?:点|一点|些|一些)?(?=[，。,；;!！~～\\s]|$)|我(?:稍微|稍|略)?(?:少|多)(?:了)?一?(?:点|些)(?=[，。,；;!！~～\\s]|$)`);

/**
 * Hours said for several people together (我俩一共干了5个小时, 我们宿舍四个人…总共服务了10个小时, 大家一共服务了10小时)
 * or only against another's (室友干了3小时，我比她少点): the student's own hours are not said. Works on the masked text.
 */
export function groupTotal(masked: string): RegExpExecArray | null {
  return OWN_SHARE.test(masked) ? null : GROUP_TOTAL.exec(masked);
}

