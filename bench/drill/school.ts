/**
 * The drill's school and what its people say: a roster imported through the bot's own
 * `importRosterFile` (every row carries a 飞书ID, so each person is bound by their first
 * message, as the README describes), and the service reports, log forms and /我的 the load
 * is made of. Every report text is first read by the bot's own parser here, so the drill
 * knows which date and hours the bot will store, and keeps each member's day under the
 * 16-hour rule (a refused report would be an answer, not a log, and muddy the count).
 */
import { seededRandom } from '../../src/local/random.js';
import { closeDb, openDb } from '../../src/db/client.js';
import { importRosterFile } from '../../src/app/import/roster.js';
import { parseReport, recordable } from '../../src/text/reportParser.js';
import { localDate } from '../../src/time.js';

export const TIME_ZONE = 'Asia/Shanghai';

export interface Person {
  openId: string;
  role: 'school_admin' | 'college_admin' | 'secretary' | 'student';
  branch?: number;
}

export interface School {
  admin: Person;
  secretaries: Person[];
  students: Person[];
  everyone: Person[];
}

/** 1 团委, 2 学院团总支, `branches` 团支部 of one secretary and `perBranch` students each. */
export async function seedSchool(dbPath: string, branches = 40, perBranch = 12): Promise<School> {
  const rows = ['学院,团支部,学号,姓名,角色,手机,飞书ID', ',,T0001,演练团委,团委,,ou_drill_admin'];
  const admin: Person = { openId: 'ou_drill_admin', role: 'school_admin' };
  const everyone: Person[] = [admin];
  const secretaries: Person[] = [];
  const students: Person[] = [];
  const college = (b: number) => (b % 2 === 0 ? '演练第一学院' : '演练第二学院');
  for (const c of [0, 1]) {
    rows.push(`${college(c)},,T100${c},团总支${c},团总支,,ou_drill_college_${c}`);
    everyone.push({ openId: `ou_drill_college_${c}`, role: 'college_admin' });
  }
  for (let b = 0; b < branches; b++) {
    const branch = `演练${String(b).padStart(2, '0')}团支部`;
    const sec: Person = { openId: `ou_drill_sec_${b}`, role: 'secretary', branch: b };
    rows.push(`${college(b)},${branch},S${b}00,书记${b},团支书,,${sec.openId}`);
    secretaries.push(sec);
    for (let s = 1; s <= perBranch; s++) {
      const stu: Person = { openId: `ou_drill_stu_${b}_${s}`, role: 'student', branch: b };
      rows.push(`${college(b)},${branch},S${b}${String(s).padStart(2, '0')},学生${b}号${s},学生,,${stu.openId}`);
      students.push(stu);
    }
  }
  everyone.push(...secretaries, ...students);
  const db = openDb(dbPath);
  try {
    const summary = await importRosterFile(db, Buffer.from(rows.join('\n'), 'utf8'), 'drill-roster.csv', Date.now());
    if (summary.errors.length) throw new Error(`roster import failed: ${JSON.stringify(summary.errors.slice(0, 3))}`);
  } finally {
    closeDb(db);
  }
  return { admin, secretaries, students, everyone };
}

/** A seeded random, so two runs with one seed send the same traffic. */
export { seededRandom };

/** A number written with 甲乙丙…: unique text that no date or duration reader takes for a number. */
export function marker(n: number): string {
  const stems = '甲乙丙丁戊己庚辛壬癸';
  return String(n).split('').map((d) => stems[Number(d)]).join('');
}

const DAY_WORDS: [string, number][] = [['今天', 0], ['昨天', 1], ['前天', 2], ['大前天', 3], ['4天前', 4], ['5天前', 5], ['6天前', 6], ['7天前', 7]];
const HOURS: [string, number][] = [['1小时', 1], ['1.5小时', 1.5], ['2小时', 2], ['两个半小时', 2.5], ['3小时', 3]];
const DEEDS = ['在社区给三年级小朋友辅导作业', '入户走访独居老人了解生活需求', '在社区开展反诈宣讲', '帮社区打扫楼道卫生', '给社区老人量血压'];
const FORM_ITEMS = ['shishi', 'zoufang', 'huodong'] as const;

/** Per member and day, the hours the drill has planned (kept ≤ 12, under the bot's 16). */
export class HourBudget {
  private readonly used = new Map<string, number>();
  take(openId: string, date: string, hours: number): boolean {
    const key = `${openId}|${date}`;
    const now = this.used.get(key) ?? 0;
    if (now + hours > 12) return false;
    this.used.set(key, now + hours);
    return true;
  }
}

export interface PlannedReport {
  text: string;
  date: string;
  halfHours: number;
}

/** A service report as a student types it, which the bot's parser records as it stands. */
export function reportText(n: number, openId: string, random: () => number, budget: HourBudget, now = Date.now()): PlannedReport {
  for (let attempt = 0; attempt < 50; attempt++) {
    const [dayWord] = DAY_WORDS[Math.floor(random() * DAY_WORDS.length)]!;
    const [hourWord, hours] = HOURS[Math.floor(random() * HOURS.length)]!;
    const deed = DEEDS[Math.floor(random() * DEEDS.length)]!;
    const text = `${dayWord}${deed}，${hourWord}，记录${marker(n)}`;
    const parsed = parseReport({ text, now, timeZone: TIME_ZONE, communities: [], pairedCommunityId: null });
    if (!recordable(parsed) || parsed.hours === undefined || parsed.date === undefined) throw new Error(`the drill's report is not recordable: ${text}`);
    if (budget.take(openId, parsed.date, parsed.hours)) return { text, date: parsed.date, halfHours: parsed.hours * 2 };
  }
  throw new Error(`no day with room left for ${openId}`);
}

/** The log form's fields as the Feishu client submits them (the date picker adds the offset). */
export function logFormValue(n: number, openId: string, random: () => number, budget: HourBudget, now = Date.now()): { form: Record<string, string>; description: string } {
  for (let attempt = 0; attempt < 50; attempt++) {
    const back = Math.floor(random() * 8);
    const date = localDate(now - back * 86_400_000, TIME_ZONE);
    const hours = 1 + Math.floor(random() * 3);
    if (!budget.take(openId, date, hours)) continue;
    const description = `陪社区留守儿童读绘本，表单${marker(n)}`;
    return { form: { date: `${date} +0800`, item: FORM_ITEMS[n % FORM_ITEMS.length]!, hours: String(hours), mode: 'offline', description }, description };
  }
  throw new Error(`no day with room left for ${openId}`);
}
