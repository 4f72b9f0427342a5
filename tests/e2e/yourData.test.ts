// "Your data" from the app header, in a real browser against the real server: Download my data
// starts a download of the JSON export; Delete my data first asks, naming what follows, and a
// cancel deletes nothing; confirming erases the person.
import { readFile } from 'node:fs/promises';
import { describe, expect } from 'vitest';
import { demoPeople } from '../../bot/dev/demoData';
import { browserTest } from '../support/browserFixtures';

const test = browserTest;
const alex = demoPeople.menteeAlex;

describe('Your data', () => {
  test('downloads the export, and asks before deleting', async ({ session }) => {
    const page = await session.signInAs(alex.displayName);
    await page.getByRole('button', { name: 'Your data' }).click();
    const dialog = page.getByRole('dialog', { name: 'Your data' });
    await dialog.waitFor();

    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download my data' }).click()]);
    expect(download.suggestedFilename()).toBe('mentoring-my-data.json');
    const exported = JSON.parse(await readFile((await download.path())!, 'utf8'));
    expect(exported.person).toMatchObject({ id: alex.id, displayName: alex.displayName });
    expect(exported.sections.goals.length).toBeGreaterThan(0);

    // Deleting asks first and names the consequences; cancelling deletes nothing.
    await dialog.getByRole('button', { name: 'Delete my data' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Delete all your data?' });
    await confirm.waitFor();
    expect(await confirm.innerText()).toContain('cannot be undone');
    expect(await confirm.innerText()).toContain('Your open mentoring pairs end');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await confirm.waitFor({ state: 'detached' });
    expect(await session.server.app.repositories.people.get(alex.id)).toBeDefined();

    await dialog.getByRole('button', { name: 'Delete my data' }).click();
    await confirm.getByRole('button', { name: 'Delete my data' }).click();
    await dialog.getByText('Your data is deleted.').waitFor();
    const tables = session.server.app.tables;
    let profile: unknown = 'present';
    try {
      profile = await tables.people.getEntity('person', alex.id);
    } catch {
      profile = undefined;
    }
    expect(profile).toBeUndefined();
  });
});
