// The draft every door offers for a feedback request: the goal's priority's behaviors, a close date
// two weeks ahead, tomorrow at the earliest; none for a goal that is not active.
import { describe, expect, it } from 'vitest';
import { DEFAULT_OPEN_DAYS, closeDateProblem, feedbackDraft } from '../../shared/feedback/feedbackDraft';

const source = {
  goals: [
    { value: { id: 'oncall', title: 'Lead on-call', status: 'active' as const, priorityId: 'reliability' } },
    { value: { id: 'solo', title: 'Read more', status: 'active' as const } },
    { value: { id: 'done', title: 'Ship the thing', status: 'completed' as const, priorityId: 'reliability' } },
  ],
  program: { priorities: [{ id: 'reliability', behaviors: ['Designs for failure', 'Owns incidents end to end'] }] },
};

describe('the feedback request draft', () => {
  it('prefills the behaviors of the goal’s priority and the close dates', () => {
    expect(feedbackDraft(source, 'oncall', '2026-12-30')).toEqual({
      goal: { id: 'oncall', title: 'Lead on-call' },
      behaviors: ['Designs for failure', 'Owns incidents end to end'],
      closesOn: '2027-01-13',
      earliestClose: '2026-12-31',
    });
    expect(DEFAULT_OPEN_DAYS).toBe(14);
  });

  it('has no behaviors for a goal without a priority, and no draft for a goal that is not active or not there', () => {
    expect(feedbackDraft(source, 'solo', '2026-12-30')?.behaviors).toEqual([]);
    expect(feedbackDraft(source, 'done', '2026-12-30')).toBeUndefined();
    expect(feedbackDraft(source, 'nope', '2026-12-30')).toBeUndefined();
  });

  it('takes a close date after today only', () => {
    expect(closeDateProblem('2026-12-30', '2026-12-30')).toBe('Pick a close date after today.');
    expect(closeDateProblem('2026-12-29', '2026-12-30')).toBeDefined();
    expect(closeDateProblem('2026-12-31', '2026-12-30')).toBeUndefined();
  });
});
