// A re-pair request end to end in the tab: Alex asks, privately, from the agreement of the plan
// (a reason is required); Priya, the other person of the pair, sees nothing of it; Jordan finds it
// in the Program place's Requests view with who asked and why, looks at the suggested mentors for
// Alex, and marks it handled.
import { describe, expect } from 'vitest';
import { demoPairIds, demoPeople } from '../../bot/dev/demoData';
import { browserTest } from '../support/browserFixtures';

const test = browserTest;
const reason = 'Our working hours barely overlap, so we keep moving our sessions.';

describe('re-pair requests', () => {
  test('Alex asks privately from the plan; Jordan sees it in Requests, with suggested mentors, and marks it handled', async ({
    session,
  }) => {
    const alex = await session.signInAs(demoPeople.menteeAlex.displayName, `/plans/${demoPairIds.alex}`);
    await alex.getByRole('heading', { name: 'Mentoring agreement', level: 3 }).waitFor();
    await alex.getByRole('button', { name: 'Ask to be re-paired…' }).click();
    const dialog = alex.getByRole('dialog', { name: 'Ask to be re-paired' });
    await dialog.getByText(/the other person of your pair does not/).waitFor();
    // Without a reason: refused on the field, nothing sent.
    await dialog.getByRole('button', { name: 'Send the request' }).click();
    await dialog.getByText('Say why you would like to be re-paired.').waitFor();
    await dialog.getByRole('textbox', { name: 'Why would you like another match?' }).fill(reason);
    await dialog.getByRole('button', { name: 'Send the request' }).click();
    await alex.getByText('Your request was sent to the program’s managers. Only they see it.').waitFor();
    expect(await dialog.count()).toBe(0);

    // Priya's view of the same plan says nothing of it.
    const priya = await session.signInAs(demoPeople.mentor.displayName, `/plans/${demoPairIds.alex}`);
    await priya.getByRole('heading', { name: 'Mentoring agreement', level: 3 }).waitFor();
    expect(await priya.locator('body').innerText()).not.toContain(reason);

    const jordan = await session.signInAs(demoPeople.manager.displayName);
    await jordan.getByRole('heading', { name: 'Program setup', level: 2 }).waitFor();
    await jordan.getByRole('tab', { name: 'Requests' }).click();
    await jordan.getByRole('heading', { name: 'Requests', level: 2 }).waitFor();
    const request = jordan.getByRole('article', { name: `${demoPeople.mentor.displayName} mentors ${demoPeople.menteeAlex.displayName}` });
    await request.getByText(reason).waitFor();
    expect(await request.innerText()).toContain(`Asked by ${demoPeople.menteeAlex.displayName} (mentee)`);

    await request.getByRole('button', { name: `Suggested mentors for ${demoPeople.menteeAlex.displayName}` }).click();
    const matches = request.getByRole('list', { name: `Suggested mentors for ${demoPeople.menteeAlex.displayName}` });
    await expect
      .poll(async () => (await matches.count()) + (await request.getByText('No mentor with a free place fits yet.').count()))
      .toBe(1);

    await request.getByRole('button', { name: 'Mark handled' }).click();
    await jordan.getByText('No open re-pair requests.').waitFor();
    expect(await jordan.locator('body').innerText()).not.toContain(reason);
  });
});
