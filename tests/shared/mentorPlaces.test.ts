import { describe, expect, it } from 'vitest';
import { placesTaken, RESERVATION_COUNTS_MS, reservedFor, reservePlace } from '../../shared/matching/mentorPlaces';

const now = new Date('2026-12-02T10:00:00.000Z');
const ago = (ms: number) => new Date(now.getTime() - ms);
const mentorId = 'mentor-1';

describe('mentor places', () => {
  it('counts stored pairs holding a place and recent reservations not stored yet, each once', () => {
    let places = reservePlace(mentorId, undefined, { pairId: 'p1', menteeId: 'a' }, ago(1_000));
    places = reservePlace(mentorId, places, { pairId: 'p2', menteeId: 'b' }, now);
    // p1 is stored (and holds its place), p2 is not stored yet.
    expect(placesTaken({ all: ['p0', 'p1'], holdingPlace: ['p0', 'p1'] }, places, now)).toBe(3);
    // A stored pair that ended frees its place, even though its reservation is recent.
    expect(placesTaken({ all: ['p1'], holdingPlace: [] }, places, now)).toBe(1);
    expect(reservedFor(places, { all: ['p1'], holdingPlace: [] }, 'b', now)).toBe(true);
    expect(reservedFor(places, { all: ['p1'], holdingPlace: [] }, 'a', now)).toBe(false);
  });

  it('drops reservations once the pair index has surely caught up', () => {
    const old = reservePlace(mentorId, undefined, { pairId: 'p1', menteeId: 'a' }, ago(RESERVATION_COUNTS_MS + 1));
    expect(placesTaken({ all: [], holdingPlace: [] }, old, now)).toBe(0);
    expect(reservePlace(mentorId, old, { pairId: 'p2', menteeId: 'b' }, now).reserved.map((r) => r.pairId)).toEqual(['p2']);
  });
});
