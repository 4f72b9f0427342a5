// The help card's examples must never suggest a date that has passed: the example is computed from
// the day the card is made, and the static texts (the manifest's command list) hold no date at all.
import { describe, expect, it } from 'vitest';
import { helpCard, pauseExampleDate } from '../../bot/cards/helpCard';
import { en } from '../../bot/cards/strings';
import { botCommands } from '../../bot/teams/commands';
import { addDays } from '../../shared/dates';

const tab = 'https://teams.microsoft.com/l/entity/6f1d9d2c-3c1e-4f55-9a57-0c5b8f6a1e01/mentoring';
const isoDates = (text: string) => text.match(/\d{4}-\d{2}-\d{2}/g) ?? [];

describe('the help card’s pause example', () => {
  it.each(['2026-12-01', '2031-02-27'])('is a date after %s, the day the card is made', (today) => {
    const card = helpCard({ commands: botCommands, links: { tab }, today });
    const facts = (card.body.find((b) => b.type === 'FactSet') as { facts: { title: string; value: string }[] }).facts;
    const pause = facts.find((f) => f.title === 'pause')!;
    expect(isoDates(pause.value)).toEqual([pauseExampleDate(today)]);
    expect(pauseExampleDate(today) > today).toBe(true);
    expect(pauseExampleDate(today)).toBe(addDays(today, 14));
    expect(isoDates(JSON.stringify(card)).every((d) => d > today)).toBe(true);
  });

  it('leaves no date in the texts that are shown as they are (the manifest’s commands, the fallback text)', () => {
    for (const text of [...Object.values(en.commands), en.help.fallbackText, en.help.intro]) expect(isoDates(text)).toEqual([]);
  });
});
