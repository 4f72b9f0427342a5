// The program survey from the plan, in a real browser against the real server: the dialog loads when
// first used, asks the program's questions, refuses an incomplete answer, and stores a complete one
// without naming who gave it.
import { describe, expect } from 'vitest';
import { demoPeople } from '../../bot/dev/demoData';
import { browserTest } from '../support/browserFixtures';

const test = browserTest;
const alex = demoPeople.menteeAlex;

describe('Program survey', () => {
  test('is answered from the plan, anonymously', async ({ session }) => {
    const page = await session.signInAs(alex.displayName);
    await page.getByRole('button', { name: 'Program survey' }).click();
    const dialog = page.getByRole('dialog', { name: 'Program survey' });
    await dialog.waitFor();
    const worth = dialog.getByRole('radiogroup', { name: 'Mentoring was worth the time I gave it.' });
    await worth.waitFor();

    // Two ratings of three: refused in the dialog, nothing sent.
    await worth.getByRole('radio', { name: '4 of 5' }).check();
    await dialog
      .getByRole('radiogroup', { name: 'My goals moved forward because of this program.' })
      .getByRole('radio', { name: '5 of 5' })
      .check();
    await dialog.getByRole('button', { name: 'Send answers' }).click();
    await dialog.getByRole('alert').getByText('I would recommend the program to a colleague.', { exact: false }).waitFor();

    await dialog
      .getByRole('radiogroup', { name: 'I would recommend the program to a colleague.' })
      .getByRole('radio', { name: '3 of 5' })
      .check();
    await dialog.getByRole('textbox', { name: 'What one thing should the program change?' }).fill('More time for goal setting.');
    await dialog.getByRole('button', { name: 'Send answers' }).click();
    await dialog.getByText('Thank you. Your answers are in.').waitFor();

    const rows: Record<string, unknown>[] = [];
    for await (const row of session.server.app.tables.surveys.listEntities<Record<string, unknown>>()) rows.push(row);
    const answers = rows.filter((r) => String(r.rowKey).startsWith('answer|'));
    expect(answers).toHaveLength(1);
    expect(JSON.parse(String(answers[0]!.data))).toEqual({
      ratings: { 'worth-time': 4, 'goals-moved': 5, recommend: 3 },
      texts: { change: 'More time for goal setting.' },
    });
    expect(JSON.stringify(answers[0])).not.toContain(alex.id);
    expect(rows.filter((r) => String(r.rowKey) === `answered|${String(answers[0]!.rowKey).split('|')[1]}|${alex.id}`)).toHaveLength(1);

    // Opened again, it says the answers are in and that sending again replaces them.
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Program survey' }).click();
    await page.getByRole('dialog', { name: 'Program survey' }).getByText('Sending again replaces', { exact: false }).waitFor();
  });
});
