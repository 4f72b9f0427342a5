// The digest and digest-channel cards: valid Adaptive Card 1.5, and under Teams' size limit however
// many wins and however long their texts.
import { describe, expect, it } from 'vitest';
import {
  digestChannelCard,
  digestChannelNotManagerCard,
  digestChannelSetCard,
  digestChannelVerbs,
} from '../../bot/cards/digestChannelCard';
import { DIGEST_MAX_WINS_SHOWN, weeklyDigestCard } from '../../bot/cards/weeklyDigestCard';
import { weeklyDigest, type DigestCandidate } from '../../shared/recognition/weeklyDigest';
import { WIN_TEXT_MAX } from '../../shared/recognition/win';
import { expectValidCard } from '../support/cardSchema';

const links = { tab: 'https://teams.microsoft.com/l/entity/app/mentoring' };
const candidates = (mentees: number, winsEach: number, text: (i: number) => string): DigestCandidate[] =>
  Array.from({ length: mentees * winsEach }, (_, i) => ({
    win: {
      id: `w${i}`,
      pairId: `p${i % mentees}`,
      text: text(i),
      recognizedBy: 'm',
      at: new Date(Date.UTC(2026, 10, 17, 0, i)).toISOString(),
      shareInDigest: true,
    },
    menteeName: `Mentee ${String(i % mentees).padStart(3, '0')} ${'名'.repeat(90)}`,
    recognizedByName: 'Priya Raman',
    goalTitle: 'G'.repeat(120),
  }));

describe('weekly digest card', () => {
  it('lists each mentee’s wins with goal and who recognized them', () => {
    const card = weeklyDigestCard(
      weeklyDigest(
        '2026-11-16',
        'Engineering Mentoring',
        candidates(2, 2, (i) => `Win number ${i}`),
      ),
      links,
    );
    expectValidCard(card);
    const text = JSON.stringify(card);
    for (let i = 0; i < 4; i++) expect(text).toContain(`Win number ${i}`);
    expect(text).toContain('Recognized by Priya Raman');
    expect(text).not.toContain('more wins');
    expect(card.actions).toEqual([{ type: 'Action.OpenUrl', title: 'Open Mentoring', url: links.tab }]);
  });

  it('stays under the size limit with hundreds of the longest wins, and says how many more there are', () => {
    const longest = (i: number) => `${i} ${'😀語'.repeat(WIN_TEXT_MAX)}`.slice(0, WIN_TEXT_MAX);
    const digest = weeklyDigest('2026-11-16', 'P'.repeat(100), candidates(40, 8, longest));
    expect(digest.winCount).toBe(320);
    const card = weeklyDigestCard(digest, links);
    expectValidCard(card);
    const more = card.body.at(-1);
    expect(more).toMatchObject({ type: 'TextBlock', text: expect.stringMatching(/^…and \d+ more wins this week\.$/) });
    const hidden = Number(/(\d+) more/.exec((more as { text: string }).text)![1]);
    expect(hidden).toBeGreaterThanOrEqual(320 - DIGEST_MAX_WINS_SHOWN);
  });

  it('caps the number of wins by name even when they are short', () => {
    const card = weeklyDigestCard(
      weeklyDigest(
        '2026-11-16',
        'Program',
        candidates(3, 20, (i) => `w${i}`),
      ),
      links,
    );
    expectValidCard(card);
    expect(card.body.at(-1)).toMatchObject({ text: `…and ${60 - DIGEST_MAX_WINS_SHOWN} more wins this week.` });
  });
});

describe('digest channel cards', () => {
  const channels = [{ id: '19:team@thread.tacv2' }, { id: '19:wins@thread.tacv2', name: 'Wins' }];

  it('asks for the channel, and for the program when there are several', () => {
    const one = digestChannelCard({ channels, programs: [{ id: 'demo-program', name: 'Engineering Mentoring' }] });
    expectValidCard(one);
    expect(one.actions).toEqual([
      {
        type: 'Action.Execute',
        title: 'Post the digest here',
        verb: digestChannelVerbs.setChannel,
        data: { programId: 'demo-program' },
        style: 'positive',
      },
    ]);
    expect(JSON.stringify(one.body)).toContain(
      '"choices":[{"title":"General","value":"19:team@thread.tacv2"},{"title":"Wins","value":"19:wins@thread.tacv2"}]',
    );

    const several = digestChannelCard({
      channels,
      programs: [
        { id: 'a', name: 'A' },
        { id: 'b', name: 'B' },
      ],
      problem: 'Choose one of the list.',
    });
    expectValidCard(several);
    expect(several.body.filter((e) => e.type === 'Input.ChoiceSet').map((e) => 'id' in e && e.id)).toEqual(['programId', 'channelId']);
    expect(several.actions?.[0]).toMatchObject({ data: {} });
  });

  it('stays valid with many long channel names, without programs, and as a confirmation or refusal', () => {
    const many = Array.from({ length: 200 }, (_, i) => ({ id: `19:c${i}@thread.tacv2`, name: `Channel ${i} ${'x'.repeat(50)}` }));
    expectValidCard(digestChannelCard({ channels: many, programs: [{ id: 'p', name: 'P' }] }));
    const none = digestChannelCard({ channels, programs: [] });
    expectValidCard(none);
    expect(none.actions).toEqual([]);
    expectValidCard(digestChannelSetCard({ programName: 'Engineering Mentoring', channelName: 'Wins', setByName: 'Jordan Lee' }));
    expectValidCard(digestChannelNotManagerCard());
  });
});
