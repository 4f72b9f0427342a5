// The card the bot posts in a team's General channel when the app is added to the team: a program
// manager chooses the channel (and the program, if there are several) for the weekly digest of
// wins. The bot checks who clicked and whether the channel belongs to the team; the card only asks.
import { cardHeading, adaptiveCard, type AdaptiveCard, type CardElement } from './adaptiveCard';
import { en, fillPlaceholders, type BotStrings } from './strings';

export const digestChannelVerbs = { setChannel: 'digest.setChannel' } as const;
export const DIGEST_CHANNEL_INPUT = 'channelId';
export const DIGEST_PROGRAM_INPUT = 'programId';
/** A ChoiceSet of hundreds of channels helps nobody and inflates the card; Teams allows 200 channels a team. */
const MAX_CHOICES = 50;

export interface TeamChannelChoice {
  id: string;
  /** Teams sends no name for the General channel. */
  name?: string;
}

export interface DigestChannelCardData {
  channels: TeamChannelChoice[];
  programs: { id: string; name: string }[];
  /** After a refused or invalid choice: what to fix. */
  problem?: string;
}

export function digestChannelCard(data: DigestChannelCardData, strings: BotStrings = en): AdaptiveCard {
  const s = strings.digestChannel;
  const body: CardElement[] = [cardHeading(s.title), { type: 'TextBlock', text: s.intro, wrap: true, spacing: 'Small' }];
  if (data.problem)
    body.push({ type: 'Container', style: 'attention', spacing: 'Medium', items: [{ type: 'TextBlock', text: data.problem, wrap: true }] });
  if (data.programs.length === 0) {
    body.push({ type: 'TextBlock', text: s.noPrograms, wrap: true, spacing: 'Medium' });
    return adaptiveCard(body, [], s.fallbackText);
  }

  const actionData: Record<string, string> = {};
  const [onlyProgram] = data.programs;
  if (data.programs.length === 1 && onlyProgram) {
    body.push({ type: 'TextBlock', text: fillPlaceholders(s.onlyProgram, { program: onlyProgram.name }), wrap: true, spacing: 'Medium' });
    actionData[DIGEST_PROGRAM_INPUT] = onlyProgram.id;
  } else {
    body.push({
      type: 'Input.ChoiceSet',
      id: DIGEST_PROGRAM_INPUT,
      label: s.programLabel,
      placeholder: s.programPlaceholder,
      isRequired: true,
      errorMessage: s.programError,
      choices: data.programs.slice(0, MAX_CHOICES).map((p) => ({ title: p.name, value: p.id })),
    });
  }
  body.push({
    type: 'Input.ChoiceSet',
    id: DIGEST_CHANNEL_INPUT,
    label: s.channelLabel,
    placeholder: s.channelPlaceholder,
    isRequired: true,
    errorMessage: s.channelError,
    choices: data.channels.slice(0, MAX_CHOICES).map((c) => ({ title: channelTitle(c, strings), value: c.id })),
  });
  return adaptiveCard(
    body,
    [{ type: 'Action.Execute', title: s.submit, verb: digestChannelVerbs.setChannel, data: actionData, style: 'positive' }],
    s.fallbackText,
  );
}

export const channelTitle = (c: TeamChannelChoice, strings: BotStrings = en): string => c.name?.trim() || strings.digestChannel.general;

/** What replaces the card once the channel is chosen. */
export function digestChannelSetCard(
  data: { programName: string; channelName: string; setByName?: string },
  strings: BotStrings = en,
): AdaptiveCard {
  const s = strings.digestChannel;
  const body: CardElement[] = [
    cardHeading(s.setTitle),
    {
      type: 'Container',
      style: 'good',
      spacing: 'Medium',
      items: [{ type: 'TextBlock', text: fillPlaceholders(s.set, { program: data.programName, channel: data.channelName }), wrap: true }],
    },
  ];
  if (data.setByName)
    body.push({
      type: 'TextBlock',
      text: fillPlaceholders(s.setBy, { name: data.setByName }),
      isSubtle: true,
      wrap: true,
      spacing: 'Small',
    });
  return adaptiveCard(body, [], fillPlaceholders(s.setFallbackText, { program: data.programName, channel: data.channelName }));
}

/** For someone who is not a manager of the program: polite, and nothing changed. */
export function digestChannelNotManagerCard(strings: BotStrings = en): AdaptiveCard {
  const s = strings.digestChannel;
  return adaptiveCard(
    [cardHeading(s.notManagerTitle), { type: 'TextBlock', text: s.notManager, wrap: true, spacing: 'Medium' }],
    [],
    s.notManagerFallbackText,
  );
}
