/**
 * Role × scope matrix (issue 17 point 8, PRODUCT.md §2 "Authorisation is checked on every
 * command and every card action, against the database"): every command of the registry typed
 * by every role, and every card action clicked by every role on an object inside and outside
 * its scope. The rows are built from the registry (commands/index.ts), so a command or action
 * added later fails here until this table says who may use it.
 *
 * The school is the example roster (two colleges; 计科2301 and 计科2302 in 计算机科学与工程学院,
 * 会计2301 in 经济管理学院). 张雨桐 is made inactive the way a school does it: a confirmed full
 * roster import that leaves her out (roster file sent to the bot, 全量导入 clicked).
 *
 * What is asserted is what the user sees: the catalogue's refusal sentences (via t()), the toast
 * of a click, and — for a refused click — that no table row and no message changed.
 */
import fs from 'node:fs';
import { and, desc, eq, ne, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actions, commands } from '../commands/index.js';
import type { Audience } from '../src/bot/roles.js';
import {
  checkins, pairings, positionSignups, positions, programYears, projects, quarterlyReports, recommendations, rosterImports, type Member,
} from '../src/db/schema/index.js';
import { t } from '../src/text/zh-CN.js';
import { bindDirect, insertLog, memberByNo, newMessageId, sendFile } from './helpers/bot.js';
import type { DeliverResult } from './helpers/feishuEvents.js';
import { ACCOUNTS, addCommunity, envelope, logForm, logsOf, program, said, startLoop, submitLog, type Loop } from './helpers/loop.js';

// ── who ─────────────────────────────────────────────────────────────────────

/** The accounts of the matrix, the 团委 last (its clicks change the most). */
const ACTORS = ['stranger', 'inactive', 'student', 'secretary', 'otherSecretary', 'collegeAdmin', 'otherCollegeAdmin', 'schoolAdmin'] as const;
type Actor = (typeof ACTORS)[number];

const LABEL: Record<Actor, string> = {
  stranger: '未绑定',
  inactive: '已停用(名单外)',
  student: '学生',
  secretary: '团支书',
  otherSecretary: '团支书(other branch)',
  collegeAdmin: '团总支',
  otherCollegeAdmin: '团总支(other college)',
  schoolAdmin: '团委',
};

/** T2001 郑丽娟, 团总支 of 经济管理学院; 何欣怡 and 冯宇航, a student and the 团支书 of 会计2301 (targets only). */
const OPEN_IDS: Record<Actor, string> = {
  stranger: 'ou_matrix_stranger',
  inactive: ACCOUNTS.student2,
  student: ACCOUNTS.student,
  secretary: ACCOUNTS.secretary,
  otherSecretary: ACCOUNTS.otherSecretary,
  collegeAdmin: ACCOUNTS.collegeAdmin,
  otherCollegeAdmin: 'ou_matrix_college_b',
  schoolAdmin: ACCOUNTS.schoolAdmin,
};
const B_STUDENT = 'ou_matrix_b_student';
const B_SECRETARY = 'ou_matrix_b_secretary';

const RANK: Record<Actor, number> = { stranger: -1, inactive: -1, student: 0, secretary: 1, otherSecretary: 1, collegeAdmin: 2, otherCollegeAdmin: 2, schoolAdmin: 3 };
const MIN_RANK: Record<Audience, number> = { anyone: -1, student: 0, secretary: 1, college_admin: 2, school_admin: 3 };
/** Whether the role (not the scope) may use something meant for `min`. */
const mayUse = (actor: Actor, min: Audience) => min === 'anyone' || RANK[actor] >= MIN_RANK[min];

/** The roster without 张雨桐 (2023010103): confirmed in full, it makes her inactive. */
const ROSTER_WITHOUT_HER = Buffer.from(fs.readFileSync('examples/roster.csv', 'utf8').trim().split('\n').filter((l) => !l.includes('2023010103')).join('\n'));

interface School {
  loop: Loop;
  /** Member rows by actor (the stranger has none). */
  m: Record<Exclude<Actor, 'stranger'>, Member>;
  bStudent: Member;
  bSecretary: Member;
}

async function school(): Promise<School> {
  const loop = await startLoop({ config: { PUBLIC_BASE_URL: 'https://bot.example.edu.cn/' } });
  const { h } = loop;
  const otherCollegeAdmin = bindDirect(h, 'T2001', OPEN_IDS.otherCollegeAdmin);
  const bStudent = bindDirect(h, '2023110102', B_STUDENT);
  const bSecretary = bindDirect(h, '2023110101', B_SECRETARY);
  // 张雨桐 leaves: the 团委 sends the roster without her and confirms it in full.
  const { reply } = await sendFile(h, OPEN_IDS.schoolAdmin, { name: '名单.csv', bytes: ROSTER_WITHOUT_HER });
  const apply = await h.click(OPEN_IDS.schoolAdmin, envelope('roster.apply', { i: latestImport(loop)!, m: 'full' }), { messageId: reply.messageId });
  expect(apply.body?.toast?.type).toBe('success');
  const inactive = memberByNo(h, '2023010103');
  expect(inactive.leftAt).not.toBeNull();
  const { m } = loop;
  return {
    loop,
    m: {
      inactive, student: m.student, secretary: m.secretary, otherSecretary: m.otherSecretary,
      collegeAdmin: m.collegeAdmin, otherCollegeAdmin, schoolAdmin: m.schoolAdmin,
    },
    bStudent,
    bSecretary,
  };
}

function latestImport(loop: Loop): number | undefined {
  return loop.h.bot.db.select().from(rosterImports).where(eq(rosterImports.status, 'pending')).orderBy(desc(rosterImports.id)).get()?.id;
}

/** An approved or pending log of `member` stored directly (set-up), and its id. */
function insertLogRow(h: Loop['h'], member: Member, status: 'approved' | 'pending'): number {
  insertLog(h, member, { hours: 2, status });
  return logsOf(h, member).at(-1)!.id;
}

// ── what a user sees ───────────────────────────────────────────────────────

/** The answer to a command, by class. */
type Seen = 'allowed' | 'notBound' | 'inactive' | 'forbidden' | 'groupOnly' | 'privateOnly' | 'answeredPrivately';

function classify(text: string, alias: string, min: Audience): Seen {
  if (text === t('error.notBound', { command: alias })) return 'notBound';
  if (text === t('error.inactive')) return 'inactive';
  if (min !== 'anyone' && text === t('error.forbidden', { command: alias, role: t(`role.${min}`) })) return 'forbidden';
  if (text === t('error.groupOnly', { command: alias })) return 'groupOnly';
  if (text === t('error.privateOnly', { command: alias })) return 'privateOnly';
  if (text === t('group.answeredPrivately', { command: alias })) return 'answeredPrivately';
  return 'allowed';
}

/** What a role is told when the role itself does not suffice (before anything about the place). */
function refusalFor(actor: Actor): Seen {
  return actor === 'stranger' ? 'notBound' : actor === 'inactive' ? 'inactive' : 'forbidden';
}

// ── commands ───────────────────────────────────────────────────────────────

/**
 * Each command as README.md's table (角色与命令) describes it: who may use it, where, and whether
 * a group only sees 「已私聊发给你」. The text is what a user types: a representative argument
 * that names nothing outside anyone's scope (scoped arguments are the next table's).
 */
interface CommandRow {
  text: string;
  min: Audience;
  where?: 'group' | 'p2p';
  /** Personal (PRODUCT.md §8): in a group it is answered privately. */
  personal?: true;
  /** What an allowed role sees in a group when the command itself keeps to private chats (the /优秀案例 picker). */
  inGroup?: Seen;
}

const COMMANDS: Record<string, CommandRow> = {
  help: { text: '/帮助', min: 'anyone' },
  bind: { text: '/绑定 2099999999 张三', min: 'anyone', personal: true },
  me: { text: '/我的', min: 'student', personal: true },
  checkin: { text: '/报到 矩阵社区', min: 'student' },
  log: { text: '/记录', min: 'student' },
  review: { text: '/审核', min: 'secretary', personal: true },
  bindgroup: { text: '/绑定群', min: 'college_admin', where: 'group' },
  pair: { text: '/结对', min: 'secretary' },
  branch: { text: '/支部', min: 'secretary', personal: true },
  project: { text: '/项目', min: 'secretary' },
  positions: { text: '/岗位', min: 'student' },
  recommend: { text: '/推荐', min: 'secretary', personal: true },
  college: { text: '/学院', min: 'college_admin' },
  overview: { text: '/全校', min: 'school_admin' },
  digest: { text: '/周报', min: 'school_admin' },
  export: { text: '/导出', min: 'school_admin' },
  mode: { text: '/模式', min: 'school_admin' },
  report: { text: '/总结', min: 'college_admin' },
  case: { text: '/优秀案例', min: 'college_admin', inGroup: 'privateOnly' },
  roster: { text: '/名单', min: 'school_admin', where: 'p2p' },
  unbind: { text: '/解绑 2023010203 换了飞书账号', min: 'school_admin', where: 'p2p' },
  safety: { text: '/安全预案', min: 'school_admin' },
  team: { text: '/三下乡', min: 'student' },
  org: { text: '/组织', min: 'student' },
};

function expectedCommand(row: CommandRow, actor: Actor, chat: 'p2p' | 'group'): Seen {
  // A personal command in a group answers privately whatever the outcome, refusals included.
  if (chat === 'group' && row.personal) return 'answeredPrivately';
  if (!mayUse(actor, row.min)) return refusalFor(actor);
  if (row.where === 'group' && chat === 'p2p') return 'groupOnly';
  if (row.where === 'p2p' && chat === 'group') return 'privateOnly';
  if (chat === 'group' && row.inGroup) return row.inGroup;
  return 'allowed';
}

const GROUP = 'oc_matrix_group';

describe('every command × every role', () => {
  let s: School;
  beforeAll(async () => {
    s = await school();
  });
  afterAll(() => s.loop.h.close());

  it('the table has a row for every command of the registry, and only those', () => {
    expect(Object.keys(COMMANDS).sort()).toEqual(commands.map((c) => c.name).sort());
    for (const c of commands) expect(COMMANDS[c.name]!.text.split(' ')[0], c.name).toBe(`/${c.aliases[0]}`);
  });

  // In a private chat every command; in a group (@-mentioned) those whose answer depends on the chat.
  const chatsOf = (row: CommandRow | undefined) => (row && (row.where || row.personal || row.inGroup) ? (['p2p', 'group'] as const) : (['p2p'] as const));
  const rows = commands.flatMap((c) => ACTORS.flatMap((actor) => chatsOf(COMMANDS[c.name]).map((chat) => {
    const row = COMMANDS[c.name];
    const expected = row ? expectedCommand(row, actor, chat) : 'allowed';
    return [`${row?.text ?? c.name} · ${LABEL[actor]} · ${chat === 'p2p' ? '私聊' : '群聊'} → ${expected}`, c.name, actor, chat, expected] as const;
  })));

  it.each(rows)('%s', async (_name, command, actor, chat, expected) => {
    const row = COMMANDS[command];
    expect(row, `no expectation for command ${command}`).toBeDefined();
    const alias = commands.find((c) => c.name === command)!.aliases[0]!;
    const reply = await s.loop.h.say(OPEN_IDS[actor], row!.text, chat === 'group' ? { chatType: 'group', chatId: GROUP, mentionBot: true } : undefined);
    const text = said(reply);
    expect(text).not.toBe(t('error.unexpected'));
    expect(classify(text, alias, row!.min), text).toBe(expected);
  });
});

/**
 * Commands whose argument names a unit: typed by everyone who may use the command, for a unit
 * of their own and one outside their scope.
 */
describe('commands naming a unit × every role', () => {
  let s: School;
  let approvedA: number;
  beforeAll(async () => {
    s = await school();
    approvedA = insertLogRow(s.loop.h, s.m.student, 'approved');
  });
  afterAll(() => s.loop.h.close());

  const A1 = '计科2301团支部';
  const CA = '计算机科学与工程学院';
  /** The refusal each out-of-scope role is told (the others are in scope or refused for their role). */
  type Row = { label: string; text: () => string; command: string; min: Audience; outOfScope: Partial<Record<Actor, () => string>> };
  const ROWS: Row[] = [
    {
      label: `/支部 ${A1}`, command: 'branch', text: () => `/支部 ${A1}`, min: 'secretary',
      outOfScope: {
        otherSecretary: () => t('branch.notYours', { own: t('branch.ownNamed', { name: '计科2302团支部' }) }),
        otherCollegeAdmin: () => t('branch.outsideScope', { name: A1 }),
      },
    },
    { label: `/学院 ${CA}`, command: 'college', text: () => `/学院 ${CA}`, min: 'college_admin', outOfScope: { otherCollegeAdmin: () => t('tracking.notYourCollege', { name: CA }) } },
    { label: `/总结 ${CA}`, command: 'report', text: () => `/总结 ${CA}`, min: 'college_admin', outOfScope: { otherCollegeAdmin: () => t('tracking.notYourCollege', { name: CA }) } },
    {
      label: '/优秀案例 记录 <本院已通过的记录> 引语', command: 'case', text: () => `/优秀案例 记录 ${approvedA} 坚持每周辅导`, min: 'college_admin',
      outOfScope: { otherCollegeAdmin: () => t('case.notYourCollege') },
    },
  ];
  const rows = ROWS.flatMap((r) => ACTORS.map((actor) => {
    const outcome = !mayUse(actor, r.min) ? refusalFor(actor) : r.outOfScope[actor] ? 'out of scope' : 'allowed';
    return [`${r.label} · ${LABEL[actor]} → ${outcome}`, r, actor, outcome] as const;
  }));

  it.each(rows)('%s', async (_name, r, actor, outcome) => {
    const alias = commands.find((c) => c.name === r.command)!.aliases[0]!;
    const text = said(await s.loop.h.say(OPEN_IDS[actor], r.text()));
    expect(text).not.toBe(t('error.unexpected'));
    if (outcome === 'out of scope') expect(text).toBe(r.outOfScope[actor]!());
    else {
      expect(classify(text, alias, r.min), text).toBe(outcome);
      for (const refusal of Object.values(r.outOfScope)) expect(text).not.toBe(refusal());
    }
  });
});

// ── card actions ───────────────────────────────────────────────────────────

/** Units the targets belong to: 计科2301 and 计科2302 (计算机科学与工程学院), 会计2301 (经济管理学院). */
type Unit = 'A1' | 'A2' | 'B1';
/** The unit of each role's own scope, and one outside it (none: the 团委's scope is the school). */
const HOME: Record<Actor, Unit> = { stranger: 'A1', inactive: 'A1', student: 'A1', secretary: 'A1', otherSecretary: 'A2', collegeAdmin: 'A1', otherCollegeAdmin: 'B1', schoolAdmin: 'A1' };
const AWAY: Record<Actor, Unit | undefined> = { stranger: undefined, inactive: undefined, student: 'A2', secretary: 'A2', otherSecretary: 'A1', collegeAdmin: 'B1', otherCollegeAdmin: 'A1', schoolAdmin: undefined };

type Scope = 'in' | 'out';
type Payload = Record<string, string | number | boolean>;
/** A click: the envelope's payload, the form's values, and (rarely) another account of the same role. */
interface Click {
  p?: Payload;
  form?: Record<string, unknown>;
  as?: string;
}

/** Every named form field of a card with its prefilled value, as the client would submit it untouched. */
function formOf(cardJson: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, any>;
      if (typeof o.name === 'string' && typeof o.tag === 'string' && !['form', 'button'].includes(o.tag)) {
        const v = o.default_value ?? o.initial_option ?? (o.initial_date ? `${o.initial_date} +0800` : undefined) ?? o.selected_values;
        if (v !== undefined) out[o.name] = v;
      }
      Object.values(o).forEach(walk);
    }
  };
  walk(cardJson);
  return out;
}

/** The objects clicks act on, made through the bot where it can (logs, check-ins, pairings, reports, projects, roster previews). */
class World {
  private n = 0;
  constructor(readonly s: School) {}
  get h() {
    return this.s.loop.h;
  }
  get db() {
    return this.s.loop.h.bot.db;
  }
  seq(): number {
    return ++this.n;
  }
  branchId(u: Unit): number {
    return (u === 'A1' ? this.s.m.secretary : u === 'A2' ? this.s.m.otherSecretary : this.s.bSecretary).branchId!;
  }
  collegeId(u: Unit): number {
    return (u === 'B1' ? this.s.bSecretary : this.s.m.secretary).collegeId!;
  }
  /** A bound student of the unit (the A1 one is the matrix's student). */
  studentOf(u: Unit): { openId: string; member: Member } {
    const l = this.s.loop;
    return u === 'A1' ? { openId: ACCOUNTS.student, member: l.m.student } : u === 'A2' ? { openId: ACCOUNTS.otherStudent, member: l.m.otherStudent } : { openId: B_STUDENT, member: this.s.bStudent };
  }
  secretaryOf(u: Unit): { openId: string; member: Member } {
    const l = this.s.loop;
    return u === 'A1' ? { openId: ACCOUNTS.secretary, member: l.m.secretary } : u === 'A2' ? { openId: ACCOUNTS.otherSecretary, member: l.m.otherSecretary } : { openId: B_SECRETARY, member: this.s.bSecretary };
  }
  member(actor: Actor): Member {
    return this.s.m[actor as Exclude<Actor, 'stranger'>];
  }
  /** The clicker and their member row; for the stranger (no row), the A1 student's things are the target. */
  self(actor: Actor): { openId: string; member: Member } {
    return actor === 'stranger' ? this.studentOf('A1') : { openId: OPEN_IDS[actor], member: this.member(actor) };
  }
  /** Someone else than `actor` in the unit, for clicks on another person's own things. */
  someoneElse(actor: Actor, u: Unit): { openId: string; member: Member } {
    const st = this.studentOf(u);
    return st.openId === OPEN_IDS[actor] ? this.secretaryOf(u) : st;
  }

  /** A pending log submitted through the form by `who`. */
  async log(who: { openId: string; member: Member }): Promise<number> {
    const n = this.seq();
    const day = new Date(Date.parse('2026-11-25T00:00:00Z') - (n % 20) * 86_400_000).toISOString().slice(0, 10);
    const res = await submitLog(this.h, who.openId, { date: `${day} +0800`, hours: '0.5', description: `矩阵测试记录 #${n}` });
    expect(res.body?.toast?.type, res.text).toBe('success');
    return logsOf(this.h, who.member).at(-1)!.id;
  }
  approvedLog(u: Unit): number {
    return insertLogRow(this.h, this.studentOf(u).member, 'approved');
  }
  /** A check-in of `openId` today (each at its own place: one per person, place and day). */
  async checkin(who: { openId: string; member: Member }): Promise<number> {
    await this.h.say(who.openId, `/报到 矩阵报到点${this.seq()}`);
    const row = this.db.select().from(checkins).where(eq(checkins.memberId, who.member.id)).orderBy(desc(checkins.id)).get();
    expect(row, `no check-in by ${who.member.name}`).toBeDefined();
    // An hour ago, so 签退 has time to count (a check-in under 15 minutes cannot be signed out).
    this.db.update(checkins).set({ checkedInAt: this.h.clock.now() - 3_600_000 }).where(eq(checkins.id, row!.id)).run();
    return row!.id;
  }
  /** The unit's active pairing, recorded with /结对 by its 团支书 when it has none. */
  async pairing(u: Unit): Promise<{ id: number; community: string }> {
    const find = () => this.db.select().from(pairings).where(and(eq(pairings.branchId, this.branchId(u)), ne(pairings.status, 'ended'))).get();
    if (!find()) await this.h.say(this.secretaryOf(u).openId, `/结对 矩阵结对社区${u}${this.seq()}`);
    const p = find();
    expect(p, `no pairing in ${u}`).toBeDefined();
    const name = this.db.all<{ name: string }>(sql`select name from communities where id = ${p!.communityId}`)[0]!.name;
    return { id: p!.id, community: name };
  }
  /** Ends the unit's pairing directly (set-up), so a new one may be created there. */
  unpair(u: Unit): void {
    this.db.update(pairings).set({ status: 'ended', endedOn: '2026-11-24' }).where(and(eq(pairings.branchId, this.branchId(u)), ne(pairings.status, 'ended'))).run();
  }
  projectForm(): Record<string, unknown> {
    return { title: `矩阵项目${this.seq()}`, area: 'ecology', items: ['shishi'], start: '2026-11-20 +0800', end: '2027-06-30 +0800' };
  }
  /** A project of the unit, saved through its 团支书's project form. */
  async project(u: Unit): Promise<number> {
    const existing = this.db.select().from(projects).where(eq(projects.branchId, this.branchId(u))).get();
    if (existing) return existing.id;
    const res = await this.h.click(this.secretaryOf(u).openId, envelope('project.save', {}), { formValue: this.projectForm(), messageId: newMessageId() });
    expect(res.body?.toast?.type, res.text).toBe('success');
    return this.db.select().from(projects).where(eq(projects.branchId, this.branchId(u))).get()!.id;
  }
  /** An open position of the unit's branch (or, with `college`, open to its whole college), stored directly. */
  position(u: Unit, college = false): number {
    return this.db.insert(positions).values({ branchId: college ? null : this.branchId(u), collegeId: this.collegeId(u), title: `矩阵岗位${this.seq()}`, slots: 50 }).returning().get().id;
  }
  /** A sign-up of `who` to `positionId`, through the button. */
  async signup(positionId: number, who: string): Promise<number> {
    const res = await this.h.click(who, envelope('positions.signup', { p: positionId }), { messageId: newMessageId() });
    expect(res.body?.toast?.type, res.text).toBe('success');
    return this.db.select().from(positionSignups).where(eq(positionSignups.positionId, positionId)).orderBy(desc(positionSignups.id)).get()!.id;
  }
  recommendation(u: Unit): number {
    const community = addCommunity(this.h, `矩阵推荐服务地${this.seq()}`);
    return this.db.insert(recommendations).values({ memberId: this.studentOf(u).member.id, communityId: community.id, post: 'youth_officer', programYearId: program(this.h).id }).returning().get().id;
  }
  /** The college's report of this quarter, opened with /总结 by its 团总支, back to a draft. */
  async report(u: Unit): Promise<number> {
    const collegeId = this.collegeId(u);
    const find = () => this.db.select().from(quarterlyReports).where(eq(quarterlyReports.collegeId, collegeId)).get();
    if (!find()) await this.h.say(u === 'B1' ? OPEN_IDS.otherCollegeAdmin : OPEN_IDS.collegeAdmin, '/总结');
    const r = find();
    expect(r).toBeDefined();
    this.db.update(quarterlyReports).set({ status: 'draft', submittedAt: null }).where(eq(quarterlyReports.id, r!.id)).run();
    return r!.id;
  }
  /** A roster preview waiting for the 团委's choice (the same roster again). */
  async rosterPreview(): Promise<number> {
    const pending = latestImport(this.s.loop);
    if (pending) return pending;
    await sendFile(this.h, OPEN_IDS.schoolAdmin, { name: '名单.csv', bytes: ROSTER_WITHOUT_HER });
    return latestImport(this.s.loop)!;
  }
  currentYear(): number {
    return program(this.h).id;
  }
  /** The year 「开始下一实践年度」 scheduled (or the current one when none is). */
  nextYear(): number {
    const py = this.db.select().from(programYears).where(eq(programYears.isCurrent, false)).orderBy(desc(programYears.id)).get();
    return py?.id ?? this.currentYear();
  }
  private settingsForm?: Record<string, unknown>;
  async settings(): Promise<Record<string, unknown>> {
    this.settingsForm ??= formOf((await this.h.say(OPEN_IDS.schoolAdmin, '/模式')).content);
    return this.settingsForm;
  }
}

/**
 * How an action's target is scoped: 'unit' (a branch or college: the role's own unit vs one
 * outside it), 'self' (the clicker's own things vs someone else's), 'none' (the school's
 * settings, roster, overview: only a role decides).
 */
type Scoping = 'unit' | 'self' | 'none';

interface ActionRow {
  /** The minimum role, from README.md's table and PRODUCT.md §2. */
  min: Audience;
  scoping: Scoping;
  /** The click on a target in `unit` (the role's own or the outside one), or the clicker's own / someone else's for 'self'. */
  click(w: World, actor: Actor, unit: Unit, scope: Scope): Promise<Click> | Click;
  /** Roles refused although their rank suffices (e.g. the 团委 has no college to publish a college position for). */
  notFor?: Actor[];
  /**
   * An out-of-scope click skips what it may not touch and says how many it did (批量通过: 0):
   * no error toast, and still nothing changed.
   */
  outOfScopeSkipped?: true;
  /** The toast type of a refusal when it is not 'error' (someone else's /我的 card is only left alone: a warning). */
  refusalToast?: 'warning';
  /** Tables a refused click still writes, by design (an audit line, an alert to the 团委 and the message itself). */
  refusalWrites?: string[];
}

const reviewCard = (a: string) => async (w: World, _actor: Actor, u: Unit): Promise<Click> => ({ p: { l: await w.log(w.studentOf(u)) }, form: a === 'review.reject' ? { reason: '内容写得不具体' } : undefined });

const ACTIONS: Record<string, ActionRow> = {
  'bind.submit': {
    min: 'anyone', scoping: 'self',
    // Trying an entry bound to someone else is audited and the 团委 alerted (README: 绑定防猜测); the entry stays as it was.
    refusalWrites: ['audit_log', 'outbox'],
    // In scope: binding a free roster entry with its name (a newcomer's account, so the stranger stays unbound); outside: an entry bound to someone else.
    click: (w, actor, u, scope) => (scope === 'in'
      ? actor === 'stranger' ? { form: { student_no: '2023010203', name: '钱思远' }, as: `ou_matrix_newcomer${w.seq()}` } : { form: { student_no: w.member(actor).studentNo, name: w.member(actor).name } }
      : { form: { student_no: w.someoneElse(actor, u).member.studentNo, name: w.someoneElse(actor, u).member.name } }),
  },
  'me.refresh': { min: 'student', scoping: 'self', refusalToast: 'warning', click: (w, actor, u, scope) => ({ p: { m: (scope === 'in' ? w.self(actor) : w.someoneElse(actor, u)).member.id } }) },
  // The 团委 has no college to record service in, so has no log of its own to withdraw: its clicks are on someone else's.
  // The inactive member's own log is one from before she left (stored directly).
  'log.withdraw': {
    min: 'student', scoping: 'self', notFor: ['schoolAdmin'],
    click: async (w, actor, u, scope) => ({
      p: { l: scope === 'out' || actor === 'schoolAdmin' ? await w.log(w.someoneElse(actor, u)) : actor === 'inactive' ? insertLogRow(w.h, w.member(actor), 'pending') : await w.log(w.self(actor)) },
    }),
  },
  // The 团委 has no college to check in for; the inactive member's own check-in is one from before she left.
  'checkin.checkout': {
    min: 'student', scoping: 'self', notFor: ['schoolAdmin'],
    click: async (w, actor, u, scope) => {
      if (scope === 'out' || actor === 'schoolAdmin') return { p: { c: await w.checkin(w.someoneElse(actor, u)) } };
      if (actor !== 'inactive') return { p: { c: await w.checkin(w.self(actor)) } };
      const c = await w.checkin(w.someoneElse(actor, u));
      w.db.update(checkins).set({ memberId: w.member(actor).id }).where(eq(checkins.id, c)).run();
      return { p: { c } };
    },
  },
  'log.submit': {
    min: 'student', scoping: 'self', notFor: ['schoolAdmin'],
    click: async (w, actor, u, scope) => ({
      p: scope === 'in' ? undefined : { c: await w.checkin(w.someoneElse(actor, u)) },
      form: logForm({ date: '2026-11-25 +0800', hours: '0.5', description: `矩阵表单记录 #${w.seq()}` }),
    }),
  },
  'review.approve': { min: 'secretary', scoping: 'unit', click: reviewCard('review.approve') },
  'review.rejectAsk': { min: 'secretary', scoping: 'unit', click: reviewCard('review.rejectAsk') },
  'review.reject': { min: 'secretary', scoping: 'unit', click: reviewCard('review.reject') },
  'review.approveAll': { min: 'secretary', scoping: 'unit', outOfScopeSkipped: true, click: async (w, _a, u) => ({ p: { ids: String(await w.log(w.studentOf(u))) } }) },
  'review.confirmLink': { min: 'secretary', scoping: 'unit', click: reviewCard('review.confirmLink') },
  'pairing.create': {
    min: 'secretary', scoping: 'unit',
    click: (w, _a, u) => {
      w.unpair(u);
      return { p: { u: w.branchId(u) }, form: { community: `矩阵新结对社区${w.seq()}`, signed_on: '2026-11-20 +0800' } };
    },
  },
  'pairing.save': {
    min: 'secretary', scoping: 'unit',
    click: async (w, _a, u) => {
      const { id, community } = await w.pairing(u);
      return { p: { p: id }, form: { community, signed_on: '2026-11-01 +0800', contact_name: '李主任', contact_phone: '13800000000' } };
    },
  },
  'pairing.awaitFile': { min: 'secretary', scoping: 'unit', click: async (w, _a, u) => ({ p: { p: (await w.pairing(u)).id } }) },
  'pairing.endAsk': { min: 'secretary', scoping: 'unit', click: async (w, _a, u) => ({ p: { p: (await w.pairing(u)).id } }) },
  'pairing.end': { min: 'secretary', scoping: 'unit', click: async (w, _a, u) => ({ p: { p: (await w.pairing(u)).id } }) },
  'pairing.view': { min: 'secretary', scoping: 'unit', click: async (w, _a, u) => ({ p: { p: (await w.pairing(u)).id } }) },
  'pairing.open': { min: 'secretary', scoping: 'unit', click: (w, _a, u) => ({ p: { u: w.branchId(u) } }) },
  'branch.refresh': { min: 'secretary', scoping: 'unit', click: (w, _a, u) => ({ p: { b: w.branchId(u) } }) },
  'project.new': { min: 'secretary', scoping: 'unit', click: (w, _a, u) => ({ p: { u: w.branchId(u) } }) },
  'project.edit': { min: 'secretary', scoping: 'unit', click: async (w, _a, u) => ({ p: { p: await w.project(u) } }) },
  'project.save': { min: 'secretary', scoping: 'unit', click: async (w, _a, u) => ({ p: { p: await w.project(u) }, form: w.projectForm() }) },
  'project.positionForm': { min: 'secretary', scoping: 'unit', click: async (w, _a, u) => ({ p: { p: await w.project(u) } }) },
  'project.addPosition': { min: 'secretary', scoping: 'unit', click: async (w, _a, u) => ({ p: { p: await w.project(u) }, form: { title: '课业辅导', slots: '3', schedule: '每周六上午' } }) },
  'project.unitList': { min: 'secretary', scoping: 'unit', click: (w, _a, u) => ({ p: { u: w.branchId(u) } }) },
  // Signing up is for whoever the position is open to: the branch's members, or the college's for a college-wide one.
  'positions.signup': {
    min: 'student', scoping: 'unit', notFor: ['schoolAdmin'],
    click: (w, actor, u) => ({ p: { p: w.position(u, actor === 'collegeAdmin' || actor === 'otherCollegeAdmin') } }),
  },
  // In scope: withdrawing one's own sign-up; outside: someone else's sign-up in the other unit stays.
  'positions.withdraw': {
    min: 'student', scoping: 'self', notFor: ['schoolAdmin'],
    click: async (w, actor, u, scope) => {
      const college = actor === 'collegeAdmin' || actor === 'otherCollegeAdmin';
      const p = w.position(u, college);
      // Who may not sign up (the stranger, the inactive member, the 团委) try to withdraw someone else's.
      const mine = scope === 'in' && !['stranger', 'inactive', 'schoolAdmin'].includes(actor);
      await w.signup(p, mine ? OPEN_IDS[actor] : w.someoneElse(actor, u).openId);
      return { p: { p } };
    },
  },
  'positions.match': { min: 'secretary', scoping: 'unit', click: (w, _a, u) => ({ p: { p: w.position(u) } }) },
  'positions.confirm': {
    min: 'secretary', scoping: 'unit',
    click: async (w, _a, u) => ({ p: { s: await w.signup(w.position(u), w.studentOf(u).openId) } }),
  },
  'positions.collegeForm': { min: 'college_admin', scoping: 'none', notFor: ['schoolAdmin'], click: () => ({}) },
  'positions.addCollege': { min: 'college_admin', scoping: 'none', notFor: ['schoolAdmin'], click: () => ({ form: { title: '学院志愿者', slots: '5', schedule: '周末' } }) },
  'recommend.form': { min: 'secretary', scoping: 'unit', click: (w, _a, u) => ({ p: { m: w.studentOf(u).member.id } }) },
  'recommend.submit': {
    min: 'secretary', scoping: 'unit',
    click: (w, _a, u) => {
      const place = addCommunity(w.h, `矩阵推荐社区${w.seq()}`);
      return { p: { m: w.studentOf(u).member.id }, form: { post: 'youth_officer', community_name: place.name, status: 'recommended' } };
    },
  },
  'recommend.appoint': { min: 'secretary', scoping: 'unit', click: (w, _a, u) => ({ p: { r: w.recommendation(u) } }) },
  'college.refresh': { min: 'college_admin', scoping: 'unit', click: (w, _a, u) => ({ p: { c: w.collegeId(u) } }) },
  'overview.refresh': { min: 'school_admin', scoping: 'none', click: () => ({}) },
  'settings.save': { min: 'school_admin', scoping: 'none', click: async (w) => ({ p: { y: w.currentYear() }, form: await w.settings() }) },
  'settings.nextYear': { min: 'school_admin', scoping: 'none', click: (w) => ({ p: { y: w.currentYear() } }) },
  'settings.nextYearConfirm': { min: 'school_admin', scoping: 'none', click: (w) => ({ p: { y: w.currentYear() } }) },
  'settings.undoYear': { min: 'school_admin', scoping: 'none', click: (w) => ({ p: { n: w.nextYear() } }) },
  'settings.undoYearConfirm': { min: 'school_admin', scoping: 'none', click: (w) => ({ p: { n: w.nextYear() } }) },
  'settings.show': { min: 'school_admin', scoping: 'none', click: (w) => ({ p: { y: w.currentYear() } }) },
  'report.save': { min: 'college_admin', scoping: 'unit', click: async (w, _a, u) => ({ p: { r: await w.report(u) }, form: { kind: 'summary', title: '第一季度工作总结', body_1: '本季度各支部完成结对。' } }) },
  'report.submit': { min: 'college_admin', scoping: 'unit', click: async (w, _a, u) => ({ p: { r: await w.report(u) }, form: { kind: 'summary', title: '第一季度工作总结', body_1: '本季度各支部完成结对。' } }) },
  'case.pick': { min: 'college_admin', scoping: 'unit', click: (w, _a, u) => ({ form: { subject: `log:${w.approvedLog(u)}`, citation: '坚持每周辅导' } }) },
  'roster.apply': { min: 'school_admin', scoping: 'none', click: async (w) => ({ p: { i: await w.rosterPreview(), m: 'full' } }) },
  'roster.cancel': { min: 'school_admin', scoping: 'none', click: async (w) => ({ p: { i: await w.rosterPreview() } }) },
  'team.create': {
    min: 'college_admin', scoping: 'unit',
    click: (w, _a, u) => ({ form: { name: `矩阵三下乡${w.seq()}`, leader: w.studentOf(u).member.studentNo, destination: '锦州市义县', members: '' } }),
  },
};

/** Everything a click could change: every table but the event ledger and job bookkeeping, and what was sent. */
function snapshot(h: Loop['h']) {
  const db = h.bot.db;
  const tables = db.all<{ name: string }>(sql`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '%drizzle%' and name not in ('processed_events', 'job_runs') order by name`);
  return {
    // The outbox by its rows' ids and states (its card JSON is large, and sent messages are counted below).
    tables: Object.fromEntries(tables.map(({ name }) => [name, db.all(sql.raw(name === 'outbox' ? 'select id, uuid, status from outbox order by id' : `select * from "${name}" order by rowid`))])),
    sent: h.fake.messages.length,
    patches: h.fake.patches.length,
  };
}

/** The sentences that refuse for who or where (the router's and each domain's scope refusals), for telling them from a success. */
const REFUSALS = () => new Set([
  t('error.actionForbidden'), t('error.inactive'), t('error.notBound', { command: '绑定' }), t('error.cardInvalid'), t('me.notYours'), t('log.notYours'),
  t('checkin.notYours'), t('review.forbidden'), t('pairing.forbidden'), t('project.forbidden'), t('positions.forbidden'), t('positions.notVisible'),
  t('positions.collegeOnly'), t('recommend.forbidden'), t('report.forbidden'), t('case.notYourCollege'), t('team.forbidden'),
]);

type Expect = { kind: 'ok' } | { kind: 'refused'; toast?: string } | { kind: 'skipped' };

function expectedClick(row: ActionRow, actor: Actor, scope: Scope): Expect {
  if (row.min !== 'anyone' && actor === 'stranger') return { kind: 'refused', toast: t('error.notBound', { command: '绑定' }) };
  if (row.min !== 'anyone' && actor === 'inactive') return { kind: 'refused', toast: t('error.inactive') };
  if (!mayUse(actor, row.min)) return { kind: 'refused', toast: t('error.actionForbidden') };
  if (row.notFor?.includes(actor)) return { kind: 'refused' };
  if (scope === 'in') return { kind: 'ok' };
  return row.outOfScopeSkipped ? { kind: 'skipped' } : { kind: 'refused' };
}

function scopesOf(row: ActionRow, actor: Actor): Scope[] {
  if (row.scoping === 'none') return ['in'];
  if (row.scoping === 'self') return actor === 'stranger' && row.min !== 'anyone' ? ['in'] : ['in', 'out'];
  return AWAY[actor] ? ['in', 'out'] : ['in'];
}

const SCOPE_LABEL: Record<Scoping, Record<Scope, string>> = {
  unit: { in: 'in scope', out: 'out of scope' },
  self: { in: 'own', out: "someone else's" },
  none: { in: '—', out: '—' },
};

describe('every card action × every role × in and out of scope', () => {
  let w: World;
  beforeAll(async () => {
    w = new World(await school());
  });
  afterAll(() => w.s.loop.h.close());

  it('the table has a row for every action of the registry, and only those', () => {
    expect(Object.keys(ACTIONS).sort()).toEqual(actions.map((a) => a.name).sort());
  });

  type Case = [name: string, action: string, actor: Actor, scope: Scope, expected: Expect];
  const rows = actions.flatMap((a): Case[] => {
    const row = ACTIONS[a.name];
    // An action added to the registry without a row here fails below, by name.
    if (!row) return [[`${a.name} · (no expectation)`, a.name, 'schoolAdmin', 'in', { kind: 'ok' }]];
    return ACTORS.flatMap((actor) => scopesOf(row, actor).map((scope): Case => {
      const e = expectedClick(row, actor, scope);
      return [`${a.name} · ${LABEL[actor]} · ${SCOPE_LABEL[row.scoping][scope]} → ${e.kind}`, a.name, actor, scope, e];
    }));
  });

  it.each(rows)('%s', async (_name, name, actor, scope, e) => {
    const row = ACTIONS[name];
    expect(row, `no expectation for action ${name}`).toBeDefined();
    const unit = scope === 'in' || row!.scoping !== 'unit' ? HOME[actor] : AWAY[actor]!;
    const click = await row!.click(w, actor, unit, scope);
    await w.h.idle();
    // Only a click that must change nothing is compared (snapshots are the slow part of the matrix).
    const before = e.kind === 'ok' ? undefined : snapshot(w.h);
    const res: DeliverResult = await w.h.click(click.as ?? OPEN_IDS[actor], envelope(name, click.p), { formValue: click.form, messageId: newMessageId() });
    await w.h.idle();
    expect(res.status).toBe(200);
    const toast = res.body?.toast as { type: string; content: string } | undefined;
    expect(toast?.content).not.toBe(t('error.unexpected'));
    if (e.kind === 'ok' || !before) {
      // Done, or at most told something that is not a refusal (「已通过」, a card, 「没有改动」).
      expect([undefined, 'success', 'info'], res.text).toContain(toast?.type);
      expect(REFUSALS().has(toast?.content ?? ''), res.text).toBe(false);
      return;
    }
    if (e.kind === 'refused') {
      expect(toast?.type, res.text).toBe(e.toast ? 'error' : (row!.refusalToast ?? 'error'));
      if (e.toast) expect(toast?.content).toBe(e.toast);
    } else expect(toast, res.text).toEqual({ type: 'success', content: t('review.bulkDone', { count: 0 }) });
    const after = snapshot(w.h);
    if (row!.refusalWrites) {
      for (const table of row!.refusalWrites) {
        delete after.tables[table];
        delete before.tables[table];
      }
      if (row!.refusalWrites.includes('outbox')) after.sent = before.sent;
    }
    expect(after).toEqual(before);
  });

  it.each(actions.map((a) => [a.name]))('%s: a payload of the wrong shape is refused as unreadable', async (name) => {
    const shape = (actions.find((a) => a.name === name)!.payload as { shape?: Record<string, unknown> }).shape ?? {};
    // Every field the action reads, of the wrong type; an action that reads none gets a payload that is no record at all.
    const p = Object.keys(shape).length ? Object.fromEntries(Object.keys(shape).map((k) => [k, k === 'ids' ? 'x;y' : 'x'])) : [1];
    const before = snapshot(w.h);
    const res = await w.h.click(OPEN_IDS.schoolAdmin, { a: name, v: 1, p }, { messageId: newMessageId() });
    expect(res.body?.toast).toEqual({ type: 'error', content: t('error.cardInvalid') });
    expect(snapshot(w.h)).toEqual(before);
  });
});
