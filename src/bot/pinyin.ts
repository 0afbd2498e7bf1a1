/**
 * Just enough pinyin to recognise a mistyped command (src/bot/suggest.ts), not a dictionary:
 * the readings of the characters in command names and aliases, the characters an input method
 * commonly offers for the same syllables, and a few look-alike and traditional forms. A
 * command alias with a character missing from READINGS is reported by the suggester (and a
 * test), so a new command cannot silently go without its pinyin.
 */

/** Toneless readings of every character used in a command alias; a polyphone's usual reading first. */
export const READINGS: Readonly<Record<string, readonly string[]>> = {
  帮: ['bang'], 助: ['zhu'], 绑: ['bang'], 定: ['ding'], 群: ['qun'], 我: ['wo'], 的: ['de', 'di'],
  报: ['bao'], 到: ['dao'], 记: ['ji'], 录: ['lu'], 审: ['shen'], 核: ['he', 'hu'], 结: ['jie'],
  对: ['dui'], 支: ['zhi'], 部: ['bu'], 项: ['xiang'], 目: ['mu'], 岗: ['gang'], 位: ['wei'],
  推: ['tui'], 荐: ['jian'], 学: ['xue'], 院: ['yuan'], 全: ['quan'], 校: ['xiao', 'jiao'],
  周: ['zhou'], 导: ['dao'], 出: ['chu'], 模: ['mo', 'mu'], 式: ['shi'], 设: ['she'], 置: ['zhi'],
  总: ['zong'], 优: ['you'], 秀: ['xiu'], 案: ['an'], 例: ['li'], 解: ['jie'], 安: ['an'], 预: ['yu'],
  三: ['san'], 下: ['xia'], 乡: ['xiang'], 团: ['tuan'], 队: ['dui'], 名: ['ming'], 单: ['dan', 'shan'],
  组: ['zu'], 织: ['zhi'], 生: ['sheng'],
};

/**
 * Characters a pinyin input method offers for the same syllable (同音字), which students pick
 * by mistake: 报道 for 报到, 记路 for 记录, 帮主 for 帮助, 审合 for 审核.
 */
const HOMOPHONES: Readonly<Record<string, string>> = {
  bang: '邦棒傍榜膀谤磅',
  zhu: '主住注祝驻猪竹珠筑著诸朱柱煮逐',
  ding: '顶订丁钉盯鼎锭',
  qun: '裙',
  wo: '握窝卧沃',
  de: '得地德',
  bao: '保宝包抱暴薄饱爆豹堡',
  dao: '道倒刀岛盗稻蹈悼',
  ji: '计及几机级己技纪季寄继即急集基极际迹济积',
  lu: '路陆鹿露炉卢芦鲁禄碌',
  shen: '身深神申伸沈甚肾慎渗',
  he: '合和何河盒荷贺喝赫',
  jie: '节接街解姐借界届杰洁',
  dui: '队堆兑',
  zhi: '只知之直指纸志制治质值职止枝汁',
  bu: '不步布补捕',
  xiang: '向像相想香象响乡详祥',
  mu: '木母幕慕墓牧',
  gang: '刚钢纲港缸杠',
  wei: '为未维围伟卫委味喂微',
  tui: '退腿颓',
  jian: '见间建件减简剑检健鉴坚尖',
  xue: '雪血穴',
  yuan: '员元原园远圆愿源缘',
  quan: '权泉券劝圈拳',
  xiao: '小笑效消晓销肖孝',
  zhou: '州洲舟粥轴皱',
  chu: '初处除储触楚厨',
  mo: '摸磨末莫默魔膜',
  shi: '是事时十使市试师世识石实室示视',
  she: '社射涉蛇舍摄',
  zong: '宗综纵踪',
  you: '有又由友游油邮',
  xiu: '修休袖锈绣',
  an: '安按岸暗俺',
  li: '利力里理立李礼历离丽',
  zu: '足族租祖阻',
  // Syllables near those above (近音, see foldSounds): 森核 for 审核, 字部 for 支部, 记努 for 记录.
  sen: '森', sheng: '生声省胜升', zi: '字自子资紫', si: '四思司私丝', ci: '次此词', zou: '走邹奏',
  cu: '粗促醋', su: '速素诉苏', zun: '尊遵', ban: '办班半板版', gan: '干感赶敢', xian: '先线现县',
  jiang: '讲将江奖', yin: '因音印银', nu: '努怒奴', ni: '你泥逆', nian: '年念', qu: '去取区',
};

/** Look-alike (形近) and traditional (繁体) forms of command characters: 记彔 for 记录, 報到 for 报到. */
const LOOKALIKES: Readonly<Record<string, string>> = {
  帮: '幫', 助: '肋', 绑: '綁', 报: '報', 到: '倒致', 记: '記纪', 录: '錄彔绿', 审: '審宙', 核: '该刻',
  结: '結', 对: '對', 项: '項顶', 岗: '崗', 荐: '薦', 学: '學', 周: '週', 导: '導', 设: '設', 总: '總',
  优: '優', 定: '淀', 院: '阮', 校: '较', 置: '直',
};

const syllablesByChar = new Map<string, Set<string>>();
const addSyllable = (char: string, syllable: string) => {
  const set = syllablesByChar.get(char) ?? new Set<string>();
  set.add(syllable);
  syllablesByChar.set(char, set);
};
for (const [char, readings] of Object.entries(READINGS)) for (const r of readings) addSyllable(char, r);
for (const [syllable, chars] of Object.entries(HOMOPHONES)) for (const c of chars) addSyllable(c, syllable);

/**
 * Sounds that speakers of many dialects do not tell apart (平翘舌 zh/z ch/c sh/s, 前后鼻音
 * -ng/-n, n/l), folded away to compare pinyin "near enough" (近音).
 */
export function foldSounds(pinyin: string): string {
  return pinyin.replace(/([zcs])h/g, '$1').replace(/ng/g, 'n').replace(/l/g, 'n');
}

/**
 * How different two characters are as a typo, 0 (the same) to 1 (unrelated): a character of the
 * same syllable or a look-alike ½, a near-sounding one ¾.
 */
export function charCost(typed: string, wanted: string): number {
  if (typed === wanted) return 0;
  if (LOOKALIKES[wanted]?.includes(typed) || LOOKALIKES[typed]?.includes(wanted)) return 0.5;
  const a = syllablesByChar.get(typed);
  const b = syllablesByChar.get(wanted);
  if (!a || !b) return 1;
  if ([...a].some((s) => b.has(s))) return 0.5;
  const near = new Set([...b].map(foldSounds));
  return [...a].some((s) => near.has(foldSounds(s))) ? 0.75 : 1;
}

/** Every way to spell a Chinese word in toneless pinyin (polyphones multiply), or undefined if a character has no reading here. */
export function spellings(word: string): string[] | undefined {
  let out = [''];
  for (const char of word) {
    const readings = READINGS[char];
    if (!readings) return undefined;
    out = out.flatMap((prefix) => readings.map((r) => prefix + r));
  }
  return out;
}
