/**
 * What the bot does with private messages that are not commands: plain Chinese that reads
 * like a service report becomes a log; a photo attaches to the log just sent; a location
 * attaches to today's check-in; a roster file from a school admin is imported.
 */
import type { Hooks } from '../src/bot/bot.js';
import { logFromText } from '../src/bot/flows/serviceLog.js';
import { UserError } from '../src/bot/errors.js';
import { attachLocation } from '../src/domain/checkins.js';
import { receivePhoto } from '../src/bot/flows/evidence.js';
import { CommunityFileError, formatCommunitySummary, importCommunitiesFile } from '../src/domain/communityImport.js';
import { formatRosterSummary, importRosterFile, RosterFileError } from '../src/domain/roster.js';
import { DownloadTooLargeError, isUnsupportedResource } from '../src/feishu/api.js';
import { receiveAgreementFile } from './pair.js';
import { receiveReportFile } from './report.js';

const ROSTER_FILE = /\.(csv|xlsx)$/i;
const MAX_ROSTER_BYTES = 10 * 1024 * 1024;

export const hooks: Hooks = {
  async plainText(ctx, text) {
    if (ctx.member && ctx.member.collegeId && (await logFromText(ctx, text, { plain: true }))) return;
    await ctx.reply(ctx.t('hint.plainText'));
  },

  async image(ctx, { imageKey }) {
    if (!ctx.member) return;
    await receivePhoto(ctx, imageKey);
  },

  async location(ctx, at) {
    if (!ctx.member) return;
    const attached = attachLocation(ctx.db, ctx.member, { lat: at.lat, lng: at.lng, messageId: ctx.messageId! }, ctx.clock.now(), ctx.timeZone);
    if (!attached) return ctx.reply(ctx.t('checkin.noOpen'));
    const distance = attached.km === undefined ? '' : ctx.t('checkin.locationDistance', { site: attached.checkin.siteName, km: Math.round(attached.km * 10) / 10 });
    await ctx.reply(ctx.t('checkin.location', { distance }));
  },

  async file(ctx, file) {
    // A report attachment right after opening a report card (checked first: a 团总支 with no
    // pairing card open would otherwise be told the file has no pairing); then a pairing
    // agreement sent right after working on a pairing card; otherwise a roster file.
    if (await receiveReportFile(ctx, file)) return;
    if (await receiveAgreementFile(ctx, file)) return;
    if (ctx.member?.role !== 'school_admin') return ctx.reply(ctx.t('hint.fileNotAdmin'));
    if (!ROSTER_FILE.test(file.fileName)) throw new UserError('hint.fileType');
    // Not read past the limit; a file inside a merged forward cannot be downloaded at all.
    const data = await ctx.feishu.downloadResource(ctx.messageId!, file.fileKey, 'file', { maxBytes: MAX_ROSTER_BYTES }).catch((err: unknown) => {
      if (err instanceof DownloadTooLargeError) throw new UserError('import.tooLarge', { mb: MAX_ROSTER_BYTES / 1024 / 1024 });
      if (isUnsupportedResource(err)) throw new UserError('hint.fileForwarded');
      throw err;
    });
    try {
      const summary = await importRosterFile(ctx.db, data, file.fileName, ctx.clock.now());
      ctx.log.info({ eventId: ctx.eventId, created: summary.created, updated: summary.updated, errors: summary.errors.length }, 'roster imported');
      await ctx.reply(formatRosterSummary(summary));
    } catch (err) {
      if (!(err instanceof RosterFileError)) throw err;
      // Not a roster: it may be a community list (its header has 名称 instead of 学号).
      const communities = await importCommunitiesFile(ctx.db, data, file.fileName, ctx.clock.now()).catch((e: unknown) => {
        if (e instanceof CommunityFileError) return null;
        throw e;
      });
      if (!communities) throw new UserError('import.failed', { reason: err.message });
      ctx.log.info({ eventId: ctx.eventId, created: communities.created, errors: communities.errors.length }, 'communities imported');
      await ctx.reply(formatCommunitySummary(communities));
    }
  },
};
