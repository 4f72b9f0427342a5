// The program survey answered on the renewal card (Action.Execute `renewal.survey`): the answer goes
// to the same survey use case the tab calls, taken only as the person's first of the cycle (a card
// cannot show an earlier answer to change). The invoke answers with the card that replaces the one
// clicked: thanked for, refused politely for a second answer, or with what to fix.
import type { Application, TurnState } from '@microsoft/teams-ai';
import { z } from 'zod';
import { isoDate } from '../../shared/dates';
import { entityId } from '../../shared/program';
import type { PeopleRepository } from '../../shared/repositories';
import { surveyAnswers } from '../../shared/survey/survey';
import type { SurveyService } from '../../shared/survey/surveyService';
import { parseInput } from '../../shared/validation';
import type { CardLinks } from '../cards/cardLinks';
import { renewalCard, renewalCardVerbs, surveyAnswersFromCard, type RenewalCardData } from '../cards/renewalCard';
import { en } from '../cards/strings';
import type { Logger } from '../log';
import { senderWithProfile } from './botActor';
import { cardAnswers, invokeHandler, refuse } from './invokeAnswers';

export interface RenewalSurveyActionDeps {
  surveys: SurveyService;
  people: PeopleRepository;
  links: CardLinks;
  mode: 'development' | 'production';
  log: Logger;
  now: () => Date;
}

/** What the card names: the survey's program and the renewal it came with. Who answers is the sender, never the data. */
const actionTarget = z
  .object({
    programId: entityId,
    pairId: entityId,
    role: z.enum(['mentor', 'mentee']),
    cycleEnd: isoDate,
    opensOn: isoDate,
  })
  .passthrough();

export function registerRenewalSurveyActions(app: Application<TurnState>, deps: RenewalSurveyActionDeps): void {
  const asSender = invokeHandler({ log: deps.log, identify: senderWithProfile(deps) }, 'renewal survey answer', cardAnswers());

  app.adaptiveCards.actionExecute<Record<string, unknown>>(renewalCardVerbs.answerSurvey, async (context, _state, data) =>
    asSender(context, async (actor) => {
      const target = actionTarget.safeParse(data);
      if (!target.success) return refuse(en.refused.staleCard);
      const { programId, pairId, role, cycleEnd, opensOn } = target.data;
      const card = (survey: RenewalCardData['survey']) => renewalCard({ pairId, role, cycleEnd, opensOn, links: deps.links, survey });

      const view = await deps.surveys.get(actor, programId);
      if (!view.ok) return refuse(view.error);
      const { programName, questions } = view.value;
      const parsed = parseInput(surveyAnswers, surveyAnswersFromCard(questions, data), 'Some answers need attention.');
      const result = parsed.ok ? await deps.surveys.answer(actor, programId, parsed.value, { firstOnly: true }) : parsed;
      if (result.ok) return card({ state: 'answered', programName });
      if (result.error.code === 'conflict') return card({ state: 'answered', programName, message: result.error.message });
      if (result.error.code === 'invalid') {
        const problems = [...new Set([result.error.message, ...(result.error.issues ?? []).map((i) => i.message)])];
        return card({ state: 'open', programId, programName, questions, problems });
      }
      return refuse(result.error);
    }),
  );
}
