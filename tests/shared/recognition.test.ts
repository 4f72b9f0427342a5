// The pure parts of recognition: digest weeks, which wins a digest shows, the feedback note's summary line.
import { describe, expect, it } from 'vitest';
import { firstLine } from '../../shared/recognition/createRecognitionService';
import {
  belongsInDigest,
  digestDueAt,
  digestWeekOf,
  dueDigestWeek,
  weeklyDigest,
  type DigestCandidate,
} from '../../shared/recognition/weeklyDigest';
import type { Win } from '../../shared/recognition/win';

const win = (over: Partial<Win> = {}): Win => ({
  id: 'w1',
  pairId: 'p1',
  text: 'Led the incident review',
  recognizedBy: 'mentor-1',
  at: '2026-11-18T10:00:00.000Z',
  shareInDigest: true,
  ...over,
});
const candidate = (over: Partial<Win>, menteeName = 'Alex Chen', extra: Partial<DigestCandidate> = {}): DigestCandidate => ({
  win: win(over),
  menteeName,
  recognizedByName: 'Priya Raman',
  ...extra,
});

describe('digest weeks', () => {
  it('names a week by its Monday in UTC', () => {
    expect(digestWeekOf('2026-11-16T00:00:00Z')).toBe('2026-11-16'); // a Monday
    expect(digestWeekOf('2026-11-22T23:59:59Z')).toBe('2026-11-16'); // the Sunday after
    expect(digestWeekOf('2026-11-23T00:00:00Z')).toBe('2026-11-23');
    // Late Sunday in Los Angeles is already Monday in UTC.
    expect(digestWeekOf('2026-11-23T07:30:00Z')).toBe('2026-11-23');
  });

  it('makes a week’s digest due the next Monday at 09:00 UTC', () => {
    expect(digestDueAt('2026-11-16').toISOString()).toBe('2026-11-23T09:00:00.000Z');
    expect(dueDigestWeek(new Date('2026-11-23T08:59:59Z'))).toBe('2026-11-09');
    expect(dueDigestWeek(new Date('2026-11-23T09:00:00Z'))).toBe('2026-11-16');
    expect(dueDigestWeek(new Date('2026-11-29T23:00:00Z'))).toBe('2026-11-16');
  });
});

describe('which wins a digest shows', () => {
  it('shows consented wins of the week and of the week before, not older, not shown by another digest', () => {
    expect(belongsInDigest(win(), '2026-11-16')).toBe(true);
    expect(belongsInDigest(win({ shareInDigest: false }), '2026-11-16')).toBe(false);
    expect(belongsInDigest(win(), '2026-11-23')).toBe(true); // a late consent still makes the next digest
    expect(belongsInDigest(win(), '2026-11-30')).toBe(false);
    expect(belongsInDigest(win(), '2026-11-09')).toBe(false); // not before it happened
    expect(belongsInDigest(win({ digestWeek: '2026-11-16' }), '2026-11-23')).toBe(false);
    expect(belongsInDigest(win({ digestWeek: '2026-11-16' }), '2026-11-16')).toBe(true); // a retried post shows it again
  });

  it('groups by mentee in name order, wins oldest first, and counts each win once', () => {
    const digest = weeklyDigest('2026-11-16', 'Engineering Mentoring', [
      candidate({ id: 'w2', at: '2026-11-19T10:00:00.000Z', text: 'Second' }, 'Sam Okafor', { goalTitle: 'Run the review' }),
      candidate({ id: 'w3', at: '2026-11-20T10:00:00.000Z', text: 'Later' }),
      candidate({ id: 'w1', at: '2026-11-17T10:00:00.000Z', text: 'Earlier' }),
      candidate({ id: 'w1', at: '2026-11-17T10:00:00.000Z', text: 'Earlier' }),
      candidate({ id: 'w4', shareInDigest: false, text: 'Private' }),
    ]);
    expect(digest.winCount).toBe(3);
    expect(digest.mentees.map((m) => [m.menteeName, m.wins.map((w) => w.text)])).toEqual([
      ['Alex Chen', ['Earlier', 'Later']],
      ['Sam Okafor', ['Second']],
    ]);
    expect(digest.mentees[1]!.wins[0]).toMatchObject({
      goalTitle: 'Run the review',
      recognizedByName: 'Priya Raman',
      winId: 'w2',
      pairId: 'p1',
    });
  });
});

describe('feedback note summary', () => {
  it('is the first line, trimmed, shortened to what the timeline shows', () => {
    expect(firstLine('  Great review.  \nDetails follow')).toBe('Great review.');
    const long = firstLine('x'.repeat(300));
    expect(long).toHaveLength(200);
    expect(long.endsWith('…')).toBe(true);
  });
});
