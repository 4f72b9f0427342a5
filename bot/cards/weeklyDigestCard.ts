// The weekly digest the bot posts to a program channel: the shared wins of the week, by mentee.
// However many wins there are, the card stays under Teams' size limit: wins are added while they
// fit a byte budget and a count cap, texts are shortened, and the rest is "and N more".
import type { WeeklyDigest } from '../../shared/recognition/weeklyDigest';
import { cardHeading, adaptiveCard, type AdaptiveCard, type CardAction, type CardElement, type Container } from './adaptiveCard';
import type { CardLinks } from './cardLinks';
import { en, fillPlaceholders, type BotStrings } from './strings';

/** At most this many wins by name; a channel post is read at a glance. */
export const DIGEST_MAX_WINS_SHOWN = 25;
/** Bytes of JSON the listed wins may take; Teams refuses a message over ~28 KB in all. */
const WINS_BYTE_BUDGET = 18 * 1024;
/** A win's text in the digest; the whole text is in the plan. */
const DIGEST_TEXT_MAX = 280;

const shorten = (text: string) => (text.length <= DIGEST_TEXT_MAX ? text : `${text.slice(0, DIGEST_TEXT_MAX - 1).trimEnd()}…`);
const bytesOf = (value: unknown) => new TextEncoder().encode(JSON.stringify(value)).length;

export function weeklyDigestCard(digest: WeeklyDigest, links: Pick<CardLinks, 'tab'> | undefined, strings: BotStrings = en): AdaptiveCard {
  const s = strings.digest;
  const body: CardElement[] = [
    cardHeading(s.title),
    {
      type: 'TextBlock',
      text: fillPlaceholders(s.subtitle, { program: digest.programName, week: digest.week }),
      isSubtle: true,
      wrap: true,
      spacing: 'Small',
    },
    { type: 'TextBlock', text: s.intro, wrap: true, spacing: 'Small' },
  ];

  let shown = 0;
  let bytes = 0;
  for (const mentee of digest.mentees) {
    const items: CardElement[] = [
      { type: 'TextBlock', text: mentee.menteeName, weight: 'Bolder', wrap: true },
      {
        type: 'TextBlock',
        text: mentee.wins.length === 1 ? s.winCountOne : fillPlaceholders(s.winCount, { count: String(mentee.wins.length) }),
        isSubtle: true,
        spacing: 'None',
      },
    ];
    let listed = 0;
    for (const win of mentee.wins) {
      const details = [
        win.goalTitle ? fillPlaceholders(s.goal, { goal: win.goalTitle }) : undefined,
        fillPlaceholders(s.recognizedBy, { by: win.recognizedByName }),
      ]
        .filter(Boolean)
        .join(' · ');
      const block: CardElement[] = [
        { type: 'TextBlock', text: shorten(win.text), wrap: true, spacing: 'Small' },
        { type: 'TextBlock', text: details, isSubtle: true, size: 'Small', wrap: true, spacing: 'None' },
      ];
      const size = bytesOf(block);
      if (shown >= DIGEST_MAX_WINS_SHOWN || bytes + size > WINS_BYTE_BUDGET) break;
      items.push(...block);
      bytes += size;
      shown++;
      listed++;
    }
    if (listed === 0) break;
    const section: Container = { type: 'Container', items, separator: true, spacing: 'Medium' };
    body.push(section);
  }

  const hidden = digest.winCount - shown;
  if (hidden > 0)
    body.push({
      type: 'TextBlock',
      text: hidden === 1 ? s.moreOne : fillPlaceholders(s.more, { count: String(hidden) }),
      wrap: true,
      spacing: 'Medium',
    });
  const actions: CardAction[] = links ? [{ type: 'Action.OpenUrl', title: s.openApp, url: links.tab }] : [];
  return adaptiveCard(body, actions, fillPlaceholders(s.fallbackText, { program: digest.programName, count: String(digest.winCount) }));
}
