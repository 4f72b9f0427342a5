// After a goal is added the dialog closes onto a long page: say where the goal went (its priority's
// group) and bring its card into view with focus on it.
import type { PlanView } from '../../../shared/api';
import type { Goal } from '../../../shared/goal';
import { strings } from '../../strings';
import type { PlanContextValue } from '../PlanPage/PlanContext';

/** The group heading the goal is listed under, as GoalGroups names it. */
function groupOf(goal: Goal, plan: PlanView): string {
  const priority = plan.program.priorities.find((p) => p.id === goal.priorityId);
  return priority ? strings.plan.priorityGroupLabel(priority.name) : strings.plan.unlinkedGroup;
}

export function showAddedGoal(goal: Goal, plan: PlanView, notify: PlanContextValue['notify']) {
  notify({ intent: 'success', title: strings.goalAdded.title, message: strings.goalAdded.message(goal.title, groupOf(goal, plan)) });
  focusCardWhenShown(goal.id);
}

const MAX_FRAMES = 120;

function focusCardWhenShown(goalId: string) {
  let frames = 0;
  const attempt = () => {
    const card = document.querySelector<HTMLElement>(`[data-goal-id="${CSS.escape(goalId)}"]`);
    // The closing dialog hands focus back to its trigger; the card takes it once the dialog is gone.
    const dialogOpen = document.querySelector('[role="dialog"]') !== null;
    if (card && !dialogOpen) {
      card.scrollIntoView({ block: 'center' });
      card.focus({ preventScroll: true });
    } else if (++frames < MAX_FRAMES) {
      requestAnimationFrame(attempt);
    }
  };
  requestAnimationFrame(attempt);
}
