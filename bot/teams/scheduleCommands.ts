// `pause`, `resume` and `snooze`: the check-in schedule of the person's pair, moved by the
// scheduling use cases (shared/checkins/checkInScheduling.ts). Arguments are read as words after
// the command's name, never searched for in free text.
import type { TurnContext } from 'botbuilder';
import type { CheckInScheduleState, CheckInScheduling } from '../../shared/checkins/checkInScheduling';
import type { PlanService } from '../../shared/plan/planService';
import type { Actor } from '../../shared/policy';
import type { Result, Versioned } from '../../shared/result';
import { en, fillPlaceholders } from '../cards/strings';
import { commandArguments, type BotCommand } from './commands';
import { pauseUntil } from '../../shared/checkins/pausePeriod';
import { todayIn } from '../../shared/dates';

const SNOOZE_LENGTHS = ['day', 'week'] as const;

/** When a check-in comes, in the mentee's zone (the schedule's), e.g. "Mon, Mar 2, 9:00 AM". */
const whenText = (iso: string, timeZone: string) =>
  new Intl.DateTimeFormat('en-US', { weekday: 'short', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZone }).format(new Date(iso));

export async function runScheduleCommand(
  command: Extract<BotCommand, 'pause' | 'resume' | 'snooze'>,
  context: TurnContext,
  actor: Actor,
  deps: { scheduling: CheckInScheduling; plan: PlanService; authMode: 'development' | 'entra'; now: () => Date },
): Promise<string> {
  const me = await deps.plan.me(actor, deps.authMode);
  // The schedule is the mentee's: their own pair first; a mentor may pause their first pair's.
  const pair = me.ok ? (me.value.pairs.find((p) => p.role === 'mentee') ?? me.value.pairs[0]) : undefined;
  if (!pair) return en.replies.noPair;
  const args = commandArguments(context.activity.text);
  const s = en.schedule;

  let result: Result<Versioned<CheckInScheduleState>>;
  if (command === 'pause') {
    const date = pauseUntil(args, todayIn(actor.timeZone, deps.now()));
    if (!date) return s.pauseUsage;
    result = await deps.scheduling.pause(actor, pair.pairId, date);
    if (result.ok) return fillPlaceholders(s.paused, { date });
  } else if (command === 'resume') {
    result = await deps.scheduling.resume(actor, pair.pairId);
    if (result.ok) {
      const { nextDueAt, timeZone } = result.value.value;
      return nextDueAt ? fillPlaceholders(s.resumed, { when: whenText(nextDueAt, timeZone) }) : s.resumedNone;
    }
  } else {
    const length = SNOOZE_LENGTHS.find((l) => l === (args[0] ?? 'day'));
    if (!length) return s.snoozeUsage;
    result = await deps.scheduling.snooze(actor, pair.pairId, length);
    if (result.ok && result.value.value.nextDueAt) return fillPlaceholders(s.snoozed, { when: whenText(result.value.value.nextDueAt, result.value.value.timeZone) });
  }
  if (result.ok) return s.resumedNone;
  // Failures carry a sentence written for people; for a bad date it names what to type.
  return result.error.code === 'invalid' && command === 'pause' ? `${result.error.message} ${s.pauseUsage}` : result.error.message;
}
