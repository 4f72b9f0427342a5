// The first view downloads only its own script: dialogs, the goal menu and teams-js arrive when a
// person first uses them, and the dialog or menu then opens from that same click.
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { demoPeople } from '../../bot/dev/demoData';
import { browserTest } from '../support/browserFixtures';

const test = browserTest;

/** The paths of the scripts the page has downloaded so far. */
function watchScripts(page: Page): string[] {
  const scripts: string[] = [];
  page.on('response', (r) => {
    if (r.request().resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
  });
  return scripts;
}

describe('parts of the tab that load when used', () => {
  test('are not in the first view, and open from the first click once they arrive', async ({ session }) => {
    const page = await session.open();
    const scripts = watchScripts(page);
    await page.goto(`${session.server.baseUrl}/`);
    await page.getByRole('button', { name: demoPeople.menteeAlex.displayName }).click();
    await page.getByRole('heading', { name: 'My plan', level: 2 }).waitFor();
    await page.waitForLoadState('networkidle');
    const firstView = [...scripts];
    expect(firstView.filter((s) => !/^\/assets\/(index|rolldown-runtime)-[\w-]+\.js$/.test(s))).toEqual([]);

    const addGoal = page.getByRole('button', { name: 'Add goal' });
    await addGoal.click();
    const dialog = page.getByRole('dialog', { name: 'Add a goal' });
    await dialog.waitFor();
    expect(scripts.length).toBeGreaterThan(firstView.length);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    // The goal menu: its stand-in button looks the same and the menu opens from the first click.
    const card = page.getByRole('article', { name: 'Lead incident response for the payments service' });
    await card.getByRole('button', { name: /^More actions for/ }).click();
    await page.getByRole('menuitem', { name: 'Mark as completed' }).waitFor();
  });
});
