// Property test over what Teams sends the bot through /api/messages: every card action verb
// (Action.Execute) and every message-extension payload (fetchTask, submitAction, query, queryLink),
// each built valid for its rightful sender and then mutated the ways fuzzBodies.ts describes, with one
// of the hostile header sets. The bot never answers a 5xx (nor an invoke response with a 5xx status),
// and an invoke it refuses, or one that only reads, leaves every table of the app as it was.
import fc from 'fast-check';
import { describe, expect } from 'vitest';
import { checkInVerbs } from '../../bot/cards/checkInCard';
import { digestChannelVerbs } from '../../bot/cards/digestChannelCard';
import { feedbackAskVerbs } from '../../bot/cards/feedbackAskCards';
import { feedbackVerbs } from '../../bot/cards/feedbackRequestCard';
import { MENTOR_COMMENT_INPUT } from '../../bot/cards/mentorCheckInCard';
import { goalChoiceValue, meInputs, requestFeedbackSteps } from '../../bot/cards/messageExtensionForms';
import { PAIR_CHOICE_VERB } from '../../bot/cards/pairChoiceCard';
import { en } from '../../bot/cards/strings';
import { DEMO_PROGRAM_ID, demoPeople } from '../../bot/dev/demoData';
import { meCommands, MY_GOALS_SEARCH_PARAMETER } from '../../bot/teams/messageExtensionCommands';
import { paths, pathFor } from '../../shared/api';
import { addDays, todayIn } from '../../shared/dates';
import { apiAs } from '../support/apiClient';
import { cardActionActivity, composeExtensionActivity, type TeamsUser } from '../support/botActivities';
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
  mutatedObject,
  mutation,
  newFigures,
  printFigures,
  snapshotsOf,
} from './fuzzBodies';

const RUNS = fuzzRuns(150);
const goalId = 'alex-oncall';
const openSlot = '2026-03-02';
const users = {
  alex: { id: '29:1fuzzalex', aadObjectId: demoPeople.menteeAlex.id, name: demoPeople.menteeAlex.displayName },
  priya: { id: '29:1fuzzpriya', aadObjectId: demoPeople.mentor.id, name: demoPeople.mentor.displayName },
  jordan: { id: '29:1fuzzjordan', aadObjectId: demoPeople.manager.id, name: demoPeople.manager.displayName },
} satisfies Record<string, TeamsUser>;
type Who = keyof typeof users;

/** One payload the bot handles: who sends it, what kind of invoke, and a valid sample of the part that is mutated. */
interface Payload {
  who: Who;
  /** A card's verb (Action.Execute: the card's `data` is mutated) or a message-extension invoke (its `value`, or a submit's `data`). */
  kind: 'card' | 'fetchTask' | 'submitAction' | 'query' | 'queryLink';
  verbOrCommand: string;
  sample: Record<string, unknown>;
}

/** Texts a refusal shows: the refused card's title and every "what to fix" heading. */
const refusalMarks: string[] = [en.refused.title];
const collectProblemTitles = (node: unknown): void => {
  if (node && typeof node === 'object')
    for (const [k, v] of Object.entries(node)) {
      if (k === 'problemsTitle' && typeof v === 'string') refusalMarks.push(v);
      else collectProblemTitles(v);
    }
};
collectProblemTitles(en);

describe('fuzzed card actions and message-extension payloads', () => {
  test('answer no 5xx and write nothing when refused or only reading', async ({ server, connector, bot, seedCheckIn }) => {
    const today = todayIn(demoPeople.menteeAlex.timeZone, new Date());
    for (const user of Object.values(users)) await bot.install(user);

    // What the payloads name: a sent check-in to answer, an answered one to comment on, a 360 request naming the manager.
    await seedCheckIn({ pairId, slot: answeredSlot, answer: emptyCheckInAnswer });
    await seedCheckIn({ pairId, slot: openSlot });
    const asked = await apiAs(server.baseUrl, demoPeople.menteeAlex.id).post(pathFor(paths.feedbackRequests, { pairId }), {
      goalId,
      behaviors: ['Fuzz behavior'],
      respondents: [{ personId: demoPeople.manager.id, displayName: demoPeople.manager.displayName, relation: 'supervisor' }],
      closesOn: addDays(today, 7),
    });
    expect(asked.status).toBe(201);
    const requestId: string = asked.body.request.value.id;

    const payloads: Payload[] = [
      {
        who: 'alex',
        kind: 'card',
        verbOrCommand: checkInVerbs.submit,
        sample: {
          pairId,
          slot: openSlot,
          confidence: '4',
          wins: 'Shipped the runbook.',
          blockers: '',
          nextSteps: 'Pair on the next incident.',
          needHelpWith: '',
          [`goal.${goalId}.current`]: '3',
          [`goal.${goalId}.status`]: 'on_track',
        },
      },
      {
        who: 'priya',
        kind: 'card',
        verbOrCommand: checkInVerbs.comment,
        sample: { pairId, slot: answeredSlot, [MENTOR_COMMENT_INPUT]: 'Well done.' },
      },
      {
        who: 'jordan',
        kind: 'card',
        verbOrCommand: feedbackVerbs.respond,
        sample: { pairId, requestId, 'rating.0': '4', example: 'An example.', suggestion: 'A suggestion.' },
      },
      { who: 'jordan', kind: 'card', verbOrCommand: feedbackVerbs.refresh, sample: { pairId, requestId } },
      { who: 'jordan', kind: 'card', verbOrCommand: feedbackVerbs.edit, sample: { pairId, requestId } },
      { who: 'alex', kind: 'card', verbOrCommand: feedbackAskVerbs.chooseGoal, sample: { pairId, goalId } },
      {
        who: 'alex',
        kind: 'card',
        verbOrCommand: feedbackAskVerbs.create,
        sample: {
          pairId,
          goalId,
          behaviors: '0',
          extraBehaviors: 'Explains trade-offs clearly',
          respondents: demoPeople.manager.id,
          relation: 'supervisor',
          closesOn: addDays(today, 10),
          anonymous: 'false',
        },
      },
      { who: 'priya', kind: 'card', verbOrCommand: PAIR_CHOICE_VERB, sample: { command: 'plan', pairId, args: [] } },
      {
        who: 'jordan',
        kind: 'card',
        verbOrCommand: digestChannelVerbs.setChannel,
        sample: { channelId: '19:general', programId: DEMO_PROGRAM_ID },
      },
      ...[meCommands.sendFeedback, meCommands.recognizeWin, meCommands.requestFeedback, 'noSuchCommand'].map((commandId): Payload => ({
        who: 'alex',
        kind: 'fetchTask',
        verbOrCommand: commandId,
        sample: { commandId, commandContext: 'compose', context: { theme: 'default' } },
      })),
      {
        who: 'priya',
        kind: 'submitAction',
        verbOrCommand: meCommands.sendFeedback,
        sample: { [meInputs.goal]: goalChoiceValue(pairId, goalId), [meInputs.text]: 'You ran the bridge calmly.' },
      },
      {
        who: 'alex',
        kind: 'submitAction',
        verbOrCommand: meCommands.recognizeWin,
        sample: {
          [meInputs.pair]: pairId,
          [meInputs.goal]: goalChoiceValue(pairId, goalId),
          [meInputs.text]: 'Led my first incident alone.',
          [meInputs.shareInDigest]: 'true',
        },
      },
      {
        who: 'alex',
        kind: 'submitAction',
        verbOrCommand: meCommands.requestFeedback,
        sample: {
          step: requestFeedbackSteps.details,
          pairId,
          goalId,
          [meInputs.behaviors]: '0',
          [meInputs.extraBehaviors]: '',
          [meInputs.relation(demoPeople.manager.id)]: 'supervisor',
          [meInputs.closesOn]: addDays(today, 10),
          [meInputs.anonymous]: 'false',
        },
      },
      {
        who: 'alex',
        kind: 'query',
        verbOrCommand: meCommands.myGoals,
        sample: {
          commandId: meCommands.myGoals,
          parameters: [{ name: MY_GOALS_SEARCH_PARAMETER, value: 'incident' }],
          queryOptions: { skip: 0, count: 25 },
        },
      },
      { who: 'alex', kind: 'queryLink', verbOrCommand: 'queryLink', sample: { url: `${server.baseUrl}/#/pairs/${pairId}/plan` } },
    ];

    const activityFor = (p: Payload, mutated: unknown) => {
      const where = { serviceUrl: connector.serviceUrl, user: users[p.who] };
      switch (p.kind) {
        case 'card':
          return cardActionActivity({ ...where, verb: p.verbOrCommand, data: mutated as Record<string, unknown> });
        case 'submitAction':
          return composeExtensionActivity({
            ...where,
            name: 'composeExtension/submitAction',
            value: { commandId: p.verbOrCommand, commandContext: 'compose', context: { theme: 'default' }, data: mutated },
          });
        default:
          return composeExtensionActivity({ ...where, name: `composeExtension/${p.kind}`, value: mutated as Record<string, unknown> });
      }
    };

    const figures = newFigures();
    const snapshots = snapshotsOf(() => storageSnapshot(server));
    const run = fc.nat(payloads.length - 1).chain((index) =>
      fc.record({
        index: fc.constant(index),
        mutation: mutation(Object.keys(payloads[index]!.sample)),
        headers: fc.nat(hostileHeaders.length - 1),
      }),
    );

    console.log(`[fuzz] bot: seed ${FUZZ_SEED} (FUZZ_SEED overrides), ${RUNS} activities over ${payloads.length} payloads`);
    await fc.assert(
      fc.asyncProperty(run, async ({ index, mutation: m, headers }) => {
        const p = payloads[index]!;
        const activity = activityFor(p, mutatedObject(p.sample, m));
        const before = await snapshots.before();
        const res = await bot.post(activity, { ...hostileHeaders[headers] });
        figures.sent++;
        figures.byStatus[res.status] = (figures.byStatus[res.status] ?? 0) + 1;
        let answer: any;
        try {
          answer = JSON.parse(res.text);
        } catch {
          answer = undefined;
        }
        const what = `${p.kind} ${p.verbOrCommand} as ${p.who} headers#${headers} ${m.kind} ${describeBody(JSON.stringify(activity.value))} -> ${res.status} ${res.text.slice(0, 300)}`;
        const innerStatus = typeof answer?.statusCode === 'number' ? answer.statusCode : 200;
        if (res.status >= 500 || innerStatus >= 500) figures.serverErrors.push(what);
        // What must have written nothing: a read (opening a dialog, a search, a link) and whatever was refused.
        const refused =
          p.kind === 'fetchTask' ||
          p.kind === 'query' ||
          p.kind === 'queryLink' ||
          res.status >= 400 ||
          (p.kind === 'submitAction' && answer?.task !== undefined) ||
          (p.kind === 'card' && refusalMarks.some((mark) => res.text.includes(JSON.stringify(mark))));
        const after = await snapshots.after();
        if (refused) figures.refusedChecked++;
        if (refused && after !== before) figures.partialWrites.push(what);
        expect(figures.serverErrors).toEqual([]);
        expect(figures.partialWrites, 'a refused or read-only activity changed storage').toEqual([]);
        // Whatever happened, Teams never gets an error's internals.
        expect(res.text, what).not.toMatch(/at .*\.(ts|js):\d+|Error:/);
      }),
      { seed: FUZZ_SEED, numRuns: RUNS, endOnFailure: true },
    );

    printFigures('bot', figures);
    expect(figures.sent).toBe(RUNS);
    expect(figures.serverErrors).toEqual([]);
    expect(figures.partialWrites).toEqual([]);
    // The runs reached the handlers: some were carried out, not all refused.
    expect(figures.refusedChecked).toBeLessThan(figures.sent);
  }, 180_000);
});
