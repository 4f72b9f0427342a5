// The check-in history on the plan page, in a real browser against the real server: an answered
// check-in (blockers first, progress, the answers to the program's own questions, a mentor's
// comment) and a missed one, with adherence.
import type { Page } from 'playwright-core';
import { afterEach, describe, expect } from 'vitest';
import { demoPairIds, demoPeople } from '../../bot/dev/demoData';
import { defaultCheckInQuestions } from '../../shared/program';
import { newPage } from '../support/browser';
import { browserTest, openPlace } from '../support/browserFixtures';

const test = browserTest;
let page: Page | undefined;

const pairId = demoPairIds.alex;
/** The program's own questions, asked after the default ones. */
const ownQuestions = ['What did you practise this week?', 'Who helped you most?'] as const;

test.beforeAll(async ({ seedCheckIn }) => {
  await seedCheckIn({ pairId, slot: '2026-01-05', missed: true });
  await seedCheckIn({
    pairId,
    slot: '2026-01-19',
    answeredAt: '2026-01-20T10:00:00.000Z',
    answeredBy: demoPeople.menteeAlex.id,
    questions: [...defaultCheckInQuestions, ...ownQuestions],
    answer: {
      goals: [
        { goalId: 'alex-oncall', current: 2 },
        { goalId: 'alex-speaking', status: 'at_risk' },
      ],
      confidence: 4,
      wins: 'Led my first incident review.',
      blockers: 'No slot on the all-hands agenda yet.',
      nextSteps: 'Ask the organizers.',
      needHelpWith: 'An introduction to the organizers.',
      // Answered in the other order than asked: the history shows them in the check-in's order.
      responses: [
        { index: 7, answer: 'Priya, who showed me how she runs retrospectives.' },
        { index: 6, answer: 'Pairing on the incident timeline.' },
      ],
    },
    comments: [{ id: 'c1', at: '2026-01-20T12:00:00.000Z', by: demoPeople.mentor.id, text: 'I will introduce you to them this week.' }],
  });
});
afterEach(async ({ task }) => {
  if (page && task.result?.state === 'fail') {
    await page.screenshot({ path: `tests/e2e/screenshots/${task.name.replace(/\W+/g, '-')}.png`, fullPage: true });
  }
  await page?.context().close();
  page = undefined;
});

describe('check-in history on the plan page', () => {
  test('shows answers with comments, the missed check-in and adherence', async ({ browser, server }) => {
    page = await newPage(browser);
    await page.goto(`${server.baseUrl}/`);
    await page.getByRole('heading', { name: 'Development sign-in' }).waitFor();
    await page.getByRole('button', { name: demoPeople.menteeAlex.displayName }).click();
    await openPlace(page, 'Check-ins');

    const section = page.getByRole('group', { name: 'Check-ins' });
    await section.getByRole('list', { name: 'Check-ins, newest first' }).waitFor();
    expect(await section.getByText('1 of 2 check-ins answered (50%) · 1 missed').count()).toBe(1);

    const items = section.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 4 }) });
    expect(await items.getByRole('heading', { level: 4 }).allInnerTexts()).toEqual([
      'Period starting Jan 19, 2026',
      'Period starting Jan 5, 2026',
    ]);

    const answered = items.nth(0);
    expect(await answered.getByText('Answered', { exact: true }).count()).toBe(1);
    const text = await answered.innerText();
    // What needs attention comes before the rest of the answer.
    expect(text.indexOf('No slot on the all-hands agenda yet.')).toBeLessThan(text.indexOf('Led my first incident review.'));
    expect(text).toContain('An introduction to the organizers.');
    expect(text).toContain('Confidence 4 of 5');
    expect(text).toContain('2 incidents');
    expect(text).toContain('At risk');
    expect(text).toContain('I will introduce you to them this week.');
    expect(text).toContain(demoPeople.mentor.displayName);

    // The program's own questions as the check-in asked them, each answer under its question.
    const own = answered.getByRole('definition').filter({ hasText: /Pairing on|Priya, who/ });
    expect(await own.allInnerTexts()).toEqual(['Pairing on the incident timeline.', 'Priya, who showed me how she runs retrospectives.']);
    const terms = await answered.getByRole('term').allInnerTexts();
    expect(terms.slice(-2)).toEqual(ownQuestions);

    const missed = items.nth(1);
    expect(await missed.getByText('Missed', { exact: true }).count()).toBe(1);
    expect(await missed.innerText()).toContain('Not answered before the next check-in was due.');
  });
});
