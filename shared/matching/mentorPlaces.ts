// A mentor's capacity under concurrency. Counting the mentor's pairs and then writing a new one is
// a race: two managers can both see one free place and both take it. So a new pair first reserves
// its place in the mentor's places row, written under the ETag it was read with: of two racing
// reservations one fails and counts again, now seeing the other's. A reservation is counted until
// the pair it announces is surely in the pair index (longer than any cache of that index).
import { z } from 'zod';
import { isoInstant } from '../dates';
import { personId } from '../person';

export const RESERVATION_COUNTS_MS = 5 * 60_000;

export const mentorPlaces = z
  .object({
    mentorId: personId,
    reserved: z.array(z.object({ pairId: z.string().min(1).max(64), menteeId: personId, at: isoInstant }).strict()).max(100),
  })
  .strict();
export type MentorPlaces = z.infer<typeof mentorPlaces>;

const recent = (places: MentorPlaces | undefined, now: Date) =>
  (places?.reserved ?? []).filter((r) => now.getTime() - Date.parse(r.at) < RESERVATION_COUNTS_MS);

/** The mentor's pairs as stored: all their ids, and those that hold a place (not ended). */
export interface StoredPairs {
  all: readonly string[];
  holdingPlace: readonly string[];
}

/** Reservations whose pair is not stored yet (a stored pair counts by its own status). */
const pending = (places: MentorPlaces | undefined, pairs: StoredPairs, now: Date) =>
  recent(places, now).filter((r) => !pairs.all.includes(r.pairId));

/** Places taken: the pairs that hold one, and the pairs reserved moments ago that are not stored yet. */
export function placesTaken(pairs: StoredPairs, places: MentorPlaces | undefined, now: Date): number {
  return pairs.holdingPlace.length + pending(places, pairs, now).length;
}

/** Whether a pair of this mentor with `menteeId` was reserved moments ago and is not stored yet. */
export const reservedFor = (places: MentorPlaces | undefined, pairs: StoredPairs, menteeId: string, now: Date): boolean =>
  pending(places, pairs, now).some((r) => r.menteeId === menteeId);

/** The places row with the new pair's place reserved, old reservations dropped. */
export function reservePlace(
  mentorId: string,
  places: MentorPlaces | undefined,
  pair: { pairId: string; menteeId: string },
  now: Date,
): MentorPlaces {
  return { mentorId, reserved: [...recent(places, now), { ...pair, at: now.toISOString() }] };
}
