/**
 * What a scheduled job gets: the same ports as a command, no koa and no SDK. Jobs take "now"
 * from `clock` only, so a test moves time instead of waiting for it.
 */
import type { RunResult } from 'better-sqlite3';
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import type { Logger } from 'pino';
import type { Clock } from '../clock.js';
import type { Db } from '../db/client.js';
import type * as schema from '../db/schema/index.js';
import type { FeishuApi } from '../feishu/api.js';

/** The bot's database or a transaction on it: a write through a transaction commits with it. */
export type DbWriter = BaseSQLiteDatabase<'sync', RunResult, typeof schema>;

export interface JobPorts {
  db: Db;
  feishu: FeishuApi;
  clock: Clock;
  log: Logger;
  /** IANA zone of the program (config TZ, Asia/Shanghai): periods and wall times are read in it. */
  timeZone: string;
}
