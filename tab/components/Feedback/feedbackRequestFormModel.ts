// The request form's values and their validation with the schema the server parses the body with
// (which also refuses an anonymous request to too few people), plus the close-date rule the server
// checks against the asker's today. Defaults come from the draft every door offers.
import type { PlanView } from '../../../shared/api';
import { closeDateProblem, feedbackDraft } from '../../../shared/feedback/feedbackDraft';
import { feedbackRequestInput, type FeedbackRequestInput, type FeedbackRespondent } from '../../../shared/feedback/feedbackRequest';
import { activeGoals as activeGoalsOf } from '../../../shared/plan/planChoices';
import { zodFieldErrors, type FieldErrors } from '../../forms/fieldErrors';
import { strings } from '../../strings';

export interface FeedbackRequestFormValues {
  goalId: string;
  behaviors: string[];
  respondents: FeedbackRespondent[];
  closesOn: string;
  anonymous: boolean;
}

export const activeGoals = (plan: PlanView) => activeGoalsOf(plan.goals);

/** The behaviors of the strategic priority the goal serves; none when it serves no priority. */
export const behaviorsForGoal = (plan: PlanView, goalId: string): string[] => feedbackDraft(plan, goalId, plan.today)?.behaviors ?? [];

export function initialValues(plan: PlanView): FeedbackRequestFormValues {
  const goalId = activeGoals(plan)[0]?.value.id ?? '';
  const draft = feedbackDraft(plan, goalId, plan.today);
  return { goalId, behaviors: draft?.behaviors ?? [], respondents: [], closesOn: draft?.closesOn ?? '', anonymous: false };
}

export type Validated<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

export function validateRequest(values: FeedbackRequestFormValues, today: string): Validated<FeedbackRequestInput> {
  const parsed = feedbackRequestInput.safeParse(values);
  const errors: FieldErrors = parsed.success ? {} : zodFieldErrors(parsed.error);
  if (!values.goalId) errors.goalId = strings.feedback.needsActiveGoal;
  if (values.closesOn && closeDateProblem(values.closesOn, today)) errors.closesOn ??= strings.feedback.form.closeAfterToday;
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: parsed.data };
}
