/**
 * A minimal streaming zip writer for the export's .xlsx package: entries are deflated one at
 * a time with node:zlib and written straight to the output, sizes and CRC following each
 * entry in a data descriptor, so no entry is ever held whole in memory. Every write waits
 * for real backpressure (the deflate stream's and the output's), which bounds memory however
 * large a sheet is, and `size` is the archive's length so far. No zip64: an entry or the
 * archive past 4 GiB is refused, not corrupted (a sheet holds at most 1,048,576 rows, well
 * under that).
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import zlib from 'node:zlib';
import { localDay } from '../../time.js';

const MAX32 = 0xffffffff;
/** General purpose flags: bit 3 (sizes in a data descriptor), bit 11 (UTF-8 names). */
const FLAGS = 0x0008 | 0x0800;
const DEFLATE = 8;

/** CRC-32 of a chunk: zlib's native one (Node ≥ 20.15), else a table-driven fallback. */
const crc32: (data: Buffer, prev: number) => number = (zlib as { crc32?: (d: Buffer, v: number) => number }).crc32 ?? (() => {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return (data: Buffer, prev: number) => {
    let c = ~prev;
    for (let i = 0; i < data.length; i++) c = table[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
    return ~c >>> 0;
  };
})();

interface Entry {
  name: Buffer;
  crc: number;
  csize: number;
  usize: number;
  offset: number;
}

/**
 * DOS date and time of a moment (wall time in `tz`, two-second resolution), as zip headers hold
 * them: the school's time, not the server's zone.
 */
function dosDateTime(ms: number, tz: string): { date: number; time: number } {
  const d = localDay(ms, tz);
  return {
    date: ((d.year() - 1980) << 9) | ((d.month() + 1) << 5) | d.date(),
    time: (d.hour() << 11) | (d.minute() << 5) | (d.second() >> 1),
  };
}

/** One entry being written: `write()` its bytes (awaiting each), then `close()` it. */
export interface ZipEntryWriter {
  write(chunk: Buffer | string): Promise<void>;
  /** Pushes everything written so far through deflate to the output, so `size` counts it. */
  flush(): Promise<void>;
  close(): Promise<void>;
}

export class ZipWriter {
  private readonly entries: Entry[] = [];
  private offset = 0;
  private readonly stamp: { date: number; time: number };
  private busy = false;
  /** The open entry's deflate stream. */
  private deflate: zlib.DeflateRaw | undefined;
  /** The first error of the output or of deflate (a full disk, say): every later step throws it. */
  private failure: Error | undefined;
  /** Rejects with the failure, for waits that would otherwise never end (a flush of a destroyed deflate). */
  private readonly failed: Promise<never>;
  private rejectFailed!: (err: Error) => void;

  private readonly level: number;

  constructor(private readonly out: Writable, opts: { level?: number; timeZone: string }) {
    this.level = opts.level ?? 1;
    this.stamp = dosDateTime(Date.now(), opts.timeZone);
    this.failed = new Promise<never>((_, reject) => {
      this.rejectFailed = reject;
    });
    this.failed.catch(() => {}); // observed where it is raced; never unhandled
    out.on('error', (err) => this.fail(err));
  }

  private fail(err: Error): void {
    this.failure ??= err;
    this.rejectFailed(this.failure);
    // With the error, so a write waiting for deflate's drain is released too.
    this.deflate?.destroy(this.failure);
  }

  /** Waits while the output's buffer is full; throws once the output or deflate failed. */
  private async room(): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.out.writableNeedDrain) await once(this.out, 'drain'); // rejects on 'error'
    if (this.failure) throw this.failure;
  }

  /** Stops an unfinished archive: the open entry's deflate stream is released (the caller closes the output). */
  abort(): void {
    this.fail(new Error('zip: aborted'));
  }

  /** Bytes of the archive written to the output so far. */
  get size(): number {
    return this.offset;
  }

  /** Writes raw bytes to the output, waiting while its buffer is full. */
  private async raw(buf: Buffer): Promise<void> {
    if (this.failure) throw this.failure;
    this.offset += buf.length;
    this.out.write(buf);
    await this.room();
  }

  /** Starts an entry; entries are written one after another, never interleaved. */
  async open(name: string): Promise<ZipEntryWriter> {
    if (this.busy) throw new Error('zip: an entry is still open');
    this.busy = true;
    const entry: Entry = { name: Buffer.from(name, 'utf8'), crc: 0, csize: 0, usize: 0, offset: this.offset };
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    header.writeUInt16LE(FLAGS, 6);
    header.writeUInt16LE(DEFLATE, 8);
    header.writeUInt16LE(this.stamp.time, 10);
    header.writeUInt16LE(this.stamp.date, 12);
    // CRC and sizes (14–25) stay 0: they follow the data in the descriptor.
    header.writeUInt16LE(entry.name.length, 26);
    await this.raw(Buffer.concat([header, entry.name]));

    const deflate = zlib.createDeflateRaw({ level: this.level, chunkSize: 64 * 1024 });
    // Compressed bytes go straight to the output as deflate makes them (so `size` counts them
    // at once), and each `write()` waits until deflate took its input and the output has room:
    // backpressure end to end, with at most one chunk's output queued at the output.
    deflate.on('data', (chunk: Buffer) => {
      entry.csize += chunk.length;
      this.offset += chunk.length;
      if (!this.failure) this.out.write(chunk);
    });
    deflate.on('error', (err) => this.fail(err));
    this.deflate = deflate;
    const room = () => this.room();
    return {
      write: async (chunk) => {
        const buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
        entry.crc = crc32(buf, entry.crc);
        entry.usize += buf.length;
        if (this.failure) throw this.failure;
        if (!deflate.write(buf)) await once(deflate, 'drain'); // rejects once deflate is destroyed with the failure
        await room();
      },
      flush: async () => {
        if (this.failure) throw this.failure;
        await Promise.race([new Promise<void>((resolve) => deflate.flush(zlib.constants.Z_SYNC_FLUSH, () => resolve())), this.failed]);
        // Output pushed with the flush's last piece is emitted on the next tick at the latest.
        await new Promise<void>((resolve) => setImmediate(resolve));
        await room();
      },
      close: async () => {
        if (this.failure) throw this.failure;
        deflate.end();
        await finished(deflate);
        this.deflate = undefined;
        if (entry.usize > MAX32 || entry.csize > MAX32 || this.offset > MAX32) throw new Error(`zip: ${name} is too large for a zip without zip64`);
        const desc = Buffer.alloc(16);
        desc.writeUInt32LE(0x08074b50, 0);
        desc.writeUInt32LE(entry.crc >>> 0, 4);
        desc.writeUInt32LE(entry.csize, 8);
        desc.writeUInt32LE(entry.usize, 12);
        await this.raw(desc);
        this.entries.push(entry);
        this.busy = false;
      },
    };
  }

  /** Adds a small entry whole. */
  async add(name: string, data: string): Promise<void> {
    const e = await this.open(name);
    await e.write(data);
    await e.close();
  }

  /** Writes the central directory and ends the output, resolving once it is flushed. */
  async finish(): Promise<void> {
    const start = this.offset;
    for (const e of this.entries) {
      const h = Buffer.alloc(46);
      h.writeUInt32LE(0x02014b50, 0);
      h.writeUInt16LE(20, 4); // version made by
      h.writeUInt16LE(20, 6); // version needed
      h.writeUInt16LE(FLAGS, 8);
      h.writeUInt16LE(DEFLATE, 10);
      h.writeUInt16LE(this.stamp.time, 12);
      h.writeUInt16LE(this.stamp.date, 14);
      h.writeUInt32LE(e.crc >>> 0, 16);
      h.writeUInt32LE(e.csize, 20);
      h.writeUInt32LE(e.usize, 24);
      h.writeUInt16LE(e.name.length, 28);
      // extra and comment lengths, disk number, attributes: 0
      h.writeUInt32LE(e.offset, 42);
      await this.raw(Buffer.concat([h, e.name]));
    }
    const size = this.offset - start;
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(size, 12);
    end.writeUInt32LE(start, 16);
    await this.raw(end);
    this.out.end();
    // Rejects if the output failed; for a file, resolves once it is closed.
    await finished(this.out);
  }
}
