// The places of a plan (Plan, Check-ins, Feedback, Checkpoints, Journal): each has its own address,
// back and forward move between them, and each downloads its code when first opened.
import { describe, expect } from 'vitest';
import { demoPairIds, demoPeople } from '../../bot/dev/demoData';
import { browserTest, openPlace } from '../support/browserFixtures';

const test = browserTest;

describe('places of a plan', () => {
  test('open at their address, download when opened, and follow back and forward', async ({ session }) => {
    const page = await session.signInAs(demoPeople.menteeAlex.displayName, `/plans/${demoPairIds.alex}/journal`);
    const places = page.getByRole('tablist', { name: 'Places in this plan' });
    await page.getByRole('heading', { name: 'My plan', level: 2 }).waitFor();
    expect(await places.getByRole('tab', { selected: true }).innerText()).toBe('Journal');
    await page.getByRole('heading', { name: 'Journal', level: 3 }).waitFor();
    expect(await places.getByRole('tab').allInnerTexts()).toEqual(['Plan', 'Check-ins', 'Feedback', 'Checkpoints', 'Journal', 'Renewal']);

    const scripts: string[] = [];
    page.on('response', (r) => {
      if (r.request().resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
    });
    await openPlace(page, 'Check-ins');
    await page.getByRole('group', { name: 'Check-ins' }).getByRole('heading', { name: 'Check-ins', level: 3 }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/plans/${demoPairIds.alex}/check-ins`);
    expect(scripts.some((s) => /\/CheckInsPlace-[\w-]+\.js$/.test(s))).toBe(true);

    await openPlace(page, 'Checkpoints');
    await page.getByTestId('checkpoints-place').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/plans/${demoPairIds.alex}/checkpoints`);
    expect(scripts.some((s) => /\/CheckpointsInPlan-[\w-]+\.js$/.test(s))).toBe(true);

    await page.goBack();
    await page.getByRole('group', { name: 'Check-ins' }).waitFor();
    expect(await places.getByRole('tab', { selected: true }).innerText()).toBe('Check-ins');
    await page.goBack();
    await page.getByRole('heading', { name: 'Journal', level: 3 }).waitFor();
    await page.goForward();
    await page.getByRole('group', { name: 'Check-ins' }).waitFor();

    await openPlace(page, 'Plan');
    expect(new URL(page.url()).pathname).toBe(`/plans/${demoPairIds.alex}`);
    await page.getByRole('heading', { name: 'Goals', level: 3 }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Goals', level: 3 }).waitFor();
  });
});
