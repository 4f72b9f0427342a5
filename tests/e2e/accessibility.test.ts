// axe-core on every view of a plan, in a real browser against the real server: the mentee's plan,
// the mentor's tabs of mentees, the program manager's page, and each dialog the plan page opens.
// The bar is zero violations of any impact.
import type { Locator, Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { demoPeople } from '../../bot/dev/demoData';
import { violations } from '../support/axe';
import { browserTest, openPlace } from '../support/browserFixtures';

const test = browserTest.extend(
  'signIn',
  ({ session }) =>
    async function signIn(name: string): Promise<Page> {
      return session.signInAs(name, '/', { bypassCSP: true });
    },
);

async function planOf(page: Page, heading: string): Promise<Locator> {
  const plan = page.getByRole('article', { name: heading });
  await plan.getByRole('heading', { name: heading, level: 2 }).waitFor();
  await plan.getByRole('heading', { name: 'Goals', level: 3 }).waitFor();
  return plan;
}

/** Opens a dialog with `button`, checks the page while it is open, and closes it. */
async function expectDialogClean(page: Page, button: Locator, dialogName: string | RegExp) {
  await button.click();
  const dialog = page.getByRole('dialog', { name: dialogName });
  await dialog.waitFor();
  expect(await violations(page), `with the dialog “${String(dialogName)}” open`).toEqual([]);
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
}

/** The dialogs both people open from a plan: a goal's form, milestone, activity and history, and a win. */
async function expectPlanDialogsClean(page: Page, plan: Locator) {
  const goal = plan.getByRole('article').first();
  await expectDialogClean(page, plan.getByRole('button', { name: 'Add goal' }), 'Add a goal');
  await expectDialogClean(page, goal.getByRole('button', { name: 'Edit goal' }), 'Edit goal');
  await expectDialogClean(page, goal.getByRole('button', { name: 'Add milestone' }), 'Add a milestone');
  await expectDialogClean(page, goal.getByRole('button', { name: 'Add activity' }), 'Add a development activity');
  await expectDialogClean(page, goal.getByRole('button', { name: 'History' }), /^History of/);
  await expectDialogClean(page, plan.getByRole('button', { name: 'Add a win' }), 'Add a win');
}

describe('accessibility (axe) of the plan views', { timeout: 120_000 }, () => {
  test('the mentee’s plan has no violations', async ({ signIn }) => {
    const page = await signIn(demoPeople.menteeAlex.displayName);
    await planOf(page, 'My plan');
    expect(await violations(page)).toEqual([]);
  });

  // One page for all the dialogs: signing in again for each would only repeat the plan's load.
  test('no dialog the mentee’s plan opens has violations', { timeout: 240_000 }, async ({ signIn }) => {
    const page = await signIn(demoPeople.menteeAlex.displayName);
    const plan = await planOf(page, 'My plan');
    await expectPlanDialogsClean(page, plan);
    await openPlace(page, 'Feedback');
    await expectDialogClean(page, plan.getByRole('button', { name: 'Ask for feedback' }), 'Ask for feedback');
  });

  test('no dialog the mentor’s view of a mentee’s plan opens has violations', { timeout: 240_000 }, async ({ signIn }) => {
    const page = await signIn(demoPeople.mentor.displayName);
    await page
      .getByRole('tablist', { name: 'Mentoring plans' })
      .getByRole('tab', { name: new RegExp(demoPeople.menteeAlex.displayName) })
      .click();
    await expectPlanDialogsClean(page, await planOf(page, `${demoPeople.menteeAlex.displayName}’s plan`));
  });

  test('the mentor’s page, with a tab per mentee, has no violations on either tab', async ({ signIn }) => {
    const page = await signIn(demoPeople.mentor.displayName);
    const tabs = page.getByRole('tablist', { name: 'Mentoring plans' });
    await tabs.waitFor();
    for (const mentee of [demoPeople.menteeAlex, demoPeople.menteeSam]) {
      await tabs.getByRole('tab', { name: new RegExp(mentee.displayName) }).click();
      await planOf(page, `${mentee.displayName}’s plan`);
      expect(await violations(page), `on the tab of ${mentee.displayName}`).toEqual([]);
    }

    // The focus bumpers left out above: Tab leaves the TabList for the next control, Shift+Tab
    // comes back to the selected tab, and focus rests on neither bumper.
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement;
        return {
          dummy: el?.hasAttribute('data-tabster-dummy') ?? false,
          inTabs: el?.closest('[role="tablist"]')?.getAttribute('aria-label') === 'Mentoring plans',
          text: el?.textContent ?? '',
        };
      });
    await tabs.getByRole('tab', { selected: true }).focus();
    await page.keyboard.press('Tab');
    expect(await focused()).toMatchObject({ dummy: false, inTabs: false });
    await page.keyboard.press('Shift+Tab');
    expect(await focused()).toMatchObject({ dummy: false, inTabs: true, text: expect.stringContaining(demoPeople.menteeSam.displayName) });
  });

  test('the checkpoints place, with its charts, table and a review in progress, has no violations', async ({ signIn }) => {
    const page = await signIn(demoPeople.menteeAlex.displayName);
    await planOf(page, 'My plan');
    await openPlace(page, 'Checkpoints');
    await page.getByTestId('scorecard-chart-quality').locator('svg').first().waitFor();
    await page.getByText('Show the scorecard as a table').click();
    await page.getByTestId('checkpoint-review').getByRole('button', { name: 'Start preparing' }).click();
    await page.getByTestId('checkpoint-review').getByLabel('What worked').waitFor();
    expect(await violations(page)).toEqual([]);
  });

  test('the places of the mentee’s plan have no violations', { timeout: 120_000 }, async ({ signIn }) => {
    const page = await signIn(demoPeople.menteeAlex.displayName);
    const plan = await planOf(page, 'My plan');
    for (const [place, ready] of [
      ['Journal', plan.getByRole('list', { name: 'Journal, newest first' })],
      ['Check-ins', plan.getByRole('heading', { name: 'Check-ins' })],
      ['Renewal', plan.getByText(/The renewal opens on/)],
    ] as const) {
      await openPlace(page, place);
      await ready.waitFor();
      expect(await violations(page), `in the place ${place}`).toEqual([]);
    }
  });

  test('the program manager’s page has no violations', async ({ signIn }) => {
    const page = await signIn(demoPeople.manager.displayName);
    // Jordan manages the demo program and is in no pair: the tab opens at the Program place.
    await page.getByRole('heading', { name: 'Program setup', level: 2 }).waitFor();
    await page.getByRole('heading', { name: 'Check-in card preview', level: 3 }).waitFor();
    expect(await violations(page)).toEqual([]);
  });

  test('the program’s health, with its charts and their tables open, has no violations', async ({ signIn }) => {
    const page = await signIn(demoPeople.manager.displayName);
    await page.getByRole('tablist', { name: 'Program views' }).getByRole('tab', { name: 'Program health' }).click();
    await page.getByRole('heading', { name: 'Program health', level: 2 }).waitFor();
    await page.getByRole('heading', { name: 'Participation', level: 3 }).waitFor();
    for (const summary of await page.getByText('Show as a table').all()) await summary.click();
    expect(await violations(page)).toEqual([]);
  });
});
