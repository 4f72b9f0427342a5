// Turns the issues of a refused check-in answer into sentences that name the question, so the card
// can say exactly what to fix ("Cut p95 latency: Enter a number.").
import type { Goal } from '../../shared/goal';
import type { Failure } from '../../shared/result';
import { en, type BotStrings } from '../cards/strings';

export function checkInProblems(
  failure: Failure,
  answer: Record<string, unknown>,
  goals: readonly Pick<Goal, 'id' | 'title'>[],
  strings: BotStrings = en,
): string[] {
  const s = strings.checkIn;
  const labels: Record<string, string> = {
    wins: s.winsLabel,
    blockers: s.blockersLabel,
    nextSteps: s.nextStepsLabel,
    needHelpWith: s.needHelpWithLabel,
  };
  const answeredGoals = Array.isArray(answer.goals) ? (answer.goals as { goalId?: string }[]) : [];
  const titles = new Map(goals.map((g) => [g.id, g.title]));
  const issues = failure.issues?.length ? failure.issues : [{ path: '', message: failure.message }];
  return issues.map(({ path, message }) => {
    const [field, index] = path.split('.');
    if (field === 'goals' && index !== undefined) {
      const goalId = answeredGoals[Number(index)]?.goalId ?? '';
      // The service names the goal itself in some messages; say it once.
      const title = titles.get(goalId);
      return title && !message.includes(title) ? `${title}: ${message}` : message;
    }
    if (field === 'confidence') return s.confidenceError;
    const label = field ? labels[field] : undefined;
    return label ? `${label}: ${message}` : message;
  });
}
