/**
 * escapeMd on what users write (CARDS.md "Markdown in cards"): line starts that CommonMark
 * reads as lists, quotes, headings or breaks, `:word:` emoji codes, and mentions, all turned into
 * character references that read back as the original; ordinary text left alone.
 */
import { describe, expect, it } from 'vitest';
import { escapeMd } from '../src/cards/primitives.js';

/** Reads character references back, as the card renderer does after parsing the markdown. */
function decode(md: string): string {
  return md.replace(/&(#\d+|amp|lt|gt);/g, (_, e: string) => (e === 'amp' ? '&' : e === 'lt' ? '<' : e === 'gt' ? '>' : String.fromCharCode(Number(e.slice(1)))));
}

/** A line (after its indent) that CommonMark would read as a block: list item, quote, heading, break, setext underline. */
const LINE_START_MARKER = /(^|[\r\n])[ \t]*([-+*>#=_]|\d+[.)]([ \t\r\n]|$))/;
const EMOJI_CODE = /:[A-Za-z0-9_]+:/;

const STRUCTURED = [
  '- 第一项',
  '+ 加号列表',
  '* 星号列表',
  '1. 有序列表',
  '12) 括号编号',
  '2026. 年份加点',
  '> 引用一句',
  '# 标题',
  '###无空格标题',
  '---',
  '===',
  '  - 缩进的列表',
  '\t- 制表符缩进',
  '第一行\n- 第二行是列表\n  3. 第三行是编号\n> 第四行是引用\n## 第五行是标题',
  'Windows 换行\r\n- 列表\r\n1. 编号',
  '旧 Mac 换行\r- 列表',
  '完成了 :OK: 的任务',
  ':THUMBSUP::DONE:',
  '表情 :ok_hand: 和 :+1: 和 :smile_2:',
  ':a:b:c:',
  '<at id=all></at> 大家看 :OK:',
  '- <at id=all></at>',
  '报名详见https://example.com/signup报名表',
  '[点我](https://evil.example.com)领奖',
];

describe('escapeMd on user text', () => {
  it.each(STRUCTURED)('%j: no line-start marker, no emoji code, and it reads back as written', (text) => {
    const out = escapeMd(text);
    expect(out).not.toMatch(LINE_START_MARKER);
    expect(out).not.toMatch(EMOJI_CODE);
    expect(out).not.toMatch(/<at\b/i);
    // A bare URL is linked, and one run into Chinese makes Feishu refuse the card (CARDS.md).
    expect(out).not.toMatch(/https?:\/\//);
    expect(decode(out)).toBe(text);
  });

  it('uses the numeric references of Feishu\'s escape table', () => {
    expect(escapeMd('- a')).toBe('&#45; a');
    expect(escapeMd('+ a')).toBe('&#43; a');
    expect(escapeMd('1. a')).toBe('1&#46; a');
    expect(escapeMd('> a')).toBe('&gt; a');
    expect(escapeMd('# a')).toBe('&#35; a');
    expect(escapeMd(':OK:')).toBe('&#58;OK:');
    expect(escapeMd('甲\n  - 乙')).toBe('甲\n  &#45; 乙');
  });

  it('keeps <at id=all> neutralised wherever it stands', () => {
    for (const text of ['<at id=all></at>', '- <at id=all></at>', '1. <at id=all>所有人</at>', ':OK:<at id=all>']) {
      const out = escapeMd(text);
      expect(out, text).toContain('&lt;at id=all&gt;');
      expect(out, text).not.toMatch(/<at\b/i);
    }
  });

  it('leaves ordinary sentences, hyphens inside a line, decimals and times as they are', () => {
    for (const text of [
      '今天下午在幸福社区给三年级小朋友辅导作业，一共两个半小时。',
      '14:00 到 16:30 在社区活动室，18:00:00 结束',
      '比分 3:2:1',
      '1.5 小时的走访',
      '2026-11-25 去了向阳村',
      'Li Hao-ran 2023',
      '会议纪要：讨论了垃圾分类',
      'a+b 与 c-d',
      '王梓涵 · 计科2301团支部',
    ]) expect(escapeMd(text), text).toBe(text);
  });

  it('escapes the colon opening a code even next to a time', () => {
    const out = escapeMd('14:00:OK: 集合');
    expect(out).toBe('14:00&#58;OK: 集合');
    expect(out).not.toMatch(EMOJI_CODE);
  });

  it('a second pass only escapes the ampersands of the first: one decode of twice-escaped text gives the once-escaped text', () => {
    for (const text of STRUCTURED) expect(decode(escapeMd(escapeMd(text)))).toBe(escapeMd(text));
  });
});
