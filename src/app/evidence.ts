/**
 * A photo sent after a log (PRODUCT.md §4, §8): downloaded from the student's message, hashed by
 * what it shows, uploaded again by the bot so review cards may show it (a card can only show
 * images the app uploaded), attached to the log, and the log's review cards updated in place.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../domain/errors.js';
import { attachEvidence, EVIDENCE_WINDOW_MS } from '../domain/evidence.js';
import { photoHash } from '../domain/photos.js';
import { latestLogSince } from '../domain/serviceLogs.js';
import { IMAGE_MAX_BYTES, isUnsupportedResource } from '../feishu/api.js';
import { t } from '../text/zh-CN.js';
import type { Acting, AppPorts, Replying, ReviewCardSettings } from './context.js';
import { updateReviewCards } from './reviewCards.js';
import { withTempDir } from './tempDir.js';

/** Larger "photos" are hashed by their bytes only: decoding them is not worth the time. */
const DECODE_MAX_BYTES = 30 * 1024 * 1024;

/** A photo message in a private chat, from a bound member. */
export type PhotoContext = AppPorts & ReviewCardSettings & Acting & Replying & { messageId: string };

export async function receivePhoto(ctx: PhotoContext, imageKey: string): Promise<void> {
  const member = ctx.member;
  // A photo with no log to attach to is not downloaded, hashed or copied at all.
  if (!latestLogSince(ctx.db, member.id, ctx.clock.now() - EVIDENCE_WINDOW_MS)) return ctx.reply(t('evidence.noLog'));
  const photo = await readPhoto(ctx, imageKey);
  const attached = attachEvidence(ctx.db, member, { imageKey, messageId: ctx.messageId, ...photo }, ctx.clock.now());
  if (!attached) return ctx.reply(t('evidence.noLog'));
  if (photo.cardImageKey) {
    // The reviewers' cards went out when the log was saved; they show the photo from now on.
    const log = attached.log;
    // Re-read for each card: a decision made meanwhile must not bring the buttons back.
    await updateReviewCards(ctx, [log], { reread: true });
  }
  await ctx.reply(t('evidence.attached', { date: attached.log.serviceDate, count: attached.count }));
}

/**
 * The photo's hash and the bot's upload of it. Best effort: a photo that cannot be downloaded
 * still attaches (counted, not shown), one that cannot be decoded is hashed by its bytes.
 */
async function readPhoto(ctx: PhotoContext, imageKey: string): Promise<{ imageHash?: string; cardImageKey?: string }> {
  let bytes: Buffer;
  try {
    // Past DECODE_MAX_BYTES it is not read on (attached without it, like any failed download).
    bytes = await ctx.feishu.downloadResource(ctx.messageId, imageKey, 'image', { maxBytes: DECODE_MAX_BYTES });
  } catch (err) {
    // A photo inside a merged forward is never handed out: it has to be sent on its own.
    if (isUnsupportedResource(err)) throw new UserError('evidence.forwarded');
    ctx.log.warn({ eventId: ctx.eventId, err: (err as Error).message }, 'could not download an evidence photo; attached without it');
    return {};
  }
  const hash = bytes.length <= DECODE_MAX_BYTES ? await photoHash(bytes) : undefined;
  if (!hash || bytes.length > IMAGE_MAX_BYTES) return { imageHash: hash ?? createHash('sha256').update(bytes).digest('hex') };
  try {
    // A file, not a Buffer: the upload needs a named part (FEISHU.md §2).
    const { imageKey: cardImageKey } = await withTempDir('photo', async (dir) => {
      const file = path.join(dir, 'photo');
      await fs.writeFile(file, bytes);
      return ctx.feishu.uploadImage({ path: file });
    });
    return { imageHash: hash, cardImageKey };
  } catch (err) {
    ctx.log.warn({ eventId: ctx.eventId, err: (err as Error).message }, 'could not upload an evidence photo for the review card');
    return { imageHash: hash };
  }
}
