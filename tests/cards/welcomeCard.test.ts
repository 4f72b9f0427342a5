import { describe, expect, it } from 'vitest';
import { welcomeCard } from '../../bot/cards/welcomeCard';
import { en } from '../../bot/cards/strings';
import { expectValidCard } from '../support/cardSchema';

const tab = 'https://teams.microsoft.com/l/entity/6f1d9d2c-3c1e-4f55-9a57-0c5b8f6a1e01/mentoring';

describe('welcomeCard', () => {
  it('is a valid Adaptive Card 1.5 with and without the development browser link', () => {
    expectValidCard(welcomeCard({ displayName: 'Ada Lovelace', links: { tab } }));
    expectValidCard(welcomeCard({ links: { tab, browser: 'http://localhost:3978' } }));
  });

  it('greets by name and opens the tab', () => {
    const card = welcomeCard({ displayName: 'Ada Lovelace', links: { tab } });
    expect(card.body[0]).toMatchObject({ type: 'TextBlock', text: 'Welcome to Mentoring, Ada Lovelace' });
    expect(card.actions).toEqual([{ type: 'Action.OpenUrl', title: en.actions.openPlan, url: tab }]);
  });

  it('says what the app does', () => {
    const text = JSON.stringify(welcomeCard({ links: { tab } }));
    for (const feature of en.welcome.features) expect(text).toContain(JSON.stringify(feature).slice(1, -1));
    expect(text).toContain(en.welcome.helpHint);
  });

  it('uses the plain title when the name is unknown or blank', () => {
    expect(welcomeCard({ displayName: '  ', links: { tab } }).body[0]).toMatchObject({ text: en.welcome.title });
  });

  it('adds the browser link only when given', () => {
    const card = welcomeCard({ links: { tab, browser: 'http://localhost:3978/' } });
    expect(card.actions?.map((a) => ('url' in a ? a.url : a.verb))).toEqual([tab, 'http://localhost:3978/']);
  });

  it('names the other person and the next step when a program manager has just paired someone', () => {
    const card = welcomeCard({ displayName: 'Ada Lovelace', links: { tab }, pairedWith: { name: 'Grace Hopper', role: 'mentee' } });
    expectValidCard(card);
    const text = JSON.stringify(card);
    expect(text).toContain('paired you with **Grace Hopper** as your mentor');
    expect(text).toContain(en.welcome.pairedNext);
    expect(card.fallbackText).toContain('Grace Hopper');
    const mentor = JSON.stringify(welcomeCard({ links: { tab }, pairedWith: { name: 'Ada Lovelace', role: 'mentor' } }));
    expect(mentor).toContain('paired you with **Ada Lovelace** as their mentor');
    expect(JSON.stringify(welcomeCard({ links: { tab } }))).not.toContain('paired you');
  });
});
