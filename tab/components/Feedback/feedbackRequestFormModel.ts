// The request form's values and their validation with the schema the server parses the body with,
// plus the close-date rule the server checks against the asker's today.
import type { PlanView } from '../../../shared/api';
import { addDays } from '../../../shared/dates';
import { feedbackRequestInput, type FeedbackRequestInput, type FeedbackRespondent } from '../../../shared/feedback/feedbackRequest';
import { zodFieldErrors, type FieldErrors } from '../../forms/fieldErrors';
import { strings } from '../../strings';

export interface FeedbackRequestFormValues {
  goalId: string;
  behaviors: string[];
  respondents: FeedbackRespondent[];
  closesOn: string;
  anonymous: boolean;
}

/** Two weeks gives people a fortnight of working days to answer, whatever their schedule. */
const DEFAULT_OPEN_DAYS = 14;

export const activeGoals = (plan: PlanView) => plan.goals.filter((g) => g.value.status === 'active');

/** The behaviors of the strategic priority the goal serves; none when it serves no priority. */
export function behaviorsForGoal(plan: PlanView, goalId: string): string[] {
  const goal = plan.goals.find((g) => g.value.id === goalId)?.value;
  const priority = plan.program.priorities.find((p) => p.id === goal?.priorityId);
  return priority ? [...priority.behaviors] : [];
}

export function initialValues(plan: PlanView): FeedbackRequestFormValues {
  const goalId = activeGoals(plan)[0]?.value.id ?? '';
  return { goalId, behaviors: behaviorsForGoal(plan, goalId), respondents: [], closesOn: addDays(plan.today, DEFAULT_OPEN_DAYS), anonymous: false };
}

export type Validated<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

export function validateRequest(values: FeedbackRequestFormValues, today: string): Validated<FeedbackRequestInput> {
  const parsed = feedbackRequestInput.safeParse(values);
  const errors: FieldErrors = parsed.success ? {} : zodFieldErrors(parsed.error);
  if (!values.goalId) errors.goalId = strings.feedback.needsActiveGoal;
  if (values.closesOn && values.closesOn <= today) errors.closesOn ??= strings.feedback.form.closeAfterToday;
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: parsed.data };
}
