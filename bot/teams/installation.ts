// The app was installed: in someone's personal scope Teams sends a conversationUpdate whose
// membersAdded holds the bot. Keep the conversation reference (the only way to message that person
// later, for check-ins) and greet them with the welcome card. Added to a team, the bot offers the
// program channel choice instead (digestChannel.ts).
import { TurnContext, type Activity, type ChannelAccount } from 'botbuilder';
import { DEVELOPMENT_TENANT_ID, personId } from '../../shared/person';
import type { ConversationRepository } from '../../shared/repositories';
import { welcomeCard } from '../cards/welcomeCard';
import type { CardLinks } from '../cards/cardLinks';
import type { Logger } from '../log';
import { cardMessage } from './cardMessage';
import { tenantIdOf } from './tenantGuard';

export interface InstallationDeps {
  conversations: ConversationRepository;
  links: CardLinks;
  mode: 'development' | 'production';
  now: () => Date;
  log: Logger;
  /** Told once the conversation is stored (check-ins resume for someone who had removed the app). */
  onInstalled?: (personId: string) => Promise<void>;
  /** The app was added to a team: the bot offers to post the program's weekly digest in one of its channels. */
  onTeamInstalled?: (context: TurnContext) => Promise<void>;
}

export function onMembersAdded(deps: InstallationDeps) {
  return async (context: TurnContext): Promise<void> => {
    const activity = context.activity;
    const botWasAdded = (activity.membersAdded ?? []).some((member) => member.id === activity.recipient.id);
    if (botWasAdded && isTeam(activity)) return deps.onTeamInstalled?.(context);
    // Personal scope is where people are greeted; a group chat add is not ours to greet.
    if (!botWasAdded || !isPersonal(activity)) return;

    const id = personIdOf(activity.from, deps.mode);
    if (id) {
      const reference = TurnContext.getConversationReference(activity);
      await deps.conversations.save({
        personId: id,
        // A development activity without a tenant (the Emulator) is of the development tenant, as its sender is.
        tenantId: tenantIdOf(activity) ?? (deps.mode === 'development' ? DEVELOPMENT_TENANT_ID : ''),
        conversationId: activity.conversation.id,
        serviceUrl: activity.serviceUrl,
        // Plain JSON (no undefined fields), exactly what is stored and later handed back to continueConversation.
        reference: JSON.parse(JSON.stringify(reference)) as Record<string, unknown>,
        updatedAt: deps.now().toISOString(),
      });
      deps.log.info('bot installed', { personId: id });
      await deps.onInstalled?.(id);
    } else {
      deps.log.warn('bot installed by someone without an Entra object id; conversation not stored', { channelId: activity.channelId });
    }
    await context.sendActivity(cardMessage(welcomeCard({ displayName: activity.from?.name, links: deps.links })));
  };
}

/** Added to a team: Teams sends the add in the team's General channel, with the team in channelData. */
function isTeam(activity: Activity): boolean {
  const team = (activity.channelData as { team?: { id?: unknown } } | undefined)?.team;
  return activity.conversation.conversationType === 'channel' && typeof team?.id === 'string';
}

function isPersonal(activity: Activity): boolean {
  const type = activity.conversation.conversationType;
  // The Bot Framework Emulator sends no conversationType for its one-to-one chat.
  return type === 'personal' || type === undefined;
}

/**
 * The person is their Entra object id, as in the tab's token. Teams always sends `aadObjectId`; the
 * Agents Playground and the Emulator may not, so a development run falls back to the channel user
 * id. Production never does: a channel id would never match a person.
 */
export function personIdOf(from: ChannelAccount | undefined, mode: 'development' | 'production'): string | undefined {
  const candidate = from?.aadObjectId ?? (mode === 'development' ? from?.id : undefined);
  const parsed = personId.safeParse(candidate);
  return parsed.success ? parsed.data : undefined;
}
