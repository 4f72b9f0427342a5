import { addDays, type IsoDate } from '../../shared/dates';
import { cardHeading, adaptiveCard, type AdaptiveCard } from './adaptiveCard';
import { openPlanActions, type CardLinks } from './cardLinks';
import { en, fillPlaceholders, type BotStrings } from './strings';

export interface HelpCardData {
  /** The commands the bot understands, in the order to list them. */
  commands: readonly (keyof BotStrings['commands'])[];
  links: CardLinks;
  /** The day the card is made: examples name dates after it, so a card never suggests a past date. */
  today: IsoDate;
}

/** The date a `pause until` example names: two weeks ahead, the same span as `pause 2 weeks`. */
export const pauseExampleDate = (today: IsoDate): IsoDate => addDays(today, 14);

/** The answer to `help`: every command with what it does, and the way to the plan. */
export function helpCard(data: HelpCardData, strings: BotStrings = en): AdaptiveCard {
  const s = strings.help;
  const describe = (command: keyof BotStrings['commands']) =>
    command === 'pause' ? fillPlaceholders(s.pauseExample, { date: pauseExampleDate(data.today) }) : strings.commands[command];
  return adaptiveCard(
    [
      cardHeading(s.title),
      { type: 'TextBlock', text: s.intro, wrap: true },
      { type: 'FactSet', facts: data.commands.map((command) => ({ title: command, value: describe(command) })) },
      { type: 'TextBlock', text: s.tabHint, wrap: true, isSubtle: true, spacing: 'Medium' },
    ],
    openPlanActions(data.links, strings),
    s.fallbackText,
  );
}
