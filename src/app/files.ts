/**
 * A file sent in a private chat goes to whichever flow is waiting for one: a receiver (a report
 * card or a pairing card opened just before) takes it, else a school admin's spreadsheet is
 * imported as the roster or, failing that, as the community list.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Member } from '../db/schema/index.js';
import { UserError } from '../domain/errors.js';
import { DownloadTooLargeError, isUnsupportedResource, type FeishuApi } from '../feishu/api.js';
import { t } from '../text/zh-CN.js';
import type { AppPorts, Replying } from './context.js';
import { CommunityFileError, formatCommunitySummary, importCommunitiesFile } from './import/communities.js';
import { rosterPreviewCard } from '../cards/roster.js';
import { isActive } from '../domain/members.js';
import { RosterFileError } from './import/roster.js';
import { previewRosterFile, previewView } from './import/rosterPreview.js';
import { withTempDir } from './tempDir.js';

type FileUploadType = NonNullable<Parameters<FeishuApi['uploadFile']>[0]['type']>;

export interface UploadedFile {
  fileKey: string;
  fileName: string;
}

/** Takes the file when its flow is waiting for one; false passes it on. */
export type FileReceiver<C> = (ctx: C, file: UploadedFile) => Promise<boolean>;

/** A private message carrying a file, from anyone (the receivers and the import check who). */
export type FileContext = AppPorts & Replying & { member: Member | null; messageId: string };

const ROSTER_FILE = /\.(csv|xlsx)$/i;
const MAX_ROSTER_BYTES = 10 * 1024 * 1024;

/** Offers the file to each receiver in turn; a file none takes is a school admin's import, or refused. */
export async function routeFile<C extends FileContext>(ctx: C, file: UploadedFile, receivers: readonly FileReceiver<C>[]): Promise<void> {
  for (const receive of receivers) if (await receive(ctx, file)) return;
  if (ctx.member?.role !== 'school_admin' || !isActive(ctx.member)) return ctx.reply(t('hint.fileNotAdmin'));
  await importSpreadsheet(ctx, file);
}

/**
 * The file's bytes, read no further than `maxBytes`: a larger file is refused with `tooLarge`
 * (the flow's own words for its limit), one inside a merged forward with the hint to send it
 * directly, as Feishu hands out neither.
 */
export async function downloadFile(ctx: Pick<AppPorts, 'feishu'> & { messageId: string }, file: UploadedFile, maxBytes: number, tooLarge: UserError): Promise<Buffer> {
  return ctx.feishu.downloadResource(ctx.messageId, file.fileKey, 'file', { maxBytes }).catch((err: unknown) => {
    if (err instanceof DownloadTooLargeError) throw tooLarge;
    if (isUnsupportedResource(err)) throw new UserError('hint.fileForwarded');
    throw err;
  });
}

/**
 * A file from chat uploaded again, so the bot holds a file_key it can send on later (a pairing
 * agreement, a report attachment): Feishu lets an app send only files it uploaded itself.
 */
export async function uploadAgain(ctx: Pick<AppPorts, 'feishu'>, data: Buffer, file: { name: string; ext: string; type: FileUploadType }): Promise<string> {
  return withTempDir('upload', async (dir) => {
    const tmp = path.join(dir, `upload.${file.ext}`);
    await fs.writeFile(tmp, data);
    return (await ctx.feishu.uploadFile({ path: tmp, name: file.name, type: file.type })).fileKey;
  });
}

/**
 * A roster file is read and previewed, not applied (PRODUCT.md §8): the card says what would
 * change and the 团委 chooses a full or partial import. A community list (its header has 名称
 * instead of 学号) only adds and updates, so it is imported at once.
 */
async function importSpreadsheet(ctx: FileContext, file: UploadedFile): Promise<void> {
  if (!ROSTER_FILE.test(file.fileName)) throw new UserError('hint.fileType');
  // Not read past the limit; a file inside a merged forward cannot be downloaded at all.
  const data = await downloadFile(ctx, file, MAX_ROSTER_BYTES, new UserError('import.tooLarge', { mb: MAX_ROSTER_BYTES / 1024 / 1024 }));
  try {
    const preview = await previewRosterFile(ctx.db, data, file.fileName, ctx.member, ctx.clock.now());
    ctx.log.info({ eventId: ctx.eventId, importId: preview.importId, rows: preview.total, missing: preview.plan.missing.length, errors: preview.errors.length }, 'roster previewed');
    await ctx.reply({ card: rosterPreviewCard(previewView(preview)) });
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
}
