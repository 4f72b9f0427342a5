// Use cases of check-ins: the mentee answers, the mentor comments, both read the history, the
// history counts missed ones. Each loads the pair, asks the policy, applies the rules and writes with
// the ETag it read. Card actions arrive more than once (Teams retries an invoke that took too
// long), so answering and commenting are idempotent.
import { todayIn } from '../dates';
import type { Goal } from '../goal';
import type { Mentorship } from '../mentorship';
import type { Agreement } from '../mentorship';
import type { PersonSummary } from '../person';
import { authorizePlan, type Actor } from '../policy';
import { defaultCheckInQuestions } from '../program';
import type { CheckInRepository, PlanRecord, PlanRepository, ProgramRepository } from '../repositories';
import { fail, ok, type Result, type Versioned } from '../result';
import { diffGoal } from '../plan/goalRevisions';
import { isActiveGoal } from '../plan/planChoices';
import type { CheckIn, CheckInAnswer, MentorComment } from './checkIn';
import { checkInHistory, type CheckInHistoryView } from './checkInHistory';
import { checkInCardQuestions, questionsOfCheckIn } from './checkInQuestions';
import { checkInForDate, type CheckInSchedule } from './schedule';

export interface CheckInServiceDeps {
  plans: PlanRepository;
  /** The pair's program: a check-in keeps the program's questions as they are when it is created. */
  programs: Pick<ProgramRepository, 'get'>;
  checkIns: CheckInRepository;
  now: () => Date;
  newId: () => string;
}

/** What a card about one check-in needs: the check-in, both people and the pair's goals. */
export interface CheckInContext {
  checkIn: Versioned<CheckIn>;
  mentor: PersonSummary;
  mentee: PersonSummary;
  /** What the pair agreed, for meeting suggestions inside both people's working hours. */
  agreement: Agreement;
  /** Every goal of the pair (answers to old cards may name goals completed since). */
  goals: Goal[];
}

/**
 * `stored`: this submit recorded the answer. `duplicate`: the same answer was stored before (a
 * retried submit); nothing changed. `kept_first`: the check-in was answered before with other
 * content; the first answer stands (the mentor may already have read and commented on it).
 */
export type AnswerOutcome = 'stored' | 'duplicate' | 'kept_first';

export interface AnswerResult extends CheckInContext {
  outcome: AnswerOutcome;
}

export interface CommentResult extends CheckInContext {
  comment: MentorComment;
  /** The same comment by the same mentor was stored before (a retried submit); stored once. */
  duplicate: boolean;
}

/** A goal is measurable on a check-in when it has a target to measure progress against. */
export const isMeasurable = (goal: Pick<Goal, 'target'>): boolean => goal.target !== undefined;

/** The range a goal's current value may take: not below zero for a goal counted from zero up. */
export function progressBounds(goal: Pick<Goal, 'baseline' | 'target'>): { min: number; max: number } {
  const nonNegative = (goal.baseline ?? 0) >= 0 && (goal.target ?? 0) >= 0;
  return { min: nonNegative ? 0 : -1e12, max: 1e12 };
}

/**
 * When a pair's check-ins fall: the cadence the pair agreed on, at the mentee's local time and
 * working hours, counted from the pair's start.
 */
export const checkInScheduleOf = (m: Mentorship): CheckInSchedule => ({
  cadence: m.agreement.meetingCadence,
  timeZone: m.agreement.mentee.timeZone,
  workingHours: m.agreement.mentee.workingHours,
  anchorDate: m.startDate,
});

const notFoundPair = <T>(): Result<T> => fail('not_found', 'There is no such mentoring plan, or it is not shared with you.');
const notFoundCheckIn = <T>(): Result<T> => fail('not_found', 'This check-in does not exist (any more).');
const invalid = <T>(path: string, message: string): Result<T> => fail('invalid', message, { issues: [{ path, message }] });

// Storage conflicts come from a concurrent write to the same check-in (a retried submit, a comment):
// read again and decide again, a few times.
const WRITE_ATTEMPTS = 3;
/** The check-in schema's limit on comments (a row must stay far below Table Storage's 1 MiB). */
const MAX_COMMENTS = 50;

/** Answers compare by content: goals in id order, text as stored (trimmed by the schema). */
const sameAnswer = (a: CheckInAnswer, b: CheckInAnswer): boolean => JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
const canonical = (a: CheckInAnswer) => ({
  ...a,
  goals: [...a.goals]
    .sort((x, y) => x.goalId.localeCompare(y.goalId))
    .map((g) => ({ goalId: g.goalId, current: g.current ?? null, status: g.status ?? null })),
});

export function createCheckInService(deps: CheckInServiceDeps) {
  const { plans, programs, checkIns, now, newId } = deps;

  /** Answers to the program's own questions name a free-text question of this check-in, each once. */
  function validateResponses(checkIn: CheckIn, answer: CheckInAnswer): Result<CheckInAnswer> {
    const open = new Set(
      checkInCardQuestions(questionsOfCheckIn(checkIn))
        .filter((q) => q.kind === 'text')
        .map((q) => q.index),
    );
    const seen = new Set<number>();
    for (const [i, r] of (answer.responses ?? []).entries()) {
      if (!open.has(r.index) || seen.has(r.index)) return invalid(`responses.${i}.index`, 'That question is not on this check-in.');
      seen.add(r.index);
    }
    return ok(answer);
  }

  const contextOf = (record: PlanRecord, checkIn: Versioned<CheckIn>): CheckInContext => ({
    checkIn,
    mentor: record.members.mentor,
    mentee: record.members.mentee,
    agreement: record.mentorship.value.agreement,
    goals: record.goals.map((g) => g.value),
  });

  async function openPair(
    actor: Actor,
    pairId: string,
    action: 'view' | 'edit_plan',
  ): Promise<Result<{ record: PlanRecord; role: 'mentor' | 'mentee' }>> {
    const record = await plans.load(pairId);
    if (!record) return notFoundPair();
    const role = authorizePlan(actor, record.mentorship.value, action);
    return role.ok ? ok({ record, role: role.value }) : role;
  }

  /** The parsed answer against this plan: its own goals, each once, within their bounds. */
  function validateAnswer(record: PlanRecord, answer: CheckInAnswer): Result<CheckInAnswer> {
    const goals = new Map(record.goals.map((g) => [g.value.id, g.value]));
    const seen = new Set<string>();
    for (const [i, progress] of answer.goals.entries()) {
      const goal = goals.get(progress.goalId);
      if (!goal) return invalid(`goals.${i}.goalId`, 'That goal is not part of this plan.');
      if (seen.has(goal.id)) return invalid(`goals.${i}.goalId`, `“${goal.title}” is answered twice.`);
      seen.add(goal.id);
      const { min } = progressBounds(goal);
      if (progress.current !== undefined && progress.current < min) {
        return invalid(`goals.${i}.current`, `“${goal.title}”: use a number no smaller than ${min}.`);
      }
    }
    return ok(answer);
  }

  /**
   * The values a check-in reports become the goals' current values, each with a history entry that
   * names the check-in. A goal changed after the card went out keeps its newer value (the number
   * stays in the check-in); a goal edited at the same moment keeps that edit.
   */
  async function carryProgressToGoals(record: PlanRecord, checkIn: CheckIn, answer: CheckInAnswer, actor: Actor): Promise<void> {
    const sentAt = checkIn.sentAt ?? checkIn.dueAt;
    const at = now().toISOString();
    for (const progress of answer.goals) {
      const found = record.goals.find((g) => g.value.id === progress.goalId);
      if (progress.current === undefined || !found || !isActiveGoal(found.value)) continue;
      if (found.value.current === progress.current || found.value.updatedAt > sentAt) continue;
      const next: Goal = {
        ...found.value,
        current: progress.current,
        revision: found.value.revision + 1,
        updatedAt: at,
        updatedBy: actor.id,
      };
      await plans.updateGoal(next, found.etag, {
        goalId: next.id,
        revision: next.revision,
        change: 'updated',
        at,
        by: actor.id,
        reason: `Check-in for the period starting ${checkIn.slot}`,
        fields: diffGoal(found.value, next),
      });
    }
  }

  return {
    /** The mentee's answer (parsed with `checkInAnswer`) to the check-in of `slot` (its own slot, however late). */
    async answer(actor: Actor, pairId: string, slot: string, input: CheckInAnswer): Promise<Result<AnswerResult>> {
      const pair = await openPair(actor, pairId, 'edit_plan');
      if (!pair.ok) return pair;
      const { record, role } = pair.value;
      if (role !== 'mentee') return fail('forbidden', `Only ${record.members.mentee.displayName} answers this check-in.`);
      const answer = validateAnswer(record, input);
      if (!answer.ok) return answer;

      for (let attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {
        const current = await checkIns.get(pairId, slot);
        if (!current) return notFoundCheckIn();
        const stored = current.value;
        const responses = validateResponses(stored, answer.value);
        if (!responses.ok) return responses;
        if (stored.status === 'answered' && stored.answer) {
          const outcome: AnswerOutcome = sameAnswer(stored.answer, answer.value) ? 'duplicate' : 'kept_first';
          return ok({ ...contextOf(record, current), outcome });
        }
        // A late answer is welcome, also after the slot was marked missed: it becomes answered.
        const at = now().toISOString();
        const next: CheckIn = { ...stored, status: 'answered', answeredAt: at, answeredBy: actor.id, answer: answer.value };
        const written = await checkIns.update(next, current.etag, {
          id: newId(),
          pairId,
          kind: 'check_in',
          at,
          authorId: actor.id,
          visibility: 'pair',
          menteeConsented: false,
          summary: `Check-in for ${slot} answered (confidence ${answer.value.confidence} of 5).`,
          checkInSlot: slot,
        });
        if (written.ok) {
          await carryProgressToGoals(record, stored, answer.value, actor);
          return ok({ ...contextOf(record, written.value), outcome: 'stored' });
        }
        if (written.error.code !== 'conflict') return written;
      }
      return fail('conflict', 'This check-in changed while your answer was saved. Try again.');
    },

    /**
     * The mentor's comment (parsed with `mentorCommentText`) on a check-in. The same text sent again
     * (a retry) is stored once.
     */
    async comment(actor: Actor, pairId: string, slot: string, text: string): Promise<Result<CommentResult>> {
      const pair = await openPair(actor, pairId, 'edit_plan');
      if (!pair.ok) return pair;
      const { record, role } = pair.value;
      if (role !== 'mentor') return fail('forbidden', `Only ${record.members.mentor.displayName} comments on this check-in.`);

      for (let attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {
        const current = await checkIns.get(pairId, slot);
        if (!current) return notFoundCheckIn();
        // A comment answers an answer: on a check-in still waiting (or missed) there is nothing to reply to.
        if (current.value.status !== 'answered') return invalid('comment', 'A check-in takes comments once it is answered.');
        const earlier = current.value.comments.find((c) => c.by === actor.id && c.text === text);
        if (earlier) return ok({ ...contextOf(record, current), comment: earlier, duplicate: true });
        if (current.value.comments.length >= MAX_COMMENTS) {
          return invalid('comment', 'This check-in has as many comments as it can hold.');
        }
        const comment: MentorComment = { id: newId(), at: now().toISOString(), by: actor.id, text };
        const written = await checkIns.update({ ...current.value, comments: [...current.value.comments, comment] }, current.etag);
        if (written.ok) return ok({ ...contextOf(record, written.value), comment, duplicate: false });
        if (written.error.code !== 'conflict') return written;
      }
      return fail('conflict', 'This check-in changed while your comment was saved. Try again.');
    },

    /** One check-in with what a card about it needs; mentor and mentee alike. */
    async context(actor: Actor, pairId: string, slot: string): Promise<Result<CheckInContext>> {
      const pair = await openPair(actor, pairId, 'view');
      if (!pair.ok) return pair;
      const current = await checkIns.get(pairId, slot);
      return current ? ok(contextOf(pair.value.record, current)) : notFoundCheckIn();
    },

    /**
     * The check-in of the current period for the pair in which the actor is the mentee, recorded as
     * sent if the sender has not sent it yet (so it is sent once, whoever sends it first).
     */
    async current(actor: Actor): Promise<Result<CheckInContext>> {
      const refs = (await plans.pairsOf(actor.id)).filter((r) => r.role === 'mentee');
      for (const ref of refs) {
        const pair = await openPair(actor, ref.pairId, 'edit_plan');
        if (!pair.ok) continue;
        const { record } = pair.value;
        const schedule = checkInScheduleOf(record.mentorship.value);
        const due = checkInForDate(schedule, todayIn(schedule.timeZone, now()));
        const existing = await checkIns.get(ref.pairId, due.slot);
        if (existing) return ok(contextOf(record, existing));
        const program = await programs.get(record.mentorship.value.programId);
        const sent = await checkIns.recordSent({
          pairId: ref.pairId,
          slot: due.slot,
          dueAt: due.dueAt,
          status: 'sent',
          questions: [...(program?.value.checkInQuestions ?? defaultCheckInQuestions)],
          sentAt: now().toISOString(),
          comments: [],
        });
        if (sent.ok) return ok(contextOf(record, sent.value));
        // Sent by the scheduler a moment ago: use that one.
        const raced = await checkIns.get(ref.pairId, due.slot);
        if (raced) return ok(contextOf(record, raced));
        return sent;
      }
      return fail('not_found', 'You have no mentoring pair as a mentee yet, so there is no check-in to answer.');
    },

    async history(actor: Actor, pairId: string): Promise<Result<CheckInHistoryView>> {
      const pair = await openPair(actor, pairId, 'view');
      if (!pair.ok) return pair;
      const list = await checkIns.list(pairId);
      return ok(
        checkInHistory(
          pairId,
          list.map((c) => c.value),
          pair.value.record.goals.map((g) => g.value),
          now(),
        ),
      );
    },
  };
}

export type CheckInService = ReturnType<typeof createCheckInService>;
