// Every text the bot shows, in one table per language so a translation is a copy of this object.
// Placeholders are `{name}`; markdown is the subset Adaptive Card TextBlocks render (**bold**).
export const en = {
  welcome: {
    titleWithName: 'Welcome to Mentoring, {name}',
    title: 'Welcome to Mentoring',
    intro: 'Mentoring runs your mentoring program here in Teams: your development plan, regular check-ins with your mentor, and feedback from the people you work with.',
    features: [
      '**Your plan**: SMART goals tied to your company’s priorities, with milestones and review dates.',
      '**Check-ins**: a short card in this chat on your pair’s cadence, at your local time.',
      '**Feedback**: ask peers, supervisors and customers; they answer right in the card.',
      '**Your choice**: you decide, entry by entry, what program leadership sees.',
    ],
    helpHint: 'Type **help** to see what I can do.',
    fallbackText: 'Welcome to Mentoring. Open the Mentoring tab to see your plan, or type help.',
  },
  help: {
    title: 'What I can do',
    intro: 'Type a command in this chat:',
    tabHint: 'Your plan, goals and check-in history are in the Mentoring tab.',
    fallbackText: 'Mentoring commands: help. Your plan is in the Mentoring tab.',
  },
  commands: {
    help: 'Shows this list.',
  },
  actions: {
    openPlan: 'Open my plan',
    openInBrowser: 'Open in the browser (development)',
  },
  replies: {
    unknownCommand: 'I did not catch that. Type **help** to see what I can do.',
    somethingWentWrong: 'Something went wrong on our side. Try again in a moment.',
  },
};

export type BotStrings = typeof en;

/** Fills `{placeholder}`s; a placeholder without a value stays visible so a gap is noticed. */
export function fillPlaceholders(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}
