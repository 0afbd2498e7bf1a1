/**
 * The demo school of local mode: a roster (three colleges, their branches, students with
 * plausible names) imported like a real one, the Jinzhou communities of examples/, most
 * accounts bound, one group chat per college, and — once — a little history (pairings,
 * check-ins, approved and pending logs) so /我的, reviews and the digest have content.
 * Everything goes through the domain code; running it again changes nothing.
 */
import fs from 'node:fs';
import { eq, inArray } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Db } from '../db/client.js';
import { colleges, members, settings, type Member } from '../db/schema/index.js';
import { bind } from '../domain/binding.js';
import { checkIn, checkOut } from '../domain/checkins.js';
import { findCommunity } from '../domain/communities.js';
import { importCommunities, readCommunityFile } from '../app/import/communities.js';
import { bindGroup } from '../domain/groups.js';
import { createPairing } from '../domain/pairings.js';
import { currentProgramYear } from '../domain/program.js';
import { decide } from '../domain/review.js';
import { importRosterFile } from '../app/import/roster.js';
import { createLog } from '../domain/serviceLogs.js';
import { dayjs, localDate, type When } from '../time.js';

const ROSTER = new URL('./demoRoster.csv', import.meta.url);
const COMMUNITIES = new URL('../../examples/communities.csv', import.meta.url);
const HISTORY_KEY = 'demo_history_seeded';
/** Set before anything else is written, so a half-seeded demo database is still known as one. */
const DEMO_KEY = 'demo_database';
const DAY = 24 * 3600 * 1000;

/** Demo accounts left unbound, so the walkthrough can show /绑定. */
const UNBOUND = ['2023010102', '2023010104'];

export const demoOpenId = (studentNo: string): string => `ou_demo_${studentNo.toLowerCase()}`;
export const collegeChatId = (collegeId: number): string => `oc_demo_college_${collegeId}`;
export const SCHOOL_CHAT_ID = 'oc_demo_school';

/** Branch secretary → the community their branch pairs with, and the service the branch logged. */
const HISTORY: { secretary: string; community: string; logs: { studentNo: string; daysAgo: number; item: string; hours: number; description: string; approve: boolean }[] }[] = [
  {
    secretary: '2023010101', community: '洛阳社区',
    logs: [
      { studentNo: '2023010103', daysAgo: 3, item: 'shishi', hours: 2, description: '在洛阳社区“四点半课堂”辅导小学生作业', approve: true },
      { studentNo: '2023010103', daysAgo: 5, item: 'zoufang', hours: 1.5, description: '走访社区独居老人，了解用电安全情况', approve: true },
    ],
  },
  {
    secretary: '2023110101', community: '北街街道',
    logs: [
      { studentNo: '2023110102', daysAgo: 4, item: 'huodong', hours: 3, description: '协助街道开展反诈宣传进小区活动', approve: true },
      { studentNo: '2023110103', daysAgo: 1, item: 'shishi', hours: 2.5, description: '为社区居民讲解手机挂号和医保缴费', approve: false },
    ],
  },
  {
    secretary: '2023210101', community: '保安街道',
    logs: [{ studentNo: '2023210102', daysAgo: 2, item: 'huodong', hours: 2, description: '在保安街道新时代文明实践站组织读书分享会', approve: true }],
  },
];

/** DATABASE_PATH names a database with a real roster: local mode would mix the demo school into it. */
class NotADemoDatabase extends Error {
  constructor(readonly databasePath: string) {
    super(`${databasePath} holds a roster that local mode did not create`);
    this.name = 'NotADemoDatabase';
  }
}

/** A database with people in it that local mode did not make: the demo must not go into it. */
function holdsRealData(db: Db): boolean {
  const marked = db.select().from(settings).where(inArray(settings.key, [DEMO_KEY, HISTORY_KEY])).get();
  return !marked && db.select({ id: members.id }).from(members).limit(1).get() !== undefined;
}

export async function seedDemo(db: Db, { now, tz }: When, log: Logger): Promise<void> {
  if (holdsRealData(db)) throw new NotADemoDatabase(db.$client.name);
  db.insert(settings).values({ key: DEMO_KEY, value: String(now), updatedAt: now }).onConflictDoNothing().run();
  await importRosterFile(db, fs.readFileSync(ROSTER), 'demoRoster.csv', now);
  importCommunities(db, await readCommunityFile(fs.readFileSync(COMMUNITIES), 'communities.csv'), now);
  const roster = db.select().from(members).all();
  for (const m of roster) {
    if (UNBOUND.includes(m.studentNo) || m.openId) continue;
    bind(db, { openId: demoOpenId(m.studentNo), studentNo: m.studentNo, name: m.name, current: null }, now);
  }
  const admin = byNo(db, 'T0001');
  for (const c of db.select().from(colleges).all()) bindGroup(db, { member: admin, chatId: collegeChatId(c.id), target: { college: c.name } }, now);
  bindGroup(db, { member: admin, chatId: SCHOOL_CHAT_ID, target: { school: true } }, now);

  if (db.select().from(settings).where(eq(settings.key, HISTORY_KEY)).get()) return;
  seedHistory(db, { now, tz }, log);
  db.insert(settings).values({ key: HISTORY_KEY, value: String(now), updatedAt: now }).run();
}

function seedHistory(db: Db, { now, tz }: When, log: Logger): void {
  const program = currentProgramYear(db, { now, tz });
  const dateAgo = (days: number) => dayjs(localDate(now - days * DAY, tz)).format('YYYY-MM-DD');
  for (const branch of HISTORY) {
    const secretary = byNo(db, branch.secretary);
    attempt(log, `pairing ${branch.community}`, () => createPairing(db, secretary, program, { community: branch.community, signedOn: dateAgo(10) }, { now, tz }));
    const communityId = findCommunity(db, branch.community)?.id;
    for (const l of branch.logs) {
      attempt(log, `log ${l.studentNo}`, () => {
        const author = byNo(db, l.studentNo);
        const visit = checkIn(db, author, program, branch.community, { now: now - l.daysAgo * DAY, tz: tz });
        checkOut(db, visit.checkin.id, author, { now: now - l.daysAgo * DAY + l.hours * 3600 * 1000, tz });
        const entry = createLog(db, author, program, { date: dateAgo(l.daysAgo), item: l.item, hours: l.hours, mode: 'offline', communityId, description: l.description }, { source: 'self' }, { now, tz });
        if (l.approve) decide(db, entry.id, secretary, { kind: 'approve', rating: 5 }, now);
      });
    }
  }
}

function byNo(db: Db, studentNo: string): Member {
  return db.select().from(members).where(eq(members.studentNo, studentNo)).get()!;
}

/** A history item the domain refuses (e.g. outside the program year) is skipped, not fatal. */
function attempt(log: Logger, what: string, fn: () => void): void {
  try {
    fn();
  } catch (err) {
    log.warn({ what, err: (err as Error).message }, 'demo history item skipped');
  }
}
