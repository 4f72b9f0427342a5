// The Journal place: the mentee writes a note with simple formatting (rendered, never as raw
// HTML), shares it with the program and takes it back; filters narrow the timeline; the mentor
// reads the pair's note but never the mentee's private one.
import { describe, expect } from 'vitest';
import { demoPeople } from '../../bot/dev/demoData';
import { browserTest, openPlace } from '../support/browserFixtures';

const test = browserTest;

describe('the journal in the tab', () => {
  test('writes, renders safely, shares, filters, and keeps private notes private', async ({ session }) => {
    const page = await session.signInAs(demoPeople.menteeAlex.displayName);
    await openPlace(page, 'Journal');
    const journal = page.getByRole('region', { name: 'Journal' });
    await journal.getByRole('list', { name: 'Journal, newest first' }).waitFor();

    const editor = journal.getByRole('form', { name: 'Write a note' });
    await editor
      .getByRole('textbox', { name: /Note/ })
      .fill('**Demo went well** <img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>');
    await editor.getByRole('button', { name: 'Save note' }).click();
    await journal.getByRole('status').getByText('Note saved.').waitFor();
    const note = journal.getByRole('listitem').filter({ hasText: 'Demo went well' }).first();
    await note.locator('strong', { hasText: 'Demo went well' }).waitFor();
    expect(await note.locator('script, img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

    await note.getByRole('button', { name: 'Share with the program' }).click();
    await journal.getByRole('status').getByText('Shared with the program’s leadership.').waitFor();
    const shared = journal.getByRole('listitem').filter({ hasText: 'Demo went well' }).first();
    await shared.getByText('Shared with the program', { exact: true }).waitFor();
    await shared.getByRole('button', { name: 'Stop sharing' }).click();
    await journal.getByRole('status').getByText('No longer shared with the program.').waitFor();

    await editor.getByRole('textbox', { name: /Note/ }).fill('Only for me');
    await editor.getByRole('combobox', { name: 'Who sees it' }).selectOption('private');
    await editor.getByRole('button', { name: 'Save note' }).click();
    await journal.getByRole('listitem').filter({ hasText: 'Only for me' }).waitFor();

    await journal.getByRole('combobox', { name: 'Kind' }).selectOption('note');
    await journal.getByRole('listitem').first().waitFor();
    await page.waitForFunction(() =>
      [...document.querySelectorAll('ol[aria-label="Journal, newest first"] > li')].every((li) => li.textContent?.startsWith('Note')),
    );

    const mentor = await session.signInAs(demoPeople.mentor.displayName, '/');
    await mentor.getByRole('tab', { name: `Mentee: ${demoPeople.menteeAlex.displayName}` }).click();
    await openPlace(mentor, 'Journal');
    const mentorsJournal = mentor.getByRole('region', { name: 'Journal' });
    await mentorsJournal.getByRole('listitem').filter({ hasText: 'Demo went well' }).first().waitFor();
    expect(await mentorsJournal.getByText('Only for me').count()).toBe(0);
    expect(await mentorsJournal.getByRole('button', { name: 'Share with the program' }).count()).toBe(0);
  });
});
