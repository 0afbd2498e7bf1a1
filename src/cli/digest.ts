/**
 * `npm run digest`: posts this week's digests now (PRODUCT.md §7), like `/周报`: to every bound
 * chat that has not had this week's digest, through the same claims and outbox — so running
 * it while the bot runs, or twice, never sends a digest twice. Waits until the outbox has sent
 * them (or given up retrying for now), then exits.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { systemClock } from '../clock.js';
import { configOrExplain } from '../config.js';
import { closeDb, openDb } from '../db/client.js';
import { outbox } from '../db/schema/index.js';
import { LarkApi } from '../feishu/larkApi.js';
import { digestUuid, weeklyDigests } from '../jobs/digest.js';
import { OutboxWorker } from '../jobs/outbox.js';
import { createLogger } from '../log.js';

const WAIT_MS = 60_000;

async function main(): Promise<number> {
  const config = configOrExplain('bot'); // it sends, so it needs the Feishu credentials
  if (!config) return 1;
  const log = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
  const db = openDb(config.databasePath);
  const feishu = new LarkApi({ ...config.feishu, log });
  const ports = { db, feishu, clock: systemClock, log, timeZone: config.timeZone };
  try {
    const outcome = await weeklyDigests(ports, { force: true });
    if (outcome.reason) {
      console.log(`没有发布 / nothing posted: ${outcome.reason}`);
      return 0;
    }
    const uuids = outcome.posted.map((target) => digestUuid(target, outcome.week));
    const worker = new OutboxWorker({ db, feishu, clock: systemClock, log });
    const until = Date.now() + WAIT_MS;
    const waiting = () => (uuids.length ? db.select({ id: outbox.id }).from(outbox).where(and(inArray(outbox.uuid, uuids), eq(outbox.status, 'pending'))).all().length : 0);
    while (waiting() > 0 && Date.now() < until) {
      await worker.drain();
      await new Promise((r) => setTimeout(r, 500));
    }
    await worker.stop();
    console.log(
      `第 ${outcome.week} 周周报 / week ${outcome.week}: 发布 posted ${outcome.posted.length}, 已发过 skipped ${outcome.skipped.length}, 失败 failed ${outcome.failed.length}` +
        (outcome.unbound.length ? `; 未绑定群的学院 / colleges without a group: ${outcome.unbound.join('、')}` : ''),
    );
    const left = waiting();
    if (left > 0) console.log(`还有 ${left} 条在发送队列中，机器人运行时会继续重试 / ${left} still queued; the running bot keeps retrying`);
    return outcome.failed.length > 0 ? 1 : 0;
  } finally {
    closeDb(db);
  }
}

process.exitCode = await main();
