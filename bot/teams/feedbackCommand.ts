// `ask for feedback` in the bot's chat: a card to pick one of my active goals (of every pair I am
// mentee in), then a card with the behaviors, Teams' people picker, the relation, the close date and
// anonymity. The request is asked through the same use case as the tab's, delivered to every
// respondent who has the app, and the invoke is answered with who got it. The card's inputs are
// parsed here into the use case's input; every rule (who may ask, what is valid) is shared/'s.
import { randomUUID } from 'node:crypto';
import type { Application, TurnState } from '@microsoft/teams-ai';
import { TeamsInfo, type TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { PlanView } from '../../shared/api';
import type { AskForFeedback } from '../../shared/feedback/askForFeedback';
import { feedbackDraft } from '../../shared/feedback/feedbackDraft';
import { MAX_RESPONDENTS, feedbackRequestInput } from '../../shared/feedback/feedbackRequest';
import { activeGoals, choosePair } from '../../shared/plan/planChoices';
import type { PlanService } from '../../shared/plan/planService';
import { entityId } from '../../shared/program';
import type { PeopleRepository } from '../../shared/repositories';
import { parseInput } from '../../shared/validation';
import {
  feedbackAskCard,
  feedbackAskInputs,
  feedbackAskVerbs,
  feedbackGoalPickerCard,
  feedbackSentCard,
  type FeedbackGoalPickerData,
} from '../cards/feedbackAskCards';
import { en } from '../cards/strings';
import { withinBudget } from '../jobs/timeBudget';
import type { Logger } from '../log';
import { actorOf, senderWithProfile } from './botActor';
import { ofActorsTenant, type Actor } from '../../shared/policy';
import { cardMessage } from './cardMessage';
import { cardAnswers, invokeHandler, refuse } from './invokeAnswers';

export interface FeedbackCommandDeps {
  feedback: AskForFeedback;
  plan: Pick<PlanService, 'me' | 'loadPlan'>;
  people: PeopleRepository;
  mode: 'development' | 'production';
  authMode: 'development' | 'entra';
  log: Logger;
  now: () => Date;
}

// Teams waits 5 s for the invoke; cards still on their way after this are reported as such.
const DELIVERY_BUDGET_MS = 2_500;
const MEMBER_LOOKUP_MS = 1_000;

const goalRef = z.object({ pairId: entityId, goalId: entityId });

/**
 * The goal the picker card names: `pairId/goalId` as the choice value, or (a card sent before goals
 * of several pairs were offered together) the goal's id with the pair in the action's data.
 */
function chosenGoal(data: Record<string, unknown>): z.infer<typeof goalRef> | undefined {
  const [first, second, ...rest] = (typeof data[feedbackAskInputs.goal] === 'string' ? (data[feedbackAskInputs.goal] as string) : '').split(
    '/',
  );
  if (rest.length > 0) return undefined;
  const parsed = goalRef.safeParse(second === undefined ? { pairId: data.pairId, goalId: first } : { pairId: first, goalId: second });
  return parsed.success ? parsed.data : undefined;
}

const textOf = (data: Record<string, unknown>, id: string) => (typeof data[id] === 'string' ? (data[id] as string) : '');
const listOf = (text: string) => [
  ...new Set(
    text
      .split(',')
      .map((v) => v.trim())
      .filter((v) => v !== ''),
  ),
];

/** The draft for a goal of the actor's own plan (only a mentee asks); undefined when there is none to ask on. */
const ownDraft = (plan: PlanView, goalId: string) => (plan.viewerRole === 'mentee' ? feedbackDraft(plan, goalId, plan.today) : undefined);

export function registerFeedbackCommand(
  app: Application<TurnState>,
  named: (context: TurnContext) => Promise<boolean>,
  deps: FeedbackCommandDeps,
): void {
  app.message(named, async (context) => {
    const actor = await actorOf(context, deps.people, deps.mode, deps.now);
    if (!actor) return void (await context.sendActivity(en.replies.notIdentified));
    const me = await deps.plan.me(actor, deps.authMode);
    const choice = choosePair(me.ok ? me.value.pairs : [], { role: 'mentee' });
    if (choice.kind === 'none') return void (await context.sendActivity(en.feedbackAsk.noMenteePair));
    // A mentee of several pairs picks among the goals of all of them, each labelled with its mentor.
    const pairs = choice.kind === 'one' ? [choice.pair] : choice.pairs;
    const plans = await Promise.all(pairs.map((p) => deps.plan.loadPlan(actor, p.pairId)));
    const goals: FeedbackGoalPickerData['goals'] = plans.flatMap((plan, i) =>
      plan.ok
        ? activeGoals(plan.value.goals).map((g) => ({
            pairId: pairs[i]!.pairId,
            goalId: g.value.id,
            title: g.value.title,
            ...(pairs.length > 1 ? { mentorName: pairs[i]!.other.displayName } : {}),
          }))
        : [],
    );
    if (goals.length === 0) {
      const failed = plans.find((p) => !p.ok);
      return void (await context.sendActivity(failed && !failed.ok ? failed.error.message : en.feedbackAsk.noGoals));
    }
    await context.sendActivity(cardMessage(feedbackGoalPickerCard({ goals })));
  });

  const guarded = invokeHandler({ log: deps.log, identify: senderWithProfile(deps) }, 'feedback request card action', cardAnswers());

  app.adaptiveCards.actionExecute<Record<string, unknown>>(feedbackAskVerbs.chooseGoal, async (context, _state, data) =>
    guarded(context, async (actor) => {
      const target = chosenGoal(data);
      if (!target) return refuse(en.feedbackAsk.goalError);
      const plan = await deps.plan.loadPlan(actor, target.pairId);
      if (!plan.ok) return refuse(plan.error);
      const draft = ownDraft(plan.value, target.goalId);
      if (!draft) return refuse(en.feedbackAsk.noGoals);
      return feedbackAskCard({ pairId: target.pairId, draft, submissionId: randomUUID() });
    }),
  );

  app.adaptiveCards.actionExecute<Record<string, unknown>>(feedbackAskVerbs.create, async (context, _state, data) =>
    guarded(context, async (actor) => {
      const target = goalRef.passthrough().safeParse(data);
      if (!target.success) return refuse(en.feedback.staleCard);
      const { pairId, goalId } = target.data;
      const plan = await deps.plan.loadPlan(actor, pairId);
      if (!plan.ok) return refuse(plan.error);
      const draft = ownDraft(plan.value, goalId);
      if (!draft) return refuse(en.feedbackAsk.noGoals);
      const values = Object.fromEntries(Object.values(feedbackAskInputs).map((id) => [id, textOf(data, id)]));
      // The card data's id is only a name for this submission; the schema checks its form.
      const submissionId = typeof data.submissionId === 'string' ? data.submissionId : randomUUID();
      const again = (problems: string[]) => feedbackAskCard({ pairId, draft, submissionId, values, problems });

      const picked = listOf(values[feedbackAskInputs.behaviors]!)
        .map((i) => draft.behaviors[Number(i)])
        .filter((b): b is string => b !== undefined);
      const extra = values[feedbackAskInputs.extraBehaviors]!.split('\n')
        .map((b) => b.trim())
        .filter((b) => b !== '');
      const ids = listOf(values[feedbackAskInputs.respondents]!).slice(0, MAX_RESPONDENTS + 1);
      const named = await Promise.all(ids.map((id) => nameOf(context, actor, id)));
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
      const parsed = parseInput(feedbackRequestInput, input);
      const asked = parsed.ok
        ? await deps.feedback.ask(actor, pairId, parsed.value, { kind: 'personal_chats', budgetMs: DELIVERY_BUDGET_MS })
        : parsed;
      if (!asked.ok) {
        if (asked.error.code !== 'invalid') return refuse(asked.error);
        return again([...new Set((asked.error.issues ?? []).map((i) => i.message))].slice(0, 10));
      }
      const request = asked.value.request.value;
      return feedbackSentCard({
        goalTitle: asked.value.goalTitle,
        closesOn: request.closesOn,
        anonymous: request.anonymous,
        delivery: asked.value.delivery,
      });
    }),
  );

  /** A picked person's name: the app's directory copy first, then the Teams roster of this chat. */
  async function nameOf(context: TurnContext, actor: Actor, personId: string): Promise<string | undefined> {
    const known = ofActorsTenant(actor, await deps.people.get(personId));
    if (known) return known.displayName;
    const member = await withinBudget(
      TeamsInfo.getMember(context, personId).catch(() => undefined),
      MEMBER_LOOKUP_MS,
      () => undefined,
    );
    return member?.name?.trim() || undefined;
  }
}
