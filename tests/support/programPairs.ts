// Pairs added to a program for a test, each with its own two people and one goal (on a priority,
// or on none), and signed-off checkpoints their mentees shared: written through the server's
// repositories, as the app writes them.
import { demoPairIds } from '../../bot/dev/demoData';
import { emptyCheckpoint, type ScorecardValue } from '../../shared/checkpoints/checkpoint';
import { addDays } from '../../shared/dates';
import type { Goal, GoalRevision } from '../../shared/goal';
import type { Mentorship } from '../../shared/mentorship';
import { DEVELOPMENT_TENANT_ID, summarizePerson, type Person } from '../../shared/person';
import type { TestServer } from './testServer';

export interface PairPlan {
  /** Numbers the pair (`program-pair-{n}`) and its people (`Program Person {100+n}` mentors `{200+n}`). */
  n: number;
  programId: string;
  cohort: string;
  startedDaysAgo: number;
  /** Whether the mentee accepted the agreement too (the mentor always did). */
  accepted: boolean;
  /** The goal's priority; none links it to no priority. */
  priorityId?: string;
}

export const programPairId = (n: number) => `program-pair-${n}`;

export const programPerson = (n: number, tenantId = DEVELOPMENT_TENANT_ID): Person => ({
  id: `6e000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  tenantId,
  displayName: `Program Person ${n}`,
  email: `program.person.${n}@contoso.example`,
  timeZone: 'Europe/London',
  workingHours: { start: '09:00', end: '17:00', days: [1, 2, 3, 4, 5] },
  mentorCapacity: 5,
});

/** Adds the pairs, modelled on the demo pair of Alex (its agreement and first goal). */
export async function addProgramPairs(server: TestServer, plans: PairPlan[], today: string): Promise<void> {
  const repos = server.app.repositories;
  const alex = (await repos.plans.load(demoPairIds.alex))!;
  for (const plan of plans) {
    const mentor = programPerson(100 + plan.n);
    const mentee = programPerson(200 + plan.n);
    await Promise.all([repos.people.save(mentor), repos.people.save(mentee)]);
    const startDate = addDays(today, -plan.startedDaysAgo);
    const at = `${startDate}T09:00:00.000Z`;
    const { acceptedByMenteeAt: _a, ...template } = alex.mentorship.value;
    const m: Mentorship = {
      ...template,
      id: programPairId(plan.n),
      programId: plan.programId,
      mentorId: mentor.id,
      menteeId: mentee.id,
      startDate,
      status: 'active',
      cohort: plan.cohort,
      acceptedByMentorAt: at,
      ...(plan.accepted ? { acceptedByMenteeAt: at } : {}),
    };
    const created = await repos.plans.createPair(m, { mentor: summarizePerson(mentor), mentee: summarizePerson(mentee) });
    if (!created.ok) throw new Error(`Adding pair ${m.id}: ${created.error.message}`);
    const { priorityId: _p, ...unlinked } = alex.goals[0]!.value;
    const goal: Goal = {
      ...unlinked,
      ...(plan.priorityId ? { priorityId: plan.priorityId } : {}),
      id: `g-${plan.n}`,
      pairId: m.id,
      revision: 1,
    };
    const revision: GoalRevision = { goalId: goal.id, revision: 1, change: 'created', at, by: mentee.id, fields: [] };
    const res = await repos.plans.createGoal(goal, revision);
    if (!res.ok) throw new Error(`Adding goal of ${m.id}: ${res.error.message}`);
  }
}

/** Adds a checkpoint of pair `n`, signed off on its due date with this scorecard and shared with the program. */
export async function addSharedCheckpoint(server: TestServer, n: number, dueDate: string, scorecard: ScorecardValue[]): Promise<void> {
  const pairId = programPairId(n);
  const pair = (await server.app.repositories.plans.load(pairId))!;
  const at = `${dueDate}T12:00:00.000Z`;
  const base = emptyCheckpoint(
    {
      tenantId: pair.mentorship.value.tenantId,
      pairId,
      period: { number: 1, dueDate, from: pair.mentorship.value.startDate, to: dueDate },
    },
    at,
    pair.mentorship.value.menteeId,
  );
  const signed = await server.app.repositories.checkpoints.create({
    ...base,
    status: 'signed_off',
    signedByMentorAt: at,
    signedByMenteeAt: at,
    signedOffAt: at,
    sharedWithProgram: true,
    scorecard,
  });
  if (!signed.ok) throw new Error(`Adding a checkpoint of ${pairId}: ${signed.error.message}`);
}
