// Drivers for check-in sending tests and the benchmark: the real repositories on Azurite, pairs
// with stored conversation references pointing at a local connector, a clock that makes time pass
// without waiting, and senders built like the server builds them.
import type { Clock } from '../../bot/checkins/sendRateLimiter';
import { createCheckInSender, type CheckInSenderOptions } from '../../bot/checkins/sender';
import type { ProactiveMessenger } from '../../bot/checkins/proactiveMessenger';
import { parseConfig } from '../../bot/config';
import { createLogger, type Logger } from '../../bot/log';
import { checkInDueTable } from '../../bot/storage/checkInDueTable';
import { checkInScheduleTable } from '../../bot/storage/checkInScheduleTable';
import { checkInTable } from '../../bot/storage/checkInTable';
import { conversationTable } from '../../bot/storage/conversationTable';
import { planTable } from '../../bot/storage/planTable';
import { programTable } from '../../bot/storage/programTable';
import { ensureTables, openTables } from '../../bot/storage/tables';
import { teamsProactiveMessenger } from '../../bot/teams/proactive';
import { createCheckInScheduling } from '../../shared/checkins/checkInScheduling';
import type { Mentorship } from '../../shared/mentorship';
import type { Cadence } from '../../shared/program';
import type { ConversationRepository, PlanRepository } from '../../shared/repositories';
import { BOT, TEST_TENANT_ID } from './botActivities';

/** A clock whose sleeps return at once and move time forward (never backward, with many sleepers). */
export interface FakeClock extends Clock {
  set(at: Date): void;
  advance(ms: number): void;
  readonly date: Date;
  /** Every sleep asked for, in ms, in order. */
  readonly sleeps: number[];
}

export function fakeClock(start: Date): FakeClock {
  let t = start.getTime();
  const sleeps: number[] = [];
  return {
    now: () => t,
    async sleep(ms) {
      sleeps.push(ms);
      const target = t + ms;
      // Yield, so concurrent work interleaves as it would while really waiting.
      await new Promise((resolve) => setImmediate(resolve));
      if (target > t) t = target;
    },
    set(at) {
      t = at.getTime();
    },
    advance(ms) {
      t += ms;
    },
    get date() {
      return new Date(t);
    },
    sleeps,
  };
}

export async function openCheckInStores(connectionString: string, tablePrefix: string, now: () => Date) {
  const tables = openTables({ connectionString, tablePrefix });
  await ensureTables(tables);
  const plans = planTable(tables);
  const due = checkInDueTable(tables);
  const schedules = checkInScheduleTable(tables, due);
  return {
    tables,
    plans,
    programs: programTable(tables),
    due,
    schedules,
    conversations: conversationTable(tables),
    checkIns: checkInTable(tables),
    scheduling: createCheckInScheduling({ plans, schedules, now }),
  };
}
export type CheckInStores = Awaited<ReturnType<typeof openCheckInStores>>;

export interface TestPairOptions {
  cadence?: Cadence;
  timeZone?: string;
  startDate?: string;
}

export const conversationIdOf = (pairIndex: number) => `a:1checkin-${pairIndex}`;

export function testPair(
  i: number,
  o: TestPairOptions = {},
): {
  mentorship: Mentorship;
  members: { mentor: { id: string; displayName: string; timeZone: string }; mentee: { id: string; displayName: string; timeZone: string } };
} {
  const timeZone = o.timeZone ?? 'Europe/Berlin';
  const hours = { start: '09:00', end: '17:00', days: [1, 2, 3, 4, 5] };
  const mentorship: Mentorship = {
    id: `pair-${i}`,
    tenantId: TEST_TENANT_ID,
    programId: 'bench-program',
    mentorId: `mentor-${i % 50}`,
    menteeId: `mentee-${i}`,
    startDate: o.startDate ?? '2026-01-05',
    status: 'active',
    agreement: {
      rolesAndResponsibilities: 'The mentee owns the plan; the mentor asks good questions.',
      meetingCadence: o.cadence ?? 'weekly',
      meetingLengthMinutes: 30,
      preferredChannel: 'teams_chat',
      style: 'Direct',
      boundaries: 'None',
      confidentiality: 'Between us',
      hoursPerMonth: 2,
      mentor: { timeZone: 'Europe/London', workingHours: hours },
      mentee: { timeZone, workingHours: hours },
    },
  };
  return {
    mentorship,
    members: {
      mentor: { id: mentorship.mentorId, displayName: `Mentor ${i % 50}`, timeZone: 'Europe/London' },
      mentee: { id: mentorship.menteeId, displayName: `Mentee ${i}`, timeZone },
    },
  };
}

/** The conversation reference the installation stores, pointing at `serviceUrl`. */
export function storedConversationFor(i: number, serviceUrl: string, at: Date) {
  const menteeId = `mentee-${i}`;
  const conversation = { id: conversationIdOf(i), conversationType: 'personal', tenantId: TEST_TENANT_ID };
  return {
    personId: menteeId,
    tenantId: TEST_TENANT_ID,
    conversationId: conversation.id,
    serviceUrl,
    reference: {
      activityId: `f:install-${i}`,
      user: { id: `29:${menteeId}`, aadObjectId: menteeId },
      bot: BOT,
      conversation,
      channelId: 'msteams',
      locale: 'en-US',
      serviceUrl,
    },
    updatedAt: at.toISOString(),
  };
}

/** The personal conversation `storeReachablePair` stores for a person. */
export const personalConversationIdOf = (personId: string) => `a:1personal-${personId}`;

/**
 * Stores pair `i` (testPair) with both people reachable: a personal conversation each, pointing at
 * `serviceUrl`, as the installation stores it. For senders that tell both people (checkpoint
 * reminders, renewal cards).
 */
export async function storeReachablePair(
  stores: { plans: Pick<PlanRepository, 'createPair'>; conversations: Pick<ConversationRepository, 'save'> },
  i: number,
  serviceUrl: string,
  at: Date,
  o: TestPairOptions = {},
): Promise<ReturnType<typeof testPair>> {
  const pair = testPair(i, o);
  const created = await stores.plans.createPair(pair.mentorship, pair.members);
  if (!created.ok) throw new Error(created.error.message);
  for (const personId of [pair.mentorship.mentorId, pair.mentorship.menteeId]) {
    const conversation = { id: personalConversationIdOf(personId), conversationType: 'personal', tenantId: TEST_TENANT_ID };
    await stores.conversations.save({
      personId,
      tenantId: TEST_TENANT_ID,
      conversationId: conversation.id,
      serviceUrl,
      reference: { user: { id: `29:${personId}`, aadObjectId: personId }, bot: BOT, conversation, channelId: 'msteams', serviceUrl },
      updatedAt: at.toISOString(),
    });
  }
  return pair;
}

/** Creates the pairs, their mentees' conversations and their check-in schedules. */
export async function seedPairs(
  stores: CheckInStores,
  indexes: number[],
  serviceUrl: string,
  at: Date,
  o: TestPairOptions = {},
): Promise<void> {
  for (const i of indexes) {
    const { mentorship, members } = testPair(i, o);
    const created = await stores.plans.createPair(mentorship, members);
    if (!created.ok) throw new Error(created.error.message);
    await stores.conversations.save(storedConversationFor(i, serviceUrl, at));
    const scheduled = await stores.scheduling.scheduleNext(mentorship);
    if (!scheduled.ok) throw new Error(scheduled.error.message);
  }
}

export const silentLog: Logger = createLogger('silent');

/** The Bot Framework messenger the server uses, without an app id (no tokens, local connector). */
export const localMessenger = (): ProactiveMessenger => teamsProactiveMessenger(parseConfig({ LOG_LEVEL: 'silent' }));

export function senderFor(
  stores: CheckInStores,
  clock: Clock,
  o: { instanceId?: string; messenger?: ProactiveMessenger; options?: Partial<CheckInSenderOptions>; log?: Logger } = {},
) {
  return createCheckInSender({
    due: stores.due,
    schedules: stores.schedules,
    scheduling: stores.scheduling,
    plans: stores.plans,
    programs: stores.programs,
    conversations: stores.conversations,
    checkIns: stores.checkIns,
    messenger: o.messenger ?? localMessenger(),
    log: o.log ?? silentLog,
    clock,
    // Jitter is real randomness in the server; fixed here so a run is repeatable.
    random: () => 0.5,
    instanceId: o.instanceId,
    options: o.options,
  });
}
