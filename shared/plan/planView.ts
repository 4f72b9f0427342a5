import type { GoalView, PlanView } from '../api';
import { todayIn } from '../dates';
import { goalProgress } from '../goal';
import { agreementAccepted, type PairRole } from '../mentorship';
import { isOverdue } from '../milestone';
import { isActiveGoal } from './planChoices';
import { goalPermissions, planPermissions, type Actor } from '../policy';
import type { Program } from '../program';
import type { PlanRecord } from '../repositories';
import { smartGaps } from '../smart';

const goalOrder = { active: 0, completed: 1, dropped: 2 } as const;

/** ISO dates and instants sort as plain text; locale collation would cost far more for nothing. */
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Shapes a stored plan for a viewer: SMART gaps, progress, overdue marks and what the viewer may do
 * (`can`, from the policy the use cases enforce) are computed here.
 */
export function toPlanView(record: PlanRecord, program: Program, viewer: Actor, viewerRole: PairRole, now: Date): PlanView {
  const today = todayIn(viewer.timeZone, now);
  const can = planPermissions(viewer, record.mentorship.value);
  const goals: GoalView[] = record.goals
    .map(({ value: goal, etag }) => ({
      value: goal,
      etag,
      progress: goalProgress(goal),
      smartGaps: isActiveGoal(goal) ? smartGaps(goal) : [],
      milestones: record.milestones
        .filter((m) => m.value.goalId === goal.id)
        .sort((a, b) => compareText(a.value.dueDate, b.value.dueDate))
        .map((m) => ({ ...m, overdue: isOverdue(m.value, today) })),
      activities: record.activities.filter((a) => a.value.goalId === goal.id),
      can: goalPermissions(can, goal),
    }))
    .sort((a, b) => goalOrder[a.value.status] - goalOrder[b.value.status] || compareText(a.value.createdAt, b.value.createdAt));
  return {
    pair: { ...record.mentorship, accepted: agreementAccepted(record.mentorship.value) },
    viewerRole,
    mentor: record.members.mentor,
    mentee: record.members.mentee,
    program: { id: program.id, name: program.name, checkInCadence: program.checkInCadence, priorities: program.priorities },
    today,
    goals,
    can,
  };
}
