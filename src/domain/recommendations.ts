/**
 * Recommendations for concurrent posts (兼任职务, PRODUCT.md §5): a score per member from
 * approved hours, distinct service days, mean effectiveness rating and mean community
 * feedback, weighted by the program year's settings, and the recorded recommendations with
 * post, community and status (推荐 → 已任职).
 */
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { writeTransaction, type Db } from '../db/client.js';
import {
  branches, communities, members, POSTS, RECOMMENDATION_STATUSES, recommendations, serviceLogs,
  type Community, type Member, type Post, type ProgramYear, type Recommendation, type RecommendationStatus, type ScoreSnapshot,
} from '../db/schema/index.js';
import { issueMessage, messageKey as k, UserError } from './errors.js';
import { audit } from './members.js';
import { managesUnit } from './projects.js';

/** The inputs of the recommendation score, in display order. */
const SCORE_PARTS = ['hours', 'days', 'rating', 'feedback'] as const;
type ScorePart = (typeof SCORE_PARTS)[number];
type Weights = Record<ScorePart, number>;

/** Used when the program year sets no weights (PRODUCT.md §5 "weights configurable"). */
const DEFAULT_WEIGHTS: Weights = { hours: 0.4, days: 0.3, rating: 0.2, feedback: 0.1 };

const weightsSetting = z.object({ hours: z.number().min(0), days: z.number().min(0), rating: z.number().min(0), feedback: z.number().min(0) }).partial();

/**
 * The program year's weights, scaled to sum to 1 so a score stays out of 100 however the
 * admin wrote them (0.4/0.3/… or 4/3/…). A missing part takes its default; a setting that
 * does not parse, or weighs nothing, falls back to the defaults as a whole.
 */
export function weightsOf(program: Pick<ProgramYear, 'scoreWeights'>): Weights {
  const parsed = weightsSetting.safeParse(program.scoreWeights ?? {});
  const raw: Weights = parsed.success ? { ...DEFAULT_WEIGHTS, ...parsed.data } : DEFAULT_WEIGHTS;
  const sum = SCORE_PARTS.reduce((s, k) => s + raw[k], 0);
  if (sum <= 0) return DEFAULT_WEIGHTS;
  return Object.fromEntries(SCORE_PARTS.map((k) => [k, raw[k] / sum])) as Weights;
}

/** One member's place in a ranking, with the inputs and the points each gave. */
export interface ScoredMember {
  memberId: number;
  name: string;
  branchName: string | null;
  hours: number;
  days: number;
  /** Mean effectiveness rating of approved logs that have one; null when none does. */
  rating: number | null;
  /** Mean community rating (群众反映); null when no log was rated by the community. */
  feedback: number | null;
  /** Each part's points out of 100 (weight × normalised input). */
  points: Record<ScorePart, number>;
  score: number;
}

/** Whose members a ranking covers. */
type Scope = { branchId: number } | { collegeId: number } | { all: true };

/** Rounds to one decimal, as scores are shown and stored in snapshots. */
export const round1 = (x: number): number => Math.round(x * 10) / 10;

/**
 * Members of the scope with at least one approved log this year, best first. Hours and days
 * are normalised by the highest in the scope, ratings by their 5-point scale; a missing
 * rating counts 0. Ties go to more hours, then the roster order.
 */
export function ranking(db: Db, scope: Scope, program: Pick<ProgramYear, 'id' | 'scoreWeights'>): ScoredMember[] {
  const inScope = 'branchId' in scope ? eq(members.branchId, scope.branchId) : 'collegeId' in scope ? eq(members.collegeId, scope.collegeId) : undefined;
  const rows = db
    .select({
      memberId: members.id,
      name: members.name,
      branchName: branches.name,
      half: sql<number>`sum(${serviceLogs.halfHours})`,
      days: sql<number>`count(distinct ${serviceLogs.serviceDate})`,
      rating: sql<number | null>`avg(${serviceLogs.rating})`,
      feedback: sql<number | null>`avg(${serviceLogs.communityRating})`,
    })
    .from(serviceLogs)
    .innerJoin(members, eq(members.id, serviceLogs.memberId))
    .leftJoin(branches, eq(branches.id, members.branchId))
    .where(and(eq(serviceLogs.programYearId, program.id), eq(serviceLogs.status, 'approved'), inArray(members.role, ['student', 'secretary']), inScope))
    .groupBy(members.id)
    .orderBy(asc(members.studentNo))
    .all();
  const w = weightsOf(program);
  const maxHours = Math.max(0, ...rows.map((r) => r.half / 2));
  const maxDays = Math.max(0, ...rows.map((r) => r.days));
  const scored = rows.map((r) => {
    const hours = r.half / 2;
    const normalised: Record<ScorePart, number> = {
      hours: maxHours ? hours / maxHours : 0,
      days: maxDays ? r.days / maxDays : 0,
      rating: (r.rating ?? 0) / 5,
      feedback: (r.feedback ?? 0) / 5,
    };
    const points = Object.fromEntries(SCORE_PARTS.map((k) => [k, 100 * w[k] * normalised[k]])) as Record<ScorePart, number>;
    const score = SCORE_PARTS.reduce((s, k) => s + points[k], 0);
    return { memberId: r.memberId, name: r.name, branchName: r.branchName, hours, days: r.days, rating: r.rating, feedback: r.feedback, points, score };
  });
  return scored.sort((a, b) => b.score - a.score || b.hours - a.hours);
}

/** The scope a member's ranking is shown in: the branch to its secretary, the college above that. */
export function scopeFor(actor: Member): Scope {
  if (actor.role === 'school_admin') return { all: true };
  if (actor.role === 'college_admin') return { collegeId: actor.collegeId ?? -1 };
  return { branchId: actor.branchId ?? -1 };
}

/** The one validation of the record form (post, community, status). */
const recommendationDraft = z.object({
  post: z.enum(POSTS, { error: k('recommend.badPost') }),
  communityId: z.number({ error: k('recommend.badCommunity') }).int().positive(k('recommend.badCommunity')),
  status: z.enum(RECOMMENDATION_STATUSES, { error: k('recommend.badStatus') }),
});

/** The member `actor` may recommend (of their branch, or college), else a UserError. */
export function recommendable(db: Db, actor: Member, memberId: number): Member {
  const member = db.select().from(members).where(eq(members.id, memberId)).get();
  if (!member) throw new UserError('recommend.memberNotFound');
  if (!managesUnit(actor, member)) throw new UserError('recommend.forbidden');
  if (member.id === actor.id) throw new UserError('recommend.notSelf');
  return member;
}

/** The member's entry in the ranking the actor sees (zeros if they have no approved log). */
export function scoreOf(db: Db, actor: Member, member: Member, program: ProgramYear): ScoredMember {
  const scope: Scope = actor.role === 'secretary' ? { branchId: member.branchId ?? -1 } : { collegeId: member.collegeId ?? -1 };
  const found = ranking(db, scope, program).find((s) => s.memberId === member.id);
  return found ?? { memberId: member.id, name: member.name, branchName: null, hours: 0, days: 0, rating: null, feedback: null, points: { hours: 0, days: 0, rating: 0, feedback: 0 }, score: 0 };
}

/**
 * Records a recommendation with the score breakdown as it stands, so it stays explainable
 * after logs or weights change. The same member, post and community twice in a year is refused.
 */
export function recordRecommendation(
  db: Db, actor: Member, program: ProgramYear, memberId: number, input: unknown, now: number,
): { row: Recommendation; member: Member; community: Community } {
  const member = recommendable(db, actor, memberId);
  const parsed = recommendationDraft.safeParse(input);
  if (!parsed.success) throw new UserError('recommend.invalid', { problem: issueMessage(parsed.error.issues[0]) });
  const d = parsed.data;
  const community = db.select().from(communities).where(eq(communities.id, d.communityId)).get();
  if (!community) throw new UserError('recommend.invalid', { problem: { key: 'recommend.badCommunity' } });
  const s = scoreOf(db, actor, member, program);
  const snapshot: ScoreSnapshot = {
    score: round1(s.score),
    parts: { hours: s.hours, days: s.days, rating: s.rating === null ? null : round1(s.rating), feedback: s.feedback === null ? null : round1(s.feedback) },
    weights: weightsOf(program),
  };
  return writeTransaction(db, (tx) => {
    const same = tx
      .select()
      .from(recommendations)
      .where(and(eq(recommendations.programYearId, program.id), eq(recommendations.memberId, member.id), eq(recommendations.post, d.post), eq(recommendations.communityId, d.communityId)))
      .get();
    if (same) {
      throw new UserError('recommend.duplicate', { name: member.name, community: community.name, post: { key: `recommend.post.${d.post}` }, status: { key: `recommend.status.${same.status}` } });
    }
    const row = tx
      .insert(recommendations)
      .values({ memberId: member.id, communityId: d.communityId, post: d.post, status: d.status, scoreSnapshot: snapshot, recommendedByMemberId: actor.id, programYearId: program.id, createdAt: now })
      .returning()
      .get();
    audit(tx, { at: now, actorMemberId: actor.id, action: 'recommendation.create', subject: `recommendation:${row.id}`, detail: { status: d.status } });
    return { row, member, community };
  });
}

/** Marks a recommendation 已任职 (only from 推荐), re-checking the actor against the member's unit. */
export function markAppointed(db: Db, actor: Member, recommendationId: number, now: number): { row: Recommendation; member: Member } {
  return writeTransaction(db, (tx) => {
    const rec = tx.select().from(recommendations).where(eq(recommendations.id, recommendationId)).get();
    if (!rec) throw new UserError('recommend.notFound');
    const member = tx.select().from(members).where(eq(members.id, rec.memberId)).get()!;
    if (!managesUnit(actor, member)) throw new UserError('recommend.forbidden');
    if (rec.status === 'appointed') throw new UserError('recommend.alreadyAppointed', { name: member.name });
    const row = tx.update(recommendations).set({ status: 'appointed', updatedAt: now }).where(eq(recommendations.id, rec.id)).returning().get();
    audit(tx, { at: now, actorMemberId: actor.id, action: 'recommendation.appoint', subject: `recommendation:${rec.id}` });
    return { row, member };
  });
}

/** A recorded recommendation as the /推荐 list shows it. */
interface RecommendationLine {
  id: number;
  name: string;
  branchName: string | null;
  post: Post;
  communityName: string;
  status: RecommendationStatus;
  score: number | null;
}

/** The recorded recommendations of the actor's scope this year, newest first. */
export function recommendationsFor(db: Db, actor: Member, programYearId: number, limit = 30): RecommendationLine[] {
  const scope = scopeFor(actor);
  const inScope = 'branchId' in scope ? eq(members.branchId, scope.branchId) : 'collegeId' in scope ? eq(members.collegeId, scope.collegeId) : undefined;
  return db
    .select({ r: recommendations, name: members.name, branchName: branches.name, communityName: communities.name })
    .from(recommendations)
    .innerJoin(members, eq(members.id, recommendations.memberId))
    .innerJoin(communities, eq(communities.id, recommendations.communityId))
    .leftJoin(branches, eq(branches.id, members.branchId))
    .where(and(eq(recommendations.programYearId, programYearId), inScope))
    .orderBy(desc(recommendations.createdAt), desc(recommendations.id))
    .limit(limit)
    .all()
    .map(({ r, name, branchName, communityName }) => ({ id: r.id, name, branchName, post: r.post, communityName, status: r.status, score: r.scoreSnapshot?.score ?? null }));
}
