/** The pages of the community confirmation (PRODUCT.md §4), as pure functions of what they show. */
import type { ConfirmationSummary } from '../domain/confirmations.js';
import { MAX_COMMENT } from '../domain/confirmations.js';
import { confirmationView } from '../cards/logView.js';
import { t } from '../text/zh-CN.js';
import { html, type Html } from './html.js';

const RATINGS = [5, 4, 3, 2, 1] as const;

function summaryBlock(summary: ConfirmationSummary): Html {
  const s = confirmationView(summary);
  const rows: [string, string][] = [
    [t('confirm.fieldStudent'), s.studentName],
    [t('confirm.fieldUnit'), s.unit],
    [t('confirm.fieldDate'), s.date],
    [t('confirm.fieldItem'), s.item],
    [t('confirm.fieldHours'), t('confirm.hoursValue', { hours: s.hours, mode: s.mode })],
    [t('confirm.fieldCommunity'), s.community],
  ];
  return html`<section class="card" aria-label="服务记录">
<dl>${rows.map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}</dl>
<p class="hint desc-label">${t('confirm.fieldDescription')}</p>
<div class="desc">${s.description}</div>
</section>`;
}

function ratingControl(): Html {
  // Radios in reverse order under `row-reverse`: the checked star and every one after it in
  // the markup (shown to its left) light up with CSS alone, so the form needs no script.
  const stars = RATINGS.map(
    (r) => html`<input type="radio" id="rating-${r}" name="rating" value="${r}" required><label for="rating-${r}" title="${t('confirm.ratingOption', { rating: r, label: t(`confirm.rating.${r}`) })}"><span class="star" aria-hidden="true">★</span><span class="n" aria-hidden="true">${r}</span><span class="sr">${t('confirm.ratingOption', { rating: r, label: t(`confirm.rating.${r}`) })}</span></label>`,
  );
  const said = RATINGS.map((r) => html`<p class="said said-${r}" aria-hidden="true">${t('confirm.ratingOption', { rating: r, label: t(`confirm.rating.${r}`) })}</p>`);
  return html`<fieldset class="rating">
<legend>${t('confirm.ratingLegend')}</legend>
<p class="hint">${t('confirm.ratingHint')}</p>
<div class="stars">${stars}</div>
${said}
</fieldset>`;
}

export function confirmFormPage(vm: { summary: ConfirmationSummary; expires: string; error?: string; comment?: string }): Html {
  return html`<h1>${t('confirm.heading')}</h1>
<p class="lead">${t('confirm.intro')}</p>
${summaryBlock(vm.summary)}
${vm.error ? html`<p class="error" role="alert">${vm.error}</p>` : null}
<form class="card" method="post" accept-charset="utf-8">
${ratingControl()}
<label class="field" for="comment">${t('confirm.commentLabel')}</label>
<textarea id="comment" name="comment" maxlength="${MAX_COMMENT}" placeholder="${t('confirm.commentPlaceholder')}">${vm.comment ?? ''}</textarea>
<button type="submit">${t('confirm.submit')}</button>
</form>
<p class="note">${t('confirm.footer', { expires: vm.expires })}</p>`;
}

type Tone = 'ok' | 'warn' | 'info';

/** A round mark drawn in CSS: emoji need a font the phone (or a headless test box) may lack. */
function badge(tone: Tone): Html {
  return html`<div class="badge ${tone}" aria-hidden="true">${tone === 'ok' ? '✓' : '!'}</div>`;
}

export function thanksPage(vm: { studentName: string; rating: number }): Html {
  return messagePage(t('confirm.thanksTitle'), t('confirm.thanksBody', { name: vm.studentName, rating: vm.rating }), 'ok');
}

export function messagePage(title: string, body: string, tone: Tone = 'info'): Html {
  return html`${badge(tone)}
<h1 class="center">${title}</h1>
<p>${body}</p>`;
}
