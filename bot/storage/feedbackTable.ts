// 360 feedback in the Plans table: rows `feedback|{requestId}` and
// `feedbackresp|{requestId}|{respondentId}` in the pair's partition (see tables.ts), so a request's
// responses are one prefix query and a person's answer is one row, replaced on a second submit.
import { odata } from '@azure/data-tables';
import type { ZodType, ZodTypeDef } from 'zod';
import {
  feedbackRequest as requestSchema,
  feedbackResponse as responseSchema,
  type FeedbackRequest,
  type FeedbackResponse,
} from '../../shared/feedback/feedbackRequest';
import type { FeedbackRepository } from '../../shared/repositories';
import { fail, ok, type Result, type Versioned } from '../../shared/result';
import { fromRow, isConflict, isNotFound, toRow, ifMatch } from './entityCodec';
import type { FeedbackAskedIndex } from '../../shared/feedback/feedbackInbox';
import type { OpenFeedbackIndex } from './openFeedbackTable';
import { encodeKey, type Tables } from './tables';

// '}' sorts right after '|', closing a prefix range. 'feedbackresp|' sorts before 'feedback|'
// ('r' < '|'), so the request range never holds responses.
const REQUEST_PREFIX = 'feedback|';
const requestKey = (requestId: string) => `${REQUEST_PREFIX}${encodeKey(requestId)}`;
const responsePrefix = (requestId: string) => `feedbackresp|${encodeKey(requestId)}|`;
const responseKey = (requestId: string, respondentId: string) => `${responsePrefix(requestId)}${encodeKey(respondentId)}`;

/**
 * With the open-request index, a new request is filed there first (a hint that may point at
 * nothing if the request write then fails; the jobs drop it) and a closed one is dropped after.
 * The asked-of-me index is filed first likewise, and kept when the request closes (the respondent
 * still sees their answer).
 */
export function feedbackTable(
  tables: Pick<Tables, 'plans'>,
  openIndex?: OpenFeedbackIndex,
  askedIndex?: FeedbackAskedIndex,
): FeedbackRepository {
  const { plans } = tables;
  const indexRow = (r: FeedbackRequest) => ({ pairId: r.pairId, requestId: r.id, closesOn: r.closesOn });

  async function read<T>(schema: ZodType<T, ZodTypeDef, unknown>, pairId: string, rowKey: string): Promise<Versioned<T> | undefined> {
    try {
      return fromRow(schema, await plans.getEntity(encodeKey(pairId), rowKey));
    } catch (e) {
      if (isNotFound(e)) return undefined;
      throw e;
    }
  }

  async function list<T>(schema: ZodType<T, ZodTypeDef, unknown>, pairId: string, prefix: string): Promise<Versioned<T>[]> {
    const filter = odata`PartitionKey eq ${encodeKey(pairId)} and RowKey ge ${prefix} and RowKey lt ${`${prefix.slice(0, -1)}}`}`;
    const out: Versioned<T>[] = [];
    for await (const row of plans.listEntities({ queryOptions: { filter } })) out.push(fromRow(schema, row));
    return out;
  }

  const getRequest = (pairId: string, requestId: string) => read(requestSchema, pairId, requestKey(requestId));
  const getResponse = (pairId: string, requestId: string, respondentId: string) =>
    read(responseSchema, pairId, responseKey(requestId, respondentId));

  const requestRow = (r: FeedbackRequest) =>
    toRow(encodeKey(r.pairId), requestKey(r.id), r, { kind: 'feedback', status: r.status, closesOn: r.closesOn });
  const responseRow = (pairId: string, r: FeedbackResponse) =>
    toRow(encodeKey(pairId), responseKey(r.requestId, r.respondentId), r, { kind: 'feedbackresp', requestId: r.requestId });

  return {
    getRequest,
    getResponse,

    async createRequest(value) {
      const valid = requestSchema.parse(value);
      if (valid.status === 'open') await openIndex?.file(indexRow(valid));
      await askedIndex?.file(valid);
      try {
        const res = await plans.createEntity(requestRow(valid));
        return ok({ value: valid, etag: res.etag ?? '' });
      } catch (e) {
        if (isConflict(e)) return fail('conflict', 'This feedback request exists already.');
        throw e;
      }
    },

    listRequests: (pairId) => list(requestSchema, pairId, REQUEST_PREFIX),

    async updateRequest(value, etag) {
      const valid = requestSchema.parse(value);
      try {
        const res = await plans.updateEntity(requestRow(valid), 'Replace', ifMatch(etag));
        if (valid.status === 'closed') await openIndex?.forget(indexRow(valid));
        return ok({ value: valid, etag: res.etag ?? '' });
      } catch (e) {
        if (isNotFound(e)) return fail('not_found', 'That feedback request no longer exists.');
        if (isConflict(e)) {
          const current = await getRequest(valid.pairId, valid.id);
          return fail('conflict', 'This feedback request changed meanwhile. Open it again and retry.', current ? { current } : {});
        }
        throw e;
      }
    },

    listResponses: (pairId, requestId) => list(responseSchema, pairId, responsePrefix(requestId)),

    async saveResponse(pairId, value, etag): Promise<Result<Versioned<FeedbackResponse>>> {
      const valid = responseSchema.parse(value);
      const row = responseRow(pairId, valid);
      try {
        const res = etag === undefined ? await plans.createEntity(row) : await plans.updateEntity(row, 'Replace', ifMatch(etag));
        return ok({ value: valid, etag: res.etag ?? '' });
      } catch (e) {
        if (isNotFound(e)) return fail('not_found', 'That answer no longer exists.');
        if (isConflict(e)) {
          const current = await getResponse(pairId, valid.requestId, valid.respondentId);
          return fail('conflict', 'This answer was saved meanwhile. Open it again and retry.', current ? { current } : {});
        }
        throw e;
      }
    },
  };
}
