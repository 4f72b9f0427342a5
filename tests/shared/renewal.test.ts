import { describe, expect, it } from 'vitest';
import { checkRenewal, goalsNeedingPriority, renewalInput, renewalOpen, renewalOpensOn, statusAfter } from '../../shared/renewal/renewal';

const context = {
  priorities: [
    { id: 'p1', name: 'Customer trust', description: '', behaviors: [] },
    { id: 'old', name: 'Retired', description: '', behaviors: [], archived: true },
  ],
  today: '2027-01-20',
};

const goals = [
  { id: 'g1', status: 'active' as const, title: 'Lead a design review', priorityId: 'p1' },
  { id: 'g2', status: 'active' as const, title: 'Ship the pilot', priorityId: 'old' },
  { id: 'g3', status: 'completed' as const, title: 'Done already', priorityId: 'p1' },
];

describe('renewal', () => {
  it('opens two weeks before the cycle ends', () => {
    expect(renewalOpensOn('2027-01-31')).toBe('2027-01-17');
    expect(renewalOpen('2027-01-31', '2027-01-16')).toBe(false);
    expect(renewalOpen('2027-01-31', '2027-01-17')).toBe(true);
  });

  it('flags open goals whose priority the program no longer has, or that have none', () => {
    expect(goalsNeedingPriority([...goals, { id: 'g4', status: 'active' as const }], ['p1'])).toEqual(['g2', 'g4']);
  });

  it('accepts a renewal that decides every open goal once', () => {
    const input = renewalInput.parse({
      goals: [
        { goalId: 'g1', decision: 'carry_over' },
        { goalId: 'g2', decision: 'drop', reason: 'The pilot was cancelled.' },
      ],
      pair: 'continue',
      mentorOffer: { strengths: ['Gives clear, kind feedback'], capacity: 1 },
    });
    expect(checkRenewal(input, goals, 'mentee', context)).toEqual({ ok: true, value: input });
    expect([statusAfter('carry_over'), statusAfter('complete'), statusAfter('drop')]).toEqual(['active', 'completed', 'dropped']);
  });

  it('names an undecided goal, a goal decided twice, a closed goal, a change of mentor without reason, and a mentor offering', () => {
    const result = checkRenewal(
      {
        goals: [
          { goalId: 'g1', decision: 'complete' },
          { goalId: 'g1', decision: 'carry_over' },
          { goalId: 'g3', decision: 'carry_over' },
        ],
        pair: 'change_mentor',
        mentorOffer: { strengths: ['x'], capacity: 1 },
      },
      goals,
      'mentor',
      context,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.issues).toEqual([
      { path: 'goals.1.goalId', message: 'Each goal is decided once.' },
      { path: 'goals.2.goalId', message: 'Only open goals of this pair are decided at renewal.' },
      { path: 'goals', message: 'Decide what happens to “Ship the pilot”.' },
      { path: 'pairReason', message: 'Say why you would like another mentor.' },
      { path: 'mentorOffer', message: 'Only the mentee offers to mentor at renewal.' },
    ]);
  });

  it('sets new goals only against a current priority, not in the past, and only when the pair continues', () => {
    const decided = [
      { goalId: 'g1', decision: 'carry_over' as const },
      { goalId: 'g2', decision: 'complete' as const },
    ];
    const fine = renewalInput.parse({
      goals: decided,
      pair: 'continue',
      newGoals: [{ title: 'Mentor a new hire', priorityId: 'p1', dueDate: '2027-06-30' }],
    });
    expect(checkRenewal(fine, goals, 'mentor', context).ok).toBe(true);
    const bad = checkRenewal(
      {
        goals: decided,
        pair: 'close',
        newGoals: [
          { title: 'On a retired priority', priorityId: 'old' },
          { title: 'Late already', priorityId: 'p1', dueDate: '2027-01-19' },
        ],
      },
      goals,
      'mentee',
      context,
    );
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.error.issues).toEqual([
      { path: 'newGoals', message: 'Goals for the next cycle are set only when the pair continues.' },
      { path: 'newGoals.0.priorityId', message: 'Choose one of the program’s current priorities for “On a retired priority”.' },
      { path: 'newGoals.1.dueDate', message: 'The due date of “Late already” is in the past.' },
    ]);
    expect(renewalInput.safeParse({ goals: decided, pair: 'continue', newGoals: [{ title: '', priorityId: 'p1' }] }).success).toBe(false);
  });

  it('a dropped goal needs a reason; unknown fields are refused', () => {
    expect(renewalInput.safeParse({ goals: [{ goalId: 'g1', decision: 'drop' }], pair: 'close' }).success).toBe(false);
    expect(renewalInput.safeParse({ goals: [], pair: 'close', extra: 1 }).success).toBe(false);
    expect(renewalInput.safeParse({ goals: [], pair: 'renew' }).success).toBe(false);
  });
});
