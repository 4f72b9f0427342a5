// Storage ports. The domain names what it needs; bot/storage/ implements it over Azure Table
// Storage. Every update takes the ETag that was read: a mismatch is a `conflict` result carrying
// the current version, never a silent overwrite.
import type { DevelopmentActivity } from './activity';
import type { CheckIn } from './checkins/checkIn';
import type { CheckInScheduleState } from './checkins/checkInScheduling';
import type { Goal, GoalRevision } from './goal';
import type { JournalEntry } from './journal/journalEntry';
import type { MentorPlaces } from './matching/mentorPlaces';
import type { Mentorship, PairRole } from './mentorship';
import type { Milestone } from './milestone';
import type { Person, PersonSummary, RecordedAppRoles } from './person';
import type { Program } from './program';
import type { Enrolment, EnrolmentRole } from './program/enrolment';
import type { Result, Versioned } from './result';

export interface PeopleRepository {
  get(id: string): Promise<Person | undefined>;
  list(): Promise<Person[]>;
  /** Create or replace a profile (profiles come from the directory, not from user edits). */
  save(person: Person): Promise<void>;
  /** Removes a profile: only to undo an enrolment that could not be completed. */
  remove(id: string): Promise<void>;
  /** The app roles of the person's last validated Teams SSO token (kept apart from the directory copy). */
  appRoles(id: string): Promise<RecordedAppRoles | undefined>;
  recordAppRoles(id: string, roles: RecordedAppRoles): Promise<void>;
}

export interface ProgramRepository {
  get(id: string): Promise<Versioned<Program> | undefined>;
  /** Create or replace without a version check: seeding and provisioning only. */
  save(program: Program): Promise<void>;
  /** Replace the settings if the ETag still matches; a mismatch is a `conflict` with the current version. */
  update(program: Program, etag: string): Promise<Result<Versioned<Program>>>;
  /** Every program of a tenant (a few rows). */
  listInTenant(tenantId: string): Promise<Program[]>;
}

/** How many goals, of every pair of a program, name each of its priorities (priority id to count). */
export type PriorityUsage = (program: Pick<Program, 'id' | 'tenantId'>) => Promise<Record<string, number>>;

export interface PairRef {
  pairId: string;
  role: PairRole;
}

/** Everything of one pair, read with a single partition query. */
export interface PlanRecord {
  mentorship: Versioned<Mentorship>;
  /** Display snapshot of both people, kept with the pair so a plan loads in one query. */
  members: { mentor: PersonSummary; mentee: PersonSummary };
  goals: Versioned<Goal>[];
  milestones: Versioned<Milestone>[];
  activities: Versioned<DevelopmentActivity>[];
}

export interface PlanRepository {
  /** The pairs a person belongs to, from the per-person index (never a table scan). */
  pairsOf(personId: string): Promise<PairRef[]>;
  /** The ids of a program's pairs in the program's tenant, from the program's index (never a read of every pair). */
  pairsOfProgram(program: Pick<Program, 'id' | 'tenantId'>): Promise<string[]>;
  load(pairId: string): Promise<PlanRecord | undefined>;
  /** The pair and its members alone (one point read): for use cases that need who is in it, not the plan. */
  loadPair(pairId: string): Promise<Pick<PlanRecord, 'mentorship' | 'members'> | undefined>;
  createPair(mentorship: Mentorship, members: PlanRecord['members']): Promise<Result<Versioned<Mentorship>>>;
  updateMentorship(mentorship: Mentorship, etag: string): Promise<Result<Versioned<Mentorship>>>;
  /** Writes the goal, its first history entry and its journal entry atomically. */
  createGoal(goal: Goal, revision: GoalRevision, journal?: JournalEntry): Promise<Result<Versioned<Goal>>>;
  /** Writes the goal (if the ETag matches), its history entry and its journal entry atomically. */
  updateGoal(goal: Goal, etag: string, revision: GoalRevision, journal?: JournalEntry): Promise<Result<Versioned<Goal>>>;
  goalHistory(pairId: string, goalId: string): Promise<GoalRevision[]>;
  createMilestone(pairId: string, milestone: Milestone): Promise<Result<Versioned<Milestone>>>;
  /** With a journal entry (a milestone done), both are written in one transaction. */
  updateMilestone(pairId: string, milestone: Milestone, etag: string, journal?: JournalEntry): Promise<Result<Versioned<Milestone>>>;
  deleteMilestone(pairId: string, milestoneId: string, etag: string): Promise<Result<void>>;
  createActivity(pairId: string, activity: DevelopmentActivity): Promise<Result<Versioned<DevelopmentActivity>>>;
  updateActivity(pairId: string, activity: DevelopmentActivity, etag: string): Promise<Result<Versioned<DevelopmentActivity>>>;
  deleteActivity(pairId: string, activityId: string, etag: string): Promise<Result<void>>;
}

/** Where the bot can reach a person later (proactive check-ins). Stored when the app is installed. */
export interface StoredConversation {
  /** Entra object id of the person (personal scope). */
  personId: string;
  tenantId: string;
  conversationId: string;
  serviceUrl: string;
  /** The Bot Framework conversation reference, kept as the connector sent it. */
  reference: Record<string, unknown>;
  updatedAt: string;
}

export interface ConversationRepository {
  save(conversation: StoredConversation): Promise<void>;
  get(personId: string): Promise<StoredConversation | undefined>;
}

/** A pair's check-ins, rows `checkin|{slot}` in the pair's partition of the Plans table. */
export interface CheckInRepository {
  get(pairId: string, slot: string): Promise<Versioned<CheckIn> | undefined>;
  /** Every check-in of the pair, newest slot first. */
  list(pairId: string): Promise<Versioned<CheckIn>[]>;
  /** Records that a slot's check-in went out. A second record of the same slot is a `conflict`: sent once. */
  recordSent(checkIn: CheckIn): Promise<Result<Versioned<CheckIn>>>;
  /**
   * Replaces a check-in if the ETag matches (answers, comments, missed). With a journal entry, both
   * are written in one transaction: an answer is never stored without its entry, or the reverse.
   */
  update(checkIn: CheckIn, etag: string, journal?: JournalEntry): Promise<Result<Versioned<CheckIn>>>;
}

/**
 * When each pair's next check-in is due: one schedule row per pair (in the pair's partition). Saving
 * also files the next due time in the due index the sender reads, so finding what is due never
 * scans all pairs.
 */
export interface CheckInScheduleRepository {
  get(pairId: string): Promise<Versioned<CheckInScheduleState> | undefined>;
  /**
   * Creates (no `previous`) or replaces the version read as `previous` (its ETag must still match);
   * a mismatch, or a create that finds a row, is a `conflict`.
   */
  save(
    schedule: CheckInScheduleState,
    previous: Versioned<CheckInScheduleState> | undefined,
  ): Promise<Result<Versioned<CheckInScheduleState>>>;
}

// (Lead: this import may move up with the others; appended here to keep the change additive.)
import type { FeedbackRequest, FeedbackResponse } from './feedback/feedbackRequest';

/**
 * 360 feedback of a pair, rows `feedback|{requestId}` and `feedbackresp|{requestId}|{respondentId}`
 * in the pair's partition of the Plans table. A person has one response row per request.
 */
export interface FeedbackRepository {
  /** A second create of the same request id is a `conflict`. */
  createRequest(request: FeedbackRequest): Promise<Result<Versioned<FeedbackRequest>>>;
  getRequest(pairId: string, requestId: string): Promise<Versioned<FeedbackRequest> | undefined>;
  /** Every request of the pair, in request-id order. */
  listRequests(pairId: string): Promise<Versioned<FeedbackRequest>[]>;
  /** Replaces the request (status, remindedAt) if the ETag matches; a mismatch is a `conflict` with the current version. */
  updateRequest(request: FeedbackRequest, etag: string): Promise<Result<Versioned<FeedbackRequest>>>;
  getResponse(pairId: string, requestId: string, respondentId: string): Promise<Versioned<FeedbackResponse> | undefined>;
  listResponses(pairId: string, requestId: string): Promise<Versioned<FeedbackResponse>[]>;
  /**
   * Without an ETag: creates the person's response (`conflict` if one exists). With the ETag that was
   * read: replaces it (`conflict` with the current version if it changed meanwhile).
   */
  saveResponse(pairId: string, response: FeedbackResponse, etag: string | undefined): Promise<Result<Versioned<FeedbackResponse>>>;
}

/** Who is enrolled in a program, and as what: one row per person and role, in the program's partition. */
export interface EnrolmentRepository {
  list(programId: string): Promise<Versioned<Enrolment>[]>;
  get(programId: string, personId: string, role: EnrolmentRole): Promise<Versioned<Enrolment> | undefined>;
  /** A second enrolment of the same person in the same role is a `conflict`. */
  create(enrolment: Enrolment): Promise<Result<Versioned<Enrolment>>>;
  /**
   * Enrols every one of them or none (one program): when any is already enrolled in that role, or
   * storage fails part-way, nothing of this call stays or is ever seen. Answers how many were enrolled.
   */
  createAll(enrolments: readonly Enrolment[]): Promise<Result<number>>;
  /** Removes the person's enrolment in `role`, or all of theirs; answers how many went. */
  remove(programId: string, personId: string, role?: EnrolmentRole): Promise<number>;
}

/** A mentor's places being taken right now, under one ETag, so two new pairs cannot both take the last one. */
export interface MentorPlacesRepository {
  get(mentorId: string): Promise<Versioned<MentorPlaces> | undefined>;
  /** Creates (no `etag`) or replaces the version read; a mismatch, or a create that finds a row, is a `conflict`. */
  save(places: MentorPlaces, etag: string | undefined): Promise<Result<Versioned<MentorPlaces>>>;
}
