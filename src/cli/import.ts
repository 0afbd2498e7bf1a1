/**
 * `npm run import -- <file> [--full | --partial]`: previews a roster file (.csv/.xlsx) against
 * DATABASE_PATH, then applies it as the 团委 chose (PRODUCT.md §8): `--full` makes the members
 * the file does not list inactive, `--partial` only adds and updates. Without either, a
 * terminal is asked; a run with no terminal (a script, CI) imports partially — adds and updates,
 * bad rows listed and the rest imported, as PRODUCT.md §7 promises scripts — and stops nobody:
 * stopping members always takes `--full` or a "f" typed at the prompt.
 */
import readline from 'node:readline/promises';
import { formatRosterSummary, RosterFileError } from '../app/import/roster.js';
import { applyRosterImport, cancelRosterImport, formatRosterPreview, previewRosterFile, type RosterPreview } from '../app/import/rosterPreview.js';
import type { Db } from '../db/client.js';
import type { RosterMode } from '../domain/roster.js';
import { roster as text } from '../text/roster.zh-CN.js';
import { format } from '../text/t.js';
import { runFileImport } from './fileImport.js';

const args = process.argv.slice(2);
const chosen: RosterMode | undefined = args.includes('--full') ? 'full' : args.includes('--partial') ? 'partial' : undefined;

/** The mode to apply, or null to leave the file unapplied (said why on stderr). */
async function decide(preview: RosterPreview): Promise<RosterMode | null> {
  if (chosen) return chosen;
  const missing = preview.plan.missing.length;
  const errors = preview.errors.length;
  if (!missing && !errors) return 'partial';
  if (process.stdin.isTTY) {
    const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
    const answer = (await rl.question(text['cli.ask'])).trim().toLowerCase();
    rl.close();
    return answer === 'f' ? 'full' : answer === 'p' ? 'partial' : null;
  }
  if (missing) console.error(format(text['cli.notStopped'], { count: missing }));
  return 'partial';
}

async function run(db: Db, data: Buffer, fileName: string, now: number): Promise<string> {
  const preview = await previewRosterFile(db, data, fileName, null, now);
  console.log(formatRosterPreview(preview));
  console.log('');
  const mode = await decide(preview);
  if (!mode) {
    cancelRosterImport(db, preview.importId, now);
    return text['cli.cancelled'];
  }
  return formatRosterSummary(applyRosterImport(db, preview.importId, mode, null, now));
}

process.exitCode = await runFileImport(args, {
  usage: text['cli.usage'],
  fileNotFound: (file) => format(text['cli.fileNotFound'], { path: file }),
  run,
  summary: (s) => s,
  fileError: RosterFileError,
});
