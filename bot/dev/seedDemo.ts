import { createCheckInScheduling } from '../../shared/checkins/checkInScheduling';
import type { GoalRevision } from '../../shared/goal';
import { summarizePerson } from '../../shared/person';
import { diffGoal } from '../../shared/plan/goalRevisions';
import type {
  CheckInScheduleRepository,
  EnrolmentRepository,
  PeopleRepository,
  PlanRepository,
  ProgramRepository,
} from '../../shared/repositories';
import type { Person } from '../../shared/person';
import type { Enrolment, EnrolmentRole } from '../../shared/program/enrolment';
import { todayIn } from '../../shared/dates';
import { firstLine } from '../../shared/recognition/createRecognitionService';
import type { DigestIndex, WinRepository } from '../../shared/recognition/recognitionRepositories';
import { digestWeekOf } from '../../shared/recognition/weeklyDigest';
import { DEMO_PROGRAM_ID, DEMO_TENANT_ID, demoCheckpoints, demoPairs, demoPeople, demoProgram } from './demoData';
import { demoCohort, type CohortPair } from './demoCohort';
import type { CheckInRepository } from '../../shared/repositories';
import type { ProgramRequestRepository } from '../../shared/matching/programRequests';
import type { CheckpointRepository } from '../../shared/checkpoints/checkpointRepository';
import type { Mentorship } from '../../shared/mentorship';
import type { JournalRepository } from '../../shared/recognition/recognitionRepositories';

interface SeedTargets {
  people: PeopleRepository;
  programs: ProgramRepository;
  plans: PlanRepository;
  /**
   * With it, the demo program's people are enrolled in it: Priya (and the cohort's mentors) as
   * mentors, the mentees as mentees, so matching suggests its mentors for them.
   */
  enrolments?: Pick<EnrolmentRepository, 'createAll'>;
  /** With it, every active demo pair gets its check-in schedule. */
  checkInSchedules?: CheckInScheduleRepository;
  /** With them, the demo pairs get their wins (each with its journal entry; shared ones filed for the digest). */
  wins?: WinRepository;
  digest?: Pick<DigestIndex, 'file'>;
  /** With it, Alex's pair gets its signed-off checkpoints. */
  checkpoints?: Pick<CheckpointRepository, 'create'>;
  /** With it, both people of each active demo pair get their next checkpoint reminder filed. */
  scheduleCheckpointReminders?: (pair: Mentorship) => Promise<void>;
  /** With it, the demo pairs get their journal: each goal set, and notes of every visibility. */
  journal?: Pick<JournalRepository, 'append'>;
  /** With it, the demo program's health is built from the seeded pairs once everything is there. */
  rebuildHealth?: (programId: string) => Promise<unknown>;
  /**
   * With it, the demo program gets its cohort (demoCohort.ts): about 30 pairs with check-in and
   * checkpoint history, pairs at risk, re-pair requests and a mentor candidate.
   */
  cohort?: { checkIns: Pick<CheckInRepository, 'recordSent'>; requests: Pick<ProgramRequestRepository, 'saveRepair' | 'saveOffer'> };
}

/** Pairs of the cohort seeded at once: each is its own partition, so they do not contend. */
const COHORT_PARALLEL = 8;

/** One cohort pair: the pair, its goals with their first history entries, check-ins and checkpoints. */
async function seedCohortPair(targets: SeedTargets, cohort: NonNullable<SeedTargets['cohort']>, p: CohortPair, now: Date) {
  const { plans, checkpoints, checkInSchedules } = targets;
  const created = await plans.createPair(p.mentorship, { mentor: summarizePerson(p.mentor), mentee: summarizePerson(p.mentee) });
  if (!created.ok) throw new Error(`Seeding ${p.mentorship.id}: ${created.error.message}`);
  const results = await Promise.all([
    ...p.goals.map((goal) =>
      plans.createGoal(goal, {
        goalId: goal.id,
        revision: 1,
        change: 'created',
        at: goal.createdAt,
        by: goal.createdBy,
        fields: diffGoal({}, goal),
      }),
    ),
    ...p.checkIns.map((c) => cohort.checkIns.recordSent(c)),
    ...(checkpoints ? p.checkpoints.map((c) => checkpoints.create(c)) : []),
  ]);
  const failed = results.find((r) => !r.ok);
  if (failed && !failed.ok) throw new Error(`Seeding ${p.mentorship.id}: ${failed.error.message}`);
  if (checkInSchedules && p.mentorship.status === 'active') {
    const scheduled = await createCheckInScheduling({ plans, schedules: checkInSchedules, now: () => now }).scheduleNext(p.mentorship);
    if (!scheduled.ok) throw new Error(`Scheduling check-ins of ${p.mentorship.id}: ${scheduled.error.message}`);
  }
}

/** A demo person's enrolment in the demo program, as a program manager's enrolment would write it. */
function demoEnrolment(person: Person, role: EnrolmentRole, at: Date, cohort?: string): Enrolment {
  return {
    programId: DEMO_PROGRAM_ID,
    tenantId: person.tenantId,
    personId: person.id,
    role,
    displayName: person.displayName,
    ...(person.email ? { email: person.email } : {}),
    timeZone: person.timeZone,
    workingHours: person.workingHours,
    mentorCapacity: role === 'mentor' ? person.mentorCapacity : 0,
    ...(cohort ? { cohort } : {}),
    enrolledAt: at.toISOString(),
  };
}

/** Who takes part in the demo program: the named people and, when seeded, the cohort. */
function demoEnrolments(now: Date, cohort: Awaited<ReturnType<typeof seedCohort>> | undefined): Enrolment[] {
  return [
    demoEnrolment(demoPeople.mentor, 'mentor', now),
    ...demoPairs(now).map((pair) => demoEnrolment(pair.mentee, 'mentee', now, pair.mentorship.cohort)),
    ...(cohort?.mentors ?? []).map((mentor) => demoEnrolment(mentor, 'mentor', now)),
    ...(cohort?.pairs ?? []).map((pair) => demoEnrolment(pair.mentee, 'mentee', now, pair.mentorship.cohort)),
  ];
}

async function seedCohort(targets: SeedTargets, cohort: NonNullable<SeedTargets['cohort']>, now: Date) {
  const program = demoProgram(todayIn('UTC', now));
  const generated = demoCohort(now, { tenantId: DEMO_TENANT_ID, programId: DEMO_PROGRAM_ID, cycleEnd: program.cycleEnd });
  await Promise.all([...generated.mentors, ...generated.mentees].map((p) => targets.people.save(p)));
  for (let i = 0; i < generated.pairs.length; i += COHORT_PARALLEL)
    await Promise.all(generated.pairs.slice(i, i + COHORT_PARALLEL).map((p) => seedCohortPair(targets, cohort, p, now)));
  await Promise.all([
    ...generated.repairs.map((r) => cohort.requests.saveRepair(r)),
    ...generated.offers.map((o) => cohort.requests.saveOffer(o)),
  ]);
  return generated;
}

/** Seeds the demo program once: does nothing when it exists already. Returns whether it seeded. */
export async function seedDemoIfEmpty(repos: SeedTargets, now: Date): Promise<boolean> {
  if (await repos.programs.get(DEMO_PROGRAM_ID)) return false;
  await seedDemo(repos, now);
  return true;
}

export async function seedDemo(targets: SeedTargets, now: Date): Promise<void> {
  const { people, programs, plans, checkInSchedules, wins, digest, checkpoints, scheduleCheckpointReminders, journal, rebuildHealth } =
    targets;
  await Promise.all(Object.values(demoPeople).map((p) => people.save(p)));
  for (const pair of demoPairs(now)) {
    const created = await plans.createPair(pair.mentorship, {
      mentor: summarizePerson(demoPeople.mentor),
      mentee: summarizePerson(pair.mentee),
    });
    if (!created.ok) throw new Error(`Seeding ${pair.mentorship.id}: ${created.error.message}`);
    for (const goal of pair.goals) {
      const revision: GoalRevision = {
        goalId: goal.id,
        revision: 1,
        change: 'created',
        at: goal.createdAt,
        by: goal.createdBy,
        fields: diffGoal({}, goal),
      };
      const entry = journal && {
        id: `${goal.id}-set`,
        pairId: goal.pairId,
        kind: 'goal_set' as const,
        at: goal.createdAt,
        authorId: goal.createdBy,
        visibility: 'pair' as const,
        menteeConsented: false,
        summary: `Goal set: “${goal.title}”`,
        goalId: goal.id,
      };
      const res = await plans.createGoal(goal, revision, entry);
      if (!res.ok) throw new Error(`Seeding goal ${goal.id}: ${res.error.message}`);
    }
    await Promise.all([
      ...pair.milestones.map((m) => plans.createMilestone(pair.mentorship.id, m)),
      ...pair.activities.map((a) => plans.createActivity(pair.mentorship.id, a)),
    ]);
    for (const win of wins ? pair.wins : []) {
      const byName = win.recognizedBy === demoPeople.mentor.id ? demoPeople.mentor.displayName : pair.mentee.displayName;
      if (win.shareInDigest)
        await digest?.file({ programId: DEMO_PROGRAM_ID, week: digestWeekOf(win.at), pairId: win.pairId, winId: win.id });
      const res = await wins!.create(win, {
        id: `${win.id}-journal`,
        pairId: win.pairId,
        kind: 'win',
        at: win.at,
        authorId: win.recognizedBy,
        visibility: 'pair',
        menteeConsented: false,
        summary: firstLine(`${byName} recognized a win: ${win.text}`),
        winId: win.id,
        goalId: win.goalId,
      });
      if (!res.ok) throw new Error(`Seeding win ${win.id}: ${res.error.message}`);
    }
    for (const entry of journal ? pair.journal : []) {
      const res = await journal!.append(entry);
      if (!res.ok) throw new Error(`Seeding journal entry ${entry.id}: ${res.error.message}`);
    }
    if (checkInSchedules && pair.mentorship.status === 'active') {
      const scheduled = await createCheckInScheduling({ plans, schedules: checkInSchedules, now: () => now }).scheduleNext(pair.mentorship);
      if (!scheduled.ok) throw new Error(`Scheduling check-ins of ${pair.mentorship.id}: ${scheduled.error.message}`);
    }
  }
  for (const checkpoint of checkpoints ? demoCheckpoints(now) : []) {
    const res = await checkpoints!.create(checkpoint);
    if (!res.ok) throw new Error(`Seeding checkpoint ${checkpoint.dueDate}: ${res.error.message}`);
  }
  // The cohort's people never installed the app, so they get no checkpoint reminders (nothing could reach them).
  const cohort = targets.cohort ? await seedCohort(targets, targets.cohort, now) : undefined;
  if (targets.enrolments) {
    const enrolled = await targets.enrolments.createAll(demoEnrolments(now, cohort));
    if (!enrolled.ok) throw new Error(`Enrolling the demo program's people: ${enrolled.error.message}`);
  }
  // The program last: its presence marks the seed as complete.
  await programs.save(demoProgram(todayIn('UTC', now)));
  // Reminders read the program's checkpoint interval, so they are filed once it is there.
  for (const pair of scheduleCheckpointReminders ? demoPairs(now) : [])
    if (pair.mentorship.status === 'active') await scheduleCheckpointReminders!(pair.mentorship);
  // Health last: it counts the pairs of a program that exists, with everything seeded above.
  await rebuildHealth?.(DEMO_PROGRAM_ID);
}
