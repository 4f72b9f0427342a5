// The options of a goal picker: a first option for "no goal" (or "all goals"), then each goal of the plan by title.
import type { PlanView } from '../../../shared/api';

export function GoalOptions({ goals, none }: { goals: PlanView['goals']; none: string }) {
  return (
    <>
      <option value="">{none}</option>
      {goals.map((g) => (
        <option key={g.value.id} value={g.value.id}>
          {g.value.title}
        </option>
      ))}
    </>
  );
}
