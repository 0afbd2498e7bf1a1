/**
 * The words of the "4+X" items (the notice's own descriptions and how students say them), and of
 * help given at an event someone else put on: the vocabulary reportItems.ts decides an item with.
 * Part of reportParser.ts; works on width-folded text.
 */

export type ItemKey = 'shishi' | 'zoufang' | 'huodong' | 'xiangmu' | 'x';

/** A quoted name or title (“科技助老”讲座, 《怎么防诈骗》, “隔夜菜到底能不能吃”): it names a thing, not the work done. */
export const QUOTED = /[“"「『《][^”"」』》]{1,24}[”"」』》]/g;

/** A school maths topic (一次函数, 鸡兔同笼, 有理数混合运算, 平面直角坐标系): taught, it is tutoring. */
export const MATH_TOPICS = '函数|方程|不等式|几何|代数|三角形|坐标系|概率|有理数|无理数|分数|小数|应用题|鸡兔同笼|奥数|口算|乘法|除法|加减法|因式分解|勾股|压轴题|证明题|混合运算';
/** What a tutor teaches (讲数学, 补英语, 讲作文, 讲 english): 课后服务, not a talk to residents. */
const SCHOOL = `数学|语文|英语|物理|化学|生物|历史|地理|作文|阅读|拼音|单词|口语|练字|错题|习题|题|作业|功课|english|math|homework|${MATH_TOPICS}`;
const SUBJECT = `${SCHOOL}|课`;
/**
 * School homework (写作业, 辅导作业, 家庭作业) — not work done by a crew or a machine (车/机械/高空作业, 铲雪作业,
 * 消杀作业, 除冰作业, 除草作业, 清扫作业, 喷药作业, 绿化作业). Shared by SERVICE and reportAreas.ts.
 */
export const HOMEWORK = '(?<![车机工空雪杀冰草扫药化])作业';
/** Children and pupils, as the students name them (also in English: kids, students). */
const CHILDREN = '小孩|孩子|小朋友|学生|儿童|娃|kids?(?![a-z])|children|students?(?![a-z])';
/** A class on a public topic (上了一堂反诈课, 上消防安全课): a talk, not tutoring. */
const TALK_CLASS = '[^，。,；;]{0,6}(?:反诈|防诈|防骗|普法|法治|消防|禁毒|急救)[^，。,；;]{0,3}课';
const NOT_TALK_CLASS = `(?!${TALK_CLASS})`;
/** …and one on a public topic the students put on themselves (上了节我们自己办的安全教育课): their event, read with PUT_ON. */
export const PUBLIC_TOPIC_CLASS = /(?:安全|反诈|防诈|消防|环保|垃圾分类|普法|防溺水|健康)[^，。,；;]{0,4}课/;
/** 修 as mending, one rule for SERVICE and HANDS_VERB: not 修改, 修建, 修养, 修正, 修订, 修复, 修饰, 装修, 修学分, 修行, 修身. */
const MEND = '(?<!装)修(?![改建养正订复饰学行身])';
/** Residents by name (居民, 村民, 业主, 家长, 老年人 …). */
export const RESIDENTS = '居民|群众|村民|业主|老人们|家长|大爷大妈|阿姨们|老年人|villagers|residents';
/** The public a talk or a class is given to (给居民讲, 为村民上了一节课, 给大家讲): a talk, not tutoring. */
const PUBLIC = `${RESIDENTS}|大家|(?:老|居民|社区|农村)?党员`;

// The notice's own words for each item (§四 "四个一": 出计献策、开展服务、课后服务、困难救助；
// 走访居民区、物业公司和业委会；宣讲、书法、绘画、歌曲、舞蹈、话剧；培育常态化项目) and the
// words students use for the same work. A project (项目) is decided by its own words before the
// rest, as a project meeting names the service it plans; an event (讲座, 比赛, 宣传 …) frames
// the help given at it (帮忙布置讲座会场 is 活动).
export const PROJECT = new RegExp([
  // (开项目会, 项目的组会, 项目推进会: a project's meeting)
  // (…and a standing team's meeting: 宣讲队的例会)
  '(?<!企业|型企业)培育|孵化|项目组|(?:服务|宣讲|志愿|帮扶)(?:队|团)的?(?:例会|周会|组会)|项目的?(?:小?组会|例会|会议?|推进会|碰头会|讨论会|筹备会|启动会|总结会|小结会|复盘会|交流会)|品牌项目|项目化|项目申报|项目策划|项目设计|项目方案|项目启动|项目例会|项目会议|项目推进|项目书|立项|人才培育',
  // 常态化…项目, 设计…项目, and the project's name before its planning: 「银龄课堂」项目怎么常态化开展
  '(?:常态化|对接|商量|开会|讨论|策划|设计|筹备|启动|推进|招募|确定|确立|共建)[^，。,；;]{0,22}项目|培育一个项目',
  '项目[^，。,；;]{0,16}(?:常态化|开展|对接|商量|开会|讨论|筹备|推进|启动|策划|设计|成立|方案|任务清单|计划书|招募|开班|招生|排课|运营|运行|复盘|第.期)',
  // …the project named, then what was done for it a clause or two on, as voice input runs on
  // (我们那个志愿服务项目，就是，排了下个月的班表)
  '项目(?!组)[^。]{0,20}?(?:排期|排班|班表|排[^，。,；;]{0,6}表|策划|申报|推进计划|计划书|启动|例会|分工|复盘)|项目[^。]{0,30}?(?:策划书|策划案)',
  // …in English or half in English (开项目 meeting, project kickoff)
  '(?:项目|project)\\s{0,2}组?\\s{0,2}(?:meeting|kick-?off|planning)|(?:meeting|kick-?off)[^，。,；;]{0,16}(?:项目|project)',
  // (our 'Silver Age Smartphone' volunteer project, project team meeting, this week's progress report)
  "(?<![a-z])(?:our|my)\\s[^，。,；;.!?]{0,45}?project(?![a-z]|\\s{1,2}(?:advisor|adviser|teacher|mentor|leader|supervisor))|project\\s{1,2}(?:team|group)(?![a-z])|progress report",
].join('|'));
export const EVENT = new RegExp([
  // …in English: a talk, show or event given (gave an online talk, ran an anti-scam quiz, hosted a storytelling event, a CPR demo)
  '(?<![a-z])(?:(?:anti-?(?:fraud|scam)|safety|legal|health|fire)\\s{1,2}(?:talk|lecture|session|campaign)|livestream|streamed|recitation|storytelling|poetry (?:recitation|reading|event|night)|opera (?:appreciation|show|performance|session)|guzheng|(?:gave|held|hosted|ran|did|organi[sz]ed) an? [^，。,；;.]{0,30}(?:talk|event|session|demo|workshop|lecture|show|quiz))(?![a-z])',
  // a talk given live online or recorded for residents (直播讲了诈骗套路, 做了一期消防安全知识直播, 录的防诈骗语音讲解)
  `直播(?:讲|宣讲|讲解|普法)(?![^，。,；;]{0,6}(?:${SCHOOL}))|` +
  '(?:做|搞|开)了?(?:一|1)?(?:期|场|次)[^，。,；;]{0,12}(?:知识|宣传|科普|安全)直播|语音讲解',
  // publicity and talks to residents
  '宣讲|宣传(?!栏|橱窗|展板|板|墙|图|牌|周|月)|宣教|(?:做|开展|进行)了?(?:一次|一场|一期)?[^，。,；;]{0,14}讲解(?![^，。,；;]{0,4}(?:使用|用法))|传单|宣传册|普法|讲座|演讲|科普|(?<!教[^。]{0,30})演示|讲解员|知识讲解|讲解(?=[^，。,；;]{0,12}(?:防|反|知识|政策|法|安全))|讲[^，。,；;]{0,10}知识|讲[^，。,；;]{0,8}(?:红色|党史|革命|英雄)故事|普及[^，。,；;]{0,6}知识|知识普及',
  // the speaker (本人主讲, 我主讲的), and a talk given as 给/为/向 someone (为辖区居民讲解政策) — not to one person (给一个五年级小孩讲
  // 简便运算, 给几位老人一对一讲胰岛素笔怎么用: teaching, 实事)
  `主讲|[给为向](?:辖区)?(?:${PUBLIC})[^，。,；;]{0,3}(?:讲|上[^，。,；;]{0,12}课)|给(?![他她]\\s{0,2}讲)(?![^，。,；;、]{0,14}?(?:一对一|(?:一|1)(?:个|位|名)[^，。,；;、]{0,8}讲))[^，。,；;、]{0,14}讲(?![^，。,；;]{0,6}(?:${SUBJECT}|故事)|怎么用|怎么操作|如何使用)`,
  // a training given, not attended
  // (a phone class, 智能手机培训, teaches use: 实事 with 教老人用手机)
  '(?<!(?:参加|接受|参与)[^，。,；;]{0,12})(?<!(?:手机|电脑|智能|app|软件)[^，。,；;]{0,2})培训班?',
  // shows, contests, fairs
  // (a match by its kind: 友谊赛, 乒乓球赛, 拔河赛, 知识竞赛)
  // (the notice's own name for the item, used as a tag: #开展一次活动)
  '开展一次活动|(?<!(?:看|参加|听|去)了?[^，。,；;]{0,4})(?:快闪|歌会|诗会|朗诵会)(?![^，。,；;]{0,4}(?:方案|策划|计划|排期))|(?<!参加了?[^，。,；;]{0,8})(?:组织|搞了?|办了?|举办)(?!我们|咱们)[^，。,；;]{0,8}(?:趣味跑|健步走|跑步|晨跑|夜跑|徒步|登山|骑行|门球)|(?:知识|有奖)?竞答|(?:组织|带)[^，。,；;]{0,12}观鸟|组织[^，。,；;]{0,8}(?:打(?!扫)|踢|跳|练)[^，。,；;]{0,2}(?:球|毽子?|绳|操)|(?:组织|开展|举办|办)[^，。,；;]{0,12}体验课|摄影展|演出|汇演|展演|义演|演唱会|音乐会|欣赏会|鉴赏会|赏析会|(?:政策|法律|知识|安全)讲解|(?<!点播|收看|看)节目|文艺|晚会|联欢|比赛|竞赛|大赛|杯赛|锦标赛|邀请赛|(?:球|友谊|联|接力|拔河|棋|趣味|知识|技能|歌唱|朗诵|演讲|征文|书法|绘画)赛|问答|答题|游园|运动会|运动推广|(?:办|举办|组织)[^，。,；;]{0,10}集市|义卖|展览|画展|书画展|布展',
  // gatherings
  // residents brought to something (组织居民观看红色电影)
  `组织(?:辖区)?(?:${PUBLIC})[^，。,；;]{0,8}(?:观看|看|参观|学习|参加|体验)`,
  // …or children or residents brought to make or perform something (组织小朋友画年画, 组织老人做手工灯笼, 组织龙江社区的孩子们学画国画,
  // 组织保利香槟的居民冬季长跑 — not 写作业)
  `组织(?:了)?(?:[^，。,；;]{0,8}?的)?(?:${PUBLIC}|${CHILDREN})们?(?:一起)?(?:[^，。,；;]{0,4}?)(?:画|做手工|做[^，。,；;]{0,4}(?:灯笼|手工|剪纸|风筝|贺卡)|剪|唱|跳|朗诵|表演|包饺子|写春联|制作|写毛笔字|抄写|学画|学写|长跑|跑步|拔河|观鸟|下棋)(?![^，。,；;]{0,6}(?:${SCHOOL}))`,
  // a talk on safety, health or fraud, told by what it was about (去社区讲食品安全, 上午讲了冬令进补, 在村里讲了养老诈骗 — not 测血糖、讲健康饮食,
  // 老师讲了安全常识)
  // (not 讲究, nor 讲了讲 in passing, nor 又讲了 after someone else's work: 社区医生来义诊，又讲了很多养生常识)
  '(?<=(?:去|到|在)[^，。,；;、]{0,10}|(?:^|[，,；;\\s]|[上下]午|早上|晚上)(?:我又?)?)讲(?!究|了?讲)(?:了)?\\u0001?(?:一?[场次堂节个下])?[^，。,；;、]{0,4}(?:安全|健康|养生|保健|进补|食疗|防范|防控|防治|预防|常识|政策|诈骗|骗局|校园贷|非法集资)',
  '观影|放电影|主题活动|亲子活动|推广活动|(?<!(?:帮|社区|物业|业委会|居委会|街道)[^，。,；;]{0,8})组织了(?:一)?场[^，。,；;]{0,8}(?:市集|集市|义卖|跳蚤市场)|(?:我们?|自己|我们班|我们组|团支部)[^，。,；;]{0,6}组织[^，。,；;]{0,6}(?:长跑|健步走)|组织[^，。,；;]{0,8}(?:长跑|健步走)[^，。,；;]{0,4}(?:我们|我)[^，。,；;]{0,4}(?:主办|组织)|(?:开|做|搞)了?(?:一)?场[^，。,；;]{0,6}直播|(?:组织|开展|举办|办了|搞了)(?!了?(?:一次|一场|一个|个)?(?:社区|志愿|服务|实践|社会|公益|的)*活动)[^，。,；;]{0,16}活动|联谊|彩排|排练|读书会|读书活动|亲子阅读|分享会|茶话会|故事会|英语角|夏令营|冬令营|主题党日|团日',
  // (not a board's posters changed: 给宣传栏换新的海报)
  '(?:反诈|防诈|普法|宣传(?!栏|橱窗|板|墙))[^，。,；;]{0,6}(?:推文|文章|视频|海报)|展示|微党课|(?:上|讲|开展)了?[^，。,；;]{0,4}党课',
  '(?:开|办|举办|组织|开展)了?(?:个|一场|一期|一节)?[^，。,；;]{0,12}(?:课堂|公益课|讲堂)',
  // (a class on fraud, the law or fire safety, 上了一堂反诈课, is a talk whoever it is given to)
  `上${TALK_CLASS}`,
  // (讲了1小时反诈: the amount said inside stands as one U+0001)
  '讲(?:了)?\\u0001?(?:一?[场次堂节个下])?(?:反诈|防诈|普法|防骗|禁毒)',
  'lecture|performance|show(?![a-z])|campaign|publicity|workshop|flyers?|leaflets?|brochures?|(?:give|gave|giving|gives)\\s{1,2}(?:a\\s{1,2})?(?:talk|speech|presentation)',
  '(?<![a-z])organi[sz](?:e|es|ed|ing)(?![a-z])[^，。,；;]{0,24}(?:activit|event|party|contest|competition|game|match|tournament|活动|比赛|晚会|讲座)',
].join('|'));
const ART = /(?:演|唱|表演)[^，。,；;]{0,4}二人转|二人转社(?=[^，。,；;]{0,16}演)|(?:组织|办|举办)了?[^，。,；;]{0,6}专场|演了[^，。,；;]{0,2}《|拉场戏|演了[^，。,；;]{0,6}[戏剧]|唱了一场|(?:办|演|搞|组织)了?[^，。,；;]{0,6}小剧场|书法|书画|绘画|诵读|朗诵|画画|画[^，。,；;]{0,4}像|歌曲|唱歌|学唱|合唱|红歌|舞蹈|跳舞|广场舞|秧歌|话剧|小品|歌舞|唱戏|[京沪豫越评川粤]剧|黄梅戏|花鼓戏|秦腔|昆曲|唱[^，。,；;]{0,6}歌|乐器|演奏|健身(?!器材|路径|设施|设备|广场|房|步道|场地|区|角|点)|太极|八段锦|五禽戏|工间操|广播操|健身操|做操|瑜伽|跳操|健步走|表演|朗诵|手工课|皮影|剪纸|灯谜|写春联|送春联|主持|脱口秀|相声|快板|三句半|情景剧|绘本剧|课本剧|calligraphy|paper.?cutting|(?<![a-z])(?:sing|sang|singing|danc(?:e|ed|ing))(?![a-z])/;
/**
 * Talking with staff (跟物业和业委会聊停车问题, 和居委会沟通): a visit when it is the only work; beside other
 * work (扫雪，跟网格员聊了几句; 跟居委会沟通后给老人理发) it is not — reportItems.ts drops it then.
 */
export const TALKED_WITH = /(?:和|跟|与|同)(?:几个|几位|一些)?(?:物业|业委会|企业|商户|居委会|村委会?|村干部|网格员|经理|老板|负责人|种植大户|种植户|养殖户|大户)[^，。,；;]{0,4}(?:聊|谈|沟通|交流|碰头)/;
// (入户给卧床老人测血压: going into the home to serve there, not to visit)
/** The words of a visit, talking with staff aside. */
export const VISIT_WORDS = /挨家(?:挨户)?敲门(?=[^，。,；;]{0,16}(?:了解|问|收集|征求|听取))|挨家(?:挨户)?问(?:了)?(?=[^，。,；;]{0,20}(?:意见|想法|需求|情况))|(?:去|跑|走)了?[^，。,；;\d]{0,6}(?:[两三四五六七八九几\d]|十几|好几)家[^，。,；;]{0,10}[，,]?\s{0,2}(?:了解|座谈|聊)|问(?:了)?问?(?:他们|大家|商户|老板|店主|企业|经理|负责人|村民|居民)[^，。,；;]{0,14}(?:想法|缺不缺|需不需要|愿不愿意|怎么)|checked on|asked (?:them|residents|households|villagers|the elderly|elderly|seniors|people|owners|shop owners)[^，。,；;.]{0,12}about|走访|调研|访谈|谈话|征集[^，。,；;]{0,6}(?:意见|建议|想法|需求)|入户(?![^，。,；;]{0,2}[给帮为替])|征求意见|收集意见|听取意见|家访|探访|走进[^，。,；;]{0,6}(?:企业|物业|业委会|居民家|农户家)|座谈|问卷|采访|摸排|(?:挨家挨户|挨户|逐户)[^，。,；;]{0,2}排查|排查了?[^，。,；;]{0,3}户|摸底|拜访|(?:上门|入户|电话|满意度)回访|回访[^，。,；;]{0,4}(?:户|家|居民|老人)|调查|(?<!来)考察|参观[^，。,；;]{0,4}企业|访民情|察社情|visit|survey|interview|questionnaire|door.to.door|(?<![a-z])(?:talk(?:ed|ing)\s{1,2}(?:with|to)|talk\s{1,2}with)(?![a-z])|了解[^，。,；;]{0,14}(?:情况|需求|诉求|困难|难处|问题|现状|咋样|怎么样|收成|(?<ask>[\u4e00-\u9fa5])不\k<ask>)/;
export const VISIT = new RegExp(`${VISIT_WORDS.source}|${TALKED_WITH.source}`);
export const SERVICE = new RegExp([
  // 课后服务 and tutoring (听写生字), answers to residents (在业主群里回答大家垃圾分类的问题), and in English
  '听写|录(?:了)?[^，。,；;]{0,4}课|(?:做|弄|整理|填)了?[^，。,；;]{0,4}台账|(?:回答|解答)[^，。,；;]{0,16}(?:问题|套路|政策)|(?<![a-z])(?:kept the line|ushered|sign-in desk|handed out|serv(?:ed|ing) (?:lunch|meals?|food)|set up [^，。,；;.]{0,20}phones?|showed them|measured|checked blood|brought [^，。,；;.]{0,30} to|picture books?|after-school|reviewed resumes|gave (?:some )?suggestions|saplings?)(?![a-z])',
  // 课后服务 and tutoring
  // (付导, 写做业: typed by sound; 线上普法小课堂 is no class: 上 there is 线上's)
  // (…and teaching one person, 给一个五年级小孩讲简便运算, 一对一讲胰岛素笔怎么用)
  `一对一[^，。,；;]{0,4}讲|给[^，。,；;、]{0,14}?(?:一|1)(?:个|位|名)[^，。,；;、]{0,8}讲|辅导(?!员)|辅倒|付导|补习|${HOMEWORK}|写做业|homework|tutor|课后服务|课后|托管|答疑|补课|支教|讲题|功课|四点半课堂|陪读|绘本(?!剧)|接送|(?<![线网])上${NOT_TALK_CLASS}[^，。,；;]{0,10}课|护学|兴趣班|兴趣课|素质拓展|自护`,
  `带[^，。,；;]{0,6}(?:${CHILDREN}|老人)(?![^，。,；;]{0,8}(?:太极|广场舞|跳操|健步走|跳舞|健身|锻炼|运动会|比赛|排练|演出|表演))|讲(?![座解])[^，。,；;]{0,6}(?:${SUBJECT})|讲解[^，。,；;]{0,6}(?:${SCHOOL})|补[^，。,；;]{0,2}(?:${SCHOOL})`,
  // the elderly, the disabled, families in need (读报给老人听, 包饺子送老人), a suggestion made (出计献策: 提出建议)
  '读[^，。,；;]{0,8}报纸|读报|包饺子|(?<!(?:居民|村民|业主|大家|他们|她们|老人|群众|家长)[^，。,；;]{0,3})提(?:出|了)?[^，。,；;]{0,6}(?:建议|意见)(?![^，。,；;]{0,4}(?:征集|收集))|剪(?:了|辑)[^，。,；;]{0,12}(?:片子|视频|录像)',
  // the elderly, the disabled, families in need
  '(?:环保|助老|助残|敬老|关爱)志愿|助老|为老|敬老(?!院|文艺|晚会|演出|汇演|活动|联欢)|助残|帮扶|救助|关爱|照顾|照料|陪伴|陪护|陪诊|陪(?!同|着?(?:[^，。,；;]{0,4}(?:书记|网格员|社工|主任|工作人员|干部|领导|老师|民警|医生|居委会|村委会|街道)))|上门(?![^，。,；;]{0,2}(?:回访|走访|访|调查|了解))|送餐|送药|打饭|盛饭|分饭|送菜|送米|米面油|送[^，。,；;]{0,3}(?:餐|饭|菜)|(?:打|盛|分|端)了?[^，。,；;]{0,5}(?:份|碗|盘)?(?:饭|菜)|收盘子|收碗|洗碗|助餐|助浴|助洁|适老化|物资|送[^，。,；;]{0,6}(?:衣物|衣服|冬衣|棉衣|棉被|被褥|年货|粮油|爱心|学习用品|文具|书包|慰问品|手套|热水|姜茶|口罩|药品)|代办|代购|代买|买菜|做饭|做了?(?:一|几)?顿饭|包了?[^，。,；;]{0,3}饺子|理了?(?:一次|个|一个)?发|理发|导医|指路|念[^，。,；;]{0,4}(?:化验单|报纸|信|说明书)|写了?(?:一)?封信|通(?:开)?了?[^，。,；;]{0,2}下水道|剪枝|收(?:豆子|玉米|花生|白菜)|缠[^，。,；;]{0,4}防寒|清障|(?:饭|菜|快递|雪|漆|小广告|垃圾|窗户?|玻璃|秩序|马路|题|玉米|落叶|杂物)[^，。,；;\d]{0,3}(?:送|扫|刷|铲|捡|擦|维持|护送|讲|掰|取|打)(?:帮忙)?了|剪头发|洗脚|修指甲|剪指甲|捶背|读报|喂饭|推轮椅|(?<=(?:帮|替|给)[^，。,；;]{0,8})跑跑?腿|跑跑?腿(?=[^，。,；;\\s\\u0001]{2})|取药|买药|取快递|缝补|修鞋|洗衣',
  // 环境治理, cleaning, snow, planting (台阶上的冰都铲了, 捡烟头, 撒融雪剂, 只扫了半小时)
  '撒[^，。,；;]{0,3}(?:融雪剂|沙|盐|工业盐)|(?<![打清])扫了?\\u0001|守(?:着|了)[^，。,；;]{0,8}(?:避难所|路口|现场|门口)|冰[^，。,；;]{0,3}铲|捡[^，。,；;]{0,2}(?:烟头|塑料袋|垃圾|废纸)|清理|清扫|打扫|擦(?!了?(?:药|擦|汗|眼泪|鼻涕))(?:了|干净|拭)|拖(?:了)?(?:一遍)?地|送(?:给|到)[^，。,；;]{0,8}(?:老人|居民|孤寡|困难|独居|敬老院)|写(?!着)[^，。,；;]{0,8}(?:说明牌|标牌|牌子|标签)|扫(?:楼道|楼梯|院子|街道|马路)|铲[^，。,；;]{0,8}冰|净滩|(?:测|检测|监测|采样)[^，。,；;]{0,10}水质|水质(?:检测|监测)|收拾(?![^，。,；;]{0,2}(?:东西|行李|书包|心情))|卫生(?!服务站|服务中心|院|所|室|站|局)|清洁|保洁|消毒|消杀|文明(?:城市)?创建|创城|扫雪|除雪|铲雪|铲冰|除冰|[扫铲][^，。,；;]{0,6}雪|扫地|落叶|捡垃圾|捡[^，。,；;]{0,12}垃圾|清[^，。,；;]{0,6}(?:积雪|雪|垃圾|杂物)|积雪|冰溜子|捡拾|分拣|环境整治|义务劳动|督导|站桶|墙绘|彩绘|手绘|粉刷|刷墙|植树|种树|种花|浇花|除草|浇水|巡河|护河|护林',
  // recycling drives (旧衣回收, 回收废旧电池 — not 回收问卷)
  '(?:旧衣|衣物|旧衣物|废品|旧物|废旧|电池|可回收物|快递盒|纸箱|塑料瓶)[^，。,；;]{0,4}回收|回收[^，。,；;]{0,4}(?:旧衣|衣物|废品|旧物|废旧|电池|快递盒|纸箱|塑料瓶)',
  // garden and tree care (补种了40株, 栽了200多株, 给行道树刷白, 剪残花, 绑防雪压的支架, 换盆, 挂树木名牌)
  '种了|种下|栽(?!了?(?:个|一个)?跟头)|补种|补[^，。,；;]{0,2}苗|换盆|残花|枯枝|刷白|涂白|防冻|越冬|种球|移栽|扦插|松土|培土|剪[^，。,；;]{0,6}(?:残花|枯枝|枝条|杂草)|绑[^，。,；;]{0,10}(?:支架|架子|草绳|绳)|(?:挂|钉)[^，。,；;]{0,4}(?:名牌|铭牌|标牌|牌子)',
  // repairs (拧紧松动的螺栓, 紧固, 焊了个框, 加盖板, 铺防滑条, 上油)
  '拧紧|拧[^，。,；;]{0,2}螺丝|紧固|螺栓|焊|加固|盖板|防滑条|铺[^，。,；;]{0,6}(?:防滑|垫|砖|板)|上油|补漆|刷漆|疏通|封堵|(?<!排)查(?:了|看)[^，。,；;]{0,8}(?:设施|器材|设备|线路|管道|阀门|燃气|暖气|灶具)',
  // things painted or put up for a community (画门头招牌, 画主题墙, 画了3块展板, 出了一期宣传栏, 张贴, 翻成俄语)
  '画(?:了)?[^，。,；;]{0,12}(?:墙|招牌|门头|展板|板报|栏|牌|跑道|地面|地上|井盖|台阶|背景|边框|标识|标志|路标|指示)|宣传栏|公开栏|公示栏|橱窗|板报|展板|张贴|贴(?:到|在|上|了)|翻成|译成',
  // health help
  '义诊|体质|体测|筛查|握力|骨密度|量[^，。,；;]{0,3}(?:血压|blood pressure)|blood pressure|health check|测[^，。,；;]{0,3}血[压糖]|测体温|测温|测量|体检|叫号|换药|康复训练|用药指导|理疗|艾灸|推拿|按摩|健康档案|健康咨询',
  // order and safety
  '巡逻|巡查|值守|值班|执勤|站岗|维持秩序|维持[^，。,；;]{0,8}秩序|劝导|疏导|指挥交通|(?<!(?:入户|挨家挨户|挨户|逐户)[^，。,；;]{0,4})排查(?![^，。,；;]{0,4}户)|检查|检修|核酸|接种(?![^，。,；;]{0,2}(?:情况|信息|记录|史))|调解|出计献策|(?<!有什么|有啥|有没有|什么|啥)建议书?|(?<!(?:居民|家长|老人|大家|他们|她们|村民|群众)[^，。,；;]{0,3})提(?:了)?[^，。,；;]{0,4}(?:意见|建议)|出(?:了)?(?:点|些|个|几个|几条|几点|条|一些|不少)?(?:主意|点子)|献策|建言',
  // skills put to use (and the everyday English for the work: teach, clean, fix, deliver …)
  `义剪|维修|修理|${MEND}|(?:换|装|安)了?[^，。,；;]{0,4}(?:灯泡|灯管|感应灯|路灯|水龙头|纱窗|门锁|扶手)|修[^，。,；;]{0,4}(?:电脑|路由器|家电|自行车|水管|电器|手机)|装系统|重装|杀毒|调试|教[^，。,；;]{0,10}(?:用|使用|操作|下载|注册|拍|查|交|缴|挂号|发|设置)|指导[^，。,；;]{0,10}(?:使用|用|操作)|讲解[^，。,；;]{0,8}(?:使用|用法)|下载|注册|安装|装[^，。,；;]{0,10}(?:app|软件|应用)|咨询(?![点台处站])|翻译|批改|tutor|teach|taught|clean|snow|shovel|sweep|swept|trash|garbage|litter|rubbish|plant(?:ed|ing)?\\s{1,2}(?:trees?|flowers?)|cook|take care|took care|cared? for|repair|fix(?:ed)?(?![a-z])|deliver|translat|改简历|改[^，。,；;]{0,4}(?:求职信|自荐信)|模拟面试|参与一项实事|扫描|数字化|debug|缠[^，。,；;]{0,3}草绳|报名|填[^，。,；;]{0,4}表|申请|海报|黑板报|文化墙|剪辑|修图`,
  // survey and drawing work done for a community (量楼道, 测绘老街门楼, 画停车位示意图, 给规划打底图)
  '量[^，。,；;]{0,10}(?:楼道|楼到|楼梯|台阶|尺寸|外墙|场地|面积|宽度|长度|高度|距离|出入口)|测[^，。,；;]{0,3}(?:楼道|台阶|地形|尺寸|场地|面积)|测绘|测距|绘制|制图|(?:示意|草|效果|平面|底|插|鸟瞰|规划|设计|施工)图|图纸',
  // traffic, parcels, accounts and recordings done for residents (指挥停车, 分快递, 给合作社算账, 录有声书, 陪练面试)
  '指挥[^，。,；;]{0,8}(?:停车|车辆|车|交通|通行|挪车|停放)|(?:分|派|送|搬|整理|码放)[^，。,；;]{0,2}快递|快递[^，。,；;]{0,4}(?:分拣|整理|码放)|算[^，。,；;]{0,12}账|记账|对账|收支表|做账|有声书|录[^，。,；;]{0,6}(?:有声|读物|音频)|(?:练|陪练)[^，。,；;]{0,4}面试|面试[^，。,；;]{0,4}(?:辅导|指导|训练|练习)',
  // help on farms and with selling
  '清洗|刷洗|洗(?:了|刷)?(?:一遍|一下|干净)|(?:剥|掰|收|扒|晒|装|搬|卸|运|拉|挖|刨|砍)[^，。,；;]{0,2}(?:玉米|苞米|白菜|土豆|苹果|稻谷|大豆|黄豆|花生|秸秆|粮食|小米|萝卜|红薯|地瓜|蔬菜|柴火?)|打包|装袋|晾晒|帮[^，。,；;]{0,4}秋收|抢收|收玉米|掰玉米|采摘|摘|喂|施肥|剪枝|修剪|农活|翻地|育苗|助农|直播(?:带货|卖|销售)|带货|网店|上架|包装|讲故事',
].join('|'));
/** An activity the students put on (搞剪纸活动，教小朋友剪窗花; 上了一堂书法课，我组织的; 我主讲): 活动, even when it teaches children. */
export const PUT_ON = /(?:组织|开展|举办|办(?!理|公)了?|搞了?)[^，。,；;]{0,16}(?:活动|阅读会|读书会|故事会|分享会|联欢会|茶话会|欣赏会|讲座|讲堂|公益课|比赛|大赛|展览|演出|体验课|健步走|徒步|长跑)|主讲|(?:我|我们|咱们)(?:自己|小组|班)?(?:组织|举办|办)的/;
/** Telling children something (给孩子们讲怎么预防近视) outside any talk or publicity: 课后服务. */
export const CHILDREN_TALK = new RegExp(`[给为][^，。,；;]{0,8}(?:${CHILDREN})们?\\s{0,2}讲`);
/** Classes for children (课后服务): 实事, whatever they teach. */
export const CLASS = new RegExp(`课后|托管|after school|(?<![线网])上${NOT_TALK_CLASS}[^，。,；;]{0,10}课|节[^，。,；;]{0,6}课|(?:${CHILDREN})们?[^，。,；;]{0,3}教|教[^，。,；;]{0,3}(?:${CHILDREN})`);
/** …but a class given to residents (给居民上了一节防诈骗课) is a talk. */
export const PUBLIC_CLASS = new RegExp(`[给为向](?:辖区|社区|小区|村里)?的?(?:${PUBLIC})[^，。,；;]{0,3}(?:上|讲|开)[^，。,；;]{0,12}课`);
/** A verb of hands-on work, not inside a word that is no work (各种, 刷卡, 贴心, 修改 and the rest MEND leaves out, 补充, 改天, 服装, 记录, 栽了跟头). */
const HANDS_VERB = `(?:(?<![各一这那几多某哪])种(?![类子])|栽(?!了?(?:个|一个)?跟头)|(?<!印)刷(?![卡脸新题单])|画(?![面展]|了?画)|贴(?![心切])|(?<!店)铺|拧|焊|钉|挪|设计(?!师|院|专业|了?一下)|搭(?![配档])|缝|拍|剪|${MEND}|喂|浇|(?<!牵)挂(?![念科])|(?<!糊)涂|捡|扫(?![码描兴])|擦|洗|搬|(?<![预猜])测(?![试验评])|换(?!届)|(?<!服)装(?![饰备扮])|拆|补(?![充报录交贴记发]|[一两几]?条)|改(?![天成为日期到变])|(?<![记 ])录(?![一下入])|送(?![别行])|拎|劈|刨(?!根)|(?<![冷])清(?=出|干净|掉|走)|[挑担](?=水)|撒(?=[^，。,；;]{0,3}(?:灰|盐|融雪剂|沙子?|土))|生(?=(?:上|着)?了?(?:炉|火)))`;
/** A verb of hands-on work, alone (the halves of a report, a step after 也帮). */
export const HANDS_WORK = new RegExp(HANDS_VERB);
const HANDS_COUNT = '[0-9一二两三四五六七八九十几百千多]+[^，。,；;\\s]{0,2}?(?:株|棵|盆|个|件|处|块|幅|户|根|米|平|条|只|面|扇|套|台|辆|袋|箱|本|份|双|顶|床|垛|堆|桶|筐|捆)';
/**
 * Hands-on work of whatever trade, said as the student's own work on something: done for someone
 * (给老人拍全家福, 帮居民缝扣子, 给果树刷白 — not 给我们缝了扣子, nor 下次再去给树刷白), counted
 * (种了300个种球, 补了50株), done to a thing (把扶手螺栓拧紧) or right at the place (在社区花坛栽了). Service
 * for the place, so 实事 — the program's item for service when no item's own words say more; read
 * last, when nothing else named the work. A hands-on character in chit-chat (待了2小时，刷了会儿抖音;
 * 拍了几张照片留念; 阿姨送了我一个苹果) is none of these forms.
 */
export const HANDS_ON = new RegExp([
  `(?<!(?:下次|下回|以后|改天|明天|回头|打算|准备|想)[^，。,；;]{0,6})(?:给|帮|为|替)(?![我咱俺])[^，。,；;]{1,10}?${HANDS_VERB}`,
  // (not 拍: 拍了几张照片留念 is counted but no work)
  `(?!拍)${HANDS_VERB}(?:了|完|好)?${HANDS_COUNT}`,
  // (…also after where it was done: 在北街街道把导视牌装到各个路口)
  `(?:^|[，,。；;\\s]|(?<=在[^，。,；;]{1,12}))把[^，。,；;]{1,12}?${HANDS_VERB}`,
  // (…or with its result said, however long the thing's name: 把消防栓周围的雪清干净了, 把大坡的冰全刨了)
  `把[^，。,；;]{1,20}?(?:全|都|全部)?(?:清|搬|扫|铲|刨|擦|挪|拖|运|扔|拆|敲|劈|拎|修|钉|铺|刷|洗|种|栽)(?:出去|出来|干净|掉|走|完|开|好|了)`,
  `在[^，。,；;]{1,10}?(?:社区|村|街道|镇|小区|楼道|花坛|广场)${HANDS_VERB}(?:了|完|好)`,
].join('|'));
/** Help that serves whatever else the report names (整理数据 for a survey, 布置 for an event). */
export const SUPPORT = /登记|录入|录(?:了)?[^，。,；;]{0,6}(?:信息|数据|系统)|整理|(?<!看了?)数据分析|(?<!看了?)分析报告|装订|打印|核对(?![^，。,；;]{0,4}(?:时长|记录|小时))|帮(?:忙|着)?做记录|帮(?:忙|着)?记录(?!一下|下|上|一笔)[\u4e00-\u9fa5]|誊录|誊写|抄录|归置|擦洗|擦拭|擦玻璃|提醒|通知(?<!(?:临时|接到|收到)通知)(?![说我改从让要的])|排版|推文|公众号|ppt|表格|写[^，。,；;]{0,6}(?:稿|材料|推文|文案|报告)|贴标签|长图|头图|配图|插画|发放|分发|布置|搬|引导|拍照|摄影|后勤|打字|复印|统计|接待|(?:负责|帮)[^，。,；;]{0,6}签到|(?:做|当)[^，。,；;]{0,4}记录(?!一下|下|上|一笔)|记录员|盘点|(?:维持|维护)[^，。,；;]{0,12}秩序|秩序维护|发(?:了)?[^，。,；;]{0,8}(?:告知书|通知书?|停车证|证件|物资)|(?:栏|板|墙|信息)更新|更新[^，。,；;]{0,6}(?:栏|板|信息|台账)|(?:做|写|设计)[^，。,；;]{0,10}模板|折页|(?:折|叠)[^，。,；;]{0,10}(?:单|页|册)/;
/** Generic words of service (also in English: help, assist, chat with): 实事 is the program's default for service to residents. */
export const HELPING = /讲(?:怎么|如何)(?:用|操作|使用)|带[^，。,；;]{0,12}(?:操作|使用)|(?:给|陪|带)[^，。,；;]{0,10}练(?!习册)|帮(?!(?:了|了点|点|个|一下|下|了?一?会儿?)?小?忙(?![给把将替为][^，。,；;\s\u0001]{2}))(?![^，。,；;]{0,4}(?:干活|干点活|做事|打杂))|协助|教|指导|爱心|聊天|唠嗑|唠|谈心|心理|慰问|送温暖|支援|照看|看护|看望|探望|捐|义务|accompan|(?<![a-z])(?:play(?:ed|ing)?|chat(?:ted|ting)?)\s{1,2}(?:games?\s{1,2})?with|(?<![a-z])(?:help(?:ed|ing)?|assist(?:ed|ing)?)(?![a-z])(?!\s{0,2}(?:out|a bit|a little|with (?:some )?(?:things|stuff|work))(?![a-z]))(?!\s{0,2}(?:[,，.。;；!！\u0001]|$))/;
/**
 * Help that says no more than that it was help: 帮了些忙, 帮社区做了点事儿, 干了点杂活, 协助社区工作人员
 * (and nothing after). Blanked before the generic words of help are looked for, so a report of
 * only this is asked what was done; 帮社区做了些登记工作 still names 登记.
 */
export const VAGUE_HELP = new RegExp([
  // (帮的啥就不细说了: what was done left untold on purpose)
  '(?:帮|干|做|弄)的(?:是)?(?:啥|什么)(?:就|也)?(?:不|没)(?:细|多|具体)?(?:说|讲)了?',
  // (帮忙给老人打饭, 帮忙把桌椅摆好: the help is told after it)
  '帮(?:了|着)?(?:点儿?|些|一些|好些|一点儿?|一下|下|个|不少|[挺好很老蛮超许]多|一?会儿?)?小?忙(?![给把将替为][^，。,；;\\s\\u0001]{2})|帮帮忙|各种帮忙|帮各种忙|(?:(?:帮|给)[^，。,；;\\s]{0,6}?)?(?:(?:做|干|弄|忙)了?)?(?:一会儿?这个一会儿?那个|东一下西一下)|帮了帮(?:忙)?|' +
  // (帮一个老奶奶, 做了点项目上的事: someone helped or something done, nothing said of it)
  '帮(?:了|着)?(?:一个|一位|个|几个|几位|位|\\d{1,2}\\s{0,2}[个位])?(?:老)?(?:奶奶|爷爷|老人|大爷|大妈|阿姨|叔叔|居民|村民|孩子|小朋友)(?=$|[，。,；;!！~～\\s\\u0001])|(?:做|干|弄|搞|忙)了?(?:点|些|一些|一点)(?:项目上|社区里|村里|那边|零碎|零散|其他|别)的(?:事儿?|事情|活儿?)|打(?:了)?(?:点|些|会儿?)?下手|打杂|献爱心|奉献爱心',
  // (帮社区干了点活（…）, 弄了一堆东西, 做东西做了2小时, 做了啥来着, 帮村里弄了2小时)
  '(?:帮|协助|给|替|为)?[^，。,；;\\s]{0,8}?(?:做|干|弄|搞|处理|办|忙)(?:了|完)?(?:点儿?|些|一些|一点儿?|一下|下|会儿?|几件|很多|不少|好多|各种|一堆|一大堆)?(?:小|杂)?(?:事儿?|事情|活儿?|东西|工作|杂务|杂事)(?=$|[，。,；;\\s(（)）!！~～…\\u0001]|(?:做|弄|干)了)',
  '(?:(?:帮|给)[^，。,；;\\s]{0,6}?)?(?:做|干|弄|搞)了?(?:啥|什么)了?(?:来着|呢)?(?=$|[，。,；;\\s!！~～…])|(?:帮|给)[^，。,；;\\s]{0,6}?(?:社区|村里|村委会?|街道|居委会?|物业)(?:远程|线上|在线)?(?:弄|搞|忙活|忙乎|忙)了?(?=\\s{0,2}\\u0001)',
  // (帮咗阵手: Cantonese for a hand given; 做了三个半小时的事情; 跟着村干部到处跑)
  '帮(?:咗|了)?(?:一?阵|一?下|一把)?手(?=\\s{0,2}(?:$|[，。,；;!！~～\\u0001]))|(?:(?:帮|给)[^，。,；;\\s]{0,8}?)?(?:做|干|弄|忙)了?\\s{0,2}\\u0001+\\s{0,2}的?(?:事儿?|事情|活儿?)|跟着?[^，。,；;\\s]{0,8}到处跑',
  '(?:帮|协助)(?:着|了)?(?:社区|居委会|村委会?|村里|街道|物业|工作人员|网格员|社工|老师|书记|主任|的)*(?:工作|干活)?(?=$|[，。,；;!！~～\\s\\u0001])',
].join('|'), 'g');

/**
 * A visit's papers worked on in an office (把一百多份居民问卷录进了系统, 问卷的数据统计, 把入户调查表的数据汇总, 把走访记录
 * 整理成表格, 打印、分发入户通知单): the papers' names are no visit — the work on them is 实事.
 */
const PAPERS = '(?:问卷|调查表|走访记录|入户[^，。,；;]{0,3}(?:单|表))';
const DESK_WORK = '(?:录|统计|汇总|整理|装订|打印|分发|归档)';
export const VISIT_PAPERS = new RegExp(`${PAPERS}(?=[^，。,；;\\s发填给]{0,8}(?:${DESK_WORK}|电子表单|表单|数据))|(?<=${DESK_WORK}[^，。,；;\\s]{0,10})${PAPERS}`, 'g');
/** 读书会相关的事: something to do with a thing, not what was done. */
// (not 讲反诈相关的事, 办理医保相关的事: what was done to it is said)
export const RELATED = /(?<=^|[\s，。,；;:：]|(?:做|干|弄|忙|搞)了?)(?:(?!帮|办|讲|宣|问|教|做|搞|弄|处理|整理|咨询)[^，。,；;\s\u0001]){1,8}(?:相关|有关)的?(?:事儿?|事情|活儿?)(?=$|[，。,；;!！~～\s\u0001])/g;

export const LABEL_WORDS: [ItemKey, RegExp][] = [
  ['xiangmu', PROJECT],
  ['zoufang', VISIT],
  ['huodong', EVENT],
  ['huodong', ART],
  ['shishi', SERVICE],
];

/**
 * 宣传 naming what was made or moved for a community (帮社区画消防安全宣传海报, 帮街道把宣传展板搬到广场,
 * 给村里拍宣传短视频): help to the community, not publicity the student gave. Blanked before the
 * item's words are read.
 */
const PRINTED = '海报|展板|视频|短视频|栏|片|册|标语|横幅|照片|插图|折页|单|动画|文案';
export const MADE_FOR_HOST = new RegExp(`(?<=(?:帮|给|替|为)[^，。,；;]{0,6}?(?:${'社区|街道|村委会?|村里|村(?!民)|居委会?|镇里|物业|党群服务中心'})[^，。,；;]{0,12}?)宣传(?!栏|橱窗|展板|板|墙)(?=[^，。,；;]{0,2}(?:${PRINTED}))|` +
  // (…and printed matter handled: 把宣传单折好装袋, 叠了1个半小时的宣传折页)
  `(?<=(?:折|叠|装|贴|搬|分装)[^，。,；;]{0,6})宣传(?=(?:单|册|折页|页)(?![^，。,；;]{0,4}(?:讲|宣讲)))|宣传(?=(?:单|册|折页)[^，。,；;]{0,3}(?:折|叠|装袋|分装))`, 'g');

/** Big events students serve at; what they did there decides the item. */
const VENUE = /运动会|健步走|赛包|参赛|联欢会|配合[^，。,；;]{0,12}(?:开展|举办|组织)|游园|邻里节|冰雪节|马拉松|半马|招聘会|献血|赛事|晚会|集市|庙会|展会/;
const VOLUNTEERED = /(?:当|做)[^，。,；;]{0,4}志[愿原]者|音响|调音|灯光|场务|签到|配合|志愿服务|现场服务|保障|帮忙|帮着|去帮|裁判|计分|检录|引导|维持秩序|补给|存(?:取)?包|发水|摆(?:器材|椅子)|搬|帮[^，。,；;]{0,6}布置|布置[^，。,；;]{0,8}场地/;
/** Who puts on events the students help at. */
const HOST = '社区|街道|村委会?|村里|居委会?|镇里|镇上|镇政府|物业|学校|学院|团委|医院|卫生院|卫生站|服务站|医生|商家|图书馆';
/**
 * An event someone else put on: 社区组织的义诊, 社区主办的, 协助社区举办邻里节, 人家社区办那个敬老活动,
 * 社区搞了个义卖 and 社区办敬老茶话会 — but 在社区开展了宣传 is the student's own.
 */
const HOSTED = new RegExp([
  `(?:${HOST})[^，。,；;]{0,4}(?:组织|主办|举办|承办|办|搞|开展)(?:的|嘅)`,
  // the host's own event (社区的文艺汇演, 社区请人来办讲座)
  `(?:${HOST})(?:的|嘅)[^，。,；;]{0,8}(?:活动|汇演|演出|讲座|晚会|比赛|义诊|招聘会|书法班|老年大学)|(?:${HOST})[^，。,；;]{0,4}请[^，。,；;]{0,6}(?:来)?(?:办|讲|开)`,
  `(?<!(?:在|到|去|赴|于|前往)[^，。,；;]{0,8})(?:${HOST})[^，。,；;]{0,4}(?:组织|主办|举办|承办|办|搞|开展)了(?:个|一场|一次|[“"「『《]|\\s{2})`,
  '(?:人家|别人)[^，。,；;]{0,6}(?:组织|主办|举办|办|搞)|(?:协助|配合)[^，。,；;]{0,6}(?:举办|开展|组织)|主办方|承办方',
  // (社区办敬老茶话会，…我们负责签到: the host the subject at the start of a clause)
  `(?:^|[，。,；;\\s\\u0001])(?:${HOST})(?:在[^，。,；;]{1,8})?(?:办|组织|举办|开展|搞)(?![理公的了去到])`,
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
  '(?:我们|咱们|本人|我|青协|学生会|支部|班里|班级)(?:自己|支部|团支部|小组|社团|班|队)?(?:在[^，。,；;帮给为替协配参]{1,8})?(?:组织|举办|开展|办|搞|策划)',
  `(?<!(?:${OTHERS})[^，。,；;]{0,4})(?:组织|举办|主办|策划|开展|办了|搞了(?!\\s{0,2}(?:[\\u0001\\u0002]|[\\d一二两三四五六七八九十几半.]+\\s{0,2}个?\\s{0,2}(?:小时|钟头|分钟|h)))|进行(?=[^，。,；;]{0,8}(?:宣|讲|演|赛|活动)))(?![的者方])`,
  `宣讲(?![稿团队员])|主讲|我讲|由我讲|自己讲|负责[^，。,；;]{0,6}讲|讲解员|(?<!直播间?[^，。,；;]{0,3})主持|上台|(?:我们?|咱们)(?:表演|演)|(?<![看观])(?:表演|演)了|[给为向][^，。,；;]{0,8}(?:讲|表演|演(?!员)|(?<!合)唱)|[给为](?:辖区)?(?:${PUBLIC}|老人)[^，。,；;]{0,4}写|教[^，。,；;]{0,8}(?:跳|唱|舞|画|剪|写)`,
].join('|'));
/**
 * An assistant's role (当助教, 做助教): 实事 at a class someone else gives — helpedAtOthersEvent reads it only when
 * no activity of the student's own is told (我们办了个书法班，我当助教 is 活动).
 */
const ASSISTANT = /(?:当|做|担任)了?[^，。,；;]{0,2}助教/;
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
const EVENT_CHORES = '(?:发[^，。,；;]{0,8}?(?:传单|宣传|资料|册|放|单)|摆|搬|运|布置|搭|挂|维持|引导|扶|签到|贴|整理|登记|录入|统计|核对|打印)';
/** …given to those who put the event on (我帮着发传单摆展板, 帮他们布置汇演的舞台, 给社区搬运展品, 帮社区整理文艺队报名表). */
const HELPER = new RegExp(`(?:帮(?:着|忙|他们|她们|人家)|协助|(?:帮|给)(?:着|忙)?(?:${HOST}|工作人员))[^，。,；;]{0,12}?${EVENT_CHORES}`);
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
  return LIVE_SALE.test(text) || (VENUE.test(text) && VOLUNTEERED.test(text)) || (HOSTED.test(text) && HELPED_AT.test(text));
}

/** …or paperwork done for the school itself (在学院团委帮忙整理报名表), no service to residents. */
/** …not work for a community or its residents done at school (在学校帮社区统计问卷, 在学院帮幸福里社区的老人整理档案). */
export const FOR_RESIDENTS = /(?:帮|给|替|为)(?:忙)?[^，。,；;整录统汇核收装打准]{0,8}?(?:社区|居委会?|村委会?|村里|街道|居民|老人|村民|小区|群众)/;
export const FOR_SCHOOL = /(?:在|帮|给|替|为)(?:学院|学校|院里|系里|团委|学生会)(?!旁边|附近|周边|门口|对面|的?(?:学生|孩子|小朋友))[^，。,；;给为]{0,10}(?:整理|录入|统计|汇总|核对|收集|装订|打印)/;

/** Where or how duty was kept (服务站值班, 帮忙值班, 值班接待居民). */
export const DUTY_TOLD = /防火|防汛|卡口|查验|检查|安保|门卫|站|中心|课堂|台|室|岗|小屋|之家|服务点|窗口|门口|村部|大厅|帮|协助|接待|接电话|登记|巡|守|咨询|回复|解答|居民|村民/;
