/** `npm run digest`: posts this week's digests now through the claims and the outbox, once. */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDb, openDb } from '../src/db/client.js';
import { colleges } from '../src/db/schema/index.js';
import { importRosterFile } from '../src/app/import/roster.js';
import { startFakeOpenApi, type FakeOpenApi } from './fakes/openApi.js';
import { APP, tempDbPath } from './helpers/harness.js';

let fake: FakeOpenApi;
let dbPath: string;

beforeAll(async () => {
  fake = await startFakeOpenApi();
  dbPath = tempDbPath();
  const db = openDb(dbPath);
  await importRosterFile(db, fs.readFileSync('examples/roster.csv'), 'roster.csv', Date.now());
  db.select().from(colleges).all().forEach((c, i) => db.update(colleges).set({ chatId: `oc_cli_college_${i}` }).where(eq(colleges.id, c.id)).run());
  closeDb(db);
});
afterAll(() => fake.close());

// Asynchronous: the fake Open API lives in this process and must keep answering meanwhile.
const run = () =>
  new Promise<{ status: number; stdout: string; stderr: string }>((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'src/cli/digest.ts'], { encoding: 'utf8', env: {
      ...process.env,
      FEISHU_APP_ID: APP.appId,
      FEISHU_APP_SECRET: APP.appSecret,
      FEISHU_VERIFICATION_TOKEN: APP.token,
      FEISHU_ENCRYPT_KEY: APP.encryptKey,
      FEISHU_DOMAIN: fake.url,
      DATABASE_PATH: dbPath,
      LOG_LEVEL: 'error',
    } }, (err, stdout, stderr) => resolve({ status: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr }));
  });

describe('digest CLI', () => {
  it('posts one digest card per bound college group, and a second run sends nothing more', async () => {
    const first = await run();
    expect(first.status, first.stderr).toBe(0);
    const toGroups = () => fake.messages.filter((m) => m.receiveIdType === 'chat_id' && m.msgType === 'interactive');
    expect(toGroups().map((m) => m.receiveId).sort()).toEqual(['oc_cli_college_0', 'oc_cli_college_1']);
    const second = await run();
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout).toMatch(/posted 0/);
    expect(toGroups()).toHaveLength(2);
  });
});
