/**
 * How a report says it was two pieces of work, or one: side by side (一边…一边, 上午…下午, each clause with
 * its own hours), said to take the time evenly (各占一半, 两样差不多, 说不上哪个多), one step after another
 * (然后又…, ，又去…), two items named at once (实事走访都有). Words, and clauses cut at their amounts; reportItems.ts
 * reads each piece.
 * Works on width-folded, masked text (U+0001 a date or an amount, U+0002 an amount a clause carries).
 */
import { HANDS_WORK, SUPPORT, type ItemKey } from './reportItemWords.js';
import { blank, itemWords } from './reportTopics.js';
import { AS_PLANNED } from './reportPlans.js';
import type { Duration } from './numerals.js';
import { clauseOf, TOTAL_WORDS } from './reportPhrases.js';

/**
 * Two activities standing side by side, each a piece of the report's time: 一边辅导作业一边开项目会,
 * 一半时间帮工、一半时间填问卷, 上午开项目组例会…下午入户走访, two clauses each with its own hours
 * (1.5h开项目组会，1.5h给居民讲反诈), 入户走访+帮老人打扫卫生. Each side is read as a report of its own;
 * when both name an item and the items differ, there is no main one.
 */
export const SIDE_BY_SIDE: [RegExp, 'halves' | 'sides' | 'joined'][] = [
  // (…and parts said without a size: 一部分时间…一部分时间, 有时…有时, 一会儿…一会儿)
  [/(?:一半|前半(?:程|段|场|部分|截)?|一部分|有(?:的)?时候?|一会儿?)(?:的)?(?:时间|时候|辰光|功夫|工夫|光景)?([^。]{2,30}?)(?:[，,；;、\s]{0,2}(?:另|还有|剩下的?|其余的?|其他)?)(?:一半|后半(?:程|段|场|部分|截)?|一?部分|有(?:的)?时候?|一会儿?)(?:的)?(?:时间|时候|辰光|功夫|工夫|光景)?([^。，,；;]{2,30})/g, 'halves'],
  [/(?:一边|一面)([^。]{2,30}?)(?:一边|一面)([^。，,；;]{2,30})/g, 'sides'],
  // (一方面…一方面: as things joined — the two sides of one talk, 一方面发宣传册，一方面解答问题, are one event)
  [/一方面([^。]{2,30}?)(?:另一方面|一方面)([^。，,；;]{2,30})/g, 'joined'],
  // 又是开项目会又是入户走访, 既…又…: two pieces of work, neither said to be the main one.
  [/(?:又是|既是?|也是)([^。]{2,30}?)(?:又是|也是|又|也)([^。，,；;]{2,30})/g, 'sides'],
  // (三四节帮忙发慰问品，五六节做反诈宣讲: two class periods, each its own work)
  [/(?:[一二三四五六七八九]{2}节|第[一二三四五六七八九十]{1,2}节)(?:课)?([^。]{2,30}?)[，,、；;\s]{0,2}(?:[一二三四五六七八九]{2}节|第[一二三四五六七八九十]{1,2}节)(?:课)?([^。，,；;]{2,30})/g, 'sides'],
  [/(?:上午|早上|早晨|上半天|前半天|白天)([^。]{2,30}?)[，,、；;\s]{0,2}(?:下午|中午|晚上|傍晚|夜里|下半天|后半天)([^。，,；;]{2,30})/g, 'sides'],
  [/([^。，,；;:：+\s]{2,20})\s{0,2}[+＋]\s{0,2}([^。，,；;+\s]{2,20})/g, 'joined'],
  [/([^。，,；;:：、\s]{2,20})\s{0,2}(?:、|和|并且?|同时|还)\s{0,2}([^。，,；;、\s]{2,20})/g, 'joined'],
];
/** A side that plans the work it names (送餐排期, 值班安排, 下月的计划). */
export const SCHEDULED = /排期|排班|班表|分工|计划|方案|安排|清单/;
/** Both sides said to take about the same time, or to weigh the same (两边时间差不多, 两者相当, 俩事儿一样重, 两样都差唔多). */
export const SAME_TIME = '(?:两边|两头|两样|两项|两块|两者|二者|两部分|两件事?|(?<![我你他她们])俩)(?:的|事儿?)?(?:时间|用时)?(?:都|也|基本|大概|大致|几乎)?(?:(?:差不多|差唔多|相当|相同|一样|各半)(?:长|多|重)?|(?:挺|很|同样|一样)重要)(?![^，。,；;]{0,3}[\\u0001\\u0002])';
/** Neither said to be the main one (说不上哪个多, 分不清主次, 没有主次): the time went to both. */
export const NO_MAIN = '说不(?:上|清|好|出)[^，。,；;]{0,2}(?:哪个|哪样|哪边|哪项|哪件|哪类|谁)[^，。,；;]{0,3}(?:多|为主|主要|是主)|分不(?:清|出)[^，。,；;]{0,2}(?:主次|(?:哪个|哪样|哪项|哪件)[^，。,；;]{0,4}(?:多|为主|主要))|(?:不分|没有?|没啥)主次|' +
  // (…said the other way round: 主要是哪个我也说不清, 哪个为主说不上, 主次说不清)
  '(?:哪个|哪样|哪边|哪项|哪件|哪类|主次)[^，。,；;]{0,8}(?:说不(?:上|清|好|出)|分不(?:清|出))';
/** Where a clause ends: what 时间差不多, 对半, 各半 must stand before to say halves (not 时间差不多3小时, 对半掰开, 男女各半小时). */
export const CLAUSE_END = '(?=[，,。；;!！~～\\s吧啊呀哈]|$)';
/**
 * Two sides said to take the time half and half (各占一半, 对半, 两边差不多) — not people sharing it
 * (我和室友各干了一半), 差不多 as "about" (时间差不多3小时), a time like another's (跟上次时间一样) or things halved
 * (把苞米对半掰开, 男女各半).
 */
export const EVEN_SPLIT = new RegExp(`(?<!(?:我|你|他|她|们|俩|两人|两个人|室友|舍友|同学|男女|大人小孩)[^，。,；;]{0,3})各(?:花|用|占|干|做|忙)?了?一半|一半一半|五五开|${SAME_TIME}|${NO_MAIN}|` +
  `(?<!(?:跟|和|与|同|比)[^，。,；;]{0,4})时间(?:都|也|基本|大概|几乎)?(?:差不多|一样)(?:长|多)?${CLAUSE_END}|(?:时间)?对半(?:分)?${CLAUSE_END}|(?<=^|[，,；;\\s])(?:差不多|基本|大概|几乎)一样长${CLAUSE_END}|(?<=^|[，,；;\\s]|时间)各半${CLAUSE_END}`);
/** A clause carrying an amount of its own (U+0002) — with the clause before it when it only goes on with it (又组织了个小讲堂，也讲了一个半小时). */
export const OWN_HOURS = /(?:[^，,；;。\n\u0002]*[，,]\s{0,2}(?=(?:也|又|还)[^，,；;。\n\u0002]{1,4}\u0002))?[^，,；;。\n]*\u0002[^，,；;。\n]*/g;

/** 实事走访都有: two items named, neither first. */
export const BOTH = /(实事|走访|活动|项目)[和、跟与加+/]?(实事|走访|活动|项目)都(?:有|做|干)|(?<=(?:弄|做|搞|干)了?)(实事|走访|活动|项目)[和、跟与加+/](实事|走访|活动|项目)(?![^\s，。,；;])|(?<![^\s，。,；;:：])(实事|走访|活动|项目)\s{0,2}[和、加+/]\s{0,2}(实事|走访|活动|项目)(?![^\s，。,；;])/;

/** Before the later part of the day: not the end of a span (下午到晚上), a day's (以后每周三下午上课: a schedule) or what it prepares (准备晚上的联欢会). */
export const LATER = '(?<![到至\\-~\\u0001每]|(?:周|星期|礼拜|\\u0001)[一二三四五六日天]|准备|为了?|到了|直到)';
/** Work said for two parts of the day, the earlier first (上午…，下午…; 下午走访农户 晚上开项目会) — the later not an end (傍晚六点结束) nor a thing of it (晚上的联欢会). */
export const DAY_HALVES = new RegExp(`((?:上午|早上|早晨|上昼|朝早)[^。]{2,40}?)${LATER}(?:中午|下午|下昼|晏昼|傍晚|晚上|夜里)|(中午[^。]{2,40}?)${LATER}(?:下午|傍晚|晚上|夜里)|((?:下午|白天)[^。]{2,40}?)${LATER}(?:傍晚|晚上|夜里)|(傍晚[^。]{2,40}?)${LATER}(?:晚上|夜里)(?!的|[^，。,；;]{0,6}(?:结束|散场|收工))`);

/** 宣讲了一个小时，然后又帮社区整理档案, 先辅导作业 又组织了个讲座, 既帮社区整理材料又入户走访, …，又帮着搬了点东西，还开了个项目小会: one piece of work, then another besides (先布置会场，然后主持讲座 is one event, its preparation first). */
export const TWO_STEPS = /(?:然后|之后|后来|接着|完了)[，,\s]{0,2}(?:又|还)|既(?!是)[^，。,；;]{2,20}?又|先[^。]{2,30}?[，,\s]\s{0,2}又|[，,]\s{0,2}又[^，。,；;]{2,20}[，,]\s{0,2}还|(?:了|一下)[^，。,；;\s]{0,6}?[，,]?\s{0,2}又(?=走访|入户|开了?(?:个|场)?会)/;
/** A clause going on somewhere else (，又去…, 还到…, 又去了…, 又跑了几家): the step after it, to the clause's end. */
export const WENT_ON = /[，,；;]\s{0,2}(?:我们?)?(?:又|还)(?:(?:跑)?(?:去|到)|跑了)[^，。,；;]*/;

/** Said outright: two pieces of work, half and half (said to take the time evenly: EVEN_SPLIT, asked about before this). */
export const SPLIT = new RegExp([
  '一半(?:时间)?[^，。,；;]{0,14}[，,]?[^，。,；;]{0,4}一半|一半的?时间[^。]{2,30}(?:剩下|其余|其他)的?时间|两件事|(?<![我你他她们])俩事|两个事(?!情)|两样都|一样一半|(?<![a-z])two things(?![a-z])',
  // (…例会 走访 辅导作业 都有一点: each a little)
  '都(?:有|沾)一?点儿?(?![^，。,；;\\s]{0,2}(?:累|冷|难|远|晚))|都(?:做|干|弄)了?一?点儿?(?=$|[，。,；;\\s])',
  // 前半程开例会，后半程入户; 前一个半小时…后一个半小时 (the amount masked)
  '前半(?:程|段|场|部分|截|时间)?[^。]{2,40}后半|前\u0001[^。]{2,40}后\u0001',
  '一部分(?:时间)?[^。]{2,30}(?:另|其余|剩下的?)?一?部分',
  // (half of it in our project meeting and half visiting households; some project planning and some visits, half and half)
  '(?<![a-z])(?:half (?:of (?:it|the time) )?(?:in|on|doing|at)[^。]{2,60}and half|half and half|some [a-z -]{2,40}and some)(?![a-z])',
].join('|'));


/** Where one piece of work ends and the next begins: a mark, a joiner, a day part or 然后/又. */
export const PIECES = /[，,；;。、+\s]|然后|接着|又|还|和|以及|上午|下午|晚上/;

/**
 * Two halves said one after the other (一半在补植月季，一半在走访物业; 上半场开会，下半场入户; 三分之一…，三分之一…), the
 * first two captured — not 一半的老人….
 */
export const HALF_AND_HALF = /(?:(?<!的)一半|[上前]半(?:场|段|程)|三分之一)(?:的?时间)?(?!的)([^，。,；;]{2,20})[，,；;\s]\s{0,2}(?:另|剩下的?|其余的?)?(?:一半|[下后]半(?:场|段|程)|三分之一)(?:的?时间)?(?!的)([^，。,；;]{2,20})/;

/** ，也帮…, ，还帮…: a step of help after other work; the word (也 or 还) and the help are captured. */
const ALSO_HELPED = /[，,；;]\s{0,2}(?:我们?)?(也|还)帮(?:着|忙)?([^，。,；;]{1,14})/;

/** Whom desk work is done for, when it is no help at the work before it (也帮社区整理了资料 — not 也帮社区整理了走访记录). */
const FOR_OFFICE = /^(?:(?:学校|社区|村委会?|居委会?|街道)?(?:的)?(?:老师|工作人员|干部)|(?:社区|村委会?|居委会?|街道)(?:的)?(?=整理|录入|核对|统计))/;
/** …the office's own papers (资料, 档案, 台账 — not the visit's: 他们的信息, 需求清单, 走访资料). */
const OFFICE_PAPERS = /^(?![^，。,；;]*(?:走访|入户|访谈|问卷|调查|他们|她们|需求|结果))[^，。,；;]*(?:资料|档案|材料|文件|台账)/;

/** Getting ready for what follows (先布置会场，又主持了讲座; 先写了宣讲稿，又去宣讲; 先打印了问卷，又入户走访). */
const PREPARING = /布置|打印|复印|准备|(?:写|做|改)[^，。,；;]{0,6}(?:稿|ppt|课件|问卷|材料|方案)/;

/** Work said to be of all sorts (干的挺杂的, 反正挺杂的, 杂七杂八, 帮忙+走访+开会) — not 人挺杂的, 垃圾太杂了. */
export const MIXED = /(?:活儿?|事儿?|事情|干的|做的|内容|工作)[^，。,；;]{0,3}(?<!不)杂|反正[^，。,；;]{0,4}(?<!不)杂|杂七杂八|(?:啥|什么|样样)都(?:干|做|弄|搞|沾)(?:了|过)?(?:点|些|一点)?(?![^，。,；;]{0,4}(?:不|没))|(?:たり[^。]{1,24}){2}たり|帮忙\s{0,2}[+＋](?=[^，。,；;]{0,14}(?:走访|入户|座谈|开会|例会|项目|宣讲|活动))[^，。,；;+＋\s]{2,6}[+＋][^，。,；;+＋\s]{2,6}/;

/** What starts other work after help not told (，又…, ，然后…, ，后来又…) — not 还是/也就是/还挺, which go on about it. */
export const THEN_OTHER = /^[，,；;\s]{1,2}(?:又|然后|后来|接着|另外|(?:还|也)(?!是|就是|挺|行|算|不错|好))/;

/** A clause with two amounts of its own cut into the pieces they belong to (一个小时宣讲反诈 一个小时帮着扫雪; 开项目会一小时 入户走访一小时); others whole. */
export function amountPieces(clause: string): string[] {
  const runs = [...clause.matchAll(/\u0002+/g)];
  if (runs.length < 2) return [clause];
  // (开项目会一小时 入户走访一小时: the work before each amount — cut after them instead; not the road before the
  // first, 7:00 出发 8:00 到 8:00-10:00 帮物业发通知 10:00-12:00 组织跳绳比赛)
  if (/[\u4e00-\u9fa5]{2}/.test(clause.slice(0, runs[0]!.index).replace(/出发|到达|到了?|集合|坐车|返回|回来/g, ''))) return runs.map((r, i) => clause.slice(i === 0 ? 0 : runs[i - 1]!.index + runs[i - 1]![0].length, i === runs.length - 1 ? clause.length : r.index + r[0].length));
  return runs.map((r, i) => clause.slice(i === 0 ? 0 : r.index, runs[i + 1]?.index ?? clause.length));
}

/**
 * Publicity carried from door to door (入户走访做养老保险政策宣传, 入户走访，送…政策宣传册, 入户走访，给村民讲养老保险政策):
 * the visit — not a visit, then publicity of its own (入户走访，下午在广场做反诈宣传; 入户走访，一半时间做反诈宣传).
 */
export const DOOR_TO_DOOR = /(?:入户|挨家挨户)(?:走访|动员)?(?:[，,]\s{0,2}(?=送|发|给))?\s{0,2}(?:做|搞|开展|送|发放?|给(?:居民|村民|住户|老人|业主)讲)?[^，。,；;]{0,12}(?:宣传|政策讲解|政策)(?!活动|讲座|演出|直播)/;
/** 各一个半小时, 各花了一小时: the same amount for each piece. */
export const EACH_TIMED = /各(?:用|花|占|干|做)?了?\s{0,2}[\u0001\u0002]/;

/** A visit joined to other work in one breath (走访和整理材料, 入户走访以及整理台账). */
export const VISIT_AND_WORK = /(?:走访|入户|访谈)(?:了)?(?:和|以及|、)(?:整理|录入|打扫|清理|辅导|布置)(?:了)?(?:材料|资料|档案|台账|数据|卫生|楼道|作业|会场)/;
/** Footage made, then a step of other work (剪了片子，又开了项目组会). */
export const FILMED_THEN = /(?:(?:剪|拍|录)[^，。,；;]{0,12}(?:片子|视频|录像|短片)|拍了照)[^，。,；;]{0,4}[，,]\s{0,2}(?:然后|接着)?(?:又|还)/;

/** The piece said to be the main one (填表为主, 讲题占大头, 大部分时间都在帮村里扫雪, 主要是上门): its words. */
// (…and 主要…，剩下/其余…: the main piece before the rest; 三分之二时间帮社区搬东西)
const MAIN_PIECE = /(?:以|主要(?:是|在)?)?([^，。,；;\s\u0001]{2,8}?)(?:为主|占大头|占了?大部分|是主要的|是重头戏)|大部分时间(?:都)?(?:在|是)([^，。,；;\u0001]{2,12})|主要(?:是|就是|干的是|在|给|负责)?([^，。,；;\u0001]{2,16})[，,]\s{0,2}(?:剩下|其余|其他)(?!同学|队员|人|的?(?:网格员|志愿者|同学|队员))|(?:三分之二|2\/3)(?:的)?时间(?:都)?(?:在|是)?([^，。,；;\u0001]{2,12})/;
/** Work for a project, all of it (都是为了我们长期做的“银发e课堂”项目, 都是项目的事). */
const ALL_FOR_PROJECT = /都是(?:为了)?[^，。,；;]{0,16}项目(?:的事|的活|的工作)?(?=[，。,；;\s]|$)/;
/**
 * Work planned, then changed for other work (本来是在户外做测量，刮大风改成进楼入户摸排; 去走访商户取消了，改成…): what was
 * planned, not done — not work only moved (原本上午的项目例会挪到了晚上, 改到了活动室).
 */
const CHANGED_PLAN = new RegExp(`(?:${AS_PLANNED})[^。]{0,30}?(?=改成|改为|换成)|[^，。,；;]{1,12}取消了?(?=[，,][^，。,；;]{0,4}改成)`, 'g');

/**
 * The item of the piece said to be the main one, when the text names it too (填表为主; not 讲课为主: the words alone do
 * not tell tutoring from a talk), or the project all of it was for.
 */
export function mainItem(masked: string): ItemKey | undefined {
  const m = /为主|占大头|占了?大部分|是主要的|是重头戏|大部分时间|主要|三分之二|2\/3/.test(masked) ? MAIN_PIECE.exec(masked) : null;
  const piece = m ? (m[1] ?? m[2] ?? m[3] ?? m[4])! : undefined;
  const named = piece && !/讲|课/.test(piece) ? [...itemWords(piece).keys()] : [];
  if (named.length === 1 && itemWords(masked).has(named[0]!)) return named[0];
  // (主要是登记，剩下的讲解…; 三分之二时间帮社区搬东西: help with no item word of its own is 实事)
  // (not inside a visit, an event or a project told before it — 入户走访，我主要负责登记, 主要做PPT — unless that was a third of the time)
  const before = m ? masked.slice(0, m.index) : '';
  const framed = [...itemWords(before).keys()].some((k) => k !== 'shishi') && !/三分之一|1\/3/.test(before);
  if (piece && named.length === 0 && !framed && !/讲|课/.test(piece) && (SUPPORT.test(piece) || HANDS_WORK.test(piece))) return 'shishi';
  return ALL_FOR_PROJECT.test(masked) ? 'xiangmu' : undefined;
}

/** `marked` with what was planned and then changed blanked (the same text when nothing was; CHANGED_PLAN is replaced, never tested, so no lastIndex carries over). */
export function withoutChangedPlan(marked: string): string {
  return /取消|改成|改为|换成/.test(marked) ? marked.replace(CHANGED_PLAN, blank) : marked;
}

/** Desk work: help for the work it is told beside, not a piece of its own. */
const DESK_WORK = /核对|登记|整理|记录|填|统计|录入/;

/** ，也帮物业搬了东西: hands-on help for someone besides the work before it — not support for it (也帮网格员核对了信息). */
export function alsoHandsOn(text: string): boolean {
  const m = ALSO_HELPED.exec(text);
  // (desk work is help at the work before it, unless done for the school or the office: 讲了校园贷，还帮学校
  // 老师整理了一下档案, 走访了几家商铺，也帮社区整理了资料; 还帮着搬了音响 is a hand lent at it)
  const desk = m !== null && DESK_WORK.test(m[2]!);
  if (!m || !(desk ? FOR_OFFICE.test(m[2]!) : m[1] === '也' && HANDS_WORK.test(m[2]!))) return false;
  const before = [...itemWords(text.slice(0, m.index)).keys()];
  return before.length > 0 && !before.includes('shishi') && (!desk || before.includes('huodong') || OFFICE_PAPERS.test(m[2]!));
}

/** One piece of work, then another (然后又…, 先…又…) — not preparation first. */
export function twoSteps(text: string): boolean {
  const m = TWO_STEPS.exec(text);
  return m !== null && !(m[0].startsWith('先') && PREPARING.test(m[0]));
}

/**
 * A step somewhere else that is other work (整理了材料，又去入户发问卷; 辅导作业，还去家访了两户): it names by
 * its own words an item the work before it did not (support work before it — 整理, 登记 — counts as 实事), and
 * is not help given at an event named before it (组织了反诈讲座，还到各楼道贴了通知). Support for the
 * work before it (走访了6户，又到居委会整理了走访记录; 开例会，又去打印了项目方案) is no second step.
 */
export function wentOn(text: string): boolean {
  const m = WENT_ON.exec(text);
  if (!m) return false;
  const before = new Set(itemWords(text.slice(0, m.index)).keys());
  if (SUPPORT.test(text.slice(0, m.index))) before.add('shishi');
  // (…，又去7号楼帮老人搬了柜子: hands-on help after a visit is 实事 of its own, not desk work for the visit)
  const after = [...itemWords(m[0]).keys(), ...(HANDS_WORK.test(m[0]) && !DESK_WORK.test(m[0]) ? ['shishi' as const] : [])];
  if (before.size === 0 || after.every((k) => before.has(k))) return false;
  return !(before.has('huodong') && after.every((k) => k === 'shishi'));
}

/** 又是开会又是入户又是搬东西, 又开会又走访又干活, 又是开会又是走访的: pieces said side by side (not 又是下雨又是刮风). */
const THREE_WAYS = /又是([^，。,；;又]{1,10})又是([^，。,；;又]{1,10})(?:又是([^，。,；;又]{1,10}))?|又([^，。,；;又是]{1,10})又([^，。,；;又]{1,10})又([^，。,；;又]{1,10})/;
/** 发放物资、录入表格、开项目会: three pieces listed … */
const LISTED = /([^，。,；;、\s]{2,10})、([^，。,；;、\s]{2,10})、([^，。,；;、\s]{2,10})/;

/** …not the topics of a meeting (开会讨论了宣传、招募、经费). */
const DISCUSSED = /(?:讨论|商量|研究|确定|聊)了?[^，。,；;]{0,10}$/;

/**
 * Three pieces of work of more than one item with no main one: said side by side (又是…又是…又是…, not three kinds of
 * 实事), or listed with a project's meeting among service.
 */
export function threeWays(text: string): RegExpExecArray | null {
  const sideBySide = THREE_WAYS.exec(text);
  const m = sideBySide ?? LISTED.exec(text);
  if (!m || (!sideBySide && DISCUSSED.test(text.slice(0, m.index + m[1]!.length)))) return null;
  const kinds = new Set(m.slice(1).filter((side) => side !== undefined).flatMap((side) => [...itemWords(side).keys(), ...(/开会|例会|项目会/.test(side) ? ['xiangmu'] : []), ...(!sideBySide && SUPPORT.test(side) ? ['shishi'] : [])]));
  return kinds.size >= 2 && (sideBySide !== null || kinds.has('xiangmu')) ? m : null;
}

/** An amount said as the total (一共2小时, 共4小时), not a piece's. */
const TOTAL_BEFORE = new RegExp(`(?:${TOTAL_WORDS}|共)[^，。,；;\\d\\u0001\\u0002]{0,3}$`);
/** A clause that is only a time (上午9点到12点, 下午2点到5点): its work is told in the clause before it. */
const ONLY_TIME = /^[，,；;\s]*(?:上午|下午|晚上|中午|早上|傍晚|从|大概|差不多|约)*[\u0001\u0002\s]*[到至~\-—]*[\u0001\u0002\s]*$/;

/**
 * Two pieces of work given the same time each and added up for the report (上午挂灯笼两个小时，下午参加项目组例会两个小时;
 * 做了一小时借还登记，然后主持了项目组的周会一小时; 布置场地，上午9点到12点，下午去入户做问卷，2点到5点): the text of each
 * piece — its amount's clause, with the clause before when the amount stands alone — or undefined.
 */
export function evenPieces(marked: string, told: Duration[], total: number | undefined): [string, string] | undefined {
  const own = told.filter((d) => d.hours !== undefined && d.kind !== 'vague' && !TOTAL_BEFORE.test(marked.slice(Math.max(0, d.start - 6), d.start)));
  if (own.length !== 2 || own[0]!.hours !== own[1]!.hours || total !== own[0]!.hours! * 2) return undefined;
  const piece = (d: Duration) => {
    const clause = clauseOf(marked, d);
    if (!ONLY_TIME.test(clause)) return clause;
    const start = marked.indexOf(clause, Math.max(0, d.start - clause.length));
    return clauseOf(marked, { start: Math.max(0, start - 2), end: start - 1 }) + clause;
  };
  const [a, b] = [piece(own[0]!), piece(own[1]!)];
  return a === b ? undefined : [a, b];
}
