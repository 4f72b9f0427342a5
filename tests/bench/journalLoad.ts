// A pair three years in (issue: three years of weekly check-ins, 12 quarterly checkpoints): the
// journal (156 check-in entries and 12 checkpoint entries on top of the demo's) and the scorecard
// history (12 signed-off checkpoints), each through the real API, against a raw query of the same
// rows through @azure/data-tables, on the same Azurite, in the same run.
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
import { checkpointPeriod, emptyCheckpoint, type Checkpoint } from '../../shared/checkpoints/checkpoint';
import { addDays, todayIn } from '../../shared/dates';
import type { Mentorship } from '../../shared/mentorship';
import { apiAgainstRaw, summarize, type LatencySummary } from './stats';

export interface LoadFigures {
  api: LatencySummary;
  rawQuery: LatencySummary;
  p50Ratio: number;
  p95Ratio: number;
}

export interface JournalLoadResult extends LoadFigures {
  entries: number;
  scorecardHistory: LoadFigures & { checkpoints: number; rows: number };
  goal: string;
}

const figures = (apiMs: number[], rawMs: number[]): LoadFigures => {
  const api = summarize(apiMs);
  const raw = summarize(rawMs);
  return {
    api,
    rawQuery: raw,
    p50Ratio: Math.round((api.p50 / raw.p50) * 100) / 100,
    p95Ratio: Math.round((api.p95 / raw.p95) * 100) / 100,
  };
};

/** Twelve signed-off quarterly checkpoints from the pair's start, with a scorecard each. */
function threeYearsOfCheckpoints(pair: Mentorship): Checkpoint[] {
  return Array.from({ length: 12 }, (_, i): Checkpoint => {
    const period = checkpointPeriod(pair.startDate, 3, i + 1);
    const signedOffAt = `${period.dueDate}T15:00:00.000Z`;
    const rating = 2 + (i % 4);
    return {
      ...emptyCheckpoint({ tenantId: pair.tenantId, pairId: pair.id, period }, signedOffAt, pair.mentorId),
      status: 'signed_off',
      ratings: { mentee: { quality: rating, 'learning-transfer': rating }, mentor: { quality: rating, 'learning-transfer': rating } },
      reflections: { worked: 'Weekly demos.', didNotWork: 'Too many goals at once.', insights: 'One stretch goal a quarter.' },
      agreementReviewed: true,
      signedByMentorAt: signedOffAt,
      signedByMenteeAt: signedOffAt,
      signedOffAt,
      scorecard: [
        { metricId: 'task-completion', value: 50 + i * 4, done: i + 3, total: 16 },
        { metricId: 'quality', value: rating, mentee: rating, mentor: rating },
        { metricId: 'stakeholder-satisfaction', value: 3 + (i % 3) / 2, responses: 4 },
        { metricId: 'learning-transfer', value: rating, mentee: rating, mentor: rating },
      ],
      sharedWithProgram: i % 2 === 0,
    };
  });
}

const WEEK_MS = 7 * 86_400_000;

export async function benchJournalLoad(connectionString: string, samples: number): Promise<JournalLoadResult> {
  const tablePrefix = `bench${randomUUID().slice(0, 8)}`;
  const config = parseConfig({ PORT: '0', STORAGE_CONNECTION_STRING: connectionString, TABLE_PREFIX: tablePrefix, LOG_LEVEL: 'silent' });
  const { app, repositories, tables } = await createApp(config, { connectionString, tablePrefix }, { log: createLogger('silent') });
  const now = new Date();
  // The demo without its own checkpoints: this pair's history is three years long instead.
  await seedDemo({ ...repositories, checkpoints: undefined }, now);

  const pairId = demoPairIds.alex;
  const stored = (await repositories.plans.loadPair(pairId))!.mentorship;
  const moved = await repositories.plans.updateMentorship(
    { ...stored.value, startDate: addDays(todayIn('UTC', now), -(3 * 365 + 30)) },
    stored.etag,
  );
  if (!moved.ok) throw new Error(moved.error.message);
  const checkpoints = threeYearsOfCheckpoints(moved.value.value);
  for (const c of checkpoints) {
    const created = await repositories.checkpoints.create(c);
    if (!created.ok) throw new Error(created.error.message);
  }
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
  const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  const url = `${base}${pathFor(paths.journal, { pairId })}?limit=${JOURNAL_PAGE_MAX}`;
  const headers = { 'X-Dev-User': demoPeople.menteeAlex.id };

  let entries = 0;
  const filter = odata`PartitionKey eq ${encodeKey(pairId)} and RowKey ge ${'journal|'} and RowKey lt ${'journal}'}`;
  const rawQuery = async () => {
    let n = 0;
    for await (const _row of tables.plans.listEntities({ queryOptions: { filter } })) n++;
    entries = n;
  };
  const journalLoad = await apiAgainstRaw({ url, headers, samples, warmup: 20, rawQuery });

  // The scorecard history reads the pair's partition (its plan and its checkpoints): the raw side is
  // that one partition query.
  let rows = 0;
  const partition = odata`PartitionKey eq ${encodeKey(pairId)}`;
  const rawPartition = async () => {
    let n = 0;
    for await (const _row of tables.plans.listEntities({ queryOptions: { filter: partition } })) n++;
    rows = n;
  };
  const historyUrl = `${base}${pathFor(paths.checkpoints, { pairId })}`;
  const history = await apiAgainstRaw({ url: historyUrl, headers, samples, warmup: 20, rawQuery: rawPartition });
  server.closeAllConnections();
  server.close();

  return {
    entries,
    ...figures(journalLoad.apiMs, journalLoad.rawMs),
    scorecardHistory: { checkpoints: checkpoints.length, rows, ...figures(history.apiMs, history.rawMs) },
    goal: 'p50 ratio at most 1.5',
  };
}
