// The teams-ai turn-state storage against the real Table Storage (the run's in-memory Azurite).
import { beforeAll, describe, expect, it } from 'vitest';
import { TestAdapter, TurnContext, type Storage } from 'botbuilder';
import { MessageTurnState, StateConflictError, stateRowKey, tableStateStorage } from '../../bot/teams/tableStateStorage';
import { ensureTables, openTables, type Tables } from '../../bot/storage/tables';
import { newTablePrefix, testConnectionString } from '../support/storage';

let tables: Tables;
let storage: Storage;

beforeAll(async () => {
  tables = openTables({ connectionString: testConnectionString(), tablePrefix: newTablePrefix() });
  await ensureTables(tables);
  storage = tableStateStorage(tables);
});

let counter = 0;
const freshKey = (label: string) => `msteams/28:bot/conversations/a:${label}-${++counter}`;

describe('table state storage', () => {
  it('reads back what it wrote, with an eTag', async () => {
    const key = freshKey('roundtrip');
    await storage.write({ [key]: { count: 1, nested: { list: ['a', 'b'] } } });
    const items = await storage.read([key]);
    expect(items[key]).toEqual({ count: 1, nested: { list: ['a', 'b'] }, eTag: expect.any(String) });
  });

  it('omits missing keys from a read instead of failing', async () => {
    const present = freshKey('present');
    await storage.write({ [present]: { here: true } });
    const items = await storage.read([present, freshKey('missing')]);
    expect(Object.keys(items)).toEqual([present]);
    expect(await storage.read([])).toEqual({});
  });

  it('stores keys with characters Table Storage forbids in keys', async () => {
    const key = `msteams/28:bot/users/29:odd\\user#1?x=y/${++counter}`;
    await storage.write({ [key]: { ok: 1 } });
    expect((await storage.read([key]))[key]).toMatchObject({ ok: 1 });
    // Encoded, not mangled: a similar key is a different row.
    const similar = key.replace('#', '%23');
    expect(await storage.read([similar])).toEqual({});
  });

  it('hashes a key too long for a PartitionKey and still reads it back', async () => {
    const key = `msteams/28:bot/conversations/${'x'.repeat(2_000)}-${++counter}`;
    expect(stateRowKey(key)).toMatch(/^sha256-[0-9a-f]{64}$/);
    await storage.write({ [key]: { long: true } });
    expect((await storage.read([key]))[key]).toMatchObject({ long: true });
  });

  it('writes with the eTag it read, and rejects a write with a stale eTag', async () => {
    const key = freshKey('concurrent');
    await storage.write({ [key]: { turn: 0 } });
    const [first, second] = await Promise.all([storage.read([key]), storage.read([key])]);

    await storage.write({ [key]: { ...first[key], turn: 1 } });
    await expect(storage.write({ [key]: { ...second[key], turn: 2 } })).rejects.toBeInstanceOf(StateConflictError);

    expect((await storage.read([key]))[key]).toMatchObject({ turn: 1 });
  });

  it('overwrites regardless of the stored version with eTag "*" or no eTag', async () => {
    const key = freshKey('overwrite');
    await storage.write({ [key]: { v: 1 } });
    await storage.write({ [key]: { v: 2, eTag: '*' } });
    await storage.write({ [key]: { v: 3 } });
    const item = (await storage.read([key]))[key];
    expect(item).toMatchObject({ v: 3 });
    expect(item).not.toHaveProperty('v', 2);
  });

  it('recreates an item deleted since it was read, as botbuilder storages do', async () => {
    const key = freshKey('recreate');
    await storage.write({ [key]: { v: 1 } });
    const read = await storage.read([key]);
    await storage.delete([key]);
    await storage.write({ [key]: { ...read[key], v: 2 } });
    expect((await storage.read([key]))[key]).toMatchObject({ v: 2 });
  });

  it('writes several keys at once and deletes them, ignoring keys that do not exist', async () => {
    const a = freshKey('a');
    const b = freshKey('b');
    await storage.write({ [a]: { n: 'a' }, [b]: { n: 'b' } });
    expect(Object.keys(await storage.read([a, b])).sort()).toEqual([a, b].sort());
    await storage.delete([a, b, freshKey('never-written')]);
    expect(await storage.read([a, b])).toEqual({});
  });

  it('keeps each item as one BotState row whose data column is the JSON without the eTag', async () => {
    const key = freshKey('row');
    await storage.write({ [key]: { v: 1, eTag: '*' } });
    const row = await tables.botState.getEntity<{ data: string; stateKey: string }>(stateRowKey(key), 'state');
    expect(JSON.parse(row.data)).toEqual({ v: 1 });
    expect(row.stateKey).toBe(key);
  });
});

describe('turn state per activity type', () => {
  const contextFor = (type: string) =>
    new TurnContext(new TestAdapter(), {
      type,
      channelId: 'msteams',
      conversation: { id: `a:turn-${type}-${++counter}` } as never,
      from: { id: '29:1x', name: 'Ana' },
      recipient: { id: '28:bot', name: 'Mentoring' },
    });

  it('loads and saves the conversation and user scopes of a message in Table Storage', async () => {
    const context = contextFor('message');
    const state = new MessageTurnState();
    await state.load(context, storage);
    (state.conversation as Record<string, unknown>).lastTopic = 'check-in';
    await state.save(context, storage);
    const reread = new MessageTurnState();
    await reread.load(context, storage);
    expect((reread.conversation as Record<string, unknown>).lastTopic).toBe('check-in');
  });

  it('neither reads nor writes storage for an invoke', async () => {
    const calls: string[] = [];
    const recording: Storage = {
      read: async (keys) => (calls.push(`read ${keys.join(',')}`), {}),
      write: async (changes) => void calls.push(`write ${Object.keys(changes).join(',')}`),
      delete: async (keys) => void calls.push(`delete ${keys.join(',')}`),
    };
    const context = contextFor('invoke');
    const state = new MessageTurnState();
    await state.load(context, recording);
    (state.conversation as Record<string, unknown>).lastTopic = 'set during an invoke';
    await state.save(context, recording);
    expect(calls).toEqual([]);

    const message = new MessageTurnState();
    await message.load(contextFor('message'), recording);
    expect(calls).toHaveLength(1);
  });
});
