/**
 * What the bot does with private messages that are not commands: plain Chinese that reads
 * like a service report becomes a log; a photo attaches to the log just sent; a location
 * attaches to today's check-in; a file goes to the flow waiting for it, or is a school admin's
 * roster. The work is in src/app; this file only says which use case takes which message.
 */
import { receivePhoto } from '../src/app/evidence.js';
import { routeFile } from '../src/app/files.js';
import { logFromText } from '../src/app/submitLog.js';
import type { Hooks } from '../src/bot/bot.js';
import { attachLocation } from '../src/domain/checkins.js';
import { isActive } from '../src/domain/members.js';
import { receiveAgreementFile } from './pair.js';
import { receiveReportFile } from './report.js';

export const hooks: Hooks = {
  async plainText(ctx, text) {
    const member = ctx.member;
    // A member the roster no longer lists records nothing (PRODUCT.md §8) and is told why.
    if (member && !isActive(member)) return ctx.reply(ctx.t('error.inactive'));
    if (member?.collegeId && (await logFromText({ ...ctx, member }, text, { plain: true }))) return;
    await ctx.reply(ctx.t('hint.plainText'));
  },

  async image(ctx, { imageKey }) {
    const member = ctx.member;
    if (!member || !isActive(member)) return;
    await receivePhoto({ ...ctx, member }, imageKey);
  },

  async location(ctx, at) {
    if (!ctx.member || !isActive(ctx.member)) return;
    const attached = attachLocation(ctx.db, ctx.member, { lat: at.lat, lng: at.lng, messageId: ctx.messageId }, ctx.when);
    if (!attached) return ctx.reply(ctx.t('checkin.noOpen'));
    const distance = attached.km === undefined ? '' : ctx.t('checkin.locationDistance', { site: attached.checkin.siteName, km: Math.round(attached.km * 10) / 10 });
    await ctx.reply(ctx.t('checkin.location', { distance }));
  },

  // A report attachment right after opening a report card (checked first: a 团总支 with no
  // pairing card open would otherwise be told the file has no pairing); then a pairing
  // agreement sent right after working on a pairing card; otherwise a roster file.
  file: (ctx, file) => routeFile(ctx, file, [receiveReportFile, receiveAgreementFile]),
};
