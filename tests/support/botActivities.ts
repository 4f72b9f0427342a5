// Bot Framework activities as Teams sends them to /api/messages (personal chat), with the
// serviceUrl pointing at the recording connector.
import { randomUUID } from 'node:crypto';
import { DEVELOPMENT_TENANT_ID } from '../../shared/person';

/** The tenant of the test servers' demo data: activities come from it unless a test says otherwise. */
export const TEST_TENANT_ID = DEVELOPMENT_TENANT_ID;
export const BOT = { id: '28:00000000-0000-0000-0000-00000000b075', name: 'Mentoring' };

export interface TeamsUser {
  /** Teams' channel id for the user (`29:...`). */
  id: string;
  aadObjectId?: string;
  name?: string;
}

export interface ActivityOptions {
  serviceUrl: string;
  user: TeamsUser;
  conversationId?: string;
  conversationType?: 'personal' | 'groupChat' | 'channel';
  /** The tenant the activity comes from: TEST_TENANT_ID unless set. */
  tenantId?: string;
}

const conversationIdFor = (user: TeamsUser) => `a:1${user.id.replace(/[^A-Za-z0-9]/g, '')}personal;messageid=1`;

function base(type: string, o: ActivityOptions) {
  return {
    type,
    id: `f:${randomUUID()}`,
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl: o.serviceUrl,
    from: o.user,
    recipient: BOT,
    conversation: {
      id: o.conversationId ?? conversationIdFor(o.user),
      conversationType: o.conversationType ?? 'personal',
      tenantId: o.tenantId ?? TEST_TENANT_ID,
    },
    channelData: { tenant: { id: o.tenantId ?? TEST_TENANT_ID } },
    locale: 'en-US',
  };
}

/** What Teams sends when a user installs the app in personal scope: the bot is the member added. */
export function installActivity(o: ActivityOptions & { membersAdded?: { id: string; name?: string }[] }) {
  return { ...base('conversationUpdate', o), membersAdded: o.membersAdded ?? [{ id: BOT.id }] };
}

export function messageActivity(o: ActivityOptions & { text: string; entities?: unknown[] }) {
  return { ...base('message', o), text: o.text, textFormat: 'plain', ...(o.entities ? { entities: o.entities } : {}) };
}

/** A message that @mentions the bot, as Teams sends it: the mention text is inside the message text. */
export function mentionActivity(o: ActivityOptions & { textAfterMention: string }) {
  const mention = `<at>${BOT.name}</at>`;
  return messageActivity({
    ...o,
    text: `${mention} ${o.textAfterMention}`,
    entities: [{ type: 'mention', text: mention, mentioned: { id: BOT.id, name: BOT.name } }],
  });
}

export async function postActivity(baseUrl: string, activity: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof activity === 'string' ? activity : JSON.stringify(activity),
  });
  return { status: res.status, text: await res.text() };
}

/** A Universal Action (Action.Execute) as Teams sends it: the card's data merged with its input values. */
export function cardActionActivity(o: ActivityOptions & { verb: string; data: Record<string, unknown>; replyToId?: string }) {
  return {
    ...base('invoke', o),
    name: 'adaptiveCard/action',
    replyToId: o.replyToId ?? 'card-message-1',
    value: { action: { type: 'Action.Execute', verb: o.verb, data: o.data }, trigger: 'manual' },
  };
}

/** A message extension invoke as Teams sends it (`composeExtension/*`), from the compose box of the conversation. */
export function composeExtensionActivity(o: ActivityOptions & { name: string; value: Record<string, unknown> }) {
  return { ...base('invoke', o), name: o.name, value: o.value };
}

/** Opening an action command's dialog; `messageText` when it was started from a message's "..." menu. */
export function fetchTaskActivity(o: ActivityOptions & { commandId: string; messageText?: string }) {
  const fromMessage = o.messageText !== undefined;
  return composeExtensionActivity({
    ...o,
    name: 'composeExtension/fetchTask',
    value: {
      commandId: o.commandId,
      commandContext: fromMessage ? 'message' : 'compose',
      context: { theme: 'default' },
      ...(fromMessage ? { messagePayload: { id: '1700000000000', body: { contentType: 'html', content: o.messageText } } } : {}),
    },
  });
}

/** A dialog's Action.Submit: its data merged with the dialog's input values. */
export function submitActionActivity(o: ActivityOptions & { commandId: string; data: Record<string, unknown> }) {
  return composeExtensionActivity({
    ...o,
    name: 'composeExtension/submitAction',
    value: { commandId: o.commandId, commandContext: 'compose', context: { theme: 'default' }, data: o.data },
  });
}

/** A search command's query; `initialRun` is what Teams sends when the pane opens, before anything is typed. */
export function queryActivity(
  o: ActivityOptions & { commandId: string; parameters: { name: string; value: string }[]; skip?: number; count?: number },
) {
  return composeExtensionActivity({
    ...o,
    name: 'composeExtension/query',
    value: { commandId: o.commandId, parameters: o.parameters, queryOptions: { skip: o.skip ?? 0, count: o.count ?? 25 } },
  });
}

/** A link pasted into the compose box, for the app whose manifest names its domain. */
export function queryLinkActivity(o: ActivityOptions & { url: string }) {
  return composeExtensionActivity({ ...o, name: 'composeExtension/queryLink', value: { url: o.url } });
}
