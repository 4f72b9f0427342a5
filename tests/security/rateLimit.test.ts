// API writes are limited per person (RATE_LIMIT_WRITES_PER_MINUTE); reads and the bot endpoint are
// not. The test counts requests: with a limit of 3, the fourth write in the window is refused.
import { describe, expect } from 'vitest';
import { parseConfig } from '../../bot/config';
import { demoPairIds, demoPeople } from '../../bot/dev/demoData';
import { paths, pathFor, type PlanView } from '../../shared/api';
import { messageActivity, postActivity } from '../support/botActivities';
import { serverTest } from '../support/fixtures';

const LIMIT = 3;
const goals = pathFor(paths.goals, { pairId: demoPairIds.alex });
const plan = pathFor(paths.plan, { pairId: demoPairIds.alex });

const test = serverTest.override({ serverOptions: { env: { RATE_LIMIT_WRITES_PER_MINUTE: String(LIMIT) } } }).extend(
  'titlesIn',
  ({ alex }) =>
    async () =>
      (await alex().get<PlanView>(plan)).body.goals.map((g) => g.value.title),
);

describe('write rate limit', () => {
  test('refuses a person’s writes over the limit with 429 and Retry-After, and stores nothing', async ({ alex, titlesIn }) => {
    for (let i = 1; i <= LIMIT; i++) expect((await alex().post(goals, { title: `Allowed goal ${i}` })).status).toBe(201);

    const refused = await alex().post(goals, { title: 'One goal too many' });
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({ error: { code: 'rate_limited', message: expect.stringMatching(/Wait a moment and try again/) } });
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);

    const titles = await titlesIn();
    expect(titles).toEqual(expect.arrayContaining(['Allowed goal 1', 'Allowed goal 2', 'Allowed goal 3']));
    expect(titles).not.toContain('One goal too many');
  });

  test('counts every write method, not only creates', async ({ alex }) => {
    const etag = (await alex().get<PlanView>(plan)).body.goals[0]!.etag;
    expect(
      (await alex().patch(pathFor(paths.goal, { pairId: demoPairIds.alex, goalId: 'alex-oncall' }), { current: 4 }, etag)).status,
    ).toBe(429);
    expect(
      (await alex().delete(pathFor(paths.milestone, { pairId: demoPairIds.alex, goalId: 'alex-oncall', milestoneId: 'm1' }), '*')).status,
    ).toBe(429);
  });

  test('does not limit reads', async ({ alex }) => {
    for (let i = 0; i < LIMIT * 3; i++) expect((await alex().get(plan)).status).toBe(200);
  });

  test('does not affect another person, even in the same pair', async ({ priya, titlesIn }) => {
    const res = await priya().post(goals, { title: 'Suggested by the mentor' });
    expect(res.status).toBe(201);
    expect(await titlesIn()).toContain('Suggested by the mentor');
  });

  test('does not apply to the bot endpoint, which Teams throttles itself', async ({ server, connector }) => {
    const user = { id: '29:1rate-limit', aadObjectId: demoPeople.menteeAlex.id };
    for (let i = 0; i <= LIMIT; i++) {
      expect((await postActivity(server.baseUrl, messageActivity({ serviceUrl: connector.serviceUrl, user, text: 'help' }))).status).toBe(
        200,
      );
    }
  });
});

describe('RATE_LIMIT_WRITES_PER_MINUTE', () => {
  test('defaults to 60 and refuses a limit that is not a positive whole number', () => {
    expect(parseConfig({}).rateLimit).toEqual({ writesPerMinute: 60 });
    expect(parseConfig({ RATE_LIMIT_WRITES_PER_MINUTE: '600' }).rateLimit).toEqual({ writesPerMinute: 600 });
    for (const bad of ['0', '-5', '2.5', 'many'])
      expect(() => parseConfig({ RATE_LIMIT_WRITES_PER_MINUTE: bad })).toThrow(/RATE_LIMIT_WRITES_PER_MINUTE/);
  });
});
