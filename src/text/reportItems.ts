/**
 * Which of the "4+X" items a report is about (PRODUCT.md §4): an item the student named
 * (`实事：…`, `【活动】…`, `X项目：垃圾分类宣传`), or else the item its keywords point to.
 * Part of reportParser.ts; works on width-folded text.
 */
import { S, type Span } from './numerals.js';

export type ItemKey = 'shishi' | 'zoufang' | 'huodong' | 'xiangmu' | 'x';

const LABEL: Record<ItemKey, string> = { shishi: '实事', zoufang: '走访', huodong: '活动', xiangmu: '项目', x: 'X' };

/** What a tutor teaches (讲数学, 补英语, 讲作文, 讲 english): 课后服务, not a talk to residents. */
const SCHOOL = '数学|语文|英语|物理|化学|生物|历史|地理|作文|阅读|拼音|单词|口语|练字|错题|习题|题|作业|功课|english|math|homework';
const SUBJECT = `${SCHOOL}|课`;
/** Children and pupils, as the students name them (also in English: kids, students). */
const CHILDREN = '小孩|孩子|小朋友|学生|儿童|娃|kids?(?![a-z])|children|students?(?![a-z])';
/** The public a talk or a class is given to (给居民讲, 为村民上了一节课): a talk, not tutoring. */
const PUBLIC = '居民|群众|村民|大家|业主|老人们|家长|大爷大妈|阿姨们|老年人|villagers|residents';

// The notice's own words for each item (§四 "四个一": 出计献策、开展服务、课后服务、困难救助；
// 走访居民区、物业公司和业委会；宣讲、书法、绘画、歌曲、舞蹈、话剧；培育常态化项目) and the
// words students use for the same work. A project (项目) is decided by its own words before the
// rest, as a project meeting names the service it plans; an event (讲座, 比赛, 宣传 …) frames
// the help given at it (帮忙布置讲座会场 is 活动).
const PROJECT = new RegExp([
  '(?<!企业|型企业)培育|孵化|项目组|品牌项目|项目化|项目申报|项目策划|项目设计|项目方案|项目启动|项目例会|项目会议|项目推进|项目书|立项|人才培育',
  // 常态化…项目, 设计…项目, and the project's name before its planning: 「银龄课堂」项目怎么常态化开展
  '(?:常态化|对接|商量|开会|讨论|策划|设计|筹备|启动|推进|招募)[^，。,；;]{0,16}项目',
  '项目[^，。,；;]{0,16}(?:常态化|开展|对接|商量|开会|讨论|筹备|推进|启动|策划|设计|成立|方案|任务清单|计划书|招募|开班|招生|排课|运营|运行|复盘|第.期)',
  // …the project named, then what was done for it a clause or two on, as voice input runs on
  // (我们那个志愿服务项目，就是，排了下个月的班表)
  '项目(?!组)[^。]{0,20}?(?:排期|排班|班表|策划|申报|推进计划|计划书|启动|例会|分工|复盘)',
  // …in English or half in English (开项目 meeting, project kickoff)
  '(?:项目|project)\\s{0,2}组?\\s{0,2}(?:meeting|kick-?off|planning)|(?:meeting|kick-?off)[^，。,；;]{0,16}(?:项目|project)',
].join('|'));
const EVENT = new RegExp([
  // publicity and talks to residents
  '宣讲|宣传|宣教|传单|宣传册|普法|讲座|演讲|科普|演示|讲解员|知识讲解|讲解(?=[^，。,；;]{0,12}(?:防|反|知识|政策|法|安全))|讲[^，。,；;]{0,10}知识|普及[^，。,；;]{0,6}知识|知识普及',
  // the speaker (本人主讲, 我主讲的), and a talk given as 给/为/向 someone (为辖区居民讲解政策)
  `主讲|[给为向](?:辖区)?(?:${PUBLIC})[^，。,；;]{0,3}(?:讲|上[^，。,；;]{0,12}课)|给[^，。,；;、]{0,14}讲(?![^，。,；;]{0,6}(?:${SUBJECT}|故事))`,
  // a training given, not attended
  '(?<!(?:参加|接受|参与)[^，。,；;]{0,12})培训班?',
  // shows, contests, fairs
  '演出|汇演|展演|义演|节目|文艺|晚会|联欢|比赛|竞赛|问答|答题|游园|运动会|运动推广|(?:办|举办|组织)[^，。,；;]{0,10}集市|义卖|展览|画展|书画展|布展',
  // gatherings
  // residents brought to something (组织居民观看红色电影)
  `组织(?:辖区)?(?:${PUBLIC})[^，。,；;]{0,8}(?:观看|看|参观|学习|参加)`,
  '观影|放电影|主题活动|亲子活动|推广活动|(?:组织|开展|举办|办了|搞了)(?!了?(?:一次|一场|一个|个)?(?:社区|志愿|服务|实践|社会|公益|的)*活动)[^，。,；;]{0,16}活动|联谊|彩排|排练|读书会|读书活动|亲子阅读|分享会|茶话会|故事会|英语角|夏令营|冬令营|主题党日|团日',
  '(?:反诈|防诈|普法|宣传)[^，。,；;]{0,6}(?:推文|文章|视频|海报)|展示',
  '(?:开|办|举办)了?(?:个|一场|一期|一节)?[^，。,；;]{0,12}(?:课堂|公益课|讲堂)',
  '讲(?:了)?(?:一?[场次堂节个下])?(?:反诈|防诈|普法|防骗|禁毒)',
  'lecture|performance|show(?![a-z])|campaign|publicity|workshop|flyers?|leaflets?|brochures?|(?:give|gave|giving|gives)\\s{1,2}(?:a\\s{1,2})?(?:talk|speech|presentation)',
  '(?<![a-z])organi[sz](?:e|es|ed|ing)(?![a-z])[^，。,；;]{0,24}(?:activit|event|party|contest|competition|活动|比赛|晚会|讲座)',
].join('|'));
const ART = /书法|书画|绘画|画画|画[^，。,；;]{0,4}像|歌曲|唱歌|学唱|合唱|红歌|舞蹈|跳舞|广场舞|秧歌|话剧|小品|歌舞|唱[^，。,；;]{0,6}歌|乐器|演奏|健身|太极|跳操|健步走|表演|朗诵|手工课|皮影|剪纸|灯谜|写春联|送春联|主持|calligraphy|paper.?cutting|(?<![a-z])(?:sing|sang|singing|danc(?:e|ed|ing))(?![a-z])/;
const VISIT = /走访|调研|访谈|谈话|入户|征求意见|收集意见|听取意见|家访|探访|走进[^，。,；;]{0,6}(?:企业|物业|业委会|居民家|农户家)|座谈|问卷|采访|摸排|摸底|拜访|调查|考察|参观[^，。,；;]{0,4}企业|访民情|察社情|visit|survey|interview|questionnaire|door.to.door|(?<![a-z])talk(?:ed|ing)?\s{1,2}(?:with|to)(?![a-z])|了解[^，。,；;]{0,14}(?:情况|需求|诉求|困难|难处|问题|现状|咋样|怎么样|收成)/;
const SERVICE = new RegExp([
  // 课后服务 and tutoring
  // (付导, 写做业: typed by sound; 线上普法小课堂 is no class: 上 there is 线上's)
  '辅导|辅倒|付导|补习|作业|写做业|homework|tutor|课后服务|课后|托管|答疑|补课|支教|讲题|功课|四点半课堂|陪读|绘本|接送|(?<![线网])上[^，。,；;]{0,10}课|护学|兴趣班|兴趣课|素质拓展|自护',
  `带[^，。,；;]{0,6}(?:${CHILDREN}|老人)(?![^，。,；;]{0,8}(?:太极|广场舞|跳操|健步走|跳舞|健身|锻炼|运动会|比赛|排练|演出|表演))|讲(?![座解])[^，。,；;]{0,6}(?:${SUBJECT})|讲解[^，。,；;]{0,6}(?:${SCHOOL})|补[^，。,；;]{0,2}(?:${SCHOOL})`,
  // the elderly, the disabled, families in need
  '(?:环保|助老|助残|敬老|关爱)志愿|助老|为老|敬老(?!院|文艺|晚会|演出|汇演|活动|联欢)|助残|帮扶|救助|关爱|照顾|照料|陪伴|陪护|陪诊|陪(?!同)|上门|送餐|送药|打饭|盛饭|分饭|送菜|送米|米面油|送[^，。,；;]{0,3}(?:餐|饭|菜)|助餐|助浴|助洁|适老化|物资|送[^，。,；;]{0,6}(?:衣物|衣服|冬衣|棉衣|棉被|被褥|年货|粮油|爱心|学习用品|文具|书包|慰问品|手套|热水|姜茶|口罩|药品)|代办|代购|买菜|做饭|理发|剪头发|洗脚|修指甲|剪指甲|捶背|读报|喂饭|推轮椅|跑腿|取药|买药|取快递|缝补|修鞋|洗衣',
  // 环境治理, cleaning, snow, planting
  '清理|清扫|打扫|收拾(?![^，。,；;]{0,2}(?:东西|行李|书包|心情))|卫生|清洁|保洁|消毒|消杀|文明(?:城市)?创建|创城|扫雪|除雪|铲雪|铲冰|[扫铲][^，。,；;]{0,6}雪|扫地|落叶|捡垃圾|捡[^，。,；;]{0,12}垃圾|清[^，。,；;]{0,6}(?:积雪|雪|垃圾|杂物)|积雪|冰溜子|捡拾|分拣|环境整治|义务劳动|督导|站桶|墙绘|彩绘|手绘|粉刷|刷墙|植树|种树|种花|浇花|除草|浇水|巡河|护河|护林',
  // health help
  '义诊|量[^，。,；;]{0,3}(?:血压|blood pressure)|blood pressure|health check|测[^，。,；;]{0,3}血[压糖]|测体温|测温|测量|体检|叫号|换药|康复训练|用药指导|理疗|艾灸|推拿|按摩|健康档案|健康咨询',
  // order and safety
  '巡逻|巡查|值守|值班|执勤|站岗|维持秩序|维持[^，。,；;]{0,8}秩序|劝导|疏导|指挥交通|排查|检查|检修|核酸|接种|调解|出计献策|建议书?',
  // skills put to use (and the everyday English for the work: teach, clean, fix, deliver …)
  '义剪|维修|修理|修(?![改建养正订复饰])|换了?(?:灯泡|灯管|水龙头|纱窗|门锁)|修[^，。,；;]{0,4}(?:电脑|路由器|家电|自行车|水管|电器|手机)|装系统|重装|杀毒|调试|教[^，。,；;]{0,10}(?:用|使用|操作|下载|注册|拍|查|交|缴|挂号|发|设置)|指导[^，。,；;]{0,10}(?:使用|用|操作)|讲解[^，。,；;]{0,8}(?:使用|用法)|下载|注册|安装|咨询|翻译|批改|tutor|teach|taught|clean|snow|shovel|sweep|swept|trash|garbage|litter|rubbish|plant(?:ed|ing)?\\s{1,2}(?:trees?|flowers?)|cook|take care|took care|cared? for|repair|fix(?:ed)?(?![a-z])|deliver|translat|改简历|模拟面试|报名|填[^，。,；;]{0,4}表|申请|海报|黑板报|文化墙|剪辑|修图',
  // help on farms and with selling
  '(?:剥|掰|收|扒|晒|装|搬|卸|运|拉|挖|刨|砍)[^，。,；;]{0,2}(?:玉米|苞米|白菜|土豆|苹果|稻谷|大豆|黄豆|花生|秸秆|粮食|小米|萝卜|红薯|地瓜|蔬菜|柴火?)|打包|装袋|晾晒|帮[^，。,；;]{0,4}秋收|抢收|收玉米|掰玉米|采摘|摘|喂|施肥|剪枝|修剪|农活|翻地|育苗|助农|直播(?:带货|卖|销售)|带货|网店|上架|包装|讲故事',
].join('|'));
/** An activity the students put on (搞剪纸活动，教小朋友剪窗花): 活动, even when it teaches children. */
const PUT_ON = /(?:组织|开展|举办|办(?!理|公)了?|搞了?)[^，。,；;]{0,16}(?:活动|阅读会|读书会|故事会|分享会|联欢会|茶话会|讲座|比赛|展览|演出)/;
/** Telling children something (给孩子们讲怎么预防近视) outside any talk or publicity: 课后服务. */
const CHILDREN_TALK = new RegExp(`[给为][^，。,；;]{0,8}(?:${CHILDREN})们?\\s{0,2}讲`);
/** Classes for children (课后服务): 实事, whatever they teach. */
const CLASS = new RegExp(`课后|托管|after school|(?<![线网])上[^，。,；;]{0,10}课|节[^，。,；;]{0,6}课|(?:${CHILDREN})们?[^，。,；;]{0,3}教|教[^，。,；;]{0,3}(?:${CHILDREN})`);
/** …but a class given to residents (给居民上了一节防诈骗课) is a talk. */
const PUBLIC_CLASS = new RegExp(`[给为向](?:辖区)?(?:${PUBLIC})[^，。,；;]{0,3}上[^，。,；;]{0,12}课`);
/** Help that serves whatever else the report names (整理数据 for a survey, 布置 for an event). */
const SUPPORT = /登记|录入|整理|誊录|誊写|抄录|归置|擦洗|擦拭|擦玻璃|提醒|通知|排版|推文|公众号|ppt|表格|写[^，。,；;]{0,6}(?:稿|材料|推文|文案|报告)|贴标签|发放|分发|布置|搬|引导|拍照|摄影|后勤|打字|复印|统计|接待/;
/** Generic words of service (also in English: help, assist, chat with): 实事 is the program's default for service to residents. */
const HELPING = /帮(?!(?:了|了点|点|个|一下|下)?小?忙(?![给把将替为][^，。,；;\s\u0001]{2}))(?![^，。,；;]{0,4}(?:干活|干点活|做事|打杂))|协助|教|指导|爱心|聊天|唠嗑|唠|谈心|心理|慰问|送温暖|支援|照看|看护|看望|探望|捐|义务|accompan|(?<![a-z])(?:play(?:ed|ing)?|chat(?:ted|ting)?)\s{1,2}(?:games?\s{1,2})?with|(?<![a-z])(?:help(?:ed|ing)?|assist(?:ed|ing)?)(?![a-z])(?!\s{0,2}(?:out|a bit|a little|with (?:some )?(?:things|stuff|work))(?![a-z]))(?!\s{0,2}(?:[,，.。;；!！\u0001]|$))/;
/**
 * Help that says no more than that it was help: 帮了些忙, 帮社区做了点事儿, 干了点杂活, 协助社区工作人员
 * (and nothing after). Blanked before the generic words of help are looked for, so a report of
 * only this is asked what was done; 帮社区做了些登记工作 still names 登记.
 */
const VAGUE_HELP = new RegExp([
  // (帮忙给老人打饭, 帮忙把桌椅摆好: the help is told after it)
  '帮(?:了|着)?(?:点儿?|些|一些|一点儿?|一下|下|个|不少|很多)?小?忙(?![给把将替为][^，。,；;\\s\\u0001]{2})|帮帮忙|打(?:了)?(?:点|些|会儿?)?下手|打杂|献爱心|奉献爱心',
  '(?:帮|协助|给|替|为)?[^，。,；;\\s]{0,8}?(?:做|干|弄|搞|处理|办|忙)(?:了|完)?(?:点儿?|些|一些|一点儿?|一下|下|会儿?|几件|很多|不少|好多|各种)?(?:小|杂)?(?:事儿?|事情|活儿?|东西|工作|杂务|杂事)(?![^，。,；;\\s])',
  '(?:帮|协助)(?:着|了)?(?:社区|居委会|村委会?|村里|街道|物业|工作人员|网格员|社工|老师|书记|主任|的)*(?:工作|干活)?(?=$|[，。,；;!！~～\\s\\u0001])',
].join('|'), 'g');

const LABEL_WORDS: [ItemKey, RegExp][] = [
  ['xiangmu', PROJECT],
  ['zoufang', VISIT],
  ['huodong', EVENT],
  ['huodong', ART],
  ['shishi', SERVICE],
];

const ITEM_WORD = '(x项目|x类|x|其他|其它|实事|走访|活动|项目)';
/** Words said before getting to the point, as voice input writes them (嗯，那个，X：…). */
const FILLERS = '(?:(?:嗯+|呃|额|啊|哦|那个|就是|然后)[\\s，,、。.…~]{1,3}){0,4}';
// `/记录 走访 2小时 …`, `实事：…`, `【活动】…`, `X项目：…`, `那个，X：…` — the student chose the item.
const LEADING_LABEL = new RegExp(`^\\s*(?:/?记录${S})?${FILLERS}[【\\[(]?${S}${ITEM_WORD}(?![a-z])${S}[】\\])]?${S}(?:[:,，]|\\s|$)${S}`);
// …also `今天 洛阳 X项目 整理图书角`, the X item's own name standing alone, and `I do X: 拍照片`.
const INLINE_LABEL = new RegExp(`(?:【${ITEM_WORD}】|(?:类别|类型|事项)${S}[:：]?${S}${ITEM_WORD}|(?<=^|[\\s，。,:：;；的])(x项目)(?=[\\s:：(（]|$)|(?<=^|[\\s，。,:：;；的])(x|x项目|x类)(?=${S}[:：]))`);

/** A second item word right after the one chosen (走访 实事, 走访/实事, 走访+实事). */
const SECOND_LABEL = new RegExp(`^${S}[、/和+]?${S}${ITEM_WORD}(?![a-z\\u4e00-\\u9fa5])`);

/** 实事/走访/活动/项目 name their item; x, x项目, x类, 其他 all mean the X item. */
function labelItem(word: string): ItemKey {
  return (Object.keys(LABEL) as ItemKey[]).find((k) => LABEL[k] === word) ?? 'x';
}

/** An explicit choice of item, with the X item's name read from what follows it. */
export function findLabel(folded: string, masked: string): { item: ItemKey; itemLabel?: string; span?: Span; also?: ItemKey } | undefined {
  const lead = LEADING_LABEL.exec(folded);
  const inline = lead ? undefined : INLINE_LABEL.exec(folded);
  const m = lead ?? inline;
  if (!m) return undefined;
  const item = labelItem(m.slice(1).find((g) => g !== undefined) ?? '');
  const end = m.index + m[0].length;
  // /记录 走访 实事 …: two items chosen, neither the main one.
  const second = lead ? SECOND_LABEL.exec(folded.slice(end)) : null;
  const also = second && labelItem(second[1]!) !== item ? labelItem(second[1]!) : undefined;
  const itemLabel = item === 'x' ? /^[^,，。.;；!！?？\s\u0001]{1,30}/.exec(masked.slice(end).replace(/^[\s:：]+/, ''))?.[0] : undefined;
  return { item, itemLabel, span: lead ? { start: 0, end } : undefined, ...(also ? { also } : {}) };
}

/**
 * The item the words describe: a project by its own words; else the one item the notice's
 * words name, with an event beating the help given at it; a visit or an art form beside
 * direct help, or a visit beside an event → ambiguity. Help that only supports (登记, 整理,
 * 布置 …) counts when nothing else is named, and so do generic words of help: 实事 is the
 * program's default for service to residents. Nothing → no item (not a service).
 */
export function findItem(marked: string, ambiguities: string[], nested = false): ItemKey | undefined {
  // (an amount may come marked U+0002 rather than U+0001, so that a clause can be told to carry its own hours)
  const masked = marked.replace(/\u0002/g, '\u0001');
  // Watching or attending is not serving: 当观众看了2小时演出, 参加了表彰大会.
  const attended = ATTENDED.exec(masked);
  if (attended && !SERVICE.test(masked) && !VISIT.test(masked) && !PROJECT.test(masked) && !ROLE.test(masked)) {
    ambiguities.push(`「${attended[0]}」听起来是参加或观看，不是你提供的服务。请写明你做了什么。`);
    return undefined;
  }
  // 待了3小时，啥也没干: time spent, no service.
  const idle = IDLE.exec(masked);
  if (idle) {
    ambiguities.push(`「${idle[0]}」听起来这次没有做具体的服务。请写明你做了什么。`);
    return undefined;
  }
  const both = BOTH.exec(masked);
  const [one, other] = both ? [both[1] ?? both[3], both[2] ?? both[4]] : [];
  if (one !== other) {
    ambiguities.push(`同时写了「${one}」和「${other}」，请分开记录，或确认属于哪一类。`);
    return undefined;
  }
  // A quoted name (“科技助老”讲座, 「四点半课堂」) names the thing, not the work done, unless
  // nothing else says what the work was.
  // …and what was done 顺便 (清理秸秆，顺便发了点传单) is not the main work; the student's own
  // coursework is no work for residents at all.
  const blank = (t: string) => ' '.repeat(t.length);
  // An amount said inside the work (量了一个半小时血压, 扫了两个小时雪) stands for one character, so
  // that the work's words are as near as when it is said apart.
  const served = masked.replace(/\u0001+/g, '\u0001').replace(OWN_PAPERWORK, blank).replace(RECORD_REQUEST, blank);
  let text = served.replace(QUOTED, blank).replace(ASIDE, blank);
  // A project's name (我们那个大有村的助农项目) says what the project is for: beside work done for the
  // project (写了项目策划书), the help the name mentions was not done that day.
  const unnamed = text.replace(PROJECT_NAME, blank);
  if (unnamed !== text && PROJECT.test(unnamed)) text = unnamed;
  let hits = itemWords(text);
  if (hits.size === 0) hits = itemWords((text = served));
  // Two activities side by side (一边…一边, 一半…一半, 上午…下午, each with its own hours), each of its
  // own item: there is no main one to record it under.
  const pair = nested ? undefined : parallel(marked.replace(QUOTED, blank).replace(ASIDE, blank));
  if (pair) {
    ambiguities.push(`这条记录里有两件不同的事（${pair.map((k) => LABEL[k]).join('和')}），请分开记录，或确认属于哪一类。`);
    return undefined;
  }
  // Two pieces of work said as two (先开了项目组会，然后入户走访；一半时间宣讲，一半时间整理档案): asked about.
  const items = new Set(hits.keys());
  const helped = HELPING.test(text.replace(VAGUE_HELP, blank));
  if (SUPPORT.test(text) || helped) items.add('shishi');
  if (items.size > 1 && (SPLIT.test(text) || TWO_STEPS.test(text) || (hits.has('xiangmu') ? separated(text, [...hits.values()]) : HALVES.test(text)))) {
    ambiguities.push(`这条记录里有两件不同的事（${[...items].map((k) => LABEL[k]).join('和')}），请分开记录，或确认属于哪一类。`);
    return undefined;
  }
  // The X item told by what it is (按照学院与社区商定的内容，…), without its letter.
  if (AGREED.test(text)) return 'x';
  // 比赛项目: the events of a sports meet, not a project.
  if (hits.has('xiangmu') && /运动会|比赛|竞赛/.test(text) && !/常态化|志愿服务项目|实践项目|项目组/.test(text)) hits.delete('xiangmu');
  if (hits.has('xiangmu')) return 'xiangmu';
  // Helping at an event others put on (运动会上当裁判助理，帮着计分; 参与社区组织的义诊，负责引导) is 实事;
  // putting one on, or speaking at it, is 活动.
  if (!hits.has('zoufang') && helpedAtOthersEvent(text)) return 'shishi';
  // The notice's own 课后服务 is 实事, whatever the class was (剪纸课, 科学小实验).
  const talkToChildren = CHILDREN_TALK.test(text) && !/宣讲|宣传|宣教|讲座|科普|知识|活动|演出|比赛/.test(text);
  if ((hits.has('shishi') || hits.has('huodong')) && !hits.has('zoufang') && ((CLASS.test(text) && !PUBLIC_CLASS.test(text)) || talkToChildren) && !PUT_ON.test(text)) return 'shishi';
  if (hits.size === 2 && hits.has('shishi') && hits.has('huodong') && eventFirst(text)) return 'huodong';
  if (hits.size === 1) return [...hits.keys()][0];
  if (hits.size > 1) {
    const list = [...hits].map(([k, w]) => `「${w}」（${LABEL[k]}）`).join('和');
    ambiguities.push(`同时提到了${list}，请确认这次服务属于哪一类。`);
    return undefined;
  }
  return SUPPORT.test(text) || helped ? 'shishi' : undefined;
}

/** What a visit set out to learn (了解电梯维修的情况) is its topic, not work done. */
const LEARNING = /(?:了解|听|问|记录|反映)[^，。,；;]{0,14}(?:情况|需求|诉求|困难|难处|问题|现状|咋样|怎么样|收成|的事|意见|建议|流程|做法|经验|看法|想法)/g;

function itemWords(text: string): Map<ItemKey, string> {
  const hits = new Map<ItemKey, string>();
  const outsideTopics = text.replace(LEARNING, (t) => ' '.repeat(t.length));
  for (const [key, words] of LABEL_WORDS) {
    const m = words.exec(key === 'zoufang' ? text : outsideTopics);
    if (m && !hits.has(key)) hits.set(key, m[0]);
  }
  return hits;
}

/** Done on the side (顺便发了点传单, 顺手, 捎带): not the main work. */
const ASIDE = /(?:顺便|顺手|顺带|捎带|捎带手|附带)[^，。,；;]*/g;

/**
 * Two activities standing side by side, each a piece of the report's time: 一边辅导作业一边开项目会,
 * 一半时间帮工、一半时间填问卷, 上午开项目组例会…下午入户走访, two clauses each with its own hours
 * (1.5h开项目组会，1.5h给居民讲反诈), 入户走访+帮老人打扫卫生. Each side is read as a report of its own;
 * when both name an item and the items differ, there is no main one.
 */
const SIDE_BY_SIDE: [RegExp, 'halves' | 'sides' | 'joined'][] = [
  [/(?:一半|前半(?:程|段|场|部分|截)?)(?:的)?(?:时间|时候|辰光|功夫|工夫|光景)?([^。]{2,30}?)(?:[，,；;、\s]{0,2}(?:另|还有|剩下的?|其余的?|其他)?)(?:一半|后半(?:程|段|场|部分|截)?)(?:的)?(?:时间|时候|辰光|功夫|工夫|光景)?([^。，,；;]{2,30})/g, 'halves'],
  [/(?:一边|一面)([^。]{2,30}?)(?:一边|一面)([^。，,；;]{2,30})/g, 'sides'],
  [/(?:上午|早上|早晨|上半天|白天)([^。]{2,30}?)[，,、；;\s]{0,2}(?:下午|中午|晚上|傍晚|下半天)([^。，,；;]{2,30})/g, 'sides'],
  [/([^。，,；;:：+\s]{2,20})\s{0,2}[+＋]\s{0,2}([^。，,；;+\s]{2,20})/g, 'joined'],
  [/([^。，,；;:：、\s]{2,20})\s{0,2}(?:、|和|并且?|同时|还)\s{0,2}([^。，,；;、\s]{2,20})/g, 'joined'],
];
/** Two sides said to take the time half and half (各占一半, 对半, 两边差不多). */
const EVEN_SPLIT = /各占一半|各(?:花|用|占)?了?一半|对半|五五开|(?:两边|两头|两样|两项|两者|二者)[^，。,；;]{0,4}(?:时间|用时)?[^，。,；;]{0,2}(?:差不多|相当|相同|一样|各半)|时间(?:差不多|一样)|各半/;
/** A clause carrying an amount of its own (U+0002). */
const OWN_HOURS = /[^，,；;。\n]*\u0002[^，,；;。\n]*/g;

/**
 * Side-by-side activities of two different items, or undefined. Halves say outright that neither is
 * the main one, so any help counts there; elsewhere a side that only supports (登记, 整理, 布置 …)
 * serves the other, and a service joined to a talk with + (宣讲+现场答疑) is given at the talk.
 */
export function parallel(marked: string, labelled = false): [ItemKey, ItemKey] | undefined {
  const pairs: [string, string, 'halves' | 'sides' | 'joined'][] = [];
  for (const [re, kind] of SIDE_BY_SIDE) {
    // (with the item chosen by the student, only halves say that it is not the main one)
    if (labelled && kind !== 'halves') continue;
    for (const m of marked.matchAll(re)) pairs.push([m[1]!, m[2]!, kind]);
  }
  const own = labelled ? [] : marked.match(OWN_HOURS) ?? [];
  if (own.length >= 2) pairs.push([own[0]!, own[1]!, 'sides']);
  // 上午…，下午…，各占一半: halves said outright make any two sides halves.
  const halved = EVEN_SPLIT.test(marked);
  for (const [a, b, kind] of pairs) {
    const weak = kind === 'halves' || (halved && kind === 'sides');
    const one = sideItem(a, labelled || !weak);
    const other = sideItem(b, labelled || !weak);
    if (!one || !other || one === other) continue;
    if (kind === 'joined' && [one, other].includes('huodong') && [one, other].includes('shishi')) continue;
    return [one, other];
  }
  return undefined;
}

/** The item of one side read alone (help to someone named, 帮养殖户干活, is 实事 there); `strong`: named by the item's own words. */
function sideItem(side: string, strong: boolean): ItemKey | undefined {
  if (strong) return itemWords(side.replace(/[\u0001\u0002]+/g, '\u0001')).size > 0 ? findItem(side, [], true) : undefined;
  return findItem(side, [], true) ?? (/(?:帮|替|给)(?:着)?[^，。,；;\s]{1,8}(?:干活|干农活|做事|忙活)/.test(side) ? 'shishi' : undefined);
}

/** The student's own coursework about the service (写实践报告, 整理实践材料, 写心得) serves no resident. */
const OWN_PAPERWORK = /(?:写|整理|做|准备|交|提交)(?:了|完)?(?:一?[份篇个])?(?:社区)?实践(?:报告|心得|总结|材料|记录|日志|感想)|写(?:了|完)?(?:一?[份篇])?(?:心得|感想|体会)/g;
/**
 * A request to record this report (帮我记上, 麻烦老师登记一下, 记一下哈): said to the bot or a teacher, no
 * service to anyone — a report with nothing else done is asked what was done.
 */
const RECORD_REQUEST = /(?:帮|给|替)(?:我|俺|咱)(?:记|登记|记录|录|报|上报|填|写)(?:上|一下|下|一笔|进去|上去)?|(?:麻烦|劳烦|请|求)(?:您|你|老师)?(?:帮(?:我|忙|个忙)?|给我)?(?:记|登记|记录|录入|录|报|上报)(?:上|一下|下|一笔)?|(?<![登])(?:记|记录)(?:一下|上|一笔)(?=$|[，。,；;!！~～\s吧哈呀啊嘛])/g;
const QUOTED = /[“"「『《][^”"」』》]{1,24}[”"」』》]/g;
/** What a project is called, after 那个 or 的 and before 项目 (那个智慧助老项目, 就业帮扶项目). */
const PROJECT_NAME = /(?<=那个|的)[^，。,；;]{1,14}?(?=项目)/g;

/**
 * Watching or attending, not serving: a show (当观众), a ceremony, a talk, a training or a meeting sat
 * in on (听了一场讲座, 参加志愿者交流会, 跟着学了怎么入户), an exhibition visited.
 */
const ATTENDED = new RegExp([
  '当观众|观看|观摩|旁听|看了[^，。,；;]{0,6}(?:演出|节目|表演|比赛|展览)|参加了?[^，。,；;]{0,8}(?:大会|仪式|典礼|表彰|动员会)',
  '听了?(?:一场|一次|一节|一堂|个|场|节)?[^，。,；;]{0,8}(?:讲座|报告|宣讲|培训|课)(?![^，。,；;]{0,2}(?:的|时))',
  '(?:参加|参与|接受)了?[^，。,；;]{0,10}(?:培训|见面会|交流会|分享会|经验会|启动会|会议)',
  '跟着[^，。,；;]{0,4}学|学习了|参观了?(?![^，。,；;]{0,6}(?:企业|公司|工厂|厂|合作社))',
].join('|'));
/** What the student did at what they attended (我负责…, 当志愿者, 给居民讲, 组织居民观看…并讲解): then it was service. */
const ROLE = /负责|担任|主讲|主持|(?<!参加|参与|观看)组织(?!的)|讲解|带领|当[^，。,；;]{0,4}(?:志愿者|讲解员|主持|裁判)|作为[^，。,；;]{0,6}(?:志愿者|讲师|代表)|给[^，。,；;]{0,8}讲|帮[^，。,；;]{0,8}(?:忙|布置|搬|引导|维持)|协助/;
/** Time spent with nothing done (待了3小时，啥也没干). */
const IDLE = /(?:啥|什么)(?:也|都)没(?:干|做|弄)|没(?:干|做)(?:啥|什么)|没(?:啥|什么)(?:事|活)(?:干|做)?|也没安排啥/;
/** 实事走访都有: two items named, neither first. */
const BOTH = /(实事|走访|活动|项目)[和、跟与加+/]?(实事|走访|活动|项目)都(?:有|做|干)|(?<![^\s，。,；;:：])(实事|走访|活动|项目)\s{0,2}[和、加+/]\s{0,2}(实事|走访|活动|项目)(?![^\s，。,；;])/;

/** The notice's X item: other service the school and the community agreed on. */
const AGREED = /(?:学院|学校|校地|院里|系里)[^，。,；;]{0,12}(?:商定|协商|约定|商量好)的/;

/** Big events students serve at; what they did there decides the item. */
const VENUE = /运动会|健步走|赛包|参赛|联欢会|配合[^，。,；;]{0,12}(?:开展|举办|组织)|游园|邻里节|冰雪节|马拉松|半马|招聘会|献血|赛事|晚会|集市|庙会|展会/;
const VOLUNTEERED = /(?:当|做)[^，。,；;]{0,4}志[愿原]者|配合|志愿服务|现场服务|保障|帮忙|帮着|去帮|裁判|计分|检录|引导|维持秩序|补给|存(?:取)?包|发水|摆(?:器材|椅子)|搬/;
const ORGANISED = /(?:我们|咱们|青协|学生会|支部|班里|班级)[^，。,；;]{0,6}(?:办|举办|组织|策划|搞)|(?:举办|组织|办)了(?:一场|一次|个)|主持/;
/** Who puts on events the students help at. */
const HOST = '社区|街道|村委会?|村里|居委会?|镇里|镇上|镇政府|物业|学校|学院|团委|医院|卫生院|卫生站|服务站|医生|商家|图书馆';
/**
 * An event someone else put on: 社区组织的义诊, 社区主办的, 协助社区举办邻里节, 人家社区办那个敬老活动,
 * and 社区搞了个义卖 — but 在社区开展了宣传 is the student's own.
 */
const HOSTED = new RegExp([
  `(?:${HOST})[^，。,；;]{0,4}(?:组织|主办|举办|承办|办|搞|开展)的`,
  `(?<!(?:在|到|去|赴|于|前往)[^，。,；;]{0,8})(?:${HOST})[^，。,；;]{0,4}(?:组织|主办|举办|承办|办|搞|开展)了(?:个|一场|一次)`,
  '(?:人家|别人)[^，。,；;]{0,6}(?:组织|主办|举办|办|搞)|(?:协助|配合)[^，。,；;]{0,6}(?:举办|开展|组织)|主办方|承办方',
].join('|'));
/** …unless the students put it on themselves (我们自己组织了, 我们在社区开展的). */
const OURS = /(?:我们|咱们|本人|我)(?:自己|支部|团支部|小组|班|队)?(?:在[^，。,；;帮给为替协配参]{1,8})?(?:组织|举办|开展|办|搞|策划)/;
/** What a helper does at such an event. */
const HELPED_AT = /负责|协助|帮|志[愿原]者|布置|引导|维持|搬|摆|发放|登记|签到|打下手|后勤|配合/;
/** Speaking or performing at it is the event's own work. */
const MY_TALK = /主讲|我讲|由我讲|负责[^，。,；;]{0,6}讲|讲解员|主持|我们?(?:表演|演)|上台|[给为向][^，。,；;]{0,8}讲/;

/**
 * Help at an event someone else put on, told by the kind of event (运动会上帮着计分) or by its host
 * (社区组织的义诊，负责引导) — not one the students organised, spoke or performed at.
 */
function helpedAtOthersEvent(text: string): boolean {
  if (VENUE.test(text) && VOLUNTEERED.test(text) && !ORGANISED.test(text)) return true;
  return HOSTED.test(text) && !OURS.test(text) && HELPED_AT.test(text) && !MY_TALK.test(text);
}

/** 上午…下午…: two pieces of work when each half names a different item. */
const HALVES = /(?:上午|早上)[^。]{2,40}(?:下午|中午|晚上)/;
/**
 * 宣讲了一个小时，然后又帮社区整理档案: one piece of work, then another besides (先布置会场，然后主持讲座
 * is one event, its preparation first).
 */
const TWO_STEPS = /(?:然后|之后|后来|接着|完了)[，,\s]{0,2}(?:又|还)/;
/** Said outright: two pieces of work, half and half. */
const SPLIT = new RegExp([
  '各占一半|各一半|一半(?:时间)?[^，。,；;]{0,14}[，,]?[^，。,；;]{0,4}一半|两件事|对半',
  // 前半程开例会，后半程入户; 前一个半小时…后一个半小时 (the amount masked); 两边时间差不多
  '前半(?:程|段|场|部分|截|时间)?[^。]{2,40}后半|前\u0001[^。]{2,40}后\u0001|(?:两边|两头|两样|两项|两者|二者)[^，。,；;]{0,4}(?:时间|用时)?[^，。,；;]{0,2}(?:差不多|相当|相同|一样|各半)',
].join('|'));

/** Words that say a second piece of work follows (先…然后…). */
const SEQUENCE = /然后|之后|后来|接着|另外|其次|又/;
/** …and a time of day starting one: 上午宣讲，下午辅导作业 is two items, asked about. */
const THEN = new RegExp(`上午|下午|晚上|中午|${SEQUENCE.source}`);

/** 开了项目组会，也去入户走访了: a second piece of work added beside a project's. */
const ALSO = /(?:也|还|再)(?:去|给|帮|到|做|搞|办|入户|走访)|同时/;
/** 上午做项目方案，下午扫雪: a clause for each half of the day. */
const CLAUSE_HALVES = /(?:上午|早上)[^。，,；;]{2,24}[，,；;]\s{0,2}(?:下午|中午|晚上)/;

/** Whether a word that starts a second piece of work stands between the first and last of `words`. */
function separated(text: string, words: string[]): boolean {
  const at = words.map((w) => text.indexOf(w)).filter((i) => i >= 0).sort((a, b) => a - b);
  const between = text.slice(at[0]!, at.at(-1)!);
  return at.length > 1 && (SEQUENCE.test(between) || ALSO.test(between) || CLAUSE_HALVES.test(text));
}

/** An event named before any direct help, in one piece of work: the help was given at it (办了个讲座，教大家…). */
function eventFirst(text: string): boolean {
  const event = EVENT.exec(text);
  const service = SERVICE.exec(text);
  return event !== null && service !== null && event.index < service.index && !THEN.test(text.slice(event.index, service.index));
}

/** The item's Chinese name (实事, 走访, 活动, 项目, X). */
export function itemName(item: ItemKey): string {
  return LABEL[item];
}
