// The checkpoint cards against the Adaptive Card 1.5 schema, and what they say.
import { describe, expect, it } from 'vitest';
import { checkpointReminderCard, checkpointSummaryCard } from '../../bot/cards/checkpointCards';
import type { Checkpoint } from '../../shared/checkpoints/checkpoint';
import { defaultScorecardMetrics } from '../../shared/program';
import { expectValidCard } from '../support/cardSchema';

const links = { tab: 'https://teams.microsoft.com/l/entity/app/mentoring', browser: 'http://localhost:3978/' };
const checkpoint: Checkpoint = {
  tenantId: 'tenant',
  pairId: 'pair-1',
  dueDate: '2026-04-05',
  number: 1,
  from: '2026-01-05',
  to: '2026-04-05',
  revision: 1,
  status: 'signed_off',
  ratings: { mentee: { quality: 4 }, mentor: { quality: 3 } },
  reflections: { worked: 'a', didNotWork: 'b', insights: 'c' },
  recalibrations: [{ goalId: 'g', decision: 'keep', reason: 'fine' }],
  breakthroughs: [],
  agreementReviewed: true,
  signedOffAt: '2026-04-05T10:00:00.000Z',
  scorecard: [
    { metricId: 'task-completion', value: 67, done: 2, total: 3 },
    { metricId: 'quality', value: 3.5, mentee: 4, mentor: 3 },
    { metricId: 'stakeholder-satisfaction', responses: 0 },
  ],
  sharedWithProgram: false,
  updatedAt: '2026-04-05T10:00:00.000Z',
  updatedBy: 'x',
};

describe('checkpoint cards', () => {
  it('the reminder names the date and links to the checkpoint and a meeting draft', () => {
    const card = checkpointReminderCard({
      pairId: 'pair-1',
      period: { number: 1, dueDate: '2026-04-05', from: '2026-01-05', to: '2026-04-05' },
      intervalMonths: 3,
      otherName: 'Priya',
      meetingUrl: 'https://teams.microsoft.com/l/meeting/new?subject=Checkpoint',
      links,
    });
    expectValidCard(card);
    expect(card.actions!.map((a) => ('url' in a ? a.url : ''))).toEqual([
      expect.stringContaining('subEntityId'),
      'http://localhost:3978/plans/pair-1/checkpoints',
      'https://teams.microsoft.com/l/meeting/new?subject=Checkpoint',
    ]);
  });

  it('the summary shows the latest scorecard beside the previous one', () => {
    const previous = { scorecard: [{ metricId: 'task-completion', value: 50, done: 1, total: 2 }] };
    const card = checkpointSummaryCard({ checkpoint, previous, metrics: defaultScorecardMetrics, otherName: 'Alex', links });
    expectValidCard(card);
    const facts = (card.body.find((e) => e.type === 'FactSet') as { facts: { title: string; value: string }[] }).facts;
    expect(facts).toEqual([
      { title: 'Task completion rate', value: '67% (before: 50%)' },
      { title: 'Quality of outcomes', value: '3.5 / 5 (before: no data)' },
      { title: 'Stakeholder satisfaction', value: 'no data (before: no data)' },
      { title: 'Speed of learning transfer', value: 'no data (before: no data)' },
    ]);
  });

  it('the first summary says there is nothing before it', () => {
    const card = checkpointSummaryCard({ checkpoint, metrics: defaultScorecardMetrics, otherName: 'Alex', links: { tab: links.tab } });
    expectValidCard(card);
    expect(JSON.stringify(card)).toContain('The first scorecard');
  });
});
