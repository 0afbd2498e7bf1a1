/**
 * A small streaming .xlsx writer, just what the export needs: sheets written one after
 * another, row by row, straight into a deflated zip entry (zip.ts), with a bold header row
 * frozen in place, set column widths and per-column number formats. Strings are inline
 * (`t="inlineStr"`), so no shared-strings table grows with the rows, and no cell is ever an
 * object: a row goes from its values to XML text in one pass. The package is the minimal
 * OOXML set — [Content_Types].xml, _rels/.rels, xl/workbook.xml, xl/_rels/workbook.xml.rels,
 * xl/styles.xml, xl/worksheets/sheetN.xml — which Excel, WPS, LibreOffice and exceljs read.
 */
import type { Writable } from 'node:stream';
import { ZipWriter, type ZipEntryWriter } from './zip.js';

/** A cell value; null, undefined, '' and non-finite numbers leave the cell empty. */
export type XlsxCell = string | number | null | undefined;

interface XlsxColumn {
  header: string;
  width: number;
  /** An Excel number format for the column's numbers, e.g. `0.0%`. */
  numFmt?: string;
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
/**
 * Bytes of XML a sheet hands to the zip at once (about a thousand rows). Each row is encoded
 * into this buffer as soon as it is rendered: encoding one long string built from thousands
 * of rows first has V8 flatten that rope, which ran at ≈ 90 MB/s and was a third of the
 * 2M-log export (bench:export); a row-sized string encodes at > 1 GB/s.
 */
export const CHUNK_BYTES = 1 << 20;

// Characters that need escaping, and the ones XML 1.0 cannot hold at all (dropped).
const SPECIAL = /[&<>"\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;
const SPECIAL_ALL = /[&<>"\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Escapes text for an XML text node or attribute; the common case (nothing to escape) allocates nothing. */
function xmlEscape(s: string): string {
  return SPECIAL.test(s) ? s.replace(SPECIAL_ALL, (c) => ESCAPES[c] ?? '') : s;
}

/** Column letters: 0 → A, 25 → Z, 26 → AA. */
function columnName(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/**
 * Styles: xf 0 is the default, xf 1 the bold header, then one xf per distinct number format
 * (custom format ids start at 164, as Excel's own do).
 */
class Styles {
  private readonly formats: string[] = [];

  /** The xf index (the `s` attribute) for numbers in this format. */
  xfFor(numFmt: string): number {
    let i = this.formats.indexOf(numFmt);
    if (i < 0) i = this.formats.push(numFmt) - 1;
    return 2 + i;
  }

  xml(): string {
    const fmts = this.formats.map((f, i) => `<numFmt numFmtId="${164 + i}" formatCode="${xmlEscape(f)}"/>`).join('');
    const xfs = this.formats.map((_, i) => `<xf numFmtId="${164 + i}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`).join('');
    return `${XML_DECL}<styleSheet xmlns="${NS}">`
      + (fmts ? `<numFmts count="${this.formats.length}">${fmts}</numFmts>` : '')
      + '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>'
      + '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
      + '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
      + '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
      + `<cellXfs count="${2 + this.formats.length}"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`
      + `<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>${xfs}</cellXfs>`
      + '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';
  }
}

interface SheetOptions {
  /** Bytes of XML handed to the zip at once. */
  chunkBytes: number;
  /** Flush deflate with each chunk, so the workbook's `size` is exact between chunks. */
  exactSize: boolean;
}

/** One sheet being written: `row()` each row in order, then `close()`. */
export class SheetStream {
  private rowNo = 1;
  private chunk: Buffer;
  private used = 0;
  /** Full chunks not yet handed to the zip (at most one between rows). */
  private ready: Buffer[] = [];
  private readonly refs: string[];
  /** ` s="N"` for each column's numbers ('' for no format). */
  private readonly numStyle: string[];

  constructor(private readonly entry: ZipEntryWriter, columns: XlsxColumn[], styles: Styles, private readonly opts: SheetOptions) {
    this.chunk = Buffer.allocUnsafe(opts.chunkBytes);
    this.refs = columns.map((_, i) => columnName(i));
    this.numStyle = columns.map((c) => (c.numFmt ? ` s="${styles.xfFor(c.numFmt)}"` : ''));
    const cols = columns.map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"/>`).join('');
    this.put(`${XML_DECL}<worksheet xmlns="${NS}" xmlns:r="${REL_NS}">`
      + '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
      + '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>'
      + `<sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols><sheetData>`);
    this.add(this.render(columns.map((c) => c.header), ' s="1"'));
  }

  /** A row's XML, numbered as this sheet's next row; `style` overrides every cell's style (the header). */
  render(values: readonly XlsxCell[], style?: string): string {
    const r = this.rowNo;
    let xml = `<row r="${r}">`;
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (v === null || v === undefined || v === '') continue;
      const ref = this.refs[i] ?? columnName(i);
      if (typeof v === 'number') {
        if (Number.isFinite(v)) xml += `<c r="${ref}${r}"${style ?? this.numStyle[i] ?? ''}><v>${v}</v></c>`;
      } else {
        // Leading or trailing whitespace is kept only with xml:space="preserve".
        const space = v.charCodeAt(0) <= 32 || v.charCodeAt(v.length - 1) <= 32 ? ' xml:space="preserve"' : '';
        xml += `<c r="${ref}${r}"${style ?? ''} t="inlineStr"><is><t${space}>${xmlEscape(v)}</t></is></c>`;
      }
    }
    return `${xml}</row>`;
  }

  /**
   * Adds a row `render` made for this sheet as its next row; resolves at once unless a chunk
   * is full (then once the zip took it).
   */
  add(rowXml: string): Promise<void> | undefined {
    this.rowNo += 1;
    this.put(rowXml);
    return this.ready.length > 0 ? this.flush() : undefined;
  }

  /** Bytes of XML held here and not yet handed to the zip. */
  get pending(): number {
    let n = this.used;
    for (const chunk of this.ready) n += chunk.length;
    return n;
  }

  /** Encodes XML into the current chunk, setting a full chunk aside first when it might not fit. */
  private put(xml: string): void {
    // UTF-8 takes at most 3 bytes per UTF-16 unit.
    if (xml.length * 3 > this.chunk.length - this.used) {
      if (this.used > 0) this.ready.push(this.chunk.subarray(0, this.used));
      this.chunk = Buffer.allocUnsafe(this.opts.chunkBytes);
      this.used = 0;
      // A row larger than a chunk goes to the zip on its own.
      if (xml.length * 3 > this.chunk.length) {
        this.ready.push(Buffer.from(xml, 'utf8'));
        return;
      }
    }
    this.used += this.chunk.write(xml, this.used);
  }

  /** Adds a data row; resolves at once unless a chunk is full (then once the zip took it). */
  row(values: readonly XlsxCell[]): Promise<void> | undefined {
    return this.add(this.render(values));
  }

  private async flush(): Promise<void> {
    const chunks = this.ready;
    this.ready = [];
    for (const chunk of chunks) await this.entry.write(chunk);
    if (this.opts.exactSize) await this.entry.flush();
  }

  async close(): Promise<void> {
    this.put('</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>');
    this.ready.push(this.chunk.subarray(0, this.used));
    await this.flush();
    await this.entry.close();
  }
}

/** A workbook written to `out` sheet by sheet; `finish()` adds the package parts and ends `out`. */
export class XlsxWriter {
  private readonly zip: ZipWriter;
  private readonly styles = new Styles();
  private readonly sheets: string[] = [];
  private current: SheetStream | undefined;

  private readonly sheetOptions: SheetOptions;

  constructor(out: Writable, opts: { level?: number; timeZone: string } & Partial<SheetOptions>) {
    this.zip = new ZipWriter(out, { level: opts.level ?? 1, timeZone: opts.timeZone });
    this.sheetOptions = { chunkBytes: opts.chunkBytes ?? CHUNK_BYTES, exactSize: opts.exactSize ?? false };
  }

  /**
   * Bytes written to the output so far (exact between rows with `exactSize`) plus the open
   * sheet's XML not yet compressed: a bound on the file's size were it finished now, before
   * its closing parts.
   */
  get size(): number {
    return this.zip.size + (this.current?.pending ?? 0);
  }

  /** Stops an unfinished workbook (after a failure); the caller closes the output. */
  abort(): void {
    this.zip.abort();
  }

  /** Starts the next sheet (the previous one must be closed). */
  async addSheet(name: string, columns: XlsxColumn[]): Promise<SheetStream> {
    if (this.current) throw new Error('xlsx: close the previous sheet first');
    this.sheets.push(name);
    const entry = await this.zip.open(`xl/worksheets/sheet${this.sheets.length}.xml`);
    const sheet = new SheetStream(entry, columns, this.styles, this.sheetOptions);
    const close = sheet.close.bind(sheet);
    sheet.close = async () => {
      await close();
      this.current = undefined;
    };
    this.current = sheet;
    return sheet;
  }

  async finish(): Promise<void> {
    if (this.current) throw new Error('xlsx: a sheet is still open');
    const n = this.sheets.length;
    const sheetIds = this.sheets.map((_, i) => i + 1);
    await this.zip.add('xl/styles.xml', this.styles.xml());
    await this.zip.add('xl/workbook.xml', `${XML_DECL}<workbook xmlns="${NS}" xmlns:r="${REL_NS}"><bookViews><workbookView/></bookViews><sheets>`
      + this.sheets.map((name, i) => `<sheet name="${xmlEscape(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')
      + '</sheets></workbook>');
    await this.zip.add('xl/_rels/workbook.xml.rels', `${XML_DECL}<Relationships xmlns="${PKG_REL_NS}">`
      + sheetIds.map((i) => `<Relationship Id="rId${i}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i}.xml"/>`).join('')
      + `<Relationship Id="rId${n + 1}" Type="${REL_NS}/styles" Target="styles.xml"/></Relationships>`);
    await this.zip.add('_rels/.rels', `${XML_DECL}<Relationships xmlns="${PKG_REL_NS}">`
      + `<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
    const ct = 'application/vnd.openxmlformats-officedocument.spreadsheetml';
    await this.zip.add('[Content_Types].xml', `${XML_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`
      + '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
      + `<Override PartName="/xl/workbook.xml" ContentType="${ct}.sheet.main+xml"/>`
      + sheetIds.map((i) => `<Override PartName="/xl/worksheets/sheet${i}.xml" ContentType="${ct}.worksheet+xml"/>`).join('')
      + `<Override PartName="/xl/styles.xml" ContentType="${ct}.styles+xml"/></Types>`);
    await this.zip.finish();
  }
}
