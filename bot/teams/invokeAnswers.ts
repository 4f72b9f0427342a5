// Every invoke (a card's Action.Execute, a message-extension command) answers inside Teams' 5
// seconds with something a person can read, never an error's text. What each kind of failure
// becomes, for each kind of invoke, is decided here once: a handler returns its answer or
// `refuse(failure)`, and throws only for what it did not expect (storage down, a bug), which
// `invokeHandler` logs and answers. Who acts is the activity's sender, resolved here too.
import { INVOKE_RESPONSE_KEY, type Activity, type MessagingExtensionResult, type TaskModuleTaskInfo, type TurnContext } from 'botbuilder';
import type { Actor } from '../../shared/policy';
import type { Failure } from '../../shared/result';
import type { AdaptiveCard } from '../cards/adaptiveCard';
import { noticeForm } from '../cards/messageExtensionForms';
import { refusedCard } from '../cards/refusedCard';
import { en } from '../cards/strings';
import type { Logger } from '../log';
import type { SenderIdentity } from './botActor';
import { cardsResult, dialog, messageResult } from './messageExtensionCommands';

/** Why an invoke could not be done as asked. */
export type InvokeFailure =
  /** The sender has no Entra object id: the app cannot tell who they are. */
  | { kind: 'not_identified' }
  /** A use case refused (invalid, not_found, forbidden, conflict...): its message is for people. */
  | { kind: 'refused'; failure: Failure }
  /** Thrown: storage unavailable, or a bug. Nothing of it is shown. */
  | { kind: 'failed' };

/** The answer an invoke of one kind gives for each failure. */
export type InvokeAnswers<T> = (failure: InvokeFailure) => T;

/** A handler's refusal, answered by the invoke's kind. */
export class Refusal {
  constructor(readonly failure: Failure) {}
}

/** Refuses with a use case's failure, or a sentence for input that cannot be acted on (a stale card). */
export const refuse = (failure: Failure | string): Refusal =>
  new Refusal(typeof failure === 'string' ? { code: 'invalid', message: failure } : failure);

const unavailable = (f: InvokeFailure) => f.kind === 'failed' || (f.kind === 'refused' && f.failure.code === 'unavailable');

/** Card actions (Action.Execute): a card replacing the one clicked. A `forbidden` may get a card of its own. */
export const cardAnswers =
  (o: { forbidden?: (failure: Failure) => AdaptiveCard } = {}): InvokeAnswers<AdaptiveCard> =>
  (f) => {
    if (f.kind === 'not_identified') return refusedCard(en.replies.notIdentified);
    if (unavailable(f) || f.kind !== 'refused') return refusedCard(en.replies.somethingWentWrong);
    if (f.failure.code === 'forbidden' && o.forbidden) return o.forbidden(f.failure);
    return refusedCard(f.failure.message);
  };

const s = en.messageExtension;
const notice = (text: string) => dialog(en.refused.title, noticeForm(en.refused.title, text));

/** Message-extension action commands (fetchTask, submitAction): a dialog saying why. */
export const dialogAnswers: InvokeAnswers<TaskModuleTaskInfo> = (f) =>
  f.kind === 'not_identified'
    ? notice(s.notIdentified)
    : unavailable(f) || f.kind !== 'refused'
      ? notice(s.unavailable)
      : notice(f.failure.message);

/** The message-extension search: a sentence in the results pane. */
export const searchAnswers: InvokeAnswers<MessagingExtensionResult> = (f) =>
  messageResult(f.kind === 'not_identified' ? s.notIdentified : unavailable(f) || f.kind !== 'refused' ? s.unavailable : f.failure.message);

/** Link unfurling: no card at all; Teams shows the plain link. */
export const unfurlAnswers: InvokeAnswers<MessagingExtensionResult> = () => cardsResult([]);

export interface InvokeDeps {
  log: Logger;
  /** Who the sender is (`senderWithProfile`, or `senderFromActivity` where a handler needs no profile). */
  identify: SenderIdentity;
}

/** What an invoke names itself in the log: its name, a card's verb, a command's id. Never its data. */
function invokeLogFields(context: TurnContext): Record<string, unknown> {
  const value = context.activity.value as { action?: { verb?: unknown }; commandId?: unknown } | undefined;
  return { invoke: context.activity.name, verb: value?.action?.verb, commandId: value?.commandId };
}

/**
 * Runs an invoke handler as the activity's sender and answers every failure with `answers`: the one
 * place an invoke's failures are caught and mapped. `what` names the handler in the log.
 */
export function invokeHandler<T>(deps: InvokeDeps, what: string, answers: InvokeAnswers<T>) {
  return async (context: TurnContext, run: (actor: Actor) => Promise<T | Refusal>): Promise<T> => {
    try {
      const actor = await deps.identify(context);
      if (!actor) return answers({ kind: 'not_identified' });
      const answer = await run(actor);
      return answer instanceof Refusal ? answers({ kind: 'refused', failure: answer.failure }) : answer;
    } catch (error) {
      deps.log.error(`${what} failed`, { ...invokeLogFields(context), error: error instanceof Error ? error.stack : String(error) });
      return answers({ kind: 'failed' });
    }
  };
}

/**
 * The answer to a message extension invoke whose turn failed before a handler ran (the turn state
 * could not be read: storage down): the same answers the handlers give, instead of a 501 that
 * Teams shows as "Unable to reach app". Undefined for any other activity, or once answered.
 */
export function messageExtensionApology(context: TurnContext): Partial<Activity> | undefined {
  const { type, name } = context.activity;
  if (type !== 'invoke' || !name?.startsWith('composeExtension/') || context.turnState.get(INVOKE_RESPONSE_KEY)) return undefined;
  const answer = (body: unknown): Partial<Activity> => ({ type: 'invokeResponse', value: { status: 200, body } });
  const failed: InvokeFailure = { kind: 'failed' };
  switch (name) {
    case 'composeExtension/fetchTask':
    case 'composeExtension/submitAction':
      return answer({ task: { type: 'continue', value: dialogAnswers(failed) } });
    case 'composeExtension/query':
      return answer({ composeExtension: searchAnswers(failed) });
    case 'composeExtension/queryLink':
      return answer({ composeExtension: unfurlAnswers(failed) });
    default:
      return undefined;
  }
}
