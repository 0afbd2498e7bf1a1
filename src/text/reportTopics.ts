/**
 * What a visit asked about or heard (问居民想看啥样的文艺节目, 调查大家对广场舞噪音的看法, 走访了三家文艺培训机构,
 * 好几家都说课后没人辅导): the visit's topic, not a second piece of work beside it; and the items a text's words name
 * with those left out. Part of reportItems.ts; works on width-folded, masked text.
 */
import { LABEL_WORDS, TALKED_WITH, VISIT_WORDS, type ItemKey } from './reportItemWords.js';

/** Text put out of the reading, keeping every other index where it was (shared with reportItems.ts). */
export const blank = (t: string) => ' '.repeat(t.length);

/** Verbs of asking or learning that open a visit's topic (了解, 问问, 聊了聊, 调查, 摸排, 询问, 座谈，聊, 座谈骑手关爱的事, 访谈他们对社区的建议, 回访米面油收到没有 …). */
const ASK = '(?:了解|掌握|摸清|问了?问?|聊了?聊?|唠了?唠?|调查|摸排|摸底|询问|征求|打听|(?<!组织|召开|主持)(?:座谈|访谈|回访)(?!会)|联系(?=[^，。,；;]{1,16}的事))(?:了|一下)?';
/** …unless the clause goes on to a talk, teaching or a next step (讲了, 宣讲, 教了, 辅导了, 然后, 之后, 后在): work done. */
const GOES_ON = '(?![^，。,；;]*(?:讲了|宣讲|教了|辅导了|然后|之后|后来|[后完]在))';
/**
 * Where the topic ends: at the clause's end, or at a word that starts other work (问了老人需求，并帮他们打扫:
 * 顺便, 顺手, 并, 还, 又, 也, 再, 另外, 以及, 接着, 同时, 帮, 替), and at 给/为 (了解到灯坏了就给换了灯泡) unless
 * 的 follows within four characters, as in what was asked about (问给老人送的饭够不够, 了解为孩子报的班).
 */
const TOPIC_END = '(?=$|[，。,；;]|顺便|顺手|并且?|还|又|也|再|另外|以及|接着|同时|帮(?!扶)|替|[给为](?![^，。,；;]{0,4}的))';
/** Who a visit went to (走访了三家文艺培训机构), when nothing follows in the clause. */
const VISITED = '(?<=(?:走访|访谈|拜访)了?)[^，。,；;\\s\\d]{0,12}(?:机构|单位|企业|公司|商户|店铺|门店|家庭|人家|回收站|驿站|超市|驾校|合作社|工厂|厂)(?=$|[，。,；;\\s])|' +
  // (…and those visited or talked to by what they are: 走访了3位民间剪纸艺人, 对文艺队的3名负责人进行了访谈, 访谈了社区卫生服务站的2名医生)
  '(?<=(?:走访|访谈|拜访)了?)[^，。,；;\\s]{0,16}?(?:艺人|手艺人|负责人|医生|老师|干部|书记|主任|队员|队长|店主|老板|代表|户|家庭)(?=$|[，。,；;\\s])|' +
  '(?<=对)[^，。,；;\\s]{1,16}?(?=进行了?(?:访谈|走访|调研|座谈))|' +
  // (…and what it was about, said before it: 围绕非遗技艺的传承现状, 围绕“双减”背景下的课后托管需求)
  '(?<=围绕|关于|针对)[^，。,；;]{1,24}?(?=[，,]|(?:进行|开展|展开|访谈|走访|对|于))';
/** The rest of a clause after a verb of asking (问居民想看啥样的文艺节目, 了解社区怎么调解纠纷的), and who a visit went to. */
const ASKED_ABOUT = new RegExp(`(?<=${ASK})${GOES_ON}[^，。,；;]*?${TOPIC_END}|${VISITED}`, 'g');
/**
 * What those visited said (好几家都说课后没人辅导, 4户都反映, 有人说, 居民反映楼道没灯): a count of homes or
 * people, or residents by name, then 说/反映/提到/表示 — not any word ending in 人 or 家 (工作人员说).
 */
const TOLD = /(?:(?:好几|[\d几两三四五六七八九十多]|有的|不少|很多)[家户位个]|有(?:的)?人|[几两三四五六七八九十多]个人|他们|她们|居民|村民|老人们?|大家|业主)(?:都|也)?(?:说|反映|提到|表示)[^，。,；;]*/g;

/** What a survey was about, said before it (做旧衣回收利用的问卷调查, 发了垃圾分类的调查表, 做帮扶需求问卷): its topic, not work done. */
const SURVEY_TOPIC = /(?<=(?:做|搞|发|开展|进行|填)了?(?:一次|一份|个|份)?)[^，。,；;]{1,12}?(?:的|需求)(?=问卷|调查|调研)/g;

/** `text` with a visit's topics blanked, when it tells of a visit by the visit's own words. */
export function withoutVisitTopics(text: string): string {
  if (!VISIT_WORDS.test(text)) return text;
  return text.replace(SURVEY_TOPIC, blank).replace(ASKED_ABOUT, blank).replace(TOLD, blank);
}

/** What a visit set out to learn (了解电梯维修的情况) is its topic, not work done. */
// (…and what was heard, gathered or put down: 登记老人的体检意向, 征集楼道墙绘的意见, 听他们讲开网店的甘苦 — not residents brought to hear a talk, 组织居民听我讲反诈 —, 唠了唠剪纸咋传下来的, 收集建议, 为帮扶摸底, a training the student sat through (看了社区实践的培训视频); and
// who was visited: 访谈村里会剪纸的老手艺人)
export const LEARNING = /(?:了解|听|问|聊|唠|记录|反映|收集|征求|征集|登记)[^，。,；;]{0,14}(?:情况|需求|诉求|困难|难处|问题|现状|咋样|怎么样|收成|的事|意见|建议|流程|做法|经验|看法|想法|甘苦|经历|故事|传下来|传承|意向|意愿)|(?<!(?:组织|召集|请)[^，。,；;]{0,8})听(?![^，。,；;]{0,3}(?:我|我们|咱们)讲)[^，。,；;]{0,6}讲[^，。,；;]{0,16}|为[^，。,；;]{0,12}摸底|(?<![给帮陪带教])(?:看|观看|参加|听)了?[^，。,；;]{0,10}培训(?:视频|课|会)?|(?<=访谈|采访|拜访|走访)[^，。,；;]{0,12}的[^，。,；;]{0,4}(?:人|者|师傅|户|家|老人)/g;

/** Paperwork on a survey done by others (整理问卷数据, 录入调查表): support, not a visit. */
export const SURVEY_DATA = /(?:整理|录入|统计|汇总|核对|誊录)[^，。,；;]{0,6}(?:问卷|调查)/g;

/** The items a text's own words name, with the word for each: topics talked about and things learnt left out. */
export function itemWords(text: string): Map<ItemKey, string> {
  const hits = new Map<ItemKey, string>();
  const outsideTopics = withoutVisitTopics(text.replace(LEARNING, blank));
  const noSurveyData = text.replace(SURVEY_DATA, blank);
  for (const [key, words] of LABEL_WORDS) {
    const m = words.exec(key === 'zoufang' ? noSurveyData : outsideTopics);
    if (m && !hits.has(key)) hits.set(key, m[0]);
  }
  // (跟网格员聊了几句 beside the work done is no visit: only a visit's own words make one then)
  const talk = hits.get('zoufang');
  if (talk !== undefined && hits.size > 1 && TALKED_WITH.test(talk) && !VISIT_WORDS.test(talk)) {
    const own = VISIT_WORDS.exec(noSurveyData.replace(new RegExp(TALKED_WITH.source, 'g'), blank));
    if (own) hits.set('zoufang', own[0]);
    else hits.delete('zoufang');
  }
  return hits;
}
