/**
 * Amounts of time as students type them on a phone: durations (`2h`, `1.5个小时`, `两个半小时`, `90分钟`,
 * `2小时30分`) and clock ranges (`下午2点到4点`, `14:00-16:30`; those told by their ends apart in clockTimes.ts); the numbers themselves are
 * read in numbers.ts (re-exported here). Calendar phrases are in reportDates.ts. Pure helpers for reportParser.ts;
 * every function works on width-folded text (see {@link foldWidth}).
 */
import { between, CLOCK, clockHours, PERIOD, scanEnds, scanTimeline, type Ranged } from './clockTimes.js';
import { CN_HUNDRED, CN_INT, S, maskSpan, parseNumber, type Span } from './numbers.js';

export { CN_INT, S, foldWidth, parseNumber, type Span } from './numbers.js';
export { clockTimes } from './clockTimes.js';

/**
 * An amount of time found in the text. `vague` amounts (`两个多小时`) carry no hours; a
 * signed one (`-3小时`, `负3小时`) carries its negative value, for the parser to refuse.
 */
export interface Duration extends Span {
  hours?: number;
  /** A clock range's end, in hours after midnight (9点到11点半 → 11.5): a range still running is not done. */
  endsAt?: number;
  phrase: string;
  kind: 'amount' | 'vague' | 'range';
}

/** Regex source: an Arabic decimal or a Chinese integer. */
// 一点二小时 is 1.2 (then refused for its step), but 下午两点三个小时 is a time of day and then 3 hours.
const NUM = `(?:\\d+(?:\\.\\d+)?|${CN_INT}(?:(?<![午晚早上从到至]\\s{0,2}[零〇一二两俩三仨四五六七八九十拾壹贰叁肆伍陆柒捌玖]{1,3})点[零〇一二三四六七八九壹贰叁肆陆柒捌玖](?!${S}[点分刻])|点[五伍])?)`;
// 小时候 is "childhood", not a unit; `h` must not start an English word (2hao, 5hz); a bare
// 钟 is an hour only after 个 (两个钟, 一个半钟), as 三点钟 is a time of day.
const UNIT = '(?:小时(?!候)|钟头|(?<=个\\s{0,3}(?:[半多]\\s{0,3})?)钟(?![点表声楼])|(?<=(?<!(?:修|挂|换|买|擦|修好|换好)了?)俩\\s{0,3})钟(?=\\s{0,2}(?:头|$|[，。,；;!！~～\\s]))|hours?(?![a-z])|hrs?(?![a-z])|h(?![a-z]))';
// A number right after 周/星期/礼拜 is a weekday (`周三两小时` = Wednesday, 2 h; not 会期一个半小时), and
// one right after a digit or dot is the tail of another number.
const NOT_WEEKDAY = '(?<![周拜\\d.]|星期)';
/**
 * A minus written before an amount (`-3小时`, `负 3 小时`): captured, to be refused. A dash counts
 * only right before the digit and after the start or a mark, after 时长/用时 (时长为-2), after a
 * verb's 了 (做了-1小时) or after a word for the total (共-1.5小时, 一共/总共-2, 共计/合计/总计-2 — a
 * lone 共 not inside a word); elsewhere (辅导作业-3小时, 海报设计-3小时, 问卷统计-2小时, 总共是-2小时,
 * `洛阳社区 - 3小时`) it separates, it does not negate.
 */
const SIGN = `(?:((?<=^|[\\s:：,，;；(（【\\[\`]|(?:时长|用时|时数|工时)[为是]?|(?:做|干|服务|花|用|忙|辅导|访谈|走访)了|(?<![\\u4e00-\\u9fa5])共|[一总]共|[共合总]计)[-−]|负${S}))?`;

const VAGUE: RegExp[] = [
  new RegExp(`${NUM}${S}(?:个${S}(?:半${S})?)?(?:[-~—–到至或、/]|或者|还是|\\s(?:or|to)\\s)${S}${NUM}${S}个?${S}半?${S}${UNIT}`, 'g'), // 2-3小时, 两到三个小时, 2、3个小时, 一个半到两个小时, 一个到一个半钟头, 2 or 3 hours
  // 三个小时，或者三个半; 1小时左右吧，也可能1个半: a second amount offered after the unit.
  new RegExp(`${NUM}${S}个?${S}半?${S}${UNIT}(?:${S}左右)?[吧呢啊]?${S}[，,]?${S}(?:(?:或者|还是|或|\\sor\\s)${S}(?:${NUM}|半)|(?:也可能|也许|可能|要么|或许|说不定|没准|要不(?:就是)?)(?:是)?${S}(?:${NUM}|半)${S}(?:个${S})?半?${S}(?:${UNIT}|(?=[，。,；;吧!！~]|$)))`, 'g'),
  new RegExp(`${NUM}${S}个?${S}来${S}个?${S}${UNIT}`, 'g'), // 十来个小时, 两个来小时
  /(?<![\d.]|\d:)\d{1,2}[:：]\d{2}\s{0,2}[-~—–到至](?=\s{0,2}(?:$|[\n，,。；;]))(?!\s{0,3}\d)/g, // 时长：8:00- — a start with no end (not 8:00-⏎11:00)
  new RegExp(`${NUM}${S}个?${S}半?${S}${UNIT}${S}差${S}(?:一刻|几分|[^，。,；;]{0,3}分钟?)`, 'g'), // 两小时差一刻
  new RegExp(`(?:差(?:一)?点(?:儿)?|将近|接近|不到|不足|没(?:有)?到|至少|起码|最少|最多|顶多|至多|多则|少说(?:也)?|少则|不止|不下|超过|快|近|(?<!的)可能|可能(?=${S}(?:有|是))|好像|似乎|貌似|也许|或许)${S}(?:是|有|就|得)?${S}${NUM}${S}个?${S}半?${S}${UNIT}`, 'g'), // 将近三小时, 不到两个小时, 扫的可能有3个小时 (not 合作的可能 4h)
  // 估计两小时左右: a guess at a round figure (估计3小时 and 应该是2小时 alone are the amount, as 大概2小时 is).
  new RegExp(`(?:估计|应该)${S}(?:是|有|就|得)?${S}${NUM}${S}个?${S}半?${S}${UNIT}${S}(?:左右|上下)`, 'g'),
  // 2小时出头, 两个钟头以上, 三小时不到, 2h+, 一个钟头还差一点: a bound, not the amount (and 没到2小时 above).
  new RegExp(`${NUM}${S}个?${S}半?${S}${UNIT}(?:${S}半)?${S}(?:以上|以内|之内|以下|往上|打底|出头|开外|有余|还多|不到|不足|未满|(?<=\\S)\\+|(?:都|也|还)${S}(?:不到|不足|没到)|(?:还${S})?差${S}(?:一)?${S}点(?:儿)?(?=${S}(?:$|[，。,；;！!~～])|还))`, 'g'),
  // 半小时不到, 不到半个小时, 半小时出头, 多半个小时: a bound on half an hour.
  new RegExp(`(?:(?:不到|不足|没到|没有到|还没到|不够|将近|接近|至少|超过|(?<![\\d一二两俩三四五六七八九十个不])多)${S}半${S}个?${S}${UNIT}|半${S}个?${S}${UNIT}${S}(?:不到|不足|未满|出头|以上|多|(?:都|也|还)${S}(?:不到|不足|没到)))`, 'g'),
  new RegExp(`(?<=^|[^\\u4e00-\\u9fa5]|[了有用花干共约])小${S}(?:[两二俩三仨四五六七八九十])${S}个?${S}${UNIT}`, 'g'), // 小两个小时: nearly two
  new RegExp(`${NOT_WEEKDAY}([一二两俩三仨四五六七八九])([两二俩三仨四五六七八九])${S}个?${S}${UNIT}`, 'g'), // 两三个小时, 俩仨小时
  /(?<![一二两三四五六七八九十])[一二三四五六七八]([二三四五六七八九])十\s{0,3}(?:来)?\s{0,3}分钟/g, // 八九十分钟, 四五十分钟
  new RegExp(`${NUM}${S}分钟${S}(?:不到|不足|未满|出头)`, 'g'), // 三十分钟不到
  /(?:[二三四五]?十|[1-5]0)\s{0,3}来\s{0,3}分钟|[一两二三四五六七八九十]?\s{0,3}个来\s{0,3}(?:小时|钟头)/g, // 十来分钟, 一个来小时
  new RegExp(`${NUM}?${S}个?${S}多${S}${UNIT}|(?:${NUM}|半)${S}个?${S}${UNIT}多(?![次个人位名天少])`, 'g'), // 两个多小时, 1小时多, 两个小时多, 半个钟头多
  new RegExp(`(?:好|十)?几${S}个?${S}${UNIT}`, 'g'), // 几个小时
  new RegExp(`(?:${NUM}${S}个${S}多|(?:好|十)?几${S}个|[小大]半${S}个)${S}时辰`, 'g'), // 一个多时辰, 几个时辰, 小半个时辰
  /半个(?:上午|下午|晚上|早上|白天)/g, // 半个上午
  // 比上次多待了半个钟头, 比上回少干了一小时: an amount more or less than another time's, not this one's.
  new RegExp(`比(?:上次|上回|上一次|平时|之前|以前|昨天|前天|他们?|她们?|别人|同学)[^，。,；;\\d]{0,6}?(?:多|少)[^，。,；;\\d]{0,3}?(?:${NUM}${S}个?${S}半?|半${S}个?)${S}${UNIT}`, 'g'),
  // more than 2 hours, a few hours, all afternoon: the same in English.
  new RegExp(`(?<![a-z])(?:more than|over|at least|almost|nearly|under|less than|maybe|probably)\\s{1,2}${NUM}${S}${UNIT}|${NUM}${S}${UNIT}(?:\\s{0,2}plus|\\+)|(?<![a-z])(?:a (?:couple|few) (?:of )?|several |many )hours|(?<![a-z])(?:all|half a|a whole) (?:morning|afternoon|evening|night|day)(?![a-z])`, 'g'),
  /个把(?:小时|钟头)|[大小]半(?:个)?(?:小时|钟头|钟)|(?:一|大|小)?半天|整个(?:上午|下午|晚上|早上|白天)|一整(?:晚|夜|宿)|(?<![\d.])全天|一宿|通宵|(?<![周期拜十])一(?:整)?(?:个)?(?:上午|下午|晚上|早上|白天)|一整天|(?<![前后昨今明第每有那某哪的])一天|整天|从早(?:上)?(?:忙|干)?到晚(?:上)?/g, // 一下午, 半天, 干了一天, 从早到晚
];
/**
 * Quarters of an hour after the hours, with 零/又 or straight after them (两个钟头零一刻 = 2.25, 一小时三刻钟 = 1.75,
 * 一个小时三刻, 2小时1刻钟): captured, to be refused as no multiple of half an hour. (A clock's quarter, 三点一刻,
 * and 两小时差一刻 are not these.)
 */
const QUARTERS = `([一两二三123])${S}刻(?:钟)?`;
const AMOUNT = new RegExp(
  `${NOT_WEEKDAY}${SIGN}(${NUM})${S}(个)?${S}(半)?${S}${UNIT}(?:${S}(半)(?![天年月日个]))?` +
    `(?:${S}(?:零|又)?${S}(${NUM})${S}(?:分钟|分(?![之数钟])|minutes?(?![a-z])|mins?(?![a-z])|m(?![a-z]))|${S}(?:零|又)?${S}${QUARTERS})?`,
  'g',
);
// 两个小时吧~不对，是两个半, 一个小时，哦不，一个半: the amount said again without its unit, right after taking the last one back
// (without 是 only as 个/个半 ending the clause: not 不对，两个开关都换了, 不对，两个多) — or after saying what it really was,
// 估计3个小时，其实算下来是3个半, 回来一看表是两个半 (a count of 个 ending the clause: not 其实是两个组轮着扫).
const TAKEN_BACK = '(?<=\\u0001[^。\\d\\u0001]{0,6}(?:不对|哦不|说错了?|口误)[，,\\s]{0,2})';
const REALLY = '(?<=\\u0001[^。\\d\\u0001]{0,6}(?:其实|实际上?|准确(?:点|地说|来说)|一看表)[^，。,；;\\d\\u0001]{0,4}(?:是|有)\\s{0,3})';
const RESAID = new RegExp(`${TAKEN_BACK}(?:是|应该是)${S}(${NUM})${S}(个)?${S}(半)?(?![^，。,；;]{0,2}(?:${UNIT}|分|刻|[点号日月天年人户次位名家条张]))|(?:${TAKEN_BACK}|${REALLY})(${NUM})${S}(个)${S}(半)?(?=${S}(?:$|[，。,；;!！~～吧啊]))`, 'g');
// Bare 分 is a score (考了90分), so minutes alone need 分钟 or min; and an event named by its time limit
// (一分钟跳绳, 一分钟单摇, 三分钟演讲) is no amount of service.
const TIMED_EVENT = '(?:跳绳|单摇|双摇|仰卧起坐|踢毽|跳远|投篮|拍球|速算|口算|演讲|自我介绍|挑战|快问快答)';
const MINUTES = new RegExp(`${NOT_WEEKDAY}${SIGN}(${CN_HUNDRED}|${NUM})${S}(?:分钟|minutes?(?![a-z])|mins?(?![a-z]))(?!${S}的?${S}${TIMED_EVENT})`, 'g');
// 一刻钟, 三刻钟 on their own: quarters of an hour (a clock's 四点一刻钟 is no amount).
const QUARTER_HOURS = /(?<![点时:\d.一二两三四五六七八九十]|提前|早|晚|每隔|隔)([一两二三123])\s{0,3}刻钟(?!\s{0,2}(?:就|才)?(?:到|一次))/g;
const BARE_MINUTES = /^[^\S\n]{0,2}(?:零|又)?([一二三四五]十|[1-5]0|[一二三四五]十五|[1-5]5)(?=\s{0,2}(?:$|[，。,；;!！~～…]))/;
// 两个时辰, 一个半时辰, 半个时辰: the old double hours, as students of classical Chinese write them.
const SHICHEN = new RegExp(`${NOT_WEEKDAY}(?:(${NUM})${S}个${S}(半)?|(半)${S}个)${S}时辰`, 'g');
const HALF = new RegExp(`半${S}个?${S}(?:小时(?!候)|钟头|(?<=个\\s{0,3})钟(?![点表声楼]))`, 'g');
// 干了个半小时: 一 dropped before 个半.
const ONE_AND_HALF = new RegExp(`(?<![\\d.一二两俩三仨四五六七八九十几多])个${S}半${S}(?:小时(?!候)|钟头|钟(?![点表声楼]))`, 'g');
// 2h30, 1h15: the minutes typed straight after the h.
// 2:30小时, 1:30h: hours and minutes written as a clock, with the unit after.
const H_COLON = /(?<![\d.:]|截至|截止|到|至|从)(\d{1,2}):([03]0)\s{0,2}(?:小时(?!数)|h(?![a-z])|hrs?(?![a-z]))(?![^，。,；;]{0,2}(?:开始|结束|出发|到|前|后))/g;
const H_MIN = /(?<![\d.])(\d{1,2})\s{0,2}h([0-5]\d)(?![\d.:/\-%]|\s{0,2}(?:分|min|m(?![a-z])|点|号|日|个|人|户|次))/g;
// "时长：2" with no unit (and 多久？1.5, asked and answered): the label says what the number is.
const LABELLED = new RegExp(
  // (not across a line: a table's header row, 日期 地点 内容 时长⏎11/10 …, names the columns)
  // …unless the number stands alone on the next line (服务时长：⏎2.5)
  `(?:(?:服务|志愿)?时长|用时|工时|时数|多久(?=[^\\S\\n]{0,3}\\?[^\\S\\n]{0,3}\\d)|(?<=扣[^，。,；;]{0,12}[，,\\s]|不[算计][^，。,；;]{0,3}[，,\\s])(?:所以|就|那就)?报(?=\\s{0,2}\\d)|所以报(?=\\s{0,2}\\d))(?:[^\\S\\n]{0,3}[:为是?]?[^\\S\\n]{0,3}|[^\\S\\n]{0,3}[:为是]?[^\\S\\n]{0,3}\\n\\s{0,3}(?=[+-]?(?:\\d+(?:\\.\\d+)?|${CN_INT})[^\\S\\n]*(?:\\n|$)))${SIGN}(\\d+(?:\\.\\d+)?|${CN_INT})(?![\\d.零〇一二两三四五六七八九十百]|[:：]\\d|${S}(?:[-~—–到至或、/+]|多|or\\s)|${S}(?:[个点号月年天分次人位户集节场首本部页遍轮圈趟篇份张家处元]|日(?!期)))`,
  'g',
);

// 8点到12点, 14:00-16:30, and with the work said between: 从早上8点干到中午12点.
// 下午2-4点, 上午9到11点半: the hour word once, after the end.
const SHORT_RANGE = new RegExp(`${PERIOD}?${S}(\\d{1,2}|${CN_INT})${S}(?:到|至|-|~|—|–|→)${S}(\\d{1,2}|${CN_INT})${S}(?:点|时(?![长间候段]))(?:${S}(半))?`, 'g');
// …with the work said between (九点一直陪到十一点, 从四点半讲到了五点), or as 一点半开始，四点结束 and, run on as voice input
// does with its fillers, 两点半开始的，然后一直弄到五点, 从两点，嗯，到四点, 八点开始，然后十点结束.
const VOICE_FILLER = `[，,、\\s]{1,2}(?:(?:嗯|呃|那个|就是|然后)[，,、\\s]{0,2})*`;
const CLOCK_RANGE = new RegExp(
  `${CLOCK}${S}(?:(?:[^\\d\\s，。,；;点时:刻多到至了]{1,4}?)?(?:到|至)(?:(?<=[^\\d\\s，。,；;点时:刻多到至了](?:到|至))了)?|-|~|—|–|→|->|(?<=[:.]\\d{2}${S})to(?![a-z])|开始的?(?:${VOICE_FILLER})?(?=[^，。,；;]{0,8}结束)|` +
  // (1.30开始在幸福里辅导作业，到3.30结束: what was done said between, the end told with 结束)
  `开始的?[^\\d，。,；;点时:刻多]{1,12}[，,、\\s]{1,2}(?:一直|然后|最后)?(?:到|至|干到|弄到|忙到)?(?=${S}(?:\\d{1,2}|${CN_INT})${S}(?:点半?|[:.]\\d{2})${S}结束)|` +
  `(?:开始的?)?${VOICE_FILLER}[^\\d\\s，。,；;点时:刻多]{0,6}?(?:到|至))+${S}${CLOCK}(?:${S}结束)?`,
  'g',
);
// 下午4-6, 晚上7到9, 下午3到下午5 (pm3到pm5): bare hours after the part of the day, no 点 at all.
const PART_RANGE = new RegExp(`${PERIOD}${S}(\\d{1,2})${S}(?:到|至|-|~|—|–)${S}${PERIOD}?${S}(\\d{1,2})(?![\\d:.点时月号日/]|${S}(?:个|小时|h|分|人|位|名|家|户|组|成|次|楼|层|栋|单元|年级|班|周?岁|份|张|只|辆|台|件|箱|袋|本|条|元|块|米|公里|斤|度))`, 'g');
// 9-11:30, 14-16:30: the start's minutes left off.
const BARE_START = /(?<![\d.:/\-])(\d{1,2})\s{0,2}[-~—–]\s{0,2}(\d{1,2}):([0-5]\d)(?![\d:])/g;
// 早八晚五, 从早八到晚六, 早9晚5, 早七到下午三点: a working day told by its morning and evening ends.
const DAY_SPAN = new RegExp(`早(?:上)?${S}(\\d{1,2}|[一二三四五六七八九十]{1,2})${S}(?:点|:00)?${S}(半)?${S}(?:到|至|-|~|—)?${S}(?:晚(?:上)?|下午)${S}(\\d{1,2}|[一二三四五六七八九十]{1,3})${S}(?:点|:00)?${S}(半)?(?![\\d个人位名户次天])`, 'g');
// 0900-1130, 1400~1630, 1630至1710: a 24-hour range typed without colons (minutes on the quarter hour unless joined by
// 至 or 到, so 1116-1117 stays two days).
const COMPACT_RANGE = /(?<![\d./\-]|\d:)([01]\d|2[0-3])([0-5]\d)(?:时)?\s{0,2}(-|~|—|–|到|至)\s{0,2}([01]\d|2[0-4])([0-5]\d)(?:时)?(?![\d.:/\-%]|\s{0,2}年)/g;
const QUARTER = /^(?:00|15|30|45)$/;
/** morning 9-12, evening 7-9, from 9 to 11:30: a range told by the part of the day (or from…to) instead of am/pm. */
const ENGLISH_PART_RANGE = /(?<![a-z])(morning|afternoon|evening|night|from)\s{1,2}(\d{1,2})(?::(\d{2}))?\s{0,2}(?:-|~|–|to)\s{0,2}(\d{1,2})(?::(\d{2}))?(?![\d:.]|\s{0,2}(?:am|pm|点|号|日|月|户|个|人|家|位|households?|people|families))/g;
// from 2pm to 4pm; 3-5pm, from 7 to 8:30 pm (the start takes the end's am or pm, unless that puts it after the end)
const ENGLISH_RANGE = /(?<![\d.:/\-])(\d{1,2})(?::(\d{2}))?\s{0,2}(am|pm)?\s{0,2}(?:to|-|~|–)\s{0,2}(\d{1,2})(?::(\d{2}))?\s{0,2}(am|pm)(?![a-z])/g;

/** Two numbers counting up (一两, 两三): a clock time guessed at when a range starts right after the first. */
const COUNTED_UP = /^(?:一两|两三|三四|四五|五六|六七|七八|八九|九十)$/;

/** Hands each match to `read`; a match it accepts is masked so later patterns skip it. */
function scan(work: string[], re: RegExp, kind: Duration['kind'], read: (m: RegExpMatchArray) => number | Ranged | null | undefined, out: Duration[]): void {
  for (const m of work[0]!.matchAll(re)) {
    const r = read(m);
    if (r === null) continue; // rejected: not a duration after all
    const start = m.index!;
    const end = start + m[0].length;
    out.push({ start, end, phrase: m[0].trim(), kind, ...(typeof r === 'object' ? r : { hours: r }) });
    work[0] = maskSpan(work[0]!, start, end);
  }
}

const rangeHours = (m: RegExpMatchArray) => between(clockHours(m[1], m[2]!, m[3], m[4], m[5]), (p) => clockHours(p, m[7]!, m[8], m[9], m[10]), m[1], m[6]);
const shortRangeHours = (m: RegExpMatchArray) => between(clockHours(m[1], m[2]!), (p) => clockHours(p, m[3]!, m[4]), m[1], undefined);

/**
 * Every amount of time in `folded`, in the order: vague amounts, exact amounts, clock
 * ranges. Returns the durations and the text with them masked (U+0001), so that the
 * date matcher cannot read `1.5h` as 1 May or `2-3小时` as 3 February.
 */
export function findDurations(folded: string): { durations: Duration[]; masked: string } {
  const work = [folded];
  const out: Duration[] = [];
  for (const re of VAGUE) {
    scan(work, re, 'vague', (m) => {
      // 两三个小时 is vague only when the digits count up (一两, 两三, 三四 …).
      if (m[1] && m[2] && parseNumber(m[2])! !== parseNumber(m[1])! + 1) return null;
      return undefined;
    }, out);
  }
  const signed = (sign: string | undefined, n: number) => (sign ? -n : n);
  scan(work, H_MIN, 'amount', (m) => +m[1]! + +m[2]! / 60, out);
  scan(work, H_COLON, 'amount', (m) => (+m[1]! > 12 ? null : +m[1]! + +m[2]! / 60), out);
  scan(work, AMOUNT, 'amount', (m) => {
    const n = parseNumber(m[2]!);
    const extraMinutes = m[6] ? parseNumber(m[6]) : 0;
    if (n === undefined || extraMinutes === undefined) return null;
    return signed(m[1], n + (m[4] ? 0.5 : 0) + (m[5] ? 0.5 : 0) + extraMinutes / 60 + (m[7] ? parseNumber(m[7])! / 4 : 0));
  }, out);
  scan(work, RESAID, 'amount', (m) => {
    const [n, unit, half] = m[1] !== undefined ? [m[1], m[2], m[3]] : [m[4]!, m[5], m[6]];
    return unit && parseNumber(n) !== undefined ? parseNumber(n)! + (half ? 0.5 : 0) : null;
  }, out);
  scan(work, MINUTES, 'amount', (m) => {
    const n = parseNumber(m[2]!);
    return n === undefined ? null : signed(m[1], n / 60);
  }, out);
  scan(work, QUARTER_HOURS, 'amount', (m) => parseNumber(m[1]!)! / 4, out);
  scan(work, ONE_AND_HALF, 'amount', () => 1.5, out);
  scan(work, SHICHEN, 'amount', (m) => (m[3] ? 1 : parseNumber(m[1]!) === undefined ? null : 2 * (parseNumber(m[1]!)! + (m[2] ? 0.5 : 0))), out);
  scan(work, HALF, 'amount', () => 0.5, out);
  scan(work, LABELLED, 'amount', (m) => {
    const n = parseNumber(m[2]!);
    return n === undefined ? null : signed(m[1], n);
  }, out);
  // 一个小时四十, 两小时二十: minutes after the hours with their unit left off, the clause ending there.
  for (const d of out) {
    if (d.kind !== 'amount' || !/(?:小时|钟头)$/.test(d.phrase)) continue;
    const m = BARE_MINUTES.exec(folded.slice(d.end));
    if (!m) continue;
    d.hours! += parseNumber(m[1]!)! / 60;
    work[0] = maskSpan(work[0]!, d.end, d.end + m[0].length);
    d.end += m[0].length;
    d.phrase += m[0];
  }
  scanTimeline(work, folded, out);
  scan(work, CLOCK_RANGE, 'range', rangeHours, out);
  // (1.30开始在幸福里辅导作业，到3.30结束: what was done between the two ends is read as said)
  for (const d of out) {
    const between = d.kind === 'range' ? /开始的?([^\d，。,；;点时:刻多]{3,12})[，,、\s]/.exec(d.phrase) : null;
    if (!between) continue;
    const at = folded.indexOf(between[1]!, d.start);
    if (at >= 0 && at + between[1]!.length <= d.end) work[0] = work[0]!.slice(0, at) + folded.slice(at, at + between[1]!.length) + work[0]!.slice(at + between[1]!.length);
  }
  scanEnds(work, folded, out);
  // (off the quarter hour only as a clause of its own, 1630至1710 — not rooms or doors, 3号楼1501至1530, 走访了1001到1030)
  const alone = (m: RegExpMatchArray) => /(?:^|[，。,；;:：\s(（、])$/.test(m.input!.slice(Math.max(0, m.index! - 1), m.index!));
  scan(work, COMPACT_RANGE, 'range', (m) => ((/[到至]/.test(m[3]!) && !(m[1] === '20' && m[4] === '20') && alone(m)) || (QUARTER.test(m[2]!) && QUARTER.test(m[5]!))
    ? between(+m[1]! + +m[2]! / 60, () => +m[4]! + +m[5]! / 60, '上午', '上午') : null), out);
  scan(work, SHORT_RANGE, 'range', shortRangeHours, out);
  scan(work, PART_RANGE, 'range', (m) => between(clockHours(m[1], m[2]!), (p) => clockHours(m[3] ?? p, m[4]!), m[1], m[3]), out);
  scan(work, BARE_START, 'range', (m) => between(+m[1]!, () => +m[2]! + +m[3]! / 60, undefined, undefined), out);
  scan(work, DAY_SPAN, 'range', (m) => {
    const [from, to] = [parseNumber(m[1]!), parseNumber(m[3]!)];
    if (from === undefined || to === undefined) return null;
    return between(from + (m[2] ? 0.5 : 0), () => to + (to < 12 ? 12 : 0) + (m[4] ? 0.5 : 0), '上午', '下午');
  }, out);
  scan(work, ENGLISH_RANGE, 'range', (m) => {
    const at = (h: string, min: string | undefined, half: string) => (Number(h) % 12) + (half === 'pm' ? 12 : 0) + Number(min ?? 0) / 60;
    const endsAt = at(m[4]!, m[5], m[6]!);
    const start = m[3] ? at(m[1]!, m[2], m[3]) : [at(m[1]!, m[2], m[6]!), at(m[1]!, m[2], 'am')].find((t) => t < endsAt) ?? endsAt;
    const d = endsAt - start;
    return d > 0 && d <= 16 ? { hours: d, endsAt } : null;
  }, out);
  scan(work, ENGLISH_PART_RANGE, 'range', (m) => {
    const pm = /afternoon|evening|night/.test(m[1]!);
    const at = (h: string, min: string | undefined) => Number(h) + (pm && Number(h) < 12 ? 12 : 0) + Number(min ?? 0) / 60;
    return between(at(m[2]!, m[3]), () => at(m[4]!, m[5]), m[1] === 'from' ? undefined : m[1], undefined);
  }, out);
  // 两点左右到四点, 两点到五点多, 做到四点几, 弄到四点来钟: a clock time not pinned down gives no amount either
  // (nor 三点来钟到五点, 一两点到四点).
  for (const d of out) {
    // (not 周一两点到四点, 统一两点, 初一两点, 高一两点: the 一 is another word's)
    const guessed = d.kind === 'range' && COUNTED_UP.test(folded.slice(Math.max(0, d.start - 1), d.start + 1)) && /^(?:|[\s，。,；;、:：午上晚早概约是在从天的])$/.test(folded.charAt(d.start - 2));
    if (guessed) d.phrase = folded.slice(--d.start, d.end).trim();
    if (d.kind === 'range' && (guessed || /左右|许|点来钟/.test(d.phrase) || /^\s{0,2}(?:多|左右|许|几|来钟(?!楼))/.test(folded.slice(d.end, d.end + 4)))) {
      d.kind = 'vague';
      delete d.hours;
      delete d.endsAt;
    }
  }
  // (每隔十来分钟翻一次身, 隔一刻钟: an interval, not time spent)
  const spent = out.filter((d) => !/(?:每隔|隔了?)\s{0,2}$/.test(folded.slice(Math.max(0, d.start - 3), d.start)));
  return { durations: spent.sort((a, b) => a.start - b.start), masked: work[0]! };
}
