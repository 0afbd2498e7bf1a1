import { z } from 'zod';
import type { BaseContext } from '../src/bot/context.js';
import { defineCommand } from '../src/bot/define.js';
import { organisationListCard } from '../src/cards/organisations.js';
import type { Member } from '../src/db/schema/index.js';
import { createOrganisation, organisationsVisibleTo, setOrganisationLeader, type OrganisationKind } from '../src/domain/organisations.js';
import { collegeById } from '../src/domain/projects.js';
import { NAME_SEPARATORS } from '../src/domain/teams.js';
import type { CardJson } from '../src/feishu/api.js';
import { t } from '../src/text/zh-CN.js';

/** The words that choose what `/组织 …` does; anything else is answered with the usage. */
const VERBS: Record<string, 'create' | 'leader'> = {
  新建: 'create', 创建: 'create', 成立: 'create', new: 'create',
  负责人: 'leader', 换负责人: 'leader', 更换负责人: 'leader', leader: 'leader',
};

/** The kinds as people write them (the notice's names and their everyday short forms). */
const KINDS: Record<string, OrganisationKind> = {
  学生会: 'student_union',
  学生社团: 'club', 社团: 'club',
  青年志愿者协会: 'volunteer_association', 青协: 'volunteer_association', 志愿者协会: 'volunteer_association',
};

const word = z.string().trim().min(1).max(60);

const args = z.discriminatedUnion('op', [
  z.object({ op: z.literal('list') }),
  // The kind and the names are judged by createOrganisation, with what to write instead.
  z.object({ op: z.literal('create'), college: word.optional(), kind: z.string(), name: z.string(), leader: z.string() }),
  z.object({ op: z.literal('leader'), college: word.optional(), name: word, leader: word }),
  z.object({ op: z.literal('bad'), message: z.string() }).refine(() => false, { error: (issue) => String((issue.input as { message?: unknown }).message ?? '') }),
]);

/**
 * `新建 [学院] 类型 名称 负责人`, `负责人 [学院] 名称 新负责人`, or nothing (the list). The college
 * comes first when given: the 团委 names it, a 团总支 may.
 */
function parse(rest: string): unknown {
  if (rest.length > 300) return { op: 'bad', message: t('org.argsTooLong') };
  const [verb, ...words] = rest.split(NAME_SEPARATORS).filter(Boolean);
  if (verb === undefined) return { op: 'list' };
  const op = VERBS[verb.toLowerCase()];
  if (op === 'create') {
    if (words.length !== 3 && words.length !== 4) return { op: 'bad', message: t('org.createArgsMissing') };
    const [college, kind, name, leader] = words.length === 4 ? words : [undefined, ...words];
    return { op, college, kind: KINDS[kind!] ?? kind, name, leader };
  }
  if (op === 'leader') {
    if (words.length !== 2 && words.length !== 3) return { op: 'bad', message: t('org.leaderArgsMissing') };
    const [college, name, leader] = words.length === 3 ? words : [undefined, ...words];
    return { op, college, name, leader };
  }
  return { op: 'bad', message: t('org.badVerb', { verb: verb.slice(0, 20), usage: t('org.usage') }) };
}

function scopeOf(ctx: BaseContext<Member>): string {
  const me = ctx.member;
  if (me.role === 'school_admin') return t('org.scopeAll');
  if (me.role === 'college_admin') return collegeById(ctx.db, me.collegeId)?.name ?? '';
  return t('org.scopeMine');
}

/** The organisations whoever is acting sees, with their pairing and projects. */
function listCard(ctx: BaseContext<Member>, note?: string): CardJson {
  const organisations = organisationsVisibleTo(ctx.db, ctx.member, ctx.program.id).map((o) => ({ ...o, kind: t(`org.kind.${o.kind}`) }));
  const canManage = ctx.member.role === 'college_admin' || ctx.member.role === 'school_admin';
  return organisationListCard({ scope: scopeOf(ctx), organisations, canManage, note });
}

/** `/组织`: student organisations beside the 团支部 — listed to whoever leads or oversees them, created by the 团总支 or 团委. */
export const command = defineCommand({
  name: 'org',
  aliases: ['组织', '学生组织'],
  summary: 'cmd.org.summary',
  summaryFor: { college_admin: 'cmd.org.college_admin.summary', school_admin: 'cmd.org.school_admin.summary' },
  example: 'cmd.org.example',
  audience: 'student',
  args,
  parse,
  async run(ctx, a) {
    const now = ctx.clock.now();
    let note: string | undefined;
    if (a.op === 'create') {
      const { unit, leader, college } = createOrganisation(ctx.db, ctx.member, a, now);
      note = t('org.created', { kind: t(`org.kind.${unit.kind as OrganisationKind}`), name: unit.name, college, leader: leader.name });
    } else if (a.op === 'leader') {
      const { unit, leader } = setOrganisationLeader(ctx.db, ctx.member, a, now);
      note = t('org.leaderChanged', { name: unit.name, leader: leader.name });
    }
    await ctx.reply({ card: listCard(ctx, note) });
  },
});

export const actions = [];
