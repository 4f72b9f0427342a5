// Drives the message extension through the real /api/messages as Teams does, and reads the invoke
// responses the way the Teams client would: a dialog (task module) to show, or cards to insert.
import { odata } from '@azure/data-tables';
import { expect } from 'vitest';
import { fetchTaskActivity, postActivity, queryActivity, queryLinkActivity, submitActionActivity, type TeamsUser } from './botActivities';
import { expectValidCard } from './cardSchema';
import type { RecordingConnector } from './recordingConnector';
import { tablesOf, type TestServer } from './testServer';

export interface ChatOptions {
  conversationId?: string;
  conversationType?: 'personal' | 'groupChat' | 'channel';
}

export function messageExtensionDriver(server: () => TestServer, connector: () => RecordingConnector, chat: ChatOptions = {}) {
  async function invoke(activity: unknown): Promise<any> {
    const res = await postActivity(server().baseUrl, activity);
    expect(res.status, res.text).toBe(200);
    // Whatever happens, Teams never gets an error's internals.
    expect(res.text).not.toMatch(/at .*\.(ts|js):\d+|Error:/);
    return JSON.parse(res.text);
  }
  const where = (user: TeamsUser, options: ChatOptions = {}) => ({ serviceUrl: connector().serviceUrl, user, ...chat, ...options });

  return {
    invoke,
    fetchTask: (user: TeamsUser, commandId: string, options: ChatOptions & { messageText?: string } = {}) =>
      invoke(
        fetchTaskActivity({
          ...where(user, options),
          commandId,
          ...(options.messageText !== undefined ? { messageText: options.messageText } : {}),
        }),
      ),
    submit: (user: TeamsUser, commandId: string, data: Record<string, unknown>, options: ChatOptions = {}) =>
      invoke(submitActionActivity({ ...where(user, options), commandId, data })),
    query: (
      user: TeamsUser,
      commandId: string,
      parameters: { name: string; value: string }[],
      paging: { skip?: number; count?: number } = {},
    ) => invoke(queryActivity({ ...where(user), commandId, parameters, ...paging })),
    queryLink: (user: TeamsUser, url: string) => invoke(queryLinkActivity({ ...where(user), url })),
  };
}

/** The dialog Teams opens (or keeps open): its card, checked against Adaptive Card 1.5 and the size limit. */
export function dialogOf(body: any): any {
  expect(body.task?.type, JSON.stringify(body).slice(0, 300)).toBe('continue');
  const attachment = body.task.value.card;
  expect(attachment.contentType).toBe('application/vnd.microsoft.card.adaptive');
  expectValidCard(attachment.content);
  return attachment.content;
}

/** The cards the answer inserts into the compose box (action results, search results, unfurls), each checked. */
export function insertedCards(body: any): any[] {
  expect(body.composeExtension?.type, JSON.stringify(body).slice(0, 300)).toBe('result');
  const attachments = body.composeExtension.attachments as any[];
  for (const a of attachments) {
    expect(a.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expectValidCard(a.content);
  }
  return attachments;
}

/** Every TextBlock text and input label of a card, flattened, to assert what a person reads. */
export function textsOf(card: unknown): string[] {
  const out: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      for (const key of ['text', 'label', 'title']) if (typeof o[key] === 'string') out.push(o[key] as string);
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  return out;
}

/** The inputs of a card by id. */
export function inputsOf(card: unknown): Record<string, any> {
  const out: Record<string, any> = {};
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (typeof o.type === 'string' && o.type.startsWith('Input.') && typeof o.id === 'string') out[o.id] = o;
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  return out;
}

/** The stored rows of a pair whose row key starts with `prefix` (e.g. `journal|`, `win|`, `feedback|`), as their data. */
export async function pairRows(server: TestServer, pairId: string, prefix: string): Promise<Record<string, any>[]> {
  const end = `${prefix.slice(0, -1)}${String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1)}`;
  const rows: Record<string, any>[] = [];
  const filter = odata`PartitionKey eq ${pairId} and RowKey ge ${prefix} and RowKey lt ${end}`;
  for await (const row of tablesOf(server).plans.listEntities({ queryOptions: { filter } })) rows.push(JSON.parse(String(row.data)));
  return rows;
}
