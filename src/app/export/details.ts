/**
 * The record sheets of the export (服务记录, 报到记录, 结对协议, 项目清单, 季度总结, 兼任推荐), cell by
 * cell: the rows of src/domain/export/details.ts with codes turned into catalogue labels,
 * timestamps into local time and lists joined by 、. Rows are shaped one at a time as the
 * writer pulls them.
 */
import {
  caseRecords, checkinRecords, communityRecords, LIST_SEPARATOR, logRecords, pairingRecords, positionRecords, projectRecords, recommendationRecords, reportRecords,
  studentRecords, type Cell, type Connection, type DetailSource, type YearRef,
} from '../../domain/export/details.js';
import { t, tDynamic, zhCN, type MessageKey } from '../../text/zh-CN.js';
import { formatDateTime, startOfDate } from '../../time.js';

export type { Cell, DetailSource, YearRef };

/** Catalogue labels looked up once, not once per row. */
function labels(prefix: string): (code: string | null) => string {
  const cache = new Map<string, string>();
  return (code) => {
    if (code === null) return '';
    let label = cache.get(code);
    if (label === undefined) {
      const key = `${prefix}${code}`;
      label = key in zhCN ? tDynamic(key as MessageKey) : code;
      cache.set(code, label);
    }
    return label;
  };
}

/** `YYYY-MM-DD HH:mm` in the school's zone, or empty. */
function timestampFormatter(tz: string): (ms: number | null) => string {
  return (ms) => (ms === null ? '' : formatDateTime(ms, tz));
}

/** A source whose rows are shaped as they are read. */
function shaped<R>(records: DetailSource<R>, shape: (r: R) => Cell[]): DetailSource {
  return {
    count: () => records.count(),
    *rows() {
      for (const r of records.rows()) yield shape(r);
    },
  };
}

/** A list the query joined with LIST_SEPARATOR, as the sheet shows it. */
const list = (v: Cell) => (typeof v === 'string' ? v.split(LIST_SEPARATOR).join('、') : v);

const yes = (v: Cell) => (v ? t('export.yes') : t('export.no'));

/** 三下乡「队名」 / 返家乡 / empty: the 服务记录 column of vacation practice. */
const practice = (team: string | null, returnHome: number) => (returnHome ? t('team.tagHome') : team !== null ? t('team.tagTeam', { name: team }) : '');

/** 服务记录: every log of the year, any status, with the member's 学号 and 手机 (school admin only). */
export function logRows(conn: Connection, year: YearRef, tz: string): DetailSource {
  const item = labels('item.');
  const area = labels('area.');
  const mode = labels('mode.');
  const src = labels('source.');
  const status = labels('status.');
  const at = timestampFormatter(tz);
  return shaped(
    logRecords(conn, year),
    ([id, date, college, branch, studentNo, name, mobile, itemCode, itemLabel, areaCode, community, halfHours, modeCode, sourceCode, statusCode,
      description, rating, communityRating, reviewer, reviewedAt, rejectReason, createdAt, team, returnHome]) => [
      id, date, college, branch, studentNo, name, mobile, item(itemCode as string), itemLabel, area(areaCode as string | null),
      community, (halfHours as number) / 2, mode(modeCode as string), src(sourceCode as string), status(statusCode as string), description,
      rating, communityRating, reviewer, at(reviewedAt as number | null), rejectReason, at(createdAt as number),
      practice(team as string | null, returnHome as number),
    ],
  );
}

/** 报到记录: check-ins dated inside the program year (they carry no year of their own). */
export function checkinRows(conn: Connection, year: YearRef, tz: string): DetailSource {
  const kind = labels('checkin.kind.');
  const at = timestampFormatter(tz);
  return shaped(
    checkinRecords(conn, year),
    ([id, date, college, branch, studentNo, name, mobile, siteName, kindCode, checkedInAt, checkedOutAt, logId]) => [
      id, date, college, branch, studentNo, name, mobile, siteName, kind(kindCode as string), at(checkedInAt as number), at(checkedOutAt as number | null), logId,
    ],
  );
}

/** 结对协议: pairings made in the year, and those still running from an earlier one. */
export function pairingRows(conn: Connection, year: YearRef): DetailSource {
  const level = labels('community.level.');
  const tag = labels('community.tag.');
  const status = labels('pairing.status.');
  return shaped(
    pairingRecords(conn, year),
    (r) => [
      r.college, r.branch, r.community, level(r.level as string | null), r.region,
      ((r.tags as string | null) ?? '').split(',').filter(Boolean).map(tag).join('、'),
      status(r.status as string), r.signed_on, r.ended_on, r.contact_name, r.contact_phone, r.agreement_file_name, r.shared_reason,
    ],
  );
}

/** 项目清单: the year's projects with their items, project group and number of positions. */
export function projectRows(conn: Connection, year: YearRef): DetailSource {
  const area = labels('area.');
  const item = labels('item.');
  return shaped(
    projectRecords(conn, year),
    (r) => [
      r.college, r.branch, r.title, area(r.area as string),
      ((r.items as string | null) ?? '').split(',').filter(Boolean).map((x) => {
        const [code, label] = x.split(':');
        return label ? `${item(code!)}（${label}）` : item(code!);
      }).join('、'),
      r.goals, r.tasks, r.responsibilities, r.cooperation_start, r.cooperation_end, r.community, list(r.team), r.positions,
    ],
  );
}

/** 季度总结: each college's quarterly summaries and plans, with attachment names. */
export function reportRows(conn: Connection, year: YearRef, tz: string): DetailSource {
  const kind = labels('export.reportKind.');
  const status = labels('export.reportStatus.');
  const at = timestampFormatter(tz);
  return shaped(
    reportRecords(conn, year),
    (r) => [
      r.college, t('export.quarter', { n: r.quarter_index as number }), r.due_on, kind(r.kind as string), r.title, r.body,
      status(r.status as string), r.submitter, at(r.submitted_at as number | null), yes(r.late), list(r.files),
    ],
  );
}

/** 兼任推荐: the year's recommendations with the score recorded at the time. */
export function recommendationRows(conn: Connection, year: YearRef, tz: string): DetailSource {
  const post = labels('recommend.post.');
  const status = labels('recommend.status.');
  const at = timestampFormatter(tz);
  return shaped(
    recommendationRecords(conn, year),
    (r) => [
      r.college, r.branch, r.student_no, r.name, post(r.post as string), r.community, status(r.status as string),
      r.score, r.recommender, at(r.created_at as number),
    ],
  );
}

/** 学生汇总: every member of a college with the year's approved hours and logs and pending logs. */
export function studentRows(conn: Connection, year: YearRef): DetailSource {
  const role = labels('role.');
  return shaped(studentRecords(conn, year), (r) => [
    r.college, r.branch, r.student_no, r.name, r.mobile, role(r.role as string), (r.half_hours as number) / 2, r.logs, r.pending,
  ]);
}

/** 岗位与报名: a row per sign-up, and a row per position nobody signed up for. */
export function positionRows(conn: Connection, year: YearRef, tz: string): DetailSource {
  const status = labels('export.positionStatus.');
  const signup = labels('export.signupStatus.');
  const at = timestampFormatter(tz);
  const from = startOfDate(year.startsOn, tz);
  const to = startOfDate(year.endsOn, tz) + 24 * 3600_000 - 1;
  return shaped(positionRecords(conn, year, from, to), (r) => [
    r.college, r.branch, r.project, r.title, r.slots, r.schedule, status(r.status as string),
    r.student_no, r.name, signup(r.signup_status as string | null), at(r.signed_up_at as number | null),
  ]);
}

/** 服务地: every community known, with the branches paired with it this year. */
export function communityRows(conn: Connection, year: YearRef): DetailSource {
  const level = labels('community.level.');
  const tag = labels('community.tag.');
  return shaped(communityRecords(conn, year), (r) => [
    r.name, level(r.level as string | null), r.region, ((r.tags as string | null) ?? '').split(',').filter(Boolean).map(tag).join('、'),
    list(r.branches), r.contact_name, r.contact_phone,
  ]);
}

/** 优秀案例: the year's cases with what each cites. */
export function caseRows(conn: Connection, year: YearRef, tz: string): DetailSource {
  const at = timestampFormatter(tz);
  return shaped(caseRecords(conn, year), (r) => [
    r.id, t(r.subject_kind === 'log' ? 'case.subject.log' : 'case.subject.report'), r.subject_id, r.college,
    r.subject_kind === 'log' ? t('export.caseLog', { name: String(r.member ?? ''), date: String(r.service_date ?? '') }) : t('export.caseReport', { quarter: Number(r.quarter_index ?? 0), title: String(r.title ?? '') }),
    r.citation, r.marked_by, at(r.created_at as number), at(r.publicised_at as number | null),
  ]);
}
