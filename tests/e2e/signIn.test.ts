// Outside Teams, a server that expects Teams SSO shows a pointer to Teams: no development sign-in,
// no demo people, no guess at who is there.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, newPage } from '../support/browser';
import { startLocalEntra, type LocalEntra } from '../support/entraTokens';
import { startTestServer, type TestServer } from '../support/testServer';

let entra: LocalEntra;
let server: TestServer;
let browser: Browser;
let page: Page | undefined;

beforeAll(async () => {
  entra = await startLocalEntra();
  [server, browser] = await Promise.all([startTestServer({ env: entra.productionEnv }), launchChromium()]);
});
afterAll(async () => {
  await page?.context().close();
  await browser?.close();
  await server?.close();
  await entra?.close();
});

describe('sign-in outside Teams, in production configuration', () => {
  it('says to open the app in Teams and offers no development sign-in', async () => {
    page = await newPage(browser);
    await page.goto(`${server.baseUrl}/`);
    await page.getByText('Open this app in Microsoft Teams').waitFor();
    expect(await page.getByRole('heading', { name: 'Development sign-in' }).count()).toBe(0);
    expect(await page.getByText('Alex Chen').count()).toBe(0);
  });
});
