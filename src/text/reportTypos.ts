/**
 * Words typed by sound (拼音 input picks the wrong character of the same sound: 扫血 for 扫雪, 坐谈 for
 * 座谈, 设区 for 社区, 量个小时 for 两个小时) or written in Japanese by Japanese majors (２時間, 先週の金曜日,
 * 宿題を見て), put right before the report is read, so that every
 * reader — hours, dates, items, areas, communities — sees the word meant. Each fix is as long as the
 * typo, so spans found in the fixed text still cut the text as sent. Only slips that are no word of
 * their own where students would write them are fixed. Part of reportParser.ts; works on width-folded text.
 */

import { simplified } from './simplified.js';

/** Each slip, what it stands for, and where it is a word of its own and left alone. */
const FIXES: [typo: string, meant: string, guard?: string][] = [
  // the work
  ['扫血', '扫雪'], ['铲血', '铲雪'], ['坐谈', '座谈'], ['侧血', '测血'], ['项木', '项目'], ['走仿', '走访'], ['走防', '走访'], ['象目', '项目'], ['居明', '居民'], ['血鸭', '血压'], ['服物', '服务'], ['腾迅', '腾讯'],
  ['调节', '调解', '调节(?=[^，。,；;]{0,6}(?:纠纷|矛盾))'], ['举棋', '举旗', '举棋(?!不定)'],
  // (入护 is 入户 — not 进入护理院, 收入护工, 加入护卫队)
  ['入护', '入户', '(?<![进出收加投])入护(?![理士工卫栏航])'],
  // (做业 is 作业 — not 做业委会的访谈, 做业态调查, 做业务, 做业主工作)
  ['做业', '作业', '做业(?![务绩主余委态界内者])'],
  ['义珍', '义诊'], ['辅到', '辅导'], ['付导', '辅导'], ['辅倒', '辅导'], ['资询', '咨询'], ['招骋', '招聘'], ['反炸', '反诈'],
  ['宣穿', '宣传'], ['叫用', '教用'], ['拉圾', '垃圾'], ['河到', '河道'], ['代货', '带货'], ['志原', '志愿'], ['留守儿同', '留守儿童'],
  ['走坊', '走访'], ['评居', '评剧', '(?<!测)评居(?![民住委])'], ['走方', '走访', '走方(?![便向式法案位])'], ['扫学', '扫雪', '扫学(?![校生堂院区习])'],
  // words typed in 拼音 when the input method was off (saoxue 2 xiaoshi), padded to their length with spaces
  ...([['jintian', '今天'], ['mingtian', '明天'], ['houtian', '后天'], ['zuotian', '昨天'], ['qiantian', '前天'], ['xiaoshi', '小时'], ['fudao', '辅导'], ['zuoye', '作业'],
    ['saoxue', '扫雪'], ['zoufang', '走访'], ['shequ', '社区'], ['ruhu', '入户'], ['shangwu', '上午'], ['zhongwu', '中午'], ['xiawu', '下午'],
    ['wanshang', '晚上'], ['fenzhong', '分钟'], ['liangge', '两个'], ['xiangmu', '项目'], ['huodong', '活动'], ['xuanchuan', '宣传'], ['zhiyuan', '志愿']] as const)
    .map(([py, zh]): [string, string, string] => [py, zh.padEnd(py.length, ' '), `(?<![a-z])${py}(?![a-z])`]),
  // (zhege月: 这个 padded before, next to the word it goes with)
  ['zhege', '   这个', '(?<![a-z])zhege(?![a-z])'],
  // …and by their first letters where the words around say so (幸福里sq, fd作业, 乡村振兴zy, 反诈xc, 宣传hd, xm组例会) — not
  // a classmate's initials (和xc去社区, 跟fd一起)
  ['sq', '社区', 'sq(?<=[\\u4e00-\\u9fa5]\\s{0,2}sq)(?![a-z])'], ['fd', '辅导', 'fd(?<=(?<![a-z])fd)(?=\\s{0,2}(?:作业|功课|数学|英语|语文|物理|化学|孩子|小朋友|学生|[两一二三四五六七八九十几\\d]个))'],
  ['zy', '志愿', 'zy(?<=(?:乡村振兴|参加|去做|做|的)zy|(?<![a-z])zy(?=\\s{0,2}(?:服务|者|活动|队)))(?![a-z])'], ['xc', '宣传', 'xc(?<=(?:反诈|防诈|普法|政策|安全|知识|环保|主题)xc|(?<![a-z])xc(?=\\s{0,2}(?:hd|活动)))(?![a-z])'],
  ['hd', '活动', 'hd(?<=(?:xc|宣传|志愿|了|场|个|次|的)\\s{0,2}hd)(?![a-z])'], ['xm', '项目', 'xm(?<=(?<![a-z])xm(?=组|例会|会|的|排期|启动|中期|推进|正式|\\s{0,2}正式)|(?:助农|电商|培育|实践|开了?|的|zy\\s)xm(?![a-z]))'],
  // the time and the place (2个小是, 两个小事, 2个消失: 小时 by sound after a number)
  ['小是', '小时', '(?<=[\\d一二两俩三仨四五六七八九十半个]\\s{0,2})小是'], ['小事', '小时', '(?<=[\\d一二两俩三仨四五六七八九十半]\\s{0,2}个?\\s{0,2})小事(?![儿情都也])'],
  ['消失', '小时', '(?<=\\d\\s{0,2}个?\\s{0,2})消失'],
  ['xs', '小时', '(?<=[\\d一二两俩三仨四五六七八九十半个]\\s{0,2})xs(?![a-z]|开头|结尾)'],
  // (2小h, 2个小四, 1.5小shi, 3个晓时, 两消时, 2小室 …: 小时 mistyped after a number; 1个伴小时, 11点伴: 半; 1.5hh)
  ...(['小h', '小四', '小尸', '小室', '小实', '小吋', '小诗', '小死', '晓时', '消时', '销时', '小hi', '小shi'] as const).map((t): [string, string, string] =>
    [t, '小时'.padEnd(t.length, ' '), `${t}(?<=[\\d一二两俩三仨四五六七八九十半个]\\s{0,2}${t})(?![a-z])(?=[\\s，。,；;!！~～…)）(（半左多]|$)`]),
  ['伴', '半', '(?<=[\\d一二两三四五六七八九十]\\s{0,2}个?|点)伴(?=\\s{0,2}个?小时|[（(]半|[，,。\\s在]|$)'], ['般', '半', '(?<=[\\d一二两三四五六七八九十]\\s{0,2}个)般(?=\\s{0,2}小时)'],
  ['hh', 'h ', '(?<=\\d)hh(?![a-z])'],
  ['倒', '到', '(?<=点半?\\s{0,2})倒(?=\\s{0,2}(?:\\d|[一二两三四五六七八九十]))'],
  // (pm3到pm5, pm1:00-pm4:00, am9: the part of the day written before the clock, as 下午/上午 would be)
  ['pm', '下午', '(?<![a-z])pm(?=\\s{0,2}\\d)'], ['am', '上午', '(?<![a-z])am(?=\\s{0,2}\\d)'],
  ['量个小时', '两个小时'], ['量个钟', '两个钟'], ['金天', '今天'], ['设区', '社区'], ['昨夭', '昨天'], ['今夭', '今天'], ['前夭', '前天'], ['杜区', '社区'], ['居氏', '居民'], ['宜传', '宣传'], ['锦秀', '锦绣'],
  // (昨 天, 有 次, 两 三 个小时: a word typed apart character by character, its space put after it)
  ...['昨天', '今天', '前天', '明天', '后天', '那天', '某天', '有次'].map((w): [string, string] => [`${w[0]} ${w[1]}`, `${w} `]),
  ...['一两', '两三', '三四', '四五', '五六', '六七', '七八', '八九'].map((w): [string, string, string] => [`${w[0]} ${w[1]}`, `${w} `, `${w[0]} ${w[1]}(?=\\s{1,2}(?:个|小时|钟))`]),
  // Japanese, as Japanese majors write (２時間, 14時から16時半まで, 先週の金曜日, 宿題を見て, オンラインで): the Chinese meant,
  // padded to the Japanese words' length (read after the kanji are simplified: 先週 is met as 先周, 時間 as 时间)
  ...([['时间', '小时', '(?<=\\d)时间(?![段点表内外])'], ['から', '到'], ['まで', ''], ['くらい', '左右'], ['ぐらい', '左右'],
    ['先々週の', '上上周'], ['先週の', '上周'], ['今週の', '本周'], ['先月', '上月'],
    ...[...'月火水木金土日'].flatMap((d, i) => [[`${d}曜日`, `周${'一二三四五六日'[i]}`], [`${d}曜`, `周${'一二三四五六日'[i]}`]] as const),
    ['オンラインで', '线上'], ['オンライン', '线上'], ['ボランティア', '志愿服务'], ['サポート', '协助'], ['アンケート', '问卷'], ['イベント', '活动'], ['プロジェクト', '项目'],
    ['宿題を見て', '辅导作业'], ['宿題を見た', '辅导作业'], ['宿題', '作业'], ['ゴミ拾い', '捡垃圾'], ['雪かき', '扫雪'], ['お年寄り', '老人'], ['子供', '孩子'], ['子ども', '孩子'],
    ['ちょっと', '多', '(?<=时间|小时)ちょっと'], ['この間', '前几天'], ['半分ずつ', '各一半'], ['そして', '然后'], ['どっちも', '两样都做'], ['友達が', '我同学'], ['先週', '上周'],
    ['あの日', '那天'], ['あの時', '那时'], ['半分は', '一半'], ['打ち合わせ', '开会'], ['それから', '然后'], ['合わせて', '一共'], ['全部で', '一共'],
    ['それぞれ', '各'], ['ずつ', ''], ['前に', '之前', '(?<![^，。,；;\\s、])前に'], ['測定', '测量'], ['と', '和', '(?<=[\\u4e00-\\u9fa5])と(?=[\\u4e00-\\u9fa5ァ-ヿ])'],
    ['話し相手', '陪聊'], ['買い物', '买东西'], ['手伝', '帮忙'], ['教え', '教'], ['访问', '走访', '(?<=[をのでに]|入户|家庭)访问|访问(?=し|する|と)'], ['住民', '居民'], ['交通整理', '维持交通'], ['設営', '布置'], ['设营', '布置'],
  ] as const).map(([ja, zh, guard]): [string, string, string] => {
    const typed = simplified(ja);
    return [typed, zh.padEnd(typed.length, ' '), guard ?? typed];
  }),
];
// (each fix as long as its typo, and one meaning for each typo: the readers' spans cut the text as sent)
for (const [typo, meant] of FIXES) if (meant.length !== typo.length) throw new Error(`reportTypos: ${typo} → ${meant} changes the length`);
const FIXED = new Map(FIXES.map(([typo, meant]) => [typo, meant]));
if (FIXED.size !== FIXES.length) throw new Error(`reportTypos: a typo is listed twice: ${FIXES.map(([t]) => t).filter((t, i, all) => all.indexOf(t) !== i)}`);
const TYPO = new RegExp(FIXES.map(([typo, , guard]) => guard ?? typo).join('|'), 'g');

/** `folded` with the typos put right; same length, same indices. */
export function fixTypos(folded: string): string {
  // (`/ 记录 走访 2h`: the command with a space typed after its slash, the space moved before it)
  return folded.replace(TYPO, (t) => FIXED.get(t)!).replace(/^(\s*)\/(\s{1,2})(?=记录)/, '$1$2/');
}
