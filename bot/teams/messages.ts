// Message routes. teams-ai runs the first route whose selector matches, in registration order, so
// named commands come first and the catch-all last. The bot's own @mention is already removed by
// the Application (removeRecipientMention); commandOf drops any other `<at>` text.
import { ActivityTypes, type TurnContext } from 'botbuilder';
import type { Application, TurnState } from '@microsoft/teams-ai';
import type { CheckInScheduling } from '../../shared/checkins/checkInScheduling';
import type { CheckInService } from '../../shared/checkins/checkInService';
import type { PlanService } from '../../shared/plan/planService';
import type { PeopleRepository } from '../../shared/repositories';
import { helpCard } from '../cards/helpCard';
import type { CardLinks } from '../cards/cardLinks';
import { checkInCard } from '../cards/checkInCard';
import { checkInSummaryCard } from '../cards/checkInSummaryCard';
import { planSummaryCard } from '../cards/planSummaryCard';
import { en } from '../cards/strings';
import { actorOf } from './botActor';
import { cardMessage } from './cardMessage';
import { botCommands, commandOf, type BotCommand } from './commands';
import { runScheduleCommand } from './scheduleCommands';

const isMessage = (context: TurnContext) => context.activity.type === ActivityTypes.Message;
export const named = (command: BotCommand) => async (context: TurnContext) => isMessage(context) && commandOf(context.activity.text) === command;

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

export function registerMessageRoutes(app: Application<TurnState>, links: CardLinks, deps?: CommandDeps): void {
  app.message(named('help'), async (context) => {
    await context.sendActivity(cardMessage(helpCard({ commands: botCommands, links })));
  });

  if (deps) {
    app.message(named('check in'), async (context) => {
      const actor = await actorOf(context, deps.people, deps.mode);
      if (!actor) return void (await context.sendActivity(en.replies.notIdentified));
      const current = await deps.checkIns.current(actor);
      if (!current.ok) return void (await context.sendActivity(current.error.code === 'not_found' ? en.replies.noMenteePair : current.error.message));
      const { checkIn, mentor, goals } = current.value;
      // Already answered this period: show the answer rather than a second form.
      const card = checkIn.value.status === 'answered'
        ? checkInSummaryCard({ checkIn: checkIn.value, goals, mentorName: mentor.displayName, links })
        : checkInCard({ pairId: checkIn.value.pairId, slot: checkIn.value.slot, mentorName: mentor.displayName, goals: goals.filter((g) => g.status === 'active') });
      await context.sendActivity(cardMessage(card));
    });

    app.message(named('plan'), async (context) => {
      const actor = await actorOf(context, deps.people, deps.mode);
      if (!actor) return void (await context.sendActivity(en.replies.notIdentified));
      const me = await deps.plan.me(actor, deps.authMode);
      // One's own plan first; a mentor without one sees their first mentee's.
      const pair = me.ok ? (me.value.pairs.find((p) => p.role === 'mentee') ?? me.value.pairs[0]) : undefined;
      if (!pair) return void (await context.sendActivity(en.replies.noPair));
      const plan = await deps.plan.loadPlan(actor, pair.pairId);
      if (!plan.ok) return void (await context.sendActivity(plan.error.message));
      const goals = plan.value.goals
        .filter((g) => g.value.status === 'active')
        .map((g) => ({ title: g.value.title, ...(g.progress !== undefined ? { progress: g.progress } : {}), ...(g.value.dueDate ? { dueDate: g.value.dueDate } : {}) }));
      await context.sendActivity(cardMessage(planSummaryCard({ goals, links, ...(pair.role === 'mentor' ? { menteeName: plan.value.mentee.displayName } : {}) })));
    });

    for (const command of ['pause', 'resume', 'snooze'] as const) {
      app.message(named(command), async (context) => {
        const actor = await actorOf(context, deps.people, deps.mode);
        if (!actor) return void (await context.sendActivity(en.replies.notIdentified));
        await context.sendActivity(await runScheduleCommand(command, context, actor, deps));
      });
    }
  }

  // Last: anything else gets a short, friendly pointer to help, never an error.
  app.activity(ActivityTypes.Message, async (context) => {
    await context.sendActivity(en.replies.unknownCommand);
  });
}
