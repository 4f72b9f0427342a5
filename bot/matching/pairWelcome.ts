// When a program manager creates a pair, both people get a welcome card naming the other, in their
// personal chat with the bot. A person without the app installed is skipped (they see the pair when
// they open the tab).
import type { PlanRecord, ConversationRepository } from '../../shared/repositories';
import type { CardLinks } from '../cards/cardLinks';
import { welcomeCard } from '../cards/welcomeCard';
import type { ProactiveMessenger } from '../checkins/proactiveMessenger';
import type { Logger } from '../log';

export interface PairWelcomeDeps {
  conversations: Pick<ConversationRepository, 'get'>;
  messenger: ProactiveMessenger;
  links: CardLinks;
  log: Logger;
}

export function pairWelcome(deps: PairWelcomeDeps) {
  return async ({ mentorship, members }: Pick<PlanRecord, 'mentorship' | 'members'>): Promise<void> => {
    const sides = [
      { person: members.mentee, other: members.mentor, role: 'mentee' as const },
      { person: members.mentor, other: members.mentee, role: 'mentor' as const },
    ];
    await Promise.all(
      sides.map(async ({ person, other, role }) => {
        try {
          const conversation = await deps.conversations.get(person.id);
          if (!conversation) return;
          const card = welcomeCard({ displayName: person.displayName, links: deps.links, pairedWith: { name: other.displayName, role } });
          const outcome = await deps.messenger.send(conversation.reference, card);
          if (outcome.kind !== 'sent') deps.log.warn('pair welcome not delivered', { pairId: mentorship.value.id, kind: outcome.kind });
        } catch (error) {
          deps.log.warn('pair welcome failed', {
            pairId: mentorship.value.id,
            error: error instanceof Error ? error.message : String(error),
          });
        }
      }),
    );
  };
}
