/**
 * Truly concurrent deliveries: each copy is written over its own socket except for the last
 * byte, and the last bytes are then written together, so the server finishes reading all
 * copies in the same event-loop turn (plain `Promise.all(fetch…)` usually lets the first copy
 * be stored before the next one is even parsed).
 */
import net from 'node:net';
import { encrypt, sign } from './feishuEvents.js';

export interface RawResponse {
  status: number;
  body: string;
}

function rawPost(baseUrl: string, path: string, body: string, headers: Record<string, string>) {
  const url = new URL(baseUrl);
  const head =
    `POST ${path} HTTP/1.1\r\nHost: ${url.host}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
    `Connection: close\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`;
  const bytes = Buffer.concat([Buffer.from(head), Buffer.from(body)]);
  const socket = net.connect(Number(url.port), url.hostname);
  const chunks: Buffer[] = [];
  const response = new Promise<RawResponse>((resolve, reject) => {
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0);
      resolve({ status, body: text.slice(text.indexOf('\r\n\r\n') + 4) });
    });
    socket.on('error', reject);
  });
  const primed = new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.on('connect', () => socket.write(bytes.subarray(0, bytes.length - 1), () => resolve()));
  });
  return { primed, release: () => socket.write(bytes.subarray(bytes.length - 1)), response };
}

/** Delivers `copies` encrypted, signed copies of `envelope` at the same instant; resolves with each answer. */
export async function deliverRacing(
  baseUrl: string,
  path: string,
  envelope: object,
  opts: { encryptKey: string; timestamp: number; copies: number },
): Promise<RawResponse[]> {
  const timestamp = String(opts.timestamp);
  const posts = Array.from({ length: opts.copies }, (_, i) => {
    // Each copy is encrypted afresh (new IV), as Feishu's redeliveries are.
    const body = JSON.stringify({ encrypt: encrypt(JSON.stringify(envelope), opts.encryptKey) });
    const nonce = `race${i}`;
    return rawPost(baseUrl, path, body, {
      'X-Lark-Request-Timestamp': timestamp,
      'X-Lark-Request-Nonce': nonce,
      'X-Lark-Signature': sign(timestamp, nonce, opts.encryptKey, body),
    });
  });
  await Promise.all(posts.map((p) => p.primed));
  // Let the server read the primed bytes before the last ones arrive together.
  await new Promise((r) => setTimeout(r, 20));
  for (const p of posts) p.release();
  return Promise.all(posts.map((p) => p.response));
}
