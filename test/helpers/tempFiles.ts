/**
 * Temporary folders and database files of the running test file, removed after its last test
 * (test/setup/tempFiles.ts), and a database with every migration applied, made once.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { closeDb, MIGRATIONS_FOLDER, openDb } from '../../src/db/client.js';

const CLIENT_SOURCE = fileURLToPath(new URL('../../src/db/client.ts', import.meta.url));

const made: string[] = [];

/**
 * Where test folders go: memory (/dev/shm) where there is one, as the tests' databases need no
 * disk — a killed process loses nothing from it either — and each commit and checkpoint then
 * costs no disk write.
 */
export const TEMP_ROOT = writable('/dev/shm') ? '/dev/shm' : os.tmpdir();

function writable(dir: string): boolean {
  try {
    fs.accessSync(dir, fs.constants.W_OK);
    return fs.statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

/** A new empty folder, removed after the test file's last test. */
export function tempDir(prefix = 'cpbot-'): string {
  const dir = fs.mkdtempSync(path.join(TEMP_ROOT, prefix));
  made.push(dir);
  return dir;
}

/** A path for a database file that does not exist yet, in a folder of its own. */
export function tempDbPath(): string {
  return path.join(tempDir(), 'bot.db');
}

/** Removes the folders made since the last call (the setup file calls it after each file). */
export function removeTempDirs(): void {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

// And whatever a run without that setup file (the browser tests' config) leaves, at exit.
process.once('exit', removeTempDirs);

let template: string | undefined;

/**
 * A database file already migrated, as `openDb` leaves a new one: a copy of one made by
 * `openDb` once per set of migrations and version of src/db/client.ts (keyed by their
 * content), so a test's bot opens it without applying every migration again (≈ 80 ms each
 * time; the copy takes ≈ 5 ms).
 */
export function migratedDbPath(): string {
  template ??= migratedTemplate();
  const file = tempDbPath();
  fs.copyFileSync(template, file);
  return file;
}

function migratedTemplate(): string {
  const hash = createHash('sha256').update(fs.readFileSync(CLIENT_SOURCE)).update('\0');
  for (const name of fs.readdirSync(MIGRATIONS_FOLDER, { recursive: true, encoding: 'utf8' }).sort()) {
    const file = path.join(MIGRATIONS_FOLDER, name);
    if (fs.statSync(file).isFile()) hash.update(name).update('\0').update(fs.readFileSync(file)).update('\0');
  }
  const dir = path.join(TEMP_ROOT, 'cpbot-migrated');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${hash.digest('hex').slice(0, 24)}.db`);
  if (!fs.existsSync(file)) {
    // Made aside and renamed into place: workers racing to make it each see a whole file.
    const making = tempDbPath();
    closeDb(openDb(making));
    fs.renameSync(making, file);
  }
  return file;
}
