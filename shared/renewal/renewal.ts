// Renewal at the end of a cycle (capability 12): each goal is carried over, completed or dropped
// with a reason; the pair continues, asks for another mentor, or closes; a mentee may offer to
// mentor. This module holds the rules; doors (tab, card, API) only parse and call.
import { z } from 'zod';
import { addDays, isoDate, type IsoDate } from '../dates';
import type { Goal } from '../goal';
import { limits } from '../limits';
import { goalFields } from '../goal';
import { entityId, offeredPriorities, type StrategicPriority } from '../program';
import { fail, ok, type FieldIssue, type Result } from '../result';

/** The renewal opens (and its card goes out) this many days before the cycle ends. */
export const RENEWAL_NOTICE_DAYS = 14;

export const renewalOpensOn = (cycleEnd: IsoDate): IsoDate => addDays(cycleEnd, -RENEWAL_NOTICE_DAYS);

/** Renewal is open from two weeks before the cycle's end until the pair has decided. */
export const renewalOpen = (cycleEnd: IsoDate, today: IsoDate): boolean => today >= renewalOpensOn(cycleEnd);

const reason = z.string().trim().max(limits.longText);

export const goalDecision = z.discriminatedUnion('decision', [
  z.object({ goalId: entityId, decision: z.literal('carry_over'), reason: reason.optional() }).strict(),
  z.object({ goalId: entityId, decision: z.literal('complete'), reason: reason.optional() }).strict(),
  z.object({ goalId: entityId, decision: z.literal('drop'), reason: reason.min(1, 'Say why the goal is dropped.') }).strict(),
]);
export type GoalDecision = z.infer<typeof goalDecision>;

export const pairDecision = z.enum(['continue', 'change_mentor', 'close']);
export type PairDecision = z.infer<typeof pairDecision>;

export const mentorOffer = z
  .object({
    strengths: z.array(z.string().trim().min(1).max(limits.shortText)).min(1, 'Name at least one strength.').max(limits.behaviors),
    capacity: z.number().int().min(1).max(5),
  })
  .strict();
export type MentorOffer = z.infer<typeof mentorOffer>;

/** A goal for the next cycle, set at renewal against one of the program's current priorities. */
export const renewalNewGoal = z
  .object({
    title: goalFields.title,
    description: goalFields.description.optional(),
    priorityId: entityId,
    dueDate: isoDate.optional(),
  })
  .strict();
export type RenewalNewGoal = z.infer<typeof renewalNewGoal>;

export const renewalInput = z
  .object({
    goals: z.array(goalDecision).max(limits.goalsPerPair),
    /** Goals for the next cycle: created with the decision, only when the pair continues. */
    newGoals: z.array(renewalNewGoal).max(limits.goalsPerPair).optional(),
    pair: pairDecision,
    /** Why the pair asks for another mentor or closes: seen by the program manager only. */
    pairReason: reason.optional(),
    /** The mentee's offer to mentor others in the next cycle. */
    mentorOffer: mentorOffer.optional(),
  })
  .strict();
export type RenewalInput = z.infer<typeof renewalInput>;

/** Open goals whose priority the program no longer has: the renewal flags them for a new priority. */
export function goalsNeedingPriority(
  goals: readonly Pick<Goal, 'id' | 'status' | 'priorityId'>[],
  currentPriorityIds: readonly string[],
): string[] {
  return goals.filter((g) => g.status === 'active' && (!g.priorityId || !currentPriorityIds.includes(g.priorityId))).map((g) => g.id);
}

/**
 * Checks a renewal against the pair's goals: every open goal is decided exactly once, no other goal
 * is, a mentee offer comes only from the mentee, and a change of mentor says why.
 */
export function checkRenewal(
  input: RenewalInput,
  goals: readonly Pick<Goal, 'id' | 'status' | 'title'>[],
  by: 'mentor' | 'mentee',
  context: { priorities: readonly StrategicPriority[]; today: IsoDate },
): Result<RenewalInput> {
  const issues: FieldIssue[] = [];
  const open = new Map(goals.filter((g) => g.status === 'active').map((g) => [g.id, g]));
  const decided = new Set<string>();
  input.goals.forEach((d, i) => {
    if (!open.has(d.goalId)) issues.push({ path: `goals.${i}.goalId`, message: 'Only open goals of this pair are decided at renewal.' });
    else if (decided.has(d.goalId)) issues.push({ path: `goals.${i}.goalId`, message: 'Each goal is decided once.' });
    decided.add(d.goalId);
  });
  for (const [id, goal] of open) {
    if (!decided.has(id)) issues.push({ path: 'goals', message: `Decide what happens to “${goal.title}”.` });
  }
  if (input.pair === 'change_mentor' && !input.pairReason)
    issues.push({ path: 'pairReason', message: 'Say why you would like another mentor.' });
  const current = new Set(offeredPriorities(context.priorities).map((p) => p.id));
  const newGoals = input.newGoals ?? [];
  if (newGoals.length > 0 && input.pair !== 'continue')
    issues.push({ path: 'newGoals', message: 'Goals for the next cycle are set only when the pair continues.' });
  if (goals.length + newGoals.length > limits.goalsPerPair)
    issues.push({ path: 'newGoals', message: `A plan holds at most ${limits.goalsPerPair} goals.` });
  newGoals.forEach((g, i) => {
    if (!current.has(g.priorityId))
      issues.push({ path: `newGoals.${i}.priorityId`, message: `Choose one of the program’s current priorities for “${g.title}”.` });
    if (g.dueDate !== undefined && g.dueDate < context.today)
      issues.push({ path: `newGoals.${i}.dueDate`, message: `The due date of “${g.title}” is in the past.` });
  });
  if (input.mentorOffer && by !== 'mentee') issues.push({ path: 'mentorOffer', message: 'Only the mentee offers to mentor at renewal.' });
  return issues.length > 0 ? fail('invalid', issues[0]!.message, { issues }) : ok(input);
}

/** The status each decided goal takes: carried-over goals stay open into the next cycle. */
export const statusAfter = (decision: GoalDecision['decision']): Goal['status'] =>
  decision === 'complete' ? 'completed' : decision === 'drop' ? 'dropped' : 'active';
