/**
 * The Excel export (PRODUCT.md §6): one workbook with 学院汇总, 团支部明细, 服务记录,
 * 报到记录, 结对协议, 项目清单, 季度总结, 兼任推荐 — Chinese headers, frozen header row,
 * set column widths. Written with our own streaming .xlsx writer (xlsx.ts, zip.ts), row by row
 * into a deflated zip entry that waits on real backpressure, so memory stays flat however many
 * service logs the school has. (exceljs' WorkbookWriter was ~2× too slow — a style lookup and
 * a cell object per cell — and buffered unbounded XML: archiver wraps its StreamBuf in a
 * readable-stream 2 PassThrough whose backlog nothing reports.)
 */
import fs from 'node:fs';
import type { Writable } from 'node:stream';
import type { Db } from '../../db/client.js';
import { FOUR_ITEMS } from '../../db/schema/index.js';
import { openReader, yearRef } from '../../domain/export/reader.js';
import { t, type PlainKey } from '../../text/zh-CN.js';
import { caseRows, checkinRows, communityRows, logRows, pairingRows, positionRows, projectRows, recommendationRows, reportRows, studentRows, type Cell, type DetailSource } from './details.js';
import { summaryRows } from './summary.js';
import { CHUNK_BYTES, XlsxWriter, type SheetStream } from './xlsx.js';

/** Called as rows are written (every few thousand rows and at the end of each sheet). */
export type ExportProgress = (p: { sheet: string; done: number; total: number }) => void;

interface ExportOptions {
  /** IANA zone of the school (config TZ): timestamps and the package's file times. */
  timeZone: string;
  /** Split the workbook into files of at most this many bytes (`target` then names each part). */
  maxBytes?: number;
}

interface ExportResult {
  /** Every sheet written, with the part (file) it is in, counted from 1. */
  sheets: { name: string; rows: number; part: number }[];
  rows: number;
  /** The files written, one per part (empty when writing to a stream). */
  files: string[];
}

interface Column {
  header: PlainKey;
  width: number;
  numFmt?: string;
}

const col = (header: PlainKey, width: number, numFmt?: string): Column => ({ header, width, numFmt });

/** Excel's limit is 1,048,576 rows a sheet; the rest continues on a 服务记录（续2） sheet. */
const MAX_DATA_ROWS = 1_048_575;
/** How often the writer reports progress and yields to the event loop. */
const CHUNK = 2_000;

const person = [col('export.col.college', 22), col('export.col.branch', 18), col('export.col.studentNo', 13), col('export.col.name', 10), col('export.col.mobile', 14)];

const SHEETS = {
  colleges: [
    col('export.col.college', 24), col('export.col.branches', 10), col('export.col.participating', 13), col('export.col.coverage', 10, '0.0%'),
    col('export.col.target', 8, '0%'), col('export.col.reached', 10), col('export.col.approvedHours', 17, '0.0'),
    col('export.col.pendingLogs', 12), col('export.col.pendingHours', 17, '0.0'), col('export.col.priorityCounties', 16),
    col('export.col.organisations', 10), col('export.col.organisationsPaired', 16), col('export.col.organisationProjects', 14),
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
    col('export.col.createdAt', 17), col('export.col.practice', 18),
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
  students: [
    ...person, col('export.col.role', 8), col('export.col.approvedHours', 17, '0.0'), col('export.col.approvedLogs', 12), col('export.col.pendingLogs', 12),
  ],
  positions: [
    col('export.col.college', 24), col('export.col.branch', 20), col('export.col.project', 24), col('export.col.position', 20),
    col('export.col.slots', 8), col('export.col.schedule', 16), col('export.col.positionStatus', 10), col('export.col.studentNo', 13),
    col('export.col.name', 10), col('export.col.signupStatus', 10), col('export.col.signedUpAt', 17),
  ],
  communities: [
    col('export.col.community', 22), col('export.col.level', 10), col('export.col.region', 16), col('export.col.tags', 30),
    col('export.col.pairedBranches', 30), col('export.col.contactName', 10), col('export.col.contactPhone', 14),
  ],
  cases: [
    col('export.col.id', 8), col('export.col.caseKind', 10), col('export.col.subjectId', 10), col('export.col.college', 24),
    col('export.col.caseSubject', 30), col('export.col.citation', 40), col('export.col.markedBy', 10), col('export.col.markedAt', 17),
    col('export.col.publicisedAt', 17),
  ],
} satisfies Record<string, Column[]>;

/** Where the workbook goes: a path, a stream (ended when done), or one path per part. */
type ExportTarget = string | Writable | ((part: number) => string);

/**
 * The workbook files being written, one after another when a size limit splits them: the
 * next part starts once the current one could not take another chunk and still end under
 * the limit. Each part is a complete workbook; a sheet cut by it continues in the next part.
 */
class Parts {
  /** Room kept in each part for what follows its last row: the sheet's closing tags, the
   *  package parts, the central directory and deflate's own overhead. */
  private static readonly TAIL = 64 * 1024;
  private readonly chunkBytes: number | undefined;
  readonly files: string[] = [];
  /** The current part, counted from 1. */
  part = 0;
  /** Data rows in the current part: a part always takes at least one, so every row goes somewhere. */
  rows = 0;
  book!: XlsxWriter;
  private out!: Writable;

  constructor(private readonly target: ExportTarget, private readonly maxBytes: number | undefined, private readonly timeZone: string) {
    // A chunk a sixteenth of the limit, at most the usual one: its XML counts uncompressed
    // until it is deflated, so parts end within about a chunk of the limit.
    this.chunkBytes = maxBytes === undefined ? undefined : Math.min(CHUNK_BYTES, Math.floor(maxBytes / 16));
    if (maxBytes !== undefined && typeof target !== 'function') throw new Error('export: a size limit needs a path per part');
    if (maxBytes !== undefined && maxBytes < 4 * Parts.TAIL) throw new Error(`export: a size limit of ${maxBytes} bytes leaves no room for rows`);
    this.open();
  }

  private open(): void {
    this.part += 1;
    const target = typeof this.target === 'function' ? this.target(this.part) : this.target;
    this.rows = 0;
    this.out = typeof target === 'string' ? fs.createWriteStream(target) : target;
    if (typeof target === 'string') this.files.push(target);
    // Fast compression: the sheets are mostly repetitive XML, level 1 already shrinks them ~10×.
    this.book = new XlsxWriter(this.out, { level: 1, timeZone: this.timeZone, chunkBytes: this.chunkBytes, exactSize: this.maxBytes !== undefined });
  }

  /**
   * Whether the current part must end before a row of this much XML goes in. Its size is
   * exact between chunks (deflate is flushed with each) plus the XML not yet deflated, and
   * the row is counted at its worst, 3 bytes a character, as deflate never grows it by more
   * than the tail allows for.
   */
  full(rowXml: string): boolean {
    return this.maxBytes !== undefined && this.book.size + rowXml.length * 3 + Parts.TAIL > this.maxBytes;
  }

  /** Refuses a row no part could hold, rather than write a part over the limit. */
  fits(rowXml: string): void {
    if (this.maxBytes !== undefined && rowXml.length * 3 + 2 * Parts.TAIL > this.maxBytes) {
      throw new Error(`export: a row of ${rowXml.length} characters does not fit in a file of ${this.maxBytes} bytes`);
    }
  }

  /** Completes the current part (for a path: written and closed). */
  async finish(): Promise<void> {
    await this.book.finish();
  }

  async next(): Promise<void> {
    await this.finish();
    this.open();
  }

  /** A half-written file is no export: stop and close it (the caller decides about the paths). */
  destroy(): void {
    this.book?.abort();
    if (typeof this.target !== 'object') this.out?.destroy();
  }
}

class SheetWriter {
  constructor(
    private readonly parts: Parts,
    private readonly onProgress: ExportProgress | undefined,
    readonly result: ExportResult,
  ) {}

  private open(name: string, columns: Column[]): Promise<SheetStream> {
    return this.parts.book.addSheet(name, columns.map((c) => ({ header: t(c.header), width: c.width, numFmt: c.numFmt })));
  }

  /**
   * Writes one sheet, continued on further sheets past Excel's row limit or, with a size
   * limit, in the next part.
   */
  async write(name: PlainKey, columns: Column[], rows: Iterable<Cell[]>, total: number): Promise<void> {
    const base = t(name);
    let piece = 1;
    if (this.parts.full('')) await this.parts.next();
    let sheet = await this.open(base, columns);
    let inSheet = 0;
    let done = 0;
    let entry = { name: base, rows: 0, part: this.parts.part };
    this.result.sheets.push(entry);
    for (const values of rows) {
      let xml = sheet.render(values);
      const partFull = this.parts.rows > 0 && this.parts.full(xml);
      if (inSheet === MAX_DATA_ROWS || partFull) {
        await sheet.close();
        if (partFull) await this.parts.next();
        piece += 1;
        entry = { name: t('export.sheet.more', { name: base, n: piece }), rows: 0, part: this.parts.part };
        this.result.sheets.push(entry);
        sheet = await this.open(entry.name, columns);
        inSheet = 0;
        xml = sheet.render(values); // numbered for the new sheet
      }
      this.parts.fits(xml);
      // Resolves at once, except every few hundred rows when the XML goes to the zip and
      // the zip (or the disk) is behind: then the export waits for it.
      const flushed = sheet.add(xml);
      if (flushed) await flushed;
      this.parts.rows += 1;
      inSheet += 1;
      done += 1;
      entry.rows += 1;
      if (done % CHUNK === 0) {
        this.onProgress?.({ sheet: base, done, total: Math.max(total, done) });
        // Let the bot's other work run between chunks even when the zip keeps up.
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    }
    await sheet.close();
    this.result.rows += done;
    this.onProgress?.({ sheet: base, done, total: done });
  }
}

/**
 * Writes the workbook of one program year to a file path or a stream (which is ended). Rows
 * are read with `.iterate()` and written one by one; the promise settles once the file is
 * complete (for a path: written and closed). With `maxBytes` the workbook is split into
 * files of at most that size (Feishu takes files up to 30 MB), `target` naming each part.
 */
export async function writeWorkbook(db: Db, programYearId: number, target: ExportTarget, onProgress: ExportProgress | undefined, opts: ExportOptions): Promise<ExportResult> {
  const reader = openReader(db);
  let parts: Parts | undefined;
  try {
    const { conn } = reader;
    const year = yearRef(conn, programYearId);
    if (!year) throw new Error(`program year ${programYearId} not found`);
    parts = new Parts(target, opts.maxBytes, opts.timeZone);
    const sheets = new SheetWriter(parts, onProgress, { sheets: [], rows: 0, files: parts.files });

    const summary = summaryRows(reader.db, year.id);
    await sheets.write('export.sheet.colleges', SHEETS.colleges, summary.colleges, summary.colleges.length);
    await sheets.write('export.sheet.branches', SHEETS.branches, summary.branches, summary.branches.length);

    const details: [PlainKey, Column[], DetailSource][] = [
      ['export.sheet.logs', SHEETS.logs, logRows(conn, year, opts.timeZone)],
      ['export.sheet.checkins', SHEETS.checkins, checkinRows(conn, year, opts.timeZone)],
      ['export.sheet.pairings', SHEETS.pairings, pairingRows(conn, year)],
      ['export.sheet.projects', SHEETS.projects, projectRows(conn, year)],
      ['export.sheet.reports', SHEETS.reports, reportRows(conn, year, opts.timeZone)],
      ['export.sheet.recommendations', SHEETS.recommendations, recommendationRows(conn, year, opts.timeZone)],
      ['export.sheet.students', SHEETS.students, studentRows(conn, year)],
      ['export.sheet.positions', SHEETS.positions, positionRows(conn, year, opts.timeZone)],
      ['export.sheet.communities', SHEETS.communities, communityRows(conn, year)],
      ['export.sheet.cases', SHEETS.cases, caseRows(conn, year, opts.timeZone)],
    ];
    for (const [name, columns, src] of details) await sheets.write(name, columns, src.rows(), src.count());
    await parts.finish();
    return sheets.result;
  } catch (err) {
    parts?.destroy();
    throw err;
  } finally {
    reader.close();
  }
}
