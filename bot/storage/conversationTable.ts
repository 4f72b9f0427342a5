// Where the bot can reach each person later (proactive check-ins): one row per person, written
// when the app is installed in their personal scope and replaced on every reinstall.
import { z } from 'zod';
import { personId } from '../../shared/person';
import type { ConversationRepository, StoredConversation } from '../../shared/repositories';
import { fromRow, isNotFound, toRow } from './entityCodec';
import { encodeKey, type Tables } from './tables';

const PK = 'conversation';

export const storedConversation = z
  .object({
    personId,
    /** Empty only outside Teams (the Agents Playground may send no tenant). */
    tenantId: z.string().max(64),
    conversationId: z.string().min(1).max(1_000),
    serviceUrl: z.string().url().max(1_000),
    reference: z.record(z.string(), z.unknown()),
    updatedAt: z.string().datetime(),
  })
  .strict();

export function conversationTable(tables: Pick<Tables, 'conversations'>): ConversationRepository {
  const table = tables.conversations;
  return {
    async save(conversation: StoredConversation) {
      const valid = storedConversation.parse(conversation);
      await table.upsertEntity(
        toRow(PK, encodeKey(valid.personId), valid, { tenantId: valid.tenantId, updatedAt: valid.updatedAt }),
        'Replace',
      );
    },
    async get(id) {
      try {
        return fromRow(storedConversation, await table.getEntity(PK, encodeKey(id))).value;
      } catch (e) {
        if (isNotFound(e)) return undefined;
        throw e;
      }
    },
  };
}
