// Validates a card the way a client would read it: Microsoft's `adaptivecards` parser targeting
// version 1.5 (every parse event and every validation event fails the test), plus a round trip
// that catches properties the parser silently drops (misspelt or newer than 1.5), plus Teams'
// size limit. The package's ES build has extensionless imports that Node cannot resolve, so its
// UMD build is loaded; it needs no DOM for parsing and validation.
import { createRequire } from 'node:module';
import type * as AdaptiveCardsModule from 'adaptivecards';
import { expect } from 'vitest';

const require = createRequire(import.meta.url);
const AC = require('adaptivecards/dist/adaptivecards.js') as typeof AdaptiveCardsModule;

/** Teams refuses bot messages over ~28 KB; a card must leave room for the activity around it. */
export const TEAMS_CARD_MAX_BYTES = 28 * 1024;

/** Host-specific properties the Adaptive Card parser does not know but Teams reads. */
const HOST_PROPERTIES = new Set(['msteams']);

export interface CardProblems {
  parse: string[];
  validation: string[];
  dropped: string[];
}

export function cardProblems(card: unknown): CardProblems {
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  const parsed = new AC.AdaptiveCard();
  parsed.parse(card, context);
  const parse: string[] = [];
  for (let i = 0; i < context.eventCount; i++) parse.push(describe(context.getEventAt(i)));
  const validation = parsed.validateProperties().validationEvents.map(describe);
  const roundTrip = parsed.toJSON(new AC.SerializationContext(AC.Versions.v1_5));
  return { parse, validation, dropped: droppedProperties(card, roundTrip, '') };
}

/** Fails the test on any parse or validation event, dropped property, wrong version or oversize card. */
export function expectValidCard(card: unknown): void {
  expect(card, 'an Adaptive Card').toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
  expect(cardProblems(card)).toEqual({ parse: [], validation: [], dropped: [] });
  expect(Buffer.byteLength(JSON.stringify(card), 'utf8')).toBeLessThan(TEAMS_CARD_MAX_BYTES);
}

function describe(event: { phase: number; event: number; message: string }): string {
  return `${AC.ValidationPhase[event.phase]} ${AC.ValidationEvent[event.event]}: ${event.message}`;
}

/** Paths present in the card but missing or different after parse + serialize. */
function droppedProperties(original: unknown, roundTrip: unknown, path: string): string[] {
  if (Array.isArray(original)) {
    const copy = Array.isArray(roundTrip) ? roundTrip : [];
    return original.flatMap((item, i) => droppedProperties(item, copy[i], `${path}[${i}]`));
  }
  if (original !== null && typeof original === 'object') {
    const copy = roundTrip !== null && typeof roundTrip === 'object' ? (roundTrip as Record<string, unknown>) : {};
    return Object.entries(original).flatMap(([key, value]) => {
      // Host properties are Teams'; an empty list is left out by the serializer and means the same.
      if (HOST_PROPERTIES.has(key) || (Array.isArray(value) && value.length === 0)) return [];
      const at = path ? `${path}.${key}` : key;
      if (!(key in copy)) return [`${at} is not Adaptive Card 1.5 (or restates a default: leave it out)`];
      return droppedProperties(value, copy[key], at);
    });
  }
  return original === roundTrip ? [] : [`${path} reads back as ${JSON.stringify(roundTrip)}`];
}
