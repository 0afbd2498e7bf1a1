import { performance } from "node:perf_hooks";
import { it } from 'vitest';
it('bench', async () => {
const t0 = performance.now();
const { openDb, closeDb } = await import('../src/db/client.ts');
const t1 = performance.now();
console.log('import db', (t1 - t0).toFixed(0));
for (let i = 0; i < 5; i++) {
  const a = performance.now();
  const db = openDb(':memory:');
  const b = performance.now();
  const buf = db.$client.serialize();
  const c = performance.now();
  closeDb(db);
  console.log('openDb memory', (b - a).toFixed(1), 'serialize', (c - b).toFixed(1), buf.length);
}
const os = await import('node:os'); const fs = await import('node:fs'); const path = await import('node:path');
for (let i = 0; i < 3; i++) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'b-'));
  const a = performance.now();
  const db = openDb(path.join(dir, 'bot.db'));
  const b = performance.now();
  closeDb(db);
  console.log('openDb file', (b - a).toFixed(1));
}
const t2 = performance.now();
const h = await import('../test/helpers/harness.ts');
console.log('import harness', (performance.now() - t2).toFixed(0));
for (let i = 0; i < 3; i++) {
  const a = performance.now();
  const x = await h.startHarness();
  const b = performance.now();
  await x.importRoster();
  const c = performance.now();
  const r = await x.say('ou_x', '/help');
  const d = performance.now();
  for (let j = 0; j < 10; j++) await x.say('ou_x', '/help');
  const e = performance.now();
  await x.close();
  const f = performance.now();
  console.log('start', (b - a).toFixed(0), 'roster', (c - b).toFixed(0), 'say1', (d - c).toFixed(0), 'say x10', (e - d).toFixed(0), 'close', (f - e).toFixed(0));
}

}, 120000);
