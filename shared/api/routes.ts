// The route table: every route of the tab's API, named. The server serves exactly these
// (bot/api/http.ts `serve`), each route module supplying only a handler by name; the tab calls them
// with `call(api, routes.x, input)` (tab/api/call.ts). A new route is one entry here plus its handler.
import type { DevelopmentActivity } from '../activity';
import {
  activityCreateInput,
  activityParams,
  activityPatchInput,
  agreementInput,
  checkInCommentInput,
  checkInParams,
  feedbackRequestParams,
  goalCreateInput,
  goalParams,
  goalPatchInput,
  milestoneCreateInput,
  milestoneParams,
  milestonePatchInput,
  eraseMeQuery,
  noParams,
  pairParams,
  paths,
  peopleQuery,
  programParams,
  winConsentInput,
  winParams,
  type AskedFeedbackAnswered,
  type AskedFeedbackListView,
  type CheckInHistoryView,
  type FeedbackRequestCreated,
  type FeedbackRequestListView,
  type FeedbackResults,
  type GoalHistoryView,
  type MeView,
  type PeopleView,
  type PlanView,
  type WinListView,
} from '../api';
import type { MentorComment } from '../checkins/checkIn';
import { feedbackAnswer, feedbackRequestInput } from '../feedback/feedbackRequest';
import type { Goal } from '../goal';
import type { Mentorship } from '../mentorship';
import type { Milestone } from '../milestone';
import { programSettingsInput, type Program } from '../program';
import type { ManagedProgram } from '../program/programService';
import { winInput, type Win } from '../recognition/win';
import type { DataExport, ErasureReport } from '../privacy/dataRights';
import type { Versioned } from '../result';
import { answers, type RouteSpec } from './route';
import { checkpointParams } from '../api';
import { checkpointDraftInput, checkpointSharingInput, type Checkpoint } from '../checkpoints/checkpoint';
import type { CheckpointListView, CheckpointView } from '../checkpoints/checkpointService';
import {
  entrySharingInput,
  journalEntryParams,
  journalQuery,
  noteCreateInput,
  notePatchInput,
  trailParams,
  type JournalEntryView,
  type JournalPageView,
  type TrailView,
} from '../journal/journalApi';
import { matchingParams, pairCreateInput, strengthsInput, type MatchingView, type StrengthsView } from '../matching/matchingApi';
import { surveyAnswers } from '../survey/survey';
import type { SurveyAnswered, SurveyResultsView, SurveyView } from '../survey/surveyService';
import { renewalInput } from '../renewal/renewal';
import { programRequestParams, repairRequestInput, type ProgramRequestsView, type RepairRequestAnswer } from '../matching/programRequests';
import type { RenewalView } from '../renewal/renewalService';
import {
  cohortImportInput,
  cohortImportQuery,
  enrolmentInput,
  enrolmentParams,
  enrolmentRemoveQuery,
  type CohortImportView,
  type Enrolment,
  type EnrolmentListView,
} from '../program/enrolment';
import { healthQuery } from '../health/healthApi';
import type { ProgramHealthView } from '../health/healthView';

export const routes = {
  getMe: { method: 'GET', path: paths.me, params: noParams, response: answers<MeView>() },
  getDevPeople: { method: 'GET', path: paths.devPeople, params: noParams, anonymous: true, response: answers<PeopleView>() },

  // ---- the plan ----
  getPlan: { method: 'GET', path: paths.plan, params: pairParams, response: answers<PlanView>() },
  updateAgreement: {
    method: 'PUT',
    path: paths.agreement,
    params: pairParams,
    body: agreementInput,
    ifMatch: true,
    response: answers<Versioned<Mentorship>>(),
  },
  acceptAgreement: {
    method: 'POST',
    path: paths.agreementAccept,
    params: pairParams,
    ifMatch: true,
    response: answers<Versioned<Mentorship>>(),
  },
  createGoal: {
    method: 'POST',
    path: paths.goals,
    params: pairParams,
    body: goalCreateInput,
    status: 201,
    response: answers<Versioned<Goal>>(),
  },
  updateGoal: {
    method: 'PATCH',
    path: paths.goal,
    params: goalParams,
    body: goalPatchInput,
    ifMatch: true,
    response: answers<Versioned<Goal>>(),
  },
  getGoalHistory: { method: 'GET', path: paths.goalHistory, params: goalParams, response: answers<GoalHistoryView>() },
  createMilestone: {
    method: 'POST',
    path: paths.milestones,
    params: goalParams,
    body: milestoneCreateInput,
    status: 201,
    response: answers<Versioned<Milestone>>(),
  },
  updateMilestone: {
    method: 'PATCH',
    path: paths.milestone,
    params: milestoneParams,
    body: milestonePatchInput,
    ifMatch: true,
    response: answers<Versioned<Milestone>>(),
  },
  deleteMilestone: {
    method: 'DELETE',
    path: paths.milestone,
    params: milestoneParams,
    ifMatch: true,
    status: 204,
    response: answers<void>(),
  },
  createActivity: {
    method: 'POST',
    path: paths.activities,
    params: goalParams,
    body: activityCreateInput,
    status: 201,
    response: answers<Versioned<DevelopmentActivity>>(),
  },
  updateActivity: {
    method: 'PATCH',
    path: paths.activity,
    params: activityParams,
    body: activityPatchInput,
    ifMatch: true,
    response: answers<Versioned<DevelopmentActivity>>(),
  },
  deleteActivity: { method: 'DELETE', path: paths.activity, params: activityParams, ifMatch: true, status: 204, response: answers<void>() },

  // ---- program settings, for program managers ----
  getProgramSettings: { method: 'GET', path: paths.programSettings, params: programParams, response: answers<Versioned<Program>>() },
  updateProgramSettings: {
    method: 'PUT',
    path: paths.programSettings,
    params: programParams,
    body: programSettingsInput,
    ifMatch: true,
    response: answers<Versioned<Program>>(),
  },
  getMyPrograms: { method: 'GET', path: paths.myPrograms, params: noParams, response: answers<{ programs: ManagedProgram[] }>() },

  // ---- check-ins ----
  getCheckIns: { method: 'GET', path: paths.checkIns, params: pairParams, response: answers<CheckInHistoryView>() },
  commentOnCheckIn: {
    method: 'POST',
    path: paths.checkInComments,
    params: checkInParams,
    body: checkInCommentInput,
    status: 201,
    response: answers<MentorComment>(),
  },

  // ---- 360 feedback ----
  searchPeople: { method: 'GET', path: paths.people, params: noParams, query: peopleQuery, response: answers<PeopleView>() },
  getFeedbackRequests: { method: 'GET', path: paths.feedbackRequests, params: pairParams, response: answers<FeedbackRequestListView>() },
  createFeedbackRequest: {
    method: 'POST',
    path: paths.feedbackRequests,
    params: pairParams,
    body: feedbackRequestInput,
    status: 201,
    response: answers<FeedbackRequestCreated>(),
  },
  getFeedbackResults: { method: 'GET', path: paths.feedbackResults, params: feedbackRequestParams, response: answers<FeedbackResults>() },
  /** The requests that name the caller, whoever they are: being asked needs no pair. */
  getAskedFeedback: { method: 'GET', path: paths.myFeedbackRequests, params: noParams, response: answers<AskedFeedbackListView>() },
  answerAskedFeedback: {
    method: 'PUT',
    path: paths.myFeedbackAnswer,
    params: feedbackRequestParams,
    body: feedbackAnswer,
    response: answers<AskedFeedbackAnswered>(),
  },

  // ---- wins ----
  getWins: { method: 'GET', path: paths.wins, params: pairParams, response: answers<WinListView>() },
  createWin: { method: 'POST', path: paths.wins, params: pairParams, body: winInput, status: 201, response: answers<Versioned<Win>>() },
  setWinConsent: {
    method: 'PATCH',
    path: paths.win,
    params: winParams,
    body: winConsentInput,
    ifMatch: true,
    response: answers<Versioned<Win>>(),
  },

  // ---- checkpoints and the scorecard over time ----
  getCheckpoints: { method: 'GET', path: paths.checkpoints, params: pairParams, response: answers<CheckpointListView>() },
  getCheckpoint: { method: 'GET', path: paths.checkpoint, params: checkpointParams, response: answers<CheckpointView>() },
  startCheckpoint: {
    method: 'POST',
    path: paths.checkpoint,
    params: checkpointParams,
    status: 201,
    response: answers<Versioned<Checkpoint>>(),
  },
  saveCheckpointDraft: {
    method: 'PUT',
    path: paths.checkpoint,
    params: checkpointParams,
    body: checkpointDraftInput,
    ifMatch: true,
    response: answers<Versioned<Checkpoint>>(),
  },
  signOffCheckpoint: {
    method: 'POST',
    path: paths.checkpointSignOff,
    params: checkpointParams,
    ifMatch: true,
    response: answers<Versioned<Checkpoint>>(),
  },
  correctCheckpoint: {
    method: 'POST',
    path: paths.checkpointCorrections,
    params: checkpointParams,
    ifMatch: true,
    status: 201,
    response: answers<Versioned<Checkpoint>>(),
  },
  setCheckpointSharing: {
    method: 'PATCH',
    path: paths.checkpointSharing,
    params: checkpointParams,
    body: checkpointSharingInput,
    ifMatch: true,
    response: answers<Versioned<Checkpoint>>(),
  },
  // ---- your data (capability 14) ----
  exportMyData: {
    method: 'GET',
    path: paths.myDataExport,
    params: noParams,
    download: 'mentoring-my-data.json',
    response: answers<DataExport>(),
  },
  eraseMe: { method: 'DELETE', path: paths.me, params: noParams, query: eraseMeQuery, response: answers<ErasureReport>() },
  // ---- the journal, and the program's leadership trail ----
  getJournal: { method: 'GET', path: paths.journal, params: pairParams, query: journalQuery, response: answers<JournalPageView>() },
  createNote: {
    method: 'POST',
    path: paths.journal,
    params: pairParams,
    body: noteCreateInput,
    status: 201,
    response: answers<JournalEntryView>(),
  },
  updateNote: {
    method: 'PATCH',
    path: paths.journalEntry,
    params: journalEntryParams,
    body: notePatchInput,
    ifMatch: true,
    response: answers<JournalEntryView>(),
  },
  deleteNote: {
    method: 'DELETE',
    path: paths.journalEntry,
    params: journalEntryParams,
    ifMatch: true,
    status: 204,
    response: answers<void>(),
  },
  setEntrySharing: {
    method: 'PUT',
    path: paths.journalSharing,
    params: journalEntryParams,
    body: entrySharingInput,
    ifMatch: true,
    response: answers<JournalEntryView>(),
  },
  getTrail: { method: 'GET', path: paths.trail, params: trailParams, response: answers<TrailView>() },
  // ---- matching: strengths, suggested mentors, new pairs ----
  getMyStrengths: { method: 'GET', path: paths.myStrengths, params: noParams, response: answers<StrengthsView>() },
  setMyStrengths: { method: 'PUT', path: paths.myStrengths, params: noParams, body: strengthsInput, response: answers<StrengthsView>() },
  getMatching: { method: 'GET', path: paths.matching, params: matchingParams, response: answers<MatchingView>() },
  createPair: {
    method: 'POST',
    path: paths.programPairs,
    params: programParams,
    body: pairCreateInput,
    status: 201,
    response: answers<Versioned<Mentorship>>(),
  },
  // ---- enrolment: who takes part, one by one or a cohort file ----
  listEnrolments: { method: 'GET', path: paths.enrolments, params: programParams, response: answers<EnrolmentListView>() },
  enrol: {
    method: 'POST',
    path: paths.enrolments,
    params: programParams,
    body: enrolmentInput,
    status: 201,
    response: answers<Versioned<Enrolment>>(),
  },
  removeEnrolment: {
    method: 'DELETE',
    path: paths.enrolment,
    params: enrolmentParams,
    query: enrolmentRemoveQuery,
    status: 204,
    response: answers<void>(),
  },
  importCohort: {
    method: 'POST',
    path: paths.enrolmentImport,
    params: programParams,
    query: cohortImportQuery,
    body: cohortImportInput,
    response: answers<CohortImportView>(),
  },
  getCohortTemplate: {
    method: 'GET',
    path: paths.enrolmentTemplate,
    params: programParams,
    download: 'cohort-template.csv',
    text: 'text/csv',
    response: answers<string>(),
  },
  // ---- the program survey ----
  getSurvey: { method: 'GET', path: paths.survey, params: programParams, response: answers<SurveyView>() },
  answerSurvey: {
    method: 'PUT',
    path: paths.surveyAnswers,
    params: programParams,
    body: surveyAnswers,
    response: answers<SurveyAnswered>(),
  },
  getSurveyResults: { method: 'GET', path: paths.surveyResults, params: programParams, response: answers<SurveyResultsView>() },
  // ---- program health, for the program's managers ----
  getProgramHealth: {
    method: 'GET',
    path: paths.programHealth,
    params: programParams,
    query: healthQuery,
    response: answers<ProgramHealthView>(),
  },
  exportProgramHealth: {
    method: 'GET',
    path: paths.programHealthCsv,
    params: programParams,
    query: healthQuery,
    download: 'program-health.csv',
    text: 'text/csv',
    response: answers<string>(),
  },
  // ---- renewal at the end of the cycle ----
  getRenewal: { method: 'GET', path: paths.renewal, params: pairParams, response: answers<RenewalView>() },
  decideRenewal: {
    method: 'PUT',
    path: paths.renewal,
    params: pairParams,
    body: renewalInput,
    ifMatch: true,
    response: answers<RenewalView>(),
  },
  // ---- re-pair requests and mentor candidates ----
  askRepair: {
    method: 'POST',
    path: paths.repairRequest,
    params: pairParams,
    body: repairRequestInput,
    status: 201,
    response: answers<RepairRequestAnswer>(),
  },
  getProgramRequests: { method: 'GET', path: paths.programRequests, params: programParams, response: answers<ProgramRequestsView>() },
  markRequestHandled: {
    method: 'POST',
    path: paths.programRequestHandled,
    params: programRequestParams,
    response: answers<ProgramRequestsView>(),
  },
} as const satisfies Record<string, RouteSpec>;

export type Routes = typeof routes;
export type RouteName = keyof Routes;
