// Posts each program's weekly digest of shared wins to its program channel, once per program and
// week, however many server instances run this at once.
//
// Per program with a channel, for the week whose digest is due (weeklyDigest.ts):
//  1. Claim: create the week's record (`digest` row of the program's week partition) with a lease;
//     a run that finds it sent, or claimed with a lease not yet expired, stops there. Two runs
//     racing: one create succeeds, the other gets 409. A lease that expired (its holder died) is
//     taken over under the record's ETag, again by one run only.
//  2. Collect: the digest index rows of this week and the week before; each win is read again and
//     shown only if it is consented now and no other digest showed it (the win row is the truth;
//     the choice is shared/recognition/digestWins.ts).
//  3. Send the card to the channel (a 5xx or 429 leaves the lease to expire: a later run retries;
//     403/404: the bot was removed from the team, recorded as undeliverable).
//  4. Record the week as sent, with the wins it counted; then mark each win's `digestWeek`.
// A process that dies after step 3 sends and before step 4 records: the lease expires and the
// digest is posted a second time. That window is one storage write long; a digest posted twice
// beats one never posted. A win whose consent is withdrawn after step 2 read it, before the post,
// still appears in that post; once posted, a digest is not edited.
import { randomUUID } from 'node:crypto';
import type { PlanRecord, ProgramRepository, PlanRepository } from '../../shared/repositories';
import type { ProgramChannel, ProgramChannelRepository } from '../../shared/recognition/programChannel';
import type { DigestIndex, WinRepository } from '../../shared/recognition/recognitionRepositories';
import { digestWinsOf, digestWinsToRead, parseDigestWinKey, programDigest, type ProgramDigest } from '../../shared/recognition/digestWins';
import { dueDigestWeek, weeksShownIn } from '../../shared/recognition/weeklyDigest';
import type { Win } from '../../shared/recognition/win';
import type { Versioned } from '../../shared/result';
import type { CardLinks } from '../cards/cardLinks';
import { weeklyDigestCard } from '../cards/weeklyDigestCard';
import type { ProactiveMessenger } from '../checkins/proactiveMessenger';
import { leaseTerms } from '../jobs/lease';
import { singleFlight } from '../jobs/singleFlight';
import { eachConcurrently } from '../jobs/workerPool';
import type { Logger } from '../log';
import type { DigestWeekRecord, DigestWeekRecords } from '../storage/digestTable';
import { inTenant } from '../../shared/policy';

export interface DigestJobDeps {
  channels: Pick<ProgramChannelRepository, 'list'>;
  programs: Pick<ProgramRepository, 'get'>;
  index: Pick<DigestIndex, 'listWeek'>;
  weeks: DigestWeekRecords;
  wins: Pick<WinRepository, 'get' | 'update'>;
  plans: Pick<PlanRepository, 'load'>;
  messenger: ProactiveMessenger;
  log: Logger;
  now: () => Date;
  links?: Pick<CardLinks, 'tab'>;
  /** Names this instance in claims (for logs). */
  instanceId?: string;
  /** How long a claim holds: longer than one send (20 s timeout). */
  leaseMs?: number;
}

export type DigestOutcome = 'sent' | 'empty' | 'already_sent' | 'busy' | 'no_program' | 'undeliverable' | 'retry_later';

export interface DigestRunReport {
  week: string;
  outcomes: Record<DigestOutcome, number>;
}

/** Pairs read at once while collecting a digest: a big program must not flood storage. */
const PLAN_READS_AT_ONCE = 8;

export function createDigestJob(deps: DigestJobDeps) {
  const { channels, programs, index, weeks, wins, plans, messenger, log, now } = deps;
  const lease = leaseTerms({ owner: deps.instanceId ?? randomUUID(), ms: deps.leaseMs ?? 120_000, clock: { now: () => now().getTime() } });

  async function claim(programId: string, week: string): Promise<Versioned<DigestWeekRecord> | 'already_sent' | 'busy'> {
    const current = await weeks.get(programId, week);
    if (current && current.value.status !== 'sending') return 'already_sent';
    if (current && lease.held(current.value.leaseUntil)) return 'busy';
    const record: DigestWeekRecord = {
      programId,
      week,
      status: 'sending',
      owner: lease.owner,
      leaseUntil: lease.until().toISOString(),
      claims: (current?.value.claims ?? 0) + 1,
      winKeys: [],
    };
    return (await weeks.claim(record, current)) ?? 'busy';
  }

  /** Loads what the digest's choice of wins needs and leaves the choice to shared/recognition/digestWins.ts. */
  async function digestOf(program: { id: string; name: string }, week: string): Promise<ProgramDigest> {
    const [thisWeek, weekBefore] = weeksShownIn(week);
    const [refs, earlier, previousDigest] = await Promise.all([
      index.listWeek(program.id, thisWeek),
      index.listWeek(program.id, weekBefore),
      weeks.get(program.id, weekBefore),
    ]);
    const toRead = digestWinsToRead([...refs, ...earlier], previousDigest?.value.winKeys ?? []);
    const read: (Win | undefined)[] = [];
    for (const ref of toRead) read.push((await wins.get(ref.pairId, ref.winId))?.value);
    const chosen = digestWinsOf(read, week);
    const pairIds = [...new Set(chosen.map((w) => w.pairId))];
    const pairs = new Map<string, PlanRecord | undefined>();
    await eachConcurrently(pairIds, PLAN_READS_AT_ONCE, async (pairId) => void pairs.set(pairId, await plans.load(pairId)));
    return programDigest({ week, program, wins: chosen, pairs });
  }

  /** Marks the shown wins with the digest week; a win changed meanwhile is read and marked again. */
  async function markShown(winKeys: string[], week: string): Promise<void> {
    for (const key of winKeys) {
      const { pairId, winId } = parseDigestWinKey(key);
      for (let attempt = 0; attempt < 3; attempt++) {
        const stored = await wins.get(pairId, winId);
        if (!stored || stored.value.digestWeek === week) break;
        const written = await wins.update({ ...stored.value, digestWeek: week }, stored.etag);
        if (written.ok || written.error.code !== 'conflict') break;
      }
    }
  }

  async function runProgram(channel: ProgramChannel, week: string): Promise<DigestOutcome> {
    const program = await programs.get(channel.programId);
    // The digest goes only to a channel of the program's own tenant.
    if (!program || !inTenant(program.value.tenantId, channel)) return 'no_program';
    const claimed = await claim(channel.programId, week);
    if (claimed === 'already_sent' || claimed === 'busy') return claimed;

    const { digest, shownWinKeys, recordedWinKeys } = await digestOf({ id: channel.programId, name: program.value.name }, week);
    if (digest.winCount === 0) {
      // Nothing shared this week: the channel is not sent an empty card.
      await weeks.update({ ...claimed.value, status: 'sent', sentAt: now().toISOString() }, claimed.etag);
      return 'empty';
    }

    const outcome = await messenger.send(channel.reference, weeklyDigestCard(digest, deps.links));
    if (outcome.kind === 'unreachable' || outcome.kind === 'rejected') {
      log.warn('weekly digest not delivered', { programId: channel.programId, week, kind: outcome.kind, detail: outcome.detail });
      await weeks.update({ ...claimed.value, status: 'undeliverable' }, claimed.etag);
      return 'undeliverable';
    }
    if (outcome.kind !== 'sent') {
      log.info('weekly digest send will be retried', { programId: channel.programId, week, kind: outcome.kind });
      return 'retry_later';
    }
    const recorded = await weeks.update(
      {
        ...claimed.value,
        status: 'sent',
        winKeys: recordedWinKeys,
        sentAt: now().toISOString(),
        ...(outcome.activityId ? { activityId: outcome.activityId } : {}),
      },
      claimed.etag,
    );
    if (!recorded) log.warn('weekly digest claim was taken over while sending', { programId: channel.programId, week });
    await markShown(shownWinKeys, week);
    log.info('weekly digest posted', { programId: channel.programId, week, wins: digest.winCount });
    return 'sent';
  }

  async function runOnce(): Promise<DigestRunReport> {
    const week = dueDigestWeek(now());
    const report: DigestRunReport = {
      week,
      outcomes: { sent: 0, empty: 0, already_sent: 0, busy: 0, no_program: 0, undeliverable: 0, retry_later: 0 },
    };
    for (const { value: channel } of await channels.list()) {
      try {
        report.outcomes[await runProgram(channel, week)]++;
      } catch (error) {
        // Storage down for one program must not stop the others; the lease expires and a later run retries.
        log.warn('weekly digest failed; retried on a later run', {
          programId: channel.programId,
          error: error instanceof Error ? error.message : String(error),
        });
        report.outcomes.retry_later++;
      }
    }
    return report;
  }

  return {
    /** Posts the digests that are due and not posted yet. A call while a run is going joins it. */
    run: singleFlight(runOnce),
  };
}

export type DigestJob = ReturnType<typeof createDigestJob>;
