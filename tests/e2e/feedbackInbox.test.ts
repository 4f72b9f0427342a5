// The tab's "Feedback asked of me" and the mentor's check-in comment, in a real browser against the
// real server: Jordan (in no pair) answers a request in the tab and the mentee sees the answer
// counted; Priya comments on Alex's answered check-in and Alex reads the comment in the history.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { demoPairIds, demoPeople } from '../../bot/dev/demoData';
import { paths, pathFor } from '../../shared/api';
import { addDays, todayIn } from '../../shared/dates';
import { apiAs } from '../support/apiClient';
import { browserTest, openPlace } from '../support/browserFixtures';

const require = createRequire(import.meta.url);
const test = browserTest;
const pairId = demoPairIds.alex;
const { menteeAlex: alex, mentor: priya, manager: jordan, menteeSam: sam } = demoPeople;
const goalTitle = 'Lead incident response for the payments service';
const behaviors = ['Designs for failure', 'Owns incidents end to end'];
const slot = '2026-02-02';

test.beforeAll(async ({ server, seedCheckIn }) => {
  const respondents = [
    { personId: jordan.id, displayName: jordan.displayName, relation: 'supervisor' },
    { personId: sam.id, displayName: sam.displayName, relation: 'peer' },
  ];
  const asked = await apiAs(server.baseUrl, alex.id).post(pathFor(paths.feedbackRequests, { pairId }), {
    goalId: 'alex-oncall',
    behaviors,
    respondents,
    closesOn: addDays(todayIn('UTC', new Date()), 7),
  });
  if (asked.status !== 201) throw new Error(JSON.stringify(asked.body));

  await seedCheckIn({
    pairId,
    slot,
    answeredBy: alex.id,
    answer: {
      goals: [{ goalId: 'alex-oncall', current: 2 }],
      confidence: 4,
      wins: 'Led my first incident review.',
      blockers: '',
      nextSteps: '',
      needHelpWith: '',
    },
  });
});

/** axe-core's WCAG 2 A and AA violations inside `selector`, by rule id. */
async function axeViolations(page: Page, selector: string): Promise<string[]> {
  // Evaluated, not added as a script tag: the tab's CSP allows only its own scripts.
  await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  return page.evaluate(async (scope) => {
    const axe = (window as unknown as { axe: { run: (ctx: string, opts: object) => Promise<{ violations: { id: string }[] }> } }).axe;
    const result = await axe.run(scope, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] } });
    return result.violations.map((v) => v.id);
  }, selector);
}

async function openAskedOfMe(page: Page) {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Feedback asked of me' }).click();
  const place = page.getByRole('region', { name: 'Feedback asked of me' });
  await place.getByRole('heading', { name: 'To answer', level: 3 }).waitFor();
  return place;
}

describe('feedback asked of me', () => {
  test('lets a person in no pair answer in the tab, and the mentee sees the answer counted', async ({ session }) => {
    const page = await session.signInAs(jordan.displayName);
    // Jordan is in no pair and manages the demo program: the tab opens at the Program place.
    await page.getByRole('heading', { name: 'Program setup', level: 2 }).waitFor();
    const place = await openAskedOfMe(page);

    const item = place
      .getByRole('list', { name: 'Requests still open' })
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: `${alex.displayName}: ${goalTitle}` }) });
    expect(await item.getByText('Not answered', { exact: true }).count()).toBe(1);
    expect(await item.innerText()).not.toContain(sam.displayName);
    await item.getByRole('button', { name: 'Answer', exact: true }).click();
    const form = item.getByRole('form', { name: `Your feedback for ${alex.displayName}` });

    // Nothing filled in: every problem is named next to its field, and nothing is sent.
    await form.getByRole('button', { name: 'Send feedback' }).click();
    await form.getByText('Some fields need attention.').waitFor();
    expect(await form.getByText('Write a specific example.').count()).toBe(1);

    await form.getByRole('radiogroup', { name: behaviors[0] }).getByRole('radio', { name: '4 – Usually' }).check();
    await form.getByRole('textbox', { name: /One specific example/ }).fill('Kept everyone informed during the March outage.');
    await form.getByRole('textbox', { name: /One suggestion/ }).fill('Share the status page link sooner.');
    await form.getByRole('button', { name: 'Send feedback' }).click();
    // The server names the behavior left unrated, next to it.
    await form.getByText(`Rate “${behaviors[1]}” from 1 to 5.`).waitFor();
    await form.getByRole('radiogroup', { name: behaviors[1] }).getByRole('radio', { name: '5 – Consistently' }).check();
    await form.getByRole('button', { name: 'Send feedback' }).click();

    await item.getByRole('status').getByText(`Thank you. ${alex.displayName} can see your answer now.`).waitFor();
    await item.getByText('Answered', { exact: true }).waitFor();
    expect(await item.getByRole('list', { name: 'Your ratings' }).getByRole('listitem').allInnerTexts()).toEqual([
      `${behaviors[0]}: 4 of 5`,
      `${behaviors[1]}: 5 of 5`,
    ]);
    expect(await item.getByRole('button', { name: 'Change my answer' }).count()).toBe(1);
    // The place passes axe's WCAG 2 A/AA rules, with the form open as well.
    await item.getByRole('button', { name: 'Change my answer' }).click();
    await item.getByRole('form').waitFor();
    expect(await axeViolations(page, '#asked-feedback-place')).toEqual([]);

    const mentee = await session.signInAs(alex.displayName);
    await openPlace(mentee, 'Feedback');
    const feedback = mentee.getByRole('group', { name: 'Feedback', exact: true });
    await feedback.getByText('1 of 2 answered').waitFor();
  });

  test('lets the mentor comment on an answered check-in, and the mentee reads the comment', async ({ session }) => {
    const page = await session.signInAs(priya.displayName);
    await page.getByRole('tab', { name: `Mentee: ${alex.displayName}` }).click();
    await openPlace(page, 'Check-ins');
    const history = page.getByRole('group', { name: 'Check-ins' });
    await history.getByRole('list', { name: 'Check-ins, newest first' }).waitFor();
    await history.getByRole('button', { name: 'Comment', exact: true }).click();
    const form = history.getByRole('form', { name: 'Comment on the check-in for the period starting Feb 2, 2026' });
    await form.getByRole('button', { name: 'Send comment' }).click();
    await form.getByText('Write a comment.').waitFor();
    await form.getByRole('textbox', { name: /Your comment/ }).fill('Great review. Pick the next incident with me on Friday.');
    await form.getByRole('button', { name: 'Send comment' }).click();
    await history.getByRole('status').getByText('Comment added.').waitFor();
    await history.getByText('Great review. Pick the next incident with me on Friday.').waitFor();

    const mentee = await session.signInAs(alex.displayName);
    await openPlace(mentee, 'Check-ins');
    const menteeHistory = mentee.getByRole('group', { name: 'Check-ins' });
    await menteeHistory.getByText('Great review. Pick the next incident with me on Friday.').waitFor();
    // The mentee answers check-ins; commenting is the mentor's.
    expect(await menteeHistory.getByRole('button', { name: 'Comment', exact: true }).count()).toBe(0);
  });
});
