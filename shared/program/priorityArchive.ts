// A strategic priority that goals name cannot simply disappear from a program: the goals would point
// at nothing. It is archived instead: kept for those goals, no longer offered for new ones.
import type { StrategicPriority } from '../program';
import type { FieldIssue } from '../result';

export const priorityInUseMessage = (name: string, goals: number) =>
  `“${name}” is used by ${goals === 1 ? 'a goal' : `${goals} goals`}: archive it instead of removing it.`;

/**
 * The issues of removing priorities that goals still use: one per such priority, naming it. `usage`
 * counts the goals per priority id; an empty answer means the change may go ahead.
 */
export function removedPrioritiesInUse(
  before: readonly StrategicPriority[],
  after: readonly StrategicPriority[],
  usage: Record<string, number>,
): FieldIssue[] {
  const kept = new Set(after.map((p) => p.id));
  return before
    .filter((p) => !kept.has(p.id) && (usage[p.id] ?? 0) > 0)
    .map((p) => ({ path: 'priorities', message: priorityInUseMessage(p.name, usage[p.id] ?? 0) }));
}

export const archivedPriorityMessage = (name: string) => `“${name}” is archived: choose a current priority for this goal.`;
