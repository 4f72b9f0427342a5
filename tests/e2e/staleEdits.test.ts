// A form saved against a version that changed meanwhile, in a real browser against the real server:
// nothing typed is lost, the other save's changes are filled in, a field both changed offers both
// values, the notice says who saved (the mentor, or the same person in another window), and the
// next save goes through with the current version.
import type { Locator, Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { demoPairIds, demoPeople } from '../../bot/dev/demoData';
import { paths, pathFor, type PlanView } from '../../shared/api';
import type { Goal } from '../../shared/goal';
import { addDays, todayIn } from '../../shared/dates';
import { browserTest } from '../support/browserFixtures';

const pairId = demoPairIds.alex;
const goalPath = (goalId: string) => pathFor(paths.goal, { pairId, goalId });

const test = browserTest
  .extend(
    'newGoal',
    ({ alex }) =>
      async function newGoal(title: string): Promise<{ id: string; etag: string }> {
        const created = await alex().post(pathFor(paths.goals, { pairId }), { title, description: '', metric: 'pages' });
        expect(created.status).toBe(201);
        return { id: created.body.value.id, etag: created.body.etag };
      },
  )
  .extend(
    'storedGoal',
    ({ alex }) =>
      async function storedGoal(id: string): Promise<Goal> {
        const plan = (await alex().get<PlanView>(pathFor(paths.plan, { pairId }))).body;
        const goal = plan.goals.find((g) => g.value.id === id);
        if (!goal) throw new Error(`goal ${id} is not in the plan`);
        return goal.value;
      },
  )
  .extend(
    'openGoalEditor',
    ({ session }) =>
      async function openGoalEditor(title: string, page?: Page): Promise<Locator> {
        const p = page ?? (await session.signInAs(demoPeople.menteeAlex.displayName));
        await p.getByRole('article', { name: title }).getByRole('button', { name: 'Edit goal' }).click();
        const dialog = p.getByRole('dialog', { name: 'Edit goal' });
        await dialog.waitFor();
        return dialog;
      },
  );

const field = (dialog: Locator, name: string) => dialog.getByRole('textbox', { name, exact: true });

describe('a stale edit of a goal', { timeout: 120_000 }, () => {
  test('keeps what the mentee typed, fills in the mentor’s change, and offers both titles to choose from', async ({
    priya,
    newGoal,
    storedGoal,
    openGoalEditor,
  }) => {
    const goal = await newGoal('Write the on-call handbook');
    const dialog = await openGoalEditor('Write the on-call handbook');
    await field(dialog, 'Title').fill('Write and publish the on-call handbook');
    await field(dialog, 'Description').fill('A handbook every new on-call engineer reads first.');
    await field(dialog, 'Risks').fill('A busy incident quarter.');

    // Meanwhile the mentor saves the same goal: the title too, and the metric.
    const byPriya = await priya().patch(goalPath(goal.id), { title: 'Write the on-call handbook with Ana', metric: 'chapters' }, goal.etag);
    expect(byPriya.status).toBe(200);

    await dialog.getByRole('button', { name: 'Save changes' }).click();
    const notice = dialog.getByRole('status').filter({ hasText: 'Priya Raman changed this goal while you were editing' });
    await notice.waitFor();
    expect(await notice.innerText()).toContain('Both saves changed “Title”');
    expect(await field(dialog, 'Description').inputValue()).toBe('A handbook every new on-call engineer reads first.');
    expect(await field(dialog, 'Risks').inputValue()).toBe('A busy incident quarter.');
    expect(await field(dialog, 'Metric').inputValue()).toBe('chapters');

    const choice = dialog.getByRole('group', { name: 'Title: two versions' });
    expect(await choice.getByRole('definition').allInnerTexts()).toEqual([
      'Write and publish the on-call handbook',
      'Write the on-call handbook with Ana',
    ]);
    expect(await choice.getByRole('term').allInnerTexts()).toEqual(['Yours', 'Saved by Priya Raman']);

    // Saving before choosing asks for the choice, next to the field.
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await dialog.getByText('Choose which version to keep.').waitFor();
    expect(await field(dialog, 'Title').getAttribute('aria-invalid')).toBe('true');

    await choice.getByRole('button', { name: 'Use the saved one' }).click();
    expect(await field(dialog, 'Title').inputValue()).toBe('Write the on-call handbook with Ana');
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await dialog.waitFor({ state: 'detached' });

    expect(await storedGoal(goal.id)).toMatchObject({
      title: 'Write the on-call handbook with Ana',
      description: 'A handbook every new on-call engineer reads first.',
      risks: 'A busy incident quarter.',
      metric: 'chapters',
    });
  });

  test('says “you saved this in another window” when the other save was the same person’s, and keeps the typed value on request', async ({
    newGoal,
    storedGoal,
    openGoalEditor,
  }) => {
    const goal = await newGoal('Shadow the incident commander');
    const first = await openGoalEditor('Shadow the incident commander');
    await field(first, 'Description').fill('Three incidents, taking notes.');
    await field(first, 'Resources').fill('The incident commander rota.');

    const other = await openGoalEditor('Shadow the incident commander');
    await field(other, 'Resources').fill('The rota and the runbooks.');
    await field(other, 'Risks').fill('Quiet weeks with no incidents.');
    await other.getByRole('button', { name: 'Save changes' }).click();
    await other.waitFor({ state: 'detached' });

    await first.getByRole('button', { name: 'Save changes' }).click();
    await first.getByRole('status').filter({ hasText: 'You saved this goal in another window' }).waitFor();
    expect(await first.innerText()).not.toContain('Someone else');
    expect(await field(first, 'Risks').inputValue()).toBe('Quiet weeks with no incidents.');
    const choice = first.getByRole('group', { name: 'Resources: two versions' });
    expect(await choice.getByRole('term').allInnerTexts()).toEqual(['Yours', 'Saved in your other window']);
    await choice.getByRole('button', { name: 'Keep yours' }).click();
    await first.getByRole('button', { name: 'Save changes' }).click();
    await first.waitFor({ state: 'detached' });

    expect(await storedGoal(goal.id)).toMatchObject({
      description: 'Three incidents, taking notes.',
      resources: 'The incident commander rota.',
      risks: 'Quiet weeks with no incidents.',
    });
  });
});

describe('a stale edit of a milestone', { timeout: 120_000 }, () => {
  test('is handled the same way: the typed title stays, the date saved meanwhile is filled in', async ({ session, alex }) => {
    const today = todayIn(demoPeople.menteeAlex.timeZone, new Date());
    const base = pathFor(paths.milestones, { pairId, goalId: 'alex-eval' });
    const created = await alex().post(base, { title: 'Label the first 50 tickets', dueDate: addDays(today, 10) });
    expect(created.status).toBe(201);
    const path = pathFor(paths.milestone, { pairId, goalId: 'alex-eval', milestoneId: created.body.value.id });

    const page = await session.signInAs(demoPeople.menteeAlex.displayName);
    await page.getByRole('button', { name: 'Edit milestone “Label the first 50 tickets”' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit milestone' });
    await field(dialog, 'Title').fill('Label the first 60 tickets');
    expect((await alex().patch(path, { dueDate: addDays(today, 20) }, created.body.etag)).status).toBe(200);

    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await dialog.getByRole('status').filter({ hasText: 'You saved this milestone in another window' }).waitFor();
    expect(await field(dialog, 'Title').inputValue()).toBe('Label the first 60 tickets');
    expect(await dialog.getByLabel('Due date').inputValue()).toBe(addDays(today, 20));
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });

    const plan = (await alex().get<PlanView>(pathFor(paths.plan, { pairId }))).body;
    const stored = plan.goals.find((g) => g.value.id === 'alex-eval')!.milestones.find((m) => m.value.id === created.body.value.id)!;
    expect(stored.value).toMatchObject({ title: 'Label the first 60 tickets', dueDate: addDays(today, 20) });
  });
});
