/**
 * What the Open API stand-in reads out of an upload: the multipart parts the SDK sends, and what
 * the picture is (format and size, for the image-upload rules).
 */

/** What the picture is; loaded on the first upload (sharp is large). */
export async function readImage(bytes: Buffer): Promise<{ format: string; width: number; height: number } | undefined> {
  const { imageInfo } = await import('../domain/photos.js');
  return (await imageInfo(bytes)) ?? bmpOrIco(bytes);
}

/** BMP and ICO, which Feishu takes but sharp's prebuilt libvips does not read: from their headers. */
function bmpOrIco(b: Buffer): { format: string; width: number; height: number } | undefined {
  if (b.length >= 26 && b[0] === 0x42 && b[1] === 0x4d) return { format: 'bmp', width: Math.abs(b.readInt32LE(18)), height: Math.abs(b.readInt32LE(22)) };
  if (b.length >= 22 && b.readUInt16LE(0) === 0 && b.readUInt16LE(2) === 1 && b.readUInt16LE(4) > 0) return { format: 'ico', width: b[6] || 256, height: b[7] || 256 };
  return undefined;
}

interface Part { name?: string; filename?: string; data: Buffer }

/** Minimal multipart/form-data parser: enough for the SDK's form-data uploads. */
export function parseMultipart(contentType: string | undefined, raw: Buffer): Part[] {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType ?? '');
  if (!boundary) return [];
  const delim = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  const parts: Part[] = [];
  let pos = raw.indexOf(delim);
  while (pos !== -1) {
    const start = pos + delim.length;
    if (raw.subarray(start, start + 2).toString() === '--') break;
    const next = raw.indexOf(delim, start);
    if (next === -1) break;
    const section = raw.subarray(start + 2, next - 2); // strip CRLF after delimiter and before the next one
    const split = section.indexOf('\r\n\r\n');
    const head = section.subarray(0, split).toString('utf8');
    const disposition = /content-disposition:[^\r\n]*/i.exec(head)?.[0] ?? '';
    parts.push({
      name: /\bname="([^"]*)"/i.exec(disposition)?.[1],
      filename: /\bfilename="([^"]*)"/i.exec(disposition)?.[1],
      data: Buffer.from(section.subarray(split + 4)),
    });
    pos = next;
  }
  return parts;
}
