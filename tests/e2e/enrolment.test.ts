// Enrolment in a real browser against the real server: Jordan (the demo program's manager) downloads
// the template, chooses a cohort file whose dry run names a bad row (import stays off), chooses the
// fixed file, imports it, and finds the people in the enrolled list and in the list of those who
// have not installed the app, with how to reach them.
import { randomUUID } from 'node:crypto';
import { describe, expect } from 'vitest';
import { DEMO_PROGRAM_ID, demoPeople } from '../../bot/dev/demoData';
import { cohortColumns } from '../../shared/program/cohortCsv';
import { violations } from '../support/axe';
import { browserTest } from '../support/browserFixtures';

const test = browserTest;

/** A file of two new people, the second in `zone`: the same people each time it is written. */
const cohortFile = () => {
  const [a, b] = [randomUUID(), randomUUID()];
  return (zone: string) =>
    Buffer.from(
      [
        cohortColumns.join(','),
        `${a},Robin Import,robin@example.com,mentee,Europe/Lisbon,09:00,17:00,1-5,0,2026 spring`,
        `${b},Casey Import,,mentor,${zone},08:00,16:00,1-4,2,`,
      ].join('\n'),
    );
};

describe('enrolment', () => {
  test('Jordan imports a cohort: the dry run shows a problem, the fixed file imports, the people are listed as not installed', async ({
    session,
  }) => {
    // The page's CSP is bypassed only so that axe's script can load.
    const page = await session.signInAs(demoPeople.manager.displayName, '/', { bypassCSP: true });
    await page.getByRole('heading', { name: 'Program setup', level: 2 }).waitFor();
    await page.getByRole('tablist', { name: 'Program views' }).getByRole('tab', { name: 'Enrolment' }).click();
    await page.getByRole('heading', { name: 'Enrolment', level: 2 }).waitFor();
    await page.getByRole('heading', { name: 'Enrolled people', level: 3 }).waitFor();

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download the template' }).click();
    expect((await download).suggestedFilename()).toBe('cohort-template.csv');

    const file = cohortFile();
    const chooser = page.getByLabel('Cohort file (CSV)');
    await chooser.setInputFiles({ name: 'cohort.csv', mimeType: 'text/csv', buffer: file('Mars/Olympus') });
    const problems = page.getByRole('table', { name: 'Problems in the file' });
    await problems.waitFor();
    const cells = await problems.getByRole('row').nth(1).getByRole('cell').allInnerTexts();
    expect(cells).toEqual(['3', 'timeZone', 'Unknown time zone: use a name like Europe/Berlin.']);
    const importButton = page.getByRole('button', { name: 'Import', exact: true });
    expect(await importButton.isDisabled()).toBe(true);
    expect(await violations(page), 'with the problems shown').toEqual([]);

    await chooser.setInputFiles({ name: 'cohort-fixed.csv', mimeType: 'text/csv', buffer: file('America/Chicago') });
    await page.getByText('2 people are ready to enrol.').waitFor();
    expect(await problems.count()).toBe(0);
    await expect.poll(() => importButton.isDisabled()).toBe(false);
    await importButton.click();
    await page.getByRole('status').filter({ hasText: '2 people enrolled.' }).waitFor();

    const enrolled = page.getByRole('table', { name: 'Enrolled people' });
    await expect.poll(() => enrolled.innerText()).toContain('Robin Import');
    const casey = enrolled.getByRole('row').filter({ hasText: 'Casey Import' });
    expect(await casey.getByRole('cell').allInnerTexts()).toEqual(
      expect.arrayContaining(['Casey Import', 'Mentor', '2', 'America/Chicago', 'Not installed']),
    );
    const robin = enrolled.getByRole('row').filter({ hasText: 'Robin Import' });
    expect(await robin.getByRole('cell').allInnerTexts()).toEqual(expect.arrayContaining(['Mentee', 'Europe/Lisbon', '2026 spring']));

    const notInstalled = page.getByRole('list', { name: 'People who have not installed the app' });
    expect(await notInstalled.getByRole('listitem').allInnerTexts()).toEqual(expect.arrayContaining(['Robin Import', 'Casey Import']));
    expect(await page.getByRole('link', { name: 'app setup policies' }).getAttribute('href')).toMatch(/^https:\/\/learn\.microsoft\.com\//);
    expect(await page.getByRole('link', { name: /^https:\/\/teams\.microsoft\.com\/l\/app\// }).count()).toBe(1);
    expect(await violations(page), 'with people enrolled').toEqual([]);
  });

  test('Jordan adds a person found by name, who then appears in the list', async ({ server, session }) => {
    // The demo enrols Sam as a mentee: that enrolment goes first, so Jordan enrols him again here.
    expect(await server.app.repositories.enrolments.remove(DEMO_PROGRAM_ID, demoPeople.menteeSam.id, 'mentee')).toBe(1);
    const page = await session.signInAs(demoPeople.manager.displayName);
    await page.getByRole('heading', { name: 'Program setup', level: 2 }).waitFor();
    await page.getByRole('tablist', { name: 'Program views' }).getByRole('tab', { name: 'Enrolment' }).click();
    const form = page.getByRole('form', { name: 'Add a person' });
    await form.getByRole('searchbox', { name: 'Search people' }).fill('Sam');
    await form.getByRole('button', { name: `Choose ${demoPeople.menteeSam.displayName}` }).click();
    expect(await form.getByRole('textbox', { name: 'Entra object id' }).inputValue()).toBe(demoPeople.menteeSam.id);
    await form.getByRole('textbox', { name: 'Cohort (optional)' }).fill('2026 spring');
    await form.getByRole('button', { name: 'Enrol' }).click();
    await form
      .getByRole('status')
      .filter({ hasText: `${demoPeople.menteeSam.displayName} is enrolled as mentee.` })
      .waitFor();
    const enrolled = page.getByRole('table', { name: 'Enrolled people' });
    await expect.poll(() => enrolled.innerText()).toContain(demoPeople.menteeSam.displayName);
  });
});
