import { describe, expect, it } from 'vitest';
import { csvField, programHealthCsv, programHealthView } from '../../shared/health/healthView';
import { isoWeekOf, pairHealthRow, sliceKey, sliceOfKey, type PairHealthSourceRows } from '../../shared/health/pairHealth';
import { applyContribution, emptyContribution } from '../../shared/health/programHealth';
import { suppressedNote } from '../../shared/health/smallGroups';
import type { Mentorship } from '../../shared/mentorship';
import { defaultScorecardMetrics } from '../../shared/program';

const now = new Date('2026-11-20T12:00:00.000Z');
const program = { id: 'p', checkpointIntervalMonths: 3 };
const member = (id: string, displayName: string) => ({ id, displayName, timeZone: 'Europe/London' });

function rows(over: Partial<Mentorship> = {}, rest: Partial<PairHealthSourceRows> = {}): PairHealthSourceRows {
  return {
    mentorship: {
      id: 'pair-1',
      tenantId: 't',
      programId: 'p',
      mentorId: 'm',
      menteeId: 'e',
      startDate: '2026-10-01',
      status: 'active',
      acceptedByMentorAt: '2026-10-01T09:00:00.000Z',
      acceptedByMenteeAt: '2026-10-01T09:00:00.000Z',
      ...over,
    } as Mentorship,
    members: { mentor: member('m', 'Priya'), mentee: member('e', 'Alex') },
    goals: [],
    checkIns: [],
    feedback: [],
    checkpoints: [],
    ...rest,
  };
}

describe('a pair’s health row', () => {
  it('counts check-ins due and answered by ISO week, goals by priority (dropped ones not), and feedback answered of asked', () => {
    const row = pairHealthRow(
      rows(
        { cohort: '2026 autumn' },
        {
          checkIns: [
            { dueAt: '2026-11-16T09:00:00.000Z', status: 'answered', answeredAt: '2026-11-16T18:00:00.000Z' },
            { dueAt: '2026-11-09T09:00:00.000Z', status: 'missed' },
            // Not due yet: not counted.
            { dueAt: '2026-11-23T09:00:00.000Z', status: 'sent' },
          ],
          goals: [{ status: 'active', priorityId: 'a' }, { status: 'completed' }, { status: 'dropped', priorityId: 'b' }],
          feedback: [{ asked: 3, responses: 2 }],
        },
      ),
      program,
      now,
    );
    expect(row.contribution.checkInsDue).toEqual({ '2026-W47': 1, '2026-W46': 1 });
    expect(row.contribution.checkInsAnswered).toEqual({ '2026-W47': 1 });
    expect(row.contribution.goalsByPriority).toEqual({ a: 1, none: 1 });
    expect([row.contribution.feedbackAsked, row.contribution.feedbackAnswered]).toEqual([3, 2]);
    expect(row.slices).toEqual(['all', 'cohort|2026 autumn', 'priority|a', 'priority|none']);
    expect(row.atRisk).toBe(false);
    // Silent for 21 days from the last answer: the day to look again.
    expect(row.recheckOn).toBe('2026-12-07');
  });

  it('is at risk while the agreement waits, and counts only a scorecard the mentee shared', () => {
    const { acceptedByMenteeAt: _a, ...m } = rows().mentorship;
    const row = pairHealthRow(
      {
        ...rows(),
        mentorship: m as Mentorship,
        checkIns: [{ dueAt: '2026-11-16T09:00:00.000Z', status: 'answered', answeredAt: '2026-11-16T18:00:00.000Z' }],
        checkpoints: [
          { dueDate: '2026-10-15', status: 'signed_off', sharedWithProgram: false, scorecard: [{ metricId: 'quality', value: 2 }] },
          { dueDate: '2026-11-15', status: 'draft', sharedWithProgram: true, scorecard: [{ metricId: 'quality', value: 5 }] },
        ],
      },
      program,
      now,
    );
    expect(row.atRisk).toBe(true);
    expect(row.contribution.acceptedAgreements).toBe(0);
    expect(row.contribution.latestScores).toEqual({});
    expect(row.contribution.scoresByPeriod).toEqual({});
    expect(row.names).toEqual({ mentor: 'Priya', mentee: 'Alex' });
  });

  it('keys each signed-off shared checkpoint’s values by the quarter it was due in, the later one of a quarter only', () => {
    const row = pairHealthRow(
      rows(
        {},
        {
          checkpoints: [
            { dueDate: '2026-12-31', status: 'signed_off', sharedWithProgram: true, scorecard: [{ metricId: 'quality', value: 3.6 }] },
            { dueDate: '2026-07-01', status: 'signed_off', sharedWithProgram: true, scorecard: [{ metricId: 'quality', value: 2 }] },
            {
              dueDate: '2026-10-01',
              status: 'signed_off',
              sharedWithProgram: true,
              scorecard: [
                { metricId: 'quality', value: 1 },
                { metricId: 'speed', value: 5 },
              ],
            },
            { dueDate: '2026-09-30', status: 'signed_off', sharedWithProgram: false, scorecard: [{ metricId: 'quality', value: 5 }] },
            { dueDate: '2027-01-02', status: 'draft', sharedWithProgram: true, scorecard: [{ metricId: 'quality', value: 5 }] },
          ],
        },
      ),
      program,
      now,
    );
    expect(row.contribution.scoresByPeriod).toEqual({ '2026-Q3|quality:2': 1, '2026-Q4|quality:4': 1 });
    expect(row.contribution.latestScores).toEqual({ 'quality:4': 1 });
  });

  it('names ISO weeks across a year’s end, and slice keys round-trip', () => {
    expect(isoWeekOf('2027-01-01T10:00:00.000Z')).toBe('2026-W53');
    expect(isoWeekOf('2026-12-28T10:00:00.000Z')).toBe('2026-W53');
    expect(isoWeekOf('2025-12-29T10:00:00.000Z')).toBe('2026-W01');
    for (const s of [{ kind: 'all' }, { kind: 'cohort', cohort: 'a|b' }, { kind: 'priority', priorityId: 'none' }] as const)
      expect(sliceOfKey(sliceKey(s))).toEqual(s);
  });
});

describe('the health view and its CSV', () => {
  const p = {
    id: 'p',
    name: 'P',
    priorities: [{ id: 'a', name: 'Alpha, first', description: '', behaviors: [] }],
    scorecardMetrics: defaultScorecardMetrics,
  };

  it('hides a priority’s goals when fewer than five people have goals on it, though the program is larger', () => {
    const pair = pairHealthRow(rows({}, { goals: [{ status: 'active', priorityId: 'a' }] }), program, now).contribution;
    const other = { ...emptyContribution(), pairs: 1 };
    let all = emptyContribution();
    for (let i = 0; i < 4; i++) all = applyContribution(all, other, 1);
    all = applyContribution(all, pair, 1);
    const slicePairs = { all: 5, 'priority|a': 1 };
    const view = programHealthView({ program: p as never, slice: { kind: 'all' }, totals: all, slicePairs, atRisk: [], now });
    expect(view.participation.shown).toBe(true);
    expect(view.goalsByPriority).toEqual([{ priorityId: 'a', name: 'Alpha, first', figure: { shown: false, note: suppressedNote } }]);
    const csv = programHealthCsv(view);
    expect(csv).toContain('"Goals: Alpha, first",,"Hidden: fewer than 5 people');
    expect(csv).toContain('\r\nPairs,5,\r\n');
  });

  it('shows each metric’s trend by quarter in the program’s order, and writes one CSV row per metric and quarter', () => {
    const scored = (q3: number, q4: number) => ({
      ...emptyContribution(),
      pairs: 1,
      scoresByPeriod: { [`2026-Q3|quality:${q3}`]: 1, [`2026-Q4|quality:${q4}`]: 1, [`2026-Q4|task-completion:${q4 * 20}`]: 1 },
    });
    const five = [1, 2, 3, 4, 5].reduce((t, q) => applyContribution(t, scored(q, 5), 1), emptyContribution());
    const view = programHealthView({ program: p as never, slice: { kind: 'all' }, totals: five, slicePairs: { all: 5 }, atRisk: [], now });
    expect(view.scoreTrends.map((t) => [t.metricId, t.periods.map((x) => [x.period, x.figure.shown && x.figure.value.mean])])).toEqual([
      ['task-completion', [['2026-Q4', 100]]],
      [
        'quality',
        [
          ['2026-Q3', 3],
          ['2026-Q4', 5],
        ],
      ],
    ]);
    const quality = defaultScorecardMetrics.find((m) => m.id === 'quality')!.name;
    expect(programHealthCsv(view)).toContain(`\r\n${csvField(`Scorecard mean: ${quality}, 2026-Q3`)},3,\r\n`);

    const two = [1, 2].reduce((t, q) => applyContribution(t, scored(q, 5), 1), emptyContribution());
    const small = programHealthView({ program: p as never, slice: { kind: 'all' }, totals: two, slicePairs: { all: 2 }, atRisk: [], now });
    expect(small.scoreTrends.flatMap((t) => t.periods).every((x) => !x.figure.shown)).toBe(true);
    expect(programHealthCsv(small)).toContain(`\r\n${csvField(`Scorecard mean: ${quality}, 2026-Q4`)},,${csvField(suppressedNote)}\r\n`);
  });

  it('quotes fields and defuses a leading formula sign', () => {
    expect(csvField('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvField('a "b"')).toBe('"a ""b"""');
    expect(csvField('plain')).toBe('plain');
  });
});
