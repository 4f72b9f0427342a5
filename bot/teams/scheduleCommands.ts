// `pause`, `resume` and `snooze`: the check-in schedule of one of the person's pairs, moved by the
// scheduling use cases (shared/checkins/checkInScheduling.ts). Arguments are read as words after
// the command's name, never searched for in free text; the pair is the one the person chose.
import type { CheckInScheduleState, CheckInScheduling } from '../../shared/checkins/checkInScheduling';
import type { Actor } from '../../shared/policy';
import type { Result, Versioned } from '../../shared/result';
import { pauseExampleDate } from '../cards/helpCard';
import { en, fillPlaceholders } from '../cards/strings';
import type { BotCommand } from './commands';
import { pauseUntil } from '../../shared/checkins/pausePeriod';
import { todayIn, type IsoDate } from '../../shared/dates';

const SNOOZE_LENGTHS = ['day', 'week'] as const;
export type ScheduleCommand = Extract<BotCommand, 'pause' | 'resume' | 'snooze'>;

/** When a check-in comes, in the mentee's zone (the schedule's), e.g. "Mon, Mar 2, 9:00 AM". */
const whenText = (iso: string, timeZone: string) =>
  new Intl.DateTimeFormat('en-US', {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone,
  }).format(new Date(iso));

/** How to pause, with an example date after the person's today (never one that has passed). */
const pauseUsageFor = (today: IsoDate) => fillPlaceholders(en.schedule.pauseUsage, { date: pauseExampleDate(today) });

/** What to type instead, when the command's words cannot work for any pair; asked before the pair. */
export function scheduleUsageProblem(command: ScheduleCommand, args: readonly string[], actor: Actor, now: Date): string | undefined {
  if (command === 'pause' && !pauseUntil(args, todayIn(actor.timeZone, now))) return pauseUsageFor(todayIn(actor.timeZone, now));
  if (command === 'snooze' && !SNOOZE_LENGTHS.some((l) => l === (args[0] ?? 'day'))) return en.schedule.snoozeUsage;
  return undefined;
}

export async function runScheduleCommand(
  command: ScheduleCommand,
  args: readonly string[],
  actor: Actor,
  pairId: string,
  deps: { scheduling: CheckInScheduling; now: () => Date },
): Promise<string> {
  const s = en.schedule;

  let result: Result<Versioned<CheckInScheduleState>>;
  const today = todayIn(actor.timeZone, deps.now());
  const pauseUsage = pauseUsageFor(today);
  if (command === 'pause') {
    const date = pauseUntil(args, today);
    if (!date) return pauseUsage;
    result = await deps.scheduling.pause(actor, pairId, date);
    if (result.ok) return fillPlaceholders(s.paused, { date });
  } else if (command === 'resume') {
    result = await deps.scheduling.resume(actor, pairId);
    if (result.ok) {
      const { nextDueAt, timeZone } = result.value.value;
      return nextDueAt ? fillPlaceholders(s.resumed, { when: whenText(nextDueAt, timeZone) }) : s.resumedNone;
    }
  } else {
    const length = SNOOZE_LENGTHS.find((l) => l === (args[0] ?? 'day'));
    if (!length) return s.snoozeUsage;
    result = await deps.scheduling.snooze(actor, pairId, length);
    if (result.ok && result.value.value.nextDueAt)
      return fillPlaceholders(s.snoozed, { when: whenText(result.value.value.nextDueAt, result.value.value.timeZone) });
  }
  if (result.ok) return s.resumedNone;
  // Failures carry a sentence written for people; for a bad date it names what to type.
  return result.error.code === 'invalid' && command === 'pause' ? `${result.error.message} ${pauseUsage}` : result.error.message;
}
