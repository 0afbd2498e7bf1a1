/**
 * The record sheets of the export (服务记录, 报到记录, 结对协议, 项目清单, 季度总结, 兼任推荐):
 * each is a counted, ordered query whose rows are read one at a time with `.iterate()`, so
 * two million service logs never sit in memory. Codes become catalogue labels here.
 */
import type Database from 'better-sqlite3';
import { t, zhCN, type MessageKey } from '../../text/zh-CN.js';
import { DEFAULT_TZ, formatDateTime } from '../time.js';

/** The program year a record sheet covers. */
export interface YearRef {
  id: number;
  startsOn: string;
  endsOn: string;
}

/** A cell value; undefined (a column the query did not return) leaves the cell empty. */
export type Cell = string | number | null | undefined;

export interface DetailSource {
  count(): number;
  rows(): IterableIterator<Cell[]>;
}

/** Catalogue labels looked up once, not once per row. */
function labels(prefix: string): (code: string | null) => string {
  const cache = new Map<string, string>();
  return (code) => {
    if (code === null) return '';
    let label = cache.get(code);
    if (label === undefined) {
      const key = `${prefix}${code}`;
      label = key in zhCN ? t(key as MessageKey) : code;
      cache.set(code, label);
    }
    return label;
  };
}

/** `YYYY-MM-DD HH:mm` in the school's zone, or empty. */
export function timestampFormatter(tz = DEFAULT_TZ): (ms: number | null) => string {
  return (ms) => (ms === null ? '' : formatDateTime(ms, tz));
}

function source(conn: Database.Database, sql: string, params: Record<string, unknown>, shape: (r: Record<string, Cell>) => Cell[]): DetailSource {
  const stmt = conn.prepare(sql);
  return {
    count: () => (conn.prepare(`SELECT count(*) AS n FROM (${sql})`).get(params) as { n: number }).n,
    *rows() {
      for (const r of stmt.iterate(params) as IterableIterator<Record<string, Cell>>) yield shape(r);
    },
  };
}

/**
 * For the sheets of millions of rows: rows read as arrays (no object per row) and shaped by
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
function largeSource(conn: Database.Database, sql: string, countSql: string, params: Record<string, unknown>, shape: (r: Cell[]) => Cell[]): DetailSource {
  const stmt = conn.prepare(sql).raw(true);
  return {
    count: () => (conn.prepare(countSql).get(params) as { n: number }).n,
    *rows() {
      for (const r of stmt.iterate(params) as IterableIterator<Cell[]>) yield shape(r);
    },
  };
}

/** 服务记录's query, in the pinned plan described at `largeSource`. */
export const LOGS_SQL = `SELECT s.id, s.service_date, c.name AS college, b.name AS branch, m.student_no, m.name, m.mobile, s.item, s.item_label, s.area,
    cm.name AS community, s.half_hours, s.mode, s.source, s.status, s.description, s.rating, s.community_rating,
    r.name AS reviewer, s.reviewed_at, s.reject_reason, s.created_at
  FROM service_logs s
  CROSS JOIN members m ON m.id = s.member_id
  CROSS JOIN colleges c ON c.id = s.college_id
  LEFT JOIN branches b ON b.id = s.branch_id
  LEFT JOIN communities cm ON cm.id = s.community_id
  LEFT JOIN members r ON r.id = s.reviewer_member_id
  WHERE s.program_year_id = @py ORDER BY s.id`;

/** 报到记录's query, in the pinned plan described at `largeSource`. */
export const CHECKINS_SQL = `SELECT k.id, k.checkin_date, c.name AS college, b.name AS branch, m.student_no, m.name, m.mobile, k.site_name, k.kind,
    k.checked_in_at, k.checked_out_at, k.service_log_id
  FROM checkins k
  CROSS JOIN members m ON m.id = k.member_id
  CROSS JOIN colleges c ON c.id = k.college_id
  LEFT JOIN branches b ON b.id = k.branch_id
  WHERE +k.checkin_date BETWEEN @from AND @to ORDER BY k.id`;

const yes = (v: Cell) => (v ? t('export.yes') : t('export.no'));

/** 服务记录: every log of the year, any status, with the member's 学号 and 手机 (school admin only). */
export function logRows(conn: Database.Database, year: YearRef, tz?: string): DetailSource {
  const item = labels('item.');
  const area = labels('area.');
  const mode = labels('mode.');
  const src = labels('source.');
  const status = labels('status.');
  const at = timestampFormatter(tz);
  return largeSource(
    conn,
    LOGS_SQL,
    `SELECT count(*) AS n FROM service_logs WHERE program_year_id = @py`,
    { py: year.id },
    ([id, date, college, branch, studentNo, name, mobile, itemCode, itemLabel, areaCode, community, halfHours, modeCode, sourceCode, statusCode,
      description, rating, communityRating, reviewer, reviewedAt, rejectReason, createdAt]) => [
      id, date, college, branch, studentNo, name, mobile, item(itemCode as string), itemLabel, area(areaCode as string | null),
      community, (halfHours as number) / 2, mode(modeCode as string), src(sourceCode as string), status(statusCode as string), description,
      rating, communityRating, reviewer, at(reviewedAt as number | null), rejectReason, at(createdAt as number),
    ],
  );
}

/** 报到记录: check-ins dated inside the program year (they carry no year of their own). */
export function checkinRows(conn: Database.Database, year: YearRef, tz?: string): DetailSource {
  const kind = labels('checkin.kind.');
  const at = timestampFormatter(tz);
  return largeSource(
    conn,
    CHECKINS_SQL,
    `SELECT count(*) AS n FROM checkins WHERE checkin_date BETWEEN @from AND @to`,
    { from: year.startsOn, to: year.endsOn },
    ([id, date, college, branch, studentNo, name, mobile, siteName, kindCode, checkedInAt, checkedOutAt, logId]) => [
      id, date, college, branch, studentNo, name, mobile, siteName, kind(kindCode as string), at(checkedInAt as number), at(checkedOutAt as number | null), logId,
    ],
  );
}

/** 结对协议: pairings made in the year, and those still running from an earlier one. */
export function pairingRows(conn: Database.Database, year: YearRef): DetailSource {
  const level = labels('community.level.');
  const tag = labels('community.tag.');
  const status = labels('pairing.status.');
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
    (r) => [
      r.college, r.branch, r.community, level(r.level as string | null), r.region,
      ((r.tags as string | null) ?? '').split(',').filter(Boolean).map(tag).join('、'),
      status(r.status as string), r.signed_on, r.ended_on, r.contact_name, r.contact_phone, r.agreement_file_name, r.shared_reason,
    ],
  );
}

/** 项目清单: the year's projects with their items, project group and number of positions. */
export function projectRows(conn: Database.Database, year: YearRef): DetailSource {
  const area = labels('area.');
  const item = labels('item.');
  return source(
    conn,
    `SELECT c.name AS college, b.name AS branch, p.title, p.area,
       (SELECT group_concat(item || coalesce(':' || label, ''), ',') FROM project_items WHERE project_id = p.id) AS items,
       p.goals, p.tasks, p.responsibilities, p.cooperation_start, p.cooperation_end, cm.name AS community,
       (SELECT group_concat(m.name, '、') FROM project_members pm JOIN members m ON m.id = pm.member_id WHERE pm.project_id = p.id) AS team,
       (SELECT count(*) FROM positions WHERE project_id = p.id) AS positions
     FROM projects p
     JOIN branches b ON b.id = p.branch_id
     JOIN colleges c ON c.id = b.college_id
     LEFT JOIN communities cm ON cm.id = p.community_id
     WHERE p.program_year_id = @py ORDER BY b.college_id, b.id, p.id`,
    { py: year.id },
    (r) => [
      r.college, r.branch, r.title, area(r.area as string),
      ((r.items as string | null) ?? '').split(',').filter(Boolean).map((x) => {
        const [code, label] = x.split(':');
        return label ? `${item(code!)}（${label}）` : item(code!);
      }).join('、'),
      r.goals, r.tasks, r.responsibilities, r.cooperation_start, r.cooperation_end, r.community, r.team, r.positions,
    ],
  );
}

/** 季度总结: each college's quarterly summaries and plans, with attachment names. */
export function reportRows(conn: Database.Database, year: YearRef, tz?: string): DetailSource {
  const kind = labels('export.reportKind.');
  const status = labels('export.reportStatus.');
  const at = timestampFormatter(tz);
  return source(
    conn,
    `SELECT c.name AS college, q.quarter_index, q.due_on, q.kind, q.title, q.body, q.status, m.name AS submitter, q.submitted_at, q.late,
       (SELECT group_concat(file_name, '、') FROM report_attachments WHERE report_id = q.id) AS files
     FROM quarterly_reports q
     JOIN colleges c ON c.id = q.college_id
     LEFT JOIN members m ON m.id = q.submitted_by_member_id
     WHERE q.program_year_id = @py ORDER BY q.college_id, q.quarter_index`,
    { py: year.id },
    (r) => [
      r.college, t('export.quarter', { n: r.quarter_index as number }), r.due_on, kind(r.kind as string), r.title, r.body,
      status(r.status as string), r.submitter, at(r.submitted_at as number | null), yes(r.late), r.files,
    ],
  );
}

/** 兼任推荐: the year's recommendations with the score recorded at the time. */
export function recommendationRows(conn: Database.Database, year: YearRef, tz?: string): DetailSource {
  const post = labels('recommend.post.');
  const status = labels('recommend.status.');
  const at = timestampFormatter(tz);
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
    (r) => [
      r.college, r.branch, r.student_no, r.name, post(r.post as string), r.community, status(r.status as string),
      r.score, r.recommender, at(r.created_at as number),
    ],
  );
}
