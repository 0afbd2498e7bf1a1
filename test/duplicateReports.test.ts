/**
 * A report sent many times at once (issue 17 point 4): one log, one review card per reviewer,
 * every card tracked and settled by the decision, and one answer per submission — the first
 * "recorded", the rest "已记录过". A resubmission after the bot stopped between the write and
 * the sends still gets the card out, once.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox, reviewMessages, serviceLogs } from '../src/db/schema/index.js';
import { t } from '../src/text/zh-CN.js';
import { settle } from './helpers/bot.js';
import { ACCOUNTS, envelope, logsOf, patchesOf, reviewCardsOf, said, startLoop, type Loop } from './helpers/loop.js';

let loop: Loop;
beforeAll(async () => {
  loop = await startLoop();
});
afterAll(() => loop.h.close());

describe('twenty identical reports at once', () => {
  const REPORT = '/记录 实事 2小时 在幸福社区给三年级小朋友辅导作业（并发）';

  it('store one log, send one tracked card to the reviewer, and answer each submission once', async () => {
    const answers = await Promise.all(Array.from({ length: 20 }, () => loop.h.say(ACCOUNTS.student, REPORT)));
    await settle(loop.h);
    const logs = logsOf(loop.h, loop.m.student).filter((l) => l.description.includes('（并发）'));
    expect(logs).toHaveLength(1);
    const log = logs[0]!;
    const texts = answers.map(said);
    expect(texts.filter((a) => a === t('log.duplicate'))).toHaveLength(19);
    expect(texts.filter((a) => a.startsWith('✅'))).toHaveLength(1);
    expect(reviewCardsOf(loop.h, log.id).map((m) => m.receiveId)).toEqual([ACCOUNTS.secretary]);
    const tracked = loop.h.bot.db.select().from(reviewMessages).where(eq(reviewMessages.logId, log.id)).all();
    expect(tracked).toHaveLength(1);
    expect(tracked[0]!.messageId).toBe(reviewCardsOf(loop.h, log.id)[0]!.messageId);
  });

  it('the decision settles the one card', async () => {
    const log = logsOf(loop.h, loop.m.student).find((l) => l.description.includes('（并发）'))!;
    const card = reviewCardsOf(loop.h, log.id)[0]!;
    const res = await loop.h.click(ACCOUNTS.secretary, envelope('review.approve', { l: log.id }), { formValue: { rating: '4' }, messageId: card.messageId });
    expect(res.body?.toast?.type).toBe('success');
    await settle(loop.h);
    expect(loop.h.bot.db.select().from(serviceLogs).where(eq(serviceLogs.id, log.id)).get()!.status).toBe('approved');
    // Answered in place by the click; no other copy exists to patch.
    expect(patchesOf(loop.h, card.messageId)).toHaveLength(0);
    expect(reviewCardsOf(loop.h, log.id)).toHaveLength(1);
  });
});

describe('after a stop between the write and the sends', () => {
  it('the resubmitted report sends the missing card once and says it was recorded', async () => {
    const REPORT = '/记录 走访 1小时 走访幸福社区独居老人（中断）';
    // The card never reaches Feishu (the send fails), and then, as if the bot had stopped before
    // writing anything about it, its outbox row and its record are gone: only the log is stored.
    loop.h.fake.failNext({ method: 'POST', path: '/open-apis/im/v1/messages' }, { status: 400, body: { code: 230002, msg: 'Bot/User can NOT be out of the chat.' } }, 1);
    await loop.h.say(ACCOUNTS.student, REPORT);
    const log = logsOf(loop.h, loop.m.student).find((l) => l.description.includes('（中断）'))!;
    expect(reviewCardsOf(loop.h, log.id)).toHaveLength(0);
    loop.h.bot.db.delete(reviewMessages).where(eq(reviewMessages.logId, log.id)).run();
    loop.h.bot.db.delete(outbox).where(eq(outbox.uuid, `review-card:${log.id}:${loop.m.secretary.id}`)).run();
    const before = 0;
    const answers = await Promise.all([loop.h.say(ACCOUNTS.student, REPORT), loop.h.say(ACCOUNTS.student, REPORT)]);
    await settle(loop.h);
    expect(answers.map(said)).toEqual([t('log.duplicate'), t('log.duplicate')]);
    expect(reviewCardsOf(loop.h, log.id)).toHaveLength(before + 1);
    expect(loop.h.bot.db.select().from(reviewMessages).where(eq(reviewMessages.logId, log.id)).all()).toHaveLength(1);
  });
});
