/**
 * The Excel export (PRODUCT.md §6): one workbook with 学院汇总, 团支部明细, 服务记录,
 * 报到记录, 结对协议, 项目清单, 季度总结, 兼任推荐 — Chinese headers, frozen header row,
 * set column widths. Written with exceljs' streaming writer, committing each row as it goes,
 * so memory stays flat however many service logs the school has.
 */
import type { Writable } from 'node:stream';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import ExcelJS from 'exceljs';
import type { Db } from '../../db/client.js';
import * as schema from '../../db/schema/index.js';
import { FOUR_ITEMS } from '../../db/schema/index.js';
import { t, type MessageKey } from '../../text/zh-CN.js';
import { checkinRows, logRows, pairingRows, projectRows, recommendationRows, reportRows, type Cell, type DetailSource, type YearRef } from './details.js';
import { summaryRows } from './summary.js';

/** Called as rows are written (every few thousand rows and at the end of each sheet). */
export type ExportProgress = (p: { sheet: string; done: number; total: number }) => void;

export interface ExportOptions {
  /** IANA zone for timestamps (default Asia/Shanghai). */
  timeZone?: string;
}

export interface ExportResult {
  sheets: { name: string; rows: number }[];
  rows: number;
}

interface Column {
  header: MessageKey;
  width: number;
  numFmt?: string;
}

const col = (header: MessageKey, width: number, numFmt?: string): Column => ({ header, width, numFmt });

// exceljs drops a column of width 9 (its default) from <cols>, so no column uses exactly 9.
/** Excel's limit is 1,048,576 rows a sheet; the rest continues on a 服务记录（续2） sheet. */
const MAX_DATA_ROWS = 1_048_575;
/** How often the writer lets the zip stream drain and reports progress. */
const CHUNK = 2_000;

const person = [col('export.col.college', 22), col('export.col.branch', 18), col('export.col.studentNo', 13), col('export.col.name', 10), col('export.col.mobile', 14)];

const SHEETS = {
  colleges: [
    col('export.col.college', 24), col('export.col.branches', 10), col('export.col.participating', 13), col('export.col.coverage', 10, '0.0%'),
    col('export.col.target', 8, '0%'), col('export.col.reached', 10), col('export.col.approvedHours', 17, '0.0'),
    col('export.col.pendingLogs', 12), col('export.col.pendingHours', 17, '0.0'),
  ],
  branches: [
    col('export.col.college', 24), col('export.col.branch', 20), col('export.col.community', 22), col('export.col.pairingStatus', 14),
    col('export.col.isParticipating', 10), ...FOUR_ITEMS.map((i) => col(`item.${i}`, 6)), col('export.col.fourDone', 11),
    col('export.col.approvedHours', 17, '0.0'), col('export.col.members', 8), col('export.col.idleMembers', 13),
  ],
  logs: [
    col('export.col.id', 10), col('export.col.serviceDate', 12), ...person, col('export.col.item', 8), col('export.col.itemLabel', 14),
    col('export.col.area', 11), col('export.col.community', 20), col('export.col.hours', 12, '0.0'), col('export.col.mode', 6),
    col('export.col.source', 10), col('export.col.status', 8), col('export.col.description', 50), col('export.col.rating', 10),
    col('export.col.communityRating', 10), col('export.col.reviewer', 10), col('export.col.reviewedAt', 17), col('export.col.rejectReason', 24),
    col('export.col.createdAt', 17),
  ],
  checkins: [
    col('export.col.id', 10), col('export.col.checkinDate', 12), ...person, col('export.col.community', 20), col('export.col.checkinKind', 10),
    col('export.col.checkedInAt', 17), col('export.col.checkedOutAt', 17), col('export.col.logId', 13),
  ],
  pairings: [
    col('export.col.college', 24), col('export.col.branch', 20), col('export.col.community', 22), col('export.col.level', 10),
    col('export.col.region', 16), col('export.col.tags', 30), col('export.col.pairingStatus', 14), col('export.col.signedOn', 12),
    col('export.col.endedOn', 12), col('export.col.contactName', 10), col('export.col.contactPhone', 14), col('export.col.agreementFile', 24),
    col('export.col.sharedReason', 30),
  ],
  projects: [
    col('export.col.college', 24), col('export.col.branch', 20), col('export.col.project', 24), col('export.col.area', 11),
    col('export.col.items', 20), col('export.col.goals', 30), col('export.col.tasks', 30), col('export.col.responsibilities', 30),
    col('export.col.cooperationStart', 12), col('export.col.cooperationEnd', 12), col('export.col.community', 20),
    col('export.col.projectGroup', 24), col('export.col.positions', 8),
  ],
  reports: [
    col('export.col.college', 24), col('export.col.quarter', 10), col('export.col.dueOn', 12), col('export.col.reportKind', 16),
    col('export.col.title', 24), col('export.col.body', 60), col('export.col.status', 8), col('export.col.submittedBy', 10),
    col('export.col.submittedAt', 17), col('export.col.late', 10), col('export.col.attachments', 30),
  ],
  recommendations: [
    col('export.col.college', 24), col('export.col.branch', 20), col('export.col.studentNo', 13), col('export.col.name', 10),
    col('export.col.post', 12), col('export.col.community', 22), col('export.col.status', 8), col('export.col.score', 8, '0.0'),
    col('export.col.recommendedBy', 10), col('export.col.recordedAt', 17),
  ],
} satisfies Record<string, Column[]>;

/** Bytes a sheet may hold unzipped in memory before the writer waits for the zip to catch up. */
const MAX_BUFFERED = 8 << 20;

interface StreamBufInternals {
  buffers?: { length: number }[];
  pipes?: { writableLength?: number; readableLength?: number }[];
}

/**
 * exceljs has no backpressure: a sheet's StreamBuf ignores what `write()` returns, and rows
 * committed faster than zlib and the disk take them pile up in memory (hundreds of MB for a
 * large school). So the writer waits while the sheet's buffered bytes — still in the sheet's
 * buffer, or in the PassThrough archiver wraps it in (exceljs' StreamBuf looks like no
 * readable stream to archiver) — are above a bound. Reads exceljs 4.4 internals.
 */
async function drain(sheet: ExcelJS.Worksheet): Promise<void> {
  const stream = (sheet as unknown as { stream?: StreamBufInternals }).stream;
  for (;;) {
    const held = (stream?.buffers ?? []).reduce((n, b) => n + b.length, 0) + (stream?.pipes ?? []).reduce((n, p) => n + (p.writableLength ?? 0) + (p.readableLength ?? 0), 0);
    if (held < MAX_BUFFERED) return;
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

/**
 * A connection of its own for the export: iterating holds a better-sqlite3 connection busy,
 * and the export awaits between chunks, so the bot's connection must stay free for other
 * updates meanwhile. One read transaction gives every sheet the same snapshot: the record
 * sheets read the connection directly, the summary sheets read it through drizzle as the
 * metrics' `Db` (no migrations: the bot's connection has applied them, and this one is read-only).
 * An in-memory database has no second connection; it is read in place.
 */
function openReader(db: Db): { db: Db; conn: Database.Database; close(): void } {
  const main = db.$client;
  if (main.memory) return { db, conn: main, close() {} };
  const conn = new Database(main.name, { readonly: true, fileMustExist: true });
  conn.pragma('busy_timeout = 5000');
  conn.exec('BEGIN');
  return { db: drizzle(conn, { schema, casing: 'snake_case' }) as Db, conn, close: () => conn.close() };
}

class SheetWriter {
  constructor(
    private readonly book: ExcelJS.stream.xlsx.WorkbookWriter,
    private readonly onProgress: ExportProgress | undefined,
    readonly result: ExportResult,
  ) {}

  private open(name: string, columns: Column[]): ExcelJS.Worksheet {
    const sheet = this.book.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
    sheet.columns = columns.map((c, i) => ({ key: String(i), header: t(c.header), width: c.width, ...(c.numFmt ? { style: { numFmt: c.numFmt } } : {}) }));
    const header = sheet.getRow(1);
    header.font = { bold: true };
    header.commit();
    return sheet;
  }

  /** Writes one sheet (continued on further sheets past Excel's row limit). */
  async write(name: MessageKey, columns: Column[], rows: Iterable<Cell[]>, total: number): Promise<void> {
    const base = t(name);
    let part = 1;
    let sheet = this.open(base, columns);
    let inSheet = 0;
    let done = 0;
    const entry = { name: base, rows: 0 };
    this.result.sheets.push(entry);
    for (const values of rows) {
      if (inSheet === MAX_DATA_ROWS) {
        sheet.commit();
        part += 1;
        const more = { name: t('export.sheet.logsMore', { n: part }), rows: 0 };
        this.result.sheets.push(more);
        sheet = this.open(more.name, columns);
        inSheet = 0;
      }
      sheet.addRow(values).commit();
      inSheet += 1;
      done += 1;
      this.result.sheets.at(-1)!.rows += 1;
      if (done % CHUNK === 0) {
        this.onProgress?.({ sheet: base, done, total: Math.max(total, done) });
        await drain(sheet);
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    }
    sheet.commit();
    this.result.rows += done;
    this.onProgress?.({ sheet: base, done, total: done });
  }
}

/**
 * Writes the workbook of one program year to a file path or a stream. Rows are read with
 * `.iterate()` and committed one by one; the promise settles once the file is complete.
 */
export async function writeWorkbook(db: Db, programYearId: number, target: string | Writable, onProgress?: ExportProgress, opts: ExportOptions = {}): Promise<ExportResult> {
  const reader = openReader(db);
  try {
    const { conn } = reader;
    const year = conn.prepare('SELECT id, starts_on AS startsOn, ends_on AS endsOn FROM program_years WHERE id = ?').get(programYearId) as YearRef | undefined;
    if (!year) throw new Error(`program year ${programYearId} not found`);
    const book = new ExcelJS.stream.xlsx.WorkbookWriter({
      ...(typeof target === 'string' ? { filename: target } : { stream: target }),
      useStyles: true,
      useSharedStrings: false,
      // Fast compression: the sheets are mostly repetitive XML, level 1 already shrinks them ~10×.
      zip: { zlib: { level: 1 } },
    });
    book.creator = t('export.sheet.colleges');
    const out = new SheetWriter(book, onProgress, { sheets: [], rows: 0 });

    const summary = summaryRows(reader.db, year.id);
    await out.write('export.sheet.colleges', SHEETS.colleges, summary.colleges, summary.colleges.length);
    await out.write('export.sheet.branches', SHEETS.branches, summary.branches, summary.branches.length);

    const details: [MessageKey, Column[], DetailSource][] = [
      ['export.sheet.logs', SHEETS.logs, logRows(conn, year, opts.timeZone)],
      ['export.sheet.checkins', SHEETS.checkins, checkinRows(conn, year, opts.timeZone)],
      ['export.sheet.pairings', SHEETS.pairings, pairingRows(conn, year)],
      ['export.sheet.projects', SHEETS.projects, projectRows(conn, year)],
      ['export.sheet.reports', SHEETS.reports, reportRows(conn, year, opts.timeZone)],
      ['export.sheet.recommendations', SHEETS.recommendations, recommendationRows(conn, year, opts.timeZone)],
    ];
    for (const [name, columns, src] of details) await out.write(name, columns, src.rows(), src.count());
    await book.commit();
    return out.result;
  } finally {
    reader.close();
  }
}
