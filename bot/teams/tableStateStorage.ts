// teams-ai keeps turn state (conversation and user scopes) through botbuilder's `Storage`; this is
// that storage over the BotState table, so state survives restarts and is shared by every server
// instance. State keys look like `msteams/{botId}/conversations/{conversationId}`: `/` is forbidden
// in Table keys, so keys are encoded, and the rare key too long for a PartitionKey is hashed.
//
// Concurrency follows botbuilder's contract: an item that carries the eTag it was read with is
// written only if the row still has that eTag (Table Storage If-Match); `'*'` or no eTag overwrites.
import { createHash } from 'node:crypto';
import { TurnState } from '@microsoft/teams-ai/lib/TurnState.js';
import { ActivityTypes, type Storage, type StoreItems, type TurnContext } from 'botbuilder';
import { z } from 'zod';
import { fromRow, isConflict, isNotFound, toRow } from '../storage/entityCodec';
import { encodeKey, type Tables } from '../storage/tables';

const RK = 'state';
// Table keys hold at most 1 KiB; conversation ids are far shorter, but a key is never allowed to fail.
const MAX_ENCODED_KEY_LENGTH = 400;

const stateItem = z.record(z.string(), z.unknown());

/** A write whose eTag no longer matches: another turn changed the state first. */
export class StateConflictError extends Error {
  constructor(readonly key: string) {
    super(`Turn state "${key}" was changed by another turn (eTag conflict).`);
    this.name = 'StateConflictError';
  }
}

export function stateRowKey(key: string): string {
  const encoded = encodeKey(key);
  if (encoded.length <= MAX_ENCODED_KEY_LENGTH) return encoded;
  return `sha256-${createHash('sha256').update(key).digest('hex')}`;
}

export function tableStateStorage(tables: Pick<Tables, 'botState'>): Storage {
  const table = tables.botState;

  const readOne = async (key: string): Promise<[string, Record<string, unknown>] | undefined> => {
    try {
      const { value, etag } = fromRow(stateItem, await table.getEntity(stateRowKey(key), RK));
      return [key, { ...value, eTag: etag }];
    } catch (e) {
      if (isNotFound(e)) return undefined;
      throw e;
    }
  };

  const writeOne = async (key: string, item: Record<string, unknown>): Promise<void> => {
    const { eTag, ...value } = item;
    // The original key is kept beside the data so a hashed key can still be traced.
    const row = toRow(stateRowKey(key), RK, value, { stateKey: key.slice(0, 1_000) });
    if (typeof eTag !== 'string' || eTag === '' || eTag === '*') {
      await table.upsertEntity(row, 'Replace');
      return;
    }
    try {
      await table.updateEntity(row, 'Replace', { etag: eTag });
    } catch (e) {
      if (isConflict(e)) throw new StateConflictError(key);
      // The row was deleted since it was read: recreate it, unless another turn got there first.
      if (!isNotFound(e)) throw e;
      try {
        await table.createEntity(row);
      } catch (createError) {
        if (isConflict(createError)) throw new StateConflictError(key);
        throw createError;
      }
    }
  };

  const deleteOne = async (key: string): Promise<void> => {
    try {
      await table.deleteEntity(stateRowKey(key), RK);
    } catch (e) {
      if (!isNotFound(e)) throw e;
    }
  };

  return {
    async read(keys) {
      const found = await Promise.all(keys.map(readOne));
      const items: StoreItems = {};
      for (const entry of found) if (entry) items[entry[0]] = entry[1];
      return items;
    },
    async write(changes) {
      await Promise.all(Object.entries(changes ?? {}).map(([key, item]) => writeOne(key, item as Record<string, unknown>)));
    },
    async delete(keys) {
      await Promise.all(keys.map(deleteOne));
    },
  };
}

/**
 * Turn state for the Application: conversation and user scopes through `storage` for messages and
 * conversation updates. Invokes (message-extension commands, card actions) carry their context in
 * their payload and the domain tables, and answer inside Teams' 5-second budget, so they neither
 * read nor write these scopes: a handler of an invoke that sets state gets it for that turn only.
 */
export class MessageTurnState extends TurnState {
  override load(context: TurnContext, storage?: Storage): Promise<boolean> {
    return super.load(context, context.activity.type === ActivityTypes.Invoke ? undefined : storage);
  }

  override save(context: TurnContext, storage?: Storage): Promise<void> {
    return super.save(context, context.activity.type === ActivityTypes.Invoke ? undefined : storage);
  }
}
