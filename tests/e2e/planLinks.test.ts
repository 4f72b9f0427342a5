// The app's own plan links (cards' "Open in browser", unfurled links) open the tab at that plan and
// goal: the pair's tab is selected and the goal is scrolled to and focused.
import { describe, expect, it } from 'vitest';
import { demoPairIds, demoPeople } from '../../bot/dev/demoData';
import { planPath } from '../../shared/planLinks';
import { browserSession } from '../support/browserSession';

const session = browserSession();

/** Opens the app's own link (its path on the test server) as the demo person named. */
const openAs = (person: { displayName: string }, link: { pairId: string; goalId?: string }) => session.signInAs(person.displayName, `/${planPath(link)}`);

describe('plan links', () => {
  it('opens the mentor at the mentee the link names, not the first pair', async () => {
    const page = await openAs(demoPeople.mentor, { pairId: demoPairIds.sam });
    await page.getByRole('heading', { name: `${demoPeople.menteeSam.displayName}’s plan`, level: 2 }).waitFor();
    expect(await page.getByRole('tab', { selected: true }).innerText()).toContain(demoPeople.menteeSam.displayName);
  });

  it('focuses the goal a goal link names', async () => {
    const page = await openAs(demoPeople.menteeAlex, { pairId: demoPairIds.alex, goalId: 'alex-eval' });
    await page.getByRole('heading', { name: 'My plan', level: 2 }).waitFor();
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-goal-id') === 'alex-eval');
    expect(await page.evaluate(() => document.activeElement?.querySelector('h5')?.textContent)).toBe('Ship an evaluation harness for the support-answer model');
  });

  it('opens the first plan for a link to a plan the person is not in', async () => {
    const page = await openAs(demoPeople.menteeAlex, { pairId: demoPairIds.sam });
    await page.getByRole('heading', { name: 'My plan', level: 2 }).waitFor();
  });
});
