// Use cases of the development plan. Each one: load the pair's partition, ask the policy, apply
// the domain rules, write with the ETag that was read. Transport (API routes, bot handlers) only
// parses input and maps the Result.
import type {
  ActivityCreateInput,
  ActivityPatchInput,
  GoalCreateInput,
  GoalHistoryView,
  GoalPatchInput,
  MeView,
  MilestoneCreateInput,
  MilestonePatchInput,
  PairSummary,
  PlanView,
} from '../api';
import { goalTargetRule } from '../api';
import type { DevelopmentActivity } from '../activity';
import { todayIn } from '../dates';
import { isPastDate, pastDateMessage } from '../dueDate';
import type { Goal } from '../goal';
import { limitMessages, limits } from '../limits';
import type { Agreement, Mentorship, PairRole } from '../mentorship';
import type { Milestone } from '../milestone';
import { summarizePerson } from '../person';
import {
  authorizeAgreementAcceptance,
  authorizeGoal,
  authorizePlan,
  ofActorsTenant,
  goalActionOf,
  type Actor,
  type GoalAction,
  type PlanAction,
} from '../policy';
import { priorityById, type Program } from '../program';
import { archivedPriorityMessage } from '../program/priorityArchive';
import type { PeopleRepository, PlanRecord, PlanRepository, ProgramRepository } from '../repositories';
import { fail, ok, type Result, type Versioned } from '../result';
import { changeKind, diffGoal } from './goalRevisions';
import { summaryOf, type JournalEntry, type JournalEntryKind } from '../journal/journalEntry';
import { toPlanView } from './planView';

export interface PlanServiceDeps {
  plans: PlanRepository;
  people: PeopleRepository;
  programs: ProgramRepository;
  now: () => Date;
  newId: () => string;
  /**
   * Told after a pair's mentorship changed (agreement rewritten or accepted, pair activated), so the
   * check-in schedule follows the new cadence and starts when the pair becomes active.
   */
  onMentorshipChanged?: (mentorship: Mentorship) => Promise<unknown>;
}

interface PairContext {
  record: PlanRecord;
  role: PairRole;
}

const invalid = <T>(path: string, message: string): Result<T> => fail('invalid', message, { issues: [{ path, message }] });

export function createPlanService(deps: PlanServiceDeps) {
  const { plans, people, programs, now, newId } = deps;

  /** The mentorship write stands; then the check-in schedule follows the new agreement and status. */
  async function afterMentorshipChange(written: Result<Versioned<Mentorship>>): Promise<Result<Versioned<Mentorship>>> {
    if (written.ok && deps.onMentorshipChanged) await deps.onMentorshipChanged(written.value.value);
    return written;
  }

  async function openPair(actor: Actor, pairId: string, action: PlanAction): Promise<Result<PairContext>> {
    const record = await plans.load(pairId);
    if (!record) return fail('not_found', 'There is no such mentoring plan, or it is not shared with you.');
    const role = authorizePlan(actor, record.mentorship.value, action);
    return role.ok ? ok({ record, role: role.value }) : role;
  }

  async function programOf(record: PlanRecord): Promise<Program> {
    const program = await programs.get(record.mentorship.value.programId);
    if (!program) throw new Error(`Program ${record.mentorship.value.programId} of pair ${record.mentorship.value.id} is missing`);
    return program.value;
  }

  function findGoal(record: PlanRecord, goalId: string): Result<Versioned<Goal>> {
    const goal = record.goals.find((g) => g.value.id === goalId);
    return goal ? ok(goal) : fail('not_found', 'That goal does not exist in this plan.');
  }

  /** The goal, if it exists and allows the action (a closed goal allows only reopening). */
  function goalFor(record: PlanRecord, goalId: string, action: GoalAction): Result<Versioned<Goal>> {
    const found = findGoal(record, goalId);
    if (!found.ok) return found;
    const allowed = authorizeGoal(found.value.value, action);
    return allowed.ok ? found : allowed;
  }

  /** The journal entry of a plan change, written in the same transaction as the change. */
  const journalEntryOf = (
    actor: Actor,
    pairId: string,
    kind: JournalEntryKind,
    summary: string,
    at: string,
    extra: Partial<JournalEntry>,
  ) =>
    ({
      id: newId(),
      pairId,
      kind,
      at,
      authorId: actor.id,
      visibility: 'pair',
      menteeConsented: false,
      summary: summaryOf(summary),
      ...(actor.tenantId ? { tenantId: actor.tenantId } : {}),
      ...extra,
    }) satisfies JournalEntry;

  const notInPast = (actor: Actor, date: string | undefined | null, path: string, what: string): Result<void> =>
    date && isPastDate(date, todayIn(actor.timeZone, now())) ? invalid(path, pastDateMessage(what)) : ok(undefined);

  /** `kept`: the goal's priority before the edit, which it may keep even when archived meanwhile. */
  function checkPriority(program: Program, priorityId: string | null | undefined, kept?: string): Result<void> {
    const priority = priorityId ? priorityById(program, priorityId) : undefined;
    if (priorityId && !priority) {
      return invalid('priorityId', 'That strategic priority is not part of this program.');
    }
    if (priority?.archived && priority.id !== kept) return invalid('priorityId', archivedPriorityMessage(priority.name));
    return ok(undefined);
  }

  return {
    async me(actor: Actor, authMode: MeView['authMode']): Promise<Result<MeView>> {
      const person = ofActorsTenant(actor, await people.get(actor.id));
      if (!person) return fail('not_found', 'You are not enrolled in a mentoring program yet.');
      const refs = await plans.pairsOf(actor.id);
      const loaded = await Promise.all(refs.map((r) => plans.load(r.pairId)));
      const pairs: PairSummary[] = [];
      for (const record of loaded) {
        if (!record) continue;
        const m = record.mentorship.value;
        const role = authorizePlan(actor, m, 'view');
        if (!role.ok) continue;
        pairs.push({
          pairId: m.id,
          role: role.value,
          status: m.status,
          other: role.value === 'mentor' ? record.members.mentee : record.members.mentor,
        });
      }
      pairs.sort((a, b) => a.role.localeCompare(b.role) || a.other.displayName.localeCompare(b.other.displayName));
      return ok({ person: summarizePerson(person), pairs, authMode });
    },

    async loadPlan(actor: Actor, pairId: string): Promise<Result<PlanView>> {
      const ctx = await openPair(actor, pairId, 'view');
      if (!ctx.ok) return ctx;
      const program = await programOf(ctx.value.record);
      return ok(toPlanView(ctx.value.record, program, actor, ctx.value.role, now()));
    },

    async createGoal(actor: Actor, pairId: string, input: GoalCreateInput): Promise<Result<Versioned<Goal>>> {
      const ctx = await openPair(actor, pairId, 'edit_plan');
      if (!ctx.ok) return ctx;
      const { record } = ctx.value;
      if (record.goals.length >= limits.goalsPerPair) return invalid('', limitMessages.goalsPerPair);
      const program = await programOf(record);
      const checks = [checkPriority(program, input.priorityId), notInPast(actor, input.dueDate, 'dueDate', 'due date')];
      const bad = checks.find((c) => !c.ok);
      if (bad && !bad.ok) return bad;
      const at = now().toISOString();
      const goal: Goal = {
        ...input,
        id: newId(),
        pairId,
        status: 'active',
        revision: 1,
        createdAt: at,
        createdBy: actor.id,
        updatedAt: at,
        updatedBy: actor.id,
      };
      return plans.createGoal(
        goal,
        { goalId: goal.id, revision: 1, change: 'created', at, by: actor.id, fields: diffGoal({}, goal) },
        journalEntryOf(actor, pairId, 'goal_set', `Goal set: “${goal.title}”`, at, { goalId: goal.id }),
      );
    },

    async updateGoal(actor: Actor, pairId: string, goalId: string, etag: string, patch: GoalPatchInput): Promise<Result<Versioned<Goal>>> {
      const ctx = await openPair(actor, pairId, 'edit_plan');
      if (!ctx.ok) return ctx;
      const found = findGoal(ctx.value.record, goalId);
      if (!found.ok) return found;
      const { value: before, etag: storedEtag } = found.value;
      if (storedEtag !== etag) {
        return fail('conflict', 'Someone changed this goal after you opened it. Review the current version and apply your change again.', {
          current: found.value,
        });
      }
      const { reason, ...changes } = patch;
      const merged: Record<string, unknown> = { ...before };
      for (const [key, value] of Object.entries(changes)) {
        if (value === null) delete merged[key];
        else if (value !== undefined) merged[key] = value;
      }
      const after = merged as Goal;
      const fields = diffGoal(before, after);
      const allowed = authorizeGoal(
        before,
        goalActionOf(
          before.status,
          after.status,
          fields.map((f) => f.field),
        ),
      );
      if (!allowed.ok && fields.length > 0) return allowed;
      if (!goalTargetRule.check(after)) return invalid(goalTargetRule.path[0] ?? '', goalTargetRule.message);
      const program = await programOf(ctx.value.record);
      const checks = [
        checkPriority(program, patch.priorityId, before.priorityId),
        patch.dueDate !== before.dueDate ? notInPast(actor, patch.dueDate, 'dueDate', 'due date') : ok(undefined),
      ];
      const bad = checks.find((c) => !c.ok);
      if (bad && !bad.ok) return bad;
      if (fields.length === 0) return ok(found.value);
      const at = now().toISOString();
      const next: Goal = { ...after, revision: before.revision + 1, updatedAt: at, updatedBy: actor.id };
      const change = changeKind(before.status, next.status);
      const summary =
        change === 'updated'
          ? `Goal “${next.title}” changed: ${fields.map((f) => f.field).join(', ')}`
          : `Goal ${change}: “${next.title}”${reason ? `. ${reason}` : ''}`;
      return plans.updateGoal(
        next,
        etag,
        { goalId, revision: next.revision, change, at, by: actor.id, ...(reason ? { reason } : {}), fields },
        journalEntryOf(actor, pairId, 'goal_changed', summary, at, { goalId, ...(reason ? { body: reason } : {}) }),
      );
    },

    async goalHistory(actor: Actor, pairId: string, goalId: string): Promise<Result<GoalHistoryView>> {
      const ctx = await openPair(actor, pairId, 'view');
      if (!ctx.ok) return ctx;
      const found = findGoal(ctx.value.record, goalId);
      if (!found.ok) return found;
      const revisions = await plans.goalHistory(pairId, goalId);
      return ok({ goalId, revisions: revisions.sort((a, b) => b.revision - a.revision) });
    },

    async createMilestone(
      actor: Actor,
      pairId: string,
      goalId: string,
      input: MilestoneCreateInput,
    ): Promise<Result<Versioned<Milestone>>> {
      const ctx = await openPair(actor, pairId, 'edit_plan');
      if (!ctx.ok) return ctx;
      const found = goalFor(ctx.value.record, goalId, 'add_milestone');
      if (!found.ok) return found;
      if (ctx.value.record.milestones.filter((m) => m.value.goalId === goalId).length >= limits.milestonesPerGoal) {
        return invalid('', limitMessages.milestonesPerGoal);
      }
      const past = notInPast(actor, input.dueDate, 'dueDate', 'due date');
      if (!past.ok) return past;
      return plans.createMilestone(pairId, {
        id: newId(),
        goalId,
        title: input.title,
        dueDate: input.dueDate,
        done: false,
        updatedAt: now().toISOString(),
        updatedBy: actor.id,
      });
    },

    async updateMilestone(
      actor: Actor,
      pairId: string,
      goalId: string,
      milestoneId: string,
      etag: string,
      patch: MilestonePatchInput,
    ): Promise<Result<Versioned<Milestone>>> {
      const ctx = await openPair(actor, pairId, 'edit_plan');
      if (!ctx.ok) return ctx;
      const found = ctx.value.record.milestones.find((m) => m.value.id === milestoneId && m.value.goalId === goalId);
      if (!found) return fail('not_found', 'That milestone does not exist in this plan.');
      const goal = goalFor(ctx.value.record, goalId, 'change_milestone');
      if (!goal.ok) return goal;
      if (patch.dueDate !== undefined && patch.dueDate !== found.value.dueDate) {
        const past = notInPast(actor, patch.dueDate, 'dueDate', 'due date');
        if (!past.ok) return past;
      }
      const next: Milestone = { ...found.value, ...patch, updatedAt: now().toISOString(), updatedBy: actor.id };
      if (patch.done === true && !found.value.done) next.doneAt = now().toISOString();
      if (patch.done === false) delete next.doneAt;
      const done = next.doneAt !== undefined && !found.value.done;
      return plans.updateMilestone(
        pairId,
        next,
        etag,
        done
          ? journalEntryOf(actor, pairId, 'milestone_done', `Milestone done: “${next.title}”`, next.doneAt!, { goalId, milestoneId })
          : undefined,
      );
    },

    async deleteMilestone(actor: Actor, pairId: string, goalId: string, milestoneId: string, etag: string): Promise<Result<void>> {
      const ctx = await openPair(actor, pairId, 'edit_plan');
      if (!ctx.ok) return ctx;
      const found = ctx.value.record.milestones.find((m) => m.value.id === milestoneId && m.value.goalId === goalId);
      if (!found) return fail('not_found', 'That milestone does not exist in this plan.');
      const goal = goalFor(ctx.value.record, goalId, 'change_milestone');
      if (!goal.ok) return goal;
      return plans.deleteMilestone(pairId, milestoneId, etag);
    },

    async createActivity(
      actor: Actor,
      pairId: string,
      goalId: string,
      input: ActivityCreateInput,
    ): Promise<Result<Versioned<DevelopmentActivity>>> {
      const ctx = await openPair(actor, pairId, 'edit_plan');
      if (!ctx.ok) return ctx;
      const found = goalFor(ctx.value.record, goalId, 'add_activity');
      if (!found.ok) return found;
      if (ctx.value.record.activities.filter((a) => a.value.goalId === goalId).length >= limits.activitiesPerGoal) {
        return invalid('', limitMessages.activitiesPerGoal);
      }
      const past = notInPast(actor, input.dueDate, 'dueDate', 'due date');
      if (!past.ok) return past;
      return plans.createActivity(pairId, { id: newId(), goalId, ...input });
    },

    async updateActivity(
      actor: Actor,
      pairId: string,
      goalId: string,
      activityId: string,
      etag: string,
      patch: ActivityPatchInput,
    ): Promise<Result<Versioned<DevelopmentActivity>>> {
      const ctx = await openPair(actor, pairId, 'edit_plan');
      if (!ctx.ok) return ctx;
      const found = ctx.value.record.activities.find((a) => a.value.id === activityId && a.value.goalId === goalId);
      if (!found) return fail('not_found', 'That activity does not exist in this plan.');
      const goal = goalFor(ctx.value.record, goalId, 'change_activity');
      if (!goal.ok) return goal;
      if (patch.dueDate && patch.dueDate !== found.value.dueDate) {
        const past = notInPast(actor, patch.dueDate, 'dueDate', 'due date');
        if (!past.ok) return past;
      }
      const { dueDate, ...rest } = patch;
      const next: DevelopmentActivity = { ...found.value, ...rest };
      if (dueDate === null) delete next.dueDate;
      else if (dueDate !== undefined) next.dueDate = dueDate;
      return plans.updateActivity(pairId, next, etag);
    },

    async deleteActivity(actor: Actor, pairId: string, goalId: string, activityId: string, etag: string): Promise<Result<void>> {
      const ctx = await openPair(actor, pairId, 'edit_plan');
      if (!ctx.ok) return ctx;
      const found = ctx.value.record.activities.find((a) => a.value.id === activityId && a.value.goalId === goalId);
      if (!found) return fail('not_found', 'That activity does not exist in this plan.');
      const goal = goalFor(ctx.value.record, goalId, 'change_activity');
      if (!goal.ok) return goal;
      return plans.deleteActivity(pairId, activityId, etag);
    },

    /** Rewrites the agreement; both people then accept the new text again. */
    async updateAgreement(actor: Actor, pairId: string, etag: string, agreement: Agreement): Promise<Result<Versioned<Mentorship>>> {
      const ctx = await openPair(actor, pairId, 'edit_agreement');
      if (!ctx.ok) return ctx;
      const { acceptedByMenteeAt: _a, acceptedByMentorAt: _b, ...rest } = ctx.value.record.mentorship.value;
      return afterMentorshipChange(await plans.updateMentorship({ ...rest, agreement }, etag));
    },

    async acceptAgreement(actor: Actor, pairId: string, etag: string): Promise<Result<Versioned<Mentorship>>> {
      const record = await plans.load(pairId);
      if (!record) return fail('not_found', 'There is no such mentoring plan, or it is not shared with you.');
      const role = authorizeAgreementAcceptance(actor, record.mentorship.value);
      if (!role.ok) return role;
      const m = record.mentorship.value;
      const at = now().toISOString();
      const next: Mentorship = role.value === 'mentor' ? { ...m, acceptedByMentorAt: at } : { ...m, acceptedByMenteeAt: at };
      if (next.acceptedByMenteeAt && next.acceptedByMentorAt && next.status === 'proposed') next.status = 'active';
      return afterMentorshipChange(await plans.updateMentorship(next, etag));
    },
  };
}

export type PlanService = ReturnType<typeof createPlanService>;
