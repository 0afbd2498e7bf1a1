/**
 * The province-sized school of `npm run bench:scale`: colleges × 20 branches, members, a year of
 * service logs (time-ordered, as they are written), check-ins (one per 10 logs) and a month of sent
 * outbox rows (what the hourly housekeeping prunes). Deterministic for a given size and day.
 *
 * Loaded the way bench/bulkLoad.ts loads logs, extended to every big table: the indexes and the
 * roll-up triggers of service_logs and outbox are dropped, the rows inserted with the journal in
 * memory (the logs made inside SQLite by one INSERT … SELECT a million rows, see `logsSql`), the
 * indexes recreated (sorted, with SQLite's worker threads) and the roll-ups filled by
 * rebuildRollups — so they equal what the triggers would have written. Each step is timed, for
 * "where the time goes".
 */
import { seededRandom } from '../../src/local/random.js';
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { closeDb, openDb } from '../../src/db/client.js';
import { SCHOOL_CHAT_KEY } from '../../src/domain/groups.js';
import { rebuildRollups } from '../../src/domain/rollups.js';
import { dayjs, localDate } from '../../src/time.js';

export interface ScaleSizes {
  colleges: number;
  branches: number;
  members: number;
  logs: number;
  outbox: number;
}

/** Who the bench plays: bound members that have logs (for /我的), the 团委 (for /周报 and imports). */
export interface ScaleSchool {
  programYearId: number;
  startsOn: string;
  today: string;
  adminOpenId: string;
  adminMemberId: number;
  /** open_ids of bound members spread over all colleges. */
  senders: string[];
  steps: { step: string; ms: number }[];
}

export const TZ = 'Asia/Shanghai';
/** Days of logs before today: most of a program year, so a week holds a realistic share. */
const DAYS = 330;
/** Rows made per INSERT … SELECT (and transaction). */
const SQL_BATCH = 1_000_000;

/** Deterministic, so every run measures the same school. */
export const prng = seededRandom;

/** A 32-bit integer hash (two xor-shift-multiply rounds): every random choice of a log, from its counter. */
function h32(x: number): number {
  let h = (x ^ 0x5bd1e995) >>> 0;
  h = Math.imul((h >>> 16) ^ h, 0x45d9f3b) >>> 0;
  h = Math.imul((h >>> 16) ^ h, 0x45d9f3b) >>> 0;
  return ((h >>> 16) ^ h) >>> 0;
}

/**
 * The rows @from ≤ i < @to of an INSERT … SELECT: `seq` counts them, `r` gives each three 32-bit
 * hashes a, b, c (of the counter moved by `offset`, so two tables draw different numbers).
 * MATERIALIZED so each hash is computed once a row (SQLite would otherwise copy the expression
 * into every column that uses it).
 */
function counter(offset: number): string {
  return `WITH RECURSIVE seq(i) AS (SELECT CAST(@from AS INTEGER) UNION ALL SELECT i + 1 FROM seq WHERE i + 1 < @to),
    r AS MATERIALIZED (SELECT i, h32(3 * (i + ${offset})) AS a, h32(3 * (i + ${offset}) + 1) AS b, h32(3 * (i + ${offset}) + 2) AS c FROM seq)`;
}

/** 64 hex digits from a row's hashes, unique by `first` (its first eight): the size of a real sha256 key. */
function hexKey(first: string): string {
  return `printf('%08x%08x%08x%08x%08x%08x%08x%08x', ${first}, a, b, c, (a + b) % 4294967296, (b + c) % 4294967296, (a + c) % 4294967296, (3 * a + c) % 4294967296)`;
}

/**
 * The INSERT … SELECT of logs @from ≤ i < @to, row i as the JS loader made it: a logger chosen
 * uniformly (loggerOf), dates in order over the year, created between 10:00 and 20:00, the last
 * three days' 60 % pending, otherwise 94 % approved; 70 % sent by the student ('self', with a
 * source message), item, area, hours (1–8 half hours), mode (90 % offline) and rating from the
 * row's hashes a, b, c (`counter`); `v` is MATERIALIZED too, so the logger is chosen once a row.
 */
function logsSql(k: { M: number; BR: number; C: number; L: number; DAYS: number; loggers: number; py: number; startMs: number }): string {
  const texts = [
    `printf('在幸福%d社区开展第%d次志愿服务，辅导作业并走访居民', br, i)`,
    `printf('幸福%d社区四点半课堂，陪伴小学生完成作业，讲解数学题', br)`,
    `printf('走访幸福%d社区独居老人三户，帮助打扫卫生并宣传防诈骗知识', br)`,
    `printf('参加幸福%d社区垃圾分类宣传活动，在小区门口发放宣传单', br)`,
    `printf('协助幸福%d社区网格员入户登记，整理居民信息台账', br)`,
    `printf('在幸福%d社区图书室整理图书，组织亲子阅读活动', br)`,
  ];
  const items = ['shishi', 'zoufang', 'huodong', 'xiangmu', 'x'];
  const areas = ['rural_revitalization', 'grassroots_governance', 'aid_education', 'culture', 'policy', 'health'];
  const pick = (xs: string[], n: string) => `CASE ${n} % ${xs.length} ${xs.map((x, j) => `WHEN ${j} THEN '${x}'`).join(' ')} END`;
  const status = `CASE WHEN day >= ${k.DAYS - 3} THEN (CASE WHEN s < 0.6 THEN 'pending' WHEN s < 0.95 THEN 'approved' ELSE 'rejected' END)
      ELSE (CASE WHEN s < 0.94 THEN 'approved' ELSE 'rejected' END) END`;
  const reviewed = `NOT (day >= ${k.DAYS - 3} AND s < 0.6)`;
  const self = `((c >> 10) & 1023) < 717`;
  return `${counter(0)},
    v AS MATERIALIZED (SELECT i, a, b, c, m, (m - 1) % ${k.BR} + 1 AS br, min(${k.DAYS}, (i * ${k.DAYS}) / ${k.L}) AS day, (c & 1023) / 1024.0 AS s
      FROM (SELECT *, min(${k.M}, 5 * (((a * ${k.loggers}) >> 32) / 4) + ((a * ${k.loggers}) >> 32) % 4 + 1) AS m FROM r))
  INSERT INTO service_logs (member_id, branch_id, college_id, program_year_id, service_date, item, area, community_id, half_hours, mode, description, source, status,
      reviewer_member_id, reviewed_at, rating, dedupe_key, source_message_id, created_at)
  SELECT m, br, (br - 1) % ${k.C} + 1, ${k.py}, d.date, ${pick(items, '(c >> 20)')}, ${pick(areas, '((a >> 3) & 255)')}, br, 1 + (a & 7),
      CASE WHEN ((b >> 26) & 63) < 58 THEN 'offline' ELSE 'online' END,
      CASE i % 6 ${texts.map((t, j) => `WHEN ${j} THEN ${t}`).join(' ')} END,
      CASE WHEN ${self} THEN 'self' ELSE 'timed' END, ${status},
      CASE WHEN ${reviewed} THEN br END, CASE WHEN ${reviewed} THEN at + 86400000 END, CASE WHEN ${reviewed} THEN 1 + ((a >> 11) & 255) % 5 END,
      ${hexKey('i')},
      CASE WHEN ${self} THEN printf('om_%08x%08x%08x%08x', b, c, a, i) END, at
  FROM (SELECT v.*, ${k.startMs} + day * 86400000 + 36000000 + b % 36000000 AS at FROM v) v
  JOIN temp.scale_days d ON d.n = v.day
  ORDER BY i`;
}

/** Members who ever log: four in five (every fifth never does, so idle members exist). */
const loggerOf = (k: number) => 5 * Math.floor(k / 4) + (k % 4) + 1;
/** One member in ten never bound the bot. */
const isBound = (m: number) => m % 10 !== 7;
export const memberOpenId = (m: number) => `ou_m${m}`;

export function generate(file: string, sizes: ScaleSizes, now: number, progress: (line: string) => void): ScaleSchool {
  const { colleges: C, branches: BR, members: M, logs: L, outbox: O } = sizes;
  const steps: { step: string; ms: number }[] = [];
  const step = <T>(name: string, fn: () => T): T => {
    const t0 = performance.now();
    const v = fn();
    steps.push({ step: name, ms: performance.now() - t0 });
    progress(`${name}: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    return v;
  };
  const rnd = prng(20261001);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const db = step('openDb + migrations', () => openDb(file));
  const c = db.$client;
  // A failed load is thrown away: no WAL (every page written twice) while loading, the rollback
  // journal in memory (OFF is refused in better-sqlite3's defensive mode); WAL again at the end.
  c.pragma('journal_mode = DELETE');
  c.pragma('journal_mode = MEMORY');
  c.pragma('synchronous = OFF');
  c.pragma('cache_size = -1048576'); // 1 GB: index builds sort in memory
  c.pragma('temp_store = MEMORY');
  c.pragma('threads = 2');

  const today = localDate(now, TZ);
  const start = dayjs.utc(today).subtract(DAYS, 'day');
  const fmt = (d: dayjs.Dayjs) => d.format('YYYY-MM-DD');
  const startsOn = fmt(start);
  const py = Number(c.prepare(`INSERT INTO program_years (name, starts_on, ends_on, is_current, pairing_deadline, project_list_deadline, matching_deadline)
    VALUES ('规模基准学年', ?, ?, 1, ?, ?, ?)`).run(startsOn, fmt(start.add(DAYS + 35, 'day')), fmt(start.add(41, 'day')), fmt(start.add(41, 'day')), fmt(start.add(49, 'day'))).lastInsertRowid);

  const surnames = [...'王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗'];
  const given = ['梓涵', '浩然', '雨桐', '一鸣', '佳怡', '思远', '子轩', '思琪', '宇航', '欣怡', '博文', '诗涵', '子墨', '欣然', '嘉懿', '宇辰'];
  const boundAt = now - 200 * 86_400_000;
  step(`org: ${C} colleges, ${BR} branches, ${M + 1 + C} members`, () => c.transaction(() => {
    const college = c.prepare('INSERT INTO colleges (name, chat_id, chat_bound_at) VALUES (?, ?, ?)');
    const branch = c.prepare('INSERT INTO branches (college_id, name) VALUES (?, ?)');
    const community = c.prepare('INSERT INTO communities (name, normalised_name, level, region) VALUES (?, ?, ?, ?)');
    const member = c.prepare('INSERT INTO members (student_no, name, role, college_id, branch_id, mobile, open_id, union_id, bound_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
    const pairing = c.prepare(`INSERT INTO pairings (branch_id, community_id, program_year_id, status, signed_on, contact_name) VALUES (?, ?, ?, ?, ?, ?)`);
    const project = c.prepare(`INSERT INTO projects (branch_id, program_year_id, title, area, goals, community_id) VALUES (?, ?, ?, ?, ?, ?)`);
    // Every college's group is bound, as is the 团委's: the digest goes to all of them.
    for (let i = 1; i <= C; i++) college.run(`第${i}学院`, `oc_scale_${i}`, boundAt);
    for (let b = 1; b <= BR; b++) {
      branch.run(((b - 1) % C) + 1, `班级${b}团支部`);
      community.run(`幸福${b}社区`, `幸福${b}社区`, 'community', '沈阳市和平区');
      if (rnd() < 0.6) pairing.run(b, b, py, rnd() < 0.9 ? 'signed' : 'draft', fmt(start.add(30, 'day')), '社区联系人');
      project.run(b, py, `${b}号项目`, pick(['culture', 'policy', 'health', 'ecology']), '四点半课堂', b);
    }
    for (let m = 1; m <= M; m++) {
      const b = ((m - 1) % BR) + 1;
      const bound = isBound(m);
      member.run(`2026${String(m).padStart(7, '0')}`, pick(surnames) + pick(given), m <= BR ? 'secretary' : 'student', ((b - 1) % C) + 1, b,
        `138${String(m).padStart(8, '0')}`, bound ? memberOpenId(m) : null, bound ? `on_m${m}` : null, bound ? boundAt : null);
    }
    member.run('T0000001', '团委老师', 'school_admin', null, null, '13900000000', 'ou_admin_1', 'on_admin_1', boundAt);
    for (let i = 1; i <= C; i++) member.run(`Z${String(i).padStart(7, '0')}`, `团总支${i}`, 'college_admin', i, null, null, `ou_college_admin_${i}`, `on_college_admin_${i}`, boundAt);
    c.prepare(`INSERT INTO settings (key, value, updated_at) VALUES (?, 'oc_scale_school', ?)`).run(SCHOOL_CHAT_KEY, now);
  })());
  const adminMemberId = M + 1;

  // The big tables without their indexes and triggers (bench/bulkLoad.ts, for the outbox too);
  // check-ins keep theirs: INSERT OR IGNORE relies on their unique index.
  const derived = c
    .prepare(`select type, name, tbl_name as tbl, sql from sqlite_master where type in ('index', 'trigger') and tbl_name in ('service_logs', 'outbox') and sql is not null`)
    .all() as { type: string; name: string; tbl: string; sql: string }[];
  for (const d of derived) c.exec(`drop ${d.type} ${d.name}`);

  // The logs are made inside SQLite, a million at a time: INSERT … SELECT over a counter, with
  // a hash of the counter for every random choice (h32 below, the only call back into JS). Bound
  // row by row from JS, 19 values each, the 20 M inserts took 303 s; here the same rows take a
  // fraction of that, and generation is most of what bench:scale waits for.
  c.function('h32', { deterministic: true }, (x: number) => h32(x));
  c.exec('CREATE TEMP TABLE scale_days (n INTEGER PRIMARY KEY, date TEXT NOT NULL)');
  const dayRow = c.prepare('INSERT INTO temp.scale_days (n, date) VALUES (?, ?)');
  c.transaction(() => { for (let d = 0; d <= DAYS; d++) dayRow.run(d, fmt(start.add(d, 'day'))); })();
  const loggers = Math.max(1, Math.floor(M * 0.8));
  const startMs = dayjs.tz(`${startsOn} 00:00`, TZ).valueOf();
  const insertLogs = c.prepare(logsSql({ M, BR, C, L, DAYS, loggers, py, startMs }));
  const insertCheckins = c.prepare(`INSERT OR IGNORE INTO checkins (member_id, branch_id, college_id, community_id, site_name, kind, checkin_date, checked_in_at, checked_out_at)
    SELECT member_id, branch_id, college_id, community_id, '幸福' || branch_id || '社区', 'daily', service_date, created_at, created_at + 7200000
    FROM service_logs WHERE id > ? AND (id - 1) % 10 = 0 ORDER BY id`);
  const lastId = c.prepare('SELECT coalesce(max(id), 0) AS n FROM service_logs').pluck();
  const t0 = performance.now();
  for (let done = 0; done < L; done += SQL_BATCH) {
    const to = Math.min(L, done + SQL_BATCH);
    c.transaction(() => {
      const before = lastId.get() as number;
      insertLogs.run({ from: done, to });
      // A check-in for every tenth log, as the log it became (one per member, site and day).
      insertCheckins.run(before);
    })();
    progress(`logs ${to.toLocaleString('en-US')}/${L.toLocaleString('en-US')} (${(to / ((performance.now() - t0) / 1000)).toFixed(0)}/s)`);
  }
  steps.push({ step: `insert ${L.toLocaleString('en-US')} logs + ${Math.ceil(L / 10).toLocaleString('en-US')} check-ins`, ms: performance.now() - t0 });

  // A month (and an hour) of sent messages: replies, review cards, notices — what housekeeping prunes.
  step(`insert ${O.toLocaleString('en-US')} sent outbox rows (30 days + 1 hour)`, () => {
    // Made inside SQLite as the logs are: a reply to a random member, spread evenly over the span.
    const span = 30 * 86_400_000 + 3_600_000;
    const text = `printf('已记录：%s 在幸福%d社区服务 2 小时（实事）。团支书审核后计入时长；本学年你已累计 %d 小时。发送 /我的 查看全部记录，发送 /撤回 可撤回这条记录。', '${fmt(start.add(DAYS - 1, 'day'))}', (m - 1) % ${BR} + 1, m % 40 + 1)`;
    const rows = c.prepare(`${counter(0x20000000)},
        k AS MATERIALIZED (SELECT i, 1 + ((a * ${M}) >> 32) AS m, ${now - span} + (i * ${span}) / ${O} AS at, ${hexKey(`i + ${0x20000000}`)} AS id FROM r)
      INSERT INTO outbox (uuid, receive_id_type, receive_id, reply_to, msg_type, content, status, attempts, next_attempt_at, message_id, created_at, sent_at)
      SELECT 'reply:' || substr(id, 1, 40), 'open_id', 'ou_m' || m, 'om_' || substr(id, 9, 32), 'text', json_object('text', ${text}), 'sent', 1, at, 'om_' || substr(id, 25, 32), at, at + 150
      FROM k ORDER BY i`);
    for (let done = 0; done < O; done += SQL_BATCH) c.transaction(() => rows.run({ from: done, to: Math.min(O, done + SQL_BATCH) }))();
  });

  for (const tbl of ['service_logs', 'outbox']) {
    for (const d of derived.filter((x) => x.tbl === tbl && x.type === 'index')) step(`index ${d.name}`, () => c.exec(d.sql));
  }
  step('roll-up triggers recreated', () => { for (const d of derived.filter((x) => x.type === 'trigger')) c.exec(d.sql); });
  step('rebuildRollups', () => rebuildRollups(db));
  c.pragma('journal_mode = WAL');
  // No explicit ANALYZE: the next openDb's PRAGMA optimize gathers the statistics, as in the bot.
  step('closeDb', () => closeDb(db));

  // Senders of /我的: bound members who log, spread over every college.
  const senders: string[] = [];
  for (let k = 0; senders.length < Math.min(2000, loggers); k += Math.max(1, Math.floor(loggers / 2000)) + 1) {
    const m = loggerOf(k % loggers);
    if (m <= M && isBound(m)) senders.push(memberOpenId(m));
    if (k > loggers * 4) break;
  }
  return { programYearId: py, startsOn, today, adminOpenId: 'ou_admin_1', adminMemberId, senders, steps };
}

/** The database file and its WAL, in bytes. */
export function dbBytes(file: string): number {
  return [file, `${file}-wal`].reduce((n, f) => n + (fs.existsSync(f) ? fs.statSync(f).size : 0), 0);
}
