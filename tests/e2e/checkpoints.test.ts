// A checkpoint completed in the tab by both people: the mentee starts and rates it, the mentor
// rates and signs off, the mentee signs off; the scorecard over time then has one more point in
// each chart, in the table, and the latest value sits next to the previous one.
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { demoPeople } from '../../bot/dev/demoData';
import { browserTest, openPlace } from '../support/browserFixtures';

const test = browserTest;

async function openCheckpoints(page: Page) {
  await openPlace(page, 'Checkpoints');
  const place = page.getByTestId('checkpoints-place');
  await place.waitFor();
  return place;
}

const pointsIn = async (page: Page, metricId: string) =>
  Number(await page.getByTestId(`scorecard-chart-${metricId}`).getAttribute('data-points'));

describe('a checkpoint in the tab', () => {
  test('is completed by both and the chart gains a point', async ({ session }) => {
    const alex = await session.signInAs(demoPeople.menteeAlex.displayName, '/');
    let place = await openCheckpoints(alex);
    // The demo's three signed-off checkpoints are charted; the chart is a real Fluent chart.
    await alex.getByTestId('scorecard-chart-quality').locator('svg').first().waitFor();
    expect(await pointsIn(alex, 'quality')).toBe(3);
    expect(await alex.getByTestId('scorecard-table').locator('tbody tr').count()).toBe(3);
    await expect.poll(() => alex.getByTestId('scorecard-latest').innerText()).toMatch(/Latest: 4 \/ 5\s*previous: 3\.5 \/ 5/);

    const review = alex.getByTestId('checkpoint-review');
    await review.getByRole('button', { name: 'Start preparing' }).click();
    await review.getByLabel('Your rating: Quality of outcomes').selectOption('5');
    await review.getByLabel('Your rating: Speed of learning transfer').selectOption('4');
    await review.getByLabel('What worked').fill('Leading two incidents end to end.');
    await review.getByRole('button', { name: 'Save draft' }).click();
    await review.getByText('Draft saved.', { exact: false }).waitFor();

    const priya = await session.signInAs(demoPeople.mentor.displayName, '/');
    await openCheckpoints(priya);
    const mentorReview = priya.getByTestId('checkpoint-review');
    await mentorReview.getByLabel('What worked').waitFor();
    expect(await mentorReview.getByLabel('What worked').inputValue()).toBe('Leading two incidents end to end.');
    await mentorReview.getByLabel('Your rating: Quality of outcomes').selectOption('5');
    await mentorReview.getByLabel('Your rating: Speed of learning transfer').selectOption('5');
    await mentorReview.getByRole('button', { name: 'Sign off' }).click();
    await mentorReview.getByText(`Signed off by ${demoPeople.mentor.displayName}`).waitFor();

    await alex.reload();
    place = await openCheckpoints(alex);
    await alex.getByTestId('checkpoint-review').getByRole('button', { name: 'Sign off' }).click();
    await alex
      .getByTestId('checkpoint-review')
      .getByText(/^Signed off on /)
      .waitFor();

    // One more point in every chart where the period gave a value, one more row in the table.
    await expect.poll(() => pointsIn(alex, 'quality')).toBe(4);
    expect(await pointsIn(alex, 'learning-transfer')).toBe(4);
    expect(await alex.getByTestId('scorecard-table').locator('tbody tr').count()).toBe(4);
    await expect.poll(() => alex.getByTestId('scorecard-latest').innerText()).toMatch(/Latest: 5 \/ 5\s*previous: 4 \/ 5/);
    // Read-only now: no more saving or signing, a correction instead.
    expect(await place.getByRole('button', { name: 'Save draft' }).count()).toBe(0);
    await place.getByRole('button', { name: 'Start a correction' }).waitFor();
  });
});
