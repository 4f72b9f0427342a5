// "Which mentorship?": a command that acts on one pair (plan, pause, resume, snooze) runs on the
// person's only pair, or asks with a card when they are in several (a mentor who is also a mentee,
// a mentee with two mentors). The pair offered and the pair honoured are shared/plan/planChoices.ts's.
import type { Application, TurnState } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { PairSummary } from '../../shared/api';
import { activeGoals, choosePair, type PairChoice } from '../../shared/plan/planChoices';
import type { Actor } from '../../shared/policy';
import { entityId } from '../../shared/program';
import type { AdaptiveCard } from '../cards/adaptiveCard';
import type { CardLinks } from '../cards/cardLinks';
import { PAIR_CHOICE_VERB, pairChoiceCard, pairCommandAnswerCard, pairCommands, type PairCommand } from '../cards/pairChoiceCard';
import { planSummaryCard } from '../cards/planSummaryCard';
import { refusedCard } from '../cards/refusedCard';
import { en } from '../cards/strings';
import { actorOf } from './botActor';
import { cardMessage } from './cardMessage';
import type { CommandDeps } from './messages';
import { runScheduleCommand } from './scheduleCommands';

/** A "which mentorship?" button's data; who acts is the activity's sender, never the card. */
const pairChoiceInput = z.object({ command: z.enum(pairCommands), pairId: entityId, args: z.string().max(200).default('') }).passthrough();

async function pairChoice(deps: CommandDeps, actor: Actor, pairId?: string): Promise<PairChoice> {
  const me = await deps.plan.me(actor, deps.authMode);
  return me.ok ? choosePair(me.value.pairs, pairId === undefined ? {} : { pairId }) : { kind: 'none' };
}

/** Runs `run` on the person's only pair, or sends the card asking which (answered as PAIR_CHOICE_VERB). */
export async function withPair(
  context: TurnContext,
  deps: CommandDeps,
  actor: Actor,
  command: PairCommand,
  args: readonly string[],
  run: (pair: PairSummary) => Promise<void>,
) {
  const choice = await pairChoice(deps, actor);
  if (choice.kind === 'none') return void (await context.sendActivity(en.replies.noPair));
  if (choice.kind === 'several')
    return void (await context.sendActivity(cardMessage(pairChoiceCard({ command, args, pairs: choice.pairs }))));
  await run(choice.pair);
}

/** The answer to `plan` for one pair: its active goals, or why it cannot be shown. */
export async function planAnswer(deps: CommandDeps, links: CardLinks, actor: Actor, pair: PairSummary): Promise<AdaptiveCard | string> {
  const plan = await deps.plan.loadPlan(actor, pair.pairId);
  if (!plan.ok) return plan.error.message;
  const goals = activeGoals(plan.value.goals).map((g) => ({
    title: g.value.title,
    ...(g.progress !== undefined ? { progress: g.progress } : {}),
    ...(g.value.dueDate ? { dueDate: g.value.dueDate } : {}),
  }));
  return planSummaryCard({ goals, links, ...(pair.role === 'mentor' ? { menteeName: plan.value.mentee.displayName } : {}) });
}

/** The person's answer: the command runs on the chosen pair, if it is still one of theirs, and its answer replaces the question. */
export function registerPairChoice(app: Application<TurnState>, links: CardLinks, deps: CommandDeps): void {
  app.adaptiveCards.actionExecute<Record<string, unknown>>(PAIR_CHOICE_VERB, async (context, _state, data): Promise<AdaptiveCard> => {
    const actor = await actorOf(context, deps.people, deps.mode, deps.now);
    if (!actor) return refusedCard(en.replies.notIdentified);
    const parsed = pairChoiceInput.safeParse(data);
    if (!parsed.success) return refusedCard(en.pairChoice.gone);
    const { command, pairId, args } = parsed.data;
    const choice = await pairChoice(deps, actor, pairId);
    if (choice.kind !== 'one') return refusedCard(en.pairChoice.gone);
    if (command === 'plan') {
      const answer = await planAnswer(deps, links, actor, choice.pair);
      return typeof answer === 'string' ? refusedCard(answer) : answer;
    }
    const words = args.split(' ').filter((w) => w !== '');
    return pairCommandAnswerCard(await runScheduleCommand(command, words, actor, choice.pair.pairId, deps));
  });
}
