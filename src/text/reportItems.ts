/**
 * Which of the "4+X" items a report is about (PRODUCT.md §4): an item the student named
 * (`实事：…`, `【活动】…`, `X项目：垃圾分类宣传`), or else the item its keywords point to.
 * Part of reportParser.ts; works on width-folded text.
 */
import { S, type Span } from './numerals.js';

export type ItemKey = 'shishi' | 'zoufang' | 'huodong' | 'xiangmu' | 'x';

const LABEL: Record<ItemKey, string> = { shishi: '实事', zoufang: '走访', huodong: '活动', xiangmu: '项目', x: 'X' };

// Strong keywords decide the item; weak ones (generic words like 志愿服务/活动/项目 that
// turn up in every kind of report) only count when no strong keyword is present.
const STRONG: [ItemKey, RegExp][] = [
  ['shishi', /辅导|课后服务|助老|为老|敬老|助残|帮扶|清理|清扫|打扫|义诊|支教|陪伴|陪护|义务劳动|义剪|理发|维修|照料|代办|环境整治|捡垃圾/],
  ['zoufang', /走访|调研|访谈|入户|家访|探访|走进企业|座谈|问卷|采访|摸排|摸底|拜访/],
  ['huodong', /宣讲|演出|比赛|书法|绘画|歌曲|唱歌|合唱|舞蹈|话剧|健身|讲座|展演|晚会|联欢|文艺|表演|游园|运动会|朗诵|科普|培训/],
  ['xiangmu', /培育|孵化|常态化项目|项目组|品牌项目|项目化|项目申报|项目策划/],
];
const WEAK: [ItemKey, RegExp][] = [
  ['shishi', /志愿服务|志愿者|慰问/],
  ['huodong', /活动/],
  ['xiangmu', /项目/],
];
const ITEM_WORD = '(x项目|x类|x|其他|其它|实事|走访|活动|项目)';
// `/记录 走访 2小时 …`, `实事：…`, `【活动】…`, `X项目：…` — the student chose the item.
const LEADING_LABEL = new RegExp(`^\\s*(?:/?记录${S})?[【\\[(]?${S}${ITEM_WORD}(?![a-z])${S}[】\\])]?${S}(?:[:,，]|\\s|$)${S}`);
const INLINE_LABEL = new RegExp(`(?:【${ITEM_WORD}】|(?:类别|类型|事项)${S}[:：]?${S}${ITEM_WORD})`);

/** 实事/走访/活动/项目 name their item; x, x项目, x类, 其他 all mean the X item. */
function labelItem(word: string): ItemKey {
  return (Object.keys(LABEL) as ItemKey[]).find((k) => LABEL[k] === word) ?? 'x';
}

/** An explicit choice of item, with the X item's name read from what follows it. */
export function findLabel(folded: string, masked: string): { item: ItemKey; itemLabel?: string; span?: Span } | undefined {
  const lead = LEADING_LABEL.exec(folded);
  const inline = lead ? undefined : INLINE_LABEL.exec(folded);
  const m = lead ?? inline;
  if (!m) return undefined;
  const item = labelItem(m[1] ?? m[2] ?? '');
  const end = m.index + m[0].length;
  const itemLabel = item === 'x' ? /^[^,，。.;；!！?？\s\u0001]{1,30}/.exec(masked.slice(end).replace(/^[\s:：]+/, ''))?.[0] : undefined;
  return { item, itemLabel, span: lead ? { start: 0, end } : undefined };
}

/** Item keywords, strong before weak; several different items → ambiguity. */
export function findItem(masked: string, ambiguities: string[]): ItemKey | undefined {
  for (const table of [STRONG, WEAK]) {
    const hits = new Map<ItemKey, string>();
    for (const [key, words] of table) {
      const m = words.exec(masked);
      if (m && !hits.has(key)) hits.set(key, m[0]);
    }
    if (hits.size === 1) return [...hits.keys()][0];
    if (hits.size > 1) {
      const list = [...hits].map(([k, w]) => `「${w}」（${LABEL[k]}）`).join('和');
      ambiguities.push(`同时提到了${list}，请确认这次服务属于哪一类。`);
      return undefined;
    }
  }
  return undefined;
}
