// Program health's use cases (capability 13). Health is kept up to date as things happen: after a
// write that changes a pair, refreshPair reads the pair's own rows, builds its contribution and
// replaces its row, moving the program's totals by the difference. A pair that is gone (a purge
// removed its rows) is taken out the same way: its contribution leaves the totals, its at-risk rows
// go. A door that removes pairs files them for a recheck first (fileRecheck), so the daily recheck
// finishes what a removal that stopped half way left. A refresh a write asks for is recorded in
// storage before the write answers and the record removed once it ran, so the daily recheck runs the
// ones an instance never ran (refreshOnWrite.ts). A dashboard reads only totals and a capped
// list of pairs at risk, so it costs the same for 100 pairs as for 20,000.
import { authorizeProgram, inActorsTenant, type Actor } from '../policy';
import type { Program } from '../program';
import type { ProgramRepository } from '../repositories';
import { fail, ok, type Result } from '../result';
import type { SurveyResultsView } from '../survey/surveyService';
import type { PairHealthSource, ProgramHealthRepository } from './healthRepository';
import { programHealthCsv, programHealthView, type ProgramHealthView } from './healthView';
import { refreshQueue } from './refreshOnWrite';
import { pairHealthRow, sliceKey, type HealthSlice, type PairHealthRow } from './pairHealth';

/** Racing refreshes of one program each lose at most once per winner; this many is far beyond that. */
const REFRESH_ATTEMPTS = 30;

/**
 * How old a record of a refresh owed is before the daily recheck runs it: a younger one belongs to a
 * refresh an instance is about to run, and may cover a later write of the pair too.
 */
export const OWED_REFRESH_GRACE_MS = 10 * 60_000;

/** A pair filed for a recheck on a day. */
export interface RecheckEntry {
  day: string;
  programId: string;
  pairId: string;
}

export interface HealthFilter {
  cohort?: string;
  priority?: string;
}

export interface HealthRecheckReport {
  day: string;
  refreshed: number;
  failed: number;
  /** Read copies of totals written again because a crash had left them older than their totals row. */
  recopied: number;
}

const sameRow = (a: PairHealthRow, b: PairHealthRow) => JSON.stringify(a) === JSON.stringify(b);

export function createHealthService(deps: {
  programs: Pick<ProgramRepository, 'get'>;
  source: PairHealthSource;
  health: ProgramHealthRepository;
  surveyResults?: (actor: Actor, programId: string) => Promise<Result<SurveyResultsView>>;
  now: () => Date;
  /** Waits between attempts after a conflict (tests and the bench pass their own). */
  pause?: (attempt: number) => Promise<void>;
  /** A background refresh that failed (the daily recheck or a rebuild repairs it). */
  onRefreshError?: (error: unknown, pairId: string) => void;
  /** How a refresh waits after the write that asked for it (refreshQueue's default when absent). */
  refreshWait?: () => Promise<void>;
}) {
  const { programs, source, health, now } = deps;
  const pause = deps.pause ?? ((attempt: number) => new Promise<void>((r) => setTimeout(r, Math.random() * Math.min(200, 5 * attempt))));

  /**
   * Brings the pair's row in its program's health, and the totals, up to its own rows. A pair that is
   * gone (purged) leaves the health of `programId`, the program it was in: a caller that removes a
   * pair names it, since nothing of the pair is left to find it by.
   */
  async function refreshPair(pairId: string, programId?: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const rows = await source.read(pairId);
      let replaced: Result<void>;
      if (!rows) {
        const before = programId === undefined ? undefined : await health.get(programId, pairId);
        if (!before) return;
        replaced = await health.remove(before);
      } else {
        const program = await programs.get(rows.mentorship.programId);
        // A pair is counted once its program exists (the demo seed writes the program last).
        if (!program || program.value.tenantId !== rows.mentorship.tenantId) return;
        const before = await health.get(program.value.id, pairId);
        const after = pairHealthRow(rows, program.value, now());
        if (before && sameRow(before.row, after)) return;
        replaced = await health.replace(before, after);
      }
      if (replaced.ok) return;
      // Another refresh of this program moved a row first: read everything again, including the pair's own rows.
      if (replaced.error.code !== 'conflict' || attempt >= REFRESH_ATTEMPTS)
        throw new Error(`Program health not refreshed: ${replaced.error.message}`);
      await pause(attempt);
    }
  }

  async function managed(actor: Actor, programId: string): Promise<Result<Program>> {
    const found = await programs.get(programId);
    if (!found || !inActorsTenant(actor, found.value)) return fail('not_found', 'There is no such program, or you do not manage it.');
    const allowed = authorizeProgram(actor, found.value, 'view_aggregates');
    return allowed.ok ? ok(found.value) : allowed;
  }

  function sliceOf(filter: HealthFilter): Result<HealthSlice> {
    if (filter.cohort !== undefined && filter.priority !== undefined)
      return fail('invalid', 'Filter by a cohort or by a priority, one at a time.', {
        issues: [{ path: 'priority', message: 'Filter by a cohort or by a priority, one at a time.' }],
      });
    if (filter.cohort !== undefined) return ok({ kind: 'cohort', cohort: filter.cohort });
    if (filter.priority !== undefined) return ok({ kind: 'priority', priorityId: filter.priority });
    return ok({ kind: 'all' });
  }

  // Each refresh a write asks for is recorded before the write answers, and the record removed once
  // it ran: one an instance never ran (it stopped first) is run by the daily recheck.
  const queue = refreshQueue((pairId) => refreshPair(pairId), deps.onRefreshError ?? (() => undefined), deps.refreshWait, {
    owe: (pairId) => health.oweRefresh(pairId),
    paid: (owed) => health.paidRefresh(owed),
  });

  /** Refreshes a pair filed for a recheck (removing it from health if it is gone), then clears the entry. */
  async function recheck(entry: RecheckEntry): Promise<void> {
    await refreshPair(entry.pairId, entry.programId);
    await health.doneRecheck(entry);
  }

  async function view(actor: Actor, programId: string, filter: HealthFilter): Promise<Result<ProgramHealthView>> {
    const program = await managed(actor, programId);
    // The refreshes this instance still owes go first: a manager sees what was just written here.
    await queue.settled();
    if (!program.ok) return program;
    const slice = sliceOf(filter);
    if (!slice.ok) return slice;
    const key = sliceKey(slice.value);
    const [read, survey] = await Promise.all([health.read(programId, key), deps.surveyResults?.(actor, programId)]);
    return ok(
      programHealthView({
        program: program.value,
        slice: slice.value,
        ...read,
        ...(survey?.ok ? { survey: survey.value } : {}),
        now: now(),
      }),
    );
  }

  return {
    refreshPair,
    /** A refresh owed alongside a write, and its start once the write is done (refreshOnWrite.ts `refreshingAfter`). */
    owe: queue.owe,
    schedule: queue.schedule,
    /** Asks for a refresh of the pair after a change made elsewhere: resolves once it is recorded, not once it ran. */
    touch: queue.touch,
    settled: queue.settled,

    /** Every health row of the program built again from the pairs' own rows (demo seed, repair). */
    async rebuildProgram(programId: string): Promise<number> {
      const program = await programs.get(programId);
      if (!program) return 0;
      const ids = await source.pairsOfProgram({ programId, tenantId: program.value.tenantId });
      const rows: PairHealthRow[] = [];
      const at = now();
      for (let i = 0; i < ids.length; i += 16) {
        const read = await Promise.all(ids.slice(i, i + 16).map((id) => source.read(id)));
        for (const r of read) if (r) rows.push(pairHealthRow(r, program.value, at));
      }
      await health.rebuild(programId, rows);
      return rows.length;
    },

    /**
     * Files pairs for a recheck today, before a door removes them: should the removal stop half way,
     * the daily recheck still takes them out of the program's health. The entries, for `recheck`.
     */
    async fileRecheck(pairs: { programId: string; pairId: string; tenantId: string }[]): Promise<RecheckEntry[]> {
      const day = now().toISOString().slice(0, 10);
      const entries = pairs.map((p) => ({ ...p, day }));
      for (const entry of entries) await health.fileRecheck(entry);
      return entries;
    },

    recheck,

    /**
     * Refreshes the pairs whose at-risk state time alone may have changed by today, and those gone
     * since they were filed (they leave the health); then the pairs owed a refresh that no instance
     * ran (it stopped first: its record is older than OWED_REFRESH_GRACE_MS); then repairs stale
     * read copies.
     */
    async recheckDue(): Promise<HealthRecheckReport> {
      const day = now().toISOString().slice(0, 10);
      let refreshed = 0;
      let failed = 0;
      for (const entry of await health.dueForRecheck(day)) {
        try {
          await recheck(entry);
          refreshed++;
        } catch {
          // Left filed: the next run tries again.
          failed++;
        }
      }
      for (const owed of await health.refreshesOwed(new Date(now().getTime() - OWED_REFRESH_GRACE_MS))) {
        try {
          await refreshPair(owed.pairId);
          // Under its ETag: a record a write made again meanwhile stays for the refresh it asks for.
          await health.paidRefresh(owed);
          refreshed++;
        } catch {
          // Left recorded: the next run tries again.
          failed++;
        }
      }
      const recopied = await health.recopy();
      return { day, refreshed, failed, recopied };
    },

    view,

    async csv(actor: Actor, programId: string, filter: HealthFilter): Promise<Result<string>> {
      const shown = await view(actor, programId, filter);
      return shown.ok ? ok(programHealthCsv(shown.value)) : shown;
    },
  };
}

export type HealthService = ReturnType<typeof createHealthService>;
