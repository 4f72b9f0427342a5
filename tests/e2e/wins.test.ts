// Wins on the plan page, in a real browser against the real server: the mentee adds a win, shares
// one in the weekly digest with the switch (a conflicting change reloads and says so); the mentor
// sees whether each is shared, without a switch.
import { describe, expect } from 'vitest';
import { demoPairIds, demoPeople } from '../../bot/dev/demoData';
import { winTable } from '../../bot/storage/winTable';
import { browserTest } from '../support/browserFixtures';
import { tablesOf } from '../support/testServer';

const test = browserTest
  .extend(
    'wins',
    ({ session }) =>
      () =>
        winTable(tablesOf(session.server)),
  )
  .extend(
    'signInAs',
    ({ session }) =>
      async function signInAs(name: string) {
        const page = await session.signInAs(name);
        const section = page.getByRole('group', { name: 'Wins' });
        await section.getByRole('list', { name: 'Wins, newest first' }).waitFor();
        return { page, section };
      },
  );
const pairId = demoPairIds.alex;

describe('wins on the plan page', () => {
  test('lets the mentee add a win and share it in the weekly digest', async ({ signInAs, wins }) => {
    const { page, section } = await signInAs(demoPeople.menteeAlex.displayName);
    const labelled = section.getByRole('listitem').filter({ hasText: 'Labelled the first 120 real support tickets' });
    expect(await labelled.innerText()).toContain('Recognized by Alex Chen');
    expect(await labelled.innerText()).toContain('Goal: Ship an evaluation harness for the support-answer model');

    const share = labelled.getByRole('switch', { name: 'Share in the program’s weekly digest' });
    expect(await share.isChecked()).toBe(false);
    await share.click();
    await expect.poll(async () => (await wins().get(pairId, 'alex-win-2'))?.value.shareInDigest).toBe(true);
    await expect.poll(() => labelled.getByRole('switch').isChecked()).toBe(true);

    await section.getByRole('button', { name: 'Add a win' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a win' });
    await dialog.getByRole('button', { name: 'Add win' }).click();
    expect(await dialog.getByText('Say what the win was.').count()).toBe(1);
    await dialog.getByLabel('The win').fill('Gave my first tech talk');
    await dialog.getByLabel('Goal it moves forward').selectOption({ label: 'Present at the engineering all-hands' });
    await dialog.getByRole('switch', { name: 'Share in the program’s weekly digest' }).click();
    await dialog.getByRole('button', { name: 'Add win' }).click();
    await dialog.waitFor({ state: 'detached' });

    const added = section.getByRole('listitem').first();
    await expect.poll(() => added.innerText()).toContain('Gave my first tech talk');
    expect(await added.getByRole('switch').isChecked()).toBe(true);
    const stored = (await wins().list(pairId)).find((w) => w.value.text === 'Gave my first tech talk');
    expect(stored?.value).toMatchObject({ goalId: 'alex-speaking', shareInDigest: true, recognizedBy: demoPeople.menteeAlex.id });
  });

  test('reloads and says so when the win changed meanwhile', async ({ signInAs, wins }) => {
    const { page, section } = await signInAs(demoPeople.menteeAlex.displayName);
    const item = section.getByRole('listitem').filter({ hasText: 'Ran the post-incident review' });
    expect(await item.getByRole('switch').isChecked()).toBe(true);
    // Withdrawn in another window after this page loaded.
    const current = (await wins().get(pairId, 'alex-win-1'))!;
    await wins().update({ ...current.value, shareInDigest: false }, current.etag);

    await item.getByRole('switch').click();
    await page.getByText('This win changed while you were choosing.').waitFor();
    await expect.poll(() => item.getByRole('switch').isChecked()).toBe(false);
    expect((await wins().get(pairId, 'alex-win-1'))?.value.shareInDigest).toBe(false);
  });

  test('shows the mentor whether each win is shared, with no switch', async ({ signInAs }) => {
    const { section } = await signInAs(demoPeople.mentor.displayName);
    // Alex's plan is the mentor's first tab.
    expect(await section.getByRole('switch').count()).toBe(0);
    expect(await section.getByText(/^(Shared in the digest|Not shared)$/).count()).toBe(await section.getByRole('listitem').count());
  });
});
