// The commands the bot understands, by name. Messages are routed on these names (never on words
// found somewhere in the text); the manifest's commandLists and the help card list the same ones.
export const botCommands = ['help', 'check in', 'plan', 'pause', 'resume', 'snooze', 'ask for feedback'] as const;
export type BotCommand = (typeof botCommands)[number];

// Longest names first, so a name that starts with another command's name still wins.
const byLength = [...botCommands].sort((a, b) => b.split(' ').length - a.split(' ').length);

/**
 * The command a message names: its first word(s), case-insensitive, with any leftover `<at>`
 * mention and a leading `/` removed. `help me please` is `help`; `Check in!` is `check in`;
 * `can you help` is no command.
 */
export function commandOf(text: string | undefined): BotCommand | undefined {
  const words = wordsOf(text);
  return byLength.find((command) => command.split(' ').every((name, i) => words[i] === name));
}

/** The words after the command's name, lower case: `pause until 2026-05-01` gives `['until', '2026-05-01']`. */
export function commandArguments(text: string | undefined): string[] {
  const command = commandOf(text);
  return command
    ? wordsOf(text)
        .slice(command.split(' ').length)
        .filter((w) => w !== '')
    : [];
}

function wordsOf(text: string | undefined): string[] {
  return (text ?? '')
    .replace(/<at>[^<]*<\/at>/gi, ' ')
    .trim()
    .toLowerCase()
    .replace(/^\//, '')
    .split(/\s+/)
    .map((w) => w.replace(/[.!?]+$/, ''));
}
