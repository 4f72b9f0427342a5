// Half of an emoji (a lone surrogate) in a check-in answer: the fuzz suite found it stored and then
// answered "something went wrong", because the mentor's meeting link could not encode it. It is refused
// where it comes in, with the card again and nothing stored; text stored before still makes a link.
import { describe, expect } from 'vitest';
import { checkInInputs, checkInVerbs } from '../../bot/cards/checkInCard';
import { en } from '../../bot/cards/strings';
import { demoPairIds, demoPeople } from '../../bot/dev/demoData';
import { checkInTable } from '../../bot/storage/checkInTable';
import { checkInAnswer } from '../../shared/checkins/checkIn';
import { teamsMeetingDraftLink } from '../../shared/meetings/meetingLink';
import { BROKEN_CHARACTER_MESSAGE, isWellFormed } from '../../shared/text';
import type { TeamsUser } from '../support/botActivities';
import { serverTest as test } from '../support/fixtures';
import { storageSnapshot } from '../support/storageSnapshot';
import { tablesOf } from '../support/testServer';

const pairId = demoPairIds.alex;
const slot = '2026-03-02';
const alex: TeamsUser = { id: '29:1alex', aadObjectId: demoPeople.menteeAlex.id, name: demoPeople.menteeAlex.displayName };
const priya: TeamsUser = { id: '29:1priya', aadObjectId: demoPeople.mentor.id, name: demoPeople.mentor.displayName };
const answer = (blockers: string) => ({ pairId, slot, [checkInInputs.confidence]: '4', [checkInInputs.blockers]: blockers });

describe('well-formed text', () => {
  test('tells a lone surrogate from a whole emoji', () => {
    expect(isWellFormed('Shipped 🚀 today')).toBe(true);
    expect(isWellFormed('\uD800')).toBe(false);
    expect(isWellFormed('a\uDC00b')).toBe(false);
    expect(isWellFormed('🚀'.slice(0, 1))).toBe(false);
  });

  test('a check-in answer with a lone surrogate is refused, a whole emoji is not', () => {
    const base = { goals: [], confidence: 4 };
    const refused = checkInAnswer.safeParse({ ...base, blockers: 'Waiting on \uD83D' });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]).toMatchObject({ path: ['blockers'], message: BROKEN_CHARACTER_MESSAGE });
    expect(checkInAnswer.safeParse({ ...base, blockers: 'Waiting on 🚀' }).success).toBe(true);
  });

  test('a meeting link is still made from text stored before it was checked', () => {
    const link = teamsMeetingDraftLink({
      subject: 'Mentoring',
      attendees: [],
      startTime: '2026-03-03T09:00:00Z',
      endTime: '2026-03-03T09:30:00Z',
      content: 'Open blockers:\n- \uD800',
    });
    expect(link).toContain(`content=${encodeURIComponent('Open blockers:\n- \uFFFD')}`);
  });
});

describe('a check-in card answered with a lone surrogate', () => {
  test('gets the card again with what to fix, and nothing is stored', async ({ server, bot, seedCheckIn }) => {
    await bot.install(alex);
    await bot.install(priya);
    const checkIns = checkInTable(tablesOf(server));
    await seedCheckIn({ pairId, slot });

    const before = await storageSnapshot(server);
    const res = await bot.cardAction(alex, checkInVerbs.submit, answer('Waiting on \uD800'));
    expect(res.status).toBe(200);
    const card = JSON.parse(res.text).value;
    expect(JSON.stringify(card)).toContain(JSON.stringify(en.checkIn.problemsTitle));
    expect(JSON.stringify(card)).toContain(BROKEN_CHARACTER_MESSAGE);
    expect(await storageSnapshot(server)).toBe(before);
    expect((await checkIns.get(pairId, slot))?.value.status).toBe('sent');

    // The same answer with the whole emoji is stored.
    const fixed = await bot.cardAction(alex, checkInVerbs.submit, answer('Waiting on 🚀'));
    expect(JSON.stringify(JSON.parse(fixed.text).value)).not.toContain(JSON.stringify(en.refused.title));
    expect((await checkIns.get(pairId, slot))?.value.status).toBe('answered');
  });
});
