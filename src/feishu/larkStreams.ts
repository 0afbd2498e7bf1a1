/**
 * Reading the SDK's streamed answers (`responseType: 'stream'`): a download capped in bytes,
 * and the error body of a streamed call that failed.
 */
import type { Readable } from 'node:stream';
import type { AxiosLikeError } from './larkClient.js';

/** An error answer read from a download stream is a small JSON envelope; more is not one. */
const ERROR_BODY_MAX_BYTES = 64 * 1024;

const isStream = (x: unknown): x is Readable => typeof (x as Readable | null)?.pipe === 'function' && typeof (x as Readable).destroy === 'function';

/**
 * Reads `stream` whole, or throws `tooLarge()` as soon as it has given more than `max` bytes;
 * the stream is then destroyed (the connection closed), so no more of it is read.
 */
export async function readUpTo(stream: Readable, max: number, tooLarge: () => Error): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream) {
      const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
      total += buf.length;
      if (total > max) throw tooLarge();
      chunks.push(buf);
    }
  } catch (err) {
    stream.destroy();
    throw err;
  }
  return Buffer.concat(chunks, total);
}

/** `{code, msg}` when `bytes` is a JSON envelope with a non-zero code. */
export function errorEnvelope(bytes: Buffer): { code: number; msg?: string } | undefined {
  try {
    const body = JSON.parse(bytes.toString('utf8')) as { code?: unknown; msg?: unknown };
    if (typeof body?.code === 'number' && body.code !== 0) return { code: body.code, msg: typeof body.msg === 'string' ? body.msg : undefined };
  } catch {
    // Not JSON: not an envelope.
  }
  return undefined;
}

/**
 * A streamed call (`responseType: 'stream'`) that failed carries its error body as a stream:
 * read it (a little) so LarkApi's `call()` sees Feishu's code, as for every other call.
 */
export async function withErrorBody(err: unknown): Promise<unknown> {
  const res = (err as AxiosLikeError).response as { data?: unknown } | undefined;
  if (res && isStream(res.data)) {
    const body = await readUpTo(res.data, ERROR_BODY_MAX_BYTES, () => new Error('error body too large')).catch(() => Buffer.alloc(0));
    res.data = errorEnvelope(body) ?? {};
  }
  return err;
}
