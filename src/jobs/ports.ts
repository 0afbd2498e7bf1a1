/**
 * What a scheduled job gets: the same ports as a command, no koa and no SDK. Jobs take "now"
 * from `clock` only, so a test moves time instead of waiting for it.
 */
import type { Logger } from 'pino';
import type { Clock } from '../clock.js';
import type { Db } from '../db/client.js';
import type { FeishuApi } from '../feishu/api.js';

/** Defined in the db layer (domain functions take it too); re-exported for the jobs' imports. */
export type { DbWriter } from '../db/client.js';

export interface JobPorts {
  db: Db;
  feishu: FeishuApi;
  clock: Clock;
  log: Logger;
  /** IANA zone of the program (config TZ, Asia/Shanghai): periods and wall times are read in it. */
  timeZone: string;
}
