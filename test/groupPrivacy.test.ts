/**
 * Groups see no personal queues (issue 17 point 3, PRODUCT.md §8): /审核, /我的, /推荐, /支部 and
 * /绑定 typed in a group are answered in the sender's private chat — refusals too — and the group
 * gets one line saying so, with nothing of the answer in it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../src/text/zh-CN.js';
import { ACCOUNTS, logBy, said, startLoop, type Loop } from './helpers/loop.js';

const GROUP = 'oc_privacy_group';
let loop: Loop;

beforeAll(async () => {
  loop = await startLoop();
  await loop.h.say(ACCOUNTS.collegeAdmin, '/绑定群', { chatType: 'group', chatId: GROUP, mentionBot: true });
  await logBy(loop, 'student', { description: '在幸福社区给孩子辅导作业（私人内容）' });
});
afterAll(() => loop.h.close());

/** Types `text` in the group and returns what went to the group and what went to the sender privately. */
async function inGroup(openId: string, text: string) {
  const since = loop.h.fake.messages.length;
  await loop.h.say(openId, text, { chatType: 'group', chatId: GROUP, mentionBot: true });
  const sent = loop.h.fake.messages.slice(since);
  return {
    // Answers in the group are replies to the typed message; private ones are sends to the person.
    group: sent.filter((m) => m.kind === 'reply' || m.receiveId === GROUP).map(said),
    mine: sent.filter((m) => m.kind === 'send' && m.receiveId === openId).map(said),
  };
}

describe('personal commands typed in a group', () => {
  it.each([
    ['/审核', ACCOUNTS.secretary, '审核'],
    ['/我的', ACCOUNTS.student, '我的'],
    ['/推荐', ACCOUNTS.secretary, '推荐'],
    ['/支部', ACCOUNTS.secretary, '支部'],
  ])('%s: the answer comes privately; the group gets one line', async (text, who, command) => {
    const { group, mine } = await inGroup(who, text);
    expect(group).toEqual([t('group.answeredPrivately', { command })]);
    expect(mine).toHaveLength(1);
    expect(mine[0]!.length).toBeGreaterThan(0);
  });

  it('the review queue with the student\'s words reaches the secretary, never the group', async () => {
    const { group, mine } = await inGroup(ACCOUNTS.secretary, '/审核');
    expect(mine.join('\n')).toContain('私人内容');
    expect(group.join('\n')).not.toContain('私人内容');
  });

  it('/绑定 with a 学号 in a group: the answer (here a refusal) comes privately', async () => {
    const { group, mine } = await inGroup('ou_privacy_stranger', '/绑定 2099999999 张三');
    expect(group).toEqual([t('group.answeredPrivately', { command: '绑定' })]);
    expect(mine).toEqual([t('bind.noMatch')]);
  });

  it('a refusal of who may use it comes privately too', async () => {
    const { group, mine } = await inGroup(ACCOUNTS.student, '/审核');
    expect(group).toEqual([t('group.answeredPrivately', { command: '审核' })]);
    expect(mine).toEqual([t('error.forbidden', { command: '审核', role: t('role.secretary') })]);
  });

  it('commands with nothing personal still answer in the group', async () => {
    const { group, mine } = await inGroup(ACCOUNTS.collegeAdmin, '/学院');
    expect(group).toHaveLength(1);
    expect(group[0]).not.toBe(t('group.answeredPrivately', { command: '学院' }));
    expect(mine).toEqual([]);
  });
});
