// What every part of a plan needs: the plan as loaded, a way to load it again after a change, and
// a way to say that a quick change (a checkbox, a status) did not go through.
import { createContext, useContext } from 'react';
import type { PlanView } from '../../../shared/api';
import type { PairRole } from '../../../shared/mentorship';

export interface PlanContextValue {
  pairId: string;
  plan: PlanView;
  /**
   * Nothing in the plan can be changed by this person (an ended pair): `!plan.can.editPlan`. What
   * each part offers is in `plan.can` and each goal's `can`; the server enforces the same rules.
   */
  readOnly: boolean;
  reload: () => Promise<void>;
  /** Tells the person about a quick change that failed, or where something they added went. */
  notify: (notice: { intent: 'error' | 'warning' | 'success'; title: string; message: string }) => void;
}

export const PlanContext = createContext<PlanContextValue | undefined>(undefined);

export function usePlanContext(): PlanContextValue {
  const value = useContext(PlanContext);
  if (!value) throw new Error('usePlanContext needs a <PlanContext.Provider> above it.');
  return value;
}

/** The person behind an id in this pair, for "who changed it". */
export function memberOf(plan: PlanView, personId: string): { name: string; role: PairRole } | undefined {
  if (personId === plan.mentor.id) return { name: plan.mentor.displayName, role: 'mentor' };
  if (personId === plan.mentee.id) return { name: plan.mentee.displayName, role: 'mentee' };
  return undefined;
}
