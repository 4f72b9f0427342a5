// Sends the renewal card to both people of each open pair two weeks before the program's cycle
// ends, once each, at each person's local check-in time, however many server instances run at
// once. The same machinery as the checkpoint reminders (bot/checkpoints/reminderSender.ts): a due
// index partitioned by hour (table RenewalsDue, the check-in due index's code on its own table), a
// lease on each row written under its ETag, Teams' send limits and backoff (senderSetup), and the
// record that the card went out (`renewalnotice|{cycleEnd}|{role}`, a create that conflicts the
// second time), which makes "once" hold when a holder dies after sending.
//
// Per row: claim it; check it is still current (the pair open, the program's cycle still ending on
// the row's date, not past), else drop it and file the right one; skip the send if the card is
// recorded; send (the lease renewed before each attempt); record; drop the row.
import { todayIn, type IsoDate } from '../../shared/dates';
import type { Mentorship } from '../../shared/mentorship';
import { inTenant } from '../../shared/policy';
import { surveyQuestionsOf, type Program } from '../../shared/program';
import { renewalOpensOn } from '../../shared/renewal/renewal';
import { pairGetsRenewalNotice, renewalNoticeAt, type RenewalNoticeLog } from '../../shared/renewal/renewalNotice';
import type { ConversationRepository, PlanRepository, ProgramRepository } from '../../shared/repositories';
import type { SurveyRepository } from '../../shared/survey/surveyService';
import type { CardLinks } from '../cards/cardLinks';
import { renewalCard } from '../cards/renewalCard';
import type { ProactiveMessenger } from '../checkins/proactiveMessenger';
import { senderSetup, type CheckInSenderOptions } from '../checkins/sender';
import type { Clock } from '../jobs/clock';
import { pairRoleTarget, parsePairRoleTarget, runDue, type DueRunReport, type RowOutcome } from '../jobs/dueRun';
import { singleFlight } from '../jobs/singleFlight';
import type { Logger } from '../log';
import type { CheckInDueIndex, DueRow } from '../storage/checkInDueTable';

export interface RenewalNoticeDeps {
  /** The due index on the RenewalsDue table. */
  due: CheckInDueIndex;
  plans: Pick<PlanRepository, 'loadPair'>;
  programs: Pick<ProgramRepository, 'get'>;
  notices: RenewalNoticeLog;
  /** Whether the person answered the survey already: then the card carries no survey. */
  surveys: Pick<SurveyRepository, 'hasAnswered'>;
  conversations: Pick<ConversationRepository, 'get'>;
  messenger: ProactiveMessenger;
  links: CardLinks;
  log: Logger;
  clock?: Clock;
  random?: () => number;
  instanceId?: string;
  options?: Partial<CheckInSenderOptions>;
}

export function createRenewalNotices(deps: RenewalNoticeDeps) {
  const { due, plans, programs, notices, surveys, conversations, messenger, links, log } = deps;
  const { clock, random, options, lease, limiter, now, backoff } = senderSetup(deps);

  /** The cycle whose renewal card the pair's people are still to get, if any: the program's current one, not yet over. */
  function cycleToTell(pair: Mentorship, program: Program | undefined): IsoDate | undefined {
    if (!program || !pairGetsRenewalNotice(pair)) return undefined;
    const today = todayIn(pair.agreement.mentee.timeZone, now());
    return today <= program.cycleEnd ? program.cycleEnd : undefined;
  }

  /**
   * Files the renewal card of each person of an open pair for the program's current cycle
   * (create-if-absent: filing twice is harmless). A card due already (the cycle end was set less
   * than two weeks ahead) is filed for now.
   */
  async function schedule(pair: Mentorship): Promise<void> {
    const program = await programs.get(pair.programId);
    const cycleEnd = cycleToTell(pair, program?.value);
    if (!cycleEnd) return;
    const at = now();
    for (const role of ['mentor', 'mentee'] as const) {
      if (await notices.get(pair.id, cycleEnd, role)) continue;
      const planned = renewalNoticeAt(cycleEnd, pair.agreement[role]);
      const dueAt = Date.parse(planned) < at.getTime() ? at.toISOString() : planned;
      await due.file({ pairId: pairRoleTarget(pair.id, role), slot: cycleEnd, dueAt });
    }
  }

  async function deliver(found: DueRow): Promise<RowOutcome> {
    if (lease.held(found.leaseUntil)) return 'busy';
    let row = await due.claim(found, lease.owner, lease.until());
    if (!row) return 'busy';
    const target = parsePairRoleTarget(row.pairId);
    const stored = target ? await plans.loadPair(target.pairId) : undefined;
    const pair = stored?.mentorship.value;
    const program = pair ? await programs.get(pair.programId) : undefined;
    const cycleEnd = pair ? cycleToTell(pair, program?.value) : undefined;
    if (!target || !pair || !program || cycleEnd !== row.slot) {
      // The pair ended, or the cycle moved: drop the row and file the right one (if any).
      await due.release(row);
      if (pair && cycleEnd) await schedule(pair);
      return 'stale';
    }
    const { role } = target;
    if (await notices.get(pair.id, cycleEnd, role)) {
      await due.release(row);
      return 'already_sent';
    }
    const personId = role === 'mentor' ? pair.mentorId : pair.menteeId;
    // The pair's own tenant: a chat the same object id installed from another tenant is not this person's.
    const installed = await conversations.get(personId);
    const conversation = inTenant(pair.tenantId, installed) ? installed : undefined;
    if (!conversation) {
      // Nobody to tell; the Renewal place in the tab says the same.
      await due.release(row);
      return 'unreachable';
    }

    const p = program.value;
    const answered = await surveys.hasAnswered(p.id, p.cycleStart, personId);
    const card = renewalCard({
      pairId: pair.id,
      role,
      cycleEnd,
      opensOn: renewalOpensOn(cycleEnd),
      links,
      ...(answered ? {} : { survey: { state: 'open', programId: p.id, programName: p.name, questions: surveyQuestionsOf(p) } }),
    });
    for (let attempt = 0; ; attempt++) {
      if (attempt >= options.maxAttempts) return 'retry_later';
      if (lease.renewalDue(row.leaseUntil)) {
        const renewed = await due.claim(row, lease.owner, lease.until(), true);
        if (!renewed) return 'busy';
        row = renewed;
      }
      await limiter.acquire(conversation.tenantId, conversation.conversationId);
      const outcome = await messenger.send(conversation.reference, card);
      if (outcome.kind === 'sent') break;
      if (outcome.kind === 'unreachable') {
        log.info('renewal card recipient unreachable', { pairId: pair.id, role, status: outcome.status });
        await due.release(row);
        return 'unreachable';
      }
      if (outcome.kind === 'rejected') {
        log.error('renewal card refused by the connector', { pairId: pair.id, status: outcome.status, detail: outcome.detail });
        await due.release(row);
        return 'rejected';
      }
      let wait = backoff(attempt);
      if (outcome.kind === 'throttled' && outcome.retryAfterMs !== undefined) {
        limiter.pauseTenant(conversation.tenantId, outcome.retryAfterMs);
        wait = outcome.retryAfterMs + random() * options.backoffBaseMs;
      }
      if (lease.outlasts(wait)) return 'retry_later';
      await clock.sleep(wait);
    }
    const recorded = await notices.record({ tenantId: pair.tenantId, pairId: pair.id, cycleEnd, role, sentAt: now().toISOString() });
    if (!recorded.ok) log.warn('renewal card was recorded by another sender', { pairId: pair.id, cycleEnd, role });
    await due.release(row);
    return 'sent';
  }

  const runOnce = (): Promise<DueRunReport> => runDue({ due, clock, options, log, name: 'renewal card', deliver: (row) => deliver(row) });

  return {
    /** Files the renewal cards of a pair: after it is created or changed. */
    schedule,
    /** One pass over the renewal cards due. A call while a pass runs joins that pass. */
    run: singleFlight(runOnce),
  };
}

export type RenewalNotices = ReturnType<typeof createRenewalNotices>;

/**
 * The pairs of a program in its tenant, to file their renewal cards for its cycle
 * (renewalCardFiling.ts): the program's pair index, then each pair's row (one point read each).
 */
export function programPairs(plans: Pick<PlanRepository, 'pairsOfProgram' | 'loadPair'>) {
  return async (program: Pick<Program, 'id' | 'tenantId'>): Promise<Mentorship[]> => {
    const loaded = await Promise.all((await plans.pairsOfProgram(program)).map((id) => plans.loadPair(id)));
    return loaded.flatMap((p) =>
      p && p.mentorship.value.programId === program.id && inTenant(p.mentorship.value.tenantId, program) ? [p.mentorship.value] : [],
    );
  };
}
