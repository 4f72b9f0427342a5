// The Program place, in a real browser against the real server: Jordan (the demo program's manager)
// edits the check-in cadence and a question, sees the check-in card preview follow, saves, and finds
// the change kept after a reload. People who manage no program are not offered the place.
import { describe, expect } from 'vitest';
import { demoPeople } from '../../bot/dev/demoData';
import { browserTest } from '../support/browserFixtures';

const test = browserTest;

describe('program setup', () => {
  test('Jordan edits the cadence and a question, sees the preview change, saves, and keeps it after a reload', async ({ session }) => {
    const page = await session.signInAs(demoPeople.manager.displayName);
    await page.getByRole('heading', { name: 'Program setup', level: 2 }).waitFor();
    const preview = page.getByRole('region', { name: 'Check-in card preview' });
    const questions = preview.getByRole('list', { name: 'Check-in questions' }).getByRole('listitem');
    await expect.poll(() => questions.first().innerText()).toBe('How did each goal move since the last check-in?');
    expect(await preview.innerText()).toContain('every two weeks');

    await page.getByRole('combobox', { name: 'Check-in cadence' }).selectOption('weekly');
    const box = page.getByRole('textbox', { name: 'Check-in questions' });
    const text = await box.inputValue();
    await box.fill(text.replace('What went well?', 'What are you proud of this week?'));

    await expect.poll(() => preview.innerText()).toContain('weekly');
    expect(await questions.allInnerTexts()).toContain('What are you proud of this week?');
    expect(await questions.allInnerTexts()).not.toContain('What went well?');

    await page.getByRole('button', { name: 'Save program settings' }).click();
    await page.getByRole('status').filter({ hasText: 'Program settings saved' }).waitFor();

    await page.reload();
    await page.getByRole('heading', { name: 'Program setup', level: 2 }).waitFor();
    await expect.poll(() => page.getByRole('combobox', { name: 'Check-in cadence' }).inputValue()).toBe('weekly');
    expect(await page.getByRole('textbox', { name: 'Check-in questions' }).inputValue()).toContain('What are you proud of this week?');
    expect(await questions.allInnerTexts()).toContain('What are you proud of this week?');
  });

  test('removing a priority goals use is refused, naming it, and archiving it instead is saved', async ({ session }) => {
    const page = await session.signInAs(demoPeople.manager.displayName);
    await page.getByRole('heading', { name: 'Program setup', level: 2 }).waitFor();
    await page.getByRole('button', { name: 'Remove Customer reliability' }).click();
    await page.getByRole('button', { name: 'Save program settings' }).click();
    await expect
      .poll(() => page.getByRole('alert').allInnerTexts())
      .toContainEqual(expect.stringContaining('“Customer reliability” is used by'));

    // Archive is offered instead: the priority comes back, archived, and the save goes through.
    await page.getByRole('button', { name: 'Archive instead' }).click();
    const reliability = page.getByRole('group', { name: 'Customer reliability' });
    expect(await reliability.getByRole('checkbox', { name: /Archived/ }).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Save program settings' }).click();
    await page.getByRole('status').filter({ hasText: 'Program settings saved' }).waitFor();
  });

  test('a mentee who manages no program is not offered the Program place', async ({ session }) => {
    const page = await session.signInAs(demoPeople.menteeAlex.displayName);
    await page.getByRole('heading', { name: 'My plan', level: 2 }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Sections' });
    expect(await nav.getByRole('button').allInnerTexts()).toEqual(['My mentoring', 'Feedback asked of me']);
  });
});
