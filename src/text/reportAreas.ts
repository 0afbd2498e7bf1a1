/**
 * Which of the notice's nine service areas (服务乡村振兴、基层治理、济困助学、就业创业、生态环保、
 * 文化传承、科技推广、卫生医疗、政策宣传) a report is about, read from the words students use
 * for each. The area is optional on a log, so a report that points at no area, or at two
 * equally, gets none: never a guess. Part of reportParser.ts; works on width-folded text.
 */
import { AFTER_CLASS, HOMEWORK, MATH_TOPICS } from './reportItemWords.js';
import { ALREADY_REPORTED, REFLECTION } from './reportAsides.js';

export type AreaKey =
  | 'rural_revitalization' | 'grassroots_governance' | 'aid_education' | 'employment' | 'ecology'
  | 'culture' | 'technology' | 'health' | 'policy';

/** Marking and drilling schoolwork (批改, 听写 …): 济困助学 when children or their work are named beside it. */
const MARKING = '批改|订正|听写|默写|背诵|错题';
/**
 * Topic words name an area on their own (垃圾分类 is 生态环保 however it was done); the
 * area's own name counts too. (A grid named by its number, 5网格, is a place, not 基层治理.) Broad words (宣传, 健康, 农村) count only when no topic word
 * is present, so 垃圾分类宣传 is 生态环保, not 政策宣传.
 */
const TOPIC: [AreaKey, RegExp][] = [
  ['rural_revitalization', /乡村振兴|助农|推销|销路|农家乐|民宿|乡村旅游|滞销|农产品|农副产品|农户|果农|菜农|农民(?!画|运动会)|种植|大棚|采摘|秋收|春耕|收玉米|掰玉米|收割|电商|直播带货|带货|合作社|养殖|特产|果园|果树|农田|田间|(?<![绿草场工基园])地里|庄稼|农活|化肥|农资|杂粮|(?:收|摘|卖|打包|装|晒|剥|掰)[^，。,；;]{0,3}(?:花生|白菜|土豆|小米|粟米|大豆|红薯|蔬菜|苹果|玉米|辣椒)|施肥|农机|家庭农场|农场|摘[^，。,；;]{0,2}(?:苹果|梨|果)|苞米|玉米|收购|种地|粮食|土地流转|农业|村集体|村[^，。,；;]{0,6}产业|特色产业|产业振兴|美丽乡村|和美乡村|村播|farmers?(?![a-z])|harvest/g],
  ['grassroots_governance', /居务公开|民主监督|居民自治|自治金|基层治理|社区治理|微治理|治理|(?<![\d一二三四五六七八九十])网格|网格(?=员|化|长)|矛盾|调解|纠纷|人口普查|人口登记|流动人口|信息登记|信息采集|入户登记|议事|民情(?!况)|社情|文明创建|防疫|核酸|信访|选举|换届|居民需求|居民诉求|出计献策|社区事务|居民公约|村务|选民|选委会|推选|唱票|计票|票箱|候选人/g],
  ['aid_education', new RegExp(String.raw`济困|助学|困难[^，。,；;]{0,6}(?:家庭|户|群众|老人|老两口|学生|儿童|famil)|临时救助|困难救助|贫困|低保|五保|特困|孤寡|留守儿童|困境儿童|孤儿|单亲|辅导|补习|${AFTER_CLASS}|托管|[讲补教][^，。,；;]{0,4}(?:数学|英语|语文|物理|化学|作文|题|单词|math|english)|[讲补][^，。,；;]{0,6}?(?:个|钟头?|小时|\u0001)的?(?:数学|英语|语文|物理|化学|作文)|补[^，。,；;]{0,6}?(?:个|钟头?|小时|\u0001)的?课|(?:${MARKING})(?=[^，。,；;]{0,8}(?:作业|作文|周记|试卷|卷子|生字|单词|拼音|古诗|课文|听写))|(?<=(?:孩子|学生|小朋友|娃)[^，。,；;]{0,10})(?:${MARKING})|(?<!老年(?:学校|大学)[^。]{0,30})${HOMEWORK}|(?<!(?:政策|法律|现场|群里|给大家|给居民|给业主)[^，。,；;]{0,6})答疑|支教|功课|补课|家教|四点半|放学后|放課後|兴趣课|(?:英语|日语|俄语|韩语|外语|英文|日文|俄文)[^，。,；;]{0,2}(?:课|绘本|阅读|口语)|学困|特殊儿童|捐书|助学金|资助|奖学金|中考|高考|小升初|homework|(?:[讲补教]|辅导)[^，。,；;]{0,6}(?:${MATH_TOPICS})(?![^，。,；;]{0,4}(?:骗|诈))|tutor|after school|(?:taught|teach)[^，。,；;]{0,12}(?:math|english)`, 'g')],
  ['employment', /(?<=招(?!呼)[^，。,；;]{0,3})兼职|用人需求|灵活就业|创业户|就业|招聘|招人(?!喜欢|疼|烦|厌|嫌|恨|爱)|求职|简历|失业|待业|找工作|面试|创业|岗位|职业规划|职业指导|技能培训|招工|用工|实习|务工(?!人员的?(?:子女|孩子))|招[^，。,；;]{0,6}(?:人才|工人|员工|技工)|人才[^，。,；;]{0,2}需求|打工(?!的?(?:儿子|女儿|子女|孩子|家人|亲人|老伴|丈夫|爱人|妻子|人家|家庭|老人))|劳动力|应届|毕业生|graduates?(?![a-z])|resume|jobs?(?![a-z])|career/g],
  ['ecology', /生态|环保|垃圾分类|厨余|泔水|塑料垃圾|烟头|植树|种树|河道|巡河|护河|白色污染|节能|低碳|绿化|护绿|湿地|废旧电池|废电池|有害垃圾|塑料瓶|旧衣|废品回收|旧物回收|垃圾回收|回收利用|回收站|捡垃圾|清理垃圾|垃圾清理|清运垃圾|环境保护|爱护环境|护林|爱鸟|节水|节电|节约用(?:水|电)|光盘|旧物|白色垃圾|清洁家园|(?:清理|捡)[^，。,；;]{0,8}垃圾|垃圾处理|生活垃圾|污水|秸秆|禁烧|污染|空气质量|垃圾[^，。,；;]{0,3}(?:投放|督导|点位)|督导[^，。,；;]{0,6}(?:垃圾|分类|投放)|树苗|农膜|地膜|绿色出行|垃圾减量|分类督导|分类回收|垃圾(?:咋|怎么)分|分类标识|海洋保护|净滩|补种(?!玉米|小麦|大豆|水稻|庄稼)|补栽|病虫害|松毛虫|林场|爱护树木|garbage|trash|litter|recycl|plant(?:ed|ing)?\s{1,2}trees?/g],
  ['culture', /老字号|文化记忆|地方戏|阅读推广|换书(?![架包柜桌皮签])|文化传承|传统文化|传统[^，。,；;]{0,4}文化|非遗|剪纸|民俗|红色文化|红色故事|红色教育|红色(?:历史|记忆|基因|传统)|抗联|革命|红歌|村史(?!馆)|村史馆[^，。,；;]{0,8}(?:讲|介绍)|(?:讲|介绍)[^，。,；;]{0,8}村史馆|口述史|习俗|老物件|家风|族谱|京剧|戏曲|评剧|二人转|[沪豫越川粤]剧|黄梅戏|花鼓戏|秦腔|昆曲|唱戏|篆刻|面塑|传统[^，。,；;]{0,3}(?:舞|歌|乐|戏|技艺|手艺)|民歌|冬不拉|马头琴|秧歌|皮影|春联|对联|福字|灯谜|国学|诗词|经典诵读|古诗|地方文化|博物馆|文化节|(?:民族|满族|蒙古族|朝鲜族|回族|锡伯族|壮族|苗族|彝族|藏族|维吾尔族|鄂温克族|达斡尔族)的?(?:历史|故事|传统|习俗|风俗|节日|舞|歌|服饰|文化|语言|文字)|民族服饰|服饰展|纹样|婚俗(?!改革)|(?<!按|照|依|是)(?:老讲究|老规矩)|家谱|长调|农乐舞|那达慕|西迁|珠算|算盘|纪念馆|传统节日|中秋|端午|元宵|腊八|民乐|手工艺|扎染|刺绣|年画|历史文化|书法|书画|国画|中国结|晋剧|二人台|扇面|糖画|茶艺|茶文化|花灯|渔歌|民间故事|老手艺|传承[^，。,；;]{0,6}文化|(?:二十四)?节气(?!表)|读书分享|(?:地方|家乡)小调|红色电影|文旅|美食文化|毛笔字|楷书|文化遗产|农民画|历史建筑|老建筑|古建筑|calligraphy|paper.?cutting/g],
  ['technology', /科创|打车软件|科技推广|科技(?!企业|型企业|公司)|科技下乡|农技|病虫害|白粉病|(?<![压病视瘤炎])防治|科普|智能|手机使用|使用手机|用手机|手机操作|教老人用|网上缴费|线上缴费|编程|机器人|无人机|信息技术|微信使用|(?<=教[^，。,；;]{0,8})用微信|用微信(?!视频|语音|电话|群|聊)|数字鸿沟|数字|人工智能|3d打印|天文|实验|电脑课|科学(?=小?课|实验|知识|小课堂)|(?:老人|老年人|村民|居民|阿姨|大爷|大妈|奶奶|爷爷|老太太)们?[^，。,；;录]{0,4}电脑|路由器|12306|smartphone/g],
  ['health', /卫生医疗|医疗|吃药|发药|认药|退烧药|消炎药|抗生素|药膏|世界卫生日|防病(?!毒|虫)|心脑血管|过期药|药箱|养生|食物中毒|控烟|无烟|吸烟|劝[^，。,；;]{0,8}抽烟|抽烟[^，。,；;]{0,4}(?:危害|有害)|二手烟(?=[^，。,；;]{0,6}(?:危害|宣传|讲|科普|调查|问卷|暴露))|劝烟|狂犬|就医|义诊|量血压|测血压|血压|血糖|高血压|糖尿病|慢病|慢性病|体检|体温|心理|急救|心肺复苏|护理|康复|医院|疫苗|用药|陪诊|换药|理疗|艾灸|中医|推拿|按摩|口腔|牙(?:齿|科|医|病|周|龈|痛|疼)|刷牙|护牙|爱牙|视力|近视|眼保健|营养|膳食|献血|造血干细胞|骨髓|采血|血样|病媒|灭鼠|防鼠|鼠(?:患|情|害|洞|迹)|毒饵|鼠药|灭蚊|防蚊|蚊虫|蟑螂|心理健康|看病|流感|感冒|传染病|疾病|健康讲座|健康知识|健康科普|健康宣传|健康宣教|健康教育|健康检查|健康咨询|健康档案|卫生院|卫生服务站|卫生服务中心|卫生站|疫苗接种|接种点|辅食|防艾|艾滋|医养|筛查|骨密度|跌倒|病情|村医|医护|医生|护士|保健(?!品)|食品安全|食品添加剂|添加剂|亚硝酸盐|隔夜菜|防腐剂|配料表|一氧化碳中毒|一氧化碳|煤气中毒|假药|药(?:店|房|品|盒|物)|降压药|非处方药|代替药|药[^，。,；;]{0,6}过期|诊所|病死|注水肉|酒精|(?<![a-z])aed(?![a-z])|海姆立克|气道异物|噎住|(?<![a-z])bmi(?![a-z])|体脂|减重|体重管理|吃多少盐|控盐|减盐|戒烟|禁烟(?!花)|护眼|爱眼|进补|blood pressure|health/g],
  ['policy', /双减|中考政策|政策宣传|政策|反诈|防诈|诈骗|电诈|防骗|法律|法规|普法|法治|宪法|民法典|医保|社保|养老保险|消防(?:安全)?(?:知识|宣传)|防火|燃气安全(?=[^，。,；;]{0,4}(?:宣传|知识|讲|宣讲|常识))|安全用电|用电安全|安全充电|充电安全|安全宣传|禁毒|反邪教|防溺水|交通安全|党的(?=[^，。,；;]{0,6}(?:政策|方针|理论|精神|路线|大会|历史|创新|会议|决议))|征兵|国家安全|安全知识|安全教育|fraud|骗局|刷单|冒充|《[^》]{1,12}法》|[^，。,；;\s]{2,6}(?:承包|保护|保障|促进|管理)法|非法集资|(?:反|防)家暴|家暴(?=法|宣传|知识)|消防法|禁毒法|(?:未成年人|网络)[^，。,；;\s]{0,6}条例|妇女儿童权益|妇女权益|儿童权益|消费维权|维权|消费者权益|(?<!\d)12315(?!\d)|3·15|315(?=[^，。,；;]{0,2}(?:宣传|晚会|消费|维权|主题))|劳动法|讨薪|权益保障|婚俗改革|scam|(?<![a-z])(?:law|legal)(?![a-z])/g],
];
const FARM_TECH = /农技|农业科技|(?<!狂犬)病[^，。,；;]{0,2}防治|(?:农业|种植|养殖|大棚|果树|修剪|保温|病虫害|施肥|栽培)[^，。,；;]{0,6}技术|技术[^，。,；;]{0,4}(?:指导|下乡)/;
const OWN_NAMES: [AreaKey, string][] = [
  ['rural_revitalization', '乡村振兴'], ['grassroots_governance', '基层治理'], ['aid_education', '济困助学'], ['employment', '就业创业'],
  ['ecology', '生态环保'], ['culture', '文化传承'], ['technology', '科技推广'], ['health', '卫生医疗'], ['policy', '政策宣传'],
];
/** The party's ideas studied or told (学习二十大精神, 宣讲习近平新时代…思想): no area of the nine by themselves. */
const THEORY = '二十大|精神|习近平';
const BROAD: [AreaKey, RegExp][] = [
  ['rural_revitalization', /乡村|农村/g],
  // (…nor the study half of a party day, 先集中学习了党章, 学习环节, 学习完后, 学习+服务)
  ['aid_education', new RegExp(`(?<!党员|主题|理论|组织|先|集中|交流)学习(?!${THEORY}|贯彻|党|材料|档案|需求|强国|辅导|宣讲|讲话|教育|心得|内容|环节|部分|完(?!成)|\\+服务|[:：]|纲要|读本|公报|条例|文件|全会)`, 'g')],
  ['ecology', /环境|environment/g],
  // (not the student's own phone: 手机没电了没报上, 手机摔坏了刚修好)
  ['technology', /手机(?![^，。,；;]{0,2}(?:没电|坏|摔|丢|欠费|关机|静音|修好))/g],
  ['health', /健康/g],
  // (not a team's name: 双语宣讲队的例会, nor theory told: 宣讲二十大精神, 理论宣讲 — the party's ideas are no policy area)
  ['policy', new RegExp(`(?<!理论|精神)宣讲(?!队|团|项目|小组|[^，。,；;]{0,6}(?:${THEORY}|理论|党课|现代化|思想))`, 'g')],
];

/**
 * The area the text points at most: the one whose words it uses most (distinct words), topic
 * words before broad ones; none when two areas tie.
 */
export function findArea(masked: string): AreaKey | undefined {
  // The area named by its own name (农业科技推广 is 科技推广) before any count of words; farm
  // technology taught to farmers (修剪技术, 大棚保温技术讲座) is 科技推广 too.
  // (…leaving out the thoughts after the work and other work already reported)
  masked = masked.replace(REFLECTION, ' ').replace(ALREADY_REPORTED, ' ');
  const named = OWN_NAMES.filter(([, name]) => masked.includes(name));
  if (named.length === 1) return named[0]![0];
  if (FARM_TECH.test(masked)) return 'technology';
  for (const table of [TOPIC, BROAD]) {
    let best: AreaKey | undefined;
    let bestScore = 0;
    let tie = false;
    for (const [key, words] of table) {
      const score = new Set(masked.match(words)).size;
      if (score > bestScore) [best, bestScore, tie] = [key, score, false];
      else if (score > 0 && score === bestScore) tie = true;
    }
    if (bestScore > 0) return tie ? undefined : best;
  }
  return undefined;
}
