// `npm run bench`: measures, prints the figures and writes them to bench-results.json.
import { writeFileSync } from 'node:fs';
import { startAzuriteProcess } from './azuriteProcess';
import { benchPlanLoad } from './planLoad';

async function main(): Promise<void> {
  const samples = Number(process.env.BENCH_SAMPLES ?? 500);
  const azurite = await startAzuriteProcess();
  try {
    const planLoad = await benchPlanLoad(azurite.connectionString, samples);
    const f = (n: number) => `${n.toFixed(2)} ms`;
    console.log(`\nPlan load (${planLoad.entities} entities, ${planLoad.api.samples} samples each)`);
    console.log(`  API  GET ${'/api/pairs/:pairId/plan'.padEnd(28)} p50 ${f(planLoad.api.p50)}  p95 ${f(planLoad.api.p95)}`);
    console.log(`       server side (access log)              p50 ${f(planLoad.apiServerSide.p50)}  p95 ${f(planLoad.apiServerSide.p95)}`);
    console.log(`  raw  partition query (@azure/data-tables)  p50 ${f(planLoad.rawQuery.p50)}  p95 ${f(planLoad.rawQuery.p95)}`);
    console.log(`  ratio API / raw                            p50 ${planLoad.p50Ratio}x  p95 ${planLoad.p95Ratio}x   (goal: ${planLoad.goal})\n`);
    const results = { machine: { node: process.version, cpus: (await import('node:os')).cpus().length }, at: new Date().toISOString(), planLoad };
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
