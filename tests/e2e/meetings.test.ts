// Planning the next meeting from the plan page: times inside both people's working hours, and a
// Teams meeting draft that names both of them.
import { describe, expect } from 'vitest';
import { demoPeople } from '../../bot/dev/demoData';
import { browserTest } from '../support/browserFixtures';

const test = browserTest;

describe('meeting suggestions', () => {
  test('offer a time inside both working days and open a Teams meeting draft for both people', async ({ session }) => {
    const page = await session.signInAs(demoPeople.menteeAlex.displayName);
    const card = page.getByRole('group', { name: 'Plan your next meeting' }).or(page.locator('[aria-labelledby="meetings-heading"]'));
    await card.first().waitFor();
    const open = card
      .first()
      .getByRole('button', { name: /Open a Teams meeting draft for/ })
      .first();
    await open.waitFor();
    // The mentor's own clock is shown next to the viewer's.
    expect(await card.first().innerText()).toContain(`${demoPeople.mentor.displayName}:`);

    // Teams is not reachable here: answer its address locally and read the URL the tab opened.
    await page
      .context()
      .route('https://teams.microsoft.com/**', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: 'Teams' }));
    const [draft] = await Promise.all([page.context().waitForEvent('page'), open.click()]);
    await draft.waitForURL(/^https:\/\/teams\.microsoft\.com\//);
    const url = new URL(draft.url());
    expect(url.origin + url.pathname).toBe('https://teams.microsoft.com/l/meeting/new');
    expect(url.searchParams.get('attendees')).toBe(`${demoPeople.mentor.email},${demoPeople.menteeAlex.email}`);
    expect(url.searchParams.get('subject')).toBe(`Mentoring: ${demoPeople.mentor.displayName} and ${demoPeople.menteeAlex.displayName}`);
    expect(url.searchParams.get('content')).toContain('Goals due soon:');
  });
});
