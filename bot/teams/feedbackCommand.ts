// `ask for feedback` in the bot's chat: a card to pick one of my active goals, then a card with the
// behaviors, Teams' people picker, the relation, the close date and anonymity. The request is
// created by the same use case as the tab's, delivered to every respondent who has the app, and
// the invoke is answered with who got it. The card's inputs are parsed here into the use case's
// input; every rule (who may ask, what is valid) is the service's.
import { randomUUID } from 'node:crypto';
import type { Application, TurnState } from '@microsoft/teams-ai';
import { TeamsInfo, type TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { FeedbackDelivery, PlanView } from '../../shared/api';
import { addDays, todayIn } from '../../shared/dates';
import { MAX_RESPONDENTS, type FeedbackRespondent } from '../../shared/feedback/feedbackRequest';
import type { FeedbackService } from '../../shared/feedback/feedbackService';
import type { PlanService } from '../../shared/plan/planService';
import { entityId } from '../../shared/program';
import type { PeopleRepository } from '../../shared/repositories';
import { feedbackAskCard, feedbackAskInputs, feedbackAskVerbs, feedbackGoalPickerCard, feedbackSentCard } from '../cards/feedbackAskCards';
import { refusedCard } from '../cards/refusedCard';
import { en } from '../cards/strings';
import type { FeedbackCardDelivery } from '../feedback/feedbackDelivery';
import { withinBudget } from '../jobs/timeBudget';
import type { Logger } from '../log';
import { actorOf } from './botActor';
import { cardMessage } from './cardMessage';
import { cardAnswers, invokeHandler } from './invokeAnswers';

export interface FeedbackCommandDeps {
  feedback: Pick<FeedbackService, 'ask'>;
  delivery: Pick<FeedbackCardDelivery, 'sendRequest' | 'reachable'>;
  plan: PlanService;
  people: PeopleRepository;
  mode: 'development' | 'production';
  authMode: 'development' | 'entra';
  log: Logger;
  now: () => Date;
}

const DEFAULT_OPEN_DAYS = 7;
// Teams waits 5 s for the invoke; cards still on their way after this are reported as such.
const DELIVERY_BUDGET_MS = 2_500;
const MEMBER_LOOKUP_MS = 1_000;

const pairTarget = z.object({ pairId: entityId }).passthrough();
const goalTarget = pairTarget.extend({ goalId: entityId });

const textOf = (data: Record<string, unknown>, id: string) => (typeof data[id] === 'string' ? (data[id] as string) : '');
const listOf = (text: string) => [...new Set(text.split(',').map((v) => v.trim()).filter((v) => v !== ''))];

function activeGoal(plan: PlanView, goalId: string) {
  const goal = plan.goals.find((g) => g.value.id === goalId && g.value.status === 'active')?.value;
  if (!goal) return undefined;
  const behaviors = plan.program.priorities.find((p) => p.id === goal.priorityId)?.behaviors ?? [];
  return { goal, behaviors };
}

export function registerFeedbackCommand(app: Application<TurnState>, named: (context: TurnContext) => Promise<boolean>, deps: FeedbackCommandDeps): void {
  app.message(named, async (context) => {
    const actor = await actorOf(context, deps.people, deps.mode);
    if (!actor) return void (await context.sendActivity(en.replies.notIdentified));
    const me = await deps.plan.me(actor, deps.authMode);
    const pair = me.ok ? me.value.pairs.find((p) => p.role === 'mentee') : undefined;
    if (!pair) return void (await context.sendActivity(en.feedbackAsk.noMenteePair));
    const plan = await deps.plan.loadPlan(actor, pair.pairId);
    if (!plan.ok) return void (await context.sendActivity(plan.error.message));
    const goals = plan.value.goals.filter((g) => g.value.status === 'active').map((g) => ({ id: g.value.id, title: g.value.title }));
    if (goals.length === 0) return void (await context.sendActivity(en.feedbackAsk.noGoals));
    await context.sendActivity(cardMessage(feedbackGoalPickerCard({ pairId: pair.pairId, goals })));
  });

  const guarded = invokeHandler(deps, 'feedback request card action', cardAnswers());

  app.adaptiveCards.actionExecute<Record<string, unknown>>(feedbackAskVerbs.chooseGoal, async (context, _state, data) =>
    guarded(context, async (actor) => {
      const target = goalTarget.safeParse(data);
      if (!target.success) return refusedCard(en.feedbackAsk.goalError);
      const plan = await deps.plan.loadPlan(actor, target.data.pairId);
      if (!plan.ok) return refusedCard(plan.error.message);
      const chosen = activeGoal(plan.value, target.data.goalId);
      if (!chosen) return refusedCard(en.feedbackAsk.noGoals);
      const today = todayIn(actor.timeZone, deps.now());
      return feedbackAskCard({ pairId: target.data.pairId, goal: chosen.goal, behaviors: chosen.behaviors, today, defaultClosesOn: addDays(today, DEFAULT_OPEN_DAYS), submissionId: randomUUID() });
    }),
  );

  app.adaptiveCards.actionExecute<Record<string, unknown>>(feedbackAskVerbs.create, async (context, _state, data) =>
    guarded(context, async (actor) => {
      const target = goalTarget.safeParse(data);
      if (!target.success) return refusedCard(en.feedback.staleCard);
      const { pairId, goalId } = target.data;
      const plan = await deps.plan.loadPlan(actor, pairId);
      if (!plan.ok) return refusedCard(plan.error.message);
      const chosen = activeGoal(plan.value, goalId);
      if (!chosen) return refusedCard(en.feedbackAsk.noGoals);
      const values = Object.fromEntries(Object.values(feedbackAskInputs).map((id) => [id, textOf(data, id)]));
      const today = todayIn(actor.timeZone, deps.now());
      // The card data's id is only a name for this submission; the schema checks its form.
      const submissionId = typeof data.submissionId === 'string' ? data.submissionId : randomUUID();
      const again = (problems: string[]) =>
        feedbackAskCard({ pairId, goal: chosen.goal, behaviors: chosen.behaviors, today, defaultClosesOn: addDays(today, DEFAULT_OPEN_DAYS), submissionId, values, problems });

      const picked = listOf(values[feedbackAskInputs.behaviors]!).map((i) => chosen.behaviors[Number(i)]).filter((b): b is string => b !== undefined);
      const extra = values[feedbackAskInputs.extraBehaviors]!.split('\n').map((b) => b.trim()).filter((b) => b !== '');
      const ids = listOf(values[feedbackAskInputs.respondents]!).slice(0, MAX_RESPONDENTS + 1);
      const named = await Promise.all(ids.map((id) => nameOf(context, id)));
      if (named.some((n) => n === undefined)) return again([en.feedbackAsk.unknownPerson]);
      const relation = values[feedbackAskInputs.relation];
      const input = {
        goalId,
        behaviors: [...picked, ...extra],
        respondents: ids.map((personId, i) => ({ personId, displayName: named[i]!, relation })),
        closesOn: values[feedbackAskInputs.closesOn],
        anonymous: values[feedbackAskInputs.anonymous] === 'true',
        submissionId,
      };
      const asked = await deps.feedback.ask(actor, pairId, input);
      if (!asked.ok) {
        if (asked.error.code !== 'invalid') return refusedCard(asked.error.message);
        return again([...new Set((asked.error.issues ?? []).map((i) => i.message))].slice(0, 10));
      }
      const request = asked.value.request.value;
      // A retried submit: the cards went out the first time.
      const delivery = asked.value.repeated ? await deps.delivery.reachable(request.respondents) : await deliverWithinBudget(asked.value, request.respondents);
      return feedbackSentCard({ goalTitle: asked.value.goalTitle, closesOn: request.closesOn, anonymous: request.anonymous, delivery });
    }),
  );

  /** A picked person's name: the app's directory copy first, then the Teams roster of this chat. */
  async function nameOf(context: TurnContext, personId: string): Promise<string | undefined> {
    const known = await deps.people.get(personId);
    if (known) return known.displayName;
    const member = await withinBudget(TeamsInfo.getMember(context, personId).catch(() => undefined), MEMBER_LOOKUP_MS, () => undefined);
    return member?.name?.trim() || undefined;
  }

  /** Sends each card; the invoke waits at most the budget, a card still on its way is marked pending. */
  async function deliverWithinBudget(...args: Parameters<FeedbackCardDelivery['sendRequest']>): Promise<(FeedbackDelivery & { pending?: boolean })[]> {
    const [context, respondents] = args;
    return Promise.all(
      respondents.map(async (r: FeedbackRespondent) => {
        const sending = deps.delivery.sendRequest(context, [r]).then((d) => d[0]!);
        const first = await withinBudget(sending, DELIVERY_BUDGET_MS, () => 'late' as const);
        return first === 'late' ? { personId: r.personId, displayName: r.displayName, delivered: false, pending: true } : first;
      }),
    );
  }
}
