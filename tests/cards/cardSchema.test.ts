// The card checker must itself fail on broken cards, or every card test would pass vacuously.
import { describe, expect, it } from 'vitest';
import { cardProblems, expectValidCard, TEAMS_CARD_MAX_BYTES } from '../support/cardSchema';

const card = (body: unknown[], actions: unknown[] = [], extra: Record<string, unknown> = {}) => ({
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.5',
  body,
  actions,
  ...extra,
});

describe('expectValidCard', () => {
  it('accepts a plain 1.5 card with Teams properties', () => {
    expectValidCard(card([{ type: 'TextBlock', text: 'Hello', wrap: true }], [], { msteams: { width: 'Full' } }));
  });

  it('reports an unknown element type', () => {
    expect(cardProblems(card([{ type: 'Carousel' }])).parse.join()).toMatch(/Unknown element type "Carousel"/);
  });

  it('reports an invalid enum value', () => {
    expect(cardProblems(card([{ type: 'TextBlock', text: 'x', size: 'Huge' }])).parse.join()).toMatch(/Invalid value "Huge"/);
  });

  it('reports a missing required property', () => {
    expect(cardProblems(card([], [{ type: 'Action.OpenUrl', title: 'Go' }])).validation.join()).toMatch(/"url" must be set/);
  });

  it('reports a misspelt property the parser would drop', () => {
    expect(cardProblems(card([{ type: 'TextBlock', text: 'x', wrapp: true }])).dropped).toEqual([
      'body[0].wrapp is not Adaptive Card 1.5 (or restates a default: leave it out)',
    ]);
  });

  it('fails a card that is not version 1.5', () => {
    expect(() => expectValidCard(card([{ type: 'TextBlock', text: 'x' }], [], { version: '1.6' }))).toThrow();
  });

  it('fails a card over the Teams size limit', () => {
    const long = 'x'.repeat(TEAMS_CARD_MAX_BYTES);
    expect(() => expectValidCard(card([{ type: 'TextBlock', text: long }]))).toThrow();
  });
});
