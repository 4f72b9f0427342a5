// Who may do what. Every use case asks here; API routes and bot actions never decide on their own.
import type { Mentorship, PairRole } from './mentorship';
import { roleIn } from './mentorship';
import { fail, ok, type Result } from './result';

export interface Actor {
  id: string;
  timeZone: string;
}

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
