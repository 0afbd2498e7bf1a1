/**
 * What a visit asked about or heard (问居民想看啥样的文艺节目, 调查大家对广场舞噪音的看法, 走访了三家文艺培训机构,
 * 好几家都说课后没人辅导): the visit's topic, not a second piece of work beside it. Part of reportItems.ts;
 * works on width-folded, masked text.
 */
import { VISIT_WORDS } from './reportItemWords.js';

/** Text put out of the reading, keeping every other index where it was. */
const blank = (t: string) => ' '.repeat(t.length);

/**
 * The rest of a clause after a verb of asking (问居民想看啥样的文艺节目, 了解社区怎么调解纠纷的), up to a word
 * that starts other work (问了老人需求，并帮他们打扫 — the help after 并 is work done); and who a visit went
 * to (走访了三家文艺培训机构), when nothing follows in the clause.
 */
const ASKED_ABOUT = /(?<=(?:了解|问了?问?|聊了?聊?|唠了?唠?|调查|摸排|摸底|询问|征求|打听|座谈[，,]\s{0,2}聊)(?:了|一下)?)(?![^，。,；;]*(?:讲了|宣讲|教了|辅导了|然后|之后|后来|[后完]在))[^，。,；;]*?(?=$|[，。,；;]|顺便|顺手|并且?|还|又|也|再|另外|以及|接着|同时|给(?![^，。,；;]{0,4}(?:的|了))|帮|替|为(?![^，。,；;]{0,4}的))|(?<=(?:走访|访谈|拜访)了?)[^，。,；;\s\d]{0,12}(?:机构|单位|企业|公司|商户|店铺|门店|家庭|人家)(?=$|[，。,；;\s])/g;
/** What those visited said (好几家都说课后没人辅导, 居民反映楼道没灯). */
const TOLD = /(?:[家户人个位]|他们|她们|居民|村民|老人|大家|业主)(?:都|也)?(?:说|反映|提到|表示)[^，。,；;]*/g;

/** `text` with a visit's topics blanked, when it tells of a visit by the visit's own words. */
export function withoutVisitTopics(text: string): string {
  if (!VISIT_WORDS.test(text)) return text;
  return text.replace(ASKED_ABOUT, blank).replace(TOLD, blank);
}
