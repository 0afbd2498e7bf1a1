/** `npm run import-communities -- <file>`: imports a community list (.csv/.xlsx) into DATABASE_PATH. */
import { CommunityFileError, formatCommunitySummary, importCommunitiesFile } from '../app/import/communities.js';
import { communities as text } from '../text/communities.zh-CN.js';
import { format } from '../text/t.js';
import { runFileImport } from './fileImport.js';

process.exitCode = await runFileImport(process.argv.slice(2), {
  usage: text['community.cli.usage'],
  fileNotFound: (file) => format(text['community.cli.fileNotFound'], { path: file }),
  run: importCommunitiesFile,
  summary: formatCommunitySummary,
  fileError: CommunityFileError,
});
