import { z } from 'zod';
import type { BaseContext } from '../src/bot/context.js';
import type { Member } from '../src/db/schema/index.js';
import { positionsSignup, positionsWithdraw, positionsMatch, positionsConfirm, positionsCollegeForm } from '../src/cards/positions.js';
import { positionsAddCollege } from '../src/cards/projects.js';
import { defineAction, defineCommand } from '../src/bot/define.js';
import { rawCard } from '../src/bot/router.js';
import { positionDraftFromForm } from './project.js';
import { allows } from '../src/bot/roles.js';
import { escapeMd } from '../src/cards/primitives.js';
import { matchCard, positionsCard } from '../src/cards/positions.js';
import { positionFormCard } from '../src/cards/projects.js';
import type { Position } from '../src/db/schema/index.js';
import { UserError } from '../src/domain/errors.js';
import {
  addCollegePosition, candidatesOf, confirmedClosedPositionsOf, confirmedOf, confirmSignup, managedPositions, managersOf, managesPosition, myStatuses, openPositionsFor, positionById, signUp, signupCounts, withdrawSignup,
} from '../src/domain/positions.js';
import { branchNames, collegeById, projectTitles } from '../src/domain/projects.js';
import { checkUnitWorker, leadsAnOrganisation } from '../src/domain/organisations.js';
import { formatDateTime } from '../src/time.js';
import type { CardJson } from '../src/feishu/api.js';
import { t } from '../src/text/zh-CN.js';


/** `/岗位` for whoever is acting: what they may sign up for and, if they confirm matches, their positions' sign-ups. */
function positionsView(ctx: BaseContext<Member>): CardJson {
  const me = ctx.member;
  const open = [...openPositionsFor(ctx.db, me, ctx.program.id), ...confirmedClosedPositionsOf(ctx.db, me.id, ctx.program.id)].sort((a, b) => a.id - b.id);
  // An organisation's responsible member confirms its positions' matches, whatever their role.
  const confirms = allows('secretary', me) || leadsAnOrganisation(ctx.db, me);
  const managed = confirms ? managedPositions(ctx.db, me, ctx.program.id) : [];
  const all = [...open, ...managed];
  const counts = signupCounts(ctx.db, [...new Set(all.map((p) => p.id))]);
  const mine = myStatuses(ctx.db, me.id, open.map((p) => p.id));
  const projectIds = [...new Set(all.map((p) => p.projectId).filter((id): id is number => id !== null))];
  const branchIds = [...new Set(all.map((p) => p.branchId).filter((id): id is number => id !== null))];
  const projectNames = projectTitles(ctx.db, projectIds);
  const branchNamesById = branchNames(ctx.db, branchIds);
  return positionsCard({
    open: open.map((p) => ({
      id: p.id,
      title: p.title,
      project: p.projectId ? (projectNames.get(p.projectId) ?? null) : null,
      branch: p.branchId ? (branchNamesById.get(p.branchId) ?? null) : null,
      schedule: p.schedule,
      slots: p.slots,
      confirmed: counts.get(p.id)!.confirmed,
      mine: mine.get(p.id),
    })),
    managed: confirms ? managed.map((p) => ({ id: p.id, title: p.title, slots: p.slots, closed: p.status === 'closed', ...counts.get(p.id)! })) : undefined,
    canPublish: me.role === 'college_admin' && me.collegeId !== null,
  });
}

/** The 确认匹配 card of a position, candidates fewest approved hours first. */
function matchView(ctx: BaseContext<Member>, position: Position, note?: string): CardJson {
  return matchCard({
    title: position.title,
    slots: position.slots,
    confirmed: confirmedOf(ctx.db, position.id).map((m) => m.name),
    closed: position.status === 'closed',
    candidates: candidatesOf(ctx.db, position.id, ctx.program.id).map((c) => ({ signupId: c.signupId, name: c.name, hours: c.hours, at: formatDateTime(c.signedUpAt, ctx.timeZone) })),
    note,
  });
}


const onPositionSignup = defineAction(positionsSignup, {
  audience: 'student',
  async run(ctx, { p }) {
    const me = ctx.member;
    const position = signUp(ctx.db, me, p, ctx.clock.now());
    // The people who confirm matches hear of it with the card to do so.
    const card = matchView(ctx, position, t('positions.signupNotice', { name: escapeMd(me.name), title: escapeMd(position.title) }));
    for (const manager of managersOf(ctx.db, position)) {
      if (manager.id !== me.id) await ctx.notify(manager.openId, { card });
    }
    return { toast: { type: 'success', content: t('positions.signedUp', { title: position.title }) }, card: rawCard(positionsView(ctx)) };
  },
});

const onPositionWithdraw = defineAction(positionsWithdraw, {
  audience: 'student',
  async run(ctx, { p }) {
    const position = withdrawSignup(ctx.db, ctx.member, p, ctx.clock.now());
    return { toast: { type: 'success', content: t('positions.withdrawn', { title: position.title }) }, card: rawCard(positionsView(ctx)) };
  },
});

// 确认匹配 admits students: an organisation's responsible member may be one (checkUnitWorker
// refuses every other student as before; managesPosition judges the position's unit).
const onPositionMatch = defineAction(positionsMatch, {
  audience: 'student',
  async run(ctx, { p }) {
    checkUnitWorker(ctx.db, ctx.member);
    const position = positionById(ctx.db, p);
    if (!position) throw new UserError('positions.notFound');
    // Candidates' names and hours are only for who runs the position, whatever card was clicked.
    if (!managesPosition(ctx.db, ctx.member, position)) throw new UserError('positions.forbidden');
    return { card: rawCard(matchView(ctx, position)) };
  },
});

const onPositionConfirm = defineAction(positionsConfirm, {
  audience: 'student',
  async run(ctx, { s }) {
    checkUnitWorker(ctx.db, ctx.member);
    const done = confirmSignup(ctx.db, ctx.member, s, ctx.clock.now());
    const { position, member } = done;
    const project = position.projectId ? projectTitles(ctx.db, [position.projectId]).get(position.projectId) : undefined;
    if (member.openId) {
      await ctx.notify(member.openId, t('positions.toStudentConfirmed', {
        title: position.title,
        project: project !== undefined ? t('positions.project', { title: project }) : '',
        schedule: position.schedule ?? t('positions.noSchedule'),
      }));
    }
    for (const other of done.declined) {
      if (other.openId) await ctx.notify(other.openId, t('positions.toStudentFull', { title: position.title }));
    }
    return { toast: { type: 'success', content: t('positions.confirmedToast', { name: member.name }) }, card: rawCard(matchView(ctx, position)) };
  },
});

/** 发布学院岗位: the 团总支's form for a position open to the whole college. */
const onCollegePositionForm = defineAction(positionsCollegeForm, {
  audience: 'college_admin',
  async run(ctx) {
    const me = ctx.member;
    if (me.role !== 'college_admin' || !me.collegeId) throw new UserError('positions.collegeOnly');
    const college = collegeById(ctx.db, me.collegeId);
    return { card: rawCard(positionFormCard({ project: college?.name ?? '' })) };
  },
});

const onCollegePositionAdd = defineAction(positionsAddCollege, {
  audience: 'college_admin',
  async run(ctx) {
        const position = addCollegePosition(ctx.db, ctx.member, positionDraftFromForm(ctx.form), ctx.clock.now());
    return { toast: { type: 'success', content: t('position.added', { title: position.title, slots: position.slots }) }, card: rawCard(positionsView(ctx)) };
  },
});

export const command = defineCommand({
  name: 'positions',
  aliases: ['岗位'],
  summary: 'cmd.positions.summary',
  summaryFor: { secretary: 'cmd.positions.secretary.summary', college_admin: 'cmd.positions.college_admin.summary', school_admin: 'cmd.positions.school_admin.summary' },
  example: 'cmd.positions.example',
  audience: 'student',
  args: z.object({}),
  parse: () => ({}),
  async run(ctx) {
    await ctx.reply({ card: positionsView(ctx) });
  },
});

export const actions = [onPositionSignup, onPositionWithdraw, onPositionMatch, onPositionConfirm, onCollegePositionForm, onCollegePositionAdd];
