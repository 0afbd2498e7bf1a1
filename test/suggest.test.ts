/**
 * "是不是想发 /报到？" (src/bot/suggest.ts): which command a mistyped `/word` is read as — typos,
 * characters that sound or look alike, pinyin in Latin letters, mistyped English names — only
 * among the commands the sender may use, with ties broken by the registry's order; and nothing
 * when no command is close.
 */
import { describe, expect, it } from 'vitest';
import { commands, registry } from '../commands/index.js';
import { READINGS, charCost, spellings } from '../src/bot/pinyin.js';
import { allows } from '../src/bot/roles.js';
import { Router } from '../src/bot/router.js';
import { CommandSuggester } from '../src/bot/suggest.js';
import type { Role } from '../src/db/schema/index.js';

const suggester = new CommandSuggester(commands);
const as = (role: Role | null) => (c: (typeof commands)[number]) => allows(c.audience, role ? { role } : null);
/** The suggestion for `/body`, as a 团委 (who may use every command) unless a role is given. */
const suggest = (body: string, role: Role | null = 'school_admin') => suggester.suggest(body, as(role))?.suggestion;

describe('every command alias has its pinyin', () => {
  it('READINGS covers each character of each registered alias (add the reading when adding a command)', () => {
    const chars = [...new Set(commands.flatMap((c) => c.aliases).join(''))];
    expect(chars.length).toBeGreaterThan(30);
    expect(chars.filter((c) => !READINGS[c])).toEqual([]);
    expect(new Router(registry).suggester.unspelled).toEqual([]);
  });

  it('reports an alias with a character it cannot spell (the check above is not vacuous)', () => {
    const odd = new CommandSuggester([{ name: 'odd', aliases: ['龘龘'] }]);
    expect(odd.unspelled).toEqual(['龘龘']);
    expect(spellings('报到')).toEqual(['baodao']);
    expect(spellings('我的')).toEqual(['wode', 'wodi']);
  });
});

describe('what a mistyped command is read as', () => {
  it.each([
    ['报道', '/报到'], // the most common one: 同音
    ['记路', '/记录'],
    ['帮主', '/帮助'],
    ['审合', '/审核'],
    ['抱道', '/报到'], // two characters, both sound alike
    ['记彔', '/记录'], // 形近
    ['報到', '/报到'], // traditional
    ['绑顶', '/绑定'],
    ['到报', '/报到'], // swapped
    ['报到了', '/报到'], // one added
    ['报', '/报到'], // one left out (报到 is registered before 周报)
    ['报名', '/报到'], // one changed
    ['优秀', '/优秀案例'],
    ['设直', '/设置'], // an alias other than the first: that alias is suggested
    ['森核', '/审核'], // 近音 sen/shen
    ['字部', '/支部'], // 近音 zi/zhi
  ])('/%s → %s (characters)', (typed, expected) => {
    expect(suggest(typed)).toBe(expected);
  });

  it.each([
    ['baodao', '/报到'],
    ['jilu', '/记录'],
    ['bangzhu', '/帮助'],
    ['wode', '/我的'],
    ['bao dao', '/报到'],
    ['ji lu', '/记录'],
    ['BaoDao', '/报到'],
    ['bao4dao4', '/报到'], // tone digits
    ['bào dào', '/报到'], // tone marks
    ['ｂａｏｄａｏ', '/报到'], // full-width letters
    ['bangzu', '/帮助'], // 平翘舌 zh/z
    ['jilv', '/记录'],
    ['shenhe', '/审核'],
    ['tuijain', '/推荐'],
    ['bangdingqun', '/绑定群'],
  ])('/%s → %s (pinyin)', (typed, expected) => {
    expect(suggest(typed)).toBe(expected);
  });

  it.each([
    ['chekin', '/报到'],
    ['checkn', '/报到'],
    ['hlep', '/帮助'],
    ['halp', '/帮助'],
    ['reveiw', '/审核'],
    ['exprot', '/导出'],
    ['lgo', '/记录'],
  ])('/%s → %s (an English name, mistyped: its Chinese alias is suggested)', (typed, expected) => {
    expect(suggest(typed)).toBe(expected);
  });

  it('reads a command run together with what follows it, preferring the longer name', () => {
    expect(suggest('报到幸福社区')).toBe('/报到');
    expect(suggest('checkin幸福社区')).toBe('/报到');
    expect(suggest('绑定群聊')).toBe('/绑定群');
    expect(suggest('message')).toBeUndefined(); // not /me followed by "ssage"
  });

  it('says which part of the message it read: the leading words that make the command', () => {
    expect(suggester.suggest('bao dao 幸福社区', as('student'))).toMatchObject({ typed: '/bao dao', suggestion: '/报到' });
    expect(suggester.suggest('报道 幸福社区', as('student'))).toMatchObject({ typed: '/报道', suggestion: '/报到' });
    expect(suggester.suggest(' 报到', as('student'))).toMatchObject({ typed: '/ 报到', suggestion: '/报到' });
  });

  it.each(['xyz', 'hello', 'hi', 'start', 'test', 'menu', 'abc', '1', 'zoufang', '你好', '好', '天气', 'bdq'])('/%s: nothing is close enough', (typed) => {
    expect(suggest(typed)).toBeUndefined();
  });
});

describe('only commands the sender may use', () => {
  it('does not suggest /审核 to a student or an unbound user, and does to a 团支书', () => {
    expect(suggest('审合', 'student')).toBeUndefined();
    expect(suggest('shenhe', null)).toBeUndefined();
    expect(suggest('审合', 'secretary')).toBe('/审核');
  });

  it('falls back to the closest command the sender may use', () => {
    // /全部: one character from /全校 (团委) and /支部 (团支书 and up).
    expect(suggest('全部', 'school_admin')).toBe('/支部');
    expect(suggest('全部', 'secretary')).toBe('/支部');
    expect(suggest('全部', 'student')).toBeUndefined();
    expect(suggest('报到', null)).toBeUndefined(); // an unbound user may use only /帮助 and /绑定
    expect(suggest('bangdin', null)).toBe('/绑定');
  });
});

describe('ties and ranking', () => {
  it('a closer match wins over an earlier-registered one', () => {
    const s = new CommandSuggester([
      { name: 'first', aliases: ['报名'] },
      { name: 'second', aliases: ['报到'] },
    ]);
    expect(s.suggest('报道', () => true)?.suggestion).toBe('/报到'); // 道 sounds like 到; 名 is just different
  });

  it('equally close: the command registered first, whatever the order of calls', () => {
    const a = { name: 'one', aliases: ['周报'] };
    const b = { name: 'two', aliases: ['报到'] };
    expect(new CommandSuggester([a, b]).suggest('报', () => true)?.suggestion).toBe('/周报');
    expect(new CommandSuggester([b, a]).suggest('报', () => true)?.suggestion).toBe('/报到');
    for (let i = 0; i < 3; i++) expect(suggest('全部')).toBe('/支部');
  });

  it('rates characters: the same 0, same syllable or look-alike ½, near-sounding ¾, else 1', () => {
    expect(charCost('到', '到')).toBe(0);
    expect(charCost('道', '到')).toBe(0.5);
    expect(charCost('彔', '录')).toBe(0.5);
    expect(charCost('身', '审')).toBe(0.5);
    expect(charCost('森', '审')).toBe(0.75); // sen/shen
    expect(charCost('字', '支')).toBe(0.75); // zi/zhi
    expect(charCost('努', '录')).toBe(0.75); // nu/lu
    expect(charCost('龘', '支')).toBe(1); // no reading known: unrelated
    expect(charCost('之', '置')).toBe(0.5);
    expect(charCost('名', '到')).toBe(1);
  });
});
