// The tab's "Ask for feedback" dialog refuses an anonymous request to fewer than three people before
// anything is sent: the reason shows in the dialog (on the anonymity switch), the dialog stays
// open, and with a third person the request goes out.
import type { Locator } from 'playwright-core';
import { describe, expect } from 'vitest';
import { demoPairIds, demoPeople } from '../../bot/dev/demoData';
import { paths, pathFor } from '../../shared/api';
import { anonymityProblem } from '../../shared/feedback/feedbackRequest';
import { apiAs } from '../support/apiClient';
import { browserTest, openPlace } from '../support/browserFixtures';

const why = anonymityProblem({ anonymous: true, respondents: [] })!;

async function addRespondent(dialog: Locator, name: string) {
  await dialog.getByRole('combobox', { name: 'Add a person' }).pressSequentially(name.split(' ')[0]!);
  await dialog
    .page()
    .getByRole('option', { name: new RegExp(name) })
    .click();
  await dialog.getByRole('combobox', { name: `Relation of ${name}` }).waitFor();
}

const test = browserTest.extend(
  'requestCount',
  ({ session }) =>
    async () =>
      (
        await apiAs(session.server.baseUrl, demoPeople.menteeAlex.id).get<{ requests: unknown[] }>(
          pathFor(paths.feedbackRequests, { pairId: demoPairIds.alex }),
        )
      ).body.requests.length,
);

describe('asking anonymously from the tab', () => {
  test('says why two people are too few before anything is sent, and sends with a third', async ({ session, requestCount }) => {
    const page = await session.signInAs(demoPeople.menteeAlex.displayName);
    await openPlace(page, 'Feedback');
    const section = page.getByRole('group', { name: 'Feedback', exact: true });
    await section.getByRole('button', { name: 'Ask for feedback' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ask for feedback' });
    await addRespondent(dialog, demoPeople.menteeSam.displayName);
    await addRespondent(dialog, demoPeople.manager.displayName);
    const anonymous = dialog.getByRole('switch', { name: 'Anonymous answers' });
    await anonymous.check();

    await dialog.getByRole('button', { name: 'Send request' }).click();
    await dialog.getByText(why).waitFor();
    expect(await requestCount()).toBe(0);

    await addRespondent(dialog, demoPeople.mentor.displayName);
    await dialog.getByRole('button', { name: 'Send request' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await requestCount()).toBe(1);
  });
});
