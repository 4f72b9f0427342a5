// The places of a plan, in the order of its tab list: each is a path (`/plans/{pairId}/{id}`, the
// same as `subPageId` inside Teams; shared/planLinks.ts) and downloads its code when first opened.
// The plan itself is the first view, drawn by PlanPage. A new place is one line here (its id is in
// `planPlaces`).
import { lazy, type ComponentType } from 'react';
import type { PlanPlace } from '../../shared/planLinks';

export interface Place {
  id: PlanPlace;
  /** Drawn inside the plan's context (usePlanContext); absent for the plan itself. */
  Component?: ComponentType;
}

export const places: readonly Place[] = [
  { id: 'plan' },
  { id: 'check-ins', Component: lazy(() => import('../components/CheckIns/CheckInsPlace')) },
  { id: 'feedback', Component: lazy(() => import('../components/Feedback/FeedbackPlace')) },
  { id: 'checkpoints', Component: lazy(() => import('../components/Checkpoints/CheckpointsInPlan')) },
  { id: 'journal', Component: lazy(() => import('../components/Journal/JournalPlace')) },
  { id: 'renewal', Component: lazy(() => import('../components/Renewal/RenewalPlace')) },
];
