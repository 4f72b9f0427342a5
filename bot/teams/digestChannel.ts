// The program channel of the weekly digest. When the app is added to a team, the bot posts a card
// in the team's General channel; a program manager picks the channel there (Action.Execute). The
// team and tenant come from the activity, never the card; the chosen channel must be one the
// connector lists for the team.
import type { Application, TurnState } from '@microsoft/teams-ai';
import { TeamsInfo, TurnContext, type Activity, type ChannelInfo } from 'botbuilder';
import { z } from 'zod';
import { DEVELOPMENT_TENANT_ID } from '../../shared/person';
import { entityId } from '../../shared/program';
import { setProgramChannel, type ProgramChannelRepository } from '../../shared/recognition/programChannel';
import type { PeopleRepository, ProgramRepository } from '../../shared/repositories';
import type { AdaptiveCard } from '../cards/adaptiveCard';
import {
  channelTitle,
  DIGEST_CHANNEL_INPUT,
  DIGEST_PROGRAM_INPUT,
  digestChannelCard,
  digestChannelNotManagerCard,
  digestChannelSetCard,
  digestChannelVerbs,
  type TeamChannelChoice,
} from '../cards/digestChannelCard';
import { en } from '../cards/strings';
import type { Logger } from '../log';
import { cardMessage } from './cardMessage';
import { senderWithProfile } from './botActor';
import { cardAnswers, invokeHandler, refuse } from './invokeAnswers';
import { activityTenant, tenantIdOf } from './tenantGuard';

export interface DigestChannelDeps {
  programs: Pick<ProgramRepository, 'get'>;
  /** The id and name of every program of a tenant, to choose from. */
  programNames: (tenantId: string) => Promise<{ id: string; name: string }[]>;
  channels: ProgramChannelRepository;
  people: PeopleRepository;
  mode: 'development' | 'production';
  now: () => Date;
  log: Logger;
}

const choice = z.object({ [DIGEST_CHANNEL_INPUT]: z.string().min(1).max(256), [DIGEST_PROGRAM_INPUT]: entityId }).passthrough();

const teamIdOf = (activity: Activity): string | undefined => {
  const id = (activity.channelData as { team?: { id?: unknown } } | undefined)?.team?.id;
  return typeof id === 'string' && id !== '' ? id : undefined;
};

/** The team's channels; when the connector cannot list them, the one the card was posted in. */
async function teamChannels(context: TurnContext, teamId: string, log: Logger): Promise<TeamChannelChoice[]> {
  try {
    const listed = await TeamsInfo.getTeamChannels(context, teamId);
    const channels = listed
      .filter((c): c is ChannelInfo & { id: string } => typeof c.id === 'string' && c.id !== '')
      .map((c) => ({ id: c.id, ...(c.name ? { name: c.name } : {}) }));
    if (channels.length > 0) return channels;
  } catch (error) {
    log.warn('could not list the team’s channels', { error: error instanceof Error ? error.message : String(error) });
  }
  // The General channel's id is the team's id.
  return [{ id: teamId }];
}

/** The channel's conversation reference: a proactive send to it starts a new post in the channel. */
function channelReference(activity: Activity, channelId: string): Record<string, unknown> {
  const reference = TurnContext.getConversationReference(activity);
  const conversation = { id: channelId, conversationType: 'channel', isGroup: true, tenantId: tenantIdOf(activity) ?? '' };
  const { user: _user, activityId: _activityId, ...rest } = reference;
  return JSON.parse(JSON.stringify({ ...rest, conversation })) as Record<string, unknown>;
}

export function onTeamInstalled(deps: DigestChannelDeps) {
  return async (context: TurnContext): Promise<void> => {
    const teamId = teamIdOf(context.activity);
    if (!teamId) return;
    // Only the programs of the team's own tenant are offered (none without a tenant in production).
    const tenantId = activityTenant(context.activity) ?? (deps.mode === 'development' ? DEVELOPMENT_TENANT_ID : undefined);
    const [channels, programs] = await Promise.all([
      teamChannels(context, teamId, deps.log),
      tenantId ? deps.programNames(tenantId) : Promise.resolve([]),
    ]);
    deps.log.info('app added to a team', { channels: channels.length, programs: programs.length });
    await context.sendActivity(cardMessage(digestChannelCard({ channels, programs })));
  };
}

export function registerDigestChannelActions(app: Application<TurnState>, deps: DigestChannelDeps): void {
  const asManager = invokeHandler(
    { log: deps.log, identify: senderWithProfile(deps) },
    'digest channel action',
    cardAnswers({ forbidden: () => digestChannelNotManagerCard() }),
  );
  app.adaptiveCards.actionExecute<Record<string, unknown>>(
    digestChannelVerbs.setChannel,
    async (context, _state, data): Promise<AdaptiveCard> =>
      asManager(context, async (actor) => {
        const activity = context.activity;
        const teamId = teamIdOf(activity);
        if (!teamId) return refuse(en.digestChannel.notInTeam);
        const [channels, programs] = await Promise.all([teamChannels(context, teamId, deps.log), deps.programNames(actor.tenantId)]);
        const parsed = choice.safeParse(data);
        const chosen = parsed.success ? channels.find((c) => c.id === parsed.data[DIGEST_CHANNEL_INPUT]) : undefined;
        const program = parsed.success ? programs.find((p) => p.id === parsed.data[DIGEST_PROGRAM_INPUT]) : undefined;
        if (!parsed.success || !chosen || !program)
          return digestChannelCard({ channels, programs, problem: en.digestChannel.unknownChannel });

        const channelName = channelTitle(chosen);
        const saved = await setProgramChannel({ programs: deps.programs, channels: deps.channels }, actor, {
          programId: program.id,
          teamId,
          channelId: chosen.id,
          channelName,
          tenantId: tenantIdOf(activity) ?? '',
          serviceUrl: activity.serviceUrl,
          reference: channelReference(activity, chosen.id),
          setBy: actor.id,
          setAt: deps.now().toISOString(),
        });
        if (!saved.ok) return refuse(saved.error);
        deps.log.info('digest channel chosen', { programId: program.id });
        const done = digestChannelSetCard({ programName: program.name, channelName, setByName: activity.from?.name });
        // The answer replaces the card for the manager; the team sees the choice made, not a stale picker.
        if (activity.replyToId) {
          await context.updateActivity({ ...cardMessage(done), id: activity.replyToId }).catch((error: unknown) => {
            deps.log.warn('could not update the digest channel card for everyone', {
              error: error instanceof Error ? error.message : String(error),
            });
          });
        }
        return done;
      }),
  );
}
