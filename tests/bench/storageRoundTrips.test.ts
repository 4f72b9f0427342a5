import { describe, expect, it } from 'vitest';
import { sequentialWaves } from './storageRoundTrips';

describe('sequentialWaves', () => {
  it('counts requests in flight together as one round trip', () => {
    expect(
      sequentialWaves([
        { start: 0, end: 5 },
        { start: 1, end: 4 },
        { start: 2, end: 6 },
      ]),
    ).toBe(1);
  });
  it('counts a request that starts after the earlier ones ended as the next round trip', () => {
    expect(
      sequentialWaves([
        { start: 0, end: 5 },
        { start: 5, end: 8 },
        { start: 9, end: 12 },
      ]),
    ).toBe(3);
  });
  it('joins a request to the wave it overlaps, whatever order they were recorded in', () => {
    expect(
      sequentialWaves([
        { start: 6, end: 9 },
        { start: 0, end: 5 },
        { start: 4, end: 7 },
      ]),
    ).toBe(1);
    expect(sequentialWaves([])).toBe(0);
  });
});
