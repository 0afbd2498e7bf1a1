/**
 * What the bot does with private messages that are not commands. Plain text gets a hint
 * for now (service reports in plain Chinese come with the service-log flow); a roster file
 * from a school admin is imported.
 */
import type { Hooks } from '../src/bot/bot.js';
import { UserError } from '../src/bot/errors.js';
import { formatRosterSummary, importRosterFile, RosterFileError } from '../src/domain/roster.js';

const ROSTER_FILE = /\.(csv|xlsx)$/i;
const MAX_ROSTER_BYTES = 10 * 1024 * 1024;

export const hooks: Hooks = {
  async plainText(ctx) {
    await ctx.reply(ctx.t('hint.plainText'));
  },

  async file(ctx, file) {
    if (ctx.member?.role !== 'school_admin') return ctx.reply(ctx.t('hint.fileNotAdmin'));
    if (!ROSTER_FILE.test(file.fileName)) throw new UserError('hint.fileType');
    const data = await ctx.feishu.downloadResource(ctx.messageId!, file.fileKey, 'file');
    if (data.length > MAX_ROSTER_BYTES) throw new UserError('import.tooLarge', { mb: MAX_ROSTER_BYTES / 1024 / 1024 });
    try {
      const summary = await importRosterFile(ctx.db, data, file.fileName, ctx.clock.now());
      ctx.log.info({ eventId: ctx.eventId, created: summary.created, updated: summary.updated, errors: summary.errors.length }, 'roster imported');
      await ctx.reply(formatRosterSummary(summary));
    } catch (err) {
      if (err instanceof RosterFileError) throw new UserError('import.failed', { reason: err.message });
      throw err;
    }
  },
};
