// Proactive messages: a card sent into a stored conversation (a personal chat or a program
// channel), outside any turn. The senders decide when and how often to retry; this file only sends
// once and says what happened in terms a sender can act on.
import { TeamsAdapter } from '@microsoft/teams-ai/lib/TeamsAdapter.js';
import type { ConversationReference } from 'botbuilder';
import type { SendOutcome, ProactiveMessenger } from '../checkins/proactiveMessenger';
import type { AppConfig } from '../config';
import { systemClock, type Clock } from '../jobs/clock';
import { failAfter, TimeoutError } from '../jobs/timeBudget';
import { authenticationOptions } from './botEndpoint';
import { cardMessage } from './cardMessage';

/** How long one send may take before it counts as failed (and is retried). */
const SEND_TIMEOUT_MS = 20_000;

/** `clock` dates a Retry-After given as an HTTP date. */
export function teamsProactiveMessenger(
  config: Pick<AppConfig, 'auth' | 'bot'>,
  clock: Pick<Clock, 'now'> = systemClock,
): ProactiveMessenger {
  const adapter = new TeamsAdapter(authenticationOptions(config));
  // Without an app id (local runs) the claims carry an empty one, as for incoming activities.
  const botAppId = config.bot.appId ?? '';

  return {
    async send(reference, card): Promise<SendOutcome> {
      let activityId: string | undefined;
      try {
        await failAfter(
          adapter.continueConversationAsync(botAppId, reference as Partial<ConversationReference>, async (context) => {
            withoutBuiltInRetries(context.turnState.get(adapter.ConnectorClientKey));
            activityId = (await context.sendActivity(cardMessage(card)))?.id;
          }),
          SEND_TIMEOUT_MS,
        );
        return { kind: 'sent', activityId };
      } catch (error) {
        return classify(error, clock.now());
      }
    },
  };
}

/**
 * The connector client (a new one for every proactive turn) retries 429 and 5xx three times on its
 * own, sleeping on its own clock and spending the tenant's request budget unseen; its options do
 * not reach that policy. The sender retries instead, through its rate limiter, honouring
 * Retry-After, so the policy is taken out of this client's pipeline.
 */
function withoutBuiltInRetries(connectorClient: unknown): void {
  const pipeline = (connectorClient as { client?: { pipeline?: { removePolicy(policy: { name: string }): unknown } } } | undefined)?.client
    ?.pipeline;
  pipeline?.removePolicy({ name: 'defaultRetryPolicy' });
}

interface ConnectorError {
  statusCode?: number;
  code?: string;
  response?: { headers?: { get?(name: string): string | undefined }; bodyAsText?: string };
}

/**
 * The connector's answers, as Teams documents them: 429 throttled (Retry-After), 412/502/504 and
 * other 5xx transient, 403 BotNotInConversationRoster / 404 ConversationNotFound when the person
 * removed the app or left: sending again will not help until they reinstall.
 */
export function classify(error: unknown, now: number): SendOutcome {
  if (error instanceof TimeoutError) return { kind: 'transient', status: 0, detail: 'timeout' };
  const e = (error ?? {}) as ConnectorError;
  const status = typeof e.statusCode === 'number' ? e.statusCode : undefined;
  const detail = errorCodeOf(e) ?? (status === undefined ? 'network' : `http_${status}`);
  if (status === 429) return { kind: 'throttled', retryAfterMs: retryAfterMs(e.response?.headers?.get?.('retry-after'), now), detail };
  if (status === 403 || status === 404) return { kind: 'unreachable', status, detail };
  if (status === undefined || status === 408 || status === 412 || status >= 500) return { kind: 'transient', status: status ?? 0, detail };
  return { kind: 'rejected', status, detail };
}

function errorCodeOf(e: ConnectorError): string | undefined {
  try {
    const body = JSON.parse(e.response?.bodyAsText ?? '') as { error?: { code?: unknown } };
    return typeof body.error?.code === 'string' ? body.error.code.slice(0, 64) : undefined;
  } catch {
    return undefined;
  }
}

/** Retry-After is seconds or an HTTP date. */
function retryAfterMs(header: string | undefined, now: number): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
