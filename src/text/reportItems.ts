/**
 * Which of the "4+X" items a report is about (PRODUCT.md §4) when the student did not name one
 * (reportLabels.ts): the item its words point to, or none when two pieces of work have no main one.
 * Part of reportParser.ts; works on width-folded text.
 */
import {
  CHILDREN_TALK, CLASS, EVENT, FOR_RESIDENTS, FOR_SCHOOL, HANDS_ON, HANDS_WORK, HELPING, MADE_FOR_HOST, NEEDED, PROJECT, PUBLIC_CLASS, PUBLIC_TOPIC_CLASS, PUT_ON, QUOTED, RELATED, SERVICE, STUDY_TRIP, VISIT_PAPERS, SUPPORT, VAGUE_HELP, VISIT, DUTY_TOLD, type ItemKey,
} from './reportItemWords.js';
import { helpedAtOthersEvent, helpedAtOwnActivity } from './reportHosted.js';
import { PURPOSE, SEQUENCE, besides, namedBeside, separated, supportBefore } from './reportBesides.js';
import {
  alsoHandsOn, BOTH, DAY_HALVES, DOOR_TO_DOOR, EACH_TIMED, amountPieces, EVEN_SPLIT, FILMED_THEN, VISIT_AND_WORK, HALF_AND_HALF, mainItem, MIXED, OWN_HOURS, PIECES, SCHEDULED, SIDE_BY_SIDE, SPLIT, THEN_OTHER, threeWays, twoSteps, wentOn, withoutChangedPlan,
} from './reportTwoPieces.js';
import { blank, itemWords, LEARNING } from './reportTopics.js';
import { blankFilmed } from './reportMade.js';
import { ASIDE, NEXT_TIME, SAID_BESIDE } from './reportAsides.js';
import { ATTENDED, IDLE, JOINED_DRIVE, NOT_DONE, OWN_COURSEWORK, OWN_PAPERWORK, OWN_PE, RECORD_REQUEST, ROLE } from './reportNotService.js';
import { LABEL } from './reportLabels.js';
import { mainlyHelped, nameWithoutWork, withoutSession } from './reportNames.js';

export type { ItemKey } from './reportItemWords.js';
// No work of this service: the next time, one's own coursework and PE, work not done, a request to record, things made for the host, 顺便, 相关的事.
const NOT_SERVED = [NEXT_TIME, OWN_PAPERWORK, OWN_COURSEWORK, NOT_DONE, OWN_PE, RECORD_REQUEST, MADE_FOR_HOST, SAID_BESIDE, RELATED, NEEDED];

/** Whether some work is told (陪小朋友写作业, 整理档案, 帮着调解员做记录) — not attending, nor the student's own papers. */
function toldWork(text: string): boolean {
  return (itemWords(text).size > 0 || SUPPORT.test(text) || HANDS_ON.test(text)) && !/参加|听了|旁听|观看|自己的/.test(text);
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
  const attended = ATTENDED.exec(masked) ?? JOINED_DRIVE.exec(masked);
  const rest = masked.replace(JOINED_DRIVE, '');
  if (attended && !SERVICE.test(rest) && !VISIT.test(rest) && !PROJECT.test(rest) && !ROLE.test(masked)) {
    ambiguities.push(`「${attended[0]}」听起来是参加或观看，不是你提供的服务。请写明你做了什么。`);
    return undefined;
  }
  // 待了3小时，啥也没干: time spent, no service — not modesty beside work told (也没干啥，就是陪小朋友写了会儿作业; 值守了3小时，啥也没干 asks).
  const idleSaid = IDLE.exec(masked);
  const idle = (idleSaid && !(/^没(?:干|做)/.test(idleSaid[0]) && toldWork(masked.replace(IDLE, blank))) ? idleSaid : null) ?? mainlyHelped(masked);
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
  // 填表为主, 都是为了…项目: the main piece said; work planned then changed for other work (本来…改成…) is read on what was done.
  const said = nested ? undefined : mainItem(masked);
  if (said) return said;
  const unplanned = nested ? marked : withoutChangedPlan(marked);
  const instead = unplanned !== marked ? findItem(unplanned, [], true) : undefined;
  if (instead) return instead;
  // 一半一半, 两样差不多, 主要是哪个我也说不清: the student says there were two pieces of work and neither
  // was the main one, whether or not both are told in words the parser knows.
  const even = nested ? undefined : noMainOne(masked);
  if (even) {
    ambiguities.push(even);
    return undefined;
  }
  // A quoted name (“科技助老”讲座, 「四点半课堂」) names the thing, not the work done, unless
  // nothing else says what the work was.
  // …and what NOT_SERVED names is no work of this service at all.
  // An amount said inside the work (量了一个半小时血压, 扫了两个小时雪) stands for one character, so
  // that the work's words are as near as when it is said apart.
  let served = NOT_SERVED.reduce((t, re) => t.replace(re, blank), masked.replace(/\u0001+/g, '\u0001'));
  // (a visit's papers worked on at a desk are no visit — unless a visit is told too: 入户走访6户，晚上整理走访记录)
  const unpapered = served.replace(VISIT_PAPERS, blank);
  if (unpapered !== served && !VISIT.test(unpapered) && !/填写|拦|上门|挨家|入户/.test(unpapered)) served = unpapered;
  // (footage made for someone or kept, 帮村里剪了一条宣传视频: the making is the work, 实事)
  const unfilmed = blankFilmed(served);
  const madeFootage = unfilmed !== served;
  served = unfilmed;
  let text = served.replace(QUOTED, blank).replace(ASIDE, blank);
  // A project's name (我们那个大有村的助农项目) says what the project is for: beside work done for the
  // project (写了项目策划书), the help the name mentions was not done that day.
  const unnamed = text.replace(PROJECT_NAME, blank);
  if (unnamed !== text && PROJECT.test(unnamed)) text = unnamed;
  // …and a project's session (结对项目第二期 帮合作社分拣装箱花生) says when the work was done, not what it was.
  text = withoutSession(text);
  // …and what the work was for (为了准备宣讲，先入户走访) is no second piece of work beside it.
  const unmeant = text.replace(PURPOSE, blank);
  if (unmeant !== text && itemWords(unmeant).size > 0) text = unmeant;
  // (《红色故事会》今天去了, 结对帮扶项目第5次 今天: only the name of what was attended — what the student did there is not said)
  const name = nameWithoutWork(served, text);
  if (name) {
    ambiguities.push(`「${name}」是活动或项目的名称，请写明你在那里做了什么。`);
    return undefined;
  }
  let hits = itemWords(text);
  if (hits.size === 0) hits = itemWords((text = served));
  // X named beside other work (X和走访都做了, 做了走访，也做了X项目): an item of its own, not a tag.
  for (const [key, word] of namedBeside(text)) if (!hits.has(key)) hits.set(key, word);
  // Two activities side by side (一边…一边, 一半…一半, 上午…下午, each with its own hours), each of its
  // own item: there is no main one to record it under (not two things a visit asked about: 了解身体情况和体检需求).
  const pair = nested ? undefined : parallel(marked.replace(LEARNING, blank).replace(QUOTED, blank).replace(ASIDE, blank));
  if (pair) {
    ambiguities.push(twoPieces(pair));
    return undefined;
  }
  // Two pieces of work said as two (先开了项目组会，然后入户走访；一半时间宣讲，一半时间整理档案): asked about.
  const items = new Set(hits.keys());
  const helped = HELPING.test(text.replace(VAGUE_HELP, blank));
  // 帮社区干了点活，又开了个项目会: work not told, then other work — there is nothing to record the first under (not
  // 帮忙，然后给老人测了血压, where what follows is the help).
  // 入户，也帮着刷了墙，也开了会，反正挺杂的: several pieces, none the main one.
  // (又是开会又是入户又是搬东西: three pieces said side by side, of more than one item — not 又是下雨又是刮风, nor three kinds of 实事)
  const mixed = nested ? null : MIXED.exec(text) ?? threeWays(text);
  if (mixed) {
    ambiguities.push(`「${mixed[0]}」：这次做了几件不同的事，请分开记录，或写明主要做了什么。`);
    return undefined;
  }
  const untold = nested || hits.size === 0 ? undefined : [...text.matchAll(VAGUE_HELP)].find((v) => /(?:事儿?|事情|活儿?|工作|杂务|杂事|东西)$/.test(v[0]) && THEN_OTHER.test(text.slice(v.index + v[0].length)));
  if (untold) {
    ambiguities.push(`「${untold[0].replace(/[\u0001\u0002]/g, '')}」没说做了什么，后面又做了别的事：请分开记录，或写明这次做了什么。`);
    return undefined;
  }
  if (SUPPORT.test(text) || helped) items.add('shishi');
  // 剪了片子，又开了项目组会: footage made, then other work of another item.
  if (!nested && madeFootage && hits.size > 0 && !hits.has('shishi') && FILMED_THEN.test(masked)) {
    ambiguities.push(twoPieces(['shishi', ...hits.keys()]));
    return undefined;
  }
  if ((hits.size > 1 && besides(text, hits)) || (!nested && (twoDayParts(text) || halvesOfWork(text) || alsoHandsOn(text))) || items.size > 1 && (SPLIT.test(text) || twoSteps(text) || wentOn(text) || (hits.has('xiangmu') && separated(text, [...hits.values(), ...supportBefore(text, hits.get('xiangmu')!)])))) {
    ambiguities.push(twoPieces([...items]));
    return undefined;
  }
  // The X item told by what it is (按照学院与社区商定的内容，…), without its letter.
  if (AGREED.test(text) || (FOR_SCHOOL.test(text) && !FOR_RESIDENTS.test(text) && [...hits.keys()].every((k) => k === 'shishi'))) return 'x';
  // 比赛项目: the events of a sports meet, not a project.
  if (hits.has('xiangmu') && /运动会|比赛|竞赛/.test(text) && !/常态化|志愿服务项目|实践项目|项目组/.test(text)) hits.delete('xiangmu');
  if (hits.has('xiangmu')) return 'xiangmu';
  // Helping at an event others put on (运动会上当裁判助理，帮着计分; 参与社区组织的义诊，负责引导) is 实事;
  // putting one on, or speaking at it, is 活动.
  if (!hits.has('zoufang') && helpedAtOthersEvent(text)) return 'shishi';
  // The notice's own 课后服务 is 实事, whatever the class was (剪纸课, 科学小实验).
  const talkToChildren = CHILDREN_TALK.test(text) && !/宣讲|宣传|宣教|讲座|科普|知识|活动|演出|比赛/.test(text);
  if ((hits.has('shishi') || hits.has('huodong')) && !hits.has('zoufang') && ((CLASS.test(text) && !PUBLIC_CLASS.test(text)) || talkToChildren) && !PUT_ON.test(text)) return 'shishi';
  // (…a class the students put on, 书法课…我组织的, a talk given at the event, 我主讲，讲了剪纸的历史, and help
  // given at the student's own activity, 给居民写春联，帮着贴到门上, are the event's)
  if (hits.size === 2 && hits.has('shishi') && hits.has('huodong') && (eventFirst(text) || PUT_ON.test(text) || hits.get('shishi')!.startsWith('讲') || helpedAtOwnActivity(text))) return 'huodong';
  // 值班 and nothing else (no desk or station, no help told): on duty, doing what is not said.
  if (hits.size === 1 && hits.get('shishi') === '值班' && !DUTY_TOLD.test(text)) return undefined;
  // 做了走访和整理材料: a visit and other work listed side by side, neither the main one.
  if (hits.size === 1 && hits.has('zoufang') && !nested && VISIT_AND_WORK.test(text)) {
    ambiguities.push(twoPieces(['zoufang', 'shishi']));
    return undefined;
  }
  // (上了节我们自己办的安全教育课: a class on a public topic the students put on is their event)
  if ((hits.size === 0 || (hits.size === 1 && hits.has('shishi'))) && PUT_ON.test(text) && PUBLIC_TOPIC_CLASS.test(text)) return 'huodong';
  // (带孩子们去科技馆研学，给他们讲机器人: a study trip led, whatever was told there)
  // (…not one the students put on or spoke at: 组织了一场研学主题书法展，我负责讲解)
  if (STUDY_TRIP.test(text) && !hits.has('zoufang') && !hits.has('xiangmu') && !PUT_ON.test(text) && !/主讲|宣讲|主持|组织|讲座|表演|演出|情景剧/.test(text)) return 'shishi';
  if (hits.size === 1) return [...hits.keys()][0];
  // (…and a 座谈 the student chaired, 开了场居民座谈会，我主持提问, is still the visit)
  if (hits.size === 2 && hits.has('zoufang') && hits.has('huodong') && (DOOR_TO_DOOR.test(text) || (hits.get('zoufang')!.includes('座谈') && hits.get('huodong')!.includes('主持')))) return 'zoufang';
  if (hits.size > 1) {
    const list = [...hits].map(([k, w]) => `「${w}」（${LABEL[k]}）`).join('和');
    ambiguities.push(`同时提到了${list}，请确认这次服务属于哪一类。`);
    return undefined;
  }
  return SUPPORT.test(text) || helped || madeFootage || HANDS_ON.test(text) ? 'shishi' : undefined;
}

/**
 * Side-by-side activities of two different items, or undefined. Halves say outright that neither is the main one, so any help
 * counts there; elsewhere a side that only supports (登记, 整理, 布置 …) serves the other, and a service joined to a talk with +
 * (宣讲+现场答疑) is given at the talk — unless each is given its own time (…和…，各一个半小时, EACH_TIMED).
 */
export function parallel(marked: string, labelled = false): [ItemKey, ItemKey] | undefined {
  const pairs: [string, string, 'halves' | 'sides' | 'joined'][] = [];
  for (const [re, kind] of SIDE_BY_SIDE) {
    // (with the item chosen by the student, only halves say that it is not the main one)
    if (labelled && kind !== 'halves') continue;
    for (const m of marked.matchAll(re)) pairs.push([m[1]!, m[2]!, kind]);
  }
  // 上午…，下午…，各占一半: halves said outright make any two sides halves.
  const halved = EVEN_SPLIT.test(marked);
  // Each side's item is worked out once, however many pairs it stands in.
  const seen = new Map<string, ItemKey | undefined>();
  // (a visit's papers worked on beside it go with the visit: 上午入户访谈两小时，下午把访谈录音转成文字两小时)
  const itemOf = (side: string, strong: boolean, timed = false) => {
    const key = (strong ? '1' : '0') + (timed ? 't' : '') + side;
    if (!seen.has(key)) {
      const read = sideItem(side, strong, timed);
      seen.set(key, read === 'shishi' && side.search(VISIT_PAPERS) >= 0 ? 'zoufang' : read);
    }
    return seen.get(key);
  };
  for (const [a, b, kind] of pairs) {
    const weak = kind === 'halves' || (halved && kind === 'sides');
    const one = itemOf(a, labelled || !weak);
    const other = itemOf(b, labelled || !weak);
    if (!one || !other || one === other) continue;
    if (kind === 'joined' && [one, other].includes('huodong') && [one, other].includes('shishi') && !EACH_TIMED.test(marked)) continue;
    // (定了项目分工和送餐排期: the service a project schedules is planned, not done)
    if (kind === 'joined' && (one === 'xiangmu' ? SCHEDULED.test(b) : other === 'xiangmu' && SCHEDULED.test(a))) continue;
    return [one, other];
  }
  // Clauses each carrying hours of their own (算账1小时，讲题1小时，开项目会1小时): two of them naming
  // different items leave no main one. Each clause is read once and only the distinct items compared.
  // (一个小时宣讲反诈 一个小时帮着扫雪: two amounts in one clause start two pieces; a clause that names two items
  // itself, 一小时入户教老人用手机, stands for both beside a clause of a third, 一小时项目组会)
  const own = labelled ? [] : (marked.match(OWN_HOURS) ?? []).flatMap(amountPieces);
  const items: ItemKey[] = [];
  const sets: ItemKey[][] = [];
  // (9点到10点半在社区帮忙，10点半到12点又去走访了几户: time given to help not told beside a visit — no main one either)
  let untold = false;
  for (const clause of own) {
    const item = itemOf(clause, !halved, true);
    if (!item && VAGUE_HELP.test(clause) && itemWords(clause.replace(VAGUE_HELP, '').replace(/[\u0001\u0002]+/g, '\u0001')).size === 0) untold = true;
    if (item && !items.includes(item)) items.push(item);
    if (items.length === 2) return [items[0]!, items[1]!];
    const named = item ? [item] : [...itemWords(clause.replace(/[\u0001\u0002]+/g, '\u0001')).keys()];
    const apart = sets.find((s) => named.length > 0 && named.every((k) => !s.includes(k)));
    if (apart) return [apart[0]!, named[0]!];
    if (named.length > 0) sets.push(named);
  }
  return untold && items.length === 1 && items[0] !== 'shishi' ? [items[0]!, 'shishi'] : undefined;
}

/**
 * The item of one side read alone (help to someone named, 帮养殖户干活, is 实事 there); `strong`: named by the item's own
 * words — or, in a clause with hours of its own (`timed`), by hands-on work that does more than support, as findItem
 * reads it (给老人补了一个小时衣服, 帮农户直播了1小时; not 搬了一小时桌子, nor 种 in 种植户 beside a visit).
 */
function sideItem(side: string, strong: boolean, timed = false): ItemKey | undefined {
  const own = side.replace(/[\u0001\u0002]+/g, '\u0001');
  // (…and support work done for the community or a household, with hours of its own, is 实事: 8:00-10:00 帮物业挨家挨户发停气通知)
  if (strong) return itemWords(own).size > 0 || (timed && (HANDS_ON.test(own) || HELPING.test(own)) && (!SUPPORT.test(own) || FOR_HOST.test(own))) ? findItem(side, [], true) ?? (timed && FOR_HOST.test(own) ? 'shishi' : undefined) : undefined;
  return findItem(side, [], true) ?? (/(?:帮|替|给)(?:着)?[^，。,；;\s]{1,8}(?:干活|干农活|做事|忙活)/.test(side) ? 'shishi' : undefined);
}

/** Help said to be for the community, the property or a household (帮物业…, 帮着社区…, 帮村民…). */
const FOR_HOST = /帮(?:着|忙)?[^，。,；;]{0,6}(?:社区|物业|村委会?|居委会?|街道|老人|居民|村民|业主|农户)/;

/** What a project is called, after 那个 or 的 and before 项目 (那个智慧助老项目, 就业帮扶项目, 我们访谈小组). */
const PROJECT_NAME = /(?<=那个|的)[^，。,；;]{1,14}?(?=项目)|(?:访谈|走访|调研)(?=(?:项目|小组)(?!长))/g;
/** The notice's X item: other service the school and the community agreed on. */
const AGREED = /(?:学院|学校|校地|院里|系里)[^，。,；;]{0,12}(?:商定|协商|约定|商量好)的/;

/**
 * Two halves of the time, each of its own work (一半在补植月季，一半在走访物业): two items, or one item beside
 * hands-on work the parser has no item for — not halves of a place or of people (一半在东区，一半在西区; 一半老人学会了).
 */
function halvesOfWork(text: string): boolean {
  const m = HALF_AND_HALF.exec(text);
  if (!m) return false;
  const [a, b] = [findItem(m[1]!, [], true), findItem(m[2]!, [], true)];
  if (a && b) return a !== b;
  // (a half of work not named as an item is other hands-on work only beside 一半: 前半程扫主路，后半程扫楼道 is one)
  if (!m[0].includes('一半')) return false;
  const unknown = a ? m[2]! : b ? m[1]! : undefined;
  return unknown !== undefined && HANDS_WORK.test(unknown);
}

/**
 * Two pieces of work in two parts of the day: the later part names an item the earlier did not, by its own words
 * (下午走访农户 晚上开项目会) or, naming none, as help (上午组织反诈宣讲，下午帮社区整理档案: 实事) — not
 * support for the same work (下午入户走访，晚上整理走访记录).
 */
function twoDayParts(text: string): boolean {
  const m = DAY_HALVES.exec(text);
  if (!m) return false;
  // (上午那条报过了，这条是下午的…; 上午一趟下午一趟: no work said for the earlier part, no second piece)
  const earlier = new Set(itemsOf(m.slice(1).find((g) => g !== undefined)!));
  if (earlier.size === 0) return false;
  return itemsOf(text.slice(m.index + m[0].length).split(/[。；;]/)[0]!.slice(0, 40)).some((k) => !earlier.has(k));
}

/**
 * The items a piece of a report names by their own words, or else the one it is read as (帮社区整理档案: 实事) — read as help
 * at another's event too when it names only an event (给别人办的健步走活动维持秩序: 实事).
 */
function itemsOf(piece: string): ItemKey[] {
  const named = [...itemWords(piece).keys()];
  const read = findItem(piece, [], true);
  return read && (named.length === 0 || (read === 'shishi' && named.every((k) => k === 'huodong' || k === 'shishi'))) ? [read] : named;
}
/** A time of day or a word starting a second piece of work: 上午宣讲，下午辅导作业 is two items, asked about. */
const THEN = new RegExp(`上午|下午|晚上|中午|${SEQUENCE.source}`);

/** An event named before any direct help, in one piece of work: the help was given at it (办了个讲座，教大家…). */
function eventFirst(text: string): boolean {
  const event = EVENT.exec(text);
  const service = SERVICE.exec(text);
  return event !== null && service !== null && event.index < service.index && !THEN.test(text.slice(event.index, service.index));
}

/**
 * The question for a report said to be two pieces of work taking the time evenly (各占一半, 分不清哪个多),
 * or undefined — also when only one of them is work the parser knows (写对联 beside 入户走访), unless at
 * least two pieces are read and all are of one item (上午扫雪，下午继续扫雪，各占一半).
 */
export function noMainOne(text: string): string | undefined {
  if (!EVEN_SPLIT.test(text)) return undefined;
  const items = text.split(PIECES).map((piece) => findItem(piece, [], true)).filter((item) => item !== undefined);
  return items.length >= 2 && items.every((item) => item === items[0]) ? undefined : '这次做了两件事、分不出主次，请分开记录，或确认这次服务属于哪一类。';
}

/** The question for a report of two pieces of work of different items: record them apart, or say which. */
export function twoPieces(items: ItemKey[]): string {
  return items.length > 1 ? `这条记录里有两件不同的事（${items.map((k) => LABEL[k]).join('和')}），请分开记录，或确认属于哪一类。` : '这条记录里有两件不同的事，请分开记录，或确认属于哪一类。';
}
