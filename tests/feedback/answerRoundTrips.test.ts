// Answering a request card runs inside Teams' invoke budget, so it reads as little as it can: the
// request row (which keeps the mentee's name and the goal's title from when it was made) and the
// person's earlier answer, side by side, then writes once. The plan is not read: with the plan's
// pair row gone, the answer is still stored and thanked for with the names the card showed.
import { describe, expect } from 'vitest';
import { feedbackInputs, feedbackVerbs } from '../../bot/cards/feedbackRequestCard';
import { demoPairIds, demoPeople } from '../../bot/dev/demoData';
import { encodeKey } from '../../bot/storage/tables';
import { paths, pathFor, type FeedbackRequestCreated } from '../../shared/api';
import { addDays, todayIn } from '../../shared/dates';
import { apiAs } from '../support/apiClient';
import { cardActionActivity, postActivity, type TeamsUser } from '../support/botActivities';
import { serverTest as test } from '../support/fixtures';
import { textsOf } from '../support/messageExtensionDriver';
import { tablesOf } from '../support/testServer';

const pairId = demoPairIds.alex;
const sam: TeamsUser = { id: '29:1sam', aadObjectId: demoPeople.menteeSam.id, name: demoPeople.menteeSam.displayName };

describe('answering a feedback request', () => {
  test('keeps the card’s names on the request row and answers without reading the plan', async ({ server, connector }) => {
    const asked = await apiAs(server.baseUrl, demoPeople.menteeAlex.id).post<FeedbackRequestCreated>(
      pathFor(paths.feedbackRequests, { pairId }),
      {
        goalId: 'alex-oncall',
        behaviors: ['Designs for failure'],
        respondents: [{ personId: sam.aadObjectId, displayName: sam.name, relation: 'peer' }],
        closesOn: addDays(todayIn('UTC', new Date()), 5),
      },
    );
    expect(asked.status).toBe(201);
    const request = asked.body.request.value;
    expect(request).toMatchObject({ menteeName: demoPeople.menteeAlex.displayName, goalTitle: asked.body.request.goalTitle });

    // Without the plan's pair row, loading the plan finds no plan at all.
    await tablesOf(server).plans.deleteEntity(encodeKey(pairId), 'pair');
    const data = {
      pairId,
      requestId: request.id,
      [feedbackInputs.rating(0)]: '4',
      [feedbackInputs.example]: 'Ran the game day.',
      [feedbackInputs.suggestion]: 'Write it up.',
    };
    const res = await postActivity(
      server.baseUrl,
      cardActionActivity({ serviceUrl: connector.serviceUrl, user: sam, verb: feedbackVerbs.respond, data }),
    );
    expect(res.status).toBe(200);
    const thanks = JSON.parse(res.text).value;
    expect(textsOf(thanks).join('\n')).toContain(demoPeople.menteeAlex.displayName);
    expect(textsOf(thanks).join('\n')).toContain(asked.body.request.goalTitle);
    const rows: unknown[] = [];
    for await (const row of tablesOf(server).plans.listEntities({
      queryOptions: { filter: `PartitionKey eq '${encodeKey(pairId)}' and kind eq 'feedbackresp'` },
    }))
      rows.push(row);
    expect(rows).toHaveLength(1);
  });
});
