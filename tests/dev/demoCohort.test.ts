// The demo program's cohort: about 30 pairs in two intakes, mentees in three time zones, mentors
// within their capacity, every record valid by its schema, a few pairs at risk for each reason,
// enough history for trends, two re-pair requests and a mentor candidate that Jordan sees, and
// everyone enrolled in the program, so matching has mentors to suggest.
import { describe, expect } from 'vitest';
import { COHORT_SIZE, cohortAtRisk, cohortLabels, demoCohort } from '../../bot/dev/demoCohort';
import { DEMO_PROGRAM_ID, DEMO_TENANT_ID, demoPairIds, demoPairs, demoPeople, demoProgram } from '../../bot/dev/demoData';
import { paths, pathFor } from '../../shared/api';
import { todayIn } from '../../shared/dates';
import { checkIn } from '../../shared/checkins/checkIn';
import { checkpoint, missedCheckpoints } from '../../shared/checkpoints/checkpoint';
import { goal } from '../../shared/goal';
import { atRiskReasons, type AtRiskCode } from '../../shared/health/atRisk';
import type { ProgramRequestsView } from '../../shared/matching/programRequests';
import { mentorship } from '../../shared/mentorship';
import { person } from '../../shared/person';
import { serverTest } from '../support/fixtures';

const now = new Date();
const today = todayIn('UTC', now);
const program = demoProgram(today);
const cohort = demoCohort(now, { tenantId: DEMO_TENANT_ID, programId: DEMO_PROGRAM_ID, cycleEnd: program.cycleEnd });

function reasonsOf(j: number): AtRiskCode[] {
  const p = cohort.pairs[j]!;
  const m = p.mentorship;
  const answered = p.checkIns.flatMap((c) => (c.answeredAt ? [c.answeredAt] : [])).sort();
  const signals = {
    status: m.status,
    startedAt: m.startDate,
    lastCheckInAnsweredAt: answered.at(-1),
    agreementUnacceptedSince: m.acceptedByMenteeAt && m.acceptedByMentorAt ? undefined : m.startDate,
    missedCheckpoints:
      m.status === 'active' ? missedCheckpoints(m.startDate, program.checkpointIntervalMonths, p.checkpoints, today).length : 0,
  };
  return atRiskReasons(signals, now).map((r) => r.code);
}

describe('the demo cohort', () => {
  test('has about 30 pairs with the named ones, in two intakes, mentees in three time zones, mentors within capacity', () => {
    const named = demoPairs(now);
    expect(named.map((p) => p.mentorship.id)).toEqual([demoPairIds.alex, demoPairIds.sam]);
    expect(cohort.pairs).toHaveLength(COHORT_SIZE);
    expect(named.length + cohort.pairs.length).toBeGreaterThanOrEqual(28);
    expect(new Set(cohort.pairs.map((p) => p.mentorship.cohort))).toEqual(new Set(Object.values(cohortLabels)));
    expect(new Set(cohort.mentees.map((p) => p.timeZone)).size).toBe(3);
    for (const mentor of cohort.mentors) {
      const mentees = cohort.pairs.filter((p) => p.mentorship.mentorId === mentor.id).length;
      expect(mentees).toBeLessThanOrEqual(mentor.mentorCapacity);
    }
    expect(cohort.mentors.some((m) => cohort.pairs.filter((p) => p.mentor.id === m.id).length < m.mentorCapacity)).toBe(true);
    // Nobody of the cohort takes a named person's id or pair id.
    const namedIds = new Set([...Object.values(demoPeople).map((p) => p.id), ...Object.values(demoPairIds)]);
    for (const id of [...cohort.mentors, ...cohort.mentees].map((p) => p.id).concat(cohort.pairs.map((p) => p.mentorship.id)))
      expect(namedIds.has(id)).toBe(false);
  });

  test('is valid by the schemas, and the same on every build', () => {
    for (const p of [...cohort.mentors, ...cohort.mentees]) expect(() => person.parse(p), p.id).not.toThrow();
    for (const p of cohort.pairs) {
      expect(() => mentorship.parse(p.mentorship), p.mentorship.id).not.toThrow();
      for (const g of p.goals) expect(() => goal.parse(g), g.id).not.toThrow();
      for (const c of p.checkIns) expect(() => checkIn.parse(c), `${p.mentorship.id} ${c.slot}`).not.toThrow();
      for (const c of p.checkpoints) expect(() => checkpoint.parse(c), `${p.mentorship.id} ${c.dueDate}`).not.toThrow();
      expect(new Set(p.checkIns.map((c) => c.slot)).size).toBe(p.checkIns.length);
    }
    expect(demoCohort(now, { tenantId: DEMO_TENANT_ID, programId: DEMO_PROGRAM_ID, cycleEnd: program.cycleEnd })).toEqual(cohort);
  });

  test('has history for trends and a few pairs at risk, for each reason', () => {
    const withHistory = cohort.pairs.filter((p) => p.checkIns.length >= 4);
    expect(withHistory.length).toBeGreaterThan(COHORT_SIZE / 2);
    expect(cohort.pairs.flatMap((p) => p.checkIns).some((c) => c.status === 'missed')).toBe(true);
    expect(cohort.pairs.filter((p) => p.checkpoints.length === 2).length).toBeGreaterThanOrEqual(5);
    for (const j of cohortAtRisk.silent) expect(reasonsOf(j), `pair ${j}`).toContain('no_check_in');
    for (const j of cohortAtRisk.missedCheckpoint) expect(reasonsOf(j), `pair ${j}`).toContain('missed_checkpoint');
    for (const j of cohortAtRisk.agreementUnaccepted) expect(reasonsOf(j), `pair ${j}`).toContain('agreement_unaccepted');
    const atRisk = cohort.pairs.filter((_, j) => reasonsOf(j).length > 0).length;
    expect(atRisk).toBeLessThanOrEqual(COHORT_SIZE / 2);
  });
});

const test = serverTest.override('serverOptions', { cohort: true });

describe('seeded', () => {
  test('the program’s managers see its re-pair requests and its mentor candidate; the named pairs are as before', async ({
    jordan,
    alex,
    server,
  }) => {
    const view = await jordan().get<ProgramRequestsView>(pathFor(paths.programRequests, { programId: DEMO_PROGRAM_ID }));
    expect(view.status).toBe(200);
    expect(view.body.repairs.map((r) => r.reason).sort()).toEqual(cohort.repairs.map((r) => r.reason).sort());
    expect(view.body.repairs.find((r) => r.requestedBy.role === 'mentor')).toBeDefined();
    expect(view.body.candidates).toEqual([
      expect.objectContaining({
        person: { id: cohort.offers[0]!.personId, displayName: cohort.pairs[3]!.mentee.displayName },
        capacity: 2,
      }),
    ]);
    const pair = await server.app.repositories.plans.load(cohort.pairs[0]!.mentorship.id);
    expect(pair?.goals).toHaveLength(2);
    expect((await alex().get(pathFor(paths.plan, { pairId: demoPairIds.alex }))).status).toBe(200);
    expect((await server.app.repositories.plans.pairsOf(demoPeople.mentor.id)).map((r) => r.pairId).sort()).toEqual(
      [demoPairIds.alex, demoPairIds.sam].sort(),
    );
  });

  test('enrols its people, so matching suggests the program’s mentors for a mentee who asked to be re-paired', async ({ jordan }) => {
    const enrolled = await jordan().get<{ enrolled: { enrolment: { value: { personId: string; role: string } } }[] }>(
      pathFor(paths.enrolments, { programId: DEMO_PROGRAM_ID }),
    );
    expect(enrolled.status).toBe(200);
    const as = (role: string) =>
      enrolled.body.enrolled
        .map((e) => e.enrolment.value)
        .filter((e) => e.role === role)
        .map((e) => e.personId)
        .sort();
    expect(as('mentor')).toEqual([demoPeople.mentor.id, ...cohort.mentors.map((m) => m.id)].sort());
    expect(as('mentee')).toEqual([...demoPairs(now).map((p) => p.mentee.id), ...cohort.pairs.map((p) => p.mentee.id)].sort());

    const asker = cohort.repairs.find((r) => r.requestedBy === r.menteeId)!;
    const matching = await jordan().get<{ suggestions: { mentorId: string }[] }>(
      pathFor(paths.matching, { programId: DEMO_PROGRAM_ID, menteeId: asker.menteeId }),
    );
    expect(matching.status).toBe(200);
    const mentors = new Set(as('mentor'));
    expect(matching.body.suggestions.length).toBeGreaterThan(0);
    expect(matching.body.suggestions.every((s) => mentors.has(s.mentorId))).toBe(true);
  });
});
