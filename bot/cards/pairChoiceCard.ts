// The question a command asks a person in several mentoring pairs: which one? Each button carries
// the pair and the command's own words; the bot honours the pair only if it is still one of theirs.
import type { PairSummary } from '../../shared/api';
import { cardHeading, adaptiveCard, type AdaptiveCard } from './adaptiveCard';
import { en, fillPlaceholders, type BotStrings } from './strings';

/** The commands that act on one pair and so may ask which. */
export const pairCommands = ['plan', 'pause', 'resume', 'snooze'] as const;
export type PairCommand = (typeof pairCommands)[number];

export const PAIR_CHOICE_VERB = 'pairChoice.choose';
/** The keys of a button's data. */
export const pairChoiceData = { command: 'command', pairId: 'pairId', args: 'args' } as const;

export interface PairChoiceCardData {
  command: PairCommand;
  /** The words after the command (`pause 2 weeks`: `2 weeks`), carried to the chosen pair. */
  args: readonly string[];
  pairs: readonly PairSummary[];
}

export function pairChoiceCard(data: PairChoiceCardData, strings: BotStrings = en): AdaptiveCard {
  const s = strings.pairChoice;
  const label = (p: PairSummary) =>
    p.role === 'mentee'
      ? fillPlaceholders(s.ownPlan, { mentor: p.other.displayName })
      : fillPlaceholders(s.menteePlan, { mentee: p.other.displayName });
  return adaptiveCard(
    [
      cardHeading(s.title),
      { type: 'TextBlock', text: fillPlaceholders(s.intro, { command: [data.command, ...data.args].join(' ') }), wrap: true },
      {
        type: 'ActionSet',
        actions: data.pairs.map((p) => ({
          type: 'Action.Execute' as const,
          title: label(p),
          verb: PAIR_CHOICE_VERB,
          data: { [pairChoiceData.command]: data.command, [pairChoiceData.pairId]: p.pairId, [pairChoiceData.args]: data.args.join(' ') },
        })),
      },
    ],
    [],
    s.fallbackText,
  );
}

/** A command's answer in place of the question, once the pair is chosen. */
export function pairCommandAnswerCard(text: string): AdaptiveCard {
  return adaptiveCard([{ type: 'TextBlock', text, wrap: true }], [], text);
}
