// What the plan page tells a person, in a real browser against the real server: a check-in answer
// reads as question and answer (not "BlockersWaiting on…"), a date message names no format the date
// control does not show, and an added goal is announced with its group and brought into view.
import { describe, expect } from 'vitest';
import { demoPairIds, demoPeople } from '../../bot/dev/demoData';
import { addDays, todayIn } from '../../shared/dates';
import { browserTest, openPlace } from '../support/browserFixtures';

const mentee = demoPeople.menteeAlex;
const pairId = demoPairIds.alex;

const test = browserTest.extend(
  'signInAsMentee',
  ({ session }) =>
    async function signInAsMentee() {
      const page = await session.signInAs(mentee.displayName);
      await page.getByRole('heading', { name: 'My plan', level: 2 }).waitFor();
      return page;
    },
);

test.beforeAll(async ({ seedCheckIn }) => {
  await seedCheckIn({
    pairId,
    slot: '2026-02-02',
    answeredAt: '2026-02-03T10:00:00.000Z',
    answeredBy: mentee.id,
    answer: {
      goals: [{ goalId: 'alex-oncall', current: 2 }],
      confidence: 3,
      blockers: 'Waiting on support for the test data.',
      wins: 'Closed two incidents.',
      nextSteps: '',
      needHelpWith: '',
    },
  });
});

describe('what the plan page tells a person', { timeout: 120_000 }, () => {
  test('shows each check-in answer under its question, not run into it', async ({ signInAsMentee }) => {
    const page = await signInAsMentee();
    await openPlace(page, 'Check-ins');
    const item = page
      .getByRole('group', { name: 'Check-ins' })
      .getByRole('listitem')
      .filter({ hasText: 'Waiting on support for the test data.' });
    await item.waitFor();
    expect(await item.getByRole('term').allInnerTexts()).toEqual(expect.arrayContaining(['Blockers', 'Wins']));
    expect(await item.getByRole('definition').allInnerTexts()).toEqual(
      expect.arrayContaining(['Waiting on support for the test data.', 'Closed two incidents.']),
    );
    const text = await item.innerText();
    expect(text).not.toContain('BlockersWaiting');
    expect(text).toMatch(/Blockers\s*\n\s*Waiting on support for the test data\./);
  });

  test('asks for a milestone’s date without naming a format the date control does not show', async ({ signInAsMentee }) => {
    const page = await signInAsMentee();
    // The plan is an article too; the goals are the articles inside it.
    const goal = page.getByRole('article', { name: 'My plan' }).getByRole('article').first();
    await goal.getByRole('button', { name: 'Add milestone' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a milestone' });
    await dialog.getByRole('textbox', { name: 'Title' }).fill('Draft the runbook');
    await dialog.getByRole('button', { name: 'Add milestone' }).click();
    const date = dialog.getByLabel('Due date');
    await dialog.getByText('Pick a date.').waitFor();
    expect(await date.getAttribute('aria-invalid')).toBe('true');
    expect(await dialog.innerText()).not.toMatch(/\d{4}-\d{2}-\d{2}|YYYY/);

    // A date typed only in part is still no date to the control: the same message.
    await date.pressSequentially('03');
    await dialog.getByRole('button', { name: 'Add milestone' }).click();
    await dialog.getByText('Pick a date.').waitFor();
    expect(await dialog.innerText()).not.toMatch(/\d{4}-\d{2}-\d{2}|YYYY/);
  });

  test('says where an added goal went and moves focus to its card', async ({ signInAsMentee }) => {
    const page = await signInAsMentee();
    const title = 'Pair with the SRE team for a sprint';
    await page.getByRole('button', { name: 'Add goal' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a goal' });
    await dialog.getByRole('textbox', { name: 'Title' }).fill(title);
    await dialog.getByRole('combobox', { name: 'Strategic priority' }).selectOption({ label: 'Customer reliability' });
    await dialog.getByLabel('Due date').fill(addDays(todayIn(mentee.timeZone, new Date()), 30));
    await dialog.getByRole('button', { name: 'Add goal' }).click();
    await dialog.waitFor({ state: 'detached' });

    await page
      .getByRole('status')
      .filter({ hasText: `“${title}” is now in the plan under “Priority: Customer reliability”.` })
      .waitFor();
    const card = page.getByRole('region', { name: 'Priority: Customer reliability' }).getByRole('article', { name: title });
    await card.waitFor();
    // Focus lands on the new card once the dialog has closed (and stays there).
    await page.waitForFunction((t) => {
      const el = document.activeElement;
      return !!el?.hasAttribute('data-goal-id') && !!el.textContent?.includes(t);
    }, title);
    expect(await card.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(
      await card.evaluate((el) => {
        const box = el.getBoundingClientRect();
        return box.top < window.innerHeight && box.bottom > 0;
      }),
    ).toBe(true);
  });
});
