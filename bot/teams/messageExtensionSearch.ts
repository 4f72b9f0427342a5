// "My goals" (search) and the unfurling of the app's own plan links. Both read plans through the
// plan service only, so a person finds and unfurls only what they may see; a link to anything else
// answers exactly like a link to nothing, so it reveals nothing.
import type { Query } from '@microsoft/teams-ai';
import type { MessagingExtensionResult } from 'botbuilder';
import type { PlanView } from '../../shared/api';
import { limits } from '../../shared/limits';
import { activeGoals } from '../../shared/plan/planChoices';
import type { Actor } from '../../shared/policy';
import { goalCard, goalPreview, planCard, planPreview } from '../cards/goalCard';
import { parsePlanUrl } from '../cards/planLinks';
import { en, fillPlaceholders } from '../cards/strings';
import {
  cardAttachment,
  cardsResult,
  messageResult,
  MY_GOALS_SEARCH_PARAMETER,
  SEARCH_RESULTS_MAX,
  type MessageExtensionDeps,
} from './messageExtensionCommands';
import { plansOf, priorityNameOf } from './messageExtensionPlans';

const s = en.messageExtension;

/** Newest first: ISO instants sort as text. */
const byUpdatedDesc = (a: { value: { updatedAt: string } }, b: { value: { updatedAt: string } }) =>
  a.value.updatedAt < b.value.updatedAt ? 1 : a.value.updatedAt > b.value.updatedAt ? -1 : 0;

function goalAttachment(view: PlanView, goal: PlanView['goals'][number], deps: Pick<MessageExtensionDeps, 'links'>) {
  const data = {
    pairId: view.pair.value.id,
    goal: goal.value,
    menteeName: view.mentee.displayName,
    priorityName: priorityNameOf(view, goal),
    links: deps.links,
  };
  return cardAttachment(goalCard(data), goalPreview(data));
}

export function myGoalsSearch(deps: MessageExtensionDeps) {
  return async (actor: Actor, query: Query<Record<string, unknown>>): Promise<MessagingExtensionResult> => {
    const raw = query.parameters[MY_GOALS_SEARCH_PARAMETER];
    const text = (typeof raw === 'string' ? raw : '').trim().slice(0, limits.name);
    const needle = text.toLowerCase();
    const views = await plansOf(actor, deps);
    const matches = views
      .flatMap((view) => view.goals.map((goal) => ({ view, goal, value: goal.value })))
      .filter(
        ({ value }) => !needle || value.title.toLowerCase().includes(needle) || (value.description ?? '').toLowerCase().includes(needle),
      )
      .sort(byUpdatedDesc);
    if (matches.length === 0) return messageResult(text ? fillPlaceholders(s.myGoals.noMatch, { text }) : s.myGoals.none);
    const skip = Math.max(0, Math.trunc(Number(query.skip) || 0));
    const count = Math.min(SEARCH_RESULTS_MAX, Math.max(1, Math.trunc(Number(query.count) || SEARCH_RESULTS_MAX)));
    return cardsResult(matches.slice(skip, skip + count).map(({ view, goal }) => goalAttachment(view, goal, deps)));
  };
}

export function unfurlPlanLink(deps: MessageExtensionDeps) {
  // One answer for "not ours", "no such plan" and "not yours": an empty result.
  const nothing = () => cardsResult([]);
  return {
    nothing,
    async answer(actor: Actor, url: unknown): Promise<MessagingExtensionResult> {
      const ref = typeof url === 'string' ? parsePlanUrl(deps.publicUrl, url) : undefined;
      if (!ref) return nothing();
      const loaded = await deps.plan.loadPlan(actor, ref.pairId);
      if (!loaded.ok) return nothing();
      const view = loaded.value;
      if (ref.goalId !== undefined) {
        const goal = view.goals.find((g) => g.value.id === ref.goalId);
        return goal ? cardsResult([goalAttachment(view, goal, deps)]) : nothing();
      }
      const data = {
        pairId: view.pair.value.id,
        menteeName: view.mentee.displayName,
        mentorName: view.mentor.displayName,
        programName: view.program.name,
        activeGoals: activeGoals(view.goals).map((g) => g.value),
        links: deps.links,
      };
      return cardsResult([cardAttachment(planCard(data), planPreview(data))]);
    },
  };
}
