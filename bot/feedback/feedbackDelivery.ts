// Sends a 360 request card to its respondents' personal chats (the ones who installed the app),
// after a request is created and for the one reminder. Proactive sends go through the same Teams
// rate limits as check-ins (per conversation and per tenant) and retry 429 and transient failures
// a few times; someone without the app, or who removed it, is reported as not delivered: the
// mentee can share the request into a chat with the message extension instead.
import type { FeedbackDelivery } from '../../shared/api';
import type { FeedbackRequestDelivery } from '../../shared/feedback/askForFeedback';
import type { FeedbackRespondent } from '../../shared/feedback/feedbackRequest';
import type { FeedbackCardContext } from '../../shared/feedback/feedbackService';
import type { ConversationRepository } from '../../shared/repositories';
import type { AdaptiveCard } from '../cards/adaptiveCard';
import { feedbackRequestCard } from '../cards/feedbackRequestCard';
import type { ProactiveMessenger, SendOutcome } from '../checkins/proactiveMessenger';
import { systemClock } from '../jobs/clock';
import { createSendRateLimiter, TEAMS_CONVERSATION_WINDOWS, type Clock } from '../checkins/sendRateLimiter';
import type { Logger } from '../log';
import { inTenant } from '../../shared/policy';

export interface FeedbackDeliveryOptions {
  /** Requests per second per tenant for feedback cards from this instance (check-ins have their own share). */
  tenantPerSecond: number;
  maxAttempts: number;
  backoffBaseMs: number;
  /** A longer Retry-After than this gives up: the request is stored, only this card is not delivered. */
  maxWaitMs: number;
}

export const defaultFeedbackDeliveryOptions: FeedbackDeliveryOptions = {
  tenantPerSecond: 8,
  maxAttempts: 3,
  backoffBaseMs: 300,
  maxWaitMs: 5_000,
};

export interface FeedbackDeliveryDeps {
  conversations: Pick<ConversationRepository, 'get'>;
  messenger: ProactiveMessenger;
  log: Logger;
  clock?: Clock;
  random?: () => number;
  options?: Partial<FeedbackDeliveryOptions>;
}

export function createFeedbackDelivery(deps: FeedbackDeliveryDeps) {
  const { conversations, messenger, log } = deps;
  const clock = deps.clock ?? systemClock;
  const random = deps.random ?? Math.random;
  const options = { ...defaultFeedbackDeliveryOptions, ...deps.options };
  const limiter = createSendRateLimiter(
    { tenantPerSecond: options.tenantPerSecond, conversationWindows: TEAMS_CONVERSATION_WINDOWS },
    clock,
  );

  async function sendOnce(conversation: Parameters<ProactiveMessenger['send']>[0], card: AdaptiveCard): Promise<SendOutcome> {
    try {
      return await messenger.send(conversation, card);
    } catch (error) {
      return { kind: 'transient', status: 0, detail: error instanceof Error ? error.name : 'error' };
    }
  }

  /** One person's card; true once the connector accepted it. */
  async function sendTo(personId: string, tenantId: string, card: AdaptiveCard, what: string): Promise<boolean> {
    // Only a chat in the request's own tenant: the same object id installed elsewhere is someone else's chat.
    const stored = await conversations.get(personId);
    const conversation = inTenant(tenantId, stored) ? stored : undefined;
    if (!conversation) {
      log.info(`${what} not delivered: app not installed`, { personId });
      return false;
    }
    for (let attempt = 0; attempt < options.maxAttempts; attempt++) {
      await limiter.acquire(conversation.tenantId, conversation.conversationId);
      const outcome = await sendOnce(conversation.reference, card);
      if (outcome.kind === 'sent') return true;
      if (outcome.kind === 'unreachable' || outcome.kind === 'rejected') {
        log.warn(`${what} not delivered`, { personId, kind: outcome.kind, status: outcome.status, detail: outcome.detail });
        return false;
      }
      let wait = options.backoffBaseMs * 2 ** attempt * (0.5 + random() / 2);
      if (outcome.kind === 'throttled' && outcome.retryAfterMs !== undefined) {
        limiter.pauseTenant(conversation.tenantId, outcome.retryAfterMs);
        wait = outcome.retryAfterMs;
      }
      if (wait > options.maxWaitMs || attempt + 1 >= options.maxAttempts) {
        log.warn(`${what} not delivered after retries`, { personId, kind: outcome.kind, detail: outcome.detail });
        return false;
      }
      await clock.sleep(wait);
    }
    return false;
  }

  const delivery = {
    /** The request card to each of `respondents` (all of the request's, or the pending ones for the reminder). */
    async sendRequest(
      context: FeedbackCardContext,
      respondents: readonly FeedbackRespondent[],
      o: { reminder?: boolean } = {},
    ): Promise<FeedbackDelivery[]> {
      const card = feedbackRequestCard({
        request: context.request.value,
        menteeName: context.menteeName,
        goalTitle: context.goalTitle,
        reminder: o.reminder ?? false,
      });
      const what = o.reminder ? 'feedback reminder' : 'feedback request';
      return Promise.all(
        respondents.map(async (r) => {
          let delivered = false;
          try {
            delivered = await sendTo(r.personId, context.request.value.tenantId, card, what);
          } catch (error) {
            // Storage down while looking up the conversation: this card is not delivered, the rest go on.
            log.warn(`${what} failed`, { personId: r.personId, error: error instanceof Error ? error.message : String(error) });
          }
          return { personId: r.personId, displayName: r.displayName, delivered };
        }),
      );
    },

    /** For a repeated submission, whose cards went out the first time: who has the app, without sending again. */
    async reachable(respondents: readonly FeedbackRespondent[]): Promise<FeedbackDelivery[]> {
      return Promise.all(
        respondents.map(async (r) => ({
          personId: r.personId,
          displayName: r.displayName,
          delivered: (await conversations.get(r.personId)) !== undefined,
        })),
      );
    },
  } satisfies FeedbackRequestDelivery;
  return delivery;
}

export type FeedbackCardDelivery = ReturnType<typeof createFeedbackDelivery>;
