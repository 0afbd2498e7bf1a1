import { performance } from "node:perf_hooks";
import { it } from 'vitest';
import { startHarness } from '../test/helpers/harness.js';
import { messageEvent } from '../test/helpers/feishuEvents.js';
import { APP } from '../test/helpers/harness.js';
it('bench', async () => {
  const x = await startHarness();
  await x.importRoster();
  await x.say('ou_x', '/help');
  for (const text of ['/help', 'hello', '/我的', '/help']) {
    const times: number[] = [];
    for (let j = 0; j < 5; j++) {
      const messageId = `om_${Math.random().toString(16).slice(2)}`;
      const a = performance.now();
      const res = await x.post(messageEvent({ openId: 'ou_x', text, messageId }, { token: APP.token, appId: APP.appId }));
      const b = performance.now();
      await x.fake.waitFor((m) => m.replyTo === messageId, 3000);
      const c = performance.now();
      times.push(+(b - a).toFixed(0), +(c - b).toFixed(0));
    }
    console.log(text, times.join(' '));
  }
  await x.close();
}, 120000);
