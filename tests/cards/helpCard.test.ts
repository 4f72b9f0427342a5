import { describe, expect, it } from 'vitest';
import { helpCard } from '../../bot/cards/helpCard';
import { en } from '../../bot/cards/strings';
import { expectValidCard } from '../support/cardSchema';

const tab = 'https://teams.microsoft.com/l/entity/6f1d9d2c-3c1e-4f55-9a57-0c5b8f6a1e01/mentoring';

describe('helpCard', () => {
  it('is a valid Adaptive Card 1.5', () => {
    expectValidCard(helpCard({ commands: ['help'], links: { tab }, today: '2026-12-01' }));
    expectValidCard(helpCard({ commands: ['help'], links: { tab, browser: 'http://localhost:3978' }, today: '2026-12-01' }));
  });

  it('lists every command with its description and opens the tab', () => {
    const card = helpCard({ commands: ['help'], links: { tab }, today: '2026-12-01' });
    expect(card.body).toContainEqual({ type: 'FactSet', facts: [{ title: 'help', value: en.commands.help }] });
    expect(card.actions).toEqual([{ type: 'Action.OpenUrl', title: en.actions.openPlan, url: tab }]);
  });
});
