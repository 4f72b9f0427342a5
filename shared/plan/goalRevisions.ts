import { editableGoalFields, type EditableGoalField, type Goal, type GoalChange, type GoalRevision, type GoalStatus } from '../goal';

type FieldDiff = GoalRevision['fields'][number];

const valueOf = (g: Partial<Goal>, f: EditableGoalField | 'status'): string | number | null => {
  const v = g[f];
  return v === undefined || v === '' ? null : v;
};

/** The fields that differ between two versions of a goal, in form order. */
export function diffGoal(before: Partial<Goal>, after: Goal): FieldDiff[] {
  const fields: FieldDiff[] = [];
  for (const f of [...editableGoalFields, 'status'] as const) {
    const from = valueOf(before, f);
    const to = valueOf(after, f);
    if (from !== to) fields.push({ field: f, from, to });
  }
  return fields;
}

export function changeKind(before: GoalStatus | undefined, after: GoalStatus): GoalChange {
  if (before === undefined) return 'created';
  if (before === after) return 'updated';
  if (after === 'completed') return 'completed';
  if (after === 'dropped') return 'dropped';
  return 'reopened';
}
