/**
 * The approved-log roll-ups (src/db/schema/rollups.ts) recomputed from service_logs. The
 * triggers of drizzle/0004_rollup_triggers.sql keep them current on every write; this rebuild
 * is what fills them after a bulk load that bypassed the triggers (bench/metrics.ts) and what
 * tests compare the maintained rows against. Same statements as the backfill of
 * drizzle/0003_rollups.sql.
 */
import type { Db } from '../db/client.js';
import { writeTransaction } from '../db/client.js';

const ofYear = (yearId: number | undefined) => (yearId === undefined ? '' : 'and program_year_id = @py');

/** Recomputes the roll-ups of `yearId` (of every year when omitted) from the approved logs. */
export function rebuildRollups(db: Db, yearId?: number): void {
  const params = yearId === undefined ? {} : { py: yearId };
  const sqlite = db.$client;
  writeTransaction(db, () => {
    sqlite.prepare(`delete from member_year_totals where true ${ofYear(yearId)}`).run(params);
    sqlite.prepare(`delete from branch_year_totals where true ${ofYear(yearId)}`).run(params);
    sqlite
      .prepare(`insert into member_year_totals (member_id, program_year_id, approved_half_hours, approved_logs)
        select member_id, program_year_id, sum(half_hours), count(*) from service_logs
        where status = 'approved' ${ofYear(yearId)} group by member_id, program_year_id`)
      .run(params);
    sqlite
      .prepare(`insert into branch_year_totals (branch_id, program_year_id, approved_half_hours, approved_logs, shishi_logs, zoufang_logs, huodong_logs, xiangmu_logs)
        select branch_id, program_year_id, sum(half_hours), count(*), sum(item = 'shishi'), sum(item = 'zoufang'), sum(item = 'huodong'), sum(item = 'xiangmu')
        from service_logs where status = 'approved' and branch_id is not null ${ofYear(yearId)} group by branch_id, program_year_id`)
      .run(params);
  });
}
