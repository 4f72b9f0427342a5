import { describe, expect, it } from 'vitest';
import { goalCreateInput, milestoneCreateInput } from '../../shared/api';
import { z } from 'zod';
import { isoDate, isoInstant } from '../../shared/dates';
import { toFieldIssues } from '../../shared/validation';

const messageOf = (value: unknown) => {
  const parsed = isoDate.safeParse(value);
  return parsed.success ? undefined : toFieldIssues(parsed.error).map((i) => i.message);
};

describe('date messages (shown beside a date control that shows the browser’s own format)', () => {
  it('names no format: an empty date asks for one, a partial one for the rest, an impossible one says so', () => {
    expect(messageOf('')).toEqual(['Pick a date.']);
    expect(messageOf('2026-3-1')).toEqual(['Enter a complete date: day, month and year.']);
    expect(messageOf('2027-02-30')).toEqual(['That date does not exist.']);
    expect(messageOf('2027-02-28')).toBeUndefined();
  });

  it('is the one message a form and the API give for a milestone or goal without a usable date', () => {
    const milestone = milestoneCreateInput.safeParse({ title: 'First review', dueDate: '' });
    expect(milestone.success || toFieldIssues(milestone.error)).toEqual([{ path: 'dueDate', message: 'Pick a date.' }]);
    const goal = goalCreateInput.safeParse({ title: 'Talk', description: '', dueDate: '31/03/2026' });
    expect(goal.success || toFieldIssues(goal.error)).toEqual([
      { path: 'dueDate', message: 'Enter a complete date: day, month and year.' },
    ]);
    for (const issue of [...(milestone.success ? [] : milestone.error.issues), ...(goal.success ? [] : goal.error.issues)]) {
      expect(issue.message).not.toMatch(/\d{4}-\d{2}-\d{2}|YYYY/);
    }
  });
});

describe('an instant', () => {
  it("is accepted and refused exactly as zod's own datetime check with offsets does, with the same issue", () => {
    const zods = z.string().datetime({ offset: true });
    const samples = [
      '2026-03-01T09:30:00Z',
      '2026-03-01T09:30:00.123Z',
      '2026-03-01T09:30:00.123456789Z',
      '2026-03-01T09:30:00+01:00',
      '2026-03-01T09:30:00-0530',
      '2026-03-01T09:30Z',
      '2026-03-01T09:30:00',
      '2026-03-01 09:30:00Z',
      '2026-02-30T09:30:00Z',
      '2026-13-01T09:30:00Z',
      '2026-03-01T24:00:00Z',
      '2026-03-01',
      '',
      'yesterday',
      42,
      null,
    ];
    for (const sample of samples) {
      const ours = isoInstant.safeParse(sample);
      const theirs = zods.safeParse(sample);
      expect(ours.success, String(sample)).toBe(theirs.success);
      if (!ours.success) expect(ours.error.issues, String(sample)).toEqual(theirs.error?.issues);
    }
  });
});
