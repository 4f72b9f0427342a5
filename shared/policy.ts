// Who may do what. Every use case asks here; API routes and bot actions never decide on their own.
import type { Mentorship, PairRole } from './mentorship';
import { roleIn } from './mentorship';
import { fail, ok, type Result } from './result';

/** The caller, as established by authentication (Teams SSO token, or the development identity). */
export interface Actor {
  /** Entra object id: the token's `oid`, the bot's `from.aadObjectId`. */
  id: string;
  /** Entra tenant id (`tid`); absent only for the development identity. */
  tenantId?: string;
  /** The person's time zone (from their profile; UTC when unknown): what "today" means to them. */
  timeZone: string;
  /** Entra app roles from the token (`roles` claim), e.g. `ProgramManager`. */
  appRoles: readonly string[];
}

/** The Entra app role that makes someone a program manager in every program of the tenant. */
export const PROGRAM_MANAGER_ROLE = 'ProgramManager';

export type PlanAction = 'view' | 'edit_plan' | 'edit_agreement' | 'accept_agreement';

/**
 * A pair's plan belongs to its mentor and mentee: both read it and co-create it. Anyone else is
 * answered `not_found`, so that a pair's existence does not leak. An ended pair is read-only.
 */
export function authorizePlan(actor: Actor, pair: Pick<Mentorship, 'mentorId' | 'menteeId' | 'status'>, action: PlanAction): Result<PairRole> {
  const role = roleIn(pair, actor.id);
  if (!role) return fail('not_found', 'There is no such mentoring plan, or it is not shared with you.');
  if (pair.status === 'ended' && action !== 'view') return fail('forbidden', 'This mentorship has ended; its plan is read-only.');
  return ok(role);
}

/** Program managers: the Entra app role, or being named in the program's manager list. */
export function isProgramManager(actor: Actor, program: { managerIds: readonly string[] }): boolean {
  return actor.appRoles.includes(PROGRAM_MANAGER_ROLE) || program.managerIds.includes(actor.id);
}

export type ProgramAction = 'view_settings' | 'edit_settings' | 'view_aggregates';

/**
 * Program settings and aggregates belong to program managers. Participants learn what they need of
 * a program (its priorities) through their own plan, so for them a program is simply not found.
 */
export function authorizeProgram(actor: Actor, program: { managerIds: readonly string[] }, _action: ProgramAction): Result<void> {
  return isProgramManager(actor, program) ? ok(undefined) : fail('not_found', 'There is no such program, or you do not manage it.');
}

/** A feedback request: who asked, and whom. */
export interface FeedbackRequestParties {
  menteeId: string;
  mentorId: string;
  respondentIds: readonly string[];
}

/**
 * Feedback givers see and answer only a request that names them; the mentee and mentor of the
 * pair see the request and its results. Anyone else is told nothing.
 */
export function authorizeFeedback(actor: Actor, request: FeedbackRequestParties, action: 'respond' | 'view_results'): Result<void> {
  if (action === 'respond') {
    return request.respondentIds.includes(actor.id) ? ok(undefined) : fail('forbidden', 'This feedback request was sent to other people.');
  }
  return actor.id === request.menteeId || actor.id === request.mentorId ? ok(undefined) : fail('not_found', 'There is no such feedback request, or it is not shared with you.');
}

export type EntryVisibility = 'private' | 'pair' | 'program';

/** A journal entry of a pair: who wrote it, who may see it, and whether the mentee agreed to share it. */
export interface EntryAccess {
  authorId: string;
  visibility: EntryVisibility;
  /** Program visibility takes the mentee's consent for this entry. */
  menteeConsented: boolean;
  pair: Pick<Mentorship, 'mentorId' | 'menteeId'>;
  program: { managerIds: readonly string[] };
}

/**
 * Private entries are their author's alone; pair entries are the mentor's and mentee's; program
 * entries also reach program managers, but only once the mentee has consented to that entry.
 */
export function canSeeEntry(actor: Actor, entry: EntryAccess): boolean {
  if (actor.id === entry.authorId) return true;
  if (entry.visibility === 'private') return false;
  if (roleIn(entry.pair, actor.id)) return true;
  return entry.visibility === 'program' && entry.menteeConsented && isProgramManager(actor, entry.program);
}
