/**
 * Card builders (STYLE.md §8): pure, schema 2.0 with `update_multi`, user text escaped before
 * it reaches card markdown, every button wired to a registered action, and small enough.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actions } from '../commands/index.js';
import { bindFormCard, helpCard, meCard, type MeView } from '../src/cards/account.js';
import { newPairingCard } from '../src/cards/pairing.js';
import { button, card, datePicker, escapeMd, form, input, markdown, multiSelect, select, subtitle, type Element } from '../src/cards/primitives.js';
import { SUBTITLE_MAX_WIDTH as SUBTITLE_WIDTH, textWidth } from '../src/feishu/cardLimits.js';
import { projectFormCard } from '../src/cards/projects.js';
import { digestCard } from '../src/cards/digest.js';
import { DigestFigures } from '../src/domain/metrics/digest.js';
import { digestWeek } from '../src/domain/metrics/digestWeek.js';
import { colleges, members, programYears } from '../src/db/schema/index.js';
import type { CardJson } from '../src/feishu/api.js';
import { bindDirect, insertLog, memberByNo } from './helpers/bot.js';
import { startHarness, type Harness } from './helpers/harness.js';
import { ACCOUNTS, program, startLoop, type Loop } from './helpers/loop.js';

const ME: MeView = { name: '李浩然', role: '学生', unit: '计算机科学与工程学院 · 计科2301团支部', approvedHours: 3, pendingHours: 1.5, boundAt: '2026-10-08 10:00', memberId: 7 };

const builtCards: [string, CardJson][] = [
  ['help (unbound)', helpCard({ role: null, who: '', entries: [{ example: '/帮助', summary: '查看命令' }] })],
  ['help (bound)', helpCard({ role: '学生', who: '李浩然 · 计算机科学与工程学院', entries: [{ example: '/我的', summary: '查看' }] })],
  ['bind form', bindFormCard()],
  ['bind form (prefilled)', bindFormCard({ studentNo: '2023010101', name: '王梓涵' })],
  ['me', meCard(ME)],
  ['me (no hours, never bound)', meCard({ ...ME, approvedHours: 0, pendingHours: 0, boundAt: null })],
];

/** Every markdown `content` in a card. */
function markdownOf(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(markdownOf);
  if (!node || typeof node !== 'object') return [];
  const o = node as Record<string, unknown>;
  const own = o.tag === 'markdown' && typeof o.content === 'string' ? [o.content] : [];
  return [...own, ...Object.values(o).flatMap(markdownOf)];
}

/** The form field named `name` in a card. */
function fieldOf(node: unknown, name: string): Record<string, unknown> | undefined {
  if (Array.isArray(node)) return node.map((n) => fieldOf(n, name)).find(Boolean);
  if (!node || typeof node !== 'object') return undefined;
  const o = node as Record<string, unknown>;
  return o.name === name && o.tag !== 'form' ? o : Object.values(o).map((v) => fieldOf(v, name)).find(Boolean);
}

/** Every callback value (button envelope) in a card. */
function callbacksOf(node: unknown): any[] {
  if (Array.isArray(node)) return node.flatMap(callbacksOf);
  if (!node || typeof node !== 'object') return [];
  const o = node as Record<string, unknown>;
  const own = o.type === 'callback' && o.value !== undefined ? [o.value] : [];
  return [...own, ...Object.values(o).flatMap(callbacksOf)];
}

/** Nothing in `md` that Feishu would turn into a mention, a tag or a link. */
function expectInert(md: string): void {
  expect(md).not.toMatch(/<at\b/i);
  expect(md).not.toMatch(/<\/?(font|link|a|img|person)\b/i);
  expect(md).not.toMatch(/\]\(/);
  expect(md).not.toMatch(/[*_~`]/); // no emphasis or code markers
}

describe('card builders', () => {
  it.each(builtCards)('%s: schema 2.0, update_multi, header and body', (_, c) => {
    expect(c.schema).toBe('2.0');
    expect(c.config).toMatchObject({ update_multi: true });
    expect(c).toMatchObject({ header: { title: { tag: 'plain_text' } }, body: { elements: expect.any(Array) } });
    expect((c.header as any).title.content).not.toBe('');
  });

  it.each(builtCards)('%s: every button names a registered action with a payload it accepts', (_, c) => {
    for (const value of callbacksOf(c)) {
      expect(value.v).toBe(1);
      const action = actions.find((a) => a.name === value.a);
      expect(action, value.a).toBeDefined();
      expect(action!.payload.safeParse(value.p ?? {}).success).toBe(true);
    }
  });

  it('are pure: the same view model gives the same card', () => {
    expect(meCard(ME)).toEqual(meCard({ ...ME }));
    expect(bindFormCard()).toEqual(bindFormCard());
  });

  it('the /me card shows both hour labels and a refresh button for that member', () => {
    const md = markdownOf(meCard(ME)).join('\n');
    expect(md).toContain('已认证 3 小时');
    expect(md).toContain('待审核 1.5 小时');
    expect(md).toContain('绑定时间：2026-10-08 10:00');
    expect(callbacksOf(meCard(ME))).toEqual([{ a: 'me.refresh', v: 1, p: { m: 7 } }]);
  });

  it('the bind form prefills what it knows, requires both fields and submits bind.submit', () => {
    const f = (bindFormCard({ studentNo: '2023010101' }).body as any).elements.find((e: any) => e.tag === 'form');
    expect(f.elements.slice(0, 2)).toMatchObject([
      { tag: 'input', name: 'student_no', required: true, max_length: 32, default_value: '2023010101' },
      { tag: 'input', name: 'name', required: true, max_length: 40 },
    ]);
    expect(f.elements[1].default_value).toBeUndefined();
    expect(f.elements[2]).toMatchObject({ tag: 'button', form_action_type: 'submit', behaviors: [{ type: 'callback', value: { a: 'bind.submit', v: 1 } }] });
  });

  it('primitives: button, form, input', () => {
    const envelope = (a: string) => ({ a, v: 1 as const });
    expect(button('好', envelope('x'))).toEqual({ tag: 'button', text: { tag: 'plain_text', content: '好' }, type: 'default', behaviors: [{ type: 'callback', value: { a: 'x', v: 1 } }] });
    expect(input('n', '名')).toEqual({ tag: 'input', name: 'n', label: { tag: 'plain_text', content: '名' }, label_position: 'top', required: false });
    expect(form('f', [], { label: '提交', value: envelope('f.submit') })).toMatchObject({ tag: 'form', name: 'f', elements: [{ name: 'f_submit', form_action_type: 'submit' }] });
    expect(card({ title: 'T', elements: [markdown('x')] })).toMatchObject({ schema: '2.0', config: { update_multi: true }, header: { template: 'blue' } });
  });
});

describe('form fields keep their label once a value is chosen', () => {
  const options = [{ value: 'a', label: '甲' }];
  it.each([
    ['select', select('kind', '服务类型', options, { initial: 'a' }), 'select_static'],
    ['multiSelect', multiSelect('tags', '标签', options, { selected: ['a'] }), 'multi_select_static'],
    ['datePicker', datePicker('day', '服务日期', '2026-11-25'), 'date_picker'],
  ])('%s: a caption above the control, in one column', (_, element, tag) => {
    const column = (element as any).columns[0];
    expect(column.elements[0]).toMatchObject({ tag: 'markdown' });
    expect(column.elements[1]).toMatchObject({ tag, width: 'fill' });
    // The placeholder disappears once a value is set; the caption says what the value is.
    expect(column.elements[0].content).toBe(column.elements[1].placeholder.content);
  });
});

describe('form fields say whether they are required', () => {
  const options = [{ value: 'a', label: '甲' }];
  const control = (e: Element) => ((e as any).columns?.[0].elements[1] ?? e) as Record<string, unknown>;

  // Feishu's multi_select_static is required unless it says otherwise (CARDS.md, Multi-select):
  // a multi-select with no `required` could not be submitted empty.
  it.each([
    ['multiSelect', (required?: boolean) => multiSelect('tags', '标签', options, required === undefined ? {} : { required })],
    ['select', (required?: boolean) => select('kind', '类型', options, required === undefined ? {} : { required })],
    ['input', (required?: boolean) => input('n', '名', required === undefined ? {} : { required })],
  ])('%s: required is always written, false unless asked for', (_, make) => {
    expect(control(make())).toHaveProperty('required', false);
    expect(control(make(false))).toHaveProperty('required', false);
    expect(control(make(true))).toHaveProperty('required', true);
  });

  it('the pairing form\'s tags and the project form\'s members are optional; its items are not', () => {
    const pairing = newPairingCard({ prefill: { community: '幸福社区' } });
    const project = projectFormCard({ prefill: {}, members: [{ id: 1, name: '李浩然' }], communities: [] });
    expect(fieldOf(pairing, 'tags')).toMatchObject({ tag: 'multi_select_static', required: false });
    expect(fieldOf(project, 'members')).toMatchObject({ tag: 'multi_select_static', required: false });
    expect(fieldOf(project, 'items')).toMatchObject({ tag: 'multi_select_static', required: true });
  });
});

describe('header subtitles', () => {
  it('textWidth counts ASCII as half a CJK character', () => {
    expect(textWidth('2026-12-06')).toBe(5);
    expect(textWidth('马克思主义学院')).toBe(7);
    expect(textWidth('学院 · 2026')).toBe(6); // the middle dot counts whole
  });

  it('subtitle clips the name, never what follows it, to 20 widths', () => {
    const render = (college: string) => `${college} · 2026-12-06`;
    expect(subtitle(render, '机械工程与自动化学院')).toBe('机械工程与自动化学院 · 2026-12-06');
    const long = subtitle(render, '马克思主义学院与机械工程与自动化联合学院');
    expect(long).toBe('马克思主义学院与机械工程… · 2026-12-06');
    expect(textWidth(long)).toBeLessThanOrEqual(SUBTITLE_WIDTH);
    expect(subtitle(() => '2026-W49 · 统计至 2026-12-06')).toBe('2026-W49 · 统计至 2026-12-06');
    expect(textWidth(subtitle(() => '很长'.repeat(20)))).toBeLessThanOrEqual(SUBTITLE_WIDTH);
  });
});

describe('every subtitle fits one phone line with the longest real names', () => {
  /** Sunday 2026-12-06 10:00 Beijing, in week 2026-W49. */
  const SUNDAY = Date.parse('2026-12-06T02:00:00Z');
  let loop: Loop;
  beforeAll(async () => {
    loop = await startLoop({ now: SUNDAY });
    loop.h.bot.db.update(programYears).set({ name: '2026–2027' }).where(eq(programYears.id, program(loop.h).id)).run();
  });
  afterAll(() => loop.h.close());

  const subtitleOf = (c: unknown) => ((c as CardJson).header as { subtitle?: { content: string } }).subtitle?.content ?? '';

  it.each(['马克思主义学院', '机械工程与自动化学院', '马克思主义学院与机械工程与自动化联合学院'])('%s: /支部, /学院, /全校 and both digests', async (name) => {
    const { h, m } = loop;
    h.bot.db.update(colleges).set({ name }).where(eq(colleges.id, m.secretary.collegeId!)).run();
    const figures = new DigestFigures(h.bot.db, program(h), digestWeek({ now: SUNDAY, tz: 'Asia/Shanghai' }), SUNDAY, 'Asia/Shanghai');
    const subtitles = {
      branch: subtitleOf((await h.say(ACCOUNTS.secretary, '/支部')).content),
      college: subtitleOf((await h.say(ACCOUNTS.collegeAdmin, '/学院')).content),
      overview: subtitleOf((await h.say(ACCOUNTS.schoolAdmin, '/全校')).content),
      collegeDigest: subtitleOf(digestCard(figures.college({ id: m.secretary.collegeId!, name }, 'college:test'))),
      schoolDigest: subtitleOf(digestCard(figures.school('school:test'))),
    };
    for (const [builder, text] of Object.entries(subtitles)) {
      expect(textWidth(text), `${builder}: ${text}`).toBeLessThanOrEqual(SUBTITLE_WIDTH);
      expect(text, builder).toContain('2026-12-06'); // the date is never what gets cut
    }
    expect(subtitles.branch).toBe(textWidth(name) <= 10 ? `${name} · 2026-12-06` : '马克思主义学院与机械工程… · 2026-12-06');
    expect(subtitles.collegeDigest).toBe('2026-W49 · 统计至 2026-12-06');
  });
});

describe('escapeMd', () => {
  it('neutralises an @-all mention', () => {
    const out = escapeMd('<at id=all></at>');
    expect(out).toBe('&lt;at id=all&gt;&lt;/at&gt;');
    expectInert(out);
  });

  it('neutralises markdown links, images, emphasis, code, headings, tables and tags', () => {
    for (const evil of ['[点我领奖](https://evil.example.com)', '![x](img_v3_abc)', '**粗**', '`code`', '# 标题', 'a|b', '<font color=red>红</font>', '~~删~~', '__下__', '\\']) {
      const out = escapeMd(evil);
      expect(out, evil).not.toMatch(/[<>[\]()*`|~_\\]/);
      expectInert(out);
    }
  });

  it('escapes & first, so a text that looks like an entity stays literal', () => {
    expect(escapeMd('&lt;at id=all&gt;')).toBe('&amp;lt;at id=all&amp;gt;');
    expect(escapeMd('A&B')).toBe('A&amp;B');
  });

  it('leaves ordinary Chinese names, spaces, dots and digits alone', () => {
    for (const s of ['王梓涵', '阿卜杜拉·买买提', '计算机科学与工程学院 · 计科2301团支部', 'Li Hao-ran 2023']) expect(escapeMd(s)).toBe(s);
  });

  it('builders escape user text in every markdown field', () => {
    const evil = '<at id=all></at>[链接](https://evil.example.com)';
    const md = [
      ...markdownOf(meCard({ ...ME, name: evil, unit: evil })),
      ...markdownOf(helpCard({ role: '学生', who: evil, entries: [{ example: '/帮助', summary: '查看' }] })),
    ].join('\n');
    expect(md).not.toContain('<at');
    expect(md).not.toContain('](');
    expect(md).toContain('&lt;at id=all&gt;');
  });
});

describe('cards sent by the bot', () => {
  let h: Harness;
  const EVIL = '<at id=all></at>';
  const LINK = '[点我](https://evil.example.com)';

  beforeAll(async () => {
    h = await startHarness();
    await h.importRoster();
    // Names come from the roster file, i.e. from users: make them hostile.
    h.bot.db.update(members).set({ name: EVIL }).where(eq(members.studentNo, '2023010102')).run();
    h.bot.db.update(colleges).set({ name: `${LINK}学院` }).where(eq(colleges.name, '计算机科学与工程学院')).run();
    bindDirect(h, '2023010102', 'ou_cards_evil');
  });
  afterAll(() => h.close());

  it('a member named <at id=all></at> shows escaped in /me and /help', async () => {
    for (const cmd of ['/我的', '/帮助']) {
      const reply = await h.say('ou_cards_evil', cmd);
      expect(reply.msgType).toBe('interactive');
      const md = markdownOf(reply.content).join('\n');
      expect(md, cmd).toContain('&lt;at id=all&gt;&lt;/at&gt;');
      expect(md, cmd).toContain('&#91;点我&#93;&#40;https&#58;//evil.example.com&#41;学院');
      expect(md, cmd).not.toContain('<at');
      expect(md, cmd).not.toContain('](');
    }
  });

  it('the /me card stays under 30 KB even with long names and many logs', async () => {
    h.bot.db.update(members).set({ name: `${'<'.repeat(20)}${'名'.repeat(20)}` }).where(eq(members.studentNo, '2023010102')).run();
    h.bot.db.update(colleges).set({ name: '院'.repeat(60) }).where(eq(colleges.name, `${LINK}学院`)).run();
    const me = memberByNo(h, '2023010102');
    for (let i = 0; i < 200; i++) insertLog(h, me, { hours: 0.5, status: i % 2 ? 'approved' : 'pending' });
    const reply = await h.say('ou_cards_evil', '/我的');
    const size = Buffer.byteLength(JSON.stringify(reply.content), 'utf8');
    expect(size).toBeLessThan(30 * 1024);
    expect(markdownOf(reply.content).join('\n')).toContain('已认证 50 小时');
  });
});
