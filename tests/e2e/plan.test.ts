// The plan page in a real browser against the real server: development sign-in, then a goal that
// starts without a measurable target, is fixed, and is still there after a reload.
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { demoPeople } from '../../bot/dev/demoData';
import { addDays, todayIn } from '../../shared/dates';
import { launchChromium, newPage } from '../support/browser';
import { startTestServer, type TestServer } from '../support/testServer';

let server: TestServer;
let browser: Browser;
let page: Page | undefined;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchChromium()]);
});
afterEach(async (context) => {
  // A failed flow leaves a picture of what the browser showed (tests/e2e/screenshots is ignored by git).
  if (page && context.task.result?.state === 'fail') {
    await page.screenshot({ path: `tests/e2e/screenshots/${context.task.name.replace(/\W+/g, '-')}.png`, fullPage: true });
  }
  await page?.context().close();
  page = undefined;
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const mentee = demoPeople.menteeAlex;
const inTwoMonths = () => addDays(todayIn(mentee.timeZone, new Date()), 60);

async function signInAsMentee(p: Page) {
  await p.goto(`${server.baseUrl}/`);
  await p.getByRole('heading', { name: 'Development sign-in' }).waitFor();
  await p.getByRole('button', { name: mentee.displayName }).click();
  await p.getByRole('heading', { name: 'My plan', level: 2 }).waitFor();
}

describe('the plan page', () => {
  it('adds a goal, shows what SMART still lacks, makes it measurable, and keeps it across a reload', async () => {
    page = await newPage(browser);
    await signInAsMentee(page);
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

  it('fits a 320 px wide window without horizontal scrolling', async () => {
    page = await newPage(browser, { viewport: { width: 320, height: 800 } });
    await signInAsMentee(page);
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
    }));
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
  });
});
