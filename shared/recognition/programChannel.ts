// The program channel: the Teams channel where the bot posts a program's weekly digest, chosen by
// a program manager when the app is added to a team. Kept with the Bot Framework conversation
// reference of the channel, so the digest can be posted there later without anyone asking.
import { z } from 'zod';
import { isoInstant } from '../dates';
import { limits } from '../limits';
import { personId } from '../person';
import { isProgramManager, type Actor } from '../policy';
import { entityId } from '../program';
import type { ProgramRepository } from '../repositories';
import { fail, type Result, type Versioned } from '../result';

const teamsId = z.string().min(1).max(256);

export const programChannel = z
  .object({
    programId: entityId,
    teamId: teamsId,
    channelId: teamsId,
    channelName: z.string().max(limits.name),
    tenantId: z.string().max(64),
    serviceUrl: z.string().url().max(512),
    /** The channel's conversation reference, as the connector expects it back (plain JSON). */
    reference: z.record(z.unknown()),
    setBy: personId,
    setAt: isoInstant,
  })
  .strict();
export type ProgramChannel = z.infer<typeof programChannel>;

export interface ProgramChannelRepository {
  get(programId: string): Promise<Versioned<ProgramChannel> | undefined>;
  /** Every program that has a channel: few rows, one partition. */
  list(): Promise<Versioned<ProgramChannel>[]>;
  /** Creates (no ETag) or replaces the version read (its ETag); a mismatch or a taken key is a `conflict`. */
  save(channel: ProgramChannel, etag: string | undefined): Promise<Result<Versioned<ProgramChannel>>>;
}

/** A program manager (app role or the program's manager list) sets where the program's digest goes. */
export async function setProgramChannel(
  deps: { programs: Pick<ProgramRepository, 'get'>; channels: ProgramChannelRepository },
  actor: Actor,
  channel: ProgramChannel,
): Promise<Result<Versioned<ProgramChannel>>> {
  const program = await deps.programs.get(channel.programId);
  if (!program || !isProgramManager(actor, program.value)) {
    return fail('forbidden', 'Only a manager of the mentoring program chooses the channel for its weekly digest.');
  }
  const parsed = programChannel.safeParse({ ...channel, setBy: actor.id });
  if (!parsed.success) return fail('invalid', 'That channel cannot be used for the digest.');
  const current = await deps.channels.get(channel.programId);
  const saved = await deps.channels.save(parsed.data, current?.etag);
  return saved.ok || saved.error.code !== 'conflict'
    ? saved
    : fail('conflict', 'Someone chose a channel for this program at the same moment. Look at the choice and try again.');
}
