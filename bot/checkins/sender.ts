// Sends the check-ins that are due, once each, however many server instances run this at once.
//
// Protocol, per row of the due index (CheckInsDue):
//  1. Claim: write a lease (owner, leaseUntil) under the row's ETag. Only one instance's write
//     succeeds; the others get 412 and move on. A row whose lease has not expired is not touched.
//  2. Check: the pair's schedule row must still plan this slot at this due time (else the row is
//     stale: paused, snoozed, rescheduled; it is deleted). If the slot's check-in is recorded
//     already, a previous holder sent it and died before cleaning up: skip to step 5.
//  3. Send through the rate limiter. Before every attempt the lease is renewed under its ETag, so a
//     holder that lost its lease (it stalled past leaseUntil and someone else claimed the row) stops
//     before sending. 429 waits Retry-After (pausing the whole tenant), 5xx/timeouts back off
//     exponentially with jitter; 403/404 marks the mentee unreachable and stops.
//  4. Record: `CheckInRepository.recordSent` creates the check-in row if absent (a second record of
//     a slot is a conflict, never a second row).
//  5. Schedule the next slot (schedule row under its ETag, new index row), then delete this row
//     under the lease's ETag.
// A process that dies:
//  - before step 3 sends: nothing went out; the lease expires and another instance sends it.
//  - after the send, before step 4 records it: the lease expires and the check-in is sent again.
//    This window is one storage write long; a duplicate card is answered into the same slot
//    (answers are idempotent per slot), which beats a check-in recorded but never delivered.
//  - after step 4: the next holder finds the record, does not send, and finishes steps 5.
// Rows that fail transiently are left with their lease; it expires and a later run retries them.
import { randomUUID } from 'node:crypto';
import { deliverWithRetry, runDue, type DueRunReport, type RowOutcome } from '../jobs/dueRun';
import type { CheckIn } from '../../shared/checkins/checkIn';
import type { CheckInScheduleState, CheckInScheduling } from '../../shared/checkins/checkInScheduling';
import type { Mentorship } from '../../shared/mentorship';
import { activeGoals } from '../../shared/plan/planChoices';
import type { Versioned } from '../../shared/result';
import { defaultCheckInQuestions } from '../../shared/program';
import type {
  CheckInRepository,
  CheckInScheduleRepository,
  ConversationRepository,
  PlanRepository,
  ProgramRepository,
} from '../../shared/repositories';
import { checkInCard } from '../cards/checkInCard';
import type { Logger } from '../log';
import type { CheckInDueIndex, DueRow } from '../storage/checkInDueTable';
import { systemClock, type Clock } from '../jobs/clock';
import { leaseTerms } from '../jobs/lease';
import { singleFlight } from '../jobs/singleFlight';
import type { ProactiveMessenger } from './proactiveMessenger';
import { createSendRateLimiter, TEAMS_CONVERSATION_WINDOWS } from './sendRateLimiter';
import { inTenant } from '../../shared/policy';

export interface CheckInSenderOptions {
  /** How long a claim holds. Longer than one send attempt (20 s timeout) plus a backoff. */
  leaseMs: number;
  /** Rows handled at once; the rate limiter, not this, sets the pace. */
  concurrency: number;
  /** Requests per second per tenant from this instance (Teams: about 50 per app and tenant). */
  tenantPerSecond: number;
  /** Send attempts per row in one run; then the row waits for a later run. */
  maxAttempts: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** How far back a first run (no cursor yet) looks for rows. */
  firstRunLookbackHours: number;
  /** A run stops claiming new rows after this long; the rest waits for the next run. */
  maxRunMs: number;
}

export const defaultSenderOptions: CheckInSenderOptions = {
  leaseMs: 120_000,
  concurrency: 16,
  tenantPerSecond: 48,
  maxAttempts: 6,
  backoffBaseMs: 500,
  backoffMaxMs: 30_000,
  firstRunLookbackHours: 24 * 7,
  maxRunMs: 240_000,
};

export interface CheckInSenderDeps {
  due: CheckInDueIndex;
  schedules: CheckInScheduleRepository;
  scheduling: CheckInScheduling;
  plans: Pick<PlanRepository, 'load'>;
  /** The pair's program: its check-in questions as they are when the check-in goes out. */
  programs: Pick<ProgramRepository, 'get'>;
  conversations: ConversationRepository;
  checkIns: Pick<CheckInRepository, 'get' | 'recordSent'>;
  messenger: ProactiveMessenger;
  log: Logger;
  clock?: Clock;
  random?: () => number;
  /** Names this instance in leases (for logs); unique per sender by default. */
  instanceId?: string;
  options?: Partial<CheckInSenderOptions>;
}

export type { RowOutcome } from '../jobs/dueRun';
export type SenderRunReport = DueRunReport;

/**
 * What every proactive sender over a due index sets up the same way (check-ins, checkpoint
 * reminders): its clock, options, a lease owner for this instance, Teams' send limits, and
 * exponential backoff with jitter (half fixed, half random), capped.
 */
export function senderSetup(deps: { clock?: Clock; random?: () => number; instanceId?: string; options?: Partial<CheckInSenderOptions> }) {
  const clock = deps.clock ?? systemClock;
  const random = deps.random ?? Math.random;
  const options = { ...defaultSenderOptions, ...deps.options };
  const lease = leaseTerms({ owner: deps.instanceId ?? randomUUID(), ms: options.leaseMs, clock });
  const limiter = createSendRateLimiter(
    { tenantPerSecond: options.tenantPerSecond, conversationWindows: TEAMS_CONVERSATION_WINDOWS },
    clock,
  );
  const now = () => new Date(clock.now());
  const backoff = (attempt: number) => {
    const ceiling = Math.min(options.backoffMaxMs, options.backoffBaseMs * 2 ** attempt);
    return ceiling / 2 + random() * (ceiling / 2);
  };
  return { clock, random, options, lease, limiter, now, backoff };
}

export function createCheckInSender(deps: CheckInSenderDeps) {
  const { due, schedules, scheduling, plans, programs, conversations, checkIns, messenger, log } = deps;
  const machinery = senderSetup(deps);
  const { clock, options, lease, now } = machinery;

  async function deliver(found: DueRow): Promise<RowOutcome> {
    if (lease.held(found.leaseUntil)) return 'busy';
    let row = await due.claim(found, lease.owner, lease.until());
    if (!row) return 'busy';

    const stored = await schedules.get(row.pairId);
    const schedule = stored?.value;
    if (!stored || !schedule || schedule.unreachable || schedule.nextSlot !== row.slot || schedule.nextDueAt !== row.dueAt) {
      await due.release(row);
      return 'stale';
    }
    const record = await plans.load(row.pairId);
    const pair = record?.mentorship.value;
    if (!record || !pair || pair.status !== 'active') {
      // The pair ended or paused: the schedule learns it and plans nothing.
      if (pair) await scheduling.scheduleNext(pair, { justRead: stored });
      await due.release(row);
      return 'stale';
    }
    // Only a row claimed before may have been sent by a holder that died: a first claim skips the read.
    if (row.claims > 1 && (await checkIns.get(row.pairId, row.slot))) {
      await finish(row, pair, stored);
      return 'already_sent';
    }
    // The pair's own tenant: a chat the same object id installed from another tenant is not the mentee's.
    const installed = await conversations.get(pair.menteeId);
    const conversation = inTenant(pair.tenantId, installed) ? installed : undefined;
    if (!conversation) {
      await scheduling.markUnreachable(pair, 'not_installed');
      await due.release(row);
      return 'unreachable';
    }

    const questions = [...((await programs.get(pair.programId))?.value.checkInQuestions ?? defaultCheckInQuestions)];
    const card = checkInCard({
      pairId: pair.id,
      slot: row.slot,
      questions,
      mentorName: record.members.mentor.displayName,
      goals: activeGoals(record.goals).map((g) => g.value),
    });
    const sent = await deliverWithRetry({ row, due, machinery, messenger, conversation, card, log, name: 'check-in' });
    if (sent.kind === 'busy' || sent.kind === 'retry_later') return sent.kind;
    row = sent.row;
    if (sent.kind === 'unreachable') {
      log.info('check-in recipient unreachable', { pairId: pair.id, status: sent.status, detail: sent.detail });
      await scheduling.markUnreachable(pair, sent.detail);
      await due.release(row);
      return 'unreachable';
    }
    if (sent.kind === 'rejected') {
      // A refused message is a bug in the card, not a reason to retry forever: skip the slot.
      log.error('check-in refused by the connector', { pairId: pair.id, slot: row.slot, status: sent.status, detail: sent.detail });
      await finish(row, pair, stored);
      return 'rejected';
    }

    const sentAt = now().toISOString();
    const checkIn: CheckIn = { pairId: pair.id, slot: row.slot, dueAt: row.dueAt, status: 'sent', sentAt, questions, comments: [] };
    const recorded = await checkIns.recordSent(checkIn);
    if (!recorded.ok) log.warn('check-in was recorded by another sender', { pairId: pair.id, slot: row.slot });
    await finish(row, pair, stored);
    return 'sent';
  }

  /** Plans the slot after `row`'s and drops the row. */
  async function finish(row: DueRow, pair: Mentorship, justRead: Versioned<CheckInScheduleState>): Promise<void> {
    const next = await scheduling.scheduleNext(pair, { sentSlot: row.slot, justRead });
    if (!next.ok) log.warn('could not plan the next check-in', { pairId: pair.id, code: next.error.code });
    // Saving a schedule whose due time moved on drops its old index row, which is this one.
    if (!next.ok || justRead.value.nextDueAt !== row.dueAt || next.value.value.nextDueAt === row.dueAt) await due.release(row);
  }

  const runOnce = (): Promise<SenderRunReport> => runDue({ due, clock, options, log, name: 'check-in', deliver: (row) => deliver(row) });

  return {
    /** One pass over what is due. A call while a pass runs joins that pass. */
    run: singleFlight(runOnce),
  };
}

export type CheckInSender = ReturnType<typeof createCheckInSender>;
