// `npm run bench`: measures, prints the figures and writes them to bench-results.json.
// BENCH_ONLY=planLoad,journalLoad,checkIns,invokes,firstView,memory,dashboard runs only the named parts (all of them when unset).
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { startAzuriteProcess } from './azuriteProcess';
import { benchDispatch, benchDueLookup } from './checkIns';
import { benchDashboard } from './dashboard';
import { benchFirstView } from './firstView';
import { benchInvokes } from './invokes';
import { benchJournalLoad } from './journalLoad';
import { benchMemory } from './memory';
import { benchPlanLoad } from './planLoad';

const f = (n: number) => `${n.toFixed(2)} ms`;

async function planLoadPart(connectionString: string) {
  const planLoad = await benchPlanLoad(connectionString, Number(process.env.BENCH_SAMPLES ?? 500));
  console.log(`\nPlan load (${planLoad.entities} entities, ${planLoad.api.samples} samples each)`);
  console.log(`  API  GET ${'/api/pairs/:pairId/plan'.padEnd(28)} p50 ${f(planLoad.api.p50)}  p95 ${f(planLoad.api.p95)}`);
  console.log(`       server side (access log)              p50 ${f(planLoad.apiServerSide.p50)}  p95 ${f(planLoad.apiServerSide.p95)}`);
  console.log(`  raw  partition query (@azure/data-tables)  p50 ${f(planLoad.rawQuery.p50)}  p95 ${f(planLoad.rawQuery.p95)}`);
  console.log(
    `  ratio API / raw                            p50 ${planLoad.p50Ratio}x  p95 ${planLoad.p95Ratio}x   (goal: ${planLoad.goal})\n`,
  );
  return planLoad;
}

async function journalLoadPart(connectionString: string) {
  const journalLoad = await benchJournalLoad(connectionString, Number(process.env.BENCH_SAMPLES ?? 500));
  console.log(
    `Journal load after three years of weekly check-ins (${journalLoad.entries} entries, ${journalLoad.api.samples} samples each)`,
  );
  console.log(`  API  GET ${'/api/pairs/:pairId/journal'.padEnd(28)} p50 ${f(journalLoad.api.p50)}  p95 ${f(journalLoad.api.p95)}`);
  console.log(`  raw  partition query (@azure/data-tables)  p50 ${f(journalLoad.rawQuery.p50)}  p95 ${f(journalLoad.rawQuery.p95)}`);
  console.log(
    `  ratio API / raw                            p50 ${journalLoad.p50Ratio}x  p95 ${journalLoad.p95Ratio}x   (goal: ${journalLoad.goal})`,
  );
  const h = journalLoad.scorecardHistory;
  console.log(`Scorecard history of the same pair (${h.checkpoints} signed-off checkpoints; ${h.rows} rows in its partition)`);
  console.log(`  API  GET ${'/api/pairs/:pairId/checkpoints'.padEnd(28)} p50 ${f(h.api.p50)}  p95 ${f(h.api.p95)}`);
  console.log(`  raw  partition query (@azure/data-tables)  p50 ${f(h.rawQuery.p50)}  p95 ${f(h.rawQuery.p95)}`);
  console.log(`  ratio API / raw                            p50 ${h.p50Ratio}x  p95 ${h.p95Ratio}x   (goal: ${journalLoad.goal})\n`);
  return journalLoad;
}

async function checkInsPart(connectionString: string) {
  const dueLookup = await benchDueLookup(connectionString, Number(process.env.BENCH_PAIRS ?? 20_000));
  console.log(`Check-ins due (${dueLookup.pairs} pairs in the due index, seeded in ${dueLookup.seedMs} ms)`);
  console.log(
    `  ${dueLookup.due} due, ${dueLookup.entitiesRead} entities read (${dueLookup.readsPerDue}x) from ${dueLookup.hoursQueried} hourly partitions in ${f(dueLookup.ms)}   (goal: ${dueLookup.goal})`,
  );
  const dispatch = await benchDispatch(connectionString, Number(process.env.BENCH_CHECKINS ?? 600));
  console.log(
    `Check-in dispatch (${dispatch.checkIns} check-ins, connector enforcing Teams' limits, sender at ${dispatch.configuredPerSecond}/s)`,
  );
  console.log(
    `  ${dispatch.perSecond} messages/s over ${dispatch.seconds} s = ${Math.round(dispatch.shareOfTenantLimit * 100)}% of 50/s; lost ${dispatch.lost}, doubled ${dispatch.doubled}, 429s ${dispatch.throttledByConnector}   (goal: ${dispatch.goal})\n`,
  );
  return { dueLookup, dispatch };
}

async function invokesPart(connectionString: string) {
  const invokes = await benchInvokes(connectionString, Number(process.env.BENCH_INVOKES ?? 300));
  console.log(`Bot invokes through /api/messages (${invokes.bare.samples} samples each, interleaved)`);
  console.log(`  ${'bare TeamsAdapter turn (answers, does nothing)'.padEnd(62)} p50 ${f(invokes.bare.p50)}  p99 ${f(invokes.bare.p99)}`);
  for (const r of invokes.invokes) {
    const trips = `${r.roundTrips.sequential} sequential storage round trip${r.roundTrips.sequential === 1 ? '' : 's'} (${r.roundTrips.requests} requests; goal ≤ ${r.roundTripGoal})`;
    console.log(
      `  ${`${r.invoke}: ${r.what}`.padEnd(62)} p50 ${f(r.latency.p50)}  p99 ${f(r.latency.p99)}  p50 ${r.p50Ratio}x bare  ${trips}`,
    );
    if (process.env.BENCH_VERBOSE) console.log(`      ${r.roundTrips.calls.join('\n      ')}`);
  }
  console.log(`  goal: ${invokes.goal}: ${invokes.met ? 'met' : 'NOT met'}\n`);
  return invokes;
}

async function firstViewPart(connectionString: string) {
  const firstView = await benchFirstView(connectionString);
  console.log('First view of the tab in Chromium (sign in as Alex, then the plan), JavaScript and CSS over the wire');
  for (const r of firstView.resources)
    console.log(`  ${new URL(r.url).pathname.padEnd(46)} ${r.encoding.padEnd(8)} ${(r.transferred / 1024).toFixed(1).padStart(7)} KB`);
  console.log(`  total ${firstView.scriptAndStyleKb} KB   (goal: at most ${firstView.goalKb} KB: ${firstView.met ? 'met' : 'NOT met'})\n`);
  return firstView;
}

async function memoryPart(connectionString: string) {
  const memory = await benchMemory(connectionString, Number(process.env.BENCH_MEMORY_REQUESTS ?? 10_000));
  console.log(
    `Server memory (own process) after ${memory.requests} mixed requests (plan loads, API writes, bot invokes; ${memory.concurrency} at a time, ${memory.seconds} s, ${memory.failed} failed)`,
  );
  console.log(
    `  resident ${memory.rssAfterMb} MB (${memory.rssAtStartMb} MB after start-up), heap ${memory.heapAfterMb} MB, external ${memory.externalAfterMb} MB   (goal: at most ${memory.goalMb} MB: ${memory.met ? 'met' : 'NOT met'})\n`,
  );
  return memory;
}

async function dashboardPart(connectionString: string) {
  const d = await benchDashboard(
    connectionString,
    Number(process.env.BENCH_DASHBOARD_PAIRS ?? 20_000),
    100,
    Number(process.env.BENCH_SAMPLES ?? 500),
  );
  console.log(
    `Program health dashboard (${d.bigPairs} pairs against ${d.smallPairs}, health rows seeded in ${d.seedMs} ms, ${d.big.samples} samples each)`,
  );
  console.log(
    `  API  GET /api/programs/:programId/health  ${String(d.bigPairs).padStart(6)} pairs  p50 ${f(d.big.p50)}  p99 ${f(d.big.p99)}`,
  );
  console.log(
    `  API  GET /api/programs/:programId/health  ${String(d.smallPairs).padStart(6)} pairs  p50 ${f(d.small.p50)}  p99 ${f(d.small.p99)}`,
  );
  console.log(
    `  ratio ${d.bigPairs} / ${d.smallPairs}                         p50 ${d.p50Ratio}x  p99 ${d.p99Ratio}x   (goal: ${d.goal})\n`,
  );
  return d;
}

const parts = {
  planLoad: planLoadPart,
  journalLoad: journalLoadPart,
  checkIns: checkInsPart,
  invokes: invokesPart,
  firstView: firstViewPart,
  memory: memoryPart,
  dashboard: dashboardPart,
};

async function main(): Promise<void> {
  const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim());
  const unknown = only?.filter((p) => !(p in parts));
  if (unknown?.length) throw new Error(`BENCH_ONLY names unknown parts: ${unknown.join(', ')} (known: ${Object.keys(parts).join(', ')})`);
  const azurite = await startAzuriteProcess();
  try {
    const results: Record<string, unknown> = { machine: { node: process.version, cpus: cpus().length }, at: new Date().toISOString() };
    for (const [name, part] of Object.entries(parts))
      if (!only || only.includes(name)) results[name] = await part(azurite.connectionString);
    writeFileSync('bench-results.json', `${JSON.stringify(results, null, 2)}\n`);
    console.log('Figures written to bench-results.json');
  } finally {
    await azurite.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
