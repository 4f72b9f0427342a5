import { describe, expect, it } from 'vitest';
import { offeredPriorities, type StrategicPriority } from '../../shared/program';
import { removedPrioritiesInUse } from '../../shared/program/priorityArchive';

const priority = (id: string, name: string, archived?: boolean): StrategicPriority => ({
  id,
  name,
  description: '',
  behaviors: [],
  ...(archived === undefined ? {} : { archived }),
});
const reliability = priority('rel', 'Customer reliability');
const ai = priority('ai', 'AI-enabled products');
const leadership = priority('lead', 'Cross-team leadership');

describe('removing a strategic priority', () => {
  it('is refused for each priority goals still use, naming it and how many goals', () => {
    const issues = removedPrioritiesInUse([reliability, ai, leadership], [leadership], { rel: 1, ai: 3 });
    expect(issues).toEqual([
      { path: 'priorities', message: '“Customer reliability” is used by a goal: archive it instead of removing it.' },
      { path: 'priorities', message: '“AI-enabled products” is used by 3 goals: archive it instead of removing it.' },
    ]);
  });

  it('goes ahead for a priority no goal uses, and for kept or archived ones', () => {
    expect(removedPrioritiesInUse([reliability, ai], [reliability], { rel: 2 })).toEqual([]);
    expect(removedPrioritiesInUse([reliability], [{ ...reliability, archived: true }], { rel: 2 })).toEqual([]);
  });
});

describe('the priorities offered for a new goal', () => {
  it('leave out the archived ones', () => {
    expect(offeredPriorities([reliability, priority('ai', 'AI', true), leadership])).toEqual([reliability, leadership]);
  });
});
