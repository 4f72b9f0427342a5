// The message extension: the action commands (Send feedback, Recognize a win, Request feedback),
// the "My goals" search and the unfurling of the app's own plan links. Every handler answers inside
// the invoke, well within Teams' 5 seconds; a failure answers with a polite dialog or an empty
// result, never an error's text. Who acts is the activity's sender; ids in the payload are only
// requests, which the use cases authorize.
import type { Application, TurnState } from '@microsoft/teams-ai';
import { INVOKE_RESPONSE_KEY, type Activity, type MessagingExtensionResult, type TaskModuleTaskInfo, type TurnContext } from 'botbuilder';
import type { Actor } from '../../shared/policy';
import { noticeForm } from '../cards/messageExtensionForms';
import { en } from '../cards/strings';
import { actorOf } from './botActor';
import { cardsResult, dialog, meCommands, messageResult, type ActionCommand, type MessageExtensionDeps } from './messageExtensionCommands';
import { requestFeedbackCommand } from './messageExtensionFeedbackRequest';
import { recognizeWinCommand, sendFeedbackCommand } from './messageExtensionRecognition';
import { myGoalsSearch, unfurlPlanLink } from './messageExtensionSearch';

const s = en.messageExtension;

export type { MessageExtensionDeps };

export function registerMessageExtensions(app: Application<TurnState>, deps: MessageExtensionDeps): void {
  const { log } = deps;
  const unavailableDialog = () => dialog(en.refused.title, noticeForm(en.refused.title, s.unavailable));
  const notIdentifiedDialog = () => dialog(en.refused.title, noticeForm(en.refused.title, s.notIdentified));

  /** Runs a handler as the sender; a thrown error (storage down, a bug) is logged and answered politely. */
  async function asActor<T>(context: TurnContext, what: string, run: (actor: Actor) => Promise<T>, otherwise: { notIdentified: () => T; failed: () => T }): Promise<T> {
    try {
      const actor = await actorOf(context, deps.people, deps.mode);
      if (!actor) return otherwise.notIdentified();
      return await run(actor);
    } catch (error) {
      log.error('message extension failed', { invoke: context.activity.name, commandId: what, error: error instanceof Error ? error.stack : String(error) });
      return otherwise.failed();
    }
  }

  const actions: Record<string, ActionCommand> = {
    [meCommands.sendFeedback]: sendFeedbackCommand(deps),
    [meCommands.recognizeWin]: recognizeWinCommand(deps),
    [meCommands.requestFeedback]: requestFeedbackCommand(deps),
  };
  const dialogFallbacks = { notIdentified: notIdentifiedDialog, failed: unavailableDialog };
  for (const [commandId, command] of Object.entries(actions)) {
    app.messageExtensions.fetchTask(commandId, (context) => asActor(context, commandId, (actor) => command.fetch(actor, context), dialogFallbacks));
    app.messageExtensions.submitAction<Record<string, unknown>>(commandId, (context, _state, data) =>
      asActor<TaskModuleTaskInfo | MessagingExtensionResult>(context, commandId, (actor) => command.submit(actor, context, data ?? {}), dialogFallbacks),
    );
  }

  const search = myGoalsSearch(deps);
  app.messageExtensions.query(meCommands.myGoals, (context, _state, query) =>
    asActor(context, meCommands.myGoals, (actor) => search(actor, query), { notIdentified: () => messageResult(s.notIdentified), failed: () => messageResult(s.unavailable) }),
  );

  const unfurl = unfurlPlanLink(deps);
  app.messageExtensions.queryLink(async (context, _state, url) => {
    const result = await asActor(context, 'queryLink', (actor) => unfurl.answer(actor, url), { notIdentified: unfurl.nothing, failed: unfurl.nothing });
    // The card depends on who pasted the link: Teams must not hand one person's answer to another.
    await context.sendActivity({ type: 'invokeResponse', value: { status: 200, body: { composeExtension: result, cacheInfo: { cacheType: 'no-cache' } } } });
    return result;
  });

  // A command this version does not know (an old manifest, a hand-made invoke): a sentence, not a 501.
  const known = new Set<string>(Object.values(meCommands));
  const unknownCommand = (name: string) => async (context: TurnContext) =>
    context.activity.type === 'invoke' && context.activity.name === name && !known.has(String((context.activity.value as { commandId?: unknown } | undefined)?.commandId));
  app.messageExtensions.fetchTask(unknownCommand('composeExtension/fetchTask'), async () => dialog(en.refused.title, noticeForm(en.refused.title, s.unknownCommand)));
  app.messageExtensions.submitAction(unknownCommand('composeExtension/submitAction'), async () => dialog(en.refused.title, noticeForm(en.refused.title, s.unknownCommand)));
  app.messageExtensions.query(unknownCommand('composeExtension/query'), async () => messageResult(s.unknownCommand));
}

/**
 * The answer to a message extension invoke whose turn failed before a handler ran (the turn state
 * could not be read: storage down): the same polite answers the handlers give, instead of a 501
 * that Teams shows as "Unable to reach app". Undefined for any other activity, or once answered.
 */
export function messageExtensionApology(context: TurnContext): Partial<Activity> | undefined {
  const { type, name } = context.activity;
  if (type !== 'invoke' || !name?.startsWith('composeExtension/') || context.turnState.get(INVOKE_RESPONSE_KEY)) return undefined;
  const answer = (body: unknown): Partial<Activity> => ({ type: 'invokeResponse', value: { status: 200, body } });
  switch (name) {
    case 'composeExtension/fetchTask':
    case 'composeExtension/submitAction':
      return answer({ task: { type: 'continue', value: dialog(en.refused.title, noticeForm(en.refused.title, s.unavailable)) } });
    case 'composeExtension/query':
      return answer({ composeExtension: messageResult(s.unavailable) });
    case 'composeExtension/queryLink':
      return answer({ composeExtension: cardsResult([]) });
    default:
      return undefined;
  }
}
