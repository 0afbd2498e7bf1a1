/**
 * Optional reference (`--handrolled`): what verification alone costs — signature on the raw
 * bytes, decrypt, token — with no database, no dedupe and no bot behind it.
 */
import http from 'node:http';
import Koa from 'koa';
import { makeDecryptor, secretMatcher, signatureMatches } from '../../src/feishu/crypto.js';

const key = process.env.FEISHU_ENCRYPT_KEY!;
const decrypt = makeDecryptor(key);
const tokenMatches = secretMatcher(process.env.FEISHU_VERIFICATION_TOKEN!);
const app = new Koa();
app.use(async (ctx) => {
  if (ctx.method !== 'POST') return;
  const raw: Buffer = await new Promise((resolve) => {
    const chunks: Buffer[] = [];
    ctx.req.on('data', (d: Buffer) => chunks.push(d));
    ctx.req.on('end', () => resolve(Buffer.concat(chunks)));
  });
  if (!signatureMatches(ctx.get('x-lark-request-timestamp'), ctx.get('x-lark-request-nonce'), key, raw, ctx.get('x-lark-signature'))) {
    ctx.status = 401;
    return;
  }
  const plain = JSON.parse(decrypt(JSON.parse(raw.toString()).encrypt));
  if (!tokenMatches(plain.header.token)) {
    ctx.status = 401;
    return;
  }
  ctx.body = {};
});
const server = http.createServer(app.callback()).listen(Number(process.env.PORT), '127.0.0.1', () => process.send?.('ready'));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
