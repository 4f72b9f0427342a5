// A completed goal in the tab: it offers only "Reopen goal" (no edit, no new or changed milestones
// and activities), as the plan view's `can` says; reopening brings the rest back.
import { describe, expect } from 'vitest';
import { demoPeople } from '../../bot/dev/demoData';
import { browserTest } from '../support/browserFixtures';

const test = browserTest;
const title = 'Ship an evaluation harness for the support-answer model';

describe('a completed goal', () => {
  test('offers only reopening, and reopening makes it editable again', async ({ session }) => {
    const page = await session.signInAs(demoPeople.menteeAlex.displayName, '/');
    const goal = page.getByRole('article', { name: title });
    await goal.waitFor();
    const offers = async () => ({
      edit: await goal.getByRole('button', { name: 'Edit goal' }).count(),
      addMilestone: await goal.getByRole('button', { name: 'Add milestone' }).count(),
      addActivity: await goal.getByRole('button', { name: 'Add activity' }).count(),
      editMilestone: await goal.getByRole('button', { name: 'Edit milestone “Run the harness in CI”' }).count(),
      activityStatus: await goal.getByRole('combobox', { name: 'Status of “Course: evaluating LLM applications”' }).count(),
    });
    expect(await offers()).toEqual({ edit: 1, addMilestone: 1, addActivity: 1, editMilestone: 1, activityStatus: 1 });

    const more = goal.getByRole('button', { name: `More actions for “${title}”` });
    await more.click();
    await page.getByRole('menuitem', { name: 'Mark as completed' }).click();
    const dialog = page.getByRole('dialog', { name: 'Mark this goal as completed?' });
    await dialog.getByRole('button', { name: 'Mark as completed' }).click();
    await dialog.waitFor({ state: 'detached' });
    await goal.getByText('Completed', { exact: true }).waitFor();

    expect(await offers()).toEqual({ edit: 0, addMilestone: 0, addActivity: 0, editMilestone: 0, activityStatus: 0 });
    expect(await goal.getByRole('checkbox', { name: 'Run the harness in CI' }).isDisabled()).toBe(true);
    await more.click();
    expect(await page.getByRole('menuitem').allInnerTexts()).toEqual(['Reopen goal']);
    await page.getByRole('menuitem', { name: 'Reopen goal' }).click();
    const reopen = page.getByRole('dialog', { name: 'Reopen this goal?' });
    await reopen.getByRole('button', { name: 'Reopen', exact: true }).click();
    await reopen.waitFor({ state: 'detached' });
    await goal.getByRole('button', { name: 'Edit goal' }).waitFor();
    expect(await offers()).toEqual({ edit: 1, addMilestone: 1, addActivity: 1, editMilestone: 1, activityStatus: 1 });
  });
});
