// The app's own plan links (cards' "Open in browser", unfurled links) open the tab at that plan and
// goal: the pair's tab is selected and the goal is scrolled to and focused.
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { demoPairIds, demoPeople } from '../../bot/dev/demoData';
import { planUrl } from '../../shared/planLinks';
import { launchChromium, newPage } from '../support/browser';
import { startTestServer, type TestServer } from '../support/testServer';

let server: TestServer;
let browser: Browser;
let page: Page | undefined;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchChromium()]);
});
afterEach(async () => {
  await page?.context().close();
  page = undefined;
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openAs(person: { displayName: string }, url: string): Promise<Page> {
  const p = await newPage(browser);
  await p.goto(url);
  await p.getByRole('heading', { name: 'Development sign-in' }).waitFor();
  await p.getByRole('button', { name: person.displayName }).click();
  return p;
}

describe('plan links', () => {
  it('opens the mentor at the mentee the link names, not the first pair', async () => {
    page = await openAs(demoPeople.mentor, planUrl(server.baseUrl, { pairId: demoPairIds.sam }));
    await page.getByRole('heading', { name: `${demoPeople.menteeSam.displayName}’s plan`, level: 2 }).waitFor();
    expect(await page.getByRole('tab', { selected: true }).innerText()).toContain(demoPeople.menteeSam.displayName);
  });

  it('focuses the goal a goal link names', async () => {
    page = await openAs(demoPeople.menteeAlex, planUrl(server.baseUrl, { pairId: demoPairIds.alex, goalId: 'alex-eval' }));
    await page.getByRole('heading', { name: 'My plan', level: 2 }).waitFor();
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-goal-id') === 'alex-eval');
    expect(await page.evaluate(() => document.activeElement?.querySelector('h5')?.textContent)).toBe('Ship an evaluation harness for the support-answer model');
  });

  it('opens the first plan for a link to a plan the person is not in', async () => {
    page = await openAs(demoPeople.menteeAlex, planUrl(server.baseUrl, { pairId: demoPairIds.sam }));
    await page.getByRole('heading', { name: 'My plan', level: 2 }).waitFor();
  });
});
