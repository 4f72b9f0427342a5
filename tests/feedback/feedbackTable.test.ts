// 360 feedback through the service against Azurite: the rows it writes, read back by the table.
import { odata } from '@azure/data-tables';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoPairIds, demoPeople } from '../../bot/dev/demoData';
import { seedDemo } from '../../bot/dev/seedDemo';
import { feedbackTable } from '../../bot/storage/feedbackTable';
import { peopleTable } from '../../bot/storage/peopleTable';
import { planRowsFilter, planTable } from '../../bot/storage/planTable';
import { programTable } from '../../bot/storage/programTable';
import { encodeKey, ensureTables, openTables, type Tables } from '../../bot/storage/tables';
import { feedbackRequestInput } from '../../shared/feedback/feedbackRequest';
import { createFeedbackService, type FeedbackService } from '../../shared/feedback/feedbackService';
import type { Actor } from '../../shared/policy';
import type { FeedbackRepository } from '../../shared/repositories';
import { newTablePrefix, testConnectionString } from '../support/storage';
import { DEVELOPMENT_TENANT_ID } from '../../shared/person';

const pairId = demoPairIds.alex;
const clock = { date: new Date('2026-11-21T12:00:00Z') };
const actor = (id: string): Actor => ({ id, tenantId: DEVELOPMENT_TENANT_ID, timeZone: 'UTC', appRoles: [] });
const mentee = actor(demoPeople.menteeAlex.id);
const mentor = actor(demoPeople.mentor.id);
const respondents = [
  { personId: 'aaaa-0001', displayName: 'Ana Peer', relation: 'peer' as const },
  { personId: 'aaaa-0002', displayName: 'Ben Boss', relation: 'supervisor' as const },
  { personId: 'aaaa-0003', displayName: 'Cai Customer', relation: 'customer' as const },
];
const [ana, ben, cai] = respondents.map((r) => actor(r.personId)) as [Actor, Actor, Actor];
const behaviors = ['Designs for failure', 'Owns incidents end to end', 'Shares post-incident learning'];
const answer = (rating: number, example = 'Led the outage review.') => ({
  ratings: Object.fromEntries(behaviors.map((b) => [b, rating])),
  example,
  suggestion: 'Write the runbook first.',
});

let tables: Tables;
let repo: FeedbackRepository;
let service: FeedbackService;
let ids = 0;

const responseRows = async (requestId: string) => {
  const keys: string[] = [];
  const prefix = `feedbackresp|${requestId}|`;
  const filter = odata`PartitionKey eq ${encodeKey(pairId)} and RowKey ge ${prefix} and RowKey lt ${`feedbackresp|${requestId}}`}`;
  for await (const row of tables.plans.listEntities({ queryOptions: { filter } })) keys.push(row.rowKey ?? '');
  return keys;
};

async function newRequest(over: Record<string, unknown> = {}) {
  const created = await service.createRequest(
    mentee,
    pairId,
    feedbackRequestInput.parse({ goalId: 'alex-oncall', respondents, closesOn: '2026-11-30', ...over }),
  );
  if (!created.ok) throw new Error(created.error.message);
  return created.value.value;
}

beforeAll(async () => {
  tables = openTables({ connectionString: testConnectionString(), tablePrefix: newTablePrefix() });
  await ensureTables(tables);
  const plans = planTable(tables);
  const programs = programTable(tables);
  await seedDemo({ people: peopleTable(tables), programs, plans }, clock.date);
  repo = feedbackTable(tables);
  service = createFeedbackService({ plans, programs, feedback: repo, now: () => clock.date, newId: () => `fb-${++ids}` });
});

describe('feedback requests', () => {
  it('defaults the behaviors to the goal’s priority and lets only the mentee ask', async () => {
    const request = await newRequest();
    expect(request.behaviors).toEqual(behaviors);
    expect((await repo.getRequest(pairId, request.id))?.value).toEqual(request);
    const byMentor = await service.createRequest(
      mentor,
      pairId,
      feedbackRequestInput.parse({ goalId: 'alex-oncall', respondents, closesOn: '2026-11-30' }),
    );
    expect(byMentor.ok ? 'ok' : byMentor.error.code).toBe('forbidden');
    const pastDate = await service.createRequest(
      mentee,
      pairId,
      feedbackRequestInput.parse({ goalId: 'alex-oncall', respondents, closesOn: '2026-11-21' }),
    );
    expect(pastDate.ok ? 'ok' : pastDate.error.issues?.[0]?.path).toBe('closesOn');
    const otherGoal = await service.createRequest(
      mentee,
      pairId,
      feedbackRequestInput.parse({ goalId: 'sam-goal', respondents, closesOn: '2026-11-30' }),
    );
    expect(otherGoal.ok ? 'ok' : otherGoal.error.issues?.[0]?.path).toBe('goalId');
  });

  it('stores one answer per person: a second submit updates it', async () => {
    const request = await newRequest();
    const ref = { pairId, requestId: request.id };
    const first = await service.respond(ana, ref, answer(3));
    expect(first.ok && first.value.outcome).toBe('stored');
    const again = await service.respond(ana, ref, answer(3));
    expect(again.ok && again.value.outcome).toBe('duplicate');
    clock.date = new Date('2026-11-22T09:00:00Z');
    const changed = await service.respond(ana, ref, answer(5, 'Ran the game day.'));
    expect(changed.ok && changed.value.outcome).toBe('updated');
    expect(await responseRows(request.id)).toEqual([`feedbackresp|${request.id}|aaaa-0001`]);
    const stored = await repo.getResponse(pairId, request.id, 'aaaa-0001');
    expect(stored?.value).toMatchObject({
      example: 'Ran the game day.',
      answeredAt: '2026-11-21T12:00:00.000Z',
      updatedAt: '2026-11-22T09:00:00.000Z',
    });
    clock.date = new Date('2026-11-21T12:00:00Z');

    await service.respond(ben, ref, answer(4, 'Paged the right people.'));
    const results = await service.results(mentor, pairId, request.id);
    expect(results.ok).toBe(true);
    if (!results.ok || results.value.visibility !== 'shown') throw new Error('results hidden');
    expect(results.value.responseCount).toBe(2);
    expect(results.value.behaviors[0]).toMatchObject({ average: 4.5, distribution: [0, 0, 0, 1, 1] });
    expect(results.value.examples.map((e) => e.by?.displayName)).toEqual(['Ana Peer', 'Ben Boss']);
  });

  it('hides anonymous results until three answered', async () => {
    const request = await newRequest({ anonymous: true });
    const ref = { pairId, requestId: request.id };
    await service.respond(ana, ref, answer(2));
    await service.respond(ben, ref, answer(4));
    const hidden = await service.results(mentee, pairId, request.id);
    expect(hidden.ok && hidden.value.visibility).toBe('hidden');
    await service.respond(cai, ref, answer(5));
    const shown = await service.results(mentee, pairId, request.id);
    if (!shown.ok || shown.value.visibility !== 'shown') throw new Error('results hidden');
    expect(JSON.stringify(shown.value)).not.toMatch(/Ana|Ben|Cai/);
  });

  it('refuses strangers and late answers, and writes nothing then', async () => {
    const request = await newRequest();
    const ref = { pairId, requestId: request.id };
    const stranger = await service.respond(actor('ffff-9999'), ref, answer(1));
    expect(stranger.ok ? 'ok' : stranger.error.code).toBe('not_found');
    const peek = await service.results(actor('ffff-9999'), pairId, request.id);
    expect(peek.ok ? 'ok' : peek.error.code).toBe('not_found');
    const respondentPeek = await service.results(ana, pairId, request.id);
    expect(respondentPeek.ok ? 'ok' : respondentPeek.error.code).toBe('not_found');
    const incomplete = await service.respond(ana, ref, { ...answer(3), ratings: { [behaviors[0]!]: 3 } });
    expect(incomplete.ok ? 'ok' : incomplete.error.code).toBe('invalid');
    clock.date = new Date('2026-12-02T00:00:00Z');
    const late = await service.respond(ana, ref, answer(3));
    expect(late.ok ? 'ok' : late.error.code).toBe('conflict');
    expect(await responseRows(request.id)).toEqual([]);

    const closed = await service.closeIfDue(ref);
    expect(closed.ok && closed.value?.value.status).toBe('closed');
    clock.date = new Date('2026-11-21T12:00:00Z');
    const afterClose = await service.respond(ana, ref, answer(3));
    expect(afterClose.ok ? 'ok' : afterClose.error.code).toBe('conflict');
    expect(await responseRows(request.id)).toEqual([]);
  });

  it('lists a pair’s requests without their responses', async () => {
    const requests = await repo.listRequests(pairId);
    expect(requests.length).toBeGreaterThanOrEqual(4);
    expect(requests.every((r) => r.value.pairId === pairId && Array.isArray(r.value.respondents))).toBe(true);
  });

  it('stays out of the plan query: a plan load reads only the pair, goals, milestones and activities', async () => {
    const keys: string[] = [];
    for await (const row of tables.plans.listEntities({ queryOptions: { filter: planRowsFilter(pairId), select: ['RowKey'] } }))
      keys.push(row.rowKey ?? '');
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.every((k) => k === 'pair' || /^(goal|milestone|activity)\|/.test(k))).toBe(true);
  });
});
