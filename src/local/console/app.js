// The local-mode console (src/local/console.ts serves it): pick an account and a chat, talk to
// the bot, and see its replies; cards are drawn from their Card JSON 2.0 and their buttons and
// forms call back into the bot. No framework and no build step: plain DOM, polling /api/chat.
'use strict';

const $ = (id) => document.getElementById(id);
const view = { state: null, openId: null, chatId: null, shown: new Map(), busy: false };

async function api(path, body) {
  const res = await fetch(path, body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const data = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(data.error || `HTTP ${res.status}`);
  return data;
}

function el(tag, attrs = {}, children = []) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') node.className = v;
    else if (k === 'text') node.textContent = v;
    else if (k === 'html') node.innerHTML = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? '' : v);
  }
  for (const c of [].concat(children)) if (c) node.append(c);
  return node;
}

function toast(text, type) {
  const box = $('toast');
  box.textContent = text;
  box.className = `toast ${type || ''}`;
  box.hidden = false;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => (box.hidden = true), 2500);
}

// ---- accounts, chats, clock ----

async function loadState() {
  view.state = await api('/api/state');
  const who = $('who');
  const previous = view.openId;
  who.textContent = '';
  const roles = ['学生', '团支书', '学院团总支', '校团委'];
  for (const role of roles) {
    const group = el('optgroup', { label: role });
    for (const u of view.state.users.filter((x) => x.role === role)) {
      const unit = u.branch || u.college || '全校';
      group.append(el('option', { value: u.openId, text: `${u.name} · ${role} · ${unit}${u.bound ? '' : '（未绑定）'}` }));
    }
    who.append(group);
  }
  view.openId = previous && view.state.users.some((u) => u.openId === previous) ? previous : view.state.users.find((u) => u.role === '学生')?.openId;
  who.value = view.openId;
  fillChats();
  showClock(view.state.now);
}

function me() {
  return view.state.users.find((u) => u.openId === view.openId);
}

function fillChats() {
  const chat = $('chat');
  const previous = view.chatId;
  chat.textContent = '';
  const p2p = `oc_p2p_${view.openId}`;
  chat.append(el('option', { value: p2p, text: `与${view.state.botName}私聊` }));
  const mine = me()?.collegeChatId;
  const groups = [...view.state.groups].sort((a, b) => (b.chatId === mine) - (a.chatId === mine));
  for (const g of groups) chat.append(el('option', { value: g.chatId, text: `${g.name}（@${view.state.botName}）` }));
  view.chatId = previous && (previous === p2p || groups.some((g) => g.chatId === previous)) ? previous : p2p;
  chat.value = view.chatId;
  resetLog();
}

function showClock(now) {
  const text = new Intl.DateTimeFormat('zh-CN', { timeZone: view.state.timeZone, year: 'numeric', month: 'long', day: 'numeric', weekday: 'short', hour: '2-digit', minute: '2-digit' }).format(new Date(now));
  $('clock').textContent = `当前时间：${text}`;
}

function resetLog() {
  view.shown.clear();
  $('log').textContent = '';
  void poll();
}

// ---- the chat ----

async function poll() {
  if (!view.chatId) return;
  const chatId = view.chatId;
  const data = await api(`/api/chat?chat=${encodeURIComponent(chatId)}`).catch(() => null);
  if (!data || chatId !== view.chatId) return;
  showClock(data.now);
  const log = $('log');
  const atBottom = log.scrollHeight - log.scrollTop - log.clientHeight < 60;
  let added = false;
  for (const entry of data.entries) {
    const known = view.shown.get(entry.id);
    if (known && known.rev === entry.rev) continue;
    const node = renderEntry(entry);
    if (known) known.node.replaceWith(node);
    else {
      log.append(node);
      added = true;
    }
    view.shown.set(entry.id, { rev: entry.rev, node });
  }
  if (added && (atBottom || view.justSent)) log.scrollTop = log.scrollHeight;
  view.justSent = false;
}

function renderEntry(entry) {
  const mine = entry.from === view.openId;
  if (entry.msgType === 'devnote') return el('div', { class: 'msg devnote', 'data-id': entry.id, 'data-type': 'devnote' }, [el('div', { class: 'who', text: entry.name }), el('div', { class: 'bubble', text: entry.content.text })]);
  const body = entry.msgType === 'interactive' ? renderCard(entry.content, entry.id) : el('div', { class: 'bubble' }, renderPlain(entry));
  return el('div', { class: `msg ${mine ? 'mine' : ''}`, 'data-id': entry.id, 'data-type': entry.msgType }, [el('div', { class: 'who', text: entry.name }), body]);
}

function renderPlain(entry) {
  const c = entry.content || {};
  if (entry.msgType === 'text') return document.createTextNode(c.text ?? '');
  if (entry.msgType === 'image') return el('img', { src: c.src || `/api/image/${encodeURIComponent(c.image_key)}`, alt: '图片' });
  if (entry.msgType === 'location') return document.createTextNode(`📍 ${c.name}（${c.latitude}, ${c.longitude}）`);
  if (entry.msgType === 'file') return document.createTextNode(`📎 文件：${c.file_name || c.file_key}`);
  if (entry.msgType === 'post') {
    const post = c.zh_cn || c;
    const lines = (post.content || []).map((line) => line.map((seg) => seg.text || seg.href || '').join(''));
    return document.createTextNode([post.title, ...lines].filter(Boolean).join('\n'));
  }
  return document.createTextNode(JSON.stringify(c));
}

// ---- cards (Card JSON 2.0) ----

function plain(t) {
  return t && typeof t === 'object' ? t.content ?? '' : t ?? '';
}

/** Card markdown, safely: Feishu tags dropped, entities kept, only bold, links and headings drawn. */
function markdownHtml(src) {
  let s = String(src).replace(/<\/?(font|text_tag|at|u|i)\b[^>]*>/g, '');
  s = s.replace(/&(?!#?\w+;)/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  s = s.replace(/\*\*(.+?)\*\*/g, '<b>$1</b>').replace(/~~(.+?)~~/g, '<s>$1</s>');
  s = s.replace(/\[([^\]]+)\]\((https?:[^)\s]+)\)/g, '<a href="$2" target="_blank" rel="noopener">$1</a>');
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
  if (behaviour.type === 'open_url') return el('a', { href: behaviour.default_url, target: '_blank', rel: 'noopener', text: label });
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

// ---- actions ----

async function click(messageId, action) {
  try {
    const res = await api('/api/action', { openId: view.openId, messageId, ...action });
    if (res.toast) toast(res.toast.content, res.toast.type);
  } catch (err) {
    toast(`没有成功：${err.message}`, 'error');
  }
  await settle();
}

/** Polls a few times quickly: the bot's reply comes a moment after the event is accepted. */
async function settle() {
  for (let i = 0; i < 4; i++) {
    await poll();
    await new Promise((r) => setTimeout(r, 150));
  }
}

async function send(payload) {
  try {
    view.justSent = true;
    await api('/api/send', { openId: view.openId, chatId: view.chatId, ...payload });
  } catch (err) {
    toast(`发送失败：${err.message}`, 'error');
  }
  await settle();
  await loadStateQuietly();
}

/** Refreshes accounts (a /绑定 changes who is bound) without disturbing the chat. */
async function loadStateQuietly() {
  const state = await api('/api/state').catch(() => null);
  if (!state) return;
  view.state = state;
  for (const o of $('who').options) {
    const u = state.users.find((x) => x.openId === o.value);
    if (u) o.textContent = `${u.name} · ${u.role} · ${u.branch || u.college || '全校'}${u.bound ? '' : '（未绑定）'}`;
  }
}

$('send').addEventListener('submit', (ev) => {
  ev.preventDefault();
  const text = $('text').value.trim();
  if (!text) return;
  $('text').value = '';
  void send({ kind: 'text', text });
});
$('image').addEventListener('change', () => {
  const file = $('image').files[0];
  if (!file) return;
  const reader = new FileReader();
  reader.onload = () => {
    $('image').value = '';
    void send({ kind: 'image', dataUrl: reader.result });
  };
  reader.readAsDataURL(file);
});
$('location').addEventListener('click', () => void send({ kind: 'location', name: '锦州市古塔区北街街道洛阳社区', latitude: '41.1158', longitude: '121.1289' }));
$('who').addEventListener('change', () => {
  view.openId = $('who').value;
  view.chatId = null;
  fillChats();
});
$('chat').addEventListener('change', () => {
  view.chatId = $('chat').value;
  resetLog();
});
async function moveClock(days) {
  const res = await api('/api/clock', { days }).catch((err) => toast(err.message, 'error'));
  if (res) toast(`时间已前进 ${days} 天${res.ran.length ? `，运行了定时任务：${res.ran.join('、')}` : ''}`);
  await settle();
}
$('plusDay').addEventListener('click', () => void moveClock(1));
$('plusWeek').addEventListener('click', () => void moveClock(7));
$('digest').addEventListener('click', async () => {
  await api('/api/digest', {}).then(() => toast('已由校团委发布本周周报，请到学院工作群查看'), (err) => toast(err.message, 'error'));
  await settle();
});

loadState().then(() => setInterval(() => void poll(), 1000));
