// The renewal card both people of an open pair get two weeks before the program's cycle ends: the
// date, a link into the plan's Renewal place and, when the program runs a survey, its questions to
// answer on the card (Action.Execute `renewal.survey`). Pure functions of typed data: the card
// after an answer is the same card with the survey thanked for, or with what to fix.
import type { IsoDate } from '../../shared/dates';
import type { PairRole } from '../../shared/mentorship';
import { planPath, planUrl } from '../../shared/planLinks';
import type { SurveyAnswers, SurveyQuestion } from '../../shared/survey/survey';
import { adaptiveCard, type AdaptiveCard, type CardAction, type CardElement } from './adaptiveCard';
import type { CardLinks } from './cardLinks';
import { renewalCardStrings as s } from './renewalCardStrings';
import { en, fillPlaceholders } from './strings';

export const renewalCardVerbs = { answerSurvey: 'renewal.survey' } as const;

const ratingInput = (questionId: string) => `rating.${questionId}`;
const textInput = (questionId: string) => `text.${questionId}`;

export type RenewalCardSurvey =
  | { state: 'open'; programId: string; programName: string; questions: readonly SurveyQuestion[]; problems?: string[] }
  | { state: 'answered'; programName: string; message?: string };

export interface RenewalCardData {
  pairId: string;
  role: PairRole;
  cycleEnd: IsoDate;
  /** The day the renewal opened (two weeks before the cycle ends). */
  opensOn: IsoDate;
  links: CardLinks;
  survey?: RenewalCardSurvey;
}

/** "Open the renewal": the personal tab inside Teams at the plan's Renewal place, and in development the browser. */
function openRenewalActions(links: CardLinks, pairId: string): CardAction[] {
  const ref = { pairId, place: 'renewal' as const };
  const context = encodeURIComponent(JSON.stringify({ subEntityId: planPath(ref) }));
  const actions: CardAction[] = [{ type: 'Action.OpenUrl', title: s.openRenewal, url: `${links.tab}?context=${context}` }];
  if (links.browser) actions.push({ type: 'Action.OpenUrl', title: en.actions.openInBrowser, url: planUrl(links.browser, ref) });
  return actions;
}

function surveyElements(data: RenewalCardData, survey: RenewalCardSurvey): CardElement[] {
  const title: CardElement = {
    type: 'TextBlock',
    text: fillPlaceholders(s.survey.title, { program: survey.programName }),
    weight: 'Bolder',
    size: 'Medium',
    wrap: true,
  };
  if (survey.state === 'answered')
    return [
      {
        type: 'Container',
        separator: true,
        spacing: 'Large',
        items: [title, { type: 'TextBlock', text: survey.message ?? s.survey.answered, wrap: true }],
      },
    ];
  const items: CardElement[] = [title, { type: 'TextBlock', text: s.survey.intro, wrap: true, isSubtle: true }];
  if (survey.problems?.length)
    items.push({
      type: 'Container',
      style: 'attention',
      items: [s.survey.problems, ...survey.problems].map((text) => ({ type: 'TextBlock' as const, text, wrap: true })),
    });
  for (const q of survey.questions) {
    if (q.kind === 'rating')
      items.push({
        type: 'Input.ChoiceSet',
        id: ratingInput(q.id),
        label: `${q.text} (${s.survey.ratingHint})`,
        style: 'expanded',
        isRequired: true,
        errorMessage: s.survey.ratingRequired,
        choices: [1, 2, 3, 4, 5].map((n) => ({ title: String(n), value: String(n) })),
      });
    else items.push({ type: 'Input.Text', id: textInput(q.id), label: q.text, isMultiline: true, maxLength: 2000 });
  }
  items.push({
    type: 'ActionSet',
    actions: [
      {
        type: 'Action.Execute',
        title: s.survey.submit,
        verb: renewalCardVerbs.answerSurvey,
        style: 'positive',
        data: { programId: survey.programId, pairId: data.pairId, role: data.role, cycleEnd: data.cycleEnd, opensOn: data.opensOn },
      },
    ],
  });
  return [{ type: 'Container', separator: true, spacing: 'Large', items }];
}

export function renewalCard(data: RenewalCardData): AdaptiveCard {
  const body: CardElement[] = [
    {
      type: 'TextBlock',
      text: fillPlaceholders(s.title, { date: data.cycleEnd }),
      style: 'heading',
      size: 'Large',
      weight: 'Bolder',
      wrap: true,
    },
    { type: 'TextBlock', text: s.intro[data.role], wrap: true },
    {
      type: 'FactSet',
      facts: [
        { title: s.renewalOpen, value: data.opensOn },
        { title: s.cycleEnds, value: data.cycleEnd },
      ],
    },
    { type: 'ActionSet', actions: openRenewalActions(data.links, data.pairId) },
  ];
  if (data.survey) body.push(...surveyElements(data, data.survey));
  return adaptiveCard(body, [], fillPlaceholders(s.fallbackText, { date: data.cycleEnd }));
}

/** The survey's answers as the card's inputs send them back: `rating.{id}` as "1"-"5", `text.{id}`. Anything else is left out. */
export function surveyAnswersFromCard(questions: readonly SurveyQuestion[], inputs: Record<string, unknown>): SurveyAnswers {
  const ratings: Record<string, number> = {};
  const texts: Record<string, string> = {};
  for (const q of questions) {
    const raw = inputs[q.kind === 'rating' ? ratingInput(q.id) : textInput(q.id)];
    if (typeof raw !== 'string') continue;
    if (q.kind === 'rating' && /^[1-5]$/.test(raw.trim())) ratings[q.id] = Number(raw.trim());
    else if (q.kind === 'text') texts[q.id] = raw;
  }
  return { ratings, texts };
}
