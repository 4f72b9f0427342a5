// The check-in cards' Universal Actions: the mentee's answer and the mentor's comment. Each answers
// inside the invoke with the card that replaces the one clicked (Teams allows 5 seconds): the
// summary, the card again with what to fix, or a card saying why it could not be done.
import { questionsOfCheckIn } from '../../shared/checkins/checkInQuestions';
import type { Application, TurnState } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import { checkInAnswer, mentorCommentText, slotKey } from '../../shared/checkins/checkIn';
import type { AnswerResult, CheckInContext, CheckInService, CommentResult } from '../../shared/checkins/checkInService';
import { entityId } from '../../shared/program';
import type { ConversationRepository, PeopleRepository } from '../../shared/repositories';
import { parseInput } from '../../shared/validation';
import { ofActorsTenant, type Actor } from '../../shared/policy';
import type { AdaptiveCard } from '../cards/adaptiveCard';
import type { CardLinks } from '../cards/cardLinks';
import { answerFromCardInputs, checkInCard, checkInVerbs } from '../cards/checkInCard';
import { checkInSummaryCard, menteeCommentCard } from '../cards/checkInSummaryCard';
import { todayIn } from '../../shared/dates';
import { meetingSuggestions, openBlockers } from '../../shared/meetings/meetingSuggestions';
import { isActiveGoal } from '../../shared/plan/planChoices';
import { MENTOR_COMMENT_INPUT, mentorCheckInCard } from '../cards/mentorCheckInCard';
import { en } from '../cards/strings';
import type { ProactiveMessenger } from '../checkins/proactiveMessenger';
import type { Logger } from '../log';
import { withinBudget } from '../jobs/timeBudget';
import { checkInProblems } from './checkInProblems';
import { senderWithProfile } from './botActor';
import { cardAnswers, invokeHandler, refuse, type Refusal } from './invokeAnswers';

export interface CheckInActionDeps {
  checkIns: CheckInService;
  people: PeopleRepository;
  conversations: ConversationRepository;
  messenger: ProactiveMessenger;
  links: CardLinks;
  mode: 'development' | 'production';
  log: Logger;
  now: () => Date;
}

/** The card names its check-in; who acts is the activity's sender, never the card data. */
const actionTarget = z.object({ pairId: entityId, slot: slotKey }).passthrough();

// A proactive send may retry for longer than Teams waits for the invoke: past this budget the
// invoke answers and the send finishes on its own.
const DELIVERY_BUDGET_MS = 2_500;

/** Two times for the next meeting, with the blockers this check-in raised at the top of the agenda. */
function meetingsFor(ctx: CheckInContext, now: Date) {
  return meetingSuggestions({
    agreement: ctx.agreement,
    mentor: ctx.mentor,
    mentee: ctx.mentee,
    goals: ctx.goals,
    blockers: openBlockers([ctx.checkIn.value]),
    now,
    today: todayIn(ctx.agreement.mentor.timeZone, now),
    count: 2,
  });
}

export function registerCheckInActions(app: Application<TurnState>, deps: CheckInActionDeps): void {
  const { checkIns, log } = deps;

  const summaryFor = (ctx: CheckInContext, keptFirst = false) =>
    checkInSummaryCard({ checkIn: ctx.checkIn.value, goals: ctx.goals, mentorName: ctx.mentor.displayName, links: deps.links, keptFirst });
  const mentorCardFor = (ctx: CheckInContext, extra: Partial<Parameters<typeof mentorCheckInCard>[0]> = {}) =>
    mentorCheckInCard({
      checkIn: ctx.checkIn.value,
      goals: ctx.goals,
      menteeName: ctx.mentee.displayName,
      mentorName: ctx.mentor.displayName,
      links: deps.links,
      meetings: meetingsFor(ctx, deps.now()),
      ...extra,
    });

  /** Sends a card into someone's stored personal chat; false when it did not (yet) arrive. */
  async function deliver(tenant: Pick<Actor, 'tenantId'>, personId: string, card: AdaptiveCard, what: string): Promise<boolean> {
    // The pair's tenant is the sender's (the use case checked it): only a chat stored from there is the person's.
    const conversation = ofActorsTenant(tenant, await deps.conversations.get(personId));
    if (!conversation) {
      log.info(`${what} not delivered: app not installed`, { personId });
      return false;
    }
    const sending = deps.messenger.send(conversation.reference, card).then(
      (outcome) => {
        if (outcome.kind !== 'sent') log.warn(`${what} not delivered`, { personId, kind: outcome.kind, detail: outcome.detail });
        return outcome.kind === 'sent';
      },
      (error: unknown) => {
        log.error(`${what} failed`, { personId, error: error instanceof Error ? error.stack : String(error) });
        return false;
      },
    );
    return withinBudget(sending, DELIVERY_BUDGET_MS, () => false);
  }

  const asSender = invokeHandler({ log: deps.log, identify: senderWithProfile(deps) }, 'check-in card action', cardAnswers());
  /** Runs a card action as the sender on the check-in the card names. */
  const withActor = (
    context: TurnContext,
    data: unknown,
    run: (actor: Actor, target: z.infer<typeof actionTarget>) => Promise<AdaptiveCard | Refusal>,
  ) =>
    asSender(context, async (actor) => {
      const target = actionTarget.safeParse(data);
      return target.success ? run(actor, target.data) : refuse(en.refused.staleCard);
    });

  app.adaptiveCards.actionExecute<Record<string, unknown>>(checkInVerbs.submit, async (context, _state, data) =>
    withActor(context, data, async (actor, { pairId, slot }) => {
      const { answer, values } = answerFromCardInputs(data);
      const parsed = parseInput(checkInAnswer, answer, 'Some answers need attention.');
      const result = parsed.ok ? await checkIns.answer(actor, pairId, slot, parsed.value) : parsed;
      if (result.ok) {
        if (result.value.outcome === 'stored') await notifyMentor(actor, result.value);
        return summaryFor(result.value, result.value.outcome === 'kept_first');
      }
      if (result.error.code === 'invalid') {
        // The card again, with what was typed and what to fix; if even that cannot be built, the reason.
        const ctx = await checkIns.context(actor, pairId, slot);
        if (ctx.ok) {
          const goals = ctx.value.goals.filter(isActiveGoal);
          return checkInCard({
            pairId,
            slot,
            questions: questionsOfCheckIn(ctx.value.checkIn.value),
            mentorName: ctx.value.mentor.displayName,
            goals,
            values,
            problems: checkInProblems(result.error, answer, ctx.value.goals),
          });
        }
      }
      return refuse(result.error);
    }),
  );

  app.adaptiveCards.actionExecute<Record<string, unknown>>(checkInVerbs.comment, async (context, _state, data) =>
    withActor(context, data, async (actor, { pairId, slot }) => {
      const text = data[MENTOR_COMMENT_INPUT];
      const parsed = parseInput(mentorCommentText, typeof text === 'string' ? text : '', 'The comment needs attention.');
      const result = parsed.ok ? await checkIns.comment(actor, pairId, slot, parsed.value) : parsed;
      if (result.ok) {
        // A retried submit stored nothing new and sends nothing again.
        if (result.value.duplicate) return mentorCardFor(result.value);
        const delivered = await deliverComment(actor, result.value);
        return mentorCardFor(result.value, { commentDelivery: delivered ? 'sent' : 'not_delivered' });
      }
      if (result.error.code === 'invalid') {
        const ctx = await checkIns.context(actor, pairId, slot);
        if (ctx.ok)
          return mentorCardFor(ctx.value, {
            problems: (result.error.issues ?? []).map((i) => i.message),
            ...(typeof text === 'string' ? { commentValue: text } : {}),
          });
      }
      return refuse(result.error);
    }),
  );

  async function notifyMentor(actor: Actor, result: AnswerResult): Promise<void> {
    await deliver(actor, result.mentor.id, mentorCardFor(result), 'check-in summary to mentor');
  }

  function deliverComment(actor: Actor, result: CommentResult): Promise<boolean> {
    const card = menteeCommentCard({
      checkIn: result.checkIn.value,
      goals: result.goals,
      mentorName: result.mentor.displayName,
      links: deps.links,
    });
    return deliver(actor, result.mentee.id, card, 'check-in comment to mentee');
  }
}
