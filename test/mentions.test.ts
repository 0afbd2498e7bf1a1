/**
 * No user text can @-mention anyone through a text message (issue 17 point 2, CARDS.md "Text
 * messages"): every command, as every role, in a private chat and in a group, with `<at>` tags in
 * its arguments — and user data that carries them (a roster name, a college, a community, a
 * reject reason) echoed back in answers — and no text message the bot sends contains `<at`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../commands/index.js';
import { textMessageContent } from '../src/feishu/api.js';
import { addCommunity, ACCOUNTS, envelope, logBy, startLoop, type Loop, type Who } from './helpers/loop.js';

const TAGS = '<at user_id="all">所有人</at> <AT user_id="ou_loop_student">李</AT> < at id=all></at>';
const GROUP = 'oc_mentions_group';
let loop: Loop;

/** Every text message the bot has sent (replies, notices, alerts), as Feishu would read it. */
const sentTexts = () => loop.h.fake.messages.filter((m) => m.msgType === 'text').map((m) => String(m.content.text));

beforeAll(async () => {
  loop = await startLoop();
  await loop.h.say(ACCOUNTS.collegeAdmin, '/绑定群', { chatType: 'group', chatId: GROUP, mentionBot: true });
});
afterAll(() => loop.h.close());

describe('a text message never carries a mention', () => {
  it('the one encoder turns angle brackets full-width', () => {
    expect(JSON.parse(textMessageContent(`名字${TAGS}`)).text).toBe('名字＜at user_id="all"＞所有人＜/at＞ ＜AT user_id="ou_loop_student"＞李＜/AT＞ ＜ at id=all＞＜/at＞');
  });

  it('every command, as every role, in private and in a group, with <at> tags as its arguments', async () => {
    const roles: Who[] = ['student', 'secretary', 'collegeAdmin', 'schoolAdmin'];
    for (const c of commands) {
      for (const who of roles) {
        const name = c.aliases[0] ?? c.name;
        await loop.h.say(ACCOUNTS[who], `/${name} ${TAGS}`);
        await loop.h.say(ACCOUNTS[who], `/${name} ${TAGS}`, { chatType: 'group', chatId: GROUP, mentionBot: true });
      }
    }
    // Unknown commands echo what was typed, too.
    await loop.h.say(ACCOUNTS.student, `/${TAGS}`);
    expect(sentTexts().length).toBeGreaterThan(commands.length);
    expect(sentTexts().filter((text) => /<\s*at/i.test(text))).toEqual([]);
  });

  it('user data with tags — a community, a reject reason — echoed back in answers and notices', async () => {
    addCommunity(loop.h, `<at user_id="all">所有人</at>社区`);
    await loop.h.say(ACCOUNTS.student, `/记录 实事 2小时 在<at user_id="all">所有人</at>社区辅导作业`);
    await loop.h.say(ACCOUNTS.student, `/记录 实事 2小时 在<at user_id="all">所有人</at>社区辅导作业`, { chatType: 'group', chatId: GROUP, mentionBot: true });
    const log = await logBy(loop, 'student', { description: `给${TAGS}讲反诈` });
    await loop.h.click(ACCOUNTS.secretary, envelope('review.reject', { l: log.id }), { formValue: { reason: `照片不清楚${TAGS}` } });
    await loop.h.say(ACCOUNTS.schoolAdmin, `/解绑 2023010202 ${TAGS}`);
    expect(sentTexts().filter((text) => /<\s*at/i.test(text))).toEqual([]);
  });
});
