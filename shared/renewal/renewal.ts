// Renewal at the end of a cycle (capability 12): each goal is carried over, completed or dropped
// with a reason; the pair continues, asks for another mentor, or closes; a mentee may offer to
// mentor. This module holds the rules; doors (tab, card, API) only parse and call.
import { z } from 'zod';
import { addDays, type IsoDate } from '../dates';
import type { Goal } from '../goal';
import { limits } from '../limits';
import { entityId } from '../program';
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

export const renewalInput = z
  .object({
    goals: z.array(goalDecision).max(limits.goalsPerPair),
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
  if (input.mentorOffer && by !== 'mentee') issues.push({ path: 'mentorOffer', message: 'Only the mentee offers to mentor at renewal.' });
  return issues.length > 0 ? fail('invalid', issues[0]!.message, { issues }) : ok(input);
}

/** The status each decided goal takes: carried-over goals stay open into the next cycle. */
export const statusAfter = (decision: GoalDecision['decision']): Goal['status'] =>
  decision === 'complete' ? 'completed' : decision === 'drop' ? 'dropped' : 'active';
