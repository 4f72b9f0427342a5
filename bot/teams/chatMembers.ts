// Who is in the chat a message extension was opened from, read from the Teams connector
// (`GET /v3/conversations/{id}/pagedmembers`). The bot must be in the chat to read it; when it is
// not, or the connector is slow, the answer is "unknown" and the dialog says so instead of failing.
import { TeamsInfo, type TurnContext } from 'botbuilder';
import { withinBudget } from '../jobs/timeBudget';
import type { Logger } from '../log';
import { personIdOf } from './installation';

export interface ChatMember {
  /** Entra object id. */
  personId: string;
  name: string;
  /** A guest of the tenant (a customer, usually). */
  guest: boolean;
}

const PAGE_SIZE = 100;
/** Enough to fill a request even after leaving out the asker and bots; a huge team is not read whole. */
const MAX_MEMBERS_READ = 200;

/** People of the chat (bots and accounts without an Entra id left out), or undefined when they cannot be read in time. */
export async function chatMembers(
  context: TurnContext,
  mode: 'development' | 'production',
  log: Logger,
  budgetMs: number,
): Promise<ChatMember[] | undefined> {
  const reading = readMembers(context, mode).catch((error: unknown) => {
    log.warn('chat members could not be read', {
      conversationType: context.activity.conversation?.conversationType,
      error: error instanceof Error ? error.message : String(error),
    });
    return undefined;
  });
  return withinBudget(reading, budgetMs, () => {
    log.warn('chat members took too long to read', { budgetMs });
    return undefined;
  });
}

async function readMembers(context: TurnContext, mode: 'development' | 'production'): Promise<ChatMember[]> {
  const members: ChatMember[] = [];
  const seen = new Set<string>();
  let continuationToken: string | undefined;
  let read = 0;
  do {
    const page = await TeamsInfo.getPagedMembers(context, PAGE_SIZE, continuationToken);
    for (const account of page.members ?? []) {
      read++;
      // Bots have `28:` ids; they are never asked for feedback.
      if (account.id?.startsWith('28:')) continue;
      const personId = personIdOf(account, mode);
      if (!personId || seen.has(personId)) continue;
      seen.add(personId);
      members.push({ personId, name: account.name?.trim() || account.email || personId, guest: account.userRole === 'guest' });
    }
    continuationToken = page.continuationToken || undefined;
  } while (continuationToken && read < MAX_MEMBERS_READ);
  return members;
}
