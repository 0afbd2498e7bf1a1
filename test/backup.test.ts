/** `npm run backup -- <file>`: an online copy of the database that opens with everything in it. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeDb, openDb } from '../src/db/client.js';
import { importRosterFile } from '../src/app/import/roster.js';
import { tempDbPath } from './helpers/harness.js';

const run = (args: string[], env: Record<string, string>) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/backup.ts', ...args], { encoding: 'utf8', env: { ...process.env, ...env } });

describe('backup CLI', () => {
  it('copies a live database (another connection still open) into a file that opens with the same rows', async () => {
    const source = tempDbPath();
    const db = openDb(source);
    await importRosterFile(db, fs.readFileSync('examples/roster.csv'), 'roster.csv', Date.now());
    const target = path.join(path.dirname(source), 'copy', 'backup.db');
    const res = run([target], { DATABASE_PATH: source });
    expect(res.status, res.stderr).toBe(0);
    expect(res.stdout).toContain('backup written');
    const copy = openDb(target);
    expect(copy.$client.prepare('SELECT count(*) AS n FROM members').get()).toEqual(db.$client.prepare('SELECT count(*) AS n FROM members').get());
    closeDb(copy);
    closeDb(db);
  });

  it('refuses to overwrite an existing file and explains usage without an argument', () => {
    const source = tempDbPath();
    closeDb(openDb(source));
    expect(run([], { DATABASE_PATH: source }).status).toBe(1);
    const existing = path.join(path.dirname(source), 'exists.db');
    fs.writeFileSync(existing, 'keep me');
    const res = run([existing], { DATABASE_PATH: source });
    expect(res.status).toBe(1);
    expect(fs.readFileSync(existing, 'utf8')).toBe('keep me');
  });
});
