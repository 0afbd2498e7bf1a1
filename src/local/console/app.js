// The local-mode console (src/local/console.ts serves it): pick an account and a chat, talk to
// the bot, and see its replies; cards are drawn from their Card JSON 2.0 by cards.js and their
// buttons and forms call back into the bot. No framework and no build step: plain DOM, polling
// /api/chat.
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
