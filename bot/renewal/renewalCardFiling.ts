// Files the renewal cards of a program's pairs for its current cycle (renewalNotices.ts `schedule`
// per pair), once per cycle for the whole deployment, never inside a person's request:
// - after a manager sets or moves a program's cycle end: in the background, the settings change
//   answers at once however many pairs the program has;
// - in a daily catch-up, at the first renewal run of each UTC day (and at start): every program
//   whose current cycle's cards were never filed gets them. This files the cards of pairs stored
//   before cards were filed on creation, of programs provisioned without the settings screen, and
//   of a filing whose instance stopped midway (its lease runs out, the next day's catch-up retakes it).
//
// The `renewal-cards-filed` / `{programId}|{cycleEnd}` row of the Jobs table is claimed with a lease
// (dailyRun.ts), so of several instances one files a cycle and the others find it done or busy.
// Filing twice is harmless: each card is a create-if-absent row of the due index.
import { randomUUID } from 'node:crypto';
import type { Mentorship } from '../../shared/mentorship';
import type { Program } from '../../shared/program';
import type { Logger } from '../log';
import { dailyRun } from '../jobs/dailyRun';
import { leaseTerms } from '../jobs/lease';
import type { Tables } from '../storage/tables';

export interface RenewalCardFilingDeps {
  tables: Pick<Tables, 'jobs'>;
  /** Every program of the deployment (a few rows per tenant). */
  everyProgram: () => Promise<Program[]>;
  /** The pairs of one program, in its tenant. */
  pairsOfProgram: (program: Pick<Program, 'id' | 'tenantId'>) => Promise<Mentorship[]>;
  /** Files the renewal cards of one pair for its program's current cycle. */
  schedule: (pair: Mentorship) => Promise<unknown>;
  log: Logger;
  now: () => Date;
  instanceId?: string;
  /** How long a claim holds: longer than filing a large program takes. */
  leaseMs?: number;
}

export type CycleFiling = 'filed' | 'already_done' | 'busy';

export interface CatchUpReport {
  outcome: 'checked' | 'already_done' | 'busy';
  /** Programs whose cycle this catch-up filed. */
  filed: number;
}

const cycleKey = (program: Pick<Program, 'id' | 'tenantId' | 'cycleEnd'>) => `${program.id}|${program.cycleEnd}`;

export function renewalCardFiling(deps: RenewalCardFilingDeps) {
  const { log, now } = deps;
  const lease = leaseTerms({
    owner: deps.instanceId ?? randomUUID(),
    ms: deps.leaseMs ?? 15 * 60_000,
    clock: { now: () => now().getTime() },
  });
  const cycles = dailyRun(deps.tables.jobs, 'renewal-cards-filed', lease);
  const days = dailyRun(deps.tables.jobs, 'renewal-cards-check', lease);
  const running = new Set<Promise<unknown>>();

  /** Files the cards of the program's current cycle, unless this cycle's were filed (or are being filed) already. */
  async function fileCycle(program: Pick<Program, 'id' | 'tenantId' | 'cycleEnd'>): Promise<CycleFiling> {
    const key = cycleKey(program);
    const claim = await cycles.claim(key);
    if (claim !== 'claimed') return claim;
    let pairs = 0;
    for (const pair of await deps.pairsOfProgram(program)) {
      await deps.schedule(pair);
      pairs += 1;
    }
    await cycles.done(key, { pairs }, now());
    return 'filed';
  }

  /** Runs `work` without anyone waiting for it; `settled()` waits for all of it. */
  function inBackground(work: () => Promise<unknown>, failure: string, context: Record<string, string>): void {
    const run: Promise<unknown> = work()
      .catch((error: unknown) => log.warn(failure, { ...context, error: error instanceof Error ? error.message : String(error) }))
      .finally(() => running.delete(run));
    running.add(run);
  }

  return {
    fileCycle,

    /** A program's cycle end was set or moved: its pairs' cards are filed in the background. */
    cycleEndChanged(program: Pick<Program, 'id' | 'tenantId' | 'cycleEnd'>): void {
      inBackground(() => fileCycle(program), 'could not file the renewal cards of a program', { programId: program.id });
    },

    /** Once a UTC day: files the current cycle of every program whose cards were never filed. */
    async catchUp(): Promise<CatchUpReport> {
      const day = now().toISOString().slice(0, 10);
      const claim = await days.claim(day);
      if (claim !== 'claimed') return { outcome: claim, filed: 0 };
      let filed = 0;
      for (const program of await deps.everyProgram()) {
        if ((await fileCycle(program)) === 'filed') filed += 1;
      }
      await days.done(day, { filed }, now());
      return { outcome: 'checked', filed };
    },

    /** Resolves once every background filing started so far has finished. */
    async settled(): Promise<void> {
      while (running.size > 0) await Promise.all(running);
    },
  };
}

export type RenewalCardFiling = ReturnType<typeof renewalCardFiling>;
