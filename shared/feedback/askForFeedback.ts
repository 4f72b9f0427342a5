// Asking for 360 feedback, the one use case behind every door: the tab's API route, the bot's
// `ask for feedback` card and the message extension's dialog. It stores the request (a repeated
// submission finds the one stored first) and delivers its card through the delivery port: to each
// respondent's personal chat, or not at all when the door posts the card into its own chat.
import type { FeedbackDelivery, FeedbackRequestView } from '../api';
import type { Actor } from '../policy';
import { ok, type Result } from '../result';
import type { FeedbackRespondent, ParsedFeedbackRequestInput } from './feedbackRequest';
import type { FeedbackCardContext, FeedbackService } from './feedbackService';

/** How request cards reach people; the bot's proactive delivery implements it. */
export interface FeedbackRequestDelivery {
  /** Sends the request card to each of `respondents`; says who got it. */
  sendRequest(context: FeedbackCardContext, respondents: readonly FeedbackRespondent[]): Promise<FeedbackDelivery[]>;
  /** Who could get the card (has the app), without sending: for a repeated submission. */
  reachable(respondents: readonly FeedbackRespondent[]): Promise<FeedbackDelivery[]>;
}

/** A respondent whose card was still on its way when the door had to answer. */
export type DeliveryOutcome = FeedbackDelivery & { pending?: boolean };

export type AskDelivery =
  /** The card goes to each respondent's personal chat; a door with a deadline passes `budgetMs`. */
  | { kind: 'personal_chats'; budgetMs?: number }
  /** The door posts the card into the chat it was opened from, where the respondents are. */
  | { kind: 'into_chat' };

export interface FeedbackAsked extends FeedbackCardContext {
  view: FeedbackRequestView;
  /** This submission was stored before: no card went out again. */
  repeated: boolean;
  /** Per respondent for `personal_chats`; empty for `into_chat`. */
  delivery: DeliveryOutcome[];
}

export interface AskForFeedbackDeps {
  requests: Pick<FeedbackService, 'record'>;
  delivery: FeedbackRequestDelivery;
}

export function createAskForFeedback(deps: AskForFeedbackDeps) {
  const { requests, delivery } = deps;

  /** Sends every card; with a budget, the answer waits at most that long and a late card is `pending`. */
  async function deliver(
    context: FeedbackCardContext,
    respondents: readonly FeedbackRespondent[],
    budgetMs: number | undefined,
  ): Promise<DeliveryOutcome[]> {
    if (budgetMs === undefined) return delivery.sendRequest(context, respondents);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const budget = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), budgetMs);
    });
    try {
      return await Promise.all(
        respondents.map(async (r): Promise<DeliveryOutcome> => {
          const sending = delivery.sendRequest(context, [r]).then((d) => d[0]!);
          const first = await Promise.race([sending, budget]);
          return first === 'late' ? { personId: r.personId, displayName: r.displayName, delivered: false, pending: true } : first;
        }),
      );
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    /** The mentee asks for feedback on one of their active goals; the card goes out once per submission. */
    async ask(actor: Actor, pairId: string, input: ParsedFeedbackRequestInput, how: AskDelivery): Promise<Result<FeedbackAsked>> {
      const stored = await requests.record(actor, pairId, input);
      if (!stored.ok) return stored;
      const { respondents } = stored.value.request.value;
      let outcome: DeliveryOutcome[] = [];
      if (how.kind === 'personal_chats') {
        // A retried submit: the cards went out the first time; say who can get them, send nothing.
        outcome = stored.value.repeated ? await delivery.reachable(respondents) : await deliver(stored.value, respondents, how.budgetMs);
      }
      return ok({ ...stored.value, delivery: outcome });
    },
  };
}

export type AskForFeedback = ReturnType<typeof createAskForFeedback>;
