/**
 * `npm run import -- <file>`: imports a roster file (.csv/.xlsx) into DATABASE_PATH and
 * prints the summary. Exit 0 when the file was read (bad rows are listed, the rest
 * imported); 1 when there is no file argument or the file as a whole cannot be used.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { closeDb, openDb } from '../db/client.js';
import { formatRosterSummary, importRosterFile, RosterFileError } from '../domain/roster.js';
import { roster as text } from '../text/roster.zh-CN.js';
import { format } from '../text/t.js';

async function main(args: string[]): Promise<number> {
  const file = args.find((a) => a !== '--');
  if (!file || file === '--help' || file === '-h') {
    console.error(text['cli.usage']);
    return file ? 0 : 1;
  }
  try {
    process.loadEnvFile();
  } catch {
    // No .env file: the process environment alone configures the CLI.
  }
  let data: Buffer;
  try {
    data = await fs.readFile(file);
  } catch {
    console.error(format(text['cli.fileNotFound'], { path: file }));
    console.error(text['cli.usage']);
    return 1;
  }
  const db = openDb(process.env.DATABASE_PATH || './data/bot.db');
  try {
    console.log(formatRosterSummary(await importRosterFile(db, data, path.basename(file), Date.now())));
    return 0;
  } catch (err) {
    if (!(err instanceof RosterFileError)) throw err;
    console.error(err.message);
    return 1;
  } finally {
    closeDb(db);
  }
}

process.exitCode = await main(process.argv.slice(2));
