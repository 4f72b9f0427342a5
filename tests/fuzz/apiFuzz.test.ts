// Property test over every write route of the route table (shared/api/routes.ts): each run picks a
// route, a valid request for it (fresh version, rightful caller), mutates the body the ways
// fuzzBodies.ts describes and sends it with one of the hostile header sets. Whatever comes in, the
// answer is never a 5xx, and a refused request (4xx) leaves every table exactly as it was.
import fc from 'fast-check';
import { describe, expect } from 'vitest';
import { DEMO_PROGRAM_ID, demoPeople } from '../../bot/dev/demoData';
import { paths, pathFor, type PlanView } from '../../shared/api';
import { routes, type RouteName } from '../../shared/api/routes';
import { addDays, todayIn } from '../../shared/dates';
import { storageSnapshot } from '../support/storageSnapshot';
import {
  FUZZ_SEED,
  answeredSlot,
  describeBody,
  emptyCheckInAnswer,
  fuzzPairId as pairId,
  fuzzRuns,
  fuzzTest as test,
  hostileHeaders,
  keysOf,
  mutatedBody,
  mutation,
  newFigures,
  printFigures,
  snapshotsOf,
} from './fuzzBodies';

const RUNS = fuzzRuns(150);
const people = { mentee: demoPeople.menteeAlex.id, mentor: demoPeople.mentor.id, manager: demoPeople.manager.id };
type Who = keyof typeof people;

/** A valid request for a route: who sends it, where, the row version it names and a body that would be accepted. */
interface Target {
  as: Who;
  path: string;
  etag?: string;
  sample?: Record<string, unknown>;
}

type WriteRoute = { [K in RouteName]: (typeof routes)[K]['method'] extends 'GET' ? never : K }[RouteName];

const writeRoutes = (Object.keys(routes) as RouteName[]).filter((name) => routes[name].method !== 'GET') as WriteRoute[];

describe('fuzzed write routes', () => {
  test('answer no 5xx and write nothing when they refuse', async ({ server, seedCheckIn }) => {
    const base = server.baseUrl;
    const inAWeek = () => addDays(todayIn('UTC', new Date()), 7);
    const snapshots = snapshotsOf(() => storageSnapshot(server));

    async function json(method: string, path: string, who: Who, body?: unknown, etag?: string): Promise<any> {
      if (method !== 'GET') snapshots.invalidate();
      const res = await fetch(`${base}${path}`, {
        method,
        headers: {
          'X-Dev-User': people[who],
          ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
          ...(etag ? { 'If-Match': etag } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
      return res.status === 204 ? undefined : res.json();
    }

    // What the runs work on: a goal of their own, an answered check-in for the mentor's comment, a
    // feedback request naming the manager, a win.
    const goalId: string = (await json('POST', pathFor(paths.goals, { pairId }), 'mentee', { title: 'Fuzz goal' })).value.id;
    await seedCheckIn({ pairId, slot: answeredSlot, answer: emptyCheckInAnswer, answeredBy: people.mentee });
    const behavior = 'Fuzz behavior';
    const feedbackBody = (respondentId: string, displayName: string) => ({
      goalId,
      behaviors: [behavior],
      respondents: [{ personId: respondentId, displayName, relation: 'supervisor' }],
      closesOn: inAWeek(),
    });
    const asked = await json(
      'POST',
      pathFor(paths.feedbackRequests, { pairId }),
      'mentee',
      feedbackBody(people.manager, demoPeople.manager.displayName),
    );
    const requestId: string = asked.request.value.id;

    const plan = (): Promise<PlanView> => json('GET', pathFor(paths.plan, { pairId }), 'mentee');
    const fuzzGoal = async () => (await plan()).goals.find((g) => g.value.id === goalId)!;
    const milestone = async () => {
      const existing = (await fuzzGoal()).milestones[0];
      if (existing) return { id: existing.value.id, etag: existing.etag };
      const created = await json('POST', pathFor(paths.milestones, { pairId, goalId }), 'mentee', {
        title: 'Fuzz milestone',
        dueDate: inAWeek(),
      });
      return { id: created.value.id as string, etag: created.etag as string };
    };
    const activity = async () => {
      const existing = (await fuzzGoal()).activities[0];
      if (existing) return { id: existing.value.id, etag: existing.etag };
      const created = await json('POST', pathFor(paths.activities, { pairId, goalId }), 'mentee', {
        kind: 'networking',
        title: 'Fuzz activity',
      });
      return { id: created.value.id as string, etag: created.etag as string };
    };
    const win = async () => {
      const list = await json('GET', pathFor(paths.wins, { pairId }), 'mentee');
      const existing = list.wins[0];
      if (existing) return { id: existing.value.id as string, etag: existing.etag as string };
      const created = await json('POST', pathFor(paths.wins, { pairId }), 'mentee', { text: 'Fuzz win' });
      return { id: created.value.id as string, etag: created.etag as string };
    };

    // Checkpoints: the demo's first signed-off one (corrections, sharing) and the next one due (the rest).
    const checkpointList = await json('GET', pathFor(paths.checkpoints, { pairId }), 'mentee');
    const signedOffDate: string = checkpointList.checkpoints.find((c: { state: string }) => c.state === 'signed_off').dueDate;
    const nextDate: string = checkpointList.checkpoints.at(-1).dueDate;
    const checkpoint = async (dueDate: string) => {
      const path = pathFor(paths.checkpoint, { pairId, dueDate });
      const view = await json('GET', path, 'mentee');
      if (view.checkpoint) return { dueDate, etag: view.checkpoint.etag as string };
      const started = await json('POST', path, 'mentee');
      return { dueDate, etag: started.etag as string };
    };
    const checkpointPath = (path: string, dueDate: string) => pathFor(path, { pairId, dueDate });

    // A note of the mentee's own, made once and reused (and made again after a fuzzed delete).
    const note = async () => {
      const page = await json('GET', `${pathFor(paths.journal, { pairId })}?kind=note`, 'mentee');
      const mine = page.entries.find((e: { value: { authorId: string } }) => e.value.authorId === people.mentee);
      if (mine) return { id: mine.value.id as string, etag: mine.etag as string };
      const created = await json('POST', pathFor(paths.journal, { pairId }), 'mentee', { body: 'A fuzz note.', visibility: 'pair' });
      return { id: created.value.id as string, etag: created.etag as string };
    };
    const entryPath = (path: string, entryId: string) => pathFor(path, { pairId, entryId });
    let freshPeople = 0;
    // People new to the program for the enrolment routes, so a valid request is never refused as a repeat.
    let freshEnrolled = 0;
    const newcomer = () => `f1000000-0000-4000-8000-${String(++freshEnrolled).padStart(12, '0')}`;
    const enrolmentBody = (personId: string) => ({
      personId,
      displayName: 'Fuzz Enrolled',
      role: 'mentor',
      timeZone: 'Europe/Berlin',
      workingHours: { start: '09:00', end: '17:00', days: [1, 2, 3, 4, 5] },
      mentorCapacity: 2,
      cohort: '2026 fuzz',
    });

    const targets: Record<WriteRoute, () => Promise<Target>> = {
      createNote: async () => ({
        as: 'mentee',
        path: pathFor(paths.journal, { pairId }),
        sample: { body: 'A **fuzzed** note.', visibility: 'private' },
      }),
      updateNote: async () => {
        const n = await note();
        return { as: 'mentee', path: entryPath(paths.journalEntry, n.id), etag: n.etag, sample: { body: 'Edited.', visibility: 'pair' } };
      },
      deleteNote: async () => {
        const n = await note();
        return { as: 'mentee', path: entryPath(paths.journalEntry, n.id), etag: n.etag };
      },
      setEntrySharing: async () => {
        const n = await note();
        return { as: 'mentee', path: entryPath(paths.journalSharing, n.id), etag: n.etag, sample: { shared: true } };
      },
      startCheckpoint: async () => ({ as: 'mentee', path: checkpointPath(paths.checkpoint, nextDate) }),
      saveCheckpointDraft: async () => {
        const c = await checkpoint(nextDate);
        return {
          as: 'mentee',
          path: checkpointPath(paths.checkpoint, c.dueDate),
          etag: c.etag,
          sample: {
            myRatings: { quality: 4, 'learning-transfer': 3 },
            reflections: { worked: 'Pairing.', didNotWork: 'Late reviews.', insights: 'Ask earlier.' },
            recalibrations: [],
            breakthroughs: [],
            agreementReviewed: true,
          },
        };
      },
      signOffCheckpoint: async () => {
        const c = await checkpoint(nextDate);
        return { as: 'mentee', path: checkpointPath(paths.checkpointSignOff, c.dueDate), etag: c.etag };
      },
      correctCheckpoint: async () => {
        const c = await checkpoint(signedOffDate);
        return { as: 'mentee', path: checkpointPath(paths.checkpointCorrections, c.dueDate), etag: c.etag };
      },
      setCheckpointSharing: async () => {
        const c = await checkpoint(signedOffDate);
        return {
          as: 'mentee',
          path: checkpointPath(paths.checkpointSharing, c.dueDate),
          etag: c.etag,
          sample: { sharedWithProgram: true },
        };
      },
      updateAgreement: async () => {
        const p = await plan();
        return { as: 'mentee', path: pathFor(paths.agreement, { pairId }), etag: p.pair.etag, sample: { ...p.pair.value.agreement } };
      },
      acceptAgreement: async () => ({ as: 'mentee', path: pathFor(paths.agreementAccept, { pairId }), etag: (await plan()).pair.etag }),
      createGoal: async () => ({
        as: 'mentee',
        path: pathFor(paths.goals, { pairId }),
        sample: { title: 'Fuzzed goal', description: 'Why', metric: 'count', unit: 'talks', baseline: 0, target: 3, dueDate: inAWeek() },
      }),
      updateGoal: async () => ({
        as: 'mentee',
        path: pathFor(paths.goal, { pairId, goalId }),
        etag: (await fuzzGoal()).etag,
        sample: { title: 'Fuzz goal', current: 1, reason: 'Progress' },
      }),
      createMilestone: async () => ({
        as: 'mentee',
        path: pathFor(paths.milestones, { pairId, goalId }),
        sample: { title: 'Fuzzed milestone', dueDate: inAWeek() },
      }),
      updateMilestone: async () => {
        const m = await milestone();
        return {
          as: 'mentee',
          path: pathFor(paths.milestone, { pairId, goalId, milestoneId: m.id }),
          etag: m.etag,
          sample: { title: 'Renamed', dueDate: inAWeek(), done: true },
        };
      },
      deleteMilestone: async () => {
        const m = await milestone();
        return { as: 'mentee', path: pathFor(paths.milestone, { pairId, goalId, milestoneId: m.id }), etag: m.etag };
      },
      createActivity: async () => ({
        as: 'mentee',
        path: pathFor(paths.activities, { pairId, goalId }),
        sample: { kind: 'certification', title: 'Fuzzed activity', notes: 'Notes', status: 'planned', dueDate: inAWeek() },
      }),
      updateActivity: async () => {
        const a = await activity();
        return {
          as: 'mentee',
          path: pathFor(paths.activity, { pairId, goalId, activityId: a.id }),
          etag: a.etag,
          sample: { kind: 'course', title: 'Renamed', notes: 'More', status: 'done', dueDate: null },
        };
      },
      deleteActivity: async () => {
        const a = await activity();
        return { as: 'mentee', path: pathFor(paths.activity, { pairId, goalId, activityId: a.id }), etag: a.etag };
      },
      updateProgramSettings: async () => {
        const path = pathFor(paths.programSettings, { programId: DEMO_PROGRAM_ID });
        const current = await json('GET', path, 'manager');
        const { id: _id, ...settings } = current.value;
        return { as: 'manager', path, etag: current.etag, sample: settings };
      },
      commentOnCheckIn: async () => ({
        as: 'mentor',
        path: pathFor(paths.checkInComments, { pairId, slot: answeredSlot }),
        sample: { comment: 'A fuzzed comment.' },
      }),
      createFeedbackRequest: async () => ({
        as: 'mentee',
        path: pathFor(paths.feedbackRequests, { pairId }),
        sample: feedbackBody('c0000000-0000-4000-8000-0000000000aa', 'Fuzz Guest'),
      }),
      answerAskedFeedback: async () => ({
        as: 'manager',
        path: pathFor(paths.myFeedbackAnswer, { pairId, requestId }),
        sample: { ratings: { [behavior]: 4 }, example: 'An example.', suggestion: 'A suggestion.' },
      }),
      createWin: async () => ({
        as: 'mentee',
        path: pathFor(paths.wins, { pairId }),
        sample: { text: `Fuzzed win`, goalId, shareInDigest: false },
      }),
      setWinConsent: async () => {
        const w = await win();
        return { as: 'mentee', path: pathFor(paths.win, { pairId, winId: w.id }), etag: w.etag, sample: { shareInDigest: true } };
      },
      // Without ?confirm=true, whatever the body: refused, nothing erased (the erasure itself is tests/privacy).
      eraseMe: async () => ({ as: 'mentee', path: paths.me }),
      setMyStrengths: async () => ({ as: 'mentor', path: paths.myStrengths, sample: { strengths: ['Fuzz strength', 'Coaching'] } }),
      // A fresh mentor and mentee each time, enrolled in the program, so the valid request is never refused as a repeat.
      createPair: async () => {
        const k = ++freshPeople;
        const [mentorId, menteeId] = [0, 1].map((n) => `f0000000-0000-4000-8000-${String(k * 2 + n).padStart(12, '0')}`) as [
          string,
          string,
        ];
        const base = { tenantId: demoPeople.mentor.tenantId, timeZone: 'Europe/Berlin', workingHours: demoPeople.mentor.workingHours };
        await server.app.repositories.people.save({ ...base, id: mentorId, displayName: 'Fuzz Mentor', mentorCapacity: 1 });
        await server.app.repositories.people.save({ ...base, id: menteeId, displayName: 'Fuzz Mentee', mentorCapacity: 0 });
        // Both enrolled in the program, each in their role: only such two are paired.
        const enrolled = { programId: DEMO_PROGRAM_ID, ...base, enrolledAt: new Date().toISOString() };
        await server.app.repositories.enrolments.createAll([
          { ...enrolled, personId: mentorId, displayName: 'Fuzz Mentor', role: 'mentor', mentorCapacity: 1 },
          { ...enrolled, personId: menteeId, displayName: 'Fuzz Mentee', role: 'mentee', mentorCapacity: 0 },
        ]);
        snapshots.invalidate();
        return { as: 'manager', path: pathFor(paths.programPairs, { programId: DEMO_PROGRAM_ID }), sample: { mentorId, menteeId } };
      },
      enrol: async () => ({
        as: 'manager',
        path: pathFor(paths.enrolments, { programId: DEMO_PROGRAM_ID }),
        sample: enrolmentBody(newcomer()),
      }),
      removeEnrolment: async () => {
        const personId = newcomer();
        await json('POST', pathFor(paths.enrolments, { programId: DEMO_PROGRAM_ID }), 'manager', enrolmentBody(personId));
        return { as: 'manager', path: pathFor(paths.enrolment, { programId: DEMO_PROGRAM_ID, personId }) };
      },
      importCohort: async () => ({
        as: 'manager',
        path: pathFor(paths.enrolmentImport, { programId: DEMO_PROGRAM_ID }),
        sample: {
          csv: [
            'personId,displayName,role,timeZone,workStart,workEnd,workDays,mentorCapacity,cohort',
            `${newcomer()},Fuzz Import One,mentee,Europe/Berlin,09:00,17:00,1-5,0,2026 fuzz`,
            `${newcomer()},Fuzz Import Two,mentor,Asia/Tokyo,08:00,16:00,1-4,2,`,
          ].join('\n'),
        },
      }),
      answerSurvey: async () => ({
        as: 'mentee',
        path: pathFor(paths.surveyAnswers, { programId: DEMO_PROGRAM_ID }),
        sample: { ratings: { 'worth-time': 4, 'goals-moved': 3, recommend: 5 }, texts: { change: 'Fuzzed suggestion.' } },
      }),
      askRepair: async () => ({ as: 'mentee', path: pathFor(paths.repairRequest, { pairId }), sample: { reason: 'A fuzzed reason.' } }),
      // Asking again reopens the mentee's request, so there is always one to mark handled.
      markRequestHandled: async () => {
        await json('POST', pathFor(paths.repairRequest, { pairId }), 'mentee', { reason: 'Reopened for the fuzzer.' });
        const open = await json('GET', pathFor(paths.programRequests, { programId: DEMO_PROGRAM_ID }), 'manager');
        const requestId = open.repairs.find((r: { pairId: string }) => r.pairId === pairId).id as string;
        return { as: 'manager', path: pathFor(paths.programRequestHandled, { programId: DEMO_PROGRAM_ID, requestId }) };
      },
      decideRenewal: async () => ({
        as: 'mentee',
        path: pathFor(paths.renewal, { pairId }),
        etag: (await plan()).pair.etag,
        sample: {
          goals: [{ goalId, decision: 'drop', reason: 'Fuzzed.' }],
          pair: 'continue',
          newGoals: [{ title: 'Fuzzed next goal', priorityId: 'customer-reliability' }],
          mentorOffer: { strengths: ['Fuzzing'], capacity: 1 },
        },
      }),
    };
    expect(Object.keys(targets).sort(), 'every write route of the route table is fuzzed').toEqual([...writeRoutes].sort());

    const figures = newFigures();
    const run = fc.constantFrom(...writeRoutes).chain((name) => {
      const spec = routes[name] as { body?: Parameters<typeof keysOf>[0] };
      return fc.record({
        name: fc.constant(name),
        mutation: mutation(keysOf(spec.body)),
        headers: fc.nat(hostileHeaders.length - 1),
      });
    });

    console.log(`[fuzz] API: seed ${FUZZ_SEED} (FUZZ_SEED overrides), ${RUNS} requests over ${writeRoutes.length} write routes`);
    await fc.assert(
      fc.asyncProperty(run, async ({ name, mutation: m, headers }) => {
        const target = await targets[name]();
        const body = mutatedBody(target.sample, m);
        const before = await snapshots.before();
        const res = await fetch(`${base}${target.path}`, {
          method: routes[name].method,
          headers: {
            ...hostileHeaders[headers],
            'X-Dev-User': people[target.as],
            'Content-Type': 'application/json',
            ...(target.etag ? { 'If-Match': target.etag } : {}),
          },
          body,
        });
        const text = await res.text();
        figures.sent++;
        figures.byStatus[res.status] = (figures.byStatus[res.status] ?? 0) + 1;
        const what = `${name} ${routes[name].method} ${target.path} headers#${headers} ${m.kind} ${describeBody(body)} -> ${res.status} ${text.slice(0, 200)}`;
        if (res.status >= 500) figures.serverErrors.push(what);
        const after = await snapshots.after();
        if (res.status >= 400) figures.refusedChecked++;
        if (res.status >= 400 && after !== before) figures.partialWrites.push(what);
        expect(res.status, what).toBeLessThan(500);
        expect(figures.partialWrites, 'a refused request changed storage').toEqual([]);
      }),
      { seed: FUZZ_SEED, numRuns: RUNS, endOnFailure: true },
    );

    printFigures('API', figures);
    expect(figures.sent).toBe(RUNS);
    expect(figures.serverErrors).toEqual([]);
    expect(figures.partialWrites).toEqual([]);
    // The runs reached the use cases: some were accepted, most refused.
    expect(Object.keys(figures.byStatus).some((s) => Number(s) < 300)).toBe(true);
    expect(Object.keys(figures.byStatus).some((s) => Number(s) >= 400)).toBe(true);
  }, 180_000);
});
