/**
 * The one reader for the spreadsheets admins upload (the roster, the community list): a .csv
 * (UTF-8 with or without BOM, or GBK as Excel on Chinese Windows saves it; CRLF or LF) or the
 * first sheet of an .xlsx, turned into trimmed cell text per declared column, each row with
 * the line number the user sees in an editor or Excel. Each import brings its own columns
 * and its own Chinese messages; the reading rules are shared so both behave the same.
 */
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { normalizeKey } from '../../domain/communityFields.js';

/** A whole-file problem; the import that reads the file words the message. */
export type TableProblem =
  | 'unsupportedType' // params: ext
  | 'empty'
  | 'noRows'
  | 'missingColumns' // params: columns (labels joined by 、)
  | 'duplicateColumn' // params: column (label)
  | 'badCsv' // params: line, detail
  | 'badXlsx' // params: detail
  | 'noWorksheet';

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
 * Reads `data` (named `fileName`, whose extension picks the format) against `spec`.
 * The header is the first non-blank line; blank lines are skipped but still counted.
 * @throws the error `spec.fail` makes for an unsupported type, an unreadable file, a
 *   repeated or missing required column, or a file with no data rows.
 */
export async function readTable<F extends string>(data: Buffer, fileName: string, spec: TableSpec<F>): Promise<TableParse<F>> {
  const ext = path.extname(fileName).toLowerCase();
  let lines: RawLine[];
  if (ext === '.csv') lines = readCsvLines(data, spec);
  else if (ext === '.xlsx') lines = await readXlsxLines(data, spec);
  else throw spec.fail('unsupportedType', { ext: ext || fileName });

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

interface RawLine { line: number; cells: string[] }

function decodeText(data: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(data);
  } catch {
    // Excel on Chinese Windows saves "CSV" as GBK unless told "CSV UTF-8"; such a file is
    // never valid UTF-8, so decoding it as GB18030 (a superset of GBK) is a safe fallback.
    return new TextDecoder('gb18030').decode(data);
  }
}

function readCsvLines(data: Buffer, spec: TableSpec<string>): RawLine[] {
  const source = decodeText(data);
  let records: { record: string[]; info: { bytes: number } }[];
  try {
    // The typings do not model `info: true`, which wraps each record as {record, info}.
    records = parseCsv(source, { info: true, trim: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: false }) as unknown as typeof records;
  } catch (err) {
    const e = err as Error & { lines?: number };
    throw spec.fail('badCsv', { line: e.lines ?? 1, detail: e.message });
  }
  // csv-parse's own `info.lines` counts a CRLF inside a quoted field as two lines, so
  // the start line of each record is counted here from the byte offset where it begins.
  const bytes = Buffer.from(source);
  let line = 1;
  let offset = 0;
  return records.map(({ record, info }) => {
    const start = line;
    const consumed = bytes.subarray(offset, info.bytes).toString();
    line += consumed.match(/\r\n|\r|\n/g)?.length ?? 0;
    offset = info.bytes;
    return { line: start, cells: record.map((c) => c.trim()) };
  });
}

async function readXlsxLines(data: Buffer, spec: TableSpec<string>): Promise<RawLine[]> {
  // Loaded on first use: exceljs takes ≈ 0.3 s and ≈ 30 MB to load, for the odd .xlsx upload.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types its input as an ArrayBuffer-like `Buffer`; at runtime it takes a Node Buffer.
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch (err) {
    throw spec.fail('badXlsx', { detail: (err as Error).message });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw spec.fail('noWorksheet');
  const lines: RawLine[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c).value).trim());
    lines.push({ line: rowNumber, cells });
  });
  return lines;
}

/** Excel cell value → the text a user sees: integers without '.0', rich text joined, formula results. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(0) : String(value);
  if (typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; result?: unknown; formula?: unknown; sharedFormula?: unknown; text?: unknown };
    if (v.richText) return v.richText.map((r) => r.text).join('');
    if ('formula' in v || 'sharedFormula' in v || 'result' in v) return cellText(v.result);
    if ('text' in v) return cellText(v.text); // hyperlink
  }
  return ''; // error values such as #N/A
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
