// "Send feedback" and "Recognize a win": a dialog, then the recognition service records the note
// or the win, and the card for the chat goes back in the invoke response. A refused submit shows
// the dialog again with what was typed and what to fix; nothing is written then.
import type { TurnContext } from 'botbuilder';
import { todayIn } from '../../shared/dates';
import { limits } from '../../shared/limits';
import type { Actor } from '../../shared/policy';
import { entityId } from '../../shared/program';
import { feedbackNoteInput } from '../../shared/recognition/feedbackNote';
import { WIN_TEXT_MAX, winInput } from '../../shared/recognition/win';
import { parseInput } from '../../shared/validation';
import { feedbackNoteCard } from '../cards/feedbackNoteCard';
import { kudosCard } from '../cards/kudosCard';
import { meInputs, noticeForm, parseGoalChoice, recognizeWinForm, sendFeedbackForm } from '../cards/messageExtensionForms';
import { en, fillPlaceholders } from '../cards/strings';
import {
  cardAttachment,
  cardsResult,
  dialog,
  formValues,
  problemsOf,
  startingMessageText,
  type ActionCommand,
  type MessageExtensionDeps,
} from './messageExtensionCommands';
import { menteeGoalChoices, plansOf, winTargets } from './messageExtensionPlans';

const s = en.messageExtension;

export function sendFeedbackCommand(deps: MessageExtensionDeps): ActionCommand {
  const t = s.sendFeedback;

  async function form(actor: Actor, values?: Record<string, string>, problems?: string[]) {
    const goals = menteeGoalChoices(await plansOf(actor, deps));
    // Without a form to show again, the refusal's reason is the whole answer.
    if (goals.length === 0) return dialog(t.title, noticeForm(t.title, problems?.join(' ') || t.noMentees));
    return dialog(t.title, sendFeedbackForm({ goals, values, problems }));
  }

  return {
    async fetch(actor, context: TurnContext) {
      const quoted = startingMessageText(context, limits.longText);
      return form(actor, quoted ? { [meInputs.text]: quoted } : undefined);
    },

    async submit(actor, _context, data) {
      const values = formValues(data);
      const target = parseGoalChoice(data[meInputs.goal]);
      if (!target) return form(actor, values, [t.goalError]);
      const note = parseInput(
        feedbackNoteInput,
        { goalId: target.goalId, text: values[meInputs.text] ?? '' },
        'The feedback needs attention.',
      );
      if (!note.ok) return form(actor, values, problemsOf(note.error));
      const noted = await deps.recognition.sendFeedbackNote(actor, target.pairId, note.value);
      if (!noted.ok) return form(actor, values, problemsOf(noted.error));
      const { mentor, mentee, goalTitle, entry } = noted.value;
      const card = feedbackNoteCard({
        mentorName: mentor.displayName,
        menteeName: mentee.displayName,
        goalTitle,
        text: entry.body ?? entry.summary,
        date: todayIn(actor.timeZone, deps.now()),
      });
      return cardsResult([cardAttachment(card)]);
    },
  };
}

export function recognizeWinCommand(deps: MessageExtensionDeps): ActionCommand {
  const t = s.recognizeWin;
  const ownPlanTitle = (mentor: string) => fillPlaceholders(t.ownPlan, { mentor });

  async function form(actor: Actor, values?: Record<string, string>, problems?: string[]) {
    const targets = winTargets(await plansOf(actor, deps), ownPlanTitle);
    if (targets.pairs.length === 0) return dialog(t.title, noticeForm(t.title, problems?.join(' ') || t.noPairs));
    return dialog(t.title, recognizeWinForm({ ...targets, values, problems }));
  }

  return {
    async fetch(actor, context) {
      const quoted = startingMessageText(context, WIN_TEXT_MAX);
      return form(actor, quoted ? { [meInputs.text]: quoted } : undefined);
    },

    async submit(actor, _context, data) {
      const values = formValues(data);
      const pair = entityId.safeParse(data[meInputs.pair]);
      if (!pair.success) return form(actor, values, [t.pairError]);
      const pairId = pair.data;
      const goalValue = values[meInputs.goal];
      const goal = goalValue ? parseGoalChoice(goalValue) : undefined;
      if (goalValue && (!goal || goal.pairId !== pairId)) return form(actor, values, [t.goalOfOtherPair]);
      const input = parseInput(
        winInput,
        {
          text: values[meInputs.text] ?? '',
          shareInDigest: values[meInputs.shareInDigest] === 'true',
          ...(goal ? { goalId: goal.goalId } : {}),
        },
        'The win needs attention.',
      );
      if (!input.ok) return form(actor, values, problemsOf(input.error));
      const recorded = await deps.recognition.recognizeWin(actor, pairId, input.value);
      if (!recorded.ok) return form(actor, values, problemsOf(recorded.error));
      const { mentor, mentee, goalTitle, win } = recorded.value;
      const card = kudosCard({
        menteeName: mentee.displayName,
        recognizedByName: win.value.recognizedBy === mentor.id ? mentor.displayName : mentee.displayName,
        text: win.value.text,
        ...(goalTitle ? { goalTitle } : {}),
        date: todayIn(actor.timeZone, deps.now()),
        sharedInDigest: win.value.shareInDigest,
      });
      return cardsResult([cardAttachment(card)]);
    },
  };
}
