/**
 * The zh-CN catalogue and `t()`: the key and its params are checked by the compiler (a missing
 * param or an unknown key does not compile — the `@ts-expect-error` lines fail `tsc` the day
 * they stop being errors), and every placeholder in the catalogue is one `format` fills.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import { PLACEHOLDER, format, translator, type Placeholders } from '../src/text/t.js';
import { roster } from '../src/text/roster.zh-CN.js';
import { render } from '../src/text/message.js';
import { UserError } from '../src/domain/errors.js';
import { t, tDynamic, zhCN, type CommandTextKey, type MessageKey, type MessageParams, type PlainKey } from '../src/text/zh-CN.js';

/** Holds lines that are only type-checked: a call tsc must reject would fail at run time too. */
const compileOnly = (_lines: () => void): void => {};

/** Templates whose braces are text, not placeholders: the JSON example shown to the user. */
const LITERAL_BRACES = new Set<MessageKey>(['settings.badWeights']);

describe('t() types', () => {
  it('requires every placeholder of the key, and only for keys that have them', () => {
    expectTypeOf<MessageParams<'bind.done'>>().toEqualTypeOf<{ name: string | number; role: string | number; unit: string | number }>();
    expectTypeOf<'help.title'>().toExtend<PlainKey>();
    expectTypeOf<'bind.done'>().not.toExtend<PlainKey>();

    t('bind.done', { name: '张三', role: '学生', unit: '' });
    t('help.title');
    t('help.title', {});
    compileOnly(() => {
      // @ts-expect-error a missing param ({unit})
      t('bind.done', { name: '张三', role: '学生' });
      // @ts-expect-error no params at all for a key that has placeholders
      t('bind.done');
      // @ts-expect-error a param the template does not have
      t('bind.done', { name: '张三', role: '学生', unit: '', college: '计算机学院' });
      // @ts-expect-error a key without placeholders takes no params
      t('help.title', { role: '学生' });
      // @ts-expect-error params are text or numbers
      t('me.boundAt', { at: new Date() });
      // @ts-expect-error not a catalogue key
      t('bind.nope');
    });
  });

  it('a UserError takes the params of its key, as t() does (a param may also be a list or an entry)', () => {
    const err = new UserError('community.ambiguous', { name: '幸福', names: ['幸福社区', '幸福村'], example: '幸福社区' });
    expect(render(err)).toContain('幸福社区、幸福村');
    expect(new UserError('help.title').params).toEqual({});
    compileOnly(() => {
      // @ts-expect-error a missing param ({example})
      new UserError('community.ambiguous', { name: '幸福', names: ['幸福社区'] });
      // @ts-expect-error no params for a key with placeholders
      new UserError('bind.done');
    });
  });

  it('types a key built from a template literal as the union of the keys it can be', () => {
    const role = 'student' as 'student' | 'secretary';
    expectTypeOf(t(`role.${role}`)).toEqualTypeOf<string>();
    const kind = 'met' as 'met' | 'late';
    t(`branch.state.${kind}`, { label: '组织结对', deadline: '2026-11-30', done: '已签约' });
    compileOnly(() => {
      // @ts-expect-error a union of keys needs the placeholders of every member ({done})
      t(`branch.state.${kind}`, { label: '组织结对', deadline: '2026-11-30' });
      const free = 'x' as string;
      // @ts-expect-error a key from an arbitrary string is not a catalogue key
      t(`role.${free}`);
    });
    // A command's texts are plain keys, so a registry loop can render them without params.
    expectTypeOf<CommandTextKey>().toExtend<PlainKey>();
    expectTypeOf<'cmd.help.example'>().toExtend<CommandTextKey>();
  });

  it('parses placeholders the way format() matches them', () => {
    expectTypeOf<Placeholders<'第 {line} 行：{reason}'>>().toEqualTypeOf<'line' | 'reason'>();
    expectTypeOf<Placeholders<'例如 {"hours":0.4}：'>>().toEqualTypeOf<never>();
    expectTypeOf<Placeholders<'{a{b} {} { c }'>>().toEqualTypeOf<'b'>();
    expectTypeOf<Placeholders<'无占位符'>>().toEqualTypeOf<never>();
    expect(format('{a{b} {} { c }', { a: 1, b: 2, c: 3 })).toBe('{a2 {} { c }');
  });

  it('tDynamic is the explicit escape for a key whose params are not known statically', () => {
    const key = 'bind.done' as MessageKey;
    expect(tDynamic(key, { name: '张三', role: '学生', unit: '' })).toBe(t('bind.done', { name: '张三', role: '学生', unit: '' }));
  });

  it('a catalogue part gets the same typed t() from translator()', () => {
    const tr = translator(roster);
    expect(tr('row.error', { line: 3, reason: '学号为空' })).toBe('第 3 行：学号为空');
    compileOnly(() => {
      // @ts-expect-error a missing param ({reason})
      tr('row.error', { line: 3 });
    });
  });
});

describe('t() at run time', () => {
  it('fills placeholders, numbers included', () => {
    expect(t('me.hours', { approved: 12.5, pending: 0 })).toBe('**已认证 12.5 小时** · 待审核 0 小时');
  });

  it('renders a param the compiler could not see as empty rather than leaking the placeholder', () => {
    expect(tDynamic('bind.done', { name: '张三' })).toBe('✅ 绑定成功！张三，。\n发送 /帮助 查看你可以使用的命令。');
  });
});

describe('the catalogue', () => {
  const entries = Object.entries(zhCN) as [MessageKey, string][];

  it('has only well-formed {name} placeholders: no stray, unclosed or full-width brace', () => {
    const malformed = entries
      .filter(([key]) => !LITERAL_BRACES.has(key))
      .filter(([, template]) => /[{}]/.test(template.replace(PLACEHOLDER, '')) || /[｛｝]/.test(template))
      .map(([key, template]) => `${key}: ${template}`);
    expect(malformed).toEqual([]);
  });

  it('the templates with literal braces still exist and have no placeholder', () => {
    for (const key of LITERAL_BRACES) {
      expect(zhCN[key]).toMatch(/[{}]/);
      expect([...zhCN[key].matchAll(PLACEHOLDER)]).toEqual([]);
    }
  });

  it('every value is a non-empty string', () => {
    for (const [key, template] of entries) expect(template.trim(), key).not.toBe('');
  });
});
