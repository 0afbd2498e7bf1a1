/**
 * The province-sized school of `npm run bench:scale`: colleges × 20 branches, members, a year of
 * service logs (time-ordered, as they are written), check-ins (one per 10 logs) and a month of sent
 * outbox rows (what the hourly housekeeping prunes). Deterministic for a given size and day.
 *
 * Loaded the way bench/bulkLoad.ts loads logs, extended to every big table: the indexes and the
 * roll-up triggers of service_logs and outbox are dropped, the rows inserted in
 * 100,000-row transactions with the journal in memory, the indexes recreated (sorted, with SQLite's
 * worker threads) and the roll-ups filled by rebuildRollups — so they equal what the triggers
 * would have written. Each step is timed, for "where the time goes".
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
const BATCH = 100_000;

/** Deterministic, so every run measures the same school. */
export const prng = seededRandom;

const h8 = (x: number) => (x >>> 0).toString(16).padStart(8, '0');
/** A 64-hex-digit key unique per i, the size of the real sha256 dedupe keys. */
function hex64(i: number): string {
  let s = h8(i);
  let x = i ^ 0x9e3779b9;
  for (let k = 0; k < 7; k++) {
    x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
    x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
    s += h8(x ^ (x >>> 16));
  }
  return s;
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

  const items = ['shishi', 'zoufang', 'huodong', 'xiangmu', 'x'] as const;
  const areas = ['rural_revitalization', 'grassroots_governance', 'aid_education', 'culture', 'policy', 'health'] as const;
  const texts = [
    (b: number, n: number) => `在幸福${b}社区开展第${n}次志愿服务，辅导作业并走访居民`,
    (b: number) => `幸福${b}社区四点半课堂，陪伴小学生完成作业，讲解数学题`,
    (b: number) => `走访幸福${b}社区独居老人三户，帮助打扫卫生并宣传防诈骗知识`,
    (b: number) => `参加幸福${b}社区垃圾分类宣传活动，在小区门口发放宣传单`,
    (b: number) => `协助幸福${b}社区网格员入户登记，整理居民信息台账`,
    (b: number) => `在幸福${b}社区图书室整理图书，组织亲子阅读活动`,
  ];
  const log = c.prepare(`INSERT INTO service_logs (member_id, branch_id, college_id, program_year_id, service_date, item, area, community_id, half_hours, mode, description, source, status, reviewer_member_id, reviewed_at, rating, dedupe_key, source_message_id, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const checkin = c.prepare(`INSERT OR IGNORE INTO checkins (member_id, branch_id, college_id, community_id, site_name, kind, checkin_date, checked_in_at, checked_out_at) VALUES (?, ?, ?, ?, ?, 'daily', ?, ?, ?)`);
  const loggers = Math.max(1, Math.floor(M * 0.8));
  const startMs = dayjs.tz(`${startsOn} 00:00`, TZ).valueOf();
  const dates = Array.from({ length: DAYS + 1 }, (_, d) => fmt(start.add(d, 'day')));
  const t0 = performance.now();
  for (let done = 0; done < L; done += BATCH) {
    c.transaction(() => {
      for (let i = done; i < Math.min(L, done + BATCH); i++) {
        const m = Math.min(M, loggerOf(Math.floor(rnd() * loggers)));
        const b = ((m - 1) % BR) + 1;
        const col = ((b - 1) % C) + 1;
        // Logs arrive in date order over the year; the last three days' are partly unreviewed.
        const day = Math.min(DAYS, Math.floor((i * DAYS) / L));
        const at = startMs + day * 86_400_000 + 36_000_000 + Math.floor(rnd() * 36_000_000);
        const s = rnd();
        const status = day >= DAYS - 3 ? (s < 0.6 ? 'pending' : s < 0.95 ? 'approved' : 'rejected') : s < 0.94 ? 'approved' : 'rejected';
        const reviewed = status === 'pending' ? null : at + 86_400_000;
        const self = rnd() < 0.7;
        log.run(m, b, col, py, dates[day], pick(items), pick(areas), b, 1 + Math.floor(rnd() * 8), rnd() < 0.9 ? 'offline' : 'online',
          texts[i % texts.length]!(b, i), self ? 'self' : 'timed', status, reviewed ? b : null, reviewed, reviewed ? 1 + Math.floor(rnd() * 5) : null,
          hex64(i), self ? `om_${hex64(i + 0x40000000).slice(0, 32)}` : null, at);
        if (i % 10 === 0) checkin.run(m, b, col, b, `幸福${b}社区`, dates[day], at, at + 7_200_000);
      }
    })();
    const n = Math.min(L, done + BATCH);
    progress(`logs ${n.toLocaleString('en-US')}/${L.toLocaleString('en-US')} (${(n / ((performance.now() - t0) / 1000)).toFixed(0)}/s)`);
  }
  steps.push({ step: `insert ${L.toLocaleString('en-US')} logs + ${Math.ceil(L / 10).toLocaleString('en-US')} check-ins`, ms: performance.now() - t0 });

  // A month (and an hour) of sent messages: replies, review cards, notices — what housekeeping prunes.
  step(`insert ${O.toLocaleString('en-US')} sent outbox rows (30 days + 1 hour)`, () => {
    const row = c.prepare(`INSERT INTO outbox (uuid, receive_id_type, receive_id, reply_to, msg_type, content, status, attempts, next_attempt_at, message_id, created_at, sent_at)
      VALUES (?, 'open_id', ?, ?, 'text', ?, 'sent', 1, ?, ?, ?, ?)`);
    const span = 30 * 86_400_000 + 3_600_000;
    for (let done = 0; done < O; done += BATCH) {
      c.transaction(() => {
        for (let i = done; i < Math.min(O, done + BATCH); i++) {
          const at = now - span + Math.floor((i * span) / O);
          const m = 1 + Math.floor(rnd() * M);
          const content = JSON.stringify({ text: `已记录：${dates[DAYS - 1]} 在幸福${((m - 1) % BR) + 1}社区服务 2 小时（实事）。团支书审核后计入时长；本学年你已累计 ${(m % 40) + 1} 小时。发送 /我的 查看全部记录，发送 /撤回 可撤回这条记录。` });
          const id = hex64(i + 0x20000000);
          row.run(`reply:${id.slice(0, 40)}`, memberOpenId(m), `om_${id.slice(8, 40)}`, content, at, `om_${id.slice(24, 56)}`, at, at + 150);
        }
      })();
    }
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
