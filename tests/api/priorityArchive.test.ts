// A strategic priority that goals use is archived, not removed: the settings refuse its removal
// (naming it), keep it for the goals that name it, and no longer take it for new goals.
import { describe, expect } from 'vitest';
import { DEMO_PROGRAM_ID, demoPairIds } from '../../bot/dev/demoData';
import { paths, pathFor } from '../../shared/api';
import type { apiAs } from '../support/apiClient';
import { serverTest } from '../support/fixtures';

const test = serverTest;
const programPath = pathFor(paths.programSettings, { programId: DEMO_PROGRAM_ID });
const goalsPath = pathFor(paths.goals, { pairId: demoPairIds.alex });

async function settingsAs(client: ReturnType<typeof apiAs>) {
  const current = await client.get(programPath);
  const { id: _id, tenantId: _tenantId, ...settings } = current.body.value;
  return { settings, etag: current.body.etag as string };
}

describe('archiving a strategic priority', () => {
  test('removing a priority goals use is refused, naming it; archiving it is taken', async ({ jordan }) => {
    const { settings, etag } = await settingsAs(jordan());
    const withoutReliability = settings.priorities.filter((p: { id: string }) => p.id !== 'customer-reliability');
    const removed = await jordan().put(programPath, { ...settings, priorities: withoutReliability }, etag);
    expect(removed.status).toBe(400);
    expect(removed.body.error.issues).toEqual([
      { path: 'priorities', message: expect.stringContaining('“Customer reliability” is used by') },
    ]);
    expect((await jordan().get(programPath)).body.etag).toBe(etag);

    const archivedList = settings.priorities.map((p: { id: string }) => (p.id === 'customer-reliability' ? { ...p, archived: true } : p));
    const archived = await jordan().put(programPath, { ...settings, priorities: archivedList }, etag);
    expect(archived.status).toBe(200);
    expect(archived.body.value.priorities.find((p: { id: string }) => p.id === 'customer-reliability').archived).toBe(true);
  });

  test('a priority no goal uses may be removed', async ({ jordan }) => {
    const { settings, etag } = await settingsAs(jordan());
    const spare = { id: 'spare', name: 'Spare priority', description: '', behaviors: [] };
    const added = await jordan().put(programPath, { ...settings, priorities: [...settings.priorities, spare] }, etag);
    expect(added.status).toBe(200);
    const removed = await jordan().put(programPath, { ...settings, priorities: settings.priorities }, added.body.etag);
    expect(removed.status).toBe(200);
    expect(removed.body.value.priorities.map((p: { id: string }) => p.id)).not.toContain('spare');
  });

  test('an archived priority is not taken for a new goal, but a goal that names it keeps it', async ({ jordan, alex }) => {
    const { settings, etag } = await settingsAs(jordan());
    const archivedList = settings.priorities.map((p: { id: string }) => (p.id === 'ai-enabled-products' ? { ...p, archived: true } : p));
    expect((await jordan().put(programPath, { ...settings, priorities: archivedList }, etag)).status).toBe(200);

    const created = await alex().post(goalsPath, { title: 'A new goal', priorityId: 'ai-enabled-products' });
    expect(created.status).toBe(400);
    expect(created.body.error.issues).toEqual([
      { path: 'priorityId', message: expect.stringContaining('“AI-enabled products” is archived') },
    ]);

    const plan = await alex().get(pathFor(paths.plan, { pairId: demoPairIds.alex }));
    const goal = plan.body.goals.find((g: { value: { priorityId?: string } }) => g.value.priorityId === 'ai-enabled-products');
    const goalPath = pathFor(paths.goal, { pairId: demoPairIds.alex, goalId: goal.value.id });
    const kept = await alex().patch(goalPath, { title: 'Still about AI', priorityId: 'ai-enabled-products' }, goal.etag);
    expect(kept.status).toBe(200);
  });
});
