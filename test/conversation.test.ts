/**
 * The conversation around the commands (issue 15.3), through the bot: an unknown command is
 * answered with the closest one the sender may use; /帮助 speaks to the sender's role and scope
 * (团支书 本支部, 团总支 本院, 团委 全校), lists /绑定 only to the unbound and never shows a roster
 * number; a report told in a group is pointed to the private chat and not stored.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../commands/index.js';
import { bindFormCard } from '../src/cards/account.js';
import { serviceLogs, type Role } from '../src/db/schema/index.js';
import { t } from '../src/text/zh-CN.js';
import { ask, bindDirect, deliverMessage, helpCommands } from './helpers/bot.js';
import { startHarness, textOf, type Harness } from './helpers/harness.js';

const STUDENT = 'ou_conv_student'; // 2023010102 李浩然
const SECRETARY = 'ou_conv_secretary'; // 2023010101 王梓涵, 计科2301团支部
const COLLEGE_ADMIN = 'ou_conv_college'; // T1001 陈晓东, 计算机科学与工程学院
const SCHOOL_ADMIN = 'ou_conv_school'; // T0001 刘建华
const NOBODY = 'ou_conv_nobody'; // not on the roster
const ACCOUNT_BY_ROLE: Record<Role, string> = { student: STUDENT, secretary: SECRETARY, college_admin: COLLEGE_ADMIN, school_admin: SCHOOL_ADMIN };
const GROUP = 'oc_conv_group';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
  await h.importRoster();
  bindDirect(h, '2023010102', STUDENT);
  bindDirect(h, '2023010101', SECRETARY);
  bindDirect(h, 'T1001', COLLEGE_ADMIN);
  bindDirect(h, 'T0001', SCHOOL_ADMIN);
});
afterAll(() => h.close());

describe('an unknown command is answered with the closest one', () => {
  it('/报道 → 是不是想发 /报到？', async () => {
    expect(await ask(h, STUDENT, '/报道')).toBe('没有「/报道」这个命令，是不是想发 /报到？发送 /帮助 查看可用命令。');
  });

  it('names the words it read and suggests the Chinese alias for pinyin or a mistyped English name', async () => {
    expect(await ask(h, STUDENT, '/bao dao 幸福社区')).toBe(t('error.unknownCommandSuggest', { name: '/bao dao', suggestion: '/报到' }));
    expect(await ask(h, STUDENT, '/chekin')).toBe(t('error.unknownCommandSuggest', { name: '/chekin', suggestion: '/报到' }));
  });

  it('takes a command typed in traditional characters for the command it spells', async () => {
    expect(textOf(await h.say(STUDENT, '/幫助'))).toBe(textOf(await h.say(STUDENT, '/帮助')));
  });

  it('suggests only what the sender may use, else answers as before', async () => {
    expect(await ask(h, SECRETARY, '/审合')).toBe(t('error.unknownCommandSuggest', { name: '/审合', suggestion: '/审核' }));
    expect(await ask(h, STUDENT, '/审合')).toBe(t('error.unknownCommand', { name: '/审合' }));
    expect(await ask(h, NOBODY, '/报道')).toBe(t('error.unknownCommand', { name: '/报道' }));
  });
});

describe('/帮助 per role', () => {
  /** The help card's text, per role (and unbound), asked once. */
  const cards = new Map<Role | 'unbound', string>();
  const lists = new Map<Role | 'unbound', string[]>();
  beforeAll(async () => {
    for (const [who, openId] of [...Object.entries(ACCOUNT_BY_ROLE), ['unbound', NOBODY]] as [Role | 'unbound', string][]) {
      const reply = await h.say(openId, '/帮助');
      cards.set(who, textOf(reply));
      lists.set(who, helpCommands(reply));
    }
  });
  /** A help line as the card's markdown holds it (inside the card JSON, so quotes are escaped). */
  const line = (example: string, summary: string) => JSON.stringify(`- \`${example}\` ${summary}`).slice(1, -1);

  it('/审核 says 本支部 to a 团支书, 本院 to a 团总支, 全校 to a 团委 — and no other role’s wording', () => {
    const wording: Record<Exclude<Role, 'student'>, string> = {
      secretary: t('cmd.review.summary'),
      college_admin: t('cmd.review.college_admin.summary'),
      school_admin: t('cmd.review.school_admin.summary'),
    };
    expect(wording).toEqual({ secretary: '审核本支部成员的服务记录', college_admin: '审核本院学生和团支书提交的服务记录', school_admin: '审核全校的服务记录（含团总支提交的）' });
    for (const [role, summary] of Object.entries(wording)) {
      const card = cards.get(role as Role)!;
      expect(card, role).toContain(line('/审核', summary));
      for (const other of Object.values(wording).filter((s) => s !== summary)) expect(card, role).not.toContain(other);
    }
    expect(cards.get('student')).not.toContain('/审核');
  });

  it('a 团总支 reads nothing about 本支部, a 团委 nothing about 本支部 or 本院', () => {
    expect(cards.get('college_admin')).not.toContain('本支部');
    expect(cards.get('school_admin')).not.toMatch(/本支部|本院/);
    expect(cards.get('secretary')).toContain(line('/支部', t('cmd.branch.secretary.summary')));
    expect(cards.get('college_admin')).toContain(line('/支部', t('cmd.branch.college_admin.summary')));
    expect(cards.get('school_admin')).toContain(line('/支部', t('cmd.branch.school_admin.summary')));
  });

  it('lists /绑定 to an unbound user only', () => {
    expect(lists.get('unbound')).toEqual(['/帮助', '/绑定']);
    for (const role of Object.keys(ACCOUNT_BY_ROLE) as Role[]) {
      expect(lists.get(role), role).not.toContain('/绑定');
      expect(lists.get(role), role).toContain('/帮助');
    }
    expect(lists.get('school_admin')).toContain('/绑定群');
  });

  it('tells the reader to send the examples, not to click them', () => {
    for (const [who, card] of cards) expect(card, who).not.toMatch(/点命令|点击/);
    expect(cards.get('student')).toContain('照着示例发送即可');
  });

  it('no example, hint or form placeholder shows a student number of the demo or example roster', async () => {
    const rosterNumbers = ['examples/roster.csv', 'src/local/demoRoster.csv'].flatMap((f) =>
      fs.readFileSync(f, 'utf8').trim().split('\n').slice(1).map((row) => row.split(',')[2]!),
    );
    expect(rosterNumbers.length).toBeGreaterThan(30);
    const shown = [
      ...cards.values(),
      ...commands.map((c) => t(c.example)),
      await ask(h, NOBODY, '/我的'), // the "bind first" hint, with its example
      JSON.stringify(bindFormCard()),
    ];
    expect(shown.join('\n')).toContain('/绑定 20240000 张三');
    for (const text of shown) for (const no of rosterNumbers) expect(text).not.toContain(no);
  });
});

describe('a report told in a group', () => {
  /** `@bot text` in a group: every message the bot sent while handling it. */
  const inGroup = (openId: string, text: string) =>
    deliverMessage(h, { openId, chatType: 'group', chatId: GROUP, text: `@_user_1 ${text}`, mentions: [{ key: '@_user_1', openId: h.fake.botOpenId, name: '社区实践助手' }] });
  const logCount = () => h.bot.db.select().from(serviceLogs).all().length;

  it('is answered with one line pointing to the private chat, and nothing is stored', async () => {
    const before = logCount();
    const d = await inGroup(STUDENT, '今天在洛阳社区辅导作业两小时');
    expect(d.sent.map((m) => textOf(m))).toEqual(['服务记录请私聊我发送，群里不记录。']);
    expect(d.reply).toBe(d.sent[0]); // a reply to the report, in the group
    expect(logCount()).toBe(before);
    expect(logCount()).toBe(0);
  });

  it('a sentence that is not a report still gets the old hint', async () => {
    expect(textOf((await inGroup(STUDENT, '大家好，这个群是干什么的')).reply!)).toBe(t('hint.plainText'));
    expect(textOf((await inGroup(NOBODY, '你好')).reply!)).toBe(t('hint.plainText'));
  });
});
