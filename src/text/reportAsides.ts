/**
 * What a report says beside the work it reports: work already reported on its own (周一那次已报),
 * the thoughts a Party activist adds after the work (我体会到…, 作为一名预备党员…), what advice was
 * about, what was translated, and who came to inspect. Put out of the reading of the item (and,
 * for the first two, of the date). Part of reportParser.ts; works on width-folded, masked text.
 */

/**
 * A clause telling of other work already recorded (上周三的入户走访已经登记过了, 周一那次已报,
 * 上周三的走访、周一的例会均已单独登记, 周一那次之前已经报过): neither its day nor its work is this report's — not one
 * missed before (这是补之前漏报的, 之前忘了报).
 */
export const ALREADY_REPORTED = /[^，。,；;:：（）()—！!]{0,40}(?:已经?|之前|上次|前面)[^，。,；;:：（）()—！!]{0,6}(?<![漏没未]|忘了?|没来得及)(?:登记|报|记录|提交|录入)(?:过|了|好)?(?=[^，。,；;:：（）()—！!]{0,3}(?:[，。,；;:：（）()—！!]|$))[^，。,；;:：（）()—！!]{0,3}/g;

/**
 * A clause of thoughts after the work, as a thought report writes it (我体会到…, 我更加坚定了入党的初心,
 * 作为一名预备党员…, 是党员最基本的功课, 自己也很受教育): no work of that day.
 */
export const REFLECTION = /[^，。,；;！!]{0,40}(?:我[^，。,；;！!]{0,6}(?:体会到|感到|认识到|意识到|感受到|明白了|懂得了)|有了切身体会|受教育|初心|(?:作为|是)一?名?(?:共产党员|预备党员|入党积极分子|党员)|党员(?:最|就要|应该|要)|入党)[^，。,；;！!]{0,40}/g;

/**
 * Said beside the work, not work done: what advice was about (给广场舞抢场地的问题出主意), what was
 * translated (把剪纸非遗的介绍翻成俄语), visitors who came to inspect (给来考察的客商做翻译), a
 * project group acted for at a talk (代表项目组开展宣讲), a likeness (跟上了三节课一样), and what a board or picture was about
 * (都是普法内容, 普法推文的头图).
 */
/** The start of a line someone other than the student says in a pasted chat (老师：…, 居委会小孙：…), the student's own being 我：. */
// (…not a form's field or the student's own question: 时间：, 内容：, 问：, 请问：)
export const OTHERS_LINE = '(?<=^|\\n|[\\u0001\\u0002])(?!我[：:])(?![^\\n：:]{0,4}(?:时间|日期|地点|地址|内容|时长|主题|事项|备注|姓名|学号|类别|类型|项目|岗位|组织者|补充|问|答|另外)[^\\n：:]{0,3}[：:])(?=[^\\n：:，。,?？\\u0001\\u0002]{1,8}[：:])';
export const SAID_BESIDE = new RegExp([
  '(?<=给|为|就|针对)[^，。,；;]{1,20}?(?=出了?(?:点|些|个|几个|几条|几点|条|一些|不少)?(?:主意|点子))',
  '(?<=把)[^，。,；;]{1,20}?(?=翻译?成|译成)',
  '来[^，。,；;]{0,4}(?:考察|参观|调研|走访)的',
  '(?:代表|作为)项目组(?:成员|的一员)?',
  // (跟上了三节课一样: what the time or the tiredness is likened to)
  '(?:跟|像|如同|就像|好像)[^，。,；;了过]{0,3}[了过][^，。,；;]{1,8}?(?:一样|似的)(?=[\\s，。,；;!！~～累]|$)',
  '(?:宣传|普法|反诈|科普)(?!栏|橱窗|展板|板|墙)(?=[^，。,；;]{0,5}(?:内容|长图|头图|配图|插图|素材))',
  // (切实把好事办实、实事办好, 做到了全程参与、全程服务: a set phrase of praise, no work told)
  '(?:切实)?把?好事办实[、，,]?把?实事办好|(?:做到了?)?全程参与[、，,]?全程服务',
  // (a chat pasted with the student's own lines as 我：, 老师：好，表格我给你填上: the others' answers after the student's last line
  // are not the student's work — 老师：来了帮我把档案排一下 before 我：排完了 tells it)
  // (…unless they tell what the student did: 你帮我们整理了档案)
  `${OTHERS_LINE}(?<=(?:^|\\n)我[：:][\\s\\S]*)(?![\\s\\S]*\\n我[：:])(?![^\\n]*(?<![给帮让叫跟和对向])你)[^\\n\\u0001\\u0002]*`,
  // (讲我们访谈时听到的, 请访谈过的老人来讲, 把访谈整理出来的故事: visits done before, the source of what was told)
  '(?:我们|之前)?访谈(?:老人|居民)?(?:时|中)(?=[^，。,；;]{0,4}(?:听到|搜集|收集|记录|了解到|整理))|访谈过的|访谈整理出来的',
  ALREADY_REPORTED.source,
  REFLECTION.source,
].join('|'), 'g');

/**
 * Done on the side (顺便发了点传单, 顺手, 捎带), or left for next time (约我下次教她们主持, 改天再来): not the
 * main work, blanked to the clause's end. 下次 may come masked as a day (还约我\u0001教); a masked day after
 * 约/让/叫/请 counts only with 还/又 before it (还约我下次…), so that 社区叫我今天过来入户走访 stays work done.
 */
export const ASIDE = /(?:顺便|顺手|顺带|捎带|捎带手|附带|(?:还|又)?(?:(?:约|让|叫|请)我?)?(?:下次|下回|改天)|(?:还|又)(?:约|让|叫|请)我?\u0001+)[^，。,；;]*/g;

/**
 * Work planned for next time (下次再去给树刷白, 改天再来 — 下次 may come masked as a day, then in a later clause with
 * 再去/再来 and no 了): none done, even when nothing else names the work.
 */
export const NEXT_TIME = /(?:(?:下次|下回|以后|改天|回头)(?:我|我们)?再|(?<=[，,；;]\s{0,2})\u0001(?:我|我们)?再(?:去|来|给|帮)(?![^，。,；;]*了))[^，。,；;]*/g;
