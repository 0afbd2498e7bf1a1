import { z } from 'zod';
import type { BaseContext } from '../src/bot/context.js';
import { defineAction, defineCommand } from '../src/bot/define.js';
import { formText } from '../src/bot/forms.js';
import { rawCard } from '../src/bot/router.js';
import { teamCreate, teamListCard } from '../src/cards/teams.js';
import type { Member } from '../src/db/schema/index.js';
import { collegeById } from '../src/domain/projects.js';
import { addTeamMembers, createTeam, NAME_SEPARATORS, removeTeamMembers, teamDetail, teamsVisibleTo, type MembersChange } from '../src/domain/teams.js';
import type { CardJson } from '../src/feishu/api.js';
import { t } from '../src/text/zh-CN.js';

/** The words that choose what `/三下乡 …` does; anything else is answered with the usage. */
const VERBS: Record<string, 'create' | 'add' | 'remove'> = {
  新建: 'create', 创建: 'create', 组建: 'create', new: 'create',
  添加: 'add', 加入: 'add', 增加: 'add', add: 'add',
  移除: 'remove', 删除: 'remove', 退出: 'remove', remove: 'remove',
};

const word = z.string().trim().min(1);
const names = z.array(word.max(40)).min(1, t('team.namesMissing')).max(50, t('team.tooManyMembers'));

const args = z.discriminatedUnion('op', [
  z.object({ op: z.literal('list') }),
  z.object({
    op: z.literal('create'),
    name: z.string({ error: t('team.createArgsMissing') }).max(30, t('team.nameTooLong')),
    leader: z.string({ error: t('team.createArgsMissing') }).max(40, t('team.leaderMissing')),
    destination: z.string({ error: t('team.createArgsMissing') }).max(60, t('team.destinationTooLong')),
    members: z.array(word.max(40)).max(50, t('team.tooManyMembers')),
  }),
  z.object({ op: z.enum(['add', 'remove']), team: z.string({ error: t('team.namesMissing') }).max(30, t('team.nameTooLong')), members: names }),
  z.object({ op: z.literal('bad'), verb: z.string() }).refine(() => false, { error: (issue) => t('team.badVerb', { verb: String((issue.input as { verb?: unknown }).verb ?? '').slice(0, 20), usage: t('team.usage') }) }),
]);

/** `新建 队名 队长 目的地 队员…`, `添加 队名 队员…`, `移除 队名 队员…`, or nothing (the list). */
function parse(rest: string): unknown {
  if (rest.length > 1000) return { op: 'bad', verb: t('team.argsTooLong') };
  const [verb, ...words] = rest.split(NAME_SEPARATORS).filter(Boolean);
  if (verb === undefined) return { op: 'list' };
  const op = VERBS[verb.toLowerCase()];
  if (op === 'create') {
    const [name, leader, destination, ...members] = words;
    return { op, name, leader, destination, members };
  }
  if (op) return { op, team: words[0], members: words.slice(1) };
  return { op: 'bad', verb };
}

function scopeOf(ctx: BaseContext<Member>): string {
  const me = ctx.member;
  if (me.role === 'school_admin') return t('team.scopeAll');
  if (me.role === 'college_admin') return collegeById(ctx.db, me.collegeId)?.name ?? '';
  return t('team.scopeMine');
}

/** The teams whoever is acting sees (never those of whom the card was first sent to). */
function listCard(ctx: BaseContext<Member>, note?: string): CardJson {
  const canManage = ctx.member.role === 'college_admin' || ctx.member.role === 'school_admin';
  const teams = teamsVisibleTo(ctx.db, ctx.member, ctx.program.id).map((team) => {
    const d = teamDetail(ctx.db, team);
    return { name: team.name, college: d.college, leader: d.leader, destination: team.destination, matched: team.communityId !== null, members: d.members };
  });
  return teamListCard({ scope: scopeOf(ctx), teams, canManage, mine: !canManage, note });
}

function created(ctx: BaseContext<Member>, draft: unknown): string {
  const team = createTeam(ctx.db, ctx.member, ctx.program, draft, ctx.clock.now());
  const d = teamDetail(ctx.db, team);
  return t('team.created', { name: team.name, college: d.college, leader: d.leader, destination: team.destination, count: d.members.length });
}

function changed(change: MembersChange, key: 'team.added' | 'team.removed'): string {
  const line = t(key, { team: change.team.name, names: change.changed.length ? change.changed.join('、') : t('team.none') });
  return change.unchanged.length ? `${line}${t('team.unchanged', { names: change.unchanged.join('、') })}` : line;
}

/** The create form of the /三下乡 card; the role and college are judged again by createTeam. */
const onTeamCreate = defineAction(teamCreate, {
  audience: 'college_admin',
  async run(ctx) {
    const typed = formText(ctx.form.members);
    const draft = {
      name: formText(ctx.form.name),
      leader: formText(ctx.form.leader),
      destination: formText(ctx.form.destination),
      members: typed ? typed.slice(0, 1000).split(NAME_SEPARATORS).filter(Boolean) : [],
    };
    const note = created(ctx, draft);
    return { toast: { type: 'success', content: t('team.createdToast', { name: draft.name ?? '' }) }, card: rawCard(listCard(ctx, note)) };
  },
});

export const command = defineCommand({
  name: 'team',
  aliases: ['三下乡', '三下乡团队'],
  summary: 'cmd.team.summary',
  summaryFor: { college_admin: 'cmd.team.college_admin.summary', school_admin: 'cmd.team.school_admin.summary' },
  example: 'cmd.team.example',
  audience: 'student',
  args,
  parse,
  async run(ctx, a) {
    const now = ctx.clock.now();
    let note: string | undefined;
    if (a.op === 'create') note = created(ctx, a);
    else if (a.op === 'add') note = changed(addTeamMembers(ctx.db, ctx.member, ctx.program, a.team, a.members, now), 'team.added');
    else if (a.op === 'remove') note = changed(removeTeamMembers(ctx.db, ctx.member, ctx.program, a.team, a.members, now), 'team.removed');
    await ctx.reply({ card: listCard(ctx, note) });
  },
});

export const actions = [onTeamCreate];
