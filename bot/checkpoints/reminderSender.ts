// Sends checkpoint reminders to both people of a pair, once each, at each person's local time,
// however many server instances run at once. The same machinery as the check-in sender
// (bot/checkins/sender.ts): a due index partitioned by hour (table CheckpointsDue, the check-in due
// index's code on its own table), a lease on each row written under its ETag, the rate limiter and
// the proactive messenger; the record that a reminder went out (`cpreminder|{dueDate}|{role}`, a
// create that conflicts the second time) makes "once" hold when a holder dies after sending.
//
// Per row: claim it; check it is still current (the pair is active, the checkpoint on the
// schedule, not yet signed off, the person's reminder time unchanged), else drop it and file the
// right one; skip the send if the reminder is recorded; send (with the lease renewed before each
// attempt); record; drop the row and file the person's next reminder.
import { checkpointOn } from '../../shared/checkpoints/checkpoint';
import type { CheckpointReminderLog, CheckpointRepository } from '../../shared/checkpoints/checkpointRepository';
import { checkpointMeetingTimes, checkpointReminderAt, nextCheckpointReminder } from '../../shared/checkpoints/checkpointReminders';
import { teamsMeetingDraftLink } from '../../shared/meetings/meetingLink';
import type { Mentorship, PairRole } from '../../shared/mentorship';
import type { ConversationRepository, PlanRecord, PlanRepository, ProgramRepository } from '../../shared/repositories';
import { checkpointReminderCard } from '../cards/checkpointCards';
import { checkpointStrings } from '../cards/checkpointStrings';
import type { CardLinks } from '../cards/cardLinks';
import { fillPlaceholders } from '../cards/strings';
import type { ProactiveMessenger } from '../checkins/proactiveMessenger';
import { senderSetup, type CheckInSenderOptions } from '../checkins/sender';
import type { Clock } from '../jobs/clock';
import { singleFlight } from '../jobs/singleFlight';
import { deliverWithRetry, pairRoleTarget, parsePairRoleTarget, runDue, type DueRunReport, type RowOutcome } from '../jobs/dueRun';
import type { Logger } from '../log';
import type { CheckInDueIndex, DueRow } from '../storage/checkInDueTable';

export interface CheckpointReminderDeps {
  /** The due index on the CheckpointsDue table. */
  due: CheckInDueIndex;
  plans: Pick<PlanRepository, 'load'>;
  programs: Pick<ProgramRepository, 'get'>;
  checkpoints: Pick<CheckpointRepository, 'get'>;
  reminders: CheckpointReminderLog;
  conversations: Pick<ConversationRepository, 'get'>;
  messenger: ProactiveMessenger;
  links: CardLinks;
  log: Logger;
  clock?: Clock;
  random?: () => number;
  instanceId?: string;
  options?: Partial<CheckInSenderOptions>;
}

export type ReminderOutcome = RowOutcome;
export type ReminderRunReport = DueRunReport;

export function createCheckpointReminders(deps: CheckpointReminderDeps) {
  const { due, plans, programs, checkpoints, reminders, conversations, messenger, links, log } = deps;
  const machinery = senderSetup(deps);
  const { clock, options, lease, now } = machinery;

  /** Files the next reminder of each person of an active pair (create-if-absent: filing twice is harmless). */
  async function schedule(pair: Mentorship): Promise<void> {
    if (pair.status !== 'active') return;
    const program = await programs.get(pair.programId);
    if (!program) return;
    for (const role of ['mentor', 'mentee'] as const) {
      const first = nextCheckpointReminder(pair, program.value.checkpointIntervalMonths, role, now(), () => false);
      const sent = await reminders.get(pair.id, first.period.dueDate, role);
      const next = sent ? nextCheckpointReminder(pair, program.value.checkpointIntervalMonths, role, now(), () => true) : first;
      await due.file({ pairId: pairRoleTarget(pair.id, role), slot: next.period.dueDate, dueAt: next.dueAt });
    }
  }

  async function deliver(found: DueRow): Promise<ReminderOutcome> {
    if (lease.held(found.leaseUntil)) return 'busy';
    let row = await due.claim(found, lease.owner, lease.until());
    if (!row) return 'busy';
    const target = parsePairRoleTarget(row.pairId);
    const record = target ? await plans.load(target.pairId) : undefined;
    const pair = record?.mentorship.value;
    if (!target || !record || !pair || pair.status !== 'active') {
      await due.release(row);
      return 'stale';
    }
    const { role } = target;
    const program = await programs.get(pair.programId);
    const period = program ? checkpointOn(pair.startDate, program.value.checkpointIntervalMonths, row.slot) : undefined;
    if (!program || !period || checkpointReminderAt(row.slot, pair.agreement[role]) !== row.dueAt) {
      // The schedule moved (another interval, another time zone or working hours): file the right one.
      await due.release(row);
      await schedule(pair);
      return 'stale';
    }
    if ((await checkpoints.get(pair.id, row.slot))?.value.status === 'signed_off') {
      await finish(row, pair);
      return 'stale';
    }
    if (await reminders.get(pair.id, row.slot, role)) {
      await finish(row, pair);
      return 'already_sent';
    }
    const personId = role === 'mentor' ? pair.mentorId : pair.menteeId;
    const conversation = await conversations.get(personId);
    if (!conversation) {
      // Nobody to tell: the row goes; the next one is filed when the pair or a checkpoint changes.
      await due.release(row);
      return 'unreachable';
    }

    const card = reminderCard(record, role, period, program.value.checkpointIntervalMonths);
    const sent = await deliverWithRetry({ row, due, machinery, messenger, conversation, card, log, name: 'checkpoint reminder' });
    if (sent.kind === 'busy' || sent.kind === 'retry_later') return sent.kind;
    row = sent.row;
    if (sent.kind === 'unreachable') {
      log.info('checkpoint reminder recipient unreachable', { pairId: pair.id, role, status: sent.status });
      await due.release(row);
      return 'unreachable';
    }
    if (sent.kind === 'rejected') {
      log.error('checkpoint reminder refused by the connector', { pairId: pair.id, status: sent.status, detail: sent.detail });
      await finish(row, pair);
      return 'rejected';
    }
    const recorded = await reminders.record({
      tenantId: conversation.tenantId,
      pairId: pair.id,
      dueDate: row.slot,
      role,
      sentAt: now().toISOString(),
    });
    if (!recorded.ok) log.warn('checkpoint reminder was recorded by another sender', { pairId: pair.id, dueDate: row.slot, role });
    await finish(row, pair);
    return 'sent';
  }

  function reminderCard(record: PlanRecord, role: PairRole, period: NonNullable<ReturnType<typeof checkpointOn>>, intervalMonths: number) {
    const { mentor, mentee } = record.members;
    const pair = record.mentorship.value;
    const other = role === 'mentor' ? mentee : mentor;
    const s = checkpointStrings.reminder;
    const meetingUrl = teamsMeetingDraftLink({
      subject: fillPlaceholders(s.meetingSubject, { mentee: mentee.displayName, mentor: mentor.displayName }),
      attendees: [mentor.email, mentee.email].filter((e): e is string => Boolean(e)),
      ...checkpointMeetingTimes(period.dueDate, pair.agreement[role], pair.agreement.meetingLengthMinutes),
      content: fillPlaceholders(s.meetingAgenda, { date: period.dueDate }),
    });
    return checkpointReminderCard({ pairId: pair.id, period, intervalMonths, otherName: other.displayName, meetingUrl, links });
  }

  async function finish(row: DueRow, pair: Mentorship): Promise<void> {
    await due.release(row);
    await schedule(pair);
  }

  const runOnce = (): Promise<ReminderRunReport> =>
    runDue({ due, clock, options, log, name: 'checkpoint reminder', deliver: (row) => deliver(row) });

  return {
    /** Files the next reminders of a pair: after it is created or changed, and after a checkpoint is signed off. */
    schedule,
    /** One pass over the reminders due. A call while a pass runs joins that pass. */
    run: singleFlight(runOnce),
  };
}

export type CheckpointReminders = ReturnType<typeof createCheckpointReminders>;
