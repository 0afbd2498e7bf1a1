/**
 * The bot end to end through signed, encrypted events over HTTP: which messages it answers,
 * /help per role, /me, and the role checks every command and card action gets from the
 * database (PRODUCT.md §2–§3).
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actions, commands, hooks } from '../commands/index.js';
import { Bot } from '../src/bot/bot.js';
import { cardAction } from '../src/cards/action.js';
import { defineAction } from '../src/bot/define.js';
import { allows } from '../src/bot/roles.js';
import { colleges, members, programYears, ROLES, serviceLogs, settings, type Role } from '../src/db/schema/index.js';
import { silentLogger } from '../src/log.js';
import { t } from '../src/text/zh-CN.js';
import { z } from 'zod';
import {
  ask, auditActions, bindDirect, deliverMessage, helpCommands, insertLog, memberByNo, setRole,
} from './helpers/bot.js';
import { cardActionEvent } from './helpers/feishuEvents.js';
import { APP, startHarness, textOf, type Harness } from './helpers/harness.js';

const STUDENT = 'ou_cmd_student'; // 2023010102 李浩然, 计科2301团支部
const STUDENT2 = 'ou_cmd_student2'; // 2023010103 张雨桐, same branch
const SECRETARY = 'ou_cmd_secretary'; // 2023010101 王梓涵
const COLLEGE_ADMIN = 'ou_cmd_college'; // T1001 陈晓东, 计算机科学与工程学院
const ECON_ADMIN = 'ou_cmd_econ'; // T2001 郑丽娟, 经济管理学院 (demoted in a test)
const SCHOOL_ADMIN = 'ou_cmd_school'; // T0001 刘建华
const NOBODY = 'ou_cmd_nobody'; // not on the roster
const GROUP = 'oc_cmd_group';

/** One bound account per role, for checks that walk the role ladder. */
const ACCOUNT_BY_ROLE: Record<Role, string> = { student: STUDENT, secretary: SECRETARY, college_admin: COLLEGE_ADMIN, school_admin: SCHOOL_ADMIN };

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
  await h.importRoster();
  bindDirect(h, '2023010102', STUDENT);
  bindDirect(h, '2023010103', STUDENT2);
  bindDirect(h, '2023010101', SECRETARY);
  bindDirect(h, 'T1001', COLLEGE_ADMIN);
  bindDirect(h, 'T2001', ECON_ADMIN);
  bindDirect(h, 'T0001', SCHOOL_ADMIN);
});
afterAll(() => h.close());

const firstWord = (example: string) => example.split(/\s+/)[0]!;
const group = { chatType: 'group' as const, chatId: GROUP, mentionBot: true };

describe('/help lists what the role may use', () => {
  it('an unbound user sees only 帮助 and 绑定, and is told to bind', async () => {
    const reply = await h.say(NOBODY, '/帮助');
    expect(reply.msgType).toBe('interactive');
    expect(helpCommands(reply)).toEqual(['/帮助', '/绑定']);
    expect(textOf(reply)).toContain('你还没有绑定名单');
  });

  it('a student sees 我的 but not 绑定群, with their identity', async () => {
    const reply = await h.say(STUDENT, '/help');
    const listed = helpCommands(reply);
    expect(listed).toContain('/我的');
    expect(listed).not.toContain('/绑定群');
    expect(textOf(reply)).toContain('你的身份：**学生**');
    expect(textOf(reply)).toContain('李浩然 · 计算机科学与工程学院 · 计科2301团支部');
  });

  it('a 团总支 sees 绑定群', async () => {
    expect(helpCommands(await h.say(COLLEGE_ADMIN, '/帮助'))).toContain('/绑定群');
  });

  it('a 团委 sees every registered command but /绑定 (listed for the unbound only), each with its example', async () => {
    const listed = helpCommands(await h.say(SCHOOL_ADMIN, '/帮助'));
    expect(listed).toEqual(commands.filter((c) => c.listed !== 'unbound').map((c) => firstWord(t(c.example))));
  });

  it('lists exactly the commands whose audience admits the role', async () => {
    for (const role of ROLES) {
      const expected = commands.filter((c) => allows(c.audience, { role }) && c.listed !== 'unbound').map((c) => firstWord(t(c.example)));
      expect(helpCommands(await h.say(ACCOUNT_BY_ROLE[role], '/帮助')), role).toEqual(expected);
    }
  });
});

describe('which messages the bot answers', () => {
  it('answers /help, /帮助, /HELP and a full-width ／帮助 alike', async () => {
    const expected = helpCommands(await h.say(STUDENT, '/help'));
    for (const text of ['/帮助', '/HELP', '／帮助', '　／帮助　']) {
      const reply = await h.say(STUDENT, text);
      expect(reply.msgType, text).toBe('interactive');
      expect(helpCommands(reply), text).toEqual(expected);
    }
  });

  it('in a group answers "@bot /帮助" and a bare "@bot 帮助", stripping the @_user_N placeholder', async () => {
    for (const text of ['/帮助', '帮助', '／帮助']) {
      const reply = await h.say(STUDENT, text, group);
      expect(reply.msgType, text).toBe('interactive');
      expect(helpCommands(reply), text).toContain('/我的');
    }
  });

  it('in a group ignores a message that @-mentions someone else, and one that mentions nobody', async () => {
    const toOther = await deliverMessage(h, {
      openId: STUDENT, chatType: 'group', chatId: GROUP, text: '@_user_1 /帮助',
      mentions: [{ key: '@_user_1', openId: 'ou_someone_else', name: '王老师' }],
    });
    expect(toOther.sent).toEqual([]);
    const unmentioned = await deliverMessage(h, { openId: STUDENT, chatType: 'group', chatId: GROUP, text: '/帮助' });
    expect(unmentioned.sent).toEqual([]);
  });

  it('in a group answers when the bot is one of several mentions', async () => {
    const d = await deliverMessage(h, {
      openId: STUDENT, chatType: 'group', chatId: GROUP, text: '@_user_1 @_user_2 /帮助',
      mentions: [
        { key: '@_user_1', openId: 'ou_someone_else', name: '王老师' },
        { key: '@_user_2', openId: h.fake.botOpenId, name: '社区实践助手' },
      ],
    });
    expect(d.reply?.msgType).toBe('interactive');
    expect(helpCommands(d.reply!)).toContain('/我的');
  });

  it('answers an unknown /command with the Chinese hint naming it', async () => {
    expect(await ask(h, STUDENT, '/xyz 1 2')).toBe(t('error.unknownCommand', { name: '/xyz' }));
    expect(await ask(h, NOBODY, '/xyz')).toBe('没有「/xyz」这个命令。发送 /帮助 查看可用命令。');
  });

  it('answers plain text in a private chat with the hint, and in a group after an @-mention', async () => {
    expect(await ask(h, STUDENT, '你好')).toBe(t('hint.plainText'));
    expect(await ask(h, NOBODY, '在吗')).toBe(t('hint.plainText'));
    expect(await ask(h, STUDENT, '你好', group)).toBe(t('hint.plainText'));
  });

  it('reads a command sent as rich text (post)', async () => {
    const d = await deliverMessage(h, { openId: STUDENT, messageType: 'post', content: { zh_cn: { title: '', content: [[{ tag: 'text', text: '/帮助' }]] } } });
    expect(helpCommands(d.reply!)).toContain('/我的');
  });

  it('does not answer a message sent by an app (sender_type app), even a command', async () => {
    const fromApp = (env: { event: Record<string, any> }) => { env.event.sender.sender_type = 'app'; };
    expect((await deliverMessage(h, { openId: 'ou_other_bot', text: '/帮助' }, fromApp)).sent).toEqual([]);
    expect((await deliverMessage(h, { openId: h.fake.botOpenId, text: '/帮助', chatType: 'group', chatId: GROUP, mentions: [{ key: '@_user_1', openId: h.fake.botOpenId, name: 'bot' }] }, fromApp)).sent).toEqual([]);
  });
});

describe('/me', () => {
  it('shows role, college and branch, and zero hours in both labels', async () => {
    const text = await ask(h, STUDENT, '/我的');
    expect(text).toContain('**李浩然** · 学生');
    expect(text).toContain('计算机科学与工程学院 · 计科2301团支部');
    expect(text).toContain('已认证 0 小时');
    expect(text).toContain('待审核 0 小时');
  });

  it('counts approved and pending hours of the current program year only', async () => {
    const me = memberByNo(h, '2023010102');
    insertLog(h, me, { hours: 2, status: 'approved' });
    insertLog(h, me, { hours: 1, status: 'approved' });
    insertLog(h, me, { hours: 1.5, status: 'pending' });
    insertLog(h, me, { hours: 4, status: 'rejected' });
    insertLog(h, me, { hours: 5, status: 'withdrawn' });
    const old = h.bot.db.insert(programYears).values({
      name: '2000-2001', startsOn: '2000-10-01', endsOn: '2001-09-30', pairingDeadline: '2000-11-11', projectListDeadline: '2000-11-11', matchingDeadline: '2000-11-19',
    }).returning().get();
    insertLog(h, me, { hours: 6, status: 'approved', programYearId: old.id });
    // Someone else's hours are not mine.
    insertLog(h, memberByNo(h, '2023010103'), { hours: 8, status: 'approved' });

    const text = await ask(h, STUDENT, '/me');
    expect(text).toContain('已认证 3 小时');
    expect(text).toContain('待审核 1.5 小时');
  });

  it('shows — for a 团委 who has no college', async () => {
    const text = await ask(h, SCHOOL_ADMIN, '/我的');
    expect(text).toContain('**刘建华** · 团委');
    expect(text).toContain('—');
  });

  it('the refresh button redraws the card for its owner', async () => {
    const me = memberByNo(h, '2023010102');
    const res = await h.click(STUDENT, { a: 'me.refresh', v: 1, p: { m: me.id } });
    expect(res.status).toBe(200);
    expect(res.body.toast).toBeUndefined();
    expect(res.body.card.type).toBe('raw');
    expect(JSON.stringify(res.body.card.data)).toContain('**李浩然** · 学生');
    expect(JSON.stringify(res.body.card.data)).toContain('已认证 3 小时');
  });

  it('a forwarded /me card clicked by another member gives a toast, not their card, and changes nothing', async () => {
    const card = await h.say(STUDENT, '/我的');
    const refresh = findCallbacks(card.content).find((v) => v.a === 'me.refresh')!;
    expect(refresh).toEqual({ a: 'me.refresh', v: 1, p: { m: memberByNo(h, '2023010102').id } });

    const before = snapshotDb();
    const sentBefore = h.fake.messages.length;
    const res = await h.click(STUDENT2, refresh, { messageId: card.messageId });
    expect(res.status).toBe(200);
    expect(res.body.card).toBeUndefined();
    expect(res.body.toast).toEqual({ type: 'warning', content: t('me.notYours') });
    expect(JSON.stringify(res.body)).not.toContain('张雨桐');
    expect(snapshotDb()).toEqual(before);
    expect(h.fake.messages.length).toBe(sentBefore);
    expect(h.fake.patches).toEqual([]);
  });

  it('an unbound clicker gets a toast, not a card', async () => {
    const res = await h.click(NOBODY, { a: 'me.refresh', v: 1, p: { m: memberByNo(h, '2023010102').id } });
    expect(res.body.card).toBeUndefined();
    expect(res.body.toast).toEqual({ type: 'error', content: t('error.notBound', { command: '绑定' }) });
  });

  it('an unbound user sending /我的 is told to bind first', async () => {
    expect(await ask(h, NOBODY, '/我的')).toBe(t('error.notBound', { command: '我的' }));
  });
});

describe('role checks read the database on every update', () => {
  it('a student sending /绑定群 is refused with the forbidden message, in a private chat and in a group', async () => {
    const forbidden = t('error.forbidden', { command: '绑定群', role: '团总支' });
    expect(await ask(h, STUDENT, '/绑定群')).toBe(forbidden);
    expect(await ask(h, STUDENT, '/绑定群 计算机科学与工程学院', group)).toBe(forbidden);
    expect(h.bot.db.select().from(colleges).all().every((c) => c.chatId === null)).toBe(true);
  });

  it('every command with a minimum role refuses the unbound and each role below it', async () => {
    for (const command of commands.filter((c) => c.audience !== 'anyone')) {
      const name = command.aliases[0]!;
      const where = command.where === 'group' ? group : undefined;
      expect(await ask(h, NOBODY, `/${name}`, where), `${name} unbound`).toBe(t('error.notBound', { command: name }));
      for (const role of ROLES.filter((r) => !allows(command.audience, { role: r }))) {
        expect(await ask(h, ACCOUNT_BY_ROLE[role], `/${command.name}`, where), `${name} as ${role}`)
          .toBe(t('error.forbidden', { command: name, role: t(`role.${command.audience as Role}`) }));
      }
    }
  });

  it('every card action with a minimum role answers the unbound and each role below it with a toast', async () => {
    for (const action of actions.filter((a) => a.audience !== 'anyone')) {
      const before = snapshotDb();
      const res = await h.click(NOBODY, { a: action.name, v: 1, p: { m: 1 } });
      expect(res.body, action.name).toEqual({ toast: { type: 'error', content: t('error.notBound', { command: '绑定' }) } });
      for (const role of ROLES.filter((r) => !allows(action.audience, { role: r }))) {
        const r = await h.click(ACCOUNT_BY_ROLE[role], { a: action.name, v: 1, p: { m: 1 } });
        expect(r.body, `${action.name} as ${role}`).toEqual({ toast: { type: 'error', content: t('error.actionForbidden') } });
      }
      expect(snapshotDb()).toEqual(before);
    }
  });

  it('demoting a 团总支 in the database takes effect on the very next command', async () => {
    expect(helpCommands(await h.say(ECON_ADMIN, '/帮助'))).toContain('/绑定群');
    setRole(h, 'T2001', 'student');
    try {
      expect(helpCommands(await h.say(ECON_ADMIN, '/帮助'))).not.toContain('/绑定群');
      expect(await ask(h, ECON_ADMIN, '/绑定群', { ...group, chatId: 'oc_cmd_econ' })).toBe(t('error.forbidden', { command: '绑定群', role: '团总支' }));
      expect(h.bot.db.select().from(colleges).where(eq(colleges.name, '经济管理学院')).get()?.chatId).toBeNull();
    } finally {
      setRole(h, 'T2001', 'college_admin');
    }
    expect(helpCommands(await h.say(ECON_ADMIN, '/帮助'))).toContain('/绑定群');
  });

  it('unbinding an account in the database takes effect on the very next command and click', async () => {
    const me = memberByNo(h, '2023010103');
    expect(await ask(h, STUDENT2, '/我的')).toContain('张雨桐');
    h.bot.db.update(members).set({ openId: null }).where(eq(members.id, me.id)).run();
    try {
      expect(await ask(h, STUDENT2, '/我的')).toBe(t('error.notBound', { command: '我的' }));
      const res = await h.click(STUDENT2, { a: 'me.refresh', v: 1, p: { m: me.id } });
      expect(res.body.toast?.type).toBe('error');
      expect(res.body.card).toBeUndefined();
    } finally {
      bindDirect(h, '2023010103', STUDENT2);
    }
  });

  it('an expired card answers with a toast and runs nothing', async () => {
    const me = memberByNo(h, '2023010102');
    const res = await h.click(STUDENT, { a: 'me.refresh', v: 1, p: { m: me.id }, exp: h.clock.now() - 1000 });
    expect(res.body).toEqual({ toast: { type: 'warning', content: t('error.cardExpired') } });
    // Not yet expired: works.
    const ok = await h.click(STUDENT, { a: 'me.refresh', v: 1, p: { m: me.id }, exp: h.clock.now() + 60_000 });
    expect(ok.body.card?.type).toBe('raw');
  });

  it('an unknown action, a malformed envelope or a bad payload answers with a toast', async () => {
    const invalid = { toast: { type: 'error', content: t('error.cardInvalid') } };
    expect((await h.click(STUDENT, { a: 'no.such.action', v: 1 })).body).toEqual(invalid);
    expect((await h.click(STUDENT, { a: 'me.refresh', v: 2, p: { m: 1 } })).body).toEqual(invalid);
    expect((await h.click(STUDENT, 'me.refresh')).body).toEqual(invalid);
    expect((await h.click(STUDENT, undefined)).body).toEqual(invalid);
    expect((await h.click(STUDENT, { a: 'me.refresh', v: 1, p: { m: 'abc' } })).body).toEqual(invalid);
  });

  it('an action restricted to 团委 refuses lower roles from the database, whatever the card says', async () => {
    // The registry has no 团委-only action yet, so this drives the real Bot (database,
    // router, context) with one; the HTTP path is the same as for the actions above.
    let ran = 0;
    const adminOnly = defineAction(cardAction('test.adminOnly', z.object({ role: z.string() })), {
      audience: 'school_admin',
      async run(ctx) {
        ran++;
        ctx.db.insert(settings).values({ key: 'test.adminOnly', value: String(ctx.member.id), updatedAt: ctx.clock.now() }).run();
        return { toast: { type: 'success', content: 'ok' } };
      },
    });
    const bot = new Bot({
      db: h.bot.db, feishu: h.bot.feishu, outbox: h.bot.outbox, clock: h.clock, log: silentLogger, timeZone: 'Asia/Shanghai',
      registry: { commands, actions: [adminOnly] }, hooks, botOpenId: () => h.fake.botOpenId,
    });
    const click = (openId: string) => {
      // The card claims the clicker is a 团委; only the database counts.
      const env = cardActionEvent({ openId, value: { a: 'test.adminOnly', v: 1, p: { role: 'school_admin' } } }, { token: APP.token, appId: APP.appId });
      return bot.handleCardAction({ id: env.header.event_id, time: 0, type: env.header.event_type, token: APP.token, event: env.event });
    };
    for (const role of ['student', 'secretary', 'college_admin'] as const) {
      expect(await click(ACCOUNT_BY_ROLE[role]), role).toEqual({ toast: { type: 'error', content: t('error.actionForbidden') } });
    }
    expect(ran).toBe(0);
    expect(h.bot.db.select().from(settings).where(eq(settings.key, 'test.adminOnly')).get()).toBeUndefined();
    expect(await click(SCHOOL_ADMIN)).toEqual({ toast: { type: 'success', content: 'ok' } });
    expect(ran).toBe(1);
  });
});

/** Every callback value (button envelope) in a card. */
function findCallbacks(node: unknown): any[] {
  if (Array.isArray(node)) return node.flatMap(findCallbacks);
  if (!node || typeof node !== 'object') return [];
  const o = node as Record<string, unknown>;
  const own = o.type === 'callback' && o.value ? [o.value] : [];
  return [...own, ...Object.values(o).flatMap(findCallbacks)];
}

function snapshotDb() {
  const db = h.bot.db;
  return {
    members: db.select().from(members).all(),
    logs: db.select().from(serviceLogs).all(),
    colleges: db.select().from(colleges).all(),
    audit: auditActions(h),
  };
}
