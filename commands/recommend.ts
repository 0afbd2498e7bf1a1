import { z } from 'zod';
import type { BaseContext } from '../src/bot/context.js';
import { recommendForm, recommendSubmit, recommendAppoint } from '../src/cards/recommend.js';
import { defineAction, defineCommand } from '../src/bot/define.js';
import { formCommunity, formText } from '../src/bot/forms.js';
import { rawCard } from '../src/bot/router.js';
import { recommendCard, recommendFormCard, type CandidateVm } from '../src/cards/recommend.js';
import type { Member } from '../src/db/schema/index.js';
import { pairedCommunity } from '../src/domain/communities.js';
import { hasCommunities, pickerCommunities } from '../src/domain/communityPicker.js';
import { UserError } from '../src/domain/errors.js';
import { branchById, collegeById } from '../src/domain/projects.js';
import {
  markAppointed, ranking, recommendable, recommendationsFor, recordRecommendation, round1, scopeFor, scoreOf, weightsOf, type ScoredMember,
} from '../src/domain/recommendations.js';
import type { CardJson } from '../src/feishu/api.js';
import { t } from '../src/text/zh-CN.js';

const SHOWN = 10;

function candidateVm(s: ScoredMember): CandidateVm {
  return {
    memberId: s.memberId,
    name: s.name,
    branch: s.branchName ?? '—',
    score: round1(s.score),
    hours: s.hours,
    days: s.days,
    rating: s.rating === null ? null : round1(s.rating),
    feedback: s.feedback === null ? null : round1(s.feedback),
    points: { hours: round1(s.points.hours), days: round1(s.points.days), rating: round1(s.points.rating), feedback: round1(s.points.feedback) },
  };
}

function scopeName(ctx: BaseContext<Member>): string {
  const me = ctx.member;
  if (me.role === 'school_admin') return t('recommend.scopeAll');
  if (me.role === 'college_admin') return collegeById(ctx.db, me.collegeId)?.name ?? '';
  return branchById(ctx.db, me.branchId)?.name ?? '';
}

/** `/推荐` for whoever is acting: a secretary's branch, a 团总支's college, the whole school for the 团委. */
function recommendView(ctx: BaseContext<Member>): CardJson {
  const ranked = ranking(ctx.db, scopeFor(ctx.member), ctx.program);
  return recommendCard({
    scope: scopeName(ctx),
    weights: weightsOf(ctx.program),
    candidates: ranked.slice(0, SHOWN).map(candidateVm),
    more: Math.max(0, ranked.length - SHOWN),
    recorded: recommendationsFor(ctx.db, ctx.member, ctx.program.id).map((r) => ({ ...r, branch: r.branchName ?? '—', community: r.communityName })),
  });
}

function formView(ctx: BaseContext<Member>, member: Member): CardJson {
  const s = scoreOf(ctx.db, ctx.member, member, ctx.program);
  const paired = pairedCommunity(ctx.db, member.branchId);
  // A bounded dropdown: the member's branch's paired community (preselected), then the places
  // the member and their branch used lately; any other known community is typed.
  const communities = pickerCommunities(ctx.db, { memberId: member.id, branchId: member.branchId });
  return recommendFormCard({
    candidate: candidateVm({ ...s, branchName: s.branchName ?? branchById(ctx.db, member.branchId)?.name ?? null }),
    communities,
    defaultCommunityId: paired?.id,
    anyCommunity: communities.length > 0 || hasCommunities(ctx.db),
  });
}


const onRecommendForm = defineAction(recommendForm, {
  audience: 'secretary',
  async run(ctx, { m }) {
    return { card: rawCard(formView(ctx, recommendable(ctx.db, ctx.member, m))) };
  },
});

const onRecommendSubmit = defineAction(recommendSubmit, {
  audience: 'secretary',
  async run(ctx, { m }) {
    // Who may be recommended is settled before the form's community name is looked up.
    recommendable(ctx.db, ctx.member, m);
    // A typed community name wins over the dropdown and must name exactly one known community.
    const communityId = formCommunity(ctx.db, ctx.form, 'recommend.communityNotFound');
    if (communityId === undefined) throw new UserError('recommend.invalid', { problem: t('recommend.communityMissing') });
    const draft = {
      post: formText(ctx.form.post),
      communityId,
      status: formText(ctx.form.status),
    };
    const { row, member, community: place } = recordRecommendation(ctx.db, ctx.member, ctx.program, m, draft, ctx.clock.now());
    const content = t('recommend.recorded', { name: member.name, community: place.name, post: t(`recommend.post.${row.post}`), status: t(`recommend.status.${row.status}`) });
    return { toast: { type: 'success', content }, card: rawCard(recommendView(ctx)) };
  },
});

const onRecommendAppoint = defineAction(recommendAppoint, {
  audience: 'secretary',
  async run(ctx, { r }) {
    const { member } = markAppointed(ctx.db, ctx.member, r, ctx.clock.now());
    return { toast: { type: 'success', content: t('recommend.appointed', { name: member.name }) }, card: rawCard(recommendView(ctx)) };
  },
});

export const command = defineCommand({
  name: 'recommend',
  aliases: ['推荐'],
  summary: 'cmd.recommend.summary',
  summaryFor: { college_admin: 'cmd.recommend.college_admin.summary', school_admin: 'cmd.recommend.school_admin.summary' },
  example: 'cmd.recommend.example',
  audience: 'secretary',
  answer: 'private',
  args: z.object({}),
  parse: () => ({}),
  async run(ctx) {
    await ctx.reply({ card: recommendView(ctx) });
  },
});

export const actions = [onRecommendForm, onRecommendSubmit, onRecommendAppoint];
