// The renewal use cases, for every door (the tab's API today): see whether a pair's renewal is open,
// its open goals (flagged when their priority is gone from the program) and what was decided; and
// decide it. A decision writes, in one transaction of the pair's partition, each open goal carried
// over / completed / dropped with its reason in the goal's history, the pair's decision (a closed
// pair ends and becomes read-only), a re-pair request when the pair asks for another mentor, and the
// mentee's offer to mentor, and the goals the pair sets for the next cycle when it continues.
import { offeredPriorities } from '../program';
import { todayIn, type IsoDate } from '../dates';
import type { Goal, GoalRevision } from '../goal';
import type { Mentorship, PairRole } from '../mentorship';
import { changeKind, diffGoal } from '../plan/goalRevisions';
import { authorizePlan, inActorsTenant, type Actor } from '../policy';
import type { PlanRepository, ProgramRepository } from '../repositories';
import { fail, ok, type Result, type Versioned } from '../result';
import {
  checkRenewal,
  goalsNeedingPriority,
  renewalOpen,
  renewalOpensOn,
  statusAfter,
  type GoalDecision,
  type MentorOffer,
  type PairDecision,
  type RenewalInput,
} from './renewal';

/** What a pair decided at the end of one cycle: row `renewal|{cycleEnd}` in the pair's partition. */
export interface RenewalRecord {
  tenantId: string;
  programId: string;
  pairId: string;
  cycleEnd: IsoDate;
  pair: PairDecision;
  pairReason?: string;
  goals: GoalDecision[];
  /** The goals set for the next cycle with this decision. */
  newGoalIds?: string[];
  decidedAt: string;
  decidedBy: string;
}

/** A pair's request for another mentor, for the program manager: row `repair|{cycleEnd}`. */
export interface RepairRequest {
  tenantId: string;
  programId: string;
  pairId: string;
  cycleEnd: IsoDate;
  mentorId: string;
  menteeId: string;
  reason: string;
  requestedAt: string;
  requestedBy: string;
  /** When a program manager marked it handled, and who. */
  handledAt?: string;
  handledBy?: string;
}

/** A mentee's offer to mentor in the next cycle, a candidate for matching: row `mentoroffer|{cycleEnd}`. */
export interface MentorOfferRecord extends MentorOffer {
  tenantId: string;
  programId: string;
  pairId: string;
  cycleEnd: IsoDate;
  personId: string;
  offeredAt: string;
  handledAt?: string;
  handledBy?: string;
}

export interface GoalRenewalWrite {
  goal: Goal;
  etag: string;
  revision: GoalRevision;
}

export interface NewGoalWrite {
  goal: Goal;
  revision: GoalRevision;
}

export interface RenewalWrite {
  mentorship: Mentorship;
  /** The pair's ETag as the caller read it (If-Match). */
  etag: string;
  record: RenewalRecord;
  goals: GoalRenewalWrite[];
  /** Goals of the next cycle, created with the decision (they count against the plan's goal limit). */
  newGoals: NewGoalWrite[];
  repair?: RepairRequest;
  offer?: MentorOfferRecord;
}

export interface RenewalRepository {
  get(pairId: string, cycleEnd: IsoDate): Promise<RenewalRecord | undefined>;
  /** Everything of a renewal in one transaction; a changed pair or goal, or a second decision, is a `conflict`. */
  decide(write: RenewalWrite): Promise<Result<Versioned<Mentorship>>>;
  /** The most goals one renewal can decide and create in its single transaction. */
  readonly maxGoals: number;
}

export interface RenewalGoalView {
  id: string;
  title: string;
  priorityId?: string;
  /** The goal's priority is archived or was never set: choose a current one for the next cycle. */
  needsPriority: boolean;
}

export interface RenewalView {
  open: boolean;
  opensOn: IsoDate;
  cycleEnd: IsoDate;
  today: IsoDate;
  viewerRole: PairRole;
  /** The pair as it is now, with the ETag a decision must present. */
  pair: { status: Mentorship['status']; endedAt?: string; etag: string };
  goals: RenewalGoalView[];
  /** The program's current priorities, for the goals of the next cycle. */
  priorities: { id: string; name: string }[];
  decided?: RenewalRecord;
  /** Only the mentee may offer to mentor. */
  mayOfferToMentor: boolean;
  /** The pair has ended: its plan stays to read, nothing is decided any more. */
  pairEnded: boolean;
  /** Nothing is decided yet and the renewal opens later (on `opensOn`). */
  opensLater: boolean;
}

export interface RenewalServiceDeps {
  plans: PlanRepository;
  programs: ProgramRepository;
  renewals: RenewalRepository;
  now: () => Date;
  newId: () => string;
  /** Told after a decision changed the pair (a close), e.g. to stop its check-ins. */
  onMentorshipChanged?: (m: Mentorship) => Promise<unknown>;
}

export interface RenewalService {
  get(actor: Actor, pairId: string): Promise<Result<RenewalView>>;
  decide(actor: Actor, pairId: string, etag: string, input: RenewalInput): Promise<Result<RenewalView>>;
}

const notFound = () => fail<never>('not_found', 'There is no such mentoring plan, or it is not shared with you.');

export function createRenewalService(deps: RenewalServiceDeps): RenewalService {
  const { plans, programs, renewals, now } = deps;

  async function load(actor: Actor, pairId: string) {
    const record = await plans.load(pairId);
    if (!record) return notFound();
    const role = authorizePlan(actor, record.mentorship.value, 'view');
    if (!role.ok) return role;
    const program = await programs.get(record.mentorship.value.programId);
    if (!program || !inActorsTenant(actor, program.value)) return notFound();
    const cycleEnd = program.value.cycleEnd;
    const today = todayIn(record.members.mentee.timeZone, now());
    const decided = await renewals.get(pairId, cycleEnd);
    return ok({ record, role: role.value, program: program.value, cycleEnd, today, decided });
  }

  type Loaded = Extract<Awaited<ReturnType<typeof load>>, { ok: true }>['value'];

  function view({ record, role, program, cycleEnd, today, decided }: Loaded): RenewalView {
    const m = record.mentorship;
    const open = record.goals.map((g) => g.value).filter((g) => g.status === 'active');
    const flagged = new Set(
      goalsNeedingPriority(
        open,
        offeredPriorities(program.priorities).map((p) => p.id),
      ),
    );
    const ended = m.value.status === 'ended';
    return {
      open: renewalOpen(cycleEnd, today) && !decided && !ended,
      opensOn: renewalOpensOn(cycleEnd),
      cycleEnd,
      today,
      viewerRole: role,
      pair: { status: m.value.status, ...(m.value.endedAt ? { endedAt: m.value.endedAt } : {}), etag: m.etag },
      goals: open.map((g) => ({
        id: g.id,
        title: g.title,
        ...(g.priorityId ? { priorityId: g.priorityId } : {}),
        needsPriority: flagged.has(g.id),
      })),
      priorities: offeredPriorities(program.priorities).map((p) => ({ id: p.id, name: p.name })),
      ...(decided ? { decided } : {}),
      mayOfferToMentor: role === 'mentee',
      pairEnded: ended,
      opensLater: !decided && !ended && !renewalOpen(cycleEnd, today),
    };
  }

  async function get(actor: Actor, pairId: string): Promise<Result<RenewalView>> {
    const loaded = await load(actor, pairId);
    return loaded.ok ? ok(view(loaded.value)) : loaded;
  }

  return {
    get,

    async decide(actor, pairId, etag, input) {
      const loaded = await load(actor, pairId);
      if (!loaded.ok) return loaded;
      const { record, program, cycleEnd, today, decided } = loaded.value;
      const pair = record.mentorship.value;
      const allowed = authorizePlan(actor, pair, 'edit_plan');
      if (!allowed.ok) return allowed;
      if (decided) return fail('conflict', 'This pair’s renewal is decided already.', { current: view(loaded.value) });
      if (!renewalOpen(cycleEnd, today))
        return fail('invalid', `The renewal opens on ${renewalOpensOn(cycleEnd)}, two weeks before the cycle ends.`);
      const goals = record.goals;
      const checked = checkRenewal(
        input,
        goals.map((g) => g.value),
        allowed.value,
        { priorities: program.priorities, today },
      );
      if (!checked.ok) return checked;
      const newGoals = input.pair === 'continue' ? (input.newGoals ?? []) : [];
      if (input.goals.length + newGoals.length > renewals.maxGoals)
        return fail('invalid', `A renewal decides and sets at most ${renewals.maxGoals} goals at once: complete or drop some goals first.`);

      const at = now().toISOString();
      const byId = new Map(goals.map((g) => [g.value.id, g]));
      const goalWrites = input.goals.map((d): GoalRenewalWrite => {
        const current = byId.get(d.goalId)!;
        const before = current.value;
        const status = statusAfter(d.decision);
        const revision = before.revision + 1;
        const reason = d.reason || (d.decision === 'carry_over' ? 'Carried over to the next cycle at renewal.' : 'Completed at renewal.');
        return {
          goal: { ...before, status, revision, updatedAt: at, updatedBy: actor.id },
          etag: current.etag,
          revision: {
            goalId: before.id,
            revision,
            change: changeKind(before.status, status),
            at,
            by: actor.id,
            reason: d.decision === 'carry_over' && d.reason ? `Carried over to the next cycle: ${d.reason}` : reason,
            fields: before.status === status ? [] : [{ field: 'status', from: before.status, to: status }],
          },
        };
      });
      const newGoalWrites = newGoals.map((input): NewGoalWrite => {
        const goal: Goal = {
          title: input.title,
          description: input.description ?? '',
          priorityId: input.priorityId,
          ...(input.dueDate ? { dueDate: input.dueDate } : {}),
          id: deps.newId(),
          pairId,
          status: 'active',
          revision: 1,
          createdAt: at,
          createdBy: actor.id,
          updatedAt: at,
          updatedBy: actor.id,
        };
        return {
          goal,
          revision: {
            goalId: goal.id,
            revision: 1,
            change: 'created',
            at,
            by: actor.id,
            reason: `Set for the next cycle at renewal (the cycle ending ${cycleEnd}).`,
            fields: diffGoal({}, goal),
          },
        };
      });
      const base = { tenantId: pair.tenantId, programId: pair.programId, pairId, cycleEnd };
      const mentorship: Mentorship = input.pair === 'close' ? { ...pair, status: 'ended', endedAt: at } : pair;
      const written = await renewals.decide({
        mentorship,
        etag,
        record: {
          ...base,
          pair: input.pair,
          ...(input.pairReason ? { pairReason: input.pairReason } : {}),
          goals: input.goals,
          ...(newGoalWrites.length > 0 ? { newGoalIds: newGoalWrites.map((g) => g.goal.id) } : {}),
          decidedAt: at,
          decidedBy: actor.id,
        },
        goals: goalWrites,
        newGoals: newGoalWrites,
        ...(input.pair === 'change_mentor'
          ? {
              repair: {
                ...base,
                mentorId: pair.mentorId,
                menteeId: pair.menteeId,
                reason: input.pairReason ?? '',
                requestedAt: at,
                requestedBy: actor.id,
              },
            }
          : {}),
        ...(input.mentorOffer ? { offer: { ...base, ...input.mentorOffer, personId: actor.id, offeredAt: at } } : {}),
      });
      if (!written.ok) return written;
      if (input.pair === 'close') await deps.onMentorshipChanged?.(written.value.value);
      return get(actor, pairId);
    },
  };
}
