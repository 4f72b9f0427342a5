// The mentor's comment on a check-in from the tab, over the API against Azurite: the same use case
// as the card's comment, so the same rules (mentor only, answered check-ins, text required, a retry
// stored once), and the comment in the history both people read.
import { describe, expect } from 'vitest';
import { demoPairIds, demoPeople } from '../../bot/dev/demoData';
import { checkInTable } from '../../bot/storage/checkInTable';
import { paths, pathFor, type CheckInHistoryView } from '../../shared/api';
import type { MentorComment } from '../../shared/checkins/checkIn';
import type { CheckInRepository } from '../../shared/repositories';
import { apiAs } from '../support/apiClient';
import { serverTest } from '../support/fixtures';
import { tablesOf } from '../support/testServer';

const pairId = demoPairIds.alex;
const { menteeAlex: alex, mentor: priya, manager: jordan, menteeSam: sam } = demoPeople;

const test = serverTest
  .extend('checkIns', { scope: 'file' }, ({ server }): CheckInRepository => checkInTable(tablesOf(server)))
  .extend(
    'as',
    { scope: 'file' },
    ({ server }) =>
      (personId: string) =>
        apiAs(server.baseUrl, personId),
  );
const commentsOf = (slot: string) => pathFor(paths.checkInComments, { pairId, slot });

const answer = {
  goals: [{ goalId: 'alex-oncall', current: 2 }],
  confidence: 4,
  wins: 'Led a review.',
  blockers: '',
  nextSteps: '',
  needHelpWith: '',
};

test.beforeAll(async ({ seedCheckIn }) => {
  await seedCheckIn({ pairId, slot: '2026-02-02', answer });
  await seedCheckIn({ pairId, slot: '2026-02-16' });
});

describe('a mentor’s comment from the tab', () => {
  test('is stored on the check-in, shows in both people’s history, and a retry is stored once', async ({ as }) => {
    const text = 'Great review. Let us pick the next incident together.';
    const first = await as(priya.id).post<MentorComment>(commentsOf('2026-02-02'), { comment: `  ${text} ` });
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ id: expect.any(String), at: expect.any(String), by: priya.id, text });
    const retry = await as(priya.id).post<MentorComment>(commentsOf('2026-02-02'), { comment: text });
    expect(retry.body.id).toBe(first.body.id);

    for (const person of [alex, priya]) {
      const history = await as(person.id).get<CheckInHistoryView>(pathFor(paths.checkIns, { pairId }));
      expect(history.body.checkIns.find((c) => c.slot === '2026-02-02')?.comments).toEqual([first.body]);
    }
  });

  test('is refused from the mentee, strangers, on an unanswered check-in and when empty, with nothing stored', async ({ as, checkIns }) => {
    const before = await Promise.all(['2026-02-02', '2026-02-16'].map((slot) => checkIns.get(pairId, slot)));
    const refused: [string, string, unknown, number, string][] = [
      [alex.id, '2026-02-02', { comment: 'Me too' }, 403, 'forbidden'],
      [jordan.id, '2026-02-02', { comment: 'Hello' }, 404, 'not_found'],
      [sam.id, '2026-02-02', { comment: 'Hello' }, 404, 'not_found'],
      [priya.id, '2026-02-16', { comment: 'Too early' }, 400, 'invalid'],
      [priya.id, '2026-02-02', { comment: '   ' }, 400, 'invalid'],
      [priya.id, '2026-02-02', { comment: 'x'.repeat(4_001) }, 400, 'invalid'],
      [priya.id, '2026-02-02', { text: 'Wrong field' }, 400, 'invalid'],
      [priya.id, '2026-03-30', { comment: 'No such check-in' }, 404, 'not_found'],
    ];
    for (const [personId, slot, body, status, code] of refused) {
      const res = await as(personId).post(commentsOf(slot), body);
      expect(res.status, `${slot} ${JSON.stringify(body).slice(0, 40)}`).toBe(status);
      expect(res.body.error.code).toBe(code);
    }
    const empty = await as(priya.id).post(commentsOf('2026-02-02'), { comment: '' });
    expect(empty.body.error.issues).toEqual([{ path: 'comment', message: 'Write a comment.' }]);
    const early = await as(priya.id).post(commentsOf('2026-02-16'), { comment: 'Too early' });
    expect(early.body.error.message).toBe('A check-in takes comments once it is answered.');
    expect(await Promise.all(['2026-02-02', '2026-02-16'].map((slot) => checkIns.get(pairId, slot)))).toEqual(before);
  });
});
