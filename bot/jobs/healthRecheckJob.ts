// Pairs at risk (capability 13) change with time alone: 21 silent days, an agreement waiting 14
// days, a checkpoint not signed off. Once a day, however many instances tick it (dailyRun.ts), the
// pairs filed for a recheck up to today are refreshed (a pair filed because a purge removed it, and
// still counted, leaves the health), then every pair a write recorded as owed a refresh that no
// instance ran (it stopped before), and any read copy of the totals a crash left older than its
// totals row is written again; every other change to a pair refreshes its health as it is written
// (shared/health/refreshOnWrite.ts).
import { randomUUID } from 'node:crypto';
import type { HealthRecheckReport, HealthService } from '../../shared/health/healthService';
import type { Logger } from '../log';
import type { Tables } from '../storage/tables';
import { dailyRun } from './dailyRun';
import { leaseTerms } from './lease';
import { singleFlight } from './singleFlight';

export interface HealthRecheckJobDeps {
  tables: Pick<Tables, 'jobs'>;
  health: Pick<HealthService, 'recheckDue'>;
  log: Logger;
  now: () => Date;
  instanceId?: string;
  leaseMs?: number;
}

export type HealthRecheckJobReport = { outcome: 'rechecked' | 'already_done' | 'busy' } & Partial<HealthRecheckReport>;

export function createHealthRecheckJob(deps: HealthRecheckJobDeps) {
  const { tables, health, log, now } = deps;
  const lease = leaseTerms({
    owner: deps.instanceId ?? randomUUID(),
    ms: deps.leaseMs ?? 15 * 60_000,
    clock: { now: () => now().getTime() },
  });
  const run = dailyRun(tables.jobs, 'health-recheck', lease);

  async function runOnce(): Promise<HealthRecheckJobReport> {
    const day = now().toISOString().slice(0, 10);
    const claimed = await run.claim(day);
    if (claimed !== 'claimed') return { outcome: claimed, day };
    const report = await health.recheckDue();
    // Pairs that failed stay filed and are tried again tomorrow.
    await run.done(day, { refreshed: report.refreshed, failed: report.failed, recopied: report.recopied }, now());
    if (report.refreshed + report.failed + report.recopied > 0) log.info('program health rechecked', { ...report });
    return { outcome: 'rechecked', ...report };
  }

  return { run: singleFlight(runOnce) };
}

export type HealthRecheckJob = ReturnType<typeof createHealthRecheckJob>;
