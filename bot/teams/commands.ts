// The commands the bot understands, by name. Messages are routed on these names (never on words
// found somewhere in the text); the manifest's commandLists and the help card list the same ones.
export const botCommands = ['help'] as const;
export type BotCommand = (typeof botCommands)[number];

/**
 * The command a message names: its first word, case-insensitive, with any leftover `<at>` mention
 * and a leading `/` removed. `help me please` is `help`; `can you help` is no command.
 */
export function commandOf(text: string | undefined): BotCommand | undefined {
  const words = (text ?? '')
    .replace(/<at>[^<]*<\/at>/gi, ' ')
    .trim()
    .toLowerCase()
    .split(/\s+/);
  const first = (words[0] ?? '').replace(/^\//, '').replace(/[.!?]+$/, '');
  return botCommands.find((command) => command === first);
}
