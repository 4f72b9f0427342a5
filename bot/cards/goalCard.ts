// Cards that show a plan in a chat: one goal (the "My goals" search result and a goal link's
// unfurl) and a plan's overview (a plan link's unfurl). Each has a short preview, the line Teams
// lists in search results and shows before the card is sent.
import { goalProgress, type Goal } from '../../shared/goal';
import { adaptiveCard, cardHeading, type AdaptiveCard, type CardElement } from './adaptiveCard';
import type { CardLinks } from './cardLinks';
import { openPlanAt } from './planLinks';
import { en, fillPlaceholders, type BotStrings } from './strings';

/** A goal's description is cut here in a chat card; the whole text is in the plan. */
const DESCRIPTION_IN_CARD = 400;
/** A plan card lists this many active goals; the rest are counted. */
const GOALS_IN_PLAN_CARD = 8;

export type GoalCardGoal = Pick<Goal, 'id' | 'title' | 'description' | 'status' | 'baseline' | 'current' | 'target' | 'unit' | 'dueDate'>;

export interface GoalCardData {
  pairId: string;
  goal: GoalCardGoal;
  menteeName: string;
  /** The strategic priority the goal serves, by name. */
  priorityName?: string;
  links: CardLinks;
}

/** Text shown before a card is sent: a search result's line, a link's preview. */
export interface CardPreview {
  title: string;
  text: string;
}

const formatNumber = (n: number) => (Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100));
const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);

/** "0 → 1 → 4 incidents (25%)": baseline, current value and target, or that there is no measure yet. */
export function goalProgressText(goal: GoalCardGoal, strings: BotStrings = en): string {
  const s = strings.messageExtension.goalCard;
  const progress = goalProgress(goal);
  if (progress === undefined || goal.baseline === undefined || goal.target === undefined) return s.progressMissing;
  return fillPlaceholders(s.progressValue, {
    baseline: formatNumber(goal.baseline),
    current: formatNumber(goal.current ?? goal.baseline),
    target: formatNumber(goal.target),
    unit: goal.unit ? ` ${goal.unit}` : '',
    percent: String(Math.round(progress * 100)),
  });
}

export function goalCard(data: GoalCardData, strings: BotStrings = en): AdaptiveCard {
  const s = strings.messageExtension.goalCard;
  const { goal } = data;
  const body: CardElement[] = [
    cardHeading(goal.title),
    {
      type: 'TextBlock',
      text: fillPlaceholders(s.owner, { mentee: data.menteeName, status: s.status[goal.status] }),
      isSubtle: true,
      wrap: true,
      spacing: 'Small',
    },
  ];
  if (goal.description) body.push({ type: 'TextBlock', text: clip(goal.description, DESCRIPTION_IN_CARD), wrap: true, spacing: 'Medium' });
  const facts = [
    { title: s.progress, value: goalProgressText(goal, strings) },
    { title: s.due, value: goal.dueDate ?? s.noDueDate },
  ];
  if (data.priorityName) facts.push({ title: s.priority, value: data.priorityName });
  body.push({ type: 'FactSet', facts, spacing: 'Medium' });
  return adaptiveCard(
    body,
    openPlanAt(data.links, { pairId: data.pairId, goalId: goal.id }, strings),
    fillPlaceholders(s.fallbackText, { goal: goal.title }),
  );
}

export function goalPreview(data: Pick<GoalCardData, 'goal' | 'menteeName'>, strings: BotStrings = en): CardPreview {
  const s = strings.messageExtension.goalCard;
  return {
    title: data.goal.title,
    text: fillPlaceholders(s.previewText, { progress: goalProgressText(data.goal, strings), due: data.goal.dueDate ?? s.noDueDate }),
  };
}

export interface PlanCardData {
  pairId: string;
  menteeName: string;
  mentorName: string;
  programName: string;
  /** The plan's active goals, in the plan's order. */
  activeGoals: readonly GoalCardGoal[];
  links: CardLinks;
}

export function planCard(data: PlanCardData, strings: BotStrings = en): AdaptiveCard {
  const s = strings.messageExtension.planCard;
  const body: CardElement[] = [
    cardHeading(fillPlaceholders(s.title, { mentee: data.menteeName })),
    {
      type: 'TextBlock',
      text: fillPlaceholders(s.subtitle, { mentor: data.mentorName, program: data.programName }),
      isSubtle: true,
      wrap: true,
      spacing: 'Small',
    },
    { type: 'TextBlock', text: s.activeGoals, weight: 'Bolder', wrap: true, spacing: 'Medium' },
  ];
  const shown = data.activeGoals.slice(0, GOALS_IN_PLAN_CARD);
  if (shown.length === 0) body.push({ type: 'TextBlock', text: s.noGoals, wrap: true, spacing: 'Small' });
  else body.push({ type: 'FactSet', facts: shown.map((g) => ({ title: g.title, value: goalProgressText(g, strings) })), spacing: 'Small' });
  const more = data.activeGoals.length - shown.length;
  if (more > 0)
    body.push({
      type: 'TextBlock',
      text: fillPlaceholders(s.moreGoals, { count: String(more) }),
      isSubtle: true,
      wrap: true,
      spacing: 'Small',
    });
  return adaptiveCard(
    body,
    openPlanAt(data.links, { pairId: data.pairId }, strings),
    fillPlaceholders(s.fallbackText, { mentee: data.menteeName }),
  );
}

export function planPreview(data: Pick<PlanCardData, 'menteeName' | 'activeGoals'>, strings: BotStrings = en): CardPreview {
  const s = strings.messageExtension.planCard;
  return {
    title: fillPlaceholders(s.title, { mentee: data.menteeName }),
    text: fillPlaceholders(s.previewText, { count: String(data.activeGoals.length) }),
  };
}
