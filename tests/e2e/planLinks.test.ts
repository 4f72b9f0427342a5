// The app's own plan links (cards' "Open in browser", unfurled links) open the tab at that plan and
// goal: the pair's tab is selected and the goal is scrolled to and focused.
import { describe, expect } from 'vitest';
import { demoPairIds, demoPeople } from '../../bot/dev/demoData';
import { planPath } from '../../shared/planLinks';
import { browserTest } from '../support/browserFixtures';

const test = browserTest
  /** Opens the app's own link (its path on the test server) as the demo person named. */
  .extend(
    'openAs',
    ({ session }) =>
      (person: { displayName: string }, link: { pairId: string; goalId?: string }) =>
        session.signInAs(person.displayName, `/${planPath(link)}`),
  );

describe('plan links', () => {
  test('opens the mentor at the mentee the link names, not the first pair', async ({ openAs }) => {
    const page = await openAs(demoPeople.mentor, { pairId: demoPairIds.sam });
    await page.getByRole('heading', { name: `${demoPeople.menteeSam.displayName}’s plan`, level: 2 }).waitFor();
    expect(await page.getByRole('tablist', { name: 'Mentoring plans' }).getByRole('tab', { selected: true }).innerText()).toContain(
      demoPeople.menteeSam.displayName,
    );
  });

  test('focuses the goal a goal link names', async ({ openAs }) => {
    const page = await openAs(demoPeople.menteeAlex, { pairId: demoPairIds.alex, goalId: 'alex-eval' });
    await page.getByRole('heading', { name: 'My plan', level: 2 }).waitFor();
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-goal-id') === 'alex-eval');
    expect(await page.evaluate(() => document.activeElement?.querySelector('h5')?.textContent)).toBe(
      'Ship an evaluation harness for the support-answer model',
    );
  });

  test('opens the first plan for a link to a plan the person is not in', async ({ openAs }) => {
    const page = await openAs(demoPeople.menteeAlex, { pairId: demoPairIds.sam });
    await page.getByRole('heading', { name: 'My plan', level: 2 }).waitFor();
  });
});
