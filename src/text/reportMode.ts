/**
 * Online or offline: 线上/线下 said outright (cut out of the description), or words that only suggest a
 * mode (腾讯会议, 微信视频, 现场). Part of reportParser.ts; works on the masked text.
 */
import type { Span } from './numerals.js';
import { AS_PLANNED } from './reportPlans.js';

/** How the service was given, and whether the text said so. */
export interface ModeReading {
  mode: 'offline' | 'online';
  modeSource: 'explicit' | 'default';
}

/** Not after 教/指导… in the same clause: what was taught in person (教老人网上交电费, 视频通话). */
const TAUGHT = '(?<!(?:(?<!支)教|指导|讲解|teach)[^，。,；;]{0,24})';
/** Not what residents were asked about (了解他们看不看视频号, 问大家喜欢什么样的视频 — not 问题, nor 问了需求后在抖音直播). */
const ASKED_HOW = '(?<!(?:了解|问(?!题)|看不看|喜欢|想不想)[^，。,；;后在]{0,16})';
/** …and a word only suggesting a mode, after 怎么 too (教老人用智能手机，然后，怎么用微信视频). */
const TAUGHT_HOW = '(?<!(?:教|指导|讲解|teach|怎么|如何)[^，。,；;]{0,24})';
// `线` after 路/航/底… is a line (公交线上), and 在线上 is 在 + 线上, not 在线; 在网上开了个店铺 is a
// shop, not the service (在网上直播卖小米 is).
const ONLINE_REMOVABLE = new RegExp(`${TAUGHT}(?:通过|以|采用|采取|用|在)?(?:(?<![路航干曲直主火界底])线上|网上(?=直播)|网上(?![^，。,；;]{0,6}(?:店|销售|卖)|(?:投递|投简历|缴费|交费|挂号|预约|办理|申请|查询|报名))|在线(?![上下])|远程|online(?![a-z]))(?:的)?(?:方式|形式)?`, 'g');
const OFFLINE_REMOVABLE = /(?:通过|以|采用|采取|在)?(?:(?<![路航干曲直主火界底])线下|offline(?![a-z]))(?:的)?(?:方式|形式)?/g;
// Kept in the description: they say what was done (视频通话辅导, 云宣讲, 现场讲解).
// 直播 alone is not one: 直播卖苹果 is done in the village; 拍宣传视频 is made in person, and so is a video
// written or dubbed for (视频写解说词, 视频配音, 视频字幕) — not 开视频写作业 or 视频配合老师辅导, done online.
// …nor is a video worked on or counted (两条短视频, 三条视频的字幕), or a channel worked for or asked about (帮视频号审片, 把视频号的数据…).
const ONLINE_WORDS = new RegExp(`${TAUGHT_HOW}${ASKED_HOW}(?<!(?:拍|录|剪|做|制作)[^，。,；;]{0,12}|的[^，。,；;]{0,2}|[条段部短])视频(?!号|[^，。,；;]{0,2}(?:(?:写|配)(?:解说|字幕|脚本|文案|音|乐)|解说|字幕|脚本|文案)|软件|app|播放器|通话(?:[、和]|[^，。,；;]{0,3}(?:都|也|还)教))|${TAUGHT_HOW}(?:微信(?:语音|视频|上)|语音通话)(?![^，。,；;]{0,6}教)|${TAUGHT_HOW}的视频(?:通话|连线|会议)|腾讯会议|${ASKED_HOW}(?:抖音|快手|b站|(?<![帮把给替为][^，。,；;]{0,3})视频号(?!的))|视频号[^，。,；;]{0,5}直播|微信群|qq群|网络(?:直播|课堂|授课)|钉钉|飞书会议|zoom|网课|云(?=宣讲|访谈|组队|辅导|支教|课堂|上|端|直播|参观|走访|调研|义诊|服务|会议|家访|探访|讲座)`);
const OFFLINE_WORDS = /现场|实地/;

/**
 * Both named, one said to be the main one (以入户为主, 线下为主, 主要是线下干活) or the one the plan was changed to
 * (本来线下去幸福里，下雪改成腾讯会议了).
 */
const MAIN = /(?:以|主要(?:是|在|还是)?)\s{0,2}(线上|网上|远程|线下|现场|入户|实地|上门)[^，。,；;]{0,8}?为主|(线上|网上|远程|线下|现场|入户|实地|上门)(?:的|那场|那边|那部分)?(?:为主|是主要的)|主要(?:是|在)\s{0,2}(线上|网上|远程|线下|现场|入户|实地|上门)(?=[，。,；;\s]|$|[^，。,；;]{0,3}(?:干活|进行|做|教|讲|帮|服务|维持|整理|发|弄))/;
const CHANGED_TO = new RegExp(`(?:${AS_PLANNED})[^。]{0,24}?改(?:成|为|到|在)了?[^，。,；;]{0,4}?(线上|网上|腾讯会议|微信群|(?:居民|社区|业主|家长)?群里|视频|线下|现场)`);

/** A mode said not to be the service's (不是线上, 并非线下, 没有去现场). */
const DENIED = /(?:不是|并非|并不是|没有?去?|没在)(?:在)?(?:线上|网上|线下|现场)/g;

/**
 * Online or offline (the phrases that say so go into `removed`); both named → ambiguity unless one is said to be the
 * main one; offline by default. The clauses about another service (周一那次是线下的，已经报过了) come blanked.
 */
export function findMode(masked: string, removed: Span[], ambiguities: string[]): ModeReading {
  // (不是线上，是线下; 没有去现场，是在群里讲的: the mode said not to be is none)
  const affirmed = masked.replace(DENIED, (m) => ' '.repeat(m.length));
  const spans = (re: RegExp) => [...affirmed.matchAll(re)].map((m) => ({ start: m.index!, end: m.index! + m[0].length }));
  const on = spans(ONLINE_REMOVABLE);
  const off = spans(OFFLINE_REMOVABLE);
  removed.push(...on, ...off);
  // 线上/线下 said outright beats a word that only suggests a mode (打视频 call，offline; 线上…现场答疑).
  let online = on.length > 0 || (off.length === 0 && ONLINE_WORDS.test(affirmed));
  let offline = off.length > 0 || (on.length === 0 && OFFLINE_WORDS.test(affirmed));
  const main = CHANGED_TO.exec(affirmed) ?? (online || offline ? MAIN.exec(affirmed) : null);
  if (main) [online, offline] = /线上|网上|远程|腾讯|群|视频/.test(main[1] ?? main[2] ?? main[3]!) ? [true, false] : [false, true];
  if (online && offline) ambiguities.push('同时提到了线上和线下，请确认服务方式。');
  if (online === offline) return { mode: 'offline', modeSource: online ? 'explicit' : 'default' };
  return { mode: online ? 'online' : 'offline', modeSource: 'explicit' };
}
