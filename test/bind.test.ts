/**
 * `/bind` (PRODUCT.md §3) through signed events: binding, every refusal (and that it
 * changes nothing), the admin alert on a taken entry, the form card, and roster 飞书ID
 * auto-binding (by open_id or union_id, keeping both). Other apps: test/accounts.test.ts.
 */
import { and, eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, members } from '../src/db/schema/index.js';
import { importRosterFile } from '../src/app/import/roster.js';
import { t } from '../src/text/zh-CN.js';
import { ask, auditActions, bindDirect, memberByNo } from './helpers/bot.js';
import { startHarness, textOf, type Harness } from './helpers/harness.js';

const ADMIN_1 = 'ou_bind_admin1'; // T0001 刘建华, 团委
const ADMIN_2 = 'ou_bind_admin2'; // T0002, a second 团委 added for these tests
// T0003 is a third 团委 who never bound an account: nobody can message them.

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
  await h.importRoster();
  const now = h.clock.now();
  h.bot.db.insert(members).values([
    { studentNo: 'T0002', name: '周文斌', role: 'school_admin', createdAt: now },
    { studentNo: 'T0003', name: '吴海燕', role: 'school_admin', createdAt: now },
  ]).run();
  bindDirect(h, 'T0001', ADMIN_1);
  bindDirect(h, 'T0002', ADMIN_2);
});
afterAll(() => h.close());

const boundOpenIds = () =>
  h.bot.db.select({ no: members.studentNo, openId: members.openId }).from(members).where(isNotNull(members.openId)).all();

describe('/bind 学号 姓名', () => {
  it('binds a matching entry, records it in the audit log and says 绑定成功', async () => {
    const reply = await ask(h, 'ou_bind_li', '/绑定 2023010102 李浩然');
    expect(reply).toContain('绑定成功');
    expect(reply).toBe(t('bind.done', { name: '李浩然', role: '学生', unit: '，计算机科学与工程学院 计科2301团支部' }));
    const m = memberByNo(h, '2023010102');
    expect(m.openId).toBe('ou_bind_li');
    expect(m.boundAt).toBe(h.clock.now());
    const audit = h.bot.db.select().from(auditLog).where(and(eq(auditLog.action, 'bind'), eq(auditLog.subject, `member:${m.id}`))).all();
    expect(audit).toMatchObject([{ actorMemberId: m.id, actorOpenId: 'ou_bind_li', at: h.clock.now() }]);
  });

  it('accepts the English name, spaces inside the name and full-width spaces', async () => {
    expect(await ask(h, 'ou_bind_zhao', '/bind　2023010201　赵 一鸣')).toContain('绑定成功');
    expect(memberByNo(h, '2023010201').openId).toBe('ou_bind_zhao');
  });

  it('refuses a name that does not match and binds nothing', async () => {
    const before = boundOpenIds();
    expect(await ask(h, 'ou_bind_wrong', '/绑定 2023010103 王五')).toBe(t('bind.noMatch'));
    expect(memberByNo(h, '2023010103').openId).toBeNull();
    expect(boundOpenIds()).toEqual(before);
    expect(auditActions(h)).toContain('bind.no_match');
  });

  it('refuses an unknown 学号', async () => {
    const before = boundOpenIds();
    expect(await ask(h, 'ou_bind_wrong', '/绑定 2099999999 张三')).toBe(t('bind.noMatch'));
    expect(boundOpenIds()).toEqual(before);
  });

  it('refuses an entry bound to another account, tells every bound 团委 privately, and reveals nothing to the claimant', async () => {
    const owner = memberByNo(h, '2023010102');
    const since = h.fake.messages.length;
    const before = boundOpenIds();

    const reply = await h.say('ou_bind_impostor', '/绑定 2023010102 李浩然');
    expect(textOf(reply)).toBe(t('bind.takenByOther'));
    expect(textOf(reply)).not.toContain(owner.openId!);
    expect(memberByNo(h, '2023010102').openId).toBe('ou_bind_li');
    expect(boundOpenIds()).toEqual(before);

    const alerts = h.fake.messages.slice(since).filter((m) => m.kind === 'send');
    expect(alerts.map((m) => [m.receiveIdType, m.receiveId]).sort()).toEqual([['open_id', ADMIN_1], ['open_id', ADMIN_2]]);
    for (const alert of alerts) {
      expect(alert.msgType).toBe('text');
      expect(alert.content.text).toContain('李浩然');
      expect(alert.content.text).toContain('2023010102');
      expect(alert.content.text).toContain('计算机科学与工程学院 计科2301团支部');
      expect(alert.content.text).toContain('ou_bind_impostor');
      // The alert is about the attempt; it does not hand out the owner's account.
      expect(alert.content.text).not.toContain('ou_bind_li');
    }
    expect(auditActions(h)).toContain('bind.taken');
  });

  it('refuses a user already bound who claims another entry', async () => {
    const before = boundOpenIds();
    expect(await ask(h, 'ou_bind_li', '/绑定 2023010103 张雨桐')).toBe(t('bind.selfAlreadyOther', { name: '李浩然' }));
    expect(memberByNo(h, '2023010103').openId).toBeNull();
    expect(boundOpenIds()).toEqual(before);
  });

  it('re-binding the same entry is idempotent', async () => {
    const m = memberByNo(h, '2023010102');
    const audits = auditActions(h).length;
    h.clock.advance(60_000);
    expect(await ask(h, 'ou_bind_li', '/绑定 2023010102 李浩然')).toBe(t('bind.already', { name: '李浩然', role: '学生' }));
    expect(memberByNo(h, '2023010102')).toEqual(m);
    expect(auditActions(h).length).toBe(audits);
  });

  it('answers bad input with a clear Chinese error and the usage, changing nothing', async () => {
    const before = boundOpenIds();
    const audits = auditActions(h).length;
    const usage = `用法：${t('cmd.bind.example')}`;
    expect(await ask(h, 'ou_bind_bad', '/绑定 ab$% 张三')).toBe(`${t('bind.badStudentNo')}\n${usage}`);
    expect(await ask(h, 'ou_bind_bad', '/绑定 2023010101')).toBe(`${t('bind.badName')}\n${usage}`);
    expect(await ask(h, 'ou_bind_bad', `/绑定 2023010101 ${'名'.repeat(41)}`)).toBe(`${t('bind.badName')}\n${usage}`);
    expect(boundOpenIds()).toEqual(before);
    expect(auditActions(h).length).toBe(audits);
  });
});

describe('/bind without arguments: the form card', () => {
  it('answers with a form whose submit binds and returns a success toast', async () => {
    const reply = await h.say('ou_bind_form', '/绑定');
    expect(reply.msgType).toBe('interactive');
    const form = reply.content.body.elements.find((e: any) => e.tag === 'form');
    expect(form.elements.filter((e: any) => e.tag === 'input').map((e: any) => e.name)).toEqual(['student_no', 'name']);
    const submit = form.elements.find((e: any) => e.form_action_type === 'submit');
    expect(submit.behaviors).toEqual([{ type: 'callback', value: { a: 'bind.submit', v: 1 } }]);

    const res = await h.click('ou_bind_form', { a: 'bind.submit', v: 1 }, { formValue: { student_no: '2023010202', name: '孙佳怡' }, messageId: reply.messageId });
    expect(res.status).toBe(200);
    expect(res.body.toast.type).toBe('success');
    expect(res.body.toast.content).toContain('绑定成功');
    expect(res.body.toast.content).toContain('孙佳怡');
    expect(memberByNo(h, '2023010202').openId).toBe('ou_bind_form');
  });

  it('a form submitted with bad input or a wrong name gets an error toast and binds nothing', async () => {
    const before = boundOpenIds();
    const submit = (formValue: Record<string, unknown>) => h.click('ou_bind_form2', { a: 'bind.submit', v: 1 }, { formValue });
    expect((await submit({ student_no: 'ab$%', name: '钱思远' })).body).toEqual({ toast: { type: 'error', content: t('bind.badStudentNo') } });
    expect((await submit({ student_no: '2023010203', name: '' })).body).toEqual({ toast: { type: 'error', content: t('bind.badName') } });
    expect((await submit({})).body.toast.type).toBe('error');
    expect((await submit({ student_no: '2023010203', name: '钱多多' })).body).toEqual({ toast: { type: 'error', content: t('bind.noMatch') } });
    expect((await submit({ student_no: '2023010202', name: '孙佳怡' })).body).toEqual({ toast: { type: 'error', content: t('bind.takenByOther') } });
    expect(boundOpenIds()).toEqual(before);
  });
});

describe('roster 飞书ID auto-binding', () => {
  it('binds an entry whose 飞书ID is the sender open_id on the first message', async () => {
    await importRosterFile(h.bot.db, Buffer.from(
      '学院,团支部,学号,姓名,角色,飞书ID\n'
      + '计算机科学与工程学院,计科2301团支部,2023019901,陈一帆,学生,ou_bind_auto\n'
      + '计算机科学与工程学院,计科2301团支部,2023019902,陈二帆,学生,on_bind_auto_uid\n',
    ), 'extra.csv', h.clock.now());
    expect(memberByNo(h, '2023019901').openId).toBeNull();

    const reply = await ask(h, 'ou_bind_auto', '/我的');
    expect(reply).toContain('**陈一帆** · 学生');
    const m = memberByNo(h, '2023019901');
    expect(m.openId).toBe('ou_bind_auto');
    expect(m.unionId).toBe('on_bind_auto'); // kept at once, so the binding survives a new App ID
    expect(h.bot.db.select().from(auditLog).where(eq(auditLog.subject, `member:${m.id}`)).all().map((a) => a.action)).toEqual(['bind.roster_id']);
  });

  it('matches a union_id (on_…) too and stores both ids (the harness derives on_… from ou_…)', async () => {
    expect(await ask(h, 'ou_bind_auto_uid', '/我的')).toContain('**陈二帆**');
    expect(memberByNo(h, '2023019902')).toMatchObject({ openId: 'ou_bind_auto_uid', unionId: 'on_bind_auto_uid' });
  });

  it('binds nothing when two entries list the same 飞书ID', async () => {
    await importRosterFile(h.bot.db, Buffer.from(
      '学院,团支部,学号,姓名,角色,飞书ID\n'
      + '计算机科学与工程学院,计科2301团支部,2023019903,甲,学生,ou_bind_twice\n'
      + '计算机科学与工程学院,计科2301团支部,2023019904,乙,学生,ou_bind_twice\n',
    ), 'dup.csv', h.clock.now());
    expect(await ask(h, 'ou_bind_twice', '/我的')).toBe(t('error.notBound', { command: '我的' }));
    expect(memberByNo(h, '2023019903').openId).toBeNull();
    expect(memberByNo(h, '2023019904').openId).toBeNull();
  });
});

describe('/解绑 学号 原因 (团委)', () => {
  const OLD = 'ou_unbind_old';
  const NEW = 'ou_unbind_new';

  it('frees the entry, audits the reason, tells the old account, and the student binds again from a new account', async () => {
    h.bot.db.update(members).set({ openId: OLD, unionId: 'on_unbind_old', rosterFeishuId: OLD, boundAt: h.clock.now() }).where(eq(members.studentNo, '2023020102')).run();
    const since = h.fake.messages.length;

    const reply = await ask(h, ADMIN_1, '/解绑 2023020102 换了飞书账号');
    expect(reply).toBe(t('unbind.done', { name: '吴思琪', unit: '计算机科学与工程学院 软工2301团支部', reason: '换了飞书账号' }));
    const entry = memberByNo(h, '2023020102');
    expect(entry).toMatchObject({ openId: null, unionId: null, rosterFeishuId: null, boundAt: null });
    const audit = h.bot.db.select().from(auditLog).where(and(eq(auditLog.action, 'member.unbind'), eq(auditLog.subject, `member:${entry.id}`))).all();
    expect(audit).toMatchObject([{ actorMemberId: memberByNo(h, 'T0001').id, detail: { reason: '换了飞书账号' } }]);
    const told = h.fake.messages.slice(since).filter((m) => m.kind === 'send' && m.receiveId === OLD);
    expect(told.map((m) => m.content.text)).toEqual([t('unbind.notice', { name: '吴思琪', reason: '换了飞书账号' })]);

    // The old account is not bound again by its roster 飞书ID on its next message…
    expect(await ask(h, OLD, '/我的')).toContain('绑定');
    expect(memberByNo(h, '2023020102').openId).toBeNull();
    // …and the student binds the entry from the new account.
    expect(await ask(h, NEW, '/绑定 2023020102 吴思琪')).toContain('绑定成功');
    expect(memberByNo(h, '2023020102').openId).toBe(NEW);
  });

  it('a roster import does not hand the released 飞书ID back, so the old account is not bound again', async () => {
    h.bot.db.update(members).set({ openId: 'ou_unbind_roster', rosterFeishuId: 'ou_unbind_roster', boundAt: h.clock.now() }).where(eq(members.studentNo, '2023020101')).run();
    expect(await ask(h, ADMIN_1, '/解绑 2023020101 被别人误绑')).toContain('已解除');
    const csv = '学院,团支部,学号,姓名,角色,手机,飞书ID\n计算机科学与工程学院,软工2301团支部,2023020101,周子轩,团支书,,ou_unbind_roster\n';
    await importRosterFile(h.bot.db, Buffer.from(csv), 'roster.csv', h.clock.now());
    expect(memberByNo(h, '2023020101').rosterFeishuId).toBeNull();
    await ask(h, 'ou_unbind_roster', '/我的');
    expect(memberByNo(h, '2023020101').openId).toBeNull();
  });

  it.each([
    ['/解绑 2023020102', t('unbind.badArgs')],
    ['/解绑 9999999999 换账号', t('unbind.notFound')],
    ['/解绑 2023010103 换账号', t('unbind.notBound', { name: '张雨桐' })],
    ['/解绑 T0001 换账号', t('unbind.self')],
  ])('`%s` is refused with a clear answer and changes nothing', async (text, answer) => {
    const before = boundOpenIds();
    const audits = auditActions(h).length;
    const reply = await ask(h, ADMIN_1, text);
    expect(reply).toContain(answer);
    expect(boundOpenIds()).toEqual(before);
    expect(auditActions(h).length).toBe(audits);
  });

  it('is refused to a 团总支 and in a group, and changes nothing', async () => {
    bindDirect(h, 'T1001', 'ou_unbind_college');
    const before = boundOpenIds();
    expect(await ask(h, 'ou_unbind_college', '/解绑 2023020102 换账号')).toBe(t('error.forbidden', { command: '解绑', role: t('role.school_admin') }));
    expect(await ask(h, ADMIN_1, '/解绑 2023020102 换账号', { chatType: 'group', chatId: 'oc_unbind_group', mentionBot: true })).toBe(t('error.privateOnly', { command: '解绑' }));
    expect(boundOpenIds()).toEqual(before);
  });
});
