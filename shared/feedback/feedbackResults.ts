// What the mentee and mentor see of a 360 request. Anonymous results appear only in aggregate and
// only once enough people answered; comments are then listed apart from each other and sorted by
// text, so neither names nor the order of answers reveal who wrote what.
import { ANONYMITY_THRESHOLD, type FeedbackRelation, type FeedbackRequest, type FeedbackResponse } from './feedbackRequest';

/** How often each rating was given: index 0 counts the 1s ... index 4 counts the 5s. */
export type RatingDistribution = [number, number, number, number, number];

export interface BehaviorSummary {
  behavior: string;
  /** Mean rating, rounded to two decimals; undefined when nobody rated it. */
  average: number | undefined;
  ratings: number;
  distribution: RatingDistribution;
}

export interface FeedbackComment {
  text: string;
  /** Who wrote it; absent in anonymous results. */
  by?: { displayName: string; relation: FeedbackRelation };
}

interface ResultsBase {
  requestId: string;
  goalId: string;
  anonymous: boolean;
  status: FeedbackRequest['status'];
  closesOn: string;
  respondentCount: number;
  responseCount: number;
  /** responses / respondents, 0..1. */
  responseRate: number;
}

export type FeedbackResults =
  | (ResultsBase & {
      visibility: 'hidden';
      /** Responses needed before anonymous results show. */
      required: number;
      message: string;
    })
  | (ResultsBase & {
      visibility: 'shown';
      behaviors: BehaviorSummary[];
      examples: FeedbackComment[];
      suggestions: FeedbackComment[];
    });

const round2 = (n: number) => Math.round(n * 100) / 100;
const byText = (a: FeedbackComment, b: FeedbackComment) => a.text.localeCompare(b.text);

export function summarizeBehavior(behavior: string, responses: readonly Pick<FeedbackResponse, 'ratings'>[]): BehaviorSummary {
  const distribution: RatingDistribution = [0, 0, 0, 0, 0];
  let sum = 0;
  let count = 0;
  for (const r of responses) {
    const rating = r.ratings[behavior];
    if (rating === undefined || rating < 1 || rating > 5) continue;
    distribution[rating - 1] = (distribution[rating - 1] ?? 0) + 1;
    sum += rating;
    count += 1;
  }
  return { behavior, average: count ? round2(sum / count) : undefined, ratings: count, distribution };
}

export function feedbackResults(request: FeedbackRequest, allResponses: readonly FeedbackResponse[]): FeedbackResults {
  const respondents = new Map(request.respondents.map((r) => [r.personId, r]));
  // Only people the request names count (an answer from someone removed would skew the numbers).
  const responses = allResponses.filter((r) => r.requestId === request.id && respondents.has(r.respondentId));
  const base: ResultsBase = {
    requestId: request.id,
    goalId: request.goalId,
    anonymous: request.anonymous,
    status: request.status,
    closesOn: request.closesOn,
    respondentCount: request.respondents.length,
    responseCount: responses.length,
    responseRate: request.respondents.length ? round2(responses.length / request.respondents.length) : 0,
  };
  if (request.anonymous && responses.length < ANONYMITY_THRESHOLD) {
    return {
      ...base,
      visibility: 'hidden',
      required: ANONYMITY_THRESHOLD,
      message: `Anonymous results stay hidden until ${ANONYMITY_THRESHOLD} people have answered: ${responses.length} of ${ANONYMITY_THRESHOLD} so far.`,
    };
  }
  const behaviors = request.behaviors.map((b) => summarizeBehavior(b, responses));
  const comment = (text: string, respondentId: string): FeedbackComment => {
    if (request.anonymous) return { text };
    const who = respondents.get(respondentId)!;
    return { text, by: { displayName: who.displayName, relation: who.relation } };
  };
  const ordered = request.anonymous
    ? (list: FeedbackComment[]) => list.sort(byText)
    : (list: FeedbackComment[]) => list.sort((a, b) => (a.by?.displayName ?? '').localeCompare(b.by?.displayName ?? '') || byText(a, b));
  return {
    ...base,
    visibility: 'shown',
    behaviors,
    examples: ordered(responses.map((r) => comment(r.example, r.respondentId))),
    suggestions: ordered(responses.map((r) => comment(r.suggestion, r.respondentId))),
  };
}

/**
 * The scorecard's stakeholder-satisfaction value: the mean of every rating given, 1..5. Undefined
 * while results are hidden or nobody rated anything.
 */
export function stakeholderSatisfaction(results: FeedbackResults): number | undefined {
  return overallSatisfaction([results]);
}

/** Stakeholder satisfaction over several requests: every rating shown counts once. */
export function overallSatisfaction(all: readonly FeedbackResults[]): number | undefined {
  let sum = 0;
  let count = 0;
  for (const results of all) {
    if (results.visibility === 'hidden') continue;
    for (const b of results.behaviors) {
      b.distribution.forEach((n, i) => {
        sum += n * (i + 1);
        count += n;
      });
    }
  }
  return count ? round2(sum / count) : undefined;
}
