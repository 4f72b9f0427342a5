// The built tab under the server's Content-Security-Policy, in a real Chromium: it renders with no
// policy violation, a Teams host may frame it, and any other site may not.
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { demoPeople } from '../../bot/dev/demoData';
import { browserTest } from '../support/browserFixtures';

const test = browserTest
  /** A page that records every CSP violation: console reports and `securitypolicyviolation` events. */
  .extend(
    'watchedPage',
    ({ session }) =>
      async function watchedPage(): Promise<{ page: Page; violations: string[] }> {
        const p = await session.open();
        const violations: string[] = [];
        p.on('console', (m) => {
          if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
        });
        await p.exposeFunction('reportViolation', (v: string) => violations.push(v));
        await p.addInitScript(() => {
          document.addEventListener('securitypolicyviolation', (e) =>
            (window as unknown as { reportViolation(v: string): void }).reportViolation(`${e.violatedDirective} ${e.blockedURI}`),
          );
        });
        // No internet here: answer teams-js' valid-origins fetch locally (the CSP check happens before it).
        await p.route('https://res.cdn.office.net/**', (route) => route.fulfill({ json: { validOrigins: ['teams.microsoft.com'] } }));
        return { page: p, violations };
      },
  )
  /** A stand-in host page at `origin` that frames the tab. */
  .extend(
    'framedBy',
    ({ session }) =>
      async function framedBy(p: Page, origin: string) {
        await p.route(`${TAB_ORIGIN}/**`, async (route) => {
          const response = await route.fetch({ url: route.request().url().replace(TAB_ORIGIN, session.server.baseUrl) });
          await route.fulfill({ response });
        });
        await p.route(`${origin}/**`, (route) =>
          route.fulfill({
            contentType: 'text/html',
            body: `<!doctype html><title>host</title><iframe name="tab" src="${TAB_ORIGIN}/" width="1200" height="800"></iframe>`,
          }),
        );
        await p.goto(`${origin}/host`);
      },
  );

/**
 * The tab as Teams reaches it, at a public https address: Chromium refuses to let a public page
 * frame a loopback address at all (Local Network Access), so that address forwards to the test
 * server and hands back its responses, headers included.
 */
const TAB_ORIGIN = 'https://mentoring.example';

describe('the tab under its Content-Security-Policy', () => {
  test('renders the plan with no policy violation', async ({ watchedPage, session }) => {
    const { page: p, violations } = await watchedPage();
    await p.goto(`${session.server.baseUrl}/`);
    await p.getByRole('button', { name: demoPeople.menteeAlex.displayName }).click();
    await p.getByRole('heading', { name: 'My plan', level: 2 }).waitFor();
    // A dialog: Fluent renders it in a portal and injects more styles at run time.
    await p.getByRole('button', { name: 'Add goal' }).click();
    await p.getByRole('dialog', { name: 'Add a goal' }).waitFor();
    expect(violations).toEqual([]);
  });

  test('may be framed by Teams', async ({ watchedPage, framedBy }) => {
    const { page: p, violations } = await watchedPage();
    await framedBy(p, 'https://teams.microsoft.com');
    const tab = p.frameLocator('iframe[name="tab"]');
    // Not Teams really, so after its detection timeout the tab offers the development sign-in.
    await tab.getByRole('heading', { name: 'Development sign-in' }).waitFor();
    expect(violations).toEqual([]);
  });

  test('may not be framed by another site', async ({ watchedPage, framedBy }) => {
    const { page: p, violations } = await watchedPage();
    const blocked = p.waitForEvent('console', (m) => /frame-ancestors/.test(m.text()));
    await framedBy(p, 'https://evil.example');
    await blocked;
    expect(violations.join('\n')).toMatch(/frame-ancestors/);
    expect(await p.frameLocator('iframe[name="tab"]').getByRole('heading', { name: 'Development sign-in' }).count()).toBe(0);
  });
});
