// The Renewal place of a plan: it says when the renewal opens; once open, the mentee decides each
// goal and the pair's next cycle in one form, a continuing pair sets goals for the next cycle, and
// a closed pair stays readable.
import { describe, expect } from 'vitest';
import { DEMO_PROGRAM_ID, demoPairIds, demoPeople } from '../../bot/dev/demoData';
import { pathFor, paths } from '../../shared/api';
import { addDays, todayIn } from '../../shared/dates';
import { browserTest, openPlace } from '../support/browserFixtures';

const test = browserTest;
const goalTitle = 'Run the quarterly metrics review with product leads';

describe('the renewal place', () => {
  test('says when the renewal opens, then lets the mentee drop a goal and close the pair', async ({ session, jordan, sam }) => {
    const page = await session.signInAs(demoPeople.menteeSam.displayName, `/plans/${demoPairIds.sam}`);
    await page.getByRole('heading', { name: 'Goals', level: 3 }).waitFor();
    await openPlace(page, 'Renewal');
    expect(new URL(page.url()).pathname).toBe(`/plans/${demoPairIds.sam}/renewal`);
    const place = page.getByTestId('renewal-place');
    await place.getByText(/The renewal opens on/).waitFor();
    expect(await place.getByRole('form').count()).toBe(0);

    // The program manager moves the cycle's end to ten days from now: the renewal opens.
    const settingsPath = pathFor(paths.programSettings, { programId: DEMO_PROGRAM_ID });
    const current = await jordan().get(settingsPath);
    const { id: _id, tenantId: _tenantId, ...settings } = current.body.value;
    const cycleEnd = addDays(todayIn('UTC', new Date()), 10);
    expect((await jordan().put(settingsPath, { ...settings, cycleEnd, renewalDate: cycleEnd }, current.body.etag)).status).toBe(200);
    await page.reload();

    const form = page.getByRole('form', { name: 'Renewal' });
    await form.waitFor();
    await form.getByRole('combobox', { name: `What happens to “${goalTitle}”` }).selectOption('drop');
    await form.getByRole('button', { name: 'Decide the renewal' }).click();
    // A drop needs a reason: refused, and said so.
    await form.getByRole('alert').getByText('Say why the goal is dropped.').waitFor();

    await form.getByRole('textbox', { name: `Why (for “${goalTitle}”)` }).fill('My role changed.');
    await form.getByRole('radio', { name: 'Close this mentorship' }).check();
    await form.getByRole('button', { name: 'Decide the renewal' }).click();
    await place.getByText('You decided to close this mentorship.').waitFor();
    await place.getByText('This mentorship has ended. Its plan stays here to read.').waitFor();
    expect(await place.getByRole('form').count()).toBe(0);

    const plan = await sam().get(pathFor(paths.plan, { pairId: demoPairIds.sam }));
    expect(plan.body.pair.value.status).toBe('ended');
    expect(plan.body.goals.find((g: { value: { id: string } }) => g.value.id === 'sam-stakeholders').value.status).toBe('dropped');
  });

  test('lets a continuing pair set a goal for the next cycle against a current priority', async ({ session, alex }) => {
    // The cycle ends ten days from now (set by the test above): the renewal is open.
    const page = await session.signInAs(demoPeople.menteeAlex.displayName, `/plans/${demoPairIds.alex}/renewal`);
    const place = page.getByTestId('renewal-place');
    const form = page.getByRole('form', { name: 'Renewal' });
    await form.waitFor();
    await form.getByRole('button', { name: 'Add a goal for the next cycle' }).click();
    const newGoal = form.getByRole('group', { name: 'New goal 1' });
    await newGoal.getByRole('textbox', { name: 'Title of new goal 1' }).fill('Coach a new on-call engineer');
    const priority = newGoal.getByRole('combobox', { name: 'Strategic priority of new goal 1' });
    const offered = await priority.locator('option').allTextContents();
    expect(offered.length).toBeGreaterThan(0);
    await priority.selectOption({ label: offered.at(-1)! });
    await form.getByRole('button', { name: 'Decide the renewal' }).click();
    await place.getByText('You decided to continue together in the next cycle.').waitFor();

    const plan = (await alex().get(pathFor(paths.plan, { pairId: demoPairIds.alex }))).body;
    const created = plan.goals.find((g: { value: { title: string } }) => g.value.title === 'Coach a new on-call engineer')?.value;
    expect(created).toMatchObject({ status: 'active', revision: 1 });
    const renewal = (await alex().get(pathFor(paths.renewal, { pairId: demoPairIds.alex }))).body;
    expect(renewal.decided.newGoalIds).toEqual([created.id]);
    expect(renewal.priorities.find((p: { id: string; name: string }) => p.id === created.priorityId)?.name).toBe(offered.at(-1));
  });
});
