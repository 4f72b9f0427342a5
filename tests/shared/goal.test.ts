import { describe, expect, it } from 'vitest';
import { goalCreateInput, goalPatchInput } from '../../shared/api';
import { addDays, isoDate, timeZone, todayIn } from '../../shared/dates';
import { goalProgress } from '../../shared/goal';
import { isOverdue } from '../../shared/milestone';
import { changeKind, diffGoal } from '../../shared/plan/goalRevisions';
import { toFieldIssues } from '../../shared/validation';

describe('goalProgress', () => {
  it('is the share of the way from baseline to target, clamped to 0..1', () => {
    expect(goalProgress({ baseline: 0, target: 4, current: 1 })).toBe(0.25);
    expect(goalProgress({ baseline: 10, target: 0, current: 5 })).toBe(0.5); // a goal to reduce something
    expect(goalProgress({ baseline: 0, target: 4, current: 9 })).toBe(1);
    expect(goalProgress({ baseline: 0, target: 4, current: -3 })).toBe(0);
    expect(goalProgress({ baseline: 0, target: 4 })).toBe(0);
  });

  it('is undefined until the goal is measurable', () => {
    expect(goalProgress({ baseline: 0, target: undefined, current: 1 })).toBeUndefined();
    expect(goalProgress({ baseline: 3, target: 3, current: 3 })).toBeUndefined();
  });
});

describe('dates', () => {
  it('knows today in a person’s own time zone', () => {
    const now = new Date('2026-03-01T20:00:00Z');
    expect(todayIn('America/Los_Angeles', now)).toBe('2026-03-01');
    expect(todayIn('Asia/Kolkata', now)).toBe('2026-03-02'); // +05:30
    expect(todayIn('Pacific/Chatham', now)).toBe('2026-03-02'); // +13:45 in summer
  });

  it('rejects dates that do not exist and unknown time zones', () => {
    expect(isoDate.safeParse('2026-02-30').success).toBe(false);
    expect(isoDate.safeParse('2026-2-3').success).toBe(false);
    expect(isoDate.safeParse('2028-02-29').success).toBe(true);
    expect(timeZone.safeParse('Mars/Olympus').success).toBe(false);
    expect(timeZone.safeParse('Asia/Kathmandu').success).toBe(true);
  });

  it('adds days across month ends', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('marks an open milestone overdue only after its due date', () => {
    expect(isOverdue({ done: false, dueDate: '2026-03-01' }, '2026-03-02')).toBe(true);
    expect(isOverdue({ done: false, dueDate: '2026-03-02' }, '2026-03-02')).toBe(false);
    expect(isOverdue({ done: true, dueDate: '2026-03-01' }, '2026-03-02')).toBe(false);
  });
});

describe('goal input schemas', () => {
  it('refuse an empty title, unknown fields, wrong types and a target equal to the baseline', () => {
    const res = goalCreateInput.safeParse({ title: '  ', extra: 1, baseline: '3', target: 3 });
    expect(res.success).toBe(false);
    if (res.success) return;
    const issues = toFieldIssues(res.error);
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: 'title', message: 'Give the goal a title.' },
        { path: '', message: 'Unknown field: extra.' },
        { path: 'baseline', message: 'Enter a number.' },
      ]),
    );
    const same = goalCreateInput.safeParse({ title: 'x', baseline: 3, target: 3 });
    expect(same.success).toBe(false);
    if (!same.success)
      expect(toFieldIssues(same.error)).toEqual([{ path: 'target', message: expect.stringContaining('differ from the baseline') }]);
  });

  it('refuse text longer than a plan may hold', () => {
    const res = goalCreateInput.safeParse({ title: 'x', description: 'y'.repeat(40_000) });
    expect(res.success).toBe(false);
    if (!res.success) expect(toFieldIssues(res.error)).toEqual([{ path: 'description', message: 'Use at most 2000 characters.' }]);
  });

  it('let a patch clear optional fields with null but never the title', () => {
    expect(goalPatchInput.safeParse({ target: null }).success).toBe(true);
    expect(goalPatchInput.safeParse({ title: null }).success).toBe(false);
    expect(goalPatchInput.safeParse({ reason: 'only a reason' }).success).toBe(false);
  });
});

describe('goal history', () => {
  it('records each changed field with its old and new value', () => {
    const before = { title: 'A', description: 'd', target: 4, status: 'active' as const };
    const after = { ...before, target: 6, metric: 'count', status: 'active' as const } as never;
    expect(diffGoal(before, after)).toEqual([
      { field: 'metric', from: null, to: 'count' },
      { field: 'target', from: 4, to: 6 },
    ]);
  });

  it('names status transitions', () => {
    expect(changeKind(undefined, 'active')).toBe('created');
    expect(changeKind('active', 'active')).toBe('updated');
    expect(changeKind('active', 'completed')).toBe('completed');
    expect(changeKind('active', 'dropped')).toBe('dropped');
    expect(changeKind('dropped', 'active')).toBe('reopened');
  });
});
