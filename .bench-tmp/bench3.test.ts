import { performance } from "node:perf_hooks";
import fs from 'node:fs';
import { it } from 'vitest';
import { openDb, closeDb } from '../src/db/client.js';
import { startBot } from '../src/app.js';
import { silentLogger } from '../src/log.js';
import { startFakeOpenApi } from '../test/fakes/openApi.js';
import { testConfig, tempDbPath, TestClock } from '../test/helpers/harness.js';
it('bench', async () => {
  const T: Record<string, number[]> = {};
  const m = (k: string, v: number) => (T[k] ??= []).push(+v.toFixed(1));
  const tpl = tempDbPath();
  closeDb(openDb(tpl));
  for (let i = 0; i < 8; i++) {
    let a = performance.now();
    const p = tempDbPath();
    closeDb(openDb(p)); m('openDb fresh file', performance.now() - a);
    a = performance.now();
    const q = tempDbPath(); fs.copyFileSync(tpl, q);
    closeDb(openDb(q)); m('openDb copied', performance.now() - a);
    a = performance.now();
    const clock = new TestClock();
    const fake = await startFakeOpenApi({ clock }); m('fake', performance.now() - a);
    a = performance.now();
    const config = testConfig(fake, { DATABASE_PATH: q });
    const bot = await startBot(config, { clock, log: silentLogger }); m('startBot', performance.now() - a);
    a = performance.now();
    await bot.ready; m('ready', performance.now() - a);
    a = performance.now();
    await bot.stop(); m('stop', performance.now() - a);
    a = performance.now();
    await fake.close(); m('fake close', performance.now() - a);
  }
  for (const [k, v] of Object.entries(T)) console.log(k.padEnd(20), v.join(' '));
}, 120000);
