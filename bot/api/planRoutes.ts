// The development plan over HTTP: parse, call the plan service, map the result. No rules here.
import { Router } from 'express';
import {
  activityCreateInput,
  activityParams,
  activityPatchInput,
  agreementInput,
  goalCreateInput,
  goalParams,
  goalPatchInput,
  milestoneCreateInput,
  milestoneParams,
  milestonePatchInput,
  pairParams,
  paths,
} from '../../shared/api';
import type { PlanService } from '../../shared/plan/planService';
import { z } from 'zod';
import { route } from './http';

const noParams = z.object({}).strict();

export function planRoutes(plan: PlanService, authMode: 'development' | 'entra'): Router {
  const r = Router();
  r.get(paths.me, route({ params: noParams }, ({ actor }) => plan.me(actor, authMode)));
  r.get(paths.plan, route({ params: pairParams }, ({ actor, params }) => plan.loadPlan(actor, params.pairId)));

  r.put(paths.agreement, route({ params: pairParams, body: agreementInput, ifMatch: true }, ({ actor, params, body, etag }) =>
    plan.updateAgreement(actor, params.pairId, etag, body)));
  r.post(paths.agreementAccept, route({ params: pairParams, ifMatch: true }, ({ actor, params, etag }) =>
    plan.acceptAgreement(actor, params.pairId, etag)));

  r.post(paths.goals, route({ params: pairParams, body: goalCreateInput, status: 201 }, ({ actor, params, body }) =>
    plan.createGoal(actor, params.pairId, body)));
  r.patch(paths.goal, route({ params: goalParams, body: goalPatchInput, ifMatch: true }, ({ actor, params, body, etag }) =>
    plan.updateGoal(actor, params.pairId, params.goalId, etag, body)));
  r.get(paths.goalHistory, route({ params: goalParams }, ({ actor, params }) => plan.goalHistory(actor, params.pairId, params.goalId)));

  r.post(paths.milestones, route({ params: goalParams, body: milestoneCreateInput, status: 201 }, ({ actor, params, body }) =>
    plan.createMilestone(actor, params.pairId, params.goalId, body)));
  r.patch(paths.milestone, route({ params: milestoneParams, body: milestonePatchInput, ifMatch: true }, ({ actor, params, body, etag }) =>
    plan.updateMilestone(actor, params.pairId, params.goalId, params.milestoneId, etag, body)));
  r.delete(paths.milestone, route({ params: milestoneParams, ifMatch: true, status: 204 }, ({ actor, params, etag }) =>
    plan.deleteMilestone(actor, params.pairId, params.goalId, params.milestoneId, etag)));

  r.post(paths.activities, route({ params: goalParams, body: activityCreateInput, status: 201 }, ({ actor, params, body }) =>
    plan.createActivity(actor, params.pairId, params.goalId, body)));
  r.patch(paths.activity, route({ params: activityParams, body: activityPatchInput, ifMatch: true }, ({ actor, params, body, etag }) =>
    plan.updateActivity(actor, params.pairId, params.goalId, params.activityId, etag, body)));
  r.delete(paths.activity, route({ params: activityParams, ifMatch: true, status: 204 }, ({ actor, params, etag }) =>
    plan.deleteActivity(actor, params.pairId, params.goalId, params.activityId, etag)));
  return r;
}
