// When a checkpoint is signed off, both people get its summary card (the latest scorecard beside the
// previous one) in their personal chat with the bot. A person without the app installed is skipped.
import type { CheckpointSignedOff } from '../../shared/checkpoints/checkpointService';
import type { ConversationRepository } from '../../shared/repositories';
import type { CardLinks } from '../cards/cardLinks';
import { checkpointSummaryCard } from '../cards/checkpointCards';
import type { ProactiveMessenger } from '../checkins/proactiveMessenger';
import type { Logger } from '../log';

export interface SignedOffNoticeDeps {
  conversations: Pick<ConversationRepository, 'get'>;
  messenger: ProactiveMessenger;
  links: CardLinks;
  log: Logger;
}

export function checkpointSignedOffNotice(deps: SignedOffNoticeDeps) {
  return async (event: CheckpointSignedOff): Promise<void> => {
    const { mentor, mentee } = event.record.members;
    const people = [
      { person: mentor, other: mentee },
      { person: mentee, other: mentor },
    ];
    await Promise.all(
      people.map(async ({ person, other }) => {
        try {
          const conversation = await deps.conversations.get(person.id);
          if (!conversation) return;
          const card = checkpointSummaryCard({
            checkpoint: event.checkpoint,
            ...(event.previous ? { previous: event.previous } : {}),
            metrics: event.metrics,
            otherName: other.displayName,
            links: deps.links,
          });
          const outcome = await deps.messenger.send(conversation.reference, card);
          if (outcome.kind !== 'sent')
            deps.log.warn('checkpoint summary not delivered', { pairId: event.checkpoint.pairId, kind: outcome.kind });
        } catch (error) {
          deps.log.warn('checkpoint summary failed', {
            pairId: event.checkpoint.pairId,
            error: error instanceof Error ? error.message : String(error),
          });
        }
      }),
    );
  };
}
