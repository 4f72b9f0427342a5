// The message extension: the action commands (Send feedback, Recognize a win, Request feedback),
// the "My goals" search and the unfurling of the app's own plan links. Every handler answers inside
// the invoke, well within Teams' 5 seconds; a failure answers with a polite dialog or an empty
// result, never an error's text (invokeAnswers.ts). Who acts is the activity's sender; ids in the
// payload are only requests, which the use cases authorize.
import type { Application, TurnState } from '@microsoft/teams-ai';
import type { MessagingExtensionResult, TaskModuleTaskInfo, TurnContext } from 'botbuilder';
import { noticeForm } from '../cards/messageExtensionForms';
import { en } from '../cards/strings';
import { senderWithProfile } from './botActor';
import { dialogAnswers, invokeHandler, searchAnswers, unfurlAnswers } from './invokeAnswers';
import { dialog, meCommands, messageResult, type ActionCommand, type MessageExtensionDeps } from './messageExtensionCommands';
import { requestFeedbackCommand } from './messageExtensionFeedbackRequest';
import { recognizeWinCommand, sendFeedbackCommand } from './messageExtensionRecognition';
import { myGoalsSearch, unfurlPlanLink } from './messageExtensionSearch';

const s = en.messageExtension;

export type { MessageExtensionDeps };

export function registerMessageExtensions(app: Application<TurnState>, deps: MessageExtensionDeps): void {
  const what = 'message extension';
  const invokes = { log: deps.log, identify: senderWithProfile(deps) };
  const asDialog = invokeHandler(invokes, what, dialogAnswers);
  const asSubmit = invokeHandler<TaskModuleTaskInfo | MessagingExtensionResult>(invokes, what, dialogAnswers);

  const actions: Record<string, ActionCommand> = {
    [meCommands.sendFeedback]: sendFeedbackCommand(deps),
    [meCommands.recognizeWin]: recognizeWinCommand(deps),
    [meCommands.requestFeedback]: requestFeedbackCommand(deps),
  };
  for (const [commandId, command] of Object.entries(actions)) {
    app.messageExtensions.fetchTask(commandId, (context) => asDialog(context, (actor) => command.fetch(actor, context)));
    app.messageExtensions.submitAction<Record<string, unknown>>(commandId, (context, _state, data) =>
      asSubmit(context, (actor) => command.submit(actor, context, data ?? {})),
    );
  }

  const search = myGoalsSearch(deps);
  const asSearch = invokeHandler(invokes, what, searchAnswers);
  app.messageExtensions.query(meCommands.myGoals, (context, _state, query) => asSearch(context, (actor) => search(actor, query)));

  const unfurl = unfurlPlanLink(deps);
  const asUnfurl = invokeHandler(invokes, what, unfurlAnswers);
  app.messageExtensions.queryLink(async (context, _state, url) => {
    const result = await asUnfurl(context, (actor) => unfurl.answer(actor, url));
    // The card depends on who pasted the link: Teams must not hand one person's answer to another.
    await context.sendActivity({
      type: 'invokeResponse',
      value: { status: 200, body: { composeExtension: result, cacheInfo: { cacheType: 'no-cache' } } },
    });
    return result;
  });

  // A command this version does not know (an old manifest, a hand-made invoke): a sentence, not a 501.
  const known = new Set<string>(Object.values(meCommands));
  const unknownCommand = (name: string) => async (context: TurnContext) =>
    context.activity.type === 'invoke' &&
    context.activity.name === name &&
    !known.has(String((context.activity.value as { commandId?: unknown } | undefined)?.commandId));
  app.messageExtensions.fetchTask(unknownCommand('composeExtension/fetchTask'), async () =>
    dialog(en.refused.title, noticeForm(en.refused.title, s.unknownCommand)),
  );
  app.messageExtensions.submitAction(unknownCommand('composeExtension/submitAction'), async () =>
    dialog(en.refused.title, noticeForm(en.refused.title, s.unknownCommand)),
  );
  app.messageExtensions.query(unknownCommand('composeExtension/query'), async () => messageResult(s.unknownCommand));
}
