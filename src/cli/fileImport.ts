/**
 * The shared body of the file-import CLIs (roster, communities): read the file named on the
 * command line, import it into DATABASE_PATH, print the summary. Exit 0 when the file was
 * read (bad rows are listed, the rest imported); 1 when there is no file argument, it cannot
 * be read, or the file as a whole cannot be used.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { configOrExplain } from '../config.js';
import { closeDb, openDb, type Db } from '../db/client.js';

export interface FileImport<S> {
  usage: string;
  fileNotFound: (file: string) => string;
  run: (db: Db, data: Buffer, fileName: string, now: number) => Promise<S>;
  summary: (s: S) => string;
  /** The whole-file error class of this import (its message is shown as is). */
  fileError: new (...args: never[]) => Error;
}

export async function runFileImport<S>(args: string[], spec: FileImport<S>): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    console.error(spec.usage);
    return 0;
  }
  // Options (`--full`) are the import's own; the first other argument is the file.
  const file = args.find((a) => !a.startsWith('-'));
  if (!file) {
    console.error(spec.usage);
    return 1;
  }
  const config = configOrExplain('offline');
  if (!config) return 1;
  let data: Buffer;
  try {
    data = await fs.readFile(file);
  } catch {
    console.error(spec.fileNotFound(file));
    console.error(spec.usage);
    return 1;
  }
  const db = openDb(config.databasePath);
  try {
    console.log(spec.summary(await spec.run(db, data, path.basename(file), Date.now())));
    return 0;
  } catch (err) {
    if (!(err instanceof spec.fileError)) throw err;
    console.error(err.message);
    return 1;
  } finally {
    closeDb(db);
  }
}
