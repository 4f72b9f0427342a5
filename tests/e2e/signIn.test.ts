// Outside Teams, a server that expects Teams SSO shows a pointer to Teams: no development sign-in,
// no demo people, no guess at who is there.
import type { Page } from 'playwright-core';
import { afterAll, describe, expect } from 'vitest';
import { newPage } from '../support/browser';
import { browserTest } from '../support/browserFixtures';

const test = browserTest.override('serverOptions', ({ entra }) => ({ env: entra.productionEnv }));
let page: Page | undefined;

afterAll(async () => {
  await page?.context().close();
});

describe('sign-in outside Teams, in production configuration', () => {
  test('says to open the app in Teams and offers no development sign-in', async ({ browser, server }) => {
    page = await newPage(browser);
    await page.goto(`${server.baseUrl}/`);
    await page.getByText('Open this app in Microsoft Teams').waitFor();
    expect(await page.getByRole('heading', { name: 'Development sign-in' }).count()).toBe(0);
    expect(await page.getByText('Alex Chen').count()).toBe(0);
  });
});
