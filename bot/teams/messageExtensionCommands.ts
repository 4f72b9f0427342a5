// The message extension's command ids (appPackage/manifest.json `composeExtensions[0].commands`)
// and the shapes the bot answers Teams with. Handlers route on these constants, never on text.
import {
  CardFactory,
  type MessagingExtensionAttachment,
  type MessagingExtensionResult,
  type TaskModuleTaskInfo,
  type TurnContext,
} from 'botbuilder';
import type { AskForFeedback } from '../../shared/feedback/askForFeedback';
import type { Actor } from '../../shared/policy';
import type { RecognitionService } from '../../shared/recognition/recognitionService';
import type { PeopleRepository } from '../../shared/repositories';
import type { Failure } from '../../shared/result';
import type { AdaptiveCard, DialogCard } from '../cards/adaptiveCard';
import type { CardLinks } from '../cards/cardLinks';
import type { CardPreview } from '../cards/goalCard';
import type { Logger } from '../log';
import type { PlanReaders } from './messageExtensionPlans';

export const meCommands = {
  sendFeedback: 'sendFeedback',
  recognizeWin: 'recognizeWin',
  requestFeedback: 'requestFeedback',
  myGoals: 'myGoals',
} as const;
export type MeCommand = (typeof meCommands)[keyof typeof meCommands];

/** The search parameter of `myGoals`; Teams sends `initialRun` instead when the pane first opens. */
export const MY_GOALS_SEARCH_PARAMETER = 'searchText';

/** The most results a search answers at once (Teams asks for 25 by default). */
export const SEARCH_RESULTS_MAX = 25;

/** A dialog (task module) showing this card; Teams titles the dialog with `title`. */
export function dialog(title: string, card: DialogCard): TaskModuleTaskInfo {
  return { title, width: 'medium', height: 'large', card: CardFactory.adaptiveCard(card) };
}

/** A card with the line Teams shows for it before it is sent (search results, link previews). */
export function cardAttachment(card: AdaptiveCard, preview?: CardPreview): MessagingExtensionAttachment {
  const attachment: MessagingExtensionAttachment = CardFactory.adaptiveCard(card);
  if (preview) attachment.preview = CardFactory.thumbnailCard(preview.title, preview.text);
  return attachment;
}

/** Cards for the compose box: an action command's card for the chat, or search and unfurl results. */
export const cardsResult = (attachments: MessagingExtensionAttachment[]): MessagingExtensionResult => ({
  type: 'result',
  attachmentLayout: 'list',
  attachments,
});

/** What a search shows instead of results: a sentence in the results pane. */
export const messageResult = (text: string): MessagingExtensionResult => ({ type: 'message', text });

export interface MessageExtensionDeps extends PlanReaders {
  recognition: RecognitionService;
  feedback: AskForFeedback;
  people: PeopleRepository;
  links: CardLinks;
  /** The app's public address: the host whose plan links unfurl. */
  publicUrl: string;
  mode: 'development' | 'production';
  log: Logger;
  now: () => Date;
  /** How long reading a chat's members may take before the dialog goes on without them. */
  membersBudgetMs?: number;
}

/** One action command: the dialog it opens, and what its dialog's submit answers. */
export interface ActionCommand {
  fetch(actor: Actor, context: TurnContext): Promise<TaskModuleTaskInfo>;
  submit(actor: Actor, context: TurnContext, data: Record<string, unknown>): Promise<TaskModuleTaskInfo | MessagingExtensionResult>;
}

/** The dialog's inputs as text, to fill a refused dialog again with what was typed. */
export function formValues(data: Record<string, unknown>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(data)) {
    if (typeof value === 'string') values[key] = value;
    else if (typeof value === 'number' || typeof value === 'boolean') values[key] = String(value);
  }
  return values;
}

/** A failure's sentences for the dialog: each field's problem, or its one message. */
export const problemsOf = (failure: Failure): string[] =>
  failure.issues?.length ? [...new Set(failure.issues.map((i) => i.message))] : [failure.message];

/** The text of the message an action was started from ("..." on a message), as plain text. */
export function startingMessageText(context: TurnContext, max: number): string | undefined {
  const content = (context.activity.value as { messagePayload?: { body?: { content?: unknown } } } | undefined)?.messagePayload?.body
    ?.content;
  if (typeof content !== 'string') return undefined;
  const text = content
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
  return text ? text.slice(0, max) : undefined;
}
