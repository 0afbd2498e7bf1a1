/** A log as its cards show it: the domain's facts (src/domain/logView.ts) rendered (src/cards/logView.ts). */
import { logView, type LogView } from '../cards/logView.js';
import type { Db } from '../db/client.js';
import type { ServiceLog } from '../db/schema/index.js';
import { logFacts } from '../domain/logView.js';

export type { LogView } from '../cards/logView.js';

export function viewOf(db: Db, log: ServiceLog): LogView {
  return logView(logFacts(db, log));
}
