// Journal-load latency after three years of weekly check-ins (156 check-in entries, 12 checkpoint
// entries, on top of the demo's), through the real API (one page of the whole journal), against a
// raw query of the same rows of the pair's partition through @azure/data-tables, on the same
// Azurite, in the same run. Scorecard history joins once checkpoints are stored; until then the
// figure is the journal's.
import type { Server } from 'node:http';
import { randomUUID } from 'node:crypto';
import { odata } from '@azure/data-tables';
import { parseConfig } from '../../bot/config';
import { demoPairIds, demoPeople } from '../../bot/dev/demoData';
import { seedDemo } from '../../bot/dev/seedDemo';
import { createLogger } from '../../bot/log';
import { createApp } from '../../bot/server';
import { journalTable } from '../../bot/storage/journalTable';
import { encodeKey } from '../../bot/storage/tables';
import { paths, pathFor } from '../../shared/api';
import { JOURNAL_PAGE_MAX } from '../../shared/journal/journalApi';
import { apiAgainstRaw, summarize, type LatencySummary } from './stats';

export interface JournalLoadResult {
  entries: number;
  api: LatencySummary;
  rawQuery: LatencySummary;
  p50Ratio: number;
  p95Ratio: number;
  goal: string;
}

const WEEK_MS = 7 * 86_400_000;

export async function benchJournalLoad(connectionString: string, samples: number): Promise<JournalLoadResult> {
  const tablePrefix = `bench${randomUUID().slice(0, 8)}`;
  const config = parseConfig({ PORT: '0', STORAGE_CONNECTION_STRING: connectionString, TABLE_PREFIX: tablePrefix, LOG_LEVEL: 'silent' });
  const { app, repositories, tables } = await createApp(config, { connectionString, tablePrefix }, { log: createLogger('silent') });
  const now = new Date();
  await seedDemo(repositories, now);

  const pairId = demoPairIds.alex;
  const journal = journalTable(tables);
  const start = now.getTime() - 156 * WEEK_MS;
  for (let week = 0; week < 156; week++) {
    const at = new Date(start + week * WEEK_MS).toISOString();
    await journal.append({
      id: `bench-checkin-${week}`,
      pairId,
      kind: 'check_in',
      at,
      authorId: demoPeople.menteeAlex.id,
      visibility: 'pair',
      menteeConsented: false,
      summary: `Check-in for week ${week} answered (confidence 4 of 5).`,
      checkInSlot: at.slice(0, 10),
    });
    if (week % 13 === 12)
      await journal.append({
        id: `bench-checkpoint-${week}`,
        pairId,
        kind: 'checkpoint',
        at,
        authorId: demoPeople.mentor.id,
        visibility: week % 26 === 12 ? 'program' : 'pair',
        menteeConsented: week % 26 === 12,
        summary: `Checkpoint ${Math.floor(week / 13) + 1} signed off`,
        body: 'What worked: weekly demos. What did not: too many goals at once. Insight: pick one stretch goal a quarter.',
      });
  }

  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}${pathFor(paths.journal, { pairId })}?limit=${JOURNAL_PAGE_MAX}`;
  const headers = { 'X-Dev-User': demoPeople.menteeAlex.id };

  let entries = 0;
  const filter = odata`PartitionKey eq ${encodeKey(pairId)} and RowKey ge ${'journal|'} and RowKey lt ${'journal}'}`;
  const rawQuery = async () => {
    let n = 0;
    for await (const _row of tables.plans.listEntities({ queryOptions: { filter } })) n++;
    entries = n;
  };
  const { apiMs, rawMs } = await apiAgainstRaw({ url, headers, samples, warmup: 20, rawQuery });
  server.closeAllConnections();
  server.close();

  const api = summarize(apiMs);
  const raw = summarize(rawMs);
  return {
    entries,
    api,
    rawQuery: raw,
    p50Ratio: Math.round((api.p50 / raw.p50) * 100) / 100,
    p95Ratio: Math.round((api.p95 / raw.p95) * 100) / 100,
    goal: 'p50 ratio at most 1.5',
  };
}
