/**
 * One person across Feishu apps (issue 13.8): open_id differs per app, union_id does not. A
 * member bound while the bot ran as app A is found again by union_id when it runs as app B (a
 * re-created app, same database): its open_id moves, audited. A different union_id never takes
 * a binding over. The roster's 飞书ID takes an open_id (ou_…) or a union_id (on_…), nothing else.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, members } from '../src/db/schema/index.js';
import { t } from '../src/text/zh-CN.js';
import { APP_IDENTITY, bindDirect, deliverMessage, memberByNo, sendFile } from './helpers/bot.js';
import { cardActionEvent } from './helpers/feishuEvents.js';
import { startHarness, textOf, type Harness } from './helpers/harness.js';
import { answerCard, button, cardText, said } from './helpers/loop.js';

/** A Feishu account as one app sees it. */
interface Account { openId: string; unionId: string }

// messageEvent/cardActionEvent derive union_id from open_id; here one person has two open_ids
// (one per app) and one union_id, so these set it explicitly.
type WithIds = { sender?: { sender_id: { union_id?: string } }; operator?: { union_id?: string } };

/** Sends a private text as `who` and returns the bot's answer to it. */
async function write(h: Harness, who: Account, text: string): Promise<string> {
  const d = await deliverMessage(h, { openId: who.openId, text }, (env) => {
    (env.event as WithIds).sender!.sender_id.union_id = who.unionId;
  });
  if (!d.reply) throw new Error(`no reply to ${text}; sent: ${JSON.stringify(d.sent)}`);
  return textOf(d.reply);
}

/** Clicks a card button as `who` (FEISHU.md §4.1: `operator` carries the union_id too). */
function click(h: Harness, who: Account, value: unknown, formValue?: Record<string, unknown>) {
  const env = cardActionEvent({ openId: who.openId, value, formValue }, APP_IDENTITY);
  (env.event as WithIds).operator!.union_id = who.unionId;
  return h.post(env, { path: '/feishu/cards' });
}

const auditsOf = (h: Harness, memberId: number, action: string) =>
  h.bot.db.select().from(auditLog).where(and(eq(auditLog.action, action), eq(auditLog.subject, `member:${memberId}`))).all();

// 李浩然 and 张雨桐 under app A, then under app B: new open_ids, the same union_ids.
const LI_A = { openId: 'ou_a1', unionId: 'on_x' };
const LI_B = { openId: 'ou_b1', unionId: 'on_x' };
const ZHANG_A = { openId: 'ou_a2', unionId: 'on_y' };
const ZHANG_B = { openId: 'ou_b2', unionId: 'on_y' };
const STRANGER_B = { openId: 'ou_b9', unionId: 'on_z' };

let appA: Harness | undefined;
let appB: Harness;

beforeAll(async () => {
  appA = await startHarness();
  await appA.importRoster();
});
afterAll(async () => {
  await appA?.close();
  await appB?.close();
});

describe('a new App ID over the same database', () => {
  it('under app A, members bind with /绑定 and their union_id is kept', async () => {
    const a = appA!;
    expect(await write(a, LI_A, '/绑定 2023010102 李浩然')).toContain('绑定成功');
    // Stored by the binding itself, not only by a later message.
    expect(memberByNo(a, '2023010102')).toMatchObject({ openId: 'ou_a1', unionId: 'on_x' });
    expect(await write(a, ZHANG_A, '/绑定 2023010103 张雨桐')).toContain('绑定成功');
    expect(await write(a, LI_A, '/我的')).toContain('**李浩然**');
    expect(await write(a, ZHANG_A, '/我的')).toContain('**张雨桐**');
    expect(memberByNo(a, '2023010102')).toMatchObject({ openId: 'ou_a1', unionId: 'on_x' });
    expect(memberByNo(a, '2023010103')).toMatchObject({ openId: 'ou_a2', unionId: 'on_y' });
    // 孙佳怡 was bound before union_ids were stored and never wrote since: no union_id known.
    bindDirect(a, '2023010202', 'ou_a3');

    // The app is re-created: new App ID and secret, the same database.
    const { clock, config } = a;
    await a.close();
    appA = undefined;
    appB = await startHarness({ clock, config: { DATABASE_PATH: config.databasePath, FEISHU_APP_ID: 'cli_b9b8b7b6b5b4b3b2', FEISHU_APP_SECRET: 'new-secret' } });
  });

  it('under app B the same union_id is the same member: recognised, open_id moved, audited once', async () => {
    const before = memberByNo(appB, '2023010102');
    appB.clock.advance(60_000);

    expect(await write(appB, LI_B, '/我的')).toContain('**李浩然**');
    const after = memberByNo(appB, '2023010102');
    expect(after).toMatchObject({ openId: 'ou_b1', unionId: 'on_x', boundAt: before.boundAt, updatedAt: appB.clock.now() });
    expect(auditsOf(appB, after.id, 'bind.union_id')).toMatchObject([
      { actorMemberId: after.id, actorOpenId: 'ou_b1', at: appB.clock.now(), detail: { fromOpenId: 'ou_a1', toOpenId: 'ou_b1' } },
    ]);

    // From now on the open_id matches: nothing moves again.
    expect(await write(appB, LI_B, '/我的')).toContain('**李浩然**');
    expect(auditsOf(appB, after.id, 'bind.union_id')).toHaveLength(1);
    expect(memberByNo(appB, '2023010102')).toEqual(after);
  });

  it('a card click under app B (operator.union_id) is recognised the same way', async () => {
    const res = await click(appB, ZHANG_B, { a: 'bind.submit', v: 1 }, { student_no: '2023010103', name: '张雨桐' });
    expect(res.body).toEqual({ toast: { type: 'success', content: t('bind.already', { name: '张雨桐', role: '学生' }) } });
    const zhang = memberByNo(appB, '2023010103');
    expect(zhang).toMatchObject({ openId: 'ou_b2', unionId: 'on_y' });
    expect(auditsOf(appB, zhang.id, 'bind.union_id')).toMatchObject([{ detail: { fromOpenId: 'ou_a2', toOpenId: 'ou_b2' } }]);
  });

  it('a different union_id never takes a binding over', async () => {
    const li = memberByNo(appB, '2023010102');
    const sun = memberByNo(appB, '2023010202');

    expect(await write(appB, STRANGER_B, '/我的')).toBe(t('error.notBound', { command: '我的' }));
    expect(await write(appB, STRANGER_B, '/绑定 2023010102 李浩然')).toBe(t('bind.takenByOther'));
    // An entry with no union_id yet is not up for grabs either.
    expect(await write(appB, { openId: 'ou_b3', unionId: 'on_w' }, '/我的')).toBe(t('error.notBound', { command: '我的' }));
    // The open_id decides within an app; a union_id that disagrees does not overwrite the stored one.
    expect(await write(appB, { openId: 'ou_b1', unionId: 'on_other' }, '/我的')).toContain('**李浩然**');

    expect(memberByNo(appB, '2023010102')).toEqual(li);
    expect(memberByNo(appB, '2023010202')).toEqual(sun);
    expect(appB.bot.db.select().from(members).where(eq(members.unionId, 'on_z')).all()).toEqual([]);
    expect(appB.bot.db.select().from(auditLog).where(eq(auditLog.action, 'bind.union_id')).all()).toHaveLength(2);
  });

  it('a binding without a union_id gets it from the next message, with no audit and no roster change', async () => {
    const qian = bindDirect(appB, '2023010203', 'ou_b4');
    expect(qian.unionId).toBeNull();
    appB.clock.advance(60_000);

    expect(await write(appB, { openId: 'ou_b4', unionId: 'on_q' }, '/我的')).toContain('**钱思远**');
    expect(memberByNo(appB, '2023010203')).toEqual({ ...qian, unionId: 'on_q' });
    expect(auditsOf(appB, qian.id, 'bind.union_id')).toEqual([]);
  });

  it('a union_id held by another entry is not copied onto a second one', async () => {
    const zhao = bindDirect(appB, '2023010201', 'ou_b5');
    expect(await write(appB, { openId: 'ou_b5', unionId: 'on_x' }, '/我的')).toContain('**赵一鸣**');
    expect(memberByNo(appB, '2023010201')).toEqual(zhao);
    expect(memberByNo(appB, '2023010102')).toMatchObject({ openId: 'ou_b1', unionId: 'on_x' });
  });

  it('an entry unbound by clearing its open_id is not re-bound by the union_id it kept; a new owner replaces it', async () => {
    const li = memberByNo(appB, '2023010102');
    appB.bot.db.update(members).set({ openId: null }).where(eq(members.id, li.id)).run();
    expect(await write(appB, LI_B, '/我的')).toBe(t('error.notBound', { command: '我的' }));
    expect(memberByNo(appB, '2023010102')).toMatchObject({ openId: null, unionId: 'on_x' });

    // Someone else binds the entry: the old owner's union_id goes with the old binding.
    expect(await write(appB, { openId: 'ou_b7', unionId: 'on_v' }, '/绑定 2023010102 李浩然')).toContain('绑定成功');
    expect(memberByNo(appB, '2023010102').unionId).not.toBe('on_x');
    // The old owner under yet another app finds nothing to take over.
    expect(await write(appB, { openId: 'ou_c1', unionId: 'on_x' }, '/我的')).toBe(t('error.notBound', { command: '我的' }));
    expect(memberByNo(appB, '2023010102').openId).toBe('ou_b7');
  });
});

describe('roster 飞书ID sent to the bot: ou_ is an open_id, on_ a union_id, anything else a line error', () => {
  it('binds by either id on the first message and refuses a user_id with its line', async () => {
    const ADMIN = { openId: 'ou_b_admin', unionId: 'on_admin' };
    bindDirect(appB, 'T0001', ADMIN.openId);
    const file = [
      '学院,团支部,学号,姓名,角色,手机,飞书ID',
      '计算机科学与工程学院,计科2301团支部,2023019801,周一,学生,,ou_b_listed',
      '计算机科学与工程学院,计科2301团支部,2023019802,周二,学生,,on_listed',
      '计算机科学与工程学院,计科2301团支部,2023019803,周三,学生,,4d7a3c1e',
    ].join('\n');
    const { reply } = await sendFile(appB, ADMIN.openId, { name: 'more.csv', bytes: Buffer.from(file) });
    // The preview lists the bad line; the partial import applies the rest.
    expect(said(reply)).toContain('第 4 行：飞书ID“4d7a3c1e”无法识别');
    const applied = await appB.click(ADMIN.openId, button(reply.content, 'roster.apply', { m: 'partial' }), { messageId: reply.messageId });
    const summary = cardText(answerCard(applied));
    // (The card escapes markdown: `_` is an entity there.)
    expect(summary).toContain('第 4 行：飞书ID“4d7a3c1e”无法识别：只能填 open&#95;id（ou&#95; 开头）或 union&#95;id（on&#95; 开头）');
    expect(summary).toContain('请留空，让本人向机器人发送 /绑定 学号 姓名');
    expect(appB.bot.db.select().from(members).where(eq(members.studentNo, '2023019803')).all()).toEqual([]);

    expect(await write(appB, { openId: 'ou_b_listed', unionId: 'on_zhou1' }, '/我的')).toContain('**周一**');
    expect(memberByNo(appB, '2023019801')).toMatchObject({ openId: 'ou_b_listed', unionId: 'on_zhou1' });
    expect(await write(appB, { openId: 'ou_b_zhou2', unionId: 'on_listed' }, '/我的')).toContain('**周二**');
    const zhou2 = memberByNo(appB, '2023019802');
    expect(zhou2).toMatchObject({ openId: 'ou_b_zhou2', unionId: 'on_listed' });
    expect(auditsOf(appB, zhou2.id, 'bind.roster_id')).toHaveLength(1);
  });
});
