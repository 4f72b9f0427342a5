import { describe, expect, it } from 'vitest';
import { smartGaps, SPECIFIC_DESCRIPTION_MIN } from '../../shared/smart';

const complete = {
  title: 'Lead incident response',
  description: 'Be the incident commander for payments incidents without a shadow.',
  metric: 'Incidents led',
  baseline: 0,
  target: 4,
  resources: 'Training',
  hoursPerMonth: 6,
  priorityId: 'reliability',
  aspiration: 'Go-to engineer in incidents',
  dueDate: '2027-03-31',
};

describe('smartGaps', () => {
  it('finds nothing missing in a complete goal', () => {
    expect(smartGaps(complete)).toEqual([]);
  });

  it('names every missing letter of a bare goal, in S-M-A-R-T order', () => {
    const gaps = smartGaps({ title: 'Get better', description: '' });
    expect(gaps.map((g) => g.letter)).toEqual(['S', 'M', 'A', 'R', 'T']);
    expect(gaps.find((g) => g.letter === 'M')?.reason).toBe('Add a metric, a baseline and a target so progress can be measured.');
    expect(gaps.find((g) => g.letter === 'R')?.reason).toBe('Add the strategic priority it serves and the personal aspiration it serves.');
  });

  it('asks for a longer description when it is too short to be specific', () => {
    const gaps = smartGaps({ ...complete, description: 'x'.repeat(SPECIFIC_DESCRIPTION_MIN - 1) });
    expect(gaps).toEqual([{ letter: 'S', reason: expect.stringContaining(`${SPECIFIC_DESCRIPTION_MIN} characters`) }]);
  });

  it('says exactly which measurable part is missing', () => {
    expect(smartGaps({ ...complete, target: undefined })).toEqual([{ letter: 'M', reason: 'Add a target so progress can be measured.' }]);
    expect(smartGaps({ ...complete, metric: '  ' })).toEqual([{ letter: 'M', reason: 'Add a metric so progress can be measured.' }]);
  });

  it('treats a target equal to the baseline as not measurable', () => {
    expect(smartGaps({ ...complete, target: 0 })[0]).toMatchObject({ letter: 'M', reason: expect.stringContaining('equals the baseline') });
  });

  it('accepts either resources or hours as achievable, but not zero hours alone', () => {
    expect(smartGaps({ ...complete, resources: undefined })).toEqual([]);
    expect(smartGaps({ ...complete, hoursPerMonth: undefined })).toEqual([]);
    expect(smartGaps({ ...complete, resources: '', hoursPerMonth: 0 }).map((g) => g.letter)).toEqual(['A']);
  });

  it('needs both the priority and the aspiration to be relevant', () => {
    expect(smartGaps({ ...complete, aspiration: undefined })).toEqual([{ letter: 'R', reason: 'Add the personal aspiration it serves.' }]);
    expect(smartGaps({ ...complete, priorityId: undefined })).toEqual([{ letter: 'R', reason: 'Add the strategic priority it serves.' }]);
  });

  it('needs a due date to be time-bound', () => {
    expect(smartGaps({ ...complete, dueDate: undefined })).toEqual([{ letter: 'T', reason: 'Set a due date.' }]);
  });
});
