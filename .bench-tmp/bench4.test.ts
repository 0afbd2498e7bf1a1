import { it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { openDb, closeDb } from '../src/db/client.js';
import { migratedDbPath } from '../test/helpers/tempFiles.js';
import { startHarness } from '../test/helpers/harness.js';
it('bench', async () => {
  for (const base of ['/tmp', '/dev/shm']) {
    const a = performance.now();
    for (let i = 0; i < 20; i++) {
      const dir = fs.mkdtempSync(path.join(base, 'b-'));
      const f = path.join(dir, 'bot.db');
      fs.copyFileSync(migratedDbPath(), f);
      const db = openDb(f);
      for (let j = 0; j < 20; j++) db.$client.prepare("insert into settings (key, value, updated_at) values (?, '1', 0) on conflict do nothing").run('k' + j);
      closeDb(db);
      fs.rmSync(dir, { recursive: true });
    }
    console.log(base, ((performance.now() - a) / 20).toFixed(1), 'ms per open+20 writes+close');
  }
}, 60000);
