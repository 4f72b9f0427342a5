// The plan page in a real browser against the real server: development sign-in, then a goal that
// starts without a measurable target, is fixed, and is still there after a reload.
import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { demoPeople } from '../../bot/dev/demoData';
import { addDays, todayIn } from '../../shared/dates';
import { browserTest } from '../support/browserFixtures';

const test = browserTest.extend(
  'signInAsMentee',
  ({ session }) =>
    async function signInAsMentee(options?: BrowserContextOptions): Promise<Page> {
      const page = await session.signInAs(mentee.displayName, '/', options);
      await page.getByRole('heading', { name: 'My plan', level: 2 }).waitFor();
      return page;
    },
);

const mentee = demoPeople.menteeAlex;
const inTwoMonths = () => addDays(todayIn(mentee.timeZone, new Date()), 60);

describe('the plan page', () => {
  test('adds a goal, shows what SMART still lacks, makes it measurable, and keeps it across a reload', async ({ signInAsMentee }) => {
    const page = await signInAsMentee();
    expect(await page.getByText('Development identity').count()).toBeGreaterThan(0);

    const title = 'Give a talk at the engineering all-hands';
    await page.getByRole('button', { name: 'Add goal' }).click();
    let dialog = page.getByRole('dialog', { name: 'Add a goal' });
    await dialog.getByRole('textbox', { name: 'Title' }).fill(title);
    await dialog.getByRole('textbox', { name: 'Description' }).fill('A 20-minute talk on how we run incident reviews.');
    await dialog.getByLabel('Due date').fill(inTwoMonths());
    await dialog.getByRole('button', { name: 'Add goal' }).click();
    await dialog.waitFor({ state: 'detached' });

    const goal = page.getByRole('article', { name: title });
    await goal.waitFor();
    const gaps = goal.getByRole('list', { name: 'What this goal still lacks' });
    expect(await gaps.innerText()).toContain('Measurable: Add a metric, a baseline and a target');
    expect(await goal.getByRole('img', { name: 'Measurable: missing' }).count()).toBe(1);

    await goal.getByRole('button', { name: 'Edit goal' }).click();
    dialog = page.getByRole('dialog', { name: 'Edit goal' });
    await dialog.getByRole('textbox', { name: 'Metric' }).fill('talks given');
    await dialog.getByRole('textbox', { name: 'Unit' }).fill('talks');
    await dialog.getByRole('textbox', { name: 'Baseline' }).fill('0');
    await dialog.getByRole('textbox', { name: 'Target' }).fill('0');
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    // The shared rule, shown next to the field before anything is sent.
    const target = dialog.getByRole('textbox', { name: 'Target' });
    await dialog.getByText('The target must differ from the baseline').waitFor();
    expect(await target.getAttribute('aria-invalid')).toBe('true');

    await target.fill('1');
    await dialog.getByRole('textbox', { name: 'Reason for this change' }).fill('Made it measurable.');
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await dialog.waitFor({ state: 'detached' });
    await goal.getByRole('img', { name: 'Measurable: present' }).waitFor();
    expect(await gaps.innerText()).not.toContain('Measurable');

    await page.reload();
    await page.getByRole('heading', { name: 'My plan', level: 2 }).waitFor(); // the chosen person is remembered
    await goal.waitFor();
    expect(await goal.getByRole('img', { name: 'Measurable: present' }).count()).toBe(1);
    expect(await goal.getByRole('list', { name: 'What this goal still lacks' }).innerText()).not.toContain('Measurable');
    expect(await goal.innerText()).toContain('0 → 0 of 1 talks');

    await goal.getByRole('button', { name: 'History' }).click();
    const history = page.getByRole('dialog', { name: `History of “${title}”` });
    await history.getByText('Revision 2').waitFor();
    expect(await history.innerText()).toContain('Reason: Made it measurable.');
  });

  test('fits a 320 px wide window without horizontal scrolling', async ({ signInAsMentee }) => {
    const page = await signInAsMentee({ viewport: { width: 320, height: 800 } });
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
    }));
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
  });
});
