/**
 * Anchor 2: what other Feishu bots run — the SDK's documented koa adapter with an
 * EventDispatcher and a no-op handler (it verifies the signature and decrypts, nothing more).
 */
import http from 'node:http';
import * as lark from '@larksuiteoapi/node-sdk';
import Koa from 'koa';

const quiet = { error: () => {}, warn: () => {}, info: () => {}, debug: () => {}, trace: () => {} };
const dispatcher = new lark.EventDispatcher({
  encryptKey: process.env.FEISHU_ENCRYPT_KEY!,
  verificationToken: process.env.FEISHU_VERIFICATION_TOKEN!,
  logger: quiet,
}).register({ 'im.message.receive_v1': async () => ({}) });
const app = new Koa();
app.use(lark.adaptKoa('/feishu/events', dispatcher, { autoChallenge: true, logger: quiet }));
const server = http.createServer(app.callback()).listen(Number(process.env.PORT), '127.0.0.1', () => process.send?.('ready'));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
