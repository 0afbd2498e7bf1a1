/**
 * Evidence photos and fraud signals (PRODUCT.md §4), through signed events: a photo sent
 * within 10 minutes after a log attaches to it; the same photo on another log, more than
 * 10 hours in a day and a burst of logs are shown to the reviewer, never silently blocking.
 */
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { t } from '../src/text/zh-CN.js';
import { deliverMessage } from './helpers/bot.js';
import {
  ACCOUNTS, cardText, evidenceOf, lastLog, logBy, MINUTE, reviewCardTo, said, sendImage, startLoop, stored, submitLog, TODAY, type Loop,
} from './helpers/loop.js';
import type { Harness } from './helpers/harness.js';
import { photoJpeg } from './helpers/photos.js';
import { photoHash } from '../src/domain/photos.js';

const { student, student2, secretary } = ACCOUNTS;
let seed = 0;
/** A new photo, a different scene each time. */
const photo = () => photoJpeg(++seed);
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** The /审核 card cut into one text per listed log (sections end at a divider). */
async function reviewSections(h: Harness): Promise<string[]> {
  const list = await h.say(secretary, '/审核');
  const sections: string[][] = [[]];
  for (const el of list.content.body.elements as { tag: string }[]) {
    if (el.tag === 'hr') sections.push([]);
    else sections.at(-1)!.push(cardText(el));
  }
  return sections.map((s) => s.join('\n')).filter(Boolean);
}
const sectionOf = (sections: string[], description: string) => {
  const found = sections.filter((s) => s.includes(description));
  if (found.length !== 1) throw new Error(`expected one section with ${description}: ${JSON.stringify(sections)}`);
  return found[0]!;
};

describe('photos attach to the log just sent', () => {
  let loop: Loop;
  beforeEach(async () => {
    loop = await startLoop();
  });
  afterEach(() => loop.h.close());

  it('a photo within 10 minutes attaches to the log, with its content hash; the reviewer sees the count', async () => {
    const { h, m } = loop;
    await h.say(student, '/记录 实事 2小时 在幸福社区给小朋友辅导作业');
    const log = lastLog(h, m.student);
    h.clock.advance(9 * MINUTE);
    const bytes = await photo();
    const first = await sendImage(h, student, bytes);
    expect(said(first.reply!)).toBe(t('evidence.attached', { date: TODAY, count: 1 }));
    const second = await sendImage(h, student, await photo());
    expect(said(second.reply!)).toBe(t('evidence.attached', { date: TODAY, count: 2 }));

    const rows = evidenceOf(h, log.id);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ logId: log.id, messageId: first.messageId, imageHash: await photoHash(bytes), reusedFromLogId: null, createdAt: h.clock.now() });
    expect(rows[0]!.imageKey).toMatch(/^img_v3_/);
    const section = sectionOf(await reviewSections(h), '在幸福社区给小朋友辅导作业');
    expect(section).toContain('照片 2 张');
    expect(section).not.toContain(t('review.signal.photoReused'));
  });

  it('exactly 10 minutes after still attaches; after 10 minutes the photo is not attached', async () => {
    const { h, m } = loop;
    const log = await logBy(loop, 'student');
    h.clock.advance(10 * MINUTE);
    expect(said((await sendImage(h, student, await photo())).reply!)).toBe(t('evidence.attached', { date: log.serviceDate, count: 1 }));
    h.clock.advance(1000);
    const before = stored(h);
    const late = await sendImage(h, student, await photo());
    expect(said(late.reply!)).toBe(t('evidence.noLog'));
    expect(stored(h)).toEqual({ ...before, sent: before.sent + 1 });
    expect(evidenceOf(h, lastLog(h, m.student).id)).toHaveLength(1);
  });

  it('with no log at all, or only someone else\'s, the photo is not attached', async () => {
    const { h } = loop;
    await logBy(loop, 'student2');
    const before = stored(h);
    expect(said((await sendImage(h, student, await photo())).reply!)).toBe(t('evidence.noLog'));
    expect(stored(h).evidence).toBe(before.evidence);
  });

  it('attaches to the latest of several logs, and never to a withdrawn one', async () => {
    const { h } = loop;
    const older = await logBy(loop, 'student');
    h.clock.advance(MINUTE);
    const newer = await logBy(loop, 'student');
    await sendImage(h, student, await photo());
    expect(evidenceOf(h, newer.id)).toHaveLength(1);
    expect(evidenceOf(h, older.id)).toHaveLength(0);

    await h.click(student, { a: 'log.withdraw', v: 1, p: { l: newer.id } });
    await sendImage(h, student, await photo());
    expect(evidenceOf(h, newer.id)).toHaveLength(1);
    expect(evidenceOf(h, older.id)).toHaveLength(1);
  });

  it('a photo that cannot be downloaded still attaches, without a hash', async () => {
    const { h } = loop;
    const log = await logBy(loop, 'student');
    h.fake.failNext({ method: 'GET', path: /\/resources\// }, { status: 400, body: { code: 234003, msg: 'File not in msg.' } }, 10);
    const d = await sendImage(h, student, await photo());
    expect(said(d.reply!)).toBe(t('evidence.attached', { date: log.serviceDate, count: 1 }));
    expect(evidenceOf(h, log.id)).toEqual([expect.objectContaining({ imageHash: null, reusedFromLogId: null })]);
  });

  it('a photo from an account not on the roster is ignored', async () => {
    const { h } = loop;
    const before = stored(h);
    const messageId = `om_loop_${Date.now()}`;
    h.fake.addResource(messageId, 'img_v3_stranger', await photo());
    const d = await deliverMessage(h, { openId: 'ou_loop_stranger', messageId, messageType: 'image', content: { image_key: 'img_v3_stranger' } });
    expect(d.sent).toEqual([]);
    expect(stored(h)).toEqual(before);
  });
});

describe('fraud signals shown to the reviewer', () => {
  let loop: Loop;
  beforeEach(async () => {
    loop = await startLoop();
  });
  afterEach(() => loop.h.close());

  it('the same photo sent again for a second log is flagged on that log, not on the first', async () => {
    const { h, m } = loop;
    const bytes = await photo();
    await submitLog(h, student, { date: '2026-11-20 +0800', description: '第一次辅导作业' });
    const first = lastLog(h, m.student);
    await sendImage(h, student, bytes);
    h.clock.advance(30 * MINUTE);
    await submitLog(h, student, { date: '2026-11-21 +0800', description: '第二次辅导作业' });
    const second = lastLog(h, m.student);
    const resent = await sendImage(h, student, bytes); // a new message and image_key, the same bytes
    expect(said(resent.reply!)).toBe(t('evidence.attached', { date: '2026-11-21', count: 1 }));
    expect(evidenceOf(h, second.id)).toEqual([expect.objectContaining({ imageHash: await photoHash(bytes), reusedFromLogId: first.id })]);

    const sections = await reviewSections(h);
    expect(sectionOf(sections, '第二次辅导作业')).toContain(t('review.signal.photoReused'));
    expect(sectionOf(sections, '第一次辅导作业')).not.toContain(t('review.signal.photoReused'));
    // Flagged, not blocked.
    expect(second.status).toBe('pending');
  });

  it('another student\'s photo reused is flagged too, and shows on the review card of a later log', async () => {
    const { h, m } = loop;
    const bytes = await photo();
    await logBy(loop, 'student');
    await sendImage(h, student, bytes);
    await logBy(loop, 'student2', { description: '借用别人的照片' });
    await sendImage(h, student2, bytes);
    expect(evidenceOf(h, lastLog(h, m.student2).id)[0]!.reusedFromLogId).toBe(lastLog(h, m.student).id);
    expect(sectionOf(await reviewSections(h), '借用别人的照片')).toContain(t('review.signal.photoReused'));
  });

  it('more than 10 hours the same day is flagged on the card of the log that crosses it; 10 is not', async () => {
    const { h, m } = loop;
    await submitLog(h, student, { hours: '6', description: '上午和下午的辅导' });
    await submitLog(h, student, { hours: '4', description: '晚上的辅导' });
    const ten = lastLog(h, m.student);
    expect(cardText(reviewCardTo(h, ten.id, secretary).content)).not.toContain('需要留意');
    h.clock.advance(20 * MINUTE);
    await submitLog(h, student, { hours: '1', description: '深夜的走访' });
    const eleven = lastLog(h, m.student);
    const card = cardText(reviewCardTo(h, eleven.id, secretary).content);
    expect(card).toContain(t('review.signals', { signals: t('review.signal.dayTotal', { hours: 11 }) }));
    expect(eleven.status).toBe('pending');
  });

  it('3 logs within 10 minutes are flagged as a burst on the third; spread out they are not', async () => {
    const { h, m } = loop;
    for (const [i, date] of ['2026-11-20', '2026-11-21', '2026-11-22'].entries()) {
      if (i) h.clock.advance(4 * MINUTE + 59_000);
      await submitLog(h, student, { date: `${date} +0800`, hours: '1', description: `补录第 ${i + 1} 条` });
    }
    const logs = [0, 1, 2].map((i) => lastLog(h, m.student).id - 2 + i);
    expect(cardText(reviewCardTo(h, logs[0]!, secretary).content)).not.toContain('连续提交');
    expect(cardText(reviewCardTo(h, logs[1]!, secretary).content)).not.toContain('连续提交');
    expect(cardText(reviewCardTo(h, logs[2]!, secretary).content)).toContain(t('review.signal.burst', { count: 3 }));

    for (const [i, date] of ['2026-11-10', '2026-11-11', '2026-11-12'].entries()) {
      h.clock.advance(6 * MINUTE);
      await submitLog(h, student2, { date: `${date} +0800`, hours: '1', description: `分开补录第 ${i + 1} 条` });
    }
    expect(cardText(reviewCardTo(h, lastLog(h, m.student2).id, secretary).content)).not.toContain('连续提交');
  });
});

/** The img elements of a card (what the reviewer sees). */
function imagesOf(cardJson: unknown): { img_key: string }[] {
  const out: { img_key: string }[] = [];
  const walk = (n: unknown): void => {
    if (Array.isArray(n)) n.forEach(walk);
    else if (n && typeof n === 'object') {
      if ((n as { tag?: string }).tag === 'img') out.push(n as { img_key: string });
      Object.values(n).forEach(walk);
    }
  };
  walk(cardJson);
  return out;
}

describe('the reviewer sees the photos on the review card', () => {
  let loop: Loop;
  beforeEach(async () => {
    loop = await startLoop();
  });
  afterEach(() => loop.h.close());

  it('a photo sent after the card went out is uploaded by the bot and the card is updated in place; three shown, the rest counted', async () => {
    const { h, m } = loop;
    await submitLog(h, student, { description: '在洛阳社区整理图书角' });
    const log = lastLog(h, m.student);
    const card = reviewCardTo(h, log.id, secretary);
    expect(imagesOf(card.content)).toEqual([]);

    const sent: Buffer[] = [];
    for (let i = 0; i < 4; i++) {
      sent.push(await photo());
      await sendImage(h, student, sent.at(-1)!);
    }
    // Each photo was uploaded again by the bot (a card can only show the app's own images) …
    const uploads = h.fake.uploads.filter((u) => u.kind === 'image' && u.type === 'message');
    expect(uploads.map((u) => u.bytes.equals(sent[uploads.indexOf(u)]!))).toEqual([true, true, true, true]);
    expect(evidenceOf(h, log.id).map((e) => e.cardImageKey)).toEqual(uploads.map((u) => u.key));
    // … and the card the secretary already has was patched to show the first three, and count the fourth.
    const latest = h.fake.patches.filter((p) => p.messageId === card.messageId).at(-1)!;
    expect(imagesOf(latest.content).map((i) => i.img_key)).toEqual(uploads.slice(0, 3).map((u) => u.key));
    expect(cardText(latest.content)).toContain(t('review.photosMore', { count: 1 }));
    expect(cardText(latest.content)).toContain('照片 4 张');
    // /审核 opens the same card from the list with its photos too.
    const approve = await h.click(secretary, { a: 'review.approve', v: 1, p: { l: log.id } }, { formValue: { rating: '5' }, messageId: card.messageId });
    expect(imagesOf(approve.body.card.data)).toHaveLength(3);
  });

  it('a photo re-sent recompressed, resized or re-saved as PNG for another log is flagged as reused; a different photo is not', async () => {
    const { h, m } = loop;
    const original = await photoJpeg(900, { quality: 90, width: 800, height: 600 });
    const copies = [
      await sharp(original).jpeg({ quality: 40 }).toBuffer(),
      await sharp(original).resize(400).jpeg({ quality: 70 }).toBuffer(),
      await sharp(original).png().toBuffer(),
    ];
    await submitLog(h, student, { date: '2026-11-10 +0800', description: '原图那次服务' });
    const first = lastLog(h, m.student);
    await sendImage(h, student, original);
    for (const [i, copy] of copies.entries()) {
      h.clock.advance(30 * MINUTE);
      await submitLog(h, student, { date: `2026-11-1${i + 1} +0800`, description: `又一次服务 ${i}` });
      await sendImage(h, student, copy);
      expect(copy.equals(original)).toBe(false);
      expect(evidenceOf(h, lastLog(h, m.student).id)[0]!.reusedFromLogId).toBe(first.id);
    }
    h.clock.advance(30 * MINUTE);
    await submitLog(h, student, { date: '2026-11-15 +0800', description: '真的另一次服务' });
    await sendImage(h, student, await photoJpeg(901, { quality: 90, width: 800, height: 600 }));
    expect(evidenceOf(h, lastLog(h, m.student).id)[0]!.reusedFromLogId).toBeNull();
    expect(sectionOf(await reviewSections(h), '真的另一次服务')).not.toContain(t('review.signal.photoReused'));
  });

  it('bytes that are not a picture still attach (hashed by their bytes, counted, not shown) and nothing is refused', async () => {
    const { h } = loop;
    const log = await logBy(loop, 'student');
    const junk = Buffer.from('这不是图片'.repeat(100));
    const d = await sendImage(h, student, junk);
    expect(said(d.reply!)).toBe(t('evidence.attached', { date: log.serviceDate, count: 1 }));
    expect(evidenceOf(h, log.id)).toEqual([expect.objectContaining({ imageHash: sha256(junk), cardImageKey: null })]);
    expect(h.fake.uploads.filter((u) => u.kind === 'image')).toEqual([]);
  });
});
