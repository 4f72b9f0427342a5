// 360 feedback in a real browser against the real server: the mentee asks three demo people for
// feedback on a goal (people found by the search, as outside Teams), the respondents answer on the
// request card through the real /api/messages, and the pair reads the results in the tab.
import type { Locator, Page } from 'playwright-core';
import { afterEach, describe, expect } from 'vitest';
import { feedbackInputs, feedbackVerbs } from '../../bot/cards/feedbackRequestCard';
import { demoPeople } from '../../bot/dev/demoData';
import { cardActionActivity, installActivity, postActivity, type TeamsUser } from '../support/botActivities';
import { newPage } from '../support/browser';
import { browserTest, openPlace } from '../support/browserFixtures';

const test = browserTest
  .extend(
    'signInAsMentee',
    ({ server }) =>
      async function signInAsMentee(p: Page): Promise<Locator> {
        await p.goto(`${server.baseUrl}/`);
        await p.getByRole('heading', { name: 'Development sign-in' }).waitFor();
        await p.getByRole('button', { name: mentee.displayName }).click();
        await openPlace(p, 'Feedback');
        const section = p.getByRole('group', { name: 'Feedback', exact: true });
        await section.getByRole('heading', { name: 'Feedback', level: 3 }).waitFor();
        await section.getByText(/Loading the feedback requests/).waitFor({ state: 'detached' });
        return section;
      },
  )
  /** The request card's submit, as Teams sends it: the card's data merged with the respondent's inputs. */
  .extend(
    'answerOnCard',
    ({ server, connector }) =>
      async function answerOnCard(user: TeamsUser, ref: { pairId: string; requestId: string }, answer: Answer) {
        const data: Record<string, unknown> = {
          ...ref,
          [feedbackInputs.example]: answer.example,
          [feedbackInputs.suggestion]: answer.suggestion,
        };
        answer.ratings.forEach((rating, i) => (data[feedbackInputs.rating(i)] = String(rating)));
        const res = await postActivity(
          server.baseUrl,
          cardActionActivity({ serviceUrl: connector.serviceUrl, user, verb: feedbackVerbs.respond, data }),
        );
        expect(res.status).toBe(200);
        const body = JSON.parse(res.text);
        expect(body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
      },
  )
  /** Where the request lives, read from the Action.Execute of the card the bot delivered to Priya. */
  .extend(
    'requestRefFromDeliveredCard',
    ({ connector }) =>
      function requestRefFromDeliveredCard(): { pairId: string; requestId: string } {
        const cards = connector.delivered().flatMap((r) => (r.body.attachments ?? []).map((a: any) => a.content));
        const submit = cards.flatMap((c: any) => c.actions ?? []).find((a: any) => a.verb === feedbackVerbs.respond);
        expect(submit).toBeDefined();
        return { pairId: submit.data.pairId, requestId: submit.data.requestId };
      },
  )
  .extend(
    'createRequest',
    ({ connector }) =>
      async function createRequest(p: Page, section: Locator, options: { anonymous: boolean }) {
        await section.getByRole('button', { name: 'Ask for feedback' }).click();
        const dialog = p.getByRole('dialog', { name: 'Ask for feedback' });
        await dialog.getByRole('combobox', { name: 'Goal' }).selectOption({ label: goalTitle });
        // Prefilled from the goal's strategic priority (Customer reliability), then edited.
        const behaviors = dialog.getByRole('list', { name: 'Behaviors to be rated' });
        expect(await behaviors.getByRole('listitem').allInnerTexts()).toEqual([
          'Designs for failure',
          'Owns incidents end to end',
          'Shares post-incident learning',
        ]);
        await dialog.getByRole('button', { name: 'Remove “Shares post-incident learning”' }).click();
        await dialog.getByRole('textbox', { name: 'Another behavior' }).fill('Keeps stakeholders informed');
        await dialog.getByRole('textbox', { name: 'Another behavior' }).press('Enter');
        expect(await behaviors.getByRole('listitem').allInnerTexts()).toEqual([
          'Designs for failure',
          'Owns incidents end to end',
          'Keeps stakeholders informed',
        ]);

        // Nobody asked yet: the shared schema says so next to the people search, before anything is sent.
        await dialog.getByRole('button', { name: 'Send request' }).click();
        await dialog.getByText('Name at least one person to ask.').waitFor();
        expect(await dialog.getByRole('combobox', { name: 'Add a person' }).getAttribute('aria-invalid')).toBe('true');

        await addRespondent(dialog, priya.name!, 'Supervisor');
        await addRespondent(dialog, sam.name!, 'Peer');
        await addRespondent(dialog, jordan.name!, 'Customer');
        if (options.anonymous) await dialog.getByRole('switch', { name: 'Anonymous answers' }).check();
        connector.clear();
        await dialog.getByRole('button', { name: 'Send request' }).click();
        await dialog.waitFor({ state: 'detached' });
      },
  );
let page: Page | undefined;

const mentee = demoPeople.menteeAlex;
const teamsUser = (p: { id: string; displayName: string }, channelId: string): TeamsUser => ({
  id: channelId,
  aadObjectId: p.id,
  name: p.displayName,
});
const priya = teamsUser(demoPeople.mentor, '29:1priya-teams-id');
const sam = teamsUser(demoPeople.menteeSam, '29:1sam-teams-id');
const jordan = teamsUser(demoPeople.manager, '29:1jordan-teams-id');

const goalTitle = 'Lead incident response for the payments service';

test.beforeAll(async ({ server, connector }) => {
  // Priya has the app installed, so the bot can bring her the request card; Sam and Jordan have not.
  expect((await postActivity(server.baseUrl, installActivity({ serviceUrl: connector.serviceUrl, user: priya }))).status).toBe(200);
});
afterEach(async ({ task }) => {
  if (page && task.result?.state === 'fail') {
    await page.screenshot({ path: `tests/e2e/screenshots/${task.name.replace(/\W+/g, '-')}.png`, fullPage: true });
  }
  await page?.context().close();
  page = undefined;
});

/** Finds a demo person with the people search and sets their relation. */
async function addRespondent(dialog: Locator, name: string, relation: string) {
  const search = dialog.getByRole('combobox', { name: 'Add a person' });
  await search.pressSequentially(name.split(' ')[0]!);
  await dialog
    .page()
    .getByRole('option', { name: new RegExp(name) })
    .click();
  await dialog.getByRole('combobox', { name: `Relation of ${name}` }).selectOption({ label: relation });
}

/** The goal's requests, newest first (not the list items inside their results). */
const requestsOnGoal = (section: Locator) =>
  section
    .getByRole('region', { name: `Goal: ${goalTitle}` })
    .getByRole('listitem')
    .filter({ has: section.page().getByRole('heading', { level: 5 }) });

interface Answer {
  ratings: number[];
  example: string;
  suggestion: string;
}

describe('360 feedback from the tab', () => {
  test('asks three people anonymously; results stay hidden until the third answer, then show without names, to the mentor too', async ({
    browser,
    signInAsMentee,
    createRequest,
    requestRefFromDeliveredCard,
    answerOnCard,
    server,
  }) => {
    page = await newPage(browser);
    const section = await signInAsMentee(page);
    await section.getByRole('heading', { name: 'No feedback requested yet' }).waitFor();

    await createRequest(page, section, { anonymous: true });
    const notice = section.getByRole('status');
    await notice.getByText('Feedback request sent').waitFor();
    expect(await notice.innerText()).toContain('The bot sent the request card to Priya Raman.');
    expect(await notice.innerText()).toContain(
      'Sam Okafor and Jordan Lee did not get the card from the bot: share the request into a chat with the message extension: Request feedback.',
    );
    const ref = requestRefFromDeliveredCard();

    const request = requestsOnGoal(section).first();
    await request.getByText('0 of 3 answered').waitFor();
    expect(await request.getByText('Anonymous', { exact: true }).count()).toBe(1);
    expect(await request.getByText(/^Open until /).count()).toBe(1);
    expect(await request.innerText()).toContain('Asked: Priya Raman (supervisor), Sam Okafor (peer), and Jordan Lee (customer)');

    await answerOnCard(priya, ref, {
      ratings: [4, 5, 4],
      example: 'Ran the March payments outage call calmly.',
      suggestion: 'Write the timeline while it happens.',
    });
    await answerOnCard(sam, ref, {
      ratings: [3, 4, 5],
      example: 'Paged the right people within minutes.',
      suggestion: 'Hand over the commander role earlier.',
    });

    await page.reload();
    await request.getByText('2 of 3 answered').waitFor();
    await request.getByRole('button', { name: 'Show results' }).click();
    await request.getByText('Anonymous results stay hidden until 3 people have answered: 2 of 3 so far.').waitFor();
    expect(await request.getByText(/ of 5$/).count()).toBe(0);
    expect(await request.getByText('Ran the March payments outage call calmly.').count()).toBe(0);

    await answerOnCard(jordan, ref, {
      ratings: [5, 5, 3],
      example: 'Kept us informed every 30 minutes.',
      suggestion: 'Share the status page link sooner.',
    });
    await page.reload();
    await request.getByText('3 of 3 answered').waitFor();
    await request.getByRole('button', { name: 'Show results' }).click();
    const ratings = request.getByRole('list', { name: 'Ratings per behavior' });
    await ratings.waitFor();
    expect(
      await ratings
        .getByRole('listitem')
        .allInnerTexts()
        .then((items) => items.map((t) => t.split('\n')[0])),
    ).toEqual(['Designs for failure', 'Owns incidents end to end', 'Keeps stakeholders informed']);
    expect(await ratings.getByRole('listitem').nth(0).innerText()).toContain('4 of 5');
    expect(await ratings.getByRole('listitem').nth(1).innerText()).toContain('4.67 of 5');
    expect(await ratings.getByRole('listitem').nth(2).innerText()).toContain('4 of 5');
    await ratings
      .getByRole('img', { name: 'Ratings for “Designs for failure”: 1 rated 5, 1 rated 4, 1 rated 3, 0 rated 2, 0 rated 1' })
      .waitFor();

    const examples = request.getByRole('list', { name: 'Examples' });
    expect(await examples.getByRole('listitem').allInnerTexts()).toEqual([
      'Kept us informed every 30 minutes.',
      'Paged the right people within minutes.',
      'Ran the March payments outage call calmly.',
    ]);
    // Anonymous: nobody's name next to what they wrote.
    const results = await request.getByRole('region', { name: /^Results of the request on/ }).innerText();
    for (const name of [priya.name!, sam.name!, jordan.name!]) expect(results).not.toContain(name);
    await section.getByText('Stakeholder satisfaction: 4.22 of 5').waitFor();

    // The mentor reads the same results, and asking is the mentee's.
    await page.context().close();
    page = await newPage(browser);
    await page.goto(`${server.baseUrl}/`);
    await page.getByRole('button', { name: demoPeople.mentor.displayName }).click();
    await page.getByRole('tab', { name: `Mentee: ${mentee.displayName}` }).click();
    await openPlace(page, 'Feedback');
    const mentorSection = page.getByRole('group', { name: 'Feedback', exact: true });
    const mentorView = requestsOnGoal(mentorSection).first();
    await mentorView.getByText('3 of 3 answered').waitFor();
    await mentorView.getByRole('button', { name: 'Show results' }).click();
    expect(await mentorView.getByRole('list', { name: 'Ratings per behavior' }).getByRole('listitem').nth(1).innerText()).toContain(
      '4.67 of 5',
    );
    expect(await mentorSection.getByRole('button', { name: 'Ask for feedback' }).count()).toBe(0);
  });

  test('shows named feedback attributed, and fits a 320 px window with the dialog open', async ({
    browser,
    signInAsMentee,
    createRequest,
    requestRefFromDeliveredCard,
    answerOnCard,
  }) => {
    page = await newPage(browser);
    let section = await signInAsMentee(page);
    await createRequest(page, section, { anonymous: false });
    const ref = requestRefFromDeliveredCard();
    await answerOnCard(sam, ref, {
      ratings: [2, 3, 4],
      example: 'Asked good questions in the review.',
      suggestion: 'Decide faster on rollbacks.',
    });

    await page.reload();
    const request = requestsOnGoal(section).first();
    await request.getByText('1 of 3 answered').waitFor();
    expect(await request.getByText('Named', { exact: true }).count()).toBe(1);
    await request.getByRole('button', { name: 'Show results' }).click();
    const examples = request.getByRole('list', { name: 'Examples' });
    expect(await examples.innerText()).toContain('Asked good questions in the review.');
    expect(await examples.innerText()).toContain('Sam Okafor, peer');
    expect(await request.getByRole('list', { name: 'Suggestions' }).innerText()).toContain('Sam Okafor, peer');
    expect(await request.getByRole('list', { name: 'Ratings per behavior' }).getByRole('listitem').nth(0).innerText()).toContain('2 of 5');

    // The earlier anonymous request, open too, for the picture of both kinds of results.
    const anonymous = requestsOnGoal(section).nth(1);
    if ((await anonymous.getByRole('button', { name: 'Show results' }).count()) > 0)
      await anonymous.getByRole('button', { name: 'Show results' }).click();
    await request.getByRole('list', { name: 'Ratings per behavior' }).waitFor();
    // The picture in docs/ is refreshed on request only, so an ordinary run leaves the tree unchanged.
    if (process.env.UPDATE_DOCS_SCREENSHOTS) {
      await page.mouse.move(0, 0); // no button in its hover state
      const box = (await section.boundingBox())!;
      const top = box.y + (await page.evaluate(() => window.scrollY)) - 16; // the clip is in page coordinates
      await page.screenshot({
        path: 'docs/feedback-results.png',
        fullPage: true,
        clip: { x: 0, y: top, width: 1280, height: box.height + 32 },
      });
    }

    await page.setViewportSize({ width: 320, height: 800 });
    section = page.getByRole('group', { name: 'Feedback', exact: true });
    await section.getByRole('button', { name: 'Ask for feedback' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ask for feedback' });
    await addRespondent(dialog, priya.name!, 'Supervisor');
    const widths = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
    }));
    expect(widths.scroll).toBeLessThanOrEqual(widths.client);
    const box = await dialog.boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(320);
  });
});
