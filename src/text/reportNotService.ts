/**
 * What in a report is no service to residents: the student's own coursework, a request to record the
 * report, watching or attending, and time spent with nothing done — and what the student did at what
 * they attended. Part of reportItems.ts; works on width-folded, masked text.
 */

/** The student's own coursework about the service (写实践报告, 整理实践材料, 写心得) serves no resident. */
export const OWN_PAPERWORK = /(?:写|整理|做|准备|交|提交)(?:了|完)?(?:一?[份篇个])?(?:社区)?实践(?:报告|心得|总结|材料|记录|日志|感想)|写(?:了|完)?(?:一?[份篇])?(?:心得|感想|体会)/g;
/**
 * The student's own course or contest the service also served (也是公共管理课的访谈作业, 这是我们安全工程调研比赛用的数据,
 * 顺便给营销课做了个小调研, 也当我师范技能比赛的练习了): to the end of its clause, no work for residents.
 */
export const OWN_COURSEWORK = new RegExp([
  '(?:也|同时|顺便|正好|刚好)(?:也)?(?:是|算|当|交了?|给|用了?|用于|作为)[^，。,；;]{0,16}(?:课程?|大创|比赛|大赛|竞赛)[^，。,；;]*',
  '(?:这|数据)(?:也)?是(?:我们?|我的)[^，。,；;]{0,12}(?:大创|比赛|大赛|竞赛|课程?)[^，。,；;]*',
  '(?:我|我们)的?[^，。,；;]{0,12}(?:大创|比赛|大赛|竞赛)(?:团队|小组)?(?:用的|的(?:数据|练习|调研|项目|素材)|也|正好|借机)[^，。,；;]*',
  '(?:给|为)(?:我|我们|自己)的?[^，。,；;]{0,10}课(?:程)?(?:做|交)了?[^，。,；;]*|[^，。,；;\\s]{1,10}课的?(?:实践)?作业也(?:用|是)[^，。,；;]*',
].join('|'), 'g');
/**
 * Work said not done, or not the student's (这次不是走访, 我没有入户, 不是宣讲，只是发放, 会议不是我主持的, 主讲人是社区民警):
 * its words name no item of this service.
 */
export const NOT_DONE = new RegExp([
  '(?:不是|并非|并不是|没有?|并没有?)(?:去|我|在)?(?:走访|入户|宣讲|主持|主讲|组织|培训课?|讲座)(?:企业|的)?',
  '(?:活动|会议|讲座|宣讲)(?:也|并)?(?:不是|并非|没让)我(?:组织|主持|主讲|办|讲)的?',
  '主讲(?:人)?是(?!我)[^，。,；;]{1,8}',
].join('|'), 'g');
/** The student's own PE test or class told beside the service (对了今天体测800米我跑了4分多钟; not the service after 去/到/在). */
export const OWN_PE = /(?<=^|[，。,；;\s]|对了)(?:今天|昨天|上午|下午|\u0001+)?(?:我)?(?:体测|上体育课|跑操)[^，。,；;去到在]*/g;
/**
 * A request to record this report (帮我记上, 麻烦老师登记一下, 记一下哈): said to the bot or a teacher, no
 * service to anyone — a report with nothing else done is asked what was done.
 */
export const RECORD_REQUEST = /(?:帮|给|替)(?:我|俺|咱)(?:记|登记|记录|录|报|上报|填|写)(?:上|一下|下|一笔|进去|上去)?|(?:麻烦|劳烦|(?<![申邀])请|(?<![需要追诉寻征])求)(?:您|你|老师)?(?:帮(?:我|忙|个忙)?|给我)?(?:记|登记|记录|录入|录|报|上报)(?:上|一下|下|一笔)?|(?<![登])(?:记|记录)(?:一下|上|一笔)(?=$|[，。,；;!！~～\s吧哈呀啊嘛])/g;
/**
 * Watching or attending, not serving: a show (当观众), a ceremony, a talk, a training or a meeting sat
 * in on (听了一场讲座, 参加志愿者交流会, 跟着学了怎么入户), an exhibition visited.
 */
export const ATTENDED = new RegExp([
  '当观众|观看(?!的(?:有|人|群众|居民|村民))|观摩|旁听|看了[^，。,；;]{0,6}(?:演出|节目|表演|比赛|展览)|参加了?[^，。,；;]{0,8}(?:大会|仪式|典礼|表彰|动员会)',
  '听了?(?:一场|一次|一节|一堂|个|场|节)?[^，。,；;]{0,8}(?:讲座|报告|宣讲|培训|课)(?![^，。,；;]{0,2}(?:的|时))',
  '(?:参加|参与|接受)了?[^，。,；;]{0,10}(?:培训|见面会|交流会|分享会|经验会|启动会|会议)',
  // (只是去听的, 我就是去看的: there only to listen or watch)
  '(?:只|就)是?(?:去)?(?:听|看|旁听|观看)(?:的|了)?(?=[\\s，。,；;!！~～]|$)',
  '跟着[^，。,；;]{0,4}学|学习了|参观了?(?![^，。,；;]{0,6}(?:企业|公司|工厂|厂|合作社))',
].join('|'));
/**
 * …or a drive joined as anyone might join it (参加了社区的旧衣回收活动): the drive's name is no work the student did,
 * so it is taken out before the words of service are looked for.
 */
export const JOINED_DRIVE = /(?:参加|参与)了?[^，。,；;]{0,8}(?:回收|义卖|集市|游园|换购|捐赠)[^，。,；;]{0,2}活动/;
/** What the student did at what they attended (我负责…, 当志愿者, 给居民讲, 组织居民观看…并讲解): then it was service. */
export const ROLE = /负责|担任|(?<!不是|没有?|并非)(?:主讲|主持)|(?<!参加|参与|观看)组织(?!的)|讲解|带领|当[^，。,；;]{0,4}(?:志愿者|讲解员|主持|裁判)|作为[^，。,；;]{0,6}(?:志愿者|讲师|代表)|给[^，。,；;]{0,8}讲|帮[^，。,；;]{0,8}(?:忙|布置|搬|引导|维持)|协助/;
/** Time spent with nothing done (待了3小时，啥也没干). */
export const IDLE = /(?:啥|什么)(?:也|都)没(?:干|做|弄)|没(?:干|做)(?:啥|什么)|没(?:啥|什么)(?:事|活)(?:干|做)?|也没安排啥/;
