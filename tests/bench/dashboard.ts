// The program health dashboard of a program of 20,000 pairs against one of 100, in the same run on
// the same Azurite: health is kept as totals as things happen, so reading it must not grow with the
// program. The health rows are written in bulk (batch transactions of the table's own rebuild, which
// writes the dashboard's read copies of the totals as the server does), so seeding is quick; what is
// measured is GET /api/programs/:programId/health through the real API.
import type { Server } from 'node:http';
import { Agent } from 'node:http';
import { randomUUID } from 'node:crypto';
import { parseConfig } from '../../bot/config';
import { DEMO_PROGRAM_ID, demoPeople } from '../../bot/dev/demoData';
import { seedDemo } from '../../bot/dev/seedDemo';
import { createApp } from '../../bot/server';
import { programHealthTable } from '../../bot/storage/programHealthTable';
import { paths, pathFor } from '../../shared/api';
import { addDays } from '../../shared/dates';
import { isoWeekOf, sliceKey, NO_PRIORITY, type PairHealthRow } from '../../shared/health/pairHealth';
import { emptyContribution } from '../../shared/health/programHealth';
import { DEVELOPMENT_TENANT_ID } from '../../shared/person';
import { leanGet, measure, summarize, type LatencySummary } from './stats';

export interface DashboardResult {
  bigPairs: number;
  smallPairs: number;
  seedMs: number;
  big: LatencySummary;
  small: LatencySummary;
  p50Ratio: number;
  p99Ratio: number;
  goal: string;
}

const cohorts = ['2025 autumn', '2026 spring', '2026 autumn', '2027 spring'];
const priorities = ['customer-reliability', 'ai-enabled-products', 'cross-team-leadership', NO_PRIORITY];

/** A pair's health row as the app would keep it: half a year of weekly check-ins, goals, scores; one in twenty at risk. */
function syntheticRow(programId: string, i: number, today: string): PairHealthRow {
  const c = emptyContribution();
  c.pairs = 1;
  c.activePairs = i % 10 === 0 ? 0 : 1;
  c.acceptedAgreements = i % 7 === 0 ? 0 : 1;
  for (let w = 0; w < 26; w++) {
    const week = isoWeekOf(`${addDays(today, -7 * w)}T12:00:00.000Z`);
    c.checkInsDue[week] = 1;
    if ((i + w) % 4 !== 0) c.checkInsAnswered[week] = 1;
  }
  const priority = priorities[i % priorities.length]!;
  c.goalsByPriority[priority] = 2;
  c.feedbackAsked = 4;
  c.feedbackAnswered = i % 5;
  for (const metric of ['quality', 'learning-transfer', 'stakeholder-satisfaction']) c.latestScores[`${metric}:${1 + (i % 5)}`] = 1;
  c.latestScores[`task-completion:${(i * 7) % 101}`] = 1;
  const atRisk = i % 20 === 0;
  c.atRisk = atRisk ? 1 : 0;
  const startedAt = addDays(today, -200);
  return {
    programId,
    tenantId: DEVELOPMENT_TENANT_ID,
    pairId: `${programId}-pair-${i}`,
    slices: [
      sliceKey({ kind: 'all' }),
      sliceKey({ kind: 'cohort', cohort: cohorts[i % cohorts.length]! }),
      sliceKey({ kind: 'priority', priorityId: priority }),
    ],
    contribution: c,
    signals: { status: 'active', startedAt, missedCheckpoints: 0, ...(atRisk ? {} : { lastCheckInAnsweredAt: `${today}T09:00:00.000Z` }) },
    atRisk,
    names: { mentor: `Mentor ${i}`, mentee: `Mentee ${i}` },
  };
}

export async function benchDashboard(
  connectionString: string,
  bigPairs: number,
  smallPairs: number,
  samples: number,
): Promise<DashboardResult> {
  const tablePrefix = `bench${randomUUID().slice(0, 8)}`;
  const config = parseConfig({ PORT: '0', STORAGE_CONNECTION_STRING: connectionString, TABLE_PREFIX: tablePrefix, LOG_LEVEL: 'silent' });
  const { app, repositories, tables } = await createApp(config, { connectionString, tablePrefix });
  const now = new Date();
  const today = now.toISOString().slice(0, 10);
  await seedDemo(repositories, now);
  const demo = (await repositories.programs.get(DEMO_PROGRAM_ID))!.value;
  const health = programHealthTable(tables);
  const t0 = performance.now();
  for (const [id, n] of [
    ['bench-big', bigPairs],
    ['bench-small', smallPairs],
  ] as const) {
    await repositories.programs.save({ ...demo, id, name: id });
    await health.rebuild(
      id,
      Array.from({ length: n }, (_, i) => syntheticRow(id, i, today)),
    );
  }
  const seedMs = Math.round(performance.now() - t0);

  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  const headers = { 'X-Dev-User': demoPeople.manager.id };
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const big = leanGet(agent, `${base}${pathFor(paths.programHealth, { programId: 'bench-big' })}`, headers);
  const small = leanGet(agent, `${base}${pathFor(paths.programHealth, { programId: 'bench-small' })}`, headers);
  // Interleaved in ten blocks, so both programs see the same machine conditions.
  const bigMs: number[] = [];
  const smallMs: number[] = [];
  for (let b = 0; b < 10; b++) {
    smallMs.push(...(await measure(samples / 10, b === 0 ? 30 : 3, small)));
    bigMs.push(...(await measure(samples / 10, b === 0 ? 30 : 3, big)));
  }
  agent.destroy();
  server.closeAllConnections();
  server.close();
  const bigSummary = summarize(bigMs);
  const smallSummary = summarize(smallMs);
  return {
    bigPairs,
    smallPairs,
    seedMs,
    big: bigSummary,
    small: smallSummary,
    p50Ratio: Math.round((bigSummary.p50 / smallSummary.p50) * 100) / 100,
    p99Ratio: Math.round((bigSummary.p99 / smallSummary.p99) * 100) / 100,
    goal: 'p50 ratio at most 1.2',
  };
}
