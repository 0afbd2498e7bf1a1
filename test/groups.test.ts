/**
 * `/bindgroup` (`/绑定群`, PRODUCT.md §3): which group chat receives a college's digests,
 * and the 全校 group of the 团委. Through signed events; state checked in the database.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { colleges, settings } from '../src/db/schema/index.js';
import { SCHOOL_CHAT_KEY } from '../src/domain/groups.js';
import { t } from '../src/text/zh-CN.js';
import { ask, auditActions, bindDirect } from './helpers/bot.js';
import { startHarness, type Harness } from './helpers/harness.js';

const CS = '计算机科学与工程学院';
const ECON = '经济管理学院';
const CS_ADMIN = 'ou_grp_cs'; // T1001 陈晓东
const ECON_ADMIN = 'ou_grp_econ'; // T2001 郑丽娟
const SCHOOL_ADMIN = 'ou_grp_school'; // T0001 刘建华
const SECRETARY = 'ou_grp_sec'; // 2023010101 王梓涵

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
  await h.importRoster();
  bindDirect(h, 'T1001', CS_ADMIN);
  bindDirect(h, 'T2001', ECON_ADMIN);
  bindDirect(h, 'T0001', SCHOOL_ADMIN);
  bindDirect(h, '2023010101', SECRETARY);
});
afterAll(() => h.close());

const inGroup = (chatId: string) => ({ chatType: 'group' as const, chatId, mentionBot: true });
const chatOf = (name: string) => h.bot.db.select().from(colleges).where(eq(colleges.name, name)).get()!.chatId;
const chats = () => Object.fromEntries(h.bot.db.select().from(colleges).all().map((c) => [c.name, c.chatId]));
const schoolChat = () => h.bot.db.select().from(settings).where(eq(settings.key, SCHOOL_CHAT_KEY)).get()?.value;

describe('/绑定群', () => {
  it('in a private chat answers that it is for groups, and binds nothing', async () => {
    expect(await ask(h, CS_ADMIN, '/绑定群')).toBe(t('error.groupOnly', { command: '绑定群' }));
    expect(await ask(h, CS_ADMIN, `/bindgroup ${CS}`)).toBe(t('error.groupOnly', { command: '绑定群' }));
    expect(chats()).toEqual({ [CS]: null, [ECON]: null });
  });

  it('a 团总支 binds the group to their own college without naming it', async () => {
    expect(await ask(h, CS_ADMIN, '/绑定群', inGroup('oc_grp_cs'))).toBe(t('bindgroup.done', { name: CS }));
    const cs = h.bot.db.select().from(colleges).where(eq(colleges.name, CS)).get()!;
    expect(cs.chatId).toBe('oc_grp_cs');
    expect(cs.chatBoundAt).toBe(h.clock.now());
    expect(chatOf(ECON)).toBeNull();
    expect(auditActions(h)).toContain('bindgroup');
  });

  it('binding the same group again answers "already"', async () => {
    expect(await ask(h, CS_ADMIN, `/绑定群 ${CS}`, inGroup('oc_grp_cs'))).toBe(t('bindgroup.already', { name: CS }));
    expect(await ask(h, CS_ADMIN, '绑定群', inGroup('oc_grp_cs'))).toBe(t('bindgroup.already', { name: CS }));
    expect(chatOf(CS)).toBe('oc_grp_cs');
  });

  it('a 团总支 binds by naming their own college (English command too)', async () => {
    expect(await ask(h, ECON_ADMIN, `/bindgroup ${ECON}`, inGroup('oc_grp_econ'))).toBe(t('bindgroup.done', { name: ECON }));
    expect(chatOf(ECON)).toBe('oc_grp_econ');
  });

  it('a 团总支 naming another college is refused', async () => {
    const before = chats();
    expect(await ask(h, CS_ADMIN, `/绑定群 ${ECON}`, inGroup('oc_grp_new'))).toBe(t('bindgroup.notYourCollege', { own: CS }));
    expect(chats()).toEqual(before);
  });

  it("a group bound to college A cannot be taken by college B's 团总支", async () => {
    const before = chats();
    expect(await ask(h, ECON_ADMIN, '/绑定群', inGroup('oc_grp_cs'))).toBe(t('bindgroup.takenByOther', { other: CS, name: ECON }));
    expect(chats()).toEqual(before);
  });

  it('an unknown college name is refused', async () => {
    const before = chats();
    expect(await ask(h, SCHOOL_ADMIN, '/绑定群 火星学院', inGroup('oc_grp_x'))).toBe(t('bindgroup.unknownCollege', { name: '火星学院' }));
    expect(await ask(h, CS_ADMIN, '/绑定群 火星学院', inGroup('oc_grp_x'))).toBe(t('bindgroup.unknownCollege', { name: '火星学院' }));
    expect(chats()).toEqual(before);
  });

  it('a 团委 must name the college, and may bind any college, moving a group between colleges', async () => {
    expect(await ask(h, SCHOOL_ADMIN, '/绑定群', inGroup('oc_grp_y'))).toBe(t('bindgroup.needCollege'));
    expect(await ask(h, SCHOOL_ADMIN, `/绑定群 ${ECON}`, inGroup('oc_grp_econ2'))).toBe(t('bindgroup.done', { name: ECON }));
    expect(chats()).toEqual({ [CS]: 'oc_grp_cs', [ECON]: 'oc_grp_econ2' });
    expect(await ask(h, SCHOOL_ADMIN, `/绑定群 ${ECON}`, inGroup('oc_grp_cs'))).toBe(t('bindgroup.moved', { from: CS, name: ECON }));
    expect(chats()).toEqual({ [CS]: null, [ECON]: 'oc_grp_cs' });
  });

  it('only a 团委 binds the 全校 group, stored in settings; binding it again answers "already"', async () => {
    expect(await ask(h, CS_ADMIN, '/绑定群 全校', inGroup('oc_grp_school'))).toBe(t('bindgroup.schoolOnly'));
    expect(schoolChat()).toBeUndefined();
    expect(await ask(h, SCHOOL_ADMIN, '/绑定群 全校', inGroup('oc_grp_school'))).toBe(t('bindgroup.schoolDone'));
    expect(schoolChat()).toBe('oc_grp_school');
    const audits = auditActions(h).filter((a) => a === 'bindgroup.school').length;
    expect(await ask(h, SCHOOL_ADMIN, '/绑定群 全校', inGroup('oc_grp_school'))).toBe(t('bindgroup.schoolAlready'));
    expect(auditActions(h).filter((a) => a === 'bindgroup.school').length).toBe(audits);
    expect(await ask(h, SCHOOL_ADMIN, '/绑定群 全校', inGroup('oc_grp_school2'))).toBe(t('bindgroup.schoolDone'));
    expect(schoolChat()).toBe('oc_grp_school2');
    // The 全校 group is not a college group.
    expect(Object.values(chats())).not.toContain('oc_grp_school2');
  });

  it('a 团支书 is refused', async () => {
    const before = chats();
    expect(await ask(h, SECRETARY, '/绑定群', inGroup('oc_grp_sec'))).toBe(t('error.forbidden', { command: '绑定群', role: '团总支' }));
    expect(chats()).toEqual(before);
  });
});
