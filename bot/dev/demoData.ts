// The demo program a new user sees on the first start: a program with three strategic priorities,
// a mentor with two mentees in other time zones, their agreements, goals, milestones and
// activities. Dates are relative to today so the plan always looks current (some milestones done,
// one overdue, the rest ahead).
import { addDays, todayIn } from '../../shared/dates';
import type { DevelopmentActivity } from '../../shared/activity';
import type { Goal } from '../../shared/goal';
import type { Agreement, Mentorship } from '../../shared/mentorship';
import type { Milestone } from '../../shared/milestone';
import { DEVELOPMENT_TENANT_ID, type Person } from '../../shared/person';
import { defaultCheckInQuestions, defaultScorecardMetrics, type Program } from '../../shared/program';
import type { Win } from '../../shared/recognition/win';
import { checkpointPeriod, emptyCheckpoint, type Checkpoint, type ScorecardValue } from '../../shared/checkpoints/checkpoint';
import type { JournalEntry } from '../../shared/journal/journalEntry';

export const DEMO_PROGRAM_ID = 'demo-program';
/** The demo program, its people and pairs belong to the development tenant. */
export const DEMO_TENANT_ID = DEVELOPMENT_TENANT_ID;

export const demoPeople = {
  mentor: {
    id: '0b6f7c3e-1d2a-4c5b-9e8f-a1b2c3d4e5f6',
    tenantId: DEMO_TENANT_ID,
    displayName: 'Priya Raman',
    jobTitle: 'Principal Engineer',
    email: 'priya.raman@contoso.example',
    timeZone: 'Europe/London',
    workingHours: { start: '08:30', end: '18:00', days: [1, 2, 3, 4, 5] },
    mentorCapacity: 3,
  },
  menteeAlex: {
    id: '1c7a8d4f-2e3b-4d6c-8f9a-b2c3d4e5f6a7',
    tenantId: DEMO_TENANT_ID,
    displayName: 'Alex Chen',
    jobTitle: 'Software Engineer II',
    email: 'alex.chen@contoso.example',
    timeZone: 'America/Los_Angeles',
    workingHours: { start: '09:00', end: '17:30', days: [1, 2, 3, 4, 5] },
    mentorCapacity: 0,
  },
  menteeSam: {
    id: '2d8b9e5a-3f4c-4e7d-9a0b-c3d4e5f6a7b8',
    tenantId: DEMO_TENANT_ID,
    displayName: 'Sam Okafor',
    jobTitle: 'Data Analyst',
    email: 'sam.okafor@contoso.example',
    timeZone: 'Asia/Kolkata',
    workingHours: { start: '10:00', end: '18:30', days: [1, 2, 3, 4, 5] },
    mentorCapacity: 0,
  },
  manager: {
    id: '3e9c0f6b-4a5d-4f8e-8b1c-d4e5f6a7b8c9',
    tenantId: DEMO_TENANT_ID,
    displayName: 'Jordan Lee',
    jobTitle: 'L&D Program Manager',
    email: 'jordan.lee@contoso.example',
    timeZone: 'America/New_York',
    workingHours: { start: '09:00', end: '17:00', days: [1, 2, 3, 4, 5] },
    mentorCapacity: 0,
  },
} satisfies Record<string, Person>;

export const demoPairIds = { alex: 'demo-pair-alex', sam: 'demo-pair-sam' } as const;

export function demoProgram(today: string): Program {
  return {
    id: DEMO_PROGRAM_ID,
    tenantId: DEMO_TENANT_ID,
    name: 'Engineering Mentoring 2026',
    priorities: [
      {
        id: 'customer-reliability',
        name: 'Customer reliability',
        description: 'Services our customers can count on: fewer incidents, faster recovery.',
        behaviors: ['Designs for failure', 'Owns incidents end to end', 'Shares post-incident learning'],
      },
      {
        id: 'ai-enabled-products',
        name: 'AI-enabled products',
        description: 'Put useful AI features in customers’ hands, responsibly.',
        behaviors: ['Prototypes quickly with real data', 'Evaluates models against clear metrics', 'Raises responsible-AI questions early'],
      },
      {
        id: 'cross-team-leadership',
        name: 'Cross-team leadership',
        description: 'Grow leaders who make other teams better.',
        behaviors: ['Builds alignment across teams', 'Gives clear, kind feedback', 'Mentors others'],
      },
    ],
    checkInCadence: 'biweekly',
    checkpointIntervalMonths: 3,
    cycleStart: addDays(today, -60),
    cycleEnd: addDays(today, 305),
    renewalDate: addDays(today, 290),
    scorecardMetrics: defaultScorecardMetrics,
    checkInQuestions: defaultCheckInQuestions,
    managerIds: [demoPeople.manager.id],
  };
}

const agreementFor = (mentee: Person): Agreement => ({
  rolesAndResponsibilities: `${demoPeople.mentor.displayName} brings questions, introductions and honest feedback; ${mentee.displayName} owns the plan, prepares each session and follows up.`,
  meetingCadence: 'biweekly',
  meetingLengthMinutes: 45,
  preferredChannel: 'teams_meeting',
  style: 'Direct and practical; start with wins, then blockers.',
  boundaries: 'No performance ratings; mentor does not contact the manager without consent.',
  confidentiality: 'What we discuss stays between us unless we agree otherwise.',
  hoursPerMonth: 2,
  mentor: { timeZone: demoPeople.mentor.timeZone, workingHours: demoPeople.mentor.workingHours },
  mentee: { timeZone: mentee.timeZone, workingHours: mentee.workingHours },
});

export interface DemoPair {
  mentorship: Mentorship;
  mentee: Person;
  goals: Goal[];
  milestones: Milestone[];
  activities: DevelopmentActivity[];
  /** Wins in the plan; one shared in the program's weekly digest by its mentee. */
  wins: Win[];
  /** Notes in the pair's journal, of every visibility (one the mentee shared with the program). */
  journal: JournalEntry[];
}

export function demoPairs(now: Date): DemoPair[] {
  const today = todayIn('UTC', now);
  const at = now.toISOString();
  // Alex's mentorship is about a year old (see alexStartDate): three quarterly checkpoints are
  // behind, the fourth is due soon.
  const alexStart = alexStartDate(today);
  const goal = (
    pairId: string,
    id: string,
    by: string,
    g: Omit<Goal, 'id' | 'pairId' | 'revision' | 'createdAt' | 'createdBy' | 'updatedAt' | 'updatedBy' | 'status'>,
  ): Goal => ({
    id,
    pairId,
    status: 'active',
    revision: 1,
    createdAt: at,
    createdBy: by,
    updatedAt: at,
    updatedBy: by,
    ...g,
  });
  const alex = demoPeople.menteeAlex;
  const sam = demoPeople.menteeSam;
  const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();
  return [
    {
      mentee: alex,
      mentorship: {
        id: demoPairIds.alex,
        tenantId: DEMO_TENANT_ID,
        programId: DEMO_PROGRAM_ID,
        mentorId: demoPeople.mentor.id,
        menteeId: alex.id,
        startDate: alexStart,
        status: 'active',
        agreement: agreementFor(alex),
        acceptedByMentorAt: at,
        acceptedByMenteeAt: at,
      },
      goals: [
        goal(demoPairIds.alex, 'alex-oncall', alex.id, {
          title: 'Lead incident response for the payments service',
          description: 'Be the incident commander for payments incidents, from page to post-incident review, without a shadow.',
          metric: 'Incidents led as commander',
          unit: 'incidents',
          baseline: 0,
          target: 4,
          current: 1,
          resources: 'Incident commander training; shadowing Priya on two incidents.',
          risks: 'Few incidents this quarter.',
          hoursPerMonth: 6,
          priorityId: 'customer-reliability',
          aspiration: 'Become the go-to engineer when production is on fire.',
          dueDate: addDays(today, 75),
        }),
        goal(demoPairIds.alex, 'alex-eval', alex.id, {
          title: 'Ship an evaluation harness for the support-answer model',
          description: 'An offline evaluation that scores answer quality on 500 real tickets and runs on every model change.',
          metric: 'Tickets in the evaluation set',
          unit: 'tickets',
          baseline: 0,
          target: 500,
          current: 120,
          resources: 'Data science office hours; labelled tickets from support.',
          hoursPerMonth: 8,
          priorityId: 'ai-enabled-products',
          aspiration: 'Grow into ML engineering.',
          dueDate: addDays(today, 120),
        }),
        goal(demoPairIds.alex, 'alex-speaking', alex.id, {
          title: 'Present at the engineering all-hands',
          description: 'Share what we learned from the payments outage.',
          dueDate: addDays(today, 45),
        }),
      ],
      milestones: [
        {
          id: 'alex-m1',
          goalId: 'alex-oncall',
          title: 'Finish incident commander training',
          dueDate: addDays(today, -20),
          done: true,
          doneAt: at,
        },
        { id: 'alex-m2', goalId: 'alex-oncall', title: 'Shadow two incidents', dueDate: addDays(today, -3), done: false },
        { id: 'alex-m3', goalId: 'alex-oncall', title: 'Lead first incident alone', dueDate: addDays(today, 30), done: false },
        { id: 'alex-m4', goalId: 'alex-eval', title: 'Agree the scoring rubric with support', dueDate: addDays(today, 14), done: false },
        { id: 'alex-m5', goalId: 'alex-eval', title: 'Run the harness in CI', dueDate: addDays(today, 90), done: false },
      ],
      activities: [
        {
          id: 'alex-a1',
          goalId: 'alex-oncall',
          kind: 'stretch_assignment',
          title: 'Own the payments on-call rotation for a month',
          notes: '',
          status: 'in_progress',
        },
        {
          id: 'alex-a2',
          goalId: 'alex-eval',
          kind: 'targeted_learning',
          title: 'Course: evaluating LLM applications',
          notes: 'Internal academy, 6 hours.',
          status: 'planned',
          dueDate: addDays(today, 40),
        },
        {
          id: 'alex-a3',
          goalId: 'alex-eval',
          kind: 'cross_functional_exposure',
          title: 'Sit with the support team for a day',
          notes: '',
          status: 'done',
        },
      ],
      wins: [
        {
          id: 'alex-win-1',
          pairId: demoPairIds.alex,
          goalId: 'alex-oncall',
          text: 'Ran the post-incident review for the payments outage: calm, clear, and every follow-up had an owner by the end.',
          recognizedBy: demoPeople.mentor.id,
          at: daysAgo(3),
          shareInDigest: true,
        },
        {
          id: 'alex-win-2',
          pairId: demoPairIds.alex,
          goalId: 'alex-eval',
          text: 'Labelled the first 120 real support tickets for the evaluation set.',
          recognizedBy: alex.id,
          at: daysAgo(10),
          shareInDigest: false,
        },
      ],
      journal: [
        {
          id: 'alex-note-private',
          pairId: demoPairIds.alex,
          kind: 'note',
          at: daysAgo(6),
          authorId: demoPeople.menteeAlex.id,
          visibility: 'private',
          menteeConsented: false,
          summary: 'Nervous about the all-hands talk: practise it twice with Priya first.',
          body: 'Nervous about the all-hands talk: practise it twice with Priya first.',
        },
        {
          id: 'alex-note-pair',
          pairId: demoPairIds.alex,
          kind: 'note',
          at: daysAgo(4),
          authorId: demoPeople.mentor.id,
          visibility: 'pair',
          menteeConsented: false,
          summary: 'Great incident review on Tuesday: clear timeline, calm tone.',
          body: 'Great incident review on Tuesday: clear timeline, calm tone.\n\nNext: let Alex run the **retro** on their own.',
        },
        {
          id: 'alex-note-program',
          pairId: demoPairIds.alex,
          kind: 'note',
          at: daysAgo(2),
          authorId: demoPeople.menteeAlex.id,
          visibility: 'program',
          menteeConsented: true,
          visibilityBeforeSharing: 'pair',
          summary: 'Led my first incident review end to end.',
          body: 'Led my first incident review end to end.\n\n- Time to mitigate: **45 → 20 minutes**\n- Every follow-up had an owner',
        },
        {
          id: 'alex-note-mentor-private',
          pairId: demoPairIds.alex,
          kind: 'note',
          at: daysAgo(1),
          authorId: demoPeople.mentor.id,
          visibility: 'private',
          menteeConsented: false,
          summary: 'Ask Jordan about a stretch assignment for Alex next quarter.',
          body: 'Ask Jordan about a stretch assignment for Alex next quarter.',
        },
      ],
    },
    {
      mentee: sam,
      mentorship: {
        id: demoPairIds.sam,
        tenantId: DEMO_TENANT_ID,
        programId: DEMO_PROGRAM_ID,
        mentorId: demoPeople.mentor.id,
        menteeId: sam.id,
        startDate: addDays(today, -10),
        status: 'proposed',
        agreement: agreementFor(sam),
        acceptedByMentorAt: at,
      },
      goals: [
        goal(demoPairIds.sam, 'sam-stakeholders', sam.id, {
          title: 'Run the quarterly metrics review with product leads',
          description: 'Prepare and facilitate the review so product leads leave with decisions, not just charts.',
          metric: 'Reviews facilitated',
          unit: 'reviews',
          baseline: 0,
          target: 2,
          current: 0,
          resources: 'Facilitation guide; Priya reviews the first deck.',
          hoursPerMonth: 4,
          priorityId: 'cross-team-leadership',
          aspiration: 'Move toward a lead analyst role.',
          dueDate: addDays(today, 100),
        }),
      ],
      milestones: [
        { id: 'sam-m1', goalId: 'sam-stakeholders', title: 'Draft the first review deck', dueDate: addDays(today, 21), done: false },
      ],
      activities: [
        {
          id: 'sam-a1',
          goalId: 'sam-stakeholders',
          kind: 'networking',
          title: 'Meet each product lead one to one',
          notes: '',
          status: 'planned',
        },
      ],
      wins: [
        {
          id: 'sam-win-1',
          pairId: demoPairIds.sam,
          goalId: 'sam-stakeholders',
          text: 'Drafted an agenda for the metrics review that ends in decisions, not just charts.',
          recognizedBy: demoPeople.mentor.id,
          at: daysAgo(1),
          shareInDigest: false,
        },
      ],
      journal: [],
    },
  ];
}

/**
 * 354 days before today: 60 days and then 21 whole two-week periods, so the pair's biweekly
 * check-ins fall on the same days as for a pair started 60 days ago.
 */
export const alexStartDate = (today: string): string => addDays(today, -60 - 14 * 21);

/**
 * Alex's three signed-off quarterly checkpoints, with a trend worth a chart: milestones done on time
 * and both people's ratings rise, one goal recalibrated at the second.
 */
export function demoCheckpoints(now: Date): Checkpoint[] {
  const today = todayIn('UTC', now);
  const start = alexStartDate(today);
  const trend: { metrics: Record<string, number>; ratings: { mentee: Record<string, number>; mentor: Record<string, number> } }[] = [
    {
      metrics: { 'task-completion': 50, 'stakeholder-satisfaction': 3.4 },
      ratings: { mentee: { quality: 3, 'learning-transfer': 2 }, mentor: { quality: 3, 'learning-transfer': 3 } },
    },
    {
      metrics: { 'task-completion': 67, 'stakeholder-satisfaction': 3.8 },
      ratings: { mentee: { quality: 3, 'learning-transfer': 3 }, mentor: { quality: 4, 'learning-transfer': 3 } },
    },
    {
      metrics: { 'task-completion': 80, 'stakeholder-satisfaction': 4.1 },
      ratings: { mentee: { quality: 4, 'learning-transfer': 4 }, mentor: { quality: 4, 'learning-transfer': 3 } },
    },
  ];
  const reflections = [
    {
      worked: 'Weekly shadowing of the on-call engineer.',
      didNotWork: 'Reading runbooks alone did not stick.',
      insights: 'Learning by doing beats reading.',
    },
    { worked: 'Running the incident drills myself.', didNotWork: 'Too many goals at once.', insights: 'Focus on one goal per quarter.' },
    {
      worked: 'Leading the post-incident reviews.',
      didNotWork: 'Asking for help late in an incident.',
      insights: 'Call for help early; it is a strength.',
    },
  ];
  return trend.map((t, i): Checkpoint => {
    const period = checkpointPeriod(start, 3, i + 1);
    const signedOffAt = `${addDays(period.dueDate, 2)}T15:00:00.000Z`;
    const mean = (id: string) => ((t.ratings.mentee[id] ?? 0) + (t.ratings.mentor[id] ?? 0)) / 2;
    const scorecard: ScorecardValue[] = [
      {
        metricId: 'task-completion',
        value: t.metrics['task-completion'],
        done: Math.round((t.metrics['task-completion']! / 100) * 6),
        total: 6,
      },
      { metricId: 'quality', value: mean('quality'), mentee: t.ratings.mentee.quality, mentor: t.ratings.mentor.quality },
      { metricId: 'stakeholder-satisfaction', value: t.metrics['stakeholder-satisfaction'], responses: 4 },
      {
        metricId: 'learning-transfer',
        value: mean('learning-transfer'),
        mentee: t.ratings.mentee['learning-transfer'],
        mentor: t.ratings.mentor['learning-transfer'],
      },
    ];
    return {
      ...emptyCheckpoint({ tenantId: DEMO_TENANT_ID, pairId: demoPairIds.alex, period }, signedOffAt, demoPeople.mentor.id),
      status: 'signed_off',
      ratings: t.ratings,
      reflections: reflections[i]!,
      recalibrations:
        i === 1 ? [{ goalId: 'alex-oncall', decision: 'change', reason: 'Lead incidents for payments only, not every service.' }] : [],
      agreementReviewed: true,
      signedByMentorAt: signedOffAt,
      signedByMenteeAt: signedOffAt,
      signedOffAt,
      scorecard,
      sharedWithProgram: i === 2,
    };
  });
}
