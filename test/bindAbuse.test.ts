/**
 * Binding cannot be brute-forced (issue 17 point 1, PRODUCT.md §8 "Accounts"): an unknown 学号
 * and a wrong name get the same answer; an account has 5 failed tries per rolling hour, then a
 * lock the 团委 hear of once; a contested entry alerts the 团委 once per day, not on every try.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../src/db/schema/index.js';
import { BIND_LIMITS } from '../src/domain/binding.js';
import { t } from '../src/text/zh-CN.js';
import { ask, bindDirect, memberByNo } from './helpers/bot.js';
import { startHarness, textOf, type Harness } from './helpers/harness.js';

const ADMIN = 'ou_abuse_admin';
const OWNER = 'ou_abuse_owner'; // bound to 2023010102 李浩然
let h: Harness;

beforeAll(async () => {
  h = await startHarness();
  await h.importRoster();
  bindDirect(h, 'T0001', ADMIN);
  bindDirect(h, '2023010102', OWNER);
});
afterAll(() => h.close());

const toAdmin = (since: number) => h.fake.messages.slice(since).filter((m) => m.kind === 'send' && m.receiveId === ADMIN).map(textOf);

describe('guessing a classmate\'s entry', () => {
  it('an unknown 学号 and a wrong name get the same answer', async () => {
    const unknown = await ask(h, 'ou_abuse_a', '/绑定 2099999999 张三');
    const wrongName = await ask(h, 'ou_abuse_a', '/绑定 2023010103 王五');
    expect(unknown).toBe(wrongName);
    expect(unknown).toBe(t('bind.noMatch'));
  });

  it('60 guesses sent at once: 5 are tried, the rest refused, nothing bound, the 团委 told once', async () => {
    const guesser = 'ou_abuse_guesser';
    const since = h.fake.messages.length;
    // The classmate's number is 2023010103 张雨桐; the guesser tries names, the right one last.
    const guesses = Array.from({ length: 59 }, (_, i) => `/绑定 2023010103 同学${i}`).concat('/绑定 2023010103 张雨桐');
    const replies = await Promise.all(guesses.map((g) => ask(h, guesser, g)));
    expect(replies.filter((r) => r === t('bind.noMatch'))).toHaveLength(BIND_LIMITS.max);
    expect(replies.filter((r) => r === t('bind.locked'))).toHaveLength(60 - BIND_LIMITS.max);
    expect(memberByNo(h, '2023010103').openId).toBeNull();
    const alerts = toAdmin(since);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toContain(guesser);
    expect(alerts[0]).toContain(`绑定失败 ${BIND_LIMITS.max} 次`);
  });

  it('the lock holds with the right name too, and lifts an hour after the failures', async () => {
    const guesser = 'ou_abuse_guesser';
    expect(await ask(h, guesser, '/绑定 2023010103 张雨桐')).toBe(t('bind.locked'));
    h.clock.advance(BIND_LIMITS.windowMs + 1);
    expect(await ask(h, guesser, '/绑定 2023010103 张雨桐')).toContain('绑定成功');
  });

  it('each account has its own count: another student is not locked by the guesser', async () => {
    expect(await ask(h, 'ou_abuse_zhao', '/绑定 2023010201 赵一鸣')).toContain('绑定成功');
  });
});

describe('a contested entry', () => {
  it('alerts the 团委 once a day however often it is tried, from however many accounts; each try is audited', async () => {
    const since = h.fake.messages.length;
    for (const who of ['ou_abuse_x', 'ou_abuse_y', 'ou_abuse_z']) {
      expect(await ask(h, who, '/绑定 2023010102 李浩然')).toBe(t('bind.takenByOther'));
      expect(await ask(h, who, '/绑定 2023010102 李浩然')).toBe(t('bind.takenByOther'));
    }
    expect(toAdmin(since)).toHaveLength(1);
    const entry = memberByNo(h, '2023010102');
    const tries = h.bot.db.select().from(auditLog).where(and(eq(auditLog.action, 'bind.taken'), eq(auditLog.subject, `member:${entry.id}`))).all();
    expect(tries).toHaveLength(6);
    expect(memberByNo(h, '2023010102').openId).toBe(OWNER);
  });

  it('a day later the next try alerts again', async () => {
    h.clock.advance(BIND_LIMITS.alertMs + 1);
    const since = h.fake.messages.length;
    await ask(h, 'ou_abuse_w', '/绑定 2023010102 李浩然');
    expect(toAdmin(since)).toHaveLength(1);
  });

  it('tries on a bound entry count toward the account\'s limit too', async () => {
    const who = 'ou_abuse_many';
    for (let i = 0; i < BIND_LIMITS.max; i++) await ask(h, who, '/绑定 2023010102 李浩然');
    expect(await ask(h, who, '/绑定 2023010102 李浩然')).toBe(t('bind.locked'));
  });
});
