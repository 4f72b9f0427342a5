// The program's retention period: POST /api/jobs/retention purges every row of the pairs that
// ended longer ago than the period, in every table, once a day however many instances run it. Two
// real server instances share the tables and are triggered at the same moment.
import { randomBytes } from 'node:crypto';
import type { TableClient } from '@azure/data-tables';
import { describe, expect } from 'vitest';
import { jobPaths } from '../../bot/api/jobRoutes';
import { DEMO_PROGRAM_ID, demoPairIds } from '../../bot/dev/demoData';
import type { TableName } from '../../bot/storage/tables';
import { DEFAULT_RETENTION_DAYS } from '../../shared/privacy/retention';
import { serverTest } from '../support/fixtures';
import type { TestServer } from '../support/testServer';
import { tablesOf } from '../support/testServer';

const secret = randomBytes(24).toString('base64url');
const DAY_MS = 24 * 60 * 60 * 1000;
const test = serverTest.override({ serverOptions: { env: { JOBS_SECRET: secret } } });

const trigger = (target: TestServer, headers: Record<string, string> = { 'X-Jobs-Secret': secret }) =>
  fetch(`${target.baseUrl}${jobPaths.retention}`, { method: 'POST', headers }).then(async (res) => ({
    status: res.status,
    body: await res.json(),
  }));

/** Every row that belongs to a pair: its plan partition, or a key segment or `pairId` column naming it. */
async function rowsOfPair(server: TestServer, pairId: string): Promise<string[]> {
  const out: string[] = [];
  for (const [name, client] of Object.entries(tablesOf(server)) as [TableName, TableClient][]) {
    for await (const row of client.listEntities<Record<string, unknown>>()) {
      const keys = `${row.partitionKey}|${row.rowKey}`.split('|');
      if (keys.includes(pairId) || row.pairId === pairId) out.push(`${name} ${row.partitionKey}/${row.rowKey}`);
    }
  }
  return out;
}

async function endPair(server: TestServer, pairId: string, endedAt: string | undefined) {
  const { plans } = server.app.repositories;
  const loaded = (await plans.load(pairId))!;
  const ended = await plans.updateMentorship({ ...loaded.mentorship.value, status: 'ended', endedAt }, loaded.mentorship.etag);
  if (!ended.ok) throw new Error(ended.error.message);
}

describe('POST /api/jobs/retention', () => {
  test('needs the scheduler secret', async ({ server }) => {
    const res = await trigger(server, {});
    expect(res.status).toBe(401);
  });

  test('purges a pair ended longer ago than the period once, with two instances, and keeps the others', async ({ server, startServer }) => {
    const second = await startServer({ sameTablesAs: server, seed: false, env: { JOBS_SECRET: secret } });
    // Sam's pair ended past the default period; Alex's ended recently.
    await endPair(server, demoPairIds.sam, new Date(Date.now() - (DEFAULT_RETENTION_DAYS + 5) * DAY_MS).toISOString());
    await endPair(server, demoPairIds.alex, new Date(Date.now() - 10 * DAY_MS).toISOString());
    // Among its rows, the one that lists it among its program's pairs.
    expect(await rowsOfPair(server, demoPairIds.sam)).toContain(`pairIndex program|${DEMO_PROGRAM_ID}/${demoPairIds.sam}`);
    const alexRows = await rowsOfPair(server, demoPairIds.alex);

    const reports = await Promise.all([trigger(server), trigger(second)]);
    expect(reports.map((r) => r.status)).toEqual([200, 200]);
    const outcomes = reports.map((r) => r.body.outcome).sort();
    expect(outcomes[1]).toBe('purged');
    expect(['busy', 'already_done']).toContain(outcomes[0]);
    const purged = reports.find((r) => r.body.outcome === 'purged')!.body;
    expect(purged.purgedPairs).toBe(1);
    expect(purged.deletedRows).toBeGreaterThan(1);

    expect(await rowsOfPair(server, demoPairIds.sam)).toEqual([]);
    expect(await rowsOfPair(server, demoPairIds.alex)).toEqual(alexRows);
    expect(await server.app.repositories.programs.get(DEMO_PROGRAM_ID)).toBeDefined();

    // Later the same day, on either instance: the day's run is done.
    expect((await trigger(second)).body).toMatchObject({ outcome: 'already_done', purgedPairs: 0 });
  });

  test('a pair ended without an end date starts its period at the first run that sees it', async ({ server }) => {
    const { plans } = server.app.repositories;
    const before = (await plans.load(demoPairIds.alex))!.mentorship.value;
    const legacy = await plans.updateMentorship({ ...before, endedAt: undefined }, (await plans.load(demoPairIds.alex))!.mentorship.etag);
    expect(legacy.ok).toBe(true);
    // A new day for the job: the day's run record is what made the previous run once.
    await tablesOf(server).jobs.deleteEntity('retention', new Date().toISOString().slice(0, 10));
    expect((await trigger(server)).body).toMatchObject({ outcome: 'purged', purgedPairs: 0 });
    const after = (await plans.load(demoPairIds.alex))!.mentorship.value;
    expect(after.status).toBe('ended');
    expect(Date.now() - Date.parse(after.endedAt!)).toBeLessThan(DAY_MS);
  });
});
