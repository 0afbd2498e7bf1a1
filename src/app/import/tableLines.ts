/**
 * The raw reading of an uploaded spreadsheet — bytes to lines of cell text — run in a worker
 * thread (./tableWorker.ts) with a memory ceiling, so a hostile file (a zip bomb, a million
 * rows) can neither stall the bot's event loop nor keep its memory (issue 17): the worker's heap
 * goes when the worker does. No header logic here and no Chinese: a whole-file problem is returned
 * as a {@link TableProblem} for the importer to word.
 */
import { inflateRawSync } from 'node:zlib';
import { parse as parseCsv } from 'csv-parse/sync';

/** One line of the file: its 1-based number as the user sees it, and its trimmed cells. */
export interface RawLine { line: number; cells: string[] }

/** A whole-file problem; the import that reads the file words the message. */
export type TableProblem =
  | 'unsupportedType' // params: ext
  | 'empty'
  | 'noRows'
  | 'missingColumns' // params: columns (labels joined by 、)
  | 'duplicateColumn' // params: column (label)
  | 'badCsv' // params: line, detail
  | 'badXlsx' // params: detail
  | 'noWorksheet'
  | 'tooLarge' // params: mb — the file itself
  | 'tooLargeUnpacked' // params: mb — an .xlsx once unpacked (its zip directory says so)
  | 'tooManyRows' // params: max
  | 'tooHeavy'; // reading it would need more memory than a file may take

/** What reading gave: the lines, or the problem that stopped it. */
export type LinesResult = { lines: RawLine[] } | { problem: TableProblem; params?: Record<string, string | number> };

/**
 * Limits of one file. A roster of 50,000 students is ≈ 3 MB as CSV and ≈ 2 MB as .xlsx (≈ 12 MB
 * unpacked); these leave ample room for that and none for a bomb.
 */
export const TABLE_LIMITS = {
  /** The file as sent (the bot refuses larger ones before downloading them). */
  bytes: 10 * 1024 * 1024,
  /** An .xlsx's parts once unpacked, summed from its zip directory before anything is inflated. */
  unpackedBytes: 80 * 1024 * 1024,
  /** Lines of a CSV or rows of the sheet, counted before they are parsed. */
  rows: 200_000,
  /** The worker's V8 heap; a file that needs more is refused, and the memory goes with the worker. */
  workerHeapMb: 512,
} as const;

const MB = 1024 * 1024;

function decodeText(data: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(data);
  } catch {
    // Excel on Chinese Windows saves "CSV" as GBK unless told "CSV UTF-8"; such a file is
    // never valid UTF-8, so decoding it as GB18030 (a superset of GBK) is a safe fallback.
    return new TextDecoder('gb18030').decode(data);
  }
}

/** Line breaks in the bytes: an upper bound on the CSV's records, counted without decoding. */
function countLines(data: Buffer): number {
  let n = 1;
  for (let i = data.indexOf(10); i !== -1; i = data.indexOf(10, i + 1)) n++;
  return n;
}

function readCsvLines(data: Buffer): LinesResult {
  if (countLines(data) > TABLE_LIMITS.rows + 1) return { problem: 'tooManyRows', params: { max: TABLE_LIMITS.rows } };
  const source = decodeText(data);
  let records: { record: string[]; info: { bytes: number } }[];
  try {
    // The typings do not model `info: true`, which wraps each record as {record, info}.
    records = parseCsv(source, { info: true, trim: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: false }) as unknown as typeof records;
  } catch (err) {
    const e = err as Error & { lines?: number };
    return { problem: 'badCsv', params: { line: e.lines ?? 1, detail: e.message } };
  }
  // csv-parse's own `info.lines` counts a CRLF inside a quoted field as two lines, so
  // the start line of each record is counted here from the byte offset where it begins.
  const bytes = Buffer.from(source);
  let line = 1;
  let offset = 0;
  return {
    lines: records.map(({ record, info }) => {
      const start = line;
      const consumed = bytes.subarray(offset, info.bytes).toString();
      line += consumed.match(/\r\n|\r|\n/g)?.length ?? 0;
      offset = info.bytes;
      return { line: start, cells: record.map((c) => c.trim()) };
    }),
  };
}

/** A zip entry as its central directory states it. */
interface ZipEntryInfo {
  method: number;
  packedSize: number;
  size: number;
  localOffset: number;
}

/**
 * The entries of a zip, from its central directory (read, never inflated), or null when the
 * bytes are not a zip this reader trusts (no end record, a ZIP64 archive, an entry count that
 * does not add up). An .xlsx is a zip of XML parts.
 */
function zipEntries(data: Buffer): ZipEntryInfo[] | null {
  const EOCD = 0x06054b50;
  const CENTRAL = 0x02014b50;
  // The end record is the last 22 bytes, plus a comment of at most 65,535.
  let end = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 65_535); i--) {
    if (data.readUInt32LE(i) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const entries = data.readUInt16LE(end + 10);
  const dirSize = data.readUInt32LE(end + 12);
  const dirOffset = data.readUInt32LE(end + 16);
  if (entries === 0xffff || dirOffset === 0xffffffff || dirOffset + dirSize > end) return null;
  const list: ZipEntryInfo[] = [];
  let at = dirOffset;
  for (let k = 0; k < entries; k++) {
    if (at + 46 > end || data.readUInt32LE(at) !== CENTRAL) return null;
    const entry = { method: data.readUInt16LE(at + 10), packedSize: data.readUInt32LE(at + 20), size: data.readUInt32LE(at + 24), localOffset: data.readUInt32LE(at + 42) };
    if (entry.size === 0xffffffff || entry.packedSize === 0xffffffff) return null; // ZIP64: no spreadsheet of ours needs it
    list.push(entry);
    at += 46 + data.readUInt16LE(at + 28) + data.readUInt16LE(at + 30) + data.readUInt16LE(at + 32);
  }
  return list;
}

/** The summed uncompressed size the zip's directory declares, or null for a zip this reader does not trust. */
export function unpackedSize(data: Buffer): number | null {
  const entries = zipEntries(data);
  return entries ? entries.reduce((n, e) => n + e.size, 0) : null;
}

/**
 * Whether every entry inflates to no more than its directory declares (a directory may lie: a
 * 1 KB part that inflates to 300 MB). Each part is inflated with that ceiling, one at a time, so
 * a lie costs at most the declared size, which {@link precheck} already bounded.
 */
function entriesKeepTheirWord(data: Buffer): boolean {
  for (const e of zipEntries(data) ?? []) {
    const local = e.localOffset;
    if (local + 30 > data.length || data.readUInt32LE(local) !== 0x04034b50) return false;
    const start = local + 30 + data.readUInt16LE(local + 26) + data.readUInt16LE(local + 28);
    const packed = data.subarray(start, start + e.packedSize);
    if (e.method === 0) {
      if (packed.length > e.size) return false;
      continue;
    }
    try {
      if (inflateRawSync(packed, { maxOutputLength: Math.max(1, e.size) }).length > e.size) return false;
    } catch {
      return false; // larger than declared (ERR_BUFFER_TOO_LARGE), or not deflate data
    }
  }
  return true;
}

/** Checks that need no parsing, done before a worker is started: size, and an .xlsx's unpacked size. */
export function precheck(data: Buffer, ext: '.csv' | '.xlsx'): LinesResult | null {
  if (data.length > TABLE_LIMITS.bytes) return { problem: 'tooLarge', params: { mb: TABLE_LIMITS.bytes / MB } };
  if (ext === '.csv') return null;
  const unpacked = unpackedSize(data);
  if (unpacked === null) return { problem: 'badXlsx', params: { detail: 'not a zip archive' } };
  if (unpacked > TABLE_LIMITS.unpackedBytes) return { problem: 'tooLargeUnpacked', params: { mb: TABLE_LIMITS.unpackedBytes / MB } };
  return null;
}

async function readXlsxLines(data: Buffer): Promise<LinesResult> {
  if (!entriesKeepTheirWord(data)) return { problem: 'tooLargeUnpacked', params: { mb: TABLE_LIMITS.unpackedBytes / MB } };
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types its input as an ArrayBuffer-like `Buffer`; at runtime it takes a Node Buffer.
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch (err) {
    return { problem: 'badXlsx', params: { detail: (err as Error).message } };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { problem: 'noWorksheet' };
  if (sheet.actualRowCount > TABLE_LIMITS.rows + 1) return { problem: 'tooManyRows', params: { max: TABLE_LIMITS.rows } };
  const lines: RawLine[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c).value).trim());
    lines.push({ line: rowNumber, cells });
  });
  return { lines };
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

/** The file's lines (what the worker runs). */
export function readLines(data: Buffer, ext: '.csv' | '.xlsx'): Promise<LinesResult> | LinesResult {
  return precheck(data, ext) ?? (ext === '.csv' ? readCsvLines(data) : readXlsxLines(data));
}
