/**
 * The little HTML the bot serves itself: escaping, one mobile layout, and the headers every
 * page gets. No template engine: the pages are few and short, and every interpolation goes
 * through `esc` (or is markup built here).
 */
import { randomBytes } from 'node:crypto';
import type { Context } from 'koa';

const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and quoted attribute values. */
function esc(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (c) => ENTITY[c]!);
}

/** Markup that is already safe (built from escaped parts). */
export interface Html {
  readonly html: string;
}

const raw = (html: string): Html => ({ html });

/** A tagged template that escapes every interpolation except `Html` values (and arrays of them). */
export function html(strings: TemplateStringsArray, ...values: (string | number | Html | Html[] | null | undefined | false)[]): Html {
  let out = strings[0]!;
  values.forEach((v, i) => {
    if (Array.isArray(v)) out += v.map((h) => h.html).join('');
    else if (v && typeof v === 'object') out += v.html;
    else if (v !== null && v !== undefined && v !== false) out += esc(v);
    out += strings[i + 1]!;
  });
  return raw(out);
}

const STYLE = `
:root{color-scheme:light;--accent:#1f7a5a;--muted:#646a73;--line:#dee0e3}
*{box-sizing:border-box}
body{margin:0;background:#f2f3f5;color:#1f2329;font:16px/1.6 -apple-system,BlinkMacSystemFont,"PingFang SC","Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei",sans-serif;-webkit-text-size-adjust:100%}
main{max-width:520px;margin:0 auto;padding:16px 16px 32px}
h1{font-size:22px;line-height:1.35;margin:8px 0 4px}
p{margin:8px 0}
.lead{color:var(--muted);font-size:15px}
.card{background:#fff;border-radius:12px;padding:16px;margin:12px 0;box-shadow:0 1px 2px rgba(31,35,41,.08)}
dl{display:grid;grid-template-columns:6.5em 1fr;gap:6px 8px;margin:0}
dt{color:var(--muted)}
dd{margin:0;overflow-wrap:anywhere}
.desc{white-space:pre-wrap}
fieldset{border:0;margin:0;padding:0;min-width:0}
legend{font-weight:600;padding:0}
.hint{color:var(--muted);font-size:13px;margin:0 0 4px}
.stars{display:flex;flex-direction:row-reverse;justify-content:flex-end;gap:2px;position:relative}
.stars input{position:absolute;opacity:0;width:1px;height:1px;margin:0}
.stars label{display:flex;flex-direction:column;align-items:center;min-width:52px;padding:4px 2px;cursor:pointer;border-radius:8px;color:#c9cdd4;-webkit-tap-highlight-color:transparent}
.stars .star{font-size:40px;line-height:1}
.stars .n{font-size:12px;color:var(--muted)}
.stars input:checked~label,.stars label:hover,.stars label:hover~label{color:#f5a623}
.stars input:focus-visible+label{outline:2px solid var(--accent)}
.said{display:none;font-weight:600;color:#b26a00;min-height:1.6em;margin:4px 0 0}
.rating:has(#rating-1:checked) .said-1,.rating:has(#rating-2:checked) .said-2,.rating:has(#rating-3:checked) .said-3,.rating:has(#rating-4:checked) .said-4,.rating:has(#rating-5:checked) .said-5{display:block}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
label.field{display:block;font-weight:600;margin:16px 0 4px}
textarea{display:block;width:100%;min-height:88px;padding:10px;font:inherit;border:1px solid var(--line);border-radius:8px;resize:vertical}
button{display:block;width:100%;margin-top:16px;padding:14px;font:inherit;font-size:18px;font-weight:600;color:#fff;background:var(--accent);border:0;border-radius:10px}
.error{background:#fff1f0;color:#a61d24;border-radius:8px;padding:10px 12px;margin:12px 0}
.note{color:#8f959e;font-size:13px;text-align:center}
.badge{display:flex;align-items:center;justify-content:center;width:64px;height:64px;margin:32px auto 8px;border-radius:50%;color:#fff;font-size:36px;font-weight:700;line-height:1;background:var(--accent)}
.badge.warn{background:#d4830f}
.badge.info{background:#8f959e}
.center{text-align:center}
.desc-label{margin:12px 0 2px}
`;

/** The one layout: a narrow column, readable at 360 px, no script at all. */
function layout(opts: { title: string; nonce: string; body: Html }): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="robots" content="noindex, nofollow">
<title>${esc(opts.title)}</title>
<style nonce="${esc(opts.nonce)}">${STYLE}</style>
</head>
<body>
<main>
${opts.body.html}
</main>
</body>
</html>
`;
}

/**
 * Sends a page with the headers that keep the token in its URL from leaking (no referrer, no
 * cache) and keep the page from being framed or running anything but its own style.
 */
export function sendPage(ctx: Context, status: number, title: string, body: Html): void {
  const nonce = randomBytes(16).toString('base64');
  ctx.status = status;
  ctx.set({
    'Content-Security-Policy': `default-src 'self'; script-src 'none'; style-src 'nonce-${nonce}'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'`,
    'X-Frame-Options': 'DENY',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  });
  ctx.type = 'text/html; charset=utf-8';
  ctx.body = layout({ title, nonce, body });
}
