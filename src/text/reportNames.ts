/**
 * Names told in a report that say what was attended or when, not what was done: a quoted title (《红色故事会》今天去了),
 * a project's session (结对帮扶项目第5次), and help said to be the main work with nothing more (主要是帮忙). Part of
 * reportItems.ts; works on its text.
 */
import { HANDS_ON, HANDS_WORK, HELPING, QUOTED, SUPPORT } from './reportItemWords.js';
import { blank, itemWords } from './reportTopics.js';

/** A project named with the session it was (结对帮扶项目第5次): the name, not the work. */
const SESSION = '\\s{0,2}第\\s{0,2}(?:\\d{1,2}|[一二三四五六七八九十]{1,3})\\s{0,2}[次期场讲课回]';
/** What a project's name is written with: no mark, space or separator. */
const NAME_CHAR = '[^\\s，。,；;|｜/\\u0001]';
/** …before other words (结对项目第二期 帮合作社…), not the project's own work (第2次例会, 第二期做招募海报). */
const IN_SESSION = new RegExp(`${NAME_CHAR}{0,10}项目(?=(?:${SESSION})+(?!${SESSION}|\\s{0,2}的?(?:例会|会|总结|启动|筹备|策划|招募|推进|排期|做)))`, 'g');
/** …standing alone (结对帮扶项目第5次 今天 两个半小时). */
const SESSION_NAME = new RegExp(`${NAME_CHAR}{2,10}项目(?=(?:${SESSION})+(?:$|[\\s，。,；;]))`);
/** Anything done, beside a name (组织了“…”, 讲解《…》, 当了“…”志愿者): more than attending it. */
const DOING = /组织|开展|举办|办|开了|讲|教|负责|当了|做|帮|录|写|拍|跳|唱|演|画|指导|督导|整理|搬|发|主持|策划|汇报|宣|服务|志愿者|引导|维持|布置|陪|出了|访|问了|聊|查|测|量|修|扫|清|送|收拾|剪|贴|挂|摆|登记|统计|填|核|采|买|运|装|打扫|洗|擦|捡|种|浇|劝|带着/;

/** Whether `text` tells work done: an item's own words, or any of `more`. */
const tellsWork = (text: string, ...more: RegExp[]) => itemWords(text).size > 0 || more.some((re) => re.test(text));

/** `text` with a project's session blanked, when other words of work are left (not 筹备项目第二期, 给结对项目第二期…). */
export function withoutSession(text: string): string {
  const unsessioned = text.replace(IN_SESSION, (m) => (/筹备|策划|启动|推进|给|为/.test(m) ? m : blank(m)));
  return unsessioned !== text && itemWords(unsessioned).size > 0 ? unsessioned : text;
}

/** The name told when it is all that is told of the work (`served` with quotes, `text` without them), or undefined. */
export function nameWithoutWork(served: string, text: string): string | undefined {
  const name = served.match(QUOTED) ?? SESSION_NAME.exec(text);
  if (!name) return undefined;
  const unnamed = text.replace(SESSION_NAME, blank);
  return !tellsWork(unnamed, DOING, HANDS_ON, HELPING, SUPPORT) && itemWords(served).size > 0 ? name[0] : undefined;
}

/** 主要是帮忙: the main work said to be help, and no more (not 主要是帮忙整理档案). */
const MAINLY_HELPED = /主要(?:就)?是(?:在)?(?:帮忙|帮帮忙|打杂|打下手|帮着干活|干杂活)(?=$|[，。,；;!！~～\s\u0001])/;
/** …and nothing done told after it, up to the rest of the time (主要是帮忙，扫了楼道 tells the help; 其他时间就是聊聊天 does not). */
export function mainlyHelped(masked: string): RegExpExecArray | null {
  const m = MAINLY_HELPED.exec(masked);
  if (!m) return null;
  const after = masked.slice(m.index + m[0].length).split(/其他|其余|剩下/)[0]!;
  return tellsWork(after, SUPPORT, HANDS_ON, HANDS_WORK) ? null : m;
}
