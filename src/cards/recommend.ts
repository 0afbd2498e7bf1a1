/** Cards of recommendations for concurrent posts (兼任职务): the ranking and the record form. */
import { z } from 'zod';
import { POSTS, RECOMMENDATION_STATUSES, type Post, type RecommendationStatus } from '../db/schema/index.js';
import type { CardJson } from '../feishu/api.js';
import { t } from '../text/zh-CN.js';
import { communityPicker, card, divider, escapeMd, form, markdown, select, type Element } from './primitives.js';
import { cardAction } from './action.js';

// The card actions these cards place (src/cards/action.ts); commands bind their handlers.
/** The member a recommendation is about. */
const memberRef = z.object({ m: z.number().int().positive() });
export const recommendForm = cardAction('recommend.form', memberRef);
export const recommendAppoint = cardAction('recommend.appoint', z.object({ r: z.number().int().positive() }));
export const recommendSubmit = cardAction('recommend.submit', memberRef);

/** A candidate's inputs and points, already rounded for display. */
export interface CandidateVm {
  memberId: number;
  name: string;
  branch: string;
  score: number;
  hours: number;
  days: number;
  rating: number | null;
  feedback: number | null;
  points: { hours: number; days: number; rating: number; feedback: number };
}

/** A recorded recommendation as the /推荐 card lists it. */
export interface RecommendationVm {
  id: number;
  name: string;
  branch: string;
  post: Post;
  community: string;
  status: RecommendationStatus;
  score: number | null;
}

const rated = (x: number | null) => (x === null ? t('recommend.noRating') : x.toFixed(1));
const pct = (w: number) => `${Math.round(w * 1000) / 10}%`;

function candidateSection(c: CandidateVm, rank: number): Element[] {
  return [
    markdown(
      t('recommend.candidate', {
        rank,
        name: escapeMd(c.name),
        branch: escapeMd(c.branch),
        score: c.score.toFixed(1),
        hours: c.hours,
        days: c.days,
        rating: rated(c.rating),
        feedback: rated(c.feedback),
        pHours: c.points.hours.toFixed(1),
        pDays: c.points.days.toFixed(1),
        pRating: c.points.rating.toFixed(1),
        pFeedback: c.points.feedback.toFixed(1),
      }),
    ),
    recommendForm.button(t('recommend.record', { name: c.name }), { m: c.memberId }),
  ];
}

function recordedLine(r: RecommendationVm): Element[] {
  const line = markdown(
    t('recommend.listLine', {
      name: escapeMd(r.name),
      branch: escapeMd(r.branch),
      post: t(`recommend.post.${r.post}`),
      community: escapeMd(r.community),
      status: t(`recommend.status.${r.status}`),
      score: r.score === null ? '' : t('recommend.listScore', { score: r.score.toFixed(1) }),
    }),
  );
  return r.status === 'recommended' ? [line, recommendAppoint.button(t('recommend.appoint', { name: r.name }), { r: r.id })] : [line];
}

/** `/推荐`: the ranked candidates with their breakdown, and the recommendations recorded so far. */
export function recommendCard(vm: { scope: string; weights: Record<'hours' | 'days' | 'rating' | 'feedback', number>; candidates: CandidateVm[]; more: number; recorded: RecommendationVm[] }): CardJson {
  return card({
    title: t('recommend.title', { scope: vm.scope }),
    template: 'violet',
    elements: [
      markdown(t('recommend.weights', { hours: pct(vm.weights.hours), days: pct(vm.weights.days), rating: pct(vm.weights.rating), feedback: pct(vm.weights.feedback) })),
      markdown(t('recommend.candidatesHead')),
      ...(vm.candidates.length ? vm.candidates.flatMap((c, i) => candidateSection(c, i + 1)) : [markdown(t('recommend.noCandidates'))]),
      ...(vm.more > 0 ? [markdown(t('recommend.moreCandidates', { count: vm.more }))] : []),
      divider(),
      markdown(t('recommend.listHead')),
      ...(vm.recorded.length ? vm.recorded.flatMap(recordedLine) : [markdown(t('recommend.listEmpty'))]),
    ],
  });
}

/**
 * 记录推荐 for one member: post, community (the paired one preselected) and status. The
 * community is picked from a short dropdown (domain/communityPicker) or typed, the typed name
 * winning; `anyCommunity` false (no community known at all) gives a card that says so instead.
 */
export function recommendFormCard(vm: { candidate: CandidateVm; communities: { id: number; name: string }[]; defaultCommunityId?: number; anyCommunity?: boolean }): CardJson {
  const c = vm.candidate;
  const intro = markdown(
    t('recommend.formIntro', { name: escapeMd(c.name), branch: escapeMd(c.branch), score: c.score.toFixed(1), hours: c.hours, days: c.days, rating: rated(c.rating), feedback: rated(c.feedback) }),
  );
  if (!(vm.anyCommunity ?? vm.communities.length > 0)) return card({ title: t('recommend.formTitle', { name: c.name }), template: 'grey', elements: [intro, markdown(t('recommend.noCommunity'))] });
  return card({
    title: t('recommend.formTitle', { name: c.name }),
    template: 'violet',
    elements: [
      intro,
      form(
        'recommend',
        [
          select('post', t('recommend.fieldPost'), POSTS.map((p) => ({ value: p, label: t(`recommend.post.${p}`) })), { required: true }),
          // Not required: a typed name may stand in for it (the submit checks that one is given).
          ...communityPicker(vm.communities, vm.defaultCommunityId, {
            select: t('recommend.fieldCommunity'), name: t('recommend.fieldCommunityName'), nameOnly: t('recommend.fieldCommunityNameOnly'), placeholder: t('recommend.communityNamePlaceholder'),
          }),
          select('status', t('recommend.fieldStatus'), RECOMMENDATION_STATUSES.map((s) => ({ value: s, label: t(`recommend.status.${s}`) })), { initial: 'recommended', required: true }),
        ],
        { label: t('recommend.submit'), value: recommendSubmit.value({ m: c.memberId }) },
      ),
    ],
  });
}
