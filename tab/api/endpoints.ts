// Typed calls for each route of the contract in shared/api.ts.
import {
  pathFor,
  paths,
  type ActivityCreateInput,
  type ActivityPatchInput,
  type CheckInHistoryView,
  type FeedbackRequestCreated,
  type FeedbackRequestInput,
  type FeedbackRequestListView,
  type PeopleView,
  type GoalCreateInput,
  type GoalHistoryView,
  type GoalPatchInput,
  type MeView,
  type MilestoneCreateInput,
  type MilestonePatchInput,
  type PlanView,
  type Versioned,
} from '../../shared/api';
import type { DevelopmentActivity } from '../../shared/activity';
import type { Goal } from '../../shared/goal';
import type { Mentorship } from '../../shared/mentorship';
import type { Milestone } from '../../shared/milestone';
import type { PersonSummary } from '../../shared/person';
import type { WinConsentInput, WinListView } from '../../shared/api';
import type { AskedFeedbackAnswered, AskedFeedbackListView, CheckInCommentInput } from '../../shared/api';
import type { MentorComment } from '../../shared/checkins/checkIn';
import type { FeedbackAnswer } from '../../shared/feedback/feedbackRequest';
import type { Win, WinInput } from '../../shared/recognition/win';
import type { ApiClient } from './client';

export interface GoalRef {
  pairId: string;
  goalId: string;
}

export const getMe = (api: ApiClient) => api.request<MeView>('GET', paths.me);

export const getDevPeople = (api: ApiClient) =>
  api.request<{ people: PersonSummary[] }>('GET', paths.devPeople, { anonymous: true }).then((r) => r.people);

export const getPlan = (api: ApiClient, pairId: string) => api.request<PlanView>('GET', pathFor(paths.plan, { pairId }));

export const acceptAgreement = (api: ApiClient, pairId: string, etag: string) =>
  api.request<Versioned<Mentorship>>('POST', pathFor(paths.agreementAccept, { pairId }), { etag });

export const createGoal = (api: ApiClient, pairId: string, body: GoalCreateInput) =>
  api.request<Versioned<Goal>>('POST', pathFor(paths.goals, { pairId }), { body });

export const updateGoal = (api: ApiClient, ref: GoalRef, etag: string, body: GoalPatchInput) =>
  api.request<Versioned<Goal>>('PATCH', pathFor(paths.goal, { ...ref }), { body, etag });

export const getCheckIns = (api: ApiClient, pairId: string) => api.request<CheckInHistoryView>('GET', pathFor(paths.checkIns, { pairId }));

export const getGoalHistory = (api: ApiClient, ref: GoalRef) =>
  api.request<GoalHistoryView>('GET', pathFor(paths.goalHistory, { ...ref }));

export const createMilestone = (api: ApiClient, ref: GoalRef, body: MilestoneCreateInput) =>
  api.request<Versioned<Milestone>>('POST', pathFor(paths.milestones, { ...ref }), { body });

export const updateMilestone = (api: ApiClient, ref: GoalRef, milestoneId: string, etag: string, body: MilestonePatchInput) =>
  api.request<Versioned<Milestone>>('PATCH', pathFor(paths.milestone, { ...ref, milestoneId }), { body, etag });

export const deleteMilestone = (api: ApiClient, ref: GoalRef, milestoneId: string, etag: string) =>
  api.request<void>('DELETE', pathFor(paths.milestone, { ...ref, milestoneId }), { etag });

export const createActivity = (api: ApiClient, ref: GoalRef, body: ActivityCreateInput) =>
  api.request<Versioned<DevelopmentActivity>>('POST', pathFor(paths.activities, { ...ref }), { body });

export const updateActivity = (api: ApiClient, ref: GoalRef, activityId: string, etag: string, body: ActivityPatchInput) =>
  api.request<Versioned<DevelopmentActivity>>('PATCH', pathFor(paths.activity, { ...ref, activityId }), { body, etag });

export const deleteActivity = (api: ApiClient, ref: GoalRef, activityId: string, etag: string) =>
  api.request<void>('DELETE', pathFor(paths.activity, { ...ref, activityId }), { etag });

// ---- 360 feedback ----

export const searchPeople = (api: ApiClient, search: string) =>
  api.request<PeopleView>('GET', `${paths.people}?${new URLSearchParams({ search })}`).then((r) => r.people);

export const getFeedbackRequests = (api: ApiClient, pairId: string) =>
  api.request<FeedbackRequestListView>('GET', pathFor(paths.feedbackRequests, { pairId }));

export const createFeedbackRequest = (api: ApiClient, pairId: string, body: FeedbackRequestInput) =>
  api.request<FeedbackRequestCreated>('POST', pathFor(paths.feedbackRequests, { pairId }), { body });

export const getAskedFeedback = (api: ApiClient) => api.request<AskedFeedbackListView>('GET', paths.myFeedbackRequests);

export const answerAskedFeedback = (api: ApiClient, ref: { pairId: string; requestId: string }, body: FeedbackAnswer) =>
  api.request<AskedFeedbackAnswered>('PUT', pathFor(paths.myFeedbackAnswer, { ...ref }), { body });

export const commentOnCheckIn = (api: ApiClient, pairId: string, slot: string, body: CheckInCommentInput) =>
  api.request<MentorComment>('POST', pathFor(paths.checkInComments, { pairId, slot }), { body });

// ---- wins ----

export const getWins = (api: ApiClient, pairId: string) => api.request<WinListView>('GET', pathFor(paths.wins, { pairId }));

export const createWin = (api: ApiClient, pairId: string, body: WinInput) =>
  api.request<Versioned<Win>>('POST', pathFor(paths.wins, { pairId }), { body });

export const setWinConsent = (api: ApiClient, pairId: string, winId: string, etag: string, body: WinConsentInput) =>
  api.request<Versioned<Win>>('PATCH', pathFor(paths.win, { pairId, winId }), { body, etag });
