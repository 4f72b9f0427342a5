import { beforeAll, describe, expect, it } from 'vitest';
import { conversationTable } from '../../bot/storage/conversationTable';
import { encodeKey, ensureTables, openTables, type Tables } from '../../bot/storage/tables';
import type { ConversationRepository, StoredConversation } from '../../shared/repositories';
import { newTablePrefix, testConnectionString } from '../support/storage';

let tables: Tables;
let conversations: ConversationRepository;

beforeAll(async () => {
  tables = openTables({ connectionString: testConnectionString(), tablePrefix: newTablePrefix() });
  await ensureTables(tables);
  conversations = conversationTable(tables);
});

const conversation = (personId: string, overrides: Partial<StoredConversation> = {}): StoredConversation => ({
  personId,
  tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
  conversationId: 'a:1abc;messageid=1',
  serviceUrl: 'https://smba.trafficmanager.net/emea/',
  reference: { channelId: 'msteams', conversation: { id: 'a:1abc;messageid=1' }, bot: { id: '28:bot' } },
  updatedAt: '2026-11-21T12:00:00.000Z',
  ...overrides,
});

describe('conversation table', () => {
  it('saves and reads back a conversation reference by person', async () => {
    const saved = conversation('0b6f7c3e-1d2a-4c5b-9e8f-a1b2c3d4e5f6');
    await conversations.save(saved);
    expect(await conversations.get(saved.personId)).toEqual(saved);
  });

  it('returns undefined for a person without a stored conversation', async () => {
    expect(await conversations.get('ffffffff-0000-0000-0000-000000000000')).toBeUndefined();
  });

  it('replaces the row on a second save', async () => {
    const id = '1c7a8d4f-2e3b-4d6c-8f9a-b2c3d4e5f6a7';
    await conversations.save(conversation(id));
    await conversations.save(conversation(id, { conversationId: 'a:2new', updatedAt: '2026-11-22T08:00:00.000Z' }));
    expect(await conversations.get(id)).toMatchObject({ conversationId: 'a:2new', updatedAt: '2026-11-22T08:00:00.000Z' });
  });

  it('refuses to store an invalid record and writes nothing', async () => {
    const id = '2d8b9e5a-3f4c-4e7d-9a0b-c3d4e5f6a7b8';
    await expect(conversations.save(conversation(id, { serviceUrl: 'not a url' }))).rejects.toThrow();
    await expect(conversations.save(conversation('29:channel/id'))).rejects.toThrow();
    expect(await conversations.get(id)).toBeUndefined();
  });

  it('refuses a row that does not match the schema when reading', async () => {
    const id = '3e9c0f6b-4a5d-4f8e-8b1c-d4e5f6a7b8c9';
    await tables.conversations.upsertEntity({
      partitionKey: 'conversation',
      rowKey: encodeKey(id),
      data: JSON.stringify({ personId: id }),
    });
    await expect(conversations.get(id)).rejects.toThrow();
  });
});
