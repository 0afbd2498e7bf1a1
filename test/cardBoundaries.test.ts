/**
 * Every card conforms, at the sizes a real school has: each builder of src/cards/*.ts rendered
 * with boundary data (test/helpers/boundaryData.ts: lists at their bounds, user text at its
 * longest and full of what markdown would read as structure, and nothing at all) must be taken
 * by Feishu as it is and shown as meant — checkCard (src/local/rules) finds no refusal and no
 * defect; the cards the actions answer clicks with pass checkCallbackAnswer too. A new builder
 * must be added to CASES (the last test enumerates the modules).
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as account from '../src/cards/account.js';
import * as action from '../src/cards/action.js';
import * as branch from '../src/cards/branch.js';
import * as confirm from '../src/cards/confirm.js';
import * as digest from '../src/cards/digest.js';
import * as logs from '../src/cards/logs.js';
import * as logViews from '../src/cards/logView.js';
import * as organisations from '../src/cards/organisations.js';
import * as pairing from '../src/cards/pairing.js';
import * as positions from '../src/cards/positions.js';
import * as primitives from '../src/cards/primitives.js';
import * as projects from '../src/cards/projects.js';
import * as recommend from '../src/cards/recommend.js';
import * as reports from '../src/cards/reports.js';
import * as settings from '../src/cards/settings.js';
import * as roster from '../src/cards/roster.js';
import * as teams from '../src/cards/teams.js';
import * as tracking from '../src/cards/tracking.js';
import { card, escapeMd, markdown } from '../src/cards/primitives.js';
import { ITEMS } from '../src/db/schema/index.js';
import type { ConfirmationSummary } from '../src/domain/confirmations.js';
import { MEMBER_PICKER_EXTRA } from '../src/domain/memberPicker.js';
import type { CardJson } from '../src/feishu/api.js';
import { CARD_MAX_BYTES, checkCallbackAnswer, checkCard, countComponents, MAX_COMPONENTS, type Verdict } from '../src/local/rules/index.js';
import { t } from '../src/text/zh-CN.js';
import {
  branchStatus, candidate, collegeDigest, collegeReports, collegeView, communityNames, datasets, helpEntries, logView, members, overview, pairingView,
  organisationVm, pickerOptions, program, projectVm, recommendation, schoolDigest, SIZE, teamVm, TODAY, type Dataset, type DatasetId,
} from './helpers/boundaryData.js';

const MODULES: Record<string, Record<string, unknown>> = {
  'account.ts': account, 'action.ts': action, 'branch.ts': branch, 'confirm.ts': confirm, 'digest.ts': digest, 'logs.ts': logs, 'logView.ts': logViews, 'organisations.ts': organisations, 'pairing.ts': pairing, 'positions.ts': positions,
  'primitives.ts': primitives, 'projects.ts': projects, 'recommend.ts': recommend, 'reports.ts': reports, 'roster.ts': roster, 'settings.ts': settings, 'teams.ts': teams, 'tracking.ts': tracking,
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Builder = (...args: any[]) => CardJson;
interface Case {
  fn: Builder;
  variant?: string;
  build: (d: Dataset) => CardJson;
  /** The card is also the `card` of an action's answer to a click (commands/*.ts), with this toast. */
  toast?: (d: Dataset) => string;
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);
const LINK = 'https://practice.example.edu.cn/c/eyJsIjo1MDAwLCJjIjo5OTk5OTksImUiOjE3NjUwMDAwMDB9.Qm9yZGVyLWNhc2UtdG9rZW4tc2lnbmF0dXJl';
const summaryOf = (d: Dataset): ConfirmationSummary => ({ studentName: d.name(0), unit: { college: d.line(60, 1), branch: d.line(60, 2) }, date: '2026-11-20', item: 'huodong', itemLabel: null, hours: 8, mode: 'offline', community: d.line(60, 3), description: d.text(500) });
const openPosition = (d: Dataset, i: number): positions.OpenPositionVm => ({
  id: i + 1, title: d.line(40, i), project: i % 3 ? d.line(60, i) : null, branch: i % 2 ? d.line(60, i + 1) : null, schedule: d.opt(d.line(60, i + 2)), slots: 50, confirmed: 49,
  mine: (['confirmed', 'signed_up', undefined] as const)[i % 3],
});
const reportVm = (d: Dataset, status: 'draft' | 'submitted'): reports.ReportCardVm => ({
  id: 4, college: d.line(60, 2), quarter: 4, startsOn: '2027-06-01', dueOn: '2027-08-31', kind: 'summary', title: d.line(reports.REPORT_TITLE_MAX), body: d.text(reports.REPORT_BODY_MAX),
  status, late: true, attachments: range(d.n(SIZE.attachments)).map((i) => `${d.line(96, i)}.pdf`), note: d.empty ? undefined : d.text(200),
});
const formPrefill = (d: Dataset): projects.ProjectPrefill => ({
  title: d.line(60), area: 'rural_revitalization', items: [...ITEMS], xLabel: d.line(30), goals: d.text(500), tasks: d.text(500, 1), responsibilities: d.text(500, 2),
  start: '2026-11-01', end: '2027-08-31', communityId: pickerOptions(d)[0]?.id, memberIds: members(d, SIZE.projectMembers).map((m) => m.id),
});

const CASES: Case[] = [
  { fn: account.helpCard, variant: 'bound', build: (d) => account.helpCard({ role: t('role.school_admin'), who: `${d.name(0)} · ${d.line(60, 2)} · ${d.line(60, 1)}`, entries: helpEntries(d) }) },
  { fn: account.helpCard, variant: 'unbound', build: (d) => account.helpCard({ role: null, who: '', entries: helpEntries(d) }) },
  { fn: account.bindFormCard, build: (d) => account.bindFormCard(d.empty ? {} : { studentNo: 'A'.repeat(32), name: d.name(0) }) },
  {
    fn: account.meCard, toast: (d) => t('log.withdrawn', { date: TODAY, item: t('item.x'), hours: 24 }),
    build: (d) => account.meCard({
      name: d.name(0), role: t('role.secretary'), unit: `${d.line(60, 2)} · ${d.line(60, 1)}`, approvedHours: 12345.5, pendingHours: 999.5, boundAt: d.opt('2026-10-08 10:00'), memberId: 7,
      items: d.empty ? undefined : ITEMS.map((i) => `${t(`item.${i}`)} 99`).join(' · '), sources: d.empty ? undefined : '报到计时 999 小时 · 自报 999 小时 · 社区确认 999 小时',
      recent: range(d.n(5)).map((i) => ({ id: i + 1, pending: i % 2 === 0, line: t('me.recentLine', { date: TODAY, item: t('item.x'), hours: 24, status: t('status.pending') }) })),
    }),
  },
  { fn: branch.branchCard, toast: () => '', build: (d) => branch.branchCard(branchStatus(d)) },
  { fn: confirm.confirmLinkCard, build: (d) => confirm.confirmLinkCard({ url: LINK, imageKey: 'img_v3_02gp_qr00c3d-9a1b-4e5f-8c7d-6b5a4f3e2d1g', summary: summaryOf(d), expires: '2026-12-02 18:00' }) },
  { fn: confirm.communityConfirmedCard, build: (d) => confirm.communityConfirmedCard({ summary: summaryOf(d), rating: 1, comment: d.opt(d.text(200)) }) },
  { fn: digest.collegeDigestCard, build: (d) => digest.collegeDigestCard(collegeDigest(d)) },
  { fn: digest.schoolDigestCard, build: (d) => digest.schoolDigestCard(schoolDigest(d)) },
  { fn: digest.digestCard, variant: 'college', build: (d) => digest.digestCard(collegeDigest(d)) },
  { fn: digest.digestCard, variant: 'school', build: (d) => digest.digestCard(schoolDigest(d)) },
  {
    fn: logs.logFormCard, toast: () => '',
    build: (d) => logs.logFormCard({
      prefill: { date: TODAY, item: 'x', itemLabel: d.line(30), area: 'health', communityId: pickerOptions(d)[0]?.id, hours: 24, mode: 'online', description: d.text(500) },
      communities: pickerOptions(d), missing: d.empty ? [] : [t('log.formDate'), t('log.formHours'), t('log.formCommunity')], ambiguities: range(d.n(3)).map((i) => d.line(60, i)),
      checkinId: 9, intro: d.empty ? undefined : d.text(200), projects: range(d.n(20)).map((i) => ({ id: 100 + i, title: d.line(60, i) })),
      practices: d.empty ? undefined : [{ value: 'none', label: t('team.none') }, { value: 'home', label: t('team.optionHome') }, ...range(5).map((i) => ({ value: `t${i + 1}`, label: t('team.optionTeam', { name: d.line(30, i) }) }))],
    }),
  },
  { fn: logs.checkinReceiptCard, build: (d) => logs.checkinReceiptCard({ id: 9, kind: t('checkin.kind.concentrated'), site: d.line(60), time: '2026-11-25 08:00', note: d.empty ? undefined : d.text(200), practice: d.empty ? undefined : t('team.checkinTeam', { name: d.line(30) }), safetyPlan: d.empty ? undefined : d.text(500) }) },
  { fn: logs.reviewCard, variant: 'pending', toast: () => t('review.approvedToast'), build: (d) => logs.reviewCard(logView(d), { confirmLink: true }) },
  {
    fn: logs.reviewCard, variant: 'rejected', toast: () => t('review.approvedToast'),
    build: (d) => logs.reviewCard(logView(d, 0, 'rejected'), { decided: t('review.decidedRejected', { reviewer: d.name(1), at: '2026-11-25 09:00', reason: d.text(200) }) }),
  },
  { fn: logs.rejectReasonCard, toast: () => '', build: (d) => logs.rejectReasonCard(logView(d)) },
  { fn: logs.reviewListCard, variant: 'ten pending', toast: () => t('review.bulkDone', { count: 10 }), build: (d) => logs.reviewListCard(range(d.n(SIZE.reviews)).map((i) => logView(d, i)), d.n(9999)) },
  {
    fn: logs.reviewListCard, variant: 'decided in place', toast: () => t('review.approvedToast'),
    build: (d) => logs.reviewListCard(range(d.n(SIZE.reviews)).map((i) => logView(d, i, (['pending', 'approved', 'rejected', 'withdrawn'] as const)[i % 4])), d.n(SIZE.reviews)),
  },
  { fn: pairing.newPairingCard, variant: 'new', toast: () => '', build: () => pairing.newPairingCard({ prefill: { signedOn: TODAY } }) },
  {
    fn: pairing.newPairingCard, variant: 'shared, asks why', toast: (d) => t('pairing.reasonRequired', { community: pairingView(d).community.name, branches: (d.empty ? ['团支部'] : pairingView(d).sharedWith).join('、') }),
    build: (d) => {
      const v = pairingView(d);
      return pairing.newPairingCard({
        prefill: { community: v.community.name, signedOn: v.signedOn, level: v.community.level, region: v.community.region, tags: v.community.tags, contactName: v.contactName, contactPhone: v.contactPhone, sharedReason: v.sharedReason },
        sharedWith: d.empty ? ['团支部'] : v.sharedWith, sharedCommunity: v.community.name,
      });
    },
  },
  ...(['draft', 'signed', 'ended'] as const).map((s): Case => ({
    fn: pairing.pairingCard, variant: s, toast: (d) => t('pairing.alreadySame', { community: d.line(60, 3) }), build: (d) => pairing.pairingCard(pairingView(d, s), { note: d.empty ? undefined : d.text(200) }),
  })),
  { fn: pairing.endConfirmCard, toast: () => '', build: (d) => pairing.endConfirmCard(pairingView(d)) },
  { fn: pairing.sharedNoticeCard, build: (d) => pairing.sharedNoticeCard(pairingView(d), { others: range(d.n(5)).map((i) => d.line(60, i)), actor: d.name(3) }) },
  {
    fn: positions.positionsCard, toast: (d) => t('positions.signedUp', { title: d.line(40) }),
    build: (d) => positions.positionsCard({
      open: range(d.n(SIZE.openPositions)).map((i) => openPosition(d, i)), canPublish: true,
      managed: range(d.n(SIZE.managedPositions)).map((i) => ({ id: 100 + i, title: d.line(40, i), slots: 50, confirmed: 49, waiting: i % 2 ? 199 : 0, closed: i % 3 === 0 })),
    }),
  },
  ...([false, true] as const).map((closed): Case => ({
    fn: positions.matchCard, variant: closed ? 'closed' : `${SIZE.candidates} candidates`, toast: (d) => t('positions.confirmedToast', { name: d.name(0) }),
    build: (d) => positions.matchCard({
      title: d.line(40), slots: 50, confirmed: range(d.n(SIZE.confirmed - 1)).map((i) => d.name(i)), closed,
      candidates: range(d.n(SIZE.candidates)).map((i) => ({ signupId: i + 1, name: d.name(i), hours: 1234.5, at: '2026-11-25 08:00' })),
      note: d.empty ? undefined : t('positions.signupNotice', { name: escapeMd(d.name(0)), title: escapeMd(d.line(40)) }),
    }),
  })),
  {
    fn: projects.projectListCard, toast: (d) => t('project.saved', { title: d.line(60) }),
    build: (d) => projects.projectListCard({ scope: d.line(60, 2), deadline: '2026-11-11', projects: range(d.n(SIZE.projects)).map((i) => projectVm(d, i)), more: d.n(25), canCreate: true }),
  },
  // The caller (commands/project.ts) passes pickerMembers' dropdown: the group (≤ 50) + MEMBER_PICKER_EXTRA, the rest
  // of a 200-member branch counted as unlisted and reached by typing names (test/projects.test.ts drives it).
  ...[SIZE.projectMembers + MEMBER_PICKER_EXTRA].map((n): Case => ({
    fn: projects.projectFormCard, variant: `${n} member options`, toast: () => '',
    build: (d) => projects.projectFormCard({
      projectId: 5, prefill: d.empty ? {} : formPrefill(d), communities: pickerOptions(d), unlistedMembers: d.n(SIZE.branchMembers - n),
      members: members(d, n).map((m, i) => ({ ...m, ...(i % 5 ? {} : { sameNameIndex: 1 + (i % 3) }) })),
    }),
  })),
  { fn: projects.positionFormCard, variant: 'project', toast: () => '', build: (d) => projects.positionFormCard({ projectId: 5, project: d.line(60), prefill: { title: d.line(40), slots: '50', schedule: d.line(60) } }) },
  { fn: projects.positionFormCard, variant: 'college-wide', toast: () => '', build: (d) => projects.positionFormCard({ project: d.line(60, 2) }) },
  {
    fn: recommend.recommendCard, toast: (d) => t('recommend.appointed', { name: d.name(0) }),
    build: (d) => recommend.recommendCard({
      scope: d.line(60, 2), weights: { hours: 0.4, days: 0.2, rating: 0.2, feedback: 0.2 }, candidates: range(d.n(SIZE.recommendCandidates)).map((i) => candidate(d, i)),
      more: d.n(190), recorded: range(d.n(SIZE.recorded)).map((i) => recommendation(d, i)),
    }),
  },
  {
    fn: recommend.recommendFormCard, toast: () => '',
    build: (d) => recommend.recommendFormCard({ candidate: candidate(d, 0), communities: pickerOptions(d), defaultCommunityId: pickerOptions(d)[0]?.id, anyCommunity: !d.empty }),
  },
  ...(['draft', 'submitted'] as const).map((s): Case => ({ fn: reports.reportCard, variant: s, toast: () => t('report.submittedLate', { quarter: 4, kind: t('report.kind.summary'), due: '2027-08-31' }), build: (d) => reports.reportCard(reportVm(d, s)) })),
  {
    fn: reports.casePickerCard, toast: () => t('case.marked', { groups: 20 }),
    build: (d) => reports.casePickerCard({
      note: d.empty ? undefined : t('case.marked', { groups: 20 }),
      candidates: d.empty ? [] : [
        ...Array.from({ length: 10 }, (_, i) => ({ kind: 'log' as const, id: 1_000_000 + i, date: TODAY, item: 'huodong' as const, halfHours: 24, name: d.name(i), unit: d.line(60, i), description: d.text(500) })),
        ...Array.from({ length: 5 }, (_, i) => ({ kind: 'report' as const, id: 1_000 + i, college: d.line(60, i), quarter: 4, title: d.line(100, i) })),
      ],
    }),
  },
  { fn: reports.caseCard, variant: 'log', build: (d) => reports.caseCard({ kind: 'log', name: d.name(0), unit: d.line(60, 1), date: TODAY, citation: d.text(200) }) },
  { fn: reports.caseCard, variant: 'report', build: (d) => reports.caseCard({ kind: 'report', college: d.line(60, 2), title: d.line(100), citation: d.text(200) }) },
  {
    fn: settings.settingsCard, toast: () => t('settings.saved', { count: 13 }),
    build: (d) => settings.settingsCard({ program: program(d), period: t('mode.winter'), note: d.empty ? undefined : t('settings.nextYearDone', { name: program(d).name, start: '2027-09-01', end: '2028-08-31', old: '2025-2026', oldEnd: '2027-08-31' }) }),
  },
  {
    fn: settings.settingsCard, variant: 'scheduled', toast: () => t('settings.undone', { name: '2027-2028' }),
    build: (d) => settings.settingsCard({ program: program(d), period: t('mode.term'), next: { ...program(d), id: 2 } }),
  },
  {
    fn: settings.settingsCard, variant: 'undoable', toast: () => '',
    build: (d) => settings.settingsCard({ program: program(d), period: t('mode.term'), undoTo: { ...program(d), id: 2 } }),
  },
  ...([true, false] as const).map((full): Case => ({
    fn: roster.rosterPreviewCard, variant: full ? 'full' : 'partial only', toast: () => t('roster.superseded'),
    // 50,000 rows: every list as long as a whole school's, every name the longest there is.
    build: (d) => roster.rosterPreviewCard({
      importId: 1,
      title: t('preview.title', { file: d.line(60), total: 50_000 }),
      summary: [
        t('preview.counts', { created: 12_000, changed: 3_000, unchanged: 30_000, returning: 40 }),
        t('preview.missing', { count: 5_000 }),
        t('preview.archiveFull', { units: range(d.n(40)).map((i) => d.line(60, i)).join('、') }),
        ...(full ? [] : [t('preview.senderMissing')]),
      ],
      sections: [t('preview.sectionCreated'), t('preview.sectionChanged'), t('preview.sectionReturning'), t('preview.sectionMissing')].map((title, k) => ({
        title, items: range(d.n(8)).map((i) => `${t('preview.person', { name: d.name(i + k), unit: d.line(60, i) })}：${t('preview.change.unit', { from: d.line(60, i), to: d.line(60, i + 1) })}`), more: d.empty ? 0 : 4_992,
      })),
      errors: d.empty ? [] : [t('preview.errors', { count: 300 }), ...range(20).map((i) => t('row.error', { line: i + 2, reason: d.line(60, i) }))],
      fullDeactivates: full ? 5_000 : null,
    }),
  })),
  { fn: roster.rosterDoneCard, toast: () => t('rosterStatus.applied'), build: (d) => roster.rosterDoneCard(t('rosterStatus.doneTitle.full'), range(d.n(24)).map((i) => d.line(60, i)).join('\n')) },
  { fn: settings.nextYearConfirmCard, toast: () => '', build: (d) => settings.nextYearConfirmCard({ current: program(d), next: program(d) }) },
  { fn: settings.undoYearConfirmCard, variant: 'next', toast: () => '', build: (d) => settings.undoYearConfirmCard({ year: { ...program(d), isCurrent: false }, current: program(d) }) },
  { fn: settings.undoYearConfirmCard, variant: 'current', toast: () => '', build: (d) => settings.undoYearConfirmCard({ year: program(d), current: program(d), back: program(d) }) },
  ...([true, false] as const).map((canManage): Case => ({
    fn: teams.teamListCard, variant: canManage ? 'managed' : 'mine', toast: (d) => t('team.createdToast', { name: d.line(30) }),
    build: (d) => teams.teamListCard({
      scope: canManage ? d.line(60, 1) : t('team.scopeMine'), teams: range(d.n(canManage ? SIZE.teams : 3)).map((i) => teamVm(d, i)), canManage, mine: !canManage,
      note: d.empty ? undefined : t('team.created', { name: d.line(30), college: d.line(60, 1), leader: d.name(0), destination: d.line(60, 2), count: 50 }),
    }),
  })),
  ...([true, false] as const).map((canManage): Case => ({
    fn: organisations.organisationListCard, variant: canManage ? 'managed' : 'mine',
    build: (d) => organisations.organisationListCard({
      scope: canManage ? d.line(60, 1) : t('org.scopeMine'), organisations: range(d.n(canManage ? SIZE.organisations : 3)).map((i) => organisationVm(d, i)), canManage,
      note: d.empty ? undefined : t('org.created', { kind: t('org.kind.club'), name: d.line(30), college: d.line(60, 1), leader: d.name(0) }),
    }),
  })),
  { fn: tracking.collegeCard, toast: () => '', build: (d) => tracking.collegeCard(collegeView(d), collegeReports(d)) },
  { fn: tracking.overviewCard, toast: () => '', build: (d) => tracking.overviewCard(overview(d)) },
];

const DATASETS: DatasetId[] = ['max', 'hostile', 'empty'];
const named = (c: Case) => `${c.fn.name}${c.variant ? ` (${c.variant})` : ''}`;
const table = CASES.flatMap((c) => DATASETS.map((id) => ({ name: `${named(c)} × ${id}`, c, d: datasets[id] })));
/** An action's answer as commands/*.ts build it: a toast (empty: none) and the card. */
const answerOf = (toast: string, data: CardJson) => ({ ...(toast ? { toast: { type: 'success', content: toast } } : {}), card: { type: 'raw', data } });

/** The verdict with the card's size and component count, so a failure says how far over it is. */
function judged(verdict: Verdict, built: CardJson) {
  return { ...verdict, size: `${Buffer.byteLength(JSON.stringify(built))} B / ${CARD_MAX_BYTES}`, components: `${countComponents(built)} / ${MAX_COMPONENTS}` };
}

describe('every card builder × boundary data: Feishu takes it and shows it as meant', () => {
  it.each(table)('$name', ({ c, d }) => {
    const built = c.build(d);
    const verdict = checkCard(built);
    expect(judged(verdict, built)).toEqual({ defects: [], size: expect.any(String), components: expect.any(String) });
  });
});

describe('every card an action answers a click with, at the same boundaries', () => {
  const answers = [
    ...table.filter((r) => r.c.toast).map((r) => ({ ...r, answer: (): unknown => answerOf(r.c.toast!(r.d), r.c.build(r.d)) })),
    // log.submit (commands/log.ts) answers with the saved message in a one-line card of its own.
    ...DATASETS.map((id) => ({
      name: `log.submit answer × ${id}`, d: datasets[id],
      answer: (): unknown => answerOf(t('log.submittedToast'), card({ title: t('log.formTitle'), template: 'green', elements: [markdown(escapeMd(datasets[id].text(500)))] })),
    })),
  ];
  it.each(answers)('$name', ({ answer }) => {
    expect(checkCallbackAnswer(200, answer())).toEqual({ defects: [] });
  });
});

describe('subtitles with the longest realistic names: one line on a phone', () => {
  const names = ['马克思主义学院', '机械工程与自动化学院', '外国语学院（国际教育学院）', 'School of Mechanical Engineering and Automation'];
  it.each(names)('branchCard with college %s', (college) => {
    expect(checkCard(branch.branchCard(branchStatus(datasets.max, college)))).toEqual({ defects: [] });
  });
  it.each(['2026–2027', '2026-2027', '2026–2027学年（春季学期）'])('collegeCard with year %s (10 branches)', (year) => {
    const v = collegeView(datasets.max);
    const small = { ...v, programYear: { ...v.programYear, name: year }, branches: v.branches.slice(0, 10) };
    expect(checkCard(tracking.collegeCard(small, collegeReports(datasets.max)))).toEqual({ defects: [] });
  });
});

describe('the data and the checks are what they claim', () => {
  it('the community pickers get the 20 longest of 1,000 names of 30–60 characters', () => {
    const all = communityNames();
    expect(all).toHaveLength(SIZE.communities);
    expect(new Set(all).size).toBe(SIZE.communities);
    expect(Math.min(...all.map((n) => n.length))).toBeGreaterThanOrEqual(30);
    expect(Math.max(...all.map((n) => n.length))).toBeLessThanOrEqual(60);
    const picked = pickerOptions(datasets.max);
    expect(picked).toHaveLength(SIZE.picker);
    const cut = all.map((n) => n.length).sort((a, b) => b - a)[SIZE.picker]!;
    expect(Math.min(...picked.map((c) => c.name.length))).toBeGreaterThanOrEqual(cut);
  });

  it('hostile text carries every construct, and escaping inflates it', () => {
    const d = datasets.hostile;
    const text = d.text(500);
    expect(text).toHaveLength(500);
    for (const needle of ['<at id=all>', ':smile:', 'https://t.cn/防', '\n- ', '\n1. ', '\n> ', '\n# ', '*', '_', '~', '[', '](', '|', '&']) expect(text).toContain(needle);
    expect(Buffer.byteLength(escapeMd(text))).toBeGreaterThan(2 * Buffer.byteLength(text));
    expect(d.name(0)).toHaveLength(40);
    for (const i of range(4)) expect(d.line(30, i)).toContain('<at id=all>');
    expect(range(4).map((i) => d.line(60, i).slice(0, 3))).toEqual(['- h', '1. ', '> h', '# h']);
  });

  it('checkCard refuses an obviously broken card and reports a mis-rendered one', () => {
    const ok = card({ title: '标题', elements: [markdown('正文')] });
    expect(checkCard(ok)).toEqual({ defects: [] });
    expect(checkCard({ ...ok, body: { elements: [{ tag: 'note', elements: [] }] } }).refusal?.code).toBe(230099);
    expect(checkCard(card({ title: '标题', elements: [markdown('<at id=all> 大家好')] })).refusal?.rule).toBe('markdown.atAll');
    // A builder that forgot escapeMd on any hostile field would be refused.
    for (const i of range(4)) expect(checkCard(card({ title: '标题', elements: [markdown(datasets.hostile.line(30, i))] })).refusal).toBeDefined();
    expect(checkCard(card({ title: '标题', elements: [markdown(escapeMd(datasets.hostile.text(500)))] }))).toEqual({ defects: [] });
    expect(checkCard(card({ title: '标题', elements: range(MAX_COMPONENTS).map(() => markdown('x')) })).refusal?.rule).toBe('card.elementCount');
    expect(checkCard(card({ title: '标题', elements: [markdown('长'.repeat(CARD_MAX_BYTES / 3 + 10))] })).refusal?.code).toBe(230025);
    expect(checkCard(card({ title: '标题', subtitle: '机械工程与自动化学院 · 2026–2027 实践年度 · 2026-11-25', elements: [] })).defects.map((x) => x.rule)).toEqual(['header.subtitleWidth']);
    expect(checkCallbackAnswer(200, { toast: { type: 'success', content: 'ok' }, card: { type: 'raw', data: ok }, extra: 1 }).refusal?.code).toBe(200672);
    expect(checkCallbackAnswer(200, answerOf('ok', { ...ok, schema: '1.0' })).refusal?.code).toBe(200830);
  });

  it('every exported *Card builder of src/cards is in the table, with every dataset', () => {
    const files = readdirSync(fileURLToPath(new URL('../src/cards/', import.meta.url))).filter((f) => f.endsWith('.ts'));
    expect(files.sort()).toEqual(Object.keys(MODULES).sort());
    const covered = new Set(CASES.map((c) => c.fn));
    // Named like a builder but a predicate: whether a card fits CARD_BUDGET.
    const notBuilders = new Set(['primitives.ts:fitsInCard']);
    const builders = Object.entries(MODULES)
      .flatMap(([file, mod]) => Object.entries(mod).filter(([name, v]) => typeof v === 'function' && name.endsWith('Card')).map(([name, fn]) => ({ name: `${file}:${name}`, fn })))
      .filter((b) => !notBuilders.has(b.name));
    expect(builders.length).toBeGreaterThanOrEqual(30);
    expect(builders.filter((b) => !covered.has(b.fn as Builder)).map((b) => b.name)).toEqual([]);
  });
});
