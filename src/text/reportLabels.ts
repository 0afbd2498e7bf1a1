/**
 * An item the student named (PRODUCT.md §4): `/记录 走访 2小时 …`, `实事：…`, `【活动】…`, `X项目：垃圾分类宣传`,
 * `#X#`, a second one beside it (走访/实事). Part of reportParser.ts; works on width-folded text.
 */
import { S, type Span } from './numerals.js';
import type { ItemKey } from './reportItemWords.js';

/** Each item's name as students and the notice write it. */
export const LABEL: Record<ItemKey, string> = { shishi: '实事', zoufang: '走访', huodong: '活动', xiangmu: '项目', x: 'X' };

const ITEM_WORD = '(x\\s{0,2}项目|x类|x|其他|其它|实事|走访|活动|项目)';
/** Words said before getting to the point, as voice input writes them (嗯，那个，X：…). */
const FILLERS = '(?:(?:嗯+|呃|额|啊|哦|那个|就是|然后)[\\s，,、。.…~]{1,3}){0,4}';
// `/记录 走访 2小时 …`, `实事：…`, `【活动】…`, `X项目：…`, `那个，X：…`, `**X**：…`, `X｜…` — the student chose the item.
const LEADING_LABEL = new RegExp(`^\\s*(?:/?记录${S})?${FILLERS}(?:[【\\[(]|\\*{1,2})?${S}${ITEM_WORD}(?![a-z])${S}(?:[】\\])]|\\*{1,2})?${S}(?:[:,，|｜]|\\s|$)${S}`);
// …also `今天 洛阳 X项目 整理图书角`, the X item's own name standing alone, as a tag (#X项目, #X#, #X 11.06 — a
// count, 老人x8户, has no #), and
// `I do X: 拍照片`, `呃X：…`, and said in passing: 是X类的, 做了X项目——, 完成X项目工作, 参加X项目的对接会, 还是上次那个X,
// 今天下午X项目，…, 给X项目跑腿.
const INLINE_LABEL = new RegExp(`(?:【${ITEM_WORD}】|(?<=#)(x项目|x类|x)(?![a-z])|(?:类别|类型|事项)${S}[:：]?${S}${ITEM_WORD}|(?<=^|[\\s，。,:：;；的#【做是加天(（午号日]|完成|那个|这个)(x项目|x类|(?<![\\dh]\\s{0,2})x(?!\\s{0,2}\\d))(?=[\\s:：(（)）#】～~—\\-，,。]|打卡|工作|第|$)|(?<=^|[\\s，。,:：;；的#【做是加天(（]|完成|那个|这个)(x项目|x类)(?=的|还)|(?<=[午给为])(x项目|x类)(?=(?![和跟与及加])[\\u4e00-\\u9fa5])|(?<=做了)(x项目|x)(?=${S}[—\\-:：])|(?<![a-z\\d])(x|x项目|x类)(?=${S}[:：]))`);

/** A second item word right after the one chosen (走访 实事, 走访/实事, 走访+实事). */
const SECOND_LABEL = new RegExp(`^${S}[、/和+]?${S}${ITEM_WORD}(?![a-z\\u4e00-\\u9fa5])`);

/** …and after one standing inside the text, a second joined to it (今天 X项目 和 走访 都做了). */
const JOINED_LABEL = new RegExp(`^${S}(?:[、/和+]|以及)${S}${ITEM_WORD}(?![a-z\\u4e00-\\u9fa5])`);

const PROGRAM_NAME = /[4四]\s{0,2}[+加]\s{0,2}x(?:\s{0,2}(?:项目|活动|社区实践|实践))?(?![a-z])/g;

/** 实事/走访/活动/项目 name their item; x, x项目, x类, 其他 all mean the X item. */
function labelItem(word: string): ItemKey {
  return (Object.keys(LABEL) as ItemKey[]).find((k) => LABEL[k] === word) ?? 'x';
}

/** An explicit choice of item, with the X item's name read from what follows it. */
export function findLabel(text: string, masked: string): { item: ItemKey; at: number; itemLabel?: string; span?: Span; also?: ItemKey } | undefined {
  // (4+X, the program's own name, is no choice of the X item)
  const folded = text.replace(PROGRAM_NAME, (m) => ' '.repeat(m.length));
  const lead = LEADING_LABEL.exec(folded);
  const inline = lead ? undefined : INLINE_LABEL.exec(folded);
  const m = lead ?? inline;
  if (!m) return undefined;
  const item = labelItem(m.slice(1).find((g) => g !== undefined) ?? '');
  const end = m.index + m[0].length;
  // /记录 走访 实事 …: two items chosen, neither the main one (X 项目, with a space, is the X item's own name).
  const second = (lead ? SECOND_LABEL : JOINED_LABEL).exec(folded.slice(end));
  const also = second && labelItem(second[1]!) !== item && !(item === 'x' && second[1] === '项目') ? labelItem(second[1]!) : undefined;
  const itemLabel = item === 'x' ? /^[^,，。.;；!！?？\s\u0001]{1,30}/.exec(masked.slice(end).replace(/^[\s:：]+/, ''))?.[0] : undefined;
  return { item, at: m.index, itemLabel, span: lead ? { start: 0, end } : undefined, ...(also ? { also } : {}) };
}
