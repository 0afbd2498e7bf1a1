/**
 * The one reader for the spreadsheets admins upload (the roster, the community list): a .csv
 * (UTF-8 with or without BOM, or GBK as Excel on Chinese Windows saves it; CRLF or LF) or the
 * first sheet of an .xlsx, turned into trimmed cell text per declared column, each row with
 * the line number the user sees in an editor or Excel. Each import brings its own columns
 * and its own Chinese messages; the reading rules are shared so both behave the same.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { normalizeKey } from '../../domain/communityFields.js';
import { precheck, TABLE_LIMITS, type LinesResult, type TableProblem } from './tableLines.js';

export { TABLE_LIMITS, type TableProblem };

/** What a file format is made of, as one import declares it. */
export interface TableSpec<F extends string> {
  /** Every column the import knows, in its documented order. */
  fields: readonly F[];
  /** Columns that may be absent from the header. */
  optional: readonly F[];
  /** Header cell, after `normalizeKey`, → field; unknown header cells are ignored. */
  headers: Readonly<Record<string, F>>;
  /** The column's name as the user knows it (for "missing column" messages). */
  label(field: F): string;
  /** The error to throw for a whole-file problem (the caller's own error class and wording). */
  fail(problem: TableProblem, params?: Record<string, string | number>): Error;
}

/** One data row: trimmed cell text per field ('' when blank or when the column is absent). */
export interface TableRow<F extends string> { line: number; cells: Record<F, string> }

/** A file read into rows; `line` is 1-based as the user sees it in an editor or Excel. */
export interface TableParse<F extends string> { format: 'csv' | 'xlsx'; columns: F[]; rows: TableRow<F>[] }

export { normalizeKey };

/**
 * Reads `data` (named `fileName`, whose extension picks the format) against `spec`: the file is
 * checked against {@link TABLE_LIMITS} and read in a worker thread with a heap ceiling
 * (./tableLines.ts), here the header is matched. The header is the first non-blank line; blank
 * lines are skipped but still counted.
 * @throws the error `spec.fail` makes for an unsupported type, an unreadable file, a
 *   repeated or missing required column, or a file with no data rows.
 */
export async function readTable<F extends string>(data: Buffer, fileName: string, spec: TableSpec<F>): Promise<TableParse<F>> {
  const ext = path.extname(fileName).toLowerCase();
  if (ext !== '.csv' && ext !== '.xlsx') throw spec.fail('unsupportedType', { ext: ext || fileName });
  // Size and an .xlsx's unpacked size are judged from the bytes before any parsing starts.
  const read = precheck(data, ext) ?? (await readInWorker(data, ext));
  if ('problem' in read) throw spec.fail(read.problem, read.params);
  const lines = read.lines;

  const nonBlank = lines.filter((l) => l.cells.some((c) => c !== ''));
  const [header, ...body] = nonBlank;
  if (!header) throw spec.fail('empty');
  const index = new Map<F, number>();
  header.cells.forEach((cell, i) => {
    const field = Object.hasOwn(spec.headers, normalizeKey(cell)) ? spec.headers[normalizeKey(cell)] : undefined;
    if (!field) return;
    if (index.has(field)) throw spec.fail('duplicateColumn', { column: spec.label(field) });
    index.set(field, i);
  });
  const missing = spec.fields.filter((f) => !spec.optional.includes(f) && !index.has(f));
  if (missing.length > 0) throw spec.fail('missingColumns', { columns: missing.map((f) => spec.label(f)).join('、') });
  if (body.length === 0) throw spec.fail('noRows');

  const rows = body.map(({ line, cells }) => {
    const picked = {} as Record<F, string>;
    for (const f of spec.fields) {
      const i = index.get(f);
      picked[f] = i === undefined ? '' : (cells[i] ?? '');
    }
    return { line, cells: picked };
  });
  return { format: ext === '.csv' ? 'csv' : 'xlsx', columns: spec.fields.filter((f) => index.has(f)), rows };
}

/**
 * The worker for a file: the compiled ./tableWorker.js, or, when the bot runs from its TypeScript
 * sources (tsx, the tests), the .ts file loaded through tsx's loader registered in the worker.
 */
function startWorker(workerData: { data: Buffer; ext: '.csv' | '.xlsx' }): Worker {
  const resourceLimits = { maxOldGenerationSizeMb: TABLE_LIMITS.workerHeapMb };
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./tableWorker.js', import.meta.url), { workerData, resourceLimits });
  const tsx = tsxLoaderUrl();
  const entry = new URL('./tableWorker.ts', import.meta.url).href;
  const boot = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); })`;
  return new Worker(boot, { eval: true, workerData, resourceLimits });
}

/** tsx's ESM API (its `register`), as its package exports it to `import`. */
function tsxLoaderUrl(): string {
  const manifest = createRequire(import.meta.url).resolve('tsx/package.json');
  const { exports } = JSON.parse(readFileSync(manifest, 'utf8')) as { exports: Record<string, { import: { default: string } }> };
  return pathToFileURL(path.join(path.dirname(manifest), exports['./esm/api']!.import.default)).href;
}

/** Reads the file in a worker; a file that would need more than the worker's heap is refused. */
function readInWorker(data: Buffer, ext: '.csv' | '.xlsx'): Promise<LinesResult> {
  return new Promise((resolve, reject) => {
    const worker = startWorker({ data, ext });
    let answered = false;
    worker.once('message', (result: LinesResult) => {
      answered = true;
      resolve(result);
      void worker.terminate();
    });
    worker.once('error', (err: Error & { code?: string }) => {
      answered = true;
      if (err.code === 'ERR_WORKER_OUT_OF_MEMORY') resolve({ problem: 'tooHeavy' });
      else reject(err);
    });
    worker.once('exit', (code) => {
      if (!answered) reject(new Error(`spreadsheet worker exited with code ${code} before answering`));
    });
  });
}

/** How an import summary words its bad rows (each importer's own catalogue keys). */
export interface RowErrorTexts {
  none: string;
  header(count: number): string;
  row(e: { line: number; reason: string }): string;
  more(count: number): string;
}

const MAX_LISTED_ERRORS = 20;

/** An import summary: its head lines, then the bad rows by line, at most 20 of them listed. */
export function summaryText(head: string[], errors: readonly { line: number; reason: string }[], texts: RowErrorTexts): string {
  if (errors.length === 0) return [...head, texts.none].join('\n');
  const listed = [...errors].sort((a, b) => a.line - b.line).slice(0, MAX_LISTED_ERRORS);
  const more = errors.length - listed.length;
  return [...head, texts.header(errors.length), ...listed.map(texts.row), ...(more > 0 ? [texts.more(more)] : [])].join('\n');
}
