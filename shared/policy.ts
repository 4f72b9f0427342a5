// Who may do what. Every use case asks here; API routes and bot actions never decide on their own.
import type { Goal, GoalStatus } from './goal';
import type { Mentorship, PairRole } from './mentorship';
import { roleIn } from './mentorship';
import { isActiveGoal } from './plan/planChoices';
import { fail, ok, type Result } from './result';

/** The caller, as established by authentication (Teams SSO token, or the development identity). */
export interface Actor {
  /** Entra object id: the token's `oid`, the bot's `from.aadObjectId`. */
  id: string;
  /**
   * Entra tenant id: the token's `tid`, the activity's tenant, `DEVELOPMENT_TENANT_ID` for the
   * development sign-in. Everything the actor reaches must belong to it (`inActorsTenant`).
   */
  tenantId: string;
  /** The person's time zone (from their profile; UTC when unknown): what "today" means to them. */
  timeZone: string;
  /** Entra app roles from the token (`roles` claim), e.g. `ProgramManager`. */
  appRoles: readonly string[];
}

/** The Entra app role that makes someone a program manager in every program of the tenant. */
export const PROGRAM_MANAGER_ROLE = 'ProgramManager';

/** A record that belongs to one tenant: a program, a person, a pair and the rows of its partition. */
export interface TenantOwned {
  tenantId: string;
}

/** Whether a record belongs to `tenantId` (tenant ids compare without regard to case). */
export function inTenant(tenantId: string, record: TenantOwned | undefined): boolean {
  return record !== undefined && record.tenantId.toLowerCase() === tenantId.toLowerCase();
}

/**
 * Tenant isolation, in one place: an actor reaches only what belongs to their own tenant. Whatever
 * belongs to another tenant is answered exactly as if it did not exist (`not_found`), never as a
 * refusal that would confirm it exists. An app role counts only inside the tenant that granted it.
 */
export function inActorsTenant(actor: Pick<Actor, 'tenantId'>, record: TenantOwned | undefined): boolean {
  return inTenant(actor.tenantId, record);
}

/** A record read by id, if it belongs to the actor's tenant: a foreign one is answered as missing. */
export function ofActorsTenant<T extends TenantOwned>(actor: Pick<Actor, 'tenantId'>, record: T | undefined): T | undefined {
  return inActorsTenant(actor, record) ? record : undefined;
}

export type PlanAction = 'view' | 'edit_plan' | 'edit_agreement' | 'accept_agreement' | 'ask_feedback' | 'share_win' | 'send_feedback_note';

/** Actions that belong to one side of the pair, with the sentence that tells the other side so. */
const oneSide: Partial<Record<PlanAction, { role: PairRole; refusal: string }>> = {
  ask_feedback: { role: 'mentee', refusal: 'Only the mentee asks for feedback on their goals.' },
  share_win: { role: 'mentee', refusal: 'Only the mentee decides whether a win is shared in the program’s digest.' },
  send_feedback_note: { role: 'mentor', refusal: 'Only the mentor sends feedback notes in this plan.' },
};

/**
 * A pair's plan belongs to its mentor and mentee: both read it and co-create it. Anyone else is
 * answered `not_found`, so that a pair's existence does not leak. An ended pair is read-only.
 */
export function authorizePlan(
  actor: Actor,
  pair: Pick<Mentorship, 'tenantId' | 'mentorId' | 'menteeId' | 'status'>,
  action: PlanAction,
): Result<PairRole> {
  const role = inActorsTenant(actor, pair) ? roleIn(pair, actor.id) : undefined;
  if (!role) return fail('not_found', 'There is no such mentoring plan, or it is not shared with you.');
  if (pair.status === 'ended' && action !== 'view') return fail('forbidden', 'This mentorship has ended; its plan is read-only.');
  const side = oneSide[action];
  if (side && side.role !== role) return fail('forbidden', side.refusal);
  return ok(role);
}

/** Each person accepts the agreement once; rewriting it asks both to accept again. */
export function authorizeAgreementAcceptance(
  actor: Actor,
  pair: Pick<Mentorship, 'tenantId' | 'mentorId' | 'menteeId' | 'status' | 'acceptedByMentorAt' | 'acceptedByMenteeAt'>,
): Result<PairRole> {
  const role = authorizePlan(actor, pair, 'accept_agreement');
  if (!role.ok) return role;
  const acceptedAt = role.value === 'mentor' ? pair.acceptedByMentorAt : pair.acceptedByMenteeAt;
  return acceptedAt ? fail('invalid', 'You have already accepted this agreement.') : role;
}

export type GoalAction = 'edit' | 'close' | 'reopen' | 'add_milestone' | 'change_milestone' | 'add_activity' | 'change_activity';

/** What a change to a goal amounts to, from its status before and after and the fields it changes. */
export function goalActionOf(before: GoalStatus, after: GoalStatus, changedFields: readonly string[]): GoalAction {
  if (isActiveGoal({ status: before })) return isActiveGoal({ status: after }) ? 'edit' : 'close';
  // Reopening is the status alone: other changes wait until the goal is active again.
  return isActiveGoal({ status: after }) && changedFields.every((f) => f === 'status') ? 'reopen' : 'edit';
}

/**
 * A completed or dropped goal is closed: its fields, milestones and activities stay as they were
 * when it closed, so its history tells what was reached. The one thing it allows is reopening.
 */
export function authorizeGoal(goal: Pick<Goal, 'status'>, action: GoalAction): Result<void> {
  const active = isActiveGoal(goal);
  if (action === 'reopen') return active ? fail('invalid', 'This goal is already active.') : ok(undefined);
  return active ? ok(undefined) : fail('forbidden', `This goal is ${goal.status}. Reopen it before you change it.`);
}

/** What a person may do with a plan: the tab and the bot offer exactly these, the use cases allow exactly these. */
export interface PlanPermissions {
  /** Add goals, and change the plan's goals, milestones and activities (each goal may say no). */
  editPlan: boolean;
  editAgreement: boolean;
  acceptAgreement: boolean;
  askFeedback: boolean;
  addWin: boolean;
  shareWin: boolean;
  sendFeedbackNote: boolean;
}

/** What a person may do with one goal of a plan. */
export interface GoalPermissions {
  edit: boolean;
  /** Complete or drop. */
  close: boolean;
  reopen: boolean;
  addMilestone: boolean;
  changeMilestones: boolean;
  addActivity: boolean;
  changeActivities: boolean;
  askFeedback: boolean;
}

type PermissionPair = Pick<Mentorship, 'tenantId' | 'mentorId' | 'menteeId' | 'status' | 'acceptedByMentorAt' | 'acceptedByMenteeAt'>;

export function planPermissions(actor: Actor, pair: PermissionPair): PlanPermissions {
  const may = (action: PlanAction) => authorizePlan(actor, pair, action).ok;
  return {
    editPlan: may('edit_plan'),
    editAgreement: may('edit_agreement'),
    acceptAgreement: authorizeAgreementAcceptance(actor, pair).ok,
    askFeedback: may('ask_feedback'),
    addWin: may('edit_plan'),
    shareWin: may('share_win'),
    sendFeedbackNote: may('send_feedback_note'),
  };
}

export function goalPermissions(plan: PlanPermissions, goal: Pick<Goal, 'status'>): GoalPermissions {
  const may = (action: GoalAction) => plan.editPlan && authorizeGoal(goal, action).ok;
  return {
    edit: may('edit'),
    close: may('close'),
    reopen: may('reopen'),
    addMilestone: may('add_milestone'),
    changeMilestones: may('change_milestone'),
    addActivity: may('add_activity'),
    changeActivities: may('change_activity'),
    askFeedback: plan.askFeedback && authorizeGoal(goal, 'edit').ok,
  };
}

/** Program managers: the Entra app role, or being named in the program's manager list; either only in the program's own tenant. */
export function isProgramManager(actor: Actor, program: TenantOwned & { managerIds: readonly string[] }): boolean {
  if (!inActorsTenant(actor, program)) return false;
  return actor.appRoles.includes(PROGRAM_MANAGER_ROLE) || program.managerIds.includes(actor.id);
}

export type ProgramAction = 'view_settings' | 'edit_settings' | 'view_aggregates';

/**
 * Program settings and aggregates belong to program managers. Participants learn what they need of
 * a program (its priorities) through their own plan, so for them a program is simply not found.
 */
export function authorizeProgram(
  actor: Actor,
  program: TenantOwned & { managerIds: readonly string[] },
  _action: ProgramAction,
): Result<void> {
  return isProgramManager(actor, program) ? ok(undefined) : fail('not_found', 'There is no such program, or you do not manage it.');
}

/** A feedback request: who asked, and whom. */
export interface FeedbackRequestParties {
  /** The pair's tenant. */
  tenantId: string;
  menteeId: string;
  mentorId: string;
  respondentIds: readonly string[];
}

/**
 * Feedback givers see and answer only a request that names them; the mentee and mentor of the
 * pair see the request and its results. Anyone else is told nothing.
 */
export function authorizeFeedback(actor: Actor, request: FeedbackRequestParties, action: 'respond' | 'view_results'): Result<void> {
  if (!inActorsTenant(actor, request)) return fail('not_found', 'There is no such feedback request, or it is not shared with you.');
  if (action === 'respond') {
    return request.respondentIds.includes(actor.id) ? ok(undefined) : fail('forbidden', 'This feedback request was sent to other people.');
  }
  return actor.id === request.menteeId || actor.id === request.mentorId
    ? ok(undefined)
    : fail('not_found', 'There is no such feedback request, or it is not shared with you.');
}

export type EntryVisibility = 'private' | 'pair' | 'program';

/** A journal entry of a pair: who wrote it, who may see it, and whether the mentee agreed to share it. */
export interface EntryAccess {
  authorId: string;
  visibility: EntryVisibility;
  /** Program visibility takes the mentee's consent for this entry. */
  menteeConsented: boolean;
  pair: Pick<Mentorship, 'tenantId' | 'mentorId' | 'menteeId'>;
  program: TenantOwned & { managerIds: readonly string[] };
}

/**
 * Private entries are their author's alone; pair entries are the mentor's and mentee's; program
 * entries also reach program managers, but only once the mentee has consented to that entry.
 */
export function canSeeEntry(actor: Actor, entry: EntryAccess): boolean {
  if (!inActorsTenant(actor, entry.pair)) return false;
  if (actor.id === entry.authorId) return true;
  if (entry.visibility === 'private') return false;
  if (roleIn(entry.pair, actor.id)) return true;
  return entry.visibility === 'program' && entry.menteeConsented && isProgramManager(actor, entry.program);
}

export type CheckpointAction = 'view' | 'prepare' | 'sign_off' | 'correct' | 'share';

/** What the checkpoint rules need of a checkpoint: whether it is signed off, and who signed this revision. */
export interface CheckpointAccess {
  status: 'draft' | 'signed_off';
  signedByMentorAt?: string;
  signedByMenteeAt?: string;
}

/**
 * A checkpoint belongs to the pair: both prepare it and both sign it off. A signed-off checkpoint is
 * read-only (a correction starts a new revision); only the mentee shares its scorecard with the
 * program. Anyone else is answered `not_found`, like for the plan.
 */
export function authorizeCheckpoint(
  actor: Actor,
  pair: Pick<Mentorship, 'tenantId' | 'mentorId' | 'menteeId' | 'status'>,
  checkpoint: CheckpointAccess | undefined,
  action: CheckpointAction,
): Result<PairRole> {
  const role = authorizePlan(actor, pair, action === 'view' ? 'view' : 'edit_plan');
  if (!role.ok || action === 'view') return role;
  if (action === 'share') {
    if (role.value !== 'mentee') return fail('forbidden', 'Only the mentee decides whether a scorecard is shared with the program.');
    return checkpoint?.status === 'signed_off' ? role : fail('invalid', 'A scorecard is shared once the checkpoint is signed off.');
  }
  if (action === 'correct')
    return checkpoint?.status === 'signed_off'
      ? role
      : fail('invalid', 'Only a signed-off checkpoint is corrected; edit the draft instead.');
  if (checkpoint?.status === 'signed_off')
    return fail('forbidden', 'This checkpoint is signed off and read-only. Start a correction to change it.');
  if (action === 'sign_off') {
    if (!checkpoint) return fail('invalid', 'Prepare the checkpoint before signing it off.');
    const mine = role.value === 'mentor' ? checkpoint.signedByMentorAt : checkpoint.signedByMenteeAt;
    if (mine) return fail('invalid', 'You have already signed off this checkpoint.');
  }
  return role;
}

/** What a person may do with one checkpoint: the tab offers exactly these. */
export interface CheckpointPermissions {
  prepare: boolean;
  signOff: boolean;
  correct: boolean;
  share: boolean;
}

export function checkpointPermissions(
  actor: Actor,
  pair: Pick<Mentorship, 'tenantId' | 'mentorId' | 'menteeId' | 'status'>,
  checkpoint: CheckpointAccess | undefined,
): CheckpointPermissions {
  const may = (action: CheckpointAction) => authorizeCheckpoint(actor, pair, checkpoint, action).ok;
  return { prepare: may('prepare'), signOff: may('sign_off'), correct: may('correct'), share: may('share') };
}

/**
 * A checkpoint's scorecard: the pair always sees it; a program manager only once it is signed off
 * and the mentee shared it (the leadership trail).
 */
export function canSeeCheckpointScorecard(
  actor: Actor,
  pair: Pick<Mentorship, 'tenantId' | 'mentorId' | 'menteeId'>,
  program: TenantOwned & { managerIds: readonly string[] },
  checkpoint: { status: 'draft' | 'signed_off'; sharedWithProgram: boolean },
): boolean {
  if (!inActorsTenant(actor, pair)) return false;
  if (roleIn(pair, actor.id)) return true;
  return checkpoint.status === 'signed_off' && checkpoint.sharedWithProgram && isProgramManager(actor, program);
}

export type EntryAction = 'edit' | 'delete' | 'share' | 'unshare';

/** An entry with what deciding about a change needs: its kind and the pair's state. */
export interface EntryChange extends EntryAccess {
  kind: string;
  pair: Pick<Mentorship, 'tenantId' | 'mentorId' | 'menteeId' | 'status'>;
}

/**
 * Notes are their author's to edit and delete; every other entry records what happened and stays.
 * Only the mentee makes an entry program-visible, one at a time, and takes it back. Someone who
 * cannot see an entry is told it does not exist.
 */
export function authorizeEntry(actor: Actor, entry: EntryChange, action: EntryAction): Result<void> {
  const role = roleIn(entry.pair, actor.id);
  if (!role || !canSeeEntry(actor, entry)) return fail('not_found', 'There is no such journal entry, or it is not shared with you.');
  if (entry.pair.status === 'ended') return fail('forbidden', 'This mentorship has ended; its journal is read-only.');
  if (action === 'edit' || action === 'delete') {
    if (entry.kind !== 'note') return fail('forbidden', 'Only notes are edited or deleted; the other entries record what happened.');
    return actor.id === entry.authorId ? ok(undefined) : fail('forbidden', 'Only the person who wrote a note changes it.');
  }
  if (role !== 'mentee') return fail('forbidden', 'Only the mentee decides what the program’s leadership sees.');
  const shared = entry.visibility === 'program';
  if (action === 'share' && shared) return fail('invalid', 'This entry is shared with the program already.');
  if (action === 'unshare' && !shared) return fail('invalid', 'This entry is not shared with the program.');
  return ok(undefined);
}

/**
 * What `authorizeEntry` allows of one entry, for all four actions at once: the same rules, with what
 * they share (the actor's role, whether the entry is theirs to see, whether the pair ended) decided
 * once. A journal page answers this for every entry it shows.
 */
export function entryPermissions(actor: Actor, entry: EntryChange): { edit: boolean; delete: boolean; share: boolean; unshare: boolean } {
  const role = roleIn(entry.pair, actor.id);
  const open = role !== undefined && entry.pair.status !== 'ended' && canSeeEntry(actor, entry);
  const ownNote = open && entry.kind === 'note' && actor.id === entry.authorId;
  const mentee = open && role === 'mentee';
  const shared = entry.visibility === 'program';
  return { edit: ownNote, delete: ownNote, share: mentee && !shared, unshare: mentee && shared };
}

/**
 * A program's leadership trail of one pair: for that program's managers, and only for a pair of
 * that program. Anyone else is told nothing exists.
 */
export function authorizeTrail(
  actor: Actor,
  program: TenantOwned & { id: string; managerIds: readonly string[] },
  pair: TenantOwned & { programId: string },
): Result<void> {
  return isProgramManager(actor, program) && inActorsTenant(actor, pair) && pair.programId === program.id
    ? ok(undefined)
    : fail('not_found', 'There is no such pair in a program you manage.');
}

/**
 * The program survey: a member of one of the program's pairs (in its tenant, not a proposed pair)
 * answers it; only the program's managers see its results, and only in aggregate.
 */
export function isProgramParticipant(
  actor: Actor,
  program: TenantOwned & { id: string },
  pairs: readonly Pick<Mentorship, 'tenantId' | 'programId' | 'mentorId' | 'menteeId' | 'status'>[],
): boolean {
  return (
    inActorsTenant(actor, program) &&
    pairs.some(
      (p) =>
        p.programId === program.id &&
        inActorsTenant(actor, p) &&
        p.status !== 'proposed' &&
        (p.mentorId === actor.id || p.menteeId === actor.id),
    )
  );
}
