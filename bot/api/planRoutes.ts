// The development plan over HTTP: call the plan service with the parsed input, no rules here.
import type { Router } from 'express';
import type { PlanService } from '../../shared/plan/planService';
import { serve } from './http';

export function planRoutes(plan: PlanService, authMode: 'development' | 'entra'): Router {
  return serve({
    getMe: ({ actor }) => plan.me(actor, authMode),
    getPlan: ({ actor, params }) => plan.loadPlan(actor, params.pairId),

    updateAgreement: ({ actor, params, body, etag }) => plan.updateAgreement(actor, params.pairId, etag, body),
    acceptAgreement: ({ actor, params, etag }) => plan.acceptAgreement(actor, params.pairId, etag),

    createGoal: ({ actor, params, body }) => plan.createGoal(actor, params.pairId, body),
    updateGoal: ({ actor, params, body, etag }) => plan.updateGoal(actor, params.pairId, params.goalId, etag, body),
    getGoalHistory: ({ actor, params }) => plan.goalHistory(actor, params.pairId, params.goalId),

    createMilestone: ({ actor, params, body }) => plan.createMilestone(actor, params.pairId, params.goalId, body),
    updateMilestone: ({ actor, params, body, etag }) =>
      plan.updateMilestone(actor, params.pairId, params.goalId, params.milestoneId, etag, body),
    deleteMilestone: ({ actor, params, etag }) => plan.deleteMilestone(actor, params.pairId, params.goalId, params.milestoneId, etag),

    createActivity: ({ actor, params, body }) => plan.createActivity(actor, params.pairId, params.goalId, body),
    updateActivity: ({ actor, params, body, etag }) =>
      plan.updateActivity(actor, params.pairId, params.goalId, params.activityId, etag, body),
    deleteActivity: ({ actor, params, etag }) => plan.deleteActivity(actor, params.pairId, params.goalId, params.activityId, etag),
  });
}
