// Re-pair requests and mentor offers, and the program's index of them. The truth is in the pair's
// partition of the Plans table: `repair|{cycleEnd}` (asked at renewal), `repair|{cycleEnd}|{personId}`
// (asked from the plan; asking again in the same cycle replaces it) and `mentoroffer|{cycleEnd}`.
// The index, ProgramRequests `{programId}` / `{kind}|{pairId}|{key in the pair}`, is a hint written
// BEFORE the truth: an index row whose request was never written, or was handled, is skipped on
// read (one query per listed pair), so a crash between the two writes never shows a request that
// does not exist nor hides one that does. The index row names only the person who asked.
import { odata, type TableEntityResult } from '@azure/data-tables';
import { z } from 'zod';
import type { OpenProgramRequest, ProgramRequestRepository } from '../../shared/matching/programRequests';
import type { MentorOfferRecord, RepairRequest } from '../../shared/renewal/renewalService';
import { fail, ok } from '../../shared/result';
import { fromRow, ifMatch, isConflict, isNotFound, toRow } from './entityCodec';
import { decodeKey, encodeKey, type Tables } from './tables';

/** The row keys of requests in a pair's partition. */
export const requestKeys = {
  renewalRepair: (cycleEnd: string) => `repair|${cycleEnd}`,
  planRepair: (cycleEnd: string, personId: string) => `repair|${cycleEnd}|${personId}`,
  offer: (cycleEnd: string) => `mentoroffer|${cycleEnd}`,
};

/** The index row key of a request: its kind, then the pair, then the rest of its key in the pair. */
export function indexKeyOf(pairId: string, planRowKey: string): string {
  const [kind, ...rest] = planRowKey.split('|');
  return [kind, pairId, ...rest].join('|');
}

function planKeyOf(indexKey: string): { pairId: string; planRowKey: string } | undefined {
  const [kind, pairId, ...rest] = indexKey.split('|');
  if (!kind || !pairId || rest.length === 0) return undefined;
  return { pairId, planRowKey: [kind, ...rest].join('|') };
}

const indexDoc = z
  .object({ tenantId: z.string(), programId: z.string(), pairId: z.string(), planRowKey: z.string(), personId: z.string(), at: z.string() })
  .strict();
type IndexDoc = z.infer<typeof indexDoc>;

const handled = { handledAt: z.string().optional(), handledBy: z.string().optional() };
const repairRow = z
  .object({
    tenantId: z.string(),
    programId: z.string(),
    pairId: z.string(),
    cycleEnd: z.string(),
    mentorId: z.string(),
    menteeId: z.string(),
    reason: z.string(),
    requestedAt: z.string(),
    requestedBy: z.string(),
    ...handled,
  })
  .strict() as unknown as z.ZodType<RepairRequest>;
const offerRow = z
  .object({
    tenantId: z.string(),
    programId: z.string(),
    pairId: z.string(),
    cycleEnd: z.string(),
    personId: z.string(),
    offeredAt: z.string(),
    strengths: z.array(z.string()),
    capacity: z.number(),
    ...handled,
  })
  .strict() as unknown as z.ZodType<MentorOfferRecord>;

/** Writes a request's index row (before its truth); used by every writer of requests, the renewal too. */
export async function indexRequest(
  tables: Pick<Tables, 'programRequests'>,
  pairId: string,
  planRowKey: string,
  doc: Omit<IndexDoc, 'pairId' | 'planRowKey'>,
): Promise<void> {
  const value = indexDoc.parse({ ...doc, pairId, planRowKey });
  await tables.programRequests.upsertEntity(
    toRow(encodeKey(doc.programId), encodeKey(indexKeyOf(pairId, planRowKey)), value, {
      tenantId: doc.tenantId,
      personId: doc.personId,
    }),
    'Replace',
  );
}

export function programRequestTable(tables: Pick<Tables, 'plans' | 'programRequests'>): ProgramRequestRepository {
  const { plans, programRequests } = tables;

  async function truthOf(pairId: string, planRowKey: string) {
    try {
      return await plans.getEntity<Record<string, unknown>>(encodeKey(pairId), planRowKey);
    } catch (e) {
      if (isNotFound(e)) return undefined;
      throw e;
    }
  }

  function openOf(id: string, row: TableEntityResult<Record<string, unknown>>): OpenProgramRequest | undefined {
    if (id.startsWith('repair|')) {
      const request = fromRow(repairRow, row).value;
      return request.handledAt ? undefined : { id, kind: 'repair', request };
    }
    const offer = fromRow(offerRow, row).value;
    return offer.handledAt ? undefined : { id, kind: 'mentoroffer', offer };
  }

  return {
    async saveRepair(request) {
      const rowKey = requestKeys.planRepair(request.cycleEnd, request.requestedBy);
      const { tenantId, programId, requestedBy: personId, requestedAt: at } = request;
      await indexRequest(tables, request.pairId, rowKey, { tenantId, programId, personId, at });
      const value = repairRow.parse(request);
      await plans.upsertEntity(toRow(encodeKey(request.pairId), rowKey, value, { kind: 'repair', tenantId, programId }), 'Replace');
    },

    async saveOffer(offer) {
      const rowKey = requestKeys.offer(offer.cycleEnd);
      const { tenantId, programId, personId, offeredAt: at } = offer;
      await indexRequest(tables, offer.pairId, rowKey, { tenantId, programId, personId, at });
      const value = offerRow.parse(offer);
      await plans.upsertEntity(
        toRow(encodeKey(offer.pairId), rowKey, value, { kind: 'mentoroffer', personId, tenantId, programId }),
        'Replace',
      );
    },

    async open(programId) {
      const ids: string[] = [];
      const filter = odata`PartitionKey eq ${encodeKey(programId)}`;
      for await (const row of programRequests.listEntities({ queryOptions: { filter, select: ['RowKey'] } }))
        ids.push(decodeKey(String(row.rowKey)));
      const found = await Promise.all(
        ids.map(async (id) => {
          const at = planKeyOf(id);
          const truth = at && (await truthOf(at.pairId, at.planRowKey));
          return truth ? openOf(id, truth) : undefined;
        }),
      );
      return found.filter((r): r is OpenProgramRequest => r !== undefined);
    },

    async markHandled(programId, requestId, by, at) {
      const where = planKeyOf(requestId);
      const truth = where && (await truthOf(where.pairId, where.planRowKey));
      if (!where || !truth) return fail('not_found', 'There is no such open request in this program.');
      const doc = JSON.parse(String(truth.data)) as Record<string, unknown>;
      if (doc.handledAt) return fail('not_found', 'There is no such open request in this program.');
      try {
        await plans.updateEntity(
          { partitionKey: truth.partitionKey!, rowKey: truth.rowKey!, data: JSON.stringify({ ...doc, handledAt: at, handledBy: by }) },
          'Merge',
          ifMatch(truth.etag),
        );
      } catch (e) {
        if (isConflict(e)) return fail('conflict', 'Someone changed this request meanwhile. Reload and try again.');
        throw e;
      }
      // The truth says handled; the index row only saves the next reads a lookup.
      await programRequests.deleteEntity(encodeKey(programId), encodeKey(requestId)).catch((e: unknown) => {
        if (!isNotFound(e)) throw e;
      });
      return ok(undefined);
    },
  };
}
