// The 360 request card's Universal Actions: a respondent's answer, their own view of a card posted
// into a group chat (refresh), and "change my answer". Each answers inside the invoke with the card
// that replaces the one clicked: the thank-you summary, the form again with what to fix, or a
// polite card for someone the request does not name or a request that closed.
import type { Application, TurnState } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import { feedbackAnswer, type FeedbackRequest } from '../../shared/feedback/feedbackRequest';
import type { FeedbackRequestRef, FeedbackService, RespondentView } from '../../shared/feedback/feedbackService';
import type { Actor } from '../../shared/policy';
import { entityId } from '../../shared/program';
import type { Failure } from '../../shared/result';
import { parseInput } from '../../shared/validation';
import type { AdaptiveCard } from '../cards/adaptiveCard';
import {
  answerFromFeedbackInputs,
  feedbackCardValues,
  feedbackClosedCard,
  feedbackNotForYouCard,
  feedbackRequestCard,
  feedbackThanksCard,
  feedbackVerbs,
} from '../cards/feedbackRequestCard';
import { en } from '../cards/strings';
import type { Logger } from '../log';
import { senderFromActivity } from './botActor';
import { cardAnswers, invokeHandler, refuse, type Refusal } from './invokeAnswers';

export interface FeedbackActionDeps {
  feedback: Pick<FeedbackService, 'respond' | 'respondentView'>;
  mode: 'development' | 'production';
  log: Logger;
}

/**
 * Who acts: the activity's sender, never the card data. Answering needs no time zone (a request is
 * open through its close date in the last zone on Earth), so the person's profile is not read: one
 * sequential storage round trip fewer inside Teams' invoke budget.
 */

/** The card names its request. */
const requestTarget = z.object({ pairId: entityId, requestId: entityId }).passthrough();

type Respondent = Extract<RespondentView, { kind: 'respondent' }>;

const formFor = (view: Respondent, extra: { values?: Record<string, string>; problems?: string[] } = {}) =>
  feedbackRequestCard({ request: view.request.value, menteeName: view.menteeName, goalTitle: view.goalTitle, ...extra });

const thanksFor = (view: Respondent) =>
  feedbackThanksCard({
    request: view.request.value,
    menteeName: view.menteeName,
    goalTitle: view.goalTitle,
    response: view.response!.value,
    open: view.open,
  });

/** What this person sees of the request now: their answer, the form, or why there is none. */
function currentCard(view: RespondentView): AdaptiveCard {
  if (view.kind === 'not_named') return feedbackNotForYouCard();
  if (view.response) return thanksFor(view);
  return view.open ? formFor(view) : feedbackClosedCard(view.request.value);
}

/** Each problem once, in the words the service chose. */
const problemsOf = (failure: Failure) => [...new Set((failure.issues ?? []).map((i) => i.message))].slice(0, 20);

export function registerFeedbackActions(app: Application<TurnState>, deps: FeedbackActionDeps): void {
  const { feedback } = deps;

  // A respondent answering needs neither time zone nor role: named from the activity, no read first.
  const asRespondent = invokeHandler({ log: deps.log, identify: senderFromActivity(deps.mode) }, 'feedback card action', cardAnswers());
  const withRespondent = (
    context: TurnContext,
    data: unknown,
    run: (actor: Actor, ref: FeedbackRequestRef) => Promise<AdaptiveCard | Refusal>,
  ) =>
    asRespondent(context, async (actor) => {
      const target = requestTarget.safeParse(data);
      return target.success ? run(actor, { pairId: target.data.pairId, requestId: target.data.requestId }) : refuse(en.feedback.staleCard);
    });

  /** The respondent's view, or the card that replaces the form when there is none to show. */
  async function viewOf(actor: Actor, ref: FeedbackRequestRef): Promise<RespondentView | Refusal> {
    const view = await feedback.respondentView(actor, ref);
    return view.ok ? view.value : refuse(view.error);
  }

  app.adaptiveCards.actionExecute<Record<string, unknown>>(feedbackVerbs.respond, async (context, _state, data) =>
    withRespondent(context, data, async (actor, ref) => {
      // The answer first (the common case, in one round of reads); the person's view only when it is refused.
      const result = await feedback.respond(actor, ref, (request: FeedbackRequest) =>
        parseInput(feedbackAnswer, answerFromFeedbackInputs(request, data).answer, 'Some answers need attention.'),
      );
      if (result.ok) return thanksFor({ kind: 'respondent', ...result.value, open: true });
      const view = await viewOf(actor, ref);
      if (!('kind' in view)) return view;
      if (view.kind === 'not_named') return feedbackNotForYouCard();
      if (!view.open) return feedbackClosedCard(view.request.value);
      if (result.error.code === 'invalid') {
        const { values } = answerFromFeedbackInputs(view.request.value, data);
        const problems = problemsOf(result.error);
        return formFor(view, { values, problems: problems.length ? problems : [result.error.message] });
      }
      // Another refusal (closed between the two reads is handled above): what is true now.
      return currentCard(view);
    }),
  );

  // Sent by the clients of the people named in the card's refresh.userIds (a card in a group chat).
  app.adaptiveCards.actionExecute<Record<string, unknown>>(feedbackVerbs.refresh, async (context, _state, data) =>
    withRespondent(context, data, async (actor, ref) => {
      const view = await viewOf(actor, ref);
      return 'kind' in view ? currentCard(view) : view;
    }),
  );

  app.adaptiveCards.actionExecute<Record<string, unknown>>(feedbackVerbs.edit, async (context, _state, data) =>
    withRespondent(context, data, async (actor, ref) => {
      const view = await viewOf(actor, ref);
      if (!('kind' in view)) return view;
      if (view.kind !== 'respondent' || !view.open) return currentCard(view);
      return formFor(view, view.response ? { values: feedbackCardValues(view.request.value, view.response.value) } : {});
    }),
  );
}
