// The port through which check-ins leave the server: bot/teams/proactive.ts implements it over the
// Bot Framework, tests and the benchmark point it at a local connector.
import type { AdaptiveCard } from '../cards/adaptiveCard';

/**
 * A Bot Framework conversation reference as plain JSON, kept as the connector sent it: a person's
 * personal chat (stored at installation) or a program channel (stored when a manager chose it).
 */
export type ConversationReferenceJson = Record<string, unknown>;

export type SendOutcome =
  | { kind: 'sent'; activityId?: string }
  /** 429: wait at least `retryAfterMs` (from Retry-After) before the next request. */
  | { kind: 'throttled'; retryAfterMs?: number; detail: string }
  /** 5xx, 412, a timeout or a dropped connection: worth another try after a backoff. */
  | { kind: 'transient'; status: number; detail: string }
  /** 403/404: the person removed the app or the conversation is gone. Retrying will not help. */
  | { kind: 'unreachable'; status: number; detail: string }
  /** Any other 4xx: the message itself was refused (a bug); not retried. */
  | { kind: 'rejected'; status: number; detail: string };

export interface ProactiveMessenger {
  /** Sends `card` once into the conversation `reference` names. */
  send(reference: ConversationReferenceJson, card: AdaptiveCard): Promise<SendOutcome>;
}
