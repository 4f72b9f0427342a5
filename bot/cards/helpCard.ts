import { adaptiveCard, type AdaptiveCard } from './adaptiveCard';
import { openPlanActions, type CardLinks } from './cardLinks';
import { en, type BotStrings } from './strings';

export interface HelpCardData {
  /** The commands the bot understands, in the order to list them. */
  commands: readonly (keyof BotStrings['commands'])[];
  links: CardLinks;
}

/** The answer to `help`: every command with what it does, and the way to the plan. */
export function helpCard(data: HelpCardData, strings: BotStrings = en): AdaptiveCard {
  const s = strings.help;
  return adaptiveCard(
    [
      { type: 'TextBlock', text: s.title, style: 'heading', size: 'Large', weight: 'Bolder', wrap: true },
      { type: 'TextBlock', text: s.intro, wrap: true },
      { type: 'FactSet', facts: data.commands.map((command) => ({ title: command, value: strings.commands[command] })) },
      { type: 'TextBlock', text: s.tabHint, wrap: true, isSubtle: true, spacing: 'Medium' },
    ],
    openPlanActions(data.links, strings),
    s.fallbackText,
  );
}
