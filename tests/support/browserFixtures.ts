// The test API for browser tests: the server fixtures, Chromium once per file, and a `session` per
// test whose pages are closed after it; a failed test leaves a picture of what the browser showed
// in tests/e2e/screenshots (ignored by git).
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { launchChromium, newPage } from './browser';
import { serverTest } from './fixtures';
import type { TestServer } from './testServer';

export interface BrowserSession {
  readonly server: TestServer;
  readonly browser: Browser;
  /** A fresh page (own storage), closed after the test. */
  open(options?: BrowserContextOptions): Promise<Page>;
  /** A fresh page at `path`, signed in through the development sign-in as the demo person named. */
  signInAs(displayName: string, path?: string, options?: BrowserContextOptions): Promise<Page>;
}

export const test = serverTest
  .extend('browser', { scope: 'file' }, async ({}, { onCleanup }) => {
    const browser = await launchChromium();
    onCleanup(() => browser.close());
    return browser;
  })
  .extend('session', async ({ server, browser, task, onTestFailed }, { onCleanup }): Promise<BrowserSession> => {
    const pages: Page[] = [];
    onTestFailed(async () => {
      const name = task.name.replace(/\W+/g, '-');
      await Promise.all(
        pages.map((p, i) =>
          p.screenshot({ path: `tests/e2e/screenshots/${name}${i ? `-${i}` : ''}.png`, fullPage: true }).catch(() => undefined),
        ),
      );
    });
    onCleanup(async () => {
      await Promise.all(pages.map((p) => p.context().close()));
    });
    const session: BrowserSession = {
      server,
      browser,
      async open(options) {
        const page = await newPage(browser, options);
        pages.push(page);
        return page;
      },
      async signInAs(displayName, path = '/', options) {
        const page = await session.open(options);
        await page.goto(`${server.baseUrl}${path}`);
        await page.getByRole('heading', { name: 'Development sign-in' }).waitFor();
        await page.getByRole('button', { name: displayName }).click();
        return page;
      },
    };
    return session;
  });

export { test as browserTest };

/** Opens one place of the plan shown (Plan, Check-ins, Feedback, Checkpoints, Journal) from its tab list. */
export async function openPlace(page: Page, name: string): Promise<void> {
  await page.getByRole('tablist', { name: 'Places in this plan' }).getByRole('tab', { name, exact: true }).click();
}
