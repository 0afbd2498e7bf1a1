/**
 * Help given at an event someone else put on (社区组织的义诊，负责引导; 社区办敬老茶话会，我们负责签到; 运动会上当裁判) —
 * 实事 — told apart from an activity of the student's own (我们自己组织了, 主讲, 教阿姨们跳广场舞) — 活动. Part of
 * reportItems.ts; works on the masked text.
 */
import { PUBLIC, PUT_ON } from './reportItemWords.js';

/** Big events students serve at; what they did there decides the item. */
const VENUE = /运动会|健步走|赛包|参赛|联欢会|配合[^，。,；;]{0,12}(?:开展|举办|组织)|游园|邻里节|冰雪节|文化节|马拉松|半马|招聘会|献血|赛事|晚会|春晚|集市|庙会|展会|展演|义卖|放电影|比赛|大赛|竞赛|竞答|抢答|海选|彩排|汇演|(?:作品|画|图片|漫画|手工艺?|摄影|书画|剪纸)展|展览|讲座|讲堂|读书会/;
const VOLUNTEERED = new RegExp(`(?:当|做)[^，。,；;]{0,4}志[愿原]者|音响|调音|灯光|场务|签到|配合|志愿服务|现场服务|保障|帮忙|帮着|去帮|裁判|计分|检录|引导|维持秩序|补给|存(?:取)?包|发水|摆(?:器材|椅子)|搬|帮[^，。,；;]{0,6}布置|布置[^，。,；;]{0,8}场地|` +
  // (…and the other parts behind an event's scenes: 后台候场, 计时, 评分统计, 收银记账, 布展撤展, 发奖品, 收拾场地)
  `后台|候场|点名|计时|评分|打分|分数|记录成绩|登记成绩|收银|记账|收钱|布展|撤展|发(?:奖|号码布|道具|矿泉水)|收拾[^，。,；;]{0,2}(?:场地|展厅)|调(?:试)?(?:话筒|投影)|接电源|摆(?:桌|椅|凳|展板)|放锥桶|称(?:鱼|食材|重)|化妆|换服装`);
/** Who puts on events the students help at. */
const HOST = '社区|街道|村委会?|村里|居委会?|镇里|镇上|镇政府|物业|学校|学院|团委|医院|卫生院|卫生站|服务站|医生|商家|图书馆|血站|献血车|文化站|实践站|合作社';
/**
 * An event someone else put on: 社区组织的义诊, 社区主办的, 协助社区举办邻里节, 人家社区办那个敬老活动,
 * 社区搞了个义卖 and 社区办敬老茶话会 — but 在社区开展了宣传 is the student's own.
 */
const HOSTED = new RegExp([
  `(?:${HOST})[^，。,；;]{0,4}(?:组织|主办|举办|承办|办|搞|开展)(?:的|嘅)`,
  // the host's own event (社区的文艺汇演, 社区请人来办讲座)
  `(?:${HOST})(?:的|嘅)[^，。,；;]{0,8}(?:活动|汇演|演出|讲座|晚会|比赛|义诊|招聘会|书法班|老年大学)|(?:${HOST})[^，。,；;]{0,4}请[^，。,；;]{0,6}(?:来)?(?:办|讲|开)`,
  `(?<!(?:在|到|去|赴|于|前往)[^，。,；;]{0,8})(?:${HOST})[^，。,；;]{0,4}(?:组织|主办|举办|承办|办|搞|开展)了(?:个|一场|一次|[“"「『《]|\\s{2})`,
  '(?:人家|别人)[^，。,；;]{0,6}(?:组织|主办|举办|办|搞)|(?:协助|配合)[^，。,；;]{0,6}(?:举办|开展|组织)(?!了?(?:相关|日常)?工作)|主办方|承办方',
  // (社区办敬老茶话会，…我们负责签到: the host the subject at the start of a clause)
  `(?:^|[，。,；;\\s\\u0001])(?:${HOST})(?:在[^，。,；;]{1,8})?(?:办|组织|举办|开展|搞)了?(?![理公的去到])`,
].join('|'));
/**
 * The student's own activity, one list for every check below: an event the students put on — said with
 * who ran it (我们自己组织了, 我们社团在幸福里开展了, 我们在社区开展的, 青协办了) or with no one else
 * named before the verb (在幸福里开展书法进社区, 搞了一场剪纸体验, 在幸福里社区开展了: the place) but not
 * 社区组织的, 协助社区举办, 配合开展, 帮忙组织 —, or their own part on its stage: speaking (宣讲反诈知识, 主讲,
 * 负责讲解, 给居民讲), hosting, performing (给居民表演快板, 给居民唱红歌, 演了一出情景剧 — not 给合唱团排练), teaching an art (教阿姨们跳广场舞)
 * or writing for residents (给居民写春联).
 */
const OTHERS = `(?<![在到去于赴][^，。,；;]{0,8})(?:${HOST})|他们|她们|人家|别人|协助|配合|帮忙?|帮着|代`;
const OWN_ACTIVITY = new RegExp([
  '(?:我们|咱们|本人|我|青协|学生会|支部|班里|班级)(?:自己|支部|团支部|小组|社团|班|队)?(?:在[^，。,；;帮给为替协配参]{1,8})?(?:组织|举办|开展|办|搞|策划|张罗|直播)',
  // (从布展到讲解都是我们弄的, 我是组织者, 开了个读书会, 做健康讲座: the whole event the students' own)
  '都是(?:我们|咱们|我)(?:自己)?(?:弄|搞|办|做)的|我是(?:总)?(?:组织者|策划|负责人)',
  `(?<!(?:${OTHERS})[^，。,；;]{0,4})(?:开|做)了?(?:个|一场|一次|场)|(?<!(?:协助|配合|帮忙?|帮着|代)[^，。,；;]{0,8})做[^，。,；;]{0,6}(?:讲座|宣讲|分享会|读书会)`,
  `(?<!(?:${OTHERS})[^，。,；;]{0,4})(?:组织|举办|主办|策划|开展|办了|搞了(?!\\s{0,2}(?:[\\u0001\\u0002]|[\\d一二两三四五六七八九十几半.]+\\s{0,2}个?\\s{0,2}(?:小时|钟头|分钟|h)))|进行(?=[^，。,；;]{0,8}(?:宣|讲|演|赛|活动)))(?![的者方])`,
  `宣讲(?![稿团队员会])|主讲|我讲|由我讲|自己讲|负责[^，。,；;]{0,6}讲|讲解员|(?<!直播间?[^，。,；;]{0,3})主持|上台|(?:我们?|咱们)(?:表演|演|唱)|(?<![看观])(?:表演|演)了|[给为向](?![^，。,；;]{0,6}(?:讲座|讲堂)(?:摆|搬|布置|调|发|倒|签到|拍照|收拾))[^，。,；;]{0,8}(?:讲|表演|演(?![员示])|(?<!合)唱)|[给为](?:辖区)?(?:${PUBLIC}|老人)[^，。,；;]{0,4}写|教[^，。,；;]{0,8}(?:跳|唱|舞|画|剪|写)`,
].join('|'));
/**
 * An assistant's role (当助教, 当心肺复苏培训的助教, 跟着卫生院老师做助手): 实事 at a class someone else gives — helpedAtOthersEvent reads it only when
 * no activity of the student's own is told (我们办了个书法班，我当助教 is 活动).
 */
const ASSISTANT = /(?:当|做|担任)了?[^，。,；;]{0,10}?(?:助教|助手)|我(?:们)?(?:是|就是)(?:[^，。,；;]{0,4}的)?(?:助教|助手)(?![^，。,；;]{0,2}[a-z\u4e00-\u9fa5])/;
/** A hand lent at the student's own activity (给居民写春联，帮着贴到门上): part of that activity. */
export const helpedAtOwnActivity = (text: string): boolean => OWN_ACTIVITY.test(text) && LENT_A_HAND.test(text);
/** What a helper does at such an event. */
const HELPED_AT = /负责|协助|帮|志[愿原]者|布置|引导|维持|搬|摆|发放|登记|签到|打下手|后勤|配合/;
/**
 * A match's officials (当裁判, 记分员, 计数裁判, 发令员, 边裁, 技术台记录): a role at a game, 实事 unless the
 * students put the game on themselves.
 */
const OFFICIAL = /裁判|裁叛|边裁|主裁|记分|计分|计数|计时员|发令|检录|技术台|记录台/;
const GAME = /赛|运动会/;
/** …setting the questions or hosting is running the contest (我们负责出题和计分). */
const RUNNING = /出题|命题|主持/;

/** A helper's hands-on part at an event (发传单, 摆展板, 搬音响, 布置会场, 引导入座, 整理材料 …). */
const EVENT_CHORES = '(?:发[^，。,；;]{0,8}?(?:传单|宣传|资料|册|放|单)|摆|搬|运|布置|准备|调试|倒水|搭|挂|维持|引导|扶|签到|贴|整理|登记|录入|统计|核对|打印)';
/** …given to those who put the event on (我帮着发传单摆展板, 帮他们布置汇演的舞台, 给社区搬运展品, 帮康宁社区布置场地, 跟着村干部发宣传单). */
// (…or said to be for them after the work or beside it: 发了两百份传单，是帮社区发的; 宣传单发放（帮社区）)
const HELPER = new RegExp(`帮(?:着)?(?:${HOST})(?:[^，。,；;]{0,2}[发做弄贴印]的|[)）])|(?:帮(?:着|忙|到|他们|她们|人家)|协助|(?:帮|给)(?:着|忙)?(?:工作人员|老师)|给(?:着|忙)?(?:${HOST})|帮[^，。,；;给为]{0,6}?(?:${HOST})|跟着[^，。,；;]{0,4}(?:${HOST}|干部|工作人员|网格员|民警|书记))[^，。,；;]{0,12}?${EVENT_CHORES}`);
/** …lending a hand with no one else named (帮着贴到门上, 帮忙摆桌子): at the student's own activity, its part. */
const LENT_A_HAND = new RegExp(`帮(?:着|忙)(?!${HOST})[^，。,；;]{0,12}?${EVENT_CHORES}`);
/** Hosting a live sale for the village (帮村里直播间当主持，卖蘑菇): help with selling, whatever the role. */
const LIVE_SALE = new RegExp(`(?:帮|给|替)(?:${HOST}|农户|合作社)?[^，。,；;]{0,6}直播间?[^，。,；;]{0,8}(?:主持|主播|带货|卖|销售)`);
/** A residents' troupe helped to rehearse its own show (帮社区老年合唱团排练节目, 给舞蹈队的阿姨们抠动作). */
// (…and led or taught at it: 带合唱团练了两个小时, 给合唱团排选段, 教舞蹈队的阿姨们认拍子 — not 带合唱团去演出)
const TROUPE = /(?:帮|给|带|教)(?:着)?[^，。,；;]{0,10}(?:合唱团|合唱队|舞蹈队|模特队|文艺队|秧歌队|腰鼓队|艺术团|戏曲队|乐队)[^，。,；;]{0,8}?(?:排练|排节目|排队形|抠动作|编排|走秀|排(?!名)|练(?!完)|认拍|识谱|识简谱|分声部)/;

/**
 * Help given to others rather than an activity of the student's own: false whenever the text tells of the
 * student's own activity (OWN_ACTIVITY); else true for a live sale run for the village, a match's official,
 * help at a big event (运动会, 邻里节 …), a hand lent with setup or paperwork (HELPER — no event need be
 * named: 帮社区整理合唱团的报名表) or with a residents' troupe's rehearsal, and help at an event a host put on
 * (社区组织的义诊，负责引导).
 */
export function helpedAtOthersEvent(text: string): boolean {
  if (OWN_ACTIVITY.test(text)) return false;
  // (a troupe's rehearsal, an assistant's role, a hand lent or a match's official — unless the event is put on)
  const helper = TROUPE.test(text) || ASSISTANT.test(text) || HELPER.test(text) || (OFFICIAL.test(text) && GAME.test(text) && !RUNNING.test(text));
  if (helper && !PUT_ON.test(text)) return true;
  return LIVE_SALE.test(text) || (VENUE.test(text) && VOLUNTEERED.test(text) && !RUNNING.test(text)) || (HOSTED.test(text) && HELPED_AT.test(text));
}
