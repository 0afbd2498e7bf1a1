/**
 * One test per platform rule (src/local/rules/, CARDS.md): a violating case is refused (or
 * flagged) with Feishu's status, code and message, and the conforming case next to it passes.
 */
import { describe, expect, it } from 'vitest';
import {
  checkCallbackAnswer, checkCard, checkFileUpload, checkImageUpload, checkMessage, checkPatch, countComponents, PATCH_WINDOW_MS, textWidth as displayWidth, type Verdict,
} from '../src/local/rules/index.js';

type El = Record<string, unknown>;
const text = (content: string) => ({ tag: 'plain_text', content });
const md = (content: string): El => ({ tag: 'markdown', content });
const cb = { type: 'callback', value: { a: 'x', v: 1 } };
const btn = (extra: El = {}): El => ({ tag: 'button', text: text('好'), type: 'primary', behaviors: [cb], ...extra });
const submit = (name = 'go'): El => ({ tag: 'button', name, text: text('提交'), form_action_type: 'submit', behaviors: [cb] });
const form = (elements: El[], name = 'f'): El => ({ tag: 'form', name, elements: [...elements, submit(`${name}_go`)] });
const card = (elements: El[], extra: El = {}): El => ({ schema: '2.0', config: { update_multi: true, width_mode: 'fill' }, header: { title: text('标题'), template: 'blue' }, body: { elements }, ...extra });
const opt = (value: string) => ({ text: text(value), value });

const refused = (v: Verdict) => v.refusal && { rule: v.refusal.rule, status: v.refusal.status, code: v.refusal.code };
const ok = (v: Verdict) => expect(v.refusal).toBeUndefined();

/** [rule, violating card, conforming card] — each violation differs from its conforming twin in one thing. */
const CARD_CASES: [string, number, El, El][] = [
  ['card.schema', 230099, { ...card([md('x')]), schema: '1.0' }, card([md('x')])],
  ['card.unknownProperty', 230099, card([md('x')], { i18n_elements: {} }), card([md('x')])],
  ['card.unknownProperty', 230099, card([{ ...md('x'), colour: 'red' }]), card([{ ...md('x'), text_align: 'center' }])],
  ['card.attribute', 230099, card([form([{ tag: 'input', name: 'a', max_length: 5000 }])]), card([form([{ tag: 'input', name: 'a', max_length: 1000 }])])],
  ['card.attribute', 230099, card([form([{ tag: 'input', name: 'a', placeholder: text('长'.repeat(101)) }])]), card([form([{ tag: 'input', name: 'a', placeholder: text('长'.repeat(100)) }])])],
  ['card.attribute', 230099, card([btn({ text: text('按'.repeat(101)) })]), card([btn({ text: text('按'.repeat(100)) })])],
  ['card.attribute', 230099, card([btn({ type: 'secondary' })]), card([btn({ type: 'danger' })])],
  ['card.attribute', 230099, card([{ tag: 'column_set', columns: [{ tag: 'column', width: 'weighted', weight: 6, elements: [] }] }]), card([{ tag: 'column_set', columns: [{ tag: 'column', width: 'weighted', weight: 5, elements: [] }] }])],
  ['card.attribute', 230099, card([{ tag: 'column_set', columns: [{ tag: 'column', width: '601px', elements: [] }] }]), card([{ tag: 'column_set', columns: [{ tag: 'column', width: '600px', elements: [] }] }])],
  ['card.attribute', 230099, card([{ tag: 'column_set', flex_mode: 'wrap', columns: [] }]), card([{ tag: 'column_set', flex_mode: 'flow', columns: [] }])],
  ['card.attribute', 230099, card([{ tag: 'chart', chart_spec: {}, aspect_ratio: '3:2' }]), card([{ tag: 'chart', chart_spec: {}, aspect_ratio: '4:3' }])],
  ['card.attribute', 230099, card([{ tag: 'chart', chart_spec: {}, height: '1000px' }]), card([{ tag: 'chart', chart_spec: {}, height: '999px' }])],
  ['card.attribute', 230099, card([form([{ tag: 'date_picker', name: 'd', initial_date: '2026/12/01' }])]), card([form([{ tag: 'date_picker', name: 'd', initial_date: '2026-12-01' }])])],
  ['card.attribute', 230099, card([{ tag: 'img', img_key: 'img_1', alt: text(''), scale_type: 'stretch' }]), card([{ tag: 'img', img_key: 'img_1', alt: text(''), scale_type: 'crop_center' }])],
  ['card.attribute', 230099, card([md('x')], { header: { title: text('t'), template: 'pink' } }), card([md('x')], { header: { title: text('t'), template: 'carmine' } })],
  ['card.attribute', 230099, card([md('x')], { config: { update_multi: false } }), card([md('x')], { config: { update_multi: true } })],
  ['card.attribute', 230099, card([{ ...md('x'), margin: '120px' }]), card([{ ...md('x'), margin: '4px 0' }])],
  ['card.attribute', 230099, card([{ tag: 'img', img_key: 'img_1', alt: text(''), scale_type: 'crop_center', size: 'stretch_without_padding' }]), card([{ tag: 'img', img_key: 'img_1', alt: text(''), scale_type: 'crop_center', size: '120px 90px' }])],
  ['card.required', 230099, card([{ tag: 'img', img_key: 'img_1' }]), card([{ tag: 'img', img_key: 'img_1', alt: text('照片') }])],
  ['card.required', 230099, card([md('x')], { header: { template: 'blue' } }), card([md('x')], { header: { title: text('t') } })],
  ['card.removedTag', 230099, card([{ tag: 'note', elements: [] }]), card([md('x')])],
  ['card.unknownTag', 230099, card([{ tag: 'carousel' }]), card([{ tag: 'hr' }])],
  ['card.structure', 230099, card([{ tag: 'column_set', columns: [md('x')] }]), card([{ tag: 'column_set', columns: [{ tag: 'column', elements: [md('x')] }] }])],
  ['card.elementId', 230099, card([{ ...md('x'), element_id: '1abc' }]), card([{ ...md('x'), element_id: 'abc_1' }])],
  ['card.elementId', 230099, card([{ ...md('x'), element_id: 'a' }, { ...md('y'), element_id: 'a' }]), card([{ ...md('x'), element_id: 'a' }, { ...md('y'), element_id: 'b' }])],
  ['card.nesting', 230099, card([form([nest(3)])]), card([form([nest(2)])])],
  ['form.placement', 230099, card([{ tag: 'column_set', columns: [{ tag: 'column', elements: [form([])] }] }]), card([form([])])],
  ['form.name', 230099, card([form([], 'a'), form([], 'a')]), card([form([], 'a'), form([], 'b')])],
  ['form.fieldName', 230099, card([form([{ tag: 'input' }])]), card([form([{ tag: 'input', name: 'x' }])])],
  ['form.fieldName', 230099, card([form([{ tag: 'input', name: 'x' }, { tag: 'input', name: 'x' }])]), card([form([{ tag: 'input', name: 'x' }, { tag: 'input', name: 'y' }])])],
  ['form.submit', 230099, card([{ tag: 'form', name: 'f', elements: [{ tag: 'input', name: 'x' }] }]), card([form([{ tag: 'input', name: 'x' }])])],
  ['form.multiSelect', 230099, card([{ tag: 'multi_select_static', options: [opt('a')], required: false }]), card([form([{ tag: 'multi_select_static', name: 'm', options: [opt('a')], required: false }])])],
  ['button.behaviors', 230099, card([{ tag: 'button', text: text('好') }]), card([btn()])],
  ['button.formAction', 230099, card([btn({ form_action_type: 'submit' })]), card([form([])])],
  ['select.duplicateValue', 230099, card([form([{ tag: 'select_static', name: 's', options: [opt('a'), opt('a')] }])]), card([form([{ tag: 'select_static', name: 's', options: [opt('a'), opt('b')] }])])],
  ['select.initialOption', 230099, card([form([{ tag: 'select_static', name: 's', options: [opt('a')], initial_option: 'b' }])]), card([form([{ tag: 'select_static', name: 's', options: [opt('a')], initial_option: 'a' }])])],
  ['select.selectedValues', 230099, card([form([{ tag: 'multi_select_static', name: 'm', options: [opt('a')], selected_values: ['z'], required: false }])]), card([form([{ tag: 'multi_select_static', name: 'm', options: [opt('a')], selected_values: ['a'], required: false }])])],
  ['card.attribute', 230099, card([form([{ tag: 'select_static', name: 's', options: [{ text: text('a'), value: 1 }] }])]), card([form([{ tag: 'select_static', name: 's', options: [{ text: text('a'), value: '1' }] }])])],
  ['markdown.atAll', 230099, card([md('<at id=all></at> 开会')]), card([md('&lt;at id=all&gt; 开会')])],
  ['markdown.linkTarget', 230099, card([md('[点我](javascript:alert(1))')]), card([md('[点我](https://example.com/a)')])],
  ['markdown.bareUrl', 230099, card([md('访问 https://example.com/a确认')]), card([md('访问 https://example.com/a 确认')])],
  ['markdown.tables', 230099, card([md(tables(5))]), card([md(tables(4))])],
  ['card.elementCount', 230099, card(Array.from({ length: 201 }, () => ({ tag: 'hr' }))), card(Array.from({ length: 199 }, () => ({ tag: 'hr' })))],
  ['card.size', 230025, card([md('字'.repeat(10_300))]), card([md('字'.repeat(10_000))])],
];

/** `pairs` column sets with a column each, nested: 2 × pairs containers. */
function nest(pairs: number): El {
  let inner: El = md('x');
  for (let i = 0; i < pairs; i++) inner = { tag: 'column_set', columns: [{ tag: 'column', elements: [inner] }] };
  return inner;
}

function tables(n: number): string {
  return Array.from({ length: n }, (_, i) => `| a | b |\n| --- | --- |\n| ${i} | x |`).join('\n\n');
}

describe('Card JSON 2.0 rules', () => {
  it.each(CARD_CASES.map(([rule, code, bad, good], i) => [`${i}: ${rule}`, rule, code, bad, good] as const))('%s: refused with Feishu’s code, its conforming twin accepted', (_name, rule, code, bad, good) => {
    expect(refused(checkCard(bad))).toEqual({ rule, status: 400, code });
    ok(checkCard(good));
  });

  it('words the refusal as the send API does (230099 with the sub-code, the path and what failed)', () => {
    const v = checkCard(card(Array.from({ length: 201 }, () => ({ tag: 'hr' }))));
    expect(v.refusal!.msg).toMatch(/^Failed to create card content, ext=ErrCode: 11310; .*ErrMsg: element exceeds the limit;/);
    const attr = checkCard(card([form([{ tag: 'input', name: 'a', max_length: 5000 }])]));
    expect(attr.refusal!.msg).toContain('ErrCode: 200621; ErrPath: ROOT -> elements -> [0] -> elements -> [0](tag: input)');
    expect(checkCard(card([md('字'.repeat(10_300))])).refusal!.msg).toBe('The length of the message content reaches its limit.');
  });

  it('counts every tagged object against the 200 limit, plain_text in options and buttons included', () => {
    const select = { tag: 'select_static', name: 's', options: [opt('a'), opt('b')], placeholder: text('选') };
    // select (1) + 2 option texts + placeholder = 4
    expect(countComponents(select)).toBe(4);
    const many = Array.from({ length: 66 }, (_, i) => opt(String(i)));
    const big = card([form([{ tag: 'select_static', name: 's', options: many }])]);
    expect(countComponents(big)).toBeGreaterThan(60);
    ok(checkCard(big));
    const tooMany = card([form([{ tag: 'select_static', name: 's', options: Array.from({ length: 200 }, (_, i) => opt(String(i))) }])]);
    expect(refused(checkCard(tooMany))).toEqual({ rule: 'card.elementCount', status: 400, code: 230099 });
  });
});

describe('what Feishu takes but shows wrongly (defects)', () => {
  const rules = (v: Verdict) => v.defects.map((d) => d.rule);
  it('a multi-select without `required` is required (its default is true)', () => {
    expect(rules(checkCard(card([form([{ tag: 'multi_select_static', name: 'm', options: [opt('a')] }])])))).toEqual(['multiSelect.implicitRequired']);
    expect(rules(checkCard(card([form([{ tag: 'multi_select_static', name: 'm', options: [opt('a')], required: false }])])))).toEqual([]);
  });
  it('a default value longer than max_length cannot be submitted unchanged', () => {
    expect(rules(checkCard(card([form([{ tag: 'input', name: 'a', max_length: 3, default_value: '四个字了' }])])))).toEqual(['input.defaultTooLong']);
    expect(rules(checkCard(card([form([{ tag: 'input', name: 'a', max_length: 4, default_value: '四个字了' }])])))).toEqual([]);
  });
  it('a header subtitle wider than a phone line (≈ 20 CJK characters) is cut to "…"', () => {
    const sub = (s: string) => card([md('x')], { header: { title: text('t'), subtitle: text(s) } });
    expect(rules(checkCard(sub('马克思主义学院 · 2026–2027 实践年度 · 2026-12-06')))).toEqual(['header.subtitleWidth']);
    expect(rules(checkCard(sub('2026–2027 年度 · 2026-12-06')))).toEqual([]);
    expect(displayWidth('学院ab')).toBe(3);
  });
  it('an HTML tag outside the 2.0 subset shows as text; a font colour outside the enum is ignored', () => {
    expect(rules(checkCard(card([md('<b>粗</b>')])))).toEqual(['markdown.unknownTag', 'markdown.unknownTag']);
    expect(rules(checkCard(card([md("<font color='#ff0000'>红</font>")])))).toEqual(['markdown.fontColour']);
    expect(rules(checkCard(card([md("<font color='red'>红</font><br>")])))).toEqual([]);
  });
});

describe('messages, patches, uploads', () => {
  it('text: non-empty, at most 150 KB (230025)', () => {
    const t = (s: string) => checkMessage('text', { text: s }, JSON.stringify({ text: s }));
    expect(refused(t('x'.repeat(160 * 1024)))).toEqual({ rule: 'text.size', status: 400, code: 230025 });
    expect(refused(t('  '))).toEqual({ rule: 'text.empty', status: 400, code: 230001 });
    ok(t('x'.repeat(150 * 1024 - 20)));
  });

  it('a card message: 30 KB of request body, where the card is an escaped string (quotes count twice)', () => {
    // ≈ 19 KB of card JSON, ≈ 35 KB once escaped into the request's `content` string.
    const quoted = card(Array.from({ length: 120 }, (_, i) => md(`${'"'.repeat(60)} ${i}`)));
    expect(Buffer.byteLength(JSON.stringify(quoted))).toBeLessThan(30 * 1024);
    expect(refused(checkMessage('interactive', quoted, JSON.stringify(quoted)))).toEqual({ rule: 'card.size', status: 400, code: 230025 });
    expect(refused(checkPatch({ msgType: 'interactive', content: card([md('x')]), sentAt: 0 }, quoted, 0))).toEqual({ rule: 'card.size', status: 400, code: 230025 });
    // In a callback answer the card is plain JSON in the body: it fits.
    ok(checkCallbackAnswer(200, { card: { type: 'raw', data: quoted } }));
  });

  it('post: at most 30 KB', () => {
    const big = JSON.stringify({ zh_cn: { content: [[{ tag: 'text', text: 'x'.repeat(31 * 1024) }]] } });
    expect(refused(checkMessage('post', JSON.parse(big), big))).toEqual({ rule: 'post.size', status: 400, code: 230025 });
    const small = JSON.stringify({ zh_cn: { content: [[{ tag: 'text', text: 'x' }]] } });
    ok(checkMessage('post', JSON.parse(small), small));
  });

  it('patch: only the app’s own shared cards, within 14 days (230031)', () => {
    const sent = { msgType: 'interactive', content: card([md('x')]), sentAt: 0 };
    expect(refused(checkPatch(sent, card([md('y')]), PATCH_WINDOW_MS + 1))).toEqual({ rule: 'patch.age', status: 400, code: 230031 });
    ok(checkPatch(sent, card([md('y')]), PATCH_WINDOW_MS));
    expect(refused(checkPatch(undefined, card([md('y')]), 0))).toEqual({ rule: 'patch.unknownMessage', status: 400, code: 230001 });
    expect(refused(checkPatch({ ...sent, msgType: 'text', content: { text: 'x' } }, card([md('y')]), 0))).toEqual({ rule: 'patch.notCard', status: 400, code: 230001 });
    const unshared = { ...card([md('y')]), config: {} };
    expect(refused(checkPatch(sent, unshared, 0))).toEqual({ rule: 'patch.notShared', status: 400, code: 230001 });
    expect(refused(checkPatch(sent, card([form([{ tag: 'input', name: 'a', max_length: 0 }])]), 0))!.code).toBe(230099);
  });

  it('image upload: message type, a named part, 0 < size ≤ 10 MB, a known format, ≤ 12000² (GIF 2000²)', () => {
    const png = { format: 'png', width: 800, height: 600 };
    const good = { imageType: 'message', bytes: Buffer.alloc(10), partFilename: 'a.png', info: png };
    expect(checkImageUpload(good)).toBeUndefined();
    expect(checkImageUpload({ ...good, partFilename: undefined })).toMatchObject({ rule: 'image.part', code: 234001 });
    expect(checkImageUpload({ ...good, imageType: 'file' })).toMatchObject({ rule: 'image.type', code: 234001 });
    expect(checkImageUpload({ ...good, bytes: Buffer.alloc(0) })).toMatchObject({ rule: 'image.empty', code: 234010 });
    expect(checkImageUpload({ ...good, bytes: Buffer.alloc(10 * 1024 * 1024 + 1) })).toMatchObject({ rule: 'image.size', code: 234006 });
    expect(checkImageUpload({ ...good, info: undefined })).toMatchObject({ rule: 'image.format', code: 234011 });
    expect(checkImageUpload({ ...good, info: { format: 'png', width: 12001, height: 10 } })).toMatchObject({ rule: 'image.resolution', code: 234039 });
    expect(checkImageUpload({ ...good, info: { format: 'gif', width: 2001, height: 10 } })).toMatchObject({ rule: 'image.resolution', code: 234039 });
    expect(checkImageUpload({ ...good, info: { format: 'gif', width: 2000, height: 2000 } })).toBeUndefined();
  });

  it('file upload: named, non-empty, within the limit (234006)', () => {
    expect(checkFileUpload({ bytes: Buffer.alloc(5), fileName: 'a.xlsx', maxBytes: 4 })).toMatchObject({ rule: 'file.size', code: 234006 });
    expect(checkFileUpload({ bytes: Buffer.alloc(0), fileName: 'a.xlsx', maxBytes: 4 })).toMatchObject({ rule: 'file.empty', code: 234010 });
    expect(checkFileUpload({ bytes: Buffer.alloc(4), fileName: 'a.xlsx', maxBytes: 4 })).toBeUndefined();
  });
});

describe('card-callback answers', () => {
  const raw = (data: El) => ({ type: 'raw', data });
  it.each([
    ['answer.status', 200671, 500, {}],
    ['answer.shape', 200672, 200, 'ok'],
    ['answer.shape', 200672, 200, { toast: { type: 'success', content: 'x' }, message: 'hi' }],
    ['answer.toast', 200672, 200, { toast: { type: 'fine', content: 'x' } }],
    ['answer.card', 200673, 200, { card: { type: 'json', data: card([md('x')]) } }],
    ['answer.cardVersion', 200830, 200, { card: raw({ elements: [] }) }],
    ['card.attribute', 200673, 200, { card: raw(card([form([{ tag: 'input', name: 'a', max_length: 5000 }])])) }],
  ] as const)('%s: %s', (rule, code, status, body) => {
    expect(checkCallbackAnswer(status, body).refusal).toMatchObject({ rule, code });
  });
  it.each([
    [{}],
    [{ toast: { type: 'success', content: '已通过' } }],
    [{ toast: { type: 'info', content: 'x', i18n: { zh_cn: 'x' } }, card: raw(card([md('x')])) }],
  ])('accepts %j', (body) => ok(checkCallbackAnswer(200, body)));
});
