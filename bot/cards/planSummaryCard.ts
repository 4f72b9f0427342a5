// The answer to `plan`: the mentee's active goals with progress and due dates, and the way to the tab.
import { cardHeading, adaptiveCard, type AdaptiveCard, type CardElement } from './adaptiveCard';
import { openPlanActions, type CardLinks } from './cardLinks';
import { en, fillPlaceholders, type BotStrings } from './strings';

export interface PlanSummaryGoal {
  title: string;
  /** 0..1 from baseline to target, when measurable. */
  progress?: number;
  dueDate?: string;
}

export interface PlanSummaryCardData {
  /** Set when the reader is the mentor: whose plan this is. */
  menteeName?: string;
  goals: readonly PlanSummaryGoal[];
  links: CardLinks;
}

export function planSummaryCard(data: PlanSummaryCardData, strings: BotStrings = en): AdaptiveCard {
  const s = strings.planSummary;
  const title = data.menteeName ? fillPlaceholders(s.titleFor, { mentee: data.menteeName }) : s.title;
  const body: CardElement[] = [cardHeading(title)];
  if (data.goals.length === 0) body.push({ type: 'TextBlock', text: s.noGoals, wrap: true });
  else {
    body.push({
      type: 'FactSet',
      facts: data.goals.map((g) => {
        const progress =
          g.progress === undefined ? s.noProgress : fillPlaceholders(s.progress, { percent: String(Math.round(g.progress * 100)) });
        return { title: g.title, value: g.dueDate ? `${progress}, ${fillPlaceholders(s.due, { date: g.dueDate })}` : progress };
      }),
    });
  }
  return adaptiveCard(body, openPlanActions(data.links, strings), s.fallbackText);
}
