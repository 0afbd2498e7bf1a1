/**
 * Reading a request body with a size limit, for the routes that read their own body (the
 * webhook needs the raw bytes for the signature; the confirmation page a small form). A body
 * over the limit is refused without being buffered: by its Content-Length when it declares
 * one, else as soon as the chunks pass the limit.
 */
import type { Context } from 'koa';

export class BodyTooLarge extends Error {
  constructor() {
    super('body too large');
    this.name = 'BodyTooLarge';
  }
}

/** Event listeners rather than `for await`: this runs on every webhook request. */
export function readBody(ctx: Context, limit: number): Promise<Buffer> {
  if (Number(ctx.get('content-length') || '0') > limit) return Promise.reject(new BodyTooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const req = ctx.req;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume();
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.once('end', () => resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)));
    req.once('error', reject);
  });
}
