// One browser test file's set-up: the real server (Azurite, demo data) and Chromium for the whole
// file, a fresh page per test, closed after it; a failed test leaves a picture of what the browser
// showed in tests/e2e/screenshots (ignored by git).
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { launchChromium, newPage } from './browser';
import { startTestServer, type TestServer } from './testServer';

export interface BrowserSession {
  readonly server: TestServer;
  readonly browser: Browser;
  /** A fresh page (own storage), closed after the test. */
  open(options?: BrowserContextOptions): Promise<Page>;
  /** A fresh page at `path`, signed in through the development sign-in as the demo person named. */
  signInAs(displayName: string, path?: string, options?: BrowserContextOptions): Promise<Page>;
}

export function browserSession(start: () => Promise<TestServer> = () => startTestServer()): BrowserSession {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  let pages: Page[] = [];

  beforeAll(async () => {
    [server, browser] = await Promise.all([start(), launchChromium()]);
  });
  afterEach(async (context) => {
    if (context.task.result?.state === 'fail') {
      const name = context.task.name.replace(/\W+/g, '-');
      await Promise.all(
        pages.map((p, i) =>
          p.screenshot({ path: `tests/e2e/screenshots/${name}${i ? `-${i}` : ''}.png`, fullPage: true }).catch(() => undefined),
        ),
      );
    }
    await Promise.all(pages.map((p) => p.context().close()));
    pages = [];
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const session: BrowserSession = {
    get server() {
      if (!server) throw new Error('The server starts in beforeAll');
      return server;
    },
    get browser() {
      if (!browser) throw new Error('The browser starts in beforeAll');
      return browser;
    },
    async open(options) {
      const page = await newPage(session.browser, options);
      pages.push(page);
      return page;
    },
    async signInAs(displayName, path = '/', options) {
      const page = await session.open(options);
      await page.goto(`${session.server.baseUrl}${path}`);
      await page.getByRole('heading', { name: 'Development sign-in' }).waitFor();
      await page.getByRole('button', { name: displayName }).click();
      return page;
    },
  };
  return session;
}
