/**
 * The record sheets' data of the export (服务记录, 报到记录, 结对协议, 项目清单, 季度总结, 兼任推荐,
 * 学生汇总, 岗位与报名, 服务地, 优秀案例):
 * each is a counted, ordered query whose rows are read one at a time with `.iterate()`, so
 * two million service logs never sit in memory. Rows hold codes and raw values (lists joined
 * by LIST_SEPARATOR); src/app/export/details.ts shapes them into the sheets' Chinese cells.
 */
import type Database from 'better-sqlite3';

/** The program year a record sheet covers. */
export interface YearRef {
  id: number;
  startsOn: string;
  endsOn: string;
}

/** A cell value; undefined (a column the query did not return) leaves the cell empty. */
export type Cell = string | number | null | undefined;

export interface DetailSource<R = Cell[]> {
  count(): number;
  rows(): IterableIterator<R>;
}

/** The export's own read connection (src/domain/export/reader.ts). */
export type Connection = Database.Database;

/** What the queries join names and file names with (group_concat): a character no name contains. */
export const LIST_SEPARATOR = '\x1f';

function source(conn: Database.Database, sql: string, params: Record<string, unknown>): DetailSource<Record<string, Cell>> {
  const stmt = conn.prepare(sql);
  return {
    count: () => (conn.prepare(`SELECT count(*) AS n FROM (${sql})`).get(params) as { n: number }).n,
    *rows() {
      yield* stmt.iterate(params) as IterableIterator<Record<string, Cell>>;
    },
  };
}

/**
 * For the sheets of millions of rows: rows read as arrays (no object per row), to be shaped by
 * position, counted on their own table (the joins are to required parents, so they change no
 * count). At 2M logs this took the export from 93 s to 70 s on the same machine (bench:export):
 * the count alone had re-run the whole join (12 s), and an object per row cost another 6 s.
 *
 * Their queries pin the plan: the record table is scanned in id order and the parents are
 * looked up by primary key (`CROSS JOIN` keeps SQLite from reordering the joins, a unary `+`
 * from filtering through an index in another order). Left to itself, with statistics, the
 * planner started from the 20 colleges, read each one's logs through an index and sorted all
 * two million wide rows in a temporary B-tree: 21 s for the logs query instead of 10 s.
 */
function largeSource(conn: Database.Database, sql: string, countSql: string, params: Record<string, unknown>): DetailSource {
  const stmt = conn.prepare(sql).raw(true);
  return {
    count: () => (conn.prepare(countSql).get(params) as { n: number }).n,
    *rows() {
      yield* stmt.iterate(params) as IterableIterator<Cell[]>;
    },
  };
}

/** 服务记录's query, in the pinned plan described at `largeSource`. */
export const LOGS_SQL = `SELECT s.id, s.service_date, c.name AS college, b.name AS branch, m.student_no, m.name, m.mobile, s.item, s.item_label, s.area,
    cm.name AS community, s.half_hours, s.mode, s.source, s.status, s.description, s.rating, s.community_rating,
    r.name AS reviewer, s.reviewed_at, s.reject_reason, s.created_at, vt.name AS team, s.return_home
  FROM service_logs s
  CROSS JOIN members m ON m.id = s.member_id
  CROSS JOIN colleges c ON c.id = s.college_id
  LEFT JOIN branches b ON b.id = s.branch_id
  LEFT JOIN communities cm ON cm.id = s.community_id
  LEFT JOIN members r ON r.id = s.reviewer_member_id
  LEFT JOIN vacation_teams vt ON vt.id = s.team_id
  WHERE s.program_year_id = @py ORDER BY s.id`;

/**
 * 报到记录's query, in the pinned plan described at `largeSource`. The log column is the latest
 * log made from the check-in (a seek on service_logs_checkin per row).
 */
export const CHECKINS_SQL = `SELECT k.id, k.checkin_date, c.name AS college, b.name AS branch, m.student_no, m.name, m.mobile, k.site_name, k.kind,
    k.checked_in_at, k.checked_out_at, (SELECT max(s.id) FROM service_logs s WHERE s.checkin_id = k.id) AS service_log_id
  FROM checkins k
  CROSS JOIN members m ON m.id = k.member_id
  CROSS JOIN colleges c ON c.id = k.college_id
  LEFT JOIN branches b ON b.id = k.branch_id
  WHERE +k.checkin_date BETWEEN @from AND @to ORDER BY k.id`;

/** 服务记录: every log of the year, any status, with the member's 学号 and 手机 (school admin only). */
export function logRecords(conn: Database.Database, year: YearRef): DetailSource {
  return largeSource(
    conn,
    LOGS_SQL,
    `SELECT count(*) AS n FROM service_logs WHERE program_year_id = @py`,
    { py: year.id },
  );
}

/** 报到记录: check-ins dated inside the program year (they carry no year of their own). */
export function checkinRecords(conn: Database.Database, year: YearRef): DetailSource {
  return largeSource(
    conn,
    CHECKINS_SQL,
    `SELECT count(*) AS n FROM checkins WHERE checkin_date BETWEEN @from AND @to`,
    { from: year.startsOn, to: year.endsOn },
  );
}

/** 结对协议: pairings made in the year, and those still running from an earlier one. */
export function pairingRecords(conn: Database.Database, year: YearRef): DetailSource<Record<string, Cell>> {
  return source(
    conn,
    `SELECT c.name AS college, b.name AS branch, cm.name AS community, cm.level, cm.region,
       (SELECT group_concat(tag, ',') FROM community_tags WHERE community_id = cm.id) AS tags,
       p.status, p.signed_on, p.ended_on, p.contact_name, p.contact_phone, p.agreement_file_name, p.shared_reason
     FROM pairings p
     JOIN branches b ON b.id = p.branch_id
     JOIN colleges c ON c.id = b.college_id
     JOIN communities cm ON cm.id = p.community_id
     WHERE p.program_year_id = @py OR (p.program_year_id < @py AND p.status != 'ended')
     ORDER BY b.college_id, b.id, p.id`,
    { py: year.id },
  );
}

/** 项目清单: the year's projects with their items, project group and number of positions. */
export function projectRecords(conn: Database.Database, year: YearRef): DetailSource<Record<string, Cell>> {
  return source(
    conn,
    `SELECT c.name AS college, b.name AS branch, p.title, p.area,
       (SELECT group_concat(item || coalesce(':' || label, ''), ',') FROM project_items WHERE project_id = p.id) AS items,
       p.goals, p.tasks, p.responsibilities, p.cooperation_start, p.cooperation_end, cm.name AS community,
       (SELECT group_concat(m.name, char(31)) FROM project_members pm JOIN members m ON m.id = pm.member_id WHERE pm.project_id = p.id) AS team,
       (SELECT count(*) FROM positions WHERE project_id = p.id) AS positions
     FROM projects p
     JOIN branches b ON b.id = p.branch_id
     JOIN colleges c ON c.id = b.college_id
     LEFT JOIN communities cm ON cm.id = p.community_id
     WHERE p.program_year_id = @py ORDER BY b.college_id, b.id, p.id`,
    { py: year.id },
  );
}

/** 季度总结: each college's quarterly summaries and plans, with attachment names. */
export function reportRecords(conn: Database.Database, year: YearRef): DetailSource<Record<string, Cell>> {
  return source(
    conn,
    `SELECT c.name AS college, q.quarter_index, q.due_on, q.kind, q.title, q.body, q.status, m.name AS submitter, q.submitted_at, q.late,
       (SELECT group_concat(file_name, char(31)) FROM report_attachments WHERE report_id = q.id) AS files
     FROM quarterly_reports q
     JOIN colleges c ON c.id = q.college_id
     LEFT JOIN members m ON m.id = q.submitted_by_member_id
     WHERE q.program_year_id = @py ORDER BY q.college_id, q.quarter_index`,
    { py: year.id },
  );
}

/** 兼任推荐: the year's recommendations with the score recorded at the time. */
export function recommendationRecords(conn: Database.Database, year: YearRef): DetailSource<Record<string, Cell>> {
  return source(
    conn,
    `SELECT c.name AS college, b.name AS branch, m.student_no, m.name, r.post, cm.name AS community, r.status,
       json_extract(r.score_snapshot, '$.score') AS score, rb.name AS recommender, r.created_at
     FROM recommendations r
     JOIN members m ON m.id = r.member_id
     LEFT JOIN colleges c ON c.id = m.college_id
     LEFT JOIN branches b ON b.id = m.branch_id
     JOIN communities cm ON cm.id = r.community_id
     LEFT JOIN members rb ON rb.id = r.recommended_by_member_id
     WHERE r.program_year_id = @py ORDER BY m.college_id, m.branch_id, r.id`,
    { py: year.id },
  );
}

/**
 * 学生汇总: every member of a college, the year's approved hours and logs (from the roll-up, so
 * no pass over the logs) and their pending logs.
 */
export function studentRecords(conn: Database.Database, year: YearRef): DetailSource<Record<string, Cell>> {
  return source(
    conn,
    `SELECT c.name AS college, b.name AS branch, m.student_no, m.name, m.mobile, m.role,
       coalesce(t.approved_half_hours, 0) AS half_hours, coalesce(t.approved_logs, 0) AS logs, coalesce(p.n, 0) AS pending
     FROM members m
     JOIN colleges c ON c.id = m.college_id
     LEFT JOIN branches b ON b.id = m.branch_id
     LEFT JOIN member_year_totals t ON t.member_id = m.id AND t.program_year_id = @py
     LEFT JOIN (SELECT member_id, count(*) AS n FROM service_logs WHERE program_year_id = @py AND status = 'pending' GROUP BY member_id) p ON p.member_id = m.id
     ORDER BY m.college_id, m.branch_id, m.student_no`,
    { py: year.id },
  );
}

/**
 * 岗位与报名: one row per sign-up, and one per position nobody signed up for. Positions of a
 * project belong to its year; a branch's own positions to the year they were opened in.
 */
export function positionRecords(conn: Database.Database, year: YearRef, fromMs: number, toMs: number): DetailSource<Record<string, Cell>> {
  return source(
    conn,
    `SELECT c.name AS college, b.name AS branch, pr.title AS project, p.title, p.slots, p.schedule, p.status,
       m.student_no, m.name, s.status AS signup_status, s.created_at AS signed_up_at
     FROM positions p
     JOIN colleges c ON c.id = p.college_id
     LEFT JOIN branches b ON b.id = p.branch_id
     LEFT JOIN projects pr ON pr.id = p.project_id
     LEFT JOIN position_signups s ON s.position_id = p.id
     LEFT JOIN members m ON m.id = s.member_id
     WHERE (pr.id IS NOT NULL AND pr.program_year_id = @py) OR (pr.id IS NULL AND p.created_at BETWEEN @fromMs AND @toMs)
     ORDER BY p.college_id, p.branch_id, p.id, s.id`,
    { py: year.id, fromMs, toMs },
  );
}

/** 服务地: every community known, with the branches paired with it this year. */
export function communityRecords(conn: Database.Database, year: YearRef): DetailSource<Record<string, Cell>> {
  return source(
    conn,
    `SELECT cm.name, cm.level, cm.region,
       (SELECT group_concat(tag, ',') FROM community_tags WHERE community_id = cm.id) AS tags,
       (SELECT group_concat(name, char(31)) FROM (SELECT DISTINCT b.name FROM pairings p JOIN branches b ON b.id = p.branch_id
         WHERE p.community_id = cm.id AND p.status != 'draft' AND (p.program_year_id = @py OR (p.program_year_id < @py AND p.status != 'ended')))) AS branches,
       cm.contact_name, cm.contact_phone
     FROM communities cm ORDER BY cm.id`,
    { py: year.id },
  );
}

/** 优秀案例: the year's excellent cases, the log or report each one cites, and who marked it. */
export function caseRecords(conn: Database.Database, year: YearRef): DetailSource<Record<string, Cell>> {
  return source(
    conn,
    `SELECT e.id, e.subject_kind, e.subject_id, coalesce(lc.name, rc.name) AS college, lm.name AS member, s.service_date, q.title, q.quarter_index,
       e.citation, mb.name AS marked_by, e.created_at, e.publicised_at
     FROM excellent_cases e
     LEFT JOIN service_logs s ON e.subject_kind = 'log' AND s.id = e.subject_id
     LEFT JOIN members lm ON lm.id = s.member_id
     LEFT JOIN colleges lc ON lc.id = s.college_id
     LEFT JOIN quarterly_reports q ON e.subject_kind = 'report' AND q.id = e.subject_id
     LEFT JOIN colleges rc ON rc.id = q.college_id
     LEFT JOIN members mb ON mb.id = e.marked_by_member_id
     WHERE coalesce(s.program_year_id, q.program_year_id) = @py
     ORDER BY e.id`,
    { py: year.id },
  );
}
