// The program's health in a real browser against the real server: Jordan (the demo program's
// manager) opens Program → Health, sees the charts with their tables (scorecard trends by quarter
// among them), filters by cohort, and downloads the CSV of the same figures.
import { readFile } from 'node:fs/promises';
import { describe, expect } from 'vitest';
import { DEMO_PROGRAM_ID, demoPeople } from '../../bot/dev/demoData';
import { checkpointQuarter } from '../../shared/checkpoints/checkpoint';
import { addDays } from '../../shared/dates';
import { browserTest } from '../support/browserFixtures';
import { addProgramPairs, addSharedCheckpoint, type PairPlan } from '../support/programPairs';

const test = browserTest;
const today = new Date().toISOString().slice(0, 10);

/** More pairs in the demo program, so its figures describe five people or more; one silent for a month. */
const pairs: PairPlan[] = [
  { n: 31, programId: DEMO_PROGRAM_ID, cohort: '2026 spring', startedDaysAgo: 5, accepted: true, priorityId: 'customer-reliability' },
  { n: 32, programId: DEMO_PROGRAM_ID, cohort: '2026 spring', startedDaysAgo: 5, accepted: true, priorityId: 'ai-enabled-products' },
  { n: 33, programId: DEMO_PROGRAM_ID, cohort: '2026 spring', startedDaysAgo: 30, accepted: true },
  { n: 34, programId: DEMO_PROGRAM_ID, cohort: '2026 autumn', startedDaysAgo: 5, accepted: true, priorityId: 'customer-reliability' },
  { n: 35, programId: DEMO_PROGRAM_ID, cohort: '2026 spring', startedDaysAgo: 5, accepted: true, priorityId: 'customer-reliability' },
];
/** Five mentees shared a checkpoint due lately; two of them one due over two quarters earlier. */
const recent = addDays(today, -10);
const earlier = addDays(today, -200);

test.beforeAll(async ({ server }) => {
  await addProgramPairs(server, pairs, today);
  for (const { n } of pairs) {
    await addSharedCheckpoint(server, n, recent, [{ metricId: 'quality', value: 4 }]);
    if (n < 33) await addSharedCheckpoint(server, n, earlier, [{ metricId: 'quality', value: 2 }]);
  }
  // The health follows each write after it answered: the dashboard opens on settled figures.
  await server.app.health.service.settled();
});

describe('program health', () => {
  test('Jordan opens Program → Health, sees charts with tables, filters by cohort and downloads the CSV', async ({ session }) => {
    const page = await session.signInAs(demoPeople.manager.displayName);
    await page.getByRole('heading', { name: 'Program setup', level: 2 }).waitFor();
    await page.getByRole('tablist', { name: 'Program views' }).getByRole('tab', { name: 'Program health' }).click();
    await page.getByRole('heading', { name: 'Program health', level: 2 }).waitFor();

    const participation = page.getByRole('region', { name: 'Participation' });
    await participation.getByText('Active pairs').waitFor();
    const goals = page.getByRole('region', { name: 'Goals per strategic priority' });
    const chart = goals.getByRole('img', { name: /Goals per strategic priority/ });
    await chart.waitFor();
    expect(await chart.locator('rect').count()).toBeGreaterThan(0);
    // The chart's table alternative names every priority, including goals linked to none.
    await goals.getByText('Show as a table').click();
    const table = goals.getByRole('table');
    expect(await table.getByRole('rowheader').allInnerTexts()).toContain('Not linked to any priority');

    // The quality trend: the recent quarter's mean over five mentees or more, the earlier one's note.
    const trends = page.getByRole('region', { name: 'Scorecard trends by quarter' });
    const qualityFigure = trends.getByRole('figure', { name: /^Quality of outcomes: mean by/ });
    await qualityFigure.getByRole('img', { name: /^Quality of outcomes: mean by/ }).waitFor();
    await qualityFigure.getByText('Show as a table').click();
    const trendTable = qualityFigure.getByRole('table');
    const recentRow = trendTable.getByRole('row', { name: new RegExp(`^${checkpointQuarter(recent)}`) });
    // The mean reads on the metric's own scale, and its bar is drawn on it: from 1 to 5, not from 0
    // to the largest mean shown. The hidden quarter draws no bar.
    expect(await trendTable.getByRole('columnheader').allInnerTexts()).toEqual(['Quarter', 'Mean (1 to 5)']);
    const recentMean = await recentRow.getByRole('cell').innerText();
    expect(recentMean).toMatch(/^\d+(\.\d+)? \/ 5$/);
    const bars = qualityFigure.getByRole('img').locator('rect');
    expect(await bars.count()).toBe(1);
    const fullBar = 300;
    expect(Number(await bars.getAttribute('width'))).toBeCloseTo(((parseFloat(recentMean) - 1) / 4) * fullBar, 3);
    const earlierRow = trendTable.getByRole('row', { name: new RegExp(`^${checkpointQuarter(earlier)}`) });
    expect(await earlierRow.getByRole('cell').innerText()).toContain('Hidden: fewer than 5 people');

    const atRisk = page.getByRole('region', { name: 'Pairs at risk' });
    const riskTable = atRisk.getByRole('table', { name: 'Pairs at risk and why' });
    await riskTable.waitFor();
    expect(await riskTable.innerText()).toContain('Program Person 233');
    expect(await riskTable.innerText()).toContain('No check-in answered since the pair started 30 days ago.');

    // One cohort of a single pair: every figure gives way to its note.
    await page.getByRole('combobox', { name: 'Cohort' }).selectOption('2026 autumn');
    await expect.poll(() => participation.innerText()).toContain('Hidden: fewer than 5 people');
    expect(await atRisk.innerText()).toContain('Hidden: fewer than 5 people');
    await page.getByRole('combobox', { name: 'Cohort' }).selectOption('');
    await expect.poll(() => participation.innerText()).toContain('Active pairs');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('program-health.csv');
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv.split('\r\n')[0]).toBe('figure,value,notes');
    expect(csv).toMatch(/\r\nActive pairs,\d+,\r\n/);
    await page.getByRole('status').filter({ hasText: 'The CSV is downloading.' }).waitFor();
  });
});
