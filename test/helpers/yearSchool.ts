/**
 * A generated school for the year-long test (test/year.test.ts): 3 colleges, 20 branches of 30
 * members (one 团支书 each), 600 members in all, a 团总支 per college and the 团委; every entry has
 * a 飞书ID (`ou_…`), so each person is bound by their first message or click. The roster goes to
 * the bot as a file sent by the 团委 ({@link importRosterThroughBot}), whether the bot applies it
 * at once or first shows a preview to confirm.
 */
import type { SentMessage } from '../fakes/openApi.js';
import { sendFile } from './bot.js';
import type { DeliverResult } from './feishuEvents.js';
import type { Harness } from './harness.js';
import { cardText, said, type Envelope } from './loop.js';

export const HEADER = '学院,团支部,学号,姓名,角色,手机,飞书ID';

export interface RosterRow {
  college: string;
  branch: string;
  studentNo: string;
  name: string;
  role: '学生' | '团支书' | '团总支' | '团委';
  feishuId: string;
}

export interface Person {
  studentNo: string;
  name: string;
  openId: string;
}

export interface SchoolBranch {
  name: string;
  college: string;
  /** Index in the whole school, 0–19. */
  index: number;
  secretary: Person;
  /** The 29 students (the secretary not among them). */
  students: Person[];
}

export interface SchoolCollege {
  name: string;
  admin: Person;
  /** The college's work group, bound with /绑定群. */
  chatId: string;
  branches: SchoolBranch[];
}

export interface School {
  admin: Person;
  /** The 团委's work group (`/绑定群 全校`). */
  schoolChatId: string;
  colleges: SchoolCollege[];
  branches: SchoolBranch[];
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗'.split('');
const GIVEN = ['子涵', '浩然', '雨桐', '一鸣', '佳怡', '梓轩', '思源', '欣怡', '宇航', '博文', '晓东', '丽娟', '子豪', '诗涵', '俊杰', '梦瑶', '天佑', '雨萱', '明轩', '若曦', '嘉怡', '志强', '晨曦', '文博', '可欣', '家豪', '婉婷', '泽宇', '紫涵', '皓轩'];

const PLAN: { name: string; chatId: string; branches: string[] }[] = [
  { name: '计算机学院', chatId: 'oc_year_cs', branches: ['计科2301', '计科2401', '计科2501', '计科2601', '软工2301', '软工2401', '软工2501'] },
  { name: '经济管理学院', chatId: 'oc_year_econ', branches: ['会计2301', '会计2401', '会计2501', '会计2601', '电商2401', '电商2501', '电商2601'] },
  { name: '外国语学院', chatId: 'oc_year_lang', branches: ['英语2301', '英语2401', '英语2501', '日语2401', '日语2501', '日语2601'] },
];

const MEMBERS_PER_BRANCH = 30;
const person = (studentNo: string, name: string): Person => ({ studentNo, name, openId: `ou_yr_${studentNo}` });

/** The school: names are unique (20 surnames × 30 given names), so a name on a card names one member. */
export function generateSchool(): School {
  const admin = person('T0001', '刘建华');
  const adminNames = ['陈晓梅', '郑国庆', '孙秀英'];
  let index = 0;
  const colleges = PLAN.map((plan, c) => {
    const branches = plan.branches.map((short) => {
      const b = index++;
      const members = Array.from({ length: MEMBERS_PER_BRANCH }, (_, k) => {
        const n = b * MEMBERS_PER_BRANCH + k;
        // Member n (0–599) gets surname n mod 20 and given name n div 20: no two alike.
        const name = `${SURNAMES[n % SURNAMES.length]}${GIVEN[Math.floor(n / SURNAMES.length)]}`;
        return person(`20${short.slice(2, 4)}${String(c + 1).padStart(2, '0')}${String(b + 1).padStart(2, '0')}${String(k + 1).padStart(2, '0')}`, name);
      });
      return { name: `${short}团支部`, college: plan.name, index: b, secretary: members[0]!, students: members.slice(1) };
    });
    return { name: plan.name, admin: person(`T100${c + 1}`, adminNames[c]!), chatId: plan.chatId, branches };
  });
  return { admin, schoolChatId: 'oc_year_school', colleges, branches: colleges.flatMap((c) => c.branches) };
}

/** The roster rows of `school`, in file order: the 团委, then per college its 团总支 and branches. */
export function rosterRows(school: School): RosterRow[] {
  const row = (college: string, branch: string, p: Person, role: RosterRow['role']): RosterRow => ({ college, branch, studentNo: p.studentNo, name: p.name, role, feishuId: p.openId });
  return [
    row('', '', school.admin, '团委'),
    ...school.colleges.flatMap((c) => [
      row(c.name, '', c.admin, '团总支'),
      ...c.branches.flatMap((b) => [row(c.name, b.name, b.secretary, '团支书'), ...b.students.map((s) => row(c.name, b.name, s, '学生'))]),
    ]),
  ];
}

export function rosterCsv(rows: readonly RosterRow[]): Buffer {
  return Buffer.from([HEADER, ...rows.map((r) => [r.college, r.branch, r.studentNo, r.name, r.role, '', r.feishuId].join(','))].join('\n') + '\n');
}

function walk(node: unknown, visit: (o: Record<string, any>) => void): void {
  if (Array.isArray(node)) for (const x of node) walk(x, visit);
  else if (node && typeof node === 'object') {
    visit(node as Record<string, any>);
    for (const v of Object.values(node)) walk(v, visit);
  }
}

/** The callback value of the first button of a card whose visible text contains `label`. */
export function buttonLabelled(cardJson: unknown, label: string): Envelope | undefined {
  let found: Envelope | undefined;
  walk(cardJson, (o) => {
    if (found || o.tag !== 'button' || !cardText(o.text ?? '').includes(label)) return;
    const callback = (o.behaviors as { type?: string; value?: Envelope }[] | undefined)?.find((b) => b?.type === 'callback');
    if (callback?.value) found = callback.value;
  });
  return found;
}

export interface RosterImportOutcome {
  /** The bot's reply to the file: the summary, or the preview card. */
  reply: SentMessage;
  /** The answers to the confirming clicks, when the bot asked to confirm. */
  confirmed: DeliverResult[];
  /** Everything the 团委 was shown, as text: the reply, then each confirmation's card and toast. */
  text: string;
}

/**
 * The labels of a button that applies a previewed roster, best first: a plain 确认, else
 * 全量导入 — the file is the whole school, so members missing from it are to leave.
 */
const APPLY_LABELS = ['确认', '全量导入'];

function applyButton(cardJson: unknown): Envelope | undefined {
  for (const label of APPLY_LABELS) {
    const found = buttonLabelled(cardJson, label);
    if (found) return found;
  }
  return undefined;
}

/**
 * The 团委 sends the roster file in a private chat. If the bot answers with a preview card that
 * has an applying button (确认, or 全量导入), the 团委 clicks it — and again on a card it answers
 * with that asks once more; otherwise the reply is the summary of an import already applied.
 * Works before and after the preview of PRODUCT.md §8.
 */
export async function importRosterThroughBot(h: Harness, admin: Person, rows: readonly RosterRow[], fileName = '名单.csv'): Promise<RosterImportOutcome> {
  const { reply } = await sendFile(h, admin.openId, { name: fileName, bytes: rosterCsv(rows) });
  const shown = [said(reply)];
  const confirmed: DeliverResult[] = [];
  let card: unknown = reply.msgType === 'interactive' ? reply.content : undefined;
  for (let step = 0; step < 3 && card; step++) {
    const apply = applyButton(card);
    if (!apply) break;
    const answer = await h.click(admin.openId, apply, { messageId: reply.messageId });
    await h.idle();
    confirmed.push(answer);
    card = answer.body?.card?.type === 'raw' ? answer.body.card.data : undefined;
    shown.push(card ? cardText(card) : '', answer.body?.toast?.content ?? '');
  }
  return { reply, confirmed, text: shown.join('\n') };
}
