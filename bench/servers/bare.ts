/** Anchor 1: the floor of any koa webhook — a route that answers 200 and does nothing else. */
import http from 'node:http';
import Koa from 'koa';

const app = new Koa();
app.use(async (ctx) => {
  if (ctx.method === 'POST' && ctx.path === '/feishu/events') {
    ctx.body = {};
  }
});
const server = http.createServer(app.callback()).listen(Number(process.env.PORT), '127.0.0.1', () => process.send?.('ready'));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
