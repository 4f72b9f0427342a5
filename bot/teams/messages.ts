// Message routes. teams-ai runs the first route whose selector matches, in registration order, so
// named commands come first and the catch-all last. The bot's own @mention is already removed by
// the Application (removeRecipientMention); commandOf drops any other `<at>` text.
import { questionsOfCheckIn } from '../../shared/checkins/checkInQuestions';
import { ActivityTypes, type TurnContext } from 'botbuilder';
import type { Application, TurnState } from '@microsoft/teams-ai';
import type { CheckInScheduling } from '../../shared/checkins/checkInScheduling';
import type { CheckInService } from '../../shared/checkins/checkInService';
import { isActiveGoal } from '../../shared/plan/planChoices';
import type { PlanService } from '../../shared/plan/planService';
import type { PeopleRepository } from '../../shared/repositories';
import { todayIn } from '../../shared/dates';
import { helpCard } from '../cards/helpCard';
import type { CardLinks } from '../cards/cardLinks';
import { checkInCard } from '../cards/checkInCard';
import { checkInSummaryCard } from '../cards/checkInSummaryCard';
import { en } from '../cards/strings';
import { actorOf } from './botActor';
import { cardMessage } from './cardMessage';
import { planAnswer, registerPairChoice, withPair } from './pairChoice';
import { botCommands, commandArguments, commandOf, type BotCommand } from './commands';
import { runScheduleCommand, scheduleUsageProblem } from './scheduleCommands';

const isMessage = (context: TurnContext) => context.activity.type === ActivityTypes.Message;
export const named = (command: BotCommand) => async (context: TurnContext) =>
  isMessage(context) && commandOf(context.activity.text) === command;

/** What the commands beyond `help` need; without it only `help` and the catch-all are registered. */
export interface CommandDeps {
  checkIns: CheckInService;
  scheduling: CheckInScheduling;
  plan: PlanService;
  people: PeopleRepository;
  mode: 'development' | 'production';
  authMode: 'development' | 'entra';
  now: () => Date;
}

export function registerMessageRoutes(app: Application<TurnState>, links: CardLinks, now: () => Date, deps?: CommandDeps): void {
  app.message(named('help'), async (context) => {
    await context.sendActivity(cardMessage(helpCard({ commands: botCommands, links, today: todayIn('UTC', now()) })));
  });

  if (deps) {
    app.message(named('check in'), async (context) => {
      const actor = await actorOf(context, deps.people, deps.mode, deps.now);
      if (!actor) return void (await context.sendActivity(en.replies.notIdentified));
      const current = await deps.checkIns.current(actor);
      if (!current.ok)
        return void (await context.sendActivity(current.error.code === 'not_found' ? en.replies.noMenteePair : current.error.message));
      const { checkIn, mentor, goals } = current.value;
      // Already answered this period: show the answer rather than a second form.
      const card =
        checkIn.value.status === 'answered'
          ? checkInSummaryCard({ checkIn: checkIn.value, goals, mentorName: mentor.displayName, links })
          : checkInCard({
              pairId: checkIn.value.pairId,
              slot: checkIn.value.slot,
              questions: questionsOfCheckIn(checkIn.value),
              mentorName: mentor.displayName,
              goals: goals.filter(isActiveGoal),
            });
      await context.sendActivity(cardMessage(card));
    });

    app.message(named('plan'), async (context) => {
      const actor = await actorOf(context, deps.people, deps.mode, deps.now);
      if (!actor) return void (await context.sendActivity(en.replies.notIdentified));
      await withPair(context, deps, actor, 'plan', [], async (pair) => {
        const answer = await planAnswer(deps, links, actor, pair);
        await context.sendActivity(typeof answer === 'string' ? answer : cardMessage(answer));
      });
    });

    for (const command of ['pause', 'resume', 'snooze'] as const) {
      app.message(named(command), async (context) => {
        const actor = await actorOf(context, deps.people, deps.mode, deps.now);
        if (!actor) return void (await context.sendActivity(en.replies.notIdentified));
        const args = commandArguments(context.activity.text);
        // Words that cannot work are answered before asking which pair.
        const usage = scheduleUsageProblem(command, args, actor, deps.now());
        if (usage) return void (await context.sendActivity(usage));
        await withPair(context, deps, actor, command, args, async (pair) => {
          await context.sendActivity(await runScheduleCommand(command, args, actor, pair.pairId, deps));
        });
      });
    }

    registerPairChoice(app, links, deps);
  }

  // Last: anything else gets a short, friendly pointer to help, never an error.
  app.activity(ActivityTypes.Message, async (context) => {
    await context.sendActivity(en.replies.unknownCommand);
  });
}
