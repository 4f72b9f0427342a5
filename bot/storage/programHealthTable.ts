// The ProgramHealth table (see tables.ts for the key scheme): per program, one row per pair, the
// totals of each slice, and a row per slice for each pair at risk; all in the program's partition,
// so a pair's row and the totals it moves are written in one transaction under their ETags. Two
// racing refreshes of one program: one transaction wins, the other gets 412 and reads again, so no
// count is ever lost. Rows hold pair ids, both display names and counts: nothing a pair wrote.
// A totals row also carries the first pairs at risk of its slice, and the `all` row how many pairs
// each slice holds, so a dashboard is two point reads: no query that grows with the program.
// Those reads go to read copies of the totals rows in the program's small `{programId}|view`
// partition (same row keys), since a point read in a partition of 20,000 rows costs about three
// times one in a small partition. The totals row stays the truth: each transaction bumps its
// `version`, and after it the copies it changed are written under their ETags, only over an older
// version, so a late writer never puts an older copy over a newer one. A copy missing (first read,
// or a crash between the two writes) is filled from the totals row on read; a copy left older by a
// crash is caught by the daily recheck (`recopy`) and by a rebuild.
// A pair that is gone leaves through `remove`: its row is first emptied in a transaction like any
// replace (counted in no slice, it adds nothing, and the totals and at-risk rows move with it), then
// deleted under the emptied row's ETag, with its recheck entry.
// A refresh a write asks for is recorded in the `refresh|owed` partition (one row per pair, upserted)
// until a refresh ran; the row is deleted under the ETag its writer got, so a newer record stays.
import { odata, type TransactionAction } from '@azure/data-tables';
import type { Mentorship } from '../../shared/mentorship';
import type { OwedRefresh, PairHealthSource, ProgramHealthRepository } from '../../shared/health/healthRepository';
import { AT_RISK_LISTED, type AtRiskSignalsRow } from '../../shared/health/healthView';
import type { PairHealthRow, PairHealthSourceRows } from '../../shared/health/pairHealth';
import { applyContribution, emptyContribution, type PairContribution } from '../../shared/health/programHealth';
import { fail, ok, type Result } from '../../shared/result';
import { isConflict, isNotFound, toRow } from './entityCodec';
import { programPairIds } from './programPairIndex';
import { decodeKey, encodeKey, type Tables } from './tables';

/** A slice key in a row key: `|` escaped too, so one slice's prefix never matches another's. */
const sliceRk = (slice: string) => encodeKey(slice).replace(/\|/g, '%7C');
const rk = {
  pair: (pairId: string) => `pair|${pairId}`,
  total: (slice: string) => `total|${sliceRk(slice)}`,
  atRiskPrefix: (slice: string) => `atrisk|${sliceRk(slice)}|`,
  atRisk: (slice: string, pairId: string) => `atrisk|${sliceRk(slice)}|${pairId}`,
};
const RECHECK_PK = (day: string) => `recheck|${day}`;
/** The partition of the records of refreshes owed (`|` in it, so no program's partition is it). */
const OWED_PK = 'refresh|owed';
/** The partition of a program's read copies (program ids have no `|`, so no program's partition is one). */
const VIEW_SUFFIX = '|view';
const viewPk = (pk: string) => `${pk}${VIEW_SUFFIX}`;
/** Racing copy writes each lose at most once per newer winner; past this many, the recheck repairs it. */
const COPY_ATTEMPTS = 30;
const TOTAL_PREFIX = 'total|';
/** Past `}`-bounded ranges: `prefix|`..`prefix}` holds every row key starting with `prefix|`. */
const upTo = (prefix: string) => `${prefix.slice(0, -1)}}`;
const BATCH = 100;

const statusOf = (e: unknown) => (e as { statusCode?: number } | null)?.statusCode;
const versionOf = (row: { version?: unknown }) => (typeof row.version === 'number' ? row.version : 0);
const parse = <T>(row: { data?: unknown }): T => JSON.parse(String(row.data)) as T;

function totalsAfter(slice: string, current: PairContribution, before: PairHealthRow | undefined, after: PairHealthRow): PairContribution {
  let next = current;
  if (before?.slices.includes(slice)) next = applyContribution(next, before.contribution, -1);
  if (after.slices.includes(slice)) next = applyContribution(next, after.contribution, 1);
  return next;
}

/** How many pairs each slice holds once `before` is replaced by `after`. */
function slicePairsAfter(current: Record<string, number>, slices: string[], before: PairHealthRow | undefined, after: PairHealthRow) {
  const next = { ...current };
  for (const slice of slices) {
    const n = (next[slice] ?? 0) + (after.slices.includes(slice) ? 1 : 0) - (before?.slices.includes(slice) ? 1 : 0);
    if (n === 0) delete next[slice];
    else next[slice] = n;
  }
  return next;
}

const atRiskEntry = (row: PairHealthRow): AtRiskSignalsRow => ({ pairId: row.pairId, names: row.names, signals: row.signals });
const atRiskRow = (programId: string, slice: string, row: PairHealthRow) =>
  toRow(encodeKey(programId), rk.atRisk(slice, row.pairId), atRiskEntry(row));

/** A slice's totals row: the sums, the first pairs at risk, and (on `all` only) the pairs of every slice. */
interface TotalsRow {
  totals: PairContribution;
  atRisk: AtRiskSignalsRow[];
  slicePairs?: Record<string, number>;
}
const ALL = 'all';

export function programHealthTable(tables: Pick<Tables, 'programHealth'>): ProgramHealthRepository {
  const table = tables.programHealth;

  /** A totals row (pk: the program's partition) or its read copy (pk: the view partition). */
  async function readTotal(pk: string, slice: string) {
    try {
      const row = await table.getEntity<{ data?: string; version?: number; tenantId?: string }>(pk, rk.total(slice));
      return {
        value: parse<TotalsRow>(row),
        etag: row.etag,
        version: versionOf(row),
        data: String(row.data),
        tenantId: row.tenantId ?? '',
      };
    } catch (e) {
      if (isNotFound(e)) return undefined;
      throw e;
    }
  }

  /**
   * Writes the read copy of a totals row unless the copy already holds this version or a newer
   * one: created when missing, else replaced under the ETag it was read with; a conflict reads again.
   * Returns whether this write put the copy in place.
   */
  async function writeCopy(pk: string, slice: string, source: { data: string; version: number; tenantId: string }): Promise<boolean> {
    const entity = {
      partitionKey: viewPk(pk),
      rowKey: rk.total(slice),
      tenantId: source.tenantId,
      version: source.version,
      data: source.data,
    };
    for (let attempt = 1; attempt <= COPY_ATTEMPTS; attempt++) {
      const copy = await table
        .getEntity<{ version?: number }>(entity.partitionKey, entity.rowKey, { queryOptions: { select: ['version'] } })
        .catch((e: unknown) => {
          if (isNotFound(e)) return undefined;
          throw e;
        });
      if (copy && versionOf(copy) >= source.version) return false;
      try {
        if (copy) await table.updateEntity(entity, 'Replace', { etag: copy.etag });
        else await table.createEntity(entity);
        return true;
      } catch (e) {
        if (!isConflict(e) && !isNotFound(e)) throw e;
      }
    }
    return false;
  }

  /** The version a new totals row of a slice starts after: its copy's, if one outlived the row. */
  async function copyVersion(pk: string, slice: string) {
    const copy = await readTotal(viewPk(pk), slice);
    return copy?.version ?? 0;
  }

  /** The listed pairs at risk of a slice, topped up from its at-risk rows (other than the pair being written). */
  async function refill(pk: string, slice: string, listed: AtRiskSignalsRow[], writing: string): Promise<AtRiskSignalsRow[]> {
    const prefix = rk.atRiskPrefix(slice);
    const out = [...listed];
    const seen = new Set([...listed.map((r) => r.pairId), writing]);
    const rows = table.listEntities<{ data?: string }>({
      queryOptions: { filter: odata`PartitionKey eq ${pk} and RowKey ge ${prefix} and RowKey lt ${upTo(prefix)}`, select: ['data'] },
    });
    for await (const row of rows) {
      if (out.length >= AT_RISK_LISTED) break;
      const entry = parse<AtRiskSignalsRow>(row);
      if (!seen.has(entry.pairId)) out.push(entry);
    }
    return out;
  }

  async function submitInBatches(actions: TransactionAction[]) {
    for (let i = 0; i < actions.length; i += BATCH) await table.submitTransaction(actions.slice(i, i + BATCH));
  }

  /** Deletes these rows in batches; a batch that finds one gone already (a purge, a refresh) is done row by row. */
  async function deleteInBatches(actions: TransactionAction[]) {
    for (let i = 0; i < actions.length; i += BATCH) {
      const batch = actions.slice(i, i + BATCH);
      try {
        await table.submitTransaction(batch);
      } catch (e) {
        if (!isNotFound(e)) throw e;
        for (const [, entity] of batch)
          await table.deleteEntity(entity.partitionKey, entity.rowKey).catch((error: unknown) => {
            if (!isNotFound(error)) throw error;
          });
      }
    }
  }

  async function dropRecheck(entry: { day: string; programId: string; pairId: string }) {
    try {
      await table.deleteEntity(RECHECK_PK(entry.day), `${encodeKey(entry.programId)}|${entry.pairId}`);
    } catch (e) {
      if (!isNotFound(e)) throw e;
    }
  }

  async function fileRecheck(entry: { day: string; programId: string; pairId: string; tenantId: string }) {
    await table.upsertEntity(
      { partitionKey: RECHECK_PK(entry.day), rowKey: `${encodeKey(entry.programId)}|${entry.pairId}`, tenantId: entry.tenantId },
      'Replace',
    );
  }

  /**
   * Replaces the pair's row (`before` under its ETag, or a create) by `after`, moving the totals of
   * every slice either row counts in by the difference, in one transaction; then writes the read
   * copies it moved. The pair row's new ETag, or a conflict.
   */
  async function move(before: { row: PairHealthRow; etag: string } | undefined, after: PairHealthRow): Promise<Result<string>> {
    const pk = encodeKey(after.programId);
    const slices = [...new Set([...(before?.row.slices ?? []), ...after.slices])];
    const totals = await Promise.all(slices.map((s) => readTotal(pk, s)));
    const copies: { slice: string; data: string; version: number; tenantId: string }[] = [];
    const pairRow = toRow(pk, rk.pair(after.pairId), after, { tenantId: after.tenantId });
    const actions: TransactionAction[] = [before ? ['update', pairRow, 'Replace', { etag: before.etag }] : ['create', pairRow]];
    for (const [i, slice] of slices.entries()) {
      const current = totals[i];
      const next = totalsAfter(slice, current?.value.totals ?? emptyContribution(), before?.row, after);
      let listed = (current?.value.atRisk ?? []).filter((r) => r.pairId !== after.pairId);
      if (after.atRisk && after.slices.includes(slice)) listed.push(atRiskEntry(after));
      listed = listed.slice(0, AT_RISK_LISTED);
      // A listed pair left while others wait unlisted: fill the list from the slice's at-risk rows.
      if (listed.length < Math.min(AT_RISK_LISTED, next.atRisk)) listed = await refill(pk, slice, listed, after.pairId);
      const value: TotalsRow = { totals: next, atRisk: listed };
      if (slice === ALL) value.slicePairs = slicePairsAfter(current?.value.slicePairs ?? {}, slices, before?.row, after);
      const version = (current ? current.version : await copyVersion(pk, slice)) + 1;
      const row = toRow(pk, rk.total(slice), value, { tenantId: after.tenantId, version });
      copies.push({ slice, data: row.data, version, tenantId: after.tenantId });
      actions.push(current ? ['update', row, 'Replace', { etag: current.etag }] : ['create', row]);
    }
    // The at-risk rows follow the pair row: present in each slice exactly while the pair is at risk.
    const wasAtRisk = new Set(before?.row.atRisk ? before.row.slices : []);
    const isAtRisk = new Set(after.atRisk ? after.slices : []);
    for (const slice of wasAtRisk)
      if (!isAtRisk.has(slice)) actions.push(['delete', { partitionKey: pk, rowKey: rk.atRisk(slice, after.pairId) }]);
    for (const slice of isAtRisk) actions.push(['upsert', atRiskRow(after.programId, slice, after), 'Replace']);
    let etag: string;
    try {
      const res = await table.submitTransaction(actions);
      // Sub-responses come in the order of the actions; the pair row is the first.
      etag = res.subResponses[0]?.etag?.trim() || ((await table.getEntity(pk, pairRow.rowKey)).etag ?? '');
    } catch (e) {
      const status = statusOf(e);
      if (isConflict(e) || status === 412 || status === 409 || status === 404)
        return fail('conflict', 'The program health moved meanwhile; read it again.');
      throw e;
    }
    await Promise.all(copies.map((c) => writeCopy(pk, c.slice, c)));
    if (after.recheckOn && after.recheckOn !== before?.row.recheckOn) await fileRecheck({ ...after, day: after.recheckOn });
    return ok(etag);
  }

  return {
    async get(programId, pairId) {
      try {
        const row = await table.getEntity<{ data?: string }>(encodeKey(programId), rk.pair(pairId));
        return { row: parse<PairHealthRow>(row), etag: row.etag };
      } catch (e) {
        if (isNotFound(e)) return undefined;
        throw e;
      }
    },

    async replace(before, after) {
      const moved = await move(before, after);
      return moved.ok ? ok(undefined) : moved;
    },

    async remove(before) {
      // First emptied under the ETags (a row counted in no slice, adding nothing), then deleted under
      // the emptied row's ETag: a refresh that wrote the pair meanwhile keeps its row.
      const emptied: PairHealthRow = {
        ...before.row,
        slices: [],
        contribution: emptyContribution(),
        atRisk: false,
        names: { mentor: '', mentee: '' },
        recheckOn: undefined,
      };
      const moved = await move(before, emptied);
      if (!moved.ok) return moved;
      try {
        await table.deleteEntity(encodeKey(before.row.programId), rk.pair(before.row.pairId), { etag: moved.value });
      } catch (e) {
        if (!isNotFound(e) && !isConflict(e)) throw e;
      }
      // Its recheck entry has nothing left to recheck.
      if (before.row.recheckOn) await dropRecheck({ ...before.row, day: before.row.recheckOn });
      return ok(undefined);
    },

    async read(programId, slice) {
      const pk = encodeKey(programId);
      const readCopy = async (s: string) => {
        const copy = await readTotal(viewPk(pk), s);
        if (copy) return copy;
        const source = await readTotal(pk, s);
        if (source) await writeCopy(pk, s, source);
        return source;
      };
      const [all, mine] = await Promise.all([readCopy(ALL), slice === ALL ? undefined : readCopy(slice)]);
      const chosen = slice === ALL ? all : mine;
      return { totals: chosen?.value.totals, atRisk: chosen?.value.atRisk ?? [], slicePairs: all?.value.slicePairs ?? {} };
    },

    async rebuild(programId, rows) {
      const pk = encodeKey(programId);
      const deletes: TransactionAction[] = [];
      // The new totals rows come after every version the old rows and their copies reached.
      let newest = 0;
      for await (const row of table.listEntities<{ version?: number }>({
        queryOptions: { filter: odata`PartitionKey eq ${pk}`, select: ['RowKey', 'version'] },
      })) {
        deletes.push(['delete', { partitionKey: pk, rowKey: String(row.rowKey) }]);
        newest = Math.max(newest, versionOf(row));
      }
      const oldCopies = new Set<string>();
      for await (const row of table.listEntities<{ version?: number }>({
        queryOptions: { filter: odata`PartitionKey eq ${viewPk(pk)}`, select: ['RowKey', 'version'] },
      })) {
        oldCopies.add(String(row.rowKey));
        newest = Math.max(newest, versionOf(row));
      }
      await deleteInBatches(deletes);
      const totals = new Map<string, TotalsRow>();
      const writes: TransactionAction[] = [];
      for (const row of rows) {
        writes.push(['upsert', toRow(pk, rk.pair(row.pairId), row, { tenantId: row.tenantId }), 'Replace']);
        for (const slice of row.slices) {
          const sum = totals.get(slice) ?? { totals: emptyContribution(), atRisk: [] };
          sum.totals = applyContribution(sum.totals, row.contribution, 1);
          if (row.atRisk) {
            writes.push(['upsert', atRiskRow(programId, slice, row), 'Replace']);
            if (sum.atRisk.length < AT_RISK_LISTED) sum.atRisk.push(atRiskEntry(row));
          }
          totals.set(slice, sum);
        }
      }
      const tenantId = rows[0]?.tenantId ?? '';
      const all = totals.get(ALL);
      if (all) all.slicePairs = Object.fromEntries([...totals].map(([slice, sum]) => [slice, sum.totals.pairs]));
      // Past any version a refresh racing this rebuild can write: it starts from a copy read above
      // (at most `newest`) and adds one. Its copy then never stands over the rebuild's.
      const version = newest + 2;
      const copies: { slice: string; data: string; version: number; tenantId: string }[] = [];
      for (const [slice, value] of totals) {
        const row = toRow(pk, rk.total(slice), value, { tenantId, version });
        writes.push(['upsert', row, 'Replace']);
        copies.push({ slice, data: row.data, version, tenantId });
      }
      await submitInBatches(writes);
      for (const c of copies) {
        await writeCopy(pk, c.slice, c);
        oldCopies.delete(rk.total(c.slice));
      }
      // Copies of slices no pair is in any more.
      await deleteInBatches([...oldCopies].map((rowKey): TransactionAction => ['delete', { partitionKey: viewPk(pk), rowKey }]));
      const byDay = new Map<string, TransactionAction[]>();
      for (const row of rows) {
        if (!row.recheckOn) continue;
        const entity = { partitionKey: RECHECK_PK(row.recheckOn), rowKey: `${pk}|${row.pairId}`, tenantId: row.tenantId };
        byDay.set(row.recheckOn, [...(byDay.get(row.recheckOn) ?? []), ['upsert', entity, 'Replace']]);
      }
      for (const actions of byDay.values()) await submitInBatches(actions);
    },

    async recopy() {
      // One scan of every program's totals rows and copies (they share row keys): daily, not per read.
      const sources = new Map<string, { pk: string; slice: string; data: string; version: number; tenantId: string }>();
      const copies = new Map<string, number>();
      for await (const row of table.listEntities<{ data?: string; version?: number; tenantId?: string }>({
        queryOptions: { filter: odata`RowKey ge ${TOTAL_PREFIX} and RowKey lt ${upTo(TOTAL_PREFIX)}` },
      })) {
        const partition = String(row.partitionKey);
        const rowKey = String(row.rowKey);
        if (partition.startsWith(RECHECK_PK(''))) continue;
        if (partition.endsWith(VIEW_SUFFIX)) copies.set(`${partition.slice(0, -VIEW_SUFFIX.length)}/${rowKey}`, versionOf(row));
        else
          sources.set(`${partition}/${rowKey}`, {
            pk: partition,
            slice: decodeKey(rowKey.slice(TOTAL_PREFIX.length)),
            data: String(row.data),
            version: versionOf(row),
            tenantId: row.tenantId ?? '',
          });
      }
      let recopied = 0;
      for (const [key, source] of sources) {
        const copied = copies.get(key);
        if (copied !== undefined && copied >= source.version) continue;
        if (await writeCopy(source.pk, source.slice, source)) recopied++;
      }
      return recopied;
    },

    async dueForRecheck(day) {
      const out: { day: string; programId: string; pairId: string }[] = [];
      const rows = table.listEntities({
        queryOptions: {
          filter: odata`PartitionKey ge ${'recheck|'} and PartitionKey le ${RECHECK_PK(day)}`,
          select: ['PartitionKey', 'RowKey'],
        },
      });
      for await (const row of rows) {
        const [program, pairId] = String(row.rowKey).split('|') as [string, string];
        out.push({ day: String(row.partitionKey).slice('recheck|'.length), programId: decodeKey(program), pairId });
      }
      return out;
    },

    fileRecheck,

    doneRecheck: dropRecheck,

    async oweRefresh(pairId) {
      const res = await table.upsertEntity({ partitionKey: OWED_PK, rowKey: pairId }, 'Replace');
      return res.etag ?? '';
    },

    async refreshesOwed(writtenBefore) {
      const out: OwedRefresh[] = [];
      for await (const row of table.listEntities({
        queryOptions: { filter: odata`PartitionKey eq ${OWED_PK} and Timestamp lt ${writtenBefore}` },
      }))
        out.push({ pairId: String(row.rowKey), etag: row.etag });
      return out;
    },

    async paidRefresh(owed) {
      try {
        await table.deleteEntity(OWED_PK, owed.pairId, { etag: owed.etag });
      } catch (e) {
        // Gone already, or written again since: that newer record stays for the refresh it asks for.
        if (!isNotFound(e) && !isConflict(e)) throw e;
      }
    },
  };
}

/** The rows of a pair's partition of the Plans table that its health reads, in one query. */
const healthRowsFilter = (pairId: string) => {
  const pk = encodeKey(pairId);
  const range = (prefix: string) => odata`(RowKey ge ${prefix} and RowKey lt ${upTo(prefix)})`;
  return `${odata`PartitionKey eq ${pk}`} and (${odata`RowKey eq ${'pair'}`} or ${range('goal|')} or ${range('checkin|')} or ${range(
    'feedback|',
  )} or ${range('feedbackresp|')} or ${range('checkpoint|')})`;
};

export function pairHealthSource(tables: Pick<Tables, 'plans' | 'pairIndex' | 'jobs'>): PairHealthSource {
  const pairsOfProgram = programPairIds(tables);
  return {
    async read(pairId) {
      let pair: Pick<PairHealthSourceRows, 'mentorship' | 'members'> | undefined;
      const rows: Omit<PairHealthSourceRows, 'mentorship' | 'members'> = { goals: [], checkIns: [], feedback: [], checkpoints: [] };
      const requests = new Map<string, { respondents: unknown[] }>();
      const responses = new Map<string, number>();
      for await (const row of tables.plans.listEntities<{ data?: string }>({
        queryOptions: { filter: healthRowsFilter(pairId), select: ['RowKey', 'data'] },
      })) {
        const key = String(row.rowKey);
        // Every one of these rows was validated by its own repository when it was written.
        if (key === 'pair') pair = parse(row);
        else if (key.startsWith('goal|')) rows.goals.push(parse(row));
        else if (key.startsWith('checkin|')) rows.checkIns.push(parse(row));
        else if (key.startsWith('checkpoint|')) rows.checkpoints.push(parse(row));
        else if (key.startsWith('feedback|')) {
          const r = parse<{ id: string; respondents: unknown[] }>(row);
          requests.set(r.id, r);
        } else if (key.startsWith('feedbackresp|')) {
          const { requestId } = parse<{ requestId: string }>(row);
          responses.set(requestId, (responses.get(requestId) ?? 0) + 1);
        }
      }
      if (!pair) return undefined;
      rows.feedback = [...requests].map(([id, request]) => ({ asked: request.respondents.length, responses: responses.get(id) ?? 0 }));
      return { ...pair, ...rows };
    },

    /** From the program's pair index (programPairIndex.ts): one partition query. */
    pairsOfProgram: (program: Pick<Mentorship, 'programId' | 'tenantId'>) =>
      pairsOfProgram({ id: program.programId, tenantId: program.tenantId }),
  };
}
