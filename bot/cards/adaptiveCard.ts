// The part of the Adaptive Card 1.5 schema the app's cards use, as plain JSON types: cards are
// pure data, built without any SDK, so the bot sends them and the tab can preview them.
export const ADAPTIVE_CARD_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';
export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

type Spacing = 'None' | 'Small' | 'Default' | 'Medium' | 'Large' | 'ExtraLarge';

export interface TextBlock {
  type: 'TextBlock';
  text: string;
  wrap?: boolean;
  size?: 'Small' | 'Default' | 'Medium' | 'Large' | 'ExtraLarge';
  weight?: 'Lighter' | 'Default' | 'Bolder';
  isSubtle?: boolean;
  spacing?: Spacing;
  style?: 'default' | 'heading';
}

export interface FactSet {
  type: 'FactSet';
  facts: { title: string; value: string }[];
  spacing?: Spacing;
}

export interface Container {
  type: 'Container';
  items: CardElement[];
  style?: 'default' | 'emphasis' | 'good' | 'attention' | 'warning' | 'accent';
  spacing?: Spacing;
  separator?: boolean;
}

interface InputBase {
  id: string;
  label?: string;
  isRequired?: boolean;
  /** Shown by the client under the input when its own validation (required, min/max, length) fails. */
  errorMessage?: string;
  spacing?: Spacing;
}

export interface TextInput extends InputBase {
  type: 'Input.Text';
  placeholder?: string;
  isMultiline?: boolean;
  maxLength?: number;
  value?: string;
}

export interface NumberInput extends InputBase {
  type: 'Input.Number';
  placeholder?: string;
  min?: number;
  max?: number;
  value?: number;
}

export interface ChoiceSetInput extends InputBase {
  type: 'Input.ChoiceSet';
  choices: { title: string; value: string }[];
  style?: 'compact' | 'expanded';
  placeholder?: string;
  /** For a multi-select, the chosen values joined by commas (as the client sends them back). */
  value?: string;
  isMultiSelect?: boolean;
  /** Teams' people picker: choices come from the tenant directory (values are Entra object ids). */
  'choices.data'?: { type: 'Data.Query'; dataset: 'graph.microsoft.com/users' };
}

export interface DateInput extends InputBase {
  type: 'Input.Date';
  /** `YYYY-MM-DD`, as the client also sends it back. */
  value?: string;
  min?: string;
  max?: string;
}

/** Sends "true" or "false" (the defaults of valueOn / valueOff). */
export interface ToggleInput extends InputBase {
  type: 'Input.Toggle';
  title: string;
  value?: 'true' | 'false';
}

export type CardInput = TextInput | NumberInput | ChoiceSetInput | DateInput | ToggleInput;

/** Buttons inside the body, next to what they act on (the card's own actions sit at its end). */
export interface ActionSet {
  type: 'ActionSet';
  actions: CardAction[];
  spacing?: 'Small' | 'Medium' | 'Large';
}

export type CardElement = TextBlock | FactSet | Container | CardInput | ActionSet;

export interface OpenUrlAction {
  type: 'Action.OpenUrl';
  title: string;
  url: string;
}

/** Universal Actions: the client sends `verb` and `data` (merged with the card's input values) to the bot. */
export interface ExecuteAction {
  type: 'Action.Execute';
  title: string;
  verb: string;
  data: Record<string, string>;
  style?: 'positive' | 'destructive';
}

/**
 * Dialogs (message extension task modules) only: the client sends `data` merged with the inputs to
 * the bot as the dialog's submit. Cards in a conversation use Action.Execute instead.
 */
export interface SubmitAction {
  type: 'Action.Submit';
  title: string;
  data?: Record<string, string>;
  style?: 'positive' | 'destructive';
}

export type CardAction = OpenUrlAction | ExecuteAction;

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: typeof ADAPTIVE_CARD_SCHEMA;
  version: '1.5';
  body: CardElement[];
  actions?: CardAction[];
  /** Shown by clients (and notifications) that cannot render the card. */
  fallbackText?: string;
  /** Teams renders the card across the chat's width instead of a narrow bubble. */
  msteams?: { width: 'Full' };
  /** Universal Actions: the listed users' clients ask the bot for their own view of the card (at most 60). */
  refresh?: { action: ExecuteAction; userIds?: string[] };
}

/** A dialog's card: its buttons submit the dialog (Action.Submit), nothing else. */
export interface DialogCard extends Omit<AdaptiveCard, 'actions'> {
  actions: SubmitAction[];
}

/** A card's title: the one heading every card starts with. */
export const cardHeading = (text: string): TextBlock => ({
  type: 'TextBlock',
  text,
  style: 'heading',
  size: 'Large',
  weight: 'Bolder',
  wrap: true,
});

export function adaptiveCard(body: CardElement[], actions: CardAction[], fallbackText: string): AdaptiveCard {
  return { type: 'AdaptiveCard', $schema: ADAPTIVE_CARD_SCHEMA, version: '1.5', body, actions, fallbackText, msteams: { width: 'Full' } };
}
