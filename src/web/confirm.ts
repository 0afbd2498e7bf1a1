/**
 * The community confirmation page (PRODUCT.md §4), served by the bot in both event modes:
 * `GET /confirm/:token` shows the log and a rating form; `POST /confirm/:token` (a plain form,
 * no script) records the answer and tells the reviewer(s). GET never changes anything, so a
 * chat app's link preview cannot spend the token.
 */
import type { Context, Middleware } from 'koa';
import type { Logger } from 'pino';
import type { Clock } from '../clock.js';
import type { Db } from '../db/client.js';
import { communityConfirmedCard } from '../cards/confirm.js';
import { confirmationView } from '../cards/logView.js';
import { confirm, confirmationRecipients, readConfirmation, tokenHash, MAX_TOKEN_LENGTH, type ConfirmationState } from '../domain/confirmations.js';
import { formatDateTime } from '../time.js';
import { t } from '../text/zh-CN.js';
import { confirmFormPage, messagePage, thanksPage } from './confirmPages.js';
import { sendPage } from './html.js';
import { BodyTooLarge, readBody } from '../http/body.js';
import { deriveUuid, enqueue } from '../jobs/outboxRows.js';
import type { FeishuApi } from '../feishu/api.js';
import { updateReviewCards } from '../app/reviewCards.js';

interface ConfirmRoutesOptions {
  db: Db;
  /** For updating the review cards in place (messages go through the outbox). */
  feishu: FeishuApi;
  clock: Clock;
  log: Logger;
  timeZone: string;
  /** FEISHU_APP_SECRET: links are signed with a key derived from it. */
  secret: string;
}

/** A rating and a 200-character comment, URL-encoded, fit easily; anything bigger is not a person. */
const MAX_BODY_BYTES = 8 * 1024;
const ROUTE = /^\/confirm\/([^/]*)\/?$/;
const TOKEN = new RegExp(`^[A-Za-z0-9_.-]{1,${MAX_TOKEN_LENGTH}}$`);

type Refusal = Exclude<ConfirmationState['status'], 'valid'>;

/** Spent and expired links are gone for good (410); a link we never made is not found (404). */
function refuse(ctx: Context, status: Refusal): void {
  switch (status) {
    case 'used':
      return sendPage(ctx, 410, t('confirm.usedTitle'), messagePage(t('confirm.usedTitle'), t('confirm.usedBody'), 'ok'));
    case 'expired':
      return sendPage(ctx, 410, t('confirm.expiredTitle'), messagePage(t('confirm.expiredTitle'), t('confirm.expiredBody'), 'warn'));
    case 'closed':
      return sendPage(ctx, 410, t('confirm.closedTitle'), messagePage(t('confirm.closedTitle'), t('confirm.closedBody'), 'info'));
    case 'forged':
    case 'unknown':
      return sendPage(ctx, 404, t('confirm.invalidTitle'), messagePage(t('confirm.invalidTitle'), t('confirm.invalidBody'), 'warn'));
  }
}

/** Koa middleware for `/confirm/:token`; everything else passes through. */
export function confirmRoutes(opts: ConfirmRoutesOptions): Middleware {
  const { db, clock, secret } = opts;

  async function show(ctx: Context, token: string): Promise<void> {
    const state = readConfirmation(db, token, secret, clock.now());
    if (state.status !== 'valid') return refuse(ctx, state.status);
    sendPage(ctx, 200, t('confirm.pageTitle'), confirmFormPage({ summary: state.summary, expires: formatDateTime(state.expiresAt, opts.timeZone) }));
  }

  async function answer(ctx: Context, token: string): Promise<void> {
    if (!ctx.is('application/x-www-form-urlencoded')) {
      ctx.status = 415;
      ctx.body = 'expected a form (application/x-www-form-urlencoded)';
      return;
    }
    let fields: URLSearchParams;
    try {
      fields = new URLSearchParams((await readBody(ctx, MAX_BODY_BYTES)).toString('utf8'));
    } catch (err) {
      if (!(err instanceof BodyTooLarge)) throw err;
      return sendPage(ctx, 413, t('confirm.badInputTitle'), messagePage(t('confirm.badInputTitle'), t('confirm.tooLarge'), 'warn'));
    }
    const input = { rating: fields.get('rating') ?? undefined, comment: fields.get('comment') ?? undefined };
    const result = confirm(db, token, secret, input, clock.now());
    if (result.status === 'invalid') {
      // Shown again with the problem and what was typed, so the contact fixes and resends.
      const state = readConfirmation(db, token, secret, clock.now());
      if (state.status !== 'valid') return refuse(ctx, state.status);
      const error = `${t(result.problem === 'comment' ? 'confirm.badComment' : 'confirm.badRating')}`;
      return sendPage(ctx, 400, t('confirm.badInputTitle'), confirmFormPage({ summary: state.summary, expires: formatDateTime(state.expiresAt, opts.timeZone), error, comment: input.comment }));
    }
    if (result.status !== 'confirmed') return refuse(ctx, result.status);
    opts.log.info({ logId: result.log.id, confirmationId: result.confirmationId, rating: result.rating }, 'community confirmed a service log');
    tellReviewers(opts, token, result);
    // The cards still waiting for a decision now read 社区确认 and no longer offer a link (a log
    // is confirmed once).
    if (result.log.status === 'pending') await updateReviewCards(opts, [result.log]);
    sendPage(ctx, 200, t('confirm.thanksTitle'), thanksPage({ studentName: confirmationView(result.summary).studentName, rating: result.rating }));
  }

  return async (ctx, next) => {
    const match = ROUTE.exec(ctx.path);
    if (!match) return next();
    const token = decodeSafe(match[1]!);
    const method = ctx.method === 'HEAD' ? 'GET' : ctx.method;
    if (method !== 'GET' && method !== 'POST') {
      ctx.status = 405;
      ctx.set('Allow', 'GET, HEAD, POST');
      return;
    }
    if (token === null || !TOKEN.test(token)) return refuse(ctx, 'forged');
    return method === 'GET' ? show(ctx, token) : answer(ctx, token);
  };
}

function decodeSafe(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/**
 * Tells the reviewers through the outbox, right after the confirmation is committed. The send
 * uuid derives from the token, so the same confirmation sends once.
 */
function tellReviewers(opts: ConfirmRoutesOptions, token: string, result: Extract<ReturnType<typeof confirm>, { status: 'confirmed' }>): void {
  const card = communityConfirmedCard({ summary: result.summary, rating: result.rating, comment: result.comment });
  const hash = tokenHash(token);
  for (const reviewer of confirmationRecipients(opts.db, result.confirmationId, result.log)) {
    if (!reviewer.openId) continue;
    const uuid = deriveUuid(`community-confirm:${hash}:${reviewer.openId}`);
    enqueue(opts.db, { to: { openId: reviewer.openId }, message: { card }, uuid }, opts.clock.now());
  }
}
