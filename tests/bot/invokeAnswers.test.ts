// What every invoke answers when it cannot do what was asked: one table per kind of invoke (card
// action, message-extension dialog, search, unfurl), applied by one wrapper that resolves the
// sender, catches what was not expected and logs it without the invoke's data.
import type { TurnContext } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { refusedCard } from '../../bot/cards/refusedCard';
import { noticeForm } from '../../bot/cards/messageExtensionForms';
import { en } from '../../bot/cards/strings';
import { createLogger } from '../../bot/log';
import { senderWithProfile } from '../../bot/teams/botActor';
import { cardAnswers, dialogAnswers, invokeHandler, refuse, searchAnswers, unfurlAnswers } from '../../bot/teams/invokeAnswers';
import { cardsResult, dialog, messageResult } from '../../bot/teams/messageExtensionCommands';
import type { PeopleRepository } from '../../shared/repositories';

const PERSON = '1c7a8d4f-2e3b-4d6c-8f9a-b2c3d4e5f6a7';
const people: PeopleRepository = {
  get: async () => undefined,
  list: async () => [],
  save: async () => undefined,
  remove: async () => undefined,
  appRoles: async () => undefined,
  recordAppRoles: async () => undefined,
};
const invoke = (aadObjectId?: string) =>
  ({
    activity: {
      type: 'invoke',
      name: 'adaptiveCard/action',
      from: { id: '29:1', ...(aadObjectId ? { aadObjectId } : {}) },
      conversation: { id: 'a:1', tenantId: 't' },
      value: { action: { verb: 'checkIn.submit', data: { secret: 'typed text' } } },
    },
  }) as unknown as TurnContext;

describe('invoke answers', () => {
  it('map each failure to the card, dialog or result of its invoke kind', () => {
    const forbidden = { code: 'forbidden' as const, message: 'Only a program manager can do that.' };
    const invalid = { code: 'invalid' as const, message: 'Enter a number.' };
    const unavailable = { code: 'unavailable' as const, message: 'Storage did not answer.' };
    const cards = cardAnswers();
    expect(cards({ kind: 'not_identified' })).toEqual(refusedCard(en.replies.notIdentified));
    expect(cards({ kind: 'refused', failure: invalid })).toEqual(refusedCard(invalid.message));
    expect(cards({ kind: 'refused', failure: forbidden })).toEqual(refusedCard(forbidden.message));
    expect(cards({ kind: 'refused', failure: unavailable })).toEqual(refusedCard(en.replies.somethingWentWrong));
    expect(cards({ kind: 'failed' })).toEqual(refusedCard(en.replies.somethingWentWrong));
    expect(cardAnswers({ forbidden: () => refusedCard('a card of its own') })({ kind: 'refused', failure: forbidden })).toEqual(
      refusedCard('a card of its own'),
    );

    const notice = (text: string) => dialog(en.refused.title, noticeForm(en.refused.title, text));
    expect(dialogAnswers({ kind: 'not_identified' })).toEqual(notice(en.messageExtension.notIdentified));
    expect(dialogAnswers({ kind: 'refused', failure: invalid })).toEqual(notice(invalid.message));
    expect(dialogAnswers({ kind: 'failed' })).toEqual(notice(en.messageExtension.unavailable));
    expect(searchAnswers({ kind: 'failed' })).toEqual(messageResult(en.messageExtension.unavailable));
    expect(searchAnswers({ kind: 'not_identified' })).toEqual(messageResult(en.messageExtension.notIdentified));
    expect(unfurlAnswers({ kind: 'failed' })).toEqual(cardsResult([]));
  });

  it('runs as the sender, answers a refusal by its kind, and logs a thrown error without the invoke’s data', async () => {
    const lines: string[] = [];
    const handler = invokeHandler(
      {
        identify: senderWithProfile({ people, mode: 'production', now: () => new Date() }),
        log: createLogger('debug', (l) => lines.push(l)),
      },
      'check-in card action',
      cardAnswers(),
    );
    const seen: string[] = [];

    expect(await handler(invoke(), async () => refusedCard('never run'))).toEqual(refusedCard(en.replies.notIdentified));
    expect(await handler(invoke(PERSON), async (actor) => (seen.push(actor.id), refuse(en.refused.staleCard)))).toEqual(
      refusedCard(en.refused.staleCard),
    );
    expect(seen).toEqual([PERSON]);
    expect(
      await handler(invoke(PERSON), async () => {
        throw new Error('connect ECONNREFUSED 127.0.0.1:10002');
      }),
    ).toEqual(refusedCard(en.replies.somethingWentWrong));

    const logged = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({
      level: 'error',
      msg: 'check-in card action failed',
      invoke: 'adaptiveCard/action',
      verb: 'checkIn.submit',
    });
    expect(lines.join('\n')).not.toContain('typed text');
  });
});
