// Every API route, read from the router itself, called as every kind of caller: nobody, an expired
// token, a stranger in the tenant, someone from a tenant that is not allowed, two callers from a
// second allowed tenant (a program manager with the app role, and a person with the same object id
// as the rightful mentee), another mentee of the same mentor, the mentor of another pair, a program
// manager, and the rightful user. Each expected status is in
// the table below; a route without a row fails, so a new route cannot ship unchecked. Denied
// writes must leave storage exactly as it was.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { jobPaths } from '../../bot/api/jobRoutes';
import { DEMO_PROGRAM_ID, demoPairIds, demoPeople } from '../../bot/dev/demoData';
import { paths, pathFor } from '../../shared/api';
import { addDays, todayIn } from '../../shared/dates';
import { DEVELOPMENT_TENANT_ID, type Person } from '../../shared/person';
import { PROGRAM_MANAGER_ROLE } from '../../shared/policy';
import { bearer, secondsFromNow } from '../support/entraTokens';
import { listRoutes } from '../support/routes';
import { storageSnapshot } from '../support/storageSnapshot';
import { serverOutsideTests, serverTest } from '../support/fixtures';
import { tablesOf } from '../support/testServer';
import { tableNames } from '../../bot/storage/tables';
import { alexStartDate } from '../../bot/dev/demoData';
import { checkpointPeriod } from '../../shared/checkpoints/checkpoint';

type Caller =
  | 'anonymous'
  | 'expired'
  | 'stranger'
  | 'otherTenant'
  | 'secondTenantManager'
  | 'secondTenantPerson'
  | 'otherMentee'
  | 'otherMentor'
  | 'programManager'
  | 'rightful';
const callers: Caller[] = [
  'anonymous',
  'expired',
  'stranger',
  'otherTenant',
  'secondTenantManager',
  'secondTenantPerson',
  'otherMentee',
  'otherMentor',
  'programManager',
  'rightful',
];
/** Callers of the second allowed tenant: whatever the route, they find nothing of the first tenant. */
const secondTenant = { secondTenantManager: 404, secondTenantPerson: 404 } as const;

const otherMentor: Person = {
  id: '4f0d1a7c-5b6e-4a9f-8c2d-e5f6a7b8c9d0',
  tenantId: DEVELOPMENT_TENANT_ID,
  displayName: 'Morgan Blake',
  timeZone: 'Europe/Berlin',
  workingHours: { start: '09:00', end: '17:00', days: [1, 2, 3, 4, 5] },
  mentorCapacity: 2,
};
const otherMentorsMentee: Person = {
  id: '5a1e2b8d-6c7f-4b0a-9d3e-f6a7b8c9d0e1',
  tenantId: DEVELOPMENT_TENANT_ID,
  displayName: 'Kai Nakamura',
  timeZone: 'Asia/Tokyo',
  workingHours: { start: '09:00', end: '18:00', days: [1, 2, 3, 4, 5] },
  mentorCapacity: 0,
};

interface Request {
  path: string;
  body?: unknown;
  etag?: string;
}

interface Row {
  /** Who the route is for: the person whose call must succeed. */
  owner: 'mentee' | 'mentor' | 'manager';
  /** Builds a fresh, valid request (creating what it needs as the owner), so only the caller varies. */
  request: () => Promise<Request>;
  /** Status for the rightful user. */
  ok: number;
  /** Statuses for the callers who are signed in but not entitled; 404 hides that the thing exists. */
  denied?: Partial<Record<Caller, number>>;
}

const test = serverTest.override('serverOptions', ({ entra }) => ({
  env: { ...entra.productionEnv, RATE_LIMIT_WRITES_PER_MINUTE: '10000' },
}));
// The matrix's requests are built before the tests run: they reach the file's server through this.
const server = serverOutsideTests(test);
const tokens = {} as Record<Caller, string>;
const ownerTokens = {} as Record<Row['owner'], string>;
const pairId = demoPairIds.alex;
const goalId = 'alex-oncall';
const inAWeek = () => addDays(todayIn('UTC', new Date()), 7);

async function send(method: string, req: Request, token: string | undefined) {
  const res = await fetch(`${server.baseUrl}${req.path}`, {
    method,
    headers: {
      ...(token ? bearer(token) : {}),
      ...(req.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      ...(req.etag ? { 'If-Match': req.etag } : {}),
    },
    body: req.body === undefined ? undefined : JSON.stringify(req.body),
  });
  const text = await res.text();
  // Every answer is JSON but a file download (the cohort template and the health figures are CSV).
  const json = res.headers.get('content-type')?.startsWith('application/json');
  return { status: res.status, body: text && json ? JSON.parse(text) : text };
}

const asMentee = (method: string, req: Request) => send(method, req, ownerTokens.mentee);
const planOf = async () => (await asMentee('GET', { path: pathFor(paths.plan, { pairId }) })).body;
const etagOfGoal = async () => (await planOf()).goals.find((g: { value: { id: string } }) => g.value.id === goalId).etag;

async function newMilestone() {
  const created = await asMentee('POST', {
    path: pathFor(paths.milestones, { pairId, goalId }),
    body: { title: 'Matrix milestone', dueDate: inAWeek() },
  });
  return { path: pathFor(paths.milestone, { pairId, goalId, milestoneId: created.body.value.id }), etag: created.body.etag as string };
}

async function newActivity() {
  const created = await asMentee('POST', {
    path: pathFor(paths.activities, { pairId, goalId }),
    body: { kind: 'networking', title: 'Matrix activity' },
  });
  return { path: pathFor(paths.activity, { pairId, goalId, activityId: created.body.value.id }), etag: created.body.etag as string };
}

async function programSettings() {
  const res = await send('GET', { path: pathFor(paths.programSettings, { programId: DEMO_PROGRAM_ID }) }, ownerTokens.manager);
  const { id: _id, tenantId: _tenantId, ...settings } = res.body.value;
  return { settings, etag: res.body.etag as string };
}

const feedbackRequestBody = () => ({
  goalId,
  respondents: [{ personId: 'c0000000-0000-4000-8000-0000000000aa', displayName: 'Matrix Guest', relation: 'customer' }],
  closesOn: inAWeek(),
});

/** An answered check-in of the pair, for the mentor's comment. */
const answeredSlot = '2026-02-02';

const hidden: Row['denied'] = { stranger: 404, ...secondTenant, otherMentee: 404, otherMentor: 404, programManager: 404 };

/** The demo pair's `n`th quarterly checkpoint: 1-3 are signed off in the demo, later ones not started. */
const checkpointOn = (n: number) => checkpointPeriod(alexStartDate(todayIn('UTC', new Date())), 3, n).dueDate;
/** The checkpoint's path and current ETag, started as the mentee when nobody has yet. */
async function checkpointAt(n: number, path: string = paths.checkpoint): Promise<Request> {
  const dueDate = checkpointOn(n);
  const at = pathFor(paths.checkpoint, { pairId, dueDate });
  const current = await asMentee('GET', { path: at });
  const etag = current.body.checkpoint?.etag ?? (await asMentee('POST', { path: at })).body.etag;
  return { path: pathFor(path, { pairId, dueDate }), etag };
}

const matrix: Record<string, Row> = {
  'GET /api/me': {
    owner: 'mentee',
    request: async () => ({ path: paths.me }),
    ok: 200,
    // Everyone signed in may ask who they are; a person not enrolled anywhere is told so.
    denied: { stranger: 404, ...secondTenant, otherMentee: 200, otherMentor: 200, programManager: 200 },
  },
  'GET /api/pairs/:pairId/plan': {
    owner: 'mentee',
    request: async () => ({ path: pathFor(paths.plan, { pairId }) }),
    ok: 200,
    denied: hidden,
  },
  'PUT /api/pairs/:pairId/agreement': {
    owner: 'mentee',
    request: async () => {
      const plan = await planOf();
      return { path: pathFor(paths.agreement, { pairId }), body: { ...plan.pair.value.agreement, hoursPerMonth: 3 }, etag: plan.pair.etag };
    },
    ok: 200,
    denied: hidden,
  },
  'POST /api/pairs/:pairId/agreement/accept': {
    owner: 'mentee',
    request: async () => ({ path: pathFor(paths.agreementAccept, { pairId }), etag: (await planOf()).pair.etag }),
    ok: 200,
    denied: hidden,
  },
  'POST /api/pairs/:pairId/goals': {
    owner: 'mentee',
    request: async () => ({ path: pathFor(paths.goals, { pairId }), body: { title: 'Matrix goal' } }),
    ok: 201,
    denied: hidden,
  },
  'PATCH /api/pairs/:pairId/goals/:goalId': {
    owner: 'mentee',
    request: async () => ({
      path: pathFor(paths.goal, { pairId, goalId }),
      body: { current: Math.round(Math.random() * 1000) + 2 },
      etag: await etagOfGoal(),
    }),
    ok: 200,
    denied: hidden,
  },
  'GET /api/pairs/:pairId/goals/:goalId/history': {
    owner: 'mentee',
    request: async () => ({ path: pathFor(paths.goalHistory, { pairId, goalId }) }),
    ok: 200,
    denied: hidden,
  },
  'POST /api/pairs/:pairId/goals/:goalId/milestones': {
    owner: 'mentee',
    request: async () => ({ path: pathFor(paths.milestones, { pairId, goalId }), body: { title: 'Matrix milestone', dueDate: inAWeek() } }),
    ok: 201,
    denied: hidden,
  },
  'PATCH /api/pairs/:pairId/goals/:goalId/milestones/:milestoneId': {
    owner: 'mentee',
    request: async () => ({ ...(await newMilestone()), body: { done: true } }),
    ok: 200,
    denied: hidden,
  },
  'DELETE /api/pairs/:pairId/goals/:goalId/milestones/:milestoneId': { owner: 'mentee', request: newMilestone, ok: 204, denied: hidden },
  'POST /api/pairs/:pairId/goals/:goalId/activities': {
    owner: 'mentee',
    request: async () => ({
      path: pathFor(paths.activities, { pairId, goalId }),
      body: { kind: 'certification', title: 'Matrix activity' },
    }),
    ok: 201,
    denied: hidden,
  },
  'PATCH /api/pairs/:pairId/goals/:goalId/activities/:activityId': {
    owner: 'mentee',
    request: async () => ({ ...(await newActivity()), body: { status: 'done' } }),
    ok: 200,
    denied: hidden,
  },
  'DELETE /api/pairs/:pairId/goals/:goalId/activities/:activityId': { owner: 'mentee', request: newActivity, ok: 204, denied: hidden },
  'GET /api/pairs/:pairId/checkins': {
    owner: 'mentee',
    request: async () => ({ path: pathFor(paths.checkIns, { pairId }) }),
    ok: 200,
    denied: hidden,
  },
  'GET /api/programs/:programId': {
    owner: 'manager',
    request: async () => ({ path: pathFor(paths.programSettings, { programId: DEMO_PROGRAM_ID }) }),
    ok: 200,
    // Participants and strangers learn nothing about program settings.
    denied: { stranger: 404, ...secondTenant, otherMentee: 404, otherMentor: 404, programManager: 200 },
  },
  'PUT /api/programs/:programId': {
    owner: 'manager',
    request: async () => {
      const { settings, etag } = await programSettings();
      return {
        path: pathFor(paths.programSettings, { programId: DEMO_PROGRAM_ID }),
        body: { ...settings, checkpointIntervalMonths: 3 },
        etag,
      };
    },
    ok: 200,
    denied: { stranger: 404, ...secondTenant, otherMentee: 404, otherMentor: 404, programManager: 200 },
  },
  // Not a user route: only the scheduler's shared secret opens it (tests/checkins/jobRoute.test.ts),
  // so every caller with or without a Teams token is 401, the rightful user included.
  'POST /api/jobs/checkins': {
    owner: 'mentee',
    request: async () => ({ path: jobPaths.checkIns }),
    ok: 401,
  },
  'POST /api/jobs/feedback': { owner: 'mentee', request: async () => ({ path: jobPaths.feedback }), ok: 401 },
  'POST /api/jobs/digest': { owner: 'mentee', request: async () => ({ path: jobPaths.digest }), ok: 401 },
  'GET /api/pairs/:pairId/wins': {
    owner: 'mentee',
    request: async () => ({ path: pathFor(paths.wins, { pairId }) }),
    ok: 200,
    denied: hidden,
  },
  'POST /api/pairs/:pairId/wins': {
    owner: 'mentee',
    request: async () => ({ path: pathFor(paths.wins, { pairId }), body: { text: `Matrix win ${Math.random()}`, goalId } }),
    ok: 201,
    denied: hidden,
  },
  'PATCH /api/pairs/:pairId/wins/:winId': {
    owner: 'mentee',
    request: async () => {
      const created = await asMentee('POST', { path: pathFor(paths.wins, { pairId }), body: { text: `Matrix win ${Math.random()}` } });
      return {
        path: pathFor(paths.win, { pairId, winId: created.body.value.id }),
        body: { shareInDigest: true },
        etag: created.body.etag as string,
      };
    },
    ok: 200,
    denied: hidden,
  },
  'GET /api/pairs/:pairId/checkpoints': {
    owner: 'mentee',
    request: async () => ({ path: pathFor(paths.checkpoints, { pairId }) }),
    ok: 200,
    // Program leadership sees only the scorecards a mentee shared, through its own trail: not here.
    denied: hidden,
  },
  'GET /api/pairs/:pairId/checkpoints/:dueDate': {
    owner: 'mentee',
    request: async () => ({ path: pathFor(paths.checkpoint, { pairId, dueDate: checkpointOn(1) }) }),
    ok: 200,
    denied: hidden,
  },
  'POST /api/pairs/:pairId/checkpoints/:dueDate': {
    owner: 'mentee',
    request: async () => ({ path: pathFor(paths.checkpoint, { pairId, dueDate: checkpointOn(10) }) }),
    ok: 201,
    denied: hidden,
  },
  'PUT /api/pairs/:pairId/checkpoints/:dueDate': {
    owner: 'mentee',
    request: async () => ({
      ...(await checkpointAt(11)),
      body: { reflections: { worked: `Matrix ${Math.random()}`, didNotWork: '', insights: '' } },
    }),
    ok: 200,
    denied: hidden,
  },
  'POST /api/pairs/:pairId/checkpoints/:dueDate/sign-off': {
    owner: 'mentee',
    request: () => checkpointAt(12, paths.checkpointSignOff),
    ok: 200,
    denied: hidden,
  },
  'POST /api/pairs/:pairId/checkpoints/:dueDate/corrections': {
    owner: 'mentee',
    request: () => checkpointAt(3, paths.checkpointCorrections),
    ok: 201,
    denied: hidden,
  },
  'PATCH /api/pairs/:pairId/checkpoints/:dueDate/sharing': {
    owner: 'mentee',
    request: async () => ({ ...(await checkpointAt(2, paths.checkpointSharing)), body: { sharedWithProgram: true } }),
    ok: 200,
    // Only the mentee shares; the mentor of the pair may not either (tests/checkpoints/checkpointApi.test.ts).
    denied: hidden,
  },
  'POST /api/jobs/checkpoints': { owner: 'mentee', request: async () => ({ path: jobPaths.checkpoints }), ok: 401 },
  'GET /api/people': {
    owner: 'mentee',
    request: async () => ({ path: `${paths.people}?search=ri` }),
    ok: 200,
    // Anyone the app knows in their tenant may look for people to ask; someone it does not know learns nothing.
    denied: { stranger: 404, ...secondTenant, otherMentee: 200, otherMentor: 200, programManager: 200 },
  },
  'GET /api/pairs/:pairId/feedback-requests': {
    owner: 'mentee',
    request: async () => ({ path: pathFor(paths.feedbackRequests, { pairId }) }),
    ok: 200,
    denied: hidden,
  },
  'POST /api/pairs/:pairId/feedback-requests': {
    owner: 'mentee',
    request: async () => ({ path: pathFor(paths.feedbackRequests, { pairId }), body: feedbackRequestBody() }),
    ok: 201,
    denied: hidden,
  },
  'GET /api/pairs/:pairId/feedback-requests/:requestId/results': {
    owner: 'mentee',
    request: async () => {
      const created = await asMentee('POST', { path: pathFor(paths.feedbackRequests, { pairId }), body: feedbackRequestBody() });
      return { path: pathFor(paths.feedbackResults, { pairId, requestId: created.body.request.value.id }) };
    },
    ok: 200,
    // Respondents answer in the card; the results are the pair's.
    denied: hidden,
  },
  'POST /api/pairs/:pairId/checkins/:slot/comments': {
    owner: 'mentor',
    request: async () => ({
      path: pathFor(paths.checkInComments, { pairId, slot: answeredSlot }),
      body: { comment: `Matrix comment ${Math.random()}` },
    }),
    ok: 201,
    denied: hidden,
  },
  'GET /api/me/feedback-requests': {
    owner: 'mentee',
    request: async () => ({ path: paths.myFeedbackRequests }),
    ok: 200,
    // Anyone signed in may be asked for feedback, enrolled or not: each sees only what names them in
    // their own tenant (the second tenant's callers see an empty list: tests/security/tenantIsolation.test.ts).
    denied: { stranger: 200, secondTenantManager: 200, secondTenantPerson: 200, otherMentee: 200, otherMentor: 200, programManager: 200 },
  },
  'PUT /api/me/feedback-requests/:pairId/:requestId/answer': {
    // The request names the manager (who is also the program manager caller); nobody else may answer.
    owner: 'manager',
    request: async () => {
      const body = {
        ...feedbackRequestBody(),
        behaviors: ['Matrix behavior'],
        respondents: [{ personId: demoPeople.manager.id, displayName: demoPeople.manager.displayName, relation: 'supervisor' }],
      };
      const created = await asMentee('POST', { path: pathFor(paths.feedbackRequests, { pairId }), body });
      const answer = { ratings: { 'Matrix behavior': 4 }, example: 'A matrix example.', suggestion: 'A matrix suggestion.' };
      return { path: pathFor(paths.myFeedbackAnswer, { pairId, requestId: created.body.request.value.id }), body: answer };
    },
    ok: 200,
    denied: { stranger: 404, ...secondTenant, otherMentee: 404, otherMentor: 404, programManager: 200 },
  },
  'POST /api/jobs/retention': { owner: 'mentee', request: async () => ({ path: jobPaths.retention }), ok: 401 },
  'POST /api/jobs/health': { owner: 'mentee', request: async () => ({ path: jobPaths.health }), ok: 401 },
  'POST /api/jobs/renewals': { owner: 'mentee', request: async () => ({ path: jobPaths.renewals }), ok: 401 },
  'GET /api/me/programs': {
    owner: 'manager',
    request: async () => ({ path: paths.myPrograms }),
    ok: 200,
    // Everyone signed in may ask; each gets only the programs they manage in their own tenant
    // (none for participants and strangers: tests/api/myPrograms.test.ts).
    denied: { stranger: 200, secondTenantManager: 200, secondTenantPerson: 200, otherMentee: 200, otherMentor: 200, programManager: 200 },
  },
  'GET /api/me/export': {
    owner: 'mentee',
    request: async () => ({ path: paths.myDataExport }),
    ok: 200,
    // Everyone signed in downloads their own data (someone the app does not know gets what little it
    // holds; the same object id in another tenant gets nothing of this one: tests/security/tenantIsolation).
    denied: { stranger: 200, secondTenantManager: 200, secondTenantPerson: 200, otherMentee: 200, otherMentor: 200, programManager: 200 },
  },
  'DELETE /api/me': {
    // Without the confirmation erasing is refused and nothing changes; the erasure itself is tests/privacy.
    owner: 'mentee',
    request: async () => ({ path: paths.me }),
    ok: 400,
    denied: { stranger: 400, secondTenantManager: 400, secondTenantPerson: 400, otherMentee: 400, otherMentor: 400, programManager: 400 },
  },
  'GET /api/pairs/:pairId/journal': {
    owner: 'mentee',
    request: async () => ({ path: pathFor(paths.journal, { pairId }) }),
    ok: 200,
    denied: hidden,
  },
  'POST /api/pairs/:pairId/journal': {
    owner: 'mentee',
    request: async () => ({ path: pathFor(paths.journal, { pairId }), body: { body: `Matrix note ${Math.random()}` } }),
    ok: 201,
    denied: hidden,
  },
  'PATCH /api/pairs/:pairId/journal/:entryId': {
    owner: 'mentee',
    request: async () => ({ ...(await newNote()), body: { body: 'Matrix note, edited' } }),
    ok: 200,
    denied: hidden,
  },
  'DELETE /api/pairs/:pairId/journal/:entryId': { owner: 'mentee', request: newNote, ok: 204, denied: hidden },
  'PUT /api/pairs/:pairId/journal/:entryId/sharing': {
    owner: 'mentee',
    request: async () => {
      const note = await newNote();
      return { path: `${note.path}/sharing`, body: { shared: true }, etag: note.etag };
    },
    ok: 200,
    denied: hidden,
  },
  'GET /api/programs/:programId/trail/:pairId': {
    owner: 'manager',
    request: async () => ({ path: pathFor(paths.trail, { programId: DEMO_PROGRAM_ID, pairId }) }),
    ok: 200,
    // Only the program's managers: the pair's own members and everyone else learn nothing here.
    denied: { stranger: 404, ...secondTenant, otherMentee: 404, otherMentor: 404, programManager: 200 },
  },
  'GET /api/me/strengths': {
    owner: 'mentee',
    request: async () => ({ path: paths.myStrengths }),
    ok: 200,
    // Each person's own strengths: everyone enrolled in the tenant has theirs; nobody else is known here.
    denied: { stranger: 404, ...secondTenant, otherMentee: 200, otherMentor: 200, programManager: 200 },
  },
  'PUT /api/me/strengths': {
    owner: 'mentee',
    request: async () => ({ path: paths.myStrengths, body: { strengths: ['Matrix strength'] } }),
    ok: 200,
    denied: { stranger: 404, ...secondTenant, otherMentee: 200, otherMentor: 200, programManager: 200 },
  },
  'GET /api/programs/:programId/matching/:menteeId': {
    owner: 'manager',
    request: async () => ({ path: pathFor(paths.matching, { programId: DEMO_PROGRAM_ID, menteeId: demoPeople.menteeAlex.id }) }),
    ok: 200,
    // Only the program's managers: the mentee, mentors and everyone else learn nothing here.
    denied: { stranger: 404, ...secondTenant, otherMentee: 404, otherMentor: 404, programManager: 200 },
  },
  'POST /api/programs/:programId/pairs': {
    owner: 'manager',
    request: async () => {
      const [mentor, mentee] = await freshPair();
      return { path: pathFor(paths.programPairs, { programId: DEMO_PROGRAM_ID }), body: { mentorId: mentor, menteeId: mentee } };
    },
    ok: 201,
    denied: { stranger: 404, ...secondTenant, otherMentee: 404, otherMentor: 404, programManager: 201 },
  },
  'GET /api/programs/:programId/enrolments': {
    owner: 'manager',
    request: async () => ({ path: pathFor(paths.enrolments, { programId: DEMO_PROGRAM_ID }) }),
    ok: 200,
    // Only the program's managers see who is enrolled.
    denied: managersOnly(200),
  },
  'POST /api/programs/:programId/enrolments': {
    owner: 'manager',
    request: async () => ({ path: pathFor(paths.enrolments, { programId: DEMO_PROGRAM_ID }), body: enrolmentBody(randomUUID()) }),
    ok: 201,
    denied: managersOnly(201),
  },
  'DELETE /api/programs/:programId/enrolments/:personId': {
    owner: 'manager',
    request: async () => {
      const personId = randomUUID();
      const enrolled = await send(
        'POST',
        { path: pathFor(paths.enrolments, { programId: DEMO_PROGRAM_ID }), body: enrolmentBody(personId) },
        ownerTokens.manager,
      );
      if (enrolled.status !== 201) throw new Error(JSON.stringify(enrolled.body));
      return { path: pathFor(paths.enrolment, { programId: DEMO_PROGRAM_ID, personId }) };
    },
    ok: 204,
    denied: managersOnly(204),
  },
  'POST /api/programs/:programId/enrolments/import': {
    owner: 'manager',
    request: async () => ({
      path: pathFor(paths.enrolmentImport, { programId: DEMO_PROGRAM_ID }),
      body: {
        csv: `personId,displayName,role,timeZone,workStart,workEnd,workDays,mentorCapacity\n${randomUUID()},Matrix Import,mentee,Europe/Berlin,09:00,17:00,1-5,0`,
      },
    }),
    ok: 200,
    denied: managersOnly(200),
  },
  'GET /api/programs/:programId/enrolments/template.csv': {
    owner: 'manager',
    request: async () => ({ path: pathFor(paths.enrolmentTemplate, { programId: DEMO_PROGRAM_ID }) }),
    ok: 200,
    denied: managersOnly(200),
  },
  'GET /api/programs/:programId/survey': {
    owner: 'mentee',
    request: async () => ({ path: pathFor(paths.survey, { programId: DEMO_PROGRAM_ID }) }),
    ok: 200,
    // Every participant of the program answers its survey (the other mentee's pair is only proposed
    // yet); a manager who takes no part in it does not.
    denied: { stranger: 404, ...secondTenant, otherMentee: 404, otherMentor: 200, programManager: 404 },
  },
  'PUT /api/programs/:programId/survey/answers': {
    owner: 'mentee',
    request: async () => ({
      path: pathFor(paths.surveyAnswers, { programId: DEMO_PROGRAM_ID }),
      body: { ratings: { 'worth-time': 4, 'goals-moved': 4, recommend: 5 }, texts: { change: `Matrix ${Math.random()}` } },
    }),
    ok: 200,
    denied: { stranger: 404, ...secondTenant, otherMentee: 404, otherMentor: 200, programManager: 404 },
  },
  'GET /api/programs/:programId/survey/results': {
    owner: 'manager',
    request: async () => ({ path: pathFor(paths.surveyResults, { programId: DEMO_PROGRAM_ID }) }),
    ok: 200,
    // Only the program's managers, and only in aggregate: participants learn nothing of others' answers.
    denied: { stranger: 404, ...secondTenant, otherMentee: 404, otherMentor: 404, programManager: 200 },
  },
  'GET /api/programs/:programId/health': {
    owner: 'manager',
    request: async () => ({ path: pathFor(paths.programHealth, { programId: DEMO_PROGRAM_ID }) }),
    ok: 200,
    // The program's health is its managers' alone; its pairs' people never see it.
    denied: { stranger: 404, ...secondTenant, otherMentee: 404, otherMentor: 404, programManager: 200 },
  },
  'GET /api/programs/:programId/health.csv': {
    owner: 'manager',
    request: async () => ({ path: pathFor(paths.programHealthCsv, { programId: DEMO_PROGRAM_ID }) }),
    ok: 200,
    denied: { stranger: 404, ...secondTenant, otherMentee: 404, otherMentor: 404, programManager: 200 },
  },
  'GET /api/pairs/:pairId/renewal': {
    owner: 'mentee',
    request: async () => ({ path: pathFor(paths.renewal, { pairId }) }),
    ok: 200,
    denied: hidden,
  },
  'PUT /api/pairs/:pairId/renewal': {
    // The demo's cycle ends months away: the pair's own decision is refused until the renewal opens
    // (the decisions themselves are tests/renewal/renewalApi.test.ts); nobody else learns the pair exists.
    owner: 'mentee',
    request: async () => ({
      path: pathFor(paths.renewal, { pairId }),
      body: { goals: [], pair: 'continue' },
      etag: (await planOf()).pair.etag,
    }),
    ok: 400,
    denied: hidden,
  },
  'POST /api/pairs/:pairId/repair-request': {
    owner: 'mentee',
    request: async () => ({ path: pathFor(paths.repairRequest, { pairId }), body: { reason: 'Matrix: we would like another match.' } }),
    ok: 201,
    // Only the pair's own members ask; nobody else learns the pair exists.
    denied: hidden,
  },
  'GET /api/programs/:programId/requests': {
    owner: 'manager',
    request: async () => ({ path: pathFor(paths.programRequests, { programId: DEMO_PROGRAM_ID }) }),
    ok: 200,
    // Only the program's managers: the pair's members and everyone else learn nothing here.
    denied: { stranger: 404, ...secondTenant, otherMentee: 404, otherMentor: 404, programManager: 200 },
  },
  'POST /api/programs/:programId/requests/:requestId/handled': {
    owner: 'manager',
    request: async () => {
      // Asking again reopens the mentee's request: each caller meets an open one.
      await asMentee('POST', { path: pathFor(paths.repairRequest, { pairId }), body: { reason: 'Matrix: reopened.' } });
      const open = await send('GET', { path: pathFor(paths.programRequests, { programId: DEMO_PROGRAM_ID }) }, ownerTokens.manager);
      const requestId = open.body.repairs.find((r: { pairId: string }) => r.pairId === pairId).id as string;
      return { path: pathFor(paths.programRequestHandled, { programId: DEMO_PROGRAM_ID, requestId }) };
    },
    ok: 200,
    denied: { stranger: 404, ...secondTenant, otherMentee: 404, otherMentor: 404, programManager: 200 },
  },
};

/** The program's managers alone: everyone else is told there is no such program. */
function managersOnly(managerStatus: number): Partial<Record<Caller, number>> {
  return { stranger: 404, ...secondTenant, otherMentee: 404, otherMentor: 404, programManager: managerStatus };
}

/** Someone new to the program, to enrol as a mentee. */
const enrolmentBody = (personId: string) => ({
  personId,
  displayName: 'Matrix Enrolled',
  role: 'mentee',
  timeZone: 'Europe/Berlin',
  workingHours: { start: '09:00', end: '17:00', days: [1, 2, 3, 4, 5] },
});

/** A mentor with a free place and a mentee, new to the app and enrolled in the demo program, so that pairing them is always allowed. */
async function freshPair(): Promise<[string, string]> {
  const ids = [randomUUID(), randomUUID()] as [string, string];
  const base = { tenantId: DEVELOPMENT_TENANT_ID, timeZone: 'Europe/Berlin', workingHours: otherMentor.workingHours };
  const { people, enrolments } = server.app.repositories;
  const enrolled = { programId: DEMO_PROGRAM_ID, ...base, enrolledAt: new Date().toISOString() };
  await people.save({ ...base, id: ids[0], displayName: 'Matrix Mentor', mentorCapacity: 1 });
  await people.save({ ...base, id: ids[1], displayName: 'Matrix Mentee', mentorCapacity: 0 });
  await enrolments.createAll([
    { ...enrolled, personId: ids[0], displayName: 'Matrix Mentor', role: 'mentor', mentorCapacity: 1 },
    { ...enrolled, personId: ids[1], displayName: 'Matrix Mentee', role: 'mentee', mentorCapacity: 0 },
  ]);
  return ids;
}

async function newNote() {
  const created = await asMentee('POST', { path: pathFor(paths.journal, { pairId }), body: { body: `Matrix note ${Math.random()}` } });
  return { path: pathFor(paths.journalEntry, { pairId, entryId: created.body.value.id }), etag: created.body.etag as string };
}

const apiRoutes = () =>
  listRoutes(server.app.app)
    .filter((r) => r.path.startsWith('/api/') && r.path !== '/api/messages') // the bot endpoint takes Bot Framework tokens: tests/bot
    .map((r) => `${r.method} ${r.path}`);

test.beforeAll(async ({ entra, server, seedCheckIn }) => {
  const { people, plans } = server.app.repositories;
  await Promise.all([people.save(otherMentor), people.save(otherMentorsMentee)]);
  const alexPair = (await plans.load(pairId))!.mentorship.value;
  const otherPair = await plans.createPair(
    { ...alexPair, id: 'matrix-other-pair', mentorId: otherMentor.id, menteeId: otherMentorsMentee.id },
    {
      mentor: { id: otherMentor.id, displayName: otherMentor.displayName, timeZone: otherMentor.timeZone },
      mentee: { id: otherMentorsMentee.id, displayName: otherMentorsMentee.displayName, timeZone: otherMentorsMentee.timeZone },
    },
  );
  if (!otherPair.ok) throw new Error(otherPair.error.message);

  await seedCheckIn({
    pairId,
    slot: answeredSlot,
    answeredBy: demoPeople.menteeAlex.id,
    answer: { goals: [], confidence: 3, wins: '', blockers: '', nextSteps: '', needHelpWith: '' },
  });

  ownerTokens.mentee = await entra.mint({ oid: demoPeople.menteeAlex.id });
  ownerTokens.mentor = await entra.mint({ oid: demoPeople.mentor.id });
  ownerTokens.manager = await entra.mint({ oid: demoPeople.manager.id });
  Object.assign(tokens, {
    expired: await entra.mint({
      oid: demoPeople.menteeAlex.id,
      exp: secondsFromNow(-3600),
      iat: secondsFromNow(-7200),
      nbf: secondsFromNow(-7200),
    }),
    stranger: await entra.mint({ oid: '6b2f3c9e-7d8a-4c1b-8e4f-a7b8c9d0e1f2' }),
    otherTenant: await entra.mint({ oid: demoPeople.menteeAlex.id, tid: entra.otherTenantId }),
    // The first tenant's manager's object id, with the role, in the second tenant: neither counts here.
    secondTenantManager: await entra.mint({ oid: demoPeople.manager.id, tid: entra.secondTenantId, roles: [PROGRAM_MANAGER_ROLE] }),
    // The rightful mentee's object id, from the second tenant: someone else.
    secondTenantPerson: await entra.mint({ oid: demoPeople.menteeAlex.id, tid: entra.secondTenantId }),
    otherMentee: await entra.mint({ oid: demoPeople.menteeSam.id }),
    otherMentor: await entra.mint({ oid: otherMentor.id }),
    programManager: ownerTokens.manager,
  });
});

describe('the route table', () => {
  it('has a row for every API route and no row for a route that does not exist', () => {
    expect(apiRoutes().sort()).toEqual(Object.keys(matrix).sort());
  });

  it('compares every table of the app before and after a refused write', async () => {
    for (const name of Object.keys(tableNames) as (keyof typeof tableNames)[]) {
      const table = tablesOf(server)[name];
      const before = await storageSnapshot(server);
      await table.upsertEntity({ partitionKey: 'snapshot-probe', rowKey: name });
      expect(await storageSnapshot(server), `a row written to ${name} changes the snapshot`).not.toBe(before);
      await table.deleteEntity('snapshot-probe', name);
      expect(await storageSnapshot(server)).toBe(before);
    }
  });
});

describe.each(Object.keys(matrix))('%s', (key) => {
  const row = matrix[key]!;
  const method = key.split(' ')[0]!;

  it.each(callers)('as %s', async (caller) => {
    const token = caller === 'rightful' ? ownerTokens[row.owner] : caller === 'anonymous' ? undefined : tokens[caller];
    const expected = caller === 'rightful' ? row.ok : (row.denied?.[caller] ?? 401);
    const req = await row.request();
    const before = method === 'GET' || expected < 400 ? '' : await storageSnapshot(server);
    const res = await send(method, req, token);
    expect(res.status).toBe(expected);
    if (expected >= 400) {
      expect(res.body.error.code).toEqual(expect.any(String));
      if (before) expect(await storageSnapshot(server)).toBe(before);
    }
  });
});
