// Cards in the local-mode console (loaded before app.js): a message's Card JSON 2.0 drawn as plain
// DOM — markdown, columns, images, the digest's bar chart — with buttons and forms that call back
// into the bot through app.js's click(); formValues() is what the Feishu client would submit.
'use strict';

function plain(t) {
  return t && typeof t === 'object' ? t.content ?? '' : t ?? '';
}

/** An http(s) URL as the browser parses it, or null: no other scheme becomes a link. */
function safeUrl(href) {
  try {
    const url = new URL(href);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** Card markdown, safely: Feishu tags dropped, entities kept, only bold, links and headings drawn. */
function markdownHtml(src) {
  let s = String(src).replace(/<\/?(font|text_tag|at|u|i)\b[^>]*>/g, '');
  // Quotes are escaped with the rest: nothing from the card can close an attribute below.
  s = s.replace(/&(?!#?\w+;)/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
  s = s.replace(/\*\*(.+?)\*\*/g, '<b>$1</b>').replace(/~~(.+?)~~/g, '<s>$1</s>');
  s = s.replace(/\[([^\]]+)\]\((https?:[^)\s]+)\)/g, (all, text, href) => {
    const url = safeUrl(href.replace(/&amp;/g, '&'));
    return url ? `<a href="${url.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}" target="_blank" rel="noopener noreferrer">${text}</a>` : all;
  });
  s = s.replace(/^#{1,4}\s+(.*)$/gm, '<b>$1</b>').replace(/^&gt;\s?(.*)$/gm, '<span class="quote">$1</span>');
  return s;
}

function renderCard(card, messageId) {
  const head = card.header;
  const node = el('div', { class: 'card' });
  if (head) {
    node.append(el('div', { class: `card-head ${head.template || 'blue'}` }, [
      el('div', { text: plain(head.title) }),
      head.subtitle ? el('div', { class: 'sub', text: plain(head.subtitle) }) : null,
    ]));
  }
  const ctx = { messageId, form: null };
  const elements = card.body?.elements || card.elements || [];
  node.append(el('div', { class: 'card-body' }, elements.map((e) => renderElement(e, ctx))));
  return node;
}

function renderElement(e, ctx) {
  switch (e.tag) {
    case 'markdown':
    case 'div':
      return el('div', { class: `md ${e.text_size === 'notation' ? 'small' : ''}`, html: markdownHtml(e.tag === 'div' ? plain(e.text) : e.content) });
    case 'plain_text':
      return el('div', { class: 'md', text: e.content });
    case 'hr':
      return el('hr');
    case 'column_set':
      return el('div', { class: `cols ${e.flex_mode === 'flow' ? 'flow' : ''}` }, (e.columns || []).map((c) => el('div', { class: 'col' }, (c.elements || []).map((x) => renderElement(x, ctx)))));
    case 'column':
      return el('div', { class: 'col' }, (e.elements || []).map((x) => renderElement(x, ctx)));
    case 'button':
      return renderButton(e, ctx);
    case 'form':
      return renderForm(e, ctx);
    case 'input':
      return renderInput(e);
    case 'select_static':
    case 'multi_select_static':
      return renderSelect(e);
    case 'date_picker':
      return el('div', { class: 'field' }, el('input', { type: 'date', 'data-name': e.name, 'data-kind': 'date', value: e.initial_date || '', 'aria-label': plain(e.placeholder) || e.name, required: e.required }));
    case 'chart':
      return renderChart(e.chart_spec || {});
    case 'img':
      return el('img', { src: `/api/image/${encodeURIComponent(e.img_key)}`, alt: plain(e.alt) || '图片', class: e.scale_type === 'crop_center' || e.scale_type === 'crop_top' ? 'crop' : '', style: 'max-width:100%' });
    default:
      return el('div', { class: 'md small', text: `［${e.tag}］` });
  }
}

function renderButton(e, ctx) {
  const behaviour = (e.behaviors || [])[0] || {};
  const label = plain(e.text);
  if (behaviour.type === 'open_url') return el('a', { href: safeUrl(String(behaviour.default_url)) ?? '#', target: '_blank', rel: 'noopener noreferrer', text: label });
  const value = behaviour.value ?? e.value;
  const submit = e.form_action_type === 'submit';
  return el('button', {
    type: 'button', class: e.type || 'default', text: label, disabled: e.disabled,
    onclick: (ev) => {
      const form = submit ? ev.target.closest('form') : null;
      if (submit && !form) return;
      if (form) {
        const values = formValues(form);
        if (!values) return toast('请填写必填项', 'error');
        return click(ctx.messageId, { tag: 'button', name: e.name, value, formValue: values });
      }
      return click(ctx.messageId, { tag: 'button', name: e.name, value });
    },
  });
}

function renderForm(e, ctx) {
  const inner = { ...ctx, form: e.name };
  return el('form', { 'data-form': e.name, onsubmit: (ev) => ev.preventDefault() }, (e.elements || []).map((x) => renderElement(x, inner)));
}

function renderInput(e) {
  const multiline = e.input_type === 'multiline_text';
  const control = el(multiline ? 'textarea' : 'input', {
    'data-name': e.name, 'data-kind': 'input', placeholder: plain(e.placeholder), required: e.required, maxlength: e.max_length, rows: e.rows,
    'aria-label': plain(e.label) || plain(e.placeholder) || e.name,
  });
  control.value = e.default_value ?? '';
  return el('label', { class: 'field' }, [e.label ? el('span', { text: plain(e.label) }) : null, control]);
}

function renderSelect(e) {
  const multi = e.tag === 'multi_select_static';
  // As the Feishu client does: a multi-select's `required` defaults to true.
  const required = multi ? e.required !== false : e.required;
  const select = el('select', { 'data-name': e.name, 'data-kind': multi ? 'multi' : 'select', multiple: multi, required, 'aria-label': plain(e.placeholder) || e.name });
  if (!multi) select.append(el('option', { value: '', text: `${plain(e.placeholder) || '请选择'}…` }));
  const chosen = new Set(multi ? e.selected_values || [] : [e.initial_option]);
  for (const o of e.options || []) {
    const option = el('option', { value: o.value, text: plain(o.text) });
    option.selected = chosen.has(o.value);
    select.append(option);
  }
  return el('div', { class: 'field' }, select);
}

/** What the Feishu client would put in `form_value`; null when a required field is empty. */
function formValues(form) {
  const values = {};
  for (const c of form.querySelectorAll('[data-name]')) {
    const name = c.dataset.name;
    const kind = c.dataset.kind;
    let v;
    if (kind === 'multi') v = [...c.selectedOptions].map((o) => o.value);
    else if (kind === 'date') v = c.value ? `${c.value} +0800` : undefined;
    else if (kind === 'select') v = c.value || undefined;
    else v = c.value;
    const empty = v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
    if (c.required && empty) return null;
    if (v !== undefined) values[name] = v;
  }
  return values;
}

/** A bar chart from the VChart spec's data: one row per value, drawn as inline SVG. */
function renderChart(spec) {
  const data = Array.isArray(spec.data) ? spec.data[0] : spec.data;
  const values = (data && data.values) || [];
  const x = spec.xField || 'name';
  const y = spec.yField || 'value';
  const series = spec.seriesField;
  const max = Math.max(1, ...(spec.axes || []).map((a) => a.max || 0), ...values.map((v) => Number(v[y]) || 0));
  const palette = ['#3370ff', '#2ea121', '#de7802', '#f54a45', '#7f3bf5'];
  const seriesNames = [...new Set(values.map((v) => v[series]))];
  const rowH = 26;
  const W = 360;
  const labelW = 150;
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', `0 0 ${W} ${Math.max(1, values.length) * rowH + 4}`);
  svg.setAttribute('role', 'img');
  const add = (tag, attrs, text) => {
    const n = document.createElementNS(ns, tag);
    for (const [k, v] of Object.entries(attrs)) n.setAttribute(k, v);
    if (text !== undefined) n.textContent = text;
    svg.append(n);
  };
  values.forEach((v, i) => {
    const value = Number(v[y]) || 0;
    const top = i * rowH + 4;
    const width = ((W - labelW - 50) * value) / max;
    add('text', { x: labelW - 4, y: top + 15, 'text-anchor': 'end', 'font-size': 11, fill: '#1f2329' }, String(v[x]).slice(0, 10));
    add('rect', { x: labelW, y: top + 3, width: Math.max(1, width), height: rowH - 10, rx: 2, fill: palette[Math.max(0, seriesNames.indexOf(v[series])) % palette.length], class: 'bar' });
    add('text', { x: labelW + width + 4, y: top + 15, 'font-size': 11, fill: '#646a73' }, `${value}`);
  });
  for (const mark of [].concat(spec.markLine || [])) {
    if (typeof mark.y !== 'number') continue;
    const at = labelW + ((W - labelW - 50) * mark.y) / max;
    add('line', { x1: at, x2: at, y1: 0, y2: Math.max(1, values.length) * rowH + 4, stroke: '#f54a45', 'stroke-dasharray': '4 4', class: 'target' });
  }
  const legend = series ? el('div', { class: 'md small' }, seriesNames.map((s, i) => el('span', { html: `<b style="color:${palette[i % palette.length]}">■</b> ${String(s).replace(/</g, '&lt;')}　` }))) : null;
  return el('div', { class: 'chart', 'data-bars': values.length }, [svg, legend]);
}
