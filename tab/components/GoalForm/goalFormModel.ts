// The goal form keeps what the person typed as text; these functions turn it into the API's input
// and validate it with the same zod schemas the server uses.
import { goalCreateInput, goalPatchInput, goalTargetRule, type GoalCreateInput, type GoalPatchInput } from '../../../shared/api';
import { isPastDate, pastDateMessage } from '../../../shared/dueDate';
import { editableGoalFields, type EditableGoalField, type Goal } from '../../../shared/goal';
import { zodFieldErrors, type FieldErrors } from '../../forms/fieldErrors';
import { strings } from '../../strings';

export type GoalFormValues = Record<EditableGoalField, string>;

const numberFields = new Set<EditableGoalField>(['baseline', 'target', 'current', 'hoursPerMonth']);
/** Fields that hold text even when empty; the others are absent when empty. */
const alwaysPresent = new Set<EditableGoalField>(['title', 'description']);

export const emptyGoalForm = (): GoalFormValues => Object.fromEntries(editableGoalFields.map((f) => [f, ''])) as GoalFormValues;

export function goalToForm(goal: Goal): GoalFormValues {
  const values = emptyGoalForm();
  for (const f of editableGoalFields) {
    const v = goal[f];
    values[f] = v === undefined ? '' : String(v);
  }
  return values;
}

/** `undefined` for an empty optional field; `NaN` for text that is not a number (zod says so). */
function parseField(field: EditableGoalField, text: string): string | number | undefined {
  const trimmed = text.trim();
  if (trimmed === '' && !alwaysPresent.has(field)) return undefined;
  if (numberFields.has(field)) return Number(trimmed.replace(',', '.'));
  return trimmed;
}

function toInput(values: GoalFormValues): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const f of editableGoalFields) {
    const v = parseField(f, values[f]);
    if (v !== undefined) input[f] = v;
  }
  return input;
}

export type Validated<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

function checkDueDate(values: GoalFormValues, today: string, previous: string | undefined): FieldErrors {
  const due = values.dueDate.trim();
  return due && due !== previous && isPastDate(due, today) ? { dueDate: pastDateMessage(strings.dueDateWhat) } : {};
}

function validateWhole(values: GoalFormValues, today: string, previousDueDate: string | undefined): Validated<GoalCreateInput> {
  const input = toInput(values);
  const parsed = goalCreateInput.safeParse(input);
  const errors = { ...checkDueDate(values, today, previousDueDate), ...(parsed.success ? {} : zodFieldErrors(parsed.error)) };
  // zod runs an object's refinements only once every field is valid; say it now, not on the next try.
  const { baseline, target } = input as { baseline?: number; target?: number };
  if (!goalTargetRule.check({ baseline, target })) errors[goalTargetRule.path[0] ?? ''] ??= goalTargetRule.message;
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: parsed.data };
}

export const validateCreate = (values: GoalFormValues, today: string) => validateWhole(values, today, undefined);

/**
 * Only the fields that changed go to the server, with `null` for a field that was cleared. The
 * whole goal as it would be after the change is validated first, so the target rule sees both
 * baseline and target.
 */
export function validatePatch(goal: Goal, values: GoalFormValues, reason: string, today: string): Validated<GoalPatchInput> {
  // An unchanged due date may be in the past by now; only a new one must not be.
  const whole = validateWhole(values, today, goal.dueDate);
  if (!whole.ok) return whole;

  const patch: Record<string, unknown> = {};
  for (const f of editableGoalFields) {
    const next = parseField(f, values[f]);
    const before = goal[f];
    if (next === before || (next === undefined && before === undefined)) continue;
    patch[f] = next === undefined ? null : next;
  }
  if (Object.keys(patch).length === 0) return { ok: false, errors: { '': strings.goalForm.nothingChanged } };
  if (reason.trim()) patch.reason = reason.trim();
  const parsed = goalPatchInput.safeParse(patch);
  if (!parsed.success) return { ok: false, errors: zodFieldErrors(parsed.error) };
  return { ok: true, value: parsed.data };
}
