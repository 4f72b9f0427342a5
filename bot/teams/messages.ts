// Message routes. teams-ai runs the first route whose selector matches, in registration order, so
// named commands come first and the catch-all last. The bot's own @mention is already removed by
// the Application (removeRecipientMention); commandOf drops any other `<at>` text.
import { ActivityTypes, type TurnContext } from 'botbuilder';
import type { Application, TurnState } from '@microsoft/teams-ai';
import { helpCard } from '../cards/helpCard';
import type { CardLinks } from '../cards/cardLinks';
import { en } from '../cards/strings';
import { cardMessage } from './cardMessage';
import { botCommands, commandOf, type BotCommand } from './commands';

const isMessage = (context: TurnContext) => context.activity.type === ActivityTypes.Message;
const named = (command: BotCommand) => async (context: TurnContext) => isMessage(context) && commandOf(context.activity.text) === command;

export function registerMessageRoutes(app: Application<TurnState>, links: CardLinks): void {
  app.message(named('help'), async (context) => {
    await context.sendActivity(cardMessage(helpCard({ commands: botCommands, links })));
  });

  // Last: anything else gets a short, friendly pointer to help, never an error.
  app.activity(ActivityTypes.Message, async (context) => {
    await context.sendActivity(en.replies.unknownCommand);
  });
}
