/**
 * Plans and service still to come (打算/准备去…, 一会儿去, 约好了周六去), called off (被取消, 没去成), or changed and
 * done another way (本来周二要去…，改成今天下午去的): only what is done is recorded. Part of reportParser.ts; works
 * on the joined, masked text (U+0001 a date or an amount).
 */
import { LABEL_WORDS, RESIDENTS } from './reportItemWords.js';

/**
 * How a plan that did not happen as planned is said (本来…, 原定…): one list for every reader of a plan changed — the
 * day and place moved (reportTwoServices.ts), the mode (reportMode.ts), the work (reportTwoPieces.ts), the hours only
 * planned (reportPhrases.ts), a plan still to come (here) and an edit of an old record (reportParser.ts).
 */
export const AS_PLANNED = '本来|原本|原计划|原定';

/**
 * Somewhere else gone to instead, after a trip called off (没去成幸福里，改去了龙江社区; …，就改在石油街社区) — not the trip put
 * off (改到下周了). The reader of whose service it is takes it too.
 */
export const WENT_INSTEAD_AFTER = '[^，。,；;]{0,12}[，,；;]\\s{0,2}(?:就|所以|于是|只好|临时)?改(?:去|在)';
const WENT_INSTEAD = new RegExp(`^${WENT_INSTEAD_AFTER}`);

/**
 * Plans (打算/准备去…) and service still to come today (一会儿去, 还要给…辅导): only what is done is recorded —
 * not what residents want (摸排有没有想参加合唱团的居民).
 */
const PLAN = new RegExp([
  // …with a time chosen before the action and nothing done after it (准备找个晚上去…, 打算周六在…办,
  // 想抽空去…): not 准备材料然后在社区讲了反诈.
  '(?:准备|计划|想|想要|打算)(?:\u0001+|找(?:个|一)?[^，。,；;\u0001]{0,3}(?:时间|机会|晚上|周末|空|天|日子)|抽(?:个|点)?(?:时间|空))\\s{0,2}(?:去|来|到|在|给|帮|办|搞|做|开展|组织|参加|弄)(?![^，。,；;]{0,16}[了过])',
  `(?<![还的])(?<!(?:各家|各户|家家|${RESIDENTS}|老人|他们|她们|大家)[^，。,；;]{0,4})打算(?![再与和及、盘])|准备(?:去|要|在|给|下|参加|报名|开始(?!前|的时候|时))|计划(?:去|要|在|于|下周|下次|下个|参加)|将于|将要|(?<![即必])将(?:去|赴|前往|参加|在|到)(?!了|期|底|近|来)|(?<!(?:有没有|有谁|谁|是否|哪些|${RESIDENTS}|老人|孩子|(?<!我[^，。,；;]{0,6})(?:大家|他们|她们))[^，。,；;]{0,4})想(?:去|参加|报名)|(?<!不)要去|拟于|到时候|希望(?:能|去|参加)|预计`,
  '(?<!(?:下次|下回|以后|明天|下周|改天|说)[^，。,；;]{0,3})(?:一会儿?|待会儿?|等会儿?|等一下|稍后|晚点儿?|晚些|回头|马上|即将|快要|(?<!党员|干部)就要|还要|还得|得去)(?=[^，。,；;]{0,6}(?:去|再|给|帮|在|做|开|上|线上|搞|办|参加|辅导|讲|到了?[^，。,；;]{0,6}?(?:社区|村|小区|街道|镇|那边|那儿|那里)要))',
  '还没(?:去|做|开始|弄|干|到|上|结束|完|忙完|做完|干完)|(?:^|[\\s，。,；;])(?:我们?)?(?:现在|目前)?正在|(?:现在|目前)还在|(?<![a-z])(?:will|gonna|going to|plan(?:ning)? to|about to|want to|wanna|would like to|hope to)(?![a-z])',
  // (…，结束了再报: the student will send it once done)
  '(?<!想着?)(?:结束|完事|做完|弄完|干完|忙完)了?(?:以后|之后)?再(?:来)?(?:报|记)(?=[\\s，。,；;!！~～吧哈]|$)',
  // called off or not carried out (活动被取消, 白跑一趟, 没去成)
  '被(?:通知)?取消|(?:活动|计划|安排|行程|服务)[^，。,；;]{0,6}取消|白跑一趟|扑(?:了)?(?:个)?空|没(?:有)?(?:去|做|弄)成|泡汤',
  // (这是我下周的安排: a timetable sent, not work done)
  '(?:这|以上|上面)(?:是|就是)(?:我|我们)?的?(?:下周|下星期|下礼拜|明天|后天|之后|接下来|下个月|周末)的?(?:安排|计划|打算|排班)',
  // signed up or arranged, not yet done (我报名了周六的扫雪, 约好了周六去)
  '(?<![帮给替为责])(?:我|已经?)报(?:了)?名|报了名|(?<!(?:最后|当场|双方|三方|两家)[^，。,；;]{0,2})约好了?|约了(?=[^，。,；;]{0,6}(?:周|明|下|去))',
].join('|'));
/**
 * What follows a plan after a comma and tells of it done (想找个时间去看望老人，昨天终于去了；准备实验器材，把烧杯洗了一遍;
 * 准备下周的讲座，先入户走访了): the plan was the reason, the work was done.
 */
const DONE_AFTER = /^[^，。,；;]*[，,；;]\s{0,2}(?:[^，。,；;]{0,8}(?:终于|总算|最后|后来|结果|于是)[^，。,；;]{0,6}(?:去|来|到|做|办|弄|搞|干)(?:成|完)?了|[^，。,；;]{0,4}把[^，。,；;]{1,14}[\u4e00-\u9fa5]了|(?=[^，。,；;]*(?:了|过))(?<item>[^，。,；;]+))/;
/** Getting ready for the planned work (问卷已经打印好了, 先把问卷打印了, 材料准备齐了, 借好了车): done, but not the work. */
const PREPARED = /(?:打印|复印|印|准备|备|买|借|领|租|订|定|约|联系|说|写|做|装|收拾|带)(?:好|齐|完)了?|(?:已经?|先|提前)[^，。,；;]{0,8}(?:打印|复印|准备|备|买|借|领|租|订)|把[^，。,；;]{0,8}(?:打印|复印|准备|备|买|借|领|租|订)(?:好|齐|完)?了/;
const PLANS = new RegExp(PLAN.source, 'g');
const INTENDED = /^(?:一直)?(?:准备|计划|想|想要|打算)/;
/** The first plan in `text` not followed by the work done (and not one `skip` leaves out), if any. */
export function firstPlan(text: string, skip: (at: number) => boolean = () => false): RegExpExecArray | null {
  for (const m of text.matchAll(PLANS)) {
    const rest = text.slice(m.index + m[0].length);
    // (本来周二要去幸福里的，结果下大雪…改成今天下午去的: the plan was changed, and what was done instead is told)
    // (没去成幸福里，改去了龙江社区: the trip called off for another that was made)
    if (skip(m.index) || (SAID_AS_PLANNED.test(text.slice(0, m.index)) && PLAN_CHANGED.test(rest)) || (/没有?去成/.test(m[0]) && WENT_INSTEAD.test(rest))) continue;
    const after = DONE_AFTER.exec(rest);
    // (only an intention can be carried out: 还没做完, 被取消, 报了名 stay what they are)
    if (!INTENDED.test(m[0]) || !after || (after.groups?.item !== undefined && !namesWork(after.groups.item))) return m as RegExpExecArray;
    // (…but only the planned work done lifts it: 问卷已经打印好了, 先把问卷打印了 is the preparation, the visit still to come)
    if (PREPARED.test(rest.split(/[，。,；;]/)[1] ?? '')) return m as RegExpExecArray;
  }
  return null;
}
/** Whether a clause names a piece of work by an item's own words. */
const namesWork = (clause: string) => LABEL_WORDS.some(([, re]) => re.test(clause));

const SAID_AS_PLANNED = new RegExp(`(?:${AS_PLANNED}|原先)[^。]{0,8}$`);
/** A plan changed, after it is said (…，改成今天下午去的; …下雪有两家临时取消了). */
const PLAN_CHANGED = /^[^。]{0,40}?(?:改|挪到|推(?:迟)?到|延(?:后|期)?到|拖到|转场|调到|换(?:到|去)|取消了?[，,][^。]{0,6}(?:只|还是|就|又)[^。]{0,8}了)/;
