/** `npm run import -- <file>`: imports a roster file (.csv/.xlsx) into DATABASE_PATH. */
import { formatRosterSummary, importRosterFile, RosterFileError } from '../app/import/roster.js';
import { roster as text } from '../text/roster.zh-CN.js';
import { format } from '../text/t.js';
import { runFileImport } from './fileImport.js';

process.exitCode = await runFileImport(process.argv.slice(2), {
  usage: text['cli.usage'],
  fileNotFound: (file) => format(text['cli.fileNotFound'], { path: file }),
  run: importRosterFile,
  summary: formatRosterSummary,
  fileError: RosterFileError,
});
